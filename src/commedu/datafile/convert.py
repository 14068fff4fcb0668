"""The third step: parsed data turned into typed values by one strict ``cattrs`` converter.

The converter refuses what a lenient one would quietly accept: a key the class does not have
(with a did-you-mean), a string where a list belongs (cattrs would split it into characters), a
number where text belongs, ``true`` where a number belongs. Every problem is gathered in one
pass (``detailed_validation``) and comes out as a :class:`~commedu.errors.Problem` with its path
(``schedule.activities[3].when``), which :func:`~commedu.datafile.locate.locate` turns into a
line and column.

Readers add hooks of their own (a plan's *when* text, a profile's level) to a converter made
by :func:`strict_converter`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, list_structure_factory
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.fns import raise_error

from commedu.datafile.syntax import show
from commedu.errors import PlanError, Problem

__all__ = [
    "MAX_INT",
    "Bad",
    "Skip",
    "join",
    "problems",
    "strict_converter",
    "table_factory",
    "unknown_keys",
    "wrong",
]

MAX_INT = 2**63 - 1  #: TOML integers are 64-bit; so are most consumers of a JSON number


class Bad(Exception):
    """One problem found while structuring a value, at the value's own place (path "")."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.problem = Problem("", code, params)


class Skip(Exception):
    """A value that cannot be checked because another problem (a bad year) is already reported."""


#: (English, Chinese) names of the kinds of value a file holds, for "wrong-type" messages.
KINDS: dict[str, tuple[str, str]] = {
    "text": ("text in quotes", "带引号的文字"),
    "int": ("a whole number", "整数"),
    "bool": ("true or false", "true 或 false"),
    "date": ("a date (YYYY-MM-DD)", "日期（YYYY-MM-DD）"),
    "money": ('an amount of money ("1" or 1)', '金额（"1" 或 1）'),
    "list": ("a list [ … ]", "列表 [ … ]"),
    "table": ("a table { … }", "表 { … }"),
    "when": ('a time such as "7-8月"', '时间，如 "7-8月"'),
    "measure": ('text, or a table with "text" and "title"', '文字，或含 "text" 和 "title" 的表'),
    "range": ("a whole number, or a table with low and high", "整数，或含 low 和 high 的表"),
    "decimal": ("a number with a fraction", "小数"),
    "datetime": ("a date and time", "日期时间"),
    "none": ("null", "空值 null"),
    "number": ("a number (e.g. 50 or 2.5)", "数（如 50 或 2.5）"),
}


def _kind_of(value: Any) -> str:
    match value:
        case bool():
            return "bool"
        case int():
            return "int"
        case Decimal():
            return "decimal"
        case str():
            return "text"
        case datetime():
            return "datetime"
        case date():
            return "date"
        case list():
            return "list"
        case dict():
            return "table"
        case None:
            return "none"
    return "text"  # pragma: no cover - TOML and JSON hold nothing else


def wrong(value: Any, expected: str) -> Bad:
    """The problem of a value of the wrong kind (``expected`` is a key of :data:`KINDS`)."""
    got = _kind_of(value)
    return Bad(
        "wrong-type",
        value=show(value),
        got=KINDS[got][0],
        got_zh=KINDS[got][1],
        expected=KINDS[expected][0],
        expected_zh=KINDS[expected][1],
    )


