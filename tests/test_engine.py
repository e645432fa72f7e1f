"""The engine's promises: three-valued semantics, explicit overrides, loud failures.

These tests build tiny rule bases of their own, so they pin the engine's
behaviour independently of the EU AI Act rule base.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from aiact.engine import (
    Area,
    Concl,
    ConclusionDef,
    DutyVersion,
    Engine,
    EngineError,
    Fact,
    FineTier,
    Known,
    Not,
    ObligationDef,
    Otherwise,
    Rule,
    RuleBase,
    RuleBaseError,
    RuleModule,
    Source,
    Tri,
    validate,
)
from aiact.engine.conditions import Condition, Env

AREAS = (Area("test", "Test"),)
DAY = date(2026, 11, 23)


def _facts(**sections: dict) -> object:  # type: ignore[type-arg]
    return validate({"schema": "aiact-facts/1", "subject": {"name": "t"}, **sections})


def _engine(*conclusions: ConclusionDef, obligations: tuple[ObligationDef, ...] = ()) -> Engine:
    return Engine(RuleBase([RuleModule(conclusions, obligations)], AREAS))


EXCEPTION_DEMO = ConclusionDef(
    id="demo", title="Demo", area="test",
    rules=(
        Rule("art1.base", "Art. 1", "The base rule holds for AI systems.", Fact("artefact.ai_system"), Tri.YES),
        Rule("art1.exception", "Art. 1(2)", "The exception takes military systems out.",
             Fact("scope.military_defence_national_security_only"), Tri.NO, overrides=("art1.base",)),
    ),
    otherwise=Otherwise("art1.otherwise", "Art. 1", "Nothing brings it in."),
)


@pytest.mark.parametrize(
    ("ai_system", "military", "expected"),
    [
        (True, False, "yes"),
        (True, True, "no"),  # the exception overrides the base rule
        (True, "unknown", "undetermined"),  # the exception might apply
        ("unknown", False, "undetermined"),  # unknown is not no
        (False, False, "no"),  # otherwise
        (False, True, "no"),
        ("unknown", "unknown", "undetermined"),
    ],
)
def test_three_valued_conclusion_with_an_explicit_exception(ai_system: object, military: object,
                                                              expected: str) -> None:
    facts = _facts(artefact={"ai_system": ai_system}, scope={"military_defence_national_security_only": military})
    result = _engine(EXCEPTION_DEMO).assess(facts, as_of=DAY)  # type: ignore[arg-type]
    assert result.conclusions["demo"].status == expected


def test_a_no_has_its_reason() -> None:
    facts = _facts(artefact={"ai_system": False}, scope={"military_defence_national_security_only": False})
    because = _engine(EXCEPTION_DEMO).assess(facts, as_of=DAY).conclusions["demo"].because  # type: ignore[arg-type]
    assert [(r.rule, r.outcome, r.citation) for r in because] == [("art1.otherwise", "otherwise", "Art. 1")]


def test_reasons_chain_upstream_first_nearest_last() -> None:
    downstream = ConclusionDef(
        id="downstream", title="Down", area="test",
        rules=(Rule("art2.follows", "Art. 2", "It follows from the demo conclusion.", Concl("demo"), Tri.YES),),
        otherwise=Otherwise("art2.otherwise", "Art. 2", "It does not follow."),
    )
    facts = _facts(artefact={"ai_system": True}, scope={"military_defence_national_security_only": False})
    result = _engine(EXCEPTION_DEMO, downstream).assess(facts, as_of=DAY)  # type: ignore[arg-type]
    assert [r.rule for r in result.conclusions["downstream"].because] == ["art1.base", "art2.follows"]
    assert result.conclusions["downstream"].facts == ["artefact.ai_system"]


def test_user_answer_prevails_over_derivation() -> None:
    placed = ConclusionDef(
        id="placed", title="Placed", area="test",
        rules=(
            Rule("art3.derived", "Art. 3(9)", "An API makes it available.", Fact("artefact.ai_system"), Tri.YES),
            Rule("art3.answer_no", "Art. 3(9)", "The user says it was not placed.",
                 Known("market.placed_on_market") & Not(Fact("market.placed_on_market")), Tri.NO,
                 overrides=("art3.derived",)),
        ),
        otherwise=Otherwise("art3.otherwise", "Art. 3(9)", "Not placed."),
    )
    engine = _engine(placed)
    answered = _facts(artefact={"ai_system": True}, market={"placed_on_market": False})
    unanswered = _facts(artefact={"ai_system": True})
    assert engine.assess(answered, as_of=DAY).conclusions["placed"].status == "no"  # type: ignore[arg-type]
    assert engine.assess(unanswered, as_of=DAY).conclusions["placed"].status == "yes"  # type: ignore[arg-type]


def test_rules_that_hold_with_opposite_values_fail_loudly() -> None:
    clash = ConclusionDef(
        id="clash", title="Clash", area="test",
        rules=(
            Rule("art4.yes", "Art. 4", "One rule says yes.", Fact("artefact.ai_system"), Tri.YES),
            Rule("art4.no", "Art. 4", "Another says no.", Fact("artefact.ai_system"), Tri.NO),
        ),
        otherwise=Otherwise("art4.otherwise", "Art. 4", "Neither."),
    )
    with pytest.raises(EngineError, match="opposite"):
        _engine(clash).assess(_facts(artefact={"ai_system": True}), as_of=DAY)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Exploding(Condition):
    """A condition that raises, as a bug in a rule would."""

    def evaluate(self, env: Env) -> Tri:
        raise ZeroDivisionError("bug in a rule")

    def describe(self) -> str:
        return "explodes"


def test_an_exception_inside_a_rule_is_not_swallowed() -> None:
    broken = ConclusionDef(
        id="broken", title="Broken", area="test",
        rules=(Rule("art5.bug", "Art. 5", "A rule with a bug.", Exploding(), Tri.YES),),
        otherwise=Otherwise("art5.otherwise", "Art. 5", "Never reached."),
    )
    with pytest.raises(EngineError, match="bug in a rule"):
        _engine(broken).assess(_facts(), as_of=DAY)  # type: ignore[arg-type]


def test_sessions_are_deleted_and_engines_independent() -> None:
    engine = _engine(EXCEPTION_DEMO)
    for _ in range(50):
        engine.assess(_facts(artefact={"ai_system": True}), as_of=DAY)  # type: ignore[arg-type]
    compiled = engine.compiled
    assert compiled._contexts == {}
    other = _engine(EXCEPTION_DEMO)  # a second private host: no global ruleset registry clash
    assert other.assess(_facts(), as_of=DAY).conclusions["demo"].status == "undetermined"  # type: ignore[arg-type]


def test_values_that_crash_durable_rules_parser_never_reach_it() -> None:
    """durable-rules' JSON parser segfaults on 3e+23: values stay outside the engine."""
    from aiact.engine import Greater

    big = ConclusionDef(
        id="big", title="Big", area="test",
        rules=(Rule("art6.big", "Art. 6", "Large compute.", Greater("artefact.training_compute_flop", 1e23),
                    Tri.YES),),
        otherwise=Otherwise("art6.small", "Art. 6", "Small compute."),
    )
    for value in ("3e23", "1e25", 10**26, "1e-5"):
        facts = _facts(artefact={"training_compute_flop": value})
        _engine(big).assess(facts, as_of=DAY)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("mutation", "message"),
    [
        (lambda r: Rule(r.id, "Article 1", r.says, r.when, r.then), "does not cite the Act"),
        (lambda r: Rule(r.id, r.citation, "", r.when, r.then), "plain-English sentence"),
        (lambda r: Rule(r.id, r.citation, r.says, Concl("nowhere"), r.then), "unknown conclusion"),
        (lambda r: Rule(r.id, r.citation, r.says, Fact("artefact.no_such_fact"), r.then), "unknown fact"),
        (lambda r: Rule(r.id, r.citation, r.says, r.when, r.then, overrides=("elsewhere",)), "overrides"),
    ],
)
def test_rule_base_defects_are_refused(mutation: object, message: str) -> None:
    rule = EXCEPTION_DEMO.rules[0]
    bad = ConclusionDef("bad", "Bad", "test", (mutation(rule),),  # type: ignore[operator]
                        Otherwise("x.otherwise", "Art. 1", "Otherwise."))
    with pytest.raises(RuleBaseError, match=message):
        RuleBase([RuleModule((bad,))], AREAS)


