"""Placeholder: the table of well-known licences and the inference from it."""

from __future__ import annotations

from collections.abc import Mapping

from aiact.engine import Inference


def infer(facts: Mapping[str, object]) -> list[Inference]:
    """Facts inferred from a well-known licence (none yet)."""
    return []
