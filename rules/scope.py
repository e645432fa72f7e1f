"""Art. 2: does the Regulation reach this operator for this artefact?

Two headline conclusions:

- ``scope_exclusion``: one of the exclusions of Art. 2(3), (4), (6), (8) or
  (10) takes the matter out of the Act. Each exclusion is its own rule with
  its own citation; the "no" comes only when every one is settled false.
- ``act_applies``: the artefact is an AI system or a general-purpose AI
  model, no exclusion applies, Art. 2(12) does not take an AI system out,
  and the operator falls under one of the points of Art. 2(1).

Art. 2(1) is split in two internal steps, one per kind of artefact, because
the Act reaches them differently: an AI system through any of the roles of
points (a)-(f), a GPAI model only through its provider placing it on the
Union market (point (a)) and the provider's authorised representative
(point (f), Art. 54). Keeping them apart also keeps Art. 2(12), which only
ever concerns AI systems, from touching the model route.

Judgement calls, and why:

- **Art. 2(3), (4) and (10)** speak of AI systems only, while Art. 2(6) and
  (8) name "AI systems or AI models": a bare general-purpose model is not
  taken out by a military purpose, a third-country authority or personal
  use. Art. 2(4) concerns authorities that *use* systems, so it applies to
  the authority as deployer.
- **Art. 2(10)** lifts the obligations of *deployers* who are natural
  persons in a purely personal, non-professional activity (such a person is
  not even a deployer under Art. 3(4)). It therefore takes the matter out
  only when the person acts as nothing but a user; a person who also
  provides, imports or distributes the system stays within the Act.
- **Art. 2(8) and 2(6)** end where the market begins: research and testing
  *before* release, and a system or model put into service *solely* for
  research (recital 25: what is placed on the market as a result of research
  must comply). An established release therefore settles both exclusions as
  no, whatever the answer on research says: a placing on the market (or, for
  2(8), also a putting into service) that the file establishes wins over a
  "still testing" or "sole purpose of research" answer, and the reason says
  so. A release counts only when the file speaks to it (``market.channels``
  or an explicit answer on placing or putting into service): when nothing is
  said about release, the research answer decides, since the questions ask
  about the stage and purpose ("before any release or use"), and a lab
  prototype would otherwise stay undetermined for want of its channels.
- **No role.** ``operator.roles: []`` is the statement that the person
  provides, deploys, imports, distributes, manufactures and represents
  nothing here: no point of Art. 2(1) reaches it, so the Act does not apply
  to it in any role, settled. The one exception is a role the Act itself
  gives: a person that states an Art. 25(1) trigger, or a modification of a
  general-purpose AI model large enough to make it the model's provider,
  is reached as a provider.
- **Importers and distributors** act on the Union market by definition
  (Art. 3(6), 3(7)), so the role is taken to bring the system there. Only
  when the file settles that the system is neither placed on the market nor
  put into service in the Union, and that no output is used there, is the
  operator not reached: then none of its duties can arise, and nothing else
  (Art. 5, the licence) is left to ask for it.
- **Art. 2(1)(c)** reaches providers and deployers *established in a third
  country* whose system's output is used in the Union. An EU deployer is
  reached by point (b) anyway, so for deployers the output rule does not ask
  where they are established; for providers it does, as the Act writes it
  (an EU provider that neither places nor puts into service in the Union is
  not reached through the output).
"""

from aiact.engine import (
    Any,
    Concl,
    ConclusionDef,
    Empty,
    Fact,
    Has,
    HasOtherThan,
    Known,
    Not,
    Otherwise,
    Rule,
    RuleModule,
    Tri,
)
from aiact.engine.conditions import Condition

ROLES = "operator.roles"
PRE_MARKET = "scope.pre_market_research_or_testing"
SOLE_RESEARCH = "scope.scientific_research_sole_purpose"

AI_SYSTEM = Concl("ai_system")
GPAI_MODEL = Concl("gpai_model")
ON_THE_MARKET = Concl("placed_on_market") | Concl("put_into_service")

