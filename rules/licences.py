"""Well-known licences: what each grants and imposes, so a user can just name the licence.

The Act's open-source test (Art. 2(12), Art. 53(2), Art. 54(6), recital 102)
turns on what a licence lets anyone do free of charge (access, use, modify,
redistribute) and on which terms it imposes. Most users know only the
licence's name, so for a well-known licence the engine fills in the unknown
licence facts from this table and says so (``inferred_facts``). A user's own
answer always prevails (the engine never infers over it), and a name this
table does not know infers nothing: an unrecognised licence is not guessed at.

How each licence's terms are sorted into the fact file's restriction
categories, and why:

- Notice-keeping and "Built with ..." naming duties are ``attribution``;
  share-alike and the GPL family's source-disclosure duties are ``copyleft``.
  Recital 102 accepts both as compatible with a free and open-source licence.
- Creative Commons NC licences: ``non_commercial``; ND: ``no_derivatives``.
- Llama community licences: the separate licence Meta requires above 700
  million monthly active users is a ``user_threshold`` (the Commission's GPAI
  guidelines, section 4.2.1, name such scale-triggered restrictions as
  disqualifying); the incorporated acceptable-use policy is an
  ``acceptable_use_policy``.
- Gemma terms: the incorporated prohibited-use policy, which derivatives must
  carry on, is an ``acceptable_use_policy``. It is broader than a narrowly
  safety-oriented list (and Google reserves a right to restrict use it
  believes breaches the policy), so it is not classed as
  ``safety_use_restrictions``; either way its proportionality is the open
  question, and no user threshold or paid tier makes the licence fail outright.
- OpenRAIL-M and the BigScience RAIL licence 1.0: their use-based restrictions
  (Attachment A) forbid listed harmful uses for everyone, free of charge, and
  must be passed on to derivatives. They are ``safety_use_restrictions``, not
  a ``use_case_licence``: the guidelines' disqualifying "use-case licence" is a
  requirement to take a separate (commercial) licence for particular uses,
  which RAIL licences do not impose; they simply forbid the listed uses.
  Whether all of them (e.g. BLOOM's duty to disclose machine-generated text,
  or its ban on medical advice) are specific, proportionate and safety-
  oriented is evaluative, so the licence is left undetermined, not failed.
- ``proprietary``: no right is granted; copyright then reserves redistribution
  and derivatives, hence ``no_redistribution`` and ``no_derivatives``.

The four rights are recorded as granted where the licence grants them to
anyone, even subject to a restriction; the restriction, listed separately, is
what the rules weigh (so a reason can say "non-commercial only", not merely
"use not granted").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from aiact.engine import UNKNOWN, Inference
from aiact.engine.record import record

GRANTS = ("access", "use", "modify", "redistribute")
GRANT_PATHS = tuple(f"release.licence_grants.{grant}" for grant in GRANTS)
RESTRICTIONS_PATH = "release.licence_restrictions"
LICENCE_PATH = "release.licence"


@record
class Licence:
    """One well-known licence: the rights it grants to anyone and the terms it imposes."""

    id: str
    """SPDX identifier where one exists, otherwise the licensor's usual short name."""
    name: str
    aliases: tuple[str, ...]
    grants: tuple[str, ...]
    """Which of access, use, modify, redistribute it grants to anyone, free of charge."""
    restrictions: tuple[str, ...]
    """Terms it imposes, in the fact file's restriction categories."""
    note: str
    """One line: the basis for the grants and restrictions recorded."""

    def grant(self, right: str) -> bool:
        return right in self.grants


ALL_RIGHTS = GRANTS
ATTRIBUTION = ("attribution",)
COPYLEFT = ("attribution", "copyleft")
LLAMA = ("attribution", "user_threshold", "acceptable_use_policy")
RAIL = ("attribution", "safety_use_restrictions")

