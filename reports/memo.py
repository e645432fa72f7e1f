"""The memo: what a compliance officer sends to counsel, as CommonMark.

One assessment in, one document out, byte for byte the same for the same
facts: no clock is read (the only date is the assessment's ``as_of``), and
every list follows the engine's or the fact model's order. The memo renders;
it never decides law. Each status, reason, date and question is the
engine's; this module only chooses where it goes and, through
``templates/memo.yaml``, how it is worded.

Sections: about this assessment (metadata), summary, facts relied on,
reasoning by part of the Act, obligations, open questions, assumptions and
limits. :mod:`.html` turns the same Markdown into a standalone page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from aiact.engine import Assessment, FactFile, RuleBase
from aiact.engine.dates import DATE_TABLE, LawVersion
from aiact.engine.record import field, record
from aiact.engine.rulemodel import SOURCE_LABELS, Source

from .markdown import bullets, code, heading, inline, paragraph
from .memo_duties import obligations_section, questions_section
from .memo_facts import FactView, facts_section
from .memo_reasoning import conclusion_title, questions_on, reasoning_section, status_word
from .wording import fill, raw, say


@record
class MemoInput:
    """Everything a memo is rendered from.

    ``fact_file`` is the name shown for the file (its base name, so that the
    memo does not depend on where the file lies) and ``checksum`` the sha256 of
    its bytes; ``settings`` are the what-if changes (``path``, ``value``) applied
    before validation, in the order given; ``questions`` the question put for
    each fact path (the questionnaire's wording), so that a fact is shown as
    the person answering it saw it.
    """

    assessment: Assessment
    facts: FactFile
    rulebase: RuleBase
    tool_version: str
    fact_file: str
    checksum: str
    settings: tuple[tuple[str, str], ...] = ()
    law_versions: tuple[LawVersion, ...] = tuple(DATE_TABLE.versions.values())
    questions: Mapping[str, str] = field(default_factory=dict)


def render_memo(memo: MemoInput) -> str:
    """The memo as CommonMark (with pipe tables), ending in one newline."""
    assessment = memo.assessment
    view = FactView.of(memo.facts, assessment, dict(memo.settings), memo.questions)
    out = heading(1, say("title", subject=inline(assessment.subject)))
    out += paragraph(say("lead")) + paragraph(f"*{inline(assessment.disclaimer)}*")
    out += _metadata(memo)
    out += _summary(assessment, memo.rulebase, view)
    out += facts_section(view, assessment)
    out += reasoning_section(assessment, memo.rulebase, view)
    out += obligations_section(assessment)
    out += questions_section(assessment)
    out += _assumptions(assessment, memo.rulebase)
    return "\n".join(out).rstrip("\n") + "\n"


def memo_title(assessment: Assessment) -> str:
    """The memo's title as plain text (for the HTML page's ``<title>``)."""
    return say("title", subject=" ".join(assessment.subject.split()))


def _metadata(memo: MemoInput) -> list[str]:
    assessment, subject = memo.assessment, memo.facts.subject
    items = [say("metadata.subject", value=inline(subject.name))]
    if subject.version:
        items.append(say("metadata.version", value=inline(subject.version)))
    if subject.description:
        items.append(say("metadata.description", value=inline(subject.description)))
    items.append(say("metadata.as_of", value=inline(assessment.as_of)))
    counted = {law.key for law in assessment.law}
    law_lines = [
        say("metadata.law_entry", title=inline(law.title), day=inline(law.in_force_from),
            mark=say("metadata.law_secondary") if law.source == Source.SECONDARY.value else "")
        for law in assessment.law
    ]
    law_lines += [
        say("metadata.law_not_counted", title=inline(v.title), day=inline(v.in_force_from.isoformat()))
        for v in memo.law_versions
        if v.key not in counted
    ]
    out = heading(2, say("metadata.heading")) + bullets(items)
    out += bullets([say("metadata.law")]) + bullets(law_lines, indent=2)
    out += bullets([
        say("metadata.tool", value=inline(memo.tool_version)),
        say("metadata.fact_file", name=code(memo.fact_file), checksum=code(memo.checksum)),
    ])
    if memo.settings:
        changes = ", ".join(code(f"{path}={value}") for path, value in memo.settings)
        out += bullets([say("metadata.settings", value=changes)])
    marks = [
        say("metadata.source_entry", mark=say(f"source_tag.{s.value}").strip(), label=inline(SOURCE_LABELS[s]))
        for s in Source
        if s is not Source.OJ
    ]
    out += bullets([say("metadata.sources")]) + bullets(marks, indent=2)
    return [*out, ""]


def _summary(assessment: Assessment, rulebase: RuleBase, view: FactView) -> list[str]:
    out = heading(2, say("summary.heading"))
    out += paragraph(_bottom_line(assessment, rulebase))
    roles = view.value("operator.roles")
    if roles == "unknown":
        out += bullets([say("summary.roles_unknown")])
    else:
        out += bullets([say("summary.roles", roles=inline(roles.replace("_", " ")))])
    for group in raw("summary.groups"):
        present = [cid for cid in group["conclusions"] if cid in assessment.conclusions]
        lines = [_summary_line(cid, assessment, rulebase) for cid in present]
        if group.get("with_openness"):
            lines.append(_openness_line(assessment))
        if lines:
            out += bullets([fill(raw("summary.group"), label=inline(group["label"]))])
            out += bullets(lines, indent=2)
    out += bullets([_obligation_counts(assessment), _question_counts(assessment)])
    return [*out, ""]


def _bottom_line(assessment: Assessment, rulebase: RuleBase) -> str:
    """One paragraph: applies or not, what holds, what is still open (all by the engine's statuses)."""
    conclusions = assessment.conclusions
    applies = conclusions.get(raw("summary.bottom_line.applies_conclusion"))
    headline = [cid for cid in raw("summary.bottom_line.headline") if cid in conclusions]

    def titles(status: str) -> str:
        named = [inline(conclusion_title(c, assessment, rulebase)) for c in headline if conclusions[c].status == status]
        return "; ".join(named) or say("summary.bottom_line.nothing")

    return say(
        "summary.bottom_line.text",
        applies=status_word(applies.status) if applies else status_word("undetermined"),
        holds=titles("yes"),
        open=titles("undetermined"),
    )


def _summary_line(cid: str, assessment: Assessment, rulebase: RuleBase) -> str:
    conclusion = assessment.conclusions[cid]
    citations: list[str] = []
    if conclusion.status != "undetermined":
        for reason in conclusion.because:
            if reason.conclusion == cid and reason.outcome != "undetermined" and reason.citation not in citations:
                citations.append(reason.citation)
    basis = say("summary.cites", citations=inline("; ".join(citations))) if citations else ""
    bearing = questions_on(cid, assessment) if conclusion.status == "undetermined" else []
    if bearing:
        basis = say("summary.turns_on", ids=", ".join(bearing))
    return say(
        "summary.conclusion",
        title=inline(conclusion_title(cid, assessment, rulebase)),
        status=status_word(conclusion.status),
        cites=basis,
        marker=say("summary.rests_on_marker") if conclusion.rests_on else "",
    )


def _openness_line(assessment: Assessment) -> str:
    openness = assessment.openness
    gradient = raw("openness.gradient_values").get(openness.gradient, openness.gradient)
    return say(
        "summary.openness",
        gradient=inline(gradient),
        act=status_word(openness.act_open_source),
        osaid=status_word(openness.osaid),
    )


def _obligation_counts(assessment: Assessment) -> str:
    live = [o for o in assessment.obligations if not o.exempted_by]
    return say(
        "summary.obligations",
        in_force=sum(o.in_force for o in live),
        later=sum(not o.in_force for o in live),
        lifted=len(assessment.obligations) - len(live),
        undetermined=sum(o.status == "undetermined" for o in live),
        as_of=inline(assessment.as_of),
    )


def _question_counts(assessment: Assessment) -> str:
    kinds = [q.kind for q in assessment.open_questions]
    return say("summary.questions", facts=kinds.count("fact"), legal=kinds.count("legal"))


def _assumptions(assessment: Assessment, rulebase: RuleBase) -> list[str]:
    out = heading(2, say("assumptions.heading"))
    items: Sequence[str] = raw("assumptions.items")
    out += bullets(fill(item, as_of=inline(assessment.as_of)) for item in items)
    out.append("")
    if rulebase.notes:
        out += paragraph(say("assumptions.not_formalised"))
        out += [*bullets(inline(note) for note in rulebase.notes), ""]
    out += paragraph(say("assumptions.advice", disclaimer=inline(assessment.disclaimer)))
    return out


__all__ = ["MemoInput", "memo_title", "render_memo"]