RELEASE_STATED = Any(
    Known("market.channels"), Known("market.placed_on_market"), Known("market.put_into_service"),
)
"""The file speaks to release: its channels, or an explicit answer on placing or putting into service. Only
then can a release be established, and an established release prevails over a research answer (Art. 2(6),
2(8), recital 25)."""

RELEASE_OR_USE_STATED = RELEASE_STATED | (
    Has(ROLES, ("deployer",)) & Known("operator.established_in_eu") & Fact("operator.established_in_eu")
)
"""For Art. 2(8) also a deployer in the Union, whose use is the putting into service (Art. 3(11)): a system in
use is past research and testing before release, without asking how its provider released it."""

OFF_UNION_MARKET = (
    RELEASE_STATED & Not(Concl("placed_on_market")) & Not(Concl("put_into_service"))
    & Not(Fact("scope.output_used_in_eu"))
)
"""The file settles that the system is neither placed on the market nor put into service in the Union, and
that its output is not used there: an importer or distributor role is then without object (Art. 3(6), 3(7))."""

OFF_MARKET = Concl("off_union_market")

IMPORTER_OFF_UNION_MARKET = (
    Has(ROLES, ("importer", "distributor")) & Not(HasOtherThan(ROLES, ("importer", "distributor"))) & OFF_MARKET
)
"""The operator is only an importer or distributor, and its system is settled off the Union market (above)."""


def _stated_no(path: str) -> Condition:
    """The user answered the fact no; then the release rule has nothing to defeat and stays silent."""
    return Known(path) & Not(Fact(path))


NO_ROLE = Known(ROLES) & Empty(ROLES)
"""The person states it holds none of the roles the Act addresses. Read through ``Known`` so that the rule
saying so is silent, not open, while the roles are unanswered: every route of Art. 2(1) asks for a role
anyway, and an open "no role" rule would only blur a "no" that other facts settle."""

PROVIDER_BY_THE_ACT_STATED = Any(
    Concl("becomes_provider") & Any(
        Known("value_chain.own_name_on_high_risk_system") & Fact("value_chain.own_name_on_high_risk_system"),
        Known("value_chain.substantial_modification") & Fact("value_chain.substantial_modification"),
        Known("value_chain.repurposed_to_high_risk") & Fact("value_chain.repurposed_to_high_risk"),
    ),
    ((Known("gpai.modifies_other_model") & Fact("gpai.modifies_other_model")) | Known("gpai.modified_from"))
    & Concl("gpai_modifier_is_provider"),
)
"""A role the Act itself gives, stated in the file: an Art. 25(1) trigger, or a modification of a GPAI model
that makes the modifier the model's provider (recital 109). Only such a statement brings a person holding no
role back in; while it is unanswered, a person who says it holds no role is taken at its word."""


def _role(*roles: str) -> Has:
    return Has(ROLES, roles)


off_union_market = ConclusionDef(
    id="off_union_market",
    title="Art. 3(6), 3(7): the system is settled off the Union market",
    area="scope",
    internal=True,
    rules=(
        Rule(
            "art3_6_7.off_union_market", "Art. 3(6), Art. 3(7), Art. 2(1)(c)",
            "The system is neither placed on the market nor put into service in the Union, and its output is "
            "not used there: an importer or distributor role has no object.",
            OFF_UNION_MARKET, Tri.YES,
        ),
    ),
    otherwise=Otherwise(
        "art3_6_7.may_reach_union_market", "Art. 3(6), Art. 3(7)",
        "The system reaches, or may reach, the Union market or have its output used there.",
    ),
)

