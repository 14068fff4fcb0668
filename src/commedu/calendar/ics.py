"""A plan's schedule as an iCalendar (RFC 5545 / RFC 7986) calendar that real clients accept.

Everything is built with ``icalendar`` objects, never by assembling text. Where icalendar's
convenience setters write something clients or the RFCs do not accept, the property is added
explicitly instead, and the reason is noted beside it.

UIDs are ``<activity id>@<plan id>.commedu`` (``<activity id>+todo@…`` for to-dos): they depend
on the two ids only, so re-exporting after any other change updates the same event in every
client. ``+`` cannot occur in an id, so an event's UID and a to-do's never collide.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Literal, TypedDict, Unpack
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, Todo, vDuration, vRecur, vText

from commedu._atomic import write_bytes
from commedu._messages import Lang
from commedu._version import __version__
from commedu.errors import ExportError, Problem
from commedu.model.parts import Activity, Department, Station, Task
from commedu.model.plan import Plan
from commedu.model.when import (
    DEFAULT_ZONE,
    Recurrence,
    Repeat,
    Session,
    When,
)

__all__ = [
    "ComponentKind",
    "ExportOptions",
    "nothing_selected",
    "resolve",
    "select",
    "to_calendar",
    "to_ics",
    "write_ics",
]

ComponentKind = Literal["event", "todo"]

#: How often subscribers should poll: a plan changes over weeks, not minutes.
REFRESH = timedelta(days=1)

_LABELS: dict[Lang, dict[str, str]] = {
    "zh": {
        "calendar": "{township}{year}年社区教育",
        "months": "{first}—{last}月",
        "month": "{first}月",
        "activities": "共{n}项工作",
        "when": "时间",
        "responsible": "责任部门",
        "serves": "服务任务",
        "groups": "服务对象",
        "station": "工作站",
        "list": "、",
        "task": "（{numeral}）{title}",
        "mechanism": "（{numeral}）{number}. {title}",
    },
    "en": {
        "calendar": "{township} community education {year}",
        "months": "months {first}–{last}",
        "month": "month {first}",
        "activities": "{n} activities",
        "when": "When",
        "responsible": "Responsible",
        "serves": "Serves",
        "groups": "Target groups",
        "station": "Station",
        "list": "; ",
        "task": "Task {number}: {title}",
        "mechanism": "Task {task}.{number}: {title}",
    },
}
_COLON: dict[Lang, str] = {"zh": "：", "en": ": "}
_SEPARATOR = " · "


class ExportOptions(TypedDict, total=False):
    """The keyword options every export function takes."""

    departments: Iterable[str]  #: keep activities of these departments (id, name or alias)
    stations: Iterable[str]  #: keep activities at these stations (id or name)
    months: tuple[int, int] | None  #: keep activities touching these months, inclusive
    component: ComponentKind  #: ``"todo"`` for task apps
    stamp: datetime | None  #: DTSTAMP; default SOURCE_DATE_EPOCH, else now
    lang: Lang  #: language of the calendar's own labels; plan text is never translated


def to_calendar(plan: Plan, **options: Unpack[ExportOptions]) -> Calendar:
    """The plan's schedule, or the part the filters select, as an ``icalendar.Calendar``."""
    lang = options.get("lang", "zh")
    component = options.get("component", "event")
    if component not in ("event", "todo"):
        raise ExportError([Problem("component", "bad-component", {"value": component})])
    departments, stations, months = resolve(plan, options)
    chosen = select(plan, departments=departments, stations=stations, months=months)
    if not chosen:
        raise ExportError([nothing_selected(plan, departments, stations, months)])
    stamp = _stamp(options.get("stamp"))
    labels = _LABELS[lang]
    selection = _selection_label(departments, stations, months, lang)
    years = str(plan.year) if plan.last_year is None else f"{plan.year}—{plan.last_year}"
    name = labels["calendar"].format(township=plan.township.name, year=years)
    if selection:
        name += _SEPARATOR + selection
    describe = [plan.title, plan.schedule.title, labels["activities"].format(n=len(chosen))]
    if selection:
        describe.append(selection)

    calendar = Calendar()
    calendar.add("PRODID", f"-//commedu//commedu {__version__}//{lang.upper()}")
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    # PUBLISH, never REQUEST: clients turn REQUEST into invitations to answer.
    calendar.add("METHOD", "PUBLISH")
    # icalendar 7.3's calendar_name/description setters write NAME, X-WR-CALNAME and
    # X-WR-CALDESC unescaped (a comma or newline in a township's name breaks the file), so
    # each is added as TEXT explicitly.
    calendar.add("NAME", vText(_text(name)))
    calendar.add("X-WR-CALNAME", vText(_text(name)))
    calendar.add("DESCRIPTION", vText(_text(_SEPARATOR.join(d for d in describe if d))))
    calendar.add("X-WR-CALDESC", vText(_text(_SEPARATOR.join(d for d in describe if d))))
    calendar.add("X-WR-TIMEZONE", DEFAULT_ZONE.key)
    # RFC 7986 requires VALUE=DURATION here; icalendar's refresh_interval setter omits it.
    calendar.add("REFRESH-INTERVAL", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH))
    for timezone in _timezones(plan, chosen):
        calendar.add_component(timezone)
    order = sorted(range(len(chosen)), key=lambda i: (chosen[i].when.span.first, i))
    for i in order:
        calendar.add_component(_item(plan, chosen[i], component, stamp, lang))
    return calendar


