"""Appendices B and C: the assumptions and limits that touched this assessment, and the rule trail.

Appendix B keeps only what bore on this case: the general assumptions whose
trigger is present (a guideline step, an amendment step, a working reading,
an unknown fact), the "not formalised" notes of the rules in the trail, and
the rule base's notes for the parts of the Act where something holds or is
still open. They are grouped by the Reasoning's topics.

Appendix C is for auditors and is the only place where rule, conclusion and
obligation ids appear: each rule that decided a step, the obligations, and
which id each open question's number stands for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from aiact.engine.result import Reason

from .markdown import bullets, code, heading, inline, paragraph, table
from .memo_reasoning import steps_in_order
from .memo_view import MemoView
from .wording import fill, raw, say


def assumptions_section(view: MemoView) -> list[str]:
    """Appendix B, grouped by topic, only what touched this assessment."""
    assessment = view.assessment
    present = _triggers(view)
    out = heading(2, say("assumptions.heading")) + paragraph(say("assumptions.intro"))
    general = [
        fill(item["text"], as_of=inline(assessment.as_of))
        for item in raw("assumptions.general_items")
        if item["when"] in present
    ]
    out += [*heading(3, say("assumptions.general")), *bullets(general), ""]
    sections: Sequence[Mapping[str, Any]] = raw("reasoning.sections")
    for section in sections:
        notes = _notes(view, section)
        if notes:
            out += [*heading(3, inline(section["title"])), *bullets(inline(view.plain(n)) for n in notes), ""]
    legal = [q for q in view.questions if q.kind == "legal" and q.readings]
    if view.brevity >= 4 and legal:
        out += heading(3, say("assumptions.readings_heading"))
        out += [*bullets(
            say("assumptions.readings", ref=view.refs([q.id]),
                readings="; ".join(inline(view.plain(r.rstrip("."))) for r in q.readings or []))
            for q in legal
        ), ""]
    out += paragraph(say("assumptions.advice", disclaimer=inline(assessment.disclaimer)))
    return out


def _triggers(view: MemoView) -> set[str]:
    present = {"always"}
    present |= {reason.source for reason in view.trail}
    present |= {o.source for o in view.assessment.obligations}
    if any(q.kind == "fact" for q in view.questions):
        present.add("unknowns")
    if any(c.rests_on for c in view.assessment.conclusions.values()) or any(r.reading for r in view.trail):
        present.add("readings")
    return present


def _notes(view: MemoView, section: Mapping[str, Any]) -> list[str]:
    """The rule notes of the trail's rules in this topic, then the notes of its parts that bore on the case."""
    areas = set(section.get("areas", ()))
    steps = set(section.get("steps", ()))
    in_topic = [
        r for r in view.trail
        if r.conclusion in steps or (view.area_of(r.conclusion) in areas and r.conclusion not in _elsewhere(view))
    ]
    notes = [view.rulebase.rules[r.rule].not_formalised for r in in_topic if r.rule in view.rulebase.rules]
    live = _live_areas(view)
    notes += [note for note, note_areas in view.rulebase.note_areas if note_areas and note_areas[0] in areas & live]
    return [n for n in dict.fromkeys(notes) if n]


def _elsewhere(view: MemoView) -> set[str]:
    """Steps that a topic claims by name, away from their area's topic."""
    return {cid for s in raw("reasoning.sections") for cid in s.get("steps", ())}


def _live_areas(view: MemoView) -> set[str]:
    """Parts of the Act where a headline conclusion holds or is open, or that give a duty listed."""
    live = {view.area_of(cid) for cid, c in view.assessment.conclusions.items() if c.status != "no"}
    definitions = view.rulebase.obligations
    live |= {definitions[o.id].area for o in view.assessment.obligations if o.id in definitions}
    return live


def trail_section(view: MemoView) -> list[str]:
    """Appendix C: every rule that decided a step, the obligations, and the ids behind the question numbers."""
    out = heading(2, say("trail.heading")) + paragraph(say("trail.intro"))
    columns = [inline(c) for c in raw("trail.columns")]
    rows = [
        [code(r.rule), inline(r.citation) + say(f"source_tag.{r.source}"), code(r.conclusion),
         say(f"trail.outcome.{r.outcome}")]
        for r in _in_reasoning_order(view)
    ]
    out += table(columns, rows)
    if view.assessment.obligations:
        out += heading(3, say("trail.obligations_heading"))
        out += table([inline(c) for c in raw("trail.obligations_columns")], [
            [code(o.id), inline(o.citation), say(f"trail.obligation_status.{o.status}"),
             code(o.exempted_by) if o.exempted_by else say("trail.not_lifted")]
            for o in view.assessment.obligations
        ])
    if view.questions:
        out += heading(3, say("trail.questions_heading"))
        out += table([inline(c) for c in raw("trail.questions_columns")], [
            [str(view.number[q.id]), code(q.id), ", ".join(code(a) for a in q.affects), inline("; ".join(q.citations))]
            for q in view.questions
        ])
    return out


def _in_reasoning_order(view: MemoView) -> list[Reason]:
    order = {cid: i for i, cid in enumerate(steps_in_order(view))}
    return sorted(view.trail, key=lambda r: order.get(r.conclusion, len(order)))
