"""The parts of a plan: who does the work, what the work is, and when.

Every class is a frozen, slotted ``attrs`` class whose collections are tuples, so a plan can be
shared, hashed and compared freely. Each checks its own fields on construction and raises
:class:`~commedu.errors.PlanError` with the path of the bad field relative to itself; the
:class:`~commedu.Plan` that holds the parts checks what needs the whole (unique ids, references).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple, cast

import attrs

from commedu._messages import FieldPath, Lang, kind_label
from commedu.errors import PlanError, Problem

# Re-exported: the checks lived here first and other modules import them from here.
from commedu.model.checks import CHINESE_NUMERALS as CHINESE_NUMERALS
from commedu.model.checks import check_colour, check_email, check_line
from commedu.model.checks import check_count as check_count
from commedu.model.checks import check_id as check_id
from commedu.model.checks import check_positive as check_positive
from commedu.model.checks import check_text as check_text
from commedu.model.checks import raise_if as raise_if
from commedu.model.fieldcheck import define, sequence
from commedu.model.memo import PerObject
from commedu.model.places import Level, Place, UnitKind
from commedu.model.when import When

__all__ = [
    "Activity",
    "Commitments",
    "CountRange",
    "Department",
    "EducationCentre",
    "Measure",
    "Mechanism",
    "MechanismKind",
    "Resources",
    "Schedule",
    "Source",
    "Station",
    "Task",
    "Township",
    "to_money",
]


def duplicates(ids: Iterable[str | None], path: str, what: str) -> list[Problem]:
    """A problem for every id already seen; ``path`` is formatted with the index.

    ``None`` holds the place of an entry that has no usable id (in a file still being read).
    """
    first: dict[str, int] = {}
    problems = []
    for i, value in enumerate(ids):
        if value is None:
            continue
        if value in first:
            where = FieldPath(f"{what}[{first[value]}]")
            problems.append(
                Problem(path.format(i), "duplicate-id", {"value": value, "first": where})
            )
        else:
            first[value] = i
    return problems


#: The largest amount of money a plan or profile may state, in yuan. No township's budget comes
#: near it, and the bound keeps exact arithmetic cheap: ``1e999999`` would be a million digits.
MONEY_LIMIT = Decimal(10) ** 12
#: Decimal places money may have: fen are two; a per-resident figure such as 1.125 needs more.
MONEY_PLACES = 4


def to_money(value: Decimal | int | str) -> Decimal:
    """Money as an exact ``Decimal``; floats are refused because they cannot hold 0.1 yuan exactly.

    Raises ``TypeError`` for what is not money and ``ValueError`` for an amount out of range.
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise TypeError(f"money must be a Decimal, int or str, not {type(value).__name__}")
    try:
        money = Decimal(value)
    except InvalidOperation:
        raise TypeError(f"{value!r} is not an amount of money") from None
    if not money.is_finite():
        raise TypeError(f"{value!r} is not an amount of money")
    if not money_in_range(money):
        raise ValueError(
            f"{value!r} is out of range: money is at most {MONEY_LIMIT:f} yuan,"
            f" to {MONEY_PLACES} decimal places"
        )
    return money


def money_in_range(money: Decimal) -> bool:
    """Whether a finite amount lies within :data:`MONEY_LIMIT` and :data:`MONEY_PLACES`."""
    exponent = money.as_tuple().exponent
    return (
        money.copy_abs() <= MONEY_LIMIT and isinstance(exponent, int) and exponent >= -MONEY_PLACES
    )


def _optional_money(value: Decimal | int | str | None) -> Decimal | None:
    """Text and whole numbers become ``Decimal``; anything else is left for the type check."""
    if isinstance(value, int | str) and not isinstance(value, bool):
        try:
            return Decimal(value)
        except InvalidOperation:
            pass
    return cast(Decimal | None, value)


def check_money(value: Decimal | None, path: str) -> Problem | None:
    if value is None:
        return None
    if not value.is_finite():
        return Problem(path, "bad-money", {"value": str(value)})
    if not money_in_range(value):
        return Problem(
            path,
            "money-out-of-range",
            {"value": str(value), "limit": f"{MONEY_LIMIT:f}", "places": MONEY_PLACES},
        )
    return check_count(value, path)


