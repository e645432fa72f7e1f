"""The condition language of the rule base: small, declarative, three-valued.

A rule's conditions are data built from these classes, not Python code, so
that the same declaration can be evaluated (Kleene logic), listed in the rule
book (``describe``), searched for the facts it reads (``refs``) and probed by
the what-matters analysis (``probes``: the values worth trying for a fact).

Operators: ``a & b`` (all of), ``a | b`` (any of), ``~a`` (not). Every atom
returns UNDETERMINED when a fact it reads is unknown; only :class:`Known`
looks at unknown-ness itself, and it is used only where the rule base says
so in the rule: "the user's own answer prevails" overrides, and presumptions
that count only once stated (see docs/writing-rules.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from fractions import Fraction
from functools import lru_cache
from typing import Final, Protocol

from .numbers import exact, number_range
from .record import record
from .tri import Tri

UNKNOWN: Final = "unknown"
"""How an unknown fact value is written in the flattened facts (JSON-safe)."""


class Env(Protocol):
    """What a condition may read: facts, earlier conclusions, the date."""

    as_of: date

    def fact(self, path: str) -> object: ...

    def conclusion(self, conclusion_id: str) -> Tri: ...

    def law_in_force(self, version: str) -> bool: ...


@record(order=True)
class Ref:
    """A reference from a condition to a fact path or to a conclusion id."""

    kind: str  # "fact" or "conclusion"
    name: str


class Condition:
    """Base class; subclasses are frozen records (engine.record).

    Not an ``abc.ABC``: every ``isinstance`` against an ABC goes through
    ``ABCMeta.__instancecheck__``, and the engine makes some 10,000 such checks
    per run. Subclasses must define ``evaluate`` and ``describe``; a test
    checks that every condition class does.
    """

    def evaluate(self, env: Env) -> Tri:
        """The condition's three-valued truth for these facts."""
        raise NotImplementedError(f"{type(self).__name__} does not define evaluate")

    def refs(self) -> frozenset[Ref]:
        return frozenset()

    def describe(self) -> str:
        """The condition in words, for the rule book."""
        raise NotImplementedError(f"{type(self).__name__} does not define describe")

    def probes(self) -> dict[str, set[object]]:
        """Values of facts worth trying (thresholds, dates), per fact path."""
        return {}

    def __and__(self, other: Condition) -> Condition:
        return All(self, other)

    def __or__(self, other: Condition) -> Condition:
        return Any(self, other)

    def __invert__(self) -> Condition:
        return Not(self)


def _fact_refs(*paths: str) -> frozenset[Ref]:
    return frozenset(Ref("fact", p) for p in paths)


def _merge_probes(parts: Iterable[Condition]) -> dict[str, set[object]]:
    merged: dict[str, set[object]] = {}
    for part in parts:
        for path, values in part.probes().items():
            merged.setdefault(path, set()).update(values)
    return merged


# --- atoms over facts -------------------------------------------------------


@record
class Fact(Condition):
    """A yes/no fact: true, false, or unknown."""

    path: str

    def evaluate(self, env: Env) -> Tri:
        value = env.fact(self.path)
        if value is True:
            return Tri.YES
        if value is False:
            return Tri.NO
        return Tri.UNDETERMINED

    def refs(self) -> frozenset[Ref]:
        return _fact_refs(self.path)

    def describe(self) -> str:
        return f"`{self.path}`"


@record
class Equals(Condition):
    """An enum fact has this value."""

    path: str
    value: str

    def evaluate(self, env: Env) -> Tri:
        actual = env.fact(self.path)
        if actual == UNKNOWN:
            return Tri.UNDETERMINED
        return Tri.of(actual == self.value)

    def refs(self) -> frozenset[Ref]:
        return _fact_refs(self.path)

    def describe(self) -> str:
        return f"`{self.path}` is `{self.value}`"


@record
class OneOf(Condition):
    """An enum fact has one of these values."""

    path: str
    values: tuple[str, ...]

    def evaluate(self, env: Env) -> Tri:
        actual = env.fact(self.path)
        if actual == UNKNOWN:
            return Tri.UNDETERMINED
        return Tri.of(actual in self.values)

    def refs(self) -> frozenset[Ref]:
        return _fact_refs(self.path)

    def describe(self) -> str:
        return f"`{self.path}` is one of {', '.join(f'`{v}`' for v in self.values)}"


@record
class Has(Condition):
    """A list fact includes at least one of these items."""

    path: str
    items: tuple[str, ...]

    def evaluate(self, env: Env) -> Tri:
        actual = env.fact(self.path)
        if not isinstance(actual, list):
            return Tri.UNDETERMINED
        return Tri.of(any(item in actual for item in self.items))

    def refs(self) -> frozenset[Ref]:
        return _fact_refs(self.path)

    def describe(self) -> str:
        listed = ", ".join(f"`{i}`" for i in self.items)
        if len(self.items) == 1:
            return f"`{self.path}` includes {listed}"
        return f"`{self.path}` includes any of {listed}"


