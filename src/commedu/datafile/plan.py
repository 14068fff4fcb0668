"""Plan files: a :class:`~commedu.Plan` as TOML or JSON that a township clerk can write by hand.

Reading is the data-file room's chain (:mod:`commedu.datafile`), and each step reports what it
finds as :class:`~commedu.errors.Problem` values in one :class:`~commedu.errors.PlanFileError`:

1. the bytes: missing file, folder, size, encoding (UTF-8 only, no BOM), empty file;
2. the text: TOML or JSON syntax, with line and column, and the parsing guards;
3. the data: the strict ``cattrs`` converter (``forbid_extra_keys``, detailed validation) turns it
   into the model's own classes, so unknown keys, wrong types and every value the model refuses are
   found in one pass, each with its path (``schedule.activities[3].when``);
4. the plan: references by id or name are resolved and the whole plan is checked (unique ids,
   dates in the year). This step runs once steps 1–3 found nothing, because it needs whole parts.

Nothing in a file is ever executed: TOML and JSON are data, and every value is checked by type.
"""

from __future__ import annotations

import contextvars
import os
import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import cattrs
from cattrs.errors import BaseValidationError, ClassValidationError
from cattrs.gen import make_dict_unstructure_fn

from commedu._messages import FieldPath
from commedu._typecheck import check_arguments
from commedu.datafile.convert import Bad, Skip, problems, strict_converter, table_factory, wrong
from commedu.datafile.decode import MAX_BYTES, Refused, decode, read_bytes
from commedu.datafile.locate import locate
from commedu.datafile.syntax import Format, parse, show
from commedu.errors import PlanError, PlanFileError, Problem
from commedu.model.checks import check_line
from commedu.model.fieldcheck import define
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
from commedu.model.reminders import CalendarDefaults, format_reminder, parse_reminder
from commedu.model.targets import Comparator, Target
from commedu.model.when import ClockRange, DateSpan, DayParts, Weekly, When, parse_when
from commedu.model.when.spans import SchoolHoliday

__all__ = ["MAX_BYTES", "Format", "ReadPlan", "load_plan", "loads_plan", "read_plan"]


# -- the converter -------------------------------------------------------------------------------

#: The plan year of the file being read, so ``when`` text can be parsed where it stands.
_YEAR: contextvars.ContextVar[int | None] = contextvars.ContextVar("commedu_plan_year")
#: The rest of what ``when`` text needs: the plan's last year, school holidays and day parts.
_SPAN: contextvars.ContextVar[tuple[int | None, tuple[SchoolHoliday, ...], DayParts]] = (
    contextvars.ContextVar("commedu_plan_span", default=(None, (), DayParts()))
)


def _money(value: Any, _: type) -> Decimal:
    # TOML and JSON floats arrive as Decimal parsed from their own text (see commedu.datafile.syntax), so 1.10
    # stays exactly 1.10 and binary floating point never touches money.
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise wrong(value, "money")
    try:
        money = to_money(value.strip() if isinstance(value, str) else value)
    except TypeError:
        raise Bad("bad-money", value=show(value)) from None
    except ValueError:
        raise Bad(
            "money-out-of-range", value=show(value), limit=f"{MONEY_LIMIT:f}", places=MONEY_PLACES
        ) from None
    return money


def _when(value: Any, _: type) -> When:
    if type(value) is date:
        value = value.isoformat()
    if not isinstance(value, str):
        raise wrong(value, "when")
    year = _YEAR.get(None)
    if year is None:
        raise Skip
    last_year, holidays, day_parts = _SPAN.get()
    return parse_when(value, year, last_year=last_year, holidays=holidays, day_parts=day_parts)


@define
class _WrittenWhen:
    """A *when* and the words the file wrote it in."""

    when: When
    text: str


def _written_when(value: Any, _: type) -> _WrittenWhen:
    when = _when(value, _)
    return _WrittenWhen(when, value if isinstance(value, str) else str(when))


#: The longest clock range a ``[day_parts]`` value can be (``08:30 — 11:30`` with room to spare).
_CLOCK_TEXT_LIMIT = 40


