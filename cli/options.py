"""Options shared by several commands, declared once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


class IsoDate(click.ParamType):
    """A date written YYYY-MM-DD."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date; write YYYY-MM-DD", param, ctx)


def as_of_option(func: F) -> F:
    return click.option(
        "--as-of", "as_of", type=IsoDate(), default=None,
        help="Assess under the law in force on this date (YYYY-MM-DD); default: the file's as_of, or today.",
    )(func)
