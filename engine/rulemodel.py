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
    reports: tuple[str, ...] = ()
    """Steps this conclusion reads whose own finding its reasons always carry, whichever rule decides it.

    Where one conclusion unites routes with different consequences (``becomes_provider``: Art. 25(1) for a
    high-risk system, or a modified general-purpose AI model), a reader needs each route's finding even when
    another route already decides the union; the step's rules then join the conclusion's reasons."""

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


CONCERNS = ("model", "system")
"""What a duty is about: a general-purpose AI model (Chapter V) or an AI system (everything else)."""


@record
class FineTier:
    """A tier of penalties (Art. 99-101): who sets the fine, its ceiling, and from when it can be imposed."""

    citation: str
    maximum: str
    date_key: str
    """A key of the dates table: fines under this tier can be imposed from that date (Art. 113)."""


@record
class DutyVersion:
    """How a duty reads under one version of the law (a key of the dates table's law versions).

    An obligation with versions shows the text of the latest version in force on the
    assessment date, with that version's source, so an amendment that rewords a duty
    is a data change (e.g. Art. 4 as adopted, and as amended by Regulation (EU) 2026/1744).
    """

    law: str
    duty: str
    entails: str
    source: Source


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
    concerns: str = ""
    """``model`` (a duty about a general-purpose AI model) or ``system`` (about an AI system); required."""
    entails: str = ""
    """What the operator actually has to produce or do, in two to four plain sentences; required."""
    fine_tier: FineTier | None = None
    """The tier of penalties a breach falls under; required."""
    part_of: str | None = None
    """The umbrella obligation this finer duty details (e.g. ``art_16_high_risk_provider``), if any."""
    versions: tuple[DutyVersion, ...] = ()
    """Wordings under successive versions of the law; the latest in force replaces duty, entails, source."""


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
