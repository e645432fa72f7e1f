"""The memo's first page: the title block and the Answer.

A lawyer signing off reads this first and may read nothing else, so it says,
in plain sentences: whether the Act applies and in which role, whether this
operator becomes a provider (two separate questions: a high-risk system under
Art. 25(1), a modified general-purpose AI model under the Commission's
guidelines), what the artefact is and why, what must be done by when, and
the few open points whose answer would change the most. Every status is the
engine's; the order and the words come from ``templates/memo.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from aiact.engine import Assessment
from aiact.engine.dates import LawVersion
from aiact.engine.result import Obligation
from aiact.engine.rulemodel import SOURCE_LABELS, Source

from .markdown import bullets, code, heading, inline, paragraph, table
from .memo_limits import ANSWER_LIMIT, words
from .memo_view import MemoView
from .wording import fill, raw, say

POINTS = 5
"""At most this many decisive open points on the first page."""
CHANGES_PER_ANSWER = 1
"""What each answer would change, shortened to this many changes on the first page."""


def title_block(
    view: MemoView,
    *,
    subject: str,
    version: str | None,
    tool_version: str,
    fact_file: str,
    checksum: str,
    settings: Sequence[tuple[str, str]],
    law_versions: Sequence[LawVersion],
    draft: bool,
) -> list[str]:
    """The title, the disclaimer and what was assessed under which law, by which tool, from which file."""
    assessment = view.assessment
    out = heading(1, memo_heading(assessment.subject, draft=draft, escape=True))
    out += paragraph(f"*{inline(assessment.disclaimer)}*")
    if version:
        items = [say("block.subject_version", value=inline(subject), version=inline(version))]
    else:
        items = [say("block.subject", value=inline(subject))]
    items.append(say("block.as_of", value=inline(assessment.as_of)))
    items.append(say("block.law", laws=_laws(assessment, law_versions)))
    marks = [
        say("block.mark_entry", mark=say(f"source_tag.{s.value}").strip(), label=inline(SOURCE_LABELS[s]))
        for s in Source
        if s is not Source.OJ
    ]
    items.append(say("block.marks", marks="; ".join(marks)))
    items.append(say("block.produced", version=inline(tool_version), name=code(fact_file), checksum=code(checksum)))
    if settings:
        items.append(say("block.settings", value=", ".join(code(f"{path}={value}") for path, value in settings)))
    if draft:
        items.append(say("block.draft"))
    return [*out, *bullets(items), ""]


def memo_heading(subject: str, *, draft: bool, escape: bool) -> str:
    """The memo's title; it says draft when the interview behind it was left unfinished."""
    name = inline(subject) if escape else " ".join(subject.split())
    return say("title_draft" if draft else "title", subject=name)


def _laws(assessment: Assessment, law_versions: Sequence[LawVersion]) -> str:
    counted = {law.key for law in assessment.law}
    parts = [
        say("block.law_entry", title=inline(law.title), day=inline(law.in_force_from),
            mark=say("source_tag.SEC") if law.source == Source.SECONDARY.value else "")
        for law in assessment.law
    ]
    parts += [
        say("block.law_not_counted", title=inline(v.title), day=inline(v.in_force_from.isoformat()))
        for v in law_versions
        if v.key not in counted
    ]
    return "; ".join(parts)


def answer_section(view: MemoView, unanswered: int) -> list[str]:
    """Section 2: the answer to the client's question, in at most 450 words.

    The decisive open points are the part that gives way when a case is heavy: first what each answer
    would change is left to the Open questions section, then fewer points are named. The choice depends
    only on the text, so the same facts still give the same bytes.
    """
    start = {0: 0, 1: 0, 2: 1, 3: 1, 4: 3, 5: 4}.get(view.brevity, 5)
    for points, changes, compact in _SHORTER[start:]:
        out = _answer(view, unanswered, points, changes, compact)
        if words("\n".join(out)) <= ANSWER_LIMIT:
            break
    return out


_SHORTER = ((POINTS, CHANGES_PER_ANSWER, 0), (POINTS, 0, 0), (3, 0, 0), (3, 0, 1), (1, 0, 2), (1, 0, 3))
"""(points named, changes per answer, compaction): the first that fits is used. Compaction 1 names the
open classifications in one line; 2 also gives one row per day in the duties table (roles together); 3
tables only the duties that are established and counts those that may apply (an early draft)."""


def _answer(view: MemoView, unanswered: int, points: int, changes: int, compact: int) -> list[str]:
    out = heading(2, say("answer.heading"))
    if unanswered:
        key = "answer.incomplete_one" if unanswered == 1 else "answer.incomplete_many"
        out += paragraph(say(key, count=unanswered))
    out += paragraph(_applies(view))
    out += [*bullets(_provider_lines(view)), ""]
    out += paragraph(say("answer.what_it_is"))
    out += [*bullets(_classification(view, compact >= 1)), ""]
    out += _duties(view, compact >= 2, compact >= 3)
    out += _points(view, points, changes)
    return out


def _roles(view: MemoView) -> str:
    roles = view.facts.stated.get("operator.roles")
    if not isinstance(roles, list) or not roles:
        return say("answer.roles_unknown")
    names = say("answer.role_joiner").join(inline(view.role(str(r))) for r in roles)
    return say("answer.roles", roles=names)


def _applies(view: MemoView) -> str:
    status = view.status("act_applies") or "undetermined"
    return say(
        f"answer.applies.{status}",
        roles=_roles(view),
        why=_sentence(view.why("act_applies")),
        refs=view.refs(view.bearing_on("act_applies")),
    )


def _sentence(clause: str) -> str:
    return clause[:1].upper() + clause[1:] + "." if clause else ""


