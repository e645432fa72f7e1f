"""Reading fact files safely, and saying exactly what is wrong with a bad one.

Hostile or broken input is refused before any work is done: files over 1 MiB,
anything that is not a regular UTF-8 text file, YAML with any explicit tag
(``!!python/object``, ``!custom``, even ``!!str`` or the bare ``!``), aliases
that expand beyond reason (the "billion laughs") or refer to themselves,
nesting deeper than 32 levels,
merge keys and duplicate keys (which parsers would otherwise resolve
silently, dropping a fact), several YAML documents in one file. Every problem
becomes one line: where (field path or line), what was wrong, what is
allowed, with the nearest valid name for a typo.

The YAML reading is deliberately narrower than YAML 1.1: only ``null`` and
the booleans ``true``/``false``/``yes``/``no`` (in any of YAML's three
casings) are resolved; every other plain scalar stays the text the user
wrote. So ``version: 2.10`` stays ``"2.10"``, ``as_of: 2026-13-45`` is a
field error with its path rather than a parser crash, ``on``/``off`` are not
silently booleans, and numbers such as ``1e25`` (a string to YAML 1.1, a
number to YAML 1.2) are read by the fact model the same way either way.

What-if settings (``aiact check --set PATH=VALUE``, also used by the memo)
are applied here too (:func:`apply_settings`), to the plain document, so
that the changed facts are validated exactly like a file.
"""

from __future__ import annotations

import json
import re
import stat
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .facts import SCHEMA_ID, FactFile

MAX_BYTES = 1024 * 1024
MAX_ALIASES = 100
MAX_DEPTH = 32
MAX_EXPANDED = 20_000
MAX_PROBLEMS = 50
SUFFIXES = (".yaml", ".yml", ".json")
_YAML_TAG = "tag:yaml.org,2002:"
_BOOL = re.compile(r"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE)$")


class FactFileError(ValueError):
    """A fact file that cannot be used; ``problems`` holds one line each, prefixed by the source."""

    def __init__(self, source: str, problems: Iterable[str]) -> None:
        self.source = source
        lines = list(problems)
        if len(lines) > MAX_PROBLEMS:  # a file of 60,000 typos needs the first screenful, not 60,000 lines
            lines = [*lines[:MAX_PROBLEMS], f"... and {len(lines) - MAX_PROBLEMS} more problems"]
        self.problems = [f"{source}: {p}" for p in lines]
        super().__init__("\n".join(self.problems))


class _Problem(Exception):
    """A YAML problem already phrased for the user (raised inside the loader)."""


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag


def _refuse_tags_aliases_and_depth(text: str) -> int:
    """Scan the parser's events (libyaml, no nodes built) for what a fact file never needs.

    Done before composing: explicit tags, more than MAX_ALIASES aliases, and
    nesting deeper than MAX_DEPTH (libyaml's composer recurses in C, so a
    hostile ``[[[[...`` must never reach it). Returns how many aliases there are.
    """
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # e.g. a --set value with bytes that are not UTF-8 (surrogates in argv)
            raise _Problem("the text is not valid UTF-8") from None
    aliases = depth = 0
    for event in yaml.parse(text, Loader=_FastParser):
        line = event.start_mark.line + 1 if event.start_mark else 0
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise _Problem(f"line {line}: more than {MAX_ALIASES} aliases (*{event.anchor}); "
                               "a fact file needs few, if any")
            continue
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise _Problem(f"line {line}: the YAML tag {_short_tag(tag)} is not allowed; "
                           "write plain values (true, false, unknown, text, numbers, lists)")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Problem(f"line {line}: nested more than {MAX_DEPTH} levels deep; a fact file needs four")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return aliases


