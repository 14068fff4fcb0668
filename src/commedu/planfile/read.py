"""Plan files: a :class:`~commedu.Plan` as TOML or JSON that a township clerk can write by hand.

Reading goes bytes -> text -> data -> plan, and each step reports what it finds as
:class:`~commedu.errors.Problem` values in one :class:`~commedu.errors.PlanFileError`:

1. the bytes: missing file, folder, size, encoding (UTF-8 only, no BOM), empty file;
2. the text: TOML or JSON syntax, with line and column;
3. the data: a strict ``cattrs`` converter (``forbid_extra_keys``, detailed validation) turns it
   into the model's own classes, so unknown keys, wrong types and every value the model refuses are
   found in one pass, each with its path (``schedule.activities[3].when``);
4. the plan: references by id or name are resolved and the whole plan is checked (unique ids,
   dates in the year). This step runs once steps 1–3 found nothing, because it needs whole parts.

Nothing in a file is ever executed: TOML and JSON are data, and every value is checked by type.
"""

from __future__ import annotations

import contextvars
import difflib
import json
import os
import re
import tomllib
from collections.abc import Callable, Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, list_structure_factory
from cattrs.errors import (
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn

from commedu._messages import syntax_reason_zh
from commedu._tomlguard import MAX_KEY_PARTS, too_deep
from commedu._typecheck import check_arguments, has_surrogate
from commedu.errors import PlanError, PlanFileError, Problem
from commedu.model.fieldcheck import define
from commedu.model.observances import SchoolHoliday
from commedu.model.parts import (
    MONEY_LIMIT,
    MONEY_PLACES,
    Activity,
    Commitments,
    CountRange,
    Department,
    EducationCentre,
    Measure,
    MechanismKind,
    Resources,
    Schedule,
    Source,
    Station,
    Task,
    Township,
    check_id,
    check_text,
    duplicates,
    to_money,
)
from commedu.model.places import Place, PlaceKind, UnitKind
from commedu.model.plan import Plan
from commedu.model.targets import Comparator, Target
from commedu.model.when import When, parse_when
from commedu.planfile.locate import locate

__all__ = ["MAX_BYTES", "Format", "load_plan", "loads_plan"]

Format = Literal["toml", "json"]

MAX_BYTES = 10 * 1024 * 1024  #: a plan is a few hundred KiB at most; refuse anything this big
_MAX_INT = 2**63 - 1  #: TOML integers are 64-bit; so are most consumers of a JSON number


# -- problems raised inside the converter ------------------------------------------------------


class _Bad(Exception):
    """One problem found while structuring a value, at the value's own place (path "")."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.problem = Problem("", code, params)


class _Skip(Exception):
    """A value that cannot be checked because another problem (a bad year) is already reported."""


#: (English, Chinese) names of the kinds of value a file holds, for "wrong-type" messages.
_KINDS: dict[str, tuple[str, str]] = {
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


def _show(value: Any) -> str:
    """A short rendering of a bad value: whole for scalars, elided for tables and lists."""
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _wrong(value: Any, expected: str) -> _Bad:
    got = _kind_of(value)
    return _Bad(
        "wrong-type",
        value=_show(value),
        got=_KINDS[got][0],
        got_zh=_KINDS[got][1],
        expected=_KINDS[expected][0],
        expected_zh=_KINDS[expected][1],
    )


# -- the converter -------------------------------------------------------------------------------

#: The plan year of the file being read, so ``when`` text can be parsed where it stands.
_YEAR: contextvars.ContextVar[int | None] = contextvars.ContextVar("commedu_plan_year")
#: The rest of what ``when`` text needs: the plan's last year and its school holidays.
_SPAN: contextvars.ContextVar[tuple[int | None, tuple[SchoolHoliday, ...]]] = (
    contextvars.ContextVar("commedu_plan_span", default=(None, ()))
)


def _text(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise _wrong(value, "text")
    return value


def _int(value: Any, _: type) -> int:
    if type(value) is not int:
        raise _wrong(value, "int")
    if abs(value) > _MAX_INT:
        raise _Bad("too-big", value=_show(value), limit=_MAX_INT)
    return value


def _bool(value: Any, _: type) -> bool:
    if type(value) is not bool:
        raise _wrong(value, "bool")
    return value


def _date(value: Any, _: type) -> date:
    if type(value) is date:
        return value
    if not isinstance(value, str):
        raise _wrong(value, "date")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise _Bad("bad-date-text", value=value)
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise _Bad("bad-date-text", value=value) from None


def _money(value: Any, _: type) -> Decimal:
    # TOML and JSON floats arrive as Decimal parsed from their own text (see _parse), so 1.10
    # stays exactly 1.10 and binary floating point never touches money.
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise _wrong(value, "money")
    try:
        money = to_money(value.strip() if isinstance(value, str) else value)
    except TypeError:
        raise _Bad("bad-money", value=_show(value)) from None
    except ValueError:
        raise _Bad(
            "money-out-of-range", value=_show(value), limit=f"{MONEY_LIMIT:f}", places=MONEY_PLACES
        ) from None
    return money


def _when(value: Any, _: type) -> When:
    if type(value) is date:
        value = value.isoformat()
    if not isinstance(value, str):
        raise _wrong(value, "when")
    year = _YEAR.get(None)
    if year is None:
        raise _Skip
    last_year, holidays = _SPAN.get()
    return parse_when(value, year, last_year=last_year, holidays=holidays)


@define
class _WrittenWhen:
    """A *when* and the words the file wrote it in."""

    when: When
    text: str


def _written_when(value: Any, _: type) -> _WrittenWhen:
    when = _when(value, _)
    return _WrittenWhen(when, value if isinstance(value, str) else str(when))


def _kind(value: Any, _: type) -> MechanismKind:
    choices = [k.value for k in MechanismKind]
    if not isinstance(value, str):
        raise _wrong(value, "text")
    if value not in choices:
        # A clerk may write the plan's own word (引领机制) or another case (Guidance).
        by_name = {k.chinese: k.value for k in MechanismKind} | {c.lower(): c for c in choices}
        suggestion = by_name.get(value.strip().lower()) or by_name.get(value.strip())
        if suggestion:
            raise _Bad(
                "not-one-of-close", value=value, choices=", ".join(choices), suggestion=suggestion
            )
        raise _Bad("not-one-of", value=value, choices=", ".join(choices))
    return MechanismKind(value)


#: Other ways a clerk writes a choice, to the value the file wants (a did-you-mean, not an alias).
_CHOICE_HINTS: dict[str, str] = {
    "town": "镇",
    "township": "镇",
    "乡": "镇",
    "乡镇": "镇",
    "subdistrict": "街道",
    "街办": "街道",
    "community": "社区",
    "school": "学校",
    "小学": "学校",
    "中学": "学校",
    "citizen-school": "市民学校",
    "社区学校": "市民学校",
    "venue": "场馆",
    "other": "其他",
    "不低于": ">=",
    "不少于": ">=",
    "以上": ">=",
    "至少": ">=",
    "不高于": "<=",
    "不超过": "<=",
    "以下": "<=",
    "等于": "=",
    "==": "=",
    "≥": ">=",
    "≤": "<=",
}


def _choice(value: Any, cl: type) -> Any:
    """A value of the enum ``cl`` (``UnitKind``, ``PlaceKind``, ``Comparator``) as the file writes it."""
    choices = [k.value for k in cl]  # type: ignore[attr-defined]
    if not isinstance(value, str):
        raise _wrong(value, "text")
    if value not in choices:
        suggestion = _CHOICE_HINTS.get(value.strip().lower()) or _CHOICE_HINTS.get(value.strip())
        if suggestion in choices:
            raise _Bad(
                "not-one-of-close", value=value, choices=", ".join(choices), suggestion=suggestion
            )
        raise _Bad("not-one-of", value=value, choices=", ".join(choices))
    return cl(value)


def _is_sequence(t: Any) -> bool:
    origin = get_origin(t)
    if origin is list:
        return True
    args = get_args(t)
    return origin is tuple and len(args) == 2 and args[1] is Ellipsis


def _sequence_factory(t: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    # cattrs would take any iterable, turning the string "abc" into ["a", "b", "c"]; a plan file
    # writes a list, so only a list is accepted.
    make = list_structure_factory if get_origin(t) is list else homogenous_tuple_structure_factory
    inner = make(t, converter)

    def structure(value: Any, cl: Any) -> Any:
        if not isinstance(value, list):
            raise _wrong(value, "list")
        return inner(value, cl)

    return structure


def _table_factory(cl: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    inner: Callable[[Any, Any], Any] = make_dict_structure_fn(cl, converter)

    def structure(value: Any, t: Any) -> Any:
        if not isinstance(value, dict):
            raise _wrong(value, "table")
        return inner(value, t)

    return structure


# -- the file's own shapes where they differ from the model -------------------------------------


@define
class _ActivityDoc:
    """An activity as written: departments, station and tasks named by id or by name."""

    id: str
    title: str
    when: _WrittenWhen
    responsible: tuple[str, ...] = ()
    station: str | None = None
    serves: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    description: str = ""
    place: str | None = None

    def __attrs_post_init__(self) -> None:
        found = [
            check_id(self.id, "m04-1"),
            check_text(self.title, "title"),
            *(check_text(g, f"target_groups[{i}]") for i, g in enumerate(self.target_groups)),
        ]
        problems = [p for p in found if p is not None]
        if problems:
            raise PlanError(problems)


@define
class _ScheduleDoc:
    title: str = ""
    activities: tuple[_ActivityDoc, ...] = ()


@define
class _PlanDoc:
    """The top level of a plan file, in the order a clerk fills it in."""

    id: str
    year: int
    title: str
    township: Township
    profile: str | None = None
    document_number: str | None = None
    issuer: str | None = None
    issued_on: date | None = None
    published_on: date | None = None
    source: Source | None = None
    preamble: str = ""
    centre: EducationCentre | None = None
    guiding_principles: str = ""
    goals: str = ""
    commitments: Commitments = attrs.field(factory=Commitments)
    resources: Resources = attrs.field(factory=Resources)
    departments: tuple[Department, ...] = ()
    stations: tuple[Station, ...] = ()
    places: tuple[Place, ...] = ()
    targets: tuple[Target, ...] = ()
    tasks: tuple[Task, ...] = ()
    schedule: _ScheduleDoc = attrs.field(factory=_ScheduleDoc)
    last_year: int | None = None
    school_holidays: tuple[SchoolHoliday, ...] = ()


def _measure(value: Any, _: type) -> Measure:
    if isinstance(value, str):
        return Measure(value)
    if not isinstance(value, dict):
        raise _wrong(value, "measure")
    measure: Measure = _MEASURE_TABLE(value, Measure)
    return measure


def _count_range(value: Any, _: type) -> CountRange:
    if type(value) is int:
        return CountRange(value, value)
    if not isinstance(value, dict):
        raise _wrong(value, "range")
    counts: CountRange = _RANGE_TABLE(value, CountRange)
    return counts


def _converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _text)
    converter.register_structure_hook(int, _int)
    converter.register_structure_hook(bool, _bool)
    converter.register_structure_hook(date, _date)
    converter.register_structure_hook(Decimal, _money)
    converter.register_structure_hook(MechanismKind, _kind)
    for choice in (UnitKind, PlaceKind, Comparator):
        converter.register_structure_hook(choice, _choice)
    converter.register_structure_hook(Measure, _measure)
    converter.register_structure_hook(CountRange, _count_range)
    converter.register_structure_hook_func(lambda t: t == When, _when)
    converter.register_structure_hook(_WrittenWhen, _written_when)
    converter.register_structure_hook_factory(_is_sequence, _sequence_factory)
    converter.register_structure_hook_factory(attrs.has, _table_factory)
    return converter


_CONVERTER = _converter()
_MEASURE_TABLE = _table_factory(Measure, _CONVERTER)
_RANGE_TABLE = _table_factory(CountRange, _CONVERTER)


# -- turning the converter's exceptions into problems -------------------------------------------


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _surrogates(data: Any, path: str = "") -> Iterator[Problem]:
    """Every key and text holding a lone surrogate: JSON's ``"\\ud800"`` decodes to one, and no
    report, calendar or terminal can encode it, so it is refused before anything else reads it."""
    if isinstance(data, str):
        if has_surrogate(data):
            yield Problem(path, "lone-surrogate", {"value": _show(data)})
    elif isinstance(data, dict):
        for key, value in data.items():
            if has_surrogate(key):
                yield Problem(path, "lone-surrogate", {"value": _show(key)})
            yield from _surrogates(value, _join(path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _surrogates(value, f"{path}[{i}]")


def _problems(exc: BaseException, path: str, cl: type | None) -> Iterator[Problem]:
    """Every problem inside a cattrs exception tree, with the path to each."""
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            yield from _problems(sub, _join(path, note.name), None)
        for sub in without:
            yield from _problems(sub, path, exc.cl)
    elif isinstance(exc, IterableValidationError):
        indexed, others = exc.group_exceptions()
        for sub, inote in indexed:
            yield from _problems(sub, f"{path}[{inote.index}]", None)
        for sub in others:  # pragma: no cover - cattrs notes every item it structures
            yield from _problems(sub, path, None)
    elif isinstance(exc, ForbiddenExtraKeysError):
        known = [f.name for f in attrs.fields(exc.cl)]
        for key in sorted(exc.extra_fields):
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            if close:
                yield Problem(
                    _join(path, key), "unknown-key-close", {"value": key, "suggestion": close[0]}
                )
            else:
                yield Problem(
                    _join(path, key), "unknown-key", {"value": key, "known": ", ".join(known)}
                )
    elif isinstance(exc, KeyError):
        yield Problem(path, "missing-key", {"key": path.rpartition(".")[2].partition("[")[0]})
    elif isinstance(exc, _Bad):
        yield exc.problem.at(path)
    elif isinstance(exc, PlanError):
        yield from (p.at(path) for p in exc.problems)
    elif isinstance(exc, _Skip):
        return
    else:  # pragma: no cover - every hook raises one of the above
        raise exc


# -- reading -------------------------------------------------------------------------------------


def _file_error(
    code: str, *, line: int | None = None, column: int | None = None, **params: Any
) -> PlanFileError:
    return PlanFileError([Problem("", code, params, line=line, column=column)])


def _decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise _file_error("too-large", size=len(data), limit=MAX_BYTES)
    if data.startswith(b"\xef\xbb\xbf"):
        raise _file_error("bom")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _file_error("utf16")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)  # in bytes: the text is unreadable
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            byte = f"0x{data[exc.start]:02X}"
            raise _file_error("not-utf8", line=line, column=column, byte=byte) from None
        raise _file_error("not-utf8-gbk", line=line, column=column) from None
    return text


_TOML_WHERE = re.compile(r"^(?P<reason>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for key, value in pairs:
        if key in table:
            raise _Bad("duplicate-key", value=key)
        table[key] = value
    return table


def _parse(text: str, format: Format) -> Any:
    if len(text) > MAX_BYTES:
        raise _file_error("too-large", size=len(text.encode("utf-8", "replace")), limit=MAX_BYTES)
    if text.startswith("\ufeff"):
        raise _file_error("bom")
    if not text.strip():
        raise _file_error("empty-file")
    try:
        if format == "toml":
            if deep := too_deep(text):
                line, column = deep
                raise _file_error("key-too-deep", line=line, column=column, limit=MAX_KEY_PARTS)
            try:
                return tomllib.loads(text, parse_float=Decimal)
            except tomllib.TOMLDecodeError as exc:
                message = str(exc)
                if where := _TOML_WHERE.match(message):
                    raise _file_error(
                        "toml-syntax",
                        line=int(where["line"]),
                        column=int(where["column"]),
                        reason=where["reason"],
                        reason_zh=syntax_reason_zh(where["reason"]),
                    ) from None
                reason = message.removesuffix(" (at end of document)")
                raise _file_error(
                    "toml-syntax", reason=reason, reason_zh=syntax_reason_zh(reason)
                ) from None
            except ValueError:  # int() refuses literals of thousands of digits
                raise _file_error("number-too-long") from None
        try:
            return json.loads(
                text, parse_float=Decimal, parse_constant=Decimal, object_pairs_hook=_no_duplicates
            )
        except json.JSONDecodeError as exc:
            raise _file_error(
                "json-syntax",
                line=exc.lineno,
                column=exc.colno,
                reason=exc.msg,
                reason_zh=syntax_reason_zh(exc.msg),
            ) from None
        except _Bad as exc:
            raise PlanFileError([exc.problem]) from None
        except ValueError:  # int() refuses literals of thousands of digits
            raise _file_error("number-too-long") from None
    except RecursionError:
        raise _file_error("too-deep") from None


def _format_of(path: Path) -> Format:
    return "json" if path.suffix.lower() == ".json" else "toml"


def load_plan(path: str | os.PathLike[str], format: Format | None = None) -> Plan:
    """Read the plan file at ``path`` (TOML unless it ends in ``.json`` or ``format`` says so).

    Raises :class:`~commedu.errors.PlanFileError` naming every problem; its ``unreadable`` is set
    when the file could not be read at all.
    """
    check_arguments(load_plan, path=path, format=format)
    where = Path(path)
    name = os.fspath(path)
    try:
        if where.is_dir():
            raise _file_error("is-a-directory", value=name)
        with where.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise PlanFileError(
            [Problem("", "no-such-file", {"value": name})], name, unreadable=True
        ) from None
    except PlanFileError as exc:
        raise PlanFileError(exc.problems, name, unreadable=True) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise PlanFileError(
            [Problem("", "unreadable", {"value": name, "reason": reason})], name, unreadable=True
        ) from None
    try:
        return loads_plan(_decode(data), format or _format_of(where))
    except PlanFileError as exc:
        raise PlanFileError(exc.problems, name) from None


def loads_plan(text: str | bytes, format: Format = "toml") -> Plan:
    """Read a plan from TOML or JSON text; raises :class:`~commedu.errors.PlanFileError`.

    Every problem with a path also has the line and column of that path in ``text``. Bytes are
    decoded as a file's bytes would be, so a caller that opened the file itself (a server that
    must not follow links) gets the same explanations of a BOM or a GBK file.
    """
    check_arguments(loads_plan, text=text, format=format)
    if isinstance(text, bytes):
        text = _decode(text)
    data = _parse(text, format)
    try:
        return _plan_from(data)
    except PlanFileError as exc:
        raise PlanFileError(locate(exc.problems, text, format)) from None


def _plan_from(data: Any) -> Plan:
    if not isinstance(data, dict):
        raise PlanFileError([_wrong(data, "table").problem])
    if surrogates := list(_surrogates(data)):
        raise PlanFileError(surrogates)
    year = data.get("year")
    valid_year = type(year) is int and 1900 <= year <= 2999
    token = _YEAR.set(year if valid_year else None)
    span = _SPAN.set(_when_span(data, year if valid_year else None))
    try:
        doc = _CONVERTER.structure(data, _PlanDoc)
    except ClassValidationError as exc:
        found = [*_problems(exc, "", _PlanDoc), *_plan_field_problems(data)]
        reported = {p.path for p in found}
        found += [p for p in _raw_whole_plan_problems(data) if p.path not in reported]
        raise PlanFileError(sorted(found, key=_in_file_order(data))) from None
    finally:
        _YEAR.reset(token)
        _SPAN.reset(span)
    return _build(doc)


def _when_span(
    data: dict[str, Any], year: int | None
) -> tuple[int | None, tuple[SchoolHoliday, ...]]:
    """The last year and school holidays ``when`` text is read against, where they are valid.

    Invalid ones are reported where they stand by the whole-file pass; here they count as absent.
    """
    last_year = data.get("last_year")
    if type(last_year) is not int or year is None or not year < last_year <= 2999:
        last_year = None
    try:
        holidays = _CONVERTER.structure(data.get("school_holidays", []), tuple[SchoolHoliday, ...])
    except (BaseValidationError, PlanError, _Bad):
        holidays = ()
    return last_year, holidays


def _in_file_order(data: dict[str, Any]) -> Callable[[Problem], tuple[int, list[int | str]]]:
    """Sort key: problems follow the order of the file's top-level keys (stable within one)."""
    order = {key: i for i, key in enumerate([*data, *(f.name for f in attrs.fields(_PlanDoc))])}

    def key(problem: Problem) -> tuple[int, list[int | str]]:
        head = re.split(r"[.\[]", problem.path, maxsplit=1)[0]
        # Within a section, places in reading order: activities[2] before activities[10].
        place = [int(p) if p.isdecimal() else p for p in re.split(r"(\d+)", problem.path)]
        return order.get(head, len(order)), place

    return key


