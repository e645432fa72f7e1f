"""Memo length and determinism for every bundled example: the limits of issue 11, printed so they can be watched.

    .venv/bin/python benchmarks/memo.py

For each ``examples/*.yaml`` it renders the memo twice and prints the words
of the ``## Answer`` (limit 450), of sections 1 to 5 together (title block to
Open questions, limit 2,500), of the whole memo, and whether the two renders
were the same bytes. tests/test_memo.py asserts the same limits; this script
shows how much room is left. Exit status 1 when an example breaks a limit.
"""

from __future__ import annotations

import sys
from pathlib import Path

from aiact.engine import load_fact_file
from aiact.outputs import memo_text
from aiact.reports.memo_limits import ANSWER_LIMIT, READING_LIMIT, measure, words

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    print(f"{'example':<36} {'answer':>7} {'1-5':>6} {'total':>6}  same bytes")
    failed = False
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        facts = load_fact_file(path)
        first, second = (memo_text(facts, fact_file=path.name, checksum="-") for _ in range(2))
        length = measure(first)
        failed |= not length.within_limits or first != second
        print(f"{path.stem:<36} {length.answer:>7} {length.reading:>6} {words(first):>6}  {first == second}")
    print(f"limits: answer <= {ANSWER_LIMIT}, sections 1-5 <= {READING_LIMIT}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
