"""What the pages do with an assessment, over the same pieces the command line uses.

Each request reads the fact file from the data folder, so the file on disk is
the only state: a restarted server (or an ``aiact interview --resume`` in a
terminal) carries on exactly where the browser stopped. Answers go through
the questionnaire's session and store (validated, then written atomically);
results, what-ifs and the inventory go through ``aiact check``'s own
per-file function, the memo through the function ``aiact memo`` uses (:mod:`aiact.outputs`). None of it
is copied.

durable-rules is not thread-safe: the application calls these functions from
its event loop only, one request at a time (see :mod:`aiact.web.app`).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from datetime import date
from pathlib import Path
from typing import Any

from aiact import default_engine
from aiact.batch import Checked, Task, check_one, expand, run
from aiact.engine import Assessment, FactFileError
from aiact.engine.assess import apply_inferences
from aiact.engine.evaluate import ConclusionOutcome
from aiact.engine.files import write_atomically
from aiact.engine.loading import parse_setting, read_document, validate
from aiact.engine.record import record
from aiact.engine.whatmatters import evaluate_in_process
from aiact.outputs import default_detail, memo_text
from aiact.questionnaires.flow import Flow
from aiact.questionnaires.session import Answers, Interview
from aiact.questionnaires.store import load, render

from .folder import DataFolder

INVENTORY_DETAIL = default_detail("jsonl", single=False)
"""The detail of ``aiact check FOLDER --format jsonl``, which the inventory and its export reproduce."""
IN_PROCESS_UP_TO = 20
"""Up to this many files to assess, a page does it itself; more go to worker processes."""


def open_flow(path: Path) -> Flow:
    """The question flow of the interview saved in ``path`` (FactFileError when the file is not a valid fact file)."""
    return Flow.start(default_engine(), load(path))


def save(answers: Answers, path: Path) -> None:
    """Write the answers as a fact file, validated first, atomically (as the terminal interview does)."""
    write_atomically(path, render(answers, path))


def start(folder: DataFolder, subject: str) -> str:
    """A new assessment named ``subject``; returns its file name."""
    name = folder.new_name(subject)
    answers = Answers(name=subject)
    answers.order.append("subject.name")
    save(answers, folder.place(name))
    return name


def assessment_of(answers: Answers, as_of: date) -> Assessment:
    """The assessment of the answers so far (for the side panel)."""
    facts = validate(answers.document(), "answers")
    return default_engine().assess(facts, as_of=as_of)


def panel(session: Interview) -> list[tuple[str, str, str]]:
    """(id, title, status) of every headline conclusion for the answers so far, for the side panel.

    Worked out by the engine's in-process evaluation, the one the question
    flow runs to choose the next question (a test holds it equal to the full
    assessment): a fraction of the cost of a durable-rules session, on the
    page that is loaded after every answer.
    """
    engine = session.engine
    effective, _ = apply_inferences(session.answers.flat(), engine.infer)
    outcomes = evaluate_in_process(engine, effective, session.as_of)
    rows = []
    for cid, conclusion in engine.rulebase.public_conclusions().items():
        outcome = outcomes.get(cid)
        if isinstance(outcome, ConclusionOutcome):
            rows.append((cid, conclusion.title, outcome.status.value))
    return rows


def headline(assessment: Assessment) -> list[tuple[str, str, str]]:
    """(id, title, status) of every conclusion a person sees, in the engine's order."""
    return [
        (cid, c.title, c.status) for cid, c in assessment.conclusions.items()
        if c.title and not cid.startswith("_")
    ]


def memo(path: Path, output_format: str) -> str:
    """The memo of the file, as ``aiact interview --memo`` writes it.

    While the interview still has questions that matter, the memo is a draft and says how many are left
    (the terminal's ``q`` with ``--memo`` does the same); a finished interview gives ``aiact memo FILE``'s memo.
    """
    facts = validate(read_document(path), str(path))
    checksum = hashlib.sha256(path.read_bytes()).hexdigest()
    flow = open_flow(path)
    unanswered = flow.progress().matter_now if flow.next() is not None else 0
    return memo_text(facts, fact_file=path.name, checksum=checksum, output_format=output_format, unanswered=unanswered)