pre_market_research_exclusion = ConclusionDef(
    id="pre_market_research_exclusion",
    title="Art. 2(8): research, testing or development before release",
    area="scope",
    internal=True,
    rules=(
        Rule(
            "art2_8.pre_market_research", "Art. 2(8)",
            "Research, testing and development of an AI system or model before it is placed on the market "
            "or put into service falls outside the Act.",
            Fact(PRE_MARKET), Tri.YES,
            not_formalised="Testing in real-world conditions is not covered (Art. 2(8), 3(57), 57, 60); "
            "the fact is to be answered no for it. Other Union law still applies to the activity.",
        ),
        Rule(
            "art2_8.already_released", "Art. 2(8), Recital 25",
            "The artefact has been placed on the market or put into service, so it is no longer in research, "
            "testing or development before release, whatever is said about its stage: the exclusion covers "
            "only what comes before.",
            Not(_stated_no(PRE_MARKET)) & RELEASE_OR_USE_STATED & ON_THE_MARKET, Tri.NO,
            overrides=("art2_8.pre_market_research",),
            not_formalised="A release counts only when the file speaks to it (channels, or an answer on "
            "placing or putting into service); otherwise the answer on the stage decides.",
        ),
    ),
    otherwise=Otherwise(
        "art2_8.not_pre_market_research", "Art. 2(8)",
        "The matter is not research, testing or development before release.",
    ),
)

scientific_research_exclusion = ConclusionDef(
    id="scientific_research_exclusion",
    title="Art. 2(6): developed and put into service solely for scientific research",
    area="scope",
    internal=True,
    rules=(
        Rule(
            "art2_6.scientific_research", "Art. 2(6), Recital 25",
            "An AI system or model, with its output, developed and put into service specifically for the "
            "sole purpose of scientific research and development is outside the Act.",
            Fact(SOLE_RESEARCH), Tri.YES,
            not_formalised="'Sole purpose' is asked: a release for general or commercial use alongside "
            "research is not sole purpose.",
        ),
        Rule(
            "art2_6.placed_on_market", "Art. 2(6), Recital 25",
            "Placed on the market, the artefact is offered to others and is not kept for the sole purpose of "
            "research, whatever is said about its purpose: what research yields and is placed on the market "
            "must comply.",
            Not(_stated_no(SOLE_RESEARCH)) & RELEASE_STATED & Concl("placed_on_market"), Tri.NO,
            overrides=("art2_6.scientific_research",),
            not_formalised="Putting into service for research alone is within Art. 2(6); only a placing on "
            "the market, which the file must establish, defeats it.",
        ),
    ),
    otherwise=Otherwise(
        "art2_6.not_scientific_research_only", "Art. 2(6)",
        "The artefact is not developed and put into service for the sole purpose of scientific research.",
    ),
)

personal_use_exclusion = ConclusionDef(
    id="personal_use_exclusion",
    title="Art. 2(10): a natural person's purely personal, non-professional use",
    area="scope",
    internal=True,
    rules=(
        Rule(
            "art2_10.personal_use", "Art. 2(10), Art. 3(4)",
            "A natural person using an AI system in a purely personal, non-professional activity has no "
            "deployer obligations under the Act; holding no other role, nothing else is left.",
            Fact("operator.natural_person_non_professional") & Not(HasOtherThan(ROLES, ("deployer",)))
            & AI_SYSTEM,
            Tri.YES,
            not_formalised="Whether an activity is purely personal and non-professional is asked, not "
            "computed.",
        ),
    ),
    otherwise=Otherwise(
        "art2_10.not_personal_use", "Art. 2(10)",
        "Art. 2(10) does not apply: it needs a natural person in a purely personal, non-professional "
        "activity, and it lifts only deployer obligations, not those of a provider, importer, distributor, "
        "product manufacturer or authorised representative.",
    ),
)

