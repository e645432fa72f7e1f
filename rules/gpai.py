"""Chapter V: general-purpose AI models: systemic risk, providers, the open-source carve-out, duties.

Six conclusions (two public) and seven obligations:

- ``gpai_upstream_systemic_risk`` (internal): for a modification, whether
  the original model has systemic risk, judged by its compute (Art. 51(2));
  when that compute is unknown, the modified model's own cumulative compute
  (recital 111: it includes the original's) at most 10^25 FLOP settles it
  as no; otherwise undetermined. Both the modifier's substitute threshold
  and the modified model's systemic risk turn on it.
- ``gpai_modifier_is_provider`` (internal): a downstream modifier becomes the
  provider of the modified model only when the modification changes the
  model significantly. The Commission's GPAI guidelines (section 3.2) take as
  the indicative criterion a modification compute greater than one third of
  the original model's training compute; when the modifier cannot know that
  figure, one third of 10^25 FLOP (a systemic-risk original) or of 10^23
  FLOP (any other original). Whether the artefact is a modification is a
  yes/no fact (``gpai.modifies_other_model``); naming the original
  (``gpai.modified_from``) is a stated yes. Unanswered, the provider of the
  model and Chapter V stay open and the question is asked. A share of the
  original's compute (``gpai.modification_compute_share``, percent) is the
  one-third test itself and prevails over FLOP figures; every comparison
  is exact (engine/numbers.py), so exactly a third is never "more".
- ``gpai_provider`` (internal): this operator is a provider of a GPAI model:
  its roles include provider, or it became one by modifying a model. A
  self-declared provider whose recorded modification is below the threshold
  is not the provider of the modified *model* (the upstream provider is); it
  may still be the provider of a system built on it.
- ``gpai_systemic_risk``: Art. 51(1)(a) high-impact capabilities, with the
  Art. 51(2) presumption above 10^25 FLOP (strictly greater), Art. 51(1)(b)
  designation, and the guidelines' presumption for a modifier that becomes
  provider of a modified systemic-risk model. A "no" needs the designation
  answered no, compute at most 10^25 FLOP, and no evaluation finding
  high-impact capabilities (an unanswered finding counts as none made only
  below a third of 10^25 FLOP, outside the estimate band; within it the
  evaluation is asked and systemic risk stays open). For a modified model,
  ``artefact.training_compute_flop`` is its cumulative compute, the
  original's included (recital 111).
- ``gpai_high_impact`` (internal): the model meets Art. 51(1)(a), high-impact
  capabilities found or presumed (compute above 10^25 FLOP, or a significant
  modification of a systemic-risk model). Only this route owes the Art. 52(1)
  notification; a model designated under Art. 51(1)(b) alone has nothing to
  notify, though it owes Art. 55.
- ``oss_exemption_gpai``: Art. 53(2) and 54(6): a free and open-source
  licence, weights, architecture and usage information public, no
  monetisation (recital 103); systemic risk cancels it by an explicit
  override (the last sentences of Art. 53(2) and 54(6), recital 104).

Obligations (Art. 52-55) attach to the provider of a GPAI model placed on
the Union market while the Act applies; the open-source exemption lifts only
53(1)(a), 53(1)(b) and 54, never 53(1)(c)-(d) or 55. Chapter V applies from
2 August 2025; for models placed on the market before that day, Art. 111(3)
gives until 2 August 2027.
"""

from datetime import date
from fractions import Fraction

from aiact.engine import (
    All,
    Before,
    Concl,
    ConclusionDef,
    DateChoice,
    Fact,
    Greater,
    GreaterThanShare,
    Has,
    Known,
    Not,
    ObligationDef,
    Otherwise,
    Rule,
    RuleModule,
    Source,
    Tri,
)
from aiact.engine.conditions import Condition

from .fines import GPAI_PROVIDERS

ROLES = "operator.roles"
COMPUTE = "artefact.training_compute_flop"
MODIFIES = "gpai.modifies_other_model"
MODIFIED_FROM = "gpai.modified_from"
MODIFICATION = "gpai.modification_compute_flop"
SHARE = "gpai.modification_compute_share"
UPSTREAM = "gpai.upstream_training_compute_flop"
DESIGNATED = "gpai.designated_systemic_risk"
HIGH_IMPACT = "gpai.high_impact_capabilities"

