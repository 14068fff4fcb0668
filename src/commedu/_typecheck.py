"""Run-time type checks against annotations, for the model's fields and the public functions.

The library is called by other townships' scripts; a wrong type must fail where it is given,
naming the argument, rather than deep inside as an ``AttributeError`` or ``KeyError``.
Only the annotation shapes the library uses are understood; any other is let through to the
static type checker.
"""

from __future__ import annotations

import functools
import operator
import re
import sys
import threading
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal, NewType, Union, cast, get_args, get_origin

import attrs

__all__ = [
    "FieldCheck",
    "check_arguments",
    "check_options",
    "checker",
    "conforms",
    "define",
    "describe",
    "field_hint",
    "fields_eq",
    "fields_hash",
    "fields_ne",
    "fields_repr",
    "has_surrogate",
    "require",
    "shown",
    "type_checked",
    "with_shared_methods",
]

_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone UTF-16 surrogate, which no file or terminal can encode."""
    return _SURROGATE.search(text) is not None


def conforms(value: object, hint: Any) -> bool:
    """Whether ``value`` is of the annotated type (the shapes the model uses, not all of typing)."""
    return checker(hint)(value)


#: Whether one value fits one annotation.
Check = Callable[[object], bool]


def _anything(value: object) -> bool:
    return True


def _none(value: object) -> bool:
    return value is None


def checker(hint: Any) -> Check:
    """A function that answers :func:`conforms` for ``hint``, worked out once per annotation.

    Every field of every part of a plan is checked on construction, so the annotation is read
    once here rather than taken apart again for each value.
    """
    try:
        return _cached_checker(hint)
    except TypeError:  # an annotation that cannot be hashed (a Literal of a list) is read each time
        return _checker(hint)


@functools.cache
def _cached_checker(hint: Any) -> Check:
    return _checker(hint)


def _checker(hint: Any) -> Check:
    if isinstance(hint, NewType):  # a NewType is its base type at run time
        hint = hint.__supertype__
    origin = get_origin(hint)
    if hint is Any:
        return _anything
    if hint is None or hint is type(None):
        return _none
    if origin is Union or origin is types.UnionType:
        return _union(get_args(hint))
    if origin is Literal:
        allowed = get_args(hint)
        return lambda value: value in allowed
    if origin is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            each = checker(args[0])
            return lambda value: isinstance(value, tuple) and all(map(each, value))
        arms = tuple(checker(arg) for arg in args)
        return lambda value: (
            isinstance(value, tuple)
            and len(value) == len(arms)
            and all(arm(item) for arm, item in zip(arms, value, strict=True))
        )
    if origin in (Sequence, Iterable, list):
        (item,) = get_args(hint) or (Any,)
        each = checker(item)
        container: type = origin

        def sequence(value: object) -> bool:
            if isinstance(value, str | bytes | Mapping) or not isinstance(value, container):
                return False  # one string is not a list of codes or names
            return not isinstance(value, Sequence) or all(map(each, value))

        return sequence
    if isinstance(origin, type):  # Mapping[...], os.PathLike[str] and other generic classes
        generic: type = origin
        return lambda value: isinstance(value, generic)
    if isinstance(hint, type):
        return _instance(hint)
    return _anything  # a shape this checker does not know is left to the type checker


def _may_hold_text(hint: Any) -> bool:
    """Whether a value of ``hint`` can be or hold a string of its own (not inside a part)."""
    if isinstance(hint, NewType):
        hint = hint.__supertype__
    if hint is Any or (isinstance(hint, type) and issubclass(hint, str)):
        return True
    if get_origin(hint) is Literal:
        return any(isinstance(arg, str) for arg in get_args(hint))
    return any(_may_hold_text(arg) for arg in get_args(hint) if arg is not Ellipsis)


def _instance(hint: type) -> Check:
    if hint is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    if hint is date:
        return lambda value: isinstance(value, date) and not isinstance(value, datetime)
    return lambda value: isinstance(value, hint)


def _union(arms: tuple[Any, ...]) -> Check:
    plain = tuple(arm for arm in arms if arm is not type(None) and _is_plain(arm))
    rest = tuple(checker(arm) for arm in arms if arm is not type(None) and not _is_plain(arm))
    optional = type(None) in arms
    # ``str | None``, ``Department | None``: one isinstance answers, the usual case by far
    return lambda value: (
        (optional and value is None) or isinstance(value, plain) or any(arm(value) for arm in rest)
    )


def _is_plain(hint: Any) -> bool:
    """A class whose instances all fit it: not int (a bool is not a count), not date."""
    return isinstance(hint, type) and not issubclass(hint, int | date) and get_origin(hint) is None


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
        return _class_hints(cls)[name]
    except NameError:
        owner = next(c for c in cls.__mro__ if name in vars(c).get("__annotations__", {}))
        return _resolve(owner.__annotations__[name], owner.__module__)


@functools.cache
def _class_hints(cls: type) -> dict[str, Any]:
    # once per class, not once per field: resolving a class's annotations is most of the cost of
    # the first plan a process reads. For an attrs class, attrs resolves them (and keeps them on
    # its fields), so the plan reader's converter, which asks attrs, does not resolve them again.
    built = _BUILT.get(cls, cls)  # a slotted class's check was made for the class attrs replaced
    if not attrs.has(built):
        return typing.get_type_hints(built)
    attrs.resolve_types(built)
    return {field.name: field.type for field in attrs.fields(built) if field.type is not None}


#: The class attrs built for each class it was given, where it built a new one (a slotted class).
_BUILT: dict[type, type] = {}


#: What a class adds to the type check of its fields: ``(field name, value)``, raising if refused;
#: a tuple's items are its own to look at, so the usual clean value costs one call.
TextCheck = Callable[[str, object], None]


class FieldCheck:
    """An attrs validator: the field's value must fit its annotation, resolved on first use.

    The error is a ``TypeError`` naming the class and field (``Record.dates[0] must be date, not
    str '2024-03-05'``); ``text``, when given, is then asked about each string in the field.
    """

    __slots__ = ("check", "cls", "hint", "name", "text")

    def __init__(self, cls: type, name: str, text: TextCheck | None = None) -> None:
        self.cls = cls
        self.name = name
        self.text = text
        self.hint: Any = None
        self.check: Check = self._first

    def _first(self, value: object) -> bool:
        self.hint = field_hint(self.cls, self.name)
        self.check = checker(self.hint)
        if not _may_hold_text(self.hint):
            self.text = None  # a date, a count, a Department: no text of its own to look at
        return self.check(value)

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not self.check(value):
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


_REPRING = threading.local()


def fields_repr(self: object) -> str:
    """attrs' own ``__repr__`` (``Department(id='centre', name='社区教育中心')``), read from the
    class's fields when it is called.

    attrs writes and compiles a ``__repr__`` for each class as it is built; that was a third of
    the code compiled at import, for a method a program seldom calls. The text is the same:
    fields with ``repr=False`` left out, a field's own ``repr`` callable used, ``...`` for an
    object already being shown further up (per thread).
    """
    try:
        showing: set[int] = _REPRING.ids
    except AttributeError:
        showing = _REPRING.ids = set()
    if id(self) in showing:
        return "..."
    showing.add(id(self))
    try:
        cls: Any = self.__class__  # an attrs class: this is only ever its __repr__
        parts = []
        for field in attrs.fields(cls):
            if field.repr is False:
                continue
            if field.init:
                value = getattr(self, field.name)
            else:
                value = getattr(self, field.name, attrs.NOTHING)
            shown = repr(value) if field.repr is True else field.repr(value)
            parts.append(f"{field.name}={shown}")
        return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({', '.join(parts)})"
    finally:
        showing.discard(id(self))


#: Options that say how a class compares (or that attrs refuses without its own ``__eq__``):
#: a class that gives one is left to attrs, as is one that writes a method of its own.
_COMPARISON_OPTIONS = frozenset({"eq", "order", "hash", "unsafe_hash", "cmp", "cache_hash"})
_COMPARISON_METHODS = frozenset(
    {"__eq__", "__ne__", "__hash__", "__lt__", "__le__", "__gt__", "__ge__"}
)


#: The values of an object's fields that take part in comparing or hashing it, in field order.
FieldsKey = Callable[[object], tuple[object, ...]]

#: What a class holds before its first comparison: no owner, so the key is made.
_NO_KEY: tuple[type | None, FieldsKey | None] = (None, None)


def _fields_key(cls: Any, hashing: bool) -> FieldsKey:
    """What :func:`fields_eq` (or :func:`fields_hash`) compares of ``cls``'s instances, made on
    the class's first comparison and kept on it with the class as owner (a subclass of an attrs
    class has more fields, so a key it inherits is not its own).

    The key is one C call, ``operator.attrgetter`` over the fields, where no field has an ``eq``
    key function; a hash key starts with the number attrs' generated ``__hash__`` starts from.
    """
    if hashing:
        wanted = [f for f in attrs.fields(cls) if f.hash is True or (f.hash is None and f.eq)]
        salt = hash(f"<attrs generated hash {cls.__module__}.{cls.__qualname__}>")
        type.__setattr__(cls, "_fields_hash_salt", salt)  # read through the instance below
        first = ["_fields_hash_salt"]
    else:
        wanted = [f for f in attrs.fields(cls) if f.eq]
        first = []
    key: FieldsKey
    if any(field.eq_key is not None for field in wanted):
        getters = [(operator.attrgetter(f.name), f.eq_key or _same) for f in wanted]
        getters[:0] = [(operator.attrgetter(name), _same) for name in first]

        def key(instance: object) -> tuple[object, ...]:
            return tuple(own(get(instance)) for get, own in getters)

    elif len(names := first + [f.name for f in wanted]) > 1:
        key = cast(FieldsKey, operator.attrgetter(*names))  # a tuple of the values, in C
    elif names:
        (only,) = names
        get = operator.attrgetter(only)

        def key(instance: object) -> tuple[object, ...]:
            return (get(instance),)

    else:

        def key(instance: object) -> tuple[object, ...]:
            return ()

    type.__setattr__(cls, "_fields_hash" if hashing else "_fields_eq", (cls, key))
    return key


def _same(value: object) -> object:
    return value


def fields_eq(self: object, other: object) -> bool:
    """attrs' own ``__eq__``: equal when of the same class and equal in every field that takes
    part (``eq=False`` fields do not, an ``eq`` key function is applied), ``NotImplemented``
    for an object of another class.

    attrs writes and compiles an ``__eq__`` for each class as it is built; this one is shared,
    its field getter made on a class's first comparison.
    """
    cls = self.__class__
    if other.__class__ is not cls:
        return cast(bool, NotImplemented)  # Python then asks ``other``, as of any __eq__
    owner, key = getattr(cls, "_fields_eq", _NO_KEY)
    if owner is not cls:
        key = _fields_key(cls, hashing=False)
    # field by field with ==, as attrs does, stopping at the first difference: a tuple's own
    # comparison would take a value as equal to itself first (a NaN would equal itself)
    return all(map(operator.eq, key(self), key(other)))  # type: ignore[misc]


def fields_ne(self: object, other: object) -> bool:
    """The opposite of :func:`fields_eq`, ``NotImplemented`` where it is."""
    equal = fields_eq(self, other)
    return equal if equal is NotImplemented else not equal


def fields_hash(self: object) -> int:
    """attrs' own ``__hash__`` of a frozen class, to the same number: the class's name (salted
    per process, as every string's hash is) and the fields that take part in equality, but for
    those declared ``hash=False``. Equal objects hash alike, as ``fields_eq`` needs."""
    cls = self.__class__
    owner, key = getattr(cls, "_fields_hash", _NO_KEY)
    if owner is not cls:
        key = _fields_key(cls, hashing=True)
    return hash(key(self))  # type: ignore[misc]


def with_shared_methods(
    decorate: Callable[..., Any], maybe_cls: Any, options: dict[str, Any]
) -> Any:
    """``decorate`` (an attrs class decorator) with :func:`fields_repr`, :func:`fields_eq` and
    :func:`fields_hash` in place of methods generated and compiled for each class.

    A class keeps a method it writes itself, and attrs' own when ``options`` say how it is
    shown (``repr``) or compared (``eq``, ``order``, ``hash``…). A class that is not frozen
    compares the same way and, as attrs makes it, cannot be hashed.
    """
    shared_repr = "repr" not in options
    shared_eq = _COMPARISON_OPTIONS.isdisjoint(options)

    def wrap(cls: type) -> Any:
        own = vars(cls)
        # attrs' auto_detect: a class's own method wins, and any of them leaves comparing to attrs
        repr_here = shared_repr and "__repr__" not in own
        eq_here = shared_eq and _COMPARISON_METHODS.isdisjoint(own)
        extra = {"repr": False} if shared_repr else {}
        if eq_here:
            extra["eq"] = False
        built: Any = decorate(cls, **extra, **options)
        if built is not cls:
            _BUILT[cls] = built
        if repr_here:
            built.__repr__ = fields_repr
        if eq_here:
            built.__eq__ = fields_eq
            built.__ne__ = fields_ne
            # hashed as attrs would: when frozen, or inheriting from a frozen class
            frozen = options.get("frozen", decorate is attrs.frozen) or any(
                vars(base).get("__hash__") is fields_hash for base in cls.__mro__[1:]
            )
            built.__hash__ = fields_hash if frozen else None
        return built

    return wrap if maybe_cls is None else wrap(maybe_cls)


if TYPE_CHECKING:  # to mypy's attrs plugin, the decorators below are attrs' own
    from attrs import frozen as define
else:

    def define(maybe_cls=None, /, **options):
        """``attrs.frozen`` whose every field checks its type: how every class here is declared."""
        options = {"field_transformer": type_checked, **options}
        return with_shared_methods(attrs.frozen, maybe_cls, options)
