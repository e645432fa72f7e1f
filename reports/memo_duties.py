"""Sections 4 and 5: "Duties in detail" and "Open questions".

Duties are grouped by who owes them, in the rule base's order (which follows
the Act: a high-risk provider's risk management, data governance, technical
documentation and so on, as the rule base lists them), each with what it
entails, its article and from when. A duty an exemption lifted is listed
apart with the exemption and its reason, so counsel can check it. The
maximum fine is given once per tier in a closing table, not on every duty.

Open questions are numbered once (facts to establish first, then the legal
questions) and every other section refers to those numbers.
"""

from __future__ import annotations

from collections.abc import Callable

from aiact.engine.result import Obligation, OpenQuestion

from .markdown import bullets, heading, inline, paragraph, table
from .memo_view import MemoView
from .wording import raw, say


def duties_section(view: MemoView) -> list[str]:
    """Section 4: each duty, what it entails, from when, what lifted it; fines once per tier."""
    obligations = view.assessment.obligations
    out = heading(2, say("duties.heading"))
    if not obligations:
        return out + paragraph(say("duties.none"))
    out += paragraph(say("duties.intro"))
    live = [o for o in obligations if not o.exempted_by]
    for role in dict.fromkeys(o.role for o in live):
        out += heading(3, say("duties.role_heading", role=inline(view.role(role))))
        out += [*bullets(_duty(view, o) for o in live if o.role == role), ""]
    lifted = [o for o in obligations if o.exempted_by]
    if lifted:
        out += heading(3, say("duties.lifted_heading"))
        out += [*bullets(_lifted(view, o) for o in lifted), ""]
    out += _fines(view, obligations)
    return out


def _duty(view: MemoView, obligation: Obligation) -> str:
    as_of = view.assessment.as_of
    parts = [say(
        "duties.item", name=inline(view.duty_name(obligation)), citation=inline(obligation.citation),
        tag=say(f"source_tag.{obligation.source}"), duty=inline(obligation.duty),
    )]
    entails = getattr(obligation, "entails", "") or ""
    if entails:
        parts.append(say("duties.entails", text=inline(entails)))
    concerns = getattr(obligation, "concerns", "") or ""
    if concerns in raw("duties.concerns"):
        parts.append(say(f"duties.concerns.{concerns}"))
    parts.append(say(
        "duties.when", day=inline(obligation.applies_from), source=inline(obligation.date_source or "-"),
        as_of=inline(as_of), in_force=say(f"answer.in_force.{str(obligation.in_force).lower()}"),
    ))
    if obligation.applies_from_alternatives:
        parts.append(say("duties.later", days=inline(", ".join(obligation.applies_from_alternatives))))
    if obligation.status == "undetermined":
        parts.append(say("duties.open", refs=view.refs(view.bearing_on(obligation.id))))
    if obligation.may_be_exempted_by:
        names = "; ".join(inline(view.headline(cid)) for cid in obligation.may_be_exempted_by)
        parts.append(say("duties.may_be_lifted", exemptions=names))
    return " ".join(parts)


def _lifted(view: MemoView, obligation: Obligation) -> str:
    exemption = obligation.exempted_by or ""
    return say(
        "duties.lifted", name=inline(view.duty_name(obligation)), citation=inline(obligation.citation),
        exemption=inline(view.headline(exemption)), why=view.why(exemption) + ".",
    )


def _fines(view: MemoView, obligations: list[Obligation]) -> list[str]:
    """One row per fine tier, naming the duties it covers."""
    tiers: dict[str, list[str]] = {}
    for obligation in obligations:
        fine = obligation.max_fine or say("duties.no_fine")
        tiers.setdefault(fine, []).append(f"{inline(view.duty_name(obligation))} ({inline(obligation.citation)})")
    rows = [[inline(fine), "; ".join(dict.fromkeys(duties))] for fine, duties in tiers.items()]
    out = heading(3, say("duties.fines_heading")) + paragraph(say("duties.fines_intro"))
    return out + table([inline(c) for c in raw("duties.fines_columns")], rows)


def questions_section(view: MemoView) -> list[str]:
    """Section 5: the facts to establish and the legal questions, numbered as referred to above."""
    out = heading(2, say("questions.heading")) + paragraph(say("questions.intro"))
    facts = [q for q in view.questions if q.kind == "fact"]
    legal = [q for q in view.questions if q.kind == "legal"]
    out += heading(3, say("questions.facts_heading"))
    out += _numbered(view, facts, _fact) or paragraph(say("questions.none"))
    out += heading(3, say("questions.legal_heading"))
    out += _numbered(view, legal, _legal) or paragraph(say("questions.none"))
    return out


def _numbered(
    view: MemoView, questions: list[OpenQuestion], render: Callable[[MemoView, OpenQuestion], str]
) -> list[str]:
    if not questions:
        return []
    return [*(f"{view.number[q.id]}. {render(view, q)}" for q in questions), ""]


def _fact(view: MemoView, question: OpenQuestion) -> str:
    return say(
        "questions.fact", question=inline(question.question), effects=view.effects(question, limit=4),
        citations=inline("; ".join(question.citations)),
    ).replace(" *()*", "")


def _legal(view: MemoView, question: OpenQuestion) -> str:
    parts = [say("questions.legal", question=inline(question.question), why=inline(view.plain(question.why or "")))]
    if question.readings:
        parts.append(say("questions.readings", readings="; ".join(inline(r.rstrip(".")) for r in question.readings)))
    if question.working_reading:
        parts.append(say("questions.working", reading=inline(question.working_reading.rstrip("."))))
    else:
        parts.append(say("questions.working_none"))
    return " ".join(p.strip() for p in parts)
