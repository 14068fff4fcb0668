"""What one activity's calendar item says: its properties as typed values, in either language.

Calendars, files and revision digests are all made from these properties, so the icalendar
objects of :func:`commedu.calendar.ics.to_calendar` and the bytes of ``to_ics`` cannot drift
apart. Each kind of *when* has one conversion function in ``_WHEN``; a new kind adds one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from commedu._messages import Lang, render
from commedu.model.fieldcheck import define
from commedu.model.parts import Activity, Task
from commedu.model.plan import Plan
from commedu.model.reminders import Reminders
from commedu.model.when import (
    DEFAULT_ZONE,
    AcrossYears,
    Day,
    DayRange,
    Deadline,
    LabelledDay,
    MixedSpan,
    Month,
    MonthPart,
    MonthSpan,
    NamedPeriod,
    Occasion,
    Recurrence,
    Repeat,
    Session,
    Weekly,
    WeekOfMonth,
    When,
    Yearly,
    YearSpan,
)

__all__ = [
    "Alarm",
    "ComponentKind",
    "Property",
    "RRule",
    "Uri",
    "end_of",
    "properties",
    "text",
    "uid",
]

ComponentKind = Literal["event", "todo"]


@define
class RRule:
    """An RRULE as the plan spells it; each writer turns it into its own form."""

    text: str


@define
class Uri:
    """A URI value (URL), written as it is: TEXT's escaping would change the address."""

    text: str


@define
class Organizer:
    """Who publishes the item: a name (the CN parameter) and a ``mailto:`` address."""

    name: str
    address: str


@define
class Alarm:
    """A reminder the item holds: a VALARM, which each writer puts after its properties.

    It goes off ``ahead`` before the item's start, or before a to-do is due (``before_end``),
    and says ``description``. It is listed with the properties under the name ``VALARM``.
    """

    ahead: timedelta
    before_end: bool
    description: str


#: A property's value: TEXT, INTEGER, DATE, DATE-TIME, a list of TEXT, DATE or DATE-TIME, a rule, an
#: address, or an alarm (a component inside the item).
Value = (
    str
    | int
    | date
    | datetime
    | list[str]
    | list[datetime]
    | list[date]
    | RRule
    | Uri
    | Organizer
    | Alarm
)
Property = tuple[str, Value]


# CJK ideographs (unified, extension A, compatibility): a plan written in Chinese has them in
# its title or its township's name.
# TEXT may not hold control characters (RFC 5545 §3.3.11): line breaks become the one newline
# it can carry, the rest are dropped. A leading U+FEFF is a byte-order mark, not text (icalendar
# drops one anyway when it encodes). Lone surrogates never get here: the model refuses them.
_LINE_BREAK = re.compile(r"\r\n?")
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def text(value: str) -> str:
    """``value`` as TEXT a calendar can carry."""
    return _UNWRITABLE.sub("", _LINE_BREAK.sub("\n", value)).lstrip("\ufeff")


def uid(plan: Plan, activity: Activity, component: ComponentKind = "event") -> str:
    """The activity's UID: stable across re-exports, distinct for events and to-dos."""
    suffix = "+todo" if component == "todo" else ""
    return f"{activity.id}{suffix}@{plan.id}.commedu"


def properties(
    plan: Plan,
    activity: Activity,
    component: ComponentKind,
    stamp: datetime | None,
    lang: Lang,
    *,
    page_url: str | None = None,
    remind: Reminders | None = None,
) -> list[Property]:
    """The item's properties; without DTSTAMP when ``stamp`` is None (for a content digest).

    ``page_url`` is the address of the plan's page, where the plan is served: the item's URL.
    ``remind`` says how long before each kind of item a reminder goes off.
    """
    found: list[Property] = [("UID", uid(plan, activity, component))]
    if stamp is not None:
        found.append(("DTSTAMP", stamp))
    found.append(("SUMMARY", text(activity.title)))
    found.append(("DESCRIPTION", _description(plan, activity, lang)))
    if activity.station:
        found.append(("LOCATION", text(activity.station.name)))
    elif activity.places:
        # the plan's own names, so joined as the plan's language lists them (各村居、市民学校)
        found.append(("LOCATION", text(_place_names(activity, _labels(plan.language)[0]))))
    if activity.responsible:
        found.append(("CATEGORIES", [text(d.name) for d in activity.responsible]))
    # RFC 7986: one colour per item, its first responsible department's that has one.
    colour = next((d.color for d in activity.responsible if d.color is not None), None)
    if colour is not None:
        found.append(("COLOR", colour))
    if page_url is not None:
        found.append(("URL", Uri(page_url)))
    centre = plan.centre
    if centre is not None and centre.email is not None:
        # Opt-in: a client shows who publishes the item and where to write about it.
        found.append(("ORGANIZER", Organizer(text(centre.name), "mailto:" + centre.email)))
    found += _WHEN[type(activity.when)](activity.when, component)
    ahead = None if remind is None else _ahead(remind, activity.when)
    if ahead is not None:
        said = render("cal-reminder", lang, title=activity.title)
        # A to-do may have no DTSTART; its reminder counts back from DUE.
        found.append(("VALARM", Alarm(ahead, component == "todo", text(said))))
    return found


