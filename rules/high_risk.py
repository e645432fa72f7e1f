"""Art. 6, Annex I and Annex III: is this AI system high-risk, and under which regime?

Two routes lead to high-risk, and the law treats them differently:

- **Art. 6(1), the product route** (``high_risk_annex_i``): the system is, or
  is a safety component of, a product covered by the Union harmonisation
  legislation of Annex I, and that product must undergo third-party
  conformity assessment. Both elements are asked; either settled "no" ends
  the route.
- **Art. 6(2), the use-case route** (``high_risk_annex_iii``): the intended
  purpose falls under a point of Annex III. One rule per point, so that the
  reason cites the point itself. The **Art. 6(3) derogation**
  (``art_6_3_derogation``) is an explicit exception that overrides those
  rules, and the **profiling** sentence of Art. 6(3) is in turn an explicit
  exception to the derogation: an Annex III system that profiles natural
  persons is always high-risk.

``high_risk`` joins the two routes. ``high_risk_chapter_iii`` then says
whether the Chapter III requirements and the operators' duties attach: not
when the system is high-risk only as part of a product under Annex I
**Section B**, for which Art. 2(2) keeps only Art. 6(1), 102-109 and 112.

Why the derogation asks for *both* a condition of (a)-(d) and the absence of
a significant risk: the first subparagraph of Art. 6(3) states the test (no
significant risk of harm, including by not materially influencing the
decision), and the second says it applies "where any of the following
conditions is fulfilled". A condition of (a)-(d) alone does not settle it.
"""

from aiact.engine import (
    Concl,
    ConclusionDef,
    Empty,
    Equals,
    Fact,
    Has,
    Known,
    Not,
    Otherwise,
    Rule,
    RuleModule,
    Tri,
)

ANNEX_III = "high_risk.annex_iii"
SAFETY_COMPONENT = "high_risk.annex_i_safety_component"
THIRD_PARTY = "high_risk.annex_i_third_party_assessment"
SECTION = "high_risk.annex_i_section"

AI_SYSTEM = Concl("ai_system")
LISTED_IN_ANNEX_III = Not(Empty(ANNEX_III))

ANNEX_III_POINTS: tuple[tuple[str, str], ...] = (
    ("1a", "Remote biometric identification of people (not mere verification that a person is who they "
           "claim to be) is a listed biometric use."),
    ("1b", "Categorising people by sensitive or protected attributes inferred from their biometric data is a "
           "listed biometric use."),
    ("1c", "Recognising people's emotions is a listed biometric use."),
    ("2", "Serving as a safety component in running critical digital infrastructure, road traffic, or the "
          "supply of water, gas, heating or electricity is a listed use."),
    ("3a", "Deciding on access or admission to education or vocational training, or assigning people to "
           "institutions, is a listed use."),
    ("3b", "Evaluating learning outcomes, including to steer a person's learning, is a listed use."),
    ("3c", "Assessing the level of education a person will receive or be able to access is a listed use."),
    ("3d", "Monitoring and detecting prohibited behaviour of students during tests is a listed use."),
    ("4a", "Recruiting or selecting people, such as targeting job ads, filtering applications or evaluating "
           "candidates, is a listed use."),
    ("4b", "Deciding on work terms, promotion or termination, allocating tasks by behaviour or traits, or "
           "monitoring and evaluating workers is a listed use."),
    ("5a", "A public authority (or someone on its behalf) evaluating eligibility for essential public "
           "benefits and services, or granting, cutting or reclaiming them, is a listed use."),
    ("5b", "Evaluating the creditworthiness of natural persons or setting their credit score, fraud "
           "detection aside, is a listed use."),
    ("5c", "Assessing risk and setting prices for natural persons in life or health insurance is a listed "
           "use."),
    ("5d", "Evaluating and classifying emergency calls, dispatching or prioritising first responders, or "
           "triaging emergency patients is a listed use."),
    ("6a", "For law enforcement, assessing a person's risk of becoming a victim of crime is a listed use."),
    ("6b", "For law enforcement, polygraphs and similar tools are a listed use."),
    ("6c", "For law enforcement, evaluating the reliability of evidence is a listed use."),
    ("6d", "For law enforcement, assessing a person's risk of offending or reoffending other than solely by "
           "profiling, or assessing personality traits or past criminal conduct, is a listed use."),
    ("6e", "For law enforcement, profiling people in detecting, investigating or prosecuting crime is a listed "
           "use."),
    ("7a", "For migration, asylum and border control, polygraphs and similar tools are a listed use."),
    ("7b", "For migration and border control, assessing the security, irregular-migration or health risk "
           "posed by a person entering the Union is a listed use."),
    ("7c", "Assisting the examination of asylum, visa or residence applications and related complaints, "
           "including the reliability of evidence, is a listed use."),
    ("7d", "For migration and border control, detecting, recognising or identifying people (travel-document "
           "checks aside) is a listed use."),
    ("8a", "Assisting a judicial authority or an alternative dispute resolution body in researching and "
           "interpreting facts and law and applying the law is a listed use."),
    ("8b", "Influencing the outcome of an election or referendum or people's voting behaviour (campaign "
           "logistics tools aside) is a listed use."),
)
"""Every point of Annex III, with a paraphrase used as the reason when it applies."""