SYSTEMIC_RISK_THRESHOLD = Fraction(10**25)
"""Art. 51(2): high-impact capabilities presumed above this cumulative training compute."""
GPAI_CRITERION = Fraction(10**23)
"""Guidelines section 2.1: the indicative compute criterion for a GPAI model."""
ONE_THIRD = Fraction(1, 3)
"""Guidelines section 3.2: a modification above a third of the original's compute is significant (exact)."""
ONE_THIRD_PERCENT = Fraction(100, 3)
"""The one-third test on a share given in percent: more than 33 1/3 %."""
ONE_THIRD_IS_INDICATIVE = (
    "The one-third criterion is indicative; a modification that otherwise changes generality, capabilities "
    "or systemic risk significantly is not computed."
)

GPAI_MODEL = Concl("gpai_model")
PROVIDER_ROLE = Has(ROLES, ("provider",))
IS_MODIFICATION = Fact(MODIFIES) | Known(MODIFIED_FROM)
"""The artefact modifies another provider's model: said so (``gpai.modifies_other_model``), or the facts name
the original (``gpai.modified_from``: a stated name is a stated yes). Not a modification only when answered no
with no original named; silence on both leaves it open."""
SHARE_GIVEN = Known(SHARE)
"""The modifier's own share of the original's compute prevails over the two FLOP figures (it is the test itself)."""
UPSTREAM_UNKNOWN = Not(Known(UPSTREAM))
"""The guidelines' fallback thresholds apply only when nothing is said about the original's compute."""
UPSTREAM_KNOWN = Known(UPSTREAM)
BY_FLOP = Not(SHARE_GIVEN)

SYSTEMIC_SUBSTITUTE = SYSTEMIC_RISK_THRESHOLD * ONE_THIRD
"""Guidelines 3.2: the threshold for a modification when the systemic-risk original's compute is unknown."""
GENERAL_SUBSTITUTE = GPAI_CRITERION * ONE_THIRD
"""Guidelines 3.2: the threshold for a modification when any other original's compute is unknown."""
NEAR_SYSTEMIC_THRESHOLD = Greater(COMPUTE, SYSTEMIC_RISK_THRESHOLD / 3)
"""The compute lies above a third of 10^25 FLOP: within the estimate band of the presumption (``compute_estimate``)."""

gpai_upstream_systemic_risk = ConclusionDef(
    id="gpai_upstream_systemic_risk",
    title="The original of a modified model has systemic risk",
    area="gpai",
    internal=True,
    rules=(
        Rule(
            "art51_2.upstream_above_threshold", "Art. 51(2)",
            "The original model was trained with more than 10^25 FLOP and is presumed to have systemic risk.",
            IS_MODIFICATION & UPSTREAM_KNOWN & Greater(UPSTREAM, SYSTEMIC_RISK_THRESHOLD), Tri.YES,
        ),
        Rule(
            "art51_2.upstream_at_most_threshold", "Art. 51(2)",
            "The original model was trained with at most 10^25 FLOP, so the presumption does not apply to it.",
            IS_MODIFICATION & Not(Greater(UPSTREAM, SYSTEMIC_RISK_THRESHOLD)), Tri.NO,
            not_formalised="A Commission designation of the original (Art. 51(1)(b)) is not recorded in the "
            "facts; the original is judged by its compute alone.",
        ),
        Rule(
            "art51_2.cumulative_at_most_threshold", "Art. 51(2), Recital 111",
            "This model's cumulative training compute, which includes the original's, is at most 10^25 FLOP, "
            "so the original's compute is too and the presumption does not apply to it.",
            UPSTREAM_UNKNOWN & Not(Greater(COMPUTE, SYSTEMIC_RISK_THRESHOLD)), Tri.NO,
            not_formalised="A Commission designation of the original (Art. 51(1)(b)) is not recorded in the "
            "facts; the original is judged by its compute alone.",
        ),
        Rule(
            "art51.no_original_model", "Art. 51(1), Recital 109",
            "The facts name no original model that this one modifies, so there is no original to assess.",
            Not(IS_MODIFICATION), Tri.NO, source=Source.GUIDELINES,
        ),
    ),
    otherwise=Otherwise(
        "art51.upstream_unknown", "Art. 51(1)",
        "Whether the original model has systemic risk is not recorded beyond its training compute, which is "
        "unknown.",
        then=Tri.UNDETERMINED,
    ),
)
"""The guidelines' fallback thresholds and the modified model's systemic risk both turn on this."""

