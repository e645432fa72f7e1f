"""Every hypothesis of a what-matters analysis evaluated at once, one bit per hypothesis.

The what-matters analysis asks, for each unknown fact and each kind of answer,
what would change if the facts were so. Each such hypothesis is a *world*:
the file's facts with one fact (or the few a licence implies) answered. Rather
than re-evaluate the rule base world by world, each condition is evaluated
once for all worlds together: its value is a pair of bit masks (the worlds
where it holds, the worlds where it does not; the rest are undetermined), and
the Kleene connectives become integer operations (``and``: yes where every
part is yes, no where any part is no; ``or`` the dual; ``not`` swaps them).
An atom is evaluated once under the file's own facts and again only in the
worlds that change what it reads. Conclusions and obligations are then decided
on the masks with the same rules as :mod:`.evaluate` (holding and possible
rules, overrides, ``otherwise``; exemptions and dates), and a node differs from
the file's own outcome exactly in the worlds where its mask differs.

Measured on a sparse CV-screening file (callgrind): the analysis took
some 114 M instructions evaluating node after node, hypothesis after
hypothesis; with masks it takes a small fraction of that (docs/performance.md).
A property test checks that every world's outcome is the one
:func:`.whatmatters.evaluate_in_process` gives for that world's facts.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from functools import cache

from .conditions import UNKNOWN, All, Any, Concl, Condition, Not
from .dates import DateTable
from .evaluate import ConclusionOutcome, NodeEnv, ObligationOutcome, Outcome, RuleConflictError
from .rulebase import RuleBase
from .rulemodel import ConclusionDef, ObligationDef
from .tri import Tri

Masks = tuple[int, int]
"""(worlds where it holds, worlds where it does not); a world in neither is undetermined."""


def bits(mask: int) -> Iterator[int]:
    """The worlds in a mask, lowest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


class _WorldEnv:
    """What a condition reads in one world: the file's facts with that world's answers, its statuses."""

    def __init__(self, worlds: Worlds, world: int) -> None:
        self._worlds = worlds
        self._bit = 1 << world
        self._answers = worlds.answers[world]
        self.as_of = worlds.env.as_of

    def fact(self, path: str) -> object:
        if path in self._answers:
            return self._answers[path]
        return self._worlds.env.facts.get(path, UNKNOWN)

    def conclusion(self, conclusion_id: str) -> Tri:
        return self._worlds.status_in(conclusion_id, self._bit)

    def law_in_force(self, version: str) -> bool:
        return self._worlds.env.law_in_force(version)


