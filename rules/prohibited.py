"""Art. 5: the prohibited AI practices, point by point, with their built-in exceptions.

``prohibited_practice`` classifies the practice: it is yes as soon as one
point of Art. 5(1) holds, no only once every point is settled as not
holding, and undetermined otherwise. Each point is its own internal
conclusion (``art_5_1_a`` ... ``art_5_1_h``, ``art_5_1_ba``, ``art_5_1_bb``),
so the reasons name the point and an unknown element of one point keeps the
headline open without hiding a point that is already established.

How the points are written, and why:

- **Elements are the user's classification.** The fact file asks one flag
  per point ("the practice is present"), so a flag answers every element of
  its point at once: for (a) and (b) that behaviour is materially distorted
  and significant harm is caused or likely; for (c) that the score leads to
  unrelated or disproportionate detrimental treatment; for (d) that the
  prediction rests *solely* on profiling or personality traits. These are
  evaluative and asked, not computed.
- **Exceptions are overrides.** (d) a tool supporting a human assessment
  already based on objective, verifiable facts; (f) medical or safety
  reasons; (g) labelling or filtering lawfully acquired biometric datasets
  (recital 30: sorting images by hair or eye colour, say, which may then be
  used in law enforcement; not "any categorisation by the police": a
  police system inferring ethnicity or religion from live video is banned);
  (h) one of the three objectives of point (h)(i)-(iii) *and* the
  authorisation and safeguards of Art. 5(2)-(7).
  An exception that is stated settles its point as no whatever the point's
  own flag; one that is unknown while the point is present leaves the point
  undetermined (the engine's override semantics), never silently lifted.
- **Point (h) prohibits only the use.** Unlike the other points, (h) does
  not cover placing on the market or putting into service: a provider of a
  real-time remote biometric identification system is regulated as high-risk
  (Annex III point 1(a)), not prohibited. So point (h) holds only for an
  operator that uses the system (a deployer); for one that only supplies it
  the point is settled "no" by its role, and the objectives and authorisation
  of uses it cannot know are not asked.
- **The amendment's points (ba) and (bb)** (non-consensual intimate imagery
  and child sexual abuse material, inserted by Regulation (EU) 2026/1744)
  rest on secondary sources and exist only once that Regulation is in force
  (27 July 2026). Before then a file with those flags is told, with a reason,
  that the practice is not (yet) an Art. 5 prohibition. From then on the
  point holds, and the stop obligation says it applies from 2 December 2026
  (key ``art_5_new_points``), so between the two dates it is listed as not
  yet in force. That date holds whenever a new point is established and no
  original point is: an original point that is merely unknown does not pull
  the date back to 2 February 2025 (it stays an open question, whose answer
  yes would). Such material is of course unlawful under other Union and
  national law whatever Art. 5 says (Art. 5(8)).
- **A prohibited practice crowds out the high-risk duties.** Once the stop
  duty is established for this operator (``prohibited_for_operator``), the
  Chapter III duties are left out of the result: the use must stop, and they
  would apply only if the practice were lawful (the stop duty says so). While
  the prohibition is only undetermined they stay listed, as the duties of a
  lawful use.
"""

from aiact.engine import (
    All,
    Any,
    Concl,
    ConclIn,
    ConclusionDef,
    DateChoice,
    Fact,
    Has,
    LawInForce,
    Not,
    ObligationDef,
    OneOf,
    Otherwise,
    Rule,
    RuleModule,
    Source,
    Tri,
)
from aiact.engine.conditions import Condition
from aiact.engine.record import record

from .fines import PROHIBITED_PRACTICES
from .high_risk import SECTION_B_ONLY

AREA = "prohibited"
OMNIBUS = LawInForce("omnibus_2026")
RBI_OBJECTIVES = ("victim_search", "imminent_threat", "serious_crime_suspect")
"""The three objectives of Art. 5(1)(h)(i)-(iii); ``none`` is the fact's fourth value."""

ROLES = "operator.roles"
PLACING_OR_USING_ROLES = ("provider", "deployer", "importer", "distributor", "product_manufacturer")
"""Operators who place a system on the market, put it into service or use it (Art. 3(3)-(8))."""


@record
class Carveout:
    """A point's built-in exception: when it holds, the point does not apply (it overrides ``.present``)."""

    name: str
    citation: str
    says: str
    when: Condition
    not_formalised: str | None = None