# Typed converters: the attrs mypy plugin needs a concrete parameter type, not a TypeVar.
def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return sequence(items)


def _measures(items: Iterable[Measure]) -> tuple[Measure, ...]:
    return sequence(items)


def _mechanisms(items: Iterable[Mechanism]) -> tuple[Mechanism, ...]:
    return sequence(items)


def as_departments(items: Iterable[Department]) -> tuple[Department, ...]:
    return sequence(items)


def as_stations(items: Iterable[Station]) -> tuple[Station, ...]:
    return sequence(items)


def as_places(items: Iterable[Place]) -> tuple[Place, ...]:
    return sequence(items)


def _activity_places(items: Iterable[Place] | Place | None) -> tuple[Place, ...]:
    """An activity's places: a list of them, or one place (or ``None``) as code wrote it before."""
    if items is None:
        return ()
    if isinstance(items, Place):
        return (items,)
    return sequence(items)


def as_tasks(items: Iterable[Task]) -> tuple[Task, ...]:
    return sequence(items)


def _activities(items: Iterable[Activity]) -> tuple[Activity, ...]:
    return sequence(items)


@define
class Township:
    """The unit that owns a plan, and the levels above it.

    The name is kept for compatibility (and the plan file's ``[township]`` table with it): the
    unit may be at any level, a 村 or 社区, a 镇, 乡 or 街道, or a 区, 县 or 市, as ``kind`` says.
    A plan that gives no kind is a township's.
    """

    name: str
    district: str
    city: str
    province: str
    resident_population: int | None = None  #: 常住人口, the basis of the funding standard
    kind: UnitKind | None = None  #: 村, 社区, 镇, 乡, 街道, 区, 县 or 市, where the plan says

    def __attrs_post_init__(self) -> None:
        raise_if(
            None
            if self.kind is None or isinstance(self.kind, UnitKind)
            else Problem("kind", "unit-kind", {"value": self.kind}),
            check_text(self.name, "name"),
            check_text(self.province, "province"),
            check_count(self.resident_population, "resident_population"),
        )

    @property
    def level(self) -> Level:
        """The unit's level of government; a unit of no stated kind is a township."""
        return "township" if self.kind is None else self.kind.level


@define
class Source:
    """Where a plan's text comes from: the document it was encoded from."""

    title: str
    issuer: str | None = None
    issued_on: date | None = None
    url: str | None = None

    def __attrs_post_init__(self) -> None:
        raise_if(check_text(self.title, "title"))


@define
class Department:
    """A 责任部门: a body that carries activities out.

    ``aliases`` are other spellings of the same body in the source document, so a plan file may
    refer to it by any of them and calendars still gather its work under one name.
    """

    id: str
    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    #: the colour of its items in calendars (RFC 7986 COLOR): a CSS colour name, ``steelblue``
    color: str | None = None

    def __attrs_post_init__(self) -> None:
        raise_if(
            check_id(self.id, "culture-station"),
            check_line(self.name, "name"),
            *(check_line(a, f"aliases[{i}]") for i, a in enumerate(self.aliases)),
            None if self.color is None else check_colour(self.color, "color"),
        )

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@define
class EducationCentre:
    """The township's 社区教育中心."""

    name: str
    #: its mailbox: calendars then name the centre as each item's ORGANIZER
    email: str | None = None

    def __attrs_post_init__(self) -> None:
        raise_if(
            check_line(self.name, "name"),
            None if self.email is None else check_email(self.email, "email"),
        )


@define
class Station:
    """A 社区教育工作站 in a village or community, built around a theme."""

    id: str
    name: str
    place: str  #: the village (村) or community (社区/居) it serves
    theme: str
    focus: str = ""  #: what the station does to carry the theme, where the plan says
    resources: tuple[str, ...] = attrs.field(
        default=(), converter=_strings
    )  #: facilities it integrates
    description: str = ""  #: the plan's own sentence about the station, verbatim

    def __attrs_post_init__(self) -> None:
        raise_if(
            check_id(self.id, "dongya"),
            check_line(self.name, "name"),
            check_text(self.place, "place"),
            *(check_text(r, f"resources[{i}]") for i, r in enumerate(self.resources)),
        )


@define
class Measure:
    """One concrete action (措施), verbatim; ``title`` is its lead phrase where the plan gives one."""

    text: str
    title: str = ""

    def __attrs_post_init__(self) -> None:
        raise_if(check_text(self.text, "text"))