scope_exclusion = ConclusionDef(
    id="scope_exclusion",
    title="Excluded from the Act by Art. 2(3), (4), (6), (8) or (10)",
    area="scope",
    rules=(
        Rule(
            "art2_3.military_defence_national_security", "Art. 2(3), Recital 24",
            "A system placed on the market, put into service or used, or whose output is used in the "
            "Union, exclusively for military, defence or national-security purposes is outside the Act, "
            "whoever does so.",
            Fact("scope.military_defence_national_security_only") & AI_SYSTEM, Tri.YES,
            not_formalised="'Exclusively' is asked: a system also used for civilian or law-enforcement "
            "purposes stays within the Act (recital 24).",
        ),
        Rule(
            "art2_4.third_country_authority", "Art. 2(4)",
            "A third-country public authority or international organisation using AI in law-enforcement "
            "or judicial cooperation with the Union or a Member State, with adequate safeguards for "
            "fundamental rights, is outside the Act.",
            Fact("scope.third_country_authority_cooperation") & _role("deployer")
            & Not(Fact("operator.established_in_eu")) & AI_SYSTEM,
            Tri.YES,
            not_formalised="Whether the safeguards are adequate is evaluative: part of the question "
            "asked, not computed. The exclusion is about using systems, so it concerns the authority as "
            "deployer; an operator established in the Union is not a third-country authority.",
        ),
        Rule(
            "art2_6.scientific_research_only", "Art. 2(6)",
            "Developed and put into service for the sole purpose of scientific research and development, "
            "the artefact is outside the Act.",
            Concl("scientific_research_exclusion"), Tri.YES,
        ),
        Rule(
            "art2_8.research_before_release", "Art. 2(8)",
            "Research, testing or development before release is outside the Act.",
            Concl("pre_market_research_exclusion"), Tri.YES,
        ),
        Rule(
            "art2_10.personal_non_professional_use", "Art. 2(10)",
            "A natural person's purely personal, non-professional use is outside the Act.",
            Concl("personal_use_exclusion"), Tri.YES,
        ),
    ),
    otherwise=Otherwise(
        "art2.no_exclusion", "Art. 2(3), (4), (6), (8), (10)",
        "None of the exclusions of Art. 2(3), (4), (6), (8) or (10) applies.",
    ),
)

territorial_scope_ai_system = ConclusionDef(
    id="territorial_scope_ai_system",
    title="Art. 2(1)(a)-(f): the operator is reached for an AI system",
    area="scope",
    internal=True,
    rules=(
        Rule(
            "art2_1_a.provider_of_ai_system", "Art. 2(1)(a)",
            "A provider that places an AI system on the Union market or puts it into service in the Union "
            "is covered, wherever it is established.",
            _role("provider") & AI_SYSTEM & ON_THE_MARKET, Tri.YES,
        ),
        Rule(
            "art2_1_b.deployer_in_union", "Art. 2(1)(b)",
            "A deployer established or located in the Union is covered.",
            _role("deployer") & AI_SYSTEM & Fact("operator.established_in_eu"), Tri.YES,
            not_formalised="Being located in the Union without an establishment there is not asked "
            "separately: answer operator.established_in_eu yes for it.",
        ),
        Rule(
            "art2_1_c.provider_output_used_in_union", "Art. 2(1)(c)",
            "A provider established in a third country is covered where the output of its AI system is "
            "used in the Union.",
            _role("provider") & AI_SYSTEM & Not(Fact("operator.established_in_eu"))
            & Fact("scope.output_used_in_eu"),
            Tri.YES,
        ),
        Rule(
            "art2_1_c.deployer_output_used_in_union", "Art. 2(1)(b), Art. 2(1)(c)",
            "A deployer is covered where the output of the AI system is used in the Union: under point (c) "
            "when established in a third country, under point (b) otherwise.",
            _role("deployer") & AI_SYSTEM & Fact("scope.output_used_in_eu"), Tri.YES,
        ),
        Rule(
            "art2_1_d.importer_or_distributor", "Art. 2(1)(d), Art. 3(6), Art. 3(7)",
            "Importers and distributors of AI systems, who by definition act on the Union market, are "
            "covered.",
            _role("importer", "distributor") & AI_SYSTEM & Not(OFF_MARKET), Tri.YES,
            not_formalised="The role is taken to bring the system to the Union market; only a file that "
            "settles the system as neither placed on the market nor put into service there, with no output "
            "used there, takes the importer or distributor out.",
        ),
        Rule(
            "art2_1_d.off_union_market", "Art. 2(1)(d), Art. 3(6), Art. 3(7), Art. 2(1)(c)",
            "An importer or distributor whose system is neither placed on the market nor put into service "
            "in the Union, and whose output is not used there, acts on no Union market: no point of "
            "Art. 2(1) reaches it in any of its roles.",
            IMPORTER_OFF_UNION_MARKET, Tri.NO,
        ),
        Rule(
            "art2_1_e.product_manufacturer", "Art. 2(1)(e)",
            "A product manufacturer placing on the market or putting into service an AI system together "
            "with its product, under its own name or trademark, is covered.",
            _role("product_manufacturer") & AI_SYSTEM & ON_THE_MARKET, Tri.YES,
            not_formalised="That the product bears the manufacturer's own name or trademark is taken "
            "from the role.",
        ),
        Rule(
            "art2_1_f.authorised_representative", "Art. 2(1)(f), Art. 3(5)",
            "The authorised representative in the Union of a provider established outside it is covered.",
            _role("authorised_representative") & AI_SYSTEM, Tri.YES,
        ),
        Rule(
            "art2_1.no_role", "Art. 2(1), Art. 3(8)",
            "The person holds none of the roles the Act addresses (provider, deployer, importer, distributor, "
            "product manufacturer, authorised representative) and states no step that makes it a provider, "
            "so no point of Art. 2(1) reaches it.",
            NO_ROLE & Not(PROVIDER_BY_THE_ACT_STATED), Tri.NO,
            overrides=("art2_1_a.provider_of_ai_system",),
        ),
    ),
    otherwise=Otherwise(
        "art2_1.no_point_for_ai_system", "Art. 2(1)",
        "None of the points of Art. 2(1) reaches this operator for an AI system.",
    ),
)

