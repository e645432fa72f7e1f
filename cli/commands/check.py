"""``aiact check``: assess fact files for automated checks (spec: check-output.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from aiact import DISCLAIMER, default_engine
from aiact.engine import Assessment, FactFileError, load_fact_file
from aiact.options import as_of_option

from .summary import text_summary

FAIL_ON = ("prohibited", "high-risk", "undetermined", "obligations-in-force")


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


def findings(assessment: Assessment) -> set[str]:
    """Which ``--fail-on`` findings this assessment has."""
    found = set()
    conclusions = assessment.conclusions
    if conclusions["prohibited_practice"].status == "yes" if "prohibited_practice" in conclusions else False:
        found.add("prohibited")
    if conclusions["high_risk"].status == "yes" if "high_risk" in conclusions else False:
        found.add("high-risk")
    if any(c.status == "undetermined" for c in conclusions.values()):
        found.add("undetermined")
    if any(o.in_force and o.status == "yes" and o.exempted_by is None for o in assessment.obligations):
        found.add("obligations-in-force")
    return found


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: a compact summary; json: the aiact-result/1 object(s).")
@click.option("--fail-on", "fail_on", default="prohibited", show_default=True,
              help=f"Exit 1 when any of these is found: {', '.join(FAIL_ON)} (comma-separated), or none.")
@as_of_option
def command(files: tuple[Path, ...], output_format: str, fail_on: str, as_of: object) -> None:
    """Assess FILES (YAML or JSON fact files) and report conclusions, obligations and open questions.

    Exit status: 0 when nothing named by --fail-on is found, 1 when it is,
    2 on bad usage or an invalid fact file (one line per problem on stderr).
    """
    failing = parse_fail_on(fail_on)
    loaded = []
    problems: list[str] = []
    for path in files:
        try:
            loaded.append(load_fact_file(path))
        except FactFileError as err:
            problems.extend(err.problems)
    for line in problems:
        click.echo(line, err=True)
    if problems and not loaded:
        sys.exit(2)
    engine = default_engine()
    results = [engine.assess(facts, as_of=as_of) for facts in loaded]
    if output_format == "json":
        payload: object = [r.to_json_dict() for r in results]
        if len(files) == 1:
            payload = results[0].to_json_dict()
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        for result in results:
            click.echo(text_summary(result))
        click.echo(DISCLAIMER)
    if problems:
        sys.exit(2)
    if any(findings(r) & set(failing) for r in results):
        sys.exit(1)
