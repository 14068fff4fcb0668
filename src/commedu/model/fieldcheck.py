"""Run-time checks of the model's fields against their annotations.

Plans are built by other townships' scripts as well as read from files, so a wrong type must
fail where the value is given, naming the field (``Activity.responsible[0] must be a
Department, not str '社区教育中心'``), not three calls later as an ``AttributeError`` in a rule.
Every model class is declared ``@attrs.frozen(field_transformer=type_checked)``.
"""

from __future__ import annotations

import enum
import re
import types
import typing
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any, Literal, TypeVar, Union, cast, get_args, get_origin

import attrs

from commedu.errors import PlanError, Problem

__all__ = ["conforms", "describe", "has_surrogate", "sequence", "type_checked"]

T = TypeVar("T")

_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone UTF-16 surrogate, which no file or terminal can encode."""
    return _SURROGATE.search(text) is not None


def conforms(value: object, hint: Any) -> bool:
    """Whether ``value`` is of the annotated type (the shapes the model uses, not all of typing)."""
    origin = get_origin(hint)
    if hint is Any:
        return True
    if hint is None or hint is type(None):
        return value is None
    if origin is Union or origin is types.UnionType:
        return any(conforms(value, arm) for arm in get_args(hint))
    if origin is Literal:
        return value in get_args(hint)
    if origin is tuple:
        args = get_args(hint)
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(conforms(item, args[0]) for item in value)
        return len(value) == len(args) and all(map(conforms, value, args))
    if isinstance(hint, type):
        if hint is int and isinstance(value, bool):
            return False  # True is an int to Python, never a count to a plan
        if hint is date and isinstance(value, datetime):
            return False  # a day is not a moment
        return isinstance(value, hint)
    return True  # a shape this checker does not know is left to the type checker


def describe(hint: Any) -> str:
    """The annotation as a person reads it: ``a tuple of Department``, ``str or None``."""
    origin = get_origin(hint)
    if hint is None or hint is type(None):
        return "None"
    if origin is Union or origin is types.UnionType:
        return " or ".join(describe(arm) for arm in get_args(hint))
    if origin is Literal:
        return "one of " + ", ".join(repr(a) for a in get_args(hint))
    if origin is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return f"a tuple of {describe(args[0])}"
        return "a tuple (" + ", ".join(describe(a) for a in args) + ")"
    return getattr(hint, "__name__", str(hint))


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _where(cls: type, name: str) -> str:
    return f"{cls.__name__}.{name}"


def _check_text(path: str, value: object) -> None:
    if isinstance(value, str) and has_surrogate(value):
        raise PlanError([Problem(path, "lone-surrogate", {"value": _shown(value)})])


class _TypeCheck:
    """An attrs validator for one field; the annotation is resolved on first use."""

    __slots__ = ("cls", "hint", "name")

    def __init__(self, cls: type, name: str) -> None:
        self.cls = cls
        self.name = name
        self.hint: Any = None

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if self.hint is None:
            self.hint = typing.get_type_hints(self.cls)[self.name]
        where = _where(self.cls, self.name)
        if not conforms(value, self.hint):
            items = get_args(self.hint)
            if isinstance(value, tuple) and get_origin(self.hint) is tuple and items[1:] == (...,):
                for i, item in enumerate(value):
                    if not conforms(item, items[0]):
                        raise TypeError(
                            f"{where}[{i}] must be {describe(items[0])},"
                            f" not {type(item).__name__} {_shown(item)}"
                        )
            raise TypeError(
                f"{where} must be {describe(self.hint)}, not {type(value).__name__} {_shown(value)}"
            )
        if isinstance(value, tuple):
            for i, item in enumerate(value):
                _check_text(f"{self.name}[{i}]", item)
        else:
            _check_text(self.name, value)


def type_checked(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """An attrs ``field_transformer`` that adds a type check to every field."""
    return [
        field.evolve(
            validator=_TypeCheck(cls, field.name)
            if field.validator is None
            else attrs.validators.and_(_TypeCheck(cls, field.name), field.validator)
        )
        for field in fields
    ]


def sequence(items: Iterable[T]) -> tuple[T, ...]:
    """A converter to a tuple that leaves a string, a mapping or a non-iterable alone.

    ``responsible="centre"`` would otherwise become five one-letter departments; left alone,
    the field's type check names the field and what it wanted.
    """
    if isinstance(items, str | bytes | Mapping | enum.Enum) or not isinstance(items, Iterable):
        return cast(tuple[T, ...], items)
    return tuple(items)