def _plan_field_problems(data: dict[str, Any]) -> list[Problem]:
    """The plan's own checks on its top-level values, for a file with problems elsewhere.

    :class:`~commedu.Plan` runs these once the file is whole; running them here too means a
    file with a bad key and a blank title reports both at once.
    """
    plan_id, year, title = data.get("id"), data.get("year"), data.get("title")
    found = [
        check_id(plan_id, f"township-{year}") if isinstance(plan_id, str) else None,
        check_text(title, "title") if isinstance(title, str) else None,
        Problem("year", "not-a-year", {"value": year})
        if type(year) is int and not 1900 <= year <= 2999
        else None,
    ]
    return [p for p in found if p is not None]


# -- from the file's shapes to the plan ---------------------------------------------------------


class _Index:
    """Things a schedule refers to, found by id first and then by exact name."""

    def __init__(self, kind: str, kind_zh: str, items: list[tuple[str, list[str], Any]]) -> None:
        self.kind, self.kind_zh = kind, kind_zh
        self.by_id = {key: value for key, _, value in items}
        self.by_name: dict[str, list[Any]] = {}
        for _, names, value in items:
            for name in names:
                found = self.by_name.setdefault(name, [])
                if all(v is not value for v in found):
                    found.append(value)
        self.ids = {id(value): key for key, _, value in items}
        self.listing = (
            ", ".join(f"{key} ({names[0]})" if names else key for key, names, _ in items) or "-"
        )

    def find(self, ref: str, path: str, problems: list[Problem]) -> Any:
        if ref in self.by_id:
            return self.by_id[ref]
        found = self.by_name.get(ref, [])
        if len(found) == 1:
            return found[0]
        params = {"kind": self.kind, "kind_zh": self.kind_zh, "value": ref}
        if found:
            matches = ", ".join(self.ids[id(v)] for v in found)
            problems.append(Problem(path, "ambiguous-ref", {**params, "matches": matches}))
            return None
        params["known"] = self.listing
        close = difflib.get_close_matches(ref, [*self.by_id, *self.by_name], n=1, cutoff=0.6)
        if close:
            problems.append(Problem(path, "unknown-ref-close", {**params, "suggestion": close[0]}))
        else:
            problems.append(Problem(path, "unknown-ref", params))
        return None


