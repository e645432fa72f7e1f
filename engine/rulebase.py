"""The whole rule base, checked once: ids, citations, references, no cycles.

Building a :class:`RuleBase` fails loudly on any defect a careless edit could
bring in (a rule without a citation, a reference to a conclusion or fact that
does not exist, an override of a rule in another conclusion, a cycle), so a
defect is a failing test, not a silently wrong memo.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from graphlib import CycleError, TopologicalSorter

from .catalogue import fact_catalogue
from .conditions import Concl, Condition, Ref
from .record import record
from .rulemodel import (
    CITATION,
    CONCERNS,
    RULE_ID,
    Area,
    ConclusionDef,
    LegalQuestion,
    ObligationDef,
    Rule,
    RuleModule,
)
from .tri import Tri


class RuleBaseError(ValueError):
    """The rule base itself is defective (a programming error, not bad input)."""


Node = ConclusionDef | ObligationDef


@record
class NodeInputs:
    """What a node (conclusion or obligation) reads: facts and conclusions."""

    facts: tuple[str, ...]
    conclusions: tuple[str, ...]


def _module_areas(module: RuleModule) -> tuple[str, ...]:
    """The areas of a module's conclusions and obligations, in first-seen order."""
    areas = [c.area for c in module.conclusions] + [o.area for o in module.obligations]
    return tuple(dict.fromkeys(areas))


def node_conditions(node: Node) -> list[Condition]:
    """Every condition a node evaluates."""
    if isinstance(node, ConclusionDef):
        return [rule.when for rule in node.rules]
    parts: list[Condition] = [node.applies_when]
    parts += [choice.when for choice in node.date_choices]
    parts += [Concl(cid) for cid in node.exempted_by]
    return parts


