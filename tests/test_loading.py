"""Input hardening: every bad fact file gets one clear line per problem, before any work.

Each test writes a file as a user (or an attacker) would and checks the lines
a user sees: the field path or line, what was wrong, what is allowed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from aiact.engine import FactFileError, load_fact_file
from aiact.engine.loading import MAX_BYTES, parse_setting, validate
from aiact.questionnaires.settings import apply_settings

MINIMAL = "schema: aiact-facts/1\nsubject: {name: Acme Chat}\n"
JSON_FLOP = '{{"schema": "aiact-facts/1", "subject": {{"name": "x"}}, "artefact": {{"training_compute_flop": {}}}}}'


def problems_of(tmp_path: Path, text: str | bytes, name: str = "facts.yaml") -> list[str]:
    """The problem lines for a file with this content (fails the test if it loads)."""
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    with pytest.raises(FactFileError) as caught:
        load_fact_file(path)
    prefix = f"{path}: "
    assert all(line.startswith(prefix) for line in caught.value.problems), caught.value.problems
    return [line.removeprefix(prefix) for line in caught.value.problems]


def one_problem(tmp_path: Path, text: str | bytes, name: str = "facts.yaml") -> str:
    lines = problems_of(tmp_path, text, name)
    assert len(lines) == 1, lines
    return lines[0]


def load(tmp_path: Path, text: str, name: str = "facts.yaml") -> object:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return load_fact_file(path)


# --- the file itself -------------------------------------------------------------------------

def test_a_minimal_file_loads(tmp_path: Path) -> None:
    facts = load(tmp_path, MINIMAL)
    assert facts.subject.name == "Acme Chat"  # type: ignore[attr-defined]
    assert facts.artefact.ai_system == "unknown"  # type: ignore[attr-defined]


def test_file_over_one_mebibyte_is_refused_before_parsing(tmp_path: Path) -> None:
    text = MINIMAL + "# " + "x" * MAX_BYTES + "\n"
    assert "larger than 1 MiB" in one_problem(tmp_path, text)


def test_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    padding = MAX_BYTES - len(MINIMAL.encode()) - 3
    text = MINIMAL + "# " + "x" * padding + "\n"
    assert len(text.encode()) == MAX_BYTES
    assert load(tmp_path, text).subject.name == "Acme Chat"  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["facts.txt", "facts.toml", "facts"])
def test_unsupported_extension(tmp_path: Path, name: str) -> None:
    line = one_problem(tmp_path, MINIMAL, name)
    assert "unsupported file type" in line and ".yaml, .yml or .json" in line


@pytest.mark.parametrize("name", ["facts.yml", "facts.YAML"])
def test_yaml_extensions_in_any_case(tmp_path: Path, name: str) -> None:
    assert load(tmp_path, MINIMAL, name).subject.name == "Acme Chat"  # type: ignore[attr-defined]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FactFileError) as caught:
        load_fact_file(tmp_path / "nowhere.yaml")
    assert caught.value.problems == [f"{tmp_path / 'nowhere.yaml'}: cannot read the file: No such file or directory"]


def test_a_folder_is_not_a_fact_file(tmp_path: Path) -> None:
    folder = tmp_path / "inventory.yaml"
    folder.mkdir()
    with pytest.raises(FactFileError) as caught:
        load_fact_file(folder)
    assert "is a folder" in caught.value.problems[0]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(MINIMAL, "utf-8")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(FactFileError) as caught:
        load_fact_file(path)
    assert caught.value.problems == [f"{path}: cannot read the file: Permission denied"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "facts.yaml"
    os.mkfifo(pipe)
    with pytest.raises(FactFileError) as caught:
        load_fact_file(pipe)
    assert "not a regular file" in caught.value.problems[0]


def test_binary_file(tmp_path: Path) -> None:
    assert "binary" in one_problem(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_non_utf8_file(tmp_path: Path) -> None:
    text = MINIMAL.replace("Acme Chat", "Caf\xe9").encode("latin-1")
    assert "not UTF-8" in one_problem(tmp_path, text)


def test_utf8_with_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert load_fact_file(path).subject.name == "Acme Chat"


@pytest.mark.parametrize("text", ["", "\n\n  \n", "# only a comment\n"])
def test_empty_file(tmp_path: Path, text: str) -> None:
    line = one_problem(tmp_path, text)
    assert "empty" in line or "no data" in line
    assert "schema: aiact-facts/1" in line


def test_empty_json_file(tmp_path: Path) -> None:
    assert "empty" in one_problem(tmp_path, "", "facts.json")


@pytest.mark.parametrize(("text", "got"), [("- a\n- b\n", "a list"), ("just text\n", "'just text'"),
                                           ("42\n", "'42'")])
def test_document_must_be_a_mapping(tmp_path: Path, text: str, got: str) -> None:
    assert one_problem(tmp_path, text) == f"the file must be a mapping of schema, subject and fact sections, got {got}"


def test_multi_document_yaml(tmp_path: Path) -> None:
    line = one_problem(tmp_path, MINIMAL + "---\n" + MINIMAL)
    assert line == "line 3, column 1: the file holds several YAML documents (---); a fact file is one document"


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    line = one_problem(tmp_path, MINIMAL + "artefact: {ai_system: true\n")
    assert line.startswith("line ") and "not valid YAML" in line


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    line = one_problem(tmp_path, '{"schema": "aiact-facts/1",\n "subject": {"name": "x"},}', "facts.json")
    assert line.startswith("line 2, column ") and "not valid JSON" in line


# --- hostile YAML ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("!!python/object/apply:os.system ['echo pwned']", "!!python/object/apply:os.system"),
        ("!custom {name: x}", "!custom"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!str Acme", "!!str"),
        ("! Acme", "!"),
    ],
)
def test_any_explicit_yaml_tag_is_refused(tmp_path: Path, value: str, shown: str) -> None:
    line = one_problem(tmp_path, f"schema: aiact-facts/1\nsubject:\n  name: {value}\n")
    assert line.startswith("line 3: ")
    assert f"the YAML tag {shown} is not allowed" in line


def test_tag_on_the_whole_document_is_refused(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    line = one_problem(tmp_path, "!!python/object/apply:os.system ['echo pwned']\n")
    assert "!!python/object/apply:os.system is not allowed" in line
    assert "pwned" not in capfd.readouterr().out


def test_billion_laughs_is_refused_as_an_alias_bomb(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    line = one_problem(tmp_path, "\n".join(lines) + "\n")
    assert "aliases expand to more than" in line


def test_too_many_aliases(tmp_path: Path) -> None:
    text = MINIMAL + "release:\n  licence: &l MIT\n" + "".join(f"x{i}: *l\n" for i in range(150))
    assert "more than 100 aliases" in one_problem(tmp_path, text)


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    text = "schema: aiact-facts/1\nsubject: {name: &n Acme}\ngpai: {modified_from: *n}\n"
    assert load(tmp_path, text).gpai.modified_from == "Acme"  # type: ignore[attr-defined]


@pytest.mark.parametrize("opening", ["[", "{a: "])
def test_nesting_beyond_reason_is_refused_before_it_is_composed(tmp_path: Path, opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    text = MINIMAL + "artefact:\n  ai_system: " + opening * 100_000 + "x" + closing * 100_000 + "\n"
    line = one_problem(tmp_path, text)
    # ours, or libyaml's own flow-level limit when its scanner looks ahead for a key first
    assert line.startswith("line 4") and ("nested more than 32 levels deep" in line or "nesting depth" in line)


def test_recursive_alias(tmp_path: Path) -> None:
    line = one_problem(tmp_path, "schema: aiact-facts/1\nsubject: &s {name: x, self: *s}\n")
    assert "alias refers to the node that contains it" in line


def test_duplicate_keys_name_the_path_and_both_lines(tmp_path: Path) -> None:
    text = MINIMAL + "artefact:\n  ai_system: true\n  ai_system: false\n"
    assert one_problem(tmp_path, text) == "artefact.ai_system: appears twice (lines 4 and 5); write each field once"


def test_every_duplicate_is_reported(tmp_path: Path) -> None:
    text = MINIMAL + "artefact: {ai_system: true, ai_system: false}\nschema: aiact-facts/1\n"
    assert len(problems_of(tmp_path, text)) == 2


def test_duplicate_keys_in_json(tmp_path: Path) -> None:
    text = '{"schema": "aiact-facts/1", "subject": {"name": "x", "name": "y"}}'
    assert one_problem(tmp_path, text, "facts.json") == "name: appears twice in one object; write each field once"


def test_merge_keys_are_refused(tmp_path: Path) -> None:
    text = MINIMAL + "artefact:\n  <<: {ai_system: true}\n  ai_system: false\n"
    assert "merge keys (<<) are not allowed" in one_problem(tmp_path, text)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_constants_are_not_numbers(tmp_path: Path, constant: str) -> None:
    text = JSON_FLOP.format(constant)
    assert "is not a number" in one_problem(tmp_path, text, "facts.json")


# --- the schema and the fields ------------------------------------------------------------------

def test_missing_schema(tmp_path: Path) -> None:
    assert one_problem(tmp_path, "subject: {name: x}\n") == "schema: missing; write schema: aiact-facts/1"


@pytest.mark.parametrize("schema", ["aiact-facts/2", "aiact-result/1"])
def test_wrong_schema_id(tmp_path: Path, schema: str) -> None:
    line = one_problem(tmp_path, f"schema: {schema}\nsubject: {{name: x}}\n")
    assert line == f"schema: '{schema}' is not supported; expected aiact-facts/1"


def test_missing_subject(tmp_path: Path) -> None:
    assert one_problem(tmp_path, "schema: aiact-facts/1\n") == "subject: required section is missing"


@pytest.mark.parametrize(("subject", "expected"), [
    ("{}", "subject.name: required field is missing"),
    ("{name: }", "subject.name: expected text, got nothing"),
    ("{name: ''}", "subject.name: must not be empty"),
])
def test_subject_name_is_required(tmp_path: Path, subject: str, expected: str) -> None:
    assert one_problem(tmp_path, f"schema: aiact-facts/1\nsubject: {subject}\n") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("artefakt: {ai_system: true}", "artefakt: unknown field; did you mean artefact?"),
        ("artefact: {ai_sytem: true}", "artefact.ai_sytem: unknown field; did you mean artefact.ai_system?"),
        ("release: {licence_grants: {acess: true}}",
         "release.licence_grants.acess: unknown field; did you mean release.licence_grants.access?"),
        ("release: {licence_grant: {access: true}}",
         "release.licence_grant: unknown field; did you mean release.licence_grants?"),
        ("subject_: {name: y}", "subject_: unknown field; did you mean subject?"),
        ("shema: aiact-facts/1", "shema: unknown field; did you mean schema?"),
        ("as_off: 2026-01-01", "as_off: unknown field; did you mean as_of?"),
    ],
)
def test_typos_get_the_nearest_valid_name_at_every_level(tmp_path: Path, text: str, expected: str) -> None:
    assert one_problem(tmp_path, MINIMAL + text + "\n") == expected


def test_an_unknown_field_far_from_any_name_lists_the_allowed_ones(tmp_path: Path) -> None:
    line = one_problem(tmp_path, MINIMAL + "release: {zzz: true}\n")
    assert line.startswith("release.zzz: unknown field; allowed here: licence, licence_grants, ")


def test_every_problem_gets_its_own_line(tmp_path: Path) -> None:
    text = MINIMAL + "artefact: {ai_system: maybe, training_compute_flop: -1}\nmarket: {channels: [ftp]}\n"
    lines = problems_of(tmp_path, text)
    assert sorted(line.split(":")[0] for line in lines) == [
        "artefact.ai_system", "artefact.training_compute_flop", "market.channels",
    ]


def test_a_flood_of_problems_is_cut_after_fifty_lines(tmp_path: Path) -> None:
    lines = problems_of(tmp_path, MINIMAL + "".join(f"field{i}: 1\n" for i in range(500)))
    assert len(lines) == 51
    assert lines[0].startswith("field0: unknown field")
    assert lines[-1] == "... and 450 more problems"


def test_a_section_must_be_a_mapping(tmp_path: Path) -> None:
    assert one_problem(tmp_path, MINIMAL + "artefact: [ai_system]\n") == (
        "artefact: expected a mapping of fields, got a list"
    )
    assert "leave the section out" in one_problem(tmp_path, MINIMAL + "artefact:\n")


@pytest.mark.parametrize("value", ["true", "false", "yes", "no", "True", "NO", "unknown", "Unknown", "~", ""])
def test_yes_no_facts_accept_yaml_booleans_and_unknown(tmp_path: Path, value: str) -> None:
    facts = load(tmp_path, MINIMAL + f"artefact: {{ai_system: {value}}}\n")
    expected = {"true": True, "yes": True, "false": False, "no": False}.get(value.lower(), "unknown")
    assert facts.artefact.ai_system == expected  # type: ignore[attr-defined]


@pytest.mark.parametrize("value", ["on", "off", "y", "n", "1", "0", "maybe", "'true'", "[true]"])
def test_yes_no_facts_refuse_everything_else(tmp_path: Path, value: str) -> None:
    line = one_problem(tmp_path, MINIMAL + f"artefact: {{ai_system: {value}}}\n")
    assert line.startswith("artefact.ai_system: ") and line.endswith("expected true, false or unknown")


def test_json_string_true_is_not_a_boolean(tmp_path: Path) -> None:
    text = '{"schema": "aiact-facts/1", "subject": {"name": "x"}, "artefact": {"ai_system": "true"}}'
    assert one_problem(tmp_path, text, "facts.json") == (
        "artefact.ai_system: 'true' is not allowed; expected true, false or unknown"
    )


@pytest.mark.parametrize(
    ("written", "value"),
    [("1e25", 1e25), ("3.8e25", 3.8e25), ("10000000000000000000000000", 1e25), ("5.8e22", 5.8e22),
     ("'1e25'", 1e25), ("1.0e+25", 1e25), ("0", 0.0), ("1_000", 1000.0), ("3E23", 3e23)],
)
def test_flop_numbers_in_every_usual_spelling(tmp_path: Path, written: str, value: float) -> None:
    facts = load(tmp_path, MINIMAL + f"artefact: {{training_compute_flop: {written}}}\n")
    assert facts.artefact.training_compute_flop == value  # type: ignore[attr-defined]


@pytest.mark.parametrize("written", ["1e25", "3.8e25", "10000000000000000000000000", '"3.8e25"'])
def test_flop_numbers_in_json(tmp_path: Path, written: str) -> None:
    text = JSON_FLOP.format(written)
    facts = load(tmp_path, text, "facts.json")
    assert facts.artefact.training_compute_flop == float(written.strip('"'))  # type: ignore[attr-defined]


@pytest.mark.parametrize("written", ["-1", "-3.8e25"])
def test_negative_flop(tmp_path: Path, written: str) -> None:
    line = one_problem(tmp_path, MINIMAL + f"artefact: {{training_compute_flop: {written}}}\n")
    assert line.startswith("artefact.training_compute_flop: must be zero or more")


@pytest.mark.parametrize("written", ["lots", "true", "1e25 FLOP", ".nan", ".inf", "0x10", "[1e25]"])
def test_non_numeric_flop(tmp_path: Path, written: str) -> None:
    line = one_problem(tmp_path, MINIMAL + f"gpai: {{modification_compute_flop: {written}}}\n")
    assert line.startswith("gpai.modification_compute_flop: ")
    assert "is not a number; write a number (e.g. 3.8e25)" in line


def test_absurdly_large_flop(tmp_path: Path) -> None:
    line = one_problem(tmp_path, MINIMAL + "artefact: {training_compute_flop: 1" + "0" * 400 + "}\n")
    assert "is too large" in line


@pytest.mark.parametrize("written", ["2026-13-45", "2026-02-30", "23/11/2026", "2026-11-23T10:00:00",
                                     "'20261123'", "2026-W47-1", "soon"])
def test_bad_dates_name_the_field(tmp_path: Path, written: str) -> None:
    for field in ("as_of", "market.first_placed_on"):
        *section, leaf = field.split(".")
        text = MINIMAL + (f"{section[0]}: {{{leaf}: {written}}}\n" if section else f"{leaf}: {written}\n")
        line = one_problem(tmp_path, text)
        assert line.startswith(f"{field}: ") and "write YYYY-MM-DD" in line


def test_as_of_must_be_a_date_not_unknown(tmp_path: Path) -> None:
    line = one_problem(tmp_path, MINIMAL + "as_of: unknown\n")
    assert line == "as_of: write a date YYYY-MM-DD, or leave as_of out for today"


def test_dates_are_read(tmp_path: Path) -> None:
    facts = load(tmp_path, MINIMAL + "as_of: 2026-11-23\nmarket: {first_placed_on: '2025-08-01'}\n")
    assert str(facts.as_of) == "2026-11-23"  # type: ignore[attr-defined]
    assert str(facts.market.first_placed_on) == "2025-08-01"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "field", "allowed"),
    [
        ("release: {training_data_public: some}", "release.training_data_public", "full, partial, none"),
        ("high_risk: {annex_i_section: C}", "high_risk.annex_i_section", "A, B"),
        ("prohibited: {realtime_rbi_exception: [none]}", "prohibited.realtime_rbi_exception",
         "victim_search, imminent_threat, serious_crime_suspect, none"),
    ],
)
def test_bad_enum_values_list_the_allowed_ones(tmp_path: Path, text: str, field: str, allowed: str) -> None:
    line = one_problem(tmp_path, MINIMAL + text + "\n")
    assert line.startswith(f"{field}: ") and f"expected one of {allowed} or unknown" in line


@pytest.mark.parametrize(
    ("text", "field", "shown"),
    [
        ("market: {channels: [api, ftp]}", "market.channels", "'ftp' not allowed"),
        ("operator: {roles: provider}", "operator.roles", "expected a list (possibly empty) of provider, deployer"),
        ("high_risk: {annex_iii: [4a, 9z]}", "high_risk.annex_iii", "'9z' not allowed"),
    ],
)
def test_bad_list_values_list_the_allowed_ones(tmp_path: Path, text: str, field: str, shown: str) -> None:
    line = one_problem(tmp_path, MINIMAL + text + "\n")
    assert line.startswith(f"{field}: ") and shown in line


def test_lists_are_normalised_and_annex_iii_point_2_reads_as_text(tmp_path: Path) -> None:
    facts = load(tmp_path, MINIMAL + "high_risk: {annex_iii: [4a, 2, 1a, 2]}\n")
    assert facts.high_risk.annex_iii == ["1a", "2", "4a"]  # type: ignore[attr-defined]


def test_text_keeps_exactly_what_was_written(tmp_path: Path) -> None:
    facts = load(tmp_path, "schema: aiact-facts/1\nsubject: {name: Acme, version: 2.10}\nrelease: {licence: 1.0}\n")
    assert facts.subject.version == "2.10"  # type: ignore[attr-defined]
    assert facts.release.licence == "1.0"  # type: ignore[attr-defined]


def test_a_bare_no_as_text_says_to_quote_it(tmp_path: Path) -> None:
    line = one_problem(tmp_path, MINIMAL + "release: {licence: no}\n")
    assert line.startswith("release.licence: expected text, got false") and "quotes" in line


def test_the_spec_example_loads(tmp_path: Path) -> None:
    text = """schema: aiact-facts/1
