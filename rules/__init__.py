"""The rule base: the EU AI Act declared in the engine's condition language.

One module per part of the Act; each exports ``MODULE``. :func:`engine`
builds (once per process) the validated rule base and its durable-rules host.
"""

from __future__ import annotations

from functools import cache

from aiact.engine import Engine, RuleBase

from . import (
    definitions,
    gpai,
    high_risk,
    high_risk_duties,
    market,
    obligations,
    openness,
    prohibited,
    scope,
    transparency,
    value_chain,
)
from .areas import AREAS
from .legal_questions import QUESTIONS
from .licences import infer
from .openness_profile import profile

MODULES = (
    definitions.MODULE,
    scope.MODULE,
    market.MODULE,
    openness.MODULE,
    gpai.MODULE,
    prohibited.MODULE,
    high_risk.MODULE,
    transparency.MODULE,
    value_chain.MODULE,
    obligations.MODULE,
    high_risk_duties.MODULE,
)

GRAVITY = {
    "prohibited_practice": 20,
    "act_applies": 12,
    "high_risk": 12,
    "gpai_systemic_risk": 10,
    "oss_exemption_ai_system": 8,
    "oss_exemption_gpai": 8,
    "gpai_model": 8,
    "ai_system": 8,
    "transparency_obligations": 6,
    "placed_on_market": 5,
    "put_into_service": 5,
    "scope_exclusion": 5,
    "becomes_provider": 5,
}
"""How much a change in each conclusion weighs when ranking open questions (default 1)."""


@cache
def rule_base() -> RuleBase:
    """The validated rule base (raises RuleBaseError on any defect)."""
    return RuleBase(MODULES, AREAS, QUESTIONS)


def build_engine(questions: dict | None = None) -> Engine:
    """A new engine over the rule base, with its inferences and openness profile."""
    return Engine(
        rule_base(), infer=infer, profile=profile, questions=questions, gravity=GRAVITY, gate="act_applies"
    )