territorial_scope_gpai_model = ConclusionDef(
    id="territorial_scope_gpai_model",
    title="Art. 2(1)(a), (f): the operator is reached for a general-purpose AI model",
    area="scope",
    internal=True,
    rules=(
        Rule(
            "art2_1_a.provider_of_gpai_model", "Art. 2(1)(a), Recital 97",
            "A provider that places a general-purpose AI model on the Union market is covered, wherever "
            "it is established, including a modifier that became the provider of the modified model.",
            Concl("gpai_provider") & Concl("placed_on_market"),
            Tri.YES,
        ),
        Rule(
            "art2_1_f.gpai_authorised_representative", "Art. 2(1)(f), Art. 54(1)",
            "The authorised representative in the Union of a third-country provider of a general-purpose "
            "AI model is covered.",
            _role("authorised_representative") & GPAI_MODEL, Tri.YES,
        ),
        Rule(
            "art2_1.no_role_for_model", "Art. 2(1)(a), (f), Art. 3(8)",
            "The person holds no role and states no modification that makes it the model's provider, so "
            "neither point (a) nor point (f) reaches it.",
            NO_ROLE & Not(PROVIDER_BY_THE_ACT_STATED), Tri.NO,
            overrides=("art2_1_a.provider_of_gpai_model",),
        ),
    ),
    otherwise=Otherwise(
        "art2_1.no_point_for_gpai_model", "Art. 2(1)(a), (f)",
        "For a general-purpose AI model the Act reaches only its provider placing it on the Union market "
        "and that provider's authorised representative; neither is the case here.",
    ),
)

NOT_REACHED = Not(Concl("territorial_scope_ai_system")) & Not(Concl("territorial_scope_gpai_model"))
"""Neither the AI-system nor the model route of Art. 2(1) reaches the operator."""

reached_in_no_role = ConclusionDef(
    id="reached_in_no_role",
    title="Art. 2(1): none of the operator's roles brings it within the Act",
    area="scope",
    internal=True,
    rules=(
        Rule(
            "art2_1.holds_no_role", "Art. 2(1), Art. 3(8)",
            "The person holds none of the roles the Act addresses and states no step that makes it a "
            "provider.",
            NO_ROLE & Not(PROVIDER_BY_THE_ACT_STATED), Tri.YES,
        ),
        Rule(
            "art2_1_d.only_off_union_market_roles", "Art. 2(1)(d), Art. 3(6), Art. 3(7)",
            "The operator is only importer or distributor of a system that is neither placed on the market nor "
            "put into service in the Union, and whose output is not used there.",
            IMPORTER_OFF_UNION_MARKET, Tri.YES,
        ),
    ),
    otherwise=Otherwise(
        "art2_1.holds_a_role", "Art. 2(1)",
        "The operator holds a role through which a point of Art. 2(1) may reach it.",
    ),
)

