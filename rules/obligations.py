"""The duties of operators of AI systems: Art. 4, 6(4), 16, 23, 24, 26, 27 and 49.

Each obligation applies only where the Act applies to this operator
(``act_applies``) in the role the article addresses, so it is listed "yes"
when both are settled and "undetermined" while either is open. Every
high-risk duty reads ``high_risk_chapter_iii``: a system high-risk only as a
product under Annex I Section B carries none of them (Art. 2(2)).

**Dates.** Annex III duties run from the ``annex_iii_high_risk`` date, duties
of a system high-risk only through the Annex I product route from
``annex_i_high_risk`` (both moved by Regulation (EU) 2026/1744, as reported),
AI literacy from ``chapters_i_ii``.

**Legacy systems (Art. 111(2)).** Expressed as a conclusion,
``legacy_high_risk_system``, that *excludes* the high-risk duties rather than
as a date: a high-risk system placed on the market or put into service before
the cut-off is reached only if it changes significantly afterwards, so for it
there is no date from which the duties run. The one exception is a system
intended for use by public authorities: its providers and deployers must
comply by 2 August 2030 (date key ``public_authority_legacy``). It is a
headline conclusion, so the memo shows the step and the facts it reads.

- *The cut-off* is 2 August 2026, as Art. 111(2) states. Reports that
  Regulation (EU) 2026/1744 moves it with the new Chapter III dates
  (2 December 2027 for Annex III, 2 August 2028 for Annex I) are not
  confirmed by any text checked here; that reading is the alternative of the
  open question ``amended_dates``, which spells out what it would change (a
  system placed between the two dates would never owe the high-risk duties).
- *What ends it.* Recital 177 reads "significant changes" as equivalent in
  substance to a substantial modification (Art. 3(23)) and extends them to
  the intended purpose. So a stated substantial modification (Art. 25(1)(b))
  or change of intended purpose into a high-risk use (Art. 25(1)(c); recital
  24: a military system later used by the police) ends the transition
  whatever the design-change answer says; when that answer says "no change",
  the disagreement is raised as the open question ``legacy_change``.
- *An unstated placing date* is taken to be on or after the cut-off (the
  system is being assessed for a release under the rules now applicable);
  only a stated earlier date brings the transition in.

**Art. 2(2) and AI literacy.** For a system high-risk only as part of an
Annex I Section B product, Art. 2(2) keeps only Art. 6(1), 102-109 and 112,
so not Art. 4 either. AI literacy otherwise binds every provider and deployer
of an AI system, so Section B is taken out only when the user says the
product is under Section B, not while the section is unknown.

**Who is the provider.** A product manufacturer placing the AI system with its
product under its own name is its provider (Art. 3(3), 2(1)(e); Art. 25(3) for
Section A safety components), whatever the route to high-risk. An importer or
distributor that Art. 25(1) makes the provider owes Art. 16, not Art. 23 or 24
(Art. 3(7): a distributor is someone other than the provider); a deployer that
becomes provider keeps Art. 26, since it still uses the system.

**Art. 27 and public services.** A private entity providing public services
owes the impact assessment (recital 96) whatever its Annex III point (other
than point 2); unanswered, the fact keeps the assessment open like the
public-authority fact: ``PUBLIC_SERVICE``.

These presumptions are the only places this module reads ``Known``: the
user's own answer (a placing date, a stated modification or change of purpose,
Section B, an Art. 25(1) trigger) prevails over the general rule.
"""

from datetime import date

