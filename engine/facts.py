"""The fact file, version 1 (the public input contract of shared spec/facts.md).

Every yes/no fact is three-valued (``true``, ``false``, ``unknown``); an
omitted fact is ``unknown``. Enum facts take a listed value or ``unknown``;
list facts take a list (``[]`` = none of these) or ``unknown``.

Validation is done by small "before" validators so that every problem gets a
message a person can act on ("expected true, false or unknown"), while the
declared types still give an accurate JSON Schema (``aiact schema``).
Lists are normalised (duplicates dropped, items in their declared order) so
that the order a user wrote them in never changes a result.
"""


import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, StringConstraints
from pydantic_core import PydanticCustomError, core_schema

from .conditions import UNKNOWN
from .numbers import FORMS_HINT, RANGE_PATTERN, SHARE_FORMS_HINT, SHARE_PATTERN, NumberError, parse_number
from .record import record

# parse_number and NumberError are re-exported here: the one reader of number answers (fact file, interview, --set)

SCHEMA_ID = "aiact-facts/1"

OutputModality = Literal["text", "code", "speech", "audio", "image", "video", "other"]
Role = Literal[
    "provider", "deployer", "importer", "distributor", "authorised_representative",
    "product_manufacturer",
]
Channel = Literal[
    "public_repository", "download", "api", "hosted_app", "embedded_in_product",
    "internal_use_essential", "internal_use",
]
LicenceRestriction = Literal[
    "attribution", "copyleft",
    "non_commercial", "research_only", "no_redistribution", "no_derivatives",
    "user_threshold", "use_case_licence",
    "acceptable_use_policy", "safety_use_restrictions",
]
TrainingData = Literal["full", "partial", "none"]
Monetisation = Literal[
    "price", "dual_licensing", "required_paid_services", "optional_paid_services",
    "paid_exclusive_hosting", "personal_data", "paid_system_built_on_it",
]
RbiException = Literal["victim_search", "imminent_threat", "serious_crime_suspect", "none"]
AnnexISection = Literal["A", "B"]
AnnexIIIPoint = Literal[
    "1a", "1b", "1c", "2", "3a", "3b", "3c", "3d", "4a", "4b",
    "5a", "5b", "5c", "5d", "6a", "6b", "6c", "6d", "6e",
    "7a", "7b", "7c", "7d", "8a", "8b",
]
Unknown = Literal["unknown"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class BeforeCheck:
    """A check run on the raw value before pydantic's own: ``BeforeValidator``, cheaper to build.

    pydantic's ``BeforeValidator`` inspects its function's signature for every
    field that uses it (83 fields here, ~5 ms of each ``aiact check`` start-up)
    to learn whether it takes an info argument. These checks never do.
    """

    __slots__ = ("check",)

    def __init__(self, check: Callable[[object], object]) -> None:
        self.check = check

    def __get_pydantic_core_schema__(
        self, source_type: object, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(self.check, handler(source_type))


def _is_unknown(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip().lower() == UNKNOWN)


def _tri(value: object) -> object:
    if _is_unknown(value):
        return UNKNOWN
    if isinstance(value, bool):
        return value
    raise PydanticCustomError("tri", "{got} is not allowed; expected true, false or unknown", {"got": _shown(value)})


def _enum(allowed: tuple[str, ...]) -> BeforeCheck:
    def check(value: object) -> object:
        if _is_unknown(value):
            return UNKNOWN
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)  # YAML reads the Annex III point 2 as a number
        if isinstance(value, str) and value in allowed:
            return value
        raise PydanticCustomError(
            "enum", "{got} is not allowed; expected one of {allowed} or unknown",
            {"got": _shown(value), "allowed": ", ".join(allowed)},
        )

    return BeforeCheck(check)


def _items(allowed: tuple[str, ...]) -> BeforeCheck:
    def check(value: object) -> object:
        if _is_unknown(value):
            return UNKNOWN
        if not isinstance(value, list):
            raise PydanticCustomError(
                "list", "expected a list (possibly empty) of {allowed}, or unknown",
                {"allowed": ", ".join(allowed)},
            )
        wrong = []
        chosen = set()
        for item in value:
            text = str(item) if isinstance(item, (int, float)) and not isinstance(item, bool) else item
            if isinstance(text, str) and text in allowed:
                chosen.add(text)
            else:
                wrong.append(_shown(item))
        if wrong:
            raise PydanticCustomError(
                "list_item", "{wrong} not allowed; items must be among {allowed}",
                {"wrong": ", ".join(wrong), "allowed": ", ".join(allowed)},
            )
        return [item for item in allowed if item in chosen]

    return BeforeCheck(check)


def _number(value: object) -> object:
    return _checked_number(value, percent=False)


def _share(value: object) -> object:
    return _checked_number(value, percent=True)


def _checked_number(value: object, *, percent: bool) -> object:
    if _is_unknown(value):
        return UNKNOWN
    try:
        return parse_number(value, percent=percent)
    except NumberError as err:
        raise PydanticCustomError(
            "number", "{why}; write {forms}", {"why": str(err), "forms": SHARE_FORMS_HINT if percent else FORMS_HINT},
        ) from None


def _day(value: object) -> object:
    if _is_unknown(value):
        return UNKNOWN
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str) and _DATE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError as err:
            raise PydanticCustomError(
                "date", "{got} is not a date ({why}); write YYYY-MM-DD, or unknown",
                {"got": _shown(value), "why": str(err)},
            ) from None
    raise PydanticCustomError("date", "{got} is not a date; write YYYY-MM-DD, or unknown", {"got": _shown(value)})


