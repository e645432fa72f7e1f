"""The what-matters analysis the interview relies on: a fact is asked while any conclusion still turns on it."""

from __future__ import annotations

import re
from datetime import date

from aiact import default_engine
from aiact.engine import (
    Area,
    Concl,
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
from aiact.engine.evaluate import Outcome
from aiact.engine.whatmatters import FactEffect, evaluate_in_process, fact_effects
from aiact.questionnaires import load_questionnaire
from aiact.questionnaires.nextquestion import askable, leads_to_headline, still_read

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


def _engine_with_two_points() -> Engine:
    """A headline conclusion that is "no" only once two internal points are both settled "no"."""
    def point(cid: str, path: str) -> ConclusionDef:
        return ConclusionDef(
            id=cid, title=cid, area="test", internal=True,
            rules=(Rule(f"art5_1.{cid}_present", "Art. 5(1)", "Present.", Fact(path), Tri.YES),
                   Rule(f"art5_1.{cid}_absent", "Art. 5(1)", "Absent.", Not(Fact(path)), Tri.NO)),
            otherwise=Otherwise(f"art5_1.{cid}_none", "Art. 5(1)", "None."),
        )
    prohibited = ConclusionDef(
        id="prohibited", title="Prohibited", area="test",
        rules=(Rule("art5_1.any_point", "Art. 5(1)", "A point applies.", Concl("point_a") | Concl("point_b"),
                    Tri.YES),),
        otherwise=Otherwise("art5_1.no_point", "Art. 5(1)", "No point applies."),
    )
    return Engine(RuleBase([RuleModule((point("point_a", "prohibited.social_scoring"),
                                        point("point_b", "prohibited.manipulative_techniques"), prohibited))],
                           (Area("test", "Test"),)))


def _effects(engine: Engine, **known: object) -> tuple[dict[str, FactEffect], dict[str, Outcome]]:
    raw: dict[str, object] = {path: "unknown" for path in fact_catalogue()}
    raw.update({f"prohibited.{name}": value for name, value in known.items()})
    outcomes = evaluate_in_process(engine, raw, DAY)
    return {e.path: e for e in fact_effects(engine, raw, outcomes, DAY)}, outcomes


def test_settling_one_point_of_several_is_asked_though_no_headline_moves_yet() -> None:
    engine = _engine_with_two_points()
    effects, outcomes = _effects(engine)
    effect = effects["prohibited.social_scoring"]
    assert effect.effects == {"yes": "point_a: yes; Prohibited: yes", "no": "point_a: no"}  # titles, not ids
    assert leads_to_headline(engine, effect, outcomes)


def test_a_step_feeding_only_settled_conclusions_is_not_asked() -> None:
    engine = _engine_with_two_points()
    effects, outcomes = _effects(engine, manipulative_techniques=True)  # prohibited is settled "yes"
    effect = effects.get("prohibited.social_scoring")
    assert effect is not None and effect.affects == ("point_a",)  # the engine still reports the step...
    assert not leads_to_headline(engine, effect, outcomes)  # ...nobody would see it


def test_facts_that_settle_a_conclusion_only_together_are_still_asked_when_nothing_else_is_left() -> None:
    # becomes provider: high-risk (open, on an unanswered Annex III list) and rebranded, or modified.
    # No single answer moves it; both "no" together settle it.
    high_risk = ConclusionDef(
        id="high_risk", title="High-risk", area="test", internal=True,
        rules=(Rule("art6_2.listed", "Art. 6(2)", "Listed.", Has("high_risk.annex_iii", ("4a",)), Tri.YES),),
        otherwise=Otherwise("art6_2.not_listed", "Art. 6(2)", "Not listed."),
    )
    provider = ConclusionDef(
        id="becomes_provider", title="Becomes provider", area="test",
        rules=(Rule("art25_1.a", "Art. 25(1)(a)", "Rebranded.",
                    Fact("value_chain.own_name_on_high_risk_system") & Concl("high_risk"), Tri.YES),
               Rule("art25_1.b", "Art. 25(1)(b)", "Modified.",
                    Fact("value_chain.substantial_modification") & Concl("high_risk"), Tri.YES)),
        otherwise=Otherwise("art25_1.none", "Art. 25(1)", "Neither."),
    )
    engine = Engine(RuleBase([RuleModule((high_risk, provider))], (Area("test", "Test"),)))
    raw: dict[str, object] = {path: "unknown" for path in fact_catalogue()}
    asked = {"high_risk.annex_iii"}  # answered "don't know"
    outcomes = evaluate_in_process(engine, raw, DAY)
    effects = fact_effects(engine, raw, outcomes, DAY)
    assert askable(engine, load_questionnaire(), effects, outcomes, asked) == []
    fallback = still_read(engine, load_questionnaire(), raw, outcomes, asked)
    assert {e.path for e in fallback} == {"value_chain.own_name_on_high_risk_system",
                                          "value_chain.substantial_modification"}


def test_what_an_answer_changes_is_said_in_titles_and_articles_never_in_ids() -> None:
    engine = default_engine()
    raw: dict[str, object] = {path: "unknown" for path in fact_catalogue()}
    raw.update({"artefact.ai_system": False, "artefact.gpai_model": True, "operator.roles": ["provider"]})
    outcomes = evaluate_in_process(engine, raw, DAY)
    texts = [text for effect in fact_effects(engine, raw, outcomes, DAY) for text in effect.effects.values()]
    assert texts
    ids = {nid for nid in (*engine.rulebase.conclusions, *engine.rulebase.obligations) if "_" in nid}
    assert not [text for text in texts if any(re.search(rf"\b{nid}\b", text) for nid in ids)]
    assert any("the duty under Art. 53(1)(a), Annex XI (provider)" in text for text in texts)
