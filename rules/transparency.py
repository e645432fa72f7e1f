"""Art. 50: transparency duties for certain AI systems.

Art. 50 has four paragraphs with four addressees. Two of them bind the
*provider* (50(1) interaction with people, 50(2) marking synthetic content),
two the *deployer* (50(3) emotion recognition and biometric categorisation,
50(4) deep fakes and public-interest text).

How the parts fit:

- ``transparency_50_1`` ... ``transparency_50_4`` (internal) say whether the
  **system** falls under that paragraph, whoever the addressee: its kind of
  output or use, minus the paragraph's own exceptions. They read only the
  ``transparency`` facts and whether the artefact is an AI system (Art. 50
  speaks of AI systems; a bare model is reached only through a system built
  on it, Art. 3(66)).
- ``transparency_obligations`` (headline) is yes when the system falls under
  at least one paragraph. That is the meaning Art. 2(12) needs ("placed on the
  market or put into service as a system that falls under Art. 50", read in
  ``rules/openness.py``): it is about the system, not about who must act.
- The **obligations** add the addressee: the operator's role and whether the
  Act applies to it at all. A deployer of a chatbot thus sees no 50(1) duty,
  though the chatbot falls under Art. 50.

Every exception is an explicit override of the paragraph's "yes" rule. The
law-enforcement exceptions share one fact (``transparency.law_enforcement_
authorised``), as the questionnaire asks it once for all paragraphs. Only
Art. 50(1) has a proviso: its exception does not cover a system available to
the public to report a criminal offence, a fact of its own
(``transparency.public_can_report_crime``), asked only once the law-enforcement
answer is yes; unanswered, it keeps the 50(1) exception open. The 50(2)
exception has no such proviso, so a crime-reporting
chatbot authorised by law still owes the 50(1) disclosure but no marking.

Dates: Art. 50 applies from 2 August 2026 (Art. 113). Regulation (EU)
2026/1744 inserted Art. 111(4) (as reported): providers of generative systems
placed on the market before 2 August 2026 have until 2 December 2026 for the
50(2) marking. That is a date choice of the 50(2) obligation, gated on the
amendment being in force; before 27 July 2026 the law as adopted has no such
grace period.
"""

from datetime import date

from aiact.engine import (
    Before,
    Concl,
    ConclusionDef,
    DateChoice,
    Fact,
    Has,
    Known,
    LawInForce,
    Not,
    ObligationDef,
    Otherwise,
    Rule,
    RuleModule,
    Tri,
)

from .fines import OPERATOR_DUTIES
from .high_risk import SECTION_B_ONLY
from .value_chain import BECOMES_PROVIDER_AS_STATED

T = "transparency."
INTERACTS = T + "interacts_with_natural_persons"
OBVIOUS = T + "ai_interaction_obvious"
SYNTHETIC = T + "generates_synthetic_content"
ASSISTIVE = T + "assistive_or_minor_editing_only"
EMOTION_OR_BIOMETRIC = T + "emotion_recognition_or_biometric_categorisation"
DEEP_FAKE = T + "deep_fake"
PUBLIC_TEXT = T + "public_interest_text"
EDITORIAL = T + "public_interest_text_editorial_control"
LAW_ENFORCEMENT = T + "law_enforcement_authorised"
PUBLIC_REPORTING = T + "public_can_report_crime"
LAW_ENFORCEMENT_STATED = Known(LAW_ENFORCEMENT) & Fact(LAW_ENFORCEMENT)
"""A stated presumption (docs/writing-rules.md): the law-enforcement exceptions of Art. 50(1)-(4) cover
only systems authorised by law for criminal-offence purposes, which their operators know they run. The
exception counts once stated; left unanswered it does not keep every chatbot's duty open (the rule book
and the module notes say so; like every fact read this way, it is asked only while the duty is still open)."""

AI_SYSTEM = Concl("ai_system")
PARAGRAPHS = ("transparency_50_1", "transparency_50_2", "transparency_50_3", "transparency_50_4")


