"""What-if settings (``--set PATH=VALUE``): a fact file with some answers changed.

A fact's value is written in the interview's answer words (``y``, ``none``,
``?``, ``api, hosted_app``), so the grammar lives here with the questionnaire,
not in the engine, which knows nothing of how questions are answered.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from aiact.engine import FactFileError
from aiact.engine.catalogue import fact_catalogue
from aiact.engine.loading import check_setting_path, scalar_setting

from .answers import AnswerError, setting_answer


def setting_value(path: str, text: str) -> object:
    """A setting's value: for a fact, the interview's answer words (``y``, ``none``, ``?``, ``api, hosted_app``,
    ``[api]``); for anything else (the subject's fields), the text read as one YAML scalar."""
    spec = fact_catalogue().get(path)
    if spec is None:
        return scalar_setting(path, text)
    try:
        return setting_answer(spec, text)
    except AnswerError as err:
        raise FactFileError("--set", [f"{path}: {err}"]) from None


def apply_settings(document: object, settings: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """A copy of ``document`` with each ``(path, value text)`` set; validate the result like a file.

    An empty value sets the fact to unknown (as if left out). A path given
    twice is refused rather than letting the last one silently win.
    """
    if not isinstance(document, dict):
        raise FactFileError("--set", ["the fact file must be a mapping to apply settings to"])
    changed: dict[str, Any] = copy.deepcopy(document)
    seen: set[str] = set()
    for path, text in settings:
        check_setting_path(path)
        if path in seen:
            raise FactFileError("--set", [f"{path}: set twice; give each path once"])
        seen.add(path)
        value = setting_value(path, text)
        *parents, leaf = path.split(".")
        target = changed
        for part in parents:
            section = target.get(part)
            if not isinstance(section, dict):
                section = {}
                target[part] = section
            target = section
        target[leaf] = value
    return changed
