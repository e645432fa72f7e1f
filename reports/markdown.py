"""Small CommonMark builders that keep engine text from breaking the memo's structure.

Text in the memo comes from many hands (rule statements, question texts,
fact values typed by a user). Any of it may contain ``|``, ``*``, ``<`` or a
newline; left raw, one such character would split a table cell, start
emphasis or swallow a heading. Every piece of foreign text therefore passes
through :func:`inline` (or :func:`code`) before it reaches the page, while
the text a lawyer reads in the ``.md`` file stays as plain as possible
(``gpai_model`` is not written ``gpai\\_model``: an underscore between letters
cannot start emphasis in CommonMark).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_ALWAYS = re.compile(r"([\\`*\[\]<>|~])")
_LONE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_BLOCK_MARKER = re.compile(r"^(?:(?P<mark>[#+=-])(?=[\s#+=-]|$)|(?P<digits>\d+)(?P<dot>[.)])(?=\s|$))")


def inline(text: object) -> str:
    """Foreign text as one line of literal CommonMark inline content."""
    flat = " ".join(str(text).split())
    escaped = _ALWAYS.sub(r"\\\1", flat)
    escaped = _LONE_UNDERSCORE.sub(r"\\_", escaped)
    escaped = _ENTITY.sub(r"\\&", escaped)
    return _BLOCK_MARKER.sub(_escape_marker, escaped, count=1)


def _escape_marker(match: re.Match[str]) -> str:
    """Text that would open a heading or a list when it starts a line is kept literal."""
    if match.group("mark"):
        return "\\" + match.group("mark")
    return f"{match.group('digits')}\\{match.group('dot')}"


def code(text: object) -> str:
    """A code span that survives any backticks and, inside a table, any pipe."""
    flat = " ".join(str(text).split()).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def heading(level: int, text: str) -> list[str]:
    """An ATX heading followed by its blank line (``text`` already inline-safe)."""
    return [f"{'#' * level} {text}", ""]


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A pipe table; cells must already be inline-safe (see :func:`inline`)."""
    lines = [_row(header), _row(["---"] * len(header))]
    lines += [_row(row) for row in rows]
    return [*lines, ""]


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell if cell.strip() else "\u2014" for cell in cells) + " |"


def bullets(items: Iterable[str], indent: int = 0) -> list[str]:
    """A bullet list (items already inline-safe)."""
    pad = " " * indent
    return [f"{pad}- {item}" for item in items]


def quote(lines: Iterable[str]) -> list[str]:
    """Block lines wrapped in a block quote, with a trailing blank line."""
    return [f"> {line}".rstrip() for line in lines] + [""]


def paragraph(text: str) -> list[str]:
    """A paragraph (inline-safe text) and its blank line."""
    return [text, ""]
