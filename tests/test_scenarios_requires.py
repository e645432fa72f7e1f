"""Scenarios that wait on other parts of the rule base (a top-level ``requires`` list).

Some outcomes of one part of the Act turn on conclusions another part
decides: Art. 2(12) is lost when the system is placed on the market as a
high-risk system or as one falling under Art. 5 or Art. 50. Such scenarios
state what the law says and name, in ``requires``, the conclusions whose
rules must be present for them to hold. Until those rules land on a branch,
the scenario is skipped there (its conclusions are still placeholders with
no rules); once they land, it runs like any scenario. They live outside
``tests/scenarios`` only because the general runner does not read
``requires`` yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from aiact import assess
from aiact.rules import rule_base
from scenario_runner import Scenario, check_scenario

ROOT = Path(__file__).parent / "scenarios_requires"


@dataclass(frozen=True)
class WaitingScenario(Scenario):
    requires: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return str(self.path.relative_to(ROOT).with_suffix(""))


def _load() -> list[WaitingScenario]:
    found = []
    for path in sorted(ROOT.rglob("*.yaml")):
        data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
        found.append(WaitingScenario(path, data["name"], data["facts"], None, data.get("expect", {}),
                                     tuple(data.get("requires", ()))))
    return found


WAITING = _load()


def _placeholders(conclusions: tuple[str, ...]) -> list[str]:
    base = rule_base()
    return [cid for cid in conclusions if not base.conclusions[cid].rules]


@pytest.mark.parametrize("scenario", WAITING, ids=[s.id for s in WAITING])
def test_waiting_scenario(scenario: WaitingScenario) -> None:
    missing = _placeholders(scenario.requires)
    if missing:
        pytest.skip(f"waits on the rules for {', '.join(missing)}")
    check_scenario(scenario, assess)


def test_every_waiting_scenario_says_what_it_waits_for() -> None:
    base = rule_base()
    for scenario in WAITING:
        assert scenario.requires, f"{scenario.id}: no requires list; it belongs in tests/scenarios"
        assert set(scenario.requires) <= set(base.conclusions), scenario.id
