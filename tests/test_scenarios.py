"""Run every scenario file under tests/scenarios (see scenario_runner for the format)."""

from __future__ import annotations

import pytest

from aiact import assess
from scenario_runner import Scenario, check_scenario, load_scenarios

SCENARIOS = load_scenarios()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_scenario(scenario: Scenario) -> None:
    check_scenario(scenario, assess)


def test_scenarios_exist_for_every_area() -> None:
    areas = {s.id.split("/")[0] for s in SCENARIOS}
    assert "definitions" in areas
