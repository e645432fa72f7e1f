"""``aiact init --from-model-card`` and ``aiact interview --from-model-card`` as a user runs them.

Bad cards: one line per problem naming the card, the field and what is
allowed; exit status 2; nothing written. The hub is never contacted: the
optional ``huggingface_hub`` is replaced by stand-ins (missing, offline,
answering).
"""

from __future__ import annotations

import shutil
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from aiact.engine import FactFileError, load_fact_file, validate
from aiact.main import cli
from aiact.questionnaires.session import Answers
from aiact.questionnaires.store import answers_from

CARDS = Path(__file__).parent / "model_cards"


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def card(folder: Path, text: str, name: str = "model") -> Path:
    path = folder / name / "README.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


# --- one card ------------------------------------------------------------------------------------

def test_a_card_becomes_a_fact_file_and_then_a_memo(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["init", "--from-model-card", str(CARDS / "llama-finetune"), "-o", "facts.yaml"])
    assert result.exit_code == 0, result.output
    sources = load_fact_file(tmp_path / "facts.yaml").provenance or {}
    assert f"wrote facts.yaml: {len(sources)} values from the card" in result.stderr and len(sources) >= 4
    assert "next: aiact interview --resume facts.yaml" in result.stderr
    assert "note: base_model_relation: finetune" in result.stderr
    facts = load_fact_file(tmp_path / "facts.yaml")
    assert facts.release.licence == "llama3.1" and facts.gpai.modified_from == "meta-llama/Llama-3.1-8B-Instruct"
    assert facts.provenance is not None and facts.provenance["release.licence"] == "model card: license: llama3.1"
    text = (tmp_path / "facts.yaml").read_text()
    assert text.startswith("# Facts from the model card ") and "# - base_model_relation: finetune" in text
    memo = runner.invoke(cli, ["memo", "facts.yaml", "-o", "memo.md"])
    assert memo.exit_code == 0, memo.output
    assert "Acme CV Ranker 8B" in (tmp_path / "memo.md").read_text()


def test_without_out_the_fact_file_goes_to_standard_output(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["init", "--from-model-card", str(CARDS / "apache-original" / "README.md")])
    assert result.exit_code == 0
    assert "release:\n  licence: Apache-2.0\n" in result.stdout
    assert "note:" in result.stderr and "note:" not in result.stdout


def test_json_output(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["init", "--from-model-card", str(CARDS / "merge"), "-o", "merge.json"])
    assert result.exit_code == 0, result.output
    assert load_fact_file(tmp_path / "merge.json").release.licence == "Apache-2.0"


def test_an_existing_file_is_replaced_only_with_force(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "facts.yaml").write_text("mine\n")
    args = ["init", "--from-model-card", str(CARDS / "merge"), "-o", "facts.yaml"]
    refused = runner.invoke(cli, args)
    assert refused.exit_code == 2
    assert refused.stderr == "facts.yaml: already exists; choose another name, or give --force to replace it\n"
    assert (tmp_path / "facts.yaml").read_text() == "mine\n"
    assert runner.invoke(cli, [*args, "--force"]).exit_code == 0
    assert load_fact_file(tmp_path / "facts.yaml").subject.name == "Hermes-Instruct-Slerp-7B"


def test_usage_needs_exactly_one_source(runner: CliRunner) -> None:
    for args in ([], ["--from-model-card", str(CARDS / "merge"), "--hub-id", "a/b"]):
        result = runner.invoke(cli, ["init", *args])
        assert result.exit_code == 2
        assert result.stderr == "give one of --from-model-card PATH or --hub-id ORG/NAME\n"


# --- bad cards -----------------------------------------------------------------------------------