def to_ics(plan: Plan, **options: Unpack[ExportOptions]) -> bytes:
    """The calendar as RFC 5545 bytes: UTF-8, CRLF line ends, lines folded at 75 octets."""
    data: bytes = to_calendar(plan, **options).to_ical()
    return data


def write_ics(plan: Plan, path: str | os.PathLike[str], **options: Unpack[ExportOptions]) -> Path:
    """Write the calendar to ``path`` atomically: on failure an existing file stays as it was."""
    return write_bytes(path, to_ics(plan, **options))


def select(
    plan: Plan,
    *,
    departments: Sequence[Department] = (),
    stations: Sequence[Station] = (),
    months: tuple[int, int] | None = None,
) -> tuple[Activity, ...]:
    """The activities every given filter keeps, in plan order; an empty filter keeps all."""
    wanted_departments = set(departments)
    wanted_stations = set(stations)
    return tuple(
        a
        for a in plan.activities
        if (not wanted_departments or wanted_departments.intersection(a.responsible))
        and (not wanted_stations or a.station in wanted_stations)
        and (
            months is None
            or any(
                a.when.span.touches_month(y, m)
                for y in plan.years  # a plan spanning years: those months of any of its years
                for m in range(months[0], months[1] + 1)
            )
        )
    )


def _names(keys: Iterable[str] | None) -> tuple[str, ...]:
    if keys is None:
        return ()
    return (keys,) if isinstance(keys, str) else tuple(keys)


def resolve(
    plan: Plan, options: ExportOptions
) -> tuple[tuple[Department, ...], tuple[Station, ...], tuple[int, int] | None]:
    """Resolve the filter options against the plan, reporting every unknown name at once."""
    problems = []
    departments = []
    for i, key in enumerate(_names(options.get("departments"))):
        try:
            departments.append(plan.department(key))
        except KeyError:
            problems.append(_unknown(plan, f"departments[{i}]", "department", key))
    stations = []
    by_name = {s.name: s for s in plan.stations} | {s.id: s for s in plan.stations}
    for i, key in enumerate(_names(options.get("stations"))):
        if key in by_name:
            stations.append(by_name[key])
        else:
            problems.append(_unknown(plan, f"stations[{i}]", "station", key))
    months = options.get("months")
    if months is not None and not (
        isinstance(months, tuple)
        and len(months) == 2
        and all(isinstance(m, int) and 1 <= m <= 12 for m in months)
        and months[0] <= months[1]
    ):
        problems.append(Problem("months", "bad-months", {"value": months}))
    if problems:
        raise ExportError(problems)
    return tuple(dict.fromkeys(departments)), tuple(dict.fromkeys(stations)), months


