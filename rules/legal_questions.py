"""The questions the Act leaves open, each raised only where these facts make it bite.

The catalogue follows the project's list of open legal questions. Each entry
says what is unsettled, why it matters for the facts at hand, the competing
readings, which conclusions turn on it, and the working reading the rule base
takes (rules that adopt it carry ``reading=<id>``, and the memo marks the
conclusions resting on them). Triggers are conditions like any rule's, so a
question is raised or not by the same engine, never by ad-hoc code.

``ConclIn`` and ``Known`` look at *whether* something is settled: that is
exactly what a trigger such as "while the exemption is still undetermined"
needs, and why they appear here and in no ordinary rule.
"""

from datetime import date

from aiact.engine import (
    All,
    Any,
    Before,
    Concl,
    ConclIn,
    Empty,
    Fact,
    Greater,
    Has,
    Known,
    LawInForce,
    LegalQuestion,
    Not,
    Tri,
)
from aiact.engine.dates import OMNIBUS

from .definitions import LANGUAGE, MODALITIES, TEXT_PROMPTED, VISUAL
from .high_risk import SECTION_B_ONLY
from .obligations import AI_LITERACY_APPLIES, CHANGE_STATED

YES_OR_OPEN = (Tri.YES, Tri.UNDETERMINED)
OPEN = (Tri.UNDETERMINED,)
NOT_YES = (Tri.NO, Tri.UNDETERMINED)

PUBLISHED_FOR_DOWNLOAD = Has("market.channels", ("public_repository", "download"))
USE_RESTRICTIONS = ("acceptable_use_policy", "safety_use_restrictions", "user_threshold", "use_case_licence")
CONTESTED_MONETISATION = (
    "personal_data", "paid_exclusive_hosting", "required_paid_services", "optional_paid_services",
    "paid_system_built_on_it",
    "dual_licensing",
)
OPEN_SOURCE_IN_PLAY = ConclIn("free_open_source_licence", YES_OR_OPEN)
UNCONTESTED_DISQUALIFIERS = ("non_commercial", "research_only", "no_redistribution", "no_derivatives")
LICENCE_FAILS_ANYWAY = Any(
    Has("release.licence_restrictions", UNCONTESTED_DISQUALIFIERS),
    *(Known(f"release.licence_grants.{g}") & Not(Fact(f"release.licence_grants.{g}"))
      for g in ("access", "use", "modify", "redistribute")),
)
"""The licence is not free and open-source on any reading: a right withheld, or a non-commercial, research-only,
no-redistribution or no-derivatives term, which no side of the use-restriction debate defends."""
AN_EXEMPTION_OPEN = Any(
    ConclIn("oss_exemption_gpai", OPEN), ConclIn("oss_exemption_ai_system", OPEN),
    ConclIn("oss_exemption_component", OPEN),
)
"""An open-source exemption still turns on something: an unknown licence term or monetisation then matters."""

ACT_OPEN_RELEASE = All(
    Concl("free_open_source_licence"),
    Fact("release.weights_public"),
    Fact("release.architecture_info_public"),
    Fact("release.usage_info_public"),
    Not(Concl("monetised")),
)
OSAID_COMPONENTS = All(
    Fact("release.weights_public"),
    Fact("release.data_information_public"),
    Fact("release.training_code_public"),
    Fact("release.inference_code_public"),
)


def _near(path: str, threshold: float) -> All:
    """Within a factor of three of a compute threshold, on either side."""
    return All(Greater(path, threshold / 3), Not(Greater(path, threshold * 3)))


REACH_POSSIBLE = Any(
    ConclIn("territorial_scope_ai_system", YES_OR_OPEN), ConclIn("territorial_scope_gpai_model", YES_OR_OPEN)
) & ConclIn("scope_exclusion", NOT_YES)
"""Art. 2: a point of Art. 2(1) reaches this operator, or may, and no exclusion is established. Where Art. 2
settles that the Act does not reach it at all (no role, an importer whose system never reaches the Union, an
exclusion), the questions about exemptions, dates and duties cannot change anything for it and are not
raised. The questions that may themselves decide the reach are raised as before: publication as placing,
the compute estimate and the indicative criterion (whether there is a general-purpose model to be reached
for)."""

