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


SPARSE_CHOICES: dict[str, tuple[Any, ...]] = {
    "artefact.ai_system": (True, True, True, None),
    "operator.roles": (["deployer"], ["deployer"], ["provider"], ["provider", "deployer"], None),
    "operator.established_in_eu": (True, True, False, None),
    "high_risk.annex_iii": (["4a"], ["4a"], ["4b"], ["1a"], ["3a"], ["5b"], ["8a"], [], None),
}
"""What an inventory's sparse files say, each value drawn with these odds; ``None`` leaves the fact out."""


def sparse_facts(rng: random.Random, number: int) -> dict[str, Any]:
    """One sparse inventory file: a named system with a handful of facts, the rest unknown.

    Drawn from a few common answers (:data:`SPARSE_CHOICES`), so that, as in a real inventory,
    several systems share the same facts; ``number`` makes each subject's name its own.
    """
    document: dict[str, Any] = {
        "schema": "aiact-facts/1",
        "as_of": "2026-11-23",
        "subject": {"name": f"inventory system {number}"},
    }
    for path, choices in SPARSE_CHOICES.items():
        value = rng.choice(choices)
        if value is None:
            continue
        section, leaf = path.split(".")
        document.setdefault(section, {})[leaf] = value
    return document
