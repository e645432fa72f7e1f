"""Art. 25: responsibilities along the AI value chain.

Two headline conclusions, one internal step and one obligation:

- ``art_25_1_provider`` (internal): a distributor, importer, deployer or other
  third party becomes the provider of a high-risk system under Art. 25(1)(a)-(c).
- ``becomes_provider``: that, or a downstream modifier of a general-purpose AI
  model becoming the provider of the modified model (Art. 3(3), recital 109 and
  the Commission's GPAI guidelines, section 3.2: the gpai part decides that in
  ``gpai_modifier_is_provider``). The two routes have different consequences
  (Chapter III duties for the one, Chapter V for the other), so each is its own
  step and the memo states each finding on its own; the public conclusion is
  their union, as the result contract defines it.
- ``oss_exemption_component``: the closing sentence of the first
  subparagraph of Art. 25(4) ("this paragraph shall not apply to ...") spares a
  third party that makes a tool, service, process or component publicly
  accessible under a free and open-source licence from the written agreement,
  but never for a general-purpose AI model.
- ``art_25_4_written_agreement``: the supplier's duty to agree in writing with
  the high-risk provider on the information, capabilities, technical access
  and assistance the provider needs.

Judgement calls, and why:

- **25(1)(a)** rests on the fact itself: the question asks about a system that
  is already high-risk, so the classification is part of the answer. Only when
  the engine settles the system as *not* high-risk and the user has not said it
  rebranded a high-risk system is point (a) closed (``art25_1_a.not_high_risk``):
  otherwise every operator of a minimal-risk system would be left "maybe a
  provider" for want of an answer on rebranding.
- **Duties outside Art. 16** (an importer's or distributor's own, Art. 4 for a
  distributor, Art. 50(1)-(2)) read ``BECOMES_PROVIDER_AS_STATED``: the operator
  becomes provider on an Art. 25(1) trigger the user states; unanswered, it is
  taken to act in its stated role. Points
  **(b) and (c)** require the engine's own ``high_risk`` conclusion: the
  modified system must *remain* high-risk, the repurposed one must *become*
  high-risk under Art. 6, and the facts describe the system as it now is.
- **The contractual proviso of 25(1)(a)** ("without prejudice to contractual
  arrangements" allocating the obligations otherwise) is not an escape from
  being provider: it lets the parties share the work between them. No fact
  records such an arrangement, so it is noted, not computed.
- **Monetisation** takes the 25(4) carve-out away as it does the other
  open-source exceptions: recital 103 speaks of "free and open-source AI
  components" (tools, services, processes), 25(4)'s own vocabulary, and denies
  them the exceptions when provided against a price or otherwise monetised.
- **The written agreement does not need ``act_applies``.** ``act_applies``
  asks whether Art. 2(1) reaches this operator for *its* artefact; for a
  supplier of a non-AI tool, service or process it is "no" by Art. 3(1) and
  3(63). Yet Art. 25(4) binds exactly such third parties: the Act reaches
  them through the high-risk system they feed, which the fact
  ``value_chain.supplies_component_to_high_risk_provider`` already says is
  someone's high-risk system. Requiring ``act_applies`` would drop the duty for
  the very suppliers the paragraph names.
- **Date**: Art. 25 sits in Chapter III, Section 3. As adopted it applies from
  2 August 2026 (Art. 113) and, for Annex I product systems, from 2 August
  2027 (Art. 113(c)); Regulation (EU) 2026/1744 moved Chapter III Sections 1-3
  to 2 December 2027 (Annex III) and 2 August 2028 (Annex I), as reported. The
  obligation therefore takes the date key ``annex_iii_high_risk``, which
  follows both versions of the law; which route the downstream system takes
  is not in the supplier's facts, and the earlier Annex III date is the
  prudent one.
"""

from aiact.engine import (
    Any,
    Concl,
    ConclusionDef,
    Empty,
    Fact,
    HasOtherThan,
    Known,
    Not,
    ObligationDef,
    Otherwise,
    Rule,
    RuleModule,
    Source,
    Tri,
)

from .fines import OPERATOR_DUTIES

OWN_NAME = "value_chain.own_name_on_high_risk_system"
SUBSTANTIAL_MODIFICATION = "value_chain.substantial_modification"
REPURPOSED = "value_chain.repurposed_to_high_risk"
SUPPLIES = "value_chain.supplies_component_to_high_risk_provider"

HIGH_RISK = Concl("high_risk")
AI_SYSTEM = Concl("ai_system")
"""Art. 25(1) concerns AI systems: the user's answer that a name went on a high-risk system is taken as
given (its question says so), but it cannot make what is not an AI system (a bare model) high-risk."""
GPAI_MODIFIER = Concl("gpai_modifier_is_provider")
OWN_NAME_STATED = Known(OWN_NAME) & Fact(OWN_NAME)