def _rows(data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    """The tables of the list ``key``, with their places in it (other entries are skipped)."""
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [(i, row) for i, row in enumerate(value) if isinstance(row, dict)]


def _names(row: dict[str, Any], *keys: str) -> list[str]:
    names = [row.get(key) for key in keys if key != "aliases"]
    if "aliases" in keys and isinstance(row.get("aliases"), list):
        names += row["aliases"]
    return [n for n in names if isinstance(n, str)]


def _raw_ids(data: dict[str, Any], key: str) -> list[str | None]:
    """The ids of the list ``key``, in place; ``None`` where an entry has no text id."""
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [
        row["id"] if isinstance(row, dict) and isinstance(row.get("id"), str) else None
        for row in value
    ]


def _raw_whole_plan_problems(data: dict[str, Any]) -> list[Problem]:
    """Duplicate ids and unresolved references, read from the raw data of a file with problems.

    The plan checks these properly once the file is whole; doing it here too means a clerk sees
    a misspelt department or a repeated id alongside a misspelt key, not one run later.
    """
    tasks = _rows(data, "tasks")
    mechanisms = [m for _, t in tasks for m in _rows(t, "mechanisms")]
    schedule = data.get("schedule")
    activities = _rows(schedule, "activities") if isinstance(schedule, dict) else []
    problems = [
        *duplicates(_raw_ids(data, "departments"), "departments[{}].id", "departments"),
        *duplicates(_raw_ids(data, "stations"), "stations[{}].id", "stations"),
        *duplicates(_raw_ids(data, "places"), "places[{}].id", "places"),
        *duplicates(_raw_ids(data, "tasks"), "tasks[{}].id", "tasks"),
        *(
            problem
            for i, task in tasks
            for problem in duplicates(
                _raw_ids(task, "mechanisms"),
                f"tasks[{i}].mechanisms[{{}}].id",
                f"tasks[{i}].mechanisms",
            )
        ),
        *duplicates(
            _raw_ids(schedule, "activities") if isinstance(schedule, dict) else [],
            "schedule.activities[{}].id",
            "schedule.activities",
        ),
    ]

    def index(
        kind: str, kind_zh: str, rows: list[tuple[int, dict[str, Any]]], *keys: str
    ) -> _Index:
        items = [(row.get("id"), _names(row, *keys)) for _, row in rows]
        return _Index(kind, kind_zh, [(i, n, i) for i, n in items if isinstance(i, str)])

    departments = index("department", "部门", _rows(data, "departments"), "name", "aliases")
    stations = index("station", "工作站", _rows(data, "stations"), "name")
    places = index("place", "场所", _rows(data, "places"), "name")
    servable = index("task or mechanism", "任务或机制", [*tasks, *mechanisms], "title")
    for i, item in activities:
        path = f"schedule.activities[{i}]"
        for key, found_in in (("responsible", departments), ("serves", servable)):
            refs = item.get(key)
            if isinstance(refs, list):
                for j, ref in enumerate(refs):
                    if isinstance(ref, str):
                        found_in.find(ref, f"{path}.{key}[{j}]", problems)
        if isinstance(item.get("station"), str):
            stations.find(item["station"], f"{path}.station", problems)
        if isinstance(item.get("place"), str):
            places.find(item["place"], f"{path}.place", problems)
    return problems


def _build(doc: _PlanDoc) -> Plan:
    departments = _Index("department", "部门", [(d.id, list(d.names), d) for d in doc.departments])
    stations = _Index("station", "工作站", [(s.id, [s.name], s) for s in doc.stations])
    places = _Index("place", "场所", [(p.id, [p.name], p) for p in doc.places])
    mechanisms = [m for t in doc.tasks for m in t.mechanisms]
    servable = _Index(
        "task or mechanism",
        "任务或机制",
        [(t.id, [t.title], t.id) for t in doc.tasks]
        + [(m.id, [m.title], m.id) for m in mechanisms],
    )
    problems: list[Problem] = []
    activities = []
    for i, item in enumerate(doc.schedule.activities):
        path = f"schedule.activities[{i}]"
        responsible = [
            departments.find(ref, f"{path}.responsible[{j}]", problems)
            for j, ref in enumerate(item.responsible)
        ]
        station = (
            None
            if item.station is None
            else stations.find(item.station, f"{path}.station", problems)
        )
        serves = [
            servable.find(ref, f"{path}.serves[{j}]", problems) for j, ref in enumerate(item.serves)
        ]
        place = None if item.place is None else places.find(item.place, f"{path}.place", problems)
        # An unresolved reference is reported above and left out here, so the activity keeps its
        # place and the whole-plan checks below still name the right index.
        activities.append(
            Activity(
                item.id,
                item.title,
                item.when.when,
                tuple(d for d in responsible if d is not None),
                station,
                tuple(ref for ref in serves if ref is not None),
                item.target_groups,
                item.description,
                place,
                when_text="" if item.when.text == str(item.when.when) else item.when.text,
            )
        )
    try:
        schedule = Schedule(tuple(activities), title=doc.schedule.title)
    except PlanError as exc:
        problems.extend(exc.at("schedule").problems)
        schedule = Schedule(title=doc.schedule.title)
    try:
        plan = Plan(
            id=doc.id,
            township=doc.township,
            year=doc.year,
            title=doc.title,
            guiding_principles=doc.guiding_principles,
            goals=doc.goals,
            tasks=doc.tasks,
            stations=doc.stations,
            departments=doc.departments,
            schedule=schedule,
            commitments=doc.commitments,
            resources=doc.resources,
            centre=doc.centre,
            issued_on=doc.issued_on,
            published_on=doc.published_on,
            source=doc.source,
            profile=doc.profile,
            document_number=doc.document_number,
            issuer=doc.issuer,
            preamble=doc.preamble,
            places=doc.places,
            targets=doc.targets,
            last_year=doc.last_year,
            school_holidays=doc.school_holidays,
        )
    except PlanError as exc:
        problems.extend(exc.problems)
    if problems:
        raise PlanFileError(problems)
    return plan