# --- who is the provider of the modified model -----------------------------------------------------------------

gpai_modifier_is_provider = ConclusionDef(
    id="gpai_modifier_is_provider",
    title="A downstream modifier becomes the provider of the modified GPAI model",
    area="gpai",
    internal=True,
    rules=(
        Rule(
            "art3_63.not_a_model", "Art. 3(63)",
            "Only a general-purpose AI model can be modified into another one.",
            Not(GPAI_MODEL), Tri.NO,
        ),
        Rule(
            "art3_3.not_a_modification", "Art. 3(3), Recital 109",
            "The model is not a modification of another provider's model, so nobody becomes its provider "
            "through a modification.",
            Not(IS_MODIFICATION), Tri.NO, source=Source.GUIDELINES,
        ),
        Rule(
            "art3_3.share_above_one_third", "Art. 3(3), Recital 109",
            "The modification used more than a third of the original model's training compute (the share "
            "given), a significant change that makes the modifier the provider of the modified model.",
            GPAI_MODEL & IS_MODIFICATION & SHARE_GIVEN & Greater(SHARE, ONE_THIRD_PERCENT),
            Tri.YES, source=Source.GUIDELINES, reading="compute_estimate",
            not_formalised=ONE_THIRD_IS_INDICATIVE,
        ),
        Rule(
            "art3_3.share_at_most_one_third", "Art. 3(3), Recital 109",
            "The modification used at most a third of the original model's training compute (the share "
            "given), so the original provider remains the provider of the model.",
            GPAI_MODEL & IS_MODIFICATION & SHARE_GIVEN & Not(Greater(SHARE, ONE_THIRD_PERCENT)),
            Tri.NO, source=Source.GUIDELINES, reading="compute_estimate",
        ),
        Rule(
            "art3_3.modification_above_one_third", "Art. 3(3), Recital 109",
            "The modification used more than a third of the original model's training compute, a significant "
            "change that makes the modifier the provider of the modified model.",
            GPAI_MODEL & IS_MODIFICATION & BY_FLOP & UPSTREAM_KNOWN
            & GreaterThanShare(MODIFICATION, UPSTREAM, ONE_THIRD),
            Tri.YES, source=Source.GUIDELINES, reading="compute_estimate",
            not_formalised=ONE_THIRD_IS_INDICATIVE,
        ),
        Rule(
            "art3_3.modification_at_most_one_third", "Art. 3(3), Recital 109",
            "The modification used at most a third of the original model's training compute, so the "
            "original provider remains the provider of the model.",
            GPAI_MODEL & IS_MODIFICATION & BY_FLOP & UPSTREAM_KNOWN
            & Not(GreaterThanShare(MODIFICATION, UPSTREAM, ONE_THIRD)),
            Tri.NO, source=Source.GUIDELINES, reading="compute_estimate",
        ),
        Rule(
            "art3_3.fallback_above_both_thresholds", "Art. 3(3), Recital 109",
            "The original's compute is unknown and the modification used more than a third of 10^25 FLOP, "
            "which exceeds the guidelines' substitute threshold whatever the original model.",
            GPAI_MODEL & IS_MODIFICATION & BY_FLOP & UPSTREAM_UNKNOWN & Greater(MODIFICATION, SYSTEMIC_SUBSTITUTE),
            Tri.YES, source=Source.GUIDELINES,
        ),
        Rule(
            "art3_3.fallback_below_both_thresholds", "Art. 3(3), Recital 109",
            "The original's compute is unknown and the modification used at most a third of 10^23 FLOP, "
            "below the guidelines' substitute threshold whatever the original model.",
            GPAI_MODEL & IS_MODIFICATION & BY_FLOP & UPSTREAM_UNKNOWN & Not(Greater(MODIFICATION, GENERAL_SUBSTITUTE)),
            Tri.NO, source=Source.GUIDELINES,
        ),
        Rule(
            "art3_3.fallback_systemic_original", "Art. 3(3), Recital 109",
            "The original's compute is unknown and it has systemic risk: a modification of at most a third of "
            "10^25 FLOP does not make the modifier a provider.",
            GPAI_MODEL & IS_MODIFICATION & BY_FLOP & UPSTREAM_UNKNOWN & Concl("gpai_upstream_systemic_risk")
            & Not(Greater(MODIFICATION, SYSTEMIC_SUBSTITUTE)),
            Tri.NO, source=Source.GUIDELINES,
        ),
        Rule(
            "art3_3.fallback_other_original", "Art. 3(3), Recital 109",
            "The original's compute is unknown and it has no systemic risk: a modification of more than a "
            "third of 10^23 FLOP makes the modifier a provider.",
            GPAI_MODEL & IS_MODIFICATION & BY_FLOP & UPSTREAM_UNKNOWN & Not(Concl("gpai_upstream_systemic_risk"))
            & Greater(MODIFICATION, GENERAL_SUBSTITUTE),
            Tri.YES, source=Source.GUIDELINES,
            not_formalised="Whether an original of unknown compute has systemic risk is not recorded in the "
            "facts: between the two substitute thresholds the result stays open.",
        ),
    ),
    otherwise=Otherwise(
        "art3_3.no_significant_modification", "Art. 3(3), Recital 109",
        "No modification large enough to make this operator the provider of a GPAI model is established.",
        source=Source.GUIDELINES,
    ),
)

