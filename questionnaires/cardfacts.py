"""A model card's metadata as a fact file: every fact the card settles, with where it came from.

The mapping is data (``model_cards.yaml``); this module applies it. Three
promises hold for every card:

- Nothing the card does not say is guessed. A licence the table does not
  know keeps its terms unknown; a modification's compute share is never in
  a card and stays an open question; a task tag that does not settle what
  the model generates leaves the modalities unknown. Each such gap is a note.
- Every fact written has a ``provenance`` entry ("model card: license:
  apache-2.0"), which the memo's facts appendix shows as its basis; a later
  answer in the interview replaces both.
- A card with a wrong shape (a list where one licence is expected, a
  relation the hub does not define) is refused, one line per problem, and
  nothing is written. A field aiact does not read is ignored with a note.
"""

from __future__ import annotations

import textwrap
from functools import cache
from importlib import resources

import yaml

from aiact.engine import FactFileError, validate
from aiact.engine.bundled import read_bundled_yaml
from aiact.engine.catalogue import fact_catalogue
from aiact.engine.record import record
from aiact.rules.licences import find_licence

from .modelcard import ModelCard
from .session import Answers

MAPPING_FILE = "model_cards.yaml"
LICENCE = "release.licence"
MODIFIED_FROM = "gpai.modified_from"
MODIFIES = "gpai.modifies_other_model"
COMPUTE_SHARE = "gpai.modification_compute_share"
MODALITIES = "artefact.output_modalities"
TEXT_PROMPTED = "artefact.text_to_image_or_video"
VISUAL = ("image", "video")
ACCESS = "release.licence_grants.access"
SUBJECT = "subject.name"

READ_FIELDS = (
    "license", "license_name", "license_link", "base_model", "base_model_relation", "pipeline_tag",
    "datasets", "model_name", "gated", "extra_gated_prompt", "extra_gated_fields", "extra_gated_eu_disallowed",
)
"""The card fields this module reads; ``ignored_fields`` in the data lists those read past in silence."""


@record
class Relation:
    """One ``base_model_relation``: what it says the model is, and why its compute share stays open."""

    says: str
    compute: str


@record(eq=False)
class CardMapping:
    """The mapping data, checked against the licence table and the fact catalogue when loaded."""

    licences: dict[str, str | None]
    licence_names: dict[str, str | None]
    relations: dict[str, Relation]
    pipeline_tags: dict[str, tuple[str, ...] | None]
    text_prompted: dict[str, bool]
    ignored_fields: frozenset[str]


@cache
def card_mapping() -> CardMapping:
    """The mapping of ``model_cards.yaml``; a row naming no licence of the table, or no modality, is an error."""
    data = read_bundled_yaml(resources.files("aiact.questionnaires").joinpath(MAPPING_FILE).read_text("utf-8"))
    mapping = CardMapping(
        licences={str(k): v for k, v in data["licences"].items()},
        licence_names={str(k): v for k, v in data["licence_names"].items()},
        relations={k: Relation(**v) for k, v in data["relations"].items()},
        pipeline_tags={k: tuple(v) if v is not None else None for k, v in data["pipeline_tags"].items()},
        text_prompted={str(k): v for k, v in data["text_prompted"].items()},
        ignored_fields=frozenset(data["ignored_fields"]),
    )
    for table in (mapping.licences, mapping.licence_names):
        for hub_id, licence_id in table.items():
            found = find_licence(licence_id) if licence_id is not None else None
            if licence_id is not None and (found is None or found.id != licence_id):
                raise ValueError(f"{MAPPING_FILE}: {hub_id}: {licence_id} is not an id of the licence table")
    allowed = fact_catalogue()[MODALITIES].allowed
    for tag, modalities in mapping.pipeline_tags.items():
        if modalities is not None and not set(modalities) <= set(allowed):
            raise ValueError(f"{MAPPING_FILE}: {tag}: modalities must be among {', '.join(allowed)}")
    visual = {tag for tag, modalities in mapping.pipeline_tags.items() if modalities and set(modalities) & set(VISUAL)}
    if set(mapping.text_prompted) != visual or not all(isinstance(v, bool) for v in mapping.text_prompted.values()):
        raise ValueError(f"{MAPPING_FILE}: text_prompted must say true or false for exactly the image and video tags "
                         f"of pipeline_tags: {', '.join(sorted(visual))}")
    return mapping


@record
class CardFacts:
    """The fact file made from one card, and the notes to show the person (what stays open, what was ignored)."""

    document: dict[str, object]
    notes: list[str]


def card_facts(card: ModelCard) -> CardFacts:
    """The fact file (aiact-facts/1, with provenance) for a card; raises :class:`FactFileError` on a bad card."""
    reader = _Reader(card, card_mapping())
    reader.read()
    if reader.problems:
        raise FactFileError(card.source, reader.problems)
    document = reader.document()
    validate(document, card.source)  # a mapping bug must never write a file that aiact check would refuse
    return CardFacts(document, reader.notes)


