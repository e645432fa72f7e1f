"""The high-risk duties in full: what Art. 16 and Art. 26 sum up, the way the Act lays it out.

``art_16_high_risk_provider`` and ``art_26_high_risk_deployer`` (in
``rules/obligations.py``) stay the umbrella duties that users' pipelines read;
each duty here details one of them (``part_of``) and applies exactly when its
umbrella does, plus whatever its own paragraph adds (an Annex III point, a
deployer that is an employer, a use for post-remote biometric identification).
So the exemptions agree by construction: Art. 2(12) (``oss_exemption_ai_system``,
which the Act withholds from high-risk systems anyway), Art. 111(2) for systems
already on the market, Art. 2(2) for Annex I Section B products, and a practice
banned under Art. 5 (``NOT_BANNED``).

Provider duties (Art. 16(a)-(k)): the Chapter III Section 2 requirements
(Art. 9-15), the quality management system (Art. 17), documentation keeping
(Art. 18), logs (Art. 19), corrective action and information (Art. 20),
cooperation with authorities (Art. 21), conformity assessment by its route
(Art. 43(1) biometrics, 43(2) other Annex III points, 43(3) Annex I products),
the EU declaration (Art. 47) and the CE marking (Art. 48); registration stays
the one obligation ``art_49_registration`` shared with public deployers.
Post-market monitoring (Art. 72) and serious-incident reporting (Art. 73) sit
in Chapter IX but belong to the quality management system (Art. 17(1)(h)-(i)).
A provider established outside the Union appoints an authorised
representative (Art. 22(1)), whose own tasks are Art. 22(3).

Deployer duties (Art. 26): use per the instructions (26(1)), human oversight
(26(2)), input data (26(4)), monitoring and reporting (26(5)), logs (26(6)),
informing workers (26(7)), the public authority's registration check (26(8)),
authorisation of post-remote biometric identification (26(10)) and informing
the people decisions concern (26(11)); and the right to an explanation of
Art. 86, which the deployer must honour.

**Dates.** Every duty takes its umbrella's dates (``HIGH_RISK_DATES``): the
Annex III date, the Annex I date for a system high-risk only through a
product, and 2 August 2030 for legacy systems meant for public authorities.
For the duties outside Chapter III Sections 1-3 (Art. 43-48 in Section 5,
Art. 72-73 and 86 in Chapter IX) that is a derived reading: they concern
"high-risk AI systems", which the Act classifies as such (Art. 6) only from
those dates. Conformity assessment by Annex I route (Art. 43(3)) takes the
Annex I date.

**Fines.** Art. 99(4)(a) for the provider's duties (through Art. 16, which
names Art. 17-21, 43, 47-49; Art. 72-73 through the quality management system
of Art. 17(1)(h)-(i)), 99(4)(b) for the authorised representative, 99(4)(e)
for the deployer; Art. 86 is left to the Member States (Art. 99(1)).
"""

from aiact.engine import (
    Concl,
    DateChoice,
    Fact,
    Has,
    HasOtherThan,
    Not,
    ObligationDef,
    RuleModule,
)
from aiact.engine.conditions import Condition

from .fines import MEMBER_STATES, OPERATOR_DUTIES
from .obligations import (
    ACT_APPLIES,
    ANNEX_III,
    ANNEX_III_DATES,
    ANNEX_III_ROUTE,
    CHAPTER_III,
    DEPLOYER_OWES,
    FINE_99_4,
    HIGH_RISK_DATES,
    LEGACY,
    NOT_BANNED,
    NOT_POINT_2_ONLY,
    OSS,
    PROVIDER_OWES,
    PUBLIC_AUTHORITY_USE,
    PUBLIC_DEPLOYER_REGISTERS,
    REACHED_OTHERS,
)

PROVIDER_UMBRELLA = "art_16_high_risk_provider"
DEPLOYER_UMBRELLA = "art_26_high_risk_deployer"
BIOMETRIC_POINTS = ("1a", "1b", "1c")
ANNEX_I_ROUTE = Concl("high_risk_annex_i")
ANNEX_I_DATES = (DateChoice(LEGACY & PUBLIC_AUTHORITY_USE, "public_authority_legacy"),)


