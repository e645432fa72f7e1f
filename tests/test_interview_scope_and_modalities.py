"""The interview asks the GPAI prompting question and the Art. 5 facts only where an answer can still change something.

Both follow from the what-matters analysis, not from special cases in the flow: the prompting question
(artefact.text_to_image_or_video) matters only for image or video output above 10^23 FLOP while the GPAI
answer is not given; Art. 5 stops mattering once the Act is found not to reach the operator at all.
"""

from __future__ import annotations

import pytest
from interview_driver import ScriptedConsole
from test_interview_session import DAY

from aiact import default_engine
from aiact.questionnaires import load_questionnaire
from aiact.questionnaires.flow import Flow
from aiact.questionnaires.interview import run_interview
from aiact.questionnaires.session import Answers

PROMPTED = "artefact.text_to_image_or_video"
MODEL = {
    "subject.name": "Studio image model", "artefact.ai_system": "n", "artefact.gpai_model": "?",
    "gpai.modifies_other_model": "n", "artefact.output_modalities": "image", "artefact.training_compute_flop": "1e24",
    "operator.roles": "provider", "operator.established_in_eu": "y", "market.channels": "api",
}


def asked(script: dict[str, str]) -> list[str]:
    flow = Flow.start(default_engine(), Answers(), DAY, load_questionnaire())
    console = ScriptedConsole(script)
    run_interview(flow, console, lambda: None)
    return console.asked


def test_an_image_model_above_1e23_is_asked_whether_text_prompts_make_its_images() -> None:
    questions = asked(MODEL)
    assert PROMPTED in questions
    assert questions.index("artefact.training_compute_flop") < questions.index(PROMPTED)  # compute first


@pytest.mark.parametrize("change", [
    {"artefact.training_compute_flop": "1e22"},      # below the criterion whatever it generates
    {"artefact.output_modalities": "audio"},         # music: not language, no images
    {"artefact.output_modalities": "text, image"},   # text meets it already
    {"artefact.gpai_model": "n"},                    # the provider's own answer decides
])
def test_the_prompting_question_is_not_asked_where_it_cannot_matter(change: dict[str, str]) -> None:
    assert PROMPTED not in asked({**MODEL, **change})


def test_once_an_importer_says_its_system_never_reaches_the_union_nothing_about_the_system_is_asked() -> None:
    """The topics come in their order (what it does before who you are), so Art. 5 may come first; but once the
    answers settle that the Act does not reach the importer, nothing about what the system is, is asked."""
    script = {
        "subject.name": "Reseller", "artefact.ai_system": "y", "artefact.gpai_model": "n",
        "artefact.built_on_gpai_model": "n", "operator.roles": "importer", "operator.established_in_eu": "n",
        "market.channels": "none", "market.placed_on_market": "n", "market.put_into_service": "n",
        "scope.output_used_in_eu": "n",
    }
    questions = asked(script)
    roles, output = questions.index("operator.roles"), questions.index("scope.output_used_in_eu")
    assert roles < output
    after = questions[output + 1:]
    assert not [q for q in after if q.startswith(("prohibited.", "high_risk.", "transparency.", "release."))
                or q in {"checklist.art_5", "checklist.art_50"}], after