def _not_an_ai_system(paragraph: str) -> Rule:
    """Art. 50 concerns AI systems only: a rule shared in shape by every paragraph."""
    return Rule(
        f"art50_{paragraph}.not_an_ai_system", f"Art. 50({paragraph}), Art. 3(1)",
        "Art. 50 imposes its duties for AI systems; the artefact is not one (a model is reached only "
        "through a system built on it).",
        Not(AI_SYSTEM), Tri.NO,
    )


def _paragraph(number: str, title: str, *rules: Rule) -> ConclusionDef:
    """One paragraph of Art. 50 as an internal conclusion: its rules, then the shared not-a-system rule.

    Every paragraph has the same frame (internal, in this area, "no" when nothing applies); only its
    rules differ, so the frame is written once.
    """
    return ConclusionDef(
        id=f"transparency_50_{number}",
        title=f"Art. 50({number}): {title}",
        area="transparency",
        internal=True,
        rules=(*rules, _not_an_ai_system(number)),
        otherwise=Otherwise(f"art50_{number}.not_applicable", f"Art. 50({number})",
                            f"Art. 50({number}) does not apply to the system."),
    )


transparency_50_1 = _paragraph(
    "1", "a system meant to interact directly with people",
    Rule(
        "art50_1.interacts_with_persons", "Art. 50(1)",
        "An AI system intended to interact directly with natural persons must be designed so that they "
        "are told they are dealing with an AI system.",
        AI_SYSTEM & Fact(INTERACTS), Tri.YES,
    ),
    Rule(
        "art50_1.obvious_from_context", "Art. 50(1)",
        "No such information is needed where a reasonably well-informed, observant and circumspect "
        "person would find it obvious, from the circumstances and context, that it is an AI system.",
        Fact(OBVIOUS), Tri.NO, overrides=("art50_1.interacts_with_persons",),
        not_formalised="Whether it is obvious to that notional person is evaluative: asked, not computed.",
    ),
    Rule(
        "art50_1.law_enforcement", "Art. 50(1)",
        "Systems authorised by law to detect, prevent, investigate or prosecute criminal offences, "
        "with safeguards, are excepted, unless the public can use them to report a criminal offence.",
        LAW_ENFORCEMENT_STATED & Not(Fact(PUBLIC_REPORTING)), Tri.NO,
        overrides=("art50_1.interacts_with_persons",),
        not_formalised="Once the law-enforcement exception is stated, the proviso is read plainly: while it "
        "is unanswered the exception, and so the 50(1) duty, stays open (unknown is not no).",
    ),
    Rule(
        "art50_1.no_direct_interaction", "Art. 50(1)",
        "The system is not intended to interact directly with natural persons.",
        Not(Fact(INTERACTS)), Tri.NO,
    ),
)

transparency_50_2 = _paragraph(
    "2", "a system generating synthetic audio, image, video or text",
    Rule(
        "art50_2.generates_synthetic_content", "Art. 50(2)",
        "An AI system, general-purpose AI systems included, that generates synthetic audio, image, "
        "video or text must mark its outputs, machine-readably, as artificially generated or manipulated.",
        AI_SYSTEM & Fact(SYNTHETIC), Tri.YES,
    ),
    Rule(
        "art50_2.assistive_or_no_substantial_alteration", "Art. 50(2)",
        "The marking duty does not apply to the extent the system only assists standard editing or does "
        "not substantially alter the input data or its meaning.",
        Fact(ASSISTIVE), Tri.NO, overrides=("art50_2.generates_synthetic_content",),
        not_formalised="What is 'standard' editing and a 'substantial' alteration is evaluative: asked, "
        "not computed.",
    ),
    Rule(
        "art50_2.law_enforcement", "Art. 50(2)",
        "The marking duty does not apply where the use is authorised by law to detect, prevent, "
        "investigate or prosecute criminal offences.",
        LAW_ENFORCEMENT_STATED, Tri.NO, overrides=("art50_2.generates_synthetic_content",),
    ),
    Rule(
        "art50_2.no_synthetic_content", "Art. 50(2)",
        "The system does not generate synthetic audio, image, video or text.",
        Not(Fact(SYNTHETIC)), Tri.NO,
    ),
)

