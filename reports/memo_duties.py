"""The "Obligations" and "Open questions" sections of the memo.

Obligations are a table because counsel reads them across (who, what,
citation, from when, in force or not, lifted by what, at what risk).
Open questions are block quotes with a warning mark, so that they stand out
on screen and on paper while remaining plain CommonMark.
"""

from __future__ import annotations

from aiact.engine import Assessment
from aiact.engine.result import Obligation, OpenQuestion

from .markdown import bullets, code, heading, inline, paragraph, quote, table
from .wording import fill, raw, say


def obligations_section(assessment: Assessment) -> list[str]:
    as_of = inline(assessment.as_of)
    out = heading(2, say("obligations.heading"))
    if not assessment.obligations:
        return out + paragraph(say("obligations.none"))
    out += paragraph(say("obligations.intro", as_of=as_of))
    columns = [inline(fill(column, as_of=assessment.as_of)) for column in raw("obligations.columns")]
    return out + table(columns, [_row(o) for o in assessment.obligations])


def _row(obligation: Obligation) -> list[str]:
    when = say("obligations.from", day=inline(obligation.applies_from), source=inline(obligation.date_source or "-"))
    if obligation.applies_from_alternatives:
        when += say("obligations.alternatives", days=inline(", ".join(obligation.applies_from_alternatives)))
    if obligation.exempted_by:
        exemption = say("obligations.exempted", id=code(obligation.exempted_by))
    elif obligation.may_be_exempted_by:
        exemption = say("obligations.may_be_exempted", ids=", ".join(code(c) for c in obligation.may_be_exempted_by))
    else:
        exemption = say("obligations.not_exempted")
    return [
        say("obligations.duty", duty=inline(obligation.duty or obligation.id), id=code(obligation.id)),
        inline(obligation.role.replace("_", " ")),
        inline(obligation.citation) + say(f"source_tag.{obligation.source}"),
        when,
        say(f"obligations.in_force.{str(obligation.in_force).lower()}"),
        say(f"obligations.status.{obligation.status}"),
        exemption,
        inline(obligation.max_fine) if obligation.max_fine else say("obligations.no_fine"),
    ]


def questions_section(assessment: Assessment) -> list[str]:
    facts = [q for q in assessment.open_questions if q.kind == "fact"]
    legal = [q for q in assessment.open_questions if q.kind == "legal"]
    out = heading(2, say("questions.heading")) + paragraph(say("questions.intro"))
    out += heading(3, say("questions.facts_heading"))
    out += [line for q in facts for line in _fact_question(q)] or paragraph(say("questions.none"))
    out += heading(3, say("questions.legal_heading"))
    out += [line for q in legal for line in _legal_question(q)] or paragraph(say("questions.none"))
    return out


def _common(question: OpenQuestion) -> list[str]:
    lines = []
    if question.affects:
        lines += ["", say("questions.affects", ids=", ".join(code(c) for c in question.affects))]
    if question.citations:
        lines += ["", say("questions.citations", citations=inline("; ".join(question.citations)))]
    return lines


def _fact_question(question: OpenQuestion) -> list[str]:
    lines = [say("questions.fact_lead", question=inline(question.question))]
    if question.path:
        lines += ["", say("questions.fact_path", path=code(question.path))]
    lines += _common(question)
    if question.if_:
        lines += ["", say("questions.if_intro"), ""]
        lines += bullets(
            say("questions.if_item", answer=f"**{inline(answer)}**", effect=inline(effect))
            for answer, effect in question.if_.items()
        )
    if question.help:
        lines += ["", say("questions.help", help=inline(question.help))]
    return quote(lines)


def _legal_question(question: OpenQuestion) -> list[str]:
    qid = code(question.id.removeprefix("legal:"))
    lines = [say("questions.legal_lead", id=qid, question=inline(question.question))]
    if question.why:
        lines += ["", say("questions.why", why=inline(question.why))]
    if question.readings:
        lines += ["", say("questions.readings"), ""]
        lines += bullets(inline(reading) for reading in question.readings)
    if question.working_reading:
        lines += ["", say("questions.working", reading=inline(question.working_reading))]
    lines += _common(question)
    return quote(lines)