BAD_CARDS = [
    ("# Just prose\n", "no metadata: a model card starts with a YAML block between two --- lines"),
    ("---\nlicense: mit\n", "line 1: the metadata block opened with --- is never closed"),
    ("---\n---\n# Empty\n", "the metadata block is empty"),
    ("---\nlicense: [mit\n---\n", "not valid YAML"),
    ("---\nlicense: !!python/object/apply:os.system [ls]\n---\n", "line 2: the YAML tag !!python/object/apply"),
    ("---\n- license\n- mit\n---\n", "the metadata block must be a mapping of fields"),
    ("---\nlicense: mit\nlicense: apache-2.0\n---\n", "license: appears twice (lines 2 and 3)"),
    ("---\nlicense: [mit, apache-2.0]\n---\n",
     "license: expected one licence identifier (text), e.g. license: apache-2.0, got a list"),
    ("---\nbase_model: {id: x}\n---\n", "base_model: expected a model id (ORG/NAME) or a list of them"),
    ("---\nbase_model: []\n---\n", "base_model: expected a model id (ORG/NAME) or a list of them"),
    ("---\nbase_model: a/b\nbase_model_relation: distill\n---\n",
     "base_model_relation: 'distill' is not a relation the hub defines; expected one of finetune, adapter"),
    ("---\npipeline_tag: [text-generation]\n---\n", "pipeline_tag: expected one task tag (text)"),
    ("---\ngated: sometimes\n---\n", "gated: expected true, false, auto or manual, got 'sometimes'"),
    ("---\nextra_gated_eu_disallowed: maybe\n---\n", "extra_gated_eu_disallowed: expected true or false"),
    ("---\nextra_gated_fields: [name]\n---\n", "extra_gated_fields: expected a mapping of field name to type"),
    ("---\ndatasets: imdb\n---\n", "datasets: expected a list of dataset ids"),
    ("---\nmodel_name: [a]\n---\n", "model_name: expected the model's name (text)"),
    ("---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n",
     "aliases expand to more than"),
    ("---\nx: " + "[" * 40 + "]" * 40 + "\n---\n", "nested more than 32 levels deep"),
]


@pytest.mark.parametrize(("text", "expected"), BAD_CARDS)
def test_a_bad_card_is_one_line_per_problem_exit_2_nothing_written(
    runner: CliRunner, tmp_path: Path, text: str, expected: str
) -> None:
    path = card(tmp_path, text)
    result = runner.invoke(cli, ["init", "--from-model-card", str(path.parent), "-o", "facts.yaml"])
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{path}: ") and expected in lines[0], lines
    assert "Traceback" not in result.output
    assert not (tmp_path / "facts.yaml").exists()


def test_several_problems_are_one_line_each(runner: CliRunner, tmp_path: Path) -> None:
    path = card(tmp_path, "---\nlicense: {a: 1}\nbase_model: [x, [y]]\ngated: later\n---\n")
    result = runner.invoke(cli, ["init", "--from-model-card", str(path)])
    assert result.exit_code == 2
    assert [line.split(": ", 2)[1] for line in result.stderr.splitlines()] == ["license", "base_model", "gated"]
    assert result.stdout == ""


def test_oversized_and_binary_cards_are_refused_before_parsing(runner: CliRunner, tmp_path: Path) -> None:
    big = card(tmp_path, "---\nlicense: mit\n---\n" + "x" * (1024 * 1024 + 1), "big")
    binary = card(tmp_path, "---\nlicense: mit\n---\n\x00", "binary")
    for path, expected in ((big, "larger than 1 MiB; model cards are small"), (binary, "binary, not text")):
        result = runner.invoke(cli, ["init", "--from-model-card", str(path)])
        assert result.exit_code == 2 and result.stderr == f"{path}: the file is {expected}\n"


def test_a_folder_without_a_card_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = runner.invoke(cli, ["init", "--from-model-card", "empty", "-o", "out"])
    assert result.exit_code == 2
    assert result.stderr == "empty: no model card (README.md) in this folder or below it\n"


# --- a folder of cards ---------------------------------------------------------------------------

