"""The compact text summary of one assessment (``aiact check --format text``)."""

from __future__ import annotations

from aiact.engine import Assessment

MARK = {"yes": "yes", "no": "no", "undetermined": "??"}


def text_summary(assessment: Assessment) -> str:
    """A few lines a person can scan: headline conclusions, obligations, open questions."""
    lines = [f"{assessment.subject}  (as of {assessment.as_of})"]
    for cid, conclusion in assessment.conclusions.items():
        if not conclusion.title or cid.startswith("_"):
            continue
        nearest = conclusion.because[-1] if conclusion.because else None
        basis = f"  {nearest.citation}" if nearest else ""
        lines.append(f"  {cid:<26} {MARK[conclusion.status]:<4}{basis}")
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