def test_a_reported_step_must_be_one_the_conclusion_reads() -> None:
    """``reports`` carries a step's finding in the reasons; naming a step no rule reads would report a stranger."""
    rule = Rule("art1.own", "Art. 1", "Stands alone.", Fact("artefact.ai_system"), Tri.YES)
    bad = ConclusionDef("bad", "Bad", "test", (rule,), Otherwise("x.otherwise", "Art. 1", "Otherwise."),
                        reports=("demo",))
    with pytest.raises(RuleBaseError, match="reports 'demo', which none of its rules reads"):
        RuleBase([RuleModule((EXCEPTION_DEMO, bad))], AREAS)


def test_cycles_between_conclusions_are_refused() -> None:
    first = ConclusionDef("first", "F", "test", (Rule("a.r", "Art. 1", "Needs second.", Concl("second"), Tri.YES),),
                          Otherwise("a.o", "Art. 1", "Otherwise."))
    second = ConclusionDef("second", "S", "test", (Rule("b.r", "Art. 1", "Needs first.", Concl("first"), Tri.YES),),
                           Otherwise("b.o", "Art. 1", "Otherwise."))
    with pytest.raises(RuleBaseError, match="cycle"):
        RuleBase([RuleModule((first, second))], AREAS)


TIER = FineTier("Art. 101(1)", "up to 3 %", "gpai_fines")