class MechanismKind(enum.Enum):
    """The three families of the plan's 3-6-3 mechanisms."""

    MANAGEMENT = "management"  #: 管理机制
    GUIDANCE = "guidance"  #: 引领机制
    SAFEGUARD = "safeguard"  #: 保障

    @property
    def chinese(self) -> str:
        return self.label("zh")

    def label(self, lang: Lang = "en") -> str:
        """The kind in words, from the message catalogue: 管理机制, management."""
        return kind_label("mechanism", self.value, lang)


@define
class Mechanism:
    """A standing arrangement (机制) under a task.

    ``standing`` marks one that works all year without scheduled events (funding rules, say),
    so schedule-coverage checks do not expect an activity to serve it.
    """

    id: str
    number: int
    title: str
    kind: MechanismKind
    measures: tuple[Measure, ...] = attrs.field(default=(), converter=_measures)
    standing: bool = False

    def __attrs_post_init__(self) -> None:
        raise_if(
            check_id(self.id, "t1.m1"),
            check_positive(self.number, "number"),
            check_line(self.title, "title"),
        )


@define
class Task:
    """A main task (主要任务), numbered （一）, （二）… in the plan."""

    id: str
    number: int
    title: str
    measures: tuple[Measure, ...] = attrs.field(default=(), converter=_measures)
    mechanisms: tuple[Mechanism, ...] = attrs.field(default=(), converter=_mechanisms)
    standing: bool = False

    def __attrs_post_init__(self) -> None:
        raise_if(
            check_id(self.id, "t1"),
            check_positive(self.number, "number"),
            check_line(self.title, "title"),
            *duplicates((m.id for m in self.mechanisms), "mechanisms[{}].id", "mechanisms"),
        )

    @property
    def numeral(self) -> str:
        """The Chinese ordinal the plan prints, ``一`` for task 1 (Arabic beyond ten)."""
        if 1 <= self.number <= len(CHINESE_NUMERALS):
            return CHINESE_NUMERALS[self.number - 1]
        return str(self.number)