@record
class HasOtherThan(Condition):
    """A list fact includes at least one item outside these."""

    path: str
    items: tuple[str, ...]

    def evaluate(self, env: Env) -> Tri:
        actual = env.fact(self.path)
        if not isinstance(actual, list):
            return Tri.UNDETERMINED
        return Tri.of(any(item not in self.items for item in actual))

    def refs(self) -> frozenset[Ref]:
        return _fact_refs(self.path)

    def describe(self) -> str:
        listed = ", ".join(f"`{i}`" for i in self.items)
        return f"`{self.path}` includes something other than {listed}"


@record
class Empty(Condition):
    """A list fact is the empty list ("none of these")."""

    path: str

    def evaluate(self, env: Env) -> Tri:
        actual = env.fact(self.path)
        if not isinstance(actual, list):
            return Tri.UNDETERMINED
        return Tri.of(not actual)

    def refs(self) -> frozenset[Ref]:
        return _fact_refs(self.path)

    def describe(self) -> str:
        return f"`{self.path}` is empty (none)"


@record
class Greater(Condition):
    """A number fact is strictly greater than a threshold, compared exactly (engine/numbers.py).

    The fact may be a figure, a bound, a band or an estimate: YES when every value it allows
    is above the threshold, NO when none is, otherwise undetermined. Write thresholds that are
    not whole decimals as :class:`fractions.Fraction` (one third of 10^25 is ``Fraction(10**25, 3)``).
    """

    path: str
    threshold: Fraction | float

    def evaluate(self, env: Env) -> Tri:
        bounds = number_range(env.fact(self.path))
        if bounds is None:
            return Tri.UNDETERMINED
        return bounds.above(_exact(self.threshold))

    def refs(self) -> frozenset[Ref]:
        return _fact_refs(self.path)

    def describe(self) -> str:
        return f"`{self.path}` > {shown_number(self.threshold)}"

    def probes(self) -> dict[str, set[object]]:
        limit = _exact(self.threshold)
        return {self.path: {limit, limit * 2}}


@record
class GreaterThanShare(Condition):
    """A number fact is strictly greater than a share of another number fact, compared exactly.

    ``share`` is exact (``Fraction(1, 3)``): ``left > right / 3`` is decided as ``3 * left > right``
    on the decimals written, so exactly a third is never "more than a third" by a rounding error.
    """

    path: str
    other: str
    share: Fraction

    def evaluate(self, env: Env) -> Tri:
        left, right = number_range(env.fact(self.path)), number_range(env.fact(self.other))
        if left is None or right is None:
            return Tri.UNDETERMINED
        return left.above_share_of(right, _exact(self.share))

    def refs(self) -> frozenset[Ref]:
        return _fact_refs(self.path, self.other)

    def describe(self) -> str:
        return f"`{self.path}` > {shown_number(self.share)} x `{self.other}`"


@lru_cache(maxsize=256)
def _exact(value: Fraction | float) -> Fraction:
    return exact(value)


def shown_number(value: Fraction | float) -> str:
    """A threshold in words for the rule book: "1e+25", "1/3", "1/3 of 1e+25"."""
    number = _exact(value)
    if number.denominator == 1 or number.denominator % 2 == 0 or number.denominator % 5 == 0:
        return f"{float(number):.3g}"
    if number.numerator > 1000:
        return f"1/{number.denominator} of {float(number.numerator):.3g}"
    return f"{number.numerator}/{number.denominator}"


@record
class Before(Condition):
    """A date fact lies strictly before a date."""

    path: str
    day: date

    def evaluate(self, env: Env) -> Tri:
        actual = env.fact(self.path)
        if not isinstance(actual, str) or actual == UNKNOWN:
            return Tri.UNDETERMINED
        return Tri.of(actual < self.day.isoformat())

    def refs(self) -> frozenset[Ref]:
        return _fact_refs(self.path)

    def describe(self) -> str:
        return f"`{self.path}` is before {self.day.isoformat()}"

    def probes(self) -> dict[str, set[object]]:
        earlier = date.fromordinal(self.day.toordinal() - 1).isoformat()
        return {self.path: {earlier, self.day.isoformat()}}


@record
class Known(Condition):
    """The fact has been answered (any value). Never undetermined.

    Not monotone by design: used only where the Act's logic lets the user's own
    explicit answer prevail over a derivation (e.g. ``market.placed_on_market``).
    """

    path: str

    def evaluate(self, env: Env) -> Tri:
        return Tri.of(env.fact(self.path) != UNKNOWN)

    def refs(self) -> frozenset[Ref]:
        return _fact_refs(self.path)

    def describe(self) -> str:
        return f"`{self.path}` was answered"


