"""``aiact interview`` as a command: its options, refusals, and the memo at the end (piped input)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from aiact.engine import load_fact_file
from aiact.main import cli


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def test_help_names_every_option_and_the_keys(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["interview", "--help"])
    assert result.exit_code == 0
    for text in ("--out", "--resume", "--memo", "h for help", "b to go back", "q to save"):
        assert text in result.output


def test_answers_piped_in_are_saved_and_the_memo_written(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["interview", "--memo", "memo.md"], input="Payroll sheet\nn\nn\nn\nn\n")
    assert result.exit_code == 0, result.output
    assert f"saved after every answer to: {tmp_path / 'aiact-facts.yaml'}" in result.output
    assert "Result for Payroll sheet" in result.output and "Obligations: " in result.output
    assert "Memo written to memo.md." in result.output
    assert "Payroll sheet" in (tmp_path / "memo.md").read_text()
    assert load_fact_file(tmp_path / "aiact-facts.yaml").artefact.ai_system is False


def test_an_existing_file_is_never_overwritten_by_a_new_interview(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "aiact-facts.yaml").write_text("schema: aiact-facts/1\nsubject: {name: Mine}\n")
    result = runner.invoke(cli, ["interview"], input="Other\n")
    assert result.exit_code == 2
    assert "aiact-facts.yaml already exists. Continue it with --resume aiact-facts.yaml" in result.output
    assert (tmp_path / "aiact-facts.yaml").read_text() == "schema: aiact-facts/1\nsubject: {name: Mine}\n"


def test_an_invalid_file_to_resume_is_refused_one_line_per_problem(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("schema: aiact-facts/1\nsubject: {name: X}\nartefact: {ai_sytem: yes}\n")
    result = runner.invoke(cli, ["interview", "--resume", "bad.yaml"])
    assert result.exit_code == 2
    assert "bad.yaml: artefact.ai_sytem: unknown field; did you mean artefact.ai_system?" in result.output


def test_quitting_before_naming_anything_saves_nothing(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["interview"], input="q\n")
    assert result.exit_code == 0
    assert "Nothing was saved" in result.output
    assert not (tmp_path / "aiact-facts.yaml").exists()


@pytest.mark.parametrize("name", ["facts.txt", "missing/facts.yaml"])
def test_an_unusable_output_file_is_refused_before_any_question(runner: CliRunner, name: str) -> None:
    result = runner.invoke(cli, ["interview", "--out", name])
    assert result.exit_code == 2
    assert "[subject.name]" not in result.output
