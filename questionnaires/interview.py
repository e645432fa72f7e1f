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

from aiact.engine.conditions import UNKNOWN

from .answers import AnswerError, show_value
from .flow import CHECKLIST, Flow, Prompt
from .texts import SUBJECT_PATH, say

HELP = frozenset({"h", "help"})
BACK = frozenset({"b", "back"})
QUIT = frozenset({"q", "quit", "exit"})


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


def run_interview(flow: Flow, console: Console, save: Callable[[], None]) -> Ending:
    """Ask until nothing unknown matters any more, the person quits, or input ends."""
    asker = _Asker(flow, console, save)
    try:
        asker.loop()
    except _Quit:
        return Ending.QUIT
    except EOFError:
        console.write("\n")
        return Ending.END_OF_INPUT
    return Ending.COMPLETE


class _Asker:
    def __init__(self, flow: Flow, console: Console, save: Callable[[], None]) -> None:
        self.flow = flow
        self.console = console
        self.save = save
        self.topic: str | None = None
        self.width = max(40, min(shutil.get_terminal_size((100, 24)).columns, 100))

    def loop(self) -> None:
        while True:
            prompt = self.flow.next()
            if prompt is None:
                return
            try:
                self.ask(prompt)
            except _Back:
                if self.flow.back() is None:
                    self.say("nothing_to_undo")
                elif self.flow.interview.named:
                    self.save()

    def ask(self, prompt: Prompt) -> None:
        self.show_topic(prompt)
        self.show_question(prompt)
        if prompt.previous:
            self.say("previous_answer", value=self.previous_text(prompt))
        while True:
            typed = self.console.read("> ").strip()
            word = typed.lower()
            if word in HELP:
                self.show_help(prompt)
                continue
            if word in BACK:
                raise _Back
            if word in QUIT:
                raise _Quit
            try:
                values = self.flow.parse(prompt, typed)
            except AnswerError as err:
                self.write(str(err))
                self.write(f"[{prompt.id}] {self.about(prompt)}{prompt.text}")  # asked again, choices above
                continue
            self.flow.answer(prompt, values)
            self.save_if_named()
            if values and all(v == UNKNOWN for v in values.values()):
                self.say("dont_know_recorded")
            self.show_progress()
            return

    def previous_text(self, prompt: Prompt) -> str:
        """The answer given before "back", as it would be typed again."""
        if prompt.kind == CHECKLIST:
            values = prompt.previous
            if all(v == UNKNOWN for v in values.values()):
                return "?"
            keys = [c.key for c in prompt.choices if values.get(c.path) is True]
            return ", ".join(keys) or "none"
        return show_value(next(iter(prompt.previous.values())))

    def show_topic(self, prompt: Prompt) -> None:
        if prompt.topic == self.topic or prompt.id == SUBJECT_PATH:
            return
        self.topic = prompt.topic
        title = prompt.topic_title
        self.console.write(f"\n{title}\n{'-' * len(title)}\n")

    def show_question(self, prompt: Prompt) -> None:
        self.console.write("\n")
        self.write(f"[{prompt.id}] {self.about(prompt)}{prompt.text}")
        if prompt.kind == CHECKLIST:
            for choice in prompt.choices:
                self.wrap(f"{choice.label} [{choice.path}]", f"{choice.key:>3}. ", " " * 5)
        elif prompt.choices:
            width = max(len(str(c.value)) for c in prompt.choices)
            numbered = any(c.key != c.value for c in prompt.choices)
            for choice in prompt.choices:
                number = f"{choice.key:>3}. " if numbered else "  "
                self.wrap(choice.label, f"{number}{choice.value!s:<{width}}  ", " " * (len(number) + width + 2))
        line = f"{prompt.hint} {say('commands')}"
        if len(line) + 2 <= self.width:
            self.write(line, indent="  ")
        else:
            self.write(prompt.hint, indent="  ")
            self.write(say("commands"), indent="  ")

    def about(self, prompt: Prompt) -> str:
        """"(about the model) ": what the question asks about (nothing for the name)."""
        return "" if prompt.id == SUBJECT_PATH else say(f"about_{prompt.about}") + " "

    def show_help(self, prompt: Prompt) -> None:
        for paragraph in prompt.help.split("\n"):
            self.write(paragraph, indent="  ")
        if prompt.citations:
            self.write(say("citations", citations="; ".join(prompt.citations)), indent="  ")
        if prompt.changes:
            self.write(say("changes"), indent="  ")
            for answers, changes in prompt.changes:
                self.write(f"{answers}: {changes}", indent="    ")

    def show_progress(self) -> None:
        if not self.flow.interview.named:
            return
        progress = self.flow.progress()
        self.say("progress", answered=progress.answered, settled=progress.settled,
                 conclusions=progress.conclusions, left=progress.left)

    def save_if_named(self) -> None:
        if self.flow.interview.named:
            self.save()

    def say(self, key: str, **fields: object) -> None:
        self.write(say(key, **fields))

    def wrap(self, text: str, first: str, rest: str) -> None:
        """One choice: its number and value, then its label wrapped under itself."""
        self.console.write(textwrap.fill(text, width=self.width, initial_indent=first, subsequent_indent=rest,
                                         break_on_hyphens=False, break_long_words=False) + "\n")

    def write(self, text: str, indent: str = "") -> None:
        wrapped = textwrap.fill(text, width=self.width, initial_indent=indent, subsequent_indent=indent + "  ",
                                break_on_hyphens=False, break_long_words=False)
        self.console.write(wrapped + "\n")