def _point_citation(point: str) -> str:
    """``4a`` -> ``Art. 6(2), Annex III point 4(a)``; ``2`` -> ``... point 2``."""
    area, letter = point[0], point[1:]
    return f"Art. 6(2), Annex III point {area}" + (f"({letter})" if letter else "")


# --- Art. 6(1): the product route -------------------------------------------

high_risk_annex_i = ConclusionDef(
    id="high_risk_annex_i",
    title="Art. 6(1): high-risk as (a safety component of) an Annex I product",
    area="high_risk",
    internal=True,
    rules=(
        Rule(
            "art6_1.product_route", "Art. 6(1)(a), Art. 6(1)(b), Annex I",
            "An AI system that is, or is a safety component of, a product covered by Annex I legislation, "
            "where that product must pass a third-party conformity assessment, is high-risk.",
            AI_SYSTEM & Fact(SAFETY_COMPONENT) & Fact(THIRD_PARTY), Tri.YES,
            not_formalised="Whether the system is a safety component (Art. 3(14)) is asked. The 2026 "
            "amendment reportedly ties 'safety component' to the intended purpose and narrows the route "
            "(new Art. 6(1a)-(1c)); its text was not checked, so the answer is taken as given.",
        ),
        Rule(
            "art6_1.not_annex_i_product", "Art. 6(1)(a)",
            "The system is neither a product covered by Annex I legislation nor a safety component of one.",
            Not(Fact(SAFETY_COMPONENT)), Tri.NO,
        ),
        Rule(
            "art6_1.no_third_party_assessment", "Art. 6(1)(b)",
            "The product does not have to pass a third-party conformity assessment under its Annex I "
            "legislation, so the product route does not apply.",
            Not(Fact(THIRD_PARTY)), Tri.NO,
        ),
        Rule(
            "art6_1.not_an_ai_system", "Art. 6(1), Art. 3(1)",
            "Only an AI system can be classified as high-risk.",
            Not(AI_SYSTEM), Tri.NO,
        ),
    ),
    otherwise=Otherwise(
        "art6_1.no_product_route", "Art. 6(1)",
        "The conditions of the product route are not met.",
    ),
)

# --- Art. 6(3): the derogation and its profiling exception -----------------

_DEROGATION_CONDITIONS = (
    ("a", "narrow_procedural_task", "performs a narrow procedural task"),
    ("b", "improves_prior_human_activity", "improves the result of a human activity already completed"),
    ("c", "detects_patterns_without_replacing_human",
     "detects decision-making patterns or deviations without replacing or influencing the earlier human "
     "assessment absent proper human review"),
    ("d", "preparatory_task", "performs a task preparatory to an assessment relevant to an Annex III use"),
)
_DEROGATION_RULES = tuple(f"art6_3_{letter}.{field}" for letter, field, _ in _DEROGATION_CONDITIONS)
SIGNIFICANT_RISK = "high_risk.significant_risk_of_harm"
SIGNIFICANT_RISK_STATED = Known(SIGNIFICANT_RISK) & Fact(SIGNIFICANT_RISK)
NO_SIGNIFICANT_RISK = Not(SIGNIFICANT_RISK_STATED)
"""Working reading of the open question art_6_3_conditions: a condition of Art. 6(3)(a)-(d) suffices
("the first subparagraph shall apply where any of the following conditions is fulfilled"), unless the
user states that the system does pose a significant risk of harm. Hence ``Known``: an unanswered
significant-risk question does not hold the derogation back, a stated yes does."""

