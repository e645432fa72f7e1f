"""The memo's wording, read from ``templates/memo.yaml``.

Prose lives in data so that counsel (or a translator) can change a sentence
without touching code, and so that code never builds legal sentences by
concatenation. Templates use :class:`string.Template`; a placeholder left
unfilled raises, so a wording edit that drops or misspells a name fails the
tests instead of printing ``$name`` into a memo.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from string import Template
from typing import Any

from aiact.engine.bundled import read_bundled_yaml


class WordingError(KeyError):
    """A wording key that the template file does not have (a programming error)."""


@cache
def _data() -> dict[str, Any]:
    text = files("aiact.reports").joinpath("templates/memo.yaml").read_text(encoding="utf-8")
    data = read_bundled_yaml(text)
    assert isinstance(data, dict), "templates/memo.yaml must be a mapping"
    return data


def raw(key: str) -> Any:
    """The data at a dotted key (``"summary.groups"``), as stored: text, a list or a mapping."""
    node: Any = _data()
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise WordingError(f"memo wording has no {key!r}")
        node = node[part]
    return node


def say(key: str, **values: object) -> str:
    """The template at ``key`` filled with ``values`` (already CommonMark-safe).

    A template that depends on a number is a mapping ``{one: ..., many: ...}``, chosen by ``count``:
    "1 further duty", "3 further duties", never "duty(ies)".
    """
    template = raw(key)
    if isinstance(template, dict) and set(template) == {"one", "many"} and "count" in values:
        template = template["one" if values["count"] == 1 else "many"]
    if not isinstance(template, str):
        raise WordingError(f"memo wording {key!r} is not a sentence")
    return fill(template, **values)


def fill(template: str, **values: object) -> str:
    """A template taken from the wording data (e.g. a column heading) filled with ``values``."""
    return Template(template).substitute({name: str(value) for name, value in values.items()})
