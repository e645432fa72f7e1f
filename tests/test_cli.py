"""The ``aiact`` command line as a user and a CI job see it: output, exit status, help.

Exit-status tests use a stub rule base (tests/stub_engine.py) so that they pin
what ``aiact check`` does with a finding, whatever the rule modules conclude;
format tests use the real rule base, since its output is the contract.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import click
import jsonschema
import pytest
from click.testing import CliRunner
from stub_engine import stubbed  # noqa: F401 (fixture)

from aiact.main import COMMANDS, cli

MINIMAL = "schema: aiact-facts/1\nas_of: 2026-11-23\nsubject: {name: Acme Chat}\n"
PROHIBITED = MINIMAL + "prohibited: {social_scoring: true}\n"
HIGH_RISK = MINIMAL + "prohibited: {social_scoring: false}\nhigh_risk: {annex_iii: [4a]}\n"
CLEAN = MINIMAL + "prohibited: {social_scoring: false}\nhigh_risk: {annex_iii: []}\n"
SPEC_CONCLUSIONS = (
    "ai_system", "gpai_model", "gpai_systemic_risk", "placed_on_market", "put_into_service", "scope_exclusion",
    "free_open_source_licence", "monetised", "prohibited_practice", "high_risk", "art_6_3_derogation",
    "transparency_obligations", "oss_exemption_ai_system", "oss_exemption_gpai", "oss_exemption_component",
    "becomes_provider", "act_applies",
)
SPEC_EXAMPLE = {
    "schema": "aiact-facts/1",
    "as_of": "2026-11-23",
    "subject": {"name": "GPT-NeoX-20B"},
    "artefact": {
        "ai_system": False, "gpai_model": True, "training_compute_flop": 5.8e22, "output_modalities": ["text"],
    },
    "operator": {"roles": ["provider"], "established_in_eu": False},
    "market": {"channels": ["public_repository", "download"]},
    "release": {
        "licence": "Apache-2.0",
        "licence_grants": {"access": True, "use": True, "modify": True, "redistribute": True},
        "licence_restrictions": [], "weights_public": True, "architecture_info_public": True,
        "usage_info_public": True, "training_code_public": True, "inference_code_public": True,
        "training_data_public": "full", "data_information_public": True, "monetisation": [],
    },
}


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# --- help ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", cli.list_commands(click.Context(cli)))
def test_every_command_has_help(name: str) -> None:
    module = COMMANDS[name][0]
    if importlib.util.find_spec(module) is None:  # a module that exists but fails to import fails here
        pytest.skip(f"{module} is not written yet (no module file)")
    code, out, _ = invoke(name, "--help")
    assert code == 0
    assert out.startswith(f"Usage: cli {name}") or out.startswith(f"Usage: aiact {name}")
    assert len(out.splitlines()) > 3


def test_the_group_lists_every_command_and_the_disclaimer() -> None:
    code, out, _ = invoke("--help")
    assert code == 0
    for name in COMMANDS:
        assert f"  {name} " in out
    assert "not legal advice" in out


# --- exit status ----------------------------------------------------------------------------------

@pytest.mark.usefixtures("stubbed")
@pytest.mark.parametrize(
    ("text", "fail_on", "expected"),
    [
        (PROHIBITED, None, 1),
        (HIGH_RISK, None, 0),
        (CLEAN, None, 0),
        (HIGH_RISK, "high-risk", 1),
        (PROHIBITED, "high-risk", 0),
        (PROHIBITED, "high-risk,prohibited", 1),
        (HIGH_RISK, " prohibited , high-risk ", 1),
        (MINIMAL, "undetermined", 1),
        (CLEAN, "undetermined", 0),
        (PROHIBITED, "obligations-in-force", 1),
        (CLEAN, "obligations-in-force", 0),
        (PROHIBITED, "none", 0),
        (PROHIBITED, "", 0),
    ],
)
def test_exit_status_follows_fail_on(tmp_path: Path, text: str, fail_on: str | None, expected: int) -> None:
    args: list[str | Path] = ["check", write(tmp_path, "facts.yaml", text)]
    if fail_on is not None:
        args += ["--fail-on", fail_on]
    code, out, err = invoke(*args)
    assert code == expected, err
    assert "Acme Chat" in out and err == ""


@pytest.mark.usefixtures("stubbed")
def test_obligations_in_force_depend_on_the_date(tmp_path: Path) -> None:
    path = write(tmp_path, "facts.yaml", HIGH_RISK)
    assert invoke("check", path, "--fail-on", "obligations-in-force", "--as-of", "2026-01-01")[0] == 0
    assert invoke("check", path, "--fail-on", "obligations-in-force", "--as-of", "2028-01-01")[0] == 1


@pytest.mark.parametrize("fail_on", ["prohibitted", "high_risk", "prohibited,everything"])
def test_invalid_fail_on_is_a_usage_error(tmp_path: Path, fail_on: str) -> None:
    code, out, err = invoke("check", write(tmp_path, "facts.yaml", MINIMAL), "--fail-on", fail_on)
    assert code == 2 and out == ""
    assert "not known; use any of prohibited, high-risk, undetermined, obligations-in-force" in err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (MINIMAL + "artefact: {ai_sytem: true}\n",
         "artefact.ai_sytem: unknown field; did you mean artefact.ai_system?"),
        ("schema: !!python/object/apply:os.system [ls]\n", "line 1: the YAML tag"),
        ("", "the file is empty"),
    ],
)
def test_invalid_fact_file_exits_2_with_one_line_and_nothing_on_stdout(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = write(tmp_path, "facts.yaml", text)
    code, out, err = invoke("check", path)
    assert code == 2 and out == ""
    assert err.splitlines() == [line for line in err.splitlines() if line.startswith(f"{path}: ")]
    assert expected in err and "Traceback" not in err


def test_missing_file_exits_2(tmp_path: Path) -> None:
    code, out, err = invoke("check", tmp_path / "nowhere.yaml")
    assert (code, out) == (2, "")
    assert err == f"{tmp_path / 'nowhere.yaml'}: cannot read the file: No such file or directory\n"


@pytest.mark.usefixtures("stubbed")
def test_a_bad_file_takes_precedence_over_a_finding(tmp_path: Path) -> None:
    good = write(tmp_path, "good.yaml", PROHIBITED)
    bad = write(tmp_path, "bad.yaml", MINIMAL + "artefakt: {}\n")
    code, out, err = invoke("check", good, bad, "--format", "json")
    assert code == 2
    assert [r["source"] for r in json.loads(out)] == [str(good)]
    assert err == f"{bad}: artefakt: unknown field; did you mean artefact?\n"


# --- formats -------------------------------------------------------------------------------------

def _check_result_keys(result: dict) -> None:
    """The keys of check-output.md, with the values the spec allows."""
    assert result["schema"] == "aiact-result/1"
    assert {"subject", "as_of", "conclusions", "obligations", "openness", "open_questions"} <= set(result)
    assert set(SPEC_CONCLUSIONS) <= set(result["conclusions"])
    for conclusion in result["conclusions"].values():
        assert conclusion["status"] in {"yes", "no", "undetermined"}
        assert conclusion["because"], "every conclusion has its reasons, a no too"
        for reason in conclusion["because"]:
            assert {"rule", "citation", "says"} <= set(reason)
        assert isinstance(conclusion["facts"], list)
    for obligation in result["obligations"]:
        assert {"id", "citation", "role", "applies_from", "in_force", "status", "exempted_by"} <= set(obligation)
        assert obligation["status"] in {"yes", "undetermined"}
    openness = result["openness"]
    assert openness["gradient"] in {"fully_closed", "gradual_staged", "hosted", "api", "downloadable",
                                    "fully_open", "undetermined"}
    assert openness["osaid"] in {"yes", "no", "undetermined"}
    assert openness["act_open_source"] in {"yes", "no", "undetermined"}
    assert isinstance(openness["missing_for_osaid"], list)
    for question in result["open_questions"]:
        assert {"id", "kind", "question", "affects", "citations"} <= set(question)
        assert question["kind"] in {"fact", "legal"}
        assert question["id"].startswith(question["kind"] + ":")
        if question["kind"] == "fact":
            assert isinstance(question["if"], dict)


def test_json_for_one_file_is_one_result_object(tmp_path: Path) -> None:
    path = write(tmp_path, "neox.json", json.dumps(SPEC_EXAMPLE))
    code, out, _ = invoke("check", path, "--format", "json", "--fail-on", "none")
    assert code == 0
    result = json.loads(out)
    _check_result_keys(result)
    assert result["subject"] == "GPT-NeoX-20B" and result["as_of"] == "2026-11-23"
    assert result["source"] == str(path)


def test_json_for_several_files_is_an_array_in_argument_order(tmp_path: Path) -> None:
    second = write(tmp_path, "b.yaml", MINIMAL.replace("Acme Chat", "B"))
    first = write(tmp_path, "a.json", json.dumps(SPEC_EXAMPLE))
    code, out, _ = invoke("check", second, first, "--format", "json", "--fail-on", "none")
    assert code == 0
    results = json.loads(out)
    assert [r["subject"] for r in results] == ["B", "GPT-NeoX-20B"]
    for result in results:
        _check_result_keys(result)


def test_streamed_json_array_is_exactly_what_json_dumps_writes(tmp_path: Path) -> None:
    paths = [write(tmp_path, f"{n}.yaml", MINIMAL.replace("Acme Chat", n)) for n in ("a", "b")]
    out = invoke("check", *paths, "--format", "json", "--fail-on", "none")[1]
    assert out == json.dumps(json.loads(out), indent=2, ensure_ascii=False) + "\n"


def test_text_format(tmp_path: Path) -> None:
    path = write(tmp_path, "facts.yaml", json.dumps(SPEC_EXAMPLE))
    code, out, _ = invoke("check", path, "--fail-on", "none")
    assert code == 0
    assert out.startswith(f"{path}: GPT-NeoX-20B  (as of 2026-11-23)\n")
    assert "  gpai_model " in out and "open questions:" in out
    assert out.rstrip().endswith("a qualified lawyer should review the result.")
    assert "Summary of" not in out, "no batch table for one file"


def test_as_of_overrides_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "facts.yaml", MINIMAL)
    out = invoke("check", path, "--format", "json", "--as-of", "2027-03-01", "--fail-on", "none")[1]
    assert json.loads(out)["as_of"] == "2027-03-01"
    out = invoke("check", path, "--format", "json", "--fail-on", "none")[1]
    assert json.loads(out)["as_of"] == "2026-11-23"


@pytest.mark.parametrize("day", ["2027-13-01", "tomorrow", "20270301"])
def test_bad_as_of_is_a_usage_error(tmp_path: Path, day: str) -> None:
    code, out, err = invoke("check", write(tmp_path, "facts.yaml", MINIMAL), "--as-of", day)
    assert code == 2 and out == "" and "write YYYY-MM-DD" in err


# --- what if ---------------------------------------------------------------------------------------

@pytest.mark.usefixtures("stubbed")
def test_set_assesses_the_changed_facts(tmp_path: Path) -> None:
    path = write(tmp_path, "facts.yaml", CLEAN)
    code, out, _ = invoke("check", path, "--set", "prohibited.social_scoring=true", "--format", "json")
    assert code == 1
    result = json.loads(out)
    assert result["conclusions"]["prohibited_practice"]["status"] == "yes"
    assert result["what_if"] == {"set": {"prohibited.social_scoring": "true"}}
    assert "prohibited: {social_scoring: false}" in path.read_text("utf-8"), "the file is not changed"


@pytest.mark.usefixtures("stubbed")
def test_diff_in_json(tmp_path: Path) -> None:
    path = write(tmp_path, "facts.yaml", CLEAN)
    out = invoke("check", path, "--set", "high_risk.annex_iii=[4a, 1a]", "--diff", "--format", "json",
                 "--as-of", "2028-01-01")[1]
    diff = json.loads(out)["what_if"]["diff"]
    assert diff["conclusions"] == [{"id": "high_risk", "from": "no", "to": "yes"}]
    assert diff["obligations"] == {"added": ["art_26_high_risk_deployer"], "removed": [], "changed": []}


@pytest.mark.usefixtures("stubbed")
def test_diff_in_text(tmp_path: Path) -> None:
    path = write(tmp_path, "facts.yaml", PROHIBITED)
    code, out, _ = invoke("check", path, "--set", "prohibited.social_scoring=false", "--diff")
    assert code == 0
    assert "  what if: prohibited.social_scoring=false\n" in out
    assert "    prohibited_practice: yes -> no\n" in out
    assert "    obligations removed: art_5_prohibited_stop\n" in out


@pytest.mark.usefixtures("stubbed")
def test_diff_says_when_nothing_changes(tmp_path: Path) -> None:
    path = write(tmp_path, "facts.yaml", CLEAN)
    out = invoke("check", path, "--set", "subject.version=2", "--diff")[1]
    assert "no change to conclusions, obligations or open questions" in out


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("artefact.gpai_modl=true", "--set: artefact.gpai_modl: not a fact path; did you mean artefact.gpai_model?"),
        ("market.channels=[ftp]", "--set: market.channels: 'ftp' is not one of the choices. Type every choice"),
        ("gpai_model", "--set: 'gpai_model' is not PATH=VALUE"),
    ],
)
def test_bad_set_exits_2_before_any_work(tmp_path: Path, setting: str, expected: str) -> None:
    code, out, err = invoke("check", write(tmp_path, "facts.yaml", MINIMAL), "--set", setting)
    assert code == 2 and out == ""
    assert err.startswith(expected) and len(err.splitlines()) == 1


def test_diff_without_set_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = invoke("check", write(tmp_path, "facts.yaml", MINIMAL), "--diff")
    assert code == 2 and out == "" and "give at least one --set" in err


# --- schema and rules ------------------------------------------------------------------------------

def test_schema_is_a_json_schema_that_accepts_the_spec_example_and_rejects_a_typo() -> None:
    code, out, _ = invoke("schema")
    assert code == 0
    schema = json.loads(out)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    assert list(validator.iter_errors(SPEC_EXAMPLE)) == []
    assert list(validator.iter_errors({"schema": "aiact-facts/1", "subject": {"name": "x"}})) == []
    typo = {**SPEC_EXAMPLE, "artefact": {**SPEC_EXAMPLE["artefact"], "ai_sytem": True}}  # type: ignore[dict-item]
    assert [e.message for e in validator.iter_errors(typo)] != []
    wrong = {**SPEC_EXAMPLE, "release": {**SPEC_EXAMPLE["release"], "training_data_public": "some"}}  # type: ignore[dict-item]
    assert list(validator.iter_errors(wrong)) != []


def test_rules_prints_every_rule_with_its_citation() -> None:
    from aiact.rules import rule_base

    code, out, _ = invoke("rules")
    assert code == 0
    assert out.startswith("# ")
    rulebase = rule_base()
    for rule in rulebase.rules.values():
        assert f"**{rule.id}** ({rule.citation})" in out, rule.id
    for obligation in rulebase.obligations.values():
        assert obligation.id in out and obligation.citation in out


# --- the installed console script --------------------------------------------------------------------

def _script() -> str:
    return str(Path(sys.executable).with_name("aiact"))


def test_console_script_end_to_end(tmp_path: Path) -> None:
    good = write(tmp_path, "neox.json", json.dumps(SPEC_EXAMPLE))
    run = subprocess.run([_script(), "check", str(good), "--format", "json", "--fail-on", "none"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    _check_result_keys(json.loads(run.stdout))


def test_console_script_bad_file_has_no_traceback(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.yaml", MINIMAL + "artefact: {training_compute_flop: -1}\n")
    run = subprocess.run([_script(), "check", str(bad)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr == (
        f"{bad}: artefact.training_compute_flop: must be zero or more, got -1; "
        'write a number (e.g. 3.8e25), "<1e23", ">1e25", "1e23-1e25", "about 3e24", or unknown\n'
    )