LICENCES: tuple[Licence, ...] = (
    # --- permissive -----------------------------------------------------------------
    Licence("Apache-2.0", "Apache License 2.0",
            ("apache", "apache2", "apache-2", "apache license 2.0", "apache license, version 2.0",
             "apache software license 2.0", "asl-2.0"),
            ALL_RIGHTS, ATTRIBUTION,
            "Perpetual, royalty-free grant to use, modify and redistribute; keep notices and state changes."),
    Licence("MIT", "MIT License", ("mit license", "expat", "the mit license"),
            ALL_RIGHTS, ATTRIBUTION,
            "Permission to use, copy, modify, distribute and sell, provided the notice is kept."),
    Licence("BSD-2-Clause", "BSD 2-Clause License",
            ("bsd-2", "bsd2", "simplified bsd", "freebsd license", "bsd 2-clause \"simplified\" license"),
            ALL_RIGHTS, ATTRIBUTION,
            "Redistribution and use in source and binary form, with or without modification, keeping the notice."),
    Licence("BSD-3-Clause", "BSD 3-Clause License",
            ("bsd-3", "bsd3", "new bsd", "modified bsd", "revised bsd", "bsd 3-clause \"new\" or \"revised\" license"),
            ALL_RIGHTS, ATTRIBUTION,
            "As BSD-2-Clause, plus no use of contributors' names for endorsement (not a use restriction)."),
    Licence("ISC", "ISC License", ("isc license",), ALL_RIGHTS, ATTRIBUTION,
            "Permission to use, copy, modify and distribute for any purpose, keeping the notice."),
    Licence("BSD-3-Clause-Clear", "BSD 3-Clause Clear License", ("bsd 3-clause clear", "clear bsd"),
            ALL_RIGHTS, ATTRIBUTION,
            "As BSD-3-Clause, with an express statement that no patent rights are granted (not a use restriction)."),
    Licence("Zlib", "zlib License", ("zlib license", "zlib/libpng"), ALL_RIGHTS, ATTRIBUTION,
            "Use for any purpose, alter and redistribute freely; keep the origin honest, mark altered versions."),
    Licence("BSL-1.0", "Boost Software License 1.0", ("boost", "boost software license", "boost license"),
            ALL_RIGHTS, ATTRIBUTION,
            "Use, reproduce, modify and distribute for any purpose, keeping the notice in source copies."),
    Licence("PostgreSQL", "PostgreSQL License", ("postgresql license", "postgres license"), ALL_RIGHTS, ATTRIBUTION,
            "Use, copy, modify and distribute for any purpose without fee, keeping the notice."),
    Licence("NCSA", "University of Illinois/NCSA Open Source License", ("ncsa license", "illinois ncsa"),
            ALL_RIGHTS, ATTRIBUTION,
            "Deal in the software without restriction, keeping the notices; no endorsement by contributors' names."),
    Licence("AFL-3.0", "Academic Free License v3.0", ("afl", "academic free license"), ALL_RIGHTS, ATTRIBUTION,
            "Perpetual royalty-free grant to use, modify and distribute, keeping the notices."),
    Licence("ECL-2.0", "Educational Community License v2.0", ("educational community license",),
            ALL_RIGHTS, ATTRIBUTION,
            "Apache-2.0 terms with a narrower patent grant: use, modify and redistribute, keeping the notices."),
    Licence("WTFPL", "Do What The F*ck You Want To Public License", ("wtfpl license",), ALL_RIGHTS, (),
            "Permission to do anything with it: no conditions at all."),
    Licence("CC0-1.0", "Creative Commons Zero 1.0", ("cc0", "cc0 1.0", "public domain dedication"),
            ALL_RIGHTS, (),
            "Waiver of all rights to the extent possible: no conditions at all."),
    Licence("Unlicense", "The Unlicense", ("the unlicense",), ALL_RIGHTS, (),
            "Dedication to the public domain: anyone may use, modify and distribute, no conditions."),
    # --- copyleft -------------------------------------------------------------------
    Licence("GPL-2.0", "GNU General Public License v2.0",
            ("gpl-2.0-only", "gpl-2.0-or-later", "gpl-2.0+", "gpl2", "gplv2", "gpl-2", "gnu gpl v2", "gnu gpl 2.0"),
            ALL_RIGHTS, COPYLEFT,
            "Freedom to run, study, modify and share; derivatives under the same licence, with source."),
    Licence("GPL-3.0", "GNU General Public License v3.0",
            ("gpl-3.0-only", "gpl-3.0-or-later", "gpl-3.0+", "gpl3", "gplv3", "gpl-3", "gnu gpl v3", "gnu gpl 3.0"),
            ALL_RIGHTS, COPYLEFT,
            "Freedom to run, study, modify and share; derivatives under the same licence, with source."),
    Licence("LGPL-2.1", "GNU Lesser General Public License v2.1",
            ("lgpl-2.1-only", "lgpl-2.1-or-later", "lgpl-2.1+", "lgpl2.1", "lgplv2.1", "lgpl-2.1"),
            ALL_RIGHTS, COPYLEFT,
            "Weak copyleft: the library and changes to it stay under the LGPL; linking works may be proprietary."),
    Licence("LGPL-3.0", "GNU Lesser General Public License v3.0",
            ("lgpl-3.0-only", "lgpl-3.0-or-later", "lgpl-3.0+", "lgpl3", "lgplv3", "lgpl-3"),
            ALL_RIGHTS, COPYLEFT,
            "Weak copyleft: the library and changes to it stay under the LGPL; linking works may be proprietary."),
    Licence("AGPL-3.0", "GNU Affero General Public License v3.0",
            ("agpl-3.0-only", "agpl-3.0-or-later", "agpl-3.0+", "agpl3", "agplv3", "agpl-3", "gnu agpl v3"),
            ALL_RIGHTS, COPYLEFT,
            "GPL-3.0 plus source for users over a network: a copyleft condition, not a use restriction."),
    Licence("MPL-2.0", "Mozilla Public License 2.0", ("mpl2", "mplv2", "mpl-2", "mozilla public license 2.0"),
            ALL_RIGHTS, COPYLEFT,
            "File-level copyleft: modified files stay under the MPL; larger works may use other terms."),
    Licence("EPL-2.0", "Eclipse Public License 2.0", ("eclipse public license 2.0", "epl2"), ALL_RIGHTS, COPYLEFT,
            "Weak copyleft: modified files stay under the EPL, with source; larger works may use other terms."),
    Licence("EUPL-1.1", "European Union Public Licence 1.1", ("eupl 1.1",), ALL_RIGHTS, COPYLEFT,
            "Use, modify and share for any purpose; derivatives under the EUPL (or a listed compatible licence)."),
    Licence("EUPL-1.2", "European Union Public Licence 1.2", ("eupl 1.2", "eupl"), ALL_RIGHTS, COPYLEFT,
            "Use, modify and share for any purpose; derivatives under the EUPL (or a listed compatible licence)."),
    Licence("CC-BY-3.0", "Creative Commons Attribution 3.0", ("cc by 3.0", "creative commons attribution 3.0"),
            ALL_RIGHTS, ATTRIBUTION,
            "Share and adapt for any purpose, even commercially, giving credit (as version 4.0)."),
    Licence("CC-BY-SA-3.0", "Creative Commons Attribution-ShareAlike 3.0", ("cc by-sa 3.0",),
            ALL_RIGHTS, COPYLEFT,
            "Share and adapt for any purpose, giving credit; adaptations under the same licence (as version 4.0)."),
    Licence("CC-BY-4.0", "Creative Commons Attribution 4.0",
            ("cc by 4.0", "cc-by", "cc by", "creative commons attribution 4.0 international"),
            ALL_RIGHTS, ATTRIBUTION,
            "Share and adapt for any purpose, even commercially, giving credit."),
    Licence("CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0",
            ("cc by-sa 4.0", "cc-by-sa", "cc by sa", "creative commons attribution-sharealike 4.0 international"),
            ALL_RIGHTS, COPYLEFT,
            "Share and adapt for any purpose, giving credit; adaptations under the same licence (share-alike)."),
    # --- non-commercial, no-derivatives, research-only ----------------------------------
    Licence("CC-BY-NC-4.0", "Creative Commons Attribution-NonCommercial 4.0",
            ("cc by-nc 4.0", "cc-by-nc", "cc by nc", "creative commons attribution-noncommercial 4.0 international"),
            ALL_RIGHTS, ("attribution", "non_commercial"),
            "Share and adapt with credit, for non-commercial purposes only."),
    Licence("CC-BY-NC-SA-4.0", "Creative Commons Attribution-NonCommercial-ShareAlike 4.0",
            ("cc by-nc-sa 4.0", "cc-by-nc-sa", "cc by nc sa",
             "creative commons attribution-noncommercial-sharealike 4.0 international"),
            ALL_RIGHTS, ("attribution", "copyleft", "non_commercial"),
            "Share and adapt with credit, non-commercially only, adaptations under the same licence."),
    Licence("CC-BY-NC-3.0", "Creative Commons Attribution-NonCommercial 3.0", ("cc by-nc 3.0",),
            ALL_RIGHTS, ("attribution", "non_commercial"),
            "Share and adapt with credit, for non-commercial purposes only (as version 4.0)."),
    Licence("CC-BY-NC-SA-3.0", "Creative Commons Attribution-NonCommercial-ShareAlike 3.0", ("cc by-nc-sa 3.0",),
            ALL_RIGHTS, ("attribution", "copyleft", "non_commercial"),
            "Share and adapt with credit, non-commercially only, adaptations under the same licence (as 4.0)."),
    Licence("CC-BY-NC-ND-3.0", "Creative Commons Attribution-NonCommercial-NoDerivatives 3.0", ("cc by-nc-nd 3.0",),
            ("access", "use", "redistribute"), ("attribution", "non_commercial", "no_derivatives"),
            "Share verbatim with credit, non-commercially only; adapted material may not be shared (as 4.0)."),
    Licence("CC-BY-ND-4.0", "Creative Commons Attribution-NoDerivatives 4.0",
            ("cc by-nd 4.0", "cc-by-nd", "creative commons attribution-noderivatives 4.0 international"),
            ("access", "use", "redistribute"), ("attribution", "no_derivatives"),
            "Share verbatim with credit; adapted material may not be shared."),
    Licence("CC-BY-NC-ND-4.0", "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0",
            ("cc by-nc-nd 4.0", "cc-by-nc-nd"),
            ("access", "use", "redistribute"), ("attribution", "non_commercial", "no_derivatives"),
            "Share verbatim with credit, non-commercially only; adapted material may not be shared."),
    Licence("MRL-0.1", "Mistral AI Research License",
            ("mistral research license", "mistral ai research license", "mrl"),
            ALL_RIGHTS, ("attribution", "research_only"),
            "Use, modification and distribution for research purposes only; commercial use needs a licence."),
    # --- community licences with thresholds and use policies ----------------------------
    Licence("llama2", "Llama 2 Community License", ("llama-2", "llama 2", "llama2 community license"),
            ALL_RIGHTS, LLAMA,
            "Royalty-free grant; a separate Meta licence above 700M monthly active users (sec. 2); "
            "acceptable-use policy; no use of outputs to improve other large language models."),
    Licence("llama3", "Meta Llama 3 Community License", ("llama-3", "llama 3", "meta llama 3"),
            ALL_RIGHTS, LLAMA,
            "Royalty-free grant; a separate Meta licence above 700M monthly active users (sec. 2); "
            "acceptable-use policy; 'Built with Meta Llama 3' and 'Llama' name prefix for derivatives."),
    Licence("llama3.1", "Llama 3.1 Community License", ("llama-3.1", "llama 3.1", "meta llama 3.1"),
            ALL_RIGHTS, LLAMA,
            "Royalty-free grant; a separate Meta licence above 700M monthly active users (sec. 2); "
            "acceptable-use policy; 'Built with Llama' and 'Llama' name prefix for derivatives."),
    Licence("llama3.2", "Llama 3.2 Community License", ("llama-3.2", "llama 3.2", "meta llama 3.2"),
            ALL_RIGHTS, LLAMA,
            "As Llama 3.1 (700M MAU threshold, acceptable-use policy, attribution); its policy also withholds "
            "the multimodal models from individuals and companies based in the EU."),
    Licence("llama3.3", "Llama 3.3 Community License", ("llama-3.3", "llama 3.3", "meta llama 3.3"),
            ALL_RIGHTS, LLAMA,
            "As Llama 3.1: a separate Meta licence above 700M monthly active users, acceptable-use policy, "
            "attribution."),
    Licence("llama4", "Llama 4 Community License", ("llama-4", "llama 4", "meta llama 4"),
            ALL_RIGHTS, LLAMA,
            "As Llama 3.x: a separate Meta licence above 700M monthly active users, acceptable-use policy, "
            "attribution."),
    Licence("gemma", "Gemma Terms of Use", ("gemma terms", "gemma terms of use", "gemma license"),
            ALL_RIGHTS, ("attribution", "acceptable_use_policy"),
            "Use, modify and distribute without a user threshold, subject to the prohibited-use policy, which "
            "derivatives must carry; Google may restrict use it believes breaches it; notice required."),
    Licence("tongyi-qianwen", "Tongyi Qianwen License Agreement",
            ("qwen", "qwen license", "qwen license agreement", "tongyi qianwen"),
            ALL_RIGHTS, ("attribution", "user_threshold", "acceptable_use_policy"),
            "Royalty-free grant; commercial use above 100M monthly active users needs Alibaba's authorisation; "
            "use restrictions; attribution."),
    Licence("falcon-180b-tii", "Falcon-180B TII License 1.0",
            ("falcon-180b", "falcon 180b tii license", "tii falcon 180b license"),
            ALL_RIGHTS, ("attribution", "use_case_licence", "acceptable_use_policy"),
            "Royalty-free grant, but 'hosting use' (offering the model as a hosted service) needs a separate "
            "licence from TII; acceptable-use policy; attribution."),
    # --- responsible-AI licences (use-based restrictions) -------------------------------
    Licence("OpenRAIL-M", "Open RAIL-M License", ("openrail", "openrail-m", "open rail-m", "openrail++",
                                                  "openrail++-m"),
            ALL_RIGHTS, RAIL,
            "Royalty-free grant to use, modify and distribute; use-based restrictions (Attachment A) bind "
            "every user and must be passed on to derivatives."),
    Licence("creativeml-openrail-m", "CreativeML Open RAIL-M License", ("creativeml openrail m",),
            ALL_RIGHTS, RAIL,
            "Stable Diffusion's OpenRAIL-M: royalty-free grant; use-based restrictions passed on to derivatives."),
    Licence("bigcode-openrail-m", "BigCode Open RAIL-M License", ("bigcode openrail m",),
            ALL_RIGHTS, RAIL,
            "StarCoder's OpenRAIL-M: royalty-free grant; use-based restrictions passed on to derivatives."),
    Licence("bigscience-openrail-m", "BigScience Open RAIL-M License", ("bigscience openrail m",),
            ALL_RIGHTS, RAIL,
            "BigScience OpenRAIL-M: royalty-free grant; use-based restrictions passed on to derivatives."),
    Licence("bigscience-bloom-rail-1.0", "BigScience RAIL License 1.0",
            ("bigscience rail 1.0", "bigscience rail license 1.0", "bigscience rail", "bloom rail",
             "bloom rail 1.0", "bigscience-rail-1.0"),
            ALL_RIGHTS, RAIL,
            "BLOOM's licence: royalty-free grant; use-based restrictions (e.g. no medical advice, disclose "
            "machine-generated text) bind users and pass to derivatives (paras 4.a, 5)."),
    Licence("deepseek", "DeepSeek License Agreement", ("deepseek license", "deepseek model license"),
            ALL_RIGHTS, RAIL,
            "OpenRAIL-derived model licence: royalty-free grant with use-based restrictions passed on to "
            "derivatives."),
    # --- closed ------------------------------------------------------------------------
    Licence("proprietary", "Proprietary (all rights reserved)",
            ("closed", "closed source", "all rights reserved", "commercial", "commercial license", "none"),
            (), ("no_redistribution", "no_derivatives"),
            "No right is granted to anyone; copyright reserves redistribution and derivatives."),
)