def test_obligation_lifted_by_an_exemption_and_dated_from_the_table() -> None:
    duty = ObligationDef(
        id="art_9_duty", citation="Art. 9", role="provider", duty="Do the thing.",
        applies_when=Fact("artefact.ai_system"), date_key="general", area="test", exempted_by=("demo",),
        concerns="system", entails="Do it.", fine_tier=TIER,
    )
    engine = _engine(EXCEPTION_DEMO, obligations=(duty,))
    settled = _facts(artefact={"ai_system": True}, scope={"military_defence_national_security_only": False})
    lifted = engine.assess(settled, as_of=DAY).obligations  # type: ignore[arg-type]
    assert [(o.id, o.status, o.exempted_by, o.applies_from, o.in_force) for o in lifted] == [
        ("art_9_duty", "yes", "demo", "2026-08-02", True)
    ]
    doubtful = engine.assess(_facts(artefact={"ai_system": True}), as_of=date(2026, 1, 1)).obligations  # type: ignore[arg-type]
    assert [(o.status, o.exempted_by, o.may_be_exempted_by, o.in_force) for o in doubtful] == [
        ("undetermined", None, ["demo"], False)
    ]
    absent = engine.assess(_facts(artefact={"ai_system": False}), as_of=DAY).obligations  # type: ignore[arg-type]
    assert absent == []


def test_the_full_rule_base_cites_the_act_everywhere() -> None:
    from aiact.engine.rulemodel import CITATION
    from aiact.rules import rule_base

    base = rule_base()
    assert base.rules and all(CITATION.match(rule.citation) for rule in base.rules.values())
    assert all(CITATION.match(o.citation) for o in base.obligations.values())
    assert all(rule.says.strip().endswith(".") for rule in base.rules.values())


def test_every_conclusion_of_the_rule_base_has_real_rules() -> None:
    """No part of the Act is left a placeholder (rules still to be written, always undetermined).

    Evaluative steps the facts cannot settle (proportionality of use restrictions) are rule-less on
    purpose, but they say why in their own ``otherwise``; a placeholder says only "not modelled".
    """
    from aiact.rules import rule_base

    hollow = [c.id for c in rule_base().conclusions.values() if c.otherwise.id.endswith(".not_modelled")]
    assert hollow == []


def test_skipping_nodes_settled_for_good_never_changes_the_open_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """The what-matters shortcut (nodes that cannot move are not re-evaluated) is an optimisation only:
    on a spread of scenario files it gives exactly the questions, and what each answer changes, of the
    full analysis. (It once froze nodes downstream of a user's-answer rule, which can still move.)"""
    import yaml

    from aiact import default_engine
    from aiact.engine import validate, whatmatters

    engine = default_engine()
    files = sorted((Path(__file__).parent / "scenarios").rglob("*.yaml"))[::5]
    for path in files:
        facts = validate(yaml.safe_load(path.read_text("utf-8"))["facts"], str(path))
        shortcut = [(q.id, q.if_) for q in engine.assess(facts).open_questions]
        with monkeypatch.context() as patched:
            patched.setattr(whatmatters, "_settled_for_good", lambda rulebase, base: frozenset())
            full = [(q.id, q.if_) for q in engine.assess(facts).open_questions]
        assert shortcut == full, path.name


def test_an_obligation_must_say_what_it_concerns_entails_and_risks() -> None:
    bare = ObligationDef(
        id="art_9_duty", citation="Art. 9", role="provider", duty="Do the thing.",
        applies_when=Fact("artefact.ai_system"), date_key="general", area="test", part_of="art_8_umbrella",
    )
    with pytest.raises(RuleBaseError) as refused:
        RuleBase([RuleModule(obligations=(bare,))], AREAS)
    message = str(refused.value)
    for defect in ("concerns must be one of model, system", "entails", "no fine tier", "unknown obligation"):
        assert defect in message


def test_a_versioned_duty_reads_as_the_law_in_force_and_fines_follow_the_tier_date() -> None:
    duty = ObligationDef(
        id="art_4_duty", citation="Art. 4", role="provider", duty="Old words.", entails="Old practice.",
        applies_when=Fact("artefact.ai_system"), date_key="chapters_i_ii", area="test",
        concerns="model", fine_tier=TIER,
        versions=(
            DutyVersion("adopted", "Old words.", "Old practice.", Source.OJ),
            DutyVersion("omnibus_2026", "New words.", "New practice.", Source.SECONDARY),
        ),
    )
    engine = _engine(obligations=(duty,))
    before = engine.assess(_facts(artefact={"ai_system": True}), as_of=date(2026, 7, 26)).obligations[0]  # type: ignore[arg-type]
    after = engine.assess(_facts(artefact={"ai_system": True}), as_of=date(2026, 7, 27)).obligations[0]  # type: ignore[arg-type]
    assert (before.duty, before.entails, before.source) == ("Old words.", "Old practice.", "OJ")
    assert (after.duty, after.entails, after.source) == ("New words.", "New practice.", "SEC")
    assert (after.concerns, after.fine_tier, after.fine_tier_maximum) == ("model", "Art. 101(1)", "up to 3 %")
    assert (before.applies_from, before.fines_from) == ("2025-02-02", "2026-08-02")
