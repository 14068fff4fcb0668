"""Run-time type checks against annotations, for the model's fields and the public functions.

The library is called by other townships' scripts; a wrong type must fail where it is given,
naming the argument, rather than deep inside as an ``AttributeError`` or ``KeyError``.
Only the annotation shapes the library uses are understood; any other is let through to the
static type checker.
"""

from __future__ import annotations

import functools
import re
import sys
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal, NewType, Union, get_args, get_origin

import attrs

__all__ = [
    "FieldCheck",
    "check_arguments",
    "check_options",
    "conforms",
    "define",
    "describe",
    "field_hint",
    "has_surrogate",
    "require",
    "shown",
    "type_checked",
]

_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone UTF-16 surrogate, which no file or terminal can encode."""
    return _SURROGATE.search(text) is not None


def conforms(value: object, hint: Any) -> bool:
    """Whether ``value`` is of the annotated type (the shapes the model uses, not all of typing)."""
    if isinstance(hint, NewType):  # a NewType is its base type at run time
        hint = hint.__supertype__
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
    if origin in (Sequence, Iterable, list):
        if isinstance(value, str | bytes | Mapping) or not isinstance(value, origin):
            return False  # one string is not a list of codes or names
        (item,) = get_args(hint) or (Any,)
        return not isinstance(value, Sequence) or all(conforms(v, item) for v in value)
    if isinstance(origin, type):  # Mapping[...], os.PathLike[str] and other generic classes
        return isinstance(value, origin)
    if isinstance(hint, type):
        if hint is int and isinstance(value, bool):
            return False  # True is an int to Python, never a count to a plan
        if hint is date and isinstance(value, datetime):
            return False  # a day is not a moment
        return isinstance(value, hint)
    return True  # a shape this checker does not know is left to the type checker


def describe(hint: Any) -> str:
    """The annotation as a person reads it: ``a tuple of Department``, ``str or None``."""
    if isinstance(hint, NewType):
        hint = hint.__supertype__
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
    if origin in (Sequence, Iterable, list):
        (item,) = get_args(hint) or (Any,)
        return f"a list of {describe(item)}"
    if origin is not None:
        return describe(origin)
    return getattr(hint, "__name__", str(hint))


def shown(value: object) -> str:
    """A value as an error message quotes it: its repr, cut short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _resolve(annotation: object, module_name: str) -> Any:
    """One annotation resolved in its module; ``Any`` for a name imported for type checking only."""
    holder = types.SimpleNamespace(__annotations__={"_": annotation})
    module = sys.modules.get(module_name)
    try:
        return typing.get_type_hints(holder, vars(module) if module else None)["_"]
    except NameError:
        return Any


@functools.cache
def _hints(function: Callable[..., object]) -> dict[str, Any]:
    try:
        return typing.get_type_hints(function)
    except NameError:  # one name for type checking only: the other annotations still count
        annotations = function.__annotations__.items()
        return {name: _resolve(value, function.__module__) for name, value in annotations}


def require(function: str, name: str, value: object, hint: Any) -> None:
    """Raise ``TypeError`` naming ``function``'s argument ``name`` unless ``value`` fits ``hint``."""
    if not conforms(value, hint):
        raise TypeError(
            f"{function}() argument {name!r} must be {describe(hint)},"
            f" not {type(value).__name__} {shown(value)}"
        )


def check_arguments(function: Callable[..., object], **arguments: object) -> None:
    """Check each named argument of ``function`` against its annotation."""
    hints = _hints(function)
    for name, value in arguments.items():
        require(function.__name__, name, value, hints[name])


def check_options(
    function: Callable[..., object], options: Mapping[str, object], allowed: type
) -> None:
    """Check ``**options`` against a ``TypedDict``: no unknown key, every value of its type."""
    hints = _hints(allowed)
    for name, value in options.items():
        if name not in hints:
            raise TypeError(
                f"{function.__name__}() got an unexpected keyword argument {name!r};"
                f" its options are: {', '.join(sorted(hints))}"
            )
        require(function.__name__, name, value, hints[name])


def field_hint(cls: type, name: str) -> Any:
    """The annotation of ``cls``'s field ``name``, resolved; ``Any`` where it cannot be.

    One name imported for type checking only (``Plan`` in a ``Callable[[Plan], …]``) leaves that
    field to mypy, not the whole class: the other fields are resolved one by one.
    """
    try:
        return typing.get_type_hints(cls)[name]
    except NameError:
        owner = next(c for c in cls.__mro__ if name in vars(c).get("__annotations__", {}))
        return _resolve(owner.__annotations__[name], owner.__module__)


#: What a class adds to the type check of its text fields: ``(path, value)``, raising if refused.
TextCheck = Callable[[str, object], None]


class FieldCheck:
    """An attrs validator: the field's value must fit its annotation, resolved on first use.

    The error is a ``TypeError`` naming the class and field (``Record.dates[0] must be date, not
    str '2024-03-05'``); ``text``, when given, is then asked about each string in the field.
    """

    __slots__ = ("cls", "hint", "name", "text")

    def __init__(self, cls: type, name: str, text: TextCheck | None = None) -> None:
        self.cls = cls
        self.name = name
        self.text = text
        self.hint: Any = None

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if self.hint is None:
            self.hint = field_hint(self.cls, self.name)
        if not conforms(value, self.hint):
            where = f"{self.cls.__name__}.{self.name}"
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
        if self.text is not None:
            if isinstance(value, tuple):
                for i, item in enumerate(value):
                    self.text(f"{self.name}[{i}]", item)
            else:
                self.text(self.name, value)


def type_checked(
    cls: type, fields: list[attrs.Attribute[Any]], text: TextCheck | None = None
) -> list[attrs.Attribute[Any]]:
    """An attrs ``field_transformer`` that puts a :class:`FieldCheck` first on every field."""
    return [
        field.evolve(
            validator=FieldCheck(cls, field.name, text)
            if field.validator is None
            else attrs.validators.and_(FieldCheck(cls, field.name, text), field.validator)
        )
        for field in fields
    ]


if TYPE_CHECKING:  # to mypy's attrs plugin, the decorators below are attrs' own
    from attrs import frozen as define
else:

    def define(maybe_cls=None, /, **options):
        """``attrs.frozen`` whose every field checks its type: how every class here is declared."""
        return attrs.frozen(maybe_cls, field_transformer=type_checked, **options)
