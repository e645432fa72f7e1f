"""From a fact file to an :class:`~.result.Assessment`: the engine's one entry point.

The flow: flatten the validated facts, add what the rule base infers from
them (a well-known licence's terms, said so), run the durable-rules session,
then turn the raw outcomes into reasons, obligations with dates, the openness
profile and the open questions. Nothing here decides law: the rule base does.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from datetime import date
from functools import cache

from .catalogue import flatten
from .conditions import UNKNOWN
from .dates import DATE_TABLE, DateTable
from .evaluate import ConclusionOutcome, ObligationOutcome, Outcome
from .facts import FactFile
from .record import record
from .result import (
    Assessment,
    Conclusion,
    Detail,
    InferredFact,
    LawInForce,
    Obligation,
    Openness,
    Reason,
)
from .rulebase import RuleBase
from .rulemodel import DutyVersion, ObligationDef, Rule
from .session import CompiledRuleBase
from .tri import Tri


@record
class Inference:
    """A fact the rule base fills in from other facts (never over a user's answer)."""

    path: str
    value: object
    because: str


Infer = Callable[[Mapping[str, object]], list[Inference]]
Profile = Callable[[Mapping[str, object], Mapping[str, Tri]], Openness]


@record
class FactQuestionText:
    """How to ask a person for one fact (from the questionnaire data)."""

    question: str
    help: str
    citations: tuple[str, ...]


def apply_inferences(flat: dict[str, object], infer: Infer | None) -> tuple[dict[str, object], list[Inference]]:
    """Fill unknown facts that the rule base can infer; a user's answer always prevails."""
    if infer is None:
        return flat, []
    effective = dict(flat)
    applied = []
    for inference in infer(flat):
        if effective.get(inference.path, UNKNOWN) == UNKNOWN:
            effective[inference.path] = inference.value
            applied.append(inference)
    return effective, applied


SHARED_RESULTS = 128
"""How many recent results ``assess(..., share=True)`` keeps: bounded, so a batch's memory stays flat
(a result object of a sparse file is some 260 KB brief, 330 KB full, measured with tracemalloc)."""


class Engine:
    """The compiled rule base plus everything needed to explain its results."""

    def __init__(
        self,
        rulebase: RuleBase,
        *,
        dates: DateTable = DATE_TABLE,
        infer: Infer | None = None,
        profile: Profile | None = None,
        questions: Mapping[str, FactQuestionText] | None = None,
        gravity: Mapping[str, int] | None = None,
        gate: str | None = None,
    ) -> None:
        self.rulebase = rulebase
        self.dates = dates
        self.infer = infer
        self.profile = profile
        self.questions = dict(questions or {})
        self.gravity = dict(gravity or {})
        self.gate = gate
        """A headline conclusion whose "no" means nothing else concerns this operator (the rule base's "the Act
        applies"): once it is settled no, an unknown fact is an open question only if its answer could change
        that conclusion or a duty (whatmatters.fact_questions)."""
        self._compiled: CompiledRuleBase | None = None
        self._reasons: dict[tuple[str, str], Reason] = {}
        """Each rule's reason, per kind (holds, undetermined, otherwise): a frozen value, built once per process."""
        self._recent: OrderedDict[tuple[date, str, str], Assessment] = OrderedDict()
        """The last results asked to be shared (``assess(..., share=True)``), by day, detail and facts."""

    @property
    def compiled(self) -> CompiledRuleBase:
        """The durable-rules host, compiled on first use and kept for the process."""
        if self._compiled is None:
            self._compiled = CompiledRuleBase(self.rulebase, self.dates)
        return self._compiled

    def assess(
        self,
        facts: FactFile,
        *,
        as_of: date | None = None,
        today: date | None = None,
        detail: Detail = "full",
        share: bool = False,
    ) -> Assessment:
        """Assess one fact file. ``as_of`` overrides the file's own date; default today.

        ``detail="brief"`` leaves out what only a reader of the full result needs (reason chains, texts,
        what each answer would change) and so skips the work behind it; statuses, obligations and the
        open questions' ids and what they affect are the same as in the full result.

        ``share=True`` is for callers that only read the result (a batch writing it out): a file whose
        facts, day and detail equal those of one of the last :data:`SHARED_RESULTS` shared results gets
        that result under its own subject, without assessing again. Why: an inventory holds the same
        few facts for many systems (docs/performance.md: the batch figures with and without).
        """
        day = as_of or facts.as_of or today or date.today()
        raw = flatten(facts)
        key = (day, detail, repr(tuple(raw.values()))) if share else None
        if key is not None and key in self._recent:
            self._recent.move_to_end(key)
            return self._recent[key].model_copy(update={"subject": facts.subject.name})
        flat, inferred = apply_inferences(raw, self.infer)
        outcomes = self.compiled.run(flat, day)
        assessment = self.build(facts.subject.name, day, flat, inferred, outcomes, detail=detail)
        if key is not None:
            self._recent[key] = assessment
            if len(self._recent) > SHARED_RESULTS:
                self._recent.popitem(last=False)
        return assessment

    def build(
        self,
        subject: str,
        day: date,
        flat: dict[str, object],
        inferred: list[Inference],
        outcomes: Mapping[str, Outcome],
        *,
        detail: Detail = "full",
    ) -> Assessment:
        """Turn raw outcomes into the public result."""
        from .whatmatters import fact_questions, legal_questions

        brief = detail == "brief"
        statuses = {cid: o.status for cid, o in outcomes.items() if isinstance(o, ConclusionOutcome)}
        if brief:
            conclusions = {
                cid: Conclusion(status=statuses[cid].value, because=[], facts=[], title=definition.title)
                for cid, definition in self.rulebase.public_conclusions().items()
            }
        else:
            explain = _Explainer(self.rulebase, outcomes, self._reasons)
            conclusions = {cid: explain.conclusion(cid) for cid in self.rulebase.public_conclusions()}
        obligations = [
            self._obligation(oid, o, day)
            for oid, o in outcomes.items()
            if isinstance(o, ObligationOutcome)
        ]
        position = _obligation_positions(self.rulebase)
        obligations.sort(key=lambda ob: position[ob.id])
        openness = self.profile(flat, statuses) if self.profile else _undetermined_openness()
        raised_legal = legal_questions(self, flat, statuses, day)
        if not brief:
            _mark_readings(conclusions, raised_legal)
        questions = fact_questions(self, flat, outcomes, day, describe=not brief) + raised_legal
        return Assessment(
            detail=detail,
            subject=subject,
            as_of=day.isoformat(),
            conclusions=conclusions,
            obligations=obligations,
            openness=openness,
            open_questions=questions,
            law=[
                LawInForce(key=v.key, title=v.title, in_force_from=v.in_force_from.isoformat(),
                           source=v.source.value)
                for v in self.dates.versions_in_force(day)
            ],
            inferred_facts=[
                InferredFact(path=i.path, value=i.value, because=i.because)
                for i in inferred
            ],
        )

    def _obligation(self, oid: str, outcome: ObligationOutcome, day: date) -> Obligation:
        definition = self.rulebase.obligations[oid]
        when = self.dates.lookup(outcome.date_key, day)
        wording = self._wording(definition, day)
        tier = definition.fine_tier
        fines_from = max(when.day, self.dates.lookup(tier.date_key, day).day) if tier else None
        return Obligation(
            id=oid,
            citation=definition.citation,
            role=definition.role,
            applies_from=when.day.isoformat(),
            in_force=day >= when.day,
            status=outcome.status.value,
            exempted_by=outcome.exempted_by,
            duty=wording.duty,
            may_be_exempted_by=list(outcome.may_be_exempted_by),
            date_source=when.citation,
            applies_from_alternatives=[
                self.dates.lookup(k, day).day.isoformat() for k in outcome.date_alternatives
            ],
            max_fine=definition.fine,
            source=wording.source.value,
            concerns=definition.concerns,
            entails=wording.entails,
            fine_tier=tier.citation if tier else None,
            fine_tier_maximum=tier.maximum if tier else None,
            fines_from=fines_from.isoformat() if fines_from else None,
            part_of=definition.part_of,
        )

    def _wording(self, definition: ObligationDef, day: date) -> DutyVersion:
        """The duty as worded by the latest version of the law in force on ``day`` (its own text if unversioned)."""
        current = [v for v in definition.versions if self.dates.law_in_force(v.law, day)]
        if current:
            return max(current, key=lambda v: self.dates.versions[v.law].in_force_from)
        return DutyVersion(law="", duty=definition.duty, entails=definition.entails, source=definition.source)


class _Explainer:
    """Builds each conclusion's chain of reasons, upstream first, nearest last."""

    def __init__(
        self, rulebase: RuleBase, outcomes: Mapping[str, Outcome], reasons: dict[tuple[str, str], Reason]
    ) -> None:
        self.rulebase = rulebase
        self.outcomes = outcomes
        self._reasons = reasons
        self._chains: dict[str, list[str]] = {}

    def chain(self, cid: str) -> list[str]:
        """Rule ids on the way to conclusion ``cid``."""
        if cid in self._chains:
            return self._chains[cid]
        outcome = self.outcomes[cid]
        assert isinstance(outcome, ConclusionOutcome)
        conclusion = self.rulebase.conclusions[cid]
        own = list(outcome.decisive)
        if own == [conclusion.otherwise.id]:
            considered = conclusion.rules
        else:
            considered = tuple(self.rulebase.rules[rid] for rid in own)
        upstream = self.rulebase.in_order(
            {name for rule in considered for name in rule.conclusions_read} | set(conclusion.reports)
        )
        steps: list[str] = []
        for parent in upstream:
            for rid in self.chain(parent):
                if rid not in steps:
                    steps.append(rid)
        steps += [rid for rid in own if rid not in steps]
        self._chains[cid] = steps
        return steps

    def conclusion(self, cid: str) -> Conclusion:
        outcome = self.outcomes[cid]
        assert isinstance(outcome, ConclusionOutcome)
        because = [self._reason(rid) for rid in self.chain(cid)]
        facts: set[str] = set()
        for rid in self.chain(cid):
            owner = self.rulebase.conclusions[self.rulebase.rule_conclusion[rid]]
            rules = owner.rules if rid == owner.otherwise.id else (self.rulebase.rules[rid],)
            for rule in rules:
                facts |= rule.facts_read
        definition = self.rulebase.conclusions[cid]
        return Conclusion(
            status=outcome.status.value,
            because=because,
            facts=sorted(facts),
            title=definition.title,
        )

    def _reason(self, rid: str) -> Reason:
        rule = self.rulebase.rules[rid]
        cid = self.rulebase.rule_conclusion[rid]
        outcome = self.outcomes[cid]
        assert isinstance(outcome, ConclusionOutcome)
        if rid == self.rulebase.conclusions[cid].otherwise.id:
            kind = "otherwise"
        elif rid in outcome.possible:
            kind = "undetermined"
        else:
            kind = "holds"
        found = self._reasons.get((rid, kind))
        if found is None:
            found = self._reasons[rid, kind] = self._new_reason(rid, rule, cid, kind)
        return found

    @staticmethod
    def _new_reason(rid: str, rule: Rule, cid: str, kind: str) -> Reason:
        return Reason(
            rule=rid, citation=rule.citation, says=rule.says, outcome=kind,
            conclusion=cid, source=rule.source.value, reading=rule.reading,
        )


def _mark_readings(conclusions: dict[str, Conclusion], raised: list) -> None:
    """Conclusions whose reasons take a working reading of a raised legal question say so."""
    raised_ids = {q.id.removeprefix("legal:") for q in raised}
    for cid, conclusion in list(conclusions.items()):
        rests_on = sorted({r.reading for r in conclusion.because if r.reading and r.reading in raised_ids})
        if rests_on:
            conclusions[cid] = conclusion.model_copy(update={"rests_on": rests_on})


@cache
def _obligation_positions(rulebase: RuleBase) -> dict[str, int]:
    """Where each obligation stands in the rule base: results list obligations in that order."""
    return {oid: index for index, oid in enumerate(rulebase.obligations)}


def _undetermined_openness() -> Openness:
    return Openness(gradient="undetermined", osaid="undetermined", act_open_source="undetermined",
                    missing_for_osaid=[])