art_25_1_provider = ConclusionDef(
    id="art_25_1_provider",
    title="Art. 25(1): becoming the provider of a high-risk system",
    area="value_chain",
    internal=True,
    rules=(
        Rule(
            "art25_1_a.own_name", "Art. 25(1)(a)",
            "Putting one's name or trademark on a high-risk system already placed on the market or put into "
            "service makes one its provider.",
            Fact(OWN_NAME) & AI_SYSTEM, Tri.YES,
            not_formalised="The proviso for contractual arrangements that allocate the obligations otherwise "
            "shares the work between the parties; it is not recorded in the facts and not computed.",
        ),
        Rule(
            "art25_1_a.not_high_risk", "Art. 25(1)(a), Art. 6",
            "Art. 25(1) concerns high-risk systems, and this system is not high-risk, so no name or trademark "
            "put on it makes one a provider under that paragraph.",
            Not(HIGH_RISK) & Not(OWN_NAME_STATED), Tri.NO,
            overrides=("art25_1_a.own_name",),
            not_formalised="The user's own statement that its name went on a high-risk system is taken as "
            "given (the own-name rule) and prevails over this one; unstated, the engine's settled 'not "
            "high-risk' closes point (a) without asking it.",
        ),
        Rule(
            "art25_1_b.substantial_modification", "Art. 25(1)(b), Art. 3(23)",
            "A substantial modification of a high-risk system already on the market or in service, such that "
            "it remains high-risk under Art. 6, makes one its provider.",
            Fact(SUBSTANTIAL_MODIFICATION) & HIGH_RISK, Tri.YES,
            not_formalised="Whether a change is 'substantial' (not foreseen in the initial conformity "
            "assessment, affecting compliance or the intended purpose) is asked, not computed.",
        ),
        Rule(
            "art25_1_c.repurposed_to_high_risk", "Art. 25(1)(c)",
            "Changing the intended purpose of a system not classified as high-risk, a general-purpose AI "
            "system included, so that it becomes high-risk under Art. 6, makes one its provider.",
            Fact(REPURPOSED) & HIGH_RISK, Tri.YES,
        ),
        Rule(
            "art25_1.no_trigger", "Art. 25(1)(a)-(c)",
            "No name or trademark is put on a high-risk system, and no high-risk system is substantially "
            "modified or repurposed into one.",
            (Not(Fact(OWN_NAME)) | Not(AI_SYSTEM))
            & (Not(Fact(SUBSTANTIAL_MODIFICATION)) | Not(HIGH_RISK))
            & (Not(Fact(REPURPOSED)) | Not(HIGH_RISK)),
            Tri.NO,
        ),
    ),
    otherwise=Otherwise(
        "art25_1.no_route_established", "Art. 25(1)", "None of the three routes of Art. 25(1) is established."
    ),
)
"""Art. 25(1) alone, points (a)-(c): the high-risk route to becoming a provider, kept apart from the GPAI
modification (Commission guidelines, section 3.2) so that the memo can state each finding on its own."""

ART_25_1 = Concl("art_25_1_provider")

becomes_provider = ConclusionDef(
    id="becomes_provider",
    title="This operator becomes a provider (Art. 25(1), GPAI modification)",
    area="value_chain",
    rules=(
        Rule(
            "art25_1.high_risk_provider", "Art. 25(1)",
            "Art. 25(1) makes this operator the provider of a high-risk system.",
            ART_25_1, Tri.YES,
        ),
        Rule(
            "art25_1.gpai_modification", "Art. 3(3), Recital 109",
            "A downstream modifier whose modification changes a general-purpose AI model significantly "
            "becomes the provider of the modified model.",
            GPAI_MODIFIER, Tri.YES, source=Source.GUIDELINES,
        ),
        Rule(
            "art25_1.neither_route", "Art. 25(1), Art. 3(3)",
            "Neither Art. 25(1) nor a modification of a general-purpose AI model makes this operator a "
            "provider.",
            Not(ART_25_1) & Not(GPAI_MODIFIER), Tri.NO,
        ),
    ),
    otherwise=Otherwise("art25_1.not_established", "Art. 25(1)", "No route to becoming a provider is established."),
    reports=("art_25_1_provider", "gpai_modifier_is_provider"),
)

BECOMES_PROVIDER_AS_STATED = ART_25_1 & Any(
    OWN_NAME_STATED,
    Known(SUBSTANTIAL_MODIFICATION) & Fact(SUBSTANTIAL_MODIFICATION) & HIGH_RISK,
    Known(REPURPOSED) & Fact(REPURPOSED) & HIGH_RISK,
)
"""Art. 25(1) makes this operator the provider on a trigger the user states. A stated presumption for duties
outside Art. 16 (an importer's or distributor's own duties, Art. 50(1)-(2)): while the Art. 25(1) facts are
unanswered the operator is taken to act in its stated role, rather than leaving those duties open for every
deployer, importer and distributor; a stated trigger whose high-risk element is open leaves them open."""