art_6_3_derogation = ConclusionDef(
    id="art_6_3_derogation",
    title="Art. 6(3) derogation: an Annex III system that is not high-risk",
    area="high_risk",
    rules=(
        *(
            Rule(
                f"art6_3_{letter}.{field}", f"Art. 6(3)({letter})",
                f"An Annex III system that {what}, and poses no significant risk of harm to health, safety "
                "or fundamental rights, is not high-risk.",
                AI_SYSTEM & LISTED_IN_ANNEX_III & Fact(f"high_risk.{field}") & NO_SIGNIFICANT_RISK, Tri.YES,
                reading="art_6_3_conditions",
                not_formalised="Whether the system poses a significant risk of harm, including by "
                "materially influencing the outcome of decisions, is evaluative: asked, not computed.",
            )
            for letter, field, what in _DEROGATION_CONDITIONS
        ),
        Rule(
            "art6_3.profiling", "Art. 6(3), third subparagraph, Art. 3(52)",
            "An Annex III system that profiles natural persons is always high-risk, whatever the derogation "
            "would otherwise allow.",
            LISTED_IN_ANNEX_III & Fact("high_risk.profiling"), Tri.NO,
            overrides=_DEROGATION_RULES,
            not_formalised="Profiling has the meaning of Art. 4(4) GDPR (Art. 3(52)): asked, not computed.",
        ),
        Rule(
            "art6_3.significant_risk", "Art. 6(3), first subparagraph",
            "The system poses a significant risk of harm to health, safety or fundamental rights, so the "
            "derogation cannot apply.",
            SIGNIFICANT_RISK_STATED, Tri.NO, reading="art_6_3_conditions",
        ),
        Rule(
            "art6_3.no_condition", "Art. 6(3), second subparagraph",
            "None of the four conditions of Art. 6(3)(a)-(d) is fulfilled, so the derogation cannot apply.",
            Not(Fact("high_risk.narrow_procedural_task")) & Not(Fact("high_risk.improves_prior_human_activity"))
            & Not(Fact("high_risk.detects_patterns_without_replacing_human"))
            & Not(Fact("high_risk.preparatory_task")),
            Tri.NO,
        ),
        Rule(
            "art6_3.not_in_annex_iii", "Art. 6(3)",
            "The derogation concerns only systems referred to in Annex III, and none of its points applies.",
            Empty(ANNEX_III), Tri.NO,
        ),
        Rule(
            "art6_3.not_an_ai_system", "Art. 6(3), Art. 3(1)",
            "The derogation concerns AI systems only.",
            Not(AI_SYSTEM), Tri.NO,
        ),
    ),
    otherwise=Otherwise(
        "art6_3.not_established", "Art. 6(3)",
        "The conditions of the Art. 6(3) derogation are not established.",
    ),
)

# --- Art. 6(2): the use-case route -----------------------------------------

_POINT_RULES = tuple(f"art6_2.annex_iii_point_{point}" for point, _ in ANNEX_III_POINTS)

high_risk_annex_iii = ConclusionDef(
    id="high_risk_annex_iii",
    title="Art. 6(2): high-risk through an Annex III use, after the Art. 6(3) derogation",
    area="high_risk",
    internal=True,
    rules=(
        *(
            Rule(
                f"art6_2.annex_iii_point_{point}", _point_citation(point), says,
                AI_SYSTEM & Has(ANNEX_III, (point,)), Tri.YES,
            )
            for point, says in ANNEX_III_POINTS
        ),
        Rule(
            "art6_2.derogated", "Art. 6(3), Art. 6(2)",
            "The Art. 6(3) derogation takes the Annex III system out of high-risk.",
            Concl("art_6_3_derogation"), Tri.NO, overrides=_POINT_RULES,
        ),
        Rule(
            "art6_2.not_in_annex_iii", "Art. 6(2), Annex III",
            "The intended purpose falls under none of the points of Annex III.",
            Empty(ANNEX_III), Tri.NO,
        ),
        Rule(
            "art6_2.not_an_ai_system", "Art. 6(2), Art. 3(1)",
            "Only an AI system can be classified as high-risk.",
            Not(AI_SYSTEM), Tri.NO,
        ),
    ),
    otherwise=Otherwise(
        "art6_2.no_use_case_route", "Art. 6(2)",
        "The conditions of the Annex III route are not met.",
    ),
)

# --- Art. 6: the headline ----------------------------------------------------

high_risk = ConclusionDef(
    id="high_risk",
    title="High-risk AI system (Art. 6)",
    area="high_risk",
    rules=(
        Rule(
            "art6_1.annex_i_route", "Art. 6(1)",
            "The system is high-risk through the Annex I product route.",
            Concl("high_risk_annex_i"), Tri.YES,
        ),
        Rule(
            "art6_2.annex_iii", "Art. 6(2), Annex III",
            "The system is high-risk through an Annex III use that the derogation does not take out.",
            Concl("high_risk_annex_iii"), Tri.YES,
        ),
        Rule(
            "art6.no_route", "Art. 6(1), Art. 6(2)",
            "Neither the Annex I product route nor the Annex III route makes the system high-risk.",
            Not(Concl("high_risk_annex_i")) & Not(Concl("high_risk_annex_iii")), Tri.NO,
        ),
    ),
    otherwise=Otherwise("art6.not_high_risk", "Art. 6", "Neither route to high-risk applies."),
)

