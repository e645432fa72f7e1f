"""``aiact schema``: the JSON Schema of the fact file, aiact-facts/1."""

from __future__ import annotations

import json

import click

from aiact.engine import FactFile
from aiact.questionnaires.schema_help import describe_schema


@click.command("schema")
def command() -> None:
    """Print the JSON Schema of the fact file (aiact-facts/1) to standard output.

    Every fact carries the interview's question, help, allowed values and articles, so an editor with a
    YAML language server shows them while someone writes a fact file by hand.
    """
    schema = describe_schema(FactFile.model_json_schema(by_alias=True, mode="validation"))
    click.echo(json.dumps(schema, indent=2, ensure_ascii=False))
