"""Question texts, help and order, read from ``questions.yaml`` (data, not code)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from aiact.engine import FactQuestionText
from aiact.engine.catalogue import fact_catalogue


@dataclass(frozen=True)
class Question:
    """One question of the interview, for one fact path."""

    path: str
    topic: str
    question: str
    help: str
    citations: tuple[str, ...]


@cache
def load_questions() -> dict[str, Question]:
    """Every question, keyed by fact path, in the file's order (topics in interview order)."""
    text = resources.files("aiact.questionnaires").joinpath("questions.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    catalogue = fact_catalogue()
    questions: dict[str, Question] = {}
    for topic in data.get("topics", []):
        for entry in topic.get("questions", []):
            path = entry["path"]
            if path not in catalogue:
                raise ValueError(f"questions.yaml: unknown fact path {path!r}")
            questions[path] = Question(
                path=path,
                topic=topic["id"],
                question=entry["question"].strip(),
                help=entry.get("help", "").strip(),
                citations=tuple(entry.get("citations", ())),
            )
    return questions


@cache
def fact_question_texts() -> dict[str, FactQuestionText]:
    """The wording the engine uses for its fact open questions."""
    return {
        path: FactQuestionText(q.question, q.help, q.citations) for path, q in load_questions().items()
    }