def _ahead(remind: Reminders, when: When) -> timedelta | None:
    """The reminder for this kind of *when*: deadlines, days and sessions; windows get none."""
    match when:
        case Deadline():
            return remind.deadline
        case Day() | DayRange() | LabelledDay():
            return remind.day
        case Session() | Recurrence():
            return remind.session
        case Weekly():
            return remind.day if when.clock is None else remind.session
    return None


def end_of(start: datetime, duration: timedelta) -> datetime:
    """When a session that starts at ``start`` and lasts ``duration`` really ends.

    The duration is elapsed time, so the arithmetic is done in UTC: in Europe/Berlin, 01:30 plus
    two hours on the night the clocks go forward is 04:30, not 03:30. An end the clocks show
    twice (the night they go back) is given in UTC, which no reader can take for the other one.
    """
    zone = start.tzinfo
    end = (start.astimezone(UTC) + duration).astimezone(zone)
    if end.replace(fold=1 - end.fold).utcoffset() != end.utcoffset():
        return end.astimezone(UTC)
    return end


def _timed(when: Session | Recurrence, component: ComponentKind) -> list[Property]:
    # A recurrence's occurrences all last what DTSTART to DTEND (or DUE) lasts, exactly.
    end = end_of(when.start, when.duration)
    if component == "todo":
        return [("DTSTART", when.start), ("DUE", end)]
    # A timed session takes up the people's time.
    return [("DTSTART", when.start), ("DTEND", end), ("TRANSP", "OPAQUE")]


def _recurring(when: Recurrence, component: ComponentKind) -> list[Property]:
    found = [*_timed(when, component), ("RRULE", RRule(when.rule))]
    if when.exdates:
        # EXDATE must have DTSTART's type and zone: the start time on each excluded day.
        excluded = [when.start.replace(year=d.year, month=d.month, day=d.day) for d in when.exdates]
        found.append(("EXDATE", excluded))
    return found


def _window(when: When, component: ComponentKind) -> list[Property]:
    span = when.span
    if component == "todo":
        # A date-valued DUE is the day it is due, as task apps show it: 4月 is due on 30 April,
        # 5月前 on 30 April too.
        due: list[Property] = [("DUE", span.last)]
        return [("DTSTART", span.first), *due] if span.first < span.last else due
    # All-day: DTEND is the exclusive next day (1 January for December). A window to work in,
    # not a block of busy time, so it marks nobody busy.
    return [("DTSTART", span.first), ("DTEND", span.end), ("TRANSP", "TRANSPARENT")]


def _repeat(when: Repeat, component: ComponentKind) -> list[Property]:
    """An all-day item on the first day it comes round, recurring by the repeat's rule."""
    first = when.days()[0]
    if component == "todo":
        # A recurring to-do needs DTSTART, and a DUE after it. A date-valued DUE is the day
        # it is due, so it cannot share DTSTART's day; floating times (the reader's own clock)
        # from the start of the day to 23:59 keep every occurrence due on its own day.
        # UNTIL takes DTSTART's type: the end of its last day.
        rule = _UNTIL_DAY.sub(r"\1T235900", when.rule)
        return [
            ("DTSTART", datetime.combine(first, time())),
            ("DUE", datetime.combine(first, _LAST_MINUTE)),
            ("RRULE", RRule(rule)),
        ]
    return [
        ("DTSTART", first),
        ("DTEND", first + timedelta(days=1)),
        ("TRANSP", "TRANSPARENT"),
        ("RRULE", RRule(when.rule)),
    ]


_LAST_MINUTE = time(23, 59)
_UNTIL_DAY = re.compile(r"(UNTIL=\d{8})(?=;|$)")


def _weekly(when: Weekly, component: ComponentKind) -> list[Property]:
    """The first class, recurring on the class days until the last: timed, or all-day."""
    rule: Property = ("RRULE", RRule(when.rule))
    first = when.days()[0]
    if when.clock is not None:
        start = datetime.combine(first, when.clock.start, tzinfo=DEFAULT_ZONE)
        end = end_of(start, when.clock.duration)
        if component == "todo":
            return [("DTSTART", start), ("DUE", end), rule]
        return [("DTSTART", start), ("DTEND", end), ("TRANSP", "OPAQUE"), rule]
    if component == "todo":
        # as for a repeat: floating times from the start of each day to 23:59, due on its own day
        until = RRule(_UNTIL_DAY.sub(r"\1T235900", when.rule))
        return [
            ("DTSTART", datetime.combine(first, time())),
            ("DUE", datetime.combine(first, _LAST_MINUTE)),
            ("RRULE", until),
        ]
    return [
        ("DTSTART", first),
        ("DTEND", first + timedelta(days=1)),
        ("TRANSP", "TRANSPARENT"),
        rule,
    ]


