"""Options shared by several commands, declared once."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
"""Exactly YYYY-MM-DD (Python's fromisoformat also takes 20270301 and week dates)."""

F = TypeVar("F", bound=Callable[..., Any])


class IsoDate(click.ParamType):
    """A date written YYYY-MM-DD."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        text = str(value).strip()
        try:
            if not ISO_DAY.match(text):
                raise ValueError(text)
            return date.fromisoformat(text)
        except ValueError:
            self.fail(f"{value!r} is not a date; write YYYY-MM-DD", param, ctx)


def as_of_option(func: F) -> F:
    return click.option(
        "--as-of", "as_of", type=IsoDate(), default=None,
        help="Assess under the law in force on this date (YYYY-MM-DD); default: the file's as_of, or today.",
    )(func)