transparency_50_3 = _paragraph(
    "3", "an emotion recognition or biometric categorisation system",
    Rule(
        "art50_3.emotion_recognition_or_biometric_categorisation", "Art. 50(3)",
        "Whoever deploys an emotion recognition or biometric categorisation system must inform the "
        "people exposed to it and process their personal data under the data-protection law.",
        AI_SYSTEM & Fact(EMOTION_OR_BIOMETRIC), Tri.YES,
    ),
    Rule(
        "art50_3.law_enforcement", "Art. 50(3)",
        "The duty does not apply to such systems permitted by law to detect, prevent or investigate "
        "criminal offences, with safeguards for third parties' rights and freedoms.",
        LAW_ENFORCEMENT_STATED, Tri.NO,
        overrides=("art50_3.emotion_recognition_or_biometric_categorisation",),
    ),
    Rule(
        "art50_3.not_emotion_or_biometric", "Art. 50(3)",
        "The system is neither an emotion recognition nor a biometric categorisation system.",
        Not(Fact(EMOTION_OR_BIOMETRIC)), Tri.NO,
    ),
)

_50_4_YES = ("art50_4.deep_fake", "art50_4.public_interest_text")

transparency_50_4 = _paragraph(
    "4", "deep fakes, and text informing the public on matters of public interest",
    Rule(
        "art50_4.deep_fake", "Art. 50(4), first subparagraph, Art. 3(60)",
        "Whoever deploys an AI system to generate or manipulate image, audio or video content that is a "
        "deep fake must disclose that it is artificially generated or manipulated.",
        AI_SYSTEM & Fact(DEEP_FAKE), Tri.YES,
        not_formalised="For evidently artistic, creative, satirical or fictional works the duty shrinks "
        "to disclosing that such content exists, without hampering the work: a limit on how to disclose, "
        "not an exception, so it is not computed.",
    ),
    Rule(
        "art50_4.public_interest_text", "Art. 50(4), second subparagraph",
        "Whoever deploys an AI system to generate or manipulate text published to inform the public on "
        "matters of public interest must disclose that it is artificially generated or manipulated, "
        "unless it underwent human review or editorial control under someone's editorial responsibility.",
        AI_SYSTEM & Fact(PUBLIC_TEXT) & Not(Fact(EDITORIAL)), Tri.YES,
        not_formalised="Whether a text informs the public on a matter of public interest is asked, not "
        "computed.",
    ),
    Rule(
        "art50_4.law_enforcement", "Art. 50(4)",
        "Neither disclosure is owed where the use is authorised by law to detect, prevent, investigate "
        "or prosecute criminal offences.",
        LAW_ENFORCEMENT_STATED, Tri.NO, overrides=_50_4_YES,
    ),
    Rule(
        "art50_4.text_under_editorial_responsibility", "Art. 50(4), second subparagraph",
        "The published text underwent human review or editorial control and someone holds editorial "
        "responsibility for it, and no deep fake is made.",
        Not(Fact(DEEP_FAKE)) & Fact(EDITORIAL), Tri.NO,
    ),
    Rule(
        "art50_4.no_deep_fake_or_public_text", "Art. 50(4)",
        "The system neither makes deep fakes nor generates text published to inform the public on "
        "matters of public interest.",
        Not(Fact(DEEP_FAKE)) & Not(Fact(PUBLIC_TEXT)), Tri.NO,
    ),
)

