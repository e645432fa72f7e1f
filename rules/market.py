"""Art. 3(9)-(11): has the artefact been placed on the Union market, or put into service?

These two triggers decide whether a provider is reached by Art. 2(1)(a) and
whether the open-source exemption of Art. 2(12) is lost ("placed on the
market or put into service as ..."). They are derived from how the artefact
reaches anyone (``market.channels``), and the user's own explicit answer
always prevails over the derivation.

Readings taken here, and why:

- **Models.** The Commission's GPAI guidelines (section 3.1.2) list the ways
  a model is first made available in the Union: a library or package, an
  API, upload to a public hub for download, a physical copy, a cloud service,
  a copy on the customer's infrastructure, integration into a chatbot or app,
  and internal use essential to a product or service for third parties or
  affecting people's rights (recital 97). The guidelines treat these as
  placing whether or not a price is asked, and they do not ask about
  commercial activity; the rule base follows them for models.
- **Systems.** Art. 3(10) makes "making available" a supply "in the course of
  a commercial activity, whether for payment or free of charge". Supplying a
  system to others through an API, an app, a product or a download is taken
  to be such a supply unless the user says there is no commercial activity:
  a supply free of charge is expressly included, and the Blue Guide reads
  "commercial activity" broadly (any business-related context). Whether a
  free publication of a *system* on a public repository counts is unsettled
  (legal question ``hosting_is_placing``); the working reading treats it
  like the same publication of a model. Putting into service (Art. 3(11))
  has no commercial element: an API, a hosted app, a product, or own use
  puts a system into service even when nothing is sold.
- **Deployers.** Art. 3(11) names the supply "for first use directly to the
  deployer": a deployer established or located in the Union that uses the
  system there is the one it was put into service for. So for an EU deployer
  the system counts as put into service in the Union unless the file says
  otherwise (an explicit answer, or in-house testing before release). The
  provider's exclusion of the Union does not undo a use the deployer makes
  there. This settles the Art. 2(12) carve-backs for the
  deployer without asking how the provider released the system, which the
  deployer often cannot know and which cannot change its duties.
- **Territory.** A release that is not geographically restricted reaches the
  Union market. Only a clear and unequivocal exclusion of distribution and
  use in the Union takes it out (guidelines, section 3.1.3); because the
  exclusion must be clear, only the user's explicit answer establishes it.
"""

from aiact.engine import (
    Concl,
    ConclusionDef,
    Fact,
    Has,
    HasOtherThan,
    Known,
    Not,
    Otherwise,
    Rule,
    RuleModule,
    Source,
    Tri,
)

CHANNELS = "market.channels"

SUPPLY_TO_OTHERS = ("api", "hosted_app", "embedded_in_product")
"""Channels that supply the artefact itself to others, as a system or a model (GL 3.1.2)."""

PUBLICATION = ("public_repository", "download")
"""Channels that hand out copies: settled for models (GL 3.1.2), open for systems."""

SUPPLY_FOR_USE = ("api", "hosted_app")
"""Channels that supply a system directly to the deployers who use it (Art. 3(11))."""

OWN_USE = ("internal_use", "internal_use_essential")
"""The provider's own use of a system in the Union (Art. 3(11))."""

PLACED_ANSWER = "market.placed_on_market"
SERVICE_ANSWER = "market.put_into_service"
PRE_MARKET = "scope.pre_market_research_or_testing"

EU_EXCLUDED = Known("market.eu_excluded") & Fact("market.eu_excluded")
"""The provider clearly and unequivocally excluded the Union: only an explicit answer shows that."""

NO_COMMERCIAL_ACTIVITY = Known("market.commercial_activity") & Not(Fact("market.commercial_activity"))
"""The user says the supply is outside any commercial activity (rebutting the presumption)."""

AI_SYSTEM = Concl("ai_system")
GPAI_MODEL = Concl("gpai_model")

_PLACING_DERIVATIONS = (
    "art3_9.supplied_to_others",
    "art3_9.model_published",
    "art3_9.system_published",
    "art3_9.model_essential_internal_use",
)

