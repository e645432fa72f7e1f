"""What matters: which unknown facts would change a conclusion, and how.

For every unknown fact the rule base reads, each kind of answer is tried
(yes and no; each listed value; "none" and each item of a list; each side of
every threshold a rule compares with), the affected part of the rule base is
re-evaluated in process, and the differences are reported. Only facts whose
answer changes something become open questions; the ``if`` map says what
each answer would change.

Speed comes from change propagation: a hypothesis re-evaluates only the
nodes that read the changed fact, and goes further downstream only where a
status actually changed. Because the Kleene connectives are monotone, a
settled conclusion cannot move when an unknown fact is learnt; the one
exception is the user's own answer that overrides a derivation (``Known``
conditions), and such facts are asked only while what they override is still
undetermined.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from datetime import date, timedelta
from fractions import Fraction
from functools import cache
from typing import TYPE_CHECKING

from .catalogue import FactSpec, fact_catalogue
from .conditions import UNKNOWN, All, Any, Before, Condition, Greater, Known, Not, shown_number
from .evaluate import (
    ConclusionOutcome,
    NodeEnv,
    ObligationOutcome,
    Outcome,
    evaluate_conclusion,
    evaluate_obligation,
)
from .hypotheses import Worlds
from .record import record
from .result import OpenQuestion
from .rulebase import RuleBase, node_conditions
from .rulemodel import ConclusionDef
from .tri import Tri

if TYPE_CHECKING:
    from .assess import Engine, Inference


def evaluate_in_process(
    engine: Engine, facts: dict[str, object], as_of: date
) -> dict[str, Outcome]:
    """Every node in topological order, without a durable-rules session."""
    rulebase = engine.rulebase
    statuses: dict[str, Tri] = {}
    env = NodeEnv(facts, statuses, as_of, engine.dates)
    outcomes: dict[str, Outcome] = {}
    for nid in rulebase.order:
        node = rulebase.nodes[nid]
        if isinstance(node, ConclusionDef):
            outcome = evaluate_conclusion(node, env)
            statuses[nid] = outcome.status
            outcomes[nid] = outcome
        else:
            outcomes[nid] = evaluate_obligation(node, env)
    return outcomes


@record
class Answer:
    """One kind of answer to try for a fact, with how to say it."""

    label: str
    value: object


def _settled_for_good(rulebase: RuleBase, base: Mapping[str, Outcome]) -> frozenset[str]:
    """Nodes no further fact can move: settled conclusions and obligations that do not apply.

    The Kleene connectives are monotone, so learning a fact never turns yes into no; only a
    node that reads ``Known`` (the user's answer prevailing) can, and so can anything downstream
    of it: those are always re-evaluated.
    An obligation that applies may still change its date or exemption, so it is re-evaluated too.
    Skipping the rest is what keeps the what-matters analysis cheap once many facts are known.
    """
    readers_of_known = _known_readers(rulebase)
    return frozenset(
        nid for nid, outcome in base.items()
        if nid not in readers_of_known
        and (outcome is None or (isinstance(outcome, ConclusionOutcome) and outcome.status is not Tri.UNDETERMINED))
    )


@cache
def _known_readers(rulebase: RuleBase) -> frozenset[str]:
    """Nodes that read ``Known``, and everything downstream of them: a settled status there may still move."""
    reached = {
        nid for nid, node in rulebase.nodes.items()
        if any(_known_paths(condition) for condition in node_conditions(node))
    }
    stack = list(reached)
    while stack:
        for reader in rulebase.consumers.get(stack.pop(), ()):
            if reader not in reached:
                reached.add(reader)
                stack.append(reader)
    return frozenset(reached)


@cache
def _probe_table(rulebase: RuleBase) -> dict[str, set[object]]:
    table: dict[str, set[object]] = {}
    for node in rulebase.nodes.values():
        for condition in node_conditions(node):
            for path, values in _thresholds(condition).items():
                table.setdefault(path, set()).update(values)
    return table


def _thresholds(condition: Condition) -> dict[str, set[object]]:
    if isinstance(condition, Greater):
        return {condition.path: {condition.threshold}}
    if isinstance(condition, Before):
        return {condition.path: {condition.day}}
    if isinstance(condition, (All, Any)):
        merged: dict[str, set[object]] = {}
        for part in condition.parts:
            for path, values in _thresholds(part).items():
                merged.setdefault(path, set()).update(values)
        return merged
    if isinstance(condition, Not):
        return _thresholds(condition.part)
    return {}


@cache
def _override_targets(rulebase: RuleBase) -> dict[str, frozenset[str]]:
    """Facts read through ``Known`` (a user's answer prevailing), and the conclusions they decide."""
    targets: dict[str, set[str]] = {}
    for conclusion in rulebase.conclusions.values():
        for rule in conclusion.rules:
            for path in _known_paths(rule.when):
                targets.setdefault(path, set()).add(conclusion.id)
    return {path: frozenset(cids) for path, cids in targets.items()}


def _known_paths(condition: Condition) -> set[str]:
    if isinstance(condition, Known):
        return {condition.path}
    if isinstance(condition, (All, Any)):
        return set().union(*(_known_paths(p) for p in condition.parts))
    if isinstance(condition, Not):
        return _known_paths(condition.part)
    return set()


@cache
def _answers(rulebase: RuleBase, path: str, extra: tuple[object, ...]) -> tuple[Answer, ...]:
    """The answers tried for a fact: the same for every assessment under one rule base, so worked out once."""
    return tuple(answers_for(fact_catalogue()[path], _probe_table(rulebase).get(path, set()), extra))


def answers_for(spec: FactSpec, thresholds: set[object], extra: tuple[object, ...] = ()) -> list[Answer]:
    """The kinds of answer worth trying for one fact."""
    if spec.kind == "tri":
        return [Answer("yes", True), Answer("no", False)]
    if spec.kind == "enum":
        return [Answer(v, v) for v in spec.allowed]
    if spec.kind == "list":
        return [Answer("none", [])] + [Answer(v, [v]) for v in spec.allowed]
    if spec.kind == "number":
        return _number_answers(sorted(t for t in thresholds if isinstance(t, (int, float, Fraction))))
    if spec.kind == "date":
        return _date_answers(sorted(t for t in thresholds if isinstance(t, date)))
    return [Answer(str(v), v) for v in extra] or [Answer("named", "(named)")]


def _number_answers(limits: list[float | Fraction]) -> list[Answer]:
    """One answer per band between the thresholds; the values are exact (a third of 10^25 stays a third)."""
    if not limits:
        return []
    answers = [Answer(f"at most {shown_number(limits[0])}", limits[0])]
    for low, high in itertools.pairwise(limits):
        middle = Fraction(math.sqrt(low * high)) if low > 0 else Fraction(high) / 2
        if not low < middle <= high:
            middle = (Fraction(low) + Fraction(high)) / 2
        answers.append(Answer(f"above {shown_number(low)}, at most {shown_number(high)}", middle))
    answers.append(Answer(f"above {shown_number(limits[-1])}", limits[-1] * 2 if limits[-1] > 0 else 1.0))
    return answers


def _date_answers(days: list[date]) -> list[Answer]:
    if not days:
        return []
    answers = [Answer(f"before {days[0].isoformat()}", (days[0] - timedelta(days=1)).isoformat())]
    for low, high in itertools.pairwise(days):
        answers.append(Answer(f"from {low.isoformat()} to before {high.isoformat()}", low.isoformat()))
    answers.append(Answer(f"on or after {days[-1].isoformat()}", days[-1].isoformat()))
    return answers


@record
class FactEffect:
    """What learning one unknown fact would change."""

    path: str
    weight: int
    affects: tuple[str, ...]
    effects: dict[str, str]


def fact_effects(
    engine: Engine, raw: dict[str, object], outcomes: Mapping[str, Outcome], as_of: date, *, describe: bool = True
) -> list[FactEffect]:
    """Every unknown fact whose answer changes a conclusion or obligation, most important first.

    ``describe=False`` leaves each effect's ``effects`` map (what each answer would change, in words)
    empty: a brief result needs only which facts matter and what they affect.
    """
    from .assess import apply_inferences

    rulebase = engine.rulebase
    catalogue = fact_catalogue()
    effective, inferred = apply_inferences(raw, engine.infer)
    statuses = {cid: o.status for cid, o in outcomes.items() if isinstance(o, ConclusionOutcome)}
    overrides = _override_targets(rulebase)
    inference_inputs = set(getattr(engine.infer, "reads", ()))
    frozen = _settled_for_good(rulebase, outcomes)
    probed: list[tuple[int, str, tuple[Answer, ...], int]] = []
    hypotheses: list[dict[str, object]] = []
    for index, path in enumerate(catalogue):
        if effective.get(path, UNKNOWN) != UNKNOWN:
            continue
        if path not in rulebase.fact_readers and path not in inference_inputs:
            continue
        if (
            path in overrides
            and all(statuses[c] is not Tri.UNDETERMINED for c in overrides[path])
            and set(rulebase.fact_readers.get(path, ())) <= overrides[path]
        ):  # an override answer only; a fact also read plainly elsewhere is probed like any other
            continue
        infers = path in inference_inputs
        if not infers and frozen.issuperset(rulebase.fact_readers.get(path, ())):
            continue  # everything that reads it is settled for good
        answers = _answers(rulebase, path, tuple(getattr(engine.infer, "probe_values", {}).get(path, ())))
        probed.append((index, path, answers, len(hypotheses)))
        for answer in answers:
            if infers:  # the answer may also settle facts inferred from it (a licence's grants)
                hypotheses.append(_with_inferences(engine, raw, effective, inferred, path, answer.value))
            else:
                hypotheses.append({path: answer.value})
    if not hypotheses:
        return []
    worlds = Worlds(rulebase, engine.dates, effective, outcomes, as_of, hypotheses, frozen)
    ranked: list[tuple[int, int, FactEffect]] = []
    for index, path, answers, first in probed:
        effects: dict[str, str] = {}
        affected: set[str] = set()
        for world, answer in enumerate(answers, first):
            moved = worlds.moved_in(world)
            if moved:
                if describe:
                    effects[answer.label] = _describe_changes(rulebase, worlds, world, outcomes)
                affected.update(moved)
        if not affected:
            continue
        weight = sum(engine.gravity.get(nid, 1) for nid in affected)
        ordered = tuple(rulebase.in_order(affected))
        ranked.append((-weight, index, FactEffect(path, weight, ordered, _group(effects))))
    ranked.sort(key=lambda item: item[:2])
    return [effect for _, _, effect in ranked]


def _with_inferences(
    engine: Engine,
    raw: dict[str, object],
    effective: Mapping[str, object],
    inferred: list[Inference],
    path: str,
    value: object,
) -> dict[str, object]:
    """The facts an answer changes, with what the rule base infers from it (a licence's grants).

    Worked out from the inferences rather than by comparing every fact: an answer changes its own
    fact, the facts newly inferred from it, and facts inferred before that no longer are.
    """
    from .assess import apply_inferences

    hypothetical = dict(raw)
    hypothetical[path] = value
    _, applied = apply_inferences(hypothetical, engine.infer)
    changed: dict[str, object] = {path: value}
    for inference in applied:
        if effective.get(inference.path, UNKNOWN) != inference.value:
            changed[inference.path] = inference.value
    still = {inference.path for inference in applied}
    for inference in inferred:
        if inference.path not in still and inference.path != path:
            changed[inference.path] = raw.get(inference.path, UNKNOWN)
    return changed


SHOWN_CHANGES = 8
"""How many changes an answer's line names; the rest are counted ("; and 5 more")."""


def _describe_changes(rulebase: RuleBase, worlds: Worlds, world: int, base: Mapping[str, Outcome]) -> str:
    """What an answer changes, in the words a reader knows: conclusion titles and the articles of duties, never ids
    (the interview's help and the memo's open questions show these lines as they are).

    Only the changes the line names are worded; the rest are only counted.
    """
    moved = worlds.moved_in(world)
    bit = 1 << world
    parts = [_describe_change(rulebase, nid, worlds.outcome_in(nid, bit), base[nid]) for nid in moved[:SHOWN_CHANGES]]
    more = len(moved) - SHOWN_CHANGES
    return "; ".join(parts) + (f"; and {more} more" if more > 0 else "")


def _describe_change(rulebase: RuleBase, nid: str, new: Outcome, old: Outcome) -> str:
    if isinstance(new, ConclusionOutcome):
        return f"{rulebase.conclusions[nid].title}: {_STATUS_WORDS[new.status]}"
    duty = _duty_words(rulebase, nid)
    if new is None:
        return f"{duty} would no longer apply"
    if new.exempted_by and not (isinstance(old, ObligationOutcome) and old.exempted_by):
        exemption = rulebase.conclusions.get(new.exempted_by)
        return f"{duty} would be lifted ({exemption.title if exemption else new.exempted_by})"
    if old is None:
        return f"{duty} would apply" if new.status is Tri.YES else f"{duty} may apply"
    if new.status is not old.status:
        return f"{duty} {'would apply' if new.status is Tri.YES else 'would become undetermined'}"
    return f"{duty} would apply from another date"


_STATUS_WORDS = {Tri.YES: "yes", Tri.NO: "no", Tri.UNDETERMINED: "undetermined"}


def _duty_words(rulebase: RuleBase, oid: str) -> str:
    """"the duty under Art. 16 (provider)": how a reader names an obligation."""
    obligation = rulebase.obligations[oid]
    return f"the duty under {obligation.citation} ({obligation.role.replace('_', ' ')})"


def _group(effects: dict[str, str]) -> dict[str, str]:
    """Answers with the same effect are listed together ("4a, 4b: high_risk becomes yes")."""
    grouped: dict[str, list[str]] = {}
    for label, text in effects.items():
        grouped.setdefault(text, []).append(label)
    return {", ".join(labels): text for text, labels in grouped.items()}


def fact_questions(
    engine: Engine, flat: dict[str, object], outcomes: Mapping[str, Outcome], as_of: date, *, describe: bool = True
) -> list[OpenQuestion]:
    """The ``fact`` open questions of an assessment.

    A fact that moves only internal steps is asked only where such a step
    still feeds an undetermined headline conclusion or obligation: then the
    fact settles part of it (a deployer's establishment, while the licence
    is still open). Where everything downstream is settled, the step is
    noise to a reader of the result and the fact is not asked. Once the
    engine's gate conclusion (the Act applies) is settled no, only what could
    change it or a duty counts: whether the system would be prohibited or
    high-risk concerns no one the Act does not reach (the interview does the
    same: questionnaire ``obligations_only``).
    """
    questions = []
    fed: dict[str, set[str]] = {}
    closed = _gate_closed(engine, outcomes)
    for effect in fact_effects(engine, flat, outcomes, as_of, describe=describe):
        visible = _visible_effects(engine.rulebase, effect.affects, outcomes, fed)
        if closed:
            visible = [nid for nid in visible if nid == engine.gate or nid in engine.rulebase.obligations]
        if not visible:
            continue
        text = engine.questions.get(effect.path)
        spec = fact_catalogue()[effect.path]
        questions.append(
            OpenQuestion(
                id=f"fact:{effect.path}",
                kind="fact",
                question=text.question if text else f"{spec.description} ({effect.path})",
                affects=visible,
                citations=list(text.citations) if text else _citations_for(engine.rulebase, effect.path),
                if_=effect.effects if describe else None,
                path=effect.path,
                help=text.help if text else None,
                weight=sum(engine.gravity.get(nid, 1) for nid in visible),
            )
        )
    questions.sort(key=lambda q: -q.weight)  # stable: ties keep the catalogue's order
    return questions


def _gate_closed(engine: Engine, outcomes: Mapping[str, Outcome]) -> bool:
    """The gate conclusion is settled no: the rule base finds that nothing in it concerns this operator."""
    outcome = outcomes.get(engine.gate) if engine.gate else None
    return isinstance(outcome, ConclusionOutcome) and outcome.status is Tri.NO


def _visible_effects(
    rulebase: RuleBase, affected: tuple[str, ...], outcomes: Mapping[str, Outcome], fed: dict[str, set[str]]
) -> list[str]:
    """Headline conclusions and obligations that change, or that a changed internal step still feeds.

    The walk from an internal step passes only through undetermined nodes: a
    settled conclusion cannot move when more facts are learnt (the Kleene
    connectives are monotone), so nothing behind it can either. ``fed`` keeps
    each step's walk for the other facts of the same assessment.
    """
    visible: set[str] = set()
    for nid in affected:
        conclusion = rulebase.conclusions.get(nid)
        if conclusion is None or not conclusion.internal:
            visible.add(nid)
        else:
            visible |= _open_headlines_fed_by(rulebase, nid, outcomes, fed)
    return rulebase.in_order(visible)


def _open_headlines_fed_by(
    rulebase: RuleBase, start: str, outcomes: Mapping[str, Outcome], fed: dict[str, set[str]]
) -> set[str]:
    """The open headline nodes that ``start`` feeds through open conclusions, each node's answer kept in ``fed``.

    Why the memo: the internal steps feed one another, so the walks of one assessment overlap;
    keeping each node's answer makes them cost one pass over the rule base's edges in all
    (measured: 114 -> 110 M instructions for a sparse assessment, docs/performance.md).
    """
    found = fed.get(start)
    if found is not None:
        return found
    found = set()
    for reader in rulebase.consumers.get(start, ()):
        if not _is_open(outcomes.get(reader)):
            continue
        conclusion = rulebase.conclusions.get(reader)
        if conclusion is None or not conclusion.internal:
            found.add(reader)
        if conclusion is not None:
            found |= _open_headlines_fed_by(rulebase, reader, outcomes, fed)
    fed[start] = found
    return found


def _is_open(outcome: Outcome | None) -> bool:
    return outcome is not None and outcome.status is Tri.UNDETERMINED


def _citations_for(rulebase: RuleBase, path: str) -> list[str]:
    cites: list[str] = []
    for rule in rulebase.rules.values():
        if path in rule.facts_read and rule.citation not in cites:
            cites.append(rule.citation)
    return cites[:4]


def legal_questions(
    engine: Engine, flat: dict[str, object], statuses: Mapping[str, Tri], as_of: date
) -> list[OpenQuestion]:
    """The ``legal`` open questions whose trigger holds for these facts."""
    env = NodeEnv(flat, dict(statuses), as_of, engine.dates)
    raised = []
    for question in engine.rulebase.legal_questions.values():
        if question.trigger.evaluate(env) is not Tri.YES:
            continue
        raised.append(
            OpenQuestion(
                id=f"legal:{question.id}",
                kind="legal",
                question=question.question,
                affects=list(question.affects),
                citations=list(question.citations),
                why=question.why,
                readings=list(question.readings),
                working_reading=question.working_reading,
            )
        )
    return raised
