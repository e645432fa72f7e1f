"""Checking many fact files: finding them, assessing each, in one process or several.

durable-rules is not thread-safe, so parallel work uses processes (the
``forkserver`` start method where the platform has it, else ``spawn``: never
``fork`` after a durable-rules host exists). Each worker compiles the rule
base once, when it starts. Results come back in input order (a chunked
``imap``), already rendered, so the parent only writes them out and counts.

One file's failure never stops the others: a bad fact file becomes its
problem lines; an engine failure (a defect in aiact, not in the input)
becomes an internal-error line, reported loudly with its own exit status.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from aiact.engine import Assessment, FactFile, FactFileError
from aiact.engine.loading import SUFFIXES, read_document, validate
from aiact.engine.record import field, record
from aiact.engine.result import Detail

from .diff import diff_results, diff_text

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

CLASSIFICATIONS = (
    ("prohibited_practice", "prohibited practice"),
    ("high_risk", "high-risk"),
    ("transparency_obligations", "transparency duties"),
    ("gpai_model", "GPAI model"),
    ("gpai_systemic_risk", "GPAI with systemic risk"),
    ("act_applies", "the Act applies"),
)
"""The conclusions counted in the batch summary table, with their labels."""


def expand(arguments: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """Fact files named by the arguments: files as given, folders searched recursively.

    Inside a folder, files ending in .yaml, .yml or .json are taken, sorted by
    path; hidden files and folders (a leading dot: .git, .venv) are skipped.
    A file reached twice is checked once. A folder without any fact file is a
    problem (most likely a wrong path in a CI job).
    """
    files: list[Path] = []
    problems: list[str] = []
    seen: set[Path] = set()
    for argument in arguments:
        found = _walk(argument) if argument.is_dir() else [argument]
        if not found:
            problems.append(f"{argument}: no fact files (.yaml, .yml, .json) in this folder")
        for path in found:
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                files.append(path)
    return files, problems


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(root) / n for n in names if not n.startswith(".") and Path(n).suffix.lower() in SUFFIXES]
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


@record
class Task:
    """One file to check, with everything a worker process needs (picklable)."""

    path: str
    output_format: str
    as_of: date | None = None
    settings: tuple[tuple[str, str], ...] = ()
    diff: bool = False
    today: date | None = None
    """The run's "today", fixed once, so that files without as_of agree even across midnight."""
    detail: Detail = "full"


@record
class Checked:
    """One file's outcome, rendered for the chosen format."""

    source: str
    rendered: str = ""
    problems: tuple[str, ...] = ()
    internal_error: str | None = None
    findings: frozenset[str] = frozenset()
    statuses: dict[str, str] = field(default_factory=dict)
    open_questions: int = 0


def findings(assessment: Assessment) -> set[str]:
    """Which ``--fail-on`` findings this assessment has."""
    found = set()
    conclusions = assessment.conclusions
    if "prohibited_practice" in conclusions and conclusions["prohibited_practice"].status == "yes":
        found.add("prohibited")
    if "high_risk" in conclusions and conclusions["high_risk"].status == "yes":
        found.add("high-risk")
    if any(c.status == "undetermined" for c in conclusions.values()):
        found.add("undetermined")
    if any(o.in_force and o.status == "yes" and o.exempted_by is None for o in assessment.obligations):
        found.add("obligations-in-force")
    return found


def result_object(assessment: Assessment, task: Task, diff: dict[str, object] | None) -> dict[str, object]:
    """The aiact-result/1 object, extended compatibly with ``source`` and, for --set, ``what_if``."""
    data = assessment.to_json_dict()
    out: dict[str, object] = {"schema": data.pop("schema"), "source": task.path, **data}
    if task.settings:
        out["what_if"] = {"set": dict(task.settings)} | ({"diff": diff} if diff is not None else {})
    return out


def load(task: Task) -> tuple[FactFile, FactFile]:
    """The facts as written, and as changed by ``--set`` (the same object when nothing is set)."""
    document = read_document(Path(task.path))
    original = validate(document, task.path)
    if not task.settings:
        return original, original
    from aiact.questionnaires.settings import apply_settings  # only with --set: the questionnaire costs start-up

    return original, validate(apply_settings(document, task.settings), f"{task.path} (--set)")


def check_one(task: Task) -> Checked:
    """Read, validate and assess one file; never raises for a bad file or a failing engine."""
    from aiact import default_engine

    from .commands.summary import text_summary

    try:
        original, facts = load(task)
    except FactFileError as err:
        return Checked(task.path, problems=tuple(err.problems))
    try:
        engine = default_engine()
        assessment = engine.assess(facts, as_of=task.as_of, today=task.today, detail=task.detail, share=True)
        baseline = (
            engine.assess(original, as_of=task.as_of, today=task.today, detail=task.detail, share=True)
            if task.diff else None
        )
    except Exception as err:  # an engine defect: reported per file, loudly, with its own exit status
        return Checked(task.path, internal_error=f"{task.path}: internal error: {type(err).__name__}: {err}")
    diff = diff_results(baseline.to_json_dict(), assessment.to_json_dict()) if baseline is not None else None
    if task.output_format == "json":
        rendered = json.dumps(result_object(assessment, task, diff), indent=2, ensure_ascii=False)
    elif task.output_format == "jsonl":
        rendered = json.dumps(result_object(assessment, task, diff), ensure_ascii=False, separators=(",", ":"))
    else:
        rendered = text_summary(assessment, source=task.path)
        if task.settings:
            rendered += "\n" + diff_text(task.settings, diff)
    return Checked(
        task.path,
        rendered=rendered,
        findings=frozenset(findings(assessment)),
        statuses={cid: assessment.conclusions[cid].status for cid, _ in CLASSIFICATIONS
                  if cid in assessment.conclusions},
        open_questions=len(assessment.open_questions),
    )


def _warm_up() -> None:
    """Worker start-up: compile the rule base once per process, before the first file."""
    from aiact import default_engine

    _ = default_engine().compiled


def _context() -> BaseContext:
    """Forkserver where available: workers fork from a server that has imported aiact, not compiled it."""
    import multiprocessing  # only with --jobs: the import costs every single-file run start-up time

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["aiact.batch", "aiact.rules"])
    return context


def run(tasks: list[Task], jobs: int) -> Iterator[Checked]:
    """Check every task, yielding outcomes in input order as they finish."""
    jobs = min(jobs, len(tasks))
    if jobs <= 1:
        yield from map(check_one, tasks)
        return
    from aiact import resume_collection

    resume_collection()  # this process builds no engine: its workers do
    chunk = max(1, min(16, len(tasks) // (jobs * 8)))
    pool = _context().Pool(jobs, initializer=_warm_up)
    try:
        yield from pool.imap(check_one, tasks, chunksize=chunk)
        pool.close()
    finally:
        pool.terminate()
        pool.join()
