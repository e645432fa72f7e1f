"""Openness in the Act's sense: the licence, monetisation, and the Art. 2(12) carve-out.

Three public conclusions, and two internal steps that name what the facts
cannot settle:

- ``free_open_source_licence``: the licence lets anyone access, use, modify
  and redistribute free of charge, with no condition beyond attribution and
  copyleft (recital 102, Art. 53(2)). The Commission's GPAI guidelines
  (section 4.2.1) name what disqualifies (non-commercial or research-only
  terms, bans on distribution, user-scale thresholds, separate licences for
  particular use cases) and admit only specific, safety-oriented,
  proportionate and non-discriminatory use restrictions. Whether an
  acceptable-use policy or a list of safety restrictions is of that kind is
  evaluative; the fact file does not record it (internal
  ``use_restrictions_proportionate``), so such a licence is left undetermined
  under the open question ``restricted_licence``, never silently passed or
  failed.
- ``monetised``: provided against a price or otherwise monetised
  (recital 103; guidelines section 4.2.2). Optional paid services beside a
  free release are not monetisation (the guidelines' reading of the open
  question ``monetisation_scope``); personal data processed beyond security,
  compatibility or interoperability is. Recital 103 spares "transactions
  between microenterprises": the facts record only the provider's side
  (``operator.microenterprise``), so a microenterprise's monetisation is left
  open (internal ``counterparties_microenterprises``) rather than excused,
  and a provider not said to be one is not presumed to be one: the exception
  is considered when the user states it, like any answer that displaces a
  derivation.
- ``oss_exemption_ai_system``: Art. 2(12), with its three exceptions written
  as explicit overrides. The exemption needs something actually released to
  the public under the licence (copies for download, public weights or code):
  the text speaks of systems "released under" such a licence, and recital
  102 of what anyone may then access, use, modify and redistribute, so a
  licence label on a service-only system exempts nothing. The text makes every exception turn on the system
  being placed on the market or put into service "as" a high-risk system or
  as one falling under Art. 5 or Art. 50. Recital 103's monetisation limit is
  applied to it as to the other open-source exceptions (a working reading:
  the recital speaks of AI components).

The Act's whole open-source test for a release (licence, public weights,
architecture and usage information, no monetisation) is not a conclusion
here: for AI systems it decides nothing, and for GPAI models the GPAI part
combines it with systemic risk (Art. 53(2), 54(6)). The openness profile
(``openness_profile``) reports it.

Deliberately not formalised: whether a licensor's access controls (gating,
user verification) are "reasonable safety and security measures" that do not
discriminate (guidelines section 4.2.1) is folded into the user's answer to
``release.licence_grants.access``; whether usage information is detailed
enough (modalities, capabilities, limitations, integration means, section
4.2.3) into ``release.usage_info_public``.
"""

from aiact.engine import (
    All,
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
    Source,
    Tri,
)

GRANTS = tuple(f"release.licence_grants.{g}" for g in ("access", "use", "modify", "redistribute"))
RESTRICTIONS = "release.licence_restrictions"
MONETISATION = "release.monetisation"
MICROENTERPRISE = "operator.microenterprise"

COMPATIBLE_TERMS = ("attribution", "copyleft")
"""Conditions recital 102 accepts: credit, and distribution on identical or comparable terms."""
PROPORTIONALITY_TERMS = ("acceptable_use_policy", "safety_use_restrictions")
"""Use restrictions that pass only if specific, safety-oriented and proportionate (guidelines 4.2.1)."""
MONETISING = ("price", "dual_licensing", "required_paid_services", "paid_exclusive_hosting", "personal_data")
"""The forms of ``release.monetisation`` that are monetisation; ``optional_paid_services`` is not."""

ALL_RIGHTS = All(*(Fact(path) for path in GRANTS))
A_RIGHT_WITHHELD = Any(*(Not(Fact(path)) for path in GRANTS))

