"""A plan's schedule as an iCalendar (RFC 5545 / RFC 7986) calendar that real clients accept.

``to_calendar`` builds ``icalendar`` objects; ``to_ics`` writes the same bytes directly from the
same properties (:mod:`commedu.calendar.contentlines`), since building an object per item is
most of an export's cost. Where icalendar's convenience setters write something clients or the
RFCs do not accept, the property is added explicitly instead, and the reason is noted beside it.

UIDs are ``<activity id>@<plan id>.commedu`` (``<activity id>+todo@…`` for to-dos): they depend
on the two ids only, so re-exporting after any other change updates the same event in every
client. ``+`` cannot occur in an id, so an event's UID and a to-do's never collide.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TypedDict, Unpack
from zoneinfo import ZoneInfo

import attrs
from icalendar import Alarm as IcalAlarm
from icalendar import (
    Calendar,
    Event,
    Timezone,
    Todo,
    vCalAddress,
    vDuration,
    vRecur,
    vText,
    vUri,
)
from icalendar.parser import Parameters

from commedu._atomic import write_bytes
from commedu._messages import Lang, kind_label, render
from commedu._typecheck import check_arguments, check_options
from commedu._version import __version__
from commedu.calendar import cancelled as _cancelled
from commedu.calendar.contentlines import component
from commedu.calendar.items import (
    Alarm,
    ComponentKind,
    Organizer,
    Property,
    RRule,
    Uri,
    Value,
    properties,
    text,
)
from commedu.calendar.revisions import Revision, Revisions
from commedu.errors import ExportError, PlanError, Problem
from commedu.model.fieldcheck import define
from commedu.model.parts import Activity, Department, Station
from commedu.model.places import Place
from commedu.model.plan import Plan
from commedu.model.reminders import Reminders
from commedu.model.when import DEFAULT_ZONE, Recurrence, Session, Weekly

__all__ = [
    "ComponentKind",
    "ExportOptions",
    "nothing_selected",
    "resolve",
    "resolve_places",
    "select",
    "to_calendar",
    "to_ics",
    "write_ics",
]

#: How often subscribers should poll: a plan changes over weeks, not minutes.
REFRESH = timedelta(days=1)

_SEPARATOR = " · "
_END = b"END:VCALENDAR\r\n"


class ExportOptions(TypedDict, total=False):
    """The keyword options every export function takes."""

    departments: Iterable[str]  #: keep activities of these departments (id, name or alias)
    stations: Iterable[str]  #: keep activities at these stations (id or name)
    #: keep activities at these places, or at stations, which are places too (id or name)
    places: Iterable[str]
    months: tuple[int, int] | None  #: keep activities touching these months, inclusive
    component: ComponentKind  #: ``"todo"`` for task apps
    stamp: datetime | None  #: DTSTAMP; default SOURCE_DATE_EPOCH, else now
    #: language of the calendar's own labels; default the plan's. Plan text is never translated
    lang: Lang
    #: SEQUENCE and LAST-MODIFIED per activity id, from a :class:`RevisionStore`
    revisions: Mapping[str, Revision] | None
    #: the address of the plan's page where it is served; each item links to it (URL)
    page_url: str | None
    #: a reminder this long before every deadline and day (VALARM); else the plan's own
    remind: timedelta | None


@define
class _Export:
    """A calendar's own properties, its time zones and its items' properties, in order."""

    header: Calendar
    zones: list[ZoneInfo]
    years: tuple[int, int]  #: the plan's first and last year, which its time zones cover
    kind: str
    items: Iterator[list[Property]]


def _export(plan: Plan, options: ExportOptions) -> _Export:
    lang = options.get("lang") or plan.language
    component = options.get("component", "event")
    departments, stations, months = resolve(plan, options)
    places = resolve_places(plan, options)
    chosen = select(plan, departments=departments, stations=stations, places=places, months=months)
    found = options.get("revisions")
    # Not ``or {}``: revisions of a plan whose activities all went are empty but not nothing.
    revisions: Mapping[str, Revision] = {} if found is None else found
    # Removed activities this selection held, written cancelled (see calendar/cancelled.py).
    gone = _cancelled.chosen(
        revisions.cancelled if isinstance(revisions, Revisions) else (),
        departments,
        (*stations, *places),
        months,
    )
    # A plan with no activities yet is an empty calendar; a selection that matches none is a
    # mistake, unless it is a feed kept by a revision store (its last item may just have gone).
    wanted = departments or stations or places or months
    if not chosen and wanted and not isinstance(revisions, Revisions):
        raise ExportError([nothing_selected(plan, departments, (*stations, *places), months)])
    stamp = _stamp(options.get("stamp"))
    page_url = _page_url(options.get("page_url"))
    remind = _reminders(plan, options.get("remind"))
    selection = _selection_label(departments, (*stations, *places), months, lang)
    name = render("cal-calendar", lang, township=plan.township.name, year=plan.years_label)
    if selection:
        name += _SEPARATOR + selection
    # Nothing that counts or lists the items: a client that files the calendar's own properties
    # with each item (vdirsyncer does) would see every item change when one is added.
    describe = [plan.title, plan.schedule.title]
    if selection:
        describe.append(selection)

    calendar = Calendar()
    calendar.add("PRODID", f"-//commedu//commedu {__version__}//{lang.upper()}")
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    # No METHOD: a calendar with one is an iTIP message (RFC 5546), whose PUBLISH needs an
    # ORGANIZER with an address on every item, which only a plan giving its centre's mailbox has.
    # Without METHOD a file is a plain calendar to import or subscribe to, which is what every
    # client does with it.
    # icalendar 7.3's calendar_name/description setters write NAME, X-WR-CALNAME and
    # X-WR-CALDESC unescaped (a comma or newline in a township's name breaks the file), so
    # each is added as TEXT explicitly.
    calendar.add("NAME", vText(text(name)))
    calendar.add("X-WR-CALNAME", vText(text(name)))
    calendar.add("DESCRIPTION", vText(text(_SEPARATOR.join(d for d in describe if d))))
    calendar.add("X-WR-CALDESC", vText(text(_SEPARATOR.join(d for d in describe if d))))
    calendar.add("X-WR-TIMEZONE", DEFAULT_ZONE.key)
    # RFC 7986 requires VALUE=DURATION here; icalendar's refresh_interval setter omits it.
    calendar.add("REFRESH-INTERVAL", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH))
    order = sorted(range(len(chosen)), key=lambda i: (chosen[i].when.span.first, i))

    def items() -> Iterator[list[Property]]:
        # One at a time, so only the finished bytes outlive an item.
        for i in order:
            revision = revisions.get(chosen[i].id)
            # With revisions, an item's DTSTAMP is when it last changed, not when the plan did:
            # an edit elsewhere in the plan leaves this item's bytes as a syncing client has them.
            own = stamp if revision is None else revision.modified
            found = properties(
                plan, chosen[i], component, own, lang, page_url=page_url, remind=remind
            )
            if revision is not None:
                found += [("SEQUENCE", revision.sequence), ("LAST-MODIFIED", revision.modified)]
            yield found
        for item in gone:
            yield _cancelled.cancelled_properties(item, component, item.removed)

    kind = "VTODO" if component == "todo" else "VEVENT"
    zones = {z.key: z for z in [*_zones(chosen), *_cancelled.zones(gone)] if not _is_utc(z)}
    ordered = [zones[key] for key in sorted(zones)]
    return _Export(calendar, ordered, (plan.year, plan.until), kind, items())


def to_calendar(plan: Plan, **options: Unpack[ExportOptions]) -> Calendar:
    """The plan's schedule, or the part the filters select, as an ``icalendar.Calendar``."""
    check_arguments(to_calendar, plan=plan)
    check_options(to_calendar, options, ExportOptions)
    export = _export(plan, options)
    for zone in export.zones:
        export.header.add_component(_timezone(zone, *export.years))
    kind = Todo if export.kind == "VTODO" else Event
    for found in export.items:
        item = kind()
        for name, value in found:
            if isinstance(value, Alarm):
                item.add_component(_alarm(value))
            else:
                item.add(name, _ical(value))
        export.header.add_component(item)
    return export.header


