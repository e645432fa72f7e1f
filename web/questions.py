"""One prompt of the question flow (a question or a checklist) as a web form, and the form back as typed text.

The browser shows controls where the terminal reads typed words: radio
buttons for yes/no and single choices, check boxes for lists and checklists,
a text box for numbers, dates and names. What the form sends is turned into
exactly the text a person would type at the terminal (``y``, ``?``, ``2``,
``1,3``, ``about 3e24``) and read by the flow's own parser
(:meth:`aiact.questionnaires.flow.Flow.parse`), so the two front doors accept
the same answers and refuse the same ones with the same message. Nothing
here decides which question comes next.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from aiact.engine.catalogue import fact_catalogue
from aiact.engine.conditions import UNKNOWN
from aiact.engine.record import record
from aiact.questionnaires.answers import AnswerError, show_value
from aiact.questionnaires.flow import CHECKLIST, Prompt

FIELD = "answer"
"""The form field that carries the answer (every prompt is alone on its page)."""
DONT_KNOW = "?"
NONE_OF_THESE = "none"
TYPED_KINDS = {"number": "text", "date": "date", "text": "text"}
"""The HTML input type for facts typed in a box (numbers as text: ranges such as ``<1e23`` are allowed)."""
TYPED_HINTS = {
    "number": "A number such as 3.8e25 (3.8 × 10^25), or a range if that is all you know: 1e23-1e25, <1e23, "
              "about 3e24; a share as 2 or 2 %.",
    "date": "A date, YYYY-MM-DD.",
    "text": "",
}


@record
class Option:
    """One radio button or check box."""

    value: str
    """What the form sends: the key a person would type (``yes``, ``2``, ``api``, ``none``, ``?``)."""
    label: str
    checked: bool = False
    means: str = ""
    """The fact a checklist's box sets, or the fact value a choice stands for."""


@record
class PromptView:
    """What a question page shows for one prompt."""

    id: str
    kind: str
    """``checklist``, or the fact's kind: ``tri``, ``enum``, ``list``, ``number``, ``date``, ``text``."""
    about: str
    topic: str
    question: str
    help: str
    """The help as written (its line breaks are the author's: shown as they are)."""
    citations: tuple[str, ...]
    options: tuple[Option, ...] = ()
    input_type: str = "text"
    hint: str = ""
    typed: str = ""
    """The text already in the box (the earlier answer, or what was just refused)."""
    changes: tuple[tuple[str, str], ...] = ()
    previous: str | None = None
    """The earlier answer, as a person would say it back, when the prompt is asked again after "back"."""

    @property
    def many(self) -> bool:
        return self.kind in ("list", CHECKLIST)


def kind_of(prompt: Prompt) -> str:
    return CHECKLIST if prompt.kind == CHECKLIST else fact_catalogue()[prompt.id].kind


def prompt_view(prompt: Prompt, previous: Mapping[str, object] | None = None, typed: str | None = None) -> PromptView:
    """The page model of ``prompt``; ``previous`` (path -> value) is an earlier answer to pre-select."""
    kind = kind_of(prompt)
    earlier = dict(previous or prompt.previous or {})
    options: list[Option] = []
    if kind == CHECKLIST:
        chosen = {path for path, value in earlier.items() if value is True}
        options = [Option(c.key, c.label, c.path in chosen, c.path) for c in prompt.choices]
        options.append(Option(NONE_OF_THESE, "None of these", bool(earlier) and not chosen
                              and all(v is False for v in earlier.values())))
        options.append(Option(DONT_KNOW, "Don't know", bool(earlier) and all(v == UNKNOWN for v in earlier.values())))
    elif kind not in TYPED_KINDS:
        value = earlier.get(prompt.id)
        labels: Sequence[tuple[str, str, object]] = (
            (("yes", "Yes", True), ("no", "No", False)) if kind == "tri"
            else tuple((c.key, c.label or str(c.value), c.value) for c in prompt.choices)
        )
        for key, label, meant in labels:
            picked = value == meant or (isinstance(value, list) and meant in value)
            options.append(Option(key, label, picked, str(meant).lower() if isinstance(meant, bool) else str(meant)))
        if kind == "list":
            options.append(Option(NONE_OF_THESE, "None of these", value == []))
        options.append(Option(DONT_KNOW, "Don't know", value == UNKNOWN))
    shown = earlier.get(prompt.id)
    box = "" if shown is None or shown == UNKNOWN or kind not in TYPED_KINDS else show_value(shown)
    return PromptView(
        id=prompt.id,
        kind=kind,
        about=prompt.about,
        topic=prompt.topic_title,
        question=prompt.text,
        help=prompt.help,
        citations=prompt.citations,
        options=tuple(options),
        input_type=TYPED_KINDS.get(kind, "text"),
        hint=TYPED_HINTS.get(kind, ""),
        typed=typed if typed is not None else box,
        changes=prompt.changes,
        previous=", ".join(f"{show_value(v)}" for v in earlier.values()) if earlier and kind != CHECKLIST
        else _checklist_said(prompt, earlier),
    )


def _checklist_said(prompt: Prompt, earlier: Mapping[str, object]) -> str | None:
    if not earlier:
        return None
    labels = {c.path: c.label for c in prompt.choices}
    chosen = [labels.get(path, path) for path, value in earlier.items() if value is True]
    if chosen:
        return "; ".join(chosen)
    return "don't know" if all(v == UNKNOWN for v in earlier.values()) else "none of these"


def typed_answer(prompt: Prompt, form: Mapping[str, object], dont_know: bool) -> str:
    """The text a person would have typed at the terminal for what this form sends."""
    if dont_know:
        return DONT_KNOW
    kind = kind_of(prompt)
    sent = form.get(FIELD)
    picked = [str(v) for v in sent] if isinstance(sent, list) else ([str(sent)] if sent is not None else [])
    if kind in ("list", CHECKLIST):
        if DONT_KNOW in picked:
            if len(picked) > 1:
                raise AnswerError("Tick either “Don't know” or what applies, not both.")
            return DONT_KNOW
        if NONE_OF_THESE in picked:
            if len(picked) > 1:
                raise AnswerError("Tick either “None of these” or the choices that apply, not both.")
            return NONE_OF_THESE
        if not picked:
            raise AnswerError("Tick every choice that applies, “None of these”, or “Don't know”.")
        return ",".join(picked)
    if kind not in TYPED_KINDS and not picked:
        raise AnswerError("Please choose one answer (or “Don't know”).")
    return picked[0] if picked else ""
