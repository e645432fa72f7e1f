"""The what-matters worlds (engine/hypotheses.py): every answer evaluated at once must equal evaluating it alone.

For random valid fact files and for a spread of scenario files, each world
(one unknown fact answered one way) is evaluated from scratch with
``evaluate_in_process`` on that world's facts, and the nodes whose outcome
differs from the file's own must be exactly those the bit masks report, with
the same status, exemption and date.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from test_properties import SETTINGS, fact_documents

from aiact import default_engine
from aiact.engine import validate
from aiact.engine.assess import apply_inferences
from aiact.engine.catalogue import fact_catalogue, flatten
from aiact.engine.conditions import UNKNOWN
from aiact.engine.evaluate import ConclusionOutcome, ObligationOutcome, Outcome
from aiact.engine.hypotheses import Worlds
from aiact.engine.whatmatters import _probe_table, answers_for, evaluate_in_process

ENGINE = default_engine()
SCENARIOS = sorted((Path(__file__).parent / "scenarios").rglob("*.yaml"))[::9]


def signature(outcome: Outcome) -> object:
    if isinstance(outcome, ConclusionOutcome):
        return outcome.status
    if isinstance(outcome, ObligationOutcome):
        return (outcome.status, outcome.exempted_by, outcome.date_key)
    return None


def assert_every_world_matches(document: dict[str, Any]) -> None:
    facts = validate(document)
    day = facts.as_of or date(2026, 11, 23)
    flat, _ = apply_inferences(flatten(facts), ENGINE.infer)
    base = evaluate_in_process(ENGINE, flat, day)
    probes = _probe_table(ENGINE.rulebase)
    answers = [
        {path: answer.value}
        for path, spec in fact_catalogue().items()
        if flat.get(path, UNKNOWN) == UNKNOWN and path in ENGINE.rulebase.fact_readers
        for answer in answers_for(spec, probes.get(path, set()))
    ]
    worlds = Worlds(ENGINE.rulebase, ENGINE.dates, flat, base, day, answers)
    for world, answer in enumerate(answers):
        alone = evaluate_in_process(ENGINE, {**flat, **answer}, day)
        expected = {nid: signature(o) for nid, o in alone.items() if signature(o) != signature(base[nid])}
        got = {nid: signature(o) for nid, o in worlds.changed_in(world).items()}
        assert got == expected, answer


@settings(max_examples=15, **SETTINGS)  # type: ignore[arg-type]
@given(fact_documents())
def test_every_world_of_a_random_fact_file_is_evaluated_as_if_alone(document: dict[str, Any]) -> None:
    assert_every_world_matches(document)


def test_every_world_of_scenario_files_is_evaluated_as_if_alone() -> None:
    for path in SCENARIOS:
        assert_every_world_matches(yaml.safe_load(path.read_text("utf-8"))["facts"])