COMPUTE = "artefact.training_compute_flop"
NON_GENERATIVE = Known(MODALITIES) & Not(Has(MODALITIES, LANGUAGE)) & (
    Not(Has(MODALITIES, VISUAL)) | (Known(TEXT_PROMPTED) & Not(Fact(TEXT_PROMPTED)))
)
"""The modality side of the indicative GPAI criterion is settled unmet, so its compute cannot meet it: the stated
outputs hold no language, and any images or video are stated not to come from text prompts (the rule
art3_63.no_generative_modality holding). Two-valued, as a trigger needs: while either fact is open it is no, so
the compute question is still raised."""

PUBLICATION_DECIDES_PLACING = All(
    Not(Has("market.channels", ("api", "hosted_app", "embedded_in_product"))),
    Not(Known("market.commercial_activity") & Fact("market.commercial_activity")),
    Not(Known("release.monetisation") & Has("release.monetisation", ("price",))),
    Not(Known("market.placed_on_market")),
)
"""Only the publication can make the system available: no API, app or product supplies it anyway, it is not
sold, the supply is not said to be commercial, and the placing itself has not been answered. A "no commercial
activity" answer does not settle it: that "not placed" then follows is exactly what the second reading
presupposes and the first denies, so the question is raised there too (a "yes" settles Art. 3(10) for both)."""

