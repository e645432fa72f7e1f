"""``aiact interview``: build a fact file by answering questions; only what still matters is asked.

The command owns the file and the exit status; the questionnaire package
owns the questions, their order and the saving. The file is written after
every answer, so quitting (``q``), end of input and Ctrl-C all leave a valid
fact file that ``--resume`` continues. Exit status: 0 when the interview
ends or is quit, 130 on Ctrl-C, 2 on bad usage or an unreadable resume file.
"""

from __future__ import annotations

import hashlib
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import NoReturn

import click

from aiact import default_engine
from aiact.engine import FactFileError, validate
from aiact.engine.files import write_atomically
from aiact.engine.loading import SUFFIXES
from aiact.outputs import choose_format, memo_text
from aiact.questionnaires import load_questionnaire
from aiact.questionnaires.answers import show_value
from aiact.questionnaires.flow import Flow
from aiact.questionnaires.interview import Ending, TerminalConsole, run_interview
from aiact.questionnaires.session import Answers
from aiact.questionnaires.store import answers_from, load, render
from aiact.questionnaires.summary import summary_lines
from aiact.questionnaires.texts import say

DEFAULT_OUT = Path("aiact-facts.yaml")


def fail(lines: list[str]) -> NoReturn:
    """One line per problem on stderr, exit status 2, nothing written."""
    for line in lines:
        click.echo(line, err=True)
    sys.exit(2)


def _target(out: Path | None, resume: Path | None) -> Path:
    """Where answers are saved: --out, else the resumed file, else aiact-facts.yaml here."""
    target = out or resume or DEFAULT_OUT
    if target.suffix.lower() not in SUFFIXES:
        fail([say("bad_suffix", file=target)])
    if not target.parent.is_dir():
        fail([say("out_folder_missing", file=target, folder=target.parent)])
    if target.exists() and (resume is None or target.resolve() != resume.resolve()):
        fail([say("exists", file=target)])
    return target


def _from_card(path: Path) -> Answers:
    """The answers a model card settles (exit 2 with one line per problem for a bad card)."""
    from aiact.questionnaires.cardfacts import card_facts
    from aiact.questionnaires.modelcard import read_card

    try:
        card = read_card(path)
        return answers_from(card_facts(card).document, card.source)
    except FactFileError as err:
        fail(err.problems)


@click.command("interview")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help=f"Save the answers to this fact file after every answer (default: ./{DEFAULT_OUT}).")
@click.option("--resume", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Continue an interview saved in this fact file; what it answers is not asked again.")
@click.option("--from-model-card", "model_card", type=click.Path(path_type=Path, exists=True), default=None,
              help="Start from what a Hugging Face model card (README.md, or its folder) settles; "
              "only what is left is asked.")
@click.option("--memo", "memo_out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="At the end, also write the memo to this file (HTML if it ends in .html, else Markdown).")
def command(out: Path | None, resume: Path | None, model_card: Path | None, memo_out: Path | None) -> None:
    """Answer questions about an AI system or model; get its fact file and the assessment.

    Only questions whose answer still changes a conclusion are asked, topic by
    topic. Type h for help and citations, b to go back one answer, q to save
    and quit, ? when you do not know. Your answers are saved after every
    answer, and --resume continues where you stopped.
    """
    target = _target(out, resume)
    if memo_out is not None and not memo_out.parent.is_dir():
        fail([say("out_folder_missing", file=memo_out, folder=memo_out.parent)])
    if model_card is not None and resume is not None:
        fail(["give --resume FILE or --from-model-card PATH, not both (a resumed file already holds the card's facts)"])
    answers = Answers()
    if resume is not None:
        try:
            answers = load(resume)
        except FactFileError as err:
            fail(err.problems)
    if model_card is not None:
        answers = _from_card(model_card)
    as_of = answers.as_of or date.today()
    engine = default_engine()
    flow = Flow.start(engine, answers, as_of, load_questionnaire())
    interview = flow.interview
    if model_card is not None:
        click.echo(say("intro"))
        click.echo(f"Taken from the model card {model_card}, and not asked again:")
        for path in answers.order:
            click.echo(f"  {path}: {show_value(answers.value(path))}")
    elif resume is None:
        click.echo(say("intro"))
    else:
        click.echo(say("resuming", file=resume, answered=len(answers.order)))
    click.echo(say("saving_to", file=target.resolve()))

    def save_answers() -> None:
        try:
            write_atomically(target, render(answers, target))
        except OSError as err:
            fail([say("cannot_write", file=target, reason=err.strerror or err)])

    try:
        ending = run_interview(flow, TerminalConsole(), save_answers)
    except KeyboardInterrupt:
        click.echo("")
        if interview.named:
            save_answers()
            click.echo(say("interrupted", file=target))
        else:
            click.echo(say("nothing_saved"))
        sys.exit(130)
    if not interview.named:
        click.echo(say("nothing_saved"))
        return
    save_answers()
    click.echo(say(ending.value, file=target))
    facts = validate(answers.document(), str(target))
    assessment = engine.assess(facts, as_of=as_of)
    click.echo("")
    for line in summary_lines(assessment, str(target)):
        indent = " " * (len(line) - len(line.lstrip()))
        click.echo(textwrap.fill(line, width=100, subsequent_indent=indent + "  ", break_on_hyphens=False))
    if memo_out is not None:
        checksum = hashlib.sha256(target.read_bytes()).hexdigest()
        # An unfinished interview gives a draft memo that says how many questions still matter.
        unanswered = 0 if ending is Ending.COMPLETE else flow.progress().matter_now
        text = memo_text(facts, fact_file=target.name, checksum=checksum, as_of=as_of,
                         output_format=choose_format(None, memo_out), unanswered=unanswered)
        try:
            write_atomically(memo_out, text)
        except OSError as err:
            fail([say("cannot_write", file=memo_out, reason=err.strerror or err)])
        click.echo(say("memo_written", file=memo_out))
