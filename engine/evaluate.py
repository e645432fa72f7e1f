"""Evaluating one node of the rule base: the meaning of rules, overrides, otherwise.

This module is the single definition of what a conclusion's rules mean. The
durable-rules session (:mod:`.session`) calls it from each production's
action; the what-matters analysis calls it directly for hypothetical facts.
Both therefore agree by construction, and a property test checks it.

How a conclusion is decided:

1. Each rule's condition is evaluated (yes / no / undetermined).
2. Overrides are applied: a rule that holds silences the rules it
   overrides; a rule that is undetermined makes them undetermined too.
3. If rules that hold all conclude the same value, and no rule that might
   still hold concludes the opposite, that value is the status. If rules that
   hold disagree, the rule base is defective and the assessment fails.
4. If no rule holds but some are undetermined, the status is undetermined.
5. If every rule is settled as not holding, the ``otherwise`` rule decides.
"""

from __future__ import annotations

from datetime import date

from .conditions import UNKNOWN
from .dates import DateTable
from .record import record
from .rulemodel import ConclusionDef, ObligationDef, Rule
from .tri import Tri


class RuleConflictError(RuntimeError):
    """Two rules that both hold conclude opposite values: a rule-base defect."""


@record
class ConclusionOutcome:
    """The status of a conclusion and the rules that decided it."""

    status: Tri
    holding: tuple[str, ...]
    """Rules whose condition is met (or the ``otherwise`` rule), in declared order."""
    possible: tuple[str, ...] = ()
    """Rules that turn on unknown facts and would change the status if they held."""

    @property
    def decisive(self) -> tuple[str, ...]:
        return self.holding + self.possible


@record
class ObligationOutcome:
    """An obligation that applies (or would, but for an exemption)."""

    status: Tri  # YES or UNDETERMINED
    exempted_by: str | None
    may_be_exempted_by: tuple[str, ...]
    date_key: str
    date_alternatives: tuple[str, ...]
    """Other date keys that could apply if unknown facts were known."""


Outcome = ConclusionOutcome | ObligationOutcome | None


class NodeEnv:
    """What a node's conditions may read: facts, conclusions and the date."""

    def __init__(
        self,
        facts: dict[str, object],
        conclusions: dict[str, Tri],
        as_of: date,
        dates: DateTable,
    ) -> None:
        self.facts = facts
        self.conclusions = conclusions
        self.as_of = as_of
        self.dates = dates

    def fact(self, path: str) -> object:
        return self.facts.get(path, UNKNOWN)

    def conclusion(self, conclusion_id: str) -> Tri:
        return self.conclusions[conclusion_id]

    def law_in_force(self, version: str) -> bool:
        return self.dates.law_in_force(version, self.as_of)


def evaluate_conclusion(conclusion: ConclusionDef, env: NodeEnv) -> ConclusionOutcome:
    """Decide one conclusion (see the module docstring for the semantics)."""
    holding: list[Rule] = []
    possible: list[Rule] = []
    if conclusion.overriders:
        effective = _apply_overrides(conclusion, {rule.id: rule.when.evaluate(env) for rule in conclusion.rules})
        for rule in conclusion.rules:
            status = effective[rule.id]
            if status is Tri.YES:
                holding.append(rule)
            elif status is Tri.UNDETERMINED:
                possible.append(rule)
    else:  # one pass, no intermediate dicts: the common case, run some 200 times per assessment
        for rule in conclusion.rules:
            status = rule.when.evaluate(env)
            if status is Tri.YES:
                holding.append(rule)
            elif status is Tri.UNDETERMINED:
                possible.append(rule)
    values = {r.then for r in holding}
    if len(values) > 1:
        raise RuleConflictError(
            f"{conclusion.id}: rules {', '.join(r.id for r in holding)} hold with opposite conclusions"
        )
    if values:
        value = values.pop()
        contrary = [r for r in possible if r.then is not value]
        if contrary:
            return ConclusionOutcome(
                Tri.UNDETERMINED, tuple(r.id for r in holding), tuple(r.id for r in contrary)
            )
        return ConclusionOutcome(value, tuple(r.id for r in holding), ())
    if possible:
        return ConclusionOutcome(Tri.UNDETERMINED, (), tuple(r.id for r in possible))
    return ConclusionOutcome(conclusion.otherwise.then, (conclusion.otherwise.id,), ())


def _apply_overrides(conclusion: ConclusionDef, raw: dict[str, Tri]) -> dict[str, Tri]:
    """A holding rule silences what it overrides; an undetermined one casts doubt on it."""
    overridden_by = conclusion.overriders
    effective = dict(raw)
    resolved: dict[str, Tri] = {}

    def resolve(rule_id: str, trail: tuple[str, ...] = ()) -> Tri:
        if rule_id in resolved:
            return resolved[rule_id]
        if rule_id in trail:
            raise RuleConflictError(f"override cycle through {rule_id}")
        value = raw[rule_id]
        for overrider in overridden_by.get(rule_id, ()):
            strength = resolve(overrider, (*trail, rule_id))
            if strength is Tri.YES:
                value = Tri.NO
            elif strength is Tri.UNDETERMINED and value is Tri.YES:
                value = Tri.UNDETERMINED
        resolved[rule_id] = value
        return value

    for rule in conclusion.rules:
        effective[rule.id] = resolve(rule.id)
    return effective


def evaluate_obligation(obligation: ObligationDef, env: NodeEnv) -> ObligationOutcome | None:
    """Whether an obligation applies, whether it is lifted, and from which date."""
    applies = obligation.applies_when.evaluate(env)
    if applies is Tri.NO:
        return None
    exemptions = [(cid, env.conclusion(cid)) for cid in obligation.exempted_by]
    exempted_by = next((cid for cid, status in exemptions if status is Tri.YES), None)
    doubtful = tuple(cid for cid, status in exemptions if status is Tri.UNDETERMINED)
    status = Tri.YES if applies is Tri.YES and (exempted_by or not doubtful) else Tri.UNDETERMINED
    date_key, alternatives = _choose_date(obligation, env)
    return ObligationOutcome(status, exempted_by, () if exempted_by else doubtful, date_key, alternatives)


def _choose_date(obligation: ObligationDef, env: NodeEnv) -> tuple[str, tuple[str, ...]]:
    """The first date choice that holds; while one is undetermined, every candidate is kept.

    When the choice turns on an unknown fact, the earliest candidate date is
    reported (the prudent reading) and the others are returned as alternatives.
    """
    candidates: list[str] = []
    for choice in obligation.date_choices:
        holds = choice.when.evaluate(env)
        if holds is Tri.YES:
            candidates.append(choice.date_key)
            break
        if holds is Tri.UNDETERMINED:
            candidates.append(choice.date_key)
    else:
        candidates.append(obligation.date_key)
    unique = list(dict.fromkeys(candidates))
    unique.sort(key=lambda key: env.dates.lookup(key, env.as_of).day)
    return unique[0], tuple(unique[1:])
