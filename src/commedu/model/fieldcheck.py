"""Run-time checks of the model's fields against their annotations.

Plans are built by other townships' scripts as well as read from files, so a wrong type must
fail where the value is given, naming the field (``Activity.responsible[0] must be a
Department, not str '社区教育中心'``), not three calls later as an ``AttributeError`` in a rule.
Every model class is declared ``@attrs.frozen(field_transformer=type_checked)``.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, cast, get_args, get_origin

import attrs

from commedu._typecheck import conforms, describe, has_surrogate, shown
from commedu.errors import PlanError, Problem

__all__ = ["sequence", "type_checked"]

T = TypeVar("T")


def _where(cls: type, name: str) -> str:
    return f"{cls.__name__}.{name}"


def _check_text(path: str, value: object) -> None:
    if isinstance(value, str) and has_surrogate(value):
        raise PlanError([Problem(path, "lone-surrogate", {"value": shown(value)})])


class _TypeCheck:
    """An attrs validator for one field; the annotation is resolved on first use."""

    __slots__ = ("cls", "hint", "name")

    def __init__(self, cls: type, name: str) -> None:
        self.cls = cls
        self.name = name
        self.hint: Any = None

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if self.hint is None:
            try:
                self.hint = typing.get_type_hints(self.cls)[self.name]
            except NameError:  # a name imported for type checking only: leave it to mypy
                self.hint = Any
        where = _where(self.cls, self.name)
        if not conforms(value, self.hint):
            items = get_args(self.hint)
            if isinstance(value, tuple) and get_origin(self.hint) is tuple and items[1:] == (...,):
                for i, item in enumerate(value):
                    if not conforms(item, items[0]):
                        raise TypeError(
                            f"{where}[{i}] must be {describe(items[0])},"
                            f" not {type(item).__name__} {shown(item)}"
                        )
            raise TypeError(
                f"{where} must be {describe(self.hint)}, not {type(value).__name__} {shown(value)}"
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