placed_on_market = ConclusionDef(
    id="placed_on_market",
    title="Placed on the Union market (Art. 3(9))",
    area="market",
    rules=(
        Rule(
            "art3_9.supplied_to_others", "Art. 3(9), Art. 3(10), Recital 97",
            "Offering the system or model to others through an API or cloud service, a chatbot or app, or "
            "as part of a product makes it available on the Union market for the first time.",
            (AI_SYSTEM | GPAI_MODEL) & Has(CHANNELS, SUPPLY_TO_OTHERS), Tri.YES,
            not_formalised="Whether the release is the first making available (Art. 3(9)) is not "
            "asked: a later release of the same artefact is still a making available. For a system, the "
            "supply is taken to be in the course of a commercial activity (Art. 3(10): for payment or free "
            "of charge) unless the user says otherwise.",
        ),
        Rule(
            "art3_9.model_published", "Art. 3(9), Recital 97",
            "Uploading a general-purpose AI model to a public hub for download, or distributing it as a "
            "package, download or copy, places the model on the market, free of charge or not.",
            GPAI_MODEL & Has(CHANNELS, PUBLICATION), Tri.YES, source=Source.GUIDELINES,
        ),
        Rule(
            "art3_9.system_published", "Art. 3(9), Art. 3(10)",
            "Working reading: publishing an AI system for download, even free of charge on a public "
            "repository, makes it available on the Union market, as the Commission holds for models and "
            "as Art. 3(10) includes supply free of charge.",
            AI_SYSTEM & Has(CHANNELS, PUBLICATION), Tri.YES, reading="hosting_is_placing",
            not_formalised="The supply is taken to be in the course of a commercial activity unless the "
            "user says otherwise (then art3_10.no_commercial_activity decides).",
        ),
        Rule(
            "art3_9.model_essential_internal_use", "Art. 3(9), Recital 97",
            "A model used in-house for processes essential to a product or service offered to third "
            "parties, or affecting people's rights, counts as placed on the market.",
            GPAI_MODEL & Has(CHANNELS, ("internal_use_essential",)), Tri.YES, source=Source.GUIDELINES,
        ),
        Rule(
            "art3_9.not_released", "Art. 3(9), Recital 97",
            "Kept for purely internal use, or not released at all, the artefact is not made available "
            "to anyone.",
            Not(HasOtherThan(CHANNELS, ("internal_use",))), Tri.NO,
        ),
        Rule(
            "art3_10.no_commercial_activity", "Art. 3(10)",
            "A system supplied outside any commercial activity is not made available on the market "
            "(the definition asks for a supply in the course of a commercial activity).",
            NO_COMMERCIAL_ACTIVITY & AI_SYSTEM & Not(GPAI_MODEL), Tri.NO,
            overrides=("art3_9.supplied_to_others", "art3_9.system_published"),
        ),
        Rule(
            "art3_9.union_excluded", "Art. 3(9), Art. 3(10)",
            "The provider clearly and unequivocally excluded distribution and use in the Union, so "
            "nothing is made available on the Union market.",
            EU_EXCLUDED, Tri.NO, overrides=_PLACING_DERIVATIONS, source=Source.GUIDELINES,
        ),
        Rule(
            "art3_9.answer_yes", "Art. 3(9)",
            "The user states that the artefact has been placed on the Union market.",
            Known(PLACED_ANSWER) & Fact(PLACED_ANSWER), Tri.YES,
            overrides=("art3_9.not_released", "art3_10.no_commercial_activity", "art3_9.union_excluded"),
        ),
        Rule(
            "art3_9.answer_no", "Art. 3(9)",
            "The user states that the artefact has not been placed on the Union market.",
            Known(PLACED_ANSWER) & Not(Fact(PLACED_ANSWER)), Tri.NO, overrides=_PLACING_DERIVATIONS,
        ),
    ),
    otherwise=Otherwise(
        "art3_9.not_made_available", "Art. 3(9)",
        "None of the ways the artefact is released makes it available on the Union market (a system "
        "used in-house is put into service, not placed on the market).",
    ),
)

_SERVICE_DERIVATIONS = (
    "art3_11.supplied_to_deployers",
    "art3_11.own_use",
    "art3_11.with_product",
)

DEPLOYER_IN_UNION = Has("operator.roles", ("deployer",)) & Fact("operator.established_in_eu")
"""The operator deploys the system and is established or located in the Union (Art. 2(1)(b))."""

