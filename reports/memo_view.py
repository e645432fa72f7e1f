"""What every part of the memo needs to know about one assessment, worked out once.

The memo speaks to a lawyer, so the engine's ids never reach sections 1 to 6:
this view turns them into plain names (a conclusion's headline, a duty's
short name) and numbers the open questions, so that the Answer, the
Reasoning and the Duties can point to "open question 3" and the appendix can
say which id that is. It also collects the rule trail once (each rule step a
single time, under the step it decides), which the Reasoning and Appendix C
both follow.

Nothing is decided here. A step's status is the engine's: for a headline
conclusion the assessment's status, for an internal step the outcome the
engine recorded on its rules (a rule that still turns on unknown facts is
recorded only where it could change the step, so such a step is open; else
the rules that held give its value).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property

from aiact.engine import Assessment, RuleBase
from aiact.engine.result import Obligation, OpenQuestion, Reason

from .markdown import inline
from .memo_facts import FactView
from .wording import raw, say

ID = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
"""A snake_case id as the engine writes them (conclusions, obligations, legal questions)."""

MAX_REFS = 3
"""Open questions named by number in one place; the heaviest come first, the rest are counted."""

_PROPER = frozenset({"Annex", "Art", "Article", "Commission", "Member", "Recital", "Regulation", "Union"})
"""Words that keep their capital when a rule's sentence becomes a clause after "because"."""


