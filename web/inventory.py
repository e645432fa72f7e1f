"""The inventory page: one row per fact file in the data folder, its headline, sortable by any column.

A row is read from the very JSON line the export writes (``aiact check
--format jsonl``), so the page and the export cannot disagree.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from aiact.batch import Checked
from aiact.engine.record import record

from .folder import NAME

COLUMNS = (
    ("name", "Assessment"),
    ("prohibited_practice", "Prohibited"),
    ("high_risk", "High-risk"),
    ("transparency_obligations", "Transparency duties"),
    ("gpai_model", "GPAI model"),
    ("gpai_systemic_risk", "Systemic risk"),
    ("undetermined", "Undetermined"),
    ("in_force", "Duties in force"),
    ("open_questions", "Open questions"),
)
"""Column key and heading, in the page's order; the classification keys are conclusion ids."""
STATUS_ORDER = {"yes": 0, "undetermined": 1, "no": 2, "": 3}


@record
class Row:
    """One assessment in the inventory."""

    name: str
    """The file's path within the data folder."""
    subject: str
    statuses: dict[str, str]
    undetermined: int
    in_force: int
    open_questions: int
    linked: bool
    """Whether the file can be opened in the browser (directly in the folder, with a plain name)."""
    problems: tuple[str, ...] = ()


def inventory_rows(outcomes: Sequence[Checked], root: Path) -> list[Row]:
    """The rows for these outcomes (a bad file is a row with its problems)."""
    rows = []
    for checked in outcomes:
        name = Path(checked.source).relative_to(root).as_posix()
        linked = bool(NAME.match(name))
        if checked.rendered:
            rows.append(_row(name, linked, checked.rendered))
        else:
            problems = checked.problems or ((checked.internal_error,) if checked.internal_error else ())
            rows.append(Row(name, "", {}, 0, 0, 0, linked, tuple(p for p in problems if p)))
    return rows


@lru_cache(maxsize=4096)
def _row(name: str, linked: bool, line: str) -> Row:
    result = json.loads(line)
    conclusions = result["conclusions"]
    statuses = {key: conclusions[key]["status"] for key, _ in COLUMNS if key in conclusions}
    undetermined = sum(1 for cid, c in conclusions.items() if not cid.startswith("_") and c["status"] == "undetermined")
    in_force = sum(1 for o in result["obligations"] if o["in_force"] and o["status"] == "yes" and not o["exempted_by"])
    return Row(name, result["subject"], statuses, undetermined, in_force, len(result["open_questions"]), linked)


def sort_rows(rows: list[Row], key: str, descending: bool = False) -> list[Row]:
    """Rows sorted by a column (statuses: yes, undetermined, no; then by name); unknown keys sort by name."""
    if key in ("undetermined", "in_force", "open_questions"):
        ordered = sorted(rows, key=lambda r: (getattr(r, key), r.name))
        return ordered[::-1] if descending else ordered
    if key == "name" or key not in dict(COLUMNS):
        return sorted(rows, key=lambda r: (r.subject.lower(), r.name), reverse=descending)
    ordered = sorted(rows, key=lambda r: (STATUS_ORDER.get(r.statuses.get(key, ""), 3), r.name))
    return ordered[::-1] if descending else ordered
