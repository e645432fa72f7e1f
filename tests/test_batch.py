"""``aiact check DIR``: many files, one bad file not stopping the others, --jobs, JSON Lines."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from stub_engine import stubbed  # noqa: F401 (fixture)

from aiact.main import cli

MINIMAL = "schema: aiact-facts/1\nas_of: 2026-11-23\nsubject: {name: NAME}\n"
VARIED = {
    "chat.yaml": "artefact: {ai_system: true, built_on_gpai_model: true}\ntransparency: "
                 "{interacts_with_natural_persons: true}\noperator: {roles: [deployer]}\n",
    "model.json": None,
    "hr/screening.yml": "artefact: {ai_system: true}\nhigh_risk: {annex_iii: [4a], profiling: true}\n"
                        "operator: {roles: [provider], established_in_eu: true}\n",
    "hr/scoring.yaml": "artefact: {ai_system: true}\nprohibited: {social_scoring: true}\n",
    "big/model.yaml": "artefact: {gpai_model: true, training_compute_flop: 3.8e25}\n"
                      "market: {channels: [api], first_placed_on: 2025-06-01}\n",
    "open/neox.yaml": "artefact: {gpai_model: true, training_compute_flop: 5.8e22}\nrelease: {licence: Apache-2.0, "
                      "weights_public: true, monetisation: []}\nmarket: {channels: [public_repository]}\n",
}


def make(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def inventory(folder: Path) -> list[str]:
    """Varied valid fact files; returns their paths in the order aiact walks them."""
    for name, body in VARIED.items():
        if name.endswith(".json"):
            make(folder, name, json.dumps({"schema": "aiact-facts/1", "as_of": "2026-11-23",
                                           "subject": {"name": name}, "artefact": {"gpai_model": True}}))
        else:
            make(folder, name, MINIMAL.replace("NAME", name) + (body or ""))
    return [str(folder / n) for n in ("big/model.yaml", "chat.yaml", "hr/scoring.yaml", "hr/screening.yml",
                                      "model.json", "open/neox.yaml")]


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def sources(jsonl: str) -> list[str]:
    return [json.loads(line)["source"] for line in jsonl.splitlines()]


def test_a_folder_is_searched_recursively_in_path_order(tmp_path: Path) -> None:
    expected = inventory(tmp_path)
    make(tmp_path, "README.md", "# not a fact file\n")
    make(tmp_path, ".hidden/skipped.yaml", "not: even valid\n")
    make(tmp_path, "open/.draft.yaml", "not: even valid\n")
    code, out, err = invoke("check", tmp_path, "--format", "jsonl", "--fail-on", "none")
    assert (code, err) == (0, "")
    assert sources(out) == expected


def test_jsonl_lines_are_each_a_complete_result(tmp_path: Path) -> None:
    inventory(tmp_path)
    out = invoke("check", tmp_path, "--format", "jsonl", "--fail-on", "none")[1]
    lines = out.splitlines()
    assert len(lines) == len(VARIED)
    for line in lines:
        result = json.loads(line)
        assert result["schema"] == "aiact-result/1" and "conclusions" in result
        assert "\n" not in line


def test_good_files_are_reported_and_a_bad_one_makes_the_exit_status_2(tmp_path: Path) -> None:
    good = inventory(tmp_path)
    bad = make(tmp_path, "hr/typo.yaml", MINIMAL.replace("NAME", "typo") + "high_risk: {anex_iii: [4a]}\n")
    broken = make(tmp_path, "zz.json", '{"schema": ')
    code, out, err = invoke("check", tmp_path, "--format", "jsonl", "--fail-on", "none")
    assert code == 2
    assert sources(out) == good
    assert err.splitlines() == [
        f"{bad}: high_risk.anex_iii: unknown field; did you mean high_risk.annex_iii?",
        f"{broken}: line 1, column 12: not valid JSON: Expecting value",
    ]


def test_files_and_folders_mixed_keep_argument_order_and_each_file_once(tmp_path: Path) -> None:
    folder_files = inventory(tmp_path / "inv")
    single = make(tmp_path, "single.yaml", MINIMAL.replace("NAME", "single"))
    out = invoke("check", single, tmp_path / "inv", folder_files[0], "--format", "jsonl", "--fail-on", "none")[1]
    assert sources(out) == [str(single), *folder_files]


def test_json_for_a_folder_is_always_an_array(tmp_path: Path) -> None:
    make(tmp_path, "only.yaml", MINIMAL.replace("NAME", "only"))
    out = invoke("check", tmp_path, "--format", "json", "--fail-on", "none")[1]
    assert [r["subject"] for r in json.loads(out)] == ["only"]


def test_a_folder_without_fact_files_is_an_error(tmp_path: Path) -> None:
    make(tmp_path, "notes.txt", "nothing here\n")
    code, out, err = invoke("check", tmp_path)
    assert (code, out) == (2, "")
    assert err == f"{tmp_path}: no fact files (.yaml, .yml, .json) in this folder\n"


def test_two_processes_give_exactly_the_results_of_one(tmp_path: Path) -> None:
    inventory(tmp_path)
    for i in range(10):
        make(tmp_path, f"more/f{i:02}.yaml", MINIMAL.replace("NAME", f"f{i}")
             + f"artefact: {{gpai_model: {str(i % 2 == 0).lower()}, training_compute_flop: {i}e24}}\n")
    make(tmp_path, "more/bad.yaml", "schema: aiact-facts/2\n")
    one = invoke("check", tmp_path, "--format", "jsonl", "--fail-on", "none", "--jobs", "1")
    two = invoke("check", tmp_path, "--format", "jsonl", "--fail-on", "none", "--jobs", "2")
    assert one[0] == two[0] == 2
    assert one[1] == two[1]
    assert one[2] == two[2]
    assert len(one[1].splitlines()) == len(VARIED) + 10


@pytest.mark.usefixtures("stubbed")
def test_text_mode_ends_with_a_summary_table(tmp_path: Path) -> None:
    scoring = make(tmp_path, "a/scoring.yaml", MINIMAL.replace("NAME", "s") + "prohibited: {social_scoring: true}\n")
    make(tmp_path, "b/hr.yaml", MINIMAL.replace("NAME", "h") + "prohibited: {social_scoring: false}\n"
         "high_risk: {annex_iii: [4a]}\n")
    make(tmp_path, "c/unknown.yaml", MINIMAL.replace("NAME", "u"))
    bad = make(tmp_path, "d/bad.yaml", MINIMAL.replace("NAME", "b") + "prohibited: {social_scoring: perhaps}\n")
    code, out, _ = invoke("check", tmp_path)
    assert code == 2, "the bad file takes precedence over the prohibited finding"
    table = out[out.index("Summary of 4 files"):]
    assert table.splitlines()[:4] == [
        "Summary of 4 files: 3 assessed, 1 invalid",
        "  classification                 yes      ??      no",
        "  prohibited practice              1       1       1",
        "  high-risk                        1       2       0",
    ]
    assert f"  files with prohibited findings: 1\n    - {scoring}\n" in table
    assert f"  invalid files (see the errors above): 1\n    - {bad}\n" in table
    assert "  files with open questions: " in table


@pytest.mark.usefixtures("stubbed")
def test_findings_in_any_file_give_exit_1(tmp_path: Path) -> None:
    make(tmp_path, "a.yaml", MINIMAL.replace("NAME", "a") + "prohibited: {social_scoring: false}\n")
    make(tmp_path, "b.yaml", MINIMAL.replace("NAME", "b") + "prohibited: {social_scoring: true}\n")
    assert invoke("check", tmp_path, "--format", "jsonl")[0] == 1


def test_an_engine_failure_is_reported_per_file_with_exit_status_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import aiact

    real = aiact.default_engine()

    class Failing:
        def assess(
            self, facts: object, *, as_of: object = None, today: object = None, detail: str = "full",
            share: bool = False,
        ) -> object:
            if facts.subject.name == "boom":  # type: ignore[attr-defined]
                raise RuntimeError("rule x failed")
            return real.assess(facts, as_of=as_of, today=today, detail=detail, share=share)  # type: ignore[arg-type]

    monkeypatch.setattr(aiact, "default_engine", lambda: Failing())
    boom = make(tmp_path, "a.yaml", MINIMAL.replace("NAME", "boom"))
    fine = make(tmp_path, "b.yaml", MINIMAL.replace("NAME", "fine"))
    make(tmp_path, "c.yaml", "schema: aiact-facts/2\n")
    code, out, err = invoke("check", tmp_path, "--format", "jsonl", "--fail-on", "none")
    assert code == 3
    assert sources(out) == [str(fine)]
    assert f"{boom}: internal error: RuntimeError: rule x failed\n" in err
    assert "Traceback" not in err


def test_what_if_applies_to_every_file_of_a_folder(tmp_path: Path) -> None:
    inventory(tmp_path)
    out = invoke("check", tmp_path, "--format", "jsonl", "--fail-on", "none",
                 "--set", "operator.roles=[provider]", "--diff")[1]
    for line in out.splitlines():
        result = json.loads(line)
        assert result["what_if"]["set"] == {"operator.roles": "[provider]"}
        assert set(result["what_if"]["diff"]) == {"conclusions", "obligations", "openness", "open_questions"}


def test_the_pre_commit_hook_runs_aiact_check_on_fact_files_only() -> None:
    hooks = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text("utf-8"))
    hook = next(h for h in hooks if h["id"] == "aiact-check")
    assert hook["entry"] == "aiact check" and hook["language"] == "python"
    files = re.compile(hook["files"])
    for path in ("ai-inventory/chat.yaml", "compliance/aiact/hr/screening.yml", "models/llama.aiact.json",
                 "chat.aiact.yaml"):
        assert files.search(path), path
    for path in (".github/workflows/ci.yml", "docker-compose.yaml", "package.json", "aiact.yaml", "notes/aiact.md"):
        assert not files.search(path), path


def test_files_without_as_of_share_the_run_s_today(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    import aiact.commands.check as check

    class FixedDay(date):
        @classmethod
        def today(cls) -> FixedDay:
            return cls(2030, 1, 2)

    monkeypatch.setattr(check, "date", FixedDay)
    make(tmp_path, "a.yaml", "schema: aiact-facts/1\nsubject: {name: a}\n")
    make(tmp_path, "b.yaml", MINIMAL.replace("NAME", "b"))
    out = invoke("check", tmp_path, "--format", "jsonl", "--fail-on", "none")[1]
    assert [json.loads(line)["as_of"] for line in out.splitlines()] == ["2030-01-02", "2026-11-23"]


def test_files_with_the_same_facts_share_one_result_under_their_own_names(tmp_path: Path) -> None:
    """An inventory repeats facts: the second file's result is the first's, with its own subject and source,
    and equal to what assessing it alone gives; a file differing in one fact is assessed afresh."""
    first = make(tmp_path, "a.yaml", MINIMAL.replace("NAME", "first system"))
    second = make(tmp_path, "b.yaml", MINIMAL.replace("NAME", "second system"))
    other = make(tmp_path, "c.yaml", MINIMAL.replace("NAME", "third system") + "artefact: {ai_system: false}\n")
    code, out, _ = invoke("check", tmp_path, "--format", "jsonl", "--fail-on", "none")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["subject"] for line in lines] == ["first system", "second system", "third system"]
    assert [line["source"] for line in lines] == [str(first), str(second), str(other)]
    alone = json.loads(invoke("check", second, "--format", "jsonl", "--fail-on", "none")[1])
    assert lines[1] == alone
    assert {k: v for k, v in lines[0].items() if k not in ("subject", "source")} == {
        k: v for k, v in lines[1].items() if k not in ("subject", "source")
    }
    assert lines[2]["conclusions"] != lines[1]["conclusions"]
