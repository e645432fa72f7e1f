"""Placeholder module, filled in by its own change."""

from aiact.engine import RuleModule

MODULE = RuleModule()
