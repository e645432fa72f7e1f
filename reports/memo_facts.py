"""The facts behind a memo: what was stated, what was inferred, what is still unknown.

The assessment carries conclusions, not the facts, so the memo reads the
validated fact file alongside it. A lawyer must see which facts were given,
which the tool filled in (and on what basis), and which unknown facts the
conclusions still turn on; the last are listed, never hidden.
"""

from __future__ import annotations

from collections.abc import Mapping

from aiact.engine import Assessment, FactFile
from aiact.engine.catalogue import fact_catalogue, flatten, is_known
from aiact.engine.record import record

from .markdown import code, heading, inline, paragraph, table
from .wording import raw, say


def show_value(value: object) -> str:
    """A fact value as a reader would write it (plain text, not yet escaped)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value).replace("e+", "e")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) if value else "none"
    return str(value)


def describe(path: str, questions: Mapping[str, str]) -> str:
    """What a fact is, in words: the question put for it, else the fact model's description, else its name."""
    if path in questions:
        return questions[path]
    spec = fact_catalogue().get(path)
    if spec and spec.description:
        return spec.description
    words = path.rsplit(".", 1)[-1].replace("_", " ")
    return words[:1].upper() + words[1:]


@record
class FactView:
    """The facts as the memo shows them, with the basis of each known one."""

    stated: Mapping[str, object]
    inferred: Mapping[str, tuple[object, str]]
    settings: Mapping[str, str]
    questions: Mapping[str, str]

    @classmethod
    def of(
        cls, facts: FactFile, assessment: Assessment, settings: Mapping[str, str], questions: Mapping[str, str]
    ) -> FactView:
        stated = {path: value for path, value in flatten(facts).items() if is_known(value)}
        inferred = {i.path: (i.value, i.because) for i in assessment.inferred_facts if i.path not in stated}
        return cls(stated, inferred, settings, questions)

    def value(self, path: str) -> str:
        """The value the rules saw for ``path``, or ``unknown``."""
        if path in self.stated:
            return show_value(self.stated[path])
        if path in self.inferred:
            return show_value(self.inferred[path][0])
        return "unknown"

    def basis(self, path: str) -> str:
        if path in self.inferred:
            return say("facts.inferred", because=inline(self.inferred[path][1]))
        if path in self.settings:
            return say("facts.set")
        return say("facts.stated")


def facts_section(view: FactView, assessment: Assessment) -> list[str]:
    """The "Facts relied on" section: known facts, then unknown facts that matter."""
    catalogue = fact_catalogue()
    readers: dict[str, list[str]] = {}
    for cid, conclusion in assessment.conclusions.items():
        for path in conclusion.facts:
            readers.setdefault(path, []).append(cid)
    out = heading(2, say("facts.heading")) + paragraph(say("facts.intro"))
    out += heading(3, say("facts.given_heading"))
    known = [p for p in catalogue if p in view.stated or p in view.inferred]
    if known:
        rows = [
            [
                inline(describe(p, view.questions)),
                code(p),
                inline(view.value(p)),
                view.basis(p),
                ", ".join(code(c) for c in readers.get(p, [])) or say("facts.unread"),
            ]
            for p in known
        ]
        out += table([inline(c) for c in raw("facts.columns")], rows)
    else:
        out += paragraph(say("facts.none_given"))
    out += heading(3, say("facts.unknown_heading"))
    asked = [q for q in assessment.open_questions if q.kind == "fact" and q.path]
    if asked:
        out += paragraph(say("facts.unknown_intro"))
        rows = [
            [
                inline(describe(q.path, view.questions)),
                code(q.path),
                ", ".join(code(c) for c in q.affects),
            ]
            for q in asked
            if q.path
        ]
        out += table([inline(c) for c in raw("facts.unknown_columns")], rows)
    else:
        out += paragraph(say("facts.none_unknown"))
    asked_paths = {q.path for q in asked}
    rest = [p for p in catalogue if p not in known and p not in asked_paths]
    if rest:
        out += paragraph(say("facts.unknown_rest", count=len(rest)))
    return out
