"""The memo: what a compliance officer sends to counsel, as CommonMark.

One assessment in, one document out, byte for byte the same for the same
facts: no clock is read (the only date is the assessment's ``as_of``), and
every list follows the engine's or the fact model's order. The memo renders;
it never decides law. Each status, reason, date and question is the
engine's; these modules only choose where it goes and, through
``templates/memo.yaml``, how it is worded.

The order is the reader's, a lawyer who has to sign off (issue 11): the
title block, the Answer (at most 450 words), the Reasoning as prose, the
Duties in detail, the Open questions; then the appendices: the facts, the
assumptions and limits that touched this case, and the rule trail, the only
place where the engine's ids appear. :mod:`.html` turns the same Markdown
into a standalone page.
"""

from __future__ import annotations

from collections.abc import Mapping

from aiact.engine import Assessment, FactFile, RuleBase
from aiact.engine.dates import DATE_TABLE, LawVersion
from aiact.engine.record import field, record

from .memo_answer import answer_section, memo_heading, title_block
from .memo_appendix import assumptions_section, trail_section
from .memo_duties import duties_section, questions_section
from .memo_facts import FactView, facts_section
from .memo_limits import READING_LIMIT, measure
from .memo_reasoning import reasoning_section
from .memo_view import MemoView


@record
class MemoInput:
    """Everything a memo is rendered from.

    ``fact_file`` is the name shown for the file (its base name, so that the
    memo does not depend on where the file lies) and ``checksum`` the sha256 of
    its bytes; ``settings`` are the what-if changes (``path``, ``value``) applied
    before validation, in the order given; ``questions`` the question put for
    each fact path (the questionnaire's wording), so that a fact is shown as
    the person answering it saw it. ``unanswered`` is set by an interview left
    unfinished: the number of questions that still matter; the memo is then a
    draft and says so in its title and on its first line.
    """

    assessment: Assessment
    facts: FactFile
    rulebase: RuleBase
    tool_version: str
    fact_file: str
    checksum: str
    settings: tuple[tuple[str, str], ...] = ()
    law_versions: tuple[LawVersion, ...] = tuple(DATE_TABLE.versions.values())
    questions: Mapping[str, str] = field(default_factory=dict)
    unanswered: int = 0


def render_memo(memo: MemoInput) -> str:
    """The memo as CommonMark (with pipe tables), ending in one newline.

    Sections 1 to 5 are kept to what a lawyer reads in one sitting (2,500 words): when the full text is
    longer, the memo is rendered again with the next level of brevity (see :class:`MemoView`); the
    appendices and the JSON result keep everything. The choice depends only on the text, so the same
    facts still give the same bytes.
    """
    facts = FactView.of(memo.facts, memo.assessment, dict(memo.settings), memo.questions)
    for brevity in BREVITY:
        text = _render(memo, MemoView(memo.assessment, memo.rulebase, facts, brevity))
        if measure(text).reading <= READING_LIMIT:
            break
    return text


BREVITY = (0, 1, 2, 3, 4, 5, 6, 7)


def _render(memo: MemoInput, view: MemoView) -> str:
    subject = memo.facts.subject
    out = title_block(
        view, subject=subject.name, version=subject.version, tool_version=memo.tool_version,
        fact_file=memo.fact_file, checksum=memo.checksum, settings=memo.settings,
        law_versions=memo.law_versions, draft=memo.unanswered > 0,
    )
    out += answer_section(view, memo.unanswered)
    out += reasoning_section(view)
    out += duties_section(view)
    out += questions_section(view)
    out += facts_section(view.facts, memo.assessment, memo.rulebase, view.number)
    out += assumptions_section(view)
    out += trail_section(view)
    return "\n".join(out).rstrip("\n") + "\n"


def memo_title(assessment: Assessment, *, draft: bool = False) -> str:
    """The memo's title as plain text (for the HTML page's ``<title>``)."""
    return memo_heading(assessment.subject, draft=draft, escape=False)


__all__ = ["MemoInput", "memo_title", "render_memo"]