def _text(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise wrong(value, "text")
    return value


def _int(value: Any, _: type) -> int:
    if type(value) is not int:
        raise wrong(value, "int")
    if abs(value) > MAX_INT:
        raise Bad("too-big", value=show(value), limit=MAX_INT)
    return value


def _bool(value: Any, _: type) -> bool:
    if type(value) is not bool:
        raise wrong(value, "bool")
    return value


def _date(value: Any, _: type) -> date:
    if type(value) is date:
        return value
    if not isinstance(value, str):
        raise wrong(value, "date")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise Bad("bad-date-text", value=value)
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise Bad("bad-date-text", value=value) from None


def _is_sequence(t: Any) -> bool:
    origin = get_origin(t)
    if origin is list:
        return True
    args = get_args(t)
    return origin is tuple and len(args) == 2 and args[1] is Ellipsis


def _sequence_factory(t: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    # cattrs would take any iterable, turning the string "abc" into ["a", "b", "c"]; a file
    # writes a list, so only a list is accepted.
    make = list_structure_factory if get_origin(t) is list else homogenous_tuple_structure_factory
    inner = make(t, converter)

    def structure(value: Any, cl: Any) -> Any:
        if not isinstance(value, list):
            raise wrong(value, "list")
        return inner(value, cl)

    return structure


def _is_mapping(t: Any) -> bool:
    return get_origin(t) is dict


class _ValueErrors(Exception):
    """The problems of some values of a table keyed by the file's own names, by key."""

    def __init__(self, found: list[tuple[str, Exception]]) -> None:
        super().__init__(found)
        self.found = found


def _mapping_factory(t: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    key_type, item = get_args(t)

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            raise wrong(value, "table")
        result, found = {}, []
        for key, raw in value.items():
            try:
                name = key if key_type is str else converter.structure(key, key_type)
                result[name] = converter.structure(raw, item)
            except Exception as exc:  # each becomes problems in `problems`
                found.append((key, exc))
        if found:
            raise _ValueErrors(found)
        return result

    return structure


def _field_hook(field: attrs.Attribute[Any], converter: cattrs.Converter) -> Any:
    """The hook for one field, as cattrs finds it; ``None`` to take the value as it is."""
    if field.converter is None:
        return converter.get_structure_hook(field.type)
    hook = converter.get_structure_hook(field.type, cache_result=False)
    return None if hook == raise_error else hook


def _fields_structure(cl: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """What the structure function cattrs generates for ``cl`` does, without generating it.

    ``make_dict_structure_fn`` writes and compiles a function per class; with detailed
    validation, compiling them was a tenth of ``commedu validate``'s whole run. This one loop
    does the same for any class: each field through its hook, every error noted with its field
    and gathered, unknown keys refused, one ``ClassValidationError`` for all. Each field's hook
    is found on first use, as cattrs finds it when it first structures the class.
    """
    if any(isinstance(field.type, str) for field in attrs.fields(cl)):
        attrs.resolve_types(cl)
    fields = [field for field in attrs.fields(cl) if field.init]
    known = {field.name for field in fields}
    steps: list[tuple[str, str, Any, Any, bool]] = []

    def structure(value: Mapping[str, Any], _: Any) -> Any:
        if not steps:
            steps.extend(
                (f.name, f.alias, f.type, _field_hook(f, converter), f.default is attrs.NOTHING)
                for f in fields
            )
        result: dict[str, Any] = {}
        errors: list[Exception] = []
        for name, alias, kind, hook, required in steps:
            if not required and name not in value:
                continue
            try:
                raw = value[name]
                result[alias] = raw if hook is None else hook(raw, kind)
            except Exception as exc:  # each becomes problems in `problems`
                note = AttributeValidationNote(
                    f"Structuring class {cl.__qualname__} @ attribute {name}", name, kind
                )
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                errors.append(exc)
        if unknown := set(value) - known:
            errors.append(ForbiddenExtraKeysError("", cl, unknown))
        if errors:
            raise ClassValidationError(f"While structuring {cl.__name__}", errors, cl)
        try:
            return cl(**result)
        except Exception as exc:
            raise ClassValidationError(f"While structuring {cl.__name__}", [exc], cl) from exc

    return structure


def table_factory(cl: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """A hook that structures a table (and nothing else) into the attrs class ``cl``."""
    inner = _fields_structure(cl, converter)

    def structure(value: Any, t: Any) -> Any:
        if not isinstance(value, dict):
            raise wrong(value, "table")
        return inner(value, t)

    return structure


def strict_converter() -> cattrs.Converter:
    """A converter that refuses unknown keys and values of the wrong kind, reporting them all."""
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _text)
    converter.register_structure_hook(int, _int)
    converter.register_structure_hook(bool, _bool)
    converter.register_structure_hook(date, _date)
    converter.register_structure_hook_factory(_is_sequence, _sequence_factory)
    converter.register_structure_hook_factory(_is_mapping, _mapping_factory)
    converter.register_structure_hook_factory(attrs.has, table_factory)
    return converter


def join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def unknown_keys(keys: Iterable[str], known: Sequence[str], path: str = "") -> Iterator[Problem]:
    """A problem for each of ``keys`` not in ``known``, with the closest known key if one is close."""
    for key in sorted(set(keys) - set(known)):
        import difflib  # here, not at import: only a key that is not known asks it

        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        if close:
            yield Problem(
                join(path, key), "unknown-key-close", {"value": key, "suggestion": close[0]}
            )
        else:
            yield Problem(join(path, key), "unknown-key", {"value": key, "known": ", ".join(known)})


def problems(exc: BaseException, path: str = "") -> Iterator[Problem]:
    """Every problem inside a cattrs exception tree, with the path to each."""
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            yield from problems(sub, join(path, note.name))
        for sub in without:
            yield from problems(sub, path)
    elif isinstance(exc, IterableValidationError):
        indexed, others = exc.group_exceptions()
        for sub, inote in indexed:
            yield from problems(sub, f"{path}[{inote.index}]")
        for sub in others:  # pragma: no cover - cattrs notes every item it structures
            yield from problems(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        yield from unknown_keys(exc.extra_fields, [f.name for f in attrs.fields(exc.cl)], path)
    elif isinstance(exc, _ValueErrors):
        for key, sub in exc.found:
            yield from problems(sub, join(path, key))
    elif isinstance(exc, KeyError):
        yield Problem(path, "missing-key", {"key": path.rpartition(".")[2].partition("[")[0]})
    elif isinstance(exc, Bad):
        yield exc.problem.at(path)
    elif isinstance(exc, PlanError):
        yield from (p.at(path) for p in exc.problems)
    elif isinstance(exc, Skip):
        return
    else:  # pragma: no cover - every hook raises one of the above
        raise exc