def _alarm(alarm: Alarm) -> IcalAlarm:
    component = IcalAlarm()
    component.add("ACTION", "DISPLAY")
    component.add("DESCRIPTION", alarm.description)
    related = {"RELATED": "END"} if alarm.before_end else {}
    component.add("TRIGGER", -alarm.ahead, parameters=related)
    return component


class _QuotedName(Parameters):
    """Parameters whose CN is always quoted, as contentlines writes it (see ``_parameter``)."""

    always_quoted = (*Parameters.always_quoted, "CN")  # type: ignore[assignment]


def _ical(value: Value) -> object:
    """A property value as icalendar takes it; most are taken as they are."""
    if isinstance(value, RRule):
        return vRecur.from_ical(value.text)
    if isinstance(value, Uri):
        return vUri(value.text)
    if isinstance(value, Organizer):
        address = vCalAddress(value.address)
        address.params = _QuotedName({"CN": value.name})
        return address
    return value


def to_ics(plan: Plan, **options: Unpack[ExportOptions]) -> bytes:
    """The calendar as RFC 5545 bytes: UTF-8, CRLF line ends, lines folded at 75 octets.

    The same bytes as ``to_calendar(...).to_ical()``, written without building an icalendar
    object per item.
    """
    check_arguments(to_ics, plan=plan)
    check_options(to_ics, options, ExportOptions)
    export = _export(plan, options)
    head: bytes = export.header.to_ical()
    parts = [head[: -len(_END)]]
    parts += [_timezone_bytes(zone, *export.years) for zone in export.zones]
    parts += [component(export.kind, found) for found in export.items]
    parts.append(_END)
    return b"".join(parts)


