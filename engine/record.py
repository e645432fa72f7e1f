"""Value classes for the engine, without the start-up cost of :mod:`dataclasses`.

Why not dataclasses: a dataclass writes its methods as source text and
compiles them when the class is created, about 1 ms per class on a CI
runner. The ``aiact check`` path defines some forty such classes, so every
CI run that checks one file paid ~40 ms of its 0.3 s start-up budget before
reading a fact (measured with ``python -X importtime``). :func:`record` gives
the behaviour the code relies on from methods shared by every record:

- an ``__init__`` taking the fields by position or by name, with defaults
  (a plain value, or ``field(default_factory=...)`` for a fresh mutable one);
- equality by class and field values; frozen records hash the same way,
  mutable ones are unhashable (both as with dataclasses);
- a ``repr`` naming the fields; ``order=True`` adds ``<``, ``<=``, ``>``, ``>=``;
- frozen records refuse attribute assignment (:class:`FrozenInstanceError`).

``init=False`` keeps the class's own ``__init__``. Type checkers read
records as dataclasses (``dataclass_transform``), so mypy checks their
constructors and immutability as before.
"""

from __future__ import annotations

import operator
import sys
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

_T = TypeVar("_T")
_C = TypeVar("_C", bound=type)
_MISSING: Any = object()


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen record."""


class _Field:
    """The marker :func:`field` leaves in a class body until :func:`record` reads it."""

    __slots__ = ("default", "default_factory")

    def __init__(self, default: object, default_factory: Callable[[], object] | None) -> None:
        self.default = default
        self.default_factory = default_factory


def field(*, default: Any = _MISSING, default_factory: Callable[[], Any] | None = None) -> Any:
    """A field's default, as ``dataclasses.field``: a value, or a factory called per instance."""
    if (default is _MISSING) == (default_factory is None):
        raise TypeError("field() takes exactly one of default and default_factory")
    return _Field(default, default_factory)


@overload
@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: _C, /) -> _C: ...


@overload
def record(
    *, frozen: bool = True, order: bool = False, init: bool = True, eq: bool = True
) -> Callable[[_C], _C]: ...


def record(
    cls: _C | None = None, /, *, frozen: bool = True, order: bool = False, init: bool = True, eq: bool = True
) -> _C | Callable[[_C], _C]:
    """Make ``cls`` a value class over its annotated fields (see the module docstring).

    ``eq=False`` keeps identity equality and hashing (for records compared by identity).
    """

    def decorate(target: _C) -> _C:
        return _make_record(target, frozen=frozen, order=order, init=init, eq=eq)

    return decorate if cls is None else decorate(cls)


def _make_record(cls: _C, *, frozen: bool, order: bool, init: bool, eq: bool) -> _C:
    names, defaults, factories = _collect_fields(cls)
    cls.__record_fields__ = names  # type: ignore[attr-defined]
    # a staticmethod: a lambda getter must not bind to the instance as a method would
    cls.__record_values__ = staticmethod(_values_getter(names))  # type: ignore[attr-defined]
    if init:
        cls.__init__ = _make_init(cls.__qualname__, names, defaults, factories)  # type: ignore[misc]
    cls.__repr__ = _repr  # type: ignore[assignment,method-assign]
    if eq:
        cls.__eq__ = _eq  # type: ignore[assignment,method-assign]
        cls.__hash__ = _hash if frozen else None  # type: ignore[assignment,method-assign]
    if frozen:
        cls.__setattr__ = _refuse_setattr  # type: ignore[assignment,method-assign]
        cls.__delattr__ = _refuse_delattr  # type: ignore[assignment,method-assign]
    if order:
        cls.__lt__ = _lt  # type: ignore[operator]
        cls.__le__ = _le  # type: ignore[operator]
        cls.__gt__ = _gt  # type: ignore[operator]
        cls.__ge__ = _ge  # type: ignore[operator]
    return cls