_FastParser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser where PyYAML was built with it (the wheels are), else the pure-Python one."""


class _StrictLoader(_FastParser):
    """The safe loader, resolving only null and the booleans (see the module docstring).

    Tags, aliases and depth were refused beforehand by
    :func:`_refuse_tags_aliases_and_depth`; libyaml composes the nodes
    (~8 times faster than the pure-Python composer).
    """


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag == _YAML_TAG + "null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "yYnNtTfF":
    _StrictLoader.add_implicit_resolver(_YAML_TAG + "bool", _BOOL, [_first])


def _expanded_size(node: yaml.Node, memo: dict[int, int], trail: set[int]) -> int:
    """Values after alias expansion, computed without expanding (memoised on shared nodes)."""
    key = id(node)
    if key in memo:
        return memo[key]
    if key in trail:
        raise _Problem(f"line {node.start_mark.line + 1}: an alias refers to the node that contains it "
                       "(recursive aliases are not allowed)")
    trail.add(key)
    total = 1
    if isinstance(node, yaml.SequenceNode):
        total += sum(_expanded_size(child, memo, trail) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        total += sum(_expanded_size(k, memo, trail) + _expanded_size(v, memo, trail) for k, v in node.value)
    trail.discard(key)
    memo[key] = total
    if total > MAX_EXPANDED:
        raise _Problem(f"aliases expand to more than {MAX_EXPANDED} values (an alias bomb?); "
                       "write the values out instead")
    return total


def _key_problems(node: yaml.Node, where: str = "") -> list[str]:
    """Duplicate keys, merge keys and non-text keys, with their field paths."""
    problems: list[str] = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if not isinstance(key, yaml.ScalarNode):
                problems.append(f"{where or '(top level)'}: line {line}: keys must be plain names")
                continue
            name = str(key.value)
            path = f"{where}.{name}" if where else name
            if name == "<<" and not key.style:  # plain (None from PyYAML, "" from libyaml), not quoted
                problems.append(f"{path}: line {line}: YAML merge keys (<<) are not allowed; write each field out")
            elif name in seen:
                problems.append(f"{path}: appears twice (lines {seen[name]} and {line}); write each field once")
            else:
                seen[name] = line
            problems += _key_problems(value, path)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            problems += _key_problems(child, where)
    return problems


def _mark(err: yaml.MarkedYAMLError) -> str:
    mark = err.problem_mark or err.context_mark
    return f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""


def parse_yaml(text: str) -> object:
    """Plain data from YAML text; raises :class:`_Problem` or ``yaml.YAMLError``."""
    aliases = _refuse_tags_aliases_and_depth(text)
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if aliases:
            _expanded_size(node, {}, set())
        problems = _key_problems(node)
        if problems:
            raise _Problem("\n".join(problems))
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _Problem(f"{key}: appears twice in one object; write each field once")
        result[key] = value
    return result


def _no_constants(name: str) -> object:
    raise _Problem(f"{name} is not a number")


def parse_json(text: str) -> object:
    """Plain data from JSON text, refusing duplicate keys and NaN/Infinity."""
    return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)


def parse_text(text: str, *, json_format: bool, source: str = "<input>") -> object:
    """Parse fact-file text (already decoded) into plain data, or raise :class:`FactFileError`."""
    kind = "JSON" if json_format else "YAML"
    if not text.strip():
        raise FactFileError(source, ["the file is empty; a fact file needs at least "
                                     "schema: aiact-facts/1 and subject: {name: ...}"])
    try:
        return parse_json(text) if json_format else parse_yaml(text)
    except _Problem as problem:
        raise FactFileError(source, str(problem).splitlines()) from None
    except json.JSONDecodeError as err:
        raise FactFileError(source, [f"line {err.lineno}, column {err.colno}: not valid JSON: {err.msg}"]) from None
    except yaml.composer.ComposerError as err:
        if "single document" in str(err.context):
            raise FactFileError(source, [f"{_mark(err)}the file holds several YAML documents (---); "
                                         "a fact file is one document"]) from None
        raise FactFileError(source, [f"{_mark(err)}not valid YAML: {err.problem}"]) from None
    except yaml.MarkedYAMLError as err:
        raise FactFileError(source, [f"{_mark(err)}not valid YAML: {err.problem}"]) from None
    except (yaml.YAMLError, ValueError) as err:
        message = " ".join(str(err).split())[:300] or type(err).__name__
        raise FactFileError(source, [f"not valid {kind}: {message}"]) from None
    except RecursionError:
        raise FactFileError(source, [f"not valid {kind}: nested too deeply"]) from None


def read_document(path: Path | str) -> object:
    """Read and parse a fact file into plain data, refusing anything hostile before parsing."""
    path = Path(path)
    source = str(path)
    if path.is_dir():
        raise FactFileError(source, ["is a folder; give fact files, or a folder to check every fact file in it"])
    if path.suffix.lower() not in SUFFIXES:
        raise FactFileError(source, [f"unsupported file type {path.suffix or '(none)'!r}; use .yaml, .yml or .json"])
    return parse_text(read_text(path), json_format=path.suffix.lower() == ".json", source=source)


def read_text(path: Path, kind: str = "fact files") -> str:
    """A small regular UTF-8 text file's text (a fact file, a model card), refused before reading if not."""
    source = str(path)
    try:
        info = path.stat()
    except OSError as err:
        raise FactFileError(source, [f"cannot read the file: {err.strerror or err}"]) from None
    if not stat.S_ISREG(info.st_mode):
        raise FactFileError(source, ["is not a regular file"])
    too_large = f"the file is larger than 1 MiB; {kind} are small"
    if info.st_size > MAX_BYTES:
        raise FactFileError(source, [too_large])
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise FactFileError(source, [f"cannot read the file: {err.strerror or err}"]) from None
    if len(data) > MAX_BYTES:
        raise FactFileError(source, [too_large])
    if b"\x00" in data:
        raise FactFileError(source, ["the file is binary, not text"])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise FactFileError(source, [f"the file is not UTF-8 text (byte {err.start + 1})"]) from None


