"""docs/fact-file.md lists exactly the facts aiact adds to the shared aiact-facts/1 contract."""

from __future__ import annotations

import re
from pathlib import Path

from aiact.engine.catalogue import fact_catalogue

CONTRACT = {
    "artefact": "ai_system gpai_model built_on_gpai_model training_compute_flop output_modalities",
    "operator": "roles established_in_eu natural_person_non_professional public_authority microenterprise",
    "scope": "output_used_in_eu military_defence_national_security_only third_country_authority_cooperation "
    "scientific_research_sole_purpose pre_market_research_or_testing",
    "market": "channels eu_excluded commercial_activity placed_on_market put_into_service first_placed_on "
    "significant_design_change",
    "release": "licence licence_restrictions weights_public architecture_info_public usage_info_public "
    "training_code_public inference_code_public training_data_public data_information_public monetisation",
    "release.licence_grants": "access use modify redistribute",
    "prohibited": "manipulative_techniques exploits_vulnerabilities social_scoring crime_risk_profiling "
    "crime_risk_supports_human_assessment untargeted_facial_scraping emotion_recognition_work_or_education "
    "emotion_recognition_medical_or_safety biometric_categorisation_sensitive "
    "biometric_dataset_labelling_law_enforcement realtime_remote_biometric_id_law_enforcement realtime_rbi_exception "
    "realtime_rbi_authorised non_consensual_intimate_imagery child_sexual_abuse_material",
    "high_risk": "annex_i_safety_component annex_i_third_party_assessment annex_i_section annex_iii "
    "narrow_procedural_task improves_prior_human_activity detects_patterns_without_replacing_human preparatory_task "
    "significant_risk_of_harm profiling",
    "transparency": "interacts_with_natural_persons ai_interaction_obvious generates_synthetic_content "
    "assistive_or_minor_editing_only emotion_recognition_or_biometric_categorisation deep_fake public_interest_text "
    "public_interest_text_editorial_control law_enforcement_authorised",
    "gpai": "designated_systemic_risk high_impact_capabilities modified_from modification_compute_flop "
    "upstream_training_compute_flop",
    "value_chain": "own_name_on_high_risk_system substantial_modification repurposed_to_high_risk "
    "supplies_component_to_high_risk_provider",
}
"""The facts of shared/spec/facts.md, version 1 (a stable contract: its fields are never renamed)."""


def test_the_page_lists_every_added_fact_and_nothing_else() -> None:
    contract = {f"{section}.{name}" for section, names in CONTRACT.items() for name in names.split()}
    catalogue = set(fact_catalogue())
    assert contract <= catalogue, sorted(contract - catalogue)  # nothing of the contract dropped or renamed
    page = (Path(__file__).parent.parent / "docs" / "fact-file.md").read_text("utf-8")
    listed = set(re.findall(r"^\| `([a-z_.]+)` \|", page, re.MULTILINE))
    assert listed == catalogue - contract