def _yearly(when: Yearly, component: ComponentKind) -> list[Property]:
    """The first year's window, again each year: by a yearly rule where every year's window is
    the first moved by whole years, otherwise on each year's first day (RDATE)."""
    spans = [each.span for each in when.each]
    first = spans[0]
    if component == "todo":
        # A recurring to-do needs DTSTART, and DUE after it.
        due = first.last if first.first < first.last else first.end
        found: list[Property] = [("DTSTART", first.first), ("DUE", due)]
    else:
        found = [("DTSTART", first.first), ("DTEND", first.end), ("TRANSP", "TRANSPARENT")]
    if all(
        (s.first.month, s.first.day, s.days) == (first.first.month, first.first.day, first.days)
        for s in spans
    ):
        return [*found, ("RRULE", RRule(f"FREQ=YEARLY;COUNT={len(spans)}"))]
    return [*found, ("RDATE", [s.first for s in spans[1:]])]


#: One conversion per kind of *when*: its start, end or due, and repetition.
_WHEN: dict[type, Callable[[Any, ComponentKind], list[Property]]] = {
    Session: _timed,
    Recurrence: _recurring,
    Repeat: _repeat,
    Month: _window,
    MonthSpan: _window,
    MonthPart: _window,
    Deadline: _window,
    Day: _window,
    DayRange: _window,
    NamedPeriod: _window,
    MixedSpan: _window,
    WeekOfMonth: _window,
    Occasion: _window,
    LabelledDay: _window,
    YearSpan: _window,
    AcrossYears: _window,
    Weekly: _weekly,
    Yearly: _yearly,
}


def _clock(start: datetime, end: datetime) -> str:
    shown = f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"
    if end.date() != start.date():
        shown = f"{start:%Y-%m-%d %H:%M}–{end:%Y-%m-%d %H:%M}"
    zone = start.tzinfo
    return (
        shown if zone == DEFAULT_ZONE or not isinstance(zone, ZoneInfo) else f"{shown} ({zone.key})"
    )


def _when_text(when: When, written: str = "") -> str:
    """The *when* as a reader wants it: the plan's own words, or clock times for sessions."""
    match when:
        case Session():
            return _clock(when.start, end_of(when.start, when.duration).astimezone(when.zone))
        case Recurrence():
            span = when.span
            end = end_of(when.start, when.duration).astimezone(when.zone)
            return f"{span.first}–{span.last} {when.start:%H:%M}–{end:%H:%M}"
    return written or str(when)


def _place_names(activity: Activity, separator: str) -> str:
    """Its places as a reader finds them: each village before its name, unless the name says it."""
    return separator.join(
        place.name
        if place.village is None or place.village in place.name
        else f"{place.village}{place.name}"
        for place in activity.places
    )


_FIELDS = ("cal-when", "cal-responsible", "cal-serves", "cal-groups", "cal-station", "cal-place")


@functools.cache
def _labels(lang: Lang) -> tuple[str, dict[str, str]]:
    """The list separator and each field's ``label: `` in ``lang``, said once per process.

    A calendar says them for every item; rendering them each time was a third of an export.
    """
    fields = {
        code: render("cal-field", lang, label=render(code, lang), value="") for code in _FIELDS
    }
    return render("cal-list", lang), fields


def _description(plan: Plan, activity: Activity, lang: Lang) -> str:
    served = []
    for thing in plan.served(activity):
        if isinstance(thing, Task):
            said = render(
                "cal-task", lang, number=thing.number, number_zh=thing.numeral, title=thing.title
            )
        else:
            task = plan.task_of(thing)
            said = render(
                "cal-mechanism",
                lang,
                task=task.number,
                task_zh=task.numeral,
                number=thing.number,
                title=thing.title,
            )
        served.append(said)
    separator, label = _labels(lang)
    joined = separator.join
    fields = [
        ("cal-when", _when_text(activity.when, activity.when_text)),
        ("cal-responsible", joined(d.name for d in activity.responsible)),
        ("cal-serves", joined(served)),
        ("cal-groups", joined(activity.target_groups)),
        ("cal-station", activity.station.name if activity.station else ""),
        ("cal-place", _place_names(activity, separator)),
    ]
    lines = [label[code] + value for code, value in fields if value]
    if activity.description:
        lines += ["", activity.description]
    return text("\n".join(lines))
