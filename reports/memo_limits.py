"""How long a memo is, section by section, as a reader counts it (for the tests and benchmarks/memo.py).

The limits are the reader's: a lawyer reads the first five sections (title
block, Answer, Reasoning, Duties in detail, Open questions); the appendices
are for checking. A word is what a person would count on the rendered page:
Markdown syntax (table pipes, emphasis marks, heading hashes, backticks) is
not a word, and neither is punctuation standing alone.
"""

from __future__ import annotations

import re

from aiact.engine.record import record

ANSWER_LIMIT = 450
"""Words in ``## Answer`` at most."""
READING_LIMIT = 2500
"""Words in sections 1 to 5 together at most."""
APPENDIX = "Appendix"
"""Sections whose heading starts so are appendices and do not count against the reading limit."""

_WORD = re.compile(r"[^\s|*`#>_-][^\s|*`]*")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")


@record
class MemoLength:
    """Words per level-2 section of one memo, with the title block under ``""``."""

    sections: dict[str, int]

    @property
    def answer(self) -> int:
        return self.sections.get("Answer", 0)

    @property
    def reading(self) -> int:
        """Words of the title block and every section before the appendices."""
        return sum(words for title, words in self.sections.items() if not title.startswith(APPENDIX))

    @property
    def within_limits(self) -> bool:
        return self.answer <= ANSWER_LIMIT and self.reading <= READING_LIMIT


def words(text: str) -> int:
    """Words of Markdown text as a reader counts them on the page."""
    count = 0
    for line in text.splitlines():
        if _TABLE_RULE.match(line.strip()):
            continue
        count += sum(1 for token in _WORD.findall(line) if re.search(r"\w", token))
    return count


def measure(markdown: str) -> MemoLength:
    """The words of each level-2 section of a memo (the part before the first is the title block)."""
    sections: dict[str, int] = {}
    title = ""
    lines: list[str] = []
    for line in markdown.splitlines():
        if line.startswith("## "):
            sections[title] = words("\n".join(lines))
            title, lines = line[3:].strip(), []
        else:
            lines.append(line)
    sections[title] = words("\n".join(lines))
    return MemoLength(sections)