class _Reader:
    """One card read field by field: facts with their sources, notes, and problems."""

    def __init__(self, card: ModelCard, mapping: CardMapping) -> None:
        self.card = card
        self.meta = card.metadata
        self.mapping = mapping
        self.facts: dict[str, object] = {}
        self.sources: dict[str, str] = {}
        self.notes: list[str] = []
        self.problems: list[str] = []
        self.name = card.name_hint

    def read(self) -> None:
        self.notes.append(
            "the card describes a model: the facts are about the model (a model alone is not an AI system, "
            "recital 97); whether it is general-purpose (artefact.gpai_model, Art. 3(63)) the card does not say"
        )
        self._name()
        self._licence()
        self._base_model()
        self._pipeline_tag()
        self._gating()
        self._datasets()
        for key in self.meta:
            if key not in READ_FIELDS and key not in self.mapping.ignored_fields:
                self.notes.append(f"{key}: not a card field aiact reads; ignored")

    def document(self) -> dict[str, object]:
        """The fact file, laid out as the interview lays out its answers (it resumes from this)."""
        kept: dict[str, object] = {"provenance": dict(self.sources)} if self.sources else {}
        return Answers(name=self.name, facts=dict(self.facts), kept=kept).document()

    # --- helpers ------------------------------------------------------------------------------

    def _set(self, path: str, value: object, source: str) -> None:
        self.facts[path] = value
        self.sources[path] = f"model card: {source}"

    def _text(self, key: str, allowed: str) -> str | None:
        """A field that must be one piece of text, or None when absent (a wrong shape is a problem)."""
        value = self.meta.get(key)
        if value is None:
            return None
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.problems.append(f"{key}: expected {allowed}, got {_shown(value)}")
        return None

    # --- fields -------------------------------------------------------------------------------

    def _name(self) -> None:
        name = self._text("model_name", "the model's name (text)")
        if name is not None:
            self.name = name
            self.sources[SUBJECT] = f"model card: model_name: {name}"
            return
        if self.card.title:
            self.name = self.card.title
            self.sources[SUBJECT] = f"model card: title: {self.name}"
            return
        index = self.meta.get("model-index")
        if isinstance(index, list) and index and isinstance(index[0], dict):
            first = index[0].get("name")
            if isinstance(first, str) and first.strip():
                self.name = first.strip()
                self.sources[SUBJECT] = f"model card: model-index name: {self.name}"

    def _licence(self) -> None:
        hub_id = self._text("license", "one licence identifier (text), e.g. license: apache-2.0")
        name = self._text("license_name", "the licence's name (text), e.g. license_name: my-model-licence")
        link = self._text("license_link", "a link to the licence (text)")
        if hub_id is None:
            if self.meta.get("license") is None:
                self.notes.append("license: the card names no licence; release.licence stays unknown")
            return
        key = hub_id.lower()
        if key == "unknown":
            self.notes.append("license: unknown: the card does not know its licence; release.licence stays unknown")
            return
        said = f"license: {hub_id}"
        if key == "other":
            if name is None:
                self.notes.append(
                    "license: other without license_name: the card does not name its licence; "
                    "release.licence stays unknown" + (f" (see {link})" if link else "")
                )
                return
            said += f", license_name: {name}"
            chosen = self.mapping.licence_names.get(name.lower(), name)
        else:
            chosen = self.mapping.licences.get(key, hub_id)
        if link:
            said += f" ({link})"
        licence = find_licence(chosen) if chosen is not None else None
        shown = name if key == "other" else hub_id
        self._set(LICENCE, licence.id if licence else shown, said)
        if licence is None:
            self.notes.append(
                f"license: {shown} is not in aiact's licence table: what it grants and restricts stays unknown; "
                "answer release.licence_grants and release.licence_restrictions from its text"
            )

    def _base_model(self) -> None:
        value = self.meta.get("base_model")
        relation = self._text("base_model_relation", "one of " + ", ".join(self.mapping.relations))
        bases = [value] if isinstance(value, str) else value
        problems = len(self.problems)
        if relation is not None and relation not in self.mapping.relations:
            self.problems.append(
                f"base_model_relation: {relation!r} is not a relation the hub defines; "
                f"expected one of {', '.join(self.mapping.relations)}"
            )
        if value is not None and (
            not isinstance(bases, list) or not bases or not all(isinstance(b, str) and b.strip() for b in bases)
        ):
            self.problems.append(
                f"base_model: expected a model id (ORG/NAME) or a list of them (a merge), got {_shown(value)}"
            )
        if len(self.problems) > problems:
            return
        if not isinstance(bases, list):
            if relation is not None:
                self.notes.append(f"base_model_relation: {relation} without base_model: no base model named; ignored")
            return
        bases = [b.strip() for b in bases]
        said = f"base_model: {', '.join(bases)}" + (f"; base_model_relation: {relation}" if relation else "")
        own = self.card.repo_id.split("/")[0].lower() if self.card.repo_id else None
        if own and all(b.split("/")[0].lower() == own for b in bases):
            self.notes.append(
                f"base_model: {', '.join(bases)} belongs to the same organisation as {self.card.repo_id}: whether "
                f"this is a modification of another provider's model ({MODIFIES}) is for you to answer"
            )
            return
        self._set(MODIFIED_FROM, ", ".join(bases), said)
        if MODIFIES in fact_catalogue():
            self._set(MODIFIES, True, said)
        open_share = (
            f"the share of the original's training compute it used ({COMPUTE_SHARE}) is not in the card and stays "
            "open: above one third you become the provider of the modified model (Commission GPAI guidelines, 3.2)"
        )
        if relation is not None:
            kind = self.mapping.relations[relation]
            self.notes.append(f"base_model_relation: {relation}: {kind.says}; {kind.compute}; {open_share}")
        else:
            merge = "; several base models and no relation: the hub reads it as a merge" if len(bases) > 1 else ""
            self.notes.append(f"base_model: a modification of {', '.join(bases)}{merge}; {open_share}")

    def _pipeline_tag(self) -> None:
        tag = self._text("pipeline_tag", "one task tag (text), e.g. pipeline_tag: text-generation")
        if tag is None:
            return
        modalities = self.mapping.pipeline_tags.get(tag)
        if modalities is None:
            self.notes.append(
                f"pipeline_tag: {tag} does not settle what the model generates; {MODALITIES} stays unknown"
            )
            return
        self._set(MODALITIES, list(modalities), f"pipeline_tag: {tag}")
        prompted = self.mapping.text_prompted.get(tag)
        if prompted is not None:
            self._set(TEXT_PROMPTED, prompted, f"pipeline_tag: {tag}")
            if not prompted:
                self.notes.append(
                    f"pipeline_tag: {tag}: its images or video are not made from a text prompt, so {TEXT_PROMPTED} "
                    "is no and the output does not meet the Commission's indicative GPAI criterion; if the model "
                    "also makes them from a text prompt alone, answer yes"
                )
        if "other" not in modalities:
            self.notes.append(
                f"pipeline_tag: {tag} is the model's main task: if it also generates other kinds of output "
                f"(code, images ...), add them to {MODALITIES}"
            )

    def _gating(self) -> None:
        gated = self.meta.get("gated")
        fields = self.meta.get("extra_gated_fields")
        prompt = self._text("extra_gated_prompt", "the text shown at the access request (text)")
        eu = self.meta.get("extra_gated_eu_disallowed")
        if gated not in (None, True, False, "auto", "manual"):
            self.problems.append(f"gated: expected true, false, auto or manual, got {_shown(gated)}")
        if fields is not None and not isinstance(fields, dict):
            self.problems.append(f"extra_gated_fields: expected a mapping of field name to type, got {_shown(fields)}")
        if eu not in (None, True, False):
            self.problems.append(f"extra_gated_eu_disallowed: expected true or false, got {_shown(eu)}")
        if self.problems:
            return
        if eu is True:
            self._set(ACCESS, False, "extra_gated_eu_disallowed: true (access refused in the EU; the GPAI "
                      "guidelines 4.2.1 read access restricted by country as not open to anyone)")
            self.notes.append(
                "extra_gated_eu_disallowed: true: the hub refuses the download in the EU, so access is not open to "
                "anyone; whether distribution and use in the Union are clearly excluded (market.eu_excluded) "
                "is for you to answer"
            )
        if not (gated not in (None, False) or fields or prompt):
            return
        asked = ", ".join(str(k) for k in fields) if isinstance(fields, dict) and fields else None
        self.notes.append(
            "gated access: users must share their contact details"
            + (f" ({asked})" if asked else "")
            + " and accept conditions before downloading"
            + (" and the authors approve each request" if gated == "manual" else "")
            + ". The Commission's GPAI guidelines (4.2.1) accept reasonable safety and security measures such as "
            "user verification if they do not discriminate unfairly; personal data required for access counts "
            "like monetisation unless it serves model security alone (4.2.2, legal question monetisation_scope): "
            "answer release.monetisation (personal_data) and release.licence_grants.access"
        )

    def _datasets(self) -> None:
        datasets = self.meta.get("datasets")
        if datasets is None:
            return
        if not isinstance(datasets, list) or not all(isinstance(d, str) for d in datasets):
            self.problems.append(f"datasets: expected a list of dataset ids, got {_shown(datasets)}")
            return
        if datasets:
            self.notes.append(
                f"datasets: the card names {len(datasets)} training data set(s); whether the training data are "
                "public (release.training_data_public) and documented (release.data_information_public) "
                "is for you to answer"
            )


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def fact_file_text(result: CardFacts, *, card: str, json_format: bool = False) -> str:
    """The fact file's text: YAML with the notes as comments on top (JSON has no comments: facts only)."""
    if json_format:
        import json

        return json.dumps(result.document, indent=2, ensure_ascii=False) + "\n"
    header = [f"Facts from the model card {card} (aiact init --from-model-card).",
              "Only what the card settles is stated; everything else is unknown. Notes:"]
    for note in result.notes:
        header += textwrap.wrap(note, width=96, initial_indent="- ", subsequent_indent="  ", break_on_hyphens=False)
    comments = "".join(f"# {line}\n" for line in header)
    body = yaml.safe_dump(result.document, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    return comments + body
