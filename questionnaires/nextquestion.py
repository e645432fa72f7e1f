"""What to ask next: the engine says which unknown facts still matter, the questionnaire says in which order.

The interview never decides what matters itself (that would duplicate the
rule base): it runs the engine in process on the answers so far, takes the
unknown facts whose answer would change a conclusion or obligation
(:func:`aiact.engine.whatmatters.fact_effects`), drops those the person has
already answered "don't know", and picks from the earliest topic that has
any the fact whose answer weighs most (see :func:`headline_weight`). A
lawyer works the same way: first what the thing is, then who you are, and so
on, but only what still counts; and once the Act is found not to apply,
only what still changes an obligation (``obligations_only`` in the
questionnaire data). A fact that moves only internal steps, and can no
longer lead to a conclusion or obligation a person sees, is not asked
(:func:`leads_to_headline`). When no single answer would move anything but
a conclusion is still undetermined, what it still reads is asked last
(:func:`still_read`): some conclusions move only on several answers together.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date

from aiact.engine import Engine
from aiact.engine.assess import apply_inferences
from aiact.engine.conditions import UNKNOWN
from aiact.engine.evaluate import ConclusionOutcome, ObligationOutcome, Outcome
from aiact.engine.record import record
from aiact.engine.tri import Tri
from aiact.engine.whatmatters import FactEffect, evaluate_in_process, fact_effects

from .texts import Questionnaire


@record
class Progress:
    """How far the assessment has come: what a person sees after each answer."""

    settled: int
    """Headline conclusions already yes or no."""
    conclusions: int
    """Headline conclusions in all."""
    still_open: int
    """Unknown facts not yet asked whose answer would still change something."""


@record
class NextStep:
    """The next fact to ask (None when nothing unknown matters any more), and the progress so far."""

    effect: FactEffect | None
    progress: Progress
    effects: dict[str, FactEffect]
    """What each unknown fact that matters would change, answered "don't know" or not."""
    candidates: tuple[str, ...] = ()
    """Every fact still worth a question now, the chosen one among them (what the progress estimate counts)."""

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
    open_ = askable(engine, questionnaire, effects, outcomes, asked, raw) or still_read(
        engine, questionnaire, effective, outcomes, asked
    )
    first = questionnaire.obligations_only_topics if obligations_only(questionnaire, outcomes) else ()
    chosen = min(open_, key=lambda e: _rank(engine, questionnaire, e, first), default=None)
    return NextStep(
        chosen, _progress(engine, outcomes, len(open_)), {e.path: e for e in effects}, tuple(e.path for e in open_)
    )


def askable(
    engine: Engine,
    questionnaire: Questionnaire,
    effects: list[FactEffect],
    outcomes: Mapping[str, Outcome],
    asked: Collection[str],
    facts: Mapping[str, object] | None = None,
) -> list[FactEffect]:
    """The effects worth a question: not asked yet, and leading to what a person sees (once the Act
    is found not to apply, or for the facts ``obligations_only.facts`` names: to an obligation)."""
    only = obligations_only(questionnaire, outcomes)
    restricted = facts_for_obligations_only(questionnaire, outcomes, facts or {})
    return [
        e for e in effects
        if e.path not in asked and e.path in questionnaire.positions
        and leads_to_headline(engine, e, outcomes, obligations_only=only or e.path in restricted)
    ]


def facts_for_obligations_only(
    questionnaire: Questionnaire, outcomes: Mapping[str, Outcome], facts: Mapping[str, object]
) -> set[str]:
    """Facts that, given the conclusions and answers so far, are worth asking only for an obligation they
    change. A ``when`` key is a conclusion (its status) or a fact path (its answer)."""
    restricted: set[str] = set()
    for when, paths in questionnaire.obligations_only_facts:
        if all(_holds(key, wanted, outcomes, facts) for key, wanted in when.items()):
            restricted.update(paths)
    return restricted


def _holds(key: str, wanted: object, outcomes: Mapping[str, Outcome], facts: Mapping[str, object]) -> bool:
    if key in facts:
        return facts[key] == wanted
    outcome = outcomes.get(key)
    return isinstance(outcome, ConclusionOutcome) and outcome.status.value == wanted


def still_read(
    engine: Engine,
    questionnaire: Questionnaire,
    effective: Mapping[str, object],
    outcomes: Mapping[str, Outcome],
    asked: Collection[str],
) -> list[FactEffect]:
    """Unknown facts still read by a headline node that is undetermined, when no single answer moves anything.

    The engine tries one fact at a time. A conclusion such as "a high-risk
    system that you rebranded, or modified, or repurposed", with high-risk
    still open, moves only when all three are answered "no": no single answer
    changes it, so none is reported, yet together they settle it. Once
    nothing else is left to ask, the interview asks what such conclusions
    (and the undetermined steps they rest on) still read.
    """
    rulebase = engine.rulebase
    only = obligations_only(questionnaire, outcomes)
    asked = set(asked) | facts_for_obligations_only(questionnaire, outcomes, effective)
    targets = [nid for nid in rulebase.order if _headline(engine, nid, only) and _can_move(outcomes.get(nid))]
    readers: dict[str, list[str]] = {}
    seen = set(targets)
    stack = list(targets)
    while stack:
        nid = stack.pop()
        inputs = rulebase.inputs[nid]
        for path in inputs.facts:
            if effective.get(path, UNKNOWN) == UNKNOWN and path not in asked and path in questionnaire.positions:
                readers.setdefault(path, []).append(nid)
        for cid in inputs.conclusions:
            if cid not in seen and _can_move(outcomes.get(cid)):
                seen.add(cid)
                stack.append(cid)
    return [
        FactEffect(path, 0, tuple(rulebase.in_order(nodes)), {})
        for path, nodes in readers.items()
    ]


def leads_to_headline(
    engine: Engine, effect: FactEffect, outcomes: Mapping[str, Outcome], *, obligations_only: bool = False
) -> bool:
    """Whether the answer changes what a person sees (an obligation, or a headline conclusion), now or later.

    Now: it changes one directly. Later: it settles an internal step (one point
    of Art. 5(1), say) that leads, through steps still undetermined, to one
    that can still move once other answers come. A settled node never moves
    again when a step above it is learnt (the connectives are monotone), so the
    search stops there; an answer that only moves steps feeding settled
    conclusions (the compute criterion once "is it a GPAI model?" is answered)
    changes nothing a person sees and is not asked.
    """
    rulebase = engine.rulebase
    if any(_headline(engine, nid, obligations_only) for nid in effect.affects):
        return True
    stack = [nid for nid in effect.affects if nid in rulebase.conclusions]
    seen = set(stack)
    while stack:
        for reader in rulebase.consumers.get(stack.pop(), ()):
            if reader in seen or not _can_move(outcomes.get(reader)):
                continue
            seen.add(reader)
            if _headline(engine, reader, obligations_only):
                return True
            if reader in rulebase.conclusions:
                stack.append(reader)
    return False


def _headline(engine: Engine, nid: str, obligations_only: bool) -> bool:
    """An obligation, or (unless only obligations count) a conclusion shown in results."""
    if nid in engine.rulebase.obligations:
        return True
    conclusion = engine.rulebase.conclusions.get(nid)
    return not obligations_only and conclusion is not None and not conclusion.internal


def _can_move(outcome: Outcome) -> bool:
    """An undetermined conclusion, or an obligation that may still apply, be lifted or change date."""
    if isinstance(outcome, ConclusionOutcome):
        return outcome.status is Tri.UNDETERMINED
    if isinstance(outcome, ObligationOutcome):
        return outcome.status is Tri.UNDETERMINED or bool(outcome.may_be_exempted_by or outcome.date_alternatives)
    return False


def obligations_only(questionnaire: Questionnaire, outcomes: Mapping[str, Outcome]) -> bool:
    """Whether a conclusion of ``obligations_only.when`` has its status: classifications no longer matter."""
    for cid, status in questionnaire.obligations_only_when.items():
        outcome = outcomes.get(cid)
        if isinstance(outcome, ConclusionOutcome) and outcome.status.value == status:
            return True
    return False


def _rank(
    engine: Engine, questionnaire: Questionnaire, effect: FactEffect, first: tuple[str, ...]
) -> tuple[int, int, int]:
    """Topic order (``first`` topics ahead of all others), then weight, then the file's order."""
    topic, index = questionnaire.positions[effect.path]
    topic_id = questionnaire.topics[topic].id
    order = first.index(topic_id) if topic_id in first else len(first) + topic
    return (order, -headline_weight(engine, effect), index)


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
