"""Scenario files: facts in, expected conclusions, obligations and citations out.

A scenario is a YAML file under ``tests/scenarios/<area>/``::

    name: what the scenario shows, in a sentence
    facts: {schema: aiact-facts/1, subject: {name: X}, ...}   # a whole fact file
    as_of: 2026-11-23            # optional: overrides facts.as_of, like --as-of
    expect:
      conclusions: {high_risk: yes, art_6_3_derogation: no}   # yes / no / undetermined
      because: {high_risk: [art6_2.annex_iii]}                 # rule ids that must be among the reasons
      steps: {art_25_1_provider: no}                           # an internal step, as the reasons show it
      citations: {high_risk: ["Art. 6(2)"]}                    # citations that must be among the reasons
      obligations:                                             # must be present, with these fields
        art_16_high_risk_provider: {status: yes, in_force: false, applies_from: 2027-12-02}
      no_obligations: [art_26_high_risk_deployer]              # must be absent
      open_questions: [fact:high_risk.profiling]               # must be raised
      no_open_questions: [legal:restricted_licence]            # must not be raised
      openness: {gradient: downloadable, osaid: no}            # subset of the openness profile
      inferred: [release.licence_grants.access]                # facts the engine inferred

YAML reads a bare ``yes``/``no`` as true/false: both spellings are accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from aiact.engine import Assessment, validate

SCENARIOS = Path(__file__).parent / "scenarios"


@dataclass(frozen=True)
class Scenario:
    path: Path
    name: str
    facts: dict[str, Any]
    as_of: date | None
    expect: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.path.relative_to(SCENARIOS).with_suffix(""))


def load_scenarios() -> list[Scenario]:
    scenarios = []
    for path in sorted(SCENARIOS.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        as_of = data.get("as_of")
        scenarios.append(
            Scenario(path, data["name"], data["facts"],
                     date.fromisoformat(str(as_of)) if as_of else None, data.get("expect", {}))
        )
    return scenarios


def status_word(value: object) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return str(value)


def _field(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if value is True or value is False or value is None:
        return value
    return str(value) if not isinstance(value, (list, dict)) else value


def step_status(result: Assessment, step: str) -> str:
    """An internal step's status as a reader of the result sees it: from its rules among the reasons.

    Open when one of its rules still turns on unknown facts, else the value of the rules that held; "not
    shown" when none of its rules is among any conclusion's reasons.
    """
    from aiact.rules import rule_base

    rules = rule_base().rules
    reasons = {r.rule: r for c in result.conclusions.values() for r in c.because if r.conclusion == step}
    if not reasons:
        return "not shown"
    if any(r.outcome == "undetermined" for r in reasons.values()):
        return "undetermined"
    values = {rules[rid].then.value for rid in reasons}
    return values.pop() if len(values) == 1 else f"conflicting {sorted(values)}"


def check_scenario(scenario: Scenario, assess: Any) -> Assessment:
    """Assess the scenario's facts and assert every expectation, with readable failures."""
    facts = validate(scenario.facts, scenario.id)
    result: Assessment = assess(facts, as_of=scenario.as_of)
    expect = scenario.expect
    problems: list[str] = []
    for cid, wanted in (expect.get("conclusions") or {}).items():
        got = result.conclusions.get(cid)
        if got is None:
            problems.append(f"conclusion {cid} missing")
        elif got.status != status_word(wanted):
            chain = ", ".join(f"{r.rule}[{r.outcome}]" for r in got.because)
            problems.append(f"{cid}: expected {status_word(wanted)}, got {got.status} (because {chain})")
    for cid, rules in (expect.get("because") or {}).items():
        have = {r.rule for r in result.conclusions[cid].because}
        problems += [f"{cid}: rule {rid} not among reasons {sorted(have)}" for rid in rules if rid not in have]
    for step, wanted in (expect.get("steps") or {}).items():
        got_step = step_status(result, step)
        if got_step != status_word(wanted):
            problems.append(f"step {step}: expected {status_word(wanted)}, got {got_step}")
    for cid, cites in (expect.get("citations") or {}).items():
        have_c = {r.citation for r in result.conclusions[cid].because}
        problems += [
            f"{cid}: citation {c!r} not among {sorted(have_c)}"
            for c in cites if not any(c in h for h in have_c)
        ]
    by_id = {o.id: o for o in result.obligations}
    for oid, fields in (expect.get("obligations") or {}).items():
        ob = by_id.get(oid)
        if ob is None:
            problems.append(f"obligation {oid} missing (have {sorted(by_id)})")
            continue
        for key, wanted in (fields or {}).items():
            got_value = getattr(ob, key)
            wanted_value = status_word(wanted) if key == "status" else _field(wanted)
            if got_value != wanted_value:
                problems.append(f"obligation {oid}.{key}: expected {wanted_value!r}, got {got_value!r}")
    for oid in expect.get("no_obligations") or []:
        if oid in by_id:
            problems.append(f"obligation {oid} should not apply (status {by_id[oid].status})")
    raised = {q.id for q in result.open_questions}
    for qid in expect.get("open_questions") or []:
        if qid not in raised:
            problems.append(f"open question {qid} not raised (raised: {sorted(raised)})")
    for qid in expect.get("no_open_questions") or []:
        if qid in raised:
            problems.append(f"open question {qid} raised but should not be")
    openness = result.openness.model_dump()
    for key, wanted in (expect.get("openness") or {}).items():
        wanted_value = status_word(wanted) if isinstance(wanted, bool) else wanted
        if openness.get(key) != wanted_value:
            problems.append(f"openness.{key}: expected {wanted_value!r}, got {openness.get(key)!r}")
    inferred = {i.path for i in result.inferred_facts}
    for path in expect.get("inferred") or []:
        if path not in inferred:
            problems.append(f"fact {path} not inferred (inferred: {sorted(inferred)})")
    if problems:
        raise AssertionError(f"{scenario.id}: {scenario.name}\n  " + "\n  ".join(problems))
    return result
