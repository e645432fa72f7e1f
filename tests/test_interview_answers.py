"""What a person may type, and what they are told when it cannot be read."""

from __future__ import annotations

import pytest

from aiact import default_engine
from aiact.engine import FactFileError, validate
from aiact.engine.catalogue import fact_catalogue
from aiact.questionnaires.answers import AnswerError, allowed_hint, parse_answer, show_value
from aiact.questionnaires.flow import Flow
from aiact.questionnaires.session import Answers
from aiact.questionnaires.settings import apply_settings

SPECS = fact_catalogue()


@pytest.mark.parametrize(("typed", "value"), [
    ("y", True), ("Yes", True), (" n ", False), ("no", False), ("?", "unknown"), ("don't know", "unknown"),
])
def test_yes_no_questions_take_y_n_and_question_mark(typed: str, value: object) -> None:
    assert parse_answer(SPECS["artefact.ai_system"], typed) == value


def test_a_choice_is_taken_by_number_or_by_value() -> None:
    spec = SPECS["release.training_data_public"]
    assert parse_answer(spec, "2") == "partial"
    assert parse_answer(spec, "Full") == "full"


def test_a_list_takes_numbers_and_values_comma_separated_in_the_catalogue_order() -> None:
    spec = SPECS["market.channels"]
    assert parse_answer(spec, "hosted_app, 3") == ["api", "hosted_app"]
    assert parse_answer(spec, "hosted app") == ["hosted_app"]
    assert parse_answer(spec, "none") == []
    assert parse_answer(spec, "?") == "unknown"


def test_annex_iii_points_are_taken_by_their_own_codes_not_by_position() -> None:
    spec = SPECS["high_risk.annex_iii"]
    assert parse_answer(spec, "2") == ["2"]  # point 2, critical infrastructure
    assert parse_answer(spec, "4A, 5b") == ["4a", "5b"]


@pytest.mark.parametrize(("typed", "value"), [
    ("3.8e25", 3.8e25), ("3.8 x 10^25", 3.8e25), ("10^23", 1e23), ("5_800_000", 5.8e6), ("0", 0.0),
])
def test_numbers_take_scientific_and_power_of_ten_notation(typed: str, value: float) -> None:
    assert parse_answer(SPECS["artefact.training_compute_flop"], typed) == pytest.approx(value)


@pytest.mark.parametrize(("path", "typed", "says"), [
    ("artefact.ai_system", "maybe", "not a yes/no answer. Type y (yes), n (no) or ? (don't know)."),
    ("market.channels", "9", "no choice 9; the choices are numbered 1 to 7"),
    ("market.channels", "website", "'website' is not one of the choices"),
    ("high_risk.annex_iii", "9z", "values separated by commas"),
    ("artefact.training_compute_flop", "-5", "zero or more"),
    ("artefact.training_compute_flop", "lots", "'lots' is not a number. Type a number such as 3.8e25"),
    ("artefact.training_compute_flop", "inf", "'inf' is not a number"),
    ("artefact.training_compute_flop", "1e400", "too large"),
    ("artefact.training_compute_flop", "1e25-1e23", "must be below the second"),
    ("market.first_placed_on", "14/03/2025", "not a date. Type a date as YYYY-MM-DD"),
    ("artefact.ai_system", "", "Please answer."),
])
def test_a_wrong_answer_says_what_is_allowed(path: str, typed: str, says: str) -> None:
    with pytest.raises(AnswerError) as refused:
        parse_answer(SPECS[path], typed)
    assert says in str(refused.value)


def test_dates_and_text_are_kept_as_written() -> None:
    assert parse_answer(SPECS["market.first_placed_on"], "2025-03-14") == "2025-03-14"
    assert parse_answer(SPECS["release.licence"], "Apache-2.0") == "Apache-2.0"


@pytest.mark.parametrize(("value", "shown"), [
    (True, "yes"), (False, "no"), ("unknown", "?"), ([], "none"), (["api", "download"], "api, download"),
    (3.8e25, "3.8e+25"),
])
def test_an_answer_is_said_back_as_typed(value: object, shown: str) -> None:
    assert show_value(value) == shown


