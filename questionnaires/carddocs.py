"""The model-card mapping as Markdown tables, for docs/model-cards.md (generated, never typed twice).

``python -m aiact.questionnaires.carddocs docs/model-cards.md`` rewrites the
part of the page between its two markers; a test fails when the page and
``model_cards.yaml`` disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .cardfacts import MODIFIED_FROM, MODIFIES, TEXT_PROMPTED, card_mapping

START = "<!-- mapping: generated from questionnaires/model_cards.yaml; do not edit by hand -->"
END = "<!-- end of mapping -->"
UNKNOWN_TERMS = "named as the card names it; grants and restrictions unknown"


def _table(header: tuple[str, str], rows: list[tuple[str, str]]) -> list[str]:
    lines = [f"| {header[0]} | {header[1]} |", "| --- | --- |"]
    return lines + [f"| `{left}` | {right} |" for left, right in rows]


def mapping_markdown() -> str:
    """Every row of the mapping, one table per card field."""
    mapping = card_mapping()
    out: list[str] = ["### `license` → `release.licence`", ""]
    out += _table(("card says", "release.licence"), [
        (hub_id, f"`{licence_id}`" if licence_id else UNKNOWN_TERMS) for hub_id, licence_id in mapping.licences.items()
    ])
    out += ["", "### `license: other` + `license_name` → `release.licence`", ""]
    out += _table(("license_name", "release.licence"), [
        (name, f"`{licence_id}`" if licence_id else UNKNOWN_TERMS) for name, licence_id in mapping.licence_names.items()
    ])
    out += ["", f"### `base_model` + `base_model_relation` → `{MODIFIED_FROM}`, `{MODIFIES}`", ""]
    out += _table(("base_model_relation", "what the card says; the compute share stays open"), [
        (relation, f"{kind.says}; {kind.compute}") for relation, kind in mapping.relations.items()
    ])
    out += ["", "### `pipeline_tag` → `artefact.output_modalities`", ""]
    out += _table(("pipeline_tag", "artefact.output_modalities"), [
        (tag, ", ".join(modalities) if modalities else "unknown: the tag does not settle it")
        for tag, modalities in mapping.pipeline_tags.items()
    ])
    out += ["", f"### `pipeline_tag` → `{TEXT_PROMPTED}` (image and video tags)", ""]
    out += _table(("pipeline_tag", TEXT_PROMPTED), [
        (tag, "yes: made from a text prompt" if prompted else "no: made from a given picture or clip, or unprompted")
        for tag, prompted in mapping.text_prompted.items()
    ])
    out += ["", "### Read past without a note", "", ", ".join(f"`{name}`" for name in sorted(mapping.ignored_fields))]
    return "\n".join([START, "", *out, "", END])


def current(page: str) -> str:
    """The page with its generated part replaced by the mapping as it is now."""
    before, _, rest = page.partition(START)
    _, _, after = rest.partition(END)
    return before + mapping_markdown() + after


if __name__ == "__main__":  # pragma: no cover - run by hand after editing model_cards.yaml
    target = Path(sys.argv[1])
    target.write_text(current(target.read_text("utf-8")), "utf-8")