class Worlds:
    """The rule base evaluated in every world at once (see the module docstring).

    ``answers[w]`` are the facts world ``w`` changes; ``base`` the outcomes under the file's own
    facts ``facts`` (effective, inferences applied), from which ``differs[nid]`` is the mask of
    the worlds where node ``nid``'s outcome differs (status; for an obligation also whether it
    applies, its exemption and its date).
    """

    def __init__(
        self,
        rulebase: RuleBase,
        dates: DateTable,
        facts: dict[str, object],
        base: Mapping[str, Outcome],
        as_of: date,
        answers: Sequence[Mapping[str, object]],
        settled: frozenset[str] = frozenset(),
    ) -> None:
        self.rulebase = rulebase
        self.base = base
        self.answers = answers
        self.all = (1 << len(answers)) - 1
        statuses = {nid: o.status for nid, o in base.items() if isinstance(o, ConclusionOutcome)}
        self.env = NodeEnv(facts, statuses, as_of, dates)
        self._answered: dict[str, int] = {}
        for world, changed in enumerate(answers):
            for path in changed:
                self._answered[path] = self._answered.get(path, 0) | (1 << world)
        self.masks: dict[str, Masks] = {}
        self.differs: dict[str, int] = {}
        self._obligations: dict[str, _ObligationMasks] = {}
        self._conditions: dict[int, Masks] = {}
        self._by_world: list[list[str]] | None = None
        self._envs: list[_WorldEnv | None] = [None] * len(answers)
        self._reads = _leaf_reads(rulebase)
        for nid in rulebase.order:
            node = rulebase.nodes[nid]
            if nid in settled or not self._moves(nid):
                self._as_in_base(nid)
            elif isinstance(node, ConclusionDef):
                self._conclusion(node)
            else:
                self._obligation(node)

    def _moves(self, nid: str) -> bool:
        """Whether anything the node reads differs in some world."""
        reads = self.rulebase.inputs[nid]
        return any(path in self._answered for path in reads.facts) or any(
            self.differs[cid] for cid in reads.conclusions
        )

    def _as_in_base(self, nid: str) -> None:
        """A node that cannot move (nothing it reads differs, or settled for good) is as in the file's own outcome."""
        self.differs[nid] = 0
        outcome = self.base[nid]
        if isinstance(outcome, ConclusionOutcome):
            everything = self.all
            self.masks[nid] = (
                everything if outcome.status is Tri.YES else 0, everything if outcome.status is Tri.NO else 0
            )

    # --- reading the result -----------------------------------------------------------

    def status_in(self, conclusion_id: str, bit: int) -> Tri:
        yes, no = self.masks[conclusion_id]
        return Tri.YES if yes & bit else Tri.NO if no & bit else Tri.UNDETERMINED

    def moved_in(self, world: int) -> list[str]:
        """The nodes whose outcome differs in ``world``, in evaluation order."""
        if self._by_world is None:
            self._by_world = [[] for _ in self.answers]
            for nid in self.rulebase.order:
                for moved in bits(self.differs[nid]):
                    self._by_world[moved].append(nid)
        return self._by_world[world]

    def changed_in(self, world: int) -> dict[str, Outcome]:
        """The nodes whose outcome differs in ``world``, in evaluation order, with their outcome there.

        A conclusion's outcome carries its status; an obligation's its status, exemption and date
        (what the analysis compares and describes), not the rules behind them.
        """
        bit = 1 << world
        return {nid: self.outcome_in(nid, bit) for nid in self.moved_in(world)}

    def outcome_in(self, nid: str, bit: int) -> Outcome:
        if nid in self.rulebase.obligations:
            return self._obligations[nid].outcome(bit)
        return ConclusionOutcome(self.status_in(nid, bit), (), ())

    # --- conditions ----------------------------------------------------------------------

    def condition(self, condition: Condition) -> Masks:
        """The condition's masks (worked out once per condition object and analysis)."""
        key = id(condition)
        found = self._conditions.get(key)
        if found is not None:
            return found
        kind = type(condition)
        if kind is All:
            yes, no = self.all, 0
            for part in condition.parts:  # type: ignore[attr-defined]
                part_yes, part_no = self.condition(part)
                yes &= part_yes
                no |= part_no
            found = (yes, no)
        elif kind is Any:
            yes, no = 0, self.all
            for part in condition.parts:  # type: ignore[attr-defined]
                part_yes, part_no = self.condition(part)
                yes |= part_yes
                no &= part_no
            found = (yes, no)
        elif kind is Not:
            part_yes, part_no = self.condition(condition.part)  # type: ignore[attr-defined]
            found = (part_no, part_yes)
        elif kind is Concl:
            found = self.masks[condition.conclusion_id]  # type: ignore[attr-defined]
        else:
            found = self._atom(condition)
        self._conditions[key] = found
        return found

    def _atom(self, condition: Condition) -> Masks:
        """Any other condition: evaluated once under the file's facts, again only where its inputs differ."""
        facts, conclusions = self._reads[id(condition)]
        value = condition.evaluate(self.env)
        yes = self.all if value is Tri.YES else 0
        no = self.all if value is Tri.NO else 0
        moved = 0
        for path in facts:
            moved |= self._answered.get(path, 0)
        for cid in conclusions:
            moved |= self.differs[cid]
        envs = self._envs
        for world in bits(moved):
            bit = 1 << world
            env = envs[world]
            if env is None:
                env = envs[world] = _WorldEnv(self, world)
            value = condition.evaluate(env)
            yes = yes | bit if value is Tri.YES else yes & ~bit
            no = no | bit if value is Tri.NO else no & ~bit
        return yes, no

    # --- nodes -----------------------------------------------------------------------------

    def _conclusion(self, node: ConclusionDef) -> None:
        """Decide a conclusion in every world: the rules of :func:`.evaluate.evaluate_conclusion`, on masks."""
        everything = self.all
        values = [self.condition(rule.when) for rule in node.rules]
        if node.overriders:
            values = self._apply_overrides(node, values)
        hold_yes = hold_no = maybe_yes = maybe_no = 0
        for rule, (yes, no) in zip(node.rules, values, strict=True):
            undetermined = everything & ~(yes | no)
            if rule.then is Tri.YES:
                hold_yes |= yes
                maybe_yes |= undetermined
            else:
                hold_no |= yes
                maybe_no |= undetermined
        if hold_yes & hold_no:
            raise RuleConflictError(f"{node.id}: rules that hold conclude opposite values under some answer")
        neither = everything & ~(hold_yes | hold_no | maybe_yes | maybe_no)
        yes = (hold_yes & ~maybe_no) | (neither if node.otherwise.then is Tri.YES else 0)
        no = (hold_no & ~maybe_yes) | (neither if node.otherwise.then is Tri.NO else 0)
        self.masks[node.id] = (yes, no)
        status = self.base[node.id].status  # type: ignore[union-attr]
        self.differs[node.id] = (
            (yes ^ (everything if status is Tri.YES else 0)) | (no ^ (everything if status is Tri.NO else 0))
        )

    def _apply_overrides(self, node: ConclusionDef, values: list[Masks]) -> list[Masks]:
        """A rule that holds silences what it overrides; an undetermined one casts doubt on it."""
        raw = {rule.id: masks for rule, masks in zip(node.rules, values, strict=True)}
        resolved: dict[str, Masks] = {}

        def resolve(rule_id: str, trail: tuple[str, ...] = ()) -> Masks:
            if rule_id in resolved:
                return resolved[rule_id]
            if rule_id in trail:
                raise RuleConflictError(f"override cycle through {rule_id}")
            yes, no = raw[rule_id]
            for overrider in node.overriders.get(rule_id, ()):
                strong_yes, strong_no = resolve(overrider, (*trail, rule_id))
                strong_undetermined = self.all & ~(strong_yes | strong_no)
                yes &= ~(strong_yes | strong_undetermined)
                no |= strong_yes
            resolved[rule_id] = (yes, no)
            return yes, no

        return [resolve(rule.id) for rule in node.rules]

    def _obligation(self, node: ObligationDef) -> None:
        masks = _ObligationMasks(self, node)
        self._obligations[node.id] = masks
        self.differs[node.id] = masks.differs_from(self.base[node.id])


