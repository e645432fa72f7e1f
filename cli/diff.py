"""What a what-if changed: two aiact-result/1 objects compared (``aiact check --set ... --diff``).

The comparison works on the public JSON form, so it says only what a user of
that form could see change: conclusion statuses, which obligations apply and
their status, date, in-force flag and exemption, the openness profile, and
which open questions are raised. Reason chains are not compared: they follow
from the statuses and would bury the change under detail.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

OBLIGATION_FIELDS = ("status", "applies_from", "in_force", "exempted_by")
OPENNESS_FIELDS = ("gradient", "osaid", "act_open_source")


def diff_results(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """The changes from ``before`` to ``after``; every list is empty when nothing changed."""
    conclusions = [
        {"id": cid, "from": before["conclusions"][cid]["status"], "to": after["conclusions"][cid]["status"]}
        for cid in after["conclusions"]
        if cid in before["conclusions"]
        and before["conclusions"][cid]["status"] != after["conclusions"][cid]["status"]
    ]
    old = {o["id"]: o for o in before["obligations"]}
    new = {o["id"]: o for o in after["obligations"]}
    changed = []
    for oid, obligation in new.items():
        if oid not in old:
            continue
        fields = {f: [old[oid][f], obligation[f]] for f in OBLIGATION_FIELDS if old[oid][f] != obligation[f]}
        if fields:
            changed.append({"id": oid, "changes": fields})
    questions_before = [q["id"] for q in before["open_questions"]]
    questions_after = [q["id"] for q in after["open_questions"]]
    openness = {
        key: [before["openness"][key], after["openness"][key]]
        for key in OPENNESS_FIELDS
        if before["openness"][key] != after["openness"][key]
    }
    return {
        "conclusions": conclusions,
        "obligations": {
            "added": [oid for oid in new if oid not in old],
            "removed": [oid for oid in old if oid not in new],
            "changed": changed,
        },
        "openness": openness,
        "open_questions": {
            "added": [q for q in questions_after if q not in questions_before],
            "removed": [q for q in questions_before if q not in questions_after],
        },
    }


def is_empty(diff: Mapping[str, Any]) -> bool:
    """Whether the what-if changed nothing a user can see."""
    return not (
        diff["conclusions"] or diff["openness"]
        or any(diff["obligations"].values()) or any(diff["open_questions"].values())
    )


def diff_text(settings: Sequence[tuple[str, str]], diff: Mapping[str, Any] | None) -> str:
    """The what-if in a few lines: the settings, then (with --diff) what they changed."""
    lines = ["  what if: " + ", ".join(f"{path}={value}" for path, value in settings)]
    if diff is None:
        return "\n".join(lines)
    if is_empty(diff):
        lines.append("    no change to conclusions, obligations or open questions")
        return "\n".join(lines)
    lines += [f"    {c['id']}: {c['from']} -> {c['to']}" for c in diff["conclusions"]]
    lines += [f"    openness.{key}: {old} -> {new}" for key, (old, new) in diff["openness"].items()]
    obligations = diff["obligations"]
    if obligations["added"]:
        lines.append("    obligations added: " + ", ".join(obligations["added"]))
    if obligations["removed"]:
        lines.append("    obligations removed: " + ", ".join(obligations["removed"]))
    for entry in obligations["changed"]:
        parts = ", ".join(f"{name} {_shown(old)} -> {_shown(new)}" for name, (old, new) in entry["changes"].items())
        lines.append(f"    obligation {entry['id']}: {parts}")
    questions = diff["open_questions"]
    if questions["added"]:
        lines.append("    open questions added: " + ", ".join(questions["added"]))
    if questions["removed"]:
        lines.append("    open questions removed: " + ", ".join(questions["removed"]))
    return "\n".join(lines)


def _shown(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)