# --- Art. 2(2): full Chapter III regime or the Section B limited regime -----

high_risk_chapter_iii = ConclusionDef(
    id="high_risk_chapter_iii",
    title="High-risk with the Chapter III requirements and operator duties (not Annex I Section B only)",
    area="high_risk",
    internal=True,
    rules=(
        Rule(
            "art2_2.annex_iii_full_regime", "Art. 6(2), Art. 2(1)",
            "A system high-risk through Annex III is under the full regime for high-risk systems.",
            Concl("high_risk_annex_iii"), Tri.YES,
        ),
        Rule(
            "art2_2.annex_i_section_a", "Art. 6(1), Annex I Section A",
            "A system high-risk through a product under the Annex I Section A legislation is under the full "
            "regime for high-risk systems.",
            Concl("high_risk_annex_i") & Equals(SECTION, "A"), Tri.YES,
        ),
        Rule(
            "art2_2.section_b_limited_regime", "Art. 2(2), Annex I Section B",
            "For a system high-risk only through a product under the Annex I Section B legislation, only "
            "Art. 6(1), 102 to 109 and 112 apply, so the Chapter III duties do not.",
            Equals(SECTION, "B") & Not(Concl("high_risk_annex_iii")), Tri.NO,
            not_formalised="Section B products (vehicles, aviation, rail, marine equipment and, as amended, "
            "machinery) get the high-risk requirements through their own sectoral law as amended by "
            "Art. 102-109; that law is not modelled.",
        ),
        Rule(
            "art2_2.not_high_risk", "Art. 6",
            "A system that is not high-risk carries no high-risk duties.",
            Not(Concl("high_risk")), Tri.NO,
        ),
    ),
    otherwise=Otherwise(
        "art2_2.no_full_regime", "Art. 2(2)",
        "The system is not shown to be high-risk under the full regime.",
    ),
)

SECTION_B_ONLY = (
    Known(SECTION) & Equals(SECTION, "B") & Concl("high_risk_annex_i") & Not(Concl("high_risk_annex_iii"))
)
"""Art. 2(2): a system high-risk only as part of a Section B product, when the user says it is one.

Only Art. 6(1), 102-109 and 112 apply to it, so not Art. 4 or Art. 50 either. A stated presumption
(``Known``): those duties bind every provider of an AI system, so they are lifted only when the user
names Section B, not while the section is unanswered. For the Chapter III duties the section is asked
instead (``high_risk_chapter_iii``)."""

MODULE = RuleModule(
    conclusions=(high_risk_annex_i, art_6_3_derogation, high_risk_annex_iii, high_risk, high_risk_chapter_iii),
    notes=(
        "High-risk: the Annex III point is the user's answer about the intended purpose; the exclusions "
        "inside the points are part of that answer and are not computed: biometric verification whose sole "
        "purpose is to confirm identity (point 1(a)), fraud detection (point 5(b)), travel-document "
        "verification (point 7(d)), campaign tools whose output people are not directly exposed to "
        "(point 8(b)), and the 'where permitted by law' clauses of points 1, 6 and 7.",
        "High-risk: whether harm is 'significant' (Art. 6(3)) is evaluative and asked, not computed; the "
        "derogation needs a condition of Art. 6(3)(a)-(d) and no significant risk, and profiling "
        "(Art. 6(3) third subparagraph) always cancels it.",
        "High-risk: whether a system is a safety component and whether its product needs third-party "
        "conformity assessment (Art. 6(1)) are asked. The 2026 amendment (reported) narrows the product "
        "route (Art. 3(14), new Art. 6(1a)-(1c)) and moves machinery to Annex I Section B (point 21); "
        "high_risk.annex_i_section is answered under the law in force on the assessment date.",
        "High-risk: delegated acts amending Annex III or the Art. 6(3) conditions (Art. 6(6)-(8), 7) and "
        "the Commission's Art. 6(5) guidelines are not modelled.",
        "High-risk: a system that is high-risk through both routes is under the full regime; Art. 2(2) "
        "limits only systems high-risk solely through a Section B product.",
    ),
)
