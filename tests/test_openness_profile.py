"""The openness profile's gradient and gaps, fact by fact (scenarios cover whole releases)."""

from __future__ import annotations

import pytest

from aiact.engine import UNKNOWN, Tri
from aiact.engine.catalogue import fact_catalogue
from aiact.rules import rule_base
from aiact.rules.openness_profile import gradient, profile, weights_published


def _facts(**values: object) -> dict[str, object]:
    facts: dict[str, object] = dict.fromkeys(fact_catalogue(), UNKNOWN)
    facts.update({key.replace("__", "."): value for key, value in values.items()})
    return facts


@pytest.mark.parametrize(
    ("values", "level"),
    [
        ({"release__weights_public": True, "release__training_code_public": True,
          "release__training_data_public": "partial"}, "fully_open"),
        ({"release__weights_public": True, "release__training_code_public": True,
          "release__training_data_public": "none"}, "downloadable"),
        ({"market__channels": ["download"], "release__weights_public": False}, "downloadable"),
        ({"market__channels": ["api", "hosted_app"]}, "api"),
        ({"market__channels": ["hosted_app"]}, "hosted"),
        ({"market__channels": ["embedded_in_product"]}, "hosted"),
        ({"market__channels": ["internal_use_essential"]}, "fully_closed"),
        ({"market__channels": []}, "fully_closed"),
        ({}, "undetermined"),
        ({"release__weights_public": False}, "undetermined"),
        ({"release__weights_public": True}, "downloadable"),
    ],
)
def test_gradient_levels(values: dict[str, object], level: str) -> None:
    assert gradient(_facts(**values)) == level


def test_gradual_staged_is_never_derived() -> None:
    channels = ([], ["api"], ["hosted_app"], ["public_repository"], UNKNOWN)
    assert all(gradient(_facts(market__channels=c)) != "gradual_staged" for c in channels)


def test_known_channels_without_a_copy_settle_unpublished_weights() -> None:
    assert weights_published(_facts(market__channels=["api"])) is Tri.NO
    assert weights_published(_facts(market__channels=["public_repository"])) is Tri.UNDETERMINED
    assert weights_published(_facts()) is Tri.UNDETERMINED


def test_a_use_policy_fails_the_osaid_but_only_clouds_the_act() -> None:
    facts = _facts(**{
        "release__licence_grants__access": True, "release__licence_grants__use": True,
        "release__licence_grants__modify": True, "release__licence_grants__redistribute": True,
        "release__licence_restrictions": ["attribution", "acceptable_use_policy"],
    })
    result = profile(facts, {"free_open_source_licence": Tri.UNDETERMINED, "monetised": Tri.NO})
    assert result.osaid == "no" and "release.licence_restrictions" in result.missing_for_osaid
    assert result.act_open_source == "undetermined" and "release.licence_restrictions" in result.unknown_for_act


def test_the_evaluative_steps_read_no_fact() -> None:
    """They stay open by design; reading a fact would make what-matters ask a question that cannot settle them."""
    base = rule_base()
    for cid in ("use_restrictions_proportionate", "counterparties_microenterprises"):
        assert base.conclusions[cid].internal
        assert not base.inputs[cid].facts and not base.inputs[cid].conclusions