def _provider_lines(view: MemoView) -> list[str]:
    lines = []
    for line in raw("answer.provider_lines"):
        label = inline(line["label"])
        step, status, why = _provider_status(view, line)
        if status is None:
            lines.append(say("answer.provider_not_reached", label=label))
            continue
        if status == "undetermined":
            if view.not_assessed(step) and not view.bearing_on(line["bearing"]):
                lines.append(say("answer.provider_not_assessed", label=label))
                continue
            bearing = view.bearing_on_step(step) or view.bearing_on(line["bearing"])
            reason = " " + say("answer.provider_open", refs=view.refs(bearing))
        else:
            reason = f" {_sentence(why)}" if why else ""
        lines.append(say("answer.provider_line", label=label, status=say(f"status.{status}"), why=reason))
    return lines


def _provider_status(view: MemoView, line: Mapping[str, Any]) -> tuple[str, str | None, str]:
    """The line's step, its status and nearest reason; status None when no rule of the step was recorded."""
    for step in line.get("steps", ()):
        status = view.status(step)
        if status is not None:
            return step, status, view.why(step)
    return "", None, ""


def _classification(view: MemoView, together: bool) -> list[str]:
    lines, open_, not_holding, not_assessed = [], [], [], []
    short: Mapping[str, str] = raw("answer.short_names")
    for cid in raw("answer.classification"):
        status = view.status(cid)
        headline = inline(view.headline(cid))
        if status == "yes":
            why = view.why(cid) or say("answer.why_fallback")
            lines.append(say("answer.holds", headline=headline, why=why))
        elif view.not_assessed(cid):
            not_assessed.append(inline(short.get(cid, view.headline(cid))))
        elif status == "undetermined":
            open_.append(cid)
        elif status == "no":
            not_holding.append(inline(short.get(cid, view.headline(cid))))
    if together and len(open_) > 1:
        names = "; ".join(inline(short.get(cid, view.headline(cid))) for cid in open_)
        bearing = [q for cid in open_ for q in view.bearing_on(cid)]
        lines.append(say("answer.open_together", names=names, refs=view.refs(bearing)))
    else:
        lines += [
            say("answer.open", headline=inline(view.headline(cid)), refs=view.refs(view.bearing_on(cid)))
            for cid in open_
        ]
    if not_holding:
        key = "answer.not_list" if lines else "answer.none_hold"
        lines.append(say(key, names="; ".join(not_holding)))
    if not_assessed:
        lines.append(say("answer.not_assessed", names="; ".join(not_assessed)))
    return lines


def _duties(view: MemoView, by_day: bool, counted_open: bool = False) -> list[str]:
    """The duties table: duties owed by the same role from the same day, with the same status, share a row.

    ``by_day`` puts every duty of one day and status in one row, whoever owes it (for a long draft);
    ``counted_open`` leaves the duties that may apply out of the table and only counts them.
    """
    assessment = view.assessment
    out = paragraph(say("answer.duties") + " " + say("answer.duties_intro"))
    live = sorted((o for o in assessment.obligations if not o.exempted_by), key=lambda o: o.applies_from)
    open_count = 0
    if counted_open:
        open_count = sum(1 for o in live if o.status == "undetermined" and getattr(o, "part_of", None) is None)
        live = [o for o in live if o.status != "undetermined"]
    listed = {o.id for o in live}
    rows: dict[tuple[str, ...], list[Obligation]] = {}
    for obligation in live:
        if getattr(obligation, "part_of", None) in listed:
            continue  # a finer duty of an umbrella in the table: detailed under Duties in detail
        refs = view.refs(view.bearing_on(obligation.id)) if obligation.status == "undetermined" else ""
        key: tuple[str, ...] = (obligation.applies_from, str(obligation.in_force), obligation.status)
        if not by_day:
            key = (*key, obligation.role, refs)
        rows.setdefault(key, []).append(obligation)
    if rows:
        columns = [inline(fill(c, as_of=assessment.as_of)) for c in raw("answer.duties_columns")]
        out += table(columns, [_duty_row(view, group, by_day) for group in rows.values()])
    elif not open_count:
        out += paragraph(say("answer.duties_none"))
    if open_count:
        out += paragraph(say("answer.duties_open_count", count=open_count))
    lifted = len(assessment.obligations) - len(live)
    if lifted:
        out += paragraph(say("answer.duties_lifted", count=lifted))
    return out


def _duty_row(view: MemoView, group: list[Obligation], by_day: bool) -> list[str]:
    first = group[0]
    names = "; ".join(inline(view.duty_name(o)) for o in group)
    if first.status == "undetermined":
        bearing = [q for o in group for q in view.bearing_on(o.id)]
        names = say("answer.duty_open", name=names, refs=view.refs(bearing))
    citations = "; ".join(dict.fromkeys(inline(o.citation) + say(f"source_tag.{o.source}") for o in group))
    roles = dict.fromkeys(inline(view.role(o.role)) for o in group) if by_day else [inline(view.role(first.role))]
    return [
        names,
        citations,
        "; ".join(roles),
        inline(first.applies_from),
        say(f"answer.in_force.{str(first.in_force).lower()}"),
    ]


def _points(view: MemoView, points: int, changes: int) -> list[str]:
    ranked = [q for q in view.questions if q.kind == "fact"][:points]  # numbered by weight, heaviest first
    if not ranked:
        return paragraph(say("answer.points") + " " + say("answer.points_none"))
    out = paragraph(say("answer.points") + " " + say("answer.points_intro"))
    items = [
        f"{view.number[q.id]}. " + say("answer.point", question=f"**{inline(view.plain(q.question))}**",
                                       effects=view.effects(q, changes) if changes else "").rstrip()
        for q in ranked
    ]
    return [*out, *items, ""]
