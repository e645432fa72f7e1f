"""The what-matters analysis the interview relies on: a fact is asked while any conclusion still turns on it."""

from __future__ import annotations

from datetime import date

from aiact.engine import (
    Area,
    ConclusionDef,
    Engine,
    Fact,
    Has,
    Known,
    Not,
    Otherwise,
    Rule,
    RuleBase,
    RuleModule,
    Tri,
)
from aiact.engine.catalogue import fact_catalogue
from aiact.engine.whatmatters import evaluate_in_process, fact_effects

DAY = date(2026, 11, 23)


def test_a_fact_read_through_known_and_plainly_still_matters_after_the_known_reader_is_settled() -> None:
    # "excluded" reads the channels only through Known and is settled by another fact;
    # "placed" reads the channels plainly and is still open: the channels must still be asked.
    excluded = ConclusionDef(
        id="excluded", title="Excluded", area="test",
        rules=(Rule("art2_8.research", "Art. 2(8)", "Research only.",
                    Fact("scope.pre_market_research_or_testing") & Known("market.channels"), Tri.YES),),
        otherwise=Otherwise("art2_8.not_research", "Art. 2(8)", "Not research."),
    )
    placed = ConclusionDef(
        id="placed", title="Placed", area="test",
        rules=(Rule("art3_9.api", "Art. 3(9)", "Offered through an API.", Has("market.channels", ("api",)), Tri.YES),
               Rule("art3_9.none", "Art. 3(9)", "Not offered.", Not(Has("market.channels", ("api",))), Tri.NO)),
        otherwise=Otherwise("art3_9.not_placed", "Art. 3(9)", "Not placed."),
    )
    engine = Engine(RuleBase([RuleModule((excluded, placed))], (Area("test", "Test"),)))
    raw: dict[str, object] = {path: "unknown" for path in fact_catalogue()}
    raw["scope.pre_market_research_or_testing"] = False
    outcomes = evaluate_in_process(engine, raw, DAY)
    assert outcomes["excluded"].status is Tri.NO  # type: ignore[union-attr]
    assert "market.channels" in [effect.path for effect in fact_effects(engine, raw, outcomes, DAY)]
