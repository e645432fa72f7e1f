"""Varied, valid fact files for benchmarks, drawn from the fact catalogue itself.

Each fact is left unknown with some probability and otherwise given a value
of its kind, with numbers and dates clustered around the thresholds the rule
base compares with, so that every part of the rule base is exercised.
"""

from __future__ import annotations

import random
from typing import Any

from aiact.engine.catalogue import fact_catalogue

NUMBERS = (0.0, 2e22, 1e23, 3e23, 2e24, 9e24, 1e25, 3.8e25, 1e26)
DATES = ("2023-03-14", "2024-07-23", "2025-01-20", "2025-08-02", "2026-05-01", "2026-09-30")
TEXT = ("Apache-2.0", "MIT", "llama3.1", "proprietary", "bigscience-openrail-m", "upstream-model")


def random_facts(rng: random.Random, unknown_share: float = 0.4) -> dict[str, Any]:
    """One fact file as plain data (validate it with aiact.engine.validate)."""
    document: dict[str, Any] = {
        "schema": "aiact-facts/1",
        "as_of": rng.choice(("2025-06-01", "2026-07-01", "2026-11-23", "2028-01-01")),
        "subject": {"name": f"system-{rng.randrange(10**6)}"},
    }
    for path, spec in fact_catalogue().items():
        if rng.random() < unknown_share:
            continue
        value: Any
        if spec.kind == "tri":
            value = rng.random() < 0.5
        elif spec.kind == "enum":
            value = rng.choice(spec.allowed)
        elif spec.kind == "list":
            value = rng.sample(spec.allowed, k=rng.choice((0, 1, 1, 2, 3)))
        elif spec.kind == "number":
            value = rng.choice(NUMBERS)
        elif spec.kind == "date":
            value = rng.choice(DATES)
        else:
            value = rng.choice(TEXT)
        target = document
        *parents, leaf = path.split(".")
        for part in parents:
            target = target.setdefault(part, {})
        target[leaf] = value
    return document
