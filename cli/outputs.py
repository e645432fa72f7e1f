"""What the front doors make of an assessment: the memo's text and the detail of a result.

Both front doors use these, the command line (``aiact memo``, ``aiact
interview --memo``, ``aiact check``) and the web pages (``aiact serve``), so
they live here, below the click commands and beside :mod:`aiact.batch`: no
front door imports another's command module, and a page's memo or
inventory is the command's by construction, not by copy.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from aiact import __version__, default_engine
from aiact.engine import FactFile
from aiact.engine.result import Detail
from aiact.reports.html import render_html
from aiact.reports.memo import MemoInput, memo_title, render_memo

MEMO_FORMATS = ("markdown", "html")
HTML_SUFFIXES = (".html", ".htm")


def choose_format(requested: str | None, out: Path | None) -> str:
    """The memo format asked for; else HTML for an ``.html`` output file, Markdown otherwise."""
    if requested:
        return requested
    return "html" if out is not None and out.suffix.lower() in HTML_SUFFIXES else "markdown"


def memo_text(
    facts: FactFile,
    *,
    fact_file: str,
    checksum: str,
    output_format: str = "markdown",
    as_of: date | None = None,
    settings: tuple[tuple[str, str], ...] = (),
    unanswered: int = 0,
) -> str:
    """Assess ``facts`` and render the memo (``aiact memo``, ``aiact interview --memo``, the web's memo page).

    ``unanswered``: the questions that still matter which an unfinished interview left open; when
    there are any, the memo is a draft and says so in its title and on its first line.
    """
    engine = default_engine()
    assessment = engine.assess(facts, as_of=as_of)
    memo = render_memo(MemoInput(
        assessment, facts, engine.rulebase, __version__, fact_file, checksum, settings,
        questions={path: text.question for path, text in engine.questions.items()},
        unanswered=unanswered,
    ))
    if output_format == "markdown":
        return memo
    return render_html(memo, title=memo_title(assessment, draft=unanswered > 0), version=__version__)


def default_detail(output_format: str, single: bool) -> Detail:
    """``full`` where a person or a script reads one result (json, text on one file); ``brief`` for inventories.

    JSON Lines is the inventory format: one line per system, thousands of lines, where the reasons and
    texts of the full result would make gigabytes. The text summary of several files is a table of
    statuses. A JSON document (one file or an array) keeps the full result it has always had.
    """
    if output_format == "jsonl" or (output_format == "text" and not single):
        return "brief"
    return "full"


__all__ = ["HTML_SUFFIXES", "MEMO_FORMATS", "choose_format", "default_detail", "memo_text"]