put_into_service = ConclusionDef(
    id="put_into_service",
    title="Put into service in the Union (Art. 3(11))",
    area="market",
    rules=(
        Rule(
            "art3_11.supplied_to_deployers", "Art. 3(11)",
            "An API, cloud service or hosted app supplies the system for first use: to its deployers, or, "
            "for the public, by the provider's own operation.",
            AI_SYSTEM & Has(CHANNELS, SUPPLY_FOR_USE), Tri.YES,
        ),
        Rule(
            "art3_11.own_use", "Art. 3(11)",
            "The provider uses the system itself, in-house, for its intended purpose.",
            AI_SYSTEM & Has(CHANNELS, OWN_USE), Tri.YES,
        ),
        Rule(
            "art3_11.with_product", "Art. 3(11), Art. 2(1)(e)",
            "A system built into a product is put into service with that product.",
            AI_SYSTEM & Has(CHANNELS, ("embedded_in_product",)), Tri.YES,
        ),
        Rule(
            "art3_11.used_by_union_deployer", "Art. 3(11), Art. 3(4), Art. 2(1)(b)",
            "The operator deploys the system in the Union: a system a deployer uses there for its intended "
            "purpose has been supplied to that deployer for first use, or put into its own use, in the Union.",
            AI_SYSTEM & DEPLOYER_IN_UNION, Tri.YES,
            overrides=("art3_11.not_supplied_for_use", "art3_11.union_excluded"),
            not_formalised="That the deployer uses the system for its intended purpose is taken from the "
            "role; a use for another purpose is a change of purpose (Art. 25(1)(c)), asked separately.",
        ),
        Rule(
            "art3_11.not_supplied_for_use", "Art. 3(11)",
            "Nobody is supplied the system for first use, and the provider does not use it itself: "
            "copies handed out by publication or download are placed on the market, not put into "
            "service by the provider.",
            Not(Has(CHANNELS, SUPPLY_FOR_USE + OWN_USE + ("embedded_in_product",))), Tri.NO,
            not_formalised="A copy installed on one customer's infrastructure may also be a direct "
            "supply for first use; the channel 'download' does not tell, so it counts only as placing.",
        ),
        Rule(
            "art3_11.not_an_ai_system", "Art. 3(11), Recital 97",
            "Only an AI system is put into service; a model on its own is placed on the market or not at "
            "all.",
            Not(AI_SYSTEM), Tri.NO, overrides=("art3_11.answer_yes",),
        ),
        Rule(
            "art3_11.still_in_testing", "Art. 3(11), Art. 2(8)",
            "The user states that the in-house use is research, testing or development before release, "
            "which is not use for the intended purpose.",
            Known(PRE_MARKET) & Fact(PRE_MARKET)
            & Not(HasOtherThan(CHANNELS, ("internal_use",))),
            Tri.NO, overrides=("art3_11.own_use", "art3_11.used_by_union_deployer"),
            not_formalised="Testing in real-world conditions under Art. 57 or 60 is not putting into "
            "service (Art. 3(57)); those conditions are not modelled.",
        ),
        Rule(
            "art3_11.union_excluded", "Art. 3(11)",
            "The provider clearly and unequivocally excluded use in the Union, so the system is not put "
            "into service in the Union.",
            EU_EXCLUDED, Tri.NO, overrides=_SERVICE_DERIVATIONS, source=Source.GUIDELINES,
        ),
        Rule(
            "art3_11.answer_yes", "Art. 3(11)",
            "The user states that the system has been put into service in the Union.",
            Known(SERVICE_ANSWER) & Fact(SERVICE_ANSWER), Tri.YES,
            overrides=("art3_11.not_supplied_for_use", "art3_11.still_in_testing", "art3_11.union_excluded"),
        ),
        Rule(
            "art3_11.answer_no", "Art. 3(11)",
            "The user states that the system has not been put into service in the Union.",
            Known(SERVICE_ANSWER) & Not(Fact(SERVICE_ANSWER)), Tri.NO,
            overrides=(*_SERVICE_DERIVATIONS, "art3_11.used_by_union_deployer"),
        ),
    ),
    otherwise=Otherwise(
        "art3_11.not_put_into_service", "Art. 3(11)",
        "Nothing shows that the system was supplied for first use, or used by its provider, in the Union.",
    ),
)

MODULE = RuleModule(
    conclusions=(placed_on_market, put_into_service),
    notes=(
        "Market: channels are taken to reach the Union unless the provider clearly and unequivocally "
        "excluded it (Commission GPAI guidelines, section 3.1.3); no other territorial fact is asked.",
        "Market: for models, every channel of guidelines section 3.1.2 is placing, with or without "
        "commercial activity; for systems, a supply to others is presumed commercial (Art. 3(10): for "
        "payment or free of charge) unless the user says otherwise.",
        "Market: testing in real-world conditions (Art. 3(57), 57, 60) is not putting into service when "
        "its conditions are met; those conditions are not modelled.",
    ),
)
