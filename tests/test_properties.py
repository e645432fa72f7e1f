"""Properties of the whole engine over random valid fact files (hypothesis).

The fact files are generated from the fact catalogue (engine/catalogue.py),
so the tests follow the fact model as it grows: every kind of fact (yes/no,
enum, list, number, date, text), numbers around every threshold the rule
base compares with (and the Act's 1e23 and 1e25 FLOP), dates around every
application date and every date a rule compares with.

These are the guard against rule-base defects that no scenario thought of:
two rules holding with opposite values, a rule reading a fact the wrong way,
the durable-rules session and the in-process evaluation disagreeing. When
one fails, hypothesis prints the smallest fact file that shows it.

Example counts are modest for CI (two cores); for a deep run, scale them:
``AIACT_PROPERTY_SCALE=20 .venv/bin/pytest tests/test_properties.py``.
"""

from __future__ import annotations

import json
import math
import os
import random
from datetime import date, timedelta
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import aiact
from aiact.commands.summary import text_summary
from aiact.engine import validate
from aiact.engine.assess import apply_inferences
from aiact.engine.catalogue import FactSpec, fact_catalogue, flatten
from aiact.engine.dates import DATE_TABLE
from aiact.engine.loading import parse_text
from aiact.engine.rulebase import node_conditions
from aiact.engine.rulemodel import CITATION
from aiact.engine.whatmatters import evaluate_in_process

ENGINE = aiact.default_engine()
RULEBASE = ENGINE.rulebase
CATALOGUE = fact_catalogue()
STATUSES = {"yes", "no", "undetermined"}
SCALE = max(1, int(os.environ.get("AIACT_PROPERTY_SCALE", "1")))
SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}


def _probes() -> dict[str, set[object]]:
    """Every value a rule compares a fact with, per fact path."""
    found: dict[str, set[object]] = {}
    conditions = [c for node in RULEBASE.nodes.values() for c in node_conditions(node)]
    conditions += [q.trigger for q in RULEBASE.legal_questions.values()]
    for condition in conditions:
        for path, values in condition.probes().items():
            found.setdefault(path, set()).update(values)
    return found


PROBES = _probes()


def _around(value: float) -> list[float]:
    return [value, math.nextafter(value, 0.0), math.nextafter(value, math.inf), value / 3, value * 3]


def _numbers(path: str) -> st.SearchStrategy[object]:
    limits = {1e23, 1e25} | {float(v) for v in PROBES.get(path, ()) if isinstance(v, (int, float))}
    near = sorted({x for limit in limits for x in _around(limit)} | {0.0})
    return st.one_of(
        st.sampled_from(near),
        st.sampled_from(near).map(lambda x: f"{x:e}"),  # as text, the way 1e25 reaches the model from YAML
        st.integers(min_value=0, max_value=10**27),
        st.floats(min_value=0, max_value=1e30, allow_nan=False, allow_infinity=False),
    )


def _key_days() -> list[date]:
    days = {e.day for entries in DATE_TABLE.dates.values() for e in entries}
    days |= {v.in_force_from for v in DATE_TABLE.versions.values()}
    return sorted({d + timedelta(days=k) for d in days for k in (-1, 0, 1)})


KEY_DAYS = _key_days()


def _dates(path: str) -> st.SearchStrategy[str]:
    compared = {date.fromisoformat(str(v)) for v in PROBES.get(path, ()) if isinstance(v, (str, date))}
    near = sorted({d + timedelta(days=k) for d in compared for k in (-1, 0, 1)} | set(KEY_DAYS))
    return st.one_of(st.sampled_from(near), st.dates(date(2015, 1, 1), date(2035, 12, 31))).map(date.isoformat)


def _texts(path: str) -> st.SearchStrategy[object]:
    known = tuple(getattr(ENGINE.infer, "probe_values", {}).get(path, ()))
    common = ("Apache-2.0", "MIT", "GPL-3.0-only", "llama3.1", "proprietary", "bigscience-openrail-m", "upstream")
    return st.one_of(st.sampled_from(tuple(dict.fromkeys(known + common))), st.text(min_size=1, max_size=20))


def value_strategy(spec: FactSpec) -> st.SearchStrategy[object]:
    """Any valid value of one fact, unknown included."""
    unknown = st.just("unknown")
    if spec.kind == "tri":
        return st.sampled_from([True, False, "unknown"])
    if spec.kind == "enum":
        return st.sampled_from([*spec.allowed, "unknown"])
    if spec.kind == "list":
        return st.one_of(unknown, st.lists(st.sampled_from(spec.allowed), unique=True, max_size=len(spec.allowed)))
    if spec.kind == "number":
        return st.one_of(unknown, _numbers(spec.path))
    if spec.kind == "date":
        return st.one_of(unknown, _dates(spec.path))
    return st.one_of(unknown, _texts(spec.path))


