"""Run-time type checks against annotations, for the model's fields and the public functions.

The library is called by other townships' scripts; a wrong type must fail where it is given,
naming the argument, rather than deep inside as an ``AttributeError`` or ``KeyError``.
Only the annotation shapes the library uses are understood; any other is let through to the
static type checker.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Literal, Union, get_args, get_origin

__all__ = [
    "check_arguments",
    "check_options",
    "conforms",
    "describe",
    "has_surrogate",
    "require",
    "shown",
]

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


@functools.cache
def _hints(function: Callable[..., object]) -> dict[str, Any]:
    return typing.get_type_hints(function)


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
