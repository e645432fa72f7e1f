"""The engine's value classes (engine/record.py) behave as the frozen dataclasses they replace.

The rule base relies on it: conditions are compared and hashed by value
(what-matters keys its caches on them), refs are sorted, rule definitions
must not change once built.
"""

from __future__ import annotations

import pickle

import pytest

from aiact.engine import All, Equals, Fact, Known, Not
from aiact.engine.conditions import Ref
from aiact.engine.record import FrozenInstanceError, field, record


@record
class Point:
    x: int
    y: int = 0
    tags: tuple[str, ...] = ()


@record(frozen=False)
class Basket:
    owner: str
    items: list[str] = field(default_factory=list)


def test_fields_by_position_by_name_and_by_default() -> None:
    assert Point(1, 2) == Point(x=1, y=2) == Point(1, y=2)
    assert Point(1).y == 0 and Point(1).tags == ()
    assert repr(Point(1, 2)) == "Point(x=1, y=2, tags=())"


def test_wrong_arguments_are_refused_like_a_function_call() -> None:
    with pytest.raises(TypeError, match="missing required argument 'x'"):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'z'"):
        Point(1, z=3)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="multiple values for argument 'x'"):
        Point(1, x=2)  # type: ignore[misc]
    with pytest.raises(TypeError, match="takes 3 arguments but 4 were given"):
        Point(1, 2, (), 4)  # type: ignore[call-arg]


def test_a_field_without_default_after_one_with_a_default_is_a_definition_error() -> None:
    with pytest.raises(TypeError, match="without a default follows"):

        @record
        class Broken:
            a: int = 0
            b: int  # type: ignore[misc]


def test_equality_and_hash_go_by_class_and_values() -> None:
    assert Fact("a.b") == Fact("a.b") and hash(Fact("a.b")) == hash(Fact("a.b"))
    assert Fact("a.b") != Fact("a.c")
    assert Fact("a.b") != Known("a.b")  # same field values, different class
    assert len({Fact("a.b"), Fact("a.b"), Known("a.b")}) == 2
    assert All(Fact("a"), Not(Equals("b", "x"))) == All(Fact("a"), Not(Equals("b", "x")))


def test_frozen_records_refuse_changes() -> None:
    point = Point(1)
    with pytest.raises(FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del point.x
    assert isinstance(FrozenInstanceError("x"), AttributeError)


def test_mutable_records_take_a_fresh_default_each_and_are_unhashable() -> None:
    first, second = Basket("a"), Basket("b")
    first.items.append("apple")
    assert second.items == []
    with pytest.raises(TypeError):
        hash(first)


def test_order_sorts_by_field_values() -> None:
    refs = [Ref("fact", "b"), Ref("conclusion", "z"), Ref("fact", "a")]
    assert sorted(refs) == [Ref("conclusion", "z"), Ref("fact", "a"), Ref("fact", "b")]


def test_own_init_is_kept_and_eq_false_keeps_identity() -> None:
    assert All(All(Fact("a"), Fact("b")), Fact("c")).parts == (Fact("a"), Fact("b"), Fact("c"))

    @record(eq=False)
    class Handle:
        name: str

    handle = Handle("h")
    assert handle == handle and Handle("h") != handle


def test_records_survive_pickling_for_worker_processes() -> None:
    condition = All(Fact("a"), Not(Equals("b", "x")))
    assert pickle.loads(pickle.dumps(condition)) == condition
    assert pickle.loads(pickle.dumps(Point(1, 2))) == Point(1, 2)


def test_every_condition_class_defines_evaluate_and_describe() -> None:
    from aiact.engine import conditions

    classes = [
        value for value in vars(conditions).values()
        if isinstance(value, type) and issubclass(value, conditions.Condition) and value is not conditions.Condition
    ]
    assert len(classes) >= 18
    for cls in classes:
        assert cls.evaluate is not conditions.Condition.evaluate, cls
        assert cls.describe is not conditions.Condition.describe, cls


def test_a_record_subclass_extends_its_base_fields_after_them() -> None:
    @record(frozen=False)
    class Labelled(Basket):
        label: str = "none"

    first, second = Labelled("a"), Labelled("b", label="x")
    first.items.append("apple")
    assert second.items == [] and second.label == "x"
    assert repr(first).endswith("Labelled(owner='a', items=['apple'], label='none')")


def test_a_subclass_default_replaces_its_base_factory() -> None:
    @record(frozen=False)
    class Plain(Basket):
        items: list[str] = None  # type: ignore[assignment]

    assert Plain("a").items is None
