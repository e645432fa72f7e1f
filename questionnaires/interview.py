"""The interview at a terminal: ask, read, save, and again, until nothing unknown matters.

Every prompt shows the fact path it sets in square brackets, so that a
reader (or a test) always knows which fact an answer goes to. A wrong answer
is explained and the question asked again; it never ends the interview.
After every accepted answer the caller's ``save`` runs (the file on disk is
always a valid fact file). ``q`` and end of input end the interview cleanly;
Ctrl-C propagates as :class:`KeyboardInterrupt` once the answers are safe,
for the command to exit with status 130.
"""

from __future__ import annotations

import enum
import shutil
import textwrap
from collections.abc import Callable
from typing import Protocol

from aiact.engine.catalogue import FactSpec, fact_catalogue
from aiact.engine.conditions import UNKNOWN
from aiact.engine.whatmatters import FactEffect

from .answers import AnswerError, allowed_hint, numbered, parse_answer, show_value
from .session import Interview
from .texts import SUBJECT_PATH, Question, say

HELP = frozenset({"h", "help"})
BACK = frozenset({"b", "back"})
QUIT = frozenset({"q", "quit", "exit"})
NAME_SPEC = FactSpec(SUBJECT_PATH, "text", (), "")


class Console(Protocol):
    """Where the interview reads and writes: a terminal, or a test's script."""

    def read(self, prompt: str) -> str:
        """One line typed by the person (raises EOFError at end of input)."""

    def write(self, text: str) -> None:
        """Show text (lines end with a newline)."""


class Ending(enum.Enum):
    """How an interview ended (the value names its closing message)."""

    COMPLETE = "complete"
    QUIT = "quit"
    END_OF_INPUT = "eof"


class _Back(Exception):
    """The person asked to go back one answer."""


class _Quit(Exception):
    """The person asked to save and quit."""


class TerminalConsole:
    """The real terminal: ``input`` and ``print``, text wrapped to the window."""

    def read(self, prompt: str) -> str:
        return input(prompt)

    def write(self, text: str) -> None:
        print(text, end="", flush=True)


def run_interview(interview: Interview, console: Console, save: Callable[[], None]) -> Ending:
    """Ask until nothing unknown matters any more, the person quits, or input ends."""
    asker = _Asker(interview, console, save)
    try:
        asker.loop()
    except _Quit:
        return Ending.QUIT
    except EOFError:
        console.write("\n")
        return Ending.END_OF_INPUT
    return Ending.COMPLETE


class _Asker:
    def __init__(self, interview: Interview, console: Console, save: Callable[[], None]) -> None:
        self.interview = interview
        self.console = console
        self.save = save
        self.topic: str | None = None
        self.width = max(40, min(shutil.get_terminal_size((100, 24)).columns, 100))

    def loop(self) -> None:
        pending: tuple[str, object] | None = None
        while True:
            if pending is not None:
                path, previous = pending
                effect = self.interview.step().effects.get(path) if self.interview.named else None
            elif not self.interview.named:
                path, previous, effect = SUBJECT_PATH, None, None
            else:
                step = self.interview.step()
                if step.effect is None:
                    return
                path, previous, effect = step.effect.path, None, step.effect
            try:
                self.ask(path, previous, effect)
                pending = None
            except _Back:
                undone = self.interview.undo()
                if undone is None:
                    self.say("nothing_to_undo")
                    pending = (path, previous) if path == SUBJECT_PATH else None
                else:
                    self.save_if_named()
                    pending = undone

    def ask(self, path: str, previous: object, effect: FactEffect | None) -> None:
        questionnaire = self.interview.questionnaire
        question = questionnaire.subject if path == SUBJECT_PATH else questionnaire.questions[path]
        spec = NAME_SPEC if path == SUBJECT_PATH else fact_catalogue()[path]
        self.show_topic(question)
        self.show_question(question, spec)
        if previous is not None:
            self.say("previous_answer", value=show_value(previous))
        while True:
            typed = self.console.read("> ").strip()
            word = typed.lower()
            if word in HELP:
                self.show_help(question, effect)
                continue
            if word in BACK:
                raise _Back
            if word in QUIT:
                raise _Quit
            try:
                value = self.read_value(spec, typed)
            except AnswerError as err:
                self.write(str(err))
                self.write(f"[{question.path}] {question.question}")  # asked again, choices still above
                continue
            self.interview.answer(path, value)
            self.save()
            if value == UNKNOWN:
                self.say("dont_know_recorded")
            self.show_progress()
            return

    def read_value(self, spec: FactSpec, typed: str) -> object:
        value = parse_answer(spec, typed)
        if spec is NAME_SPEC and value == UNKNOWN:
            raise AnswerError(f"{say('name_needed')} {say('hint_name')}")
        return value

    def show_topic(self, question: Question) -> None:
        if question.topic == self.topic or question.path == SUBJECT_PATH:
            return
        self.topic = question.topic
        title = next(t.title for t in self.interview.questionnaire.topics if t.id == question.topic)
        self.console.write(f"\n{title}\n{'-' * len(title)}\n")

    def show_question(self, question: Question, spec: FactSpec) -> None:
        self.console.write("\n")
        self.write(f"[{question.path}] {question.question}")
        if question.choices:
            width = max(len(v) for v in question.choices)
            for index, (value, label) in enumerate(question.choices.items(), start=1):
                number = f"{index:>3}. " if numbered(spec) else "  "
                self.console.write(f"{number}{value:<{width}}  {label}\n")
        hint = say("hint_name") if spec is NAME_SPEC else allowed_hint(spec)
        line = f"{hint} {say('commands')}"
        if len(line) + 2 <= self.width:
            self.write(line, indent="  ")
        else:
            self.write(hint, indent="  ")
            self.write(say("commands"), indent="  ")

    def show_help(self, question: Question, effect: FactEffect | None) -> None:
        for paragraph in question.help.split("\n"):
            self.write(paragraph, indent="  ")
        if question.citations:
            self.write(say("citations", citations="; ".join(question.citations)), indent="  ")
        if effect is not None and effect.effects:
            self.write(say("changes"), indent="  ")
            for answers, changes in effect.effects.items():
                self.write(f"{answers}: {changes}", indent="    ")

    def show_progress(self) -> None:
        if not self.interview.named:
            return
        progress = self.interview.step().progress
        self.say("progress", answered=len(self.interview.answers.order), settled=progress.settled,
                 conclusions=progress.conclusions, open=progress.still_open)

    def save_if_named(self) -> None:
        if self.interview.named:
            self.save()

    def say(self, key: str, **fields: object) -> None:
        self.write(say(key, **fields))

    def write(self, text: str, indent: str = "") -> None:
        wrapped = textwrap.fill(text, width=self.width, initial_indent=indent, subsequent_indent=indent + "  ",
                                break_on_hyphens=False, break_long_words=False)
        self.console.write(wrapped + "\n")
