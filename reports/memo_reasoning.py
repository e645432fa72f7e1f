"""Section 3, "Reasoning": the steps of the assessment as prose, one subsection per question a lawyer asks.

Each rule step appears once, under the step it decides, in the engine's
order; a step that later conclusions build on is not repeated for each of
them (the old memo printed the same Art. 3(1) step nine times). A paragraph
opens with the step's headline and status, then gives each deciding rule's
sentence with its citation; where an unknown fact or a working reading of a
contested question bites, it says so in place and names the open question.
Which part of the rule base goes under which question is presentation data
(``reasoning.sections`` in ``templates/memo.yaml``); nothing is re-derived.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from aiact.engine.result import Reason

from .markdown import heading, inline, paragraph
from .memo_view import MemoView
from .wording import raw, say

SHOWN = 2
"""Grounds that decided a step, and rules that could still decide an open one, shown in prose; the rest
are named in Appendix C with their citations (a lawyer reads the two nearest; an auditor checks them all)."""


def reasoning_section(view: MemoView) -> list[str]:
    """Every step of the assessment under the question it answers."""
    out = heading(2, say("reasoning.heading")) + paragraph(say("reasoning.intro"))
    placed = _placement(view)
    for index, section in enumerate(raw("reasoning.sections")):
        out += heading(3, inline(section["title"]))
        steps = placed.get(index, [])
        settled = [cid for cid in steps if _settled_internal_no(view, cid)]
        body = paragraph(_settled_line(view, settled)) if settled else []
        unassessed = [cid for cid in steps if view.not_assessed(cid)]
        if unassessed:
            names = "; ".join(inline(view.headline(c)) for c in unassessed)
            body += paragraph(say("reasoning.not_assessed", steps=names))
        body += [line for cid in steps if cid not in settled and cid not in unassessed for line in _step(view, cid)]
        if section.get("openness"):
            body += _openness(view)
        if section.get("dates"):
            body += _dates(view)
        out += body or paragraph(say("reasoning.nothing"))
    leftover = placed.get(-1, [])
    if leftover:
        out += heading(3, say("reasoning.other"))
        out += [line for cid in leftover for line in _step(view, cid)]
    return out


def steps_in_order(view: MemoView) -> list[str]:
    """Every step in the order the Reasoning shows them (Appendix C follows it)."""
    placed = _placement(view)
    return [cid for index in sorted(placed, key=lambda i: (i < 0, i)) for cid in placed[index]]


def _placement(view: MemoView) -> dict[int, list[str]]:
    """The subsection (by index; -1 for none) of every step, steps in the engine's order."""
    sections: Sequence[Mapping[str, Any]] = raw("reasoning.sections")
    by_step = {cid: i for i, s in enumerate(sections) for cid in s.get("steps", ())}
    by_area = {area: i for i, s in enumerate(sections) for area in s.get("areas", ())}
    steps = set(view.reasons_by_step) | set(view.assessment.conclusions)
    placed: dict[int, list[str]] = {}
    for cid in view.rulebase.order:
        if cid in steps:
            index = by_step.get(cid, by_area.get(view.area_of(cid), -1))
            placed.setdefault(index, []).append(cid)
    return placed


def _settled_line(view: MemoView, settled: Sequence[str]) -> str:
    """The intermediate steps settled as not applying: named, or at the last level of brevity counted."""
    if view.brevity >= 7:
        return say("reasoning.settled_no_count", count=len(settled))
    return say("reasoning.settled_no", steps="; ".join(inline(view.headline(c)) for c in settled))


def _settled_internal_no(view: MemoView, cid: str) -> bool:
    """An intermediate step settled as not applying, with no working reading: named, not argued, in prose.

    Its rules stay in Appendix C; the headline conclusion it feeds gives the reason in words. This keeps,
    say, ten Art. 5(1) points a user answered "no" to from taking a page.
    """
    definition = view.rulebase.conclusions.get(cid)
    if definition is None or not definition.internal or view.status(cid) != "no":
        return False
    return not any(r.reading for r in view.reasons_by_step.get(cid, []))