def _provider(
    oid: str, citation: str, duty: str, entails: str, *, when: Condition | None = None,
    date_key: str = "annex_iii_high_risk", dates: tuple[DateChoice, ...] = HIGH_RISK_DATES,
    fine: str = "Art. 99(4)(a)",
) -> ObligationDef:
    """A duty the provider's umbrella (Art. 16) sums up: same reach, same dates, same exemption."""
    return ObligationDef(
        id=oid, citation=citation, role="provider", duty=duty, entails=entails,
        applies_when=PROVIDER_OWES if when is None else PROVIDER_OWES & when,
        date_key=date_key, date_choices=dates, area="obligations", exempted_by=OSS,
        fine=f"{fine}: {FINE_99_4}", fine_tier=OPERATOR_DUTIES, concerns="system", part_of=PROVIDER_UMBRELLA,
    )


def _deployer(
    oid: str, citation: str, duty: str, entails: str, *, when: Condition | None = None,
    dates: tuple[DateChoice, ...] = HIGH_RISK_DATES,
) -> ObligationDef:
    """A duty the deployer's umbrella (Art. 26) sums up: same reach, same dates, same exemption."""
    return ObligationDef(
        id=oid, citation=citation, role="deployer", duty=duty, entails=entails,
        applies_when=DEPLOYER_OWES if when is None else DEPLOYER_OWES & when,
        date_key="annex_iii_high_risk", date_choices=dates, area="obligations", exempted_by=OSS,
        fine=f"Art. 99(4)(e): {FINE_99_4}", fine_tier=OPERATOR_DUTIES, concerns="system",
        part_of=DEPLOYER_UMBRELLA,
    )