def test_a_folder_of_cards_becomes_a_folder_of_fact_files_for_aiact_check(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(CARDS, tmp_path / "cards")
    result = runner.invoke(cli, ["init", "--from-model-card", "cards", "-o", "inventory"])
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(tmp_path / "inventory").as_posix() for p in (tmp_path / "inventory").rglob("*"))
    assert written == sorted(f"{name}.yaml" for name in ("llama-finetune", "apache-original", "research-only",
                                                          "merge", "quantized"))
    assert result.stderr.startswith("wrote 5 fact files under inventory (")
    assert result.stderr.endswith("in each file's header); next: aiact check inventory\n")
    check = runner.invoke(cli, ["check", "inventory", "--fail-on", "none"])
    assert check.exit_code == 0, check.output


def test_one_bad_card_in_a_folder_means_nothing_is_written(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(CARDS / "merge", tmp_path / "cards" / "org" / "good")
    card(tmp_path / "cards" / "org", "no metadata\n", "bad")
    bad = Path("cards/org/bad/README.md")
    result = runner.invoke(cli, ["init", "--from-model-card", "cards", "-o", "inventory"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{bad}: no metadata: a model card starts with a YAML block between two --- lines (license:, "
        "base_model:, pipeline_tag: ...); add one, or answer the questions with aiact interview",
        "nothing written: fix the 1 problem(s) above and run again",
    ]
    assert not (tmp_path / "inventory").exists()


def test_a_folder_of_cards_needs_an_output_folder(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["init", "--from-model-card", str(CARDS)])
    assert result.exit_code == 2
    assert result.stderr == f"{CARDS}: holds 5 model cards; give -o OUTDIR for their fact files\n"


# --- the hub (offline stand-ins) -----------------------------------------------------------------

def test_hub_id_without_the_optional_package_is_one_line(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "huggingface_hub", None)  # import fails as if not installed
    result = runner.invoke(cli, ["init", "--hub-id", "acme/Chat-7B"])
    assert result.exit_code == 2
    assert result.stderr == (
        "--hub-id: needs the optional package huggingface_hub (pip install 'aiact[hub]'), which is not "
        "installed; or save the card's README.md and give --from-model-card PATH\n"
    )


def hub(monkeypatch: pytest.MonkeyPatch, download: object) -> None:
    module = types.ModuleType("huggingface_hub")
    module.hf_hub_download = download  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "huggingface_hub", module)


def test_hub_id_offline_is_one_line(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def offline(repo_id: str, filename: str) -> str:
        raise OSError("Failed to resolve 'huggingface.co'\n(name resolution)")

    hub(monkeypatch, offline)
    result = runner.invoke(cli, ["init", "--hub-id", "acme/Chat-7B", "-o", "facts.yaml"])
    assert result.exit_code == 2
    assert result.stderr == (
        "--hub-id: could not fetch the model card of acme/Chat-7B from the Hugging Face Hub (OSError: Failed to "
        "resolve 'huggingface.co' (name resolution)); offline? save the card's README.md and give "
        "--from-model-card PATH\n"
    )
    assert not (tmp_path / "facts.yaml").exists()


def test_hub_id_fetches_the_card_and_knows_its_organisation(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fetched = card(tmp_path / "cache", "---\nlicense: mit\nbase_model: acme/Base-7B\n---\n")
    hub(monkeypatch, lambda repo_id, filename: str(fetched))
    result = runner.invoke(cli, ["init", "--hub-id", "acme/Chat-7B", "-o", "facts.yaml"])
    assert result.exit_code == 0, result.output
    facts = load_fact_file(tmp_path / "facts.yaml")
    assert facts.subject.name == "acme/Chat-7B" and facts.release.licence == "MIT"
    assert facts.gpai.modified_from == "unknown"  # its own organisation's base model: for the person to say
    assert "same organisation as acme/Chat-7B" in result.stderr


def test_a_malformed_hub_id_is_refused(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["init", "--hub-id", "not a model"])
    assert result.exit_code == 2
    assert result.stderr.startswith("--hub-id: 'not a model' is not a model id; write ORG/NAME")


# --- the interview -------------------------------------------------------------------------------

def test_the_interview_starts_from_the_card_and_asks_only_what_is_left(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["interview", "--from-model-card", str(CARDS / "llama-finetune"), "--out", "f.yaml"],
                           input="q\n")
    assert result.exit_code == 0, result.output
    assert "Taken from the model card" in result.output and "release.licence: llama3.1" in result.output
    assert "artefact.output_modalities: text\n" in result.output  # said back as the person would write it
    for path in ("[release.licence]", "[gpai.modified_from]", "[artefact.output_modalities]", "What is it called"):
        assert path not in result.output
    facts = load_fact_file(tmp_path / "f.yaml")
    assert facts.release.licence == "llama3.1"
    assert facts.provenance is not None and set(facts.provenance) >= {"release.licence", "gpai.modified_from"}


def test_the_interview_refuses_a_card_and_a_resume_together(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_text("schema: aiact-facts/1\nsubject: {name: X}\n")
    result = runner.invoke(cli, ["interview", "--from-model-card", str(CARDS / "merge"), "--resume", "f.yaml"])
    assert result.exit_code == 2
    assert "not both" in result.output


def test_the_interview_refuses_a_bad_card_in_one_line(runner: CliRunner, tmp_path: Path) -> None:
    path = card(tmp_path, "---\nlicense: [a]\n---\n")
    result = runner.invoke(cli, ["interview", "--from-model-card", str(path)])
    assert result.exit_code == 2
    assert f"{path}: license: expected one licence identifier" in result.output
    assert not (tmp_path / "aiact-facts.yaml").exists()


def test_an_answer_replaces_the_cards_value_and_its_source() -> None:
    document = {
        "schema": "aiact-facts/1", "subject": {"name": "M"}, "release": {"licence": "MIT"},
        "provenance": {"release.licence": "model card: license: mit", "subject.name": "model card: title: M"},
    }
    answers: Answers = answers_from(document, "card")
    answers.set("release.licence", "proprietary")
    assert answers.document()["provenance"] == {"subject.name": "model card: title: M"}
    answers.undo()  # the licence is now not stated at all: no source either
    assert "release" not in answers.document()
    assert answers.document()["provenance"] == {"subject.name": "model card: title: M"}


# --- the provenance field ------------------------------------------------------------------------

@pytest.mark.parametrize(("provenance", "expected"), [
    ({"release.licnce": "model card"}, "provenance.release.licnce: not a fact path; did you mean release.licence?"),
    ({"release.licence": ""}, "provenance.release.licence: must not be empty"),
    ({"release.licence": "x" * 301}, "provenance.release.licence: is 301 characters long; keep it to 300"),
    ({"release.licence": True}, "provenance.release.licence: expected text, got true"),
    (["release.licence"], "provenance: expected a mapping of fact path to where its value came from"),
])
def test_provenance_keys_must_be_fact_paths_and_values_short_text(provenance: object, expected: str) -> None:
    with pytest.raises(FactFileError) as caught:
        validate({"schema": "aiact-facts/1", "subject": {"name": "x"}, "provenance": provenance}, "f.yaml")
    assert len(caught.value.problems) == 1 and caught.value.problems[0].startswith(f"f.yaml: {expected}")


def test_provenance_never_changes_a_conclusion() -> None:
    from aiact import default_engine

    plain = {"schema": "aiact-facts/1", "as_of": "2026-11-23", "subject": {"name": "x"}, "release": {"licence": "MIT"}}
    sourced = {**plain, "provenance": {"release.licence": "model card: license: mit"}}
    engine = default_engine()
    assert engine.assess(validate(plain)) == engine.assess(validate(sourced))


def test_the_schema_names_the_paths_a_provenance_key_may_take(runner: CliRunner) -> None:
    import json

    import jsonschema

    schema = json.loads(runner.invoke(cli, ["schema"]).stdout)
    validator = jsonschema.validators.validator_for(schema)(schema)
    good = {"schema": "aiact-facts/1", "subject": {"name": "x"}, "provenance": {"release.licence": "card"}}
    assert list(validator.iter_errors(good)) == []
    assert list(validator.iter_errors({**good, "provenance": {"release.licnce": "card"}}))
