"""The few lines shown when an interview ends: the headline conclusions and the obligations count.

The full result stays with ``aiact check`` and the memo; this is what a
person needs to see before deciding whether to read them.
"""

from __future__ import annotations

from aiact.engine import Assessment

from .texts import say


def summary_lines(assessment: Assessment, file: str) -> list[str]:
    """Headline conclusions grouped by status, obligations and open questions counted, where to look next."""
    lines = [say("summary_title", subject=assessment.subject, as_of=assessment.as_of)]
    groups = {"yes": "summary_yes", "no": "summary_no", "undetermined": "summary_open"}
    for status, key in groups.items():
        titles = [c.title for c in assessment.conclusions.values() if c.status == status and c.title]
        if titles:
            lines.append(say(key, items="; ".join(titles)))
    obligations = assessment.obligations
    lifted = [o for o in obligations if o.exempted_by]
    owed = [o for o in obligations if not o.exempted_by and o.status == "yes"]
    in_force = [o for o in owed if o.in_force]
    lines.append(say("summary_obligations", count=len(obligations), in_force=len(in_force),
                     later=len(owed) - len(in_force), open=len(obligations) - len(owed) - len(lifted),
                     lifted=len(lifted)))
    kinds = [q.kind for q in assessment.open_questions]
    lines.append(say("summary_questions", facts=kinds.count("fact"), legal=kinds.count("legal")))
    lines.append(say("summary_next", file=file))
    lines.append(say("disclaimer"))
    return lines