from aiact.engine import (
    Before,
    Concl,
    ConclusionDef,
    DateChoice,
    DutyVersion,
    Fact,
    Has,
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
from aiact.engine.dates import ADOPTED, DATE_TABLE, OMNIBUS

from .fines import MEMBER_STATES, OPERATOR_DUTIES
from .high_risk import SECTION_B_ONLY
from .prohibited import LAWFUL_OR_OPEN
from .value_chain import BECOMES_PROVIDER_AS_STATED

ROLES = "operator.roles"
ANNEX_III = "high_risk.annex_iii"
SECTION = "high_risk.annex_i_section"
FIRST_PLACED = "market.first_placed_on"
DESIGN_CHANGE = "market.significant_design_change"


def _day(key: str, law: str) -> date:
    """An application date from the one table of dates (engine/dates.py), as a given law set it."""
    return next(entry.day for entry in DATE_TABLE.dates[key] if entry.law == law)


def _role(*roles: str) -> Has:
    return Has(ROLES, roles)


ACT_APPLIES = Concl("act_applies")
CHAPTER_III = Concl("high_risk_chapter_iii")
ANNEX_III_ROUTE = Concl("high_risk_annex_iii")

CUTOFF = _day("general", ADOPTED)
"""Art. 111(2): 2 August 2026, the date the text states (Art. 113)."""

PUBLIC_AUTHORITY_POINTS = ("5a", "6a", "6b", "6c", "6d", "6e", "7a", "7b", "7c", "7d")
"""Annex III points whose use is by (or on behalf of) public authorities by definition."""

PUBLIC_AUTHORITY_USE = Fact("operator.public_authority") | Has(ANNEX_III, PUBLIC_AUTHORITY_POINTS)
"""The system is intended for use by public authorities (Art. 111(2), second sentence); likewise its
deployer is a public body or acts on behalf of one (Art. 27(1), Art. 49(3)) when the operator says so or the
Annex III point is one only public authorities, or those acting for them, carry out."""

UNCHANGED_HIGH_RISK = Not(Fact(DESIGN_CHANGE)) & Concl("high_risk")
"""Unchanged since first placed, and high-risk: the systems Art. 111(2) speaks of."""


def _before(day: date) -> Before:
    return Before(FIRST_PLACED, day)


# --- Art. 111(2): high-risk systems already on the market ------------------

SUBSTANTIAL_MODIFICATION = "value_chain.substantial_modification"
REPURPOSED = "value_chain.repurposed_to_high_risk"

CHANGE_STATED = (Known(SUBSTANTIAL_MODIFICATION) & Fact(SUBSTANTIAL_MODIFICATION)) | (
    Known(REPURPOSED) & Fact(REPURPOSED)
)
"""A substantial modification (Art. 3(23), 25(1)(b)) or a change of intended purpose into a high-risk use
(Art. 25(1)(c)) is stated. Recital 177 reads the "significant changes" of Art. 111(2) as equivalent in
substance to a substantial modification and extends them to the intended purpose, so either ends the
transition whatever the separate design-change answer says. A stated fact: while these are unanswered, the
design-change answer (the question Art. 111(2) itself asks) decides."""

legacy_high_risk_system = ConclusionDef(
    id="legacy_high_risk_system",
    title="Art. 111(2): a high-risk system already on the market before 2 August 2026 and not significantly "
    "changed since",
    area="obligations",
    rules=(
        Rule(
            "art111_2.placed_before_cutoff", "Art. 111(2)",
            "A high-risk system placed on the market or put into service before 2 August 2026 is reached "
            "only if its design changes significantly from that date; this one has not changed.",
            _before(CUTOFF) & UNCHANGED_HIGH_RISK, Tri.YES,
            reading="amended_dates",
            not_formalised="Whether a change in design is 'significant' is asked, not computed. The cut-off "
            "is the one the text states; reports that Regulation (EU) 2026/1744 moves it with the Chapter "
            "III dates are not confirmed, and the other reading is raised as the open question "
            "amended_dates.",
        ),
        Rule(
            "art111_2.significant_design_change", "Art. 111(2), Recital 177",
            "The system's design has changed significantly since it was first placed, so the Act reaches it "
            "like a new system.",
            Fact(DESIGN_CHANGE), Tri.NO,
        ),
        Rule(
            "art111_2.substantial_modification", "Art. 111(2), Art. 3(23), Art. 25(1)(b), Recital 177",
            "The system has been substantially modified; recital 177 treats a substantial modification as a "
            "significant change, so the transition ends whatever is said about its design.",
            Known(SUBSTANTIAL_MODIFICATION) & Fact(SUBSTANTIAL_MODIFICATION), Tri.NO,
            overrides=("art111_2.placed_before_cutoff",), reading="legacy_change",
        ),
        Rule(
            "art111_2.change_of_purpose", "Art. 111(2), Art. 25(1)(c), Recital 177, Recital 24",
            "The system's intended purpose has been changed into a high-risk use (for example a military "
            "system later used by the police); a significant change of intended purpose ends the transition "
            "whatever is said about its design.",
            Known(REPURPOSED) & Fact(REPURPOSED), Tri.NO,
            overrides=("art111_2.placed_before_cutoff",), reading="legacy_change",
            not_formalised="When the purpose changed is not asked: the change is taken to come after the "
            "cut-off, so the system is reached as high-risk under its new purpose.",
        ),
        Rule(
            "art111_2.not_high_risk", "Art. 111(2), Art. 6",
            "The transition concerns high-risk systems only, and this system is not one.",
            Not(Concl("high_risk")), Tri.NO,
        ),
        Rule(
            "art111_2.placed_from_cutoff", "Art. 111(2)",
            "The system was first placed on the market or put into service on or after 2 August 2026, so the "
            "transition does not concern it.",
            Not(_before(CUTOFF)), Tri.NO, reading="amended_dates",
        ),
        Rule(
            "art111_2.no_earlier_placing_stated", "Art. 111(2)",
            "No earlier placing date is given, so the system is taken to reach the market when the high-risk "
            "rules apply to it and the transition does not exempt it.",
            Not(Known(FIRST_PLACED)), Tri.NO,
            overrides=("art111_2.placed_before_cutoff",),
            not_formalised="A working presumption: the transition is an exception for systems already on "
            "the market, raised by stating when the system was first placed.",
        ),
    ),
    otherwise=Otherwise(
        "art111_2.not_legacy", "Art. 111(2)",
        "The system is not a high-risk system already on the market before the cut-off and unchanged since.",
    ),
)

LEGACY = Concl("legacy_high_risk_system")
REACHED_PROVIDER_OR_DEPLOYER = Not(LEGACY) | PUBLIC_AUTHORITY_USE
"""Art. 111(2): a legacy system still binds its providers and deployers if meant for public authorities."""
REACHED_OTHERS = Not(LEGACY)
"""Art. 111(2): importers and distributors of a legacy system are not reached (no public-authority extension)."""

ON_UNION_MARKET_OR_OPEN = Not(Concl("off_union_market"))
"""Art. 23 and 24 concern placing on the market and making available in the Union (Art. 3(6), 3(7)): an
importer or distributor whose system is settled off the Union market (``rules/scope.py``) owes neither, even
when another role of its brings it within the Act."""

HIGH_RISK_DATES = (
    DateChoice(LEGACY & PUBLIC_AUTHORITY_USE, "public_authority_legacy"),
    DateChoice(Not(ANNEX_III_ROUTE), "annex_i_high_risk"),
)
"""The legacy public-authority date first; then the Annex I date when Annex III does not apply."""

ANNEX_III_DATES = (DateChoice(LEGACY & PUBLIC_AUTHORITY_USE, "public_authority_legacy"),)


PROVIDER = _role("provider", "product_manufacturer") | Concl("becomes_provider")
"""A provider; a product manufacturer, who places the AI system with its product under its own name and so is
its provider (Art. 3(3), Art. 2(1)(e); for a Section A safety component Art. 25(3) says so expressly, and
a Section B product carries no Chapter III duty anyway, Art. 2(2)); or an operator Art. 25(1) makes one."""

NOT_BECOME_PROVIDER = Not(BECOMES_PROVIDER_AS_STATED)
"""Art. 3(6), 3(7), 25(1): an importer or distributor that becomes the provider owes the provider's duties,
not its own (a distributor is by definition someone other than the provider); a stated presumption, see
``BECOMES_PROVIDER_AS_STATED``."""

NOT_POINT_2_ONLY = HasOtherThan(ANNEX_III, ("2",))
"""Listed under some Annex III point other than critical infrastructure (point 2)."""

NOT_BANNED = LAWFUL_OR_OPEN
"""Art. 5 first: once the stop duty is established for this operator, the high-risk duties are left out (they
would apply only if the practice were lawful; the stop duty says so). See ``rules/prohibited.py``."""

PROVIDER_OWES = ACT_APPLIES & CHAPTER_III & PROVIDER & REACHED_PROVIDER_OR_DEPLOYER & NOT_BANNED
"""The Act reaches this operator as provider of a high-risk system under the full Chapter III regime, the
Art. 111(2) transition does not spare it, and the system is not banned for it: the provider's umbrella duty
(Art. 16) and each finer duty it details (``rules/high_risk_duties.py``) start from here."""

DEPLOYER_OWES = ACT_APPLIES & CHAPTER_III & _role("deployer") & REACHED_PROVIDER_OR_DEPLOYER & NOT_BANNED
"""Likewise for a deployer (Art. 26 and the finer duties it details)."""

PUBLIC_SERVICE_FACT = "operator.public_service_provider"
PUBLIC_SERVICE = Fact(PUBLIC_SERVICE_FACT)
"""A private entity providing public services (Art. 27(1), recital 96: education, healthcare, social services,
housing, administration of justice). Separate from ``operator.public_authority``: it brings the impact
assessment, not the public-authority registration (Art. 49(3), 26(8)) or the 2030 transition date.

Read plainly, like the public-authority fact beside it: Art. 27(1) names the deployer's nature, not the Annex III
point (any point but 2), so while the answer is missing the assessment stays open for every Annex III deployer
that is not already bound by its point (5(b), 5(c)) or as a public body; a private hospital screening CVs owes it
as much as one triaging patients."""

PUBLIC_DEPLOYER_REGISTERS = (
    _role("deployer") & PUBLIC_AUTHORITY_USE & ANNEX_III_ROUTE & NOT_POINT_2_ONLY & REACHED_PROVIDER_OR_DEPLOYER
    & NOT_BANNED
)
"""Art. 49(3), 26(8): a public-authority deployer of an Annex III system (point 2 aside) registers its use."""

AI_LITERACY_AS_ADOPTED = DutyVersion(
    law=ADOPTED,
    duty="Take measures to ensure, to the best extent, a sufficient level of AI literacy of staff and others "
    "operating or using AI systems on its behalf.",
    entails="Train the staff and contractors who build, operate or use the AI system, to a level fitted to "
    "their technical knowledge, experience and the context of use, and keep a record of what was done. "
    "There is no certificate or prescribed format; an authority may ask how the duty was met.",
    source=Source.OJ,
)
AI_LITERACY_AS_AMENDED = DutyVersion(
    law=OMNIBUS,
    duty="Take measures to support a sufficient level of AI literacy of staff and others operating or using "
    "AI systems on its behalf (Art. 4 as amended by Regulation (EU) 2026/1744, as reported: softened, and by "
    "one report removed as an operator duty).",
    entails="Offer the staff and contractors who build, operate or use the AI system training and guidance "
    "fitted to their role and the context of use, and keep a record of it. Reports of the amended text "
    "differ on whether this remains a duty of the operator at all (see the open legal question).",
    source=Source.SECONDARY,
)
"""Art. 4 under each version of the law (engine/dates.py): the amendment's wording rests on reports that
differ, raised as the legal question ``ai_literacy_amended`` wherever the duty applies."""

AI_LITERACY_APPLIES = (
    ACT_APPLIES & Concl("ai_system") & Not(SECTION_B_ONLY)
    & (_role("deployer", "provider", "product_manufacturer") | BECOMES_PROVIDER_AS_STATED)
)

FINE_99_4 = "up to EUR 15 million or 3 % of total worldwide annual turnover, whichever is higher (for SMEs, " \
    "whichever is lower)"
OSS = ("oss_exemption_ai_system",)
DEROGATED = Concl("art_6_3_derogation") & Not(Concl("high_risk"))
"""An Annex III system the Art. 6(3) derogation takes out, and not high-risk by the Annex I route either."""

OBLIGATIONS = (
    ObligationDef(
        id="art_4_ai_literacy", citation="Art. 4", role="provider_or_deployer",
        duty=AI_LITERACY_AS_ADOPTED.duty,
        applies_when=AI_LITERACY_APPLIES,
        date_key="chapters_i_ii", area="obligations", exempted_by=OSS,
        fine="Art. 99(1): penalties set by the Member States (Art. 4 is not among the duties of Art. 99(3)-(5))",
        concerns="system", entails=AI_LITERACY_AS_ADOPTED.entails, fine_tier=MEMBER_STATES,
        versions=(AI_LITERACY_AS_ADOPTED, AI_LITERACY_AS_AMENDED),
    ),
    ObligationDef(
        id="art_16_high_risk_provider", citation="Art. 16", role="provider",
        duty="Meet the Chapter III Section 2 requirements, run a quality management system, keep documentation "
        "and logs, complete the conformity assessment, draw up the EU declaration, affix the CE marking, "
        "register, take corrective action and cooperate with authorities.",
        applies_when=PROVIDER_OWES,
        date_key="annex_iii_high_risk", date_choices=HIGH_RISK_DATES, area="obligations", exempted_by=OSS,
        fine="Art. 99(4)(a): " + FINE_99_4,
        concerns="system", fine_tier=OPERATOR_DUTIES,
        entails="The provider's umbrella duty, detailed in the duties that follow (Art. 9-15, 17-21, 43, 47-49, "
        "72-73). Besides them, put your name, registered trade name or trademark and contact address on the "
        "system, its packaging or documentation, and meet the EU accessibility requirements (Art. 16(b), (l)).",
    ),
    ObligationDef(
        id="art_26_high_risk_deployer", citation="Art. 26", role="deployer",
        duty="Use the system according to its instructions, assign competent human oversight, keep input data "
        "relevant, monitor it, keep its logs, inform workers and affected persons, and report risks and "
        "incidents.",
        applies_when=DEPLOYER_OWES,
        date_key="annex_iii_high_risk", date_choices=HIGH_RISK_DATES, area="obligations", exempted_by=OSS,
        fine="Art. 99(4)(e): " + FINE_99_4,
        concerns="system", fine_tier=OPERATOR_DUTIES,
        entails="The deployer's umbrella duty, detailed in the duties that follow (Art. 26(1)-(11)). Besides "
        "them, use the provider's instructions to carry out any data-protection impact assessment "
        "(Art. 26(9)) and cooperate with the competent authorities (Art. 26(12)).",
    ),
    ObligationDef(
        id="art_27_fundamental_rights_impact_assessment", citation="Art. 27(1)", role="deployer",
        duty="Before first use, assess the impact of the system on fundamental rights and notify the market "
        "surveillance authority of the results.",
        applies_when=ACT_APPLIES & ANNEX_III_ROUTE & _role("deployer") & NOT_POINT_2_ONLY
        & (PUBLIC_AUTHORITY_USE | PUBLIC_SERVICE | Has(ANNEX_III, ("5b", "5c")))
        & REACHED_PROVIDER_OR_DEPLOYER & NOT_BANNED,
        date_key="annex_iii_high_risk", date_choices=ANNEX_III_DATES, area="obligations", exempted_by=OSS,
        fine="Art. 99(1): penalties set by the Member States (Art. 27 is not listed in Art. 99(4))",
        concerns="system", fine_tier=MEMBER_STATES,
        entails="Before first use, write an assessment describing your processes using the system, how long "
        "and how often it is used, the people and groups affected, the specific risks of harm to them, the "
        "human oversight and the measures if risks materialise (Art. 27(1)(a)-(f)). Notify the market "
        "surveillance authority of the results on the AI Office's template, and update it when any element "
        "changes; an existing data-protection impact assessment can be built on.",
    ),
    ObligationDef(
        id="art_6_4_document_non_high_risk", citation="Art. 6(4)", role="provider",
        duty="Document the assessment that the Annex III system is not high-risk before placing it on the "
        "market or putting it into service, register it (Art. 49(2)) and hand the documentation to "
        "authorities on request.",
        applies_when=ACT_APPLIES & _role("provider", "product_manufacturer") & DEROGATED,
        date_key="annex_iii_high_risk", area="obligations", exempted_by=OSS,
        fine="Art. 80(7), Art. 99: a provider that misclassified the system to avoid the high-risk "
        "requirements is fined",
        concerns="system", fine_tier=MEMBER_STATES,
        entails="Write down, before placing the system on the market, which condition of Art. 6(3)(a)-(d) it "
        "meets and why it poses no significant risk of harm and does not profile people. Register it in the "
        "EU database and give the assessment to the authorities on request; a system found misclassified "
        "must be brought into conformity.",
    ),
    ObligationDef(
        id="art_49_registration", citation="Art. 49(1)-(3), (5)", role="provider_or_deployer",
        duty="Register in the EU database before placing on the market, putting into service or (for public "
        "authorities) using the system: the provider (or its authorised representative) for an Annex III "
        "high-risk system or one it considers not high-risk under Art. 6(3), a deployer that is a public "
        "authority for an Annex III high-risk system (point 2: at national level).",
        applies_when=ACT_APPLIES & (
            (PROVIDER | _role("authorised_representative")) & ANNEX_III_ROUTE & REACHED_PROVIDER_OR_DEPLOYER
            & NOT_BANNED
            | _role("provider", "product_manufacturer", "authorised_representative")
            & DEROGATED
            | PUBLIC_DEPLOYER_REGISTERS
        ),
        date_key="annex_iii_high_risk", date_choices=ANNEX_III_DATES, area="obligations", exempted_by=OSS,
        fine="Art. 99(4)(a), (e): " + FINE_99_4,
        concerns="system", fine_tier=OPERATOR_DUTIES,
        entails="Before placing on the market or putting into service, enter the provider and the system in the "
        "EU database (Annex VIII: contact details, intended purpose, status, certificates, declaration); "
        "critical-infrastructure systems are registered at national level, law-enforcement and migration "
        "systems in a non-public section. A public-authority deployer registers itself and its use of the "
        "system before using it.",
    ),
    ObligationDef(
        id="art_23_importer", citation="Art. 23", role="importer",
        duty="Before placing the system on the market, verify its conformity assessment, documentation, CE "
        "marking, declaration and authorised representative; show own name and contact; keep documents and "
        "cooperate with authorities.",
        applies_when=ACT_APPLIES & CHAPTER_III & _role("importer") & REACHED_OTHERS & NOT_BECOME_PROVIDER
        & NOT_BANNED & ON_UNION_MARKET_OR_OPEN,
        date_key="annex_iii_high_risk", date_choices=HIGH_RISK_DATES[1:], area="obligations",
        exempted_by=OSS, fine="Art. 99(4)(c): " + FINE_99_4,
        concerns="system", fine_tier=OPERATOR_DUTIES,
        entails="Before placing the system on the market, check that the provider completed the conformity "
        "assessment, drew up the technical documentation and the EU declaration, affixed the CE marking, "
        "supplied the instructions and appointed an authorised representative; do not place it if it does "
        "not conform. Put your name and address on it, keep the certificate, instructions and declaration "
        "for ten years, and keep storage and transport from compromising conformity.",
    ),
    ObligationDef(
        id="art_24_distributor", citation="Art. 24", role="distributor",
        duty="Before making the system available, verify its CE marking, declaration and instructions and that "
        "provider and importer met their duties; withhold or correct non-conforming systems and cooperate "
        "with authorities.",
        applies_when=ACT_APPLIES & CHAPTER_III & _role("distributor") & REACHED_OTHERS & NOT_BECOME_PROVIDER
        & NOT_BANNED & ON_UNION_MARKET_OR_OPEN,
        date_key="annex_iii_high_risk", date_choices=HIGH_RISK_DATES[1:], area="obligations",
        exempted_by=OSS, fine="Art. 99(4)(d): " + FINE_99_4,
        concerns="system", fine_tier=OPERATOR_DUTIES,
        entails="Before making the system available, check that it bears the CE marking and comes with the EU "
        "declaration and the instructions, and that provider and importer met their labelling duties; hold "
        "back a system you believe does not conform. Take corrective action or withdraw a non-conforming "
        "system already supplied, inform the provider or importer, and cooperate with the authorities.",
    ),
)

MODULE = RuleModule(
    conclusions=(legacy_high_risk_system,),
    obligations=OBLIGATIONS,
    notes=(
        "Obligations: Art. 111(2) is a conclusion (legacy_high_risk_system) that excludes the high-risk "
        "duties of a system placed before 2 August 2026 (the cut-off the text states; the reported move to "
        "the amended Chapter III dates is the alternative reading of amended_dates) and not significantly "
        "changed since; a stated substantial modification or change of intended purpose into a high-risk use "
        "ends it whatever the design-change answer says (recital 177; a disagreement raises legacy_change). "
        "Providers and deployers of such a system intended for public authorities owe the duties from "
        "2 August 2030. An unstated placing date is taken to be on or after the cut-off.",
        "Obligations: a system is taken to be intended for use by public authorities when the operator is "
        "one (or acts on behalf of one) or its Annex III point presupposes such use (5(a), 6, 7); a private "
        "provider's intended customers are not otherwise asked.",
        "Obligations: Art. 27 reaches deployers that are bodies governed by public law (operator.public_authority, "
        "or an Annex III point whose use is by or on behalf of public authorities: 5(a), 6, 7) and private "
        "entities providing public services (operator.public_service_provider; recital 96: education, "
        "healthcare, social services, housing, administration of justice), besides deployers under Annex III "
        "points 5(b) and 5(c). Art. 27(1) limits the deployers by their nature, not by the Annex III point (any "
        "point but 2), so an unanswered public-service fact keeps the assessment open for every other Annex III "
        "deployer, as an unanswered public-authority fact does. Only the public-authority fact brings the "
        "registration of Art. 49(3) and 26(8) and the 2030 date of Art. 111(2). A system listed only under "
        "Annex III point 2 needs no impact assessment.",
        "Obligations: Art. 4 AI literacy applies to providers and deployers of any AI system from 2 February "
        "2025. Its wording follows the law in force: as adopted ('ensure, to their best extent') until 27 July "
        "2026, then as amended, where reports differ (most: softened to 'take measures to support'; one: "
        "removed as an operator duty). The working reading keeps the softened duty and raises the legal "
        "question ai_literacy_amended wherever it applies. Art. 2(2) leaves it out only when the user says the "
        "system is high-risk solely as part of an Annex I Section B product.",
        "Obligations: every duty says what it concerns, the model (Chapter V) or the system (all others). "
        "Operator-wide duties are filed under the system: AI literacy (Art. 4) binds providers and deployers of "
        "AI systems and reaches the provider of a bare model only through a system; the written agreement of "
        "Art. 25(4) serves the high-risk system the supply goes into, even when what is supplied is a model.",
        "Obligations: once the Art. 5 stop duty is established for this operator, the high-risk duties "
        "(Art. 16, 23, 24, 26, 27, 49 and the finer duties) are left out: the use must stop, and they would "
        "apply only if the practice were lawful. While the prohibition is open they stay listed.",
        "Obligations: the registration duty of Art. 49(2) for systems derogated under Art. 6(3) is kept by "
        "the 2026 amendment (reported; only the content of Annex VIII Section B is reduced). Registration is "
        "one obligation for providers and public-authority deployers alike.",
        "Obligations: a product manufacturer (Art. 2(1)(e)) is treated as the provider of the AI system it "
        "places with its product under its own name (Art. 3(3), Art. 25(3)). An importer or distributor that "
        "states an Art. 25(1) trigger and so becomes the provider owes Art. 16 instead of Art. 23 or 24; "
        "while the Art. 25(1) facts are unanswered it is taken to act in its stated role.",
        "Obligations: the Annex X large-scale IT systems transition (Art. 111(1)) and the duties of providers of "
        "Section B products under their own sectoral law are not modelled.",
    ),
)
