"""Drive an interview from an answer map, by the fact path each prompt shows (no fixed question order).

The rule base grows, so which questions come, and in which order, changes;
a scenario therefore says how it would answer each fact, and anything not
in its map is answered "?" (don't know).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

QUESTION = re.compile(r"^\[(?P<path>[a-z_]+(?:\.[a-z_]+)+)\] ", re.MULTILINE)


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
        typed = self.extra.pop(0) if self.extra else self.answers.get(last, "?")
        self.transcript.append(f"{prompt}{typed}\n")
        return typed

    @property
    def text(self) -> str:
        return "".join(self.transcript)