class RuleBase:
    """Conclusions, obligations and legal questions, validated and ordered."""

    def __init__(
        self,
        modules: Iterable[RuleModule],
        areas: Iterable[Area],
        legal_questions: Iterable[LegalQuestion] = (),
        openness_profile: Callable[..., object] | None = None,
    ) -> None:
        modules = list(modules)
        self.areas: tuple[Area, ...] = tuple(areas)
        self.conclusions: dict[str, ConclusionDef] = {}
        self.obligations: dict[str, ObligationDef] = {}
        self.notes: tuple[str, ...] = tuple(n for m in modules for n in m.notes)
        self.note_areas: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
            (note, _module_areas(m)) for m in modules for note in m.notes
        )
        """Each note with the areas of the module that wrote it (the memo shows only the notes of areas it used)."""
        for module in modules:
            for conclusion in module.conclusions:
                self._add(self.conclusions, conclusion.id, conclusion)
            for obligation in module.obligations:
                self._add(self.obligations, obligation.id, obligation)
        self.legal_questions: dict[str, LegalQuestion] = {}
        for question in legal_questions:
            self._add(self.legal_questions, question.id, question)
        self.openness_profile = openness_profile
        self.inputs: dict[str, NodeInputs] = {
            nid: self._inputs(node) for nid, node in self.nodes.items()
        }
        self._validate()
        self.order: tuple[str, ...] = self._topological_order()
        self._position = {nid: index for index, nid in enumerate(self.order)}

    def in_order(self, nids: Iterable[str]) -> list[str]:
        """These nodes in evaluation order (sorting a few beats filtering the whole order)."""
        return sorted(nids, key=self._position.__getitem__)

    @staticmethod
    def _add(table: dict, key: str, value: object) -> None:
        if key in table:
            raise RuleBaseError(f"duplicate id {key!r}")
        table[key] = value

    @cached_property
    def nodes(self) -> dict[str, Node]:
        nodes: dict[str, Node] = {}
        for cid, conclusion in self.conclusions.items():
            nodes[cid] = conclusion
        for oid, obligation in self.obligations.items():
            if oid in nodes:
                raise RuleBaseError(f"obligation id {oid!r} clashes with a conclusion id")
            nodes[oid] = obligation
        return nodes

    @cached_property
    def rules(self) -> dict[str, Rule]:
        """Every rule (including each ``otherwise``) by id."""
        table: dict[str, Rule] = {}
        for conclusion in self.conclusions.values():
            for rule in (*conclusion.rules, conclusion.otherwise.as_rule()):
                self._add(table, rule.id, rule)
        return table

    @cached_property
    def rule_conclusion(self) -> dict[str, str]:
        """Which conclusion each rule decides."""
        return {
            rule.id: c.id
            for c in self.conclusions.values()
            for rule in (*c.rules, c.otherwise.as_rule())
        }

    @staticmethod
    def _inputs(node: Node) -> NodeInputs:
        refs: set[Ref] = set()
        for condition in node_conditions(node):
            refs |= condition.refs()
        return NodeInputs(
            facts=tuple(sorted(r.name for r in refs if r.kind == "fact")),
            conclusions=tuple(sorted(r.name for r in refs if r.kind == "conclusion")),
        )

    @cached_property
    def consumers(self) -> dict[str, tuple[str, ...]]:
        """For each conclusion, the nodes that read it."""
        readers: dict[str, list[str]] = {cid: [] for cid in self.conclusions}
        for nid, inputs in self.inputs.items():
            for cid in inputs.conclusions:
                readers[cid].append(nid)
        return {cid: tuple(sorted(r)) for cid, r in readers.items()}

    @cached_property
    def fact_readers(self) -> dict[str, tuple[str, ...]]:
        """For each fact path, the nodes that read it directly."""
        readers: dict[str, list[str]] = {}
        for nid, inputs in self.inputs.items():
            for path in inputs.facts:
                readers.setdefault(path, []).append(nid)
        return {path: tuple(sorted(r)) for path, r in readers.items()}

    def downstream(self, start: Iterable[str]) -> list[str]:
        """Nodes reachable from these nodes, in evaluation order."""
        seen: set[str] = set()
        stack = list(start)
        while stack:
            nid = stack.pop()
            if nid in seen:
                continue
            seen.add(nid)
            stack.extend(self.consumers.get(nid, ()))
        return self.in_order(seen)

    def _validate(self) -> None:
        catalogue = fact_catalogue()
        problems: list[str] = []
        for rule in self.rules.values():
            problems += _rule_problems(rule)
        for nid in self.nodes:
            if not RULE_ID.match(nid):
                problems.append(f"{nid}: id must be lower-case words joined by . or _")
            for path in self.inputs[nid].facts:
                if path not in catalogue:
                    problems.append(f"{nid}: reads unknown fact {path!r}")
            for cid in self.inputs[nid].conclusions:
                if cid not in self.conclusions:
                    problems.append(f"{nid}: reads unknown conclusion {cid!r}")
        for conclusion in self.conclusions.values():
            own = {r.id for r in conclusion.rules}
            for rule in conclusion.rules:
                if rule.then not in (Tri.YES, Tri.NO):
                    problems.append(f"{rule.id}: a rule concludes yes or no")
                for target in rule.overrides:
                    if target not in own:
                        problems.append(f"{rule.id}: overrides {target!r}, not a rule of {conclusion.id}")
            read = {name for rule in conclusion.rules for name in rule.conclusions_read}
            for step in conclusion.reports:
                if step not in read:
                    problems.append(f"{conclusion.id}: reports {step!r}, which none of its rules reads")
        for obligation in self.obligations.values():
            if not CITATION.match(obligation.citation):
                problems.append(f"{obligation.id}: citation {obligation.citation!r} does not cite the Act")
            for cid in obligation.exempted_by:
                if cid not in self.conclusions:
                    problems.append(f"{obligation.id}: exempted by unknown conclusion {cid!r}")
            problems += _obligation_problems(obligation, self.obligations)
        for question in self.legal_questions.values():
            for cid in question.affects:
                if cid not in self.conclusions and cid not in self.obligations:
                    problems.append(f"legal:{question.id}: affects unknown {cid!r}")
        if problems:
            raise RuleBaseError("rule base defects:\n" + "\n".join(problems))

    def _topological_order(self) -> tuple[str, ...]:
        graph = {nid: set(self.inputs[nid].conclusions) for nid in self.nodes}
        sorter = TopologicalSorter(graph)
        try:
            sorter.prepare()
        except CycleError as err:
            raise RuleBaseError(f"conclusions depend on each other in a cycle: {err.args[1]}") from err
        position = {nid: i for i, nid in enumerate(self.nodes)}
        order: list[str] = []
        while sorter.is_active():
            ready = sorted(sorter.get_ready(), key=position.__getitem__)
            order.extend(ready)
            sorter.done(*ready)
        return tuple(order)

    def conclusions_in_area(self, area: str) -> list[ConclusionDef]:
        return [c for c in self.conclusions.values() if c.area == area]

    def public_conclusions(self) -> Mapping[str, ConclusionDef]:
        return {cid: c for cid, c in self.conclusions.items() if not c.internal}


def _obligation_problems(obligation: ObligationDef, obligations: Mapping[str, ObligationDef]) -> list[str]:
    """What every obligation must say besides its condition: what it concerns, entails and risks."""
    problems = []
    if obligation.concerns not in CONCERNS:
        problems.append(f"{obligation.id}: concerns must be one of {', '.join(CONCERNS)}")
    if not obligation.entails.strip():
        problems.append(f"{obligation.id}: says nothing of what the duty entails (entails)")
    if obligation.fine_tier is None:
        problems.append(f"{obligation.id}: has no fine tier")
    if obligation.part_of is not None and obligation.part_of not in obligations:
        problems.append(f"{obligation.id}: part of unknown obligation {obligation.part_of!r}")
    return problems


def _rule_problems(rule: Rule) -> list[str]:
    problems = []
    if not RULE_ID.match(rule.id):
        problems.append(f"{rule.id}: id must be lower-case words joined by . or _")
    if not CITATION.match(rule.citation):
        problems.append(f"{rule.id}: citation {rule.citation!r} does not cite the Act")
    if not rule.says.strip() or not rule.says.rstrip().endswith("."):
        problems.append(f"{rule.id}: 'says' must be a plain-English sentence")
    return problems