def _collect_fields(cls: type) -> tuple[tuple[str, ...], dict[str, object], dict[str, Callable[[], object]]]:
    """Fields in declaration order, the record bases' first (as dataclasses orders them)."""
    names: list[str] = []
    defaults: dict[str, object] = {}
    factories: dict[str, Callable[[], object]] = {}
    for base in reversed(cls.__mro__[1:]):
        for name in getattr(base, "__record_fields__", ()):
            if name not in names:
                names.append(name)
            base_defaults = getattr(base, "__record_defaults__", {})
            base_factories = getattr(base, "__record_factories__", {})
            if name in base_defaults:
                defaults[name] = base_defaults[name]
            if name in base_factories:
                factories[name] = base_factories[name]
    for name, annotation in _own_annotations(cls).items():
        if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
            continue
        if name not in names:
            names.append(name)
        value = cls.__dict__.get(name, _MISSING)
        if isinstance(value, _Field):
            if value.default_factory is not None:
                factories[name] = value.default_factory
                defaults.pop(name, None)
                delattr(cls, name)
                continue
            value = value.default
            setattr(cls, name, value)
        if value is not _MISSING:
            defaults[name] = value
            factories.pop(name, None)
    seen_default = False
    for name in names:
        if name in defaults or name in factories:
            seen_default = True
        elif seen_default:
            raise TypeError(f"{cls.__qualname__}: field {name!r} without a default follows a field with one")
    cls.__record_defaults__ = defaults  # type: ignore[attr-defined]
    cls.__record_factories__ = factories  # type: ignore[attr-defined]
    return tuple(names), defaults, factories


def _own_annotations(cls: type) -> dict[str, object]:
    """The class's own annotations, never evaluated (strings under postponed evaluation)."""
    if sys.version_info >= (3, 14):  # annotations are computed on demand there; ask without evaluating
        import annotationlib

        return dict(annotationlib.get_annotations(cls, format=annotationlib.Format.FORWARDREF))
    return dict(cls.__dict__.get("__annotations__", {}))  # noqa: RUF063 - get_annotations would not add anything


def _values_getter(names: tuple[str, ...]) -> Callable[[object], tuple[object, ...]]:
    """The field values as one tuple (an ``attrgetter`` of one name gives no tuple: wrap it)."""
    if not names:
        return lambda _self: ()
    if len(names) == 1:
        single = attrgetter(names[0])
        return lambda self: (single(self),)
    return attrgetter(*names)


def _make_init(
    qualname: str,
    names: tuple[str, ...],
    defaults: dict[str, object],
    factories: dict[str, Callable[[], object]],
) -> Callable[..., None]:
    count = len(names)
    known = frozenset(names)
    factory_items = tuple(factories.items())

    def __init__(self: object, *args: object, **kwargs: object) -> None:
        fields = self.__dict__
        if not kwargs and len(args) == count:  # every field by position: a plain loop, the fastest form measured
            for name, value in zip(names, args, strict=False):
                fields[name] = value
            return
        if len(args) > count:
            raise TypeError(f"{qualname}() takes {count} arguments but {len(args)} were given")
        fields.update(defaults)
        for name, factory in factory_items:
            fields[name] = factory()
        for name, value in zip(names, args, strict=False):
            fields[name] = value
        if kwargs:
            if not known.issuperset(kwargs):
                unexpected = next(name for name in kwargs if name not in known)
                raise TypeError(f"{qualname}() got an unexpected keyword argument {unexpected!r}")
            if args and not kwargs.keys().isdisjoint(names[: len(args)]):
                twice = next(name for name in names[: len(args)] if name in kwargs)
                raise TypeError(f"{qualname}() got multiple values for argument {twice!r}")
            fields.update(kwargs)
        if len(fields) < count:
            missing = next(name for name in names if name not in fields)
            raise TypeError(f"{qualname}() missing required argument {missing!r}")

    __init__.__qualname__ = f"{qualname}.__init__"
    return __init__


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_fields__)
    return f"{type(self).__qualname__}({shown})"


def _hash(self: Any) -> int:
    return hash(self.__record_values__(self))


def _refuse_setattr(self: object, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r} of a frozen {type(self).__qualname__}")


def _refuse_delattr(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r} of a frozen {type(self).__qualname__}")


def _by_values(compare: Callable[[Any, Any], object]) -> Callable[[Any, Any], bool]:
    """A comparison of two records of the same class by their field values (else NotImplemented)."""

    def method(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(compare(self.__record_values__(self), self.__record_values__(other)))

    return method


_eq = _by_values(operator.eq)
_lt = _by_values(operator.lt)
_le = _by_values(operator.le)
_gt = _by_values(operator.gt)
_ge = _by_values(operator.ge)
