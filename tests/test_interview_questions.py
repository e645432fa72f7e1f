"""The questionnaire data: one plain-English question per fact, in topics, matching the catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from aiact import default_engine
from aiact.engine import validate
from aiact.engine.catalogue import fact_catalogue
from aiact.questionnaires import fact_question_texts, load_questionnaire
from aiact.questionnaires.interview import Ending
from aiact.questionnaires.texts import ABOUT, QuestionsError, parse_questionnaire

CITATION = re.compile(r"^(Art\. \d+|Annex [IVX]+|Recital \d+)")
TOPIC_ORDER = ["artefact", "purpose", "prohibited", "transparency", "operator", "exclusions", "market", "release",
               "gpai", "value_chain"]


def test_every_catalogue_fact_has_exactly_one_question() -> None:
    questionnaire = load_questionnaire()
    assert set(questionnaire.questions) == set(fact_catalogue())
    asked = [path for topic in questionnaire.topics for path in topic.paths]
    assert len(asked) == len(set(asked))


def test_subject_name_is_asked_first_and_topics_follow_the_interview_order() -> None:
    questionnaire = load_questionnaire()
    assert questionnaire.subject.path == "subject.name"
    assert [t.id for t in questionnaire.topics] == TOPIC_ORDER
    assert all(t.title and t.title != t.id for t in questionnaire.topics)


@pytest.mark.parametrize("path", list(fact_catalogue()))
def test_each_question_is_plain_helpful_and_cited(path: str) -> None:
    question = load_questionnaire().questions[path]
    assert question.question.endswith("?"), question.question
    assert path not in question.question  # asked in words, not by field name
    assert len(question.help) > 60
    assert question.citations and all(CITATION.match(c) for c in question.citations), question.citations


@pytest.mark.parametrize("path", [p for p, s in fact_catalogue().items() if s.kind in ("enum", "list")])
def test_choice_facts_label_exactly_their_allowed_values(path: str) -> None:
    question = load_questionnaire().questions[path]
    assert list(question.choices) == list(fact_catalogue()[path].allowed)
    assert all(question.choices.values())


def test_an_unknown_path_in_the_data_is_refused() -> None:
    data = {"subject": {"path": "subject.name", "question": "Name?", "help": "Any name."},
            "topics": [{"id": "t", "questions": [{"path": "artefact.ai_sytem", "question": "Q?", "help": "H."}]}]}
    with pytest.raises(QuestionsError, match=r"artefact\.ai_sytem"):
        parse_questionnaire(data)


def test_a_choice_label_for_a_value_that_does_not_exist_is_refused() -> None:
    data = {"subject": {"path": "subject.name", "question": "Name?", "help": "Any name."},
            "topics": [{"id": "t", "questions": [{
                "path": "release.training_data_public", "question": "Q?", "help": "H.",
                "choices": {"full": "all", "partial": "some", "none": "no", "most": "most"}}]}]}
    with pytest.raises(QuestionsError, match="unknown: most"):
        parse_questionnaire(data)


def test_the_engine_asks_its_open_questions_in_the_questionnaire_words() -> None:
    texts = fact_question_texts()
    result = default_engine().assess(validate({"schema": "aiact-facts/1", "subject": {"name": "x"}}))
    facts = [q for q in result.open_questions if q.kind == "fact"]
    assert facts
    for open_question in facts:
        assert open_question.path is not None
        assert open_question.question == texts[open_question.path].question
        assert open_question.help == texts[open_question.path].help


def test_every_message_the_interview_says_is_worded_in_the_data_and_none_is_left_unused() -> None:
    root = Path(__file__).parent.parent
    sources = [*root.joinpath("questionnaires").glob("*.py"), root / "cli" / "commands" / "interview.py"]
    code = "\n".join(path.read_text("utf-8") for path in sources)
    used = set(re.findall(r"""(?:say|_refused)\((?:spec, )?["']([a-z_]+)["']""", code))
    used |= {f"hint_{kind}" for kind in ("tri", "number", "date", "text")}  # allowed_hint: say(f"hint_{kind}")
    used |= {ending.value for ending in Ending}  # the command: say(ending.value)
    used |= {f"about_{about}" for about in ABOUT}  # the interview: say("about_" + prompt.about)
    used |= set(re.findall(r'"(summary_[a-z]+)"', code))  # summary.py: one key per status
    worded = set(yaml.safe_load(root.joinpath("questionnaires", "messages.yaml").read_text("utf-8")))
    assert used - worded == set()
    assert worded - used == set()


def test_the_obligations_only_policy_names_a_headline_conclusion_and_known_topics() -> None:
    questionnaire = load_questionnaire()
    conclusions = default_engine().rulebase.public_conclusions()
    assert questionnaire.obligations_only_when == {"act_applies": "no"}
    assert all(cid in conclusions for cid in questionnaire.obligations_only_when)
    assert set(questionnaire.obligations_only_topics) <= set(TOPIC_ORDER)
    data = {"subject": {"path": "subject.name", "question": "Name?", "help": "Any name."},
            "topics": [], "obligations_only": {"when": {"act_applies": "no"}, "topics_first": ["supply"]}}
    with pytest.raises(QuestionsError, match="unknown topics supply"):
        parse_questionnaire(data)


def test_the_json_mirror_holds_exactly_what_questions_yaml_says() -> None:
    """questions.json is generated (it spares every run the YAML parse); it must never drift from the source."""
    import json
    from importlib import resources

    from aiact.questionnaires.texts import QUESTIONS_MIRROR, questionnaire_source_data

    mirror = json.loads(resources.files("aiact.questionnaires").joinpath(QUESTIONS_MIRROR).read_text("utf-8"))
    assert mirror == questionnaire_source_data(), (
        "questions.json is stale; refresh it after editing questions.yaml: .venv/bin/python -c "
        '"from aiact.questionnaires.texts import refresh_mirror; refresh_mirror()"'
    )