def _point(
    cid: str,
    title: str,
    citation: str,
    fact: str,
    present: str,
    absent: str,
    *,
    not_formalised: str | None = None,
    exception: Carveout | None = None,
) -> ConclusionDef:
    """One point of Art. 5(1) with no temporal gate: its flag decides, its exception overrides.

    ``present`` and ``absent`` are the reasons shown for yes and no. The
    exception, if any, becomes a "no" rule that silences ``.present``, so a
    stated exception settles the point and an unknown one keeps it open.
    """
    stem = cid.replace("art_5_1_", "art5_1_")
    rules = (
        Rule(f"{stem}.present", citation, present, Fact(f"prohibited.{fact}"), Tri.YES,
             not_formalised=not_formalised),
        Rule(f"{stem}.absent", citation, absent, Not(Fact(f"prohibited.{fact}")), Tri.NO),
    )
    return ConclusionDef(
        id=cid, title=title, area=AREA, internal=True,
        rules=rules + ((_carveout_rule(stem, exception),) if exception else ()),
        otherwise=Otherwise(f"{stem}.not_established", citation,
                            "The elements of this point are not established."),
    )


def _carveout_rule(stem: str, carveout: Carveout) -> Rule:
    return Rule(f"{stem}.{carveout.name}", carveout.citation, carveout.says, carveout.when, Tri.NO,
                overrides=(f"{stem}.present",), not_formalised=carveout.not_formalised)


art_5_1_a = _point(
    "art_5_1_a", "Subliminal, manipulative or deceptive techniques (Art. 5(1)(a))", "Art. 5(1)(a)",
    "manipulative_techniques",
    "The system uses subliminal, purposefully manipulative or deceptive techniques that materially distort "
    "people's behaviour in a way that causes or is likely to cause them significant harm.",
    "The system is said not to use manipulative or deceptive techniques that distort behaviour to the "
    "point of significant harm.",
    not_formalised="Whether behaviour is materially distorted and harm is significant is evaluative: asked, "
    "not computed.",
)

art_5_1_b = _point(
    "art_5_1_b", "Exploitation of vulnerabilities (Art. 5(1)(b))", "Art. 5(1)(b)",
    "exploits_vulnerabilities",
    "The system exploits vulnerabilities due to age, disability or a specific social or economic situation "
    "to distort behaviour in a way that causes or is likely to cause significant harm.",
    "The system is said not to exploit people's age, disability or social or economic situation in a "
    "harmful way.",
    not_formalised="Whether the distortion is material and the harm significant is evaluative: asked, not "
    "computed.",
)

art_5_1_c = _point(
    "art_5_1_c", "Social scoring (Art. 5(1)(c))", "Art. 5(1)(c)",
    "social_scoring",
    "The system scores people over time on their social behaviour or personal characteristics, and the "
    "score leads to detrimental treatment in unrelated contexts or out of proportion to the behaviour.",
    "The system is said not to score people in a way that leads to unrelated or disproportionate "
    "detrimental treatment.",
    not_formalised="Whether treatment is unrelated to the context of the data, or unjustified or "
    "disproportionate, is evaluative: asked, not computed.",
)

art_5_1_d = _point(
    "art_5_1_d", "Predicting criminal offences from profiling alone (Art. 5(1)(d))", "Art. 5(1)(d)",
    "crime_risk_profiling",
    "The system assesses or predicts the risk that a person commits a criminal offence based solely on "
    "profiling or on personality traits and characteristics.",
    "The system is said not to predict offending solely from profiling or personality traits.",
    not_formalised="Whether the prediction rests 'solely' on profiling is asked, not computed.",
    exception=Carveout(
        "supports_human_assessment", "Art. 5(1)(d), second sentence",
        "A system that supports a human assessment of someone's involvement in a crime, already based on "
        "objective and verifiable facts directly linked to that crime, is not covered by the ban.",
        Fact("prohibited.crime_risk_supports_human_assessment"),
    ),
)

art_5_1_e = _point(
    "art_5_1_e", "Untargeted scraping of facial images (Art. 5(1)(e))", "Art. 5(1)(e)",
    "untargeted_facial_scraping",
    "The system creates or expands a facial-recognition database by untargeted scraping of facial images "
    "from the internet or CCTV footage, which is banned without exception.",
    "The system is said not to build facial-recognition databases by untargeted scraping.",
)

