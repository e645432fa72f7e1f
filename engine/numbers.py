"""Number facts as people know them: a figure, a bound, a band or an estimate, compared exactly.

People rarely know a training compute to the FLOP. A number fact therefore
takes, besides a plain number, the forms below; :func:`parse_number` reads
them (the fact file, the interview and ``--set`` all go through it) and
:func:`number_range` turns a stored value into exact bounds for the rules:

- ``3.8e25``: the figure itself (stored as a number; a figure with more
  digits than a float keeps is stored as written, so it is compared exactly).
- ``<1e23`` / ``<=1e23``: below (at most) the bound; ``>1e25`` / ``>=1e25``:
  above (at least) it.
- ``1e23-1e25`` (also ``1e23 to 1e25``): more than the first, at most the
  second. The Act's thresholds are all "greater than" (Art. 51(2), the
  guidelines' 10^23 criterion and one-third test), so a band written with
  them is exactly a band the Act draws: ``1e23-1e25`` settles both.
- ``about 3e24`` (also ``~3e24``): an estimate. It is compared as the figure
  itself, as every compute figure is in practice an estimate; near a
  threshold (within a factor of three) the legal question
  ``compute_estimate`` is raised for it exactly as for a plain figure.

A share fact (a percentage) also takes a ``%`` after each figure
(``2%``, ``about 2 %``, ``1-5%``).

Every comparison is exact: values become :class:`fractions.Fraction` built
from the decimal the person wrote (or from a float's ``repr``, which is that
decimal), so one third of 3e25 is exactly 1e25 and never "more than a third"
by a rounding error. The stored value of a band or bound is the text as
written (whitespace collapsed), so results and memos show it as given.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction
from functools import lru_cache

from .record import record
from .tri import Tri

_FIGURE = r"(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d+)?"
"""A decimal figure without sign, as people write FLOP: 3.8e25, 1e25, 1_000, .5."""
_PLAIN = re.compile(rf"^[-+]?{_FIGURE}$")
_ABOUT = r"(?:[Aa][Bb][Oo][Uu][Tt]|~)"
_TO = r"(?:-|–|[Tt][Oo])"


def _forms(unit: str) -> str:
    """The regular expression (JSON-Schema compatible: no flags, no look-around) of the range forms."""
    figure = f"({_FIGURE}){unit}"
    return (
        rf"^\s*(?:(<=|>=|<|>)\s*{figure}|{_ABOUT}\s*{figure}|{figure}\s*{_TO}\s*{figure}|\+?{_FIGURE}{unit})\s*$"
    )


RANGE_PATTERN = _forms("")
"""The range forms of a number fact, for the JSON Schema and for parsing."""
SHARE_PATTERN = _forms(r"\s*%?")
"""The range forms of a share (percentage) fact: each figure may carry a ``%``."""
_RANGE = re.compile(RANGE_PATTERN)
_SHARE = re.compile(SHARE_PATTERN)

FORMS_HINT = 'a number (e.g. 3.8e25), "<1e23", ">1e25", "1e23-1e25", "about 3e24", or unknown'
SHARE_FORMS_HINT = 'a percentage (2 or "2%"), "<5%", ">34%", "1-5%", "about 2%", or unknown'


class NumberError(ValueError):
    """A number fact that cannot be read; the message says what was wrong (the caller adds what is allowed)."""


@record
class NumberRange:
    """What a number fact says about the value: exact bounds, each open (excluded) or closed (included).

    A plain figure is the closed range [x, x]. ``high`` is ``None`` when there is no upper bound.
    """

    low: Fraction
    high: Fraction | None
    low_open: bool = False
    high_open: bool = False

    def above(self, limit: Fraction) -> Tri:
        """Whether the value is strictly greater than ``limit``: YES for every value in range, NO for none."""
        if self.low > limit or (self.low == limit and self.low_open):
            return Tri.YES
        if self.high is not None and self.high <= limit:
            return Tri.NO
        return Tri.UNDETERMINED

    def above_share_of(self, other: NumberRange, share: Fraction) -> Tri:
        """Whether this value is strictly greater than ``share`` times the other value, for all values in range."""
        if other.high is not None:
            limit = share * other.high
            if self.low > limit or (self.low == limit and (self.low_open or other.high_open)):
                return Tri.YES
        if self.high is not None and self.high <= share * other.low:
            return Tri.NO
        return Tri.UNDETERMINED


def exact(value: int | float | Fraction | str) -> Fraction:
    """The exact value of a figure: a float through its shortest ``repr`` (the decimal that was written)."""
    if isinstance(value, float):
        return Fraction(repr(value))
    if isinstance(value, str):
        return Fraction(value.replace("_", ""))
    return Fraction(value)


def parse_number(value: object, *, percent: bool = False) -> float | str:
    """The stored value of a number fact written as ``value``; raises :class:`NumberError` if it cannot be read.

    A plain number (int, float, or text such as ``"3.8e25"``) is stored as a float, as in every
    fact file so far; a bound, band or estimate is stored as its text with whitespace collapsed,
    so results show it as written. ``percent`` allows a ``%`` after each figure (share facts).
    Unknown is the caller's business (this reads only answers that say something).
    """
    if isinstance(value, bool):
        raise NumberError(f"{str(value).lower()} is not a number")
    if isinstance(value, (int, float)):
        return _plain(value, str(value))
    if not isinstance(value, str):
        raise NumberError(f"{_shown(value)} is not a number")
    text = " ".join(value.split())
    figure = text[:-1].rstrip() if percent and text.endswith("%") and _PLAIN.match(text[:-1].rstrip()) else text
    if _PLAIN.match(figure):
        number = _plain(float(figure.replace("_", "")), figure)
        if Fraction(repr(number)) != exact(figure.lstrip("+")):
            return figure  # more digits than a float keeps: stored as written, so compared exactly as written
        return number
    match = (_SHARE if percent else _RANGE).match(text)
    if not match:
        raise NumberError(f"{_shown(value)} is not a number")
    bounds = number_range(text)
    if match.group(4) is not None and bounds is not None and bounds.high is not None and bounds.high <= bounds.low:
        raise NumberError(f"{_shown(value)}: the first figure of a band must be below the second")
    for figure_text in filter(None, match.groups()[1:]):
        if math.isinf(float(figure_text.replace("_", ""))):
            raise NumberError(f"{_shown(value)} is too large")
    return text


def _plain(number: float, written: str) -> float:
    try:
        result = float(number)
    except OverflowError:
        result = math.inf
    if math.isnan(result):
        raise NumberError(f"{_shown(written)} is not a number")
    if math.isinf(result):
        raise NumberError(f"{_shown(written)} is too large")
    if result < 0:
        raise NumberError(f"must be zero or more, got {written.strip()}")
    return result


@lru_cache(maxsize=1024)
def number_range(value: object) -> NumberRange | None:
    """The exact range a stored number fact allows; ``None`` if it is unknown or not a number.

    Cached: the rules compare the same few values many times per assessment.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float, Fraction)):
        point = exact(value)
        return NumberRange(point, point)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _PLAIN.match(text):
        point = exact(text)
        return NumberRange(point, point)
    match = _SHARE.match(text)
    if not match:
        return None
    sign, bound, estimate, low, high = match.groups()
    zero = Fraction(0)
    if sign == "<":
        return NumberRange(zero, exact(bound), high_open=True)
    if sign == "<=":
        return NumberRange(zero, exact(bound))
    if sign == ">":
        return NumberRange(exact(bound), None, low_open=True)
    if sign == ">=":
        return NumberRange(exact(bound), None)
    if estimate is not None:
        point = exact(estimate)
        return NumberRange(point, point)
    return NumberRange(exact(low), exact(high), low_open=True)


def is_estimate(value: object) -> bool:
    """Whether a stored number fact was given as an estimate (``about``/``~``)."""
    return isinstance(value, str) and bool(re.match(rf"^\s*{_ABOUT}", value))


def _shown(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."
