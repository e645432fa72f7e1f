"""The ``aiact`` command: one click group, one small module per command.

Commands are imported when they run, so ``aiact check`` never pays for the
memo renderer or the interview.
"""

from __future__ import annotations

import importlib
import sys

import click

from aiact import DISCLAIMER, __version__, pause_collection_for_start_up

COMMANDS = {
    "check": ("aiact.commands.check", "Assess fact files; JSON or text; exit status for CI."),
    "rules": ("aiact.commands.rules", "Print the rule book as Markdown, grouped by article."),
    "schema": ("aiact.commands.schema", "Print the JSON Schema of the fact file."),
    "memo": ("aiact.commands.memo", "Write the reasoned memo for legal review (Markdown or HTML)."),
    "interview": ("aiact.commands.interview", "Answer questions to build a fact file; asks only what matters."),
    "serve": ("aiact.commands.serve", "Serve the interview, memo and inventory in a browser (web extra)."),
    "init": ("aiact.commands.init", "Start a fact file from a Hugging Face model card (licence, base model, task)."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported only when used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(COMMANDS[cmd_name][0])
        command: click.Command = module.command
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in sorted(COMMANDS)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, epilog=DISCLAIMER)
@click.version_option(__version__, prog_name="aiact")
def cli() -> None:
    """Decision support for the EU AI Act (Regulation (EU) 2024/1689, as amended).

    Feed it facts about an AI system or model; it answers with conclusions,
    the rules and citations behind each, the obligations and their dates, and
    the questions that remain open.
    """


def main() -> None:
    """Console entry point: click handles usage errors with exit status 2."""
    pause_collection_for_start_up()  # the engine's imports and build come next; see its docstring
    try:
        cli.main(prog_name="aiact")
    except ImportError as error:  # e.g. durable-rules built without the Python 3.13 fix
        click.echo(f"aiact: {error}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:  # pragma: no cover - interactive
        click.echo("interrupted", err=True)
        sys.exit(130)
