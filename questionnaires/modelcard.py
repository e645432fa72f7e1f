"""Reading a Hugging Face model card: the YAML front matter of its ``README.md``.

A model card is Markdown with a block of YAML metadata at the top, between
two ``---`` lines (https://huggingface.co/docs/hub/model-cards). Only that
block is read; the prose below it is not parsed (what it says is for the
person answering the interview). The card is someone's file, possibly a
stranger's from a public hub, so it gets the fact file's defences
(:mod:`aiact.engine.loading`): at most 1 MiB, UTF-8 text, no YAML tags,
no alias bombs or recursive aliases, no deep nesting, no duplicate keys.
Problems are reported one line each with the card's path and the line in
the card, never as a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

from aiact.engine import FactFileError
from aiact.engine.loading import parse_text, read_text
from aiact.engine.record import record

CARD_NAME = "README.md"
_FENCE = "---"
_END_FENCES = ("---", "...")


@record
class ModelCard:
    """A card's metadata (the front matter, as plain data) and what names the model if the card does not."""

    source: str
    metadata: dict[str, object]
    name_hint: str
    """The model's folder name (``ORG/NAME`` for a card fetched from the hub), used when the card names none."""
    repo_id: str | None = None
    """``ORG/NAME`` when known (fetched with ``--hub-id``): tells a base model of the same organisation apart."""
    title: str | None = None
    """The card's first Markdown heading (``# Name``), the model's name as its authors write it."""


def card_file(path: Path) -> Path:
    """The card a path names: the file itself, or the ``README.md`` in a folder."""
    return path / CARD_NAME if path.is_dir() else path


def read_card(path: Path, *, repo_id: str | None = None) -> ModelCard:
    """Read one model card (a ``README.md``, or a folder holding one); raises :class:`FactFileError`."""
    file = card_file(path)
    source = str(file)
    if path.is_dir() and not file.is_file():
        raise FactFileError(str(path), [f"no model card here: the folder has no {CARD_NAME}"])
    text = read_text(file, kind="model cards")
    metadata = front_matter(text, source)
    if repo_id:
        hint = repo_id
    else:
        folder = file.resolve().parent.name
        hint = folder if file.name.lower() == CARD_NAME.lower() and folder else file.stem
    return ModelCard(source, metadata, hint, repo_id, _title(text))


def _title(text: str) -> str | None:
    """The first level-one heading after the metadata block, if it is plain text of a sensible length."""
    in_block = False
    for number, line in enumerate(text.splitlines()):
        if number == 0 and line.rstrip() == _FENCE:
            in_block = True
            continue
        if in_block:
            in_block = line.rstrip() not in _END_FENCES
            continue
        if line.startswith("# "):
            title = line[2:].strip()
            return title if 0 < len(title) <= 120 else None
    return None


def front_matter(text: str, source: str) -> dict[str, object]:
    """The card's metadata block as plain data, or one line per problem (:class:`FactFileError`).

    The opening fence becomes an empty line before parsing, so the line
    numbers in a YAML problem are the card's own.
    """
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != _FENCE:
        raise FactFileError(source, [
            "no metadata: a model card starts with a YAML block between two --- lines (license:, "
            "base_model:, pipeline_tag: ...); add one, or answer the questions with aiact interview"
        ])
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.rstrip() in _END_FENCES), None)
    if end is None:
        raise FactFileError(source, ["line 1: the metadata block opened with --- is never closed; end it with ---"])
    block = "\n".join(["", *lines[1:end]])
    if not block.strip():
        raise FactFileError(source, ["the metadata block is empty: the card states nothing to import"])
    data = parse_text(block, json_format=False, source=source)
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise FactFileError(source, [
            f"the metadata block must be a mapping of fields (license: ..., base_model: ...), got {kind}"
        ])
    return data


def find_cards(folder: Path) -> list[Path]:
    """Every ``README.md`` below a folder, sorted by path; hidden folders (``.git``, ``.cache``) skipped."""
    found: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(root) / n for n in names if n.lower() == CARD_NAME.lower()]
    return sorted(found, key=lambda p: p.relative_to(folder).parts)
