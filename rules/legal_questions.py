"""The questions the Act leaves open, each with the facts that make it bite."""

from aiact.engine import Concl, Fact, Known, LegalQuestion, Not

QUESTIONS = (
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
)