def _unknown(plan: Plan, path: str, kind: str, value: str) -> Problem:
    things: Sequence[Department | Station] = (
        plan.departments if kind == "department" else plan.stations
    )
    return Problem(
        path,
        "unknown-ref",
        {
            "kind": kind,
            "kind_zh": "部门" if kind == "department" else "工作站",
            "value": value,
            "known": ", ".join(f"{t.id} ({t.name})" for t in things) or "-",
        },
    )


def nothing_selected(
    plan: Plan,
    departments: Sequence[Department],
    stations: Sequence[Station],
    months: tuple[int, int] | None,
) -> Problem:
    return Problem(
        "",
        "no-activities",
        {
            "selection": _selection_label(departments, stations, months, "en") or "-",
            "departments": ", ".join(d.name for d in plan.departments) or "-",
            "stations": ", ".join(s.name for s in plan.stations) or "-",
        },
    )


def _selection_label(
    departments: Sequence[Department],
    stations: Sequence[Station],
    months: tuple[int, int] | None,
    lang: Lang,
) -> str:
    labels = _LABELS[lang]
    parts = [labels["list"].join(d.name for d in departments)] if departments else []
    if stations:
        parts.append(labels["list"].join(s.name for s in stations))
    if months is not None:
        key = "month" if months[0] == months[1] else "months"
        parts.append(labels[key].format(first=months[0], last=months[1]))
    return _SEPARATOR.join(parts)


def _stamp(stamp: datetime | None) -> datetime:
    """DTSTAMP in UTC: the given one, SOURCE_DATE_EPOCH for reproducible builds, else now."""
    if stamp is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        if not epoch:
            return datetime.now(UTC).replace(microsecond=0)
        try:
            if not re.fullmatch(r"\d+", epoch):
                raise ValueError(epoch)
            return datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError, OSError):
            problem = Problem("SOURCE_DATE_EPOCH", "bad-source-date-epoch", {"value": epoch})
            raise ExportError([problem]) from None
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise ExportError([Problem("stamp", "naive-stamp", {"value": stamp.isoformat()})])
    return stamp.astimezone(UTC).replace(microsecond=0)


# TEXT may not hold control characters (RFC 5545 §3.3.11): line breaks become the one newline
# it can carry, the rest are dropped; a lone surrogate cannot be written as UTF-8 at all. A
# leading U+FEFF is a byte-order mark, not text (icalendar drops one anyway when it encodes).
_LINE_BREAK = re.compile(r"\r\n?")
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _text(text: str) -> str:
    text = _SURROGATE.sub("\ufffd", _UNWRITABLE.sub("", _LINE_BREAK.sub("\n", text)))
    return text.lstrip("\ufeff")


def uid(plan: Plan, activity: Activity, component: ComponentKind = "event") -> str:
    """The activity's UID: stable across re-exports, distinct for events and to-dos."""
    suffix = "+todo" if component == "todo" else ""
    return f"{activity.id}{suffix}@{plan.id}.commedu"


def _clock(start: datetime, end: datetime) -> str:
    text = f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"
    if end.date() != start.date():
        text = f"{start:%Y-%m-%d %H:%M}–{end:%Y-%m-%d %H:%M}"
    zone = start.tzinfo
    return (
        text if zone == DEFAULT_ZONE or not isinstance(zone, ZoneInfo) else f"{text} ({zone.key})"
    )


def _when_text(when: When, written: str = "") -> str:
    """The *when* as a reader wants it: the plan's own words, or clock times for sessions."""
    match when:
        case Session():
            return _clock(when.start, when.end)
        case Recurrence():
            span = when.span
            end = when.start + when.duration
            return f"{span.first}–{span.last} {when.start:%H:%M}–{end:%H:%M}"
    return written or str(when)


def _description(plan: Plan, activity: Activity, lang: Lang) -> str:
    labels = _LABELS[lang]
    served = []
    for thing in plan.served(activity):
        if isinstance(thing, Task):
            served.append(
                labels["task"].format(numeral=thing.numeral, number=thing.number, title=thing.title)
            )
        else:
            task = plan.task_of(thing)
            served.append(
                labels["mechanism"].format(
                    numeral=task.numeral, task=task.number, number=thing.number, title=thing.title
                )
            )
    fields = [
        (labels["when"], _when_text(activity.when, activity.when_text)),
        (labels["responsible"], labels["list"].join(d.name for d in activity.responsible)),
        (labels["serves"], labels["list"].join(served)),
        (labels["groups"], labels["list"].join(activity.target_groups)),
        (labels["station"], activity.station.name if activity.station else ""),
    ]
    lines = [f"{label}{_COLON[lang]}{value}" for label, value in fields if value]
    if activity.description:
        lines += ["", activity.description]
    return _text("\n".join(lines))