@pytest.mark.parametrize(("path", "typed"), [
    ("release.monetisation", "none"), ("market.channels", "api, hosted_app"), ("market.channels", "2,3"),
    ("artefact.ai_system", "y"), ("artefact.ai_system", "?"), ("release.training_data_public", "partial"),
    ("artefact.training_compute_flop", "3.8 x 10^25"), ("high_risk.annex_iii", "4a, 1a"),
])
def test_set_takes_exactly_the_words_the_interview_takes(path: str, typed: str) -> None:
    document = apply_settings({"schema": "aiact-facts/1", "subject": {"name": "x"}}, [(path, typed)])
    *sections, name = path.split(".")
    node = document
    for section in sections:
        node = node[section]
    assert node[name] == parse_answer(SPECS[path], typed)
    validate(document, "--set")


def test_set_still_takes_the_fact_file_forms() -> None:
    document = apply_settings({"schema": "aiact-facts/1", "subject": {"name": "x"}},
                              [("market.channels", "[api, hosted_app]"), ("artefact.ai_system", "true"),
                               ("release.licence", '"MIT"'), ("artefact.gpai_model", "")])
    assert document["market"]["channels"] == ["api", "hosted_app"]
    assert document["artefact"] == {"ai_system": True, "gpai_model": "unknown"}
    assert document["release"]["licence"] == "MIT"


def test_a_wrong_set_value_says_what_the_interview_would_accept() -> None:
    with pytest.raises(FactFileError) as raised:
        apply_settings({"schema": "aiact-facts/1", "subject": {"name": "x"}}, [("release.monetisation", "free")])
    assert raised.value.problems == [
        "--set: release.monetisation: 'free' is not one of the choices. " + allowed_hint(SPECS["release.monetisation"])
    ]


@pytest.mark.parametrize(("typed", "value"), [
    ("<1e23", "<1e23"), ("1e23-1e25", "1e23-1e25"), (">1e25", ">1e25"), ("about 3e24", "about 3e24"),
    ("about 3 x 10^24", "about 3e24"), ("1,000", 1000.0),
])
def test_numbers_take_bounds_bands_and_estimates_as_the_fact_file_does(typed: str, value: object) -> None:
    spec = SPECS["artefact.training_compute_flop"]
    assert parse_answer(spec, typed) == value
    validate({"schema": "aiact-facts/1", "subject": {"name": "x"}, "artefact": {"training_compute_flop": value}})


@pytest.mark.parametrize(("typed", "path", "value"), [
    ("about 2%", "gpai.modification_compute_share", "about 2%"), ("2", "gpai.modification_compute_share", 2.0),
    ("2e21", "gpai.modification_compute_flop", 2e21), ("<1e23", "gpai.modification_compute_flop", "<1e23"),
    ("3.8 x 10^21", "gpai.modification_compute_flop", 3.8e21), ("?", "gpai.modification_compute_share", "unknown"),
])
def test_the_modification_compute_is_taken_as_a_share_or_in_flop_whichever_the_person_knows(
    typed: str, path: str, value: object,
) -> None:
    flow = Flow.start(default_engine(), Answers(name="x", facts={"gpai.modifies_other_model": True}))
    prompt = flow.next()
    while prompt is not None and prompt.id != "gpai.modification_compute_share":
        flow.answer(prompt, flow.parse(prompt, "y" if prompt.id.startswith("artefact.") else "?"))
        prompt = flow.next()
    assert prompt is not None
    assert flow.parse(prompt, typed) == {path: value}


def test_set_takes_a_share_and_a_band_too() -> None:
    document = apply_settings({"schema": "aiact-facts/1", "subject": {"name": "x"}},
                              [("gpai.modification_compute_share", "about 2%"),
                               ("artefact.training_compute_flop", "1e23-1e25")])
    facts = validate(document, "--set")
    assert facts.gpai.modification_compute_share == "about 2%"
