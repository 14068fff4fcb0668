"""Run-time checks of the model's fields against their annotations.

Plans are built by other townships' scripts as well as read from files, so a wrong type must
fail where the value is given, naming the field (``Activity.responsible[0] must be a
Department, not str '社区教育中心'``), not three calls later as an ``AttributeError`` in a rule.
Every class of the package is declared with :func:`define` (or :func:`mutable`), so none can
forget the check; a test walks every attrs class to hold that.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from commedu._typecheck import has_surrogate, shown, with_shared_methods
from commedu._typecheck import type_checked as checked_fields
from commedu.errors import PlanError, Problem

__all__ = ["define", "mutable", "sequence", "type_checked"]

T = TypeVar("T")


@functools.cache
def _control() -> re.Pattern[str]:
    """Control characters XML 1.0 cannot hold (so no .docx or .xlsx can), ESC among them, which a
    terminal would obey: a tab, a line feed and a carriage return are text.

    Compiled when a text is refused, not at import: a class of characters beyond Latin-1 takes
    half a millisecond to compile.
    """
    return re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


#: Either of the above, or a lone surrogate: one search clears the usual text.
_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _check_text(name: str, value: object) -> None:
    if isinstance(value, str):
        if _SUSPECT.search(value) is not None:
            _refuse(name, value)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            if isinstance(item, str) and _SUSPECT.search(item) is not None:
                _refuse(f"{name}[{i}]", item)


def _refuse(path: str, value: str) -> None:
    if has_surrogate(value):
        raise PlanError([Problem(path, "lone-surrogate", {"value": shown(value)})])
    if found := _control().search(value):
        char = f"U+{ord(found.group()):04X}"
        raise PlanError([Problem(path, "control-character", {"value": shown(value), "char": char})])


def type_checked(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """An attrs ``field_transformer``: every field checks its type, and text no file can hold."""
    return checked_fields(cls, fields, _check_text)


if TYPE_CHECKING:  # to mypy's attrs plugin, the decorators below are attrs' own
    from attrs import define as mutable
    from attrs import frozen as define
else:

    def define(maybe_cls=None, /, **options):
        """``attrs.frozen`` with :func:`type_checked`: how every class of the model is declared.

        Its ``__repr__``, ``__eq__`` and ``__hash__`` answer as attrs' would, shared by every
        class rather than generated and compiled for each (:func:`~commedu._typecheck.fields_eq`).
        """
        options = {"field_transformer": type_checked, **options}
        return with_shared_methods(attrs.frozen, maybe_cls, options)

    def mutable(maybe_cls=None, /, **options):
        """``attrs.define`` with :func:`type_checked`, for the few classes that hold state."""
        options = {"field_transformer": type_checked, **options}
        return with_shared_methods(attrs.define, maybe_cls, options)


def sequence(items: Iterable[T]) -> tuple[T, ...]:
    """A converter to a tuple that leaves a string, a mapping or a non-iterable alone.

    ``responsible="centre"`` would otherwise become five one-letter departments; left alone,
    the field's type check names the field and what it wanted.
    """
    if isinstance(items, str | bytes | Mapping | enum.Enum) or not isinstance(items, Iterable):
        return cast(tuple[T, ...], items)
    return tuple(items)
