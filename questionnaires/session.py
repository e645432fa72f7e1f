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

    @property
    def as_of(self) -> date | None:
        """The date a resumed file assesses for (its ``as_of``), if it sets one."""
        day = self.kept.get("as_of")
        return date.fromisoformat(str(day)) if day else None

    def set(self, path: str, value: object) -> None:
        """Record an answer (replacing an earlier one to the same question); the person's answer has no other source."""
        provenance = self.kept.get("provenance")
        if isinstance(provenance, dict):
            provenance.pop(path, None)
        if path == SUBJECT_PATH:
            self.name = str(value)
        else:
            self.facts[path] = value
        if path in self.order:
            self.order.remove(path)
        self.order.append(path)

    def undo(self) -> tuple[str, object] | None:
        """Forget the last answer; return its path and value (None when there is none)."""
        if not self.order:
            return None
        path = self.order.pop()
        if path == SUBJECT_PATH:
            value: object = self.name
            self.name = None
        else:
            value = self.facts.pop(path)
        return path, value

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

    def undo(self) -> tuple[str, object] | None:
        """Take back the last answer (the caller asks that question again)."""
        undone = self.answers.undo()
        self._step = None
        return undone

    def step(self) -> NextStep:
        """The next question and the progress, computed once per state of the answers."""
        if self._step is None:
            asked = set(self.answers.facts)
            self._step = next_step(self.engine, self.questionnaire, self.answers.flat(), asked, self.as_of)
        return self._step