class _ObligationMasks:
    """An obligation decided in every world: the rules of :func:`.evaluate.evaluate_obligation`, on masks."""

    def __init__(self, worlds: Worlds, node: ObligationDef) -> None:
        everything = self.all = worlds.all
        self.node = node
        applies_yes, applies_no = worlds.condition(node.applies_when)
        self.applies = everything & ~applies_no
        exempted = 0
        doubtful = 0
        self.exempted_by: list[tuple[str, int]] = []
        for cid in node.exempted_by:
            yes, no = worlds.masks[cid]
            self.exempted_by.append((cid, yes & ~exempted))
            exempted |= yes
            doubtful |= everything & ~(yes | no)
        self.doubtful = doubtful
        self.exempted = exempted
        self.yes = applies_yes & (exempted | ~doubtful) & everything
        self.dates = self._dates(worlds, node)

    @staticmethod
    def _dates(worlds: Worlds, node: ObligationDef) -> list[tuple[str, int]]:
        """Per date key, the worlds where it is the date reported: the earliest candidate (see _choose_date)."""
        candidates: dict[str, int] = {}
        settled = 0
        for choice in node.date_choices:
            yes, no = worlds.condition(choice.when)
            candidates[choice.date_key] = candidates.get(choice.date_key, 0) | (worlds.all & ~no & ~settled)
            settled |= yes
        candidates[node.date_key] = candidates.get(node.date_key, 0) | (worlds.all & ~settled)
        env = worlds.env
        ordered = sorted(candidates, key=lambda key: env.dates.lookup(key, env.as_of).day)
        chosen: list[tuple[str, int]] = []
        taken = 0
        for key in ordered:
            chosen.append((key, candidates[key] & ~taken))
            taken |= candidates[key]
        return chosen

    def differs_from(self, base: Outcome) -> int:
        """The worlds where whether it applies, its status, exemption or date differ from ``base``."""
        if not isinstance(base, ObligationOutcome):
            return self.applies
        applies = self.applies
        differs = self.all & ~applies
        differs |= applies & (self.yes ^ (self.all if base.status is Tri.YES else 0))
        if base.exempted_by is None:
            differs |= applies & self.exempted
        else:
            differs |= applies & ~dict(self.exempted_by).get(base.exempted_by, 0)
        differs |= applies & ~dict(self.dates).get(base.date_key, 0)
        return differs

    def outcome(self, bit: int) -> ObligationOutcome | None:
        if not self.applies & bit:
            return None
        exempted_by = next((cid for cid, mask in self.exempted_by if mask & bit), None)
        date_key = next(key for key, mask in self.dates if mask & bit)
        return ObligationOutcome(Tri.YES if self.yes & bit else Tri.UNDETERMINED, exempted_by, (), date_key, ())


@cache
def _leaf_reads(rulebase: RuleBase) -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
    """For every condition object the rule base evaluates: the facts and conclusions it reads."""
    table: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    stack: list[Condition] = []
    for node in rulebase.nodes.values():
        if isinstance(node, ConclusionDef):
            stack += [rule.when for rule in node.rules]
        else:
            stack += [node.applies_when, *(choice.when for choice in node.date_choices)]
    while stack:
        condition = stack.pop()
        if id(condition) in table:
            continue
        refs = condition.refs()
        table[id(condition)] = (
            tuple(sorted(r.name for r in refs if r.kind == "fact")),
            tuple(sorted(r.name for r in refs if r.kind == "conclusion")),
        )
        if isinstance(condition, (All, Any)):
            stack += list(condition.parts)
        elif isinstance(condition, Not):
            stack.append(condition.part)
    return table
