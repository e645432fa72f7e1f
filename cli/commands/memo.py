"""``aiact memo``: the reasoned memo for legal review, as Markdown or standalone HTML.

Bad input never leaves a half-written memo behind: every problem is reported
(one line each, exit status 2) before anything is written, and the output
file is written to a temporary file beside it and renamed into place, so a
reader sees either the old file or the complete new one.
"""

from __future__ import annotations

import hashlib
import sys
from datetime import date
from pathlib import Path
from typing import NoReturn

import click

from aiact.engine import FactFileError
from aiact.engine.files import write_atomically
from aiact.engine.loading import parse_setting, read_document, validate
from aiact.options import as_of_option
from aiact.outputs import MEMO_FORMATS, choose_format, memo_text
from aiact.questionnaires.settings import apply_settings


def parse_settings(settings: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Every ``--set PATH=VALUE`` as (path, value text); all bad ones reported together, exit 2."""
    parsed, problems = [], []
    for text in settings:
        try:
            parsed.append(parse_setting(text))
        except FactFileError as err:
            problems += err.problems
    if problems:
        fail(problems)
    return tuple(parsed)


def fail(lines: list[str]) -> NoReturn:
    """Report each problem on its own line and stop with exit status 2 (nothing written)."""
    for line in lines:
        click.echo(line, err=True)
    sys.exit(2)


@click.command("memo")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", "out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the memo to this file (atomically); default: standard output.")
@click.option("--format", "output_format", type=click.Choice(MEMO_FORMATS), default=None,
              help="markdown (CommonMark) or html (one standalone page). Default: html when OUT ends "
                   "in .html, markdown otherwise.")
@click.option("--set", "settings", multiple=True, metavar="PATH=VALUE",
              help="What-if: set a fact before assessing (repeatable), e.g. --set release.monetisation=[price]; "
                   "an empty VALUE makes it unknown. The memo lists every change.")
@as_of_option
def command(
    file: Path, out: Path | None, output_format: str | None, settings: tuple[str, ...], as_of: date | None
) -> None:
    """Write the reasoned memo on FILE (a YAML or JSON fact file) for review by counsel.

    The memo opens with the answer (does the Act apply, in which role, what the
    artefact is, what must be done by when, the decisive open points), then the
    reasoning with a citation for every step, the duties in detail and the open
    questions; the facts, assumptions and rule trail follow as appendices.
    Exit status 2 on bad usage or an invalid fact file (one line per problem
    on stderr); nothing is written then.
    """
    changes = parse_settings(settings)
    try:
        document = read_document(file)
        facts = validate(apply_settings(document, changes) if changes else document, str(file))
        checksum = hashlib.sha256(file.read_bytes()).hexdigest()
    except FactFileError as err:
        fail(err.problems)
    except OSError as err:
        fail([f"{file}: cannot read the file: {err.strerror or err}"])
    if out is not None and not out.parent.is_dir():
        fail([f"{out}: the folder {out.parent} does not exist"])
    text = memo_text(
        facts, fact_file=file.name, checksum=checksum, output_format=choose_format(output_format, out),
        as_of=as_of, settings=changes,
    )
    if out is None:
        click.echo(text, nl=False)
        return
    try:
        write_atomically(out, text)
    except OSError as err:
        fail([f"{out}: cannot write the memo: {err.strerror or err}"])