def _step(view: MemoView, cid: str) -> list[str]:
    status = view.status(cid) or "undetermined"
    parts = [say("reasoning.step_lead", headline=inline(view.headline(cid)), status=say(f"status.{status}"))]
    reasons = view.reasons_by_step.get(cid, [])
    settled = [r for r in reasons if r.outcome != "undetermined"]
    possible = [r for r in reasons if r.outcome == "undetermined"]
    shown = SHOWN if view.brevity < 3 else 1
    parts += [_sentence(reason) for reason in settled[:shown] + possible[:shown]]
    if len(settled) > shown and view.brevity < 5:
        parts.append(say("reasoning.more_grounds", count=len(settled) - shown))
    if len(possible) > shown and view.brevity < 5:
        parts.append(say("reasoning.more_open", count=len(possible) - shown))
    if status == "undetermined":
        bearing = view.bearing_on(cid)
        if bearing:
            parts.append(say("reasoning.bearing", refs=view.refs(bearing)))
    parts += _readings(view, reasons)
    return paragraph(" ".join(parts))


def _sentence(reason: Reason) -> str:
    key = "reasoning.open_sentence" if reason.outcome == "undetermined" else "reasoning.sentence"
    return say(key, says=inline(reason.says.rstrip(".")), citation=inline(reason.citation),
               tag=say(f"source_tag.{reason.source}"))


def _readings(view: MemoView, reasons: Sequence[Reason]) -> list[str]:
    """The working readings this step takes of open legal questions raised on these facts."""
    out = []
    for reading in dict.fromkeys(r.reading for r in reasons if r.reading):
        qid = f"legal:{reading}"
        question = next((q for q in view.questions if q.id == qid), None)
        if question is None:
            continue
        out.append(say("reasoning.reading", ref=view.refs([qid])))
    return out


def _openness(view: MemoView) -> list[str]:
    """Where the release sits on the gradient of openness, and the two open-source tests side by side."""
    openness = view.assessment.openness

    def gaps(missing: list[str], unknown: list[str]) -> str:
        text = ""
        if missing:
            text += say("reasoning.missing", items=", ".join(_component(p) for p in missing))
        if unknown:
            text += say("reasoning.unknown", items=", ".join(_component(p) for p in unknown))
        return text

    gradients: Mapping[str, str] = raw("reasoning.gradient_values")
    return paragraph(say(
        "reasoning.openness",
        gradient=inline(gradients.get(openness.gradient, openness.gradient)),
        act=say(f"status.{openness.act_open_source}"),
        act_gaps=gaps(openness.missing_for_act, openness.unknown_for_act),
        osaid=say(f"status.{openness.osaid}"),
        osaid_gaps=gaps(openness.missing_for_osaid, openness.unknown_for_osaid),
    ).strip())


def _component(path: str) -> str:
    """A release component named by its fact, in words ("training code public")."""
    words = path.split(".", 1)[-1].replace("_", " ").replace(".", ": ")
    return inline(words)


def _dates(view: MemoView) -> list[str]:
    """The law applied, and from when each group of duties applies (the engine's dates and their sources)."""
    assessment = view.assessment
    out: list[str] = []
    groups: dict[tuple[str, str], list[str]] = {}
    later: list[str] = []
    for obligation in assessment.obligations:
        if obligation.exempted_by:
            continue
        key = (obligation.applies_from, obligation.date_source or "-")
        groups.setdefault(key, []).append(inline(obligation.citation))
        later += [d for d in obligation.applies_from_alternatives if d not in later]
    if not groups:
        return out + paragraph(say("reasoning.dates_none"))
    lines = [
        say("reasoning.dates_group", day=inline(day), source=inline(source), duties=", ".join(dict.fromkeys(cites)))
        for (day, source), cites in sorted(groups.items())
    ]
    if later:
        lines.append(say("reasoning.dates_later", days=inline(", ".join(sorted(later)))))
    return out + paragraph(" ".join(lines))
