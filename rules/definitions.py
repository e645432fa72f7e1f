"""Art. 3: is the artefact an AI system, a general-purpose AI model?

The definitions are evaluative ("infers from the input", "significant
generality"): the user's answer decides, and where the user has not answered
for a GPAI model, the Commission's indicative compute-and-modality criterion
stands in. A disagreement between the two is raised as a legal question.

The criterion's modalities (guidelines section 2.1, para 17 and its
footnotes) are language, meaning text (code included) or speech, and
text-to-image or text-to-video. Audio that is not speech (music, sound
effects) is not language, and images or video count only when generated
from text prompts: an upscaler or inpainting model does not meet it (the
guidelines' own examples). Whether the images or video come from text is a
fact of its own (``artefact.text_to_image_or_video``), asked only where it
decides the criterion; unknown, the criterion stays open.
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

LANGUAGE = ("text", "code", "speech")
"""Language output in the guidelines' sense: text (code included) or audio that is speech (section 2.1, para 17
and its footnotes); other audio (music, sound effects) is not language."""
VISUAL = ("image", "video")
"""Output that meets the criterion only when generated from text (text-to-image, text-to-video)."""
MODALITIES = "artefact.output_modalities"
TEXT_PROMPTED = "artefact.text_to_image_or_video"
MODALITY_MET = Has(MODALITIES, LANGUAGE) | (Has(MODALITIES, VISUAL) & Fact(TEXT_PROMPTED))
"""The modality side of the indicative criterion: it generates language, or images or video from text prompts."""
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
            "Training compute above 10^23 FLOP and generating language (text, code or speech), or images or "
            "video from text prompts, meets the Commission's indicative criterion of generality.",
            Greater("artefact.training_compute_flop", GPAI_COMPUTE_CRITERION) & MODALITY_MET,
            Tri.YES, source=Source.GUIDELINES,
        ),
        Rule(
            "art3_63.compute_below_criterion", "Art. 3(63), Recital 98",
            "Training compute of at most 10^23 FLOP does not meet the indicative criterion.",
            Not(Greater("artefact.training_compute_flop", GPAI_COMPUTE_CRITERION)),
            Tri.NO, source=Source.GUIDELINES,
        ),
        Rule(
            "art3_63.no_generative_modality", "Art. 3(63), Recital 98",
            "A model that generates no language (text, code or speech) and no images or video from text "
            "prompts does not meet the indicative criterion: music or sound effects, an image upscaler or "
            "inpainting tool, or scores and classifications are not among its modalities.",
            Not(MODALITY_MET), Tri.NO, source=Source.GUIDELINES,
            not_formalised="Audio other than speech is not language (the guidelines give music generation "
            "and sound effects as examples outside the criterion); whether images or video are generated from "
            "text prompts is asked (artefact.text_to_image_or_video), and while it is unknown the criterion "
            "stays open.",
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

MODULE = RuleModule(
    conclusions=(ai_system, gpai_indicative_criterion, gpai_model),
    notes=(
        "Definitions: the indicative GPAI criterion (Commission guidelines, section 2.1, para 17) is met by "
        "training compute above 10^23 FLOP and output of language (text, code included, or speech), or of "
        "images or video generated from text prompts. Music and other non-speech audio, and images or video "
        "made from a given picture or clip (upscaling, inpainting, image-to-image) or without a prompt, do not "
        "meet it; while it is unknown whether images or video come from text, the criterion stays open and "
        "that is asked. The criterion is rebuttable both ways (para 20): the "
        "provider's own answer on generality prevails, and a disagreement raises gpai_indicative_criterion.",
    ),
)
