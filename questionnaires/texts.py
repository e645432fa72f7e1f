"""Question texts, help, choice labels and topic order, read from ``questions.yaml``.

Wording lives in data so that a lawyer can improve a question without
touching code, and so that the interview and the engine's open questions
speak with one voice. What a fact *is* (its kind and allowed values) comes
from the engine's fact catalogue; the file only says how to ask for it.
A mismatch between the two (an unknown path, a label for a value that does
not exist) is an error at load time, never a silently odd question.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from aiact.engine import FactQuestionText
from aiact.engine.bundled import read_bundled_yaml
from aiact.engine.catalogue import fact_catalogue

SUBJECT_PATH = "subject.name"


@dataclass(frozen=True)
class Question:
    """One question of the interview, for one fact path."""

    path: str
    topic: str
    question: str
    help: str
    citations: tuple[str, ...]
    choices: dict[str, str] = field(default_factory=dict)
    """Plain-English label of each allowed value (enum and list facts), in the catalogue's order."""


@dataclass(frozen=True)
class Topic:
    """A group of questions asked together, in interview order."""

    id: str
    title: str
    paths: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Questionnaire:
    """The whole questionnaire: the subject question, then the topics in order."""

    subject: Question
    topics: tuple[Topic, ...]
    questions: dict[str, Question]
    positions: dict[str, tuple[int, int]]
    """Each fact's (topic index, index within the topic): the order in which ties are asked."""
    obligations_only_when: dict[str, str]
    """Conclusion id and status after which only facts that change an obligation are asked."""
    obligations_only_topics: tuple[str, ...]
    """Topics asked first once only obligations matter."""


class QuestionsError(ValueError):
    """questions.yaml does not match the fact catalogue."""


@cache
def load_questionnaire() -> Questionnaire:
    """The questionnaire from the packaged ``questions.yaml``, checked against the catalogue."""
    text = resources.files("aiact.questionnaires").joinpath("questions.yaml").read_text("utf-8")
    return parse_questionnaire(read_bundled_yaml(text) or {})


def parse_questionnaire(data: dict[str, Any]) -> Questionnaire:
    """Build and check the questionnaire from the YAML's plain data."""
    catalogue = fact_catalogue()
    subject = _question(data.get("subject") or {}, "subject", {})
    if subject.path != SUBJECT_PATH:
        raise QuestionsError(f"questions.yaml: the subject question must set {SUBJECT_PATH}")
    questions: dict[str, Question] = {}
    topics = []
    for topic in data.get("topics", []):
        paths = []
        for entry in topic.get("questions", []):
            path = entry.get("path")
            if path not in catalogue:
                raise QuestionsError(f"questions.yaml: unknown fact path {path!r}")
            if path in questions:
                raise QuestionsError(f"questions.yaml: {path} is asked twice")
            spec = catalogue[path]
            questions[path] = _question(entry, topic["id"], dict.fromkeys(spec.allowed, ""))
            paths.append(path)
        topics.append(Topic(id=topic["id"], title=topic.get("title", topic["id"]).strip(), paths=tuple(paths)))
    positions = {path: (t, i) for t, topic in enumerate(topics) for i, path in enumerate(topic.paths)}
    obligations_only = data.get("obligations_only") or {}
    first = tuple(str(t) for t in obligations_only.get("topics_first", ()))
    unknown = sorted(set(first) - {t.id for t in topics})
    if unknown:
        raise QuestionsError(f"questions.yaml: obligations_only names unknown topics {', '.join(unknown)}")
    return Questionnaire(
        subject=subject, topics=tuple(topics), questions=questions, positions=positions,
        obligations_only_when={str(k): str(v) for k, v in (obligations_only.get("when") or {}).items()},
        obligations_only_topics=first,
    )


def _question(entry: dict[str, Any], topic: str, allowed: dict[str, str]) -> Question:
    path = str(entry.get("path", ""))
    labels = {str(k): str(v).strip() for k, v in (entry.get("choices") or {}).items()}
    if allowed and set(labels) != set(allowed):
        missing = sorted(set(allowed) - set(labels))
        extra = sorted(set(labels) - set(allowed))
        raise QuestionsError(
            f"questions.yaml: {path} choices must label exactly its allowed values"
            f" (missing: {', '.join(missing) or '-'}; unknown: {', '.join(extra) or '-'})"
        )
    if labels and not allowed:
        raise QuestionsError(f"questions.yaml: {path} has choices but is not a choice or list fact")
    for key in ("question", "help"):
        if not str(entry.get(key, "")).strip():
            raise QuestionsError(f"questions.yaml: {path or topic} has no {key}")
    return Question(
        path=path,
        topic=topic,
        question=" ".join(str(entry["question"]).split()),
        help=str(entry["help"]).strip(),
        citations=tuple(str(c) for c in entry.get("citations", ())),
        choices={value: labels[value] for value in allowed} if allowed else {},
    )


def load_questions() -> dict[str, Question]:
    """Every fact question, keyed by fact path, topics in interview order."""
    return load_questionnaire().questions


@cache
def fact_question_texts() -> dict[str, FactQuestionText]:
    """The wording the engine uses for its fact open questions."""
    return {
        path: FactQuestionText(q.question, q.help, q.citations) for path, q in load_questions().items()
    }


@cache
def _messages() -> dict[str, str]:
    text = resources.files("aiact.questionnaires").joinpath("messages.yaml").read_text("utf-8")
    return {str(key): str(value) for key, value in (read_bundled_yaml(text) or {}).items()}


def say(key: str, **fields: object) -> str:
    """One interface message from ``messages.yaml``, its ``{fields}`` filled in."""
    return _messages()[key].format(**fields).rstrip("\n")