PROVIDER_DUTIES = (
    _provider(
        "art_9_risk_management_system", "Art. 9",
        "Establish, document and maintain a risk management system running through the system's whole "
        "lifecycle.",
        "Identify and analyse the known and foreseeable risks to health, safety and fundamental rights, in "
        "intended use and foreseeable misuse, adopt measures against them, and test the system against "
        "defined metrics before placing it on the market. Review this regularly, with particular regard to "
        "minors and other vulnerable groups, and record it.",
    ),
    _provider(
        "art_10_data_governance", "Art. 10",
        "Develop the system on training, validation and testing data sets that meet the quality criteria of "
        "Art. 10(2)-(5).",
        "Document the data governance: the design choices, where the data comes from, how it was collected, "
        "labelled and cleaned, and the assumptions made. Examine the data for biases and gaps and address "
        "them, so that the sets are relevant, sufficiently representative and as free of errors and as "
        "complete as possible for the intended purpose; a system trained without data applies this to its "
        "testing data only (Art. 10(6)).",
    ),
    _provider(
        "art_11_technical_documentation", "Art. 11, Annex IV",
        "Draw up the technical documentation before placing on the market and keep it up to date.",
        "Write a technical file with the content of Annex IV: the system's purpose and design, its "
        "development, data, testing and validation, human oversight, risk management, changes and the "
        "standards applied, enough for an authority to check conformity. Small and medium enterprises may "
        "use the Commission's simplified form; for an Annex I product one file covers both laws.",
    ),
    _provider(
        "art_12_record_keeping", "Art. 12",
        "Design the system so that it automatically records events (logs) over its lifetime.",
        "Build in logging that lets risks and substantial modifications be traced and supports post-market "
        "monitoring and the deployer's monitoring. For remote biometric identification the logs must at "
        "least record each period of use, the reference database, the input data that led to a match and "
        "who verified the result (Art. 12(3)).",
    ),
    _provider(
        "art_13_instructions_for_deployers", "Art. 13",
        "Design the system to be sufficiently transparent for deployers and give them instructions for use.",
        "Supply instructions for use, in digital or other form, stating your identity, the system's purpose, "
        "accuracy, robustness and known limits, the risks of foreseeable misuse, the human-oversight measures, "
        "the input data it needs, its expected lifetime and maintenance, and how to collect and read its "
        "logs (Art. 13(3)).",
    ),
    _provider(
        "art_14_human_oversight_design", "Art. 14",
        "Design the system so that natural persons can effectively oversee it while it is in use.",
        "Build in the means for the people overseeing it to understand its capacities and limits, notice "
        "anomalies, avoid over-reliance on its output, override or disregard it and stop it safely. For "
        "remote biometric identification, no action may be taken on a match unless two competent persons "
        "have verified it separately (Art. 14(5)).",
    ),
    _provider(
        "art_15_accuracy_robustness_cybersecurity", "Art. 15",
        "Design and develop the system to achieve an appropriate level of accuracy, robustness and "
        "cybersecurity, consistently over its lifecycle.",
        "Measure and declare the accuracy metrics in the instructions for use, make the system resilient "
        "to errors, faults and inconsistencies (with fail-safe plans where appropriate) and guard "
        "self-learning systems against biased feedback loops. Protect it against attacks such as data "
        "poisoning, model poisoning, adversarial examples and confidentiality attacks.",
    ),
    _provider(
        "art_17_quality_management_system", "Art. 16(c), Art. 17",
        "Put in place a quality management system, documented in written policies, procedures and "
        "instructions.",
        "Document a compliance strategy, design and development controls, testing and validation, data "
        "management, the risk management system, post-market monitoring, incident reporting, communication "
        "with authorities, record keeping, resources and accountability (Art. 17(1)(a)-(m)), in proportion to "
        "the size of the organisation. Providers of Annex I products or regulated financial institutions may "
        "fold it into their existing quality systems.",
    ),
    _provider(
        "art_18_documentation_keeping", "Art. 16(d), Art. 18",
        "Keep the documentation at the disposal of the national authorities for ten years after the system "
        "is placed on the market or put into service.",
        "Archive the technical documentation, the quality management system documentation, any changes "
        "approved by notified bodies, their decisions and the EU declaration of conformity for ten years, "
        "and arrange for it to stay available if the company ceases trading.",
    ),
    _provider(
        "art_19_automatically_generated_logs", "Art. 16(e), Art. 19",
        "Keep the logs automatically generated by the system, to the extent they are under the provider's "
        "control, for at least six months.",
        "Store the logs the system generates while under your control (for example for a hosted system) for a "
        "period fitting its purpose, at least six months unless other Union or national law, data protection "
        "in particular, provides otherwise.",
    ),
    _provider(
        "art_20_corrective_action_and_information", "Art. 16(j), Art. 20",
        "Take corrective action at once when the system is not in conformity, and inform those concerned.",
        "When you consider the system non-conforming, bring it into conformity, withdraw, disable or recall "
        "it, and inform distributors, deployers, the authorised representative and importers. Where it "
        "presents a risk to health, safety or fundamental rights, investigate the causes with the reporting "
        "deployer and inform the market surveillance authorities and any notified body.",
    ),
    _provider(
        "art_21_cooperation_with_authorities", "Art. 16(k), Art. 21",
        "On a reasoned request of a competent authority, demonstrate conformity and give it the information, "
        "documentation and access to logs it needs.",
        "Answer an authority's reasoned request with the documentation that shows conformity, in a language it "
        "understands, and give access to the logs under your control; treat what you receive as "
        "confidential (Art. 78). Incorrect, incomplete or misleading information in reply is fined on its own "
        "under Art. 99(5).",
        fine="Art. 99(4)(a) (incorrect or misleading information: Art. 99(5), up to EUR 7.5 million or 1 %)",
    ),
    _provider(
        "art_43_1_conformity_assessment_biometrics", "Art. 16(f), Art. 43(1), Annex VI, Annex VII",
        "Before placing on the market, have the biometric system (Annex III point 1) pass the conformity "
        "assessment: internal control (Annex VI) where harmonised standards or common specifications were "
        "applied in full, otherwise with a notified body (Annex VII).",
        "Choose the route: with harmonised standards or common specifications applied in full, check "
        "conformity yourself under Annex VI (or choose a notified body); without them, or only partly, a "
        "notified body assesses the quality management system and the technical documentation under "
        "Annex VII. Repeat the assessment after any substantial modification.",
        when=ANNEX_III_ROUTE & Has(ANNEX_III, BIOMETRIC_POINTS), dates=ANNEX_III_DATES,
    ),
    _provider(
        "art_43_2_conformity_assessment_internal_control", "Art. 16(f), Art. 43(2), Annex VI",
        "Before placing on the market, carry out the conformity assessment based on internal control "
        "(Annex VI), without a notified body.",
        "Check yourself that the quality management system meets Art. 17 and that the technical documentation "
        "and the system meet the requirements of Art. 9-15, and record the result; no notified body is "
        "involved for Annex III points 2 to 8. Repeat the assessment after any substantial modification.",
        when=ANNEX_III_ROUTE & HasOtherThan(ANNEX_III, BIOMETRIC_POINTS), dates=ANNEX_III_DATES,
    ),
    _provider(
        "art_43_3_conformity_assessment_product_legislation", "Art. 16(f), Art. 43(3), Annex I Section A",
        "Assess conformity within the procedure of the product's own Union harmonisation legislation, with "
        "the requirements of Art. 9-15 part of it.",
        "Run the conformity assessment the product legislation (medical devices, machinery, toys, lifts and "
        "so on) prescribes, with its notified body also checking the AI requirements of Art. 9-15 and "
        "Annex VII points 4.3-4.5 and 4.6, fifth paragraph. Repeat it after any substantial modification.",
        when=ANNEX_I_ROUTE, date_key="annex_i_high_risk", dates=ANNEX_I_DATES,
    ),
    _provider(
        "art_47_eu_declaration_of_conformity", "Art. 16(g), Art. 47, Annex V",
        "Draw up a written EU declaration of conformity for the system and keep it for ten years.",
        "Sign a declaration with the content of Annex V (system, provider, standards applied, notified body "
        "and certificate where relevant), machine-readable or signed on paper, translated into the languages "
        "the Member States where it is sold require, and keep it up to date. For an Annex I product, a single "
        "declaration covers all the Union laws that apply.",
    ),
    _provider(
        "art_48_ce_marking", "Art. 16(h), Art. 48",
        "Affix the CE marking to the system, its packaging or documentation, with the notified body's number "
        "where one was involved.",
        "Place the CE marking visibly, legibly and indelibly on the system or, where that is impossible, on "
        "its packaging or documentation; a system provided only digitally carries a digital marking easily "
        "reachable through its interface. Add the notified body's identification number where one assessed "
        "the system.",
    ),
    _provider(
        "art_72_post_market_monitoring", "Art. 72",
        "Set up and document a post-market monitoring system, based on a post-market monitoring plan, "
        "proportionate to the risks of the system.",
        "Write a post-market monitoring plan as part of the technical documentation, then actively collect "
        "and analyse data on the system's performance throughout its lifetime (from deployers and other "
        "sources) to check that it keeps complying. Annex I product providers may fold this into the "
        "monitoring their product legislation already requires.",
    ),
    _provider(
        "art_73_serious_incident_reporting", "Art. 73",
        "Report any serious incident to the market surveillance authorities of the Member States where it "
        "occurred.",
        "Report as soon as a causal link (or its reasonable likelihood) is established, at the latest within "
        "15 days of becoming aware; within 2 days for a widespread infringement or a serious disruption of "
        "critical infrastructure, within 10 days in the event of a death. Then investigate, assess the risk "
        "and take corrective action without altering the system in a way that hampers the investigation.",
    ),
)