use_restrictions_proportionate = ConclusionDef(
    id="use_restrictions_proportionate",
    title="The licence's use restrictions are specific, safety-oriented, proportionate and non-discriminatory",
    area="openness",
    internal=True,
    rules=(),
    otherwise=Otherwise(
        "recital102.use_restrictions_proportionality_open", "Recital 102, Art. 53(2)",
        "An acceptable-use policy or list of restricted uses is compatible with a free and open-source licence "
        "only if its terms are specific, safety-oriented, proportionate and non-discriminatory: an evaluative "
        "question that the facts do not record, so it stays open.",
        then=Tri.UNDETERMINED, source=Source.GUIDELINES,
    ),
)
"""Deliberately rule-less: the fact file records which kinds of restriction a licence imposes, not
whether they are proportionate. Keeping the evaluative step as its own node names it in the reasons
(and is where a future fact answering it would attach) without reading any fact, so the what-matters
analysis never asks a question that cannot settle it."""

free_open_source_licence = ConclusionDef(
    id="free_open_source_licence",
    title="Free and open-source licence in the Act's sense (Art. 2(12), 53(2), recital 102)",
    area="openness",
    rules=(
        Rule(
            "recital102.four_rights_granted", "Recital 102, Art. 53(2), Art. 2(12)",
            "The licence lets anyone access, use, modify and redistribute free of charge, asking at most for "
            "attribution and for distribution on identical or comparable terms.",
            ALL_RIGHTS & Not(HasOtherThan(RESTRICTIONS, COMPATIBLE_TERMS)), Tri.YES,
        ),
        Rule(
            "recital102.proportionate_use_restrictions", "Recital 102, Art. 53(2), Art. 2(12)",
            "The licence grants all four rights; its use restrictions keep it free and open-source only if "
            "they are specific, safety-oriented, proportionate and non-discriminatory.",
            ALL_RIGHTS
            & Has(RESTRICTIONS, PROPORTIONALITY_TERMS)
            & Not(HasOtherThan(RESTRICTIONS, COMPATIBLE_TERMS + PROPORTIONALITY_TERMS))
            & Concl("use_restrictions_proportionate"),
            Tri.YES, source=Source.GUIDELINES, reading="restricted_licence",
            not_formalised="Whether the restrictions are proportionate and safety-oriented is evaluative and "
            "not recorded in the facts: the licence stays undetermined.",
        ),
        Rule(
            "recital102.right_withheld", "Recital 102, Art. 53(2)",
            "The licence does not grant all of access, use, modification and redistribution to anyone free of "
            "charge; a licence missing any one of them is not free and open-source.",
            A_RIGHT_WITHHELD, Tri.NO,
        ),
        Rule(
            "recital102.non_commercial_or_research_only", "Recital 102, Art. 53(2)",
            "The licence allows only non-commercial or research use, so it does not let anyone freely use the "
            "model.",
            Has(RESTRICTIONS, ("non_commercial", "research_only")), Tri.NO, source=Source.GUIDELINES,
        ),
        Rule(
            "recital102.no_redistribution_or_derivatives", "Recital 102, Art. 53(2)",
            "The licence forbids redistribution or sharing modified versions, which a free and open-source "
            "licence must allow.",
            Has(RESTRICTIONS, ("no_redistribution", "no_derivatives")), Tri.NO,
        ),
        Rule(
            "recital102.user_threshold", "Recital 102, Art. 53(2)",
            "The licence restricts use above a user-scale threshold (e.g. extra licensing above a number of "
            "monthly active users), which the Commission treats as disqualifying.",
            Has(RESTRICTIONS, ("user_threshold",)), Tri.NO, source=Source.GUIDELINES, reading="restricted_licence",
        ),
        Rule(
            "recital102.use_case_licence", "Recital 102, Art. 53(2)",
            "The licence requires a separate licence for particular use cases, which the Commission treats as "
            "disqualifying.",
            Has(RESTRICTIONS, ("use_case_licence",)), Tri.NO, source=Source.GUIDELINES, reading="restricted_licence",
        ),
    ),
    otherwise=Otherwise(
        "recital102.not_free_open_source", "Recital 102",
        "Nothing establishes a licence granting all four rights free of charge.",
    ),
)

counterparties_microenterprises = ConclusionDef(
    id="counterparties_microenterprises",
    title="Everyone the provider charges is a microenterprise too (recital 103)",
    area="openness",
    internal=True,
    rules=(),
    otherwise=Otherwise(
        "recital103.counterparties_unknown", "Recital 103",
        "Only transactions between microenterprises are spared; the facts record the provider's size, not "
        "that everyone it charges is a microenterprise, so whether the exception covers the release stays open.",
        then=Tri.UNDETERMINED,
    ),
)
"""Deliberately rule-less: ``operator.microenterprise`` covers one side of each transaction only.
A release offered to anyone cannot be shown to reach microenterprises alone, so the exception is
never taken as established; it is the open question ``monetisation_scope``."""

