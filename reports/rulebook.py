"""The rule book: every rule of the rule base, cited, as Markdown (``aiact rules``)."""

from __future__ import annotations

from aiact.engine import RuleBase, Tri
from aiact.engine.dates import DATE_TABLE
from aiact.engine.rulemodel import SOURCE_LABELS, ConclusionDef, ObligationDef, Rule, Source


def render_rule_book(rulebase: RuleBase) -> str:
    """The whole rule base, grouped by area, in declaration order."""
    out = [
        "# aiact rule book",
        "",
        "Every rule of the rule base, grouped by part of Regulation (EU) 2024/1689 as amended. "
        "Each rule cites the Regulation; rules marked *[GL]* rest on the Commission's non-binding "
        "guidelines, rules marked *[SEC]* on Regulation (EU) 2026/1744 as reported by secondary "
        "sources. Decision support, not legal advice.",
        "",
        "Sources: " + "; ".join(f"*[{s.value}]* {SOURCE_LABELS[s]}" for s in Source) + ".",
        "",
    ]
    for area in rulebase.areas:
        conclusions = rulebase.conclusions_in_area(area.id)
        obligations = [o for o in rulebase.obligations.values() if o.area == area.id]
        if not conclusions and not obligations:
            continue
        out += [f"## {area.title}", ""]
        for conclusion in conclusions:
            out += _conclusion(conclusion)
        if obligations:
            out += ["### Obligations", ""]
            for obligation in obligations:
                out += _obligation(obligation)
    if rulebase.notes:
        out += ["## Deliberately not formalised", ""]
        out += [f"- {note}" for note in rulebase.notes] + [""]
    return "\n".join(out).rstrip("\n") + "\n"


def _tag(source: Source) -> str:
    return "" if source is Source.OJ else f" *[{source.value}]*"


def _conclusion(conclusion: ConclusionDef) -> list[str]:
    kind = " (intermediate step)" if conclusion.internal else ""
    lines = [f"### `{conclusion.id}`: {conclusion.title}{kind}", ""]
    for rule in conclusion.rules:
        lines += _rule(rule)
    other = conclusion.otherwise
    lines += [
        f"- **{other.id}** ({other.citation}){_tag(other.source)}: otherwise "
        f"**{other.then.value}**. {other.says}",
        "",
    ]
    return lines


def _rule(rule: Rule) -> list[str]:
    verdict = "yes" if rule.then is Tri.YES else "no"
    lines = [
        f"- **{rule.id}** ({rule.citation}){_tag(rule.source)}: {rule.says}",
        f"  - when: {rule.when.describe()}",
        f"  - then: **{verdict}**",
    ]
    if rule.overrides:
        lines.append(f"  - overrides: {', '.join(rule.overrides)}")
    if rule.reading:
        lines.append(f"  - working reading of the open question `{rule.reading}`")
    if rule.not_formalised:
        lines.append(f"  - not formalised: {rule.not_formalised}")
    return lines


def _obligation(obligation: ObligationDef) -> list[str]:
    dates = DATE_TABLE.dates[obligation.date_key]
    when = "; ".join(f"{d.day.isoformat()} ({d.citation})" for d in dates)
    lines = [
        f"- **{obligation.id}** ({obligation.citation}){_tag(obligation.source)}, "
        f"{obligation.role}: {obligation.duty}",
        f"  - concerns the {obligation.concerns}" + (f"; part of {obligation.part_of}" if obligation.part_of else ""),
        f"  - entails: {obligation.entails}",
        f"  - applies when: {obligation.applies_when.describe()}",
        f"  - from: {when}",
    ]
    for version in obligation.versions:
        lines.append(f"  - as worded under {version.law}{_tag(version.source)}: {version.duty}")
    for choice in obligation.date_choices:
        choice_dates = "; ".join(f"{d.day.isoformat()} ({d.citation})" for d in DATE_TABLE.dates[choice.date_key])
        lines.append(f"  - instead from {choice_dates} when {choice.when.describe()}")
    if obligation.exempted_by:
        lines.append(f"  - lifted by: {', '.join(obligation.exempted_by)}")
    if obligation.fine:
        lines.append(f"  - maximum fine: {obligation.fine}")
    if obligation.fine_tier:
        tier = obligation.fine_tier
        tier_from = "; ".join(d.day.isoformat() for d in DATE_TABLE.dates[tier.date_key])
        lines.append(f"  - fine tier: {tier.citation}, {tier.maximum}; fines from {tier_from}")
    return [*lines, ""]
