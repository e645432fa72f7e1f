"""The text form of ``aiact check``: a compact summary per file, a table over many."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from aiact.engine import Assessment
from aiact.engine.record import field, record

MARK = {"yes": "yes", "no": "no", "undetermined": "??"}


def text_summary(assessment: Assessment, source: str | None = None) -> str:
    """A few lines a person can scan: headline conclusions, obligations, open questions.

    A brief assessment has no reasons, so its lines carry no citation.
    """
    where = f"{source}: " if source else ""
    lines = [f"{where}{assessment.subject}  (as of {assessment.as_of})"]
    for cid, conclusion in assessment.conclusions.items():
        if not conclusion.title or cid.startswith("_"):
            continue
        nearest = conclusion.because[-1] if conclusion.because else None
        basis = f"  {nearest.citation}" if nearest else ""
        lines.append(f"  {cid:<26} {MARK[conclusion.status]:<4}{basis}".rstrip())
    in_force = [o for o in assessment.obligations if o.in_force and o.exempted_by is None]
    later = [o for o in assessment.obligations if not o.in_force and o.exempted_by is None]
    lifted = [o for o in assessment.obligations if o.exempted_by]
    if in_force:
        lines.append(f"  obligations in force ({len(in_force)}): " + ", ".join(_obligation(o) for o in in_force))
    if later:
        lines.append(f"  obligations later ({len(later)}): "
                     + ", ".join(f"{_obligation(o)} from {o.applies_from}" for o in later))
    if lifted:
        lines.append(f"  exempted ({len(lifted)}): " + ", ".join(f"{o.id} by {o.exempted_by}" for o in lifted))
    facts = [q for q in assessment.open_questions if q.kind == "fact"]
    legal = [q for q in assessment.open_questions if q.kind == "legal"]
    lines.append(f"  open questions: {len(facts)} fact, {len(legal)} legal")
    for question in (facts[:3] + legal):
        lines.append(f"    - {question.id}: {question.question}")
    return "\n".join(lines)


def _obligation(obligation: object) -> str:
    ob = obligation
    suffix = " (?)" if getattr(ob, "status", "yes") == "undetermined" else ""
    return f"{getattr(ob, 'id', '')}{suffix}"


@record(frozen=False)
class Tally:
    """Counts over a batch, for the table printed after several files."""

    files: int = 0
    bad: list[str] = field(default_factory=list)
    internal: list[str] = field(default_factory=list)
    statuses: dict[str, Counter[str]] = field(default_factory=dict)
    prohibited: list[str] = field(default_factory=list)
    with_open_questions: int = 0

    def add(self, source: str, statuses: dict[str, str], open_questions: int) -> None:
        self.files += 1
        for cid, status in statuses.items():
            self.statuses.setdefault(cid, Counter())[status] += 1
        if statuses.get("prohibited_practice") == "yes":
            self.prohibited.append(source)
        if open_questions:
            self.with_open_questions += 1


def batch_table(tally: Tally, classifications: Sequence[tuple[str, str]]) -> str:
    """Counts by classification (yes / undetermined / no), then the files that need attention."""
    total = tally.files + len(tally.bad) + len(tally.internal)
    lines = [f"Summary of {total} files: {tally.files} assessed, {len(tally.bad)} invalid"
             + (f", {len(tally.internal)} internal errors" if tally.internal else "")]
    lines.append(f"  {'classification':<26} {'yes':>7} {'??':>7} {'no':>7}")
    for cid, label in classifications:
        counts = tally.statuses.get(cid, Counter())
        lines.append(f"  {label:<26} {counts['yes']:>7} {counts['undetermined']:>7} {counts['no']:>7}")
    lines.append(f"  files with open questions: {tally.with_open_questions}")
    lines.append(f"  files with prohibited findings: {len(tally.prohibited)}")
    lines += [f"    - {source}" for source in tally.prohibited]
    if tally.bad:
        lines.append(f"  invalid files (see the errors above): {len(tally.bad)}")
        lines += [f"    - {source}" for source in tally.bad]
    if tally.internal:
        lines.append(f"  files the engine failed on (a defect in aiact): {len(tally.internal)}")
        lines += [f"    - {source}" for source in tally.internal]
    return "\n".join(lines)
