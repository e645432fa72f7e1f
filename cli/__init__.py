"""aiact: decision support for the EU AI Act (Regulation (EU) 2024/1689, as amended).

The front door over the engine, the rule base, the questionnaire and the
reports. Python users call :func:`assess`; the ``aiact`` command wraps it.
The output is decision support for legal review, not legal advice.
"""

from __future__ import annotations

import gc
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: ``aiact --help`` and ``aiact schema`` need no engine
    from datetime import date
    from pathlib import Path

    from aiact.engine import Assessment, Engine, FactFile

__version__ = "0.1.0"
"""Kept equal to pyproject.toml's version by a test; a literal, because asking
importlib.metadata costs ~30 ms of start-up on every ``aiact check`` run."""

DISCLAIMER = (
    "Decision support, not legal advice: aiact reasons over the facts given, under its reading "
    "of Regulation (EU) 2024/1689 as amended; a qualified lawyer should review the result."
)


_collection_paused = False


def pause_collection_for_start_up() -> None:
    """Pause the cyclic garbage collector until :func:`default_engine` has built the engine.

    Why: start-up creates some 50,000 container objects that live as long as
    the process (pydantic's schemas, the rule base, the compiled rules), and
    the collector would scan them again some ninety times before the first
    fact is read: measured at 6 % of the instructions of an ``aiact check``
    run on one file (callgrind), after the one full collection that ends the
    pause (so no start-up garbage is frozen).
    The command line calls this first thing; once the engine is built
    the survivors are frozen out of later collections and collection resumes,
    so long runs (a folder of 10,000 files, an interview) keep memory flat.
    Library users who never call it keep their collector as they set it; once
    the engine is built it does nothing (nothing would resume collection).
    """
    global _collection_paused
    if gc.isenabled() and default_engine.cache_info().currsize == 0:
        gc.disable()
        _collection_paused = True


def resume_collection() -> None:
    """End the start-up pause: collect start-up's garbage, freeze the survivors, collect as usual from here on."""
    global _collection_paused
    if _collection_paused:
        gc.collect()
        gc.freeze()
        gc.enable()
        _collection_paused = False


@cache
def default_engine() -> Engine:
    """The process-wide engine: rule base compiled once, question texts loaded once."""
    from aiact.questionnaires import fact_question_texts
    from aiact.rules import build_engine

    engine = build_engine(fact_question_texts())
    resume_collection()
    return engine


def assess(facts: FactFile, *, as_of: date | None = None) -> Assessment:
    """Assess validated facts with the full rule base."""
    return default_engine().assess(facts, as_of=as_of)


def assess_file(path: str | Path, *, as_of: date | None = None) -> Assessment:
    """Read, validate and assess one fact file (raises FactFileError on bad input)."""
    from aiact.engine import load_fact_file

    return assess(load_fact_file(path), as_of=as_of)


__all__ = [
    "DISCLAIMER", "__version__", "assess", "assess_file", "default_engine", "pause_collection_for_start_up",
    "resume_collection",
]