def _text(value: object) -> object:
    if value is None:
        return UNKNOWN
    return _required_text(value)


def _required_text(value: object) -> object:
    if value is None:
        raise PydanticCustomError("text", "expected text, got nothing")
    if isinstance(value, bool):
        raise PydanticCustomError(
            "text", "expected text, got {got} (a bare yes, no, true or false is read as yes-or-no: "
            "put the text in quotes)", {"got": _shown(value)},
        )
    if not isinstance(value, (str, int, float)):
        raise PydanticCustomError("text", "expected text, got {got}", {"got": _shown(value)})
    return str(value)


def _shown(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


@record
class FactKind:
    """Marks a field's kind for the fact catalogue (ignored by pydantic)."""

    kind: str  # tri, enum, list, number, date, text
    allowed: tuple[str, ...] = ()
    unit: str = ""  # number facts: "FLOP" or "percent" (which forms parse_number accepts)


Tri = Annotated[bool | Unknown, BeforeCheck(_tri), FactKind("tri")]
RangeText = Annotated[str, StringConstraints(pattern=RANGE_PATTERN)]
"""A bound, band or estimate as written ("<1e23", "1e23-1e25", "about 3e24"): engine/numbers.py."""
ShareText = Annotated[str, StringConstraints(pattern=SHARE_PATTERN)]
Flop = Annotated[float | RangeText | Unknown, BeforeCheck(_number), FactKind("number", unit="FLOP")]
Percent = Annotated[float | ShareText | Unknown, BeforeCheck(_share), FactKind("number", unit="percent")]
Day = Annotated[date | Unknown, BeforeCheck(_day), FactKind("date")]
Text = Annotated[str, BeforeCheck(_required_text)]
Name = Annotated[str | Unknown, BeforeCheck(_text), FactKind("text")]
Modalities = Annotated[
    list[OutputModality] | Unknown, _items(get_args(OutputModality)), FactKind("list", get_args(OutputModality))
]
Roles = Annotated[list[Role] | Unknown, _items(get_args(Role)), FactKind("list", get_args(Role))]
Channels = Annotated[list[Channel] | Unknown, _items(get_args(Channel)), FactKind("list", get_args(Channel))]
Restrictions = Annotated[
    list[LicenceRestriction] | Unknown,
    _items(get_args(LicenceRestriction)),
    FactKind("list", get_args(LicenceRestriction)),
]
Monetisations = Annotated[
    list[Monetisation] | Unknown, _items(get_args(Monetisation)), FactKind("list", get_args(Monetisation))
]
AnnexIIIPoints = Annotated[
    list[AnnexIIIPoint] | Unknown, _items(get_args(AnnexIIIPoint)), FactKind("list", get_args(AnnexIIIPoint))
]
TrainingDataChoice = Annotated[
    TrainingData | Unknown, _enum(get_args(TrainingData)), FactKind("enum", get_args(TrainingData))
]
RbiExceptionChoice = Annotated[
    RbiException | Unknown, _enum(get_args(RbiException)), FactKind("enum", get_args(RbiException))
]
AnnexISectionChoice = Annotated[
    AnnexISection | Unknown, _enum(get_args(AnnexISection)), FactKind("enum", get_args(AnnexISection))
]


def _as_of(value: object) -> object:
    if value is None:
        return None
    checked = _day(value)
    if checked == UNKNOWN:
        raise PydanticCustomError("date", "write a date YYYY-MM-DD, or leave as_of out for today")
    return checked


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Subject(_Section):
    name: Text = Field(description="Name of the system or model assessed.", min_length=1)
    description: Text | None = Field(default=None, description="Free text.")
    version: Text | None = Field(default=None, description="Version assessed.")


class Artefact(_Section):
    ai_system: Tri = Field(UNKNOWN, description="Meets the Art. 3(1) definition of an AI system.")
    gpai_model: Tri = Field(UNKNOWN, description="Is a general-purpose AI model, Art. 3(63).")
    built_on_gpai_model: Tri = Field(UNKNOWN, description="The AI system integrates a GPAI model (Art. 3(66)).")
    training_compute_flop: Flop = Field(UNKNOWN, description="Cumulative training compute, FLOP (>= 0).")
    output_modalities: Modalities = Field(
        UNKNOWN, description="What it generates (GPAI indicative criterion)."
    )
    text_to_image_or_video: Tri = Field(
        UNKNOWN,
        description="Its images or video are generated from text prompts (text-to-image, text-to-video), GPAI "
        "indicative criterion; no for an upscaler, inpainting or image-to-image model.",
    )


class Operator(_Section):
    roles: Roles = Field(UNKNOWN, description="The answering operator's roles, Art. 3(3)-(8).")
    established_in_eu: Tri = Field(UNKNOWN, description="Established or located in the Union.")
    natural_person_non_professional: Tri = Field(
        UNKNOWN, description="Natural person, purely personal non-professional use, Art. 2(10).",
    )
    public_authority: Tri = Field(UNKNOWN, description="Public authority or acting on its behalf (Art. 27, 111(2)).")
    public_service_provider: Tri = Field(
        UNKNOWN, description="Private entity providing public services, e.g. education, healthcare (Art. 27(1)).",
    )
    microenterprise: Tri = Field(UNKNOWN, description="Microenterprise (recital 103).")


class Scope(_Section):
    output_used_in_eu: Tri = Field(UNKNOWN, description="Output used in the Union, Art. 2(1)(c).")
    military_defence_national_security_only: Tri = Field(
        UNKNOWN, description="Exclusively military, defence or national security, Art. 2(3).",
    )
    third_country_authority_cooperation: Tri = Field(
        UNKNOWN,
        description="Third-country authority in law-enforcement/judicial cooperation with safeguards, Art. 2(4).",
    )
    scientific_research_sole_purpose: Tri = Field(
        UNKNOWN, description="Developed and put into service for the sole purpose of scientific R&D, Art. 2(6).",
    )
    pre_market_research_or_testing: Tri = Field(
        UNKNOWN, description="Research, testing or development before placing or putting into service, Art. 2(8).",
    )


class Market(_Section):
    channels: Channels = Field(UNKNOWN, description="How it reaches anyone; [] = not released.")
    eu_excluded: Tri = Field(
        UNKNOWN, description="Distribution and use in the Union clearly and unequivocally excluded.",
    )
    commercial_activity: Tri = Field(UNKNOWN, description="Supplied in the course of a commercial activity.")
    placed_on_market: Tri = Field(UNKNOWN, description="The user's own answer; derived when unknown.")
    put_into_service: Tri = Field(UNKNOWN, description="The user's own answer; derived when unknown.")
    first_placed_on: Day = Field(UNKNOWN, description="Date first placed on the EU market or put into service.")
    significant_design_change: Tri = Field(
        UNKNOWN, description="Significant change in design since then (Art. 111(2)).",
    )


class LicenceGrants(_Section):
    access: Tri = Field(UNKNOWN, description="Anyone may access it free of charge.")
    use: Tri = Field(UNKNOWN, description="Anyone may use it free of charge.")
    modify: Tri = Field(UNKNOWN, description="Anyone may modify it.")
    redistribute: Tri = Field(UNKNOWN, description="Anyone may redistribute it and derivatives.")


class Release(_Section):
    licence: Name = Field(UNKNOWN, description='SPDX id ("Apache-2.0") or a name ("llama3.1", "proprietary").')
    licence_grants: LicenceGrants = Field(default_factory=lambda: LicenceGrants())
    licence_restrictions: Restrictions = Field(UNKNOWN, description="Terms the licence imposes.")
    weights_public: Tri = UNKNOWN
    architecture_info_public: Tri = UNKNOWN
    usage_info_public: Tri = UNKNOWN
    training_code_public: Tri = UNKNOWN
    inference_code_public: Tri = UNKNOWN
    training_data_public: TrainingDataChoice = UNKNOWN
    data_information_public: Tri = Field(
        UNKNOWN, description="OSAID data information: provenance, selection, processing.",
    )
    monetisation: Monetisations = Field(
        UNKNOWN, description="[] = none; optional_paid_services alone is not monetisation.",
    )


class Prohibited(_Section):
    manipulative_techniques: Tri = UNKNOWN
    exploits_vulnerabilities: Tri = UNKNOWN
    social_scoring: Tri = UNKNOWN
    crime_risk_profiling: Tri = UNKNOWN
    crime_risk_supports_human_assessment: Tri = UNKNOWN
    untargeted_facial_scraping: Tri = UNKNOWN
    emotion_recognition_work_or_education: Tri = UNKNOWN
    emotion_recognition_medical_or_safety: Tri = UNKNOWN
    biometric_categorisation_sensitive: Tri = UNKNOWN
    biometric_dataset_labelling_law_enforcement: Tri = UNKNOWN
    realtime_remote_biometric_id_law_enforcement: Tri = UNKNOWN
    realtime_rbi_exception: RbiExceptionChoice = UNKNOWN
    realtime_rbi_authorised: Tri = UNKNOWN
    non_consensual_intimate_imagery: Tri = UNKNOWN
    child_sexual_abuse_material: Tri = UNKNOWN


class HighRisk(_Section):
    annex_i_safety_component: Tri = UNKNOWN
    annex_i_third_party_assessment: Tri = UNKNOWN
    annex_i_section: AnnexISectionChoice = UNKNOWN
    annex_iii: AnnexIIIPoints = UNKNOWN
    narrow_procedural_task: Tri = UNKNOWN
    improves_prior_human_activity: Tri = UNKNOWN
    detects_patterns_without_replacing_human: Tri = UNKNOWN
    preparatory_task: Tri = UNKNOWN
    significant_risk_of_harm: Tri = UNKNOWN
    profiling: Tri = UNKNOWN
    used_on_own_workers: Tri = Field(
        UNKNOWN, description="The deployer, as employer, uses it at the workplace on its workers (Art. 26(7)).",
    )
    post_remote_biometric_id_investigation: Tri = Field(
        UNKNOWN, description="Used for post-remote biometric identification in a criminal investigation "
        "(Art. 26(10)).",
    )


class Transparency(_Section):
    interacts_with_natural_persons: Tri = UNKNOWN
    ai_interaction_obvious: Tri = UNKNOWN
    generates_synthetic_content: Tri = UNKNOWN
    assistive_or_minor_editing_only: Tri = UNKNOWN
    emotion_recognition_or_biometric_categorisation: Tri = UNKNOWN
    deep_fake: Tri = UNKNOWN
    public_interest_text: Tri = UNKNOWN
    public_interest_text_editorial_control: Tri = UNKNOWN
    law_enforcement_authorised: Tri = UNKNOWN
    public_can_report_crime: Tri = Field(
        UNKNOWN, description="Available to the public to report a criminal offence (Art. 50(1) proviso).",
    )


class Gpai(_Section):
    designated_systemic_risk: Tri = UNKNOWN
    high_impact_capabilities: Tri = UNKNOWN
    modifies_other_model: Tri = Field(
        UNKNOWN, description="The model (or the model inside the system) is a modification of another provider's "
        "model: fine-tune, distillation, merge, quantisation, adapter (guidelines section 3.2).",
    )
    modified_from: Name = Field(
        UNKNOWN, description="Name of the original model modified; naming one states a modification.",
    )
    modification_compute_flop: Flop = Field(UNKNOWN, description="Compute used for the modification, FLOP.")
    modification_compute_share: Percent = Field(
        UNKNOWN, description="Compute used for the modification, as a percentage of the original's training "
        "compute (2 for about 2 %).",
    )
    upstream_training_compute_flop: Flop = Field(UNKNOWN, description="The original model's training compute, FLOP.")


class ValueChain(_Section):
    own_name_on_high_risk_system: Tri = UNKNOWN
    substantial_modification: Tri = UNKNOWN
    repurposed_to_high_risk: Tri = UNKNOWN
    supplies_component_to_high_risk_provider: Tri = UNKNOWN


PROVENANCE_MAX = 300
"""Characters of one provenance text: a short basis ("model card: license: apache-2.0"), not a document."""


def _provenance_path(value: object) -> object:
    """A provenance key must name a fact (or the subject's name), so a typo cannot hide a source."""
    from .loading import settable_paths  # the catalogue is read off this module: import when first used

    if isinstance(value, str) and value in settable_paths():
        return value
    import difflib

    close = difflib.get_close_matches(str(value), settable_paths(), n=1, cutoff=0.6)
    hint = f"did you mean {close[0]}?" if close else "keys are fact paths such as release.licence (see aiact schema)"
    raise PydanticCustomError("provenance", "not a fact path; {hint}", {"hint": hint})


def _provenance_text(value: object) -> object:
    text = _required_text(value)
    assert isinstance(text, str)
    if not text.strip():
        raise PydanticCustomError("provenance", "must not be empty; say where the value came from")
    if len(text) > PROVENANCE_MAX:
        raise PydanticCustomError(
            "provenance", "is {length} characters long; keep it to {most} (where the value came from, "
            "e.g. model card: license: apache-2.0)", {"length": len(text), "most": PROVENANCE_MAX},
        )
    return text


def _provenance(value: object) -> object:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise PydanticCustomError(
            "provenance", "expected a mapping of fact path to where its value came from, got {got}",
            {"got": _shown(value)},
        )
    return value


def _schema_extra(schema: dict[str, Any]) -> None:
    """The JSON Schema names the fact paths a provenance key may take (read off the catalogue)."""
    from .loading import settable_paths

    schema["$id"] = "https://aiact.invalid/schema/aiact-facts-1.json"
    properties = schema.get("properties")
    if isinstance(properties, dict) and isinstance(properties.get("provenance"), dict):
        properties["provenance"]["propertyNames"] = {"enum": list(settable_paths())}


ProvenancePath = Annotated[str, BeforeCheck(_provenance_path)]
ProvenanceText = Annotated[str, BeforeCheck(_provenance_text)]


class FactFile(_Section):
    """A whole fact file. Construct it through :func:`aiact.engine.loading.load_fact_file`."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, title="aiact fact file, version 1",
        json_schema_extra=_schema_extra,
    )

    schema_: Literal["aiact-facts/1"] = Field(alias="schema", description="Exactly aiact-facts/1.")
    as_of: Annotated[date | None, BeforeCheck(_as_of)] = Field(
        default=None, description="The date the assessment speaks for (default: today).",
    )
    subject: Subject
    artefact: Artefact = Field(default_factory=lambda: Artefact())
    operator: Operator = Field(default_factory=lambda: Operator())
    scope: Scope = Field(default_factory=lambda: Scope())
    market: Market = Field(default_factory=lambda: Market())
    release: Release = Field(default_factory=lambda: Release())
    prohibited: Prohibited = Field(default_factory=lambda: Prohibited())
    high_risk: HighRisk = Field(default_factory=lambda: HighRisk())
    transparency: Transparency = Field(default_factory=lambda: Transparency())
    gpai: Gpai = Field(default_factory=lambda: Gpai())
    value_chain: ValueChain = Field(default_factory=lambda: ValueChain())
    provenance: Annotated[dict[ProvenancePath, ProvenanceText] | None, BeforeCheck(_provenance)] = Field(
        default=None,
        description="Where stated values came from: fact path -> short text, e.g. "
        "release.licence: 'model card: license: apache-2.0' (aiact init --from-model-card writes it). "
        "Shown in the memo's facts appendix; never changes a conclusion.",
    )


FACT_SECTIONS = (
    "artefact", "operator", "scope", "market", "release", "prohibited", "high_risk",
    "transparency", "gpai", "value_chain",
)
