"""The interview's answers as a fact file, and back again to resume.

:func:`render` gives the text to save after every answer; it is validated as
a fact file first, so a bug can never write a file that ``aiact check`` would
refuse (the command writes it atomically, temporary file then rename, with
the project's one writer). The order in which questions were answered is
kept in a YAML comment, so that "back" after resuming undoes the real last
answer; a file without it (hand-written, JSON) resumes in document order.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from aiact.engine.catalogue import fact_catalogue, flatten
from aiact.engine.loading import read_document, validate

from .session import Answers
from .texts import SUBJECT_PATH, say

ORDER_MARK = "# answer order:"


def render(answers: Answers, target: Path) -> str:
    """The file's text for these answers (validated first: a bug must never write a bad file)."""
    document = answers.document()
    validate(document, str(target))
    if target.suffix.lower() == ".json":
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    body = _yaml(document, readable=True)
    if yaml.safe_load(body) != document:  # PyYAML mangles a few characters (U+0085) when writing them as is
        body = _yaml(document, readable=False)
    order = _wrap([f"+{p}" if p in answers.joined else p for p in answers.order])
    return f"# {say('file_header', file=target.name)}\n" + "".join(f"{ORDER_MARK} {line}\n" for line in order) + body


def _yaml(document: dict[str, object], *, readable: bool) -> str:
    """YAML in the file's order; ``readable`` keeps non-ASCII letters as they are rather than escaped."""
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=readable, default_flow_style=False, width=100)


def _wrap(paths: list[str], width: int = 96) -> list[str]:
    lines: list[str] = []
    current = ""
    for path in paths:
        if current and len(current) + len(path) + 1 > width:
            lines.append(current)
            current = ""
        current = f"{current} {path}".strip()
    return [*lines, current] if current else lines


def load(source: Path) -> Answers:
    """The answers in a fact file: every fact it states (``unknown`` included) counts as answered.

    Raises :class:`aiact.engine.FactFileError` when the file is not a valid fact file.
    """
    answers = answers_from(read_document(source), str(source))
    answers.order, answers.joined = _order(source, answers.order)
    return answers


def answers_from(document: object, source: str) -> Answers:
    """The answers a fact document states (a resumed file, or the facts of a model card), in document order.

    Raises :class:`aiact.engine.FactFileError` when the document is not a valid fact file.
    """
    facts = validate(document, source)
    assert isinstance(document, dict)
    values = flatten(facts)
    stated = [path for path in fact_catalogue() if _stated(document, path)]
    subject = facts.subject.model_dump(exclude={"name"}, exclude_none=True)
    kept: dict[str, object] = {"as_of": facts.as_of.isoformat()} if facts.as_of else {}
    if facts.provenance:
        kept["provenance"] = dict(facts.provenance)
    answers = Answers(
        name=facts.subject.name,
        facts={path: values[path] for path in stated},
        kept={**kept, "subject": subject},
    )
    answers.order = [SUBJECT_PATH, *stated]
    return answers


def _stated(document: dict[str, object], path: str) -> bool:
    node: object = document
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def _order(source: Path, stated: list[str]) -> tuple[list[str], set[str]]:
    """The recorded answer order, kept only where it agrees with the file; the rest in document order.

    A path written ``+path`` was answered in one step with the one before it (a checklist's choices).
    """
    recorded: list[str] = []
    try:
        for line in source.read_text("utf-8-sig").splitlines():
            if line.startswith(ORDER_MARK):
                recorded += line[len(ORDER_MARK):].split()
    except (OSError, UnicodeDecodeError):
        recorded = []
    joined = {token[1:] for token in recorded if token.startswith("+")}
    known = [path for path in dict.fromkeys(token.lstrip("+") for token in recorded) if path in stated]
    order = known + [path for path in stated if path not in known]
    return order, {path for path in joined if path in known and order.index(path) > 0}