@define
class CountRange:
    """A whole-number target such as 3–5 staff or 1–2 brands."""

    low: int
    high: int

    def __attrs_post_init__(self) -> None:
        raise_if(check_count(self.low, "low"), check_count(self.high, "high"))
        if self.low > self.high:
            raise PlanError([Problem("", "range-order", {"low": self.low, "high": self.high})])

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int) and self.low <= value <= self.high

    def __str__(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


@define
class Commitments:
    """What the plan promises, as typed figures the compliance rules can test."""

    full_time_staff: int | None = None  #: 专职人员
    staff: CountRange | None = None  #: 专兼职人员, full- plus part-time
    funding_per_resident: Decimal | None = attrs.field(
        default=None, converter=_optional_money
    )  #: 元/人/年
    funding_earmarked: bool | None = None  #: 专款专用; ``None`` when the plan does not say
    learning_brands: CountRange | None = None  #: 社区教育品牌 to build this year

    def __attrs_post_init__(self) -> None:
        raise_if(
            check_count(self.full_time_staff, "full_time_staff"),
            check_money(self.funding_per_resident, "funding_per_resident"),
        )


@define
class Resources:
    """What the township actually has, where the plan states it, as opposed to what it commits to."""

    full_time_staff: int | None = None
    part_time_staff: int | None = None
    budget: Decimal | None = attrs.field(
        default=None, converter=_optional_money
    )  #: yuan for the year

    def __attrs_post_init__(self) -> None:
        raise_if(
            check_count(self.full_time_staff, "full_time_staff"),
            check_count(self.part_time_staff, "part_time_staff"),
            check_money(self.budget, "budget"),
        )


@define
class Activity:
    """One scheduled piece of work (an item of the 配档表)."""

    id: str
    title: str
    when: When
    responsible: tuple[Department, ...] = attrs.field(default=(), converter=as_departments)
    station: Station | None = None
    serves: tuple[str, ...] = attrs.field(
        default=(), converter=_strings
    )  #: ids of tasks or mechanisms
    target_groups: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    description: str = ""
    #: the schools, 市民学校 or venues it takes place at (各村居、市民学校), in the plan's order
    places: tuple[Place, ...] = attrs.field(default=(), converter=_activity_places)
    #: the *when* as the plan wrote it (``9月份``, ``春节前后``), where that differs from ``str(when)``
    when_text: str = ""

    @property
    def wording(self) -> str:
        """The *when* in the plan's own words: what reports and calendars show."""
        return self.when_text or str(self.when)

    @property
    def place(self) -> Place | None:
        """The first of ``places``, or ``None``: what an activity had when it had one place."""
        return self.places[0] if self.places else None

    def __attrs_post_init__(self) -> None:
        raise_if(
            check_id(self.id, "m04-1"),
            check_line(self.title, "title"),
            *(check_text(g, f"target_groups[{i}]") for i, g in enumerate(self.target_groups)),
            *duplicates((p.id for p in self.places), "places[{}]", "places"),
        )


def _key(thing: Any) -> str:
    return thing if isinstance(thing, str) else str(thing.id)


@define
class Schedule:
    """The 配档表: the year's activities in the plan's order."""

    activities: tuple[Activity, ...] = attrs.field(default=(), converter=_activities)
    title: str = ""  #: the table's own heading, e.g. 2021年金山镇社区教育重点工作配档表

    def __attrs_post_init__(self) -> None:
        raise_if(*duplicates((a.id for a in self.activities), "activities[{}].id", "activities"))

    def __iter__(self) -> Iterator[Activity]:
        return iter(self.activities)

    def __len__(self) -> int:
        return len(self.activities)

    def activity(self, activity_id: str) -> Activity:
        for activity in self.activities:
            if activity.id == activity_id:
                return activity
        raise KeyError(
            f"no activity {activity_id!r}; known: {', '.join(a.id for a in self.activities)}"
        )

    def in_month(self, month: int) -> tuple[Activity, ...]:
        """Activities whose dates touch ``month`` (a 7-8月 item is in both July and August)."""
        if not 1 <= month <= 12:
            raise ValueError(f"{month} is not a month (1-12)")
        return _months_of(self)[month - 1]

    def of_department(self, department: Department | str) -> tuple[Activity, ...]:
        """Activities a department is responsible for; pass the department or its id."""
        return _owners_of(self).departments.get(_key(department), ())

    def at_station(self, station: Station | str) -> tuple[Activity, ...]:
        return _owners_of(self).stations.get(_key(station), ())

    def serving(self, task_or_mechanism: Task | Mechanism | str) -> tuple[Activity, ...]:
        return _owners_of(self).serving.get(_key(task_or_mechanism), ())


def _sort_months(schedule: Schedule) -> tuple[tuple[Activity, ...], ...]:
    months: list[list[Activity]] = [[] for _ in range(12)]
    for activity in schedule.activities:
        span = activity.when.span
        year = span.first.year
        for month in range(span.first.month, 13):
            if not span.touches_month(year, month):
                break
            months[month - 1].append(activity)
    return tuple(tuple(activities) for activities in months)


#: Each schedule's activities sorted into months, made once per schedule on first use (a page
#: and the month rules each ask for every month) and forgotten with the schedule.
_months_of = PerObject(_sort_months)


class _Owners(NamedTuple):
    """A schedule's activities by department, station and what they serve, in the plan's order."""

    departments: dict[str, tuple[Activity, ...]]
    stations: dict[str, tuple[Activity, ...]]
    serving: dict[str, tuple[Activity, ...]]


def _sort_owners(schedule: Schedule) -> _Owners:
    departments: dict[str, list[Activity]] = {}
    stations: dict[str, list[Activity]] = {}
    serving: dict[str, list[Activity]] = {}
    for activity in schedule.activities:
        for owner in dict.fromkeys(d.id for d in activity.responsible):
            departments.setdefault(owner, []).append(activity)
        if activity.station is not None:
            stations.setdefault(activity.station.id, []).append(activity)
        for served in dict.fromkeys(activity.serves):
            serving.setdefault(served, []).append(activity)
    return _Owners(
        *({k: tuple(v) for k, v in table.items()} for table in (departments, stations, serving))
    )


#: Each schedule's :class:`_Owners`, made once per schedule on first use: a served feed, the
#: page's columns and the coverage rules ask for every department's and station's activities.
_owners_of = PerObject(_sort_owners)
