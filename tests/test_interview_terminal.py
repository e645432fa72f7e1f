"""``aiact interview`` at a real pseudo-terminal: what a person types, sees, and gets saved.

Scenarios answer by the fact path each prompt shows (``?`` for anything not
in their map), never by a fixed question order, because the rule base grows.
The saved file must then assess to the scenario's conclusions, and to the same
conclusions and obligations as the scenario's complete answers: what the
interview did not ask did not matter.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Mapping
from pathlib import Path

import pexpect
import pytest
import yaml
from interview_driver import typed_answer

from aiact import default_engine
from aiact.engine import Assessment, load_fact_file, validate
from aiact.engine.catalogue import fact_catalogue
from aiact.questionnaires.answers import parse_answer
from aiact.questionnaires.session import Answers

AIACT = str(Path(sys.executable).with_name("aiact"))
PATH = re.compile(r"\[([a-z0-9_]+(?:\.[a-z0-9_]+)+)\] ")
PROMPT = "> "
TIMEOUT = 20


def no_to_every(*sections: str) -> dict[str, str]:
    """"n" to every yes/no fact of these sections (a scenario's quiet background)."""
    return {p: "n" for p, s in fact_catalogue().items() if s.kind == "tri" and p.split(".")[0] in sections}


QUIET = no_to_every("scope", "prohibited", "value_chain") | {
    "scope.output_used_in_eu": "y", "high_risk.annex_iii": "none", "high_risk.annex_i_safety_component": "n",
}

CHATBOT_DEPLOYER = QUIET | no_to_every("transparency") | {
    "subject.name": "Acme Chat", "artefact.ai_system": "y", "artefact.gpai_model": "n",
    "artefact.built_on_gpai_model": "y", "artefact.output_modalities": "text",
    "operator.roles": "deployer", "operator.established_in_eu": "y", "operator.public_authority": "n",
    "operator.natural_person_non_professional": "n", "operator.microenterprise": "n",
    "market.channels": "hosted_app", "market.commercial_activity": "y", "market.eu_excluded": "n",
    "market.first_placed_on": "2026-09-01", "market.significant_design_change": "n",
    "transparency.interacts_with_natural_persons": "y", "transparency.generates_synthetic_content": "y",
    "release.licence": "proprietary", "release.weights_public": "n", "release.monetisation": "price",
}

OPEN_WEIGHTS_MODEL = QUIET | no_to_every("transparency") | {
    "subject.name": "Open 7B", "artefact.ai_system": "n", "artefact.gpai_model": "y",
    "artefact.built_on_gpai_model": "n", "artefact.training_compute_flop": "2e24",
    "artefact.output_modalities": "text, code",
    "operator.roles": "provider", "operator.established_in_eu": "y", "operator.public_authority": "n",
    "operator.natural_person_non_professional": "n", "operator.microenterprise": "n",
    "market.channels": "public_repository, download", "market.commercial_activity": "y",
    "market.eu_excluded": "n", "market.first_placed_on": "2026-01-15",
    "release.licence": "Apache-2.0", "release.licence_grants.access": "y", "release.licence_grants.use": "y",
    "release.licence_grants.modify": "y", "release.licence_grants.redistribute": "y",
    "release.licence_restrictions": "attribution", "release.weights_public": "y",
    "release.architecture_info_public": "y", "release.usage_info_public": "y",
    "release.training_code_public": "n", "release.inference_code_public": "y",
    "release.training_data_public": "none", "release.data_information_public": "n", "release.monetisation": "none",
    "gpai.designated_systemic_risk": "n", "gpai.high_impact_capabilities": "n", "gpai.modifies_other_model": "n",
}

EMOTION_AT_WORK = QUIET | {
    "subject.name": "MoodWatch", "artefact.ai_system": "y", "artefact.gpai_model": "n",
    "artefact.built_on_gpai_model": "n", "artefact.output_modalities": "other",
    "operator.roles": "deployer", "operator.established_in_eu": "y", "operator.public_authority": "n",
    "operator.natural_person_non_professional": "n",
    "market.channels": "internal_use_essential", "market.commercial_activity": "y",
    "prohibited.emotion_recognition_work_or_education": "y",
    "prohibited.emotion_recognition_medical_or_safety": "n",
    "high_risk.annex_iii": "1c", "transparency.emotion_recognition_or_biometric_categorisation": "y",
}

PAYROLL_SHEET = {  # neither an AI system nor a model, nor supplied into anyone's high-risk AI system
    "subject.name": "Payroll sheet", "artefact.ai_system": "n", "artefact.gpai_model": "n",
    "value_chain.supplies_component_to_high_risk_provider": "n",
}

SCENARIOS = {
    "chatbot deployer": (CHATBOT_DEPLOYER, {"ai_system": "yes", "gpai_model": "no", "act_applies": "yes",
                                            "scope_exclusion": "no", "prohibited_practice": "no",
                                            "high_risk": "no"}),
    "open-weights GPAI model provider": (OPEN_WEIGHTS_MODEL, {
        "gpai_model": "yes", "ai_system": "no", "act_applies": "yes", "placed_on_market": "yes",
        "gpai_systemic_risk": "no", "free_open_source_licence": "yes", "monetised": "no",
        "oss_exemption_gpai": "yes"}),
    "emotion recognition at work (prohibited)": (EMOTION_AT_WORK, {
        "ai_system": "yes", "act_applies": "yes", "prohibited_practice": "yes"}),
}


def spawn(tmp_path: Path, *args: str) -> pexpect.spawn:
    child = pexpect.spawn(AIACT, ["interview", *args], cwd=str(tmp_path), encoding="utf-8", timeout=TIMEOUT,
                          dimensions=(40, 100), env={"PATH": str(Path(AIACT).parent), "LANG": "C.UTF-8"})
    child.delaybeforesend = None  # input() is ready as soon as the prompt shows
    child.logfile_read = io.StringIO()
    return child


def seen(child: pexpect.spawn) -> str:
    """Everything the terminal showed so far."""
    log = child.logfile_read
    assert isinstance(log, io.StringIO)
    return log.getvalue()


def next_question(child: pexpect.spawn) -> str | None:
    """The fact path of the next question (its prompt is waiting), or None once the command has ended."""
    if child.expect([PATH, pexpect.EOF]) == 1:
        return None
    path = child.match.group(1)
    child.expect_exact(PROMPT)
    return path


def answer_all(child: pexpect.spawn, answers: Mapping[str, str], limit: int = 150) -> list[str]:
    """Answer every question from the map (``?`` when absent) until the command ends; return the paths asked."""
    asked: list[str] = []
    while (path := next_question(child)) is not None:
        asked.append(path)
        assert len(asked) <= limit, asked
        child.sendline(typed_answer(path, seen(child), answers))
    return asked


def finished(child: pexpect.spawn) -> int:
    if child.isalive():
        child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus if child.exitstatus is not None else 128 + child.signalstatus


def complete_answers(answers: Mapping[str, str]) -> Assessment:
    """The assessment of every answer in the map, asked or not (the scenario's whole truth)."""
    everything = Answers(name=answers["subject.name"])
    for path, typed in answers.items():
        if path in fact_catalogue():
            everything.set(path, parse_answer(fact_catalogue()[path], typed))
    return default_engine().assess(validate(everything.document()))


def agrees(asked: Assessment, everything: Assessment) -> None:
    """What the interview did not ask changed no duty, and no conclusion it settled differs from the whole truth.

    A conclusion may stay undetermined where no duty turns on it (a deployer is not asked the provider's
    channels, a fine-tuner below a third of the original's compute is not asked the model's systemic risk).
    """
    statuses, duties = public(asked)
    all_statuses, all_duties = public(everything)
    assert duties == all_duties
    assert {c: s for c, s in statuses.items() if s != "undetermined"} == \
        {c: all_statuses[c] for c, s in statuses.items() if s != "undetermined"}


def public(assessment: Assessment) -> tuple[dict[str, str], list[tuple[str, str, str | None]]]:
    return ({cid: c.status for cid, c in assessment.conclusions.items()},
            [(o.id, o.status, o.exempted_by) for o in assessment.obligations])


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_a_scenario_answered_by_path_saves_a_file_with_the_expected_conclusions(tmp_path: Path, name: str) -> None:
    answers, expected = SCENARIOS[name]
    child = spawn(tmp_path)
    asked = answer_all(child, answers)
    assert finished(child) == 0
    assert asked[0] == "subject.name" and len(asked) == len(set(asked))  # nothing asked twice
    assert "That is all" in seen(child) and f"Result for {answers['subject.name']}" in seen(child)

    saved_text = (tmp_path / "aiact-facts.yaml").read_text()
    saved = yaml.safe_load(saved_text)
    for path in asked[1:]:
        if path.startswith("checklist."):
            continue
        *sections, field = path.split(".")
        node = saved
        for section in sections:
            node = node[section]
        typed = answers.get(path, "?")
        assert node[field] == parse_answer(fact_catalogue()[path], typed), path

    result = default_engine().assess(load_fact_file(tmp_path / "aiact-facts.yaml"))
    statuses = {cid: c.status for cid, c in result.conclusions.items()}
    assert expected == {c: statuses[c] for c in expected}
    agrees(result, complete_answers(answers))


def test_quit_then_resume_asks_nothing_twice_and_ends_with_every_answer(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    first: list[str] = []
    while len(first) < 4:
        path = next_question(child)
        assert path is not None
        first.append(path)
        child.sendline(typed_answer(path, seen(child), CHATBOT_DEPLOYER))
    assert next_question(child) is not None
    child.sendline("q")
    assert finished(child) == 0
    assert "aiact interview --resume aiact-facts.yaml" in seen(child)
    assert load_fact_file(tmp_path / "aiact-facts.yaml").subject.name == "Acme Chat"

    child = spawn(tmp_path, "--resume", "aiact-facts.yaml")
    child.expect_exact("4 answers so far")
    rest = answer_all(child, CHATBOT_DEPLOYER)
    assert finished(child) == 0
    assert not set(rest) & set(first)
    agrees(default_engine().assess(load_fact_file(tmp_path / "aiact-facts.yaml")), complete_answers(CHATBOT_DEPLOYER))


def test_a_wrong_answer_is_explained_and_the_question_asked_again(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    assert next_question(child) == "subject.name"
    child.sendline("Sheet")
    assert next_question(child) == "artefact.ai_system"
    child.sendline("perhaps")
    child.expect_exact("'perhaps' is not a yes/no answer. Type y (yes), n (no) or ? (don't know).")
    assert next_question(child) == "artefact.ai_system"  # asked again
    child.sendline("h")
    child.expect_exact("Rests on: Art. 3(1); Recital 12")
    child.expect_exact(PROMPT)
    child.sendline("n")
    answer_all(child, PAYROLL_SHEET)
    assert finished(child) == 0
    saved = yaml.safe_load((tmp_path / "aiact-facts.yaml").read_text())["artefact"]
    assert saved["ai_system"] is False and saved["gpai_model"] is False


def test_back_undoes_the_last_answer_and_asks_it_again(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--out", "back.yaml")
    assert next_question(child) == "subject.name"
    child.sendline("Sheet")
    first = next_question(child)  # whichever artefact question the rule base ranks first
    assert first in ("artefact.ai_system", "artefact.gpai_model")
    section, field = first.split(".")
    child.sendline("y")
    assert next_question(child) is not None
    assert yaml.safe_load((tmp_path / "back.yaml").read_text())[section][field] is True
    child.sendline("b")
    assert next_question(child) == first
    assert "Your previous answer was: yes" in seen(child)
    assert field not in yaml.safe_load((tmp_path / "back.yaml").read_text()).get(section, {})
    child.sendline("n")
    answer_all(child, PAYROLL_SHEET)
    assert finished(child) == 0
    assert yaml.safe_load((tmp_path / "back.yaml").read_text())[section][field] is False


def test_neither_an_ai_system_nor_a_model_is_done_in_at_most_eight_questions(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    asked = answer_all(child, PAYROLL_SHEET)
    assert finished(child) == 0
    assert len(asked) <= 8
    result = default_engine().assess(load_fact_file(tmp_path / "aiact-facts.yaml"))
    assert result.conclusions["act_applies"].status == "no"


def test_ctrl_c_saves_and_exits_with_status_130(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    assert next_question(child) == "subject.name"
    child.sendline("Half done")
    assert next_question(child) == "artefact.ai_system"
    child.sendline("y")
    assert next_question(child) is not None
    child.sendintr()
    child.expect_exact("Interrupted. Your answers so far are saved in aiact-facts.yaml")
    assert finished(child) == 130
    saved = load_fact_file(tmp_path / "aiact-facts.yaml")
    assert saved.subject.name == "Half done" and saved.artefact.ai_system is True


def test_end_of_input_saves_and_exits_cleanly(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    assert next_question(child) == "subject.name"
    child.sendline("Piped")
    assert next_question(child) is not None
    child.sendeof()
    child.expect_exact("Input ended. Saved.")
    assert finished(child) == 0
    assert load_fact_file(tmp_path / "aiact-facts.yaml").subject.name == "Piped"