transparency_obligations = ConclusionDef(
    id="transparency_obligations",
    title="The system falls under Art. 50 (a transparency duty applies to it)",
    area="transparency",
    rules=(
        Rule("art50_1.applies", "Art. 50(1)",
             "The system interacts directly with people: its provider must make that known.",
             Concl("transparency_50_1"), Tri.YES),
        Rule("art50_2.applies", "Art. 50(2)",
             "The system generates synthetic content: its provider must mark the outputs.",
             Concl("transparency_50_2"), Tri.YES),
        Rule("art50_3.applies", "Art. 50(3)",
             "The system recognises emotions or categorises people biometrically: its deployer must inform "
             "those exposed.",
             Concl("transparency_50_3"), Tri.YES),
        Rule("art50_4.applies", "Art. 50(4)",
             "The system makes deep fakes or public-interest text: its deployer must disclose it.",
             Concl("transparency_50_4"), Tri.YES),
        Rule("art50.no_paragraph", "Art. 50(1)-(4)",
             "None of the four paragraphs of Art. 50 covers the system.",
             Not(Concl("transparency_50_1")) & Not(Concl("transparency_50_2"))
             & Not(Concl("transparency_50_3")) & Not(Concl("transparency_50_4")), Tri.NO),
    ),
    otherwise=Otherwise("art50.not_applicable", "Art. 50", "Nothing brings the system under Art. 50."),
)

ACT_APPLIES = Concl("act_applies")
PROVIDER = Has("operator.roles", ("provider", "product_manufacturer")) | BECOMES_PROVIDER_AS_STATED
"""Art. 50(1)-(2) bind providers; a product manufacturer placing the system with its product under its own
name is one (Art. 3(3), Art. 2(1)(e)), and so is an operator that Art. 25(1) makes the provider "for the
purposes of this Regulation" (on a stated Art. 25(1) trigger, see ``BECOMES_PROVIDER_AS_STATED``)."""
OUTSIDE_SECTION_B = Not(SECTION_B_ONLY)
"""Art. 2(2): a system high-risk only as part of an Annex I Section B product is under Art. 6(1), 102-109
and 112 alone; Art. 50 does not reach it."""
DEPLOYER = Has("operator.roles", ("deployer",))
FINE = "Art. 99(4)(g): up to EUR 15 million or 3 % of worldwide annual turnover, whichever is higher"

LEGACY_GENERATIVE = LawInForce("omnibus_2026") & Before("market.first_placed_on", date(2026, 8, 2))
"""Art. 111(4), inserted by Regulation (EU) 2026/1744: a generative system already on the market."""

OBLIGATIONS = (
    ObligationDef(
        id="art_50_1_disclose_ai_interaction", citation="Art. 50(1)", role="provider",
        duty="Design and develop the system so that the people interacting with it are told, clearly and at "
        "the latest at the first interaction, that they are dealing with an AI system (Art. 50(5)).",
        applies_when=ACT_APPLIES & PROVIDER & Concl("transparency_50_1") & OUTSIDE_SECTION_B,
        date_key="general", fine=FINE, fine_tier=OPERATOR_DUTIES, concerns="system", area="transparency",
        entails="Build the disclosure into the product: a notice in the chat window, the voice prompt or the "
        "avatar itself, shown at the latest at the first interaction and accessible to persons with "
        "disabilities. It is not needed where the AI nature is obvious to a reasonably well-informed person.",
    ),
    ObligationDef(
        id="art_50_2_mark_synthetic_content", citation="Art. 50(2)", role="provider",
        duty="Mark the synthetic audio, image, video or text outputs in a machine-readable format, detectable "
        "as artificially generated or manipulated, with effective, interoperable, robust and reliable "
        "technical solutions as far as technically feasible.",
        applies_when=ACT_APPLIES & PROVIDER & Concl("transparency_50_2") & OUTSIDE_SECTION_B,
        date_key="general",
        date_choices=(DateChoice(LEGACY_GENERATIVE, "art_50_2_legacy"),),
        fine=FINE, fine_tier=OPERATOR_DUTIES, concerns="system", area="transparency",
        entails="Embed a machine-readable mark in generated audio, images, video and text (watermarks, "
        "metadata, fingerprints or a combination) that detectors can read. The technique must be effective, "
        "interoperable and robust as far as technically feasible, taking the kind of content and the cost "
        "into account.",
    ),
    ObligationDef(
        id="art_50_3_inform_exposed_persons", citation="Art. 50(3)", role="deployer",
        duty="Inform the natural persons exposed to the emotion recognition or biometric categorisation "
        "system of its operation, and process their personal data under Regulations (EU) 2016/679 and "
        "2018/1725 and Directive (EU) 2016/680.",
        applies_when=ACT_APPLIES & DEPLOYER & Concl("transparency_50_3") & OUTSIDE_SECTION_B,
        date_key="general", fine=FINE, fine_tier=OPERATOR_DUTIES, concerns="system", area="transparency",
        entails="Tell the people exposed, clearly and at the latest when they are first exposed, that an "
        "emotion recognition or biometric categorisation system is operating (signs, notices, privacy "
        "information). Process their personal data on a lawful basis under the GDPR or the law-enforcement "
        "data-protection rules.",
    ),
    ObligationDef(
        id="art_50_4_disclose_deep_fake", citation="Art. 50(4)", role="deployer",
        duty="Disclose that deep-fake image, audio or video content is artificially generated or manipulated "
        "(for evidently artistic, satirical or fictional works, only that such content exists); and disclose "
        "that text published to inform the public on matters of public interest is AI-generated, unless a "
        "person holds editorial responsibility for it after human review.",
        applies_when=ACT_APPLIES & DEPLOYER & Concl("transparency_50_4") & OUTSIDE_SECTION_B,
        date_key="general", fine=FINE, fine_tier=OPERATOR_DUTIES, concerns="system", area="transparency",
        entails="Label deep-fake images, audio and video as artificially generated or manipulated wherever "
        "they are published; for evidently artistic, satirical or fictional works a discreet mention that "
        "does not spoil the work suffices. Label AI-written text published to inform the public on matters of "
        "public interest, unless an editor reviewed it and a person holds editorial responsibility.",
    ),
)

