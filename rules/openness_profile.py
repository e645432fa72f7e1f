"""The openness profile: where a release sits on the gradient, and two notions of "open-source".

Openness is a gradient, not a label. The profile reports three things side by
side, so that a reader sees how far the Act's notion and the OSI's part ways:

``gradient``: Solaiman's six levels of release ("The Gradient of Generative AI
Release", FAccT 2023), derived from how the artefact reaches anyone
(``market.channels``) and what is published. From most to least open:

- ``fully_open``: the weights, the training code and the training data (in
  full or in part, as with BLOOM's ROOTS corpus) are public;
- ``downloadable``: the model itself can be obtained (a public repository or
  a download channel, gated or not, or public weights), but not everything
  needed to rebuild it;
- ``api``: reachable through an API or cloud service only;
- ``hosted``: reachable only through an application built on it (a chatbot,
  a web or mobile app, or a product it is embedded in);
- ``fully_closed``: not released to anyone outside (no channel, or internal
  use only, even where that use serves third parties).

``gradual_staged`` (releasing a model step by step, as GPT-2 was) describes a
release over time; the fact file records the state of one release, not its
history, so the profile never derives it. A staged release is reported at
the level of its current stage.

The gradient reports the most open level the facts establish. ``fully_open``
needs the weights, training code and data shown to be public; a model that
can be obtained but whose replication components are not shown to be public
is reported as ``downloadable`` (what is established), and the OSAID's
``unknown_for_osaid`` names what is still unanswered. The lower levels are
read off the channels; when the channels are unknown and nothing shows the
weights public, the gradient is ``undetermined`` (an unknown channel is never
read as "not offered"). The channels list every way the artefact reaches
anyone, so known channels without a repository or download also settle that
weights not said to be public are not public.

``osaid``: the OSI Open Source AI Definition 1.0 asks for data information,
the complete code to train and to run the model, and the parameters, all
under terms that give the four freedoms (use, study, modify, share) for any
purpose. A licence term other than attribution or copyleft (a use policy, a
user threshold, non-commercial terms) restricts a field of endeavour, so it
is not OSI-approved; unlike the Act, no proportionality question arises.
Monetisation does not matter to the OSAID. The fact file has one licence for
the release, so its terms stand for those of every component (code,
parameters, data information); a release whose components carry different
licences should be described by its most restrictive terms.

``act_open_source``: the Act's own test (Art. 53(2), 54(6), recitals 102-103):
the four licence rights, public weights, architecture and usage information,
and no monetisation; systemic risk, which also removes the GPAI exemption, is
left aside. Its licence and monetisation parts are the rule base's own
``free_open_source_licence`` and ``monetised`` conclusions, so the profile and
the reasons never disagree.

``missing_for_*`` lists the fact paths whose answers keep the release from
the notion; ``unknown_for_*`` those still unanswered (or, for a use
restriction under the Act, whose proportionality the facts cannot settle).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from aiact.engine import UNKNOWN, Tri
from aiact.engine.result import Openness
from aiact.engine.tri import all_of

from .openness import COMPATIBLE_TERMS, PROPORTIONALITY_TERMS

GRANT_PATHS = tuple(f"release.licence_grants.{g}" for g in ("access", "use", "modify", "redistribute"))
RESTRICTIONS = "release.licence_restrictions"
CHANNELS = "market.channels"
WEIGHTS = "release.weights_public"
TRAINING_CODE = "release.training_code_public"
INFERENCE_CODE = "release.inference_code_public"
DATA_INFORMATION = "release.data_information_public"
TRAINING_DATA = "release.training_data_public"
ACT_PUBLICATION = (WEIGHTS, "release.architecture_info_public", "release.usage_info_public")
OSAID_COMPONENTS = (DATA_INFORMATION, TRAINING_CODE, INFERENCE_CODE, WEIGHTS)

DOWNLOAD_CHANNELS = ("public_repository", "download")
API_CHANNELS = ("api",)
HOSTED_CHANNELS = ("hosted_app", "embedded_in_product")


def profile(facts: Mapping[str, object], conclusions: Mapping[str, Tri]) -> Openness:
    """The openness profile of a release (see the module docstring for each part)."""
    missing_osaid, unknown_osaid = _osaid_gaps(facts)
    missing_act, unknown_act = _act_gaps(facts, conclusions)
    act = all_of([
        conclusions.get("free_open_source_licence", Tri.UNDETERMINED),
        *(_published(facts, path) for path in ACT_PUBLICATION),
        ~conclusions.get("monetised", Tri.UNDETERMINED),
    ])
    return Openness(
        gradient=gradient(facts),
        osaid=_status(missing_osaid, unknown_osaid).value,
        act_open_source=act.value,
        missing_for_osaid=missing_osaid,
        unknown_for_osaid=unknown_osaid,
        missing_for_act=missing_act,
        unknown_for_act=unknown_act,
    )


# --- the gradient --------------------------------------------------------------------


def _tri_fact(facts: Mapping[str, object], path: str) -> Tri:
    value = facts.get(path, UNKNOWN)
    if value is True:
        return Tri.YES
    if value is False:
        return Tri.NO
    return Tri.UNDETERMINED


def _has(facts: Mapping[str, object], path: str, items: Iterable[str]) -> Tri:
    value = facts.get(path, UNKNOWN)
    if not isinstance(value, list):
        return Tri.UNDETERMINED
    return Tri.of(any(item in value for item in items))


def weights_published(facts: Mapping[str, object]) -> Tri:
    """Whether the weights are public: the user's answer, or no when no channel offers a copy.

    ``market.channels`` lists how the artefact reaches anyone at all, so when
    the channels are known and none of them offers a copy (a public
    repository or a download), weights not said to be public are not.
    """
    stated = _tri_fact(facts, WEIGHTS)
    if stated is Tri.UNDETERMINED and _has(facts, CHANNELS, DOWNLOAD_CHANNELS) is Tri.NO:
        return Tri.NO
    return stated


def gradient(facts: Mapping[str, object]) -> str:
    """Solaiman's level: the most open level the facts establish.

    ``fully_open`` needs the replication components shown to be public; where
    they are not (or not known to be), a release whose model can be obtained
    is ``downloadable``, since that is what the facts establish. Below that,
    a level is reported only once the channels rule out the levels above it;
    ``fully_closed`` only once every way of reaching the model is ruled out.
    """
    weights = weights_published(facts)
    data = facts.get(TRAINING_DATA, UNKNOWN)
    data_out = Tri.UNDETERMINED if data == UNKNOWN else Tri.of(data in ("full", "partial"))
    if all_of([weights, _tri_fact(facts, TRAINING_CODE), data_out]) is Tri.YES:
        return "fully_open"
    # A copy can be obtained (gated or not) if the weights are public or a channel offers one.
    obtainable = Tri.YES if weights is Tri.YES else _has(facts, CHANNELS, DOWNLOAD_CHANNELS)
    levels = (
        ("downloadable", obtainable),
        ("api", _has(facts, CHANNELS, API_CHANNELS)),
        ("hosted", _has(facts, CHANNELS, HOSTED_CHANNELS)),
    )
    for level, reached in levels:
        if reached is Tri.YES:
            return level
        if reached is Tri.UNDETERMINED:
            return "undetermined"
    return "fully_closed"


# --- the OSAID -------------------------------------------------------------------------


def _osaid_gaps(facts: Mapping[str, object]) -> tuple[list[str], list[str]]:
    missing: list[str] = []
    unknown: list[str] = []
    for path in (*OSAID_COMPONENTS, *GRANT_PATHS):
        _sort(_published(facts, path), path, missing, unknown)
    restrictions = facts.get(RESTRICTIONS, UNKNOWN)
    if not isinstance(restrictions, list):
        unknown.append(RESTRICTIONS)
    elif any(term not in COMPATIBLE_TERMS for term in restrictions):
        missing.append(RESTRICTIONS)
    return missing, unknown


# --- the Act's test --------------------------------------------------------------------


def _act_gaps(facts: Mapping[str, object], conclusions: Mapping[str, Tri]) -> tuple[list[str], list[str]]:
    missing: list[str] = []
    unknown: list[str] = []
    for path in GRANT_PATHS:
        _sort(_tri_fact(facts, path), path, missing, unknown)
    restrictions = facts.get(RESTRICTIONS, UNKNOWN)
    if not isinstance(restrictions, list):
        unknown.append(RESTRICTIONS)
    elif any(term not in COMPATIBLE_TERMS + PROPORTIONALITY_TERMS for term in restrictions):
        missing.append(RESTRICTIONS)
    elif any(term in PROPORTIONALITY_TERMS for term in restrictions):
        unknown.append(RESTRICTIONS)
    for path in ACT_PUBLICATION:
        _sort(_published(facts, path), path, missing, unknown)
    monetised = conclusions.get("monetised", Tri.UNDETERMINED)
    if monetised is Tri.YES:
        missing.append("release.monetisation")
    elif monetised is Tri.UNDETERMINED:
        unknown.append("release.monetisation")
        if facts.get("operator.microenterprise") is True:
            unknown.append("operator.microenterprise")
    return missing, unknown


def _published(facts: Mapping[str, object], path: str) -> Tri:
    return weights_published(facts) if path == WEIGHTS else _tri_fact(facts, path)


def _sort(value: Tri, path: str, missing: list[str], unknown: list[str]) -> None:
    if value is Tri.NO:
        missing.append(path)
    elif value is Tri.UNDETERMINED:
        unknown.append(path)


def _status(missing: list[str], unknown: list[str]) -> Tri:
    if missing:
        return Tri.NO
    return Tri.UNDETERMINED if unknown else Tri.YES