AUTHORISED_REPRESENTATIVE_DUTIES = (
    ObligationDef(
        id="art_22_1_appoint_authorised_representative", citation="Art. 22(1)", role="provider",
        duty="A provider established outside the Union appoints, by written mandate and before making the "
        "system available in the Union, an authorised representative established in the Union.",
        entails="Sign a written mandate with a person established in the Union allowing it at least to verify "
        "the declaration and documentation, keep them and your contact details for ten years, answer the "
        "authorities and register the system. Give it the powers and resources to do so.",
        applies_when=PROVIDER_OWES & Not(Fact("operator.established_in_eu")),
        date_key="annex_iii_high_risk", date_choices=HIGH_RISK_DATES, area="obligations", exempted_by=OSS,
        fine=f"Art. 99(4): {FINE_99_4}", fine_tier=OPERATOR_DUTIES, concerns="system",
    ),
    ObligationDef(
        id="art_22_3_authorised_representative_tasks", citation="Art. 22(3)-(4)",
        role="authorised_representative",
        duty="Carry out the tasks of the mandate: verify the provider's declaration and documentation, keep "
        "them for the authorities, cooperate with them, and end the mandate if the provider acts against the "
        "Regulation.",
        entails="Check that the EU declaration and technical documentation exist and that the conformity "
        "assessment was done; keep them and the provider's details for ten years; give the authorities the "
        "information they request and cooperate in reducing risks; register the system where the provider "
        "does not. Terminate the mandate and inform the authority if the provider breaches the Regulation.",
        applies_when=ACT_APPLIES & CHAPTER_III & Has("operator.roles", ("authorised_representative",))
        & REACHED_OTHERS & NOT_BANNED,
        date_key="annex_iii_high_risk", date_choices=HIGH_RISK_DATES[1:], area="obligations", exempted_by=OSS,
        fine=f"Art. 99(4)(b): {FINE_99_4}", fine_tier=OPERATOR_DUTIES, concerns="system",
    ),
)

