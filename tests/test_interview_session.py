"""The interview without a terminal: what is asked, in which order, and what is saved after each answer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from interview_driver import ScriptedConsole

from aiact import default_engine
from aiact.engine import FactFileError, load_fact_file
from aiact.engine.assess import apply_inferences
from aiact.engine.files import write_atomically
from aiact.engine.whatmatters import evaluate_in_process, fact_effects
from aiact.questionnaires import load_questionnaire
from aiact.questionnaires.flow import Flow
from aiact.questionnaires.interview import Ending, run_interview
from aiact.questionnaires.nextquestion import askable, headline_weight, obligations_only, still_read
from aiact.questionnaires.session import Answers, Interview
from aiact.questionnaires.store import load, render

DAY = date(2026, 11, 23)
CHATBOT = {
    "subject.name": "Acme Chat", "artefact.ai_system": "y", "artefact.gpai_model": "n",
    "artefact.built_on_gpai_model": "y", "operator.roles": "deployer", "operator.established_in_eu": "y",
    "operator.natural_person_non_professional": "n", "market.channels": "hosted_app",
    "transparency.interacts_with_natural_persons": "y", "transparency.ai_interaction_obvious": "n",
}


PAYROLL_SHEET = {
    "subject.name": "Payroll sheet", "artefact.ai_system": "n", "artefact.gpai_model": "n",
    "value_chain.supplies_component_to_high_risk_provider": "n",
}


def save(answers: Answers, target: Path) -> None:
    """Save as the command does after every answer."""
    write_atomically(target, render(answers, target))


def interview(answers: Answers | None = None) -> Flow:
    return Flow.start(default_engine(), answers or Answers(), DAY, load_questionnaire())


def run(script: dict[str, str], target: Path, answers: Answers | None = None,
        extra: list[str] | None = None) -> tuple[Flow, ScriptedConsole, Ending]:
    session = interview(answers)
    console = ScriptedConsole(script, extra=list(extra or []))

    def save_and_check() -> None:
        save(session.answers, target)
        load_fact_file(target)  # a valid fact file after every single answer

    return session, console, run_interview(session, console, save_and_check)


def test_the_file_is_a_valid_fact_file_after_every_answer_and_holds_every_answer(tmp_path: Path) -> None:
    target = tmp_path / "facts.yaml"
    _, console, ending = run(CHATBOT, target)
    assert ending is Ending.COMPLETE
    saved = yaml.safe_load(target.read_text())
    assert saved["schema"] == "aiact-facts/1" and saved["subject"] == {"name": "Acme Chat"}
    assert saved["artefact"]["ai_system"] is True
    for path in console.asked[1:]:
        if path.startswith("checklist."):
            continue
        *sections, name = path.split(".")
        node = saved
        for section in sections:
            node = node[section]
        assert name in node, path
    assert not [p for p in tmp_path.iterdir() if p.name != "facts.yaml"]  # no temporary file left behind


def test_dont_know_is_saved_as_unknown_and_never_asked_again(tmp_path: Path) -> None:
    target = tmp_path / "facts.yaml"
    _, console, _ = run({"subject.name": "X", "artefact.ai_system": "?"}, target)
    assert console.asked.count("artefact.ai_system") == 1
    assert yaml.safe_load(target.read_text())["artefact"]["ai_system"] == "unknown"
    resumed = load(target)
    assert resumed.facts["artefact.ai_system"] == "unknown"
    _, again, _ = run({}, target, resumed)
    assert "artefact.ai_system" not in again.asked


def test_neither_an_ai_system_nor_a_model_ends_the_interview_quickly(tmp_path: Path) -> None:
    _, console, ending = run(PAYROLL_SHEET, tmp_path / "f.yaml")
    assert ending is Ending.COMPLETE
    assert len(console.asked) <= 8
    assert "That is all" not in console.text  # the command, not the loop, says goodbye


def test_each_question_is_from_the_first_topic_with_a_fact_that_matters_and_weighs_most_there(
    tmp_path: Path,
) -> None:
    engine, questionnaire = default_engine(), load_questionnaire()
    session, console, _ = run(CHATBOT, tmp_path / "f.yaml")
    replay = Answers()
    answers = session.answers
    steps: list[list[str]] = []
    for path in answers.order:
        if path in answers.joined:
            steps[-1].append(path)
        else:
            steps.append([path])
    assert len(steps) == len(console.asked)
    for path, step in zip(console.asked, steps, strict=True):
        if path != "subject.name":
            raw = replay.flat()
            effective, _ = apply_inferences(raw, engine.infer)
            outcomes = evaluate_in_process(engine, effective, DAY)
            asked = set(replay.facts) | Interview(engine, questionnaire, replay, DAY).not_yet_followed()
            open_ = askable(engine, questionnaire, fact_effects(engine, raw, outcomes, DAY), outcomes, asked, raw) \
                or still_read(engine, questionnaire, effective, outcomes, asked)
            first = questionnaire.obligations_only_topics if obligations_only(questionnaire, outcomes) else ()

            def topic(p: str, first: tuple[str, ...] = first) -> int:
                index = questionnaire.positions[p][0]
                name = questionnaire.topics[index].id
                return first.index(name) if name in first else len(first) + index

            chosen = min((e for e in open_ if e.path in step), key=lambda e: -headline_weight(engine, e))
            assert all(topic(e.path) >= topic(chosen.path) for e in open_)
            same_topic = [e for e in open_ if topic(e.path) == topic(chosen.path)]
            assert headline_weight(engine, chosen) == max(headline_weight(engine, e) for e in same_topic)
        replay.set_step({p: answers.value(p) for p in step})


def test_back_undoes_the_last_answer_and_asks_it_again(tmp_path: Path) -> None:
    target = tmp_path / "f.yaml"
    script = {"subject.name": "X", "artefact.ai_system": "n", "artefact.gpai_model": "n"}
    # first question after the name (whichever the rule base ranks first): answer y, go back, then the map's n
    session, console, _ = run(script, target, extra=["X", "y", "b"])
    first = console.asked[1]
    assert first in script
    assert console.asked[0] == "subject.name" and console.asked[2] != first and console.asked[3] == first
    assert "Your previous answer was: yes" in console.text
    assert session.answers.facts[first] is False


def test_back_after_resuming_undoes_the_last_answer_given_before_quitting(tmp_path: Path) -> None:
    target = tmp_path / "f.yaml"
    _, first_run, ending = run({"subject.name": "X"}, target, extra=["X", "y", "n", "q"])
    assert ending is Ending.QUIT
    resumed = load(target)
    assert resumed.order == first_run.asked[:3]
    last = first_run.asked[2]
    assert resumed.facts[last] is False
    session, console, _ = run({last: "y"}, target, resumed, extra=["b"])
    assert console.asked[1] == last
    assert session.answers.facts[last] is True


def test_resuming_a_hand_written_file_keeps_what_the_interview_does_not_ask(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("schema: aiact-facts/1\nas_of: 2026-11-23\n"
                      "subject: {name: Mine, version: 2.1, description: An HR tool}\n"
                      "artefact: {ai_system: true}\noperator: {roles: [deployer]}\n")
    answers = load(target)
    assert answers.order == ["subject.name", "artefact.ai_system", "operator.roles"]
    save(answers, target)
    saved = load_fact_file(target)
    assert saved.as_of == DAY and saved.subject.version == "2.1" and saved.subject.description == "An HR tool"


def test_a_file_that_is_not_a_valid_fact_file_is_never_written(tmp_path: Path) -> None:
    target = tmp_path / "f.yaml"
    target.write_text("schema: aiact-facts/1\nsubject: {name: Before}\n")
    broken = Answers(name="X", facts={"artefact.ai_system": "perhaps"}, order=["subject.name"])
    with pytest.raises(FactFileError):
        save(broken, target)
    assert target.read_text() == "schema: aiact-facts/1\nsubject: {name: Before}\n"
    assert [p.name for p in tmp_path.iterdir()] == ["f.yaml"]


def test_json_files_are_saved_and_resumed_too(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    run({"subject.name": "J", "artefact.ai_system": "n", "artefact.gpai_model": "n"}, target)
    resumed = load(target)
    assert resumed.name == "J"
    assert resumed.facts["artefact.ai_system"] is False and resumed.facts["artefact.gpai_model"] is False


@pytest.mark.parametrize("name", ["Café Crème", "odd\x85name", "  spaced  ", "2026-01-01", "yes"])
def test_any_name_reads_back_exactly_as_typed(tmp_path: Path, name: str) -> None:
    target = tmp_path / "f.yaml"
    save(Answers(name=name, order=["subject.name"]), target)
    assert load_fact_file(target).subject.name == name
    assert "Caf\\xE9" not in target.read_text()  # readable where it can be


def test_the_closing_summary_never_counts_a_duty_that_turns_on_open_questions_as_in_force() -> None:
    """A deployer whose AI system's scope is still open: its duties may apply, none is "in force now"."""
    from aiact import default_engine
    from aiact.engine import validate
    from aiact.questionnaires.summary import summary_lines

    facts = validate({"schema": "aiact-facts/1", "as_of": "2026-11-23", "subject": {"name": "planner"},
                      "artefact": {"ai_system": True}, "operator": {"roles": ["deployer"]}})
    assessment = default_engine().assess(facts)
    owed_now = [o for o in assessment.obligations if o.status == "yes" and o.in_force and not o.exempted_by]
    open_ = [o for o in assessment.obligations if o.status == "undetermined" and not o.exempted_by]
    assert open_, "the case must leave some duty open"
    line = next(line for line in summary_lines(assessment, "f.yaml") if "Obligations:" in line)
    assert f"({len(owed_now)} in force now," in line
    assert f"{len(open_)} depending on open questions" in line
