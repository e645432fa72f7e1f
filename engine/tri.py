"""Three-valued (Kleene) truth: the engine's answer to "unknown is not no".

Every condition in the rule base evaluates to YES, NO or UNDETERMINED. The
strong Kleene connectives are used because they are *monotone*: learning a
missing fact can turn UNDETERMINED into YES or NO, but it can never flip a
settled YES into NO. The what-matters analysis relies on that property.
"""

from __future__ import annotations

from enum import Enum


class Tri(str, Enum):
    """A three-valued status; the string values are the public result format."""

    YES = "yes"
    NO = "no"
    UNDETERMINED = "undetermined"

    def __invert__(self) -> Tri:
        if self is Tri.YES:
            return Tri.NO
        if self is Tri.NO:
            return Tri.YES
        return Tri.UNDETERMINED

    @staticmethod
    def of(flag: bool) -> Tri:
        """The status of a settled yes/no."""
        return Tri.YES if flag else Tri.NO


def all_of(values: list[Tri]) -> Tri:
    """Kleene conjunction: NO wins, then UNDETERMINED, else YES."""
    result = Tri.YES
    for value in values:
        if value is Tri.NO:
            return Tri.NO
        if value is Tri.UNDETERMINED:
            result = Tri.UNDETERMINED
    return result


def any_of(values: list[Tri]) -> Tri:
    """Kleene disjunction: YES wins, then UNDETERMINED, else NO."""
    result = Tri.NO
    for value in values:
        if value is Tri.YES:
            return Tri.YES
        if value is Tri.UNDETERMINED:
            result = Tri.UNDETERMINED
    return result