DEPLOYER_DUTIES = (
    _deployer(
        "art_26_1_use_per_instructions", "Art. 26(1)",
        "Take appropriate technical and organisational measures to use the system in accordance with its "
        "instructions for use.",
        "Read the provider's instructions and organise the use around them: who may use the system, for which "
        "purpose, with which inputs and settings. Document these measures; a use outside the intended purpose "
        "can make you its provider (Art. 25(1)(c)).",
    ),
    _deployer(
        "art_26_2_human_oversight", "Art. 26(2)",
        "Assign human oversight to natural persons who have the necessary competence, training and authority, "
        "and the support they need.",
        "Name the people who oversee the system, train them on its capacities and limits, and give them the "
        "authority and time to question, override or stop its output. Keep a record of who they are and how "
        "they were prepared.",
    ),
    _deployer(
        "art_26_4_input_data", "Art. 26(4)",
        "To the extent it controls the input data, ensure that it is relevant and sufficiently representative "
        "for the intended purpose.",
        "Check the data you feed the system (forms, documents, sensor data) against what the instructions "
        "require, and keep it relevant and representative of the people and situations the system is used "
        "on.",
    ),
    _deployer(
        "art_26_5_monitor_and_report", "Art. 26(5)",
        "Monitor the operation of the system on the basis of its instructions, inform the provider, and report "
        "risks and serious incidents.",
        "Watch how the system performs in use and feed back to the provider (Art. 72). If you believe the use "
        "presents a risk, inform the provider or distributor and the market surveillance authority without "
        "undue delay and suspend the use; report a serious incident first to the provider, then to the "
        "importer or distributor and the authorities.",
    ),
    _deployer(
        "art_26_6_keep_logs", "Art. 26(6)",
        "Keep the logs the system automatically generates, to the extent they are under its control, for at "
        "least six months.",
        "Store the system's logs (for a system you run yourself) for a period fitting its purpose, at least six "
        "months unless Union or national law, data protection in particular, provides otherwise. Regulated "
        "financial institutions keep them as part of their internal governance records.",
    ),
    _deployer(
        "art_26_7_inform_workers", "Art. 26(7)",
        "Before putting into service or using the system at the workplace, an employer informs the workers' "
        "representatives and the affected workers that they will be subject to it.",
        "Tell the works council or other representatives and each affected worker, before the system is used "
        "on them, that it will be, following the information procedures of Union and national labour law. "
        "Keep a record of when and how they were informed.",
        when=Has(ANNEX_III, ("4b",)) | Fact("high_risk.used_on_own_workers"),
    ),
    _deployer(
        "art_26_8_public_authority_registration", "Art. 26(8), Art. 49(3)",
        "A deployer that is a public authority complies with the registration duty of Art. 49 and does not use "
        "a high-risk system that is not registered in the EU database.",
        "Before using the system, check that the provider registered it in the EU database, register yourself "
        "and your use of it (Art. 49(3)); if the system is not registered, do not use it and inform the "
        "provider or distributor.",
        when=PUBLIC_DEPLOYER_REGISTERS, dates=ANNEX_III_DATES,
    ),
    _deployer(
        "art_26_10_post_remote_biometric_authorisation", "Art. 26(10)",
        "For post-remote biometric identification in a criminal investigation, request authorisation from a "
        "judicial or administrative authority beforehand or within 48 hours, and limit the use to the "
        "targeted search.",
        "Ask the judicial or independent administrative authority for authorisation before each use, or "
        "within 48 hours; if it is refused, stop and delete the data. Never use the system untargeted, base "
        "no adverse decision on its output alone, document every use in the police file and report yearly to "
        "the market surveillance and data-protection authorities.",
        when=Has(ANNEX_III, ("1a",)) & Fact("high_risk.post_remote_biometric_id_investigation"),
    ),
    _deployer(
        "art_26_11_inform_affected_persons", "Art. 26(11)",
        "Inform the natural persons about whom the Annex III system makes or assists decisions that they are "
        "subject to its use.",
        "Tell applicants, customers, patients or other people concerned, for example in the application form, "
        "the decision letter or the privacy notice, that a high-risk AI system is used in deciding about them. "
        "For law enforcement, Art. 13 of Directive (EU) 2016/680 governs how.",
        when=ANNEX_III_ROUTE & NOT_POINT_2_ONLY, dates=ANNEX_III_DATES,
    ),
    ObligationDef(
        id="art_86_right_to_explanation", citation="Art. 86", role="deployer",
        duty="Give a person affected by a decision based on the output of an Annex III high-risk system (point 2 "
        "aside), with legal or similarly significant effects, a clear and meaningful explanation of the "
        "system's role and the main elements of the decision, on request.",
        entails="Be ready to explain, when someone asks, what the system contributed to a decision about them "
        "and the main reasons for the decision, in words they can follow. Keep the information needed to do "
        "so, such as the inputs, the output and the human review, for each decision.",
        applies_when=DEPLOYER_OWES & ANNEX_III_ROUTE & NOT_POINT_2_ONLY,
        date_key="annex_iii_high_risk", date_choices=ANNEX_III_DATES, area="obligations", exempted_by=OSS,
        fine="Art. 99(1): penalties set by the Member States (Art. 86 is not listed in Art. 99(4))",
        fine_tier=MEMBER_STATES, concerns="system",
    ),
)