def write_ics(plan: Plan, path: str | os.PathLike[str], **options: Unpack[ExportOptions]) -> Path:
    """Write the calendar to ``path`` atomically: on failure an existing file stays as it was."""
    check_arguments(write_ics, plan=plan, path=path)
    check_options(write_ics, options, ExportOptions)
    return write_bytes(path, to_ics(plan, **options))


def select(
    plan: Plan,
    *,
    departments: Sequence[Department] = (),
    stations: Sequence[Station] = (),
    months: tuple[int, int] | None = None,
    places: Sequence[Place | Station] = (),
) -> tuple[Activity, ...]:
    """The activities every given filter keeps, in plan order; an empty filter keeps all.

    Stations and places are one filter, where the work happens: an activity at any of them is kept.
    """
    wanted_departments = set(departments)
    wanted_places: set[Place | Station] = {*stations, *places}
    return tuple(
        a
        for a in plan.activities
        if (not wanted_departments or wanted_departments.intersection(a.responsible))
        and (
            not wanted_places
            or a.station in wanted_places
            or not wanted_places.isdisjoint(a.places)
        )
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
    try:
        resolve_places(plan, options)  # reported with the others, all at once
    except ExportError as error:
        problems.extend(error.problems)
    if problems:
        raise ExportError(problems)
    return tuple(dict.fromkeys(departments)), tuple(dict.fromkeys(stations)), months


def resolve_places(plan: Plan, options: ExportOptions) -> tuple[Place | Station, ...]:
    """The places option against the plan: its places, then its stations, by id or name.

    A station is one kind of place, so ``--place`` finds it too; every unknown name is reported
    at once, with every place and station the plan has.
    """
    things: tuple[Place | Station, ...] = (*plan.places, *plan.stations)
    by_key: dict[str, Place | Station] = {}
    for thing in reversed(things):  # a place before a station of the same name or id
        by_key |= {thing.name: thing, thing.id: thing}
    found = [by_key.get(key) for key in _names(options.get("places"))]
    problems = [
        _unknown(plan, f"places[{i}]", "place", key)
        for i, key in enumerate(_names(options.get("places")))
        if found[i] is None
    ]
    if problems:
        raise ExportError(problems)
    return tuple(dict.fromkeys(thing for thing in found if thing is not None))


def _unknown(plan: Plan, path: str, kind: str, value: str) -> Problem:
    things: Sequence[Department | Station | Place] = plan.stations
    if kind == "department":
        things = plan.departments
    elif kind == "place":
        things = (*plan.places, *plan.stations)
    return Problem(
        path,
        "unknown-ref",
        {
            "kind": kind,
            "kind_zh": kind_label("ref", kind, "zh"),
            "value": value,
            "known": ", ".join(f"{t.id} ({t.name})" for t in things) or "-",
        },
    )


def nothing_selected(
    plan: Plan,
    departments: Sequence[Department],
    stations: Sequence[Station | Place],
    months: tuple[int, int] | None,
) -> Problem:
    return Problem(
        "",
        "no-activities",
        {
            "selection": _selection_label(departments, stations, months, "en") or "-",
            "selection_zh": _selection_label(departments, stations, months, "zh") or "-",
            "departments": ", ".join(d.name for d in plan.departments) or "-",
            "stations": ", ".join(s.name for s in plan.stations) or "-",
        },
    )


def _selection_label(
    departments: Sequence[Department],
    stations: Sequence[Station | Place],
    months: tuple[int, int] | None,
    lang: Lang,
) -> str:
    joined = render("cal-list", lang).join
    parts = [joined(d.name for d in departments)] if departments else []
    if stations:
        parts.append(joined(s.name for s in stations))
    if months is not None:
        code = "cal-month" if months[0] == months[1] else "cal-months"
        parts.append(render(code, lang, first=months[0], last=months[1]))
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


#: An absolute web address with nothing a URI cannot hold (RFC 3986): no space, quote or control.
_PAGE_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f\"<>\\^`{|}]+", re.IGNORECASE)
_MAX_URL = 2000