gpai_provider = ConclusionDef(
    id="gpai_provider",
    title="This operator is the provider of a general-purpose AI model (Art. 3(3))",
    area="gpai",
    internal=True,
    rules=(
        Rule(
            "art3_3.provider_of_gpai_model", "Art. 3(3)",
            "The operator develops the general-purpose AI model, or has it developed, and places it on the "
            "market under its own name.",
            GPAI_MODEL & PROVIDER_ROLE, Tri.YES,
        ),
        Rule(
            "art3_3.modifier_becomes_provider", "Art. 3(3), Recital 109",
            "By modifying someone else's model significantly, the operator becomes the provider of the "
            "modified model.",
            Concl("gpai_modifier_is_provider"), Tri.YES, source=Source.GUIDELINES,
        ),
        Rule(
            "art3_3.minor_modifier_not_model_provider", "Art. 3(3), Recital 109",
            "The operator only modified another provider's model below the significance threshold, so the "
            "original provider remains the provider of the model.",
            GPAI_MODEL & IS_MODIFICATION & Not(Concl("gpai_modifier_is_provider")), Tri.NO,
            overrides=("art3_3.provider_of_gpai_model",), source=Source.GUIDELINES,
        ),
        Rule(
            "art3_3.not_a_gpai_model", "Art. 3(63)",
            "The artefact is not a general-purpose AI model, so nobody is its provider under Chapter V.",
            Not(GPAI_MODEL), Tri.NO,
        ),
        Rule(
            "art3_3.not_provider", "Art. 3(3)",
            "The operator is not the model's provider and did not become one by modifying it.",
            Not(PROVIDER_ROLE) & Not(Concl("gpai_modifier_is_provider")), Tri.NO,
        ),
    ),
    otherwise=Otherwise(
        "art3_3.not_gpai_provider", "Art. 3(3)",
        "Nothing establishes that this operator provides a general-purpose AI model.",
    ),
)

# --- systemic risk ---------------------------------------------------------------------------------------------

MODIFIED_SYSTEMIC = Concl("gpai_modifier_is_provider") & Concl("gpai_upstream_systemic_risk")
HIGH_IMPACT_FOUND = Known(HIGH_IMPACT) & Fact(HIGH_IMPACT)
"""An evaluation has found high-impact capabilities (the user answers yes)."""
NO_HIGH_IMPACT_FINDING = Not(Fact(HIGH_IMPACT)) | (Not(Known(HIGH_IMPACT)) & Not(NEAR_SYSTEMIC_THRESHOLD))
"""No evaluation has found high-impact capabilities: answered no, or unanswered far below the presumption.

Art. 51(1)(a) rests on capabilities *found* by evaluation with tools and benchmarks, and the Act makes
the compute threshold of Art. 51(2) the operative proxy; a model well below it, not designated, and with no
such finding is not classified as having systemic risk (the reading of the Commission's and the Dutch
government's checkers, which ask only compute and designation). Within the estimate band of 10^25 FLOP
(above a third of it, as ``compute_estimate`` defines the band), silence is not read as "no finding": the
evaluation is asked and systemic risk stays open until it is answered."""

