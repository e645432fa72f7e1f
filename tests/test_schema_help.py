"""``aiact schema``: an editor shows the interview's help for every fact of a hand-written fact file."""

from __future__ import annotations

import json

from click.testing import CliRunner

from aiact.engine.catalogue import fact_catalogue
from aiact.main import cli
from aiact.questionnaires import load_questionnaire


def _schema() -> dict:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    return json.loads(result.output)


def _node(schema: dict, path: str) -> dict:
    node = schema
    for part in path.split("."):
        ref = node.get("$ref") or next((o["$ref"] for o in node.get("anyOf", ()) if "$ref" in o), None)
        if ref:
            node = schema["$defs"][ref.removeprefix("#/$defs/")]
        node = node["properties"][part]
    return node


def test_every_fact_is_described_with_its_question_allowed_values_and_articles() -> None:
    schema = _schema()
    questions = load_questionnaire().questions
    for path, spec in fact_catalogue().items():
        description = _node(schema, path)["description"]
        question = questions[path]
        assert description.startswith(question.question), path
        assert "Allowed:" in description and "unknown" in description, path
        assert all(citation in description for citation in question.citations), path
        assert all(value in description for value in spec.allowed), path
        assert _node(schema, path)["markdownDescription"].startswith(f"**{question.question}**"), path


def test_a_checklist_choice_says_which_checklist_asks_it() -> None:
    description = _node(_schema(), "prohibited.social_scoring")["description"]
    assert "Asked about the AI system, as one choice of:" in description
