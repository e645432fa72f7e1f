"""``aiact schema``: the JSON Schema of the fact file, aiact-facts/1."""

from __future__ import annotations

import json

import click

from aiact.engine import FactFile


@click.command("schema")
def command() -> None:
    """Print the JSON Schema of the fact file (aiact-facts/1) to standard output."""
    schema = FactFile.model_json_schema(by_alias=True, mode="validation")
    click.echo(json.dumps(schema, indent=2, ensure_ascii=False))