def _item(
    plan: Plan, activity: Activity, component: ComponentKind, stamp: datetime, lang: Lang
) -> Event | Todo:
    kind = Todo if component == "todo" else Event
    item = kind.new(
        uid=uid(plan, activity, component),
        stamp=stamp,
        summary=_text(activity.title),
        description=_description(plan, activity, lang),
        location=_text(activity.station.name) if activity.station else None,
        categories=[_text(d.name) for d in activity.responsible],
    )
    if not activity.responsible:
        item.pop("CATEGORIES", None)  # new() writes an empty CATEGORIES line otherwise
    when = activity.when
    match when:
        case Session() | Recurrence():
            item.add("DTSTART", when.start)
            if isinstance(item, Todo):
                item.add("DUE", when.start + when.duration)
            else:
                item.add("DTEND", when.start + when.duration)
                item.add("TRANSP", "OPAQUE")  # a timed session takes up the people's time
        case Repeat():
            _add_repeat(item, when)
        case _:
            span = when.span
            if isinstance(item, Todo):
                # A date-valued DUE is the day it is due, as task apps show it: 4月 is due on
                # 30 April, 5月前 on 30 April too.
                if span.first < span.last:
                    item.add("DTSTART", span.first)
                item.add("DUE", span.last)
            else:
                # All-day: DTEND is the exclusive next day (1 January for December). A window
                # to work in, not a block of busy time, so it marks nobody busy.
                item.add("DTSTART", span.first)
                item.add("DTEND", span.end)
                item.add("TRANSP", "TRANSPARENT")
    if isinstance(when, Recurrence):
        _add_recurrence(item, when)
    return item


def _add_repeat(item: Event | Todo, when: Repeat) -> None:
    """An all-day item on the first day it comes round, recurring by the repeat's rule."""
    first = when.days()[0]
    item.add("DTSTART", first)  # a recurring to-do needs DTSTART, and DUE after it
    if isinstance(item, Todo):
        item.add("DUE", first + timedelta(days=1))
    else:
        item.add("DTEND", first + timedelta(days=1))
        item.add("TRANSP", "TRANSPARENT")
    item.add("RRULE", vRecur.from_ical(when.rule))


def _add_recurrence(component: Event | Todo, when: Recurrence) -> None:
    component.add("RRULE", vRecur.from_ical(when.rule))
    if when.exdates:
        # EXDATE must have DTSTART's type and zone: the start time on each excluded day.
        component.add(
            "EXDATE",
            [when.start.replace(year=d.year, month=d.month, day=d.day) for d in when.exdates],
        )


def _timezones(plan: Plan, activities: Iterable[Activity]) -> list[Timezone]:
    """A VTIMEZONE for each zone a timed activity uses, covering the plan year only.

    The zone's whole history would be hundreds of lines and Outlook mis-maps long RDATE lists;
    for Asia/Shanghai one year is a single STANDARD +0800 block.
    """
    zones: dict[str, ZoneInfo] = {}
    for activity in activities:
        if isinstance(activity.when, Session | Recurrence) and not _is_utc(activity.when.zone):
            zones.setdefault(activity.when.zone.key, activity.when.zone)
    return [
        Timezone.from_tzinfo(
            zones[key],
            tzid=key,
            first_date=date(plan.year, 1, 1),
            last_date=date(plan.until + 1, 1, 1),
        )
        for key in sorted(zones)
    ]


def _is_utc(zone: ZoneInfo) -> bool:
    """UTC times are written with ``Z`` and need no VTIMEZONE."""
    return zone.key in ("UTC", "Etc/UTC", "Etc/Zulu", "Zulu", "Etc/UCT", "UCT", "Universal")
