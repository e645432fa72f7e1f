"""Reading fact files safely, and saying exactly what is wrong with a bad one.

Hostile input is refused before any work is done: files over 1 MiB, YAML
with explicit tags (``!!python/object``, ``!custom``, even ``!!str``),
aliases that expand beyond reason (the "billion laughs"), duplicate keys
(which YAML and JSON parsers would otherwise silently resolve, dropping a
fact). Every problem becomes one line: the field path, what was wrong, and
what is allowed, with the nearest valid name for a typo.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .facts import SCHEMA_ID, FactFile

MAX_BYTES = 1024 * 1024
MAX_ALIASES = 100
MAX_NODES = 20_000
SUFFIXES = (".yaml", ".yml", ".json")


class FactFileError(ValueError):
    """A fact file that cannot be used; ``problems`` holds one line each."""

    def __init__(self, source: str, problems: Iterable[str]) -> None:
        self.source = source
        self.problems = [f"{source}: {p}" for p in problems]
        super().__init__("\n".join(self.problems))


class _StrictComposer(yaml.SafeLoader):
    """A YAML loader that refuses explicit tags, counts aliases, forbids duplicate keys."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_count = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.alias_count += 1
            if self.alias_count > MAX_ALIASES:
                event = self.peek_event()
                raise yaml.YAMLError(f"line {event.start_mark.line + 1}: more than {MAX_ALIASES} aliases")
        else:
            event = self.peek_event()
            tag = getattr(event, "tag", None)
            implicit = getattr(event, "implicit", True)
            explicit = tag is not None and tag != "!" and not (
                implicit is True or (isinstance(implicit, tuple) and any(implicit))
            )
            if explicit:
                raise yaml.YAMLError(
                    f"line {event.start_mark.line + 1}: YAML tags such as {tag} are not allowed"
                )
        return super().compose_node(parent, index)


def _count_nodes(node: yaml.Node, memo: dict[int, int], stack: set[int]) -> int:
    """Nodes after alias expansion, computed without expanding (memoised on shared nodes)."""
    key = id(node)
    if key in memo:
        return memo[key]
    if key in stack:
        raise yaml.YAMLError("recursive alias")
    stack.add(key)
    total = 1
    if isinstance(node, yaml.SequenceNode):
        total += sum(_count_nodes(child, memo, stack) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        total += sum(_count_nodes(k, memo, stack) + _count_nodes(v, memo, stack) for k, v in node.value)
    stack.discard(key)
    memo[key] = total
    if total > MAX_NODES:
        raise yaml.YAMLError(f"aliases expand to more than {MAX_NODES} values")
    return total


def _check_duplicate_keys(node: yaml.Node, where: str = "") -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = str(key.value)
            path = f"{where}.{name}" if where else name
            if name in seen:
                raise yaml.YAMLError(f"{path}: key appears twice (line {key.start_mark.line + 1})")
            seen.add(name)
            _check_duplicate_keys(value, path)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            _check_duplicate_keys(child, where)


def parse_yaml(text: str) -> object:
    loader = _StrictComposer(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _count_nodes(node, {}, set())
        _check_duplicate_keys(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"{key}: key appears twice")
        result[key] = value
    return result


def _no_constants(name: str) -> object:
    raise ValueError(f"{name} is not a number")


def parse_json(text: str) -> object:
    return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)


def read_document(path: Path) -> object:
    """Read and parse a fact file into plain data, refusing anything hostile."""
    source = str(path)
    if path.suffix.lower() not in SUFFIXES:
        raise FactFileError(source, [f"unsupported file type {path.suffix or '(none)'!r}; use .yaml, .yml or .json"])
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise FactFileError(source, [f"cannot read the file: {err.strerror or err}"]) from None
    if len(data) > MAX_BYTES:
        raise FactFileError(source, ["file is larger than 1 MiB; fact files are small"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FactFileError(source, ["file is not UTF-8 text"]) from None
    return parse_text(text, json_format=path.suffix.lower() == ".json", source=source)


def parse_text(text: str, *, json_format: bool, source: str = "<input>") -> object:
    try:
        return parse_json(text) if json_format else parse_yaml(text)
    except (yaml.YAMLError, ValueError, RecursionError) as err:
        message = " ".join(str(err).split()) or type(err).__name__
        kind = "JSON" if json_format else "YAML"
        raise FactFileError(source, [f"not valid {kind}: {message[:300]}"]) from None


def validate(document: object, source: str = "<input>") -> FactFile:
    """Validate plain data against the fact model, with one line per problem."""
    if not isinstance(document, dict):
        raise FactFileError(source, ["the file must be a mapping with schema, subject and fact sections"])
    if document.get("schema") != SCHEMA_ID:
        got = document.get("schema")
        return_problem = (
            "schema: missing; write schema: aiact-facts/1" if got is None
            else f"schema: {got!r} is not supported; expected aiact-facts/1"
        )
        raise FactFileError(source, [return_problem])
    try:
        return FactFile.model_validate(document)
    except ValidationError as err:
        raise FactFileError(source, explain(err, document)) from None


def load_fact_file(path: Path) -> FactFile:
    """Read, parse and validate one fact file (raises :class:`FactFileError`)."""
    return validate(read_document(path), str(path))


def explain(err: ValidationError, document: object) -> list[str]:
    """One line per validation problem: path, what was wrong, what is allowed."""
    lines = []
    for problem in err.errors(include_url=False):
        location = [str(p) for p in problem["loc"]]
        kind = problem["type"]
        path = ".".join(location) or "(top level)"
        if kind == "extra_forbidden":
            lines.append(_unknown_field(location))
        elif kind == "missing":
            lines.append(f"{path}: required field is missing")
        elif kind == "model_type" or kind == "dict_type":
            lines.append(f"{path}: expected a mapping of fields, got {_type_name(problem.get('input'))}")
        elif kind == "literal_error" and location == ["schema"]:
            lines.append("schema: expected exactly aiact-facts/1")
        elif kind in {"string_too_short"}:
            lines.append(f"{path}: must not be empty")
        else:
            lines.append(f"{path}: {problem['msg']}")
    return list(dict.fromkeys(lines))


def _unknown_field(location: list[str]) -> str:
    path = ".".join(location)
    parent = _model_at(location[:-1])
    names = list(parent.model_fields) if parent else []
    names = ["schema" if n == "schema_" else n for n in names]
    close = difflib.get_close_matches(location[-1], names, n=1, cutoff=0.5)
    hint = f"; did you mean {'.'.join([*location[:-1], close[0]])}?" if close else ""
    allowed = f" allowed here: {', '.join(names)}" if names and not close else ""
    return f"{path}: unknown field{hint}{';' + allowed if allowed else ''}"


def _model_at(location: list[str]) -> type[BaseModel] | None:
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
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"text {value!r}"[:60]
    return type(value).__name__