_STOPWORDS = re.compile(r"\b(?:the|community|license|licence|agreement|version)\b")
_VERSION_MARK = re.compile(r"\bv(?=\d)")
_NOT_ALNUM = re.compile(r"[^a-z0-9+]")


def normalise(name: str) -> str:
    """A matching key: case, punctuation, spacing and words like "licence" do not matter.

    "Llama-3.1", "llama3.1", "llama3_1" and "Llama 3.1 Community License" all
    become ``llama31``; "Apache License, Version 2.0" and "Apache v2.0" become
    ``apache20``.
    """
    text = _VERSION_MARK.sub("", _STOPWORDS.sub(" ", name.strip().lower()))
    return _NOT_ALNUM.sub("", text)


def _index() -> dict[str, Licence]:
    table: dict[str, Licence] = {}
    for licence in LICENCES:
        for key in {normalise(licence.id), normalise(licence.name), *(normalise(a) for a in licence.aliases)}:
            if not key:
                continue
            other = table.get(key)
            if other is not None and other is not licence:
                raise ValueError(f"licence key {key!r} names both {other.id} and {licence.id}")
            table[key] = licence
    return table


_BY_KEY = _index()


def find_licence(name: object) -> Licence | None:
    """The well-known licence with this SPDX id, name or alias, or None if not recognised."""
    if not isinstance(name, str) or name.strip().lower() == UNKNOWN:
        return None
    return _BY_KEY.get(normalise(name))