as_of: 2026-11-23
subject: {name: GPT-NeoX-20B}
artefact: {ai_system: false, gpai_model: true, training_compute_flop: 5.8e22, output_modalities: [text]}
operator: {roles: [provider], established_in_eu: false}
market: {channels: [public_repository, download]}
release:
  licence: Apache-2.0
  licence_grants: {access: true, use: true, modify: true, redistribute: true}
  licence_restrictions: []
  weights_public: true
  architecture_info_public: true
  usage_info_public: true
  training_code_public: true
  inference_code_public: true
  training_data_public: full
  data_information_public: true
  monetisation: []
"""
    facts = load(tmp_path, text)
    assert facts.artefact.training_compute_flop == 5.8e22  # type: ignore[attr-defined]
    assert facts.release.licence_grants.redistribute is True  # type: ignore[attr-defined]
    json_path = tmp_path / "facts.json"
    json_path.write_text(json.dumps(facts.model_dump(mode="json", by_alias=True)), "utf-8")  # type: ignore[attr-defined]
    assert load_fact_file(json_path) == facts


# --- what-if settings --------------------------------------------------------------------------

BASE = {"schema": "aiact-facts/1", "subject": {"name": "x"}, "artefact": {"ai_system": True}}


def test_settings_change_copies_not_the_original() -> None:
    changed = apply_settings(BASE, [("artefact.gpai_model", "true"), ("market.channels", "[api, download]")])
    assert changed["artefact"] == {"ai_system": True, "gpai_model": True}
    assert changed["market"] == {"channels": ["download", "api"]}  # the interview's reading: the catalogue's order
    assert "gpai_model" not in BASE["artefact"]
    facts = validate(changed)
    assert facts.market.channels == ["download", "api"]


def test_settings_values_are_read_like_the_file() -> None:
    changed = apply_settings(BASE, [("artefact.training_compute_flop", "3.8e25"), ("as_of", "2027-01-01"),
                                    ("release.licence_grants.access", "no"), ("artefact.ai_system", "")])
    facts = validate(changed)
    assert facts.artefact.training_compute_flop == 3.8e25
    assert str(facts.as_of) == "2027-01-01"
    assert facts.release.licence_grants.access is False
    assert facts.artefact.ai_system == "unknown"


def test_a_bad_setting_value_fails_validation_with_its_path() -> None:
    with pytest.raises(FactFileError) as caught:
        validate(apply_settings(BASE, [("artefact.ai_system", "perhaps")]), "--set")
    assert caught.value.problems == [
        "--set: artefact.ai_system: 'perhaps' is not a yes/no answer. Type y (yes), n (no) or ? (don't know)."
    ]  # the words the interview says: --set takes what the interview takes


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("artefact.gpai_modl=true", "--set: artefact.gpai_modl: not a fact path; did you mean artefact.gpai_model?"),
        ("release.licence_grants.acess=true",
         "--set: release.licence_grants.acess: not a fact path; did you mean release.licence_grants.access?"),
        ("artefact=true", "--set: artefact: not a fact path; did you mean artefact.ai_system?"),
        ("artefact.gpai_model", "--set: 'artefact.gpai_model' is not PATH=VALUE; e.g. --set artefact.gpai_model=true"),
        ("schema=aiact-facts/2", "--set: schema: not a fact path; see aiact schema for every field"),
    ],
)
def test_unknown_setting_paths_get_the_nearest_valid_path(setting: str, expected: str) -> None:
    with pytest.raises(FactFileError) as caught:
        parse_setting(setting)
    assert caught.value.problems == [expected]


def test_setting_the_same_path_twice_is_refused() -> None:
    with pytest.raises(FactFileError) as caught:
        apply_settings(BASE, [("artefact.gpai_model", "true"), ("artefact.gpai_model", "false")])
    assert caught.value.problems == ["--set: artefact.gpai_model: set twice; give each path once"]


def test_setting_values_refuse_tags_like_files() -> None:
    with pytest.raises(FactFileError) as caught:
        apply_settings(BASE, [("subject.name", "!!python/object/apply:os.system [ls]")])
    assert "the YAML tag !!python/object/apply:os.system is not allowed" in caught.value.problems[0]


def test_a_value_may_contain_an_equals_sign() -> None:
    assert parse_setting("subject.description=a=b") == ("subject.description", "a=b")


def test_setting_values_that_are_not_utf8_are_refused() -> None:
    # a shell passes bytes that are not UTF-8 to Python as surrogates; libyaml cannot take them
    with pytest.raises(FactFileError) as caught:
        apply_settings(BASE, [("artefact.ai_system", "\udcff")])
    assert caught.value.problems == ["--set: artefact.ai_system: the text is not valid UTF-8"]


def test_a_star_that_is_no_alias_never_counts_as_an_alias_bomb(tmp_path: Path) -> None:
    many = ", ".join(["text"] * 20_001)
    text = "schema: aiact-facts/1  # see *notes*\nsubject: {name: 'A*'}\n"
    text += "artefact: {output_modalities: [" + many + "]}\n"
    assert load(tmp_path, text).artefact.output_modalities == ["text"]  # type: ignore[attr-defined]