MODULE = RuleModule(
    conclusions=(transparency_50_1, transparency_50_2, transparency_50_3, transparency_50_4,
                 transparency_obligations),
    obligations=OBLIGATIONS,
    notes=(
        "Art. 50(1)-(4): the law-enforcement exceptions count only once transparency.law_enforcement_authorised "
        "is stated true (a stated presumption: a system authorised by law for criminal-offence purposes is "
        "something its operator knows); an unanswered question does not keep an ordinary system's duty open.",
        "Art. 50: the paragraph conclusions say whether the system falls under a paragraph; who must act "
        "(provider for 50(1)-(2), deployer for 50(3)-(4)) is decided in the obligations, so "
        "transparency_obligations can serve Art. 2(12), which asks about the system.",
        "Art. 50: whether the AI nature is 'obvious' to a reasonably well-informed person, what is 'standard "
        "editing' or a 'substantial' alteration, whether text informs the public on a matter of public "
        "interest, and whether human review carries editorial responsibility are evaluative: asked, not "
        "computed.",
        "Art. 50: the law-enforcement exceptions of paragraphs 1-4 share one fact; the proviso of 50(1) for "
        "systems the public can use to report a crime is its own fact (transparency.public_can_report_crime), "
        "which lifts only the 50(1) exception: 50(2) has no such proviso.",
        "Art. 50(4): the lighter disclosure for evidently artistic, creative, satirical or fictional works "
        "limits how to disclose; it is not an exception and is not computed. Both subparagraphs of 50(4) are "
        "one obligation, art_50_4_disclose_deep_fake.",
        "Art. 50(2) for generative systems first placed on the market before 2 August 2026 applies from "
        "2 December 2026 (Art. 111(4), inserted by Regulation (EU) 2026/1744, as reported); "
        "market.first_placed_on stands for 'placed on the market'. While that date is unknown the earlier, "
        "general date is shown with the later one as an alternative.",
        "Art. 50(1)-(2): a product manufacturer that places the AI system on the market with its product under "
        "its own name or trademark (the role product_manufacturer, Art. 2(1)(e)) is its provider under Art. 3(3) "
        "and owes the provider's duties.",
        "Art. 50: an operator that Art. 25(1) makes the provider of a high-risk system owes the provider's "
        "duties of 50(1)-(2) too. A system high-risk only as part of an Annex I Section B product owes no "
        "Art. 50 duty (Art. 2(2)); that is read only when the user names Section B.",
        "Art. 50(5)-(7) (how and when to inform, other transparency law, codes of practice) describe the "
        "manner of the duties and are folded into the obligations' wording.",
    ),
)