gpai_systemic_risk = ConclusionDef(
    id="gpai_systemic_risk",
    title="GPAI model with systemic risk (Art. 51)",
    area="gpai",
    rules=(
        Rule(
            "art51_1_a.high_impact_capabilities", "Art. 51(1)(a), Art. 3(64)",
            "Evaluation shows capabilities matching or exceeding those of the most advanced models: the model "
            "has systemic risk.",
            GPAI_MODEL & HIGH_IMPACT_FOUND, Tri.YES,
            not_formalised="Whether capabilities are high-impact is evaluated with benchmarks and tools: "
            "asked, not computed.",
        ),
        Rule(
            "art51_2.compute_presumption", "Art. 51(2)",
            "Cumulative training compute above 10^25 FLOP raises the presumption of high-impact capabilities.",
            GPAI_MODEL & Greater(COMPUTE, SYSTEMIC_RISK_THRESHOLD), Tri.YES, reading="compute_estimate",
            not_formalised="A provider's rebuttal under Art. 52(2)-(3) stands only if the Commission accepts "
            "it; no such decision is recorded, so the presumption is applied.",
        ),
        Rule(
            "art51_1_b.commission_designation", "Art. 51(1)(b), Art. 52(4)",
            "The Commission has designated the model as having systemic risk, on the Annex XIII criteria.",
            GPAI_MODEL & Fact(DESIGNATED), Tri.YES,
        ),
        Rule(
            "art51_2.modified_systemic_model", "Art. 51(2), Recital 109",
            "Whoever becomes the provider of a modified model whose original has systemic risk is presumed "
            "to provide a model with systemic risk too.",
            GPAI_MODEL & MODIFIED_SYSTEMIC, Tri.YES, source=Source.GUIDELINES,
        ),
        Rule(
            "art51.no_route", "Art. 51(1), Art. 51(2)",
            "The model was not designated, its training compute is at most 10^25 FLOP, and no evaluation "
            "has found high-impact capabilities.",
            GPAI_MODEL & Not(Fact(DESIGNATED)) & NO_HIGH_IMPACT_FINDING
            & Not(Greater(COMPUTE, SYSTEMIC_RISK_THRESHOLD)) & Not(MODIFIED_SYSTEMIC),
            Tri.NO, reading="compute_estimate",
            not_formalised="High-impact capabilities count only when an evaluation has found them (the "
            "user answers yes); until then the Art. 51(2) compute threshold stands in for them, as in the "
            "Commission's and the Dutch government's checkers.",
        ),
        Rule(
            "art51.not_a_gpai_model", "Art. 51(1), Art. 3(63)",
            "Only a general-purpose AI model can have systemic risk under Art. 51.",
            Not(GPAI_MODEL), Tri.NO,
        ),
    ),
    otherwise=Otherwise(
        "art51.not_systemic", "Art. 51(1)",
        "No route to systemic risk under Art. 51 is established.",
    ),
)

