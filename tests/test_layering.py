"""The folders import only what DESIGN.md allows: engine nothing of the others; rules, questionnaires and
reports only the engine. A front door's shared logic moves down rather than being imported up."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = {"engine", "rules", "questionnaires", "reports", "web", "commands", "batch", "outputs", "main"}
ALLOWED = {
    "engine": set(),
    "rules": {"engine"},
    "questionnaires": {"engine"},
    "reports": {"engine"},
}
KNOWN = {
    ("questionnaires/cardfacts.py", "rules"):
        "the model-card import recognises a card's licence by the rule base's licence table (its ids and aliases)",
}
"""Imports that break the table knowingly, each with its reason; a new one fails the test."""


def _imported(path: Path) -> set[str]:
    """The aiact folders a module imports (``aiact.X...`` and ``from aiact import X``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + ([f"aiact.{a.name}" for a in node.names] if node.module == "aiact" else [])
        for name in names:
            parts = name.split(".")
            if parts[0] == "aiact" and len(parts) > 1:
                found.add(parts[1])
    return found & PACKAGES


@pytest.mark.parametrize("folder", sorted(ALLOWED))
def test_a_folder_imports_only_what_the_design_allows(folder: str) -> None:
    wrong = []
    for path in sorted((ROOT / folder).glob("*.py")):
        relative = str(path.relative_to(ROOT))
        for imported in sorted(_imported(path) - ALLOWED[folder] - {folder}):
            if (relative, imported) not in KNOWN:
                wrong.append(f"{relative} imports aiact.{imported}")
    assert not wrong


def test_every_known_exception_still_exists() -> None:
    """A known exception that was fixed leaves the list, so the list never hides a new one."""
    stale = [f"{path} -> {imported}" for path, imported in KNOWN if imported not in _imported(ROOT / path)]
    assert not stale