art_5_1_f = _point(
    "art_5_1_f", "Emotion recognition at work or in education (Art. 5(1)(f))", "Art. 5(1)(f)",
    "emotion_recognition_work_or_education",
    "The system infers the emotions of people in the workplace or in education institutions.",
    "The system is said not to infer emotions of people at work or in education.",
    exception=Carveout(
        "medical_or_safety", "Art. 5(1)(f), Recital 44",
        "Emotion recognition intended to be put in place or placed on the market for medical or safety "
        "reasons is excepted from the ban.",
        Fact("prohibited.emotion_recognition_medical_or_safety"),
        not_formalised="Whether the purpose is genuinely medical or safety-related (a narrow exception) is "
        "asked, not computed.",
    ),
)

art_5_1_g = _point(
    "art_5_1_g", "Biometric categorisation by sensitive characteristics (Art. 5(1)(g))", "Art. 5(1)(g)",
    "biometric_categorisation_sensitive",
    "The system categorises individuals from their biometric data to deduce or infer their race, political "
    "opinions, trade-union membership, religious or philosophical beliefs, sex life or sexual orientation.",
    "The system is said not to categorise people by sensitive characteristics from biometric data.",
    exception=Carveout(
        "lawful_dataset_labelling", "Art. 5(1)(g), Recital 30",
        "Labelling or filtering lawfully acquired biometric datasets (sorting images by hair or eye colour, "
        "say), which may then be used in law enforcement, falls outside the ban; categorising people by "
        "sensitive characteristics is not excepted because the police do it.",
        Fact("prohibited.biometric_dataset_labelling_law_enforcement"),
        not_formalised="The fact keeps its name for existing files; its meaning is the labelling or "
        "filtering of lawfully acquired biometric data sets, not any categorisation in law enforcement.",
    ),
)

RBI_PERMITTED: Condition = All(
    OneOf("prohibited.realtime_rbi_exception", RBI_OBJECTIVES),
    Fact("prohibited.realtime_rbi_authorised"),
)
"""Both halves of the (h) exception: a listed objective, and authorisation with the 5(2)-(7) safeguards."""

_h_point = _point(
    "art_5_1_h", "Real-time remote biometric identification for law enforcement (Art. 5(1)(h))",
    "Art. 5(1)(h)",
    "realtime_remote_biometric_id_law_enforcement",
    "The system is used for real-time remote biometric identification in publicly accessible spaces for "
    "law enforcement, which is banned unless one of the three listed objectives and the safeguards apply.",
    "The system is said not to be used for real-time remote biometric identification in public spaces for "
    "law enforcement.",
    exception=Carveout(
        "authorised_objective", "Art. 5(1)(h)(i)-(iii), Art. 5(2)-(7)",
        "Use that is strictly necessary for a targeted victim search, an imminent threat or a serious-crime "
        "suspect, authorised in advance under national law with the required safeguards, is permitted.",
        RBI_PERMITTED,
        not_formalised="Strict necessity, proportionality and the national law that opts in (Art. 5(5)) are "
        "folded into the user's answer on authorisation and safeguards: asked, not computed.",
    ),
)

NOT_USED_BY_OPERATOR = Rule(
    "art5_1_h.not_used_by_operator", "Art. 5(1)(h), Annex III point 1(a)",
    "Point (h) bans the use of real-time remote biometric identification, not its supply: this operator does "
    "not use the system, so for it the system is a high-risk matter (Annex III point 1(a)), not a prohibited "
    "practice.",
    Not(Has(ROLES, ("deployer",))), Tri.NO,
    overrides=("art5_1_h.present",),
)

art_5_1_h = ConclusionDef(
    id=_h_point.id, title=_h_point.title, area=AREA, internal=True,
    rules=(*_h_point.rules, NOT_USED_BY_OPERATOR), otherwise=_h_point.otherwise,
)


def _new_point(cid: str, title: str, citation: str, fact: str, present: str, absent: str) -> ConclusionDef:
    """A point inserted by Regulation (EU) 2026/1744: it exists only once that Regulation is in force."""
    stem = cid.replace("art_5_1_", "art5_1_")
    flag = Fact(f"prohibited.{fact}")
    return ConclusionDef(
        id=cid, title=title, area=AREA, internal=True,
        rules=(
            Rule(f"{stem}.present", citation, present, OMNIBUS & flag, Tri.YES, source=Source.SECONDARY),
            Rule(f"{stem}.absent", citation, absent, Not(flag), Tri.NO, source=Source.SECONDARY),
            Rule(
                f"{stem}.not_yet_in_force", f"{citation}, inserted by Regulation (EU) 2026/1744",
                "On the assessment date the amending Regulation that adds this point was not yet in force, "
                "so the practice is not an Art. 5 prohibition under the law then in force.",
                Not(OMNIBUS), Tri.NO, source=Source.SECONDARY,
            ),
        ),
        otherwise=Otherwise(f"{stem}.not_established", citation,
                            "The elements of this point are not established.", source=Source.SECONDARY),
    )


