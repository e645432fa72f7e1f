"""Art. 3: is the artefact an AI system, a general-purpose AI model?

The definitions are evaluative ("infers from the input", "significant
generality"): the user's answer decides, and where the user has not answered
for a GPAI model, the Commission's indicative compute-and-modality criterion
stands in. A disagreement between the two is raised as a legal question.
"""

from aiact.engine import (
    Concl,
    ConclusionDef,
    Fact,
    Greater,
    Has,
    Known,
    Not,
    Otherwise,
    Rule,
    RuleModule,
    Source,
    Tri,
)

GENERATIVE = ("text", "code", "speech", "audio", "image", "video")
GPAI_COMPUTE_CRITERION = 1e23

ai_system = ConclusionDef(
    id="ai_system",
    title="AI system (Art. 3(1))",
    area="definitions",
    rules=(
        Rule(
            "art3_1.answer_yes", "Art. 3(1)",
            "The artefact is a machine-based system that infers from its input how to generate outputs.",
            Fact("artefact.ai_system"), Tri.YES,
            not_formalised="Whether a system 'infers' is evaluative (recital 12): asked, not computed.",
        ),
        Rule(
            "art3_1.answer_no", "Art. 3(1), Recital 12",
            "The artefact does not meet the definition of an AI system (e.g. rules defined solely by people).",
            Known("artefact.ai_system") & Not(Fact("artefact.ai_system")), Tri.NO,
            overrides=("art3_66.gpai_system",),
        ),
        Rule(
            "art3_66.gpai_system", "Art. 3(66)",
            "A system built on a general-purpose AI model is a general-purpose AI system, hence an AI system.",
            Fact("artefact.built_on_gpai_model"), Tri.YES,
        ),
    ),
    otherwise=Otherwise(
        "art3_1.not_an_ai_system", "Art. 3(1)",
        "Nothing establishes that the artefact is an AI system.",
    ),
)

gpai_indicative_criterion = ConclusionDef(
    id="gpai_indicative_criterion",
    title="Indicative criterion for a GPAI model (Commission guidelines, section 2.1)",
    area="definitions",
    internal=True,
    rules=(
        Rule(
            "art3_63.indicative_criterion_met", "Art. 3(63), Recital 98",
            "Training compute above 10^23 FLOP and generating language, images or video meets the "
            "Commission's indicative criterion of generality.",
            Greater("artefact.training_compute_flop", GPAI_COMPUTE_CRITERION)
            & Has("artefact.output_modalities", GENERATIVE),
            Tri.YES, source=Source.GUIDELINES,
        ),
        Rule(
            "art3_63.compute_below_criterion", "Art. 3(63), Recital 98",
            "Training compute of at most 10^23 FLOP does not meet the indicative criterion.",
            Not(Greater("artefact.training_compute_flop", GPAI_COMPUTE_CRITERION)),
            Tri.NO, source=Source.GUIDELINES,
        ),
        Rule(
            "art3_63.no_generative_modality", "Art. 3(63)",
            "A model that generates none of text, code, speech, audio, images or video does not meet "
            "the indicative criterion.",
            Not(Has("artefact.output_modalities", GENERATIVE)), Tri.NO, source=Source.GUIDELINES,
        ),
    ),
    otherwise=Otherwise(
        "art3_63.criterion_not_met", "Art. 3(63)",
        "The indicative criterion is not met.", source=Source.GUIDELINES,
    ),
)

gpai_model = ConclusionDef(
    id="gpai_model",
    title="General-purpose AI model (Art. 3(63))",
    area="definitions",
    rules=(
        Rule(
            "art3_63.answer_yes", "Art. 3(63)",
            "The provider's own assessment: the model displays significant generality and competently "
            "performs a wide range of distinct tasks.",
            Known("artefact.gpai_model") & Fact("artefact.gpai_model"), Tri.YES,
            overrides=("art3_63.criterion_no",), reading="gpai_indicative_criterion",
        ),
        Rule(
            "art3_63.answer_no", "Art. 3(63)",
            "The provider's own assessment: the model lacks significant generality (the indicative "
            "criterion is rebuttable).",
            Known("artefact.gpai_model") & Not(Fact("artefact.gpai_model")), Tri.NO,
            overrides=("art3_63.criterion_yes",), reading="gpai_indicative_criterion",
        ),
        Rule(
            "art3_63.criterion_yes", "Art. 3(63), Recital 98",
            "By the Commission's indicative criterion the model is presumed general-purpose.",
            Concl("gpai_indicative_criterion"), Tri.YES, source=Source.GUIDELINES,
        ),
        Rule(
            "art3_63.criterion_no", "Art. 3(63)",
            "By the Commission's indicative criterion the model is presumed not general-purpose.",
            Not(Concl("gpai_indicative_criterion")), Tri.NO, source=Source.GUIDELINES,
        ),
    ),
    otherwise=Otherwise(
        "art3_63.not_a_gpai_model", "Art. 3(63)", "Nothing establishes a general-purpose AI model.",
    ),
)

MODULE = RuleModule(conclusions=(ai_system, gpai_indicative_criterion, gpai_model))