oss_exemption_component = ConclusionDef(
    id="oss_exemption_component",
    title="Art. 25(4): no written agreement owed for an open-source tool or component",
    area="value_chain",
    rules=(
        Rule(
            "art25_4.open_source_component", "Art. 25(4), first subparagraph, Recital 89",
            "A third party making a tool, service, process or component, other than a general-purpose AI "
            "model, publicly accessible under a free and open-source licence owes the high-risk provider no "
            "written agreement.",
            Fact(SUPPLIES) & Concl("free_open_source_licence") & Not(Concl("gpai_model"))
            & Not(Concl("monetised")),
            Tri.YES,
            not_formalised="Public accessibility is read from the licence: a free and open-source licence in "
            "the Act's sense lets anyone access the component free of charge.",
        ),
        Rule(
            "art25_4.not_a_supplier", "Art. 25(4)",
            "The operator supplies nothing integrated into someone's high-risk system, so there is no "
            "agreement to be spared from.",
            Not(Fact(SUPPLIES)), Tri.NO,
        ),
        Rule(
            "art25_4.gpai_model", "Art. 25(4), first subparagraph",
            "The carve-out never covers general-purpose AI models, whatever their licence.",
            Concl("gpai_model"), Tri.NO,
        ),
        Rule(
            "art25_4.licence_not_open", "Art. 25(4), first subparagraph, Recital 102",
            "The component is not made accessible under a free and open-source licence.",
            Not(Concl("free_open_source_licence")), Tri.NO,
        ),
        Rule(
            "art25_4.monetised", "Recital 103, Art. 25(4)",
            "A free and open-source component provided against a price or otherwise monetised does not "
            "benefit from the open-source exceptions.",
            Concl("monetised"), Tri.NO, reading="monetisation_scope",
        ),
    ),
    otherwise=Otherwise(
        "art25_4.not_exempt", "Art. 25(4), first subparagraph",
        "The conditions of the open-source carve-out are not established.",
    ),
)

ROLES = "operator.roles"
USING_OR_RESELLING = ("deployer", "importer", "distributor", "authorised_representative")
SUPPLIES_STATED = Known(SUPPLIES) & Fact(SUPPLIES)
MAY_SUPPLY = HasOtherThan(ROLES, USING_OR_RESELLING) | Empty(ROLES)
"""Who could be a supplier under Art. 25(4): a provider or manufacturer of what is supplied, or someone with
no role under the Act at all (a maker of a non-AI tool). An operator that only uses, imports, distributes or
represents is not asked about supplying components unless it says it does (then the answer counts)."""

written_agreement = ObligationDef(
    id="art_25_4_written_agreement", citation="Art. 25(4)", role="third_party_supplier",
    duty="Agree in writing with the provider of the high-risk system on the information, capabilities, "
    "technical access and other assistance, based on the generally acknowledged state of the art, that the "
    "provider needs to comply fully with the Regulation (first subparagraph as replaced by Regulation (EU) "
    "2026/1744, as reported).",
    applies_when=SUPPLIES_STATED | (Fact(SUPPLIES) & MAY_SUPPLY),
    date_key="annex_iii_high_risk",
    exempted_by=("oss_exemption_component",),
    fine="Art. 99(4)(da), inserted by Regulation (EU) 2026/1744 (as reported): up to EUR 15 million or 3 % of "
    "worldwide annual turnover, whichever is higher",
    source=Source.SECONDARY,
    area="value_chain",
    fine_tier=OPERATOR_DUTIES,
    concerns="system",
    entails="Sign a written agreement with each high-risk provider you supply, setting out the information, "
    "capabilities, technical access and help you give it so that it can meet its own duties (documentation, "
    "testing, conformity assessment). The AI Office's voluntary model terms can serve as a template; trade "
    "secrets stay protected (Art. 25(5)).",
)

MODULE = RuleModule(
    conclusions=(art_25_1_provider, becomes_provider, oss_exemption_component),
    obligations=(written_agreement,),
    notes=(
        "Art. 25(1)(a): the proviso for contractual arrangements allocating the obligations otherwise is not "
        "recorded in the facts and not computed; it shares the provider's work, it does not undo the role.",
        "Art. 25(1)(b): whether a modification is 'substantial' (Art. 3(23)) is asked, not computed.",
        "Art. 25(2) (the initial provider's cooperation, replaced by Regulation (EU) 2026/1744 as reported, "
        "with its carve-out where the initial provider excluded a change into a high-risk system) and "
        "Art. 25(3) (product manufacturers of Annex I Section A products) are not formalised: no facts "
        "record the initial provider's side or the product's name.",
        "Art. 25(4): only the supplier's side of the written agreement is an obligation here; the high-risk "
        "provider's side belongs with its own duties. The agreement does not require act_applies: the Act "
        "reaches a supplier of a non-AI tool through the high-risk system it feeds, not through Art. 2(1).",
        "Art. 25(4): its date follows Chapter III Section 3 (annex_iii_high_risk, the earlier of the two "
        "high-risk dates); a component of an Annex I product would follow annex_i_high_risk, which the "
        "supplier's facts cannot tell.",
    ),
)
