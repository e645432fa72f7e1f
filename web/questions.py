"""One interview question as a web form, and a submitted form back as the answer the terminal would read.

The browser shows controls where the terminal reads typed words: radio
buttons for yes/no and single choices, check boxes for lists, a text box for
numbers, dates and names. What the form sends is turned into exactly the
text a person would type at the terminal (``y``, ``?``, ``api,hosted_app``,
``about 3e24``) and read by the questionnaire's own answer parser, so the two
front doors accept the same answers and refuse the same ones with the same
message. Nothing here decides which question comes next.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from aiact.engine.catalogue import FactSpec, fact_catalogue
from aiact.engine.conditions import UNKNOWN
from aiact.engine.record import record
from aiact.engine.whatmatters import FactEffect
from aiact.questionnaires import Question, Questionnaire
from aiact.questionnaires.answers import AnswerError, parse_answer, show_value

DONT_KNOW = "?"
NONE_OF_THESE = "none"
CHOICE_KINDS = frozenset({"tri", "enum"})
TYPED_KINDS = {"number": "text", "date": "date", "text": "text"}
"""The HTML input type for facts typed in a box (numbers as text: ranges such as ``<1e23`` are allowed)."""
TYPED_HINTS = {
    "number": "A number such as 3.8e25 (3.8 × 10^25); a range such as 1e23-1e25, <1e23 or about 3e24 if "
              "that is all you know.",
    "date": "A date, YYYY-MM-DD.",
    "text": "",
}


@record
class Option:
    """One radio button or check box."""

    value: str
    label: str
    checked: bool = False


@record
class QuestionView:
    """What a question page shows for one fact."""

    path: str
    kind: str
    """``tri``, ``enum``, ``list``, or a typed kind (``number``, ``date``, ``text``)."""
    question: str
    help: str
    """The question's help as written (its line breaks are the author's: shown as they are)."""
    citations: tuple[str, ...]
    options: tuple[Option, ...] = ()
    input_type: str = "text"
    hint: str = ""
    typed: str = ""
    """The text already in the box (the earlier answer, or what was just refused)."""
    changes: tuple[tuple[str, str], ...] = ()
    """What each answer would change: (answers, changes) as the engine words them."""
    previous: str | None = None
    """The earlier answer, as a person would say it back, when the question is asked again."""

    @property
    def choice(self) -> bool:
        return self.kind in CHOICE_KINDS

    @property
    def many(self) -> bool:
        return self.kind == "list"


def question_view(
    question: Question,
    effect: FactEffect | None,
    previous: object = None,
    typed: str | None = None,
    spec: FactSpec | None = None,
) -> QuestionView:
    """The page model of ``question``; ``previous`` is an earlier answer to pre-select."""
    spec = spec or fact_catalogue()[question.path]
    chosen = _chosen(previous)
    if spec.kind == "tri":
        labels: Sequence[tuple[str, str]] = (("yes", "Yes"), ("no", "No"))
    else:
        labels = tuple(question.choices.items())
    options: list[Option] = [Option(value, label or value, value in chosen) for value, label in labels]
    if spec.kind == "list":
        options.append(Option(NONE_OF_THESE, "None of these", previous == []))
    if spec.kind in CHOICE_KINDS or spec.kind == "list":
        options.append(Option(DONT_KNOW, "Don't know", previous == UNKNOWN))
    shown = "" if previous is None or previous == UNKNOWN or spec.kind not in TYPED_KINDS else show_value(previous)
    return QuestionView(
        path=question.path,
        kind=spec.kind,
        question=question.question,
        help=question.help,
        citations=question.citations,
        options=tuple(options) if spec.kind not in TYPED_KINDS else (),
        input_type=TYPED_KINDS.get(spec.kind, "text"),
        hint=TYPED_HINTS.get(spec.kind, ""),
        typed=typed if typed is not None else shown,
        changes=tuple((str(a), str(c)) for a, c in effect.effects.items()) if effect else (),
        previous=show_value(previous) if previous is not None else None,
    )


def _chosen(previous: object) -> set[str]:
    if previous is True:
        return {"yes"}
    if previous is False:
        return {"no"}
    if isinstance(previous, list):
        return {str(v) for v in previous}
    return {str(previous)} if isinstance(previous, str) else set()


def typed_answer(spec: FactSpec, form: Mapping[str, object], path: str, dont_know: bool) -> str:
    """The text a person would have typed at the terminal for what this form sends for ``path``."""
    if dont_know:
        return DONT_KNOW
    values = form.get(path)
    picked = [str(v) for v in values] if isinstance(values, list) else ([str(values)] if values is not None else [])
    if spec.kind == "list":
        if DONT_KNOW in picked:
            return DONT_KNOW
        if NONE_OF_THESE in picked:
            if len(picked) > 1:
                raise AnswerError("Tick either “None of these” or the choices that apply, not both.")
            return NONE_OF_THESE
        if not picked:
            raise AnswerError("Tick every choice that applies, “None of these”, or “Don't know”.")
        return ",".join(picked)
    if spec.kind in CHOICE_KINDS and not picked:
        raise AnswerError("Please choose one answer (or “Don't know”).")
    return picked[0] if picked else ""


def read_answer(spec: FactSpec, form: Mapping[str, object], path: str, dont_know: bool = False) -> object:
    """The fact value the form gives for ``path``, or :class:`AnswerError` with the terminal's message."""
    return parse_answer(spec, typed_answer(spec, form, path, dont_know))


def asked_question(questionnaire: Questionnaire, path: str) -> Question | None:
    """The question for ``path`` if the questionnaire asks it (a form may name no other fact)."""
    return questionnaire.questions.get(path)