def validate(document: object, source: str = "<input>") -> FactFile:
    """Validate plain data against the fact model, with one line per problem."""
    if document is None:
        raise FactFileError(source, ["the file holds no data; a fact file needs at least "
                                     "schema: aiact-facts/1 and subject: {name: ...}"])
    if not isinstance(document, dict):
        raise FactFileError(source, [f"the file must be a mapping of schema, subject and fact sections, "
                                     f"got {_type_name(document)}"])
    if document.get("schema") != SCHEMA_ID:
        got = document.get("schema")
        raise FactFileError(source, [
            f"schema: missing; write schema: {SCHEMA_ID}" if got is None
            else f"schema: {_type_name(got)} is not supported; expected {SCHEMA_ID}"
        ])
    try:
        return FactFile.model_validate(document)
    except ValidationError as err:
        raise FactFileError(source, explain(err)) from None


def load_fact_file(path: Path | str) -> FactFile:
    """Read, parse and validate one fact file (raises :class:`FactFileError`); a Path or a path string."""
    return validate(read_document(path), str(path))


def explain(err: ValidationError) -> list[str]:
    """One line per validation problem: path, what was wrong, what is allowed."""
    lines = []
    for problem in err.errors(include_url=False):
        location = [str(p) for p in problem["loc"] if p != "[key]"]  # a mapping key's own problem: its path
        kind = problem["type"]
        path = ".".join(location) or "(top level)"
        if kind == "extra_forbidden":
            lines.append(_unknown_field(location))
        elif kind == "missing":
            what = "section" if _model_at(location) else "field"
            lines.append(f"{path}: required {what} is missing")
        elif kind in {"model_type", "dict_type", "model_attributes_type"}:
            got = _type_name(problem.get("input"))
            hint = " (leave the section out if it has no facts)" if problem.get("input") is None else ""
            lines.append(f"{path}: expected a mapping of fields, got {got}{hint}")
        elif kind == "string_too_short":
            lines.append(f"{path}: must not be empty")
        else:
            lines.append(f"{path}: {problem['msg']}")
    return list(dict.fromkeys(lines))


def _field_names(model: type[BaseModel]) -> list[str]:
    return [field.alias or name for name, field in model.model_fields.items()]


def _unknown_field(location: list[str]) -> str:
    path = ".".join(location)
    parent = _model_at(location[:-1])
    names = _field_names(parent) if parent else []
    import difflib  # only on a bad file: keeps it out of every start-up

    close = difflib.get_close_matches(location[-1], names, n=1, cutoff=0.6)
    if close:
        return f"{path}: unknown field; did you mean {'.'.join([*location[:-1], close[0]])}?"
    allowed = f"; allowed here: {', '.join(names)}" if names else ""
    return f"{path}: unknown field{allowed}"


def _model_at(location: Sequence[str]) -> type[BaseModel] | None:
    model: type[BaseModel] = FactFile
    for part in location:
        field = model.model_fields.get(part)
        if field is None or not (isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel)):
            return None
        model = field.annotation
    return model


def _type_name(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return repr(shown)
    return type(value).__name__


# What-if settings ------------------------------------------------------------------------------

@cache
def settable_paths() -> tuple[str, ...]:
    """Every leaf a ``--set`` may change: the date, the subject, and every fact of the catalogue."""
    from .catalogue import fact_catalogue

    return ("as_of", "subject.name", "subject.description", "subject.version", *fact_catalogue())


def parse_setting(text: str) -> tuple[str, str]:
    """``PATH=VALUE`` as ``(path, value text)``; raises :class:`FactFileError` (source ``--set``)."""
    path, equals, value = text.partition("=")
    path = path.strip()
    if not equals or not path:
        raise FactFileError("--set", [f"{text!r} is not PATH=VALUE; e.g. --set artefact.gpai_model=true"])
    check_setting_path(path)
    return path, value.strip()


def check_setting_path(path: str) -> None:
    """Refuse a path that ``--set`` cannot change, suggesting the nearest one."""
    paths = settable_paths()
    if path in paths:
        return
    import difflib

    close = difflib.get_close_matches(path, paths, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]}?" if close else "; see aiact schema for every field"
    raise FactFileError("--set", [f"{path}: not a fact path{hint}"])


def scalar_setting(path: str, text: str) -> object:
    """A ``--set`` value for a field that is not a fact (the subject's name, the date): the text read as one
    YAML scalar, or None when empty. Facts take the interview's answer words (``aiact.questionnaires.settings``)."""
    try:
        return parse_yaml(text) if text else None
    except _Problem as problem:
        raise FactFileError("--set", [f"{path}: {line}" for line in str(problem).splitlines()]) from None
    except yaml.YAMLError as err:
        detail = err.problem if isinstance(err, yaml.MarkedYAMLError) else str(err)
        raise FactFileError("--set", [f"{path}: {text!r} is not a valid value ({detail})"]) from None
