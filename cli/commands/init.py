"""``aiact init``: start a fact file from what is already written, a Hugging Face model card.

The command owns files and exit status; reading the card and mapping it to
facts live in the questionnaire package (the web front door needs them too).
Exit status: 0 when written, 2 on bad usage or a bad card (one line per
problem, nothing written; in a batch, nothing is written unless every card
converts).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from aiact.engine import FactFileError
from aiact.engine.files import write_atomically
from aiact.engine.loading import SUFFIXES
from aiact.questionnaires.cardfacts import CardFacts, card_facts, fact_file_text
from aiact.questionnaires.modelcard import CARD_NAME, card_file, find_cards, read_card


def fail(lines: list[str]) -> NoReturn:
    """One line per problem on stderr, exit status 2, nothing written."""
    for line in lines:
        click.echo(line, err=True)
    sys.exit(2)


def convert(path: Path, repo_id: str | None = None) -> CardFacts:
    """A card's facts, or exit 2 with its problems."""
    try:
        return card_facts(read_card(path, repo_id=repo_id))
    except FactFileError as err:
        fail(err.problems)


def _check_target(target: Path, force: bool) -> list[str]:
    if target.suffix.lower() not in SUFFIXES:
        return [f"{target}: a fact file ends in .yaml, .yml or .json"]
    if target.exists() and (not force or target.is_dir()):
        return [f"{target}: already exists; choose another name, or give --force to replace it"]
    return []


def _show_notes(source: str, result: CardFacts) -> None:
    for note in result.notes:
        click.echo(f"{source}: note: {note}", err=True)


def _single(path: Path, out: Path | None, force: bool, repo_id: str | None, shown: str) -> None:
    if out is not None:
        problems = _check_target(out, force)
        if not out.parent.is_dir():
            problems.append(f"{out}: the folder {out.parent} does not exist")
        if problems:
            fail(problems)
    result = convert(path, repo_id)
    text = fact_file_text(result, card=shown, json_format=out is not None and out.suffix.lower() == ".json")
    _show_notes(shown, result)
    if out is None:
        click.echo(text, nl=False)
        return
    try:
        write_atomically(out, text)
    except OSError as err:
        fail([f"{out}: cannot write: {err.strerror or err}"])
    sources = result.document.get("provenance")
    stated = len(sources) if isinstance(sources, dict) else 0
    click.echo(f"wrote {out}: {stated} values from the card, each with its source; everything else is unknown.",
               err=True)
    click.echo(f"next: aiact interview --resume {out}   (asks only what is left)   or   aiact memo {out}", err=True)


def _batch(folder: Path, out: Path | None, force: bool) -> None:
    cards = find_cards(folder)
    if not cards:
        fail([f"{folder}: no model card ({CARD_NAME}) in this folder or below it"])
    if out is None:
        fail([f"{folder}: holds {len(cards)} model cards; give -o OUTDIR for their fact files"])
    if out.exists() and not out.is_dir():
        fail([f"{out}: is a file; for a folder of cards, -o names a folder"])
    problems: list[str] = []
    planned: list[tuple[Path, CardFacts, Path]] = []
    for card in cards:
        target = out / card.parent.relative_to(folder).with_suffix(".yaml")
        problems += _check_target(target, force)
        try:
            planned.append((card, card_facts(read_card(card)), target))
        except FactFileError as err:
            problems += err.problems
    if problems:
        fail([*problems, f"nothing written: fix the {len(problems)} problem(s) above and run again"])
    for _card, result, target in planned:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, fact_file_text(result, card=str(card)))
        except OSError as err:
            fail([f"{target}: cannot write: {err.strerror or err}"])
    notes = sum(len(result.notes) for _, result, _ in planned)
    click.echo(f"wrote {len(planned)} fact files under {out} ({notes} notes on what the cards leave open, in each "
               f"file's header); next: aiact check {out}", err=True)


@click.command("init")
@click.option("--from-model-card", "card", type=click.Path(path_type=Path, exists=True), default=None,
              help=f"A model card ({CARD_NAME} with YAML metadata), a folder holding one, "
              "or a folder of model folders (then -o names the output folder).")
@click.option("--hub-id", default=None, metavar="ORG/NAME",
              help="Fetch the model card from the Hugging Face Hub (needs network and pip install 'aiact[hub]').")
@click.option("-o", "--out", type=click.Path(path_type=Path), default=None,
              help="The fact file to write (.yaml, .yml or .json; default: standard output), "
              "or for a folder of cards the folder to write one fact file per card into.")
@click.option("--force", is_flag=True, help="Replace fact files that already exist.")
def command(card: Path | None, hub_id: str | None, out: Path | None, force: bool) -> None:
    """Start a fact file from a Hugging Face model card: the facts it settles, each with its source.

    The licence, the base model and how the model was made from it, the task
    and gated access become facts; nothing the card does not say is guessed,
    and notes on standard error say what stays open. Then run
    aiact interview --resume FILE (asks only what is left) or aiact memo FILE.
    """
    if (card is None) == (hub_id is None):
        fail(["give one of --from-model-card PATH or --hub-id ORG/NAME"])
    if hub_id is not None:
        from aiact.questionnaires.hubcard import fetch_card

        try:
            fetched = fetch_card(hub_id)
        except FactFileError as err:
            fail(err.problems)
        _single(fetched, out, force, hub_id, f"{hub_id} ({CARD_NAME})")
        return
    assert card is not None
    if card.is_dir() and not card_file(card).is_file():
        _batch(card, out, force)
    else:
        _single(card, out, force, None, str(card_file(card)))
