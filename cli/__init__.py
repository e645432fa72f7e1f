"""aiact: decision support for the EU AI Act (Regulation (EU) 2024/1689, as amended).

The front door over the engine, the rule base, the questionnaire and the
reports. Python users call :func:`assess`; the ``aiact`` command wraps it.
The output is decision support for legal review, not legal advice.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from aiact.engine import Assessment, Engine, FactFile, load_fact_file

__version__ = "0.1.0"
"""Kept equal to pyproject.toml's version by a test; a literal, because asking
importlib.metadata costs ~30 ms of start-up on every ``aiact check`` run."""

DISCLAIMER = (
    "Decision support, not legal advice: aiact reasons over the facts given, under its reading "
    "of Regulation (EU) 2024/1689 as amended; a qualified lawyer should review the result."
)


@cache
def default_engine() -> Engine:
    """The process-wide engine: rule base compiled once, question texts loaded once."""
    from aiact.questionnaires import fact_question_texts
    from aiact.rules import build_engine

    return build_engine(fact_question_texts())


def assess(facts: FactFile, *, as_of: date | None = None) -> Assessment:
    """Assess validated facts with the full rule base."""
    return default_engine().assess(facts, as_of=as_of)


def assess_file(path: str | Path, *, as_of: date | None = None) -> Assessment:
    """Read, validate and assess one fact file (raises FactFileError on bad input)."""
    return assess(load_fact_file(Path(path)), as_of=as_of)


__all__ = ["DISCLAIMER", "__version__", "assess", "assess_file", "default_engine"]
