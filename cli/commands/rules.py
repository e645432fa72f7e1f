"""``aiact rules``: the rule book, as Markdown, grouped by part of the Act."""

from __future__ import annotations

import click


@click.command("rules")
def command() -> None:
    """Print every rule of the rule base with its citation, condition and conclusion (Markdown)."""
    from aiact.reports.rulebook import render_rule_book
    from aiact.rules import rule_base

    click.echo(render_rule_book(rule_base()), nl=False)
