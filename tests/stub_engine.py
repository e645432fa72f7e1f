"""A tiny rule base that decides the ``--fail-on`` findings straight from facts.

The command-line tests install it in place of the full rule base, so that
they pin what ``aiact check`` does with a finding (exit status, output),
whatever state the rule modules of the EU AI Act are in:

- ``prohibited.social_scoring`` true  -> ``prohibited_practice`` yes, and
  ``art_5_prohibited_stop`` in force (Chapter II applies from 2 February 2025);
- ``high_risk.annex_iii`` holds ``4a`` -> ``high_risk`` yes, and
  ``art_26_high_risk_deployer`` (from the Annex III date);
- unknown facts leave both undetermined.
"""

from __future__ import annotations

import pytest

from aiact.engine import (
    Area,
    Concl,
    ConclusionDef,
    Empty,
    Engine,
    Fact,
    FineTier,
    Has,
    Not,
    ObligationDef,
    Otherwise,
    Rule,
    RuleBase,
    RuleModule,
    Tri,
)

PROHIBITED = ConclusionDef(
    id="prohibited_practice", title="Prohibited practice", area="test",
    rules=(
        Rule("art5_1_c.social_scoring", "Art. 5(1)(c)", "Social scoring is prohibited.",
             Fact("prohibited.social_scoring"), Tri.YES),
        Rule("art5_1_c.no_social_scoring", "Art. 5(1)(c)", "No social scoring.",
             Not(Fact("prohibited.social_scoring")), Tri.NO),
    ),
    otherwise=Otherwise("art5.none", "Art. 5(1)", "No prohibited practice."),
)

HIGH_RISK = ConclusionDef(
    id="high_risk", title="High-risk", area="test",
    rules=(
        Rule("art6_2.employment", "Art. 6(2), Annex III point 4(a)", "Recruitment is an Annex III area.",
             Has("high_risk.annex_iii", ("4a",)), Tri.YES),
        Rule("art6_2.none", "Art. 6(2)", "No Annex III area.", Empty("high_risk.annex_iii"), Tri.NO),
    ),
    otherwise=Otherwise("art6.other_area", "Art. 6(2)", "Another area, not modelled here."),
)

TIER = FineTier("Art. 99(4)", "up to EUR 15 million or 3 %", "penalties")

STOP = ObligationDef(
    id="art_5_prohibited_stop", citation="Art. 5", role="provider", duty="Stop the practice.",
    applies_when=Concl("prohibited_practice"), date_key="chapters_i_ii", area="test",
    concerns="system", entails="Stop it.", fine_tier=TIER,
)

DEPLOYER = ObligationDef(
    id="art_26_high_risk_deployer", citation="Art. 26", role="deployer", duty="Use it as instructed.",
    applies_when=Concl("high_risk"), date_key="annex_iii_high_risk", area="test",
    concerns="system", entails="Follow the instructions.", fine_tier=TIER,
)


def stub_engine() -> Engine:
    return Engine(RuleBase([RuleModule((PROHIBITED, HIGH_RISK), (STOP, DEPLOYER))], (Area("test", "Test"),)))


@pytest.fixture
def stubbed(monkeypatch: pytest.MonkeyPatch) -> Engine:
    """Install the stub rule base for in-process ``aiact check`` runs (``--jobs 1``)."""
    import aiact

    engine = stub_engine()
    monkeypatch.setattr(aiact, "default_engine", lambda: engine)
    return engine
