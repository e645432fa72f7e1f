"""Drive an interview from an answer map, by the fact path each prompt shows (no fixed question order).

The rule base grows, so which questions come, and in which order, changes;
a scenario therefore says how it would answer each fact, and anything not
in its map is answered "?" (don't know).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

QUESTION = re.compile(r"^\[(?P<path>[a-z0-9_]+(?:\.[a-z0-9_]+)+)\] ", re.MULTILINE)
CHOICE = re.compile(r"^\s*(?P<key>\d+)\. .*?\[(?P<path>[a-z0-9_]+(?:\.[a-z0-9_]+)+)\]\s*$", re.MULTILINE | re.DOTALL)
CHECKLIST_CHOICE = re.compile(r"(?P<key>\d+)\. [^\[]*\[(?P<path>[a-z_]+(?:\.[a-z_]+)+)\]")


def checklist_choices(screen: str) -> dict[str, str]:
    """The fact path of each numbered choice of the checklist shown last on ``screen``."""
    block = screen[screen.rindex("[checklist."):]
    return {m.group("path"): m.group("key") for m in CHECKLIST_CHOICE.finditer(" ".join(block.split()))}


def typed_answer(path: str, screen: str, answers: Mapping[str, str]) -> str:
    """What a scenario types: its answer for a question; for a checklist the numbers of its "y" choices,
    ``none`` when it answers every choice and none with "y", ``?`` when it answers none of them."""
    if not path.startswith("checklist."):
        return answers.get(path, "?")
    choices = checklist_choices(screen)
    given = {p: answers[p] for p in choices if p in answers and answers[p] != "?"}
    if not given:
        return "?"
    yes = [key for p, key in choices.items() if given.get(p, "n").lower() in {"y", "yes"}]
    return ",".join(yes) or "none"


@dataclass
class ScriptedConsole:
    """A console that answers each question from ``answers`` (``?`` when absent), recording what it saw."""

    answers: Mapping[str, str]
    extra: list[str] = field(default_factory=list)
    """Typed before the map's answer, once each, on the next prompts (e.g. a wrong answer, then "b")."""
    limit: int = 200
    transcript: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)

    def write(self, text: str) -> None:
        self.transcript.append(text)

    def read(self, prompt: str) -> str:
        shown = "".join(self.transcript)
        last = list(QUESTION.finditer(shown))[-1].group("path")
        if len(self.asked) >= self.limit:
            raise AssertionError(f"more than {self.limit} prompts; last: {last}")
        self.asked.append(last)
        typed = self.extra.pop(0) if self.extra else typed_answer(last, shown, self.answers)
        self.transcript.append(f"{prompt}{typed}\n")
        return typed

    @property
    def text(self) -> str:
        return "".join(self.transcript)
