"""The facts behind a memo (Appendix A): what was stated, what was inferred, what is still unknown.

The assessment carries conclusions, not the facts, so the memo reads the
validated fact file alongside it. A lawyer must see which facts were given
(and where the value came from, when the fact file says so), which the tool
filled in and from what, and which unknown facts the conclusions still turn
on; the last are listed, never hidden.

A fact is labelled "not needed" only when nothing on the way to this
assessment read it: not a rule on the way to a conclusion (internal steps
included), not an obligation listed, and not an inference whose result was
read (the licence, from which its four rights are inferred, counts as used
when one of them is).
"""

from __future__ import annotations

from collections.abc import Mapping

from aiact.engine import Assessment, FactFile, RuleBase
from aiact.engine.catalogue import fact_catalogue, flatten, is_known
from aiact.engine.record import record

from .markdown import code, heading, inline, paragraph, table
from .wording import raw, say


def show_value(value: object) -> str:
    """A fact value as a reader would write it (plain text, not yet escaped; no snake_case)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value).replace("e+", "e")
    if isinstance(value, list):
        return ", ".join(show_value(item) for item in value) if value else "none"
    return str(value).replace("_", " ")


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
    provenance: Mapping[str, str]
    description: str

    @classmethod
    def of(
        cls, facts: FactFile, assessment: Assessment, settings: Mapping[str, str], questions: Mapping[str, str]
    ) -> FactView:
        stated = {path: value for path, value in flatten(facts).items() if is_known(value)}
        inferred = {i.path: (i.value, i.because) for i in assessment.inferred_facts if i.path not in stated}
        provenance = getattr(facts, "provenance", None) or {}
        return cls(stated, inferred, settings, questions, dict(provenance), facts.subject.description or "")

    def value(self, path: str) -> str:
        """The value the rules saw for ``path``, or ``unknown`` (plain text)."""
        if path in self.stated:
            return show_value(self.stated[path])
        if path in self.inferred:
            return show_value(self.inferred[path][0])
        return "unknown"

    def basis(self, path: str) -> str:
        """Where the value came from, in one line (CommonMark-safe)."""
        if path in self.inferred:
            because = self.inferred[path][1].split(": ", 1)[0]
            return say("facts.inferred", because=inline(because))
        if path in self.settings:
            return say("facts.set")
        if path in self.provenance:
            return say("facts.stated_from", provenance=inline(self.provenance[path]))
        return say("facts.stated")


def facts_read(assessment: Assessment, rulebase: RuleBase, view: FactView) -> set[str]:
    """Every fact something on the way to this assessment read, directly, by inference or in an internal step."""
    used = {path for conclusion in assessment.conclusions.values() for path in conclusion.facts}
    pending = [o.id for o in assessment.obligations]
    seen: set[str] = set()
    while pending:
        node = pending.pop()
        if node in seen or node not in rulebase.inputs:
            continue
        seen.add(node)
        used |= set(rulebase.inputs[node].facts)
        pending += rulebase.inputs[node].conclusions
    sources: Mapping[str, str] = raw("facts.inferred_from")
    for path in view.inferred:
        if path in used:
            used |= {source for prefix, source in sources.items() if path.startswith(prefix)}
    return used


def facts_section(view: FactView, assessment: Assessment, rulebase: RuleBase, numbers: Mapping[str, int]) -> list[str]:
    """Appendix A: known facts (question, answer, basis, path), then unknown facts that matter."""
    catalogue = fact_catalogue()
    used = facts_read(assessment, rulebase, view)
    out = heading(2, say("facts.heading")) + paragraph(say("facts.intro"))
    if view.description:
        out += paragraph(say("facts.description", text=inline(view.description)))
    known = [p for p in catalogue if p in view.stated or p in view.inferred]
    if known:
        rows = [
            [
                inline(describe(p, view.questions)),
                inline(view.value(p)),
                view.basis(p) + ("" if p in used else say("facts.unread")),
                code(p),
            ]
            for p in known
        ]
        out += table([inline(c) for c in raw("facts.columns")], rows)
    else:
        out += paragraph(say("facts.none_given"))
    out += heading(3, say("facts.unknown_heading"))
    asked = [q for q in assessment.open_questions if q.kind == "fact" and q.path]
    if asked:
        rows = [
            [inline(describe(q.path, view.questions)), say("refs.one", numbers=numbers[q.id]), code(q.path)]
            for q in asked
            if q.path
        ]
        out += table([inline(c) for c in raw("facts.unknown_columns")], rows)
    else:
        out += paragraph(say("facts.none_unknown"))
    asked_paths = {q.path for q in asked}
    rest = [p for p in catalogue if p not in view.stated and p not in view.inferred and p not in asked_paths]
    if rest:
        out += paragraph(say("facts.unknown_rest", count=len(rest)))
    return out
