"""Run every scenario file under tests/scenarios (see scenario_runner for the format)."""

from __future__ import annotations

import pytest

from aiact import assess
from aiact.rules.legal_questions import QUESTIONS
from scenario_runner import Scenario, check_scenario, load_scenarios

SCENARIOS = load_scenarios()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_scenario(scenario: Scenario) -> None:
    check_scenario(scenario, assess)


def test_scenarios_exist_for_every_area() -> None:
    areas = {s.id.split("/")[0] for s in SCENARIOS}
    assert "definitions" in areas


@pytest.mark.parametrize("question_id", sorted(q.id for q in QUESTIONS))
def test_every_legal_question_has_a_scenario_raising_it_and_one_not(question_id: str) -> None:
    """Each open legal question must be shown to bite where it should, and only there."""
    qid = f"legal:{question_id}"
    raised = [s.id for s in SCENARIOS if qid in (s.expect.get("open_questions") or [])]
    spared = [s.id for s in SCENARIOS if qid in (s.expect.get("no_open_questions") or [])]
    assert raised, f"no scenario expects {qid} to be raised"
    assert spared, f"no scenario expects {qid} not to be raised"