class MemoView:
    """One assessment, with the plain names and numbers the memo uses."""

    def __init__(self, assessment: Assessment, rulebase: RuleBase, facts: FactView, brevity: int = 0) -> None:
        self.assessment = assessment
        self.brevity = brevity
        """0: everything in full; 1: each duty says what it entails in one sentence; 2: the Answer's decisive
        points leave what each answer changes to Open questions; 3: the Reasoning gives one ground per step
        (all are in Appendix C); 4: the legal questions name their readings, given in full in Appendix B, and
        a fact question says one change per answer, and the Answer names fewer open points; 5: what a duty
        entails is cut to its first clause, the Answer names one open point, the Reasoning no longer says
        that further rules are in Appendix C, and fact questions leave their citations to Appendix C; 6: the
        finer duties under an umbrella duty are named in one line; 7: the Reasoning counts the intermediate
        steps settled as not applying instead of naming them (each headline step still gives its reason;
        they are named in Appendix C). The memo picks the first level at which sections 1 to 5 fit their
        limit; the JSON result of ``aiact check`` keeps every text in full."""
        self.rulebase = rulebase
        self.facts = facts
        ordered = sorted((q for q in assessment.open_questions if q.kind == "fact"), key=lambda q: -q.weight)
        ordered += [q for q in assessment.open_questions if q.kind == "legal"]
        self.questions: list[OpenQuestion] = ordered
        self.number: dict[str, int] = {q.id: n for n, q in enumerate(ordered, 1)}

    # --- names ---------------------------------------------------------------------------------

    def headline(self, cid: str) -> str:
        """A conclusion or step in words: the memo's headline for it, else its title (plain text)."""
        headlines: Mapping[str, str] = raw("headlines")
        if cid in headlines:
            return headlines[cid]
        conclusion = self.assessment.conclusions.get(cid)
        if conclusion is not None and conclusion.title:
            return conclusion.title
        definition = self.rulebase.conclusions.get(cid)
        if definition is not None and definition.title:
            return definition.title
        return cid.replace("_", " ")

    def duty_name(self, obligation: Obligation) -> str:
        """A duty's short name (plain text): the memo's name for it, else the first clause of its text."""
        names: Mapping[str, str] = raw("duty_names")
        if obligation.id in names:
            return names[obligation.id]
        title = getattr(obligation, "title", "") or ""
        if title:
            return str(title)
        first = re.split(r"[.;:]\s", obligation.duty or "", maxsplit=1)[0].rstrip(".")
        return first or obligation.citation

    def role(self, role: str) -> str:
        roles: Mapping[str, str] = raw("roles")
        return roles.get(role, role.replace("_", " "))

    def plain(self, text: str) -> str:
        """Engine text with every id it names replaced by that thing's name (plain text)."""
        return ID.sub(lambda match: self._name_of(match.group(0)), text)

    def _name_of(self, name: str) -> str:
        if name in self.rulebase.conclusions:
            return f"\u201c{self.headline(name)}\u201d"
        obligation = self.obligations_by_id.get(name)
        if obligation is not None:
            return f"{self.duty_name(obligation)} ({obligation.citation})"
        definition = self.rulebase.obligations.get(name)
        if definition is not None:
            return definition.citation
        if f"legal:{name}" in self.number:
            return self.refs([f"legal:{name}"])
        return name.replace("_", " ")

    @cached_property
    def obligations_by_id(self) -> dict[str, Obligation]:
        return {o.id: o for o in self.assessment.obligations}

    # --- open questions ------------------------------------------------------------------------

    def refs(self, question_ids: Iterable[str]) -> str:
        """ "open question 3" / "open questions 2, 5" for these question ids (already CommonMark-safe)."""
        numbers = sorted({self.number[q] for q in question_ids if q in self.number})
        if not numbers:
            return say("refs.unnumbered")
        if len(numbers) == 1:
            return say("refs.one", numbers=numbers[0])
        shown = ", ".join(str(n) for n in numbers[:MAX_REFS])
        if len(numbers) > MAX_REFS:
            return say("refs.many_more", numbers=shown, more=len(numbers) - MAX_REFS)
        return say("refs.many", numbers=shown)

    def bearing_on(self, node_id: str) -> list[str]:
        """The ids of the open questions that the engine says bear on a conclusion or obligation."""
        return [q.id for q in self.questions if node_id in q.affects]

    def bearing_on_step(self, cid: str) -> list[str]:
        """The open questions bearing on a step: for an internal one (which the engine's questions do not name
        as affected), those about the facts its rules read and those bearing on the open conclusions they read.
        """
        if cid in self.assessment.conclusions:
            return self.bearing_on(cid)
        definition = self.rulebase.conclusions.get(cid)
        if definition is None:
            return []
        facts = {path for rule in definition.rules for path in rule.facts_read}
        read = {name for rule in definition.rules for name in rule.conclusions_read}
        open_read = [name for name in read if self.status(name) == "undetermined"]
        return [
            q.id for q in self.questions
            if q.path in facts or any(name in q.affects for name in open_read)
        ]

    def not_assessed(self, cid: str) -> bool:
        """An open step that no open question bears on, for an operator the Act does not reach: it is open only
        because, the Act not applying, nothing about it was asked; the memo says "not assessed", not "open"."""
        return (
            cid != "act_applies" and self.status("act_applies") == "no" and self.status(cid) == "undetermined"
            and not self.bearing_on_step(cid)
        )

    def effects(self, question: OpenQuestion, limit: int) -> str:
        """What each answer would change, in words, at most ``limit`` changes per answer."""
        if not question.if_:
            return say("effects.nothing")
        sentences = []
        for answer, effect in question.if_.items():
            parts = self._visible_parts(effect)
            shown = parts[:limit]
            if len(parts) > limit:
                shown.append(say("effects.more", count=len(parts) - limit))
            label = inline(answer.replace("_", " "))
            sentences.append(say("effects.item", answer=f"*{label}*", effect=inline("; ".join(shown))))
        return " ".join(sentences)

    def _visible_parts(self, effect: str) -> list[str]:
        """The changes of one answer, internal steps left out when anything else changes.

        The engine words each change as "<conclusion title>: <status>" or in a duty's article
        (engine/whatmatters.py); an internal step is known by its title.
        """
        parts = [p.strip() for p in effect.split(";") if p.strip()]
        visible = [p for p in parts if p.split(": ", 1)[0] not in self._internal_titles] or parts
        return [self.plain(p) for p in visible]

    @cached_property
    def _internal_titles(self) -> frozenset[str]:
        return frozenset(c.title for c in self.rulebase.conclusions.values() if c.internal)

    # --- steps ---------------------------------------------------------------------------------

    @cached_property
    def trail(self) -> list[Reason]:
        """Every rule that decided a step, once, in the engine's order of the conclusions."""
        seen: dict[str, Reason] = {}
        for conclusion in self.assessment.conclusions.values():
            for reason in conclusion.because:
                seen.setdefault(reason.rule, reason)
        return list(seen.values())

    @cached_property
    def reasons_by_step(self) -> dict[str, list[Reason]]:
        steps: dict[str, list[Reason]] = {}
        for reason in self.trail:
            steps.setdefault(reason.conclusion, []).append(reason)
        return steps

    def status(self, cid: str) -> str | None:
        """The step's status as the engine recorded it, or None when no rule of it was on the way."""
        conclusion = self.assessment.conclusions.get(cid)
        if conclusion is not None:
            return conclusion.status
        reasons = self.reasons_by_step.get(cid)
        if not reasons:
            return None
        return self.status_of(reasons)

    def status_of(self, reasons: Sequence[Reason]) -> str:
        """The status a set of recorded rules gives: open if one still turns on unknown facts."""
        if any(r.outcome == "undetermined" for r in reasons):
            return "undetermined"
        values = {self.rulebase.rules[r.rule].then.value for r in reasons if r.rule in self.rulebase.rules}
        return values.pop() if len(values) == 1 else "undetermined"

    def deciding(self, cid: str) -> list[Reason]:
        """The rules of the step itself (not of the steps before it) that decided it."""
        return [r for r in self.reasons_by_step.get(cid, []) if r.outcome != "undetermined"]

    def why(self, cid: str) -> str:
        """The nearest reason for a step, as a clause (CommonMark-safe), or '' when none was recorded."""
        deciding = self.deciding(cid)
        return self.why_of(deciding[-1]) if deciding else ""

    @staticmethod
    def why_of(reason: Reason) -> str:
        """A rule's sentence as a clause that can follow "because", with its citation (CommonMark-safe)."""
        says = reason.says.rstrip(".")
        first = says.split(" ", 1)[0]
        if first.isalpha() and first[1:].islower() and first not in _PROPER:
            says = says[:1].lower() + says[1:]
        return f"{inline(says)} ({inline(reason.citation)}{say(f'source_tag.{reason.source}')})"

    def area_of(self, cid: str) -> str:
        definition = self.rulebase.conclusions.get(cid)
        return definition.area if definition else ""


__all__ = ["ID", "MemoView"]
