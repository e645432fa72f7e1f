"""The "Reasoning" section: each conclusion, part by part, with its chain of rules.

This is the part counsel checks against the Regulation, so every step is
shown as the engine gave it: the citation, the rule's own statement, and
whether it held, turned on unknown facts, or applied for want of any other
rule. Steps resting on the Commission's guidelines or on the 2026 amendment
are marked, and a conclusion resting on a working reading of an open legal
question says so. Nothing is re-derived here; the order is the engine's.
"""

from __future__ import annotations

from aiact.engine import Assessment, RuleBase
from aiact.engine.result import Conclusion, Openness, Reason

from .markdown import code, heading, inline, paragraph, quote, table
from .memo_facts import FactView
from .wording import raw, say


def status_word(status: str) -> str:
    return say(f"status.{status}")


def conclusion_title(cid: str, assessment: Assessment, rulebase: RuleBase) -> str:
    """A conclusion's title: the assessment's, else the rule base's (intermediate steps), else its id."""
    if cid in assessment.conclusions and assessment.conclusions[cid].title:
        return assessment.conclusions[cid].title
    definition = rulebase.conclusions.get(cid)
    return definition.title if definition and definition.title else cid


def questions_on(cid: str, assessment: Assessment) -> list[str]:
    """The open questions (fact paths, legal question ids) that the engine says bear on ``cid``."""
    return [
        code(q.path if q.kind == "fact" and q.path else q.id.split(":", 1)[-1])
        for q in assessment.open_questions
        if cid in q.affects
    ]


def reasoning_section(assessment: Assessment, rulebase: RuleBase, view: FactView) -> list[str]:
    """Every conclusion of the assessment under the part of the Act it belongs to."""
    out = heading(2, say("reasoning.heading")) + paragraph(say("reasoning.intro"))
    placed: set[str] = set()
    profile_area = raw("openness.area")
    for area in rulebase.areas:
        ids = [c.id for c in rulebase.conclusions_in_area(area.id) if c.id in assessment.conclusions]
        if not ids and area.id != profile_area:
            continue
        out += heading(3, inline(area.title))
        for cid in ids:
            out += _conclusion(cid, assessment, rulebase, view)
            placed.add(cid)
        if area.id == profile_area:
            out += _openness(assessment.openness)
    leftover = [cid for cid in assessment.conclusions if cid not in placed]
    if leftover:
        out += heading(3, say("reasoning.other_area"))
        for cid in leftover:
            out += _conclusion(cid, assessment, rulebase, view)
    return out


def _conclusion(cid: str, assessment: Assessment, rulebase: RuleBase, view: FactView) -> list[str]:
    conclusion = assessment.conclusions[cid]
    out = heading(4, inline(conclusion_title(cid, assessment, rulebase)))
    out += paragraph(say("reasoning.status", status=status_word(conclusion.status), id=code(cid)))
    bearing = questions_on(cid, assessment)
    if bearing:
        out += paragraph(say("reasoning.questions", ids=", ".join(bearing)))
    for question_id in conclusion.rests_on:
        reading = _working_reading(assessment, question_id)
        out += quote([say("reasoning.rests_on", id=code(question_id), reading=reading)])
    if conclusion.because:
        out += paragraph(say("reasoning.steps"))
        out += [f"{n}. {_step(r, cid, assessment, rulebase)}" for n, r in enumerate(conclusion.because, 1)]
        out.append("")
    else:
        out += paragraph(say("reasoning.no_steps"))
    out += paragraph(_facts_used(conclusion, view))
    return out


def _step(reason: Reason, cid: str, assessment: Assessment, rulebase: RuleBase) -> str:
    towards = ""
    if reason.conclusion != cid:
        towards = say("reasoning.towards", conclusion=inline(conclusion_title(reason.conclusion, assessment, rulebase)))
    reading = say("reasoning.reading", id=code(reason.reading)) if reason.reading else ""
    return say(
        "reasoning.step",
        citation=f"**{inline(reason.citation)}**",
        tag=say(f"source_tag.{reason.source}"),
        says=inline(reason.says),
        outcome=say(f"outcome.{reason.outcome}"),
        rule=code(reason.rule),
        towards=towards,
        reading=reading,
    )


def _facts_used(conclusion: Conclusion, view: FactView) -> str:
    if not conclusion.facts:
        return say("reasoning.no_facts")
    shown = [say("reasoning.fact_value", path=code(p), value=inline(view.value(p))) for p in conclusion.facts]
    return say("reasoning.facts_used", facts="; ".join(shown))


def _working_reading(assessment: Assessment, question_id: str) -> str:
    for question in assessment.open_questions:
        if question.id == f"legal:{question_id}" and question.working_reading:
            return inline(question.working_reading)
    return say("reasoning.rests_on_unknown")


def _openness(openness: Openness) -> list[str]:
    """The openness profile: the gradient of release and the two notions of open-source."""
    def paths(items: list[str]) -> str:
        return ", ".join(code(p) for p in items) or say("openness.nothing")

    gradient = raw("openness.gradient_values").get(openness.gradient, openness.gradient)
    rows = [
        [say("openness.gradient"), inline(gradient)],
        [say("openness.act_open_source"), f"**{status_word(openness.act_open_source)}**"],
        [say("openness.missing_for_act"), paths(openness.missing_for_act)],
        [say("openness.unknown_for_act"), paths(openness.unknown_for_act)],
        [say("openness.osaid"), f"**{status_word(openness.osaid)}**"],
        [say("openness.missing_for_osaid"), paths(openness.missing_for_osaid)],
        [say("openness.unknown_for_osaid"), paths(openness.unknown_for_osaid)],
    ]
    columns = [inline(c) for c in raw("openness.columns")]
    return heading(4, say("openness.heading")) + table(columns, rows)
