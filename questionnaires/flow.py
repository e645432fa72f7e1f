"""The question flow without a screen: next prompt, read an answer, record it, go back, estimate what is left.

The terminal interview (:mod:`.interview`) and the web pages both drive a
:class:`Flow`; neither decides what to ask. A :class:`Prompt` is either one
question (one fact) or a checklist ("which of these does it do?"), which
asks several yes/no facts at once and sets each of them, so the saved fact
file is the same whichever way a fact was asked. What to ask comes from the
engine (:mod:`.nextquestion`): only facts whose answer still changes a
conclusion or duty; follow-ups only once the answer leading to them was
given (``ask_if`` in questions.yaml); and an answer may settle other facts
(``settles``) so that they are never asked at all.
"""

from __future__ import annotations

import math
import re
from datetime import date

from aiact.engine import Engine
from aiact.engine.catalogue import FactSpec, fact_catalogue
from aiact.engine.conditions import UNKNOWN
from aiact.engine.record import field, record

from .answers import DONT_KNOW, NONE, AnswerError, allowed_hint, is_share, number_text, numbered, parse_answer
from .session import Answers, Interview
from .texts import SUBJECT_PATH, Question, Questionnaire, load_questionnaire, say

NAME_SPEC = FactSpec(SUBJECT_PATH, "text", (), "")
ASKED_SHARE = 0.5
"""The share of the questions that matter at a given point which a person typically ends up being asked: the
others are settled by the answers before them ("no" to "is it an AI system?" drops every question about the
system; a licence named settles its rights). Measured over the flows of benchmarks/interview_flows.yaml
(``benchmarks/interview.py --estimates``, figures in docs/interview.md): about half, at every stage."""
ALL_COUNTED_UP_TO = 3
"""The last few questions that matter are rarely settled by each other: up to this many, each is counted."""
_FIGURES = re.compile(r"\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
CHECKLIST = "checklist"
QUESTION = "question"


@record
class Choice:
    """One choice of a prompt: what to type (``key``), what it means, and the fact and value it sets."""

    key: str
    label: str
    path: str
    value: object


@record
class Prompt:
    """What to show for one question or checklist, in words a front end can print as they are."""

    id: str
    """The fact path of a question; ``checklist.<id>`` for a checklist."""
    kind: str
    """``question`` or ``checklist``."""
    about: str
    """``model``, ``system``, ``both`` or ``you``: what the question asks about."""
    topic: str
    topic_title: str
    text: str
    paths: tuple[str, ...]
    """Every fact the answer sets."""
    choices: tuple[Choice, ...]
    hint: str
    help: str
    citations: tuple[str, ...]
    changes: tuple[tuple[str, str], ...]
    """(answer, what it would change in plain words) for the answers that change something."""
    previous: dict[str, object] = field(default_factory=dict)
    """The answer given before "back" (Enter keeps it); empty otherwise."""


@record
class Progress:
    """What a person sees after an answer: ``left`` is an estimate of the questions still to come."""

    answered: int
    left: int
    settled: int
    conclusions: int
    matter_now: int = 0
    """Questions and checklists whose answer would still change something now: the most that can be left
    (a draft memo counts these as unanswered); ``left`` is the typical number, never above it."""


class Flow:
    """One interview's questions and answers, for any front end."""

    def __init__(self, interview: Interview) -> None:
        self.interview = interview
        self._again: Prompt | None = None
        self._left: int | None = None

    @classmethod
    def start(cls, engine: Engine, answers: Answers | None = None, as_of: date | None = None,
              questionnaire: Questionnaire | None = None) -> Flow:
        """A flow over ``answers`` (a fresh interview when None), assessed as of ``as_of`` (default: today)."""
        answers = answers if answers is not None else Answers()
        day = as_of or answers.as_of or date.today()
        return cls(Interview(engine, questionnaire or load_questionnaire(), answers, day))

    @property
    def answers(self) -> Answers:
        return self.interview.answers

    @property
    def questionnaire(self) -> Questionnaire:
        return self.interview.questionnaire

    def next(self) -> Prompt | None:
        """The next question or checklist, or None when no unknown fact would change anything any more."""
        if self._again is not None:
            return self._again
        if not self.interview.named:
            return self._question_prompt(self.questionnaire.subject, NAME_SPEC, ())
        step = self.interview.step()
        if step.path is None:
            return None
        question = self.questionnaire.questions[step.path]
        if question.checklist is not None:
            return self._checklist_prompt(question.checklist)
        effect = step.effects.get(step.path)
        changes = tuple(effect.effects.items()) if effect else ()
        return self._question_prompt(question, fact_catalogue()[step.path], changes)

    def parse(self, prompt: Prompt, text: str) -> dict[str, object]:
        """The facts an answer sets, or :class:`AnswerError` saying what is allowed. Empty text keeps
        the previous answer after "back"."""
        typed = " ".join(text.strip().split())
        if not typed and prompt.previous:
            return dict(prompt.previous)
        if prompt.kind == CHECKLIST:
            return _parse_checklist(prompt, typed)
        if prompt.id == SUBJECT_PATH:
            value = parse_answer(NAME_SPEC, typed)
            if value == UNKNOWN:
                raise AnswerError(f"{say('name_needed')} {say('hint_name')}")
            return {SUBJECT_PATH: value}
        return {(path := self._unit_target(prompt.id, typed)): parse_answer(fact_catalogue()[path], typed)}

    def _unit_target(self, path: str, typed: str) -> str:
        """The fact an answer sets: the question's own, or its ``also`` fact when the answer is in that unit
        ("about 2%" is a share of the original's compute, "2e21" an amount of FLOP)."""
        also = self.questionnaire.questions[path].also
        if also is None:
            return path
        catalogue = fact_catalogue()
        share, amount = (path, also) if is_share(catalogue[path]) else (also, path)
        figures = [float(f) for f in _FIGURES.findall(number_text(typed))]
        if "%" in typed or (figures and max(figures) <= 100 and path == share):
            return share
        return amount if figures else path

    def answer(self, prompt: Prompt, values: dict[str, object]) -> None:
        """Record the answer to ``prompt`` (what :meth:`parse` returned)."""
        self._again = None
        self.interview.answer_step(values)

    def back(self) -> Prompt | None:
        """Take back the last answer; the prompt to ask again, its previous answer in ``previous``."""
        self._again = None
        undone = self.interview.undo_step()
        if undone is None:
            return None
        if self._left is not None:
            self._left += 1
        prompt = self._prompt_for(undone)
        self._again = prompt
        return prompt

    def progress(self) -> Progress:
        """Answers so far, an estimate of the questions left (it never rises between answers), conclusions.

        The estimate is the typical number, not the most: of the questions that matter now, about half end
        up asked (:data:`ASKED_SHARE`), the last few all of them. Counting every question that matters now
        told a person "about 29" at the start of interviews that took 3 to 18 questions.
        """
        answered = len(self.answers.order) - len(self.answers.joined)
        if not self.interview.named:
            return Progress(answered=answered, left=self._left or 0, settled=0, conclusions=0)
        step = self.interview.step()
        matter_now = self._units(step.candidates)
        if step.path is not None:
            matter_now = max(matter_now, 1)
        estimate = typical_left(matter_now)
        left = estimate if self._left is None else min(self._left, estimate)
        if step.path is not None:
            left = max(left, 1)
        self._left = left
        return Progress(answered=answered, left=left, settled=step.progress.settled,
                        conclusions=step.progress.conclusions, matter_now=matter_now)

    def _units(self, paths: tuple[str, ...]) -> int:
        """How many prompts these facts take: one per question, one per checklist."""
        questions = self.questionnaire.questions
        return len({questions[p].checklist or p for p in paths if p in questions})

    def _prompt_for(self, undone: dict[str, object]) -> Prompt:
        """The prompt that set ``undone`` (one question, or the checklist of its first fact)."""
        first = next(iter(undone))
        if first == SUBJECT_PATH:
            return self._question_prompt(self.questionnaire.subject, NAME_SPEC, (), undone)
        question = self.questionnaire.questions[first]
        if question.checklist is None:
            return self._question_prompt(question, fact_catalogue()[first], (), {first: undone[first]})
        members = tuple(p for p in undone if self.questionnaire.questions[p].checklist == question.checklist)
        return self._checklist_prompt(question.checklist, members, {p: undone[p] for p in members})

    def _question_prompt(self, question: Question, spec: FactSpec, changes: tuple[tuple[str, str], ...],
                         previous: dict[str, object] | None = None) -> Prompt:
        choices = tuple(
            Choice(key=str(index) if numbered(spec) else value, label=label, path=question.path, value=value)
            for index, (value, label) in enumerate(question.choices.items(), start=1)
        )
        if spec is NAME_SPEC:
            hint = say("hint_name")
        else:
            hint = say("hint_share_or_flop") if question.also else allowed_hint(spec)
        return Prompt(
            id=question.path, kind=QUESTION, about="both" if spec is NAME_SPEC else question.about,
            topic=question.topic, topic_title=self._topic_title(question.topic), text=question.question,
            paths=(question.path,), choices=choices, hint=hint, help=question.help,
            citations=question.citations, changes=changes, previous=previous or {},
        )

    def _checklist_prompt(self, checklist_id: str, keep: tuple[str, ...] = (),
                          previous: dict[str, object] | None = None) -> Prompt:
        """The checklist's choices not answered yet (all of them, so that it is never asked twice), and the
        ones in ``keep`` (after "back"); follow-ups only once the answer leading to them was given."""
        checklist = self.questionnaire.checklists[checklist_id]
        questions = self.questionnaire.questions
        blocked = self.interview.not_yet_followed()
        members = [
            p for p in checklist.paths
            if p in keep or (p not in self.answers.facts and p not in blocked)
        ]
        step = self.interview.step() if self.interview.named else None
        choices = tuple(
            Choice(key=str(index), label=questions[p].label, path=p, value=True)
            for index, p in enumerate(members, start=1)
        )
        changes: list[tuple[str, str]] = []
        for choice in choices:
            effect = step.effects.get(choice.path) if step else None
            if effect and "yes" in effect.effects:
                changes.append((f"{choice.key} ({choice.label})", effect.effects["yes"]))
        citations = tuple(dict.fromkeys(c for p in members for c in questions[p].citations)) or checklist.citations
        return Prompt(
            id=f"checklist.{checklist.id}", kind=CHECKLIST, about=checklist.about, topic=checklist.topic,
            topic_title=self._topic_title(checklist.topic), text=checklist.question,
            paths=tuple(members), choices=choices, hint=say("hint_checklist", count=len(choices)),
            help=checklist.help, citations=citations, changes=tuple(changes), previous=previous or {},
        )

    def _topic_title(self, topic_id: str) -> str:
        return next((t.title for t in self.questionnaire.topics if t.id == topic_id), "")


def typical_left(matter_now: int) -> int:
    """The questions typically still to come when ``matter_now`` questions and checklists would change something."""
    return max(min(matter_now, ALL_COUNTED_UP_TO), math.ceil(matter_now * ASKED_SHARE))


def _parse_checklist(prompt: Prompt, typed: str) -> dict[str, object]:
    """Numbers of the choices that apply (the others: no), ``none``, or ``?`` for all unknown."""
    word = typed.lower()
    paths = [choice.path for choice in prompt.choices]
    if word in DONT_KNOW:
        return dict.fromkeys(paths, UNKNOWN)
    if word in NONE:
        return dict.fromkeys(paths, False)
    if not typed:
        raise AnswerError(f"{say('empty')} {prompt.hint}")
    if len(paths) == 1 and word in {"y", "yes"}:
        return {paths[0]: True}
    chosen: set[str] = set()
    for item in (part.strip() for part in typed.replace(";", ",").replace(" ", ",").split(",")):
        if not item:
            continue
        if not item.isdigit() or not 1 <= int(item) <= len(paths):
            raise AnswerError(f"{say('not_a_checklist_choice', answer=repr(item), count=len(paths))} {prompt.hint}")
        chosen.add(paths[int(item) - 1])
    return {path: path in chosen for path in paths}
