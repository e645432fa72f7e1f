"""Brief and full results: the brief one is the full one without reasons, texts and per-answer maps.

Every scenario file and every bundled example is assessed both ways; the two
must agree on every conclusion's status, every obligation's status, dates,
in-force flag and exemption, and on the open questions (the same ids, in the
same order, each affecting a part of what the full result says it affects).
The command-line tests pin ``--detail`` and its defaults per output format.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from aiact import default_engine
from aiact.engine import Assessment, load_fact_file, validate
from aiact.main import cli
from scenario_runner import load_scenarios

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
SCENARIOS = load_scenarios()
SPARSE_CV = ROOT / "benchmarks" / "cv-screening-sparse.yaml"
OBLIGATION_KEYS = (
    "id", "status", "applies_from", "applies_from_alternatives", "in_force", "exempted_by", "may_be_exempted_by",
)


def both(facts: Any, as_of: Any = None) -> tuple[dict[str, Any], dict[str, Any]]:
    engine = default_engine()
    full: Assessment = engine.assess(facts, as_of=as_of, detail="full")
    brief: Assessment = engine.assess(facts, as_of=as_of, detail="brief")
    return full.to_json_dict(), brief.to_json_dict()


def assert_agree(full: dict[str, Any], brief: dict[str, Any]) -> None:
    assert (full["detail"], brief["detail"]) == ("full", "brief")
    assert {cid: c["status"] for cid, c in brief["conclusions"].items()} == {
        cid: c["status"] for cid, c in full["conclusions"].items()
    }
    assert brief["obligations"] == [{key: o[key] for key in OBLIGATION_KEYS} for o in full["obligations"]]
    assert [q["id"] for q in brief["open_questions"]] == [q["id"] for q in full["open_questions"]]
    for short, long in zip(brief["open_questions"], full["open_questions"], strict=True):
        in_conclusions = [nid for nid in long["affects"] if nid in full["conclusions"]]
        assert short["affects"] == (in_conclusions or long["affects"]), short["id"]
        assert short["kind"] == long["kind"]
    assert brief["openness"] == full["openness"]
    assert (brief["subject"], brief["as_of"], brief["schema"]) == (full["subject"], full["as_of"], full["schema"])


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_brief_and_full_agree_on_every_scenario(scenario: Any) -> None:
    assert_agree(*both(validate(scenario.facts, scenario.id), scenario.as_of))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_brief_and_full_agree_on_every_example(path: Path) -> None:
    assert_agree(*both(load_fact_file(path)))


def test_a_brief_result_carries_no_reasons_texts_or_answer_maps() -> None:
    full, brief = both(load_fact_file(SPARSE_CV))
    assert full["open_questions"] and all("if" in q for q in full["open_questions"] if q["kind"] == "fact")
    assert set(brief) == {"schema", "detail", "subject", "as_of", "conclusions", "obligations", "openness",
                          "open_questions", "disclaimer"}
    assert all(set(c) == {"status"} for c in brief["conclusions"].values())
    assert all(set(q) == {"id", "kind", "affects"} for q in brief["open_questions"])
    assert all(q["affects"] for q in brief["open_questions"])


def test_the_brief_result_of_a_sparse_file_stays_under_20_kb() -> None:
    line = json.dumps(both(load_fact_file(SPARSE_CV))[1], ensure_ascii=False, separators=(",", ":"))
    assert len(line.encode()) < 20_000


def check(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", *map(str, args), "--fail-on", "none"], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_detail_defaults_to_full_for_json_and_brief_for_jsonl() -> None:
    code, out, _ = check(SPARSE_CV, "--format", "json")
    assert code == 0 and json.loads(out)["detail"] == "full"
    assert "because" in json.loads(out)["conclusions"]["high_risk"]
    code, out, _ = check(SPARSE_CV, "--format", "jsonl")
    assert code == 0 and json.loads(out)["detail"] == "brief"
    assert json.loads(out)["conclusions"]["high_risk"] == {"status": "undetermined"}


def test_detail_can_be_chosen_for_any_format() -> None:
    out = check(SPARSE_CV, "--format", "jsonl", "--detail", "full")[1]
    assert json.loads(out)["detail"] == "full" and "because" in json.loads(out)["conclusions"]["high_risk"]
    out = check(SPARSE_CV, "--format", "json", "--detail", "brief")[1]
    assert json.loads(out)["detail"] == "brief" and "because" not in json.loads(out)["conclusions"]["high_risk"]


def test_text_is_full_for_one_file_and_brief_for_several() -> None:
    one = check(SPARSE_CV)[1]
    assert "  ai_system                  yes   Art. 3(1)" in one
    several = check(SPARSE_CV, EXAMPLES[0])[1]
    assert "  ai_system                  yes\n" in several
    assert "Summary of 2 files: 2 assessed, 0 invalid" in several
    assert "  ai_system                  yes   Art. 3(1)" in check(SPARSE_CV, EXAMPLES[0], "--detail", "full")[1]


def test_an_unknown_detail_is_a_usage_error() -> None:
    code, out, err = check(SPARSE_CV, "--detail", "short")
    assert code == 2 and out == ""
    assert "'short' is not one of 'full', 'brief'" in err


def test_what_if_diff_works_on_brief_results() -> None:
    out = check(SPARSE_CV, "--format", "jsonl", "--set", "artefact.gpai_model=false", "--diff")[1]
    diff = json.loads(out)["what_if"]["diff"]
    assert {"id": "gpai_model", "from": "undetermined", "to": "no"} in diff["conclusions"]
    assert "fact:artefact.gpai_model" in diff["open_questions"]["removed"]
