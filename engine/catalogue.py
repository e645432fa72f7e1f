"""The catalogue of fact paths, read off the fact model itself.

One place answers "which facts exist, of which kind, with which values":
the rule base validates its references against it, the what-matters
analysis takes the values to try from it, and the interview and the memo
use it to show a fact. It is derived from :mod:`.facts`, never typed twice.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from pydantic import BaseModel

from .conditions import UNKNOWN
from .facts import FACT_SECTIONS, FactFile, FactKind
from .record import record


@record
class FactSpec:
    """One fact of the fact file: its dotted path, kind and allowed values."""

    path: str
    kind: str  # tri, enum, list, number, date, text
    allowed: tuple[str, ...]
    description: str
    unit: str = ""  # number facts: "FLOP" or "percent"


@cache
def fact_catalogue() -> dict[str, FactSpec]:
    """Every fact path of the fact file, in the spec's order."""
    specs: dict[str, FactSpec] = {}
    for section in FACT_SECTIONS:
        annotation = FactFile.model_fields[section].annotation
        assert isinstance(annotation, type) and issubclass(annotation, BaseModel)
        _walk(annotation, section, specs)
    return specs


def _walk(model: type[BaseModel], prefix: str, specs: dict[str, FactSpec]) -> None:
    for name, field in model.model_fields.items():
        path = f"{prefix}.{name}"
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            _walk(annotation, path, specs)
            continue
        kind = next((m for m in field.metadata if isinstance(m, FactKind)), None)
        if kind is None:
            raise TypeError(f"fact field {path} has no FactKind marker")
        specs[path] = FactSpec(path, kind.kind, kind.allowed, field.description or "", kind.unit)


def flatten(facts: FactFile) -> dict[str, object]:
    """The facts as ``{path: JSON value}``; unknown is the string ``unknown``."""
    flat: dict[str, object] = {}
    for path in fact_catalogue():
        value: object = facts
        for part in path.split("."):
            value = getattr(value, part)
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, list):
            value = list(value)
        flat[path] = value
    return flat


def is_known(value: object) -> bool:
    """Whether a flattened fact value is known."""
    return value != UNKNOWN
