"""docs/legal-questions.md is the rule base's open legal questions as they are, both readings of each."""

from __future__ import annotations

from pathlib import Path

from aiact.rules.legal_questions import QUESTIONS
from aiact.rules.questions_doc import SHARED_CATALOGUE, render

PAGE = Path(__file__).parent.parent / "docs" / "legal-questions.md"


def test_the_page_is_generated_from_the_rule_base() -> None:
    regenerate = "regenerate: python -m aiact.rules.questions_doc docs/legal-questions.md"
    assert PAGE.read_text("utf-8") == render(), regenerate


def test_every_question_the_rule_base_adds_is_marked_with_at_least_two_readings() -> None:
    page = PAGE.read_text("utf-8")
    added = [q for q in QUESTIONS if q.id not in SHARED_CATALOGUE]
    assert {"legacy_change", "section_b_reach"} <= {q.id for q in added}
    for question in added:
        assert f"## `{question.id}` *(added by aiact)*" in page
        assert len(question.readings) >= 2
        for reading in question.readings:
            assert reading in page


def test_the_shared_ids_are_all_in_the_rule_base() -> None:
    assert {q.id for q in QUESTIONS} >= SHARED_CATALOGUE
