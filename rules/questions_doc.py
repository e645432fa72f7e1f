"""The open legal questions as Markdown, for docs/legal-questions.md (generated from the rule base, never typed twice).

``python -m aiact.rules.questions_doc docs/legal-questions.md`` rewrites the
page; a test fails when the page and ``rules/legal_questions.py`` disagree.
The shared catalogue of open questions is read-only for the project; the
questions the rule base adds to it are marked, each with both readings.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .legal_questions import QUESTIONS

SHARED_CATALOGUE = frozenset({
    "hosting_is_placing", "art_2_12_reach", "third_party_puts_into_service", "models_vs_systems",
    "monetisation_scope", "restricted_licence", "osaid_gap", "compute_estimate", "amended_dates",
    "gpai_indicative_criterion",
})
"""The ids of the project's shared catalogue of open legal questions (stable ids; the list may grow)."""

INTRO = """# Open legal questions

Generated from `rules/legal_questions.py` (`python -m aiact.rules.questions_doc docs/legal-questions.md`); do not
edit by hand. Each question is raised in a result only where the facts make it bite: the result then carries
why it matters for those facts, both readings, the conclusions that turn on it and the reading the rule base
takes to go on (the memo marks the conclusions resting on it). Questions marked *added by aiact* are not in the
shared catalogue of open questions; the rule base raises them on the same terms.
"""


def render() -> str:
    """Every legal question of the rule base, in its order, with its readings and working reading."""
    out = [INTRO]
    for question in QUESTIONS:
        added = "" if question.id in SHARED_CATALOGUE else " *(added by aiact)*"
        out += [f"## `{question.id}`{added}", "", question.question, "", f"**Why it is raised.** {question.why}", ""]
        out += [f"**Reading {n}.** {reading}" + "\n" for n, reading in enumerate(question.readings, 1)]
        if question.working_reading:
            out += [f"**Working reading.** {question.working_reading}", ""]
        out += [f"**Turns on it:** {', '.join(f'`{c}`' for c in question.affects)}. "
                f"**Cites:** {'; '.join(question.citations)}.", ""]
    return "\n".join(out).rstrip("\n") + "\n"


if __name__ == "__main__":  # pragma: no cover - run by hand after editing legal_questions.py
    Path(sys.argv[1]).write_text(render(), "utf-8")
