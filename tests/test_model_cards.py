"""From a Hugging Face model card to a fact file: every row of the mapping, and the fixture cards.

Each mapping row (questionnaires/model_cards.yaml) is tested through a card
that carries it, as a user would write it; the fixture cards in
tests/model_cards/ are real-shaped cards (the hub's documented metadata) for
the cases the issue names: a fine-tune of a community-licensed model, an
Apache-2.0 original, a research-only licence, a merge, a quantisation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aiact import default_engine
from aiact.engine import FactFileError, validate
from aiact.engine.catalogue import flatten
from aiact.questionnaires.cardfacts import (
    ACCESS,
    COMPUTE_SHARE,
    LICENCE,
    MODALITIES,
    MODIFIED_FROM,
    READ_FIELDS,
    TEXT_PROMPTED,
    CardFacts,
    card_facts,
    card_mapping,
)
from aiact.questionnaires.modelcard import ModelCard, front_matter, read_card
from aiact.rules.licences import find_licence

CARDS = Path(__file__).parent / "model_cards"


def facts_of(metadata: dict[str, object], *, repo_id: str | None = None) -> CardFacts:
    return card_facts(ModelCard("card/README.md", metadata, "card", repo_id))


def stated(result: CardFacts) -> dict[str, object]:
    """The facts the card settled, flattened (unknown ones left out)."""
    values = flatten(validate(result.document))
    return {path: value for path, value in values.items() if value != "unknown"}


def notes(result: CardFacts) -> str:
    return "\n".join(result.notes)


# --- licences --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("hub_id", "licence_id"), sorted(card_mapping().licences.items()))
def test_every_hub_licence_id_becomes_the_table_licence_or_stays_with_unknown_terms(
    hub_id: str, licence_id: str | None
) -> None:
    result = facts_of({"license": hub_id})
    source = result.document["provenance"]
    assert isinstance(source, dict) and source[LICENCE] == f"model card: license: {hub_id}"
    if licence_id is None:
        assert stated(result) == {LICENCE: hub_id}
        assert find_licence(hub_id) is None  # the engine infers nothing either: the terms stay unknown
        assert f"license: {hub_id} is not in aiact's licence table" in notes(result)
    else:
        assert stated(result) == {LICENCE: licence_id}
        assert "not in aiact's licence table" not in notes(result)


@pytest.mark.parametrize(("name", "licence_id"), sorted(card_mapping().licence_names.items()))
def test_every_licence_name_of_an_other_licence_is_mapped(name: str, licence_id: str | None) -> None:
    result = facts_of({"license": "other", "license_name": name, "license_link": "LICENSE"})
    assert stated(result) == {LICENCE: licence_id or name}
    assert result.document["provenance"][LICENCE] == (  # type: ignore[index]
        f"model card: license: other, license_name: {name} (LICENSE)"
    )
    assert ("not in aiact's licence table" in notes(result)) is (licence_id is None)


def test_the_licence_ids_the_issue_names_reach_the_licence_table() -> None:
    for hub_id in ("apache-2.0", "mit", "bsd-3-clause", "cc-by-4.0", "cc-by-nc-4.0", "openrail", "openrail++",
                   "bigscience-bloom-rail-1.0", "llama2", "llama3", "llama3.1", "llama3.2", "llama3.3", "gemma"):
        assert card_mapping().licences[hub_id] is not None, hub_id


def test_an_unknown_licence_leaves_the_terms_unknown_and_says_so() -> None:
    result = facts_of({"license": "acme-model-licence-2"})
    assert stated(result) == {LICENCE: "acme-model-licence-2"}
    assert "license: acme-model-licence-2 is not in aiact's licence table" in notes(result)
    assessment = default_engine().assess(validate(result.document))
    assert assessment.conclusions["free_open_source_licence"].status == "undetermined"


@pytest.mark.parametrize("metadata", [{"license": "unknown"}, {"license": "other"}, {"language": ["en"]}])
def test_a_card_that_names_no_licence_states_none(metadata: dict[str, object]) -> None:
    result = facts_of(metadata)
    assert LICENCE not in stated(result)
    assert "release.licence stays unknown" in notes(result)


# --- base model and relation ----------------------------------------------------------------------

@pytest.mark.parametrize("relation", sorted(card_mapping().relations))
def test_every_relation_is_a_modification_whose_compute_share_stays_open(relation: str) -> None:
    result = facts_of({"base_model": "meta-llama/Llama-3.1-8B", "base_model_relation": relation})
    facts = stated(result)
    assert facts[MODIFIED_FROM] == "meta-llama/Llama-3.1-8B"
    assert not any("compute" in path for path in facts)  # never a figure the card does not give
    said = card_mapping().relations[relation].says
    assert f"base_model_relation: {relation}: {said}" in notes(result)
    assert f"({COMPUTE_SHARE}) is not in the card and stays open" in notes(result)
    assert result.document["provenance"][MODIFIED_FROM] == (  # type: ignore[index]
        f"model card: base_model: meta-llama/Llama-3.1-8B; base_model_relation: {relation}"
    )


def test_a_base_model_list_is_a_merge_naming_every_original() -> None:
    result = facts_of({"base_model": ["org-a/A-7B", "org-b/B-7B"]})
    assert stated(result)[MODIFIED_FROM] == "org-a/A-7B, org-b/B-7B"
    assert "the hub reads it as a merge" in notes(result)


def test_a_base_model_of_the_same_organisation_is_left_for_the_person() -> None:
    result = facts_of({"base_model": "acme/Base-7B", "base_model_relation": "finetune"}, repo_id="acme/Chat-7B")
    assert MODIFIED_FROM not in stated(result)
    assert "same organisation as acme/Chat-7B" in notes(result)


def test_a_relation_without_a_base_model_is_ignored_with_a_note() -> None:
    result = facts_of({"base_model_relation": "adapter"})
    assert stated(result) == {}
    assert "without base_model" in notes(result)


# --- task, gating, other fields ----------------------------------------------------------------------

@pytest.mark.parametrize(("tag", "modalities"), sorted(card_mapping().pipeline_tags.items()))
def test_every_pipeline_tag_row(tag: str, modalities: tuple[str, ...] | None) -> None:
    result = facts_of({"pipeline_tag": tag})
    if modalities is None:
        assert MODALITIES not in stated(result)
        assert f"pipeline_tag: {tag} does not settle what the model generates" in notes(result)
    else:
        assert stated(result)[MODALITIES] == list(modalities)
        assert result.document["provenance"][MODALITIES] == f"model card: pipeline_tag: {tag}"  # type: ignore[index]


@pytest.mark.parametrize(("tag", "prompted"), sorted(card_mapping().text_prompted.items()))
def test_every_image_or_video_tag_says_whether_text_prompts_make_the_output(tag: str, prompted: bool) -> None:
    result = facts_of({"pipeline_tag": tag})
    assert stated(result)[TEXT_PROMPTED] is prompted
    assert result.document["provenance"][TEXT_PROMPTED] == f"model card: pipeline_tag: {tag}"  # type: ignore[index]
    assert ("are not made from a text prompt" in notes(result)) is not prompted


@pytest.mark.parametrize("tag", ["text-generation", "text-to-speech", "text-to-audio", "image-classification"])
def test_a_tag_without_images_or_video_leaves_text_prompting_unsaid(tag: str) -> None:
    assert TEXT_PROMPTED not in stated(facts_of({"pipeline_tag": tag}))


@pytest.mark.parametrize(("tag", "status"), [
    ("text-to-image", "yes"), ("text-to-video", "yes"), ("image-to-image", "no"), ("text-to-audio", "no"),
    ("text-generation", "yes"),
])
def test_the_card_task_decides_the_indicative_gpai_criterion_above_1e23(tag: str, status: str) -> None:
    result = facts_of({"pipeline_tag": tag})
    facts = validate({**result.document, "artefact": {
        **result.document.get("artefact", {}), "training_compute_flop": 1e24}})  # type: ignore[dict-item]
    assert default_engine().assess(facts).conclusions["gpai_model"].status == status


def test_an_unlisted_pipeline_tag_leaves_the_modalities_unknown() -> None:
    result = facts_of({"pipeline_tag": "brand-new-task"})
    assert MODALITIES not in stated(result)
    assert "brand-new-task does not settle" in notes(result)


def test_a_classifier_tag_makes_the_indicative_gpai_criterion_fail() -> None:
    result = facts_of({"pipeline_tag": "text-classification"})
    facts = validate({**result.document, "artefact": {"output_modalities": ["other"], "training_compute_flop": 1e24}})
    assert default_engine().assess(facts).conclusions["gpai_model"].status == "no"


def test_gated_access_is_a_note_on_the_guidelines_reading_not_a_fact() -> None:
    result = facts_of({"gated": "manual", "extra_gated_fields": {"Company": "text", "Country": "country"}})
    assert stated(result) == {}
    text = notes(result)
    assert "(Company, Country)" in text and "the authors approve each request" in text
    assert "4.2.1" in text and "monetisation_scope" in text


def test_a_download_refused_in_the_eu_means_access_is_not_open_to_anyone() -> None:
    result = facts_of({"license": "apache-2.0", "extra_gated_eu_disallowed": True})
    assert stated(result)[ACCESS] is False
    assert "extra_gated_eu_disallowed: true" in result.document["provenance"][ACCESS]  # type: ignore[index]
    assessment = default_engine().assess(validate(result.document))
    assert assessment.conclusions["free_open_source_licence"].status == "no"


def test_an_unknown_field_is_ignored_with_a_note_and_known_ones_silently() -> None:
    result = facts_of({"licence": "mit", "library_name": "transformers", "tags": ["x"]})
    assert stated(result) == {}
    assert "licence: not a card field aiact reads; ignored" in notes(result)
    assert "library_name" not in notes(result) and "tags" not in notes(result)


def test_the_name_comes_from_the_card_else_from_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "acme-chat"
    folder.mkdir()
    (folder / "README.md").write_text("---\nlicense: mit\n---\nNo heading here.\n")
    assert card_facts(read_card(folder)).document["subject"] == {"name": "acme-chat"}
    (folder / "README.md").write_text("---\nlicense: mit\nmodel_name: Acme Chat 2\n---\n# Title\n")
    result = card_facts(read_card(folder))
    assert result.document["subject"] == {"name": "Acme Chat 2"}
    assert result.document["provenance"]["subject.name"] == "model card: model_name: Acme Chat 2"  # type: ignore[index]


# --- the fixture cards -------------------------------------------------------------------------------

FIXTURES = {
    "llama-finetune": {
        "subject": "Acme CV Ranker 8B",
        "facts": {LICENCE: "llama3.1", MODIFIED_FROM: "meta-llama/Llama-3.1-8B-Instruct", MODALITIES: ["text"]},
        "conclusions": {"free_open_source_licence": "no"},  # the 700M-user threshold disqualifies (GL 4.2.1)
    },
    "apache-original": {
        "subject": "Orbit-7B",
        "facts": {LICENCE: "Apache-2.0", MODALITIES: ["text"]},
        "conclusions": {"free_open_source_licence": "yes"},
    },
    "research-only": {
        "subject": "Codestral-like 22B (research licence)",
        "facts": {LICENCE: "MRL-0.1", MODALITIES: ["text"]},
        "conclusions": {"free_open_source_licence": "no"},
    },
    "merge": {
        "subject": "Hermes-Instruct-Slerp-7B",
        "facts": {LICENCE: "Apache-2.0",
                  MODIFIED_FROM: "mistralai/Mistral-7B-Instruct-v0.2, teknium/OpenHermes-2.5-Mistral-7B"},
        "conclusions": {"free_open_source_licence": "yes"},
    },
    "quantized": {
        "subject": "gemma-3-4b-it Q4_K_M GGUF",
        "facts": {LICENCE: "gemma", MODIFIED_FROM: "google/gemma-3-4b-it", MODALITIES: ["text"], ACCESS: False},
        "conclusions": {"free_open_source_licence": "no"},
    },
}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_each_fixture_card_states_what_it_settles_with_its_source(name: str) -> None:
    expected = FIXTURES[name]
    result = card_facts(read_card(CARDS / name))
    facts = stated(result)
    modifies = {p: v for p, v in facts.items() if p == "gpai.modifies_other_model"}
    assert {p: v for p, v in facts.items() if p not in modifies} == expected["facts"]
    assert result.document["subject"] == {"name": expected["subject"]}
    provenance = result.document["provenance"]
    assert isinstance(provenance, dict)
    assert set(provenance) == {*facts, "subject.name"}
    assert all(text.startswith("model card: ") for text in provenance.values())
    assessment = default_engine().assess(validate(result.document))
    expected_statuses = {"gpai_model": "undetermined", **expected["conclusions"]}  # type: ignore[dict-item]
    if MODIFIED_FROM in facts:  # a modification whose compute the card never gives: never decided for the person
        expected_statuses["becomes_provider"] = "undetermined"
        assert any(q.id.startswith("fact:gpai.") and "compute" in q.id for q in assessment.open_questions)
    for conclusion, status in expected_statuses.items():
        assert assessment.conclusions[conclusion].status == status, conclusion


def test_a_card_is_refused_when_the_mapping_would_write_a_bad_fact_file() -> None:
    with pytest.raises(FactFileError) as caught:
        facts_of({"license": ["mit", "apache-2.0"], "base_model": {"id": "x"}, "base_model_relation": "distilled"})
    assert caught.value.problems == [
        "card/README.md: license: expected one licence identifier (text), e.g. license: apache-2.0, got a list",
        "card/README.md: base_model_relation: 'distilled' is not a relation the hub defines; "
        "expected one of finetune, adapter, quantized, merge",
        "card/README.md: base_model: expected a model id (ORG/NAME) or a list of them (a merge), got a mapping",
    ]


def test_the_documentation_page_shows_the_mapping_as_it_is() -> None:
    from aiact.questionnaires.carddocs import current

    page = (Path(__file__).parent.parent / "docs" / "model-cards.md").read_text("utf-8")
    assert page == current(page), "regenerate: python -m aiact.questionnaires.carddocs docs/model-cards.md"
    for hub_id in card_mapping().licences:
        assert f"| `{hub_id}` |" in page


# --- any card: a fact file or one line per problem, never a crash ---------------------------------


_VALUES = st.recursive(
    st.none() | st.booleans() | st.text(max_size=12) | st.sampled_from(["mit", "other", "merge", "a/b", "auto"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from([*READ_FIELDS, "tags", "odd_field"]), _VALUES, max_size=6))
def test_any_metadata_gives_a_valid_fact_file_or_one_line_per_problem(metadata: dict[str, object]) -> None:
    try:
        result = facts_of(metadata)
    except FactFileError as err:
        assert err.problems and all(line.startswith("card/README.md: ") and "\n" not in line for line in err.problems)
        return
    validate(result.document)
    assert set(result.document.get("provenance", {})) <= {*stated(result), "subject.name"}  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_read_or_refused_in_lines(text: str) -> None:
    try:
        front_matter("---\n" + text + "\n---\n", "c.md")
    except FactFileError as err:
        assert all(line.startswith("c.md: ") for line in err.problems)
