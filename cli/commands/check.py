"""``aiact check``: assess fact files for automated checks (spec: check-output.md).

Built for CI pipelines and AI inventories: folders are searched recursively,
``--jobs`` spreads the work over processes, ``--format jsonl`` streams one
result per line in input order, a bad file is reported and skipped without
stopping the others, and the exit status says what was found (see
``docs/ci.md``): 3 the engine failed (a defect in aiact), else 2 some input
was bad, else 1 a ``--fail-on`` finding is present, else 0.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import NoReturn

import click

from aiact import DISCLAIMER
from aiact.batch import CLASSIFICATIONS, Checked, Task, expand, findings, run
from aiact.engine import FactFileError
from aiact.engine.loading import parse_setting, validate
from aiact.engine.result import DETAILS, Detail
from aiact.options import as_of_option
from aiact.outputs import default_detail

from .summary import Tally, batch_table

__all__ = ["command", "findings", "parse_fail_on"]

FAIL_ON = ("prohibited", "high-risk", "undetermined", "obligations-in-force")
FORMATS = ("text", "json", "jsonl")
EXIT_FOUND, EXIT_BAD_INPUT, EXIT_INTERNAL = 1, 2, 3


def parse_fail_on(value: str) -> tuple[str, ...]:
    """``--fail-on`` as a tuple of findings; ``none`` (or empty) never fails."""
    items = tuple(part.strip() for part in value.split(",") if part.strip())
    if items in ((), ("none",)):
        return ()
    wrong = [i for i in items if i not in FAIL_ON]
    if wrong:
        raise click.BadParameter(
            f"{', '.join(wrong)} not known; use any of {', '.join(FAIL_ON)} (comma-separated) or none"
        )
    return items


def stop(lines: Iterable[str]) -> NoReturn:
    """Report each problem on its own line on stderr and exit 2, before any work."""
    for line in lines:
        click.echo(line, err=True)
    sys.exit(EXIT_BAD_INPUT)


def parse_settings(texts: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``--set`` options as (path, value text), each value checked against the fact model up front."""
    if not texts:
        return ()
    from aiact.questionnaires.settings import apply_settings  # only with --set: the questionnaire costs start-up

    try:
        settings = tuple(parse_setting(text) for text in texts)
        validate(apply_settings({"schema": "aiact-facts/1", "subject": {"name": "what-if"}}, settings), "--set")
    except FactFileError as err:
        stop(err.problems)
    return settings


class Output:
    """Writes results in the chosen format as they arrive, and counts what it saw."""

    def __init__(self, output_format: str, single: bool) -> None:
        self.format = output_format
        self.single = single
        self.tally = Tally()
        self.found: set[str] = set()
        self._written = 0

    def start(self) -> None:
        if self.format == "json" and not self.single:
            click.echo("[", nl=False)

    def add(self, checked: Checked) -> None:
        if checked.problems:
            for line in checked.problems:
                click.echo(line, err=True)
            self.tally.bad.append(checked.source)
            return
        if checked.internal_error:
            click.echo(checked.internal_error, err=True)
            self.tally.internal.append(checked.source)
            return
        self.found |= checked.findings
        self.tally.add(checked.source, checked.statuses, checked.open_questions)
        if self.format == "json" and not self.single:
            separator = "," if self._written else ""
            click.echo(separator + "\n  " + checked.rendered.replace("\n", "\n  "), nl=False)
        elif self.format == "text" and self._written:
            click.echo("\n" + checked.rendered)
        else:
            click.echo(checked.rendered)
            if self.format == "jsonl":
                sys.stdout.flush()
        self._written += 1

    def finish(self) -> None:
        if self.format == "json" and not self.single:
            click.echo("\n]" if self._written else "]")
        elif self.format == "text" and self._written:
            if not self.single:
                click.echo("\n" + batch_table(self.tally, CLASSIFICATIONS))
            click.echo(DISCLAIMER)


@click.command("check")
@click.argument("paths", metavar="FILE_OR_DIR...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text: a compact summary per file, and a summary table for several; json: the "
                   "aiact-result/1 object (an array for several files or a folder); jsonl: one result "
                   "object per line, in input order, as each finishes.")
@click.option("--detail", type=click.Choice(DETAILS), default=None,
              help="full: reasons, citations, question texts and what each answer would change; brief: "
                   "statuses, obligations with their dates, open questions' ids with what they affect. "
                   "Default: brief for jsonl and for text on several files, full otherwise.")
@click.option("--fail-on", "fail_on", default="prohibited", show_default=True,
              help=f"Exit 1 when any of these is found: {', '.join(FAIL_ON)} (comma-separated), or none.")
@as_of_option
@click.option("--set", "set_texts", metavar="PATH=VALUE", multiple=True,
              help="What if: assess with this fact changed (repeatable), e.g. --set artefact.gpai_model=true "
                   "--set market.channels=[api]. VALUE is read as YAML; an empty VALUE means unknown.")
@click.option("--diff", is_flag=True,
              help="With --set: also show what the changes changed (conclusions, obligations, open questions).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes to spread the files over; 0 = one per CPU.")
def command(paths: tuple[Path, ...], output_format: str, detail: Detail | None, fail_on: str, as_of: date | None,
            set_texts: tuple[str, ...], diff: bool, jobs: int) -> None:
    """Assess fact files (YAML or JSON) and report conclusions, obligations and open questions.

    Each FILE_OR_DIR is a fact file or a folder, searched recursively for .yaml,
    .yml and .json files (sorted by path; hidden ones skipped). A bad file is
    reported on stderr (one line per problem) and the others are still assessed.

    Exit status: 0 nothing named by --fail-on was found; 1 it was; 2 bad usage or
    at least one invalid fact file (this takes precedence over 1); 3 the engine
    failed on a file (a defect in aiact; takes precedence over everything).
    """
    failing = set(parse_fail_on(fail_on))
    settings = parse_settings(set_texts)
    if diff and not settings:
        raise click.UsageError("--diff compares against --set changes; give at least one --set PATH=VALUE")
    files, missing = expand(paths)
    for line in missing:
        click.echo(line, err=True)
    if not files:
        sys.exit(EXIT_BAD_INPUT)
    single = len(paths) == 1 and not paths[0].is_dir()
    today = date.today()
    chosen = detail or default_detail(output_format, single)
    tasks = [Task(str(path), output_format, as_of, settings, diff, today, chosen) for path in files]
    output = Output(output_format, single)
    try:
        output.start()
        for checked in run(tasks, jobs or os.cpu_count() or 1):
            output.add(checked)
        output.finish()
    except BrokenPipeError:
        # The reader stopped early (e.g. piped into head): leave quietly, as a SIGPIPE'd tool would.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)
    if output.tally.internal:
        sys.exit(EXIT_INTERNAL)
    if output.tally.bad or missing:
        sys.exit(EXIT_BAD_INPUT)
    if output.found & failing:
        sys.exit(EXIT_FOUND)