art_5_1_ba = _new_point(
    "art_5_1_ba", "Non-consensual intimate imagery (Art. 5(1)(ba), as amended)", "Art. 5(1)(ba)",
    "non_consensual_intimate_imagery",
    "The system generates intimate or sexually explicit content depicting identifiable people without their "
    "consent, a practice the 2026 amendment prohibits.",
    "The system is said not to generate non-consensual intimate or sexually explicit content of "
    "identifiable people.",
)

art_5_1_bb = _new_point(
    "art_5_1_bb", "Child sexual abuse material (Art. 5(1)(bb), as amended)", "Art. 5(1)(bb)",
    "child_sexual_abuse_material",
    "The system generates child sexual abuse material, a practice the 2026 amendment prohibits.",
    "The system is said not to generate child sexual abuse material.",
)

ORIGINAL_POINTS = (art_5_1_a, art_5_1_b, art_5_1_c, art_5_1_d, art_5_1_e, art_5_1_f, art_5_1_g, art_5_1_h)
NEW_POINTS = (art_5_1_ba, art_5_1_bb)
POINTS = ORIGINAL_POINTS + NEW_POINTS


def _letter(point: ConclusionDef) -> str:
    return point.id.removeprefix("art_5_1_")


def _any_point(points: tuple[ConclusionDef, ...]) -> Condition:
    return Any(*(Concl(p.id) for p in points))


def _holds(point: ConclusionDef) -> Rule:
    """The headline is yes as soon as this point holds."""
    letter = _letter(point)
    return Rule(
        f"art5_1.point_{letter}", f"Art. 5(1)({letter})", f"The practice falls under point ({letter}) of Art. 5(1).",
        Concl(point.id), Tri.YES, source=Source.SECONDARY if point in NEW_POINTS else Source.OJ,
    )


NO_POINT = Rule(
    "art5_1.no_point", "Art. 5(1)(a)-(h)",
    "Every point of Art. 5(1) in force on the assessment date is settled as not applying.",
    All(*(Not(Concl(p.id)) for p in POINTS)), Tri.NO,
)

NOT_AN_AI_SYSTEM = Rule(
    "art5_1.not_an_ai_system", "Art. 5(1), Art. 3(1)",
    "Art. 5 prohibits placing on the market, putting into service and using AI systems; what is not an AI "
    "system (a bare general-purpose AI model, say) is not itself a prohibited practice.",
    Not(Concl("ai_system")), Tri.NO,
    overrides=tuple(f"art5_1.point_{_letter(p)}" for p in POINTS),
)

prohibited_practice = ConclusionDef(
    id="prohibited_practice",
    title="Prohibited AI practice (Art. 5)",
    area=AREA,
    rules=(*(_holds(p) for p in POINTS), NO_POINT, NOT_AN_AI_SYSTEM),
    otherwise=Otherwise("art5_1.not_established", "Art. 5(1)", "No prohibited practice is established."),
)

PLACING_OR_USING = Has(ROLES, PLACING_OR_USING_ROLES)
"""Points (a)-(g), (ba), (bb) ban placing on the market, putting into service and use alike."""

MUST_STOP = (
    Concl("act_applies")
    & Concl("prohibited_practice")
    & Not(SECTION_B_ONLY)  # Art. 2(2), literal reading: see legal question section_b_reach
    & Any(
        _any_point(tuple(p for p in POINTS if p is not art_5_1_h)) & PLACING_OR_USING,
        Concl("art_5_1_h") & Has(ROLES, ("deployer",)),
    )
)
"""The Act reaches this operator and bans what it does with the system (for (h): its use)."""

prohibited_for_operator = ConclusionDef(
    id="prohibited_for_operator",
    title="The Act bans what this operator does with the system (Art. 5)",
    area=AREA,
    internal=True,
    rules=(
        Rule("art5.operator_must_stop", "Art. 5(1)",
             "The system is a prohibited practice and the Act reaches this operator in a role Art. 5 bans.",
             MUST_STOP, Tri.YES),
        Rule("art5.operator_not_banned", "Art. 5(1)",
             "No point of Art. 5(1) bans what this operator does with the system.",
             Not(MUST_STOP), Tri.NO),
    ),
    otherwise=Otherwise("art5.not_banned", "Art. 5(1)", "No prohibition is established for this operator."),
)