def _page_url(url: str | None) -> str | None:
    if url is None or (len(url) <= _MAX_URL and _PAGE_URL.fullmatch(url)):
        return url
    shown = url if len(url) <= 60 else url[:57] + "..."
    raise ExportError([Problem("page_url", "bad-page-url", {"value": repr(shown)})])


def _reminders(plan: Plan, ahead: timedelta | None) -> Reminders:
    """The plan's reminders, with ``ahead`` for its deadlines and days where one is given."""
    if ahead is None:
        return plan.calendar.remind
    try:
        return attrs.evolve(plan.calendar.remind, deadline=ahead, day=ahead)
    except PlanError as error:
        raise ExportError([Problem("remind", p.code, p.params) for p in error.problems]) from None


def _zones(activities: Iterable[Activity]) -> list[ZoneInfo]:
    """The zones the timed activities use, each of which needs a VTIMEZONE, by id."""
    zones: dict[str, ZoneInfo] = {}
    for activity in activities:
        if isinstance(activity.when, Session | Recurrence) and not _is_utc(activity.when.zone):
            zones.setdefault(activity.when.zone.key, activity.when.zone)
        elif isinstance(activity.when, Weekly) and activity.when.clock is not None:
            zones.setdefault(DEFAULT_ZONE.key, DEFAULT_ZONE)  # a weekly class's times are local
    return [zones[key] for key in sorted(zones)]


def _timezone(zone: ZoneInfo, year: int, until: int) -> Timezone:
    """The zone's VTIMEZONE, covering the plan's years only.

    The zone's whole history would be hundreds of lines and Outlook mis-maps long RDATE lists;
    for Asia/Shanghai one year is a single STANDARD +0800 block.
    """
    return Timezone.from_tzinfo(
        zone, tzid=zone.key, first_date=date(year, 1, 1), last_date=date(until + 1, 1, 1)
    )


@functools.lru_cache(maxsize=256)
def _timezone_bytes(zone: ZoneInfo, year: int, until: int) -> bytes:
    # Working out a zone's transitions costs tens of milliseconds, more than a small
    # calendar's events; a feed serving many calendars of one year needs it once.
    data: bytes = _timezone(zone, year, until).to_ical()
    return data


def _is_utc(zone: ZoneInfo) -> bool:
    """UTC times are written with ``Z`` and need no VTIMEZONE."""
    return zone.key in ("UTC", "Etc/UTC", "Etc/Zulu", "Zulu", "Etc/UCT", "UCT", "Universal")