MODULE = RuleModule(
    obligations=PROVIDER_DUTIES + AUTHORISED_REPRESENTATIVE_DUTIES + DEPLOYER_DUTIES,
    notes=(
        "High-risk duties: art_16_high_risk_provider and art_26_high_risk_deployer are the umbrella duties; "
        "the finer duties (Art. 9-15, 17-21, 43, 47-48, 72-73; Art. 26(1)-(11)) apply exactly when their "
        "umbrella does, with the same dates and exemptions, plus the conditions of their own paragraph.",
        "High-risk duties: Art. 43-48 (Chapter III Section 5) and Art. 72, 73 and 86 (Chapter IX) are dated "
        "like the Chapter III duties, from the date the system counts as high-risk under the law in force; "
        "the amendment, as reported, moved Chapter III Sections 1-3 only, so this is a derived reading.",
        "High-risk duties: the conformity assessment route follows Art. 43: Annex III point 1 by internal "
        "control or a notified body (which of the two turns on whether harmonised standards were applied in "
        "full, not asked), points 2-8 by internal control, Annex I Section A products within their own "
        "legislation's procedure.",
        "High-risk duties: Art. 26(7) is read for deployers using an Annex III point 4(b) system or saying their "
        "own workers are subject to the system (high_risk.used_on_own_workers); Art. 26(10) for a point 1(a) "
        "system used for post-remote identification in a criminal investigation "
        "(high_risk.post_remote_biometric_id_investigation); Art. 26(11) and Art. 86 for every Annex III "
        "system but point 2, taken as making or assisting decisions about people. Whether a decision has "
        "legal or similarly significant effects (Art. 86(1)) and the exceptions of Art. 86(2)-(3) are not "
        "computed.",
        "High-risk duties: Art. 22(1) binds a provider not established in the Union "
        "(operator.established_in_eu); the representative's own tasks (Art. 22(3)) bind an operator in the "
        "authorised_representative role.",
        "High-risk duties: simplifications for small enterprises (simplified technical documentation, "
        "Art. 11(1); the quality management system in proportion to size, Art. 17(2), Art. 63) are described "
        "in the duties' wording, not computed.",
    ),
)