@record
class WhatIf:
    """A what-if on one file: the setting, the result with it, and what it changed (as ``check --set --diff``)."""

    path: str
    value: str
    problems: tuple[str, ...] = ()
    diff: dict[str, Any] | None = None
    result: dict[str, Any] | None = None


def what_if(path: Path, fact: str, value: str) -> WhatIf:
    """``aiact check FILE --set FACT=VALUE --diff``, as data for the page (problems as check words them)."""
    try:
        setting = parse_setting(f"{fact}={value}")
    except FactFileError as err:
        return WhatIf(fact, value, problems=tuple(err.problems))
    checked = check_one(Task(str(path), "json", settings=(setting,), diff=True, today=date.today()))
    if checked.problems or checked.internal_error:
        return WhatIf(fact, value, problems=checked.problems or (str(checked.internal_error),))
    result = json.loads(checked.rendered)
    return WhatIf(fact, value, diff=result["what_if"]["diff"], result=result)


def labels(before: Assessment, what_if: WhatIf | None) -> dict[str, str]:
    """Plain words for every conclusion, obligation and open question id a what-if may name (before or after)."""
    words = {cid: c.title for cid, c in before.conclusions.items() if c.title}
    words |= {o.id: f"{o.duty} ({o.citation})" if o.duty else o.id for o in before.obligations}
    words |= {q.id: q.question for q in before.open_questions}
    after = what_if.result if what_if and what_if.result else {}
    for o in after.get("obligations", ()):
        words.setdefault(o["id"], f"{o['duty']} ({o['citation']})" if o.get("duty") else o["id"])
    for q in after.get("open_questions", ()):
        words.setdefault(q["id"], q.get("question") or q["id"])
    return words


class Inventory:
    """Every fact file in the data folder checked as ``aiact check DIR --format jsonl`` checks it.

    A file's outcome is kept while its size and modification time are the
    same and the day has not changed, so a page of a large folder assesses
    again only what changed. Many files at once (a first visit) are spread
    over processes by ``aiact check --jobs``'s own pool, and the server fills
    the cache that way in the background when it starts
    (:meth:`warm_up`), so the first visit usually finds it full.
    """

    def __init__(self, folder: DataFolder) -> None:
        self.folder = folder
        self._cache: dict[str, tuple[tuple[int, int, date], Checked]] = {}
        self._lock = threading.Lock()

    def checked(self) -> list[Checked]:
        """Each file's outcome, in ``aiact check``'s order (sorted by path, recursive, hidden files skipped)."""
        return self._refresh(in_process=True)

    def warm_up(self) -> threading.Thread:
        """Fill the cache in a background thread, through worker processes only (the engine is not thread-safe)."""
        thread = threading.Thread(target=self._refresh, kwargs={"in_process": False}, daemon=True,
                                  name="aiact-inventory-warm-up")
        thread.start()
        return thread

    def _refresh(self, *, in_process: bool) -> list[Checked]:
        with self._lock:
            files, _ = expand([self.folder.root])
            today = date.today()
            keys: dict[str, tuple[int, int, date]] = {}
            for file in files:
                try:
                    info = file.stat()
                except OSError:
                    continue
                keys[str(file)] = (info.st_size, info.st_mtime_ns, today)
            stale = [path for path, key in keys.items() if self._cache.get(path, (None,))[0] != key]
            if len(stale) > 1 or (stale and in_process):
                jobs = 1 if in_process and len(stale) <= IN_PROCESS_UP_TO else max(2, os.cpu_count() or 1)
                tasks = [Task(path, "jsonl", today=today, detail=INVENTORY_DETAIL) for path in stale]
                for path, checked in zip(stale, run(tasks, jobs), strict=True):
                    self._cache[path] = (keys[path], checked)
            self._cache = {path: self._cache[path] for path in keys if path in self._cache}
            return [entry[1] for entry in self._cache.values()]

    def jsonl(self) -> str:
        """The export: byte for byte what ``aiact check DATA_FOLDER --format jsonl`` prints on stdout."""
        return "".join(c.rendered + "\n" for c in self.checked() if c.rendered)