gpai_high_impact = ConclusionDef(
    id="gpai_high_impact",
    title="The model meets Art. 51(1)(a): high-impact capabilities, found or presumed",
    area="gpai",
    internal=True,
    rules=(
        Rule(
            "art51_1_a.capabilities_found", "Art. 51(1)(a), Art. 3(64)",
            "Evaluation has found capabilities matching or exceeding those of the most advanced models.",
            GPAI_MODEL & HIGH_IMPACT_FOUND, Tri.YES,
        ),
        Rule(
            "art51_2.capabilities_presumed", "Art. 51(2)",
            "Cumulative training compute above 10^25 FLOP presumes high-impact capabilities.",
            GPAI_MODEL & Greater(COMPUTE, SYSTEMIC_RISK_THRESHOLD), Tri.YES, reading="compute_estimate",
        ),
        Rule(
            "art51_2.modified_high_impact_model", "Art. 51(2), Recital 109",
            "A significant modification of a model with systemic risk is presumed to keep its high-impact "
            "capabilities.",
            GPAI_MODEL & MODIFIED_SYSTEMIC, Tri.YES, source=Source.GUIDELINES,
        ),
        Rule(
            "art51_1_a.not_met", "Art. 51(1)(a), Art. 51(2)",
            "No evaluation has found high-impact capabilities and the training compute is at most 10^25 FLOP.",
            NO_HIGH_IMPACT_FINDING & Not(Greater(COMPUTE, SYSTEMIC_RISK_THRESHOLD)) & Not(MODIFIED_SYSTEMIC),
            Tri.NO, reading="compute_estimate",
        ),
        Rule(
            "art51_1_a.not_a_gpai_model", "Art. 51(1), Art. 3(63)",
            "Only a general-purpose AI model can have high-impact capabilities under Art. 51.",
            Not(GPAI_MODEL), Tri.NO,
        ),
    ),
    otherwise=Otherwise(
        "art51_1_a.not_established", "Art. 51(1)(a)",
        "High-impact capabilities are neither found nor presumed.",
    ),
)
"""Art. 52(1): the notification concerns a model meeting Art. 51(1)(a); a model that only the Commission
designated under Art. 51(1)(b) has nothing to notify. Kept as its own node so that the unanswered finding is
asked only while this step is open, like systemic risk itself."""

# --- the open-source carve-out ---------------------------------------------------------------------------------

PUBLICATION = ("release.weights_public", "release.architecture_info_public", "release.usage_info_public")

oss_exemption_gpai = ConclusionDef(
    id="oss_exemption_gpai",
    title="Open-source exemption for GPAI models (Art. 53(2), 54(6))",
    area="gpai",
    rules=(
        Rule(
            "art53_2.open_source_model", "Art. 53(2), Art. 54(6), Recital 102",
            "The model is released under a free and open-source licence, with its weights, architecture and "
            "usage information public, and is not monetised.",
            GPAI_MODEL & Concl("free_open_source_licence") & All(*(Fact(p) for p in PUBLICATION))
            & Not(Concl("monetised")),
            Tri.YES, reading="models_vs_systems",
        ),
        Rule(
            "art53_2.systemic_risk", "Art. 53(2), Art. 54(6), Recital 104",
            "The open-source exemption does not apply to a general-purpose AI model with systemic risk.",
            Concl("gpai_systemic_risk"), Tri.NO, overrides=("art53_2.open_source_model",),
        ),
        Rule(
            "art53_2.licence_not_open", "Art. 53(2), Recital 102",
            "The model is not released under a free and open-source licence allowing access, use, "
            "modification and distribution.",
            Not(Concl("free_open_source_licence")), Tri.NO,
        ),
        Rule(
            "art53_2.weights_not_public", "Art. 53(2)",
            "The model's parameters, including the weights, are not made publicly available.",
            Not(Fact("release.weights_public")), Tri.NO,
        ),
        Rule(
            "art53_2.architecture_not_public", "Art. 53(2)",
            "Information on the model architecture is not made publicly available.",
            Not(Fact("release.architecture_info_public")), Tri.NO,
        ),
        Rule(
            "art53_2.usage_not_public", "Art. 53(2)",
            "Information on the model's usage is not made publicly available.",
            Not(Fact("release.usage_info_public")), Tri.NO,
        ),
        Rule(
            "art53_2.monetised", "Recital 103, Art. 53(2)",
            "A model provided against a price or otherwise monetised does not benefit from the open-source "
            "exemption.",
            Concl("monetised"), Tri.NO, reading="monetisation_scope",
        ),
        Rule(
            "art53_2.not_a_gpai_model", "Art. 53(2), Art. 3(63)",
            "The exemption of Art. 53(2) and 54(6) concerns general-purpose AI models only.",
            Not(GPAI_MODEL), Tri.NO,
        ),
    ),
    otherwise=Otherwise(
        "art53_2.not_exempt", "Art. 53(2)",
        "The conditions of the open-source exemption for general-purpose AI models are not established.",
    ),
)