QUESTIONS = (
    LegalQuestion(
        id="hosting_is_placing",
        question="Does publishing this AI system on a public code host or model hub, free of charge, "
        "place it on the market or put it into service?",
        why="The system is an AI system offered for download or on a public repository, and nothing else (an "
        "API, app or product, a price, a commercial supply) settles whether it is made available; where the "
        "file says there is no commercial activity, 'not placed on the market' rests on that answer alone. "
        "The Commission's "
        "guidelines treat uploading a general-purpose AI model to a public repository as placing it on "
        "the market, but nothing settles this for AI systems, and Art. 3(10) speaks of supply 'in the "
        "course of a commercial activity'.",
        readings=(
            "Yes: making the system available for download in the Union is its first making available, "
            "whether for payment or free of charge (Art. 3(9)-(10)), as the guidelines hold for models. "
            "Then the provider is reached under Art. 2(1)(a), and an open-source system loses Art. 2(12) if "
            "it is high-risk, prohibited or under Art. 50.",
            "No: free publication outside any commercial activity is not 'making available on the market'; "
            "the system is placed on the market or put into service only when someone supplies or uses it "
            "in the course of a commercial activity. Then the publisher is not reached as provider for the "
            "publication, and Art. 2(12)'s carve-backs do not bite until someone places or uses it.",
        ),
        affects=("placed_on_market", "put_into_service", "oss_exemption_ai_system", "act_applies"),
        citations=("Art. 3(9)", "Art. 3(10)", "Art. 3(11)", "Art. 2(12)"),
        trigger=Concl("ai_system") & PUBLISHED_FOR_DOWNLOAD & PUBLICATION_DECIDES_PLACING,
        working_reading="Publication for download is treated as placing on the market, as for GPAI "
        "models, unless the facts say the supply is outside any commercial activity; in that case the "
        "system is taken as not placed, which is the second reading.",
    ),
    LegalQuestion(
        id="art_2_12_reach",
        question="When Art. 2(12) exempts this open-source AI system, is it outside the whole Act, or only "
        "outside the provider's duties? And is a system that is in use, but neither placed on the market "
        "nor put into service as high-risk, fully exempt?",
        why="The open-source exemption for AI systems is yes or still undetermined for these facts, and "
        "the Act does not say how far it reaches (AI literacy under Art. 4, use by deployers).",
        readings=(
            "Whole Act: 'this Regulation does not apply' means no duty of the Act attaches to the system, "
            "for any operator, unless it becomes high-risk, prohibited or subject to Art. 50.",
            "Provider duties only: the exemption relieves those who release the system openly, while "
            "deployers and others who use it remain bound (Art. 4, Art. 26 where relevant).",
        ),
        affects=("oss_exemption_ai_system", "act_applies"),
        citations=("Art. 2(12)", "Art. 4", "Recital 103"),
        trigger=REACH_POSSIBLE & ConclIn("oss_exemption_ai_system", YES_OR_OPEN),
        working_reading="The whole Act is read as not applying to the exempted system; duties that "
        "depend on it are shown as lifted by oss_exemption_ai_system.",
    ),
    LegalQuestion(
        id="third_party_puts_into_service",
        question="If someone else takes this openly released system and puts it into service for a "
        "high-risk or prohibited purpose, who carries the provider duties: the original developer, or "
        "the third party under Art. 25?",
        why="The operator releases the system for download under a licence that is, or may be, free and "
        "open-source and without monetisation, does not deploy it itself, and the system is, or may be, "
        "usable for a high-risk or Art. 5 purpose.",
        readings=(
            "The third party: whoever puts the system into service for a high-risk purpose under its own "
            "name, or changes its intended purpose, becomes its provider (Art. 25(1)(a)-(c)).",
            "The original developer: the system was placed on the market by its developer, who remains "
            "the provider of the system it released (Art. 3(3)), at least until Art. 25(1) applies.",
        ),
        affects=("becomes_provider", "oss_exemption_ai_system"),
        citations=("Art. 25(1)", "Art. 25(2)", "Art. 2(12)", "Art. 3(3)"),
        trigger=All(
            REACH_POSSIBLE,
            Concl("ai_system"),
            PUBLISHED_FOR_DOWNLOAD,
            Known("operator.roles"),
            Has("operator.roles", ("provider",)),
            Not(Has("operator.roles", ("deployer",))),
            OPEN_SOURCE_IN_PLAY,
            ConclIn("monetised", NOT_YES),
            Any(ConclIn("high_risk", YES_OR_OPEN), ConclIn("prohibited_practice", YES_OR_OPEN)),
        ),
        working_reading="The operator is treated as the provider of what it released; a third party "
        "that puts it into service for a high-risk purpose becomes provider under Art. 25(1).",
    ),
    LegalQuestion(
        id="models_vs_systems",
        question="The open-source carve-out for GPAI models speaks of models and their parameters, the "
        "Art. 2(12) carve-out of AI systems: how does the exemption of an open model carry over to a "
        "system built on it, and the other way round?",
        why="The artefact is an AI system built on a general-purpose AI model, or a GPAI model released "
        "together with a system, while an open-source licence is in play.",
        readings=(
            "Separately: the model's exemption (Art. 53(2), 54(6)) and the system's (Art. 2(12)) are "
            "assessed on their own terms; an open model does not make the system exempt, nor the reverse.",
            "Together: where model and system are released as one open package, the openness of the "
            "release carries over, so that the system shares the model's exemption.",
        ),
        affects=("oss_exemption_ai_system", "oss_exemption_gpai"),
        citations=("Art. 2(12)", "Art. 53(2)", "Art. 54(6)", "Art. 3(66)", "Recital 102"),
        trigger=REACH_POSSIBLE
        & OPEN_SOURCE_IN_PLAY
        & (
            (Concl("ai_system") & Fact("artefact.built_on_gpai_model"))
            | (Concl("gpai_model") & Concl("ai_system"))
        ),
        working_reading="Model and system are assessed separately, each under its own carve-out.",
    ),
    LegalQuestion(
        id="monetisation_scope",
        question="Which forms of monetisation remove the open-source exemptions: paid support, a paid "
        "hosted version beside free weights, dual licensing, collecting personal data?",
        why="The release comes with paid services, hosting, dual licensing or use of personal data, or a "
        "microenterprise charges a price (recital 103 spares transactions between microenterprises), or it "
        "is not known whether it is monetised, while an open-source exemption turns on it.",
        readings=(
            "Narrow (the Commission's guidelines): only payment required for access, use, modification "
            "or distribution, support without which the model cannot be used, paid exclusive hosting and "
            "personal data processed beyond security count; optional paid services do not.",
            "Broad (recital 103 read literally): any technical support or service related to the "
            "component, including through a platform, and any use of personal data other than for "
            "security, compatibility or interoperability, removes the exemption.",
        ),
        affects=("monetised", "oss_exemption_gpai", "oss_exemption_ai_system"),
        citations=("Recital 103", "Art. 53(2)", "Art. 54(6)", "Art. 2(12)"),
        trigger=REACH_POSSIBLE
        & OPEN_SOURCE_IN_PLAY
        & (
            (Has("release.monetisation", CONTESTED_MONETISATION) & Not(Has("release.monetisation", ("price",))))
            | (Fact("operator.microenterprise") & Has("release.monetisation", ("price",)))
            | (Not(Known("release.monetisation")) & ConclIn("monetised", OPEN) & AN_EXEMPTION_OPEN)
        ),
        working_reading="The Commission's narrower reading: optional paid services alongside a free "
        "release are not monetisation; personal data processed beyond security is.",
    ),
    LegalQuestion(
        id="restricted_licence",
        question="Does a licence with use restrictions (an acceptable-use policy, a user-count threshold, "
        "field-of-use limits) count as a free and open-source licence under the Act?",
        why="The licence imposes use restrictions, or its terms are unknown while the open-source "
        "question turns on them.",
        readings=(
            "No (the Commission's guidelines): restrictions by user scale, per-use-case commercial "
            "licences and use limits beyond specific, proportionate, safety-oriented terms disqualify "
            "the licence.",
            "Yes (the licensors' view): a licence that lets anyone access, use, modify and redistribute "
            "the model free of charge stays open even if it forbids harmful uses or very large-scale "
            "commercial use.",
        ),
        affects=("free_open_source_licence", "oss_exemption_gpai", "oss_exemption_ai_system"),
        citations=("Art. 53(2)", "Art. 2(12)", "Recital 102"),
        trigger=REACH_POSSIBLE
        & (
            (Has("release.licence_restrictions", USE_RESTRICTIONS) & Not(LICENCE_FAILS_ANYWAY))
            | (
                Not(Known("release.licence_restrictions"))
                & ConclIn("free_open_source_licence", OPEN)
                & AN_EXEMPTION_OPEN
            )
        ),
        working_reading="Scale thresholds and per-use-case licences disqualify (guidelines); acceptable-"
        "use and safety restrictions are left undetermined, since their proportionality is evaluative.",
    ),
    LegalQuestion(
        id="osaid_gap",
        question="Which notion of 'open source' does the provider claim, and on what basis: the Act's "
        "(licence rights, public weights, architecture and usage information, no monetisation) or the "
        "OSI's Open Source AI Definition (which also asks for data information and full code)?",
        why="The release is open under one notion and not under the other.",
        readings=(
            "The Act's own test decides every legal consequence; the OSAID is irrelevant to the "
            "exemptions but matters for claims made to users and the public.",
            "The OSAID, as the recognised standard, informs what 'free and open-source' means in the Act, "
            "so that a release without data information is not open in the Act's sense either.",
        ),
        affects=("oss_exemption_gpai", "oss_exemption_ai_system"),
        citations=("Recital 102", "Recital 104", "Art. 53(2)"),
        trigger=REACH_POSSIBLE
        & (
            (
                ACT_OPEN_RELEASE
                & Any(
                    Not(Fact("release.data_information_public")),
                    Not(Fact("release.training_code_public")),
                    Not(Fact("release.inference_code_public")),
                )
            )
            | (OSAID_COMPONENTS & Concl("free_open_source_licence") & Concl("monetised"))
        ),
        working_reading="The Act's own test is applied; the OSAID is reported beside it in the openness "
        "profile.",
    ),
    LegalQuestion(
        id="compute_estimate",
        question="Is the estimate of cumulative training compute reliable enough to place the model on "
        "the right side of the threshold?",
        why="The training compute is within a factor of three of a threshold (10^23 FLOP for the "
        "indicative GPAI criterion, 10^25 FLOP for the systemic-risk presumption), or unknown while a "
        "conclusion turns on it; estimates are accepted within ±30 % and the method decides.",
        readings=(
            "The provider's own estimate by either accepted method (hardware or architecture-based) "
            "decides, stated to two significant figures with the method.",
            "Borderline estimates must be resolved conservatively: the provider carries the burden of "
            "showing the model lies below the threshold.",
        ),
        affects=("gpai_model", "gpai_systemic_risk"),
        citations=("Art. 51(2)", "Art. 3(63)", "Recital 111", "Art. 52(1)"),
        trigger=(_near(COMPUTE, 1e23) & Not(Known("artefact.gpai_model")) & Not(NON_GENERATIVE))
        | (_near(COMPUTE, 1e25) & ConclIn("gpai_model", YES_OR_OPEN))
        | (Not(Known(COMPUTE)) & Any(ConclIn("gpai_model", OPEN), ConclIn("gpai_systemic_risk", OPEN))),
        working_reading="The compute figure in the fact file is taken as given; the thresholds are "
        "applied strictly ('greater than').",
    ),
    LegalQuestion(
        id="amended_dates",
        question="The dates and prohibitions of Regulation (EU) 2026/1744 come from reports of the "
        "adopted text: do they match the Official Journal, and does the amendment move the Art. 111(2) "
        "cut-off for high-risk systems already on the market?",
        why="A high-risk duty, an Art. 6(3) derogation, one of the new Art. 5 prohibitions or a "
        "transitional rule of Art. 111 applies to these facts, and its date rests on the amendment "
        "as reported. For a high-risk system, Art. 111(2) spares one placed on the market or put into "
        "service before 2 August 2026 and not significantly changed since; one report has the amendment "
        "move that cut-off with the new Chapter III dates, which no text checked here confirms.",
        readings=(
            "As reported: Annex III high-risk rules from 2 Dec 2027, Annex I from 2 Aug 2028, the new "
            "Art. 5 points from 2 Dec 2026, Art. 50(2) for generative systems already on the market by "
            "2 Dec 2026; and, on the one report, the Art. 111(2) cut-off moves to those dates, so an "
            "unchanged high-risk system placed before 2 Dec 2027 (Annex III) or 2 Aug 2028 (Annex I only) "
            "would never owe the high-risk duties (unless meant for public authorities: 2 Aug 2030).",
            "As the text stands: the application dates are as adopted (Annex III from 2 Aug 2026, Annex I "
            "from 2 Aug 2027) until the amended text is checked, and the Art. 111(2) cut-off is 2 Aug 2026 "
            "whatever the amendment does to the application dates, so a high-risk system placed from that "
            "day owes the duties from the applicable date.",
        ),
        affects=("high_risk", "prohibited_practice", "transparency_obligations", "legacy_high_risk_system"),
        citations=("Art. 113", "Art. 111(2)", "Art. 5(1)", "Recital 177"),
        trigger=REACH_POSSIBLE
        & Any(
            Concl("high_risk"),
            Concl("art_6_3_derogation"),
            Fact("prohibited.non_consensual_intimate_imagery"),
            Fact("prohibited.child_sexual_abuse_material"),
            Concl("transparency_50_2") & Before("market.first_placed_on", date(2026, 8, 2)),
        ),
        working_reading="The amended application dates as reported are applied when the assessment date is "
        "on or after 27 July 2026, and marked as resting on secondary sources; the Art. 111(2) cut-off stays "
        "2 August 2026 as the text states.",
    ),
    LegalQuestion(
        id="legacy_change",
        question="Does the Art. 111(2) transition still cover a high-risk system already on the market "
        "whose design is said not to have changed significantly, when a substantial modification or a change "
        "of its intended purpose into a high-risk use is stated?",
        why="The system was first placed before 2 August 2026, the answers say its design has not changed "
        "significantly, and yet a substantial modification or a change of intended purpose into a high-risk "
        "use is stated: the answers disagree, and the transition turns on which one counts.",
        readings=(
            "The transition ends: recital 177 reads the significant changes of Art. 111(2) as equivalent in "
            "substance to a substantial modification, and extends them to the intended purpose; a system "
            "repurposed into a high-risk use (recital 24: a military system later used by the police) is a "
            "new high-risk system.",
            "The transition holds: Art. 111(2) speaks only of significant changes in design; a change that "
            "is not one in design (a new purpose, a modification the provider planned) leaves the system "
            "covered, and the recital cannot add to the article.",
        ),
        affects=("legacy_high_risk_system",),
        citations=("Art. 111(2)", "Art. 3(23)", "Art. 25(1)(b)", "Art. 25(1)(c)", "Recital 177", "Recital 24"),
        trigger=REACH_POSSIBLE
        & Known("market.significant_design_change")
        & Not(Fact("market.significant_design_change"))
        & Before("market.first_placed_on", date(2026, 8, 2))
        & ConclIn("high_risk", YES_OR_OPEN)
        & CHANGE_STATED,
        working_reading="The stated modification or change of purpose ends the transition (recital 177), "
        "whatever the design-change answer says; the answers should be reconciled.",
    ),
    LegalQuestion(
        id="section_b_reach",
        question="For a system high-risk only as part of an Annex I Section B product (vehicles, aircraft, "
        "rail, marine equipment and similar), does Art. 2(2) exclude every other provision, including AI "
        "literacy (Art. 4), the prohibitions (Art. 5) and the transparency duties (Art. 50)?",
        why="The system is high-risk only through an Annex I Section B product, and a duty of Art. 4, 5 or "
        "50 would otherwise apply, or may apply, to it.",
        readings=(
            "Literal: 'only Article 6(1), Articles 102 to 109 and Article 112 apply', so no other provision "
            "of the Act, Art. 4, 5 and 50 included, binds operators of such a system; the sectoral type-"
            "approval law is to take up the requirements (Art. 102-109).",
            "Limited to the high-risk regime: Art. 2(2) replaces only the high-risk chapter for such "
            "products; the prohibitions, AI literacy and the transparency duties attach to any AI system "
            "whatever its product, and a prohibited practice in a vehicle stays prohibited.",
        ),
        affects=("prohibited_practice", "transparency_obligations", "act_applies"),
        citations=("Art. 2(2)", "Art. 4", "Art. 5", "Art. 50", "Annex I Section B"),
        trigger=SECTION_B_ONLY
        & ConclIn("act_applies", YES_OR_OPEN)
        & Any(
            Has("operator.roles", ("provider", "deployer", "product_manufacturer")),
            ConclIn("prohibited_practice", YES_OR_OPEN),
            ConclIn("transparency_obligations", YES_OR_OPEN),
        ),
        working_reading="The literal reading: Art. 4, 5 and 50 are not applied to such a system (the "
        "practice is still shown as what it is, without a duty under the Act); the other reading would add "
        "them.",
    ),
    LegalQuestion(
        id="art_6_3_conditions",
        question="Does fulfilling one of the conditions of Art. 6(3)(a)-(d) suffice for the derogation, or "
        "must it also be shown that the system poses no significant risk of harm?",
        why="The Annex III system fulfils a condition of Art. 6(3)(a)-(d), does not profile people, and "
        "whether it poses a significant risk of harm to health, safety or fundamental rights is not stated.",
        readings=(
            "A condition suffices: the second subparagraph says the first applies where any condition is "
            "fulfilled; the conditions describe when a system does not materially influence decisions "
            "(recital 53), and the provider documents its assessment (Art. 6(4)).",
            "Both are needed: the conditions are necessary, not sufficient; the provider must also show that "
            "the system poses no significant risk of harm, which the first subparagraph states as the test.",
        ),
        affects=("art_6_3_derogation", "high_risk"),
        citations=("Art. 6(3)", "Art. 6(4)", "Recital 53"),
        trigger=REACH_POSSIBLE
        & Concl("ai_system")
        & Not(Empty("high_risk.annex_iii"))
        & Any(
            Fact("high_risk.narrow_procedural_task"),
            Fact("high_risk.improves_prior_human_activity"),
            Fact("high_risk.detects_patterns_without_replacing_human"),
            Fact("high_risk.preparatory_task"),
        )
        & Not(Fact("high_risk.profiling"))
        & Not(Known("high_risk.significant_risk_of_harm")),
        working_reading="A condition suffices unless the facts state a significant risk of harm; the provider "
        "must still document the assessment (Art. 6(4)) and register (Art. 49(2)).",
    ),
    LegalQuestion(
        id="gpai_indicative_criterion",
        question="Is the artefact a general-purpose AI model, given that the provider's own answer and "
        "the Commission's indicative criterion point different ways?",
        why="The provider's answer about generality disagrees with the 10^23 FLOP and modality "
        "criterion of the Commission's guidelines.",
        readings=(
            "The criterion is only indicative and rebuttable both ways (guidelines, para. 20): the "
            "provider's reasoned assessment of generality prevails.",
            "The Commission will start from the criterion in enforcement: the provider carries the burden "
            "of showing that the model exceptionally lacks (or has) significant generality.",
        ),
        affects=("gpai_model",),
        citations=("Art. 3(63)", "Recital 98"),
        trigger=Known("artefact.gpai_model")
        & (
            (Fact("artefact.gpai_model") & Not(Concl("gpai_indicative_criterion")))
            | (Not(Fact("artefact.gpai_model")) & Concl("gpai_indicative_criterion"))
        ),
        working_reading="The provider's own answer is taken, and the disagreement is flagged.",
    ),
    LegalQuestion(
        id="ai_literacy_amended",
        question="Does Art. 4 as amended by Regulation (EU) 2026/1744 still oblige this operator to see to the "
        "AI literacy of its staff, and in what words?",
        why="The Act applies to this operator as provider or deployer of an AI system, and the amended Art. 4 "
        "is in force on the assessment date; the reports of the amended text differ, and the Commission's "
        "proposal recast AI literacy as a task of the Commission and the Member States.",
        readings=(
            "Softened but kept (most reports): providers and deployers must take measures to support a "
            "sufficient level of AI literacy of their staff; the duty is lighter, not gone.",
            "Removed (one report, following the proposal): the operator duty is deleted and replaced by "
            "the Commission's and Member States' duty to promote AI literacy; operators owe nothing under "
            "Art. 4.",
        ),
        affects=("art_4_ai_literacy",),
        citations=("Art. 4", "Art. 113"),
        trigger=LawInForce(OMNIBUS) & AI_LITERACY_APPLIES & Not(Concl("oss_exemption_ai_system")),
        working_reading="The softened duty is listed (marked as resting on secondary sources) until the "
        "amended text is checked in the Official Journal.",
    ),
)