def _clock_range(value: Any, _: type) -> ClockRange:
    """A part of the day as the file writes it: ``"14:30-17:30"``, with any dash a class takes.

    The *when* grammar reads it, as the clock range of a weekly class, so a day part is spelt
    exactly as ``每周三 14:30-17:30`` is and the two can never disagree.
    """
    if not isinstance(value, str):
        raise wrong(value, "text")
    text = value.strip()
    if len(text) > _CLOCK_TEXT_LIMIT or any(c in text for c in "每上下晚"):
        raise Bad("bad-day-part", value=show(value))
    try:
        when = parse_when(f"每周一 {text}", 2001)
    except PlanError as error:
        problem = error.problems[0]
        if problem.code == "span-order":
            raise Bad("span-order", **problem.params) from None
        raise Bad("bad-day-part", value=show(value)) from None
    if not isinstance(when, Weekly) or when.clock is None or when.weekdays != (0,):
        raise Bad("bad-day-part", value=show(value))
    return when.clock


def _kind(value: Any, _: type) -> MechanismKind:
    choices = [k.value for k in MechanismKind]
    if not isinstance(value, str):
        raise wrong(value, "text")
    if value not in choices:
        # A clerk may write the plan's own word (引领机制) or another case (Guidance).
        by_name = {k.chinese: k.value for k in MechanismKind} | {c.lower(): c for c in choices}
        suggestion = by_name.get(value.strip().lower()) or by_name.get(value.strip())
        if suggestion:
            raise Bad(
                "not-one-of-close", value=value, choices=", ".join(choices), suggestion=suggestion
            )
        raise Bad("not-one-of", value=value, choices=", ".join(choices))
    return MechanismKind(value)


