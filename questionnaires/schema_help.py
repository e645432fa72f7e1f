"""The interview's help in the fact file's JSON Schema, so an editor shows it while someone writes a file by hand.

``aiact schema`` prints the schema of the fact model; this adds to every fact
the question the interview asks, its help, the values allowed (with their
plain labels) and the articles behind it, taken from the same questions.yaml
the interview reads. A YAML language server shows ``description`` on hover
and ``markdownDescription`` where it renders Markdown.
"""

from __future__ import annotations

from typing import Any

from aiact.engine.catalogue import FactSpec, fact_catalogue

from .texts import Question, load_questionnaire, say

_ABOUT = {"model": "the model", "system": "the AI system", "both": "the model and the system built on it",
          "you": "you, the person or organisation answering"}


def describe_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with every fact property described in the interview's words (changed in place, returned)."""
    questionnaire = load_questionnaire()
    for path, spec in fact_catalogue().items():
        node = _property(schema, path)
        question = questionnaire.questions.get(path)
        if node is None or question is None:
            continue
        checklist = questionnaire.checklists.get(question.checklist or "")
        plain, markdown = _texts(question, spec, node.get("description", ""),
                                 checklist.question if checklist else None)
        node["description"] = plain
        node["markdownDescription"] = markdown
    return schema


def _property(schema: dict[str, Any], path: str) -> dict[str, Any] | None:
    """The schema node of a dotted fact path, following ``$ref`` into ``$defs``."""
    node: dict[str, Any] = schema
    for part in path.split("."):
        node = _resolve(schema, node)
        found = node.get("properties", {}).get(part)
        if not isinstance(found, dict):
            return None
        node = found
    return node


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref is None:
        for option in node.get("anyOf", ()):
            if "$ref" in option:
                ref = option["$ref"]
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        resolved = schema.get("$defs", {}).get(ref.removeprefix("#/$defs/"), node)
        return resolved if isinstance(resolved, dict) else node
    return node


def _texts(question: Question, spec: FactSpec, field_text: str, checklist: str | None) -> tuple[str, str]:
    """The plain and the Markdown description of one fact."""
    allowed = _allowed(question, spec)
    asked = f"Asked about {_ABOUT[question.about]}"
    if checklist:
        asked += f", as one choice of: \"{checklist}\" ({question.label})"
    rests = say("citations", citations="; ".join(question.citations)) if question.citations else ""
    lines = [question.question, "", question.help, "", f"Allowed: {allowed}", f"{asked}.", rests]
    if field_text:
        lines += ["", f"Field: {field_text}"]
    plain = "\n".join(line for line in lines if line is not None).strip()
    markdown = "\n".join([
        f"**{question.question}**", "", question.help.replace("\n", "  \n"), "",
        f"*Allowed:* {allowed}  ", f"*{asked}.*  ", f"*{rests}*" if rests else "",
    ]).strip()
    return plain, markdown


def _allowed(question: Question, spec: FactSpec) -> str:
    unknown = '"unknown" (don\'t know)'
    if spec.kind == "tri":
        return f"true, false, or {unknown}"
    if spec.kind in ("enum", "list"):
        values = ", ".join(f"{value} ({label})" for value, label in question.choices.items())
        if spec.kind == "enum":
            return f"one of {values}; or {unknown}"
        return f"a list of any of {values}; [] for none; or {unknown}"
    if spec.kind == "number" and getattr(spec, "unit", "") == "percent":
        return f'a percentage (2 or "2%"), a bound or band ("<5%", "1-5%"), an estimate ("about 2%"), or {unknown}'
    return {
        "number": f'a number (e.g. 3.8e25), a bound or band ("<1e23", "1e23-1e25"), an estimate ("about 3e24"), '
                  f"or {unknown}",
        "date": f"a date YYYY-MM-DD, or {unknown}",
        "text": f"any text, or {unknown}",
    }.get(spec.kind, unknown)
