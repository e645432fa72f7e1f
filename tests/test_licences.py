"""The table of well-known licences: matching by name, what each records, and the inference."""

from __future__ import annotations

import pytest

from aiact.engine import UNKNOWN, Engine
from aiact.engine.catalogue import fact_catalogue
from aiact.rules import rule_base
from aiact.rules.licences import (
    GRANT_PATHS,
    GRANTS,
    LICENCES,
    RESTRICTIONS_PATH,
    find_licence,
    infer,
    normalise,
)

RESTRICTION_KINDS = set(fact_catalogue()[RESTRICTIONS_PATH].allowed)

REQUIRED = (
    "Apache-2.0", "MIT", "BSD-2-Clause", "BSD-3-Clause", "GPL-2.0", "GPL-3.0", "LGPL-2.1", "LGPL-3.0",
    "AGPL-3.0", "MPL-2.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0",
    "llama2", "llama3", "llama3.1", "llama3.2", "llama3.3", "gemma", "OpenRAIL-M",
    "bigscience-bloom-rail-1.0", "proprietary",
)


@pytest.mark.parametrize("licence_id", REQUIRED)
def test_every_required_licence_is_in_the_table(licence_id: str) -> None:
    licence = find_licence(licence_id)
    assert licence is not None and licence.id == licence_id


@pytest.mark.parametrize("licence", LICENCES, ids=[lic.id for lic in LICENCES])
def test_each_entry_is_well_formed(licence: object) -> None:
    from aiact.rules.licences import Licence

    assert isinstance(licence, Licence)
    assert set(licence.grants) <= set(GRANTS)
    assert set(licence.restrictions) <= RESTRICTION_KINDS
    assert len(set(licence.restrictions)) == len(licence.restrictions)
    assert licence.note.strip().endswith(".") and "\n" not in licence.note


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("llama3.1", "llama3.1"), ("Llama-3.1", "llama3.1"), ("llama3_1", "llama3.1"), ("LLAMA 3.1", "llama3.1"),
        ("Llama 3.1 Community License Agreement", "llama3.1"), ("meta-llama-3", "llama3"),
        ("llama-2", "llama2"), ("Llama 3.2", "llama3.2"), ("llama3.3", "llama3.3"),
        ("apache-2.0", "Apache-2.0"), ("Apache License 2.0", "Apache-2.0"), ("Apache v2.0", "Apache-2.0"),
        ("Apache License, Version 2.0", "Apache-2.0"),
        ("mit", "MIT"), ("The MIT License", "MIT"), ("bsd-3-clause", "BSD-3-Clause"), ("BSD 2-Clause", "BSD-2-Clause"),
        ("GPL-3.0-or-later", "GPL-3.0"), ("gplv2", "GPL-2.0"), ("LGPL-2.1-only", "LGPL-2.1"), ("agpl-3.0", "AGPL-3.0"),
        ("mpl-2.0", "MPL-2.0"), ("cc-by-4.0", "CC-BY-4.0"), ("CC BY-SA 4.0", "CC-BY-SA-4.0"),
        ("cc-by-nc-4.0", "CC-BY-NC-4.0"), ("CC-BY-NC-SA-4.0", "CC-BY-NC-SA-4.0"),
        ("Gemma Terms of Use", "gemma"), ("openrail", "OpenRAIL-M"), ("creativeml-openrail-m", "creativeml-openrail-m"),
        ("BigScience RAIL License v1.0", "bigscience-bloom-rail-1.0"), ("Proprietary", "proprietary"),
        ("  Apache-2.0  ", "Apache-2.0"),
    ],
)
def test_aliases_match_whatever_the_spelling(name: str, expected: str) -> None:
    licence = find_licence(name)
    assert licence is not None, name
    assert licence.id == expected


@pytest.mark.parametrize("name", ["", "unknown", "Acme Model Licence v7", "llama", "apache-3.0", "gpl"])
def test_unknown_names_match_nothing(name: str) -> None:
    assert find_licence(name) is None


def test_non_string_names_match_nothing() -> None:
    assert find_licence(None) is None
    assert find_licence(3.0) is None


def test_no_two_licences_share_a_key() -> None:
    keys: dict[str, str] = {}
    for licence in LICENCES:
        for name in (licence.id, licence.name, *licence.aliases):
            key = normalise(name)
            assert keys.setdefault(key, licence.id) == licence.id, f"{name!r} is ambiguous"


def _facts(**values: object) -> dict[str, object]:
    facts: dict[str, object] = {path: UNKNOWN for path in fact_catalogue()}
    facts.update(values)
    return facts


def test_inference_fills_every_unknown_licence_fact() -> None:
    inferred = {i.path: i.value for i in infer(_facts(**{"release.licence": "Apache-2.0"}))}
    assert inferred == {**{path: True for path in GRANT_PATHS}, RESTRICTIONS_PATH: ["attribution"]}


def test_inference_never_touches_a_users_answer() -> None:
    facts = _facts(**{
        "release.licence": "llama3.1",
        "release.licence_grants.access": False,
        RESTRICTIONS_PATH: ["attribution"],
    })
    inferred = {i.path for i in infer(facts)}
    assert "release.licence_grants.access" not in inferred
    assert RESTRICTIONS_PATH not in inferred
    assert {"release.licence_grants.use", "release.licence_grants.modify"} <= inferred


def test_inference_says_why() -> None:
    (restrictions,) = [i for i in infer(_facts(**{"release.licence": "llama3"})) if i.path == RESTRICTIONS_PATH]
    assert restrictions.value == ["attribution", "user_threshold", "acceptable_use_policy"]
    assert "700M" in restrictions.because


def test_proprietary_grants_nothing() -> None:
    inferred = {i.path: i.value for i in infer(_facts(**{"release.licence": "proprietary"}))}
    assert all(inferred[path] is False for path in GRANT_PATHS)


@pytest.mark.parametrize("value", [UNKNOWN, "no such licence"])
def test_unknown_or_unrecognised_licence_infers_nothing(value: str) -> None:
    assert infer(_facts(**{"release.licence": value})) == []


def test_family_calls() -> None:
    """The reasoned sorting of restrictions (see the module docstring of rules/licences.py)."""
    for licence_id in ("llama2", "llama3", "llama3.1", "llama3.2", "llama3.3"):
        licence = find_licence(licence_id)
        assert licence is not None
        assert {"user_threshold", "acceptable_use_policy", "attribution"} <= set(licence.restrictions)
    for licence_id in ("OpenRAIL-M", "bigscience-bloom-rail-1.0"):
        licence = find_licence(licence_id)
        assert licence is not None
        assert "safety_use_restrictions" in licence.restrictions
        assert "use_case_licence" not in licence.restrictions
    gemma = find_licence("gemma")
    assert gemma is not None and "user_threshold" not in gemma.restrictions
    for licence_id in ("GPL-3.0", "AGPL-3.0", "CC-BY-SA-4.0", "MPL-2.0"):
        licence = find_licence(licence_id)
        assert licence is not None and set(licence.restrictions) == {"attribution", "copyleft"}


def test_the_hook_tells_what_matters_which_licences_to_try() -> None:
    assert infer.reads == ("release.licence",)
    probes = infer.probe_values["release.licence"]
    assert find_licence(probes[0]) is not None and find_licence(probes[-1]) is not None
    engine = Engine(rule_base(), infer=infer)
    assert engine.infer is infer