_GRANT_WORDS = {"access": "access", "use": "use", "modify": "modification", "redistribute": "redistribution"}


_RESTRICTION_WORDS = {
    "attribution": "attribution", "copyleft": "copyleft (share-alike)",
    "non_commercial": "non-commercial use only", "research_only": "research use only",
    "no_redistribution": "no redistribution", "no_derivatives": "no sharing of modified versions",
    "user_threshold": "a user-count threshold", "use_case_licence": "a separate licence for some uses",
    "acceptable_use_policy": "an acceptable-use policy", "safety_use_restrictions": "use-based restrictions",
}


def _words(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _grant_phrase(licence: Licence) -> str:
    granted = [_GRANT_WORDS[g] for g in GRANTS if licence.grant(g)]
    withheld = [_GRANT_WORDS[g] for g in GRANTS if not licence.grant(g)]
    if not granted:
        return f"{licence.name} grants none of access, use, modification or redistribution"
    text = f"{licence.name} grants {_words(granted)}" + (f" but not {_words(withheld)}" if withheld else "")
    terms = [_RESTRICTION_WORDS[r] for r in licence.restrictions]
    return text + (f", subject to {_words(terms)}" if terms else ", with no condition")


class _LicenceInference:
    """The ``infer`` hook: licence facts a well-known licence settles, never over the user's answer.

    ``reads`` and ``probe_values`` let the what-matters analysis ask "which
    licence?" and see what naming an open or a closed licence would change.
    """

    reads: tuple[str, ...] = (LICENCE_PATH,)
    probe_values: Mapping[str, tuple[str, ...]] = {LICENCE_PATH: ("Apache-2.0", "proprietary")}

    def __call__(self, facts: Mapping[str, object]) -> list[Inference]:
        licence = find_licence(facts.get(LICENCE_PATH, UNKNOWN))
        if licence is None:
            return []
        inferred: list[Inference] = []
        for grant, path in zip(GRANTS, GRANT_PATHS, strict=True):
            if facts.get(path, UNKNOWN) == UNKNOWN:
                given = "grants" if licence.grant(grant) else "does not grant"
                inferred.append(Inference(
                    path, licence.grant(grant),
                    f"{licence.name} {given} {_GRANT_WORDS[grant]} to anyone free of charge: {licence.note}",
                ))
        if facts.get(RESTRICTIONS_PATH, UNKNOWN) == UNKNOWN:
            inferred.append(Inference(
                RESTRICTIONS_PATH, list(licence.restrictions), f"{_grant_phrase(licence)}: {licence.note}",
            ))
        return inferred


infer = _LicenceInference()
"""Facts inferred from a well-known licence named in ``release.licence``."""