# --- obligations -----------------------------------------------------------------------------------------------

APPLIES = (
    Concl("act_applies") & Concl("placed_on_market") & Concl("gpai_provider")
    & (PROVIDER_ROLE | Concl("gpai_modifier_is_provider"))
)
"""The Act reaches this operator as the provider of a GPAI model placed on the Union market."""

LEGACY = (DateChoice(Before("market.first_placed_on", date(2025, 8, 2)), "gpai_legacy"),)
"""Art. 111(3): a model placed on the market before 2 August 2025 has until 2 August 2027."""

FINE = "Art. 101(1): up to EUR 15 million or 3 % of worldwide annual turnover, whichever is higher"
EXEMPTION = ("oss_exemption_gpai",)


def _duty(
    oid: str, citation: str, duty: str, entails: str, when: Condition | None = None, exempt: bool = False,
) -> ObligationDef:
    """A Chapter V duty of the model's provider, dated by Art. 113(b) or Art. 111(3); fined under Art. 101
    from 2 August 2026 (Art. 113(b))."""
    return ObligationDef(
        id=oid, citation=citation, role="provider", duty=duty,
        applies_when=APPLIES if when is None else APPLIES & when,
        date_key="chapter_v", date_choices=LEGACY, exempted_by=EXEMPTION if exempt else (),
        fine=FINE, area="gpai", concerns="model", entails=entails, fine_tier=GPAI_PROVIDERS,
    )


OBLIGATIONS = (
    _duty(
        "art_53_1_a_technical_documentation", "Art. 53(1)(a), Annex XI",
        "Draw up and keep up to date the model's technical documentation (training, testing, evaluation; "
        "Annex XI) and give it to the AI Office on request; for a modifier, on the modification.",
        "Write and maintain a technical file on the model: its architecture, training process and data, "
        "compute and energy use, evaluations and limitations (Annex XI), and hand it to the AI Office or "
        "national authorities when they ask. A modifier documents its modification only.",
        exempt=True,
    ),
    _duty(
        "art_53_1_b_downstream_information", "Art. 53(1)(b), Annex XII",
        "Make information and documentation available to providers integrating the model into their systems "
        "(Annex XII), so they understand its capabilities and limits and can meet their own duties.",
        "Prepare an information pack for downstream providers (Annex XII): what the model can and cannot do, "
        "its modalities, how to integrate it and the acceptable uses, and keep it current. It must let them "
        "meet their own duties without exposing your trade secrets.",
        exempt=True,
    ),
    _duty(
        "art_53_1_c_copyright_policy", "Art. 53(1)(c)",
        "Put in place a policy to comply with Union copyright law, including identifying and honouring "
        "text-and-data-mining opt-outs (Art. 4(3) of Directive (EU) 2019/790).",
        "Adopt a written copyright policy covering the whole model lifecycle, including how crawlers detect "
        "and honour machine-readable text-and-data-mining reservations. The Code of Practice's copyright "
        "chapter is one way to show compliance.",
    ),
    _duty(
        "art_53_1_d_training_content_summary", "Art. 53(1)(d)",
        "Draw up and publish a sufficiently detailed summary of the content used for training, using the AI "
        "Office's template.",
        "Publish a summary of the training content on the AI Office's template: the main data sets and "
        "sources, the domains scraped, and how the data was processed. It must be detailed enough for "
        "rightholders to exercise their rights, without revealing trade secrets.",
    ),
    _duty(
        "art_54_authorised_representative", "Art. 54(1)",
        "Before placing the model on the Union market, appoint by written mandate an authorised representative "
        "established in the Union.",
        "Sign a written mandate with a person established in the Union who keeps the model's documentation "
        "for ten years, cooperates with the AI Office and can be addressed instead of you. Do this before "
        "the model is placed on the Union market.",
        when=Not(Fact("operator.established_in_eu")), exempt=True,
    ),
    _duty(
        "art_52_notify_commission", "Art. 52(1)",
        "Notify the Commission within two weeks of the model meeting, or becoming known to meet, the "
        "high-impact-capabilities condition, with any arguments that it exceptionally does not present systemic "
        "risk.",
        "Send the Commission a notification as soon as the model meets or is known to be going to meet the "
        "10^25 FLOP presumption or otherwise has high-impact capabilities, at the latest within two weeks. "
        "You may argue in it that the model nonetheless does not present systemic risk.",
        when=Concl("gpai_high_impact"),
    ),
    _duty(
        "art_55_systemic_risk_duties", "Art. 55(1)",
        "Evaluate the model with adversarial testing, assess and mitigate systemic risks, track and report "
        "serious incidents to the AI Office, and ensure adequate cybersecurity.",
        "Run state-of-the-art evaluations including adversarial testing, keep a Union-level systemic-risk "
        "assessment and mitigation process, document and report serious incidents to the AI Office without "
        "undue delay, and protect the model and its infrastructure. The Code of Practice's safety and "
        "security chapter describes the expected practice.",
        when=Concl("gpai_systemic_risk"),
    ),
)

