"""The rule model: what a rule, a conclusion and an obligation are, as data.

A **rule** says: when this condition holds, that conclusion is yes (or no),
citing the Regulation. A **conclusion** gathers the rules that decide it and
names its ``otherwise`` rule, the reason it is "no" (or "yes") when none of
its rules can apply. An **obligation** says who must do what, from when, and
which conclusion would lift it.

Exceptions are explicit, as the law writes them: a rule lists the rules it
``overrides`` (6(3) overrides 6(2); profiling overrides 6(3); the user's own
answer overrides a derivation). Nothing depends on the order rules are
written in.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import cached_property

from .conditions import Always, Condition
from .record import field, record
from .tri import Tri

RULE_ID = re.compile(r"^[a-z0-9]+(?:[._][a-z0-9]+)*$")
CITATION = re.compile(r"^(Art\. \d+[a-z]?|Annex [IVX]+|Recital \d+)")
"""A citation must open with an article, an annex or a recital of the Regulation."""


class Source(str, Enum):
    """How firm the legal basis of a rule is (the reference's source tags)."""

    OJ = "OJ"  # Regulation (EU) 2024/1689 as published in the Official Journal
    GUIDELINES = "GL"  # the Commission's (non-binding) GPAI guidelines, C(2025) 5045
    SECONDARY = "SEC"  # Regulation (EU) 2026/1744 as reported; OJ text not checked

    @property
    def label(self) -> str:
        return SOURCE_LABELS[self]


SOURCE_LABELS = {
    Source.OJ: "Regulation (EU) 2024/1689 (OJ L, 12.7.2024)",
    Source.GUIDELINES: "Commission Guidelines on GPAI models, C(2025) 5045 (non-binding)",
    Source.SECONDARY: "Regulation (EU) 2026/1744 as reported by secondary sources (OJ text not checked)",
}


@record
class Rule:
    """One step of legal reasoning, with its citation."""

    id: str
    citation: str
    says: str
    when: Condition
    then: Tri
    overrides: tuple[str, ...] = ()
    source: Source = Source.OJ
    reading: str | None = None
    """Id of the open legal question whose working reading this rule adopts."""
    not_formalised: str | None = None
    """What the rule deliberately does not compute (e.g. evaluative terms asked of the user)."""

    @cached_property
    def facts_read(self) -> frozenset[str]:
        """The fact paths its condition reads (worked out once; every result lists them per conclusion)."""
        return frozenset(ref.name for ref in self.when.refs() if ref.kind == "fact")

    @cached_property
    def conclusions_read(self) -> frozenset[str]:
        """The conclusion ids its condition reads (worked out once; every result chains them)."""
        return frozenset(ref.name for ref in self.when.refs() if ref.kind == "conclusion")


@record
class Otherwise:
    """The conclusion's value when every one of its rules is settled as not applying."""

    id: str
    citation: str
    says: str
    then: Tri = Tri.NO
    source: Source = Source.OJ

    def as_rule(self) -> Rule:
        return Rule(self.id, self.citation, self.says, Always(), self.then, source=self.source)


@record
class ConclusionDef:
    """A conclusion of the assessment and the rules that decide it."""

    id: str
    title: str
    area: str
    rules: tuple[Rule, ...]
    otherwise: Otherwise
    internal: bool = False
    """An intermediate step: shown in reasons and the rule book, not as a headline conclusion."""

    @cached_property
    def overriders(self) -> dict[str, tuple[str, ...]]:
        """Rule id -> the ids of the rules that override it (worked out once, read at every evaluation)."""
        found: dict[str, list[str]] = {}
        for rule in self.rules:
            for target in rule.overrides:
                found.setdefault(target, []).append(rule.id)
        return {target: tuple(ids) for target, ids in found.items()}


@record
class DateChoice:
    """Which application date applies, when it depends on the facts (e.g. Art. 111)."""

    when: Condition
    date_key: str


@record
class ObligationDef:
    """A duty of an operator, from a date, unless an exemption lifts it."""

    id: str
    citation: str
    role: str
    duty: str
    applies_when: Condition
    date_key: str
    area: str
    exempted_by: tuple[str, ...] = ()
    date_choices: tuple[DateChoice, ...] = ()
    """Earlier entries win; ``date_key`` is the date when none of them holds."""
    fine: str | None = None
    source: Source = Source.OJ


@record
class Area:
    """A part of the Act, for grouping the rule book and the memo."""

    id: str
    title: str


@record
class RuleModule:
    """What one module of ``rules/`` contributes to the rule base."""

    conclusions: tuple[ConclusionDef, ...] = ()
    obligations: tuple[ObligationDef, ...] = ()
    notes: tuple[str, ...] = field(default=())
    """What this part deliberately does not formalise, for the rule book."""


@record
class LegalQuestion:
    """A question the Act leaves open, raised only when its trigger holds."""

    id: str
    question: str
    why: str
    readings: tuple[str, ...]
    affects: tuple[str, ...]
    citations: tuple[str, ...]
    trigger: Condition
    working_reading: str | None = None
    """The reading the rule base takes to go on, if it must take one."""
