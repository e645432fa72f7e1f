"""Sections 4 and 5: "Duties in detail" and "Open questions".

Duties are grouped by who owes them, in the rule base's order (which follows
the Act: a high-risk provider's risk management, data governance, technical
documentation and so on, as the rule base lists them), each with what it
entails, its article and from when. Duties an exemption lifted are listed
apart, those of one exemption in one item with the exemption and its reason
said once, so counsel can check it. The
maximum fine is given once per tier in a closing table, not on every duty.

Open questions are numbered once (facts to establish first, then the legal
questions) and every other section refers to those numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from aiact.engine.result import Obligation, OpenQuestion

from .markdown import bullets, heading, inline, paragraph, table
from .memo_view import MemoView
from .wording import raw, say


def duties_section(view: MemoView) -> list[str]:
    """Section 4: each duty, what it entails, from when, what lifted it; fines once per tier.

    From ``view.brevity`` 1, each duty says what it entails in its first sentence only (the memo does so
    when the full text would take sections 1 to 5 past their length limit; the full text is in the JSON
    result of ``aiact check``). From level 6, the finer duties under an umbrella duty (Art. 16, Art. 26) are
    named in one line, with their articles, instead of one paragraph each.
    """
    brief = view.brevity >= 1
    obligations = view.assessment.obligations
    out = heading(2, say("duties.heading"))
    if not obligations:
        return out + paragraph(say("duties.none"))
    out += paragraph(say("duties.intro"))
    live = [o for o in obligations if not o.exempted_by]
    details = _details(live)
    shown = [o for o in live if not any(o in group for group in details.values())]
    for (role, concerns), members in _by_role(shown).items():
        key = f"duties.role_heading_{concerns}" if concerns in raw("duties.concerns") else "duties.role_heading"
        out += heading(3, say(key, role=inline(view.role(role))))
        groups: dict[str, list[Obligation]] = {}
        for obligation in members:
            groups.setdefault(_when(view, obligation), []).append(obligation)
        for when, group in groups.items():
            out += paragraph(when)
            for obligation in group:
                out += bullets([_duty(view, obligation, brief)])
                parts = details.get(obligation.id, [])
                if parts and view.brevity >= 6:
                    names = "; ".join(f"{inline(view.duty_name(d))} ({inline(d.citation)})" for d in parts)
                    out += bullets([say("duties.parts", names=names)], indent=2)
                else:
                    out += bullets((_duty(view, d, brief) for d in parts), indent=2)
            out.append("")
    lifted_ids = {o.id for o in obligations if o.exempted_by}
    lifted = [o for o in obligations if o.exempted_by and _umbrella(o) not in lifted_ids]
    if lifted:
        by_exemption: dict[str, list[Obligation]] = {}
        for obligation in lifted:
            by_exemption.setdefault(obligation.exempted_by or "", []).append(obligation)
        out += heading(3, say("duties.lifted_heading"))
        out += [*bullets(_lifted(view, exemption, group) for exemption, group in by_exemption.items()), ""]
    out += _fines(view, obligations)
    return out


def _umbrella(obligation: Obligation) -> str | None:
    """The umbrella duty a finer duty details (e.g. Art. 16 for Art. 9), if the rule base says so."""
    part_of = getattr(obligation, "part_of", None)
    return str(part_of) if part_of else None


def _details(live: list[Obligation]) -> dict[str, list[Obligation]]:
    """The finer duties listed under each umbrella duty that is itself listed."""
    ids = {o.id for o in live}
    details: dict[str, list[Obligation]] = {}
    for obligation in live:
        parent = _umbrella(obligation)
        if parent in ids and parent is not None:
            details.setdefault(parent, []).append(obligation)
    return details


def _by_role(obligations: list[Obligation]) -> dict[tuple[str, str], list[Obligation]]:
    groups: dict[tuple[str, str], list[Obligation]] = {}
    for obligation in obligations:
        groups.setdefault((obligation.role, str(getattr(obligation, "concerns", "") or "")), []).append(obligation)
    return groups


def _when(view: MemoView, obligation: Obligation) -> str:
    """From when a duty applies and whether it turns on open questions: said once for the duties sharing it."""
    parts = [say(
        "duties.when", day=inline(obligation.applies_from), source=inline(obligation.date_source or "-"),
        as_of=inline(view.assessment.as_of), in_force=say(f"answer.in_force.{str(obligation.in_force).lower()}"),
    )]
    if obligation.applies_from_alternatives:
        parts.append(say("duties.later", days=inline(", ".join(obligation.applies_from_alternatives))))
    if obligation.status == "undetermined":
        parts.append(say("duties.open", refs=view.refs(view.bearing_on(obligation.id))))
    if obligation.may_be_exempted_by:
        names = "; ".join(inline(view.headline(cid)) for cid in obligation.may_be_exempted_by)
        parts.append(say("duties.may_be_lifted", exemptions=names))
    return " ".join(parts)


def _duty(view: MemoView, obligation: Obligation, brief: bool) -> str:
    """One duty: its short name, article, and what it entails in practice (else the duty's own text)."""
    text = str(getattr(obligation, "entails", "") or "") or obligation.duty
    if brief:
        text = _first_sentence(text)
    if view.brevity >= 5:
        text = _first_clause(text)
    return say(
        "duties.item", name=inline(view.duty_name(obligation)), citation=inline(obligation.citation),
        tag=say(f"source_tag.{obligation.source}"), duty=inline(text),
    )


_SENTENCE_END = re.compile(r"(?<!\bArt)(?<!\bNo)(?<!\be\.g)(?<!\bi\.e)(?<!\bpara)\.\s+(?=[A-Z])")
"""A full stop that ends a sentence, not one of an abbreviation the Act's citations use ("Art. 6")."""


def _first_sentence(text: str) -> str:
    parts = _SENTENCE_END.split(text, maxsplit=1)
    return parts[0] + "." if len(parts) > 1 else text


CLAUSE_WORDS = 22
"""At the last level of brevity, what a duty entails is cut to its first clause, at most this many words."""


def _first_clause(text: str) -> str:
    """The text up to its first semicolon or colon outside parentheses, cut at a word if still long.

    A cut is marked with an ellipsis where words were dropped mid-thought (after a colon, which announces
    what follows, or at the word limit); a clause ending at a semicolon is a sentence of its own.
    """
    depth, end, mark = 0, len(text), ""
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if depth == 0 and char in ";:" and text[index + 1:index + 2] == " ":
            end, mark = index, (" \u2026" if char == ":" else ".")
            break
    clause = text[:end].rstrip(".")
    words = clause.split()
    if len(words) > CLAUSE_WORDS:
        cut = " ".join(words[:CLAUSE_WORDS])
        if cut.count("(") > cut.count(")"):
            cut = cut[:cut.rindex("(")]  # never leave a parenthesis open
        return cut.rstrip(", ") + " \u2026"
    if end == len(text):
        return text
    return clause + mark


def _lifted(view: MemoView, exemption: str, group: list[Obligation]) -> str:
    """The duties one exemption lifts, named together, with the exemption and its reason said once."""
    names = "; ".join(
        say("duties.lifted_name", name=inline(view.duty_name(o)), citation=inline(o.citation)) for o in group
    )
    by: Mapping[str, str] = raw("duties.lifted_by")
    return say("duties.lifted", names=names, exemption=inline(by.get(exemption, view.headline(exemption))),
               why=view.why(exemption))


def _fines(view: MemoView, obligations: list[Obligation]) -> list[str]:
    """One row per fine tier (its ceiling said once), naming the articles of the duties it covers."""
    tiers: dict[str, list[str]] = {}
    for obligation in obligations:
        tier, maximum = getattr(obligation, "fine_tier", None), getattr(obligation, "fine_tier_maximum", None)
        fine = f"{tier}: {maximum}" if tier and maximum else obligation.max_fine or say("duties.no_fine")
        tiers.setdefault(fine, []).append(inline(obligation.citation))
    rows = [[inline(fine), "; ".join(dict.fromkeys(cites))] for fine, cites in tiers.items()]
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


def _label(reading: str) -> str:
    """A reading named by what comes before its colon ("No (the Commission's guidelines)"), else in full."""
    label, colon, _ = reading.partition(": ")
    return label if colon else reading.rstrip(".")


def _fact(view: MemoView, question: OpenQuestion) -> str:
    limit = 2 if view.brevity < 4 else 1
    citations = question.citations if view.brevity < 5 else []
    return say(
        "questions.fact", question=inline(view.plain(question.question)), effects=view.effects(question, limit),
        citations=inline("; ".join(citations)),
    ).replace(" *()*", "")


def _legal(view: MemoView, question: OpenQuestion) -> str:
    parts = [say("questions.legal", question=inline(view.plain(question.question)))]
    if question.readings:
        shown = [_label(r) if view.brevity >= 4 else r.rstrip(".") for r in question.readings]
        readings = "; ".join(inline(view.plain(r)) for r in shown)
        key = "questions.readings_named" if view.brevity >= 4 else "questions.readings"
        parts.append(say(key, readings=readings))
    if question.working_reading:
        parts.append(say("questions.working", reading=inline(view.plain(question.working_reading.rstrip(".")))))
    else:
        parts.append(say("questions.working_none"))
    return " ".join(p.strip() for p in parts)
