"""Reading a typed answer into a fact value, and saying what is allowed when it cannot be read.

One grammar for every place a person types a fact: the interview, and
``--set PATH=VALUE`` of ``check`` and ``memo`` (:func:`setting_answer`), so
that ``none``, ``?``, ``y``, ``1,4`` or ``[api, hosted_app]`` mean the same
everywhere.

A person types ``y``, ``3``, ``1,4`` or ``3.8 x 10^25``; the fact file needs
``true``, ``"api"``, ``["4a", "5b"]`` or ``3.8e25``. Parsing here is forgiving
in form (case, spaces, numbered choices, "10^25") and strict in substance:
only the catalogue's allowed values get through, so the saved fact file
always validates. A refused answer raises :class:`AnswerError` whose message
says what would be accepted; the interview shows it and asks again.
"""

from __future__ import annotations

import re
from datetime import date

from aiact.engine.catalogue import FactSpec
from aiact.engine.conditions import UNKNOWN
from aiact.engine.facts import NumberError, parse_number

from .texts import say

YES = frozenset({"y", "yes", "true"})
NO = frozenset({"n", "no", "false"})
DONT_KNOW = frozenset({"?", "unknown", "don't know", "dont know", "idk"})
NONE = frozenset({"none", "no", "nothing", "-"})
_POWER_IN_TEXT = re.compile(r"(?:(?P<mantissa>\d[\d.]*)\s*(?:x|\*|×)\s*)?\b10\s*\^\s*(?P<exponent>[+-]?\d+)")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")


class AnswerError(ValueError):
    """An answer that cannot be read; the message says what is allowed."""


def numbered(spec: FactSpec) -> bool:
    """Whether choices may be picked by number: not when a value is itself a number (Annex III point 2)."""
    return not any(value.isdigit() for value in spec.allowed)


def parse_answer(spec: FactSpec, text: str) -> object:
    """The fact value for ``text`` (``unknown`` for ``?``), or :class:`AnswerError`."""
    answer = " ".join(text.strip().split())
    if answer.lower() in DONT_KNOW:
        return UNKNOWN
    if not answer:
        raise _refused(spec, "empty")
    reader = {
        "tri": _tri, "enum": _enum, "list": _list, "number": _number, "date": _date, "text": _text,
    }[spec.kind]
    return reader(spec, answer)


def allowed_hint(spec: FactSpec) -> str:
    """One line saying what may be typed for this fact."""
    if spec.kind == "enum":
        how = say("how_numbered_one") if numbered(spec) else say("how_values_one")
        return say("hint_enum", how=how, values=", ".join(spec.allowed))
    if spec.kind == "list":
        how = say("how_numbered_many") if numbered(spec) else say("how_values_many")
        example = "1,3" if numbered(spec) else ",".join(spec.allowed[:2])
        return say("hint_list", how=how, example=example)
    return say("hint_share") if is_share(spec) else say(f"hint_{spec.kind}")


def _refused(spec: FactSpec, key: str, **fields: object) -> AnswerError:
    """The error for a refused answer: what was wrong, then what is allowed."""
    return AnswerError(f"{say(key, **fields)} {allowed_hint(spec)}")


def _tri(spec: FactSpec, answer: str) -> object:
    word = answer.lower()
    if word in YES:
        return True
    if word in NO:
        return False
    raise _refused(spec, "not_yes_no", answer=repr(answer))


def _choice(spec: FactSpec, item: str) -> str:
    """One allowed value from its number, its value (any case), or its value with spaces for underscores."""
    if numbered(spec) and item.isdigit():
        index = int(item)
        if 1 <= index <= len(spec.allowed):
            return spec.allowed[index - 1]
        raise _refused(spec, "no_such_number", number=index, count=len(spec.allowed))
    wanted = item.lower().replace(" ", "_").replace("-", "_")
    for value in spec.allowed:
        if value.lower() == wanted:
            return value
    raise _refused(spec, "not_a_choice", answer=repr(item))


def _enum(spec: FactSpec, answer: str) -> object:
    return _choice(spec, answer)


def _list(spec: FactSpec, answer: str) -> object:
    if answer.startswith("[") and answer.endswith("]"):  # the fact file's own flow form: [api, hosted_app]
        answer = answer[1:-1].strip() or "none"
    if answer.lower() in NONE:
        return []
    items = [part.strip().strip("'\"") for part in answer.split(",") if part.strip()]
    chosen = {_choice(spec, item) for item in items}
    return [value for value in spec.allowed if value in chosen]


def _number(spec: FactSpec, answer: str) -> object:
    """A figure, bound, band or estimate (``3.8e25``, ``<1e23``, ``1e23-1e25``, ``about 3e24``; a share also
    ``2%``), read by the engine's own number grammar so the file and the interview agree; "3.8 x 10^25" and
    thousands separators are written the engine's way first."""
    try:
        return parse_number(number_text(answer), percent=is_share(spec))
    except NumberError as err:
        raise AnswerError(f"{_sentence(str(err))} {allowed_hint(spec)}") from None


def number_text(answer: str) -> str:
    """A typed number the engine's way: "3.8 x 10^25" as 3.8e25, "10^23" as 1e23, "1,000" as 1000."""
    text = _POWER_IN_TEXT.sub(lambda m: f"{m.group('mantissa') or '1'}e{m.group('exponent')}", answer)
    return _THOUSANDS.sub("", text)


def is_share(spec: FactSpec) -> bool:
    """Whether a number fact is a percentage (a share of something), not an amount."""
    return getattr(spec, "unit", "") == "percent"


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else f"{text}."


def _date(spec: FactSpec, answer: str) -> object:
    try:
        return date.fromisoformat(answer).isoformat()
    except ValueError:
        raise _refused(spec, "not_a_date", answer=repr(answer)) from None


def _text(spec: FactSpec, answer: str) -> object:
    return answer


def setting_answer(spec: FactSpec, text: str) -> object:
    """The value of ``--set PATH=VALUE`` for a catalogue fact: the interview's answer words, plus a quoted
    text as in YAML (``"MIT"``) and an empty value for unknown."""
    stripped = text.strip()
    if not stripped:
        return UNKNOWN
    try:
        stripped.encode("utf-8")
    except UnicodeEncodeError:  # a shell hands bytes that are not UTF-8 to Python as surrogates
        raise AnswerError(say("not_unicode")) from None
    if spec.kind == "text" and len(stripped) > 1 and stripped[0] == stripped[-1] and stripped[0] in "'\"":
        return stripped[1:-1]
    return parse_answer(spec, stripped)


def show_value(value: object) -> str:
    """A fact value as a person would say it back ("yes", "api, hosted_app", "none", "?")."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if value == UNKNOWN:
        return "?"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if value else "none"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
