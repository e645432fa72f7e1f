"""Placeholder: the openness profile (Solaiman gradient, OSAID, the Act's test)."""

from __future__ import annotations

from collections.abc import Mapping

from aiact.engine import Tri
from aiact.engine.result import Openness


def profile(facts: Mapping[str, object], conclusions: Mapping[str, Tri]) -> Openness:
    """Where the release sits on the gradient of openness (not modelled yet)."""
    return Openness(gradient="undetermined", osaid="undetermined", act_open_source="undetermined",
                    missing_for_osaid=[])