MODULE = RuleModule(
    conclusions=(
        gpai_upstream_systemic_risk, gpai_modifier_is_provider, gpai_provider, gpai_systemic_risk, gpai_high_impact,
        oss_exemption_gpai,
    ),
    obligations=OBLIGATIONS,
    notes=(
        "GPAI: whether capabilities are high-impact (Art. 51(1)(a), Art. 3(64)) is evaluated with benchmarks "
        "and tools: asked (gpai.high_impact_capabilities), not computed. The Art. 51(2) presumption applies "
        "above 10^25 FLOP whatever that answer, since only the Commission can accept a rebuttal "
        "(Art. 52(2)-(3)), and no such decision is recorded.",
        "GPAI: a Commission designation (Art. 51(1)(b), Annex XIII) is asked, not predicted from the Annex XIII "
        "criteria (parameters, reach, registered users).",
        "GPAI: the one-third criterion for modifiers (Commission guidelines, section 3.2) is indicative; "
        "other significant changes in generality, capabilities or systemic risk are not computed. When the "
        "original's compute is unknown and the modification lies between a third of 10^23 and a third of "
        "10^25 FLOP, the substitute threshold turns on the original's systemic risk, which is left open.",
        "GPAI: whether the model modifies another provider's model is asked (gpai.modifies_other_model); a "
        "named original (gpai.modified_from) is a stated yes. Unanswered, the provider of the model and the "
        "Chapter V duties stay undetermined. A share of the original's compute "
        "(gpai.modification_compute_share) settles the one-third test directly and prevails over FLOP figures; "
        "the guidelines' substitute thresholds apply only when nothing is said about the original's compute "
        "(a band of it is used as given). The original's systemic risk is judged by its compute alone (a "
        "designation of the original is not recorded), and the modified model's training_compute_flop is read "
        "as cumulative (recital 111), so at most 10^25 FLOP there rules out a systemic-risk original.",
        "GPAI: numbers are compared exactly (fractions from the decimals written), never in floating point: "
        "a modification of exactly a third of the original's compute (1e25 of 3e25) is not more than a third. "
        "A number fact may be a bound (<1e23, >1e25), a band (1e23-1e25: more than the first, at most the "
        "second) or an estimate (about 3e24, compared as the figure); a conclusion a bound or band does not "
        "settle stays undetermined.",
        "GPAI: an unanswered high-impact evaluation (Art. 51(1)(a)) counts as no finding only below a third of "
        "10^25 FLOP; within the estimate band of the presumption (compute_estimate) it is asked and keeps "
        "systemic risk open.",
        "GPAI: a modifier who becomes a provider owes the duties limited to its modification (recital 109); "
        "the obligations are listed in full and their texts say so.",
        "GPAI: whether the usage information is detailed enough (modalities, capabilities, limitations, "
        "integration means; guidelines section 4.2.3) is folded into release.usage_info_public.",
        "GPAI: the notification duty of Art. 52(1) is listed only where the model meets Art. 51(1)(a) "
        "(high-impact capabilities found, or presumed by compute or as a significant modification of a "
        "systemic-risk model); a model only designated under Art. 51(1)(b) owes Art. 55 but nothing to notify.",
    ),
)