LAWFUL_OR_OPEN = ConclIn("prohibited_for_operator", (Tri.NO, Tri.UNDETERMINED))
"""The prohibition is not established for this operator (no, or still open). A settled-status test, like a
legal question's trigger, used on purpose: once the use must stop, the duties of a lawful high-risk use are
left out (issue: a prohibited system listed Art. 26, 27 and 49 beside the stop duty); while the prohibition
is open they stay listed as the duties of a lawful use. Not monotone, so only obligations read it."""

ORIGINAL_ESTABLISHED = Any(*(ConclIn(p.id, (Tri.YES,)) for p in ORIGINAL_POINTS))
"""An original point of Art. 5(1) is established (settled yes): only that dates the stop duty from 2 February
2025; an unknown original point is an open question, not a date."""

art_5_prohibited_stop = ObligationDef(
    id="art_5_prohibited_stop",
    citation="Art. 5(1)",
    role="provider, deployer, importer, distributor or product manufacturer",
    duty="Do not place on the market, put into service or use the system for the prohibited practice; "
    "stop doing so.",
    applies_when=MUST_STOP,
    date_key="chapters_i_ii",
    date_choices=(
        DateChoice(Not(ORIGINAL_ESTABLISHED) & _any_point(NEW_POINTS), "art_5_new_points"),
    ),
    fine="Art. 99(3): up to EUR 35 million or 7 % of worldwide annual turnover, whichever is higher",
    fine_tier=PROHIBITED_PRACTICES,
    concerns="system",
    entails="Stop placing on the market, putting into service or using the system for the banned practice, "
    "or change it so that the practice is gone (for point (h), stop the use unless a listed objective and "
    "prior authorisation apply). The Act's other duties (high-risk requirements, registration) are not "
    "listed: they would apply only if the practice were lawful. Fines under Art. 99(3) are the Act's "
    "highest.",
    area=AREA,
)

MODULE = RuleModule(
    conclusions=(*POINTS, prohibited_practice, prohibited_for_operator),
    obligations=(art_5_prohibited_stop,),
    notes=(
        "Art. 5: each flag of the fact file is the user's classification of all the elements of its point. "
        "Whether behaviour is materially distorted, harm 'significant', treatment 'unjustified or "
        "disproportionate', a prediction based 'solely' on profiling, or a purpose genuinely 'medical or "
        "safety' is evaluative: asked, not computed.",
        "Art. 5(1)(h): strict necessity, the national law that opts in (Art. 5(5)), the prior authorisation "
        "(Art. 5(3)), the fundamental rights impact assessment and registration (Art. 5(2)) and the "
        "notifications (Art. 5(4)) are folded into one answer, prohibited.realtime_rbi_authorised.",
        "Art. 5(1)(h) bans only the use: the point holds only for an operator that uses the system (a "
        "deployer); for a provider, importer or distributor that only supplies it the point is no and the "
        "system is a matter for the high-risk rules (Annex III point 1(a)).",
        "Art. 5(1)(g): the exception (second sentence, recital 30) covers the labelling or filtering of "
        "lawfully acquired biometric data sets, which may then be used in law enforcement; the fact "
        "prohibited.biometric_dataset_labelling_law_enforcement keeps its name but has that meaning only.",
        "Art. 5(1)(ba), (bb): the stop duty they create applies from 2 December 2026; it is dated 2 February "
        "2025 only when an original point of Art. 5(1) is established, and an unknown original point is "
        "asked, not taken as the date.",
        "Art. 5 and Chapter III: once the stop duty is established for this operator the high-risk duties "
        "are left out (they would apply only to a lawful use); the Art. 50 duties and AI literacy stay.",
        "Art. 5(1)(ba) and (bb) and the new paragraphs 1a and 1b rest on reports of Regulation (EU) "
        "2026/1744 (OJ text not checked); their conditions beyond the two flags are not formalised.",
        "Art. 5(8) (other Union law unaffected) and the GDPR limits on biometric processing outside law "
        "enforcement are not assessed.",
        "prohibited_practice classifies the practice of an AI system whatever the scope (a model that is not "
        "an AI system is not one); the stop obligation is what depends on the Act applying to this operator.",
    ),
)
