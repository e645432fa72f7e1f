"""The answers of one interview, and the fact file they make at every moment.

Answers are kept in the order given, so that "back" undoes exactly the last
one. "Don't know" is an answer too: it is kept as the value ``unknown``
(valid for every fact), which keeps the saved fact file valid, tells a
resumed interview not to ask again, and reads to the engine exactly like an
omitted fact. Parts of a resumed file that the interview does not ask
(``as_of``, the subject's description and version) are carried over intact.
"""

from __future__ import annotations

import copy
from datetime import date

from aiact.engine import Engine
from aiact.engine.catalogue import fact_catalogue
from aiact.engine.conditions import UNKNOWN
from aiact.engine.facts import SCHEMA_ID
from aiact.engine.record import field, record

from .nextquestion import NextStep, next_step
from .texts import SUBJECT_PATH, Questionnaire


@record(frozen=False)
class Answers:
    """What the person has said so far; ``order`` lists the answered paths, last answer last."""

    name: str | None = None
    facts: dict[str, object] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    kept: dict[str, object] = field(default_factory=dict)
    """Top-level parts of a resumed file carried over (``as_of``, ``subject`` extras, ``provenance``)."""
    joined: set[str] = field(default_factory=set)
    """Answered paths given in one step with the path before them in ``order`` (the choices of one
    checklist, and what an answer settles): "back" takes the whole step back."""

    @property
    def as_of(self) -> date | None:
        """The date a resumed file assesses for (its ``as_of``), if it sets one."""
        day = self.kept.get("as_of")
        return date.fromisoformat(str(day)) if day else None

    def set(self, path: str, value: object, *, join: bool = False) -> None:
        """Record an answer (replacing an earlier one to the same question); ``join`` adds it to the last step.
        The person's answer has no other source: its provenance, if any, is dropped."""
        provenance = self.kept.get("provenance")
        if isinstance(provenance, dict):
            provenance.pop(path, None)
        if path == SUBJECT_PATH:
            self.name = str(value)
        else:
            self.facts[path] = value
        if path in self.order:
            self.order.remove(path)
        self.joined.discard(path)
        if join and self.order:
            self.joined.add(path)
        self.order.append(path)

    def set_step(self, values: dict[str, object]) -> None:
        """Record the answers of one step (a question, or every choice of a checklist) together."""
        for index, (path, value) in enumerate(values.items()):
            self.set(path, value, join=index > 0)

    def undo(self) -> dict[str, object] | None:
        """Forget the last step; return its answers, first answer first (None when there is none)."""
        if not self.order:
            return None
        undone: dict[str, object] = {}
        while self.order:
            path = self.order.pop()
            if path == SUBJECT_PATH:
                undone[path] = self.name
                self.name = None
            else:
                undone[path] = self.facts.pop(path)
            if path not in self.joined:
                break
            self.joined.discard(path)
        return dict(reversed(list(undone.items())))

    def value(self, path: str) -> object:
        """The answer given for ``path`` (``unknown`` when not answered or not known)."""
        if path == SUBJECT_PATH:
            return self.name if self.name is not None else UNKNOWN
        return self.facts.get(path, UNKNOWN)

    def flat(self) -> dict[str, object]:
        """Every catalogue fact as the engine reads it: the answer, or ``unknown``."""
        return {path: self.facts.get(path, UNKNOWN) for path in fact_catalogue()}

    def document(self) -> dict[str, object]:
        """The fact file (aiact-facts/1) these answers make, facts in the catalogue's order."""
        kept = copy.deepcopy(self.kept)
        subject = kept.pop("subject", {})
        assert isinstance(subject, dict)
        subject = {"name": self.name, **{k: v for k, v in subject.items() if k != "name"}}
        provenance = kept.pop("provenance", None)
        document: dict[str, object] = {"schema": SCHEMA_ID, **kept, "subject": subject}
        for path in fact_catalogue():
            if path not in self.facts:
                continue
            *sections, name = path.split(".")
            node = document
            for section in sections:
                child = node.setdefault(section, {})
                assert isinstance(child, dict)
                node = child
            node[name] = self.facts[path]
        if isinstance(provenance, dict):  # a source only for what is still stated (an undone answer has none)
            stated = {*self.facts, SUBJECT_PATH} if self.name is not None else set(self.facts)
            sources = {path: text for path, text in provenance.items() if path in stated}
            if sources:
                document["provenance"] = sources
        return document


class Interview:
    """One interview: the answers, and what the engine says to ask next."""

    def __init__(self, engine: Engine, questionnaire: Questionnaire, answers: Answers, as_of: date) -> None:
        self.engine = engine
        self.questionnaire = questionnaire
        self.answers = answers
        self.as_of = as_of
        self._step: NextStep | None = None

    @property
    def named(self) -> bool:
        return self.answers.name is not None

    def answer(self, path: str, value: object) -> None:
        """Record one answer; the next question is worked out afresh."""
        self.answers.set(path, value)
        self._step = None

    def answer_step(self, values: dict[str, object]) -> None:
        """Record the answers of one step, and what they settle (in the same step, so "back" undoes both)."""
        settled: dict[str, object] = {}
        for path, value in values.items():
            question = self.questionnaire.questions.get(path)
            for rule in question.settles if question else ():
                if value == rule.answer or (isinstance(value, list) and rule.answer in value):
                    settled.update(rule.sets)
        extra = {p: v for p, v in settled.items() if p not in values and p not in self.answers.facts}
        self.answers.set_step({**values, **extra})
        self._step = None

    def undo_step(self) -> dict[str, object] | None:
        """Take back the last step, every answer it set (the caller asks that question again)."""
        undone = self.answers.undo()
        self._step = None
        return undone

    def undo(self) -> tuple[str, object] | None:
        """Take back the last step; its first answer (a front end asking one fact per page asks it again)."""
        undone = self.undo_step()
        return next(iter(undone.items())) if undone else None

    def step(self) -> NextStep:
        """The next question and the progress, computed once per state of the answers."""
        if self._step is None:
            asked = set(self.answers.facts) | self.not_yet_followed()
            self._step = next_step(self.engine, self.questionnaire, self.answers.flat(), asked, self.as_of)
        return self._step

    def not_yet_followed(self) -> set[str]:
        """Follow-up questions whose leading answer was not (yet) the one that leads to them."""
        return {
            path for path, question in self.questionnaire.questions.items()
            if question.ask_if and not all(_gave(self.answers.value(p), v) for p, v in question.ask_if.items())
        }


def _gave(answer: object, wanted: object) -> bool:
    """Whether an answer is the one wanted (for a list: contains it)."""
    return answer == wanted or (isinstance(answer, list) and wanted in answer)