# --- atoms over conclusions and time -----------------------------------------


@record
class Concl(Condition):
    """An earlier conclusion of the rule base is yes / no / undetermined."""

    conclusion_id: str

    def evaluate(self, env: Env) -> Tri:
        return env.conclusion(self.conclusion_id)

    def refs(self) -> frozenset[Ref]:
        return frozenset({Ref("conclusion", self.conclusion_id)})

    def describe(self) -> str:
        return f"**{self.conclusion_id}**"


@record
class ConclIn(Condition):
    """A conclusion's status is one of these (settled; never undetermined).

    Not monotone: for the triggers of open legal questions only ("raise this
    question while the exemption is yes or still undetermined"), never in rules.
    """

    conclusion_id: str
    statuses: tuple[Tri, ...]

    def evaluate(self, env: Env) -> Tri:
        return Tri.of(env.conclusion(self.conclusion_id) in self.statuses)

    def refs(self) -> frozenset[Ref]:
        return frozenset({Ref("conclusion", self.conclusion_id)})

    def describe(self) -> str:
        return f"**{self.conclusion_id}** is {' or '.join(s.value for s in self.statuses)}"


@record
class AsOfOnOrAfter(Condition):
    """The assessment date is on or after a date (always settled)."""

    day: date

    def evaluate(self, env: Env) -> Tri:
        return Tri.of(env.as_of >= self.day)

    def describe(self) -> str:
        return f"the assessment date is on or after {self.day.isoformat()}"


@record
class LawInForce(Condition):
    """A version of the Regulation (e.g. an amendment) is in force on ``as_of``."""

    version: str

    def evaluate(self, env: Env) -> Tri:
        return Tri.of(env.law_in_force(self.version))

    def describe(self) -> str:
        return f"the law version `{self.version}` is in force on the assessment date"


@record
class Always(Condition):
    """A condition that always holds (for unconditional rules)."""

    def evaluate(self, env: Env) -> Tri:
        return Tri.YES

    def describe(self) -> str:
        return "always"


# --- connectives -------------------------------------------------------------


@record(init=False)
class All(Condition):
    """Every part holds (Kleene and)."""

    parts: tuple[Condition, ...]

    def __init__(self, *parts: Condition) -> None:
        flat: list[Condition] = []
        for part in parts:
            flat.extend(part.parts if isinstance(part, All) else (part,))
        object.__setattr__(self, "parts", tuple(flat))

    def evaluate(self, env: Env) -> Tri:
        # tri.all_of, inlined: the hottest loop of every assessment (a generator into all_of costs ~7 %)
        result = Tri.YES
        for part in self.parts:
            value = part.evaluate(env)
            if value is Tri.NO:
                return Tri.NO
            if value is Tri.UNDETERMINED:
                result = Tri.UNDETERMINED
        return result

    def refs(self) -> frozenset[Ref]:
        return frozenset().union(*(p.refs() for p in self.parts))

    def describe(self) -> str:
        return " and ".join(_grouped(p) for p in self.parts)

    def probes(self) -> dict[str, set[object]]:
        return _merge_probes(self.parts)


@record(init=False)
class Any(Condition):
    """At least one part holds (Kleene or)."""

    parts: tuple[Condition, ...]

    def __init__(self, *parts: Condition) -> None:
        flat: list[Condition] = []
        for part in parts:
            flat.extend(part.parts if isinstance(part, Any) else (part,))
        object.__setattr__(self, "parts", tuple(flat))

    def evaluate(self, env: Env) -> Tri:
        # tri.any_of, inlined for the same reason; it stops at the first YES
        result = Tri.NO
        for part in self.parts:
            value = part.evaluate(env)
            if value is Tri.YES:
                return Tri.YES
            if value is Tri.UNDETERMINED:
                result = Tri.UNDETERMINED
        return result

    def refs(self) -> frozenset[Ref]:
        return frozenset().union(*(p.refs() for p in self.parts))

    def describe(self) -> str:
        return " or ".join(_grouped(p) for p in self.parts)

    def probes(self) -> dict[str, set[object]]:
        return _merge_probes(self.parts)


@record
class Not(Condition):
    """The part does not hold (Kleene not: unknown stays unknown)."""

    part: Condition

    def evaluate(self, env: Env) -> Tri:
        return ~self.part.evaluate(env)

    def refs(self) -> frozenset[Ref]:
        return self.part.refs()

    def describe(self) -> str:
        return f"not {_grouped(self.part)}"

    def probes(self) -> dict[str, set[object]]:
        return self.part.probes()


def _grouped(condition: Condition) -> str:
    text = condition.describe()
    return f"({text})" if isinstance(condition, (All, Any)) else text
