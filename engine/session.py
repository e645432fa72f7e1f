"""The rule base compiled into durable-rules, and one assessment run as a session.

Everything durable-rules-specific lives here, because several of its
behaviours fail silently (see the project notes on durable-rules):

* ``durable.lang`` keeps a global host and ruleset registry: we build a
  private ``Host`` from ruleset definitions instead, once per process.
* ``Host()`` starts two timer threads that dispatch actions in the
  background: our host subclass starts none, so every action runs in the
  caller's thread, inside the ``assert_facts`` call.
* An exception inside an action is swallowed into the session state: each
  action catches everything itself and records it, and after the run we check
  both that record and the state's ``exception`` key.
* A fact that no rule matches is dropped (``MessageNotHandledException``,
  silent inside actions): we only assert conclusions that some production
  reads, and we check afterwards that *every* node fired exactly once.
* Asserting an identical fact twice fails silently in actions: each node
  publishes exactly one fact, keyed by its unique id.
* A field named ``id`` is an identity key, values must be JSON: facts here
  are ``{"t": kind, "k": key}`` (plus ``"v"``, a status word, for conclusions).
* Measured here: its C JSON parser crashes the whole process (segmentation
  fault) on a number written with an exponent but no decimal point, such as
  ``3e+23``, which is how Python writes 3e23. User values therefore never
  enter durable-rules: the session context holds them, and the production's
  action reads them from there by key.
* Session state lives until deleted: every run deletes its session.

How forward chaining maps onto Rete: each conclusion or obligation of the
rule base is one production, whose pattern joins every fact and conclusion it
reads. It fires once all of them are present, evaluates the node's rules
(:mod:`.evaluate`) and asserts the conclusion, which lets the productions that
read it fire in turn, until the rule base is exhausted.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date
from typing import Any

from .record import field, record

try:
    from durable.engine import Host
except ImportError as _error:  # pragma: no cover - depends on how durable-rules was built
    raise ImportError(
        "durable-rules is installed but its C extension does not load "
        f"({_error}). On Python 3.13 it must be built with "
        "CPPFLAGS=-DPyEval_CallObject=PyObject_CallObject; reinstall it with: "
        "CPPFLAGS=-DPyEval_CallObject=PyObject_CallObject python -m pip install --force-reinstall "
        "--no-cache-dir --no-deps durable-rules==2.0.28"
    ) from _error

from .dates import DateTable
from .evaluate import NodeEnv, Outcome, evaluate_conclusion, evaluate_obligation
from .rulebase import RuleBase
from .rulemodel import ConclusionDef
from .tri import Tri

RULESET = "aiact"
START = "__start__"


_STATUS_BY_WORD = {status.value: status for status in Tri}
"""A status from its word in a durable-rules fact: a dict lookup, where ``Tri(word)`` goes through
``EnumType.__call__`` (measured: 2 % of a session's instructions)."""


class EngineError(RuntimeError):
    """The engine failed to complete an assessment; never swallowed."""


class _QuietHost(Host):
    """A private durable-rules host without the background dispatch threads."""

    def _run(self) -> None:
        """Start no timers: actions run synchronously in the asserting thread."""


@record(frozen=False)
class _SessionContext:
    as_of: date
    facts: dict[str, object]
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    errors: list[tuple[str, BaseException]] = field(default_factory=list)


class CompiledRuleBase:
    """The rule base as one durable-rules ruleset, compiled once per process."""

    def __init__(self, rulebase: RuleBase, dates: DateTable) -> None:
        self.rulebase = rulebase
        self.dates = dates
        self._contexts: dict[str, _SessionContext] = {}
        self._session_ids = itertools.count(1)
        self.asserted_facts = tuple(sorted(rulebase.fact_readers))
        self._needs_start = {
            nid for nid, inputs in rulebase.inputs.items()
            if not inputs.facts and not inputs.conclusions
        }
        definitions = {nid: self._production(nid) for nid in rulebase.order}
        self._host = _QuietHost({RULESET: definitions})

    def _production(self, nid: str) -> dict[str, Any]:
        inputs = self.rulebase.inputs[nid]
        patterns: list[tuple[str, str]] = [("f", p) for p in inputs.facts]
        patterns += [("c", cid) for cid in inputs.conclusions]
        if nid in self._needs_start:
            patterns.append(("s", START))
        return {
            "all": [
                {f"i{n}": {"$and": [{"t": kind}, {"k": key}]}}
                for n, (kind, key) in enumerate(patterns)
            ],
            "run": self._action(nid),
        }

    def _action(self, nid: str) -> Callable[[Any], None]:
        node = self.rulebase.nodes[nid]
        publishes = isinstance(node, ConclusionDef) and bool(self.rulebase.consumers[nid])
        dates = self.dates

        def action(c: Any) -> None:
            context = self._contexts[c.s.sid]
            try:
                facts: dict[str, object] = {}
                conclusions: dict[str, Tri] = {}
                for matched in c._m.values():
                    if matched["t"] == "f":
                        facts[matched["k"]] = context.facts[matched["k"]]
                    elif matched["t"] == "c":
                        conclusions[matched["k"]] = _STATUS_BY_WORD[matched["v"]]
                env = NodeEnv(facts, conclusions, context.as_of, dates)
                if nid in context.outcomes:
                    raise EngineError(f"{nid} fired twice")
                outcome: Outcome
                if isinstance(node, ConclusionDef):
                    outcome = evaluate_conclusion(node, env)
                    context.outcomes[nid] = outcome
                    if publishes:
                        c.assert_fact({"t": "c", "k": nid, "v": outcome.status.value})
                else:
                    context.outcomes[nid] = evaluate_obligation(node, env)
            except BaseException as error:  # durable-rules would swallow it: record it
                context.errors.append((nid, error))

        return action

    def run(self, facts: dict[str, object], as_of: date) -> dict[str, Outcome]:
        """Assess flattened facts in a fresh session; the session is always deleted."""
        sid = str(next(self._session_ids))
        context = _SessionContext(as_of, facts)
        self._contexts[sid] = context
        try:
            batch: list[dict[str, object]] = [
                {"sid": sid, "t": "f", "k": path} for path in self.asserted_facts
            ]
            if self._needs_start:
                batch.append({"sid": sid, "t": "s", "k": START})
            self._host.assert_facts(RULESET, batch)
            self._raise_on_failure(sid, context)
            return dict(context.outcomes)
        finally:
            del self._contexts[sid]
            self._host.delete_state(RULESET, sid)

    def _raise_on_failure(self, sid: str, context: _SessionContext) -> None:
        if context.errors:
            nid, error = context.errors[0]
            raise EngineError(f"rule {nid} failed: {error}") from error
        state = self._host.get_state(RULESET, sid)
        if state and "exception" in state:
            raise EngineError(f"durable-rules reported: {state['exception']}")
        missing = [nid for nid in self.rulebase.order if nid not in context.outcomes]
        if missing:
            raise EngineError(f"the rule base did not complete; never fired: {', '.join(missing[:10])}")