act_applies = ConclusionDef(
    id="act_applies",
    title="The Regulation applies to this operator for this artefact",
    area="scope",
    rules=(
        Rule(
            "art2_1.applies_to_ai_system", "Art. 2(1)",
            "The operator is reached for an AI system, no exclusion applies, and the open-source "
            "exemption of Art. 2(12) does not take the system out.",
            Concl("territorial_scope_ai_system") & Not(Concl("scope_exclusion"))
            & Not(Concl("oss_exemption_ai_system")),
            Tri.YES,
        ),
        Rule(
            "art2_1.applies_to_gpai_model", "Art. 2(1)(a), Art. 2(1)(f)",
            "The operator is reached for a general-purpose AI model and no exclusion applies; Art. 2(12) "
            "does not concern models.",
            Concl("territorial_scope_gpai_model") & Not(Concl("scope_exclusion")), Tri.YES,
        ),
        Rule(
            "art2.excluded", "Art. 2(3), (4), (6), (8), (10)",
            "An exclusion of Art. 2 takes the matter out of the Act.",
            Concl("scope_exclusion"), Tri.NO,
        ),
        Rule(
            "art3.neither_system_nor_model", "Art. 3(1), Art. 3(63)",
            "The artefact is neither an AI system nor a general-purpose AI model, so the Act does not "
            "regulate it.",
            Not(AI_SYSTEM) & Not(GPAI_MODEL), Tri.NO,
        ),
        Rule(
            "art2_12.open_source_ai_system", "Art. 2(12)",
            "The AI system is released under a free and open-source licence and Art. 2(12) takes it out "
            "of the Act; no model route brings the operator back in.",
            Concl("oss_exemption_ai_system") & Not(Concl("territorial_scope_gpai_model")), Tri.NO,
        ),
        Rule(
            "art2_1.not_reached", "Art. 2(1)",
            "None of the points of Art. 2(1) reaches this operator for this artefact.",
            NOT_REACHED, Tri.NO,
        ),
        Rule(
            "art2_1.in_no_role", "Art. 2(1), Art. 3(8)",
            "No role the operator holds brings it within the Act: the Act does not apply to it in any role.",
            NOT_REACHED & Concl("reached_in_no_role"), Tri.NO,
        ),
    ),
    otherwise=Otherwise(
        "art2.does_not_apply", "Art. 2(1)",
        "The conditions of Art. 2 for the Regulation to apply are not met.",
    ),
)

MODULE = RuleModule(
    conclusions=(
        off_union_market,
        scientific_research_exclusion,
        pre_market_research_exclusion,
        personal_use_exclusion,
        scope_exclusion,
        territorial_scope_ai_system,
        territorial_scope_gpai_model,
        reached_in_no_role,
        act_applies,
    ),
    notes=(
        "Scope: Art. 2(1)(g) (affected persons in the Union) gives rights, not obligations; it is not an "
        "operator role and is not assessed.",
        "Scope: Art. 2(2) (Annex I Section B products) is handled with the high-risk rules.",
        "Scope: act_applies says whether the Act reaches the operator, not from when its duties apply; "
        "dates belong to each obligation.",
        "Scope: a person who becomes a provider under Art. 25 is expected to list 'provider' among its "
        "roles; the role is not derived here.",
        "Scope: once the Act is found not to apply to this operator (act_applies no), what the system is "
        "(prohibited, high-risk, under Art. 50, open source) concerns no duty of this operator: only facts that "
        "could bring the Act back in, or change a duty, are open questions, and the legal questions about "
        "exemptions, dates and duties are not raised where Art. 2 settles that no point of Art. 2(1) reaches "
        "the operator or an exclusion applies. An importer or distributor whose system is neither placed on "
        "the market nor put into service in the Union, with no output used there, is such an operator "
        "(Art. 2(1)(d), 3(6), 3(7)): the Act does not apply to it in any role. Holding another role that "
        "brings it in (say, a deployer in the Union), it still owes no Art. 23 or 24 duty for that system.",
    ),
)