_MONETISATION_FORMS = (
    "recital103.price", "recital103.dual_licensing", "recital103.required_paid_services",
    "recital103.paid_exclusive_hosting", "recital103.personal_data",
)

monetised = ConclusionDef(
    id="monetised",
    title="Provided against a price or otherwise monetised (recital 103)",
    area="openness",
    rules=(
        Rule(
            "recital103.price", "Recital 103",
            "The component is provided against a price.",
            Has(MONETISATION, ("price",)), Tri.YES,
        ),
        Rule(
            "recital103.dual_licensing", "Recital 103",
            "Dual licensing (free for some uses, paid for commercial or larger-scale use) is monetisation.",
            Has(MONETISATION, ("dual_licensing",)), Tri.YES, source=Source.GUIDELINES,
        ),
        Rule(
            "recital103.required_paid_services", "Recital 103",
            "Paid support or services that users must buy, or without which the model cannot be used or "
            "accessed, monetise the component.",
            Has(MONETISATION, ("required_paid_services",)), Tri.YES, source=Source.GUIDELINES,
        ),
        Rule(
            "recital103.paid_exclusive_hosting", "Recital 103",
            "Making the component available only on the provider's own paid platform, including free access "
            "paid for by advertising, monetises it.",
            Has(MONETISATION, ("paid_exclusive_hosting",)), Tri.YES, source=Source.GUIDELINES,
            reading="monetisation_scope",
        ),
        Rule(
            "recital103.personal_data", "Recital 103",
            "Access or use requires personal data to be processed for purposes beyond the security, "
            "compatibility or interoperability of the software, which counts as monetisation.",
            Has(MONETISATION, ("personal_data",)), Tri.YES, reading="monetisation_scope",
        ),
        Rule(
            "recital103.microenterprise_transactions", "Recital 103",
            "Transactions between microenterprises are not monetisation; the provider says it is a "
            "microenterprise, so whether its paid dealings are spared turns on whom it deals with.",
            Known(MICROENTERPRISE) & Fact(MICROENTERPRISE) & Has(MONETISATION, MONETISING)
            & Concl("counterparties_microenterprises"),
            Tri.NO, overrides=_MONETISATION_FORMS, reading="monetisation_scope",
            not_formalised="The exception is applied only on the user's statement that the provider is a "
            "microenterprise; the counterparties' size is not in the facts, so the result stays open.",
        ),
        Rule(
            "recital103.no_monetisation", "Recital 103",
            "The component is not provided against a price or otherwise monetised.",
            Empty(MONETISATION), Tri.NO,
        ),
        Rule(
            "recital103.paid_system_beside_free_model", "Recital 103",
            "The model itself is free; only access to a system or service built on it is paid. On the "
            "Commission's reading that does not monetise the model, as long as the model stays available free "
            "of charge; on a literal reading of recital 103 (services related to the component, including "
            "through a platform) it does.",
            Has(MONETISATION, ("paid_system_built_on_it",))
            & Not(HasOtherThan(MONETISATION, ("optional_paid_services", "paid_system_built_on_it"))),
            Tri.NO, source=Source.GUIDELINES, reading="monetisation_scope",
        ),
        Rule(
            "recital103.optional_paid_services_only", "Recital 103",
            "Optional paid services offered beside a free release, with no obligation to buy them, do not "
            "monetise the component.",
            Has(MONETISATION, ("optional_paid_services",))
            & Not(HasOtherThan(MONETISATION, ("optional_paid_services",))),
            Tri.NO, source=Source.GUIDELINES, reading="monetisation_scope",
        ),
    ),
    otherwise=Otherwise(
        "recital103.not_monetised", "Recital 103",
        "No form of monetisation is established.",
    ),
)

PLACED_OR_IN_SERVICE = Concl("placed_on_market") | Concl("put_into_service")