@st.composite
def fact_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid fact file as plain data: some facts known, the rest omitted or written unknown."""
    share_known = draw(st.sampled_from((0.1, 0.5, 0.9)))
    document: dict[str, Any] = {"schema": "aiact-facts/1", "subject": {"name": draw(st.text(min_size=1, max_size=12))}}
    if draw(st.integers(0, 9)):
        document["as_of"] = draw(st.one_of(st.sampled_from(KEY_DAYS), st.dates(date(2000, 1, 1), date(2100, 12, 31))))
    for path, spec in CATALOGUE.items():
        if draw(st.floats(0, 1)) >= share_known:
            continue
        target = document
        *sections, leaf = path.split(".")
        for section in sections:
            target = target.setdefault(section, {})
        target[leaf] = draw(value_strategy(spec))
    return document


def result_json(document: dict[str, Any]) -> str:
    return json.dumps(aiact.assess(validate(document)).to_json_dict(), sort_keys=False, ensure_ascii=False)


def shuffled(value: Any, rng: random.Random) -> Any:
    """The same data with every mapping's keys and every list's items in another order."""
    if isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        return {key: shuffled(item, rng) for key, item in items}
    if isinstance(value, list):
        items = [shuffled(item, rng) for item in value]
        rng.shuffle(items)
        return items
    return value


@settings(max_examples=150 * SCALE, **SETTINGS)  # type: ignore[arg-type]
@given(fact_documents())
def test_random_valid_fact_files_never_crash(document: dict[str, Any]) -> None:
    result = aiact.assess(validate(document))
    assert {c.status for c in result.conclusions.values()} <= STATUSES
    for obligation in result.obligations:
        assert obligation.status in {"yes", "undetermined"}
        assert obligation.in_force == (result.as_of >= obligation.applies_from)
    for question in result.open_questions:
        assert question.affects, f"{question.id} is asked but affects nothing"
    json.dumps(result.to_json_dict())
    assert text_summary(result)


@settings(max_examples=60 * SCALE, **SETTINGS)  # type: ignore[arg-type]
@given(fact_documents(), st.randoms(use_true_random=False))
def test_field_order_and_list_order_never_change_the_result(document: dict[str, Any], rng: random.Random) -> None:
    assert result_json(shuffled(document, rng)) == result_json(document)


@settings(max_examples=30 * SCALE, **SETTINGS)  # type: ignore[arg-type]
@given(fact_documents())
def test_the_same_facts_twice_give_byte_identical_json(document: dict[str, Any]) -> None:
    assert result_json(document) == result_json(document)


@settings(max_examples=100 * SCALE, **SETTINGS)  # type: ignore[arg-type]
@given(fact_documents())
def test_the_durable_rules_session_and_the_in_process_evaluation_agree(document: dict[str, Any]) -> None:
    facts = validate(document)
    day = facts.as_of or date(2026, 11, 23)
    flat, _ = apply_inferences(flatten(facts), ENGINE.infer)
    assert ENGINE.compiled.run(flat, day) == evaluate_in_process(ENGINE, flat, day)


@settings(max_examples=60 * SCALE, **SETTINGS)  # type: ignore[arg-type]
@given(fact_documents())
def test_yaml_and_json_files_read_back_as_the_same_facts(document: dict[str, Any]) -> None:
    facts = validate(document)
    # allow_unicode=False: PyYAML's emitter writes U+0085 raw into a quoted scalar, where YAML folds it.
    written_yaml = yaml.safe_dump(document, sort_keys=False)
    written_json = json.dumps(document, default=str, ensure_ascii=False)
    assert validate(parse_text(written_yaml, json_format=False)) == facts
    assert validate(parse_text(written_json, json_format=True)) == facts


@settings(max_examples=60 * SCALE, **SETTINGS)  # type: ignore[arg-type]
@given(fact_documents())
def test_every_reason_and_obligation_in_a_result_cites_the_act(document: dict[str, Any]) -> None:
    result = aiact.assess(validate(document))
    for conclusion in result.conclusions.values():
        for reason in conclusion.because:
            assert CITATION.match(reason.citation), (reason.rule, reason.citation)
    for obligation in result.obligations:
        assert CITATION.match(obligation.citation), (obligation.id, obligation.citation)


def test_every_rule_and_obligation_of_the_rule_base_cites_the_act() -> None:
    uncited = [f"{rid}: {rule.citation!r}" for rid, rule in RULEBASE.rules.items() if not CITATION.match(rule.citation)]
    uncited += [f"{oid}: {o.citation!r}" for oid, o in RULEBASE.obligations.items() if not CITATION.match(o.citation)]
    assert uncited == []
    assert RULEBASE.rules, "the rule base has rules"


def test_the_generator_covers_every_fact_of_the_catalogue() -> None:
    kinds = {spec.kind for spec in CATALOGUE.values()}
    assert kinds == {"tri", "enum", "list", "number", "date", "text"}, "a new kind needs its own strategy"
