"""What to ask next: the engine says which unknown facts still matter, the questionnaire says in which order.

The interview never decides what matters itself (that would duplicate the
rule base): it runs the engine in process on the answers so far, takes the
unknown facts whose answer would change a conclusion or obligation
(:func:`aiact.engine.whatmatters.fact_effects`), drops those the person has
already answered "don't know", and picks from the earliest topic that has
any the fact whose answer weighs most (see :func:`headline_weight`). A
lawyer works the same way: first what the thing is, then who you are, and so
on, but only what still counts; and once the Act is found not to apply,
only what still changes an obligation (``obligations_only_when`` in the
questionnaire data). A fact that would only move an internal step, and no
conclusion or obligation a person sees, is not asked.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from aiact.engine import Engine
from aiact.engine.assess import apply_inferences
from aiact.engine.evaluate import ConclusionOutcome, Outcome
from aiact.engine.tri import Tri
from aiact.engine.whatmatters import FactEffect, evaluate_in_process, fact_effects

from .texts import Questionnaire


@dataclass(frozen=True)
class Progress:
    """How far the assessment has come: what a person sees after each answer."""

    settled: int
    """Headline conclusions already yes or no."""
    conclusions: int
    """Headline conclusions in all."""
    still_open: int
    """Unknown facts not yet asked whose answer would still change something."""


@dataclass(frozen=True)
class NextStep:
    """The next fact to ask (None when nothing unknown matters any more), and the progress so far."""

    effect: FactEffect | None
    progress: Progress
    effects: dict[str, FactEffect]
    """What each unknown fact that matters would change, answered "don't know" or not."""

    @property
    def path(self) -> str | None:
        return self.effect.path if self.effect else None


def next_step(
    engine: Engine,
    questionnaire: Questionnaire,
    raw: dict[str, object],
    asked: Collection[str],
    as_of: date,
) -> NextStep:
    """The fact to ask next for the flat facts ``raw`` (unknown = ``"unknown"``), skipping ``asked``."""
    effective, _ = apply_inferences(raw, engine.infer)
    outcomes = evaluate_in_process(engine, effective, as_of)
    effects = fact_effects(engine, raw, outcomes, as_of)
    open_ = askable(engine, questionnaire, effects, outcomes, asked)
    chosen = min(open_, key=lambda e: _rank(engine, questionnaire, e), default=None)
    return NextStep(chosen, _progress(engine, outcomes, len(open_)), {e.path: e for e in effects})


def askable(
    engine: Engine,
    questionnaire: Questionnaire,
    effects: list[FactEffect],
    outcomes: Mapping[str, Outcome],
    asked: Collection[str],
) -> list[FactEffect]:
    """The effects worth a question: not asked yet, visible to a person, and, once the Act is
    found not to apply, changing an obligation."""
    obligations_only = _obligations_only(questionnaire, outcomes)
    return [
        e for e in effects
        if e.path not in asked and e.path in questionnaire.positions and headline_weight(engine, e) > 0
        and (not obligations_only or any(nid in engine.rulebase.obligations for nid in e.affects))
    ]


def _obligations_only(questionnaire: Questionnaire, outcomes: Mapping[str, Outcome]) -> bool:
    """Whether a conclusion of ``obligations_only_when`` has its status: classifications no longer matter."""
    for cid, status in questionnaire.obligations_only_when.items():
        outcome = outcomes.get(cid)
        if isinstance(outcome, ConclusionOutcome) and outcome.status.value == status:
            return True
    return False


def _rank(engine: Engine, questionnaire: Questionnaire, effect: FactEffect) -> tuple[int, int, int]:
    topic, index = questionnaire.positions[effect.path]
    return (topic, -headline_weight(engine, effect), index)


def headline_weight(engine: Engine, effect: FactEffect) -> int:
    """The effect's weight counting only what a person sees: headline conclusions and obligations.

    An internal conclusion (a step such as the GPAI indicative criterion) only
    matters through the headline conclusions it feeds, which are counted
    already; counting it too would rank an indirect question ("how much
    compute?") above the direct one ("is it a general-purpose model?").
    """
    conclusions = engine.rulebase.conclusions
    return sum(
        engine.gravity.get(nid, 1) for nid in effect.affects if nid not in conclusions or not conclusions[nid].internal
    )


def _progress(engine: Engine, outcomes: Mapping[str, Outcome], still_open: int) -> Progress:
    headline = list(engine.rulebase.public_conclusions())
    settled = 0
    for cid in headline:
        outcome = outcomes[cid]
        if isinstance(outcome, ConclusionOutcome) and outcome.status is not Tri.UNDETERMINED:
            settled += 1
    return Progress(settled=settled, conclusions=len(headline), still_open=still_open)
