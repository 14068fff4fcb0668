"""The plan: one township's community-education work for one year, checked as a whole."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, Protocol, TypeVar

import attrs

from commedu._messages import Lang, kind_label
from commedu.errors import PlanError, Problem
from commedu.model.fieldcheck import define, sequence
from commedu.model.parts import (
    Activity,
    Commitments,
    Department,
    EducationCentre,
    Mechanism,
    Resources,
    Schedule,
    Source,
    Station,
    Task,
    Township,
    as_departments,
    as_places,
    as_stations,
    as_tasks,
    check_id,
    check_text,
    duplicates,
)
from commedu.model.places import Place
from commedu.model.reminders import CalendarDefaults
from commedu.model.targets import Target
from commedu.model.when import (
    DateSpan,
    DayPart,
    DayParts,
    Deadline,
    Month,
    MonthPart,
    MonthSpan,
    Weekly,
    When,
)
from commedu.model.when.spans import SchoolHoliday

__all__ = ["Plan"]


def _when_year_problems(when: When, year: int, last_year: int, path: str) -> list[Problem]:
    span = when.span
    years = {span.first.year, span.last.year}
    match when:
        case Month() | MonthSpan() | MonthPart():
            years = {when.year}
        case Deadline():
            years = {when.due.year}
    shown = str(year) if last_year == year else f"{year}-{last_year}"
    return [
        Problem(path, "outside-year", {"value": str(when), "year": shown})
        for y in sorted(years)
        if not year <= y <= last_year
    ]


def _when_period_problems(when: When, period: DateSpan, path: str) -> list[Problem]:
    """A *when* outside the period the plan states: a month-long one must touch it, a day be in it."""
    span = when.span
    match when:
        case Month() | MonthSpan() | MonthPart():
            inside = span.first <= period.last and period.first <= span.last
        case Deadline():
            inside = when.due in period
        case _:
            inside = period.first <= span.first and span.last <= period.last
    if inside:
        return []
    shown = f"{period.first.isoformat()}/{period.last.isoformat()}"
    return [Problem(path, "outside-period", {"value": str(when), "period": shown})]


def _targets(items: Iterable[Target]) -> tuple[Target, ...]:
    return sequence(items)


def _texts(items: Iterable[str]) -> tuple[str, ...]:
    return sequence(items)


def _holidays(items: Iterable[SchoolHoliday]) -> tuple[SchoolHoliday, ...]:
    return sequence(items)


def _names(things: Iterable[Any]) -> str:
    return ", ".join(f"{t.id} ({t.name})" if hasattr(t, "name") else t.id for t in things) or "-"


#: Chinese characters (the unified ideographs and their extensions A and compatibility forms),
#: as ranges: a regular expression of them took longer to compile at import than to answer.
_HAN = (("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"))


@define
class Plan:
    """A 社区教育工作计划.

    Construction checks everything that needs the whole plan: unique ids, references from the
    schedule to departments, stations, tasks and mechanisms, and dates inside the plan year (or
    years) and the period the plan states. All
    problems are reported together in one :class:`~commedu.errors.PlanError`.
    """

    id: str  #: a stable ASCII slug, e.g. ``jinshan-2021``; calendar UIDs are built from it
    township: Township
    year: int
    title: str
    guiding_principles: str = ""  #: 指导思想
    goals: str = ""  #: 工作目标
    tasks: tuple[Task, ...] = attrs.field(default=(), converter=as_tasks)
    stations: tuple[Station, ...] = attrs.field(default=(), converter=as_stations)
    departments: tuple[Department, ...] = attrs.field(default=(), converter=as_departments)
    schedule: Schedule = attrs.field(factory=Schedule)
    commitments: Commitments = attrs.field(factory=Commitments)
    resources: Resources = attrs.field(factory=Resources)
    centre: EducationCentre | None = None
    issued_on: date | None = None
    published_on: date | None = None
    source: Source | None = None
    profile: str | None = None  #: the standard profile the plan is written against, by name
    document_number: str | None = None  #: 文号, e.g. 〔2011〕12号, kept as written
    #: the bodies that issued the plan (发文机关), in the document's order; a joint plan has several
    issuers: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    preamble: str = ""  #: a covering notice or opening paragraph, verbatim
    places: tuple[Place, ...] = attrs.field(default=(), converter=as_places)
    targets: tuple[Target, ...] = attrs.field(default=(), converter=_targets)
    #: the last year of a plan that spans several (a five-year plan: ``year=2011, last_year=2015``)
    last_year: int | None = None
    #: school holidays as the township sets them; 暑假期间 and 寒假 are read from these
    school_holidays: tuple[SchoolHoliday, ...] = attrs.field(default=(), converter=_holidays)
    #: what every calendar of the plan does: reminders before deadlines, days and sessions
    calendar: CalendarDefaults = attrs.field(factory=CalendarDefaults)
    #: the days the plan covers, where it says (a summer plan: 7月1日 to 8月31日); by default
    #: 1 January of ``year`` to 31 December of ``last_year`` or ``year`` (see ``span``)
    period: DateSpan | None = None
    #: the clock times 上午, 下午 and 晚上 stand for in this plan's weekly classes (``每周三下午``)
    day_parts: DayParts = attrs.field(factory=DayParts)
    #: the folder of the plan file the plan was read from, where a profile file it names
    #: (``profile = "my-province.toml"``) is found; where the plan is, not part of it
    folder: Path | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        problems = [
            check_id(self.id, f"township-{self.year}"),
            check_text(self.title, "title"),
            None
            if 1900 <= self.year <= 2999
            else Problem("year", "not-a-year", {"value": self.year}),
            *duplicates((t.id for t in self.tasks), "tasks[{}].id", "tasks"),
            *self._mechanism_id_problems(),
            *duplicates((s.id for s in self.stations), "stations[{}].id", "stations"),
            *duplicates((s.name for s in self.stations), "stations[{}].name", "stations"),
            *duplicates((d.id for d in self.departments), "departments[{}].id", "departments"),
            *self._department_name_problems(),
            *duplicates((p.id for p in self.places), "places[{}].id", "places"),
            *self._target_problems(),
            None
            if self.document_number is None
            else check_text(self.document_number, "document_number"),
            *(check_text(name, f"issuers[{i}]") for i, name in enumerate(self.issuers)),
            *duplicates(self.issuers, "issuers[{}]", "issuers"),
            *self._schedule_problems(),
            self._period_problem(),
            *self._day_part_problems(),
            None
            if self.last_year is None or self.year < self.last_year <= 2999
            else Problem(
                "last_year",
                "span-order",
                {"first": f"{self.year}年", "last": f"{self.last_year}年"},
            ),
        ]
        found = [p for p in problems if p is not None]
        if found:
            raise PlanError(found)

    def _mechanism_id_problems(self) -> list[Problem]:
        # Tasks and mechanisms share one namespace: an activity's ``serves`` names either.
        seen = {t.id: f"tasks[{i}]" for i, t in enumerate(self.tasks)}
        problems = []
        for i, task in enumerate(self.tasks):
            for j, mechanism in enumerate(task.mechanisms):
                path = f"tasks[{i}].mechanisms[{j}]"
                if mechanism.id in seen and seen[mechanism.id] != f"tasks[{i}]":
                    problems.append(
                        Problem(
                            f"{path}.id",
                            "duplicate-id",
                            {"value": mechanism.id, "first": seen[mechanism.id]},
                        )
                    )
                seen.setdefault(mechanism.id, path)
        return problems

    def _department_name_problems(self) -> list[Problem]:
        owner: dict[str, str] = {}
        problems = []
        for i, department in enumerate(self.departments):
            for name in department.names:
                if name in owner and owner[name] != department.id:
                    problems.append(
                        Problem(
                            f"departments[{i}].name",
                            "duplicate-id",
                            {"value": name, "first": owner[name]},
                        )
                    )
                owner.setdefault(name, department.id)
        return problems

    def _schedule_problems(self) -> list[Problem]:
        departments = set(self.departments)
        stations = set(self.stations)
        places = set(self.places)
        servable = {t.id for t in self.tasks} | {m.id for m in self.mechanisms}
        # A period in the wrong years is reported on its own; dates are then read in the years.
        period = self.period if self._period_problem() is None else None
        problems: list[Problem] = []
        for i, activity in enumerate(self.schedule.activities):
            path = f"schedule.activities[{i}]"
            for j, department in enumerate(activity.responsible):
                if department not in departments:
                    problems.append(
                        self._unknown(f"{path}.responsible[{j}]", "department", department.id)
                    )
            if activity.station is not None and activity.station not in stations:
                problems.append(self._unknown(f"{path}.station", "station", activity.station.id))
            for j, place in enumerate(activity.places):
                if place not in places:
                    problems.append(self._unknown(f"{path}.places[{j}]", "place", place.id))
            for j, ref in enumerate(activity.serves):
                if ref not in servable:
                    problems.append(self._unknown(f"{path}.serves[{j}]", "task or mechanism", ref))
            outside = _when_year_problems(activity.when, self.year, self.until, f"{path}.when")
            if not outside and period is not None:
                outside = _when_period_problems(activity.when, period, f"{path}.when")
            problems.extend(outside)
        return problems

    def _day_part_problems(self) -> list[Problem]:
        """Parts of the day in their order, and weekly classes held in the plan's own parts.

        上午 must end by the time 下午 starts and 下午 by 晚上: a clerk who swaps two is told so
        rather than getting classes at the wrong time. A class named by its part (``每周三下午``)
        must keep the plan's clock for it, or the file would read it back at another time.
        """
        parts = self.day_parts
        problems = [
            Problem(
                f"day_parts.{later.name.lower()}",
                "day-parts-overlap",
                {
                    "part": later.name.lower(),
                    "part_zh": later.value,
                    "value": str(parts.clock(later)),
                    "other": earlier.name.lower(),
                    "other_zh": earlier.value,
                    "other_value": str(parts.clock(earlier)),
                },
            )
            for earlier, later in (
                (DayPart.MORNING, DayPart.AFTERNOON),
                (DayPart.AFTERNOON, DayPart.EVENING),
            )
            if parts.clock(later).start < parts.clock(earlier).end
        ]
        for i, activity in enumerate(self.schedule.activities):
            when = activity.when
            if isinstance(when, Weekly) and when.part is not None:
                clock = parts.clock(when.part)
                if when.clock != clock:
                    problems.append(
                        Problem(
                            f"schedule.activities[{i}].when",
                            "day-part-clock",
                            {
                                "value": str(when),
                                "part": when.part.name.lower(),
                                "part_zh": when.part.value,
                                "clock": str(when.clock),
                                "plan": str(clock),
                            },
                        )
                    )
        return problems

    def _target_problems(self) -> list[Problem]:
        # One id may hold a figure for each year or stage: 2019年60%, 2020年70%.
        keys = (f"{t.id} {t.year or ''} {t.stage or ''}".strip() for t in self.targets)
        problems = duplicates(keys, "targets[{}].id", "targets")
        shown = str(self.year) if self.until == self.year else f"{self.year}-{self.until}"
        problems += [
            Problem(f"targets[{i}].year", "outside-year", {"value": t.year, "year": shown})
            for i, t in enumerate(self.targets)
            if t.year is not None and t.year not in self.years
        ]
        return problems

    def _period_problem(self) -> Problem | None:
        period = self.period
        if period is None or (period.first.year, period.last.year) == (self.year, self.until):
            return None
        years = str(self.year) if self.until == self.year else f"{self.year}-{self.until}"
        shown = f"{period.first.isoformat()}/{period.last.isoformat()}"
        return Problem("period", "period-years", {"value": shown, "years": years})

    def _unknown(self, path: str, kind: str, value: str) -> Problem:
        known = {
            "department": _names(self.departments),
            "station": _names(self.stations),
            "place": _names(self.places),
            "task or mechanism": _names([*self.tasks, *self.mechanisms]),
        }[kind]
        kind_zh = kind_label("ref", kind, "zh")
        return Problem(
            path, "unknown-ref", {"kind": kind, "kind_zh": kind_zh, "value": value, "known": known}
        )

    # -- queries ---------------------------------------------------------------------------------

    @property
    def until(self) -> int:
        """The plan's last year: ``year`` itself unless the plan spans several."""
        # A period that runs backwards is reported on its own; dates are then read in ``year``.
        return self.year if self.last_year is None else max(self.year, self.last_year)

    @property
    def years_label(self) -> str:
        """The year, or the first and last years as a title writes them (2011—2015)."""
        return str(self.year) if self.until == self.year else f"{self.year}—{self.until}"

    @property
    def issuer(self) -> str | None:
        """The body that issued the plan, the first named where several issued it jointly."""
        return self.issuers[0] if self.issuers else None

    @property
    def years(self) -> range:
        """Every year the plan covers."""
        return range(self.year, self.until + 1)

    @property
    def span(self) -> DateSpan:
        """The days the plan covers: its stated period, or its whole year or years."""
        if self.period is not None:
            return self.period
        return DateSpan(date(self.year, 1, 1), date(self.until, 12, 31))

    @property
    def months(self) -> tuple[tuple[int, int], ...]:
        """Every (year, month) the plan covers, in order: a summer plan's are July and August."""
        span = self.span
        return tuple(
            (year, month)
            for year in range(span.first.year, span.last.year + 1)
            for month in range(1, 13)
            if span.touches_month(year, month)
        )

    @property
    def whole_years(self) -> bool:
        """Whether the plan covers whole calendar years (not a season or a term)."""
        span = self.span
        return (span.first.month, span.first.day, span.last.month, span.last.day) == (1, 1, 12, 31)

    @property
    def mechanisms(self) -> tuple[Mechanism, ...]:
        """Every mechanism of every task, in plan order."""
        return tuple(m for t in self.tasks for m in t.mechanisms)

    @property
    def language(self) -> Lang:
        """The language the plan is written in: its calendars, pages and reports speak it."""
        text = self.title + self.township.name
        return "zh" if any(low <= char <= high for char in text for low, high in _HAN) else "en"

    @property
    def activities(self) -> tuple[Activity, ...]:
        return self.schedule.activities

    def __iter__(self) -> Iterator[Activity]:
        return iter(self.schedule)

    def task(self, task_id: str) -> Task:
        return _find(self.tasks, task_id, "task")

    def mechanism(self, mechanism_id: str) -> Mechanism:
        return _find(self.mechanisms, mechanism_id, "mechanism")

    def station(self, station_id: str) -> Station:
        return _find(self.stations, station_id, "station")

    def place(self, place_id: str) -> Place:
        return _find(self.places, place_id, "place")

    def target(self, target_id: str) -> Target:
        return _find(self.targets, target_id, "target")

    def department(self, key: str) -> Department:
        """The department with this id, name or alias."""
        for department in self.departments:
            if key == department.id or key in department.names:
                return department
        raise KeyError(f"no department {key!r}; known: {_names(self.departments)}")

    def activity(self, activity_id: str) -> Activity:
        return self.schedule.activity(activity_id)

    def activities_in_month(self, month: int) -> tuple[Activity, ...]:
        return self.schedule.in_month(month)

    def served(self, activity: Activity) -> tuple[Task | Mechanism, ...]:
        """The tasks and mechanisms an activity serves, as objects."""
        by_id: dict[str, Task | Mechanism] = {t.id: t for t in self.tasks}
        by_id.update((m.id, m) for m in self.mechanisms)
        return tuple(by_id[ref] for ref in activity.serves)

    def task_of(self, mechanism: Mechanism) -> Task:
        """The task a mechanism belongs to."""
        for task in self.tasks:
            if mechanism in task.mechanisms:
                return task
        raise KeyError(f"mechanism {mechanism.id!r} is not in this plan")


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_T = TypeVar("_T", bound=_HasId)


def _find(things: Iterable[_T], key: str, kind: str) -> _T:
    items = tuple(things)
    for thing in items:
        if thing.id == key:
            return thing
    raise KeyError(f"no {kind} {key!r}; known: {_names(items)}")