RELEASED_TO_THE_PUBLIC = (
    Has("market.channels", ("public_repository", "download"))
    | Fact("release.weights_public")
    | Fact("release.inference_code_public")
)
"""Something of the system is actually released for anyone to take: copies published for download, or its
weights or the code that runs it made public. Art. 2(12) speaks of systems *released under* a free and
open-source licence; recital 102 explains the licence by what it lets anyone do with what is released
(access, use, modify, redistribute). A licence label on a system offered only as a service releases nothing."""

oss_exemption_ai_system = ConclusionDef(
    id="oss_exemption_ai_system",
    title="Art. 2(12): the open-source AI system is outside the Act",
    area="openness",
    rules=(
        Rule(
            "art2_12.open_source_system", "Art. 2(12)",
            "An AI system released under a free and open-source licence, and not monetised, is outside the "
            "Regulation.",
            Concl("ai_system") & Concl("free_open_source_licence") & Not(Concl("monetised"))
            & RELEASED_TO_THE_PUBLIC,
            Tri.YES,
        ),
        Rule(
            "art2_12.nothing_released", "Art. 2(12), Recital 102",
            "Nothing of the system is released to the public (no download or public repository, no public "
            "weights or code): a system offered only as a service is not released under a free and "
            "open-source licence, whatever licence it names.",
            Not(RELEASED_TO_THE_PUBLIC), Tri.NO,
        ),
        Rule(
            "art2_12.not_an_ai_system", "Art. 2(12), Art. 3(1)",
            "Art. 2(12) concerns AI systems; a model that is not an AI system has its own open-source "
            "carve-outs (Art. 53(2), 54(6)).",
            Not(Concl("ai_system")), Tri.NO,
        ),
        Rule(
            "art2_12.licence_not_open", "Art. 2(12), Recital 102",
            "The system is not released under a free and open-source licence.",
            Not(Concl("free_open_source_licence")), Tri.NO,
        ),
        Rule(
            "art2_12.monetised", "Recital 103, Art. 2(12)",
            "A component provided against a price or otherwise monetised does not benefit from the "
            "open-source exceptions.",
            Concl("monetised"), Tri.NO, reading="monetisation_scope",
        ),
        Rule(
            "art2_12.placed_as_high_risk", "Art. 2(12), Art. 6",
            "The exemption does not cover a system placed on the market or put into service as a high-risk "
            "AI system.",
            PLACED_OR_IN_SERVICE & Concl("high_risk"), Tri.NO,
            overrides=("art2_12.open_source_system",),
        ),
        Rule(
            "art2_12.placed_as_prohibited", "Art. 2(12), Art. 5",
            "The exemption does not cover a system placed on the market or put into service as one falling "
            "under Art. 5.",
            PLACED_OR_IN_SERVICE & Concl("prohibited_practice"), Tri.NO,
            overrides=("art2_12.open_source_system",),
        ),
        Rule(
            "art2_12.placed_under_art_50", "Art. 2(12), Art. 50",
            "The exemption does not cover a system placed on the market or put into service as one falling "
            "under Art. 50.",
            PLACED_OR_IN_SERVICE & Concl("transparency_obligations"), Tri.NO,
            overrides=("art2_12.open_source_system",),
        ),
    ),
    otherwise=Otherwise(
        "art2_12.not_exempt", "Art. 2(12)",
        "The conditions of the open-source exemption are not established.",
    ),
)

MODULE = RuleModule(
    conclusions=(
        use_restrictions_proportionate,
        free_open_source_licence,
        counterparties_microenterprises,
        monetised,
        oss_exemption_ai_system,
    ),
    notes=(
        "Whether an acceptable-use policy or a list of safety restrictions is specific, safety-oriented, "
        "proportionate and non-discriminatory (Commission GPAI guidelines, section 4.2.1) is evaluative: a "
        "licence with such terms is left undetermined (open question restricted_licence).",
        "Recital 103's microenterprise exception needs both sides of each paid transaction to be "
        "microenterprises; the facts record only the provider, so a microenterprise's monetisation is left "
        "open rather than excused.",
        "Art. 2(12) is read as the text writes it: its exceptions bite when the system is placed on the market "
        "or put into service as a high-risk system, or as one falling under Art. 5 or Art. 50.",
        "Art. 2(12) needs something released to the public under the licence (a download or public "
        "repository, public weights or inference code); a system offered only as a service is not exempt "
        "whatever licence it names (recital 102).",
    ),
)