#: Other ways a clerk writes a choice, to the value the file wants (a did-you-mean, not an alias).
_CHOICE_HINTS: dict[str, str] = {
    "town": "镇",
    "township": "镇",
    "乡镇": "镇",
    "subdistrict": "街道",
    "街办": "街道",
    "community": "社区",
    "village": "村",
    "district": "区",
    "county": "县",
    "city": "市",
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
        raise wrong(value, "text")
    if value not in choices:
        suggestion = _CHOICE_HINTS.get(value.strip().lower()) or _CHOICE_HINTS.get(value.strip())
        if suggestion in choices:
            raise Bad(
                "not-one-of-close", value=value, choices=", ".join(choices), suggestion=suggestion
            )
        raise Bad("not-one-of", value=value, choices=", ".join(choices))
    return cl(value)


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
    place: str | None = None  #: one place; ``places`` lists several
    places: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        found = [
            check_id(self.id, "m04-1"),
            check_line(self.title, "title"),
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
    issuer: str | None = None  #: one issuing body; ``issuers`` lists several
    issuers: tuple[str, ...] = ()
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
    calendar: CalendarDefaults = attrs.field(factory=CalendarDefaults)
    period: DateSpan | None = None
    day_parts: DayParts = attrs.field(factory=DayParts)


def _measure(value: Any, _: type) -> Measure:
    if isinstance(value, str):
        return Measure(value)
    if not isinstance(value, dict):
        raise wrong(value, "measure")
    measure: Measure = _MEASURE_TABLE(value, Measure)
    return measure


def _count_range(value: Any, _: type) -> CountRange:
    if type(value) is int:
        return CountRange(value, value)
    if not isinstance(value, dict):
        raise wrong(value, "range")
    counts: CountRange = _RANGE_TABLE(value, CountRange)
    return counts


def _reminder(value: Any, _: type) -> timedelta:
    if not isinstance(value, str):
        raise wrong(value, "text")
    try:
        return parse_reminder(value)
    except PlanError as error:
        (problem,) = error.problems
        raise Bad(problem.code, **problem.params) from None


def _dump_count(value: CountRange) -> Any:
    return value.low if value.low == value.high else {"low": value.low, "high": value.high}


def _dump_measure(measure: Measure) -> Any:
    return {"title": measure.title, "text": measure.text} if measure.title else measure.text


def _converter() -> cattrs.Converter:
    """The one converter for plan files: it reads them (structure) and writes them (unstructure)."""
    converter = strict_converter()
    # Writing: values at their default are left out, so a written file says only what the plan
    # says; money is text ("1.10"), a range one number when it is one, a *when* its own words.
    converter.register_unstructure_hook_factory(
        attrs.has,
        lambda cl: make_dict_unstructure_fn(cl, converter, _cattrs_omit_if_default=True),
    )
    converter.register_unstructure_hook(Decimal, str)
    converter.register_unstructure_hook(CountRange, _dump_count)
    converter.register_unstructure_hook(Measure, _dump_measure)
    converter.register_unstructure_hook(_WrittenWhen, lambda written: written.text)
    converter.register_structure_hook(Decimal, _money)
    converter.register_structure_hook(MechanismKind, _kind)
    for choice in (UnitKind, PlaceKind, Comparator):
        converter.register_structure_hook(choice, _choice)
    converter.register_structure_hook(Measure, _measure)
    converter.register_structure_hook(CountRange, _count_range)
    converter.register_structure_hook_func(lambda t: t == When, _when)
    converter.register_structure_hook(_WrittenWhen, _written_when)
    converter.register_structure_hook(ClockRange, _clock_range)
    converter.register_unstructure_hook(ClockRange, str)
    converter.register_structure_hook(timedelta, _reminder)  # the only durations: reminders
    converter.register_unstructure_hook(timedelta, format_reminder)
    return converter


_CONVERTER = _converter()
_MEASURE_TABLE = table_factory(Measure, _CONVERTER)
_RANGE_TABLE = table_factory(CountRange, _CONVERTER)


# -- reading -------------------------------------------------------------------------------------


def _format_of(path: Path) -> Format:
    return "json" if path.suffix.lower() == ".json" else "toml"


def load_plan(path: str | os.PathLike[str], format: Format | None = None) -> Plan:
    """Read the plan file at ``path`` (TOML unless it ends in ``.json`` or ``format`` says so).

    Raises :class:`~commedu.errors.PlanFileError` naming every problem; its ``unreadable`` is set
    when the file could not be read at all.
    """
    check_arguments(load_plan, path=path, format=format)
    return read_plan(path, format).plan


@define(eq=False)
class ReadPlan:
    """A plan file as read: the plan, and the text and parsed data it came from.

    A second look at the file (:func:`commedu.datafile.hints.hints`) starts from here rather
    than reading and parsing the file again.
    """

    plan: Plan
    text: str
    format: Format
    data: dict[str, Any]  #: the file's data as parsed, before the converter structured it


def read_plan(path: str | os.PathLike[str], format: Format | None = None) -> ReadPlan:
    """Read the plan file at ``path`` as :func:`load_plan` does, keeping its text and data."""
    name = os.fspath(path)
    try:
        data = read_bytes(path, "plan")
    except Refused as exc:
        raise PlanFileError(exc.problems, name, unreadable=exc.unreadable) from None
    try:
        return _read(data, format or _format_of(Path(path)), Path(name).parent)
    except PlanFileError as exc:
        raise PlanFileError(exc.problems, name) from None


def loads_plan(
    text: str | bytes,
    format: Format = "toml",
    *,
    folder: str | os.PathLike[str] | None = None,
) -> Plan:
    """Read a plan from TOML or JSON text; raises :class:`~commedu.errors.PlanFileError`.

    Every problem with a path also has the line and column of that path in ``text``. Bytes are
    decoded as a file's bytes would be, so a caller that opened the file itself (a server that
    must not follow links) gets the same explanations of a BOM or a GBK file. ``folder`` is
    where the text was read from: a profile file the plan names is found there.
    """
    check_arguments(loads_plan, text=text, format=format, folder=folder)
    return _read(text, format, None if folder is None else Path(folder)).plan


def _read(text: str | bytes, format: Format, folder: Path | None) -> ReadPlan:
    try:
        if isinstance(text, bytes):
            text = decode(text, "plan")
        data = parse(text, format, "plan")
    except Refused as exc:
        raise PlanFileError(exc.problems) from None
    try:
        plan = _plan_from(data, folder)
    except PlanFileError as exc:
        raise PlanFileError(locate(exc.problems, text, format)) from None
    return ReadPlan(plan, text, format, data)  # a plan was built: the data was a table


def _plan_from(data: Any, folder: Path | None = None) -> Plan:
    if not isinstance(data, dict):
        raise PlanFileError([wrong(data, "table").problem])
    year = data.get("year")
    valid_year = type(year) is int and 1900 <= year <= 2999
    token = _YEAR.set(year if valid_year else None)
    span = _SPAN.set(_when_span(data, year if valid_year else None))
    try:
        doc = _CONVERTER.structure(data, _PlanDoc)
    except ClassValidationError as exc:
        found = [*problems(exc), *_plan_field_problems(data)]
        reported = {p.path for p in found}
        found += [p for p in _raw_whole_plan_problems(data) if p.path not in reported]
        raise PlanFileError(sorted(found, key=_in_file_order(data))) from None
    finally:
        _YEAR.reset(token)
        _SPAN.reset(span)
    return _build(doc, folder)


def _when_span(
    data: dict[str, Any], year: int | None
) -> tuple[int | None, tuple[SchoolHoliday, ...], DayParts]:
    """The last year, school holidays and day parts ``when`` text is read against, where valid.

    Invalid ones are reported where they stand by the whole-file pass; here they count as absent.
    """
    last_year = data.get("last_year")
    if type(last_year) is not int or year is None or not year < last_year <= 2999:
        last_year = None
    try:
        holidays = _CONVERTER.structure(data.get("school_holidays", []), tuple[SchoolHoliday, ...])
    except (BaseValidationError, PlanError, Bad):
        holidays = ()
    try:
        day_parts = _CONVERTER.structure(data.get("day_parts", {}), DayParts)
    except (BaseValidationError, PlanError, Bad):
        day_parts = DayParts()
    return last_year, holidays, day_parts


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
        import difflib  # here, not at import: only a reference that is not known asks it

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
        if isinstance(item.get("places"), list):
            for j, ref in enumerate(item["places"]):
                if isinstance(ref, str):
                    places.find(ref, f"{path}.places[{j}]", problems)
    return problems


def _issuers(doc: _PlanDoc, problems: list[Problem]) -> tuple[str, ...]:
    """The issuing bodies: ``issuer`` is the one-body form of ``issuers``, and a file gives one."""
    if doc.issuer is None:
        return doc.issuers
    if doc.issuers:
        problems.append(Problem("issuers", "issuer-and-issuers", {"value": doc.issuer}))
    return (doc.issuer,)


def _activity_places(
    item: _ActivityDoc, path: str, places: _Index, problems: list[Problem]
) -> tuple[Place, ...]:
    """The places an activity names, resolved, each once.

    ``place`` is the one-place form of ``places``, kept so that a file written when an activity
    had one place reads as it always did; a file gives one or the other.
    """
    if item.place is None:
        named = [(f"{path}.places[{j}]", ref) for j, ref in enumerate(item.places)]
    else:
        if item.places:
            problems.append(Problem(f"{path}.places", "place-and-places", {"value": item.place}))
        named = [(f"{path}.place", item.place)]
    found: dict[str, tuple[Place, str]] = {}
    for where, ref in named:
        place = places.find(ref, where, problems)
        if place is None:
            continue
        if place.id in found:
            first = FieldPath(found[place.id][1])
            problems.append(Problem(where, "place-twice", {"value": ref, "first": first}))
        else:
            found[place.id] = (place, where)
    return tuple(place for place, _ in found.values())


def _build(doc: _PlanDoc, folder: Path | None = None) -> Plan:
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
                _activity_places(item, path, places, problems),
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
            issuers=_issuers(doc, problems),
            preamble=doc.preamble,
            places=doc.places,
            targets=doc.targets,
            last_year=doc.last_year,
            school_holidays=doc.school_holidays,
            calendar=doc.calendar,
            period=doc.period,
            day_parts=doc.day_parts,
            folder=folder,
        )
    except PlanError as exc:
        problems.extend(exc.problems)
    if problems:
        raise PlanFileError(problems)
    return plan
