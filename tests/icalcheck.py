"""Read an export back with two independent parsers and compare it, item by item, with the plan.

``icalendar`` wrote the file, so reading it back with ``icalendar`` alone could hide a fault the
two share; ``ical`` is a separate, strict implementation. What each item should be is worked
out here from the plan and RFC 5545, not from the exporter's code.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import icalendar
from dateutil.rrule import rrulestr
from ical.calendar import Calendar as IcalCalendar
from ical.calendar_stream import IcsCalendarStream

from commedu import DEFAULT_ZONE, Activity, Every, Plan, Recurrence, Repeat, Session, Weekly


def rfc_text(text: str) -> str:
    """What TEXT can carry of ``text``: CR and CRLF become LF, other controls but TAB go.

    A leading byte-order mark (U+FEFF) is not text and is dropped too; a lone surrogate,
    which UTF-8 cannot encode, becomes U+FFFD.
    """
    text = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c in "\t\n" or not (ord(c) < 0x20 or c == "\x7f"))
    return text.lstrip("\ufeff")


def expected_uid(plan: Plan, activity: Activity, todo: bool = False) -> str:
    return f"{activity.id}{'+todo' if todo else ''}@{plan.id}.commedu"


def physical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    lines = data[:-2].split(b"\r\n")
    assert not any(b"\r" in line or b"\n" in line for line in lines), "bare CR or LF"
    return lines


def parse_both(data: bytes) -> tuple[icalendar.Calendar, IcalCalendar]:
    first = icalendar.Calendar.from_ical(data)
    second = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    return first, second


def elapsed(start: datetime, end: datetime) -> timedelta:
    """The real time between two instants (subtracting times of one zone compares clocks)."""
    return end.astimezone(UTC) - start.astimezone(UTC)


def occurrences(start: datetime, rule: str, exdates: list[datetime]) -> list[datetime]:
    excluded = set(exdates)
    return [dt for dt in rrulestr(rule, dtstart=start) if dt not in excluded]


def repeat_days(when: Repeat) -> list[date]:
    """The days an all-day repeat comes round on, counted from the calendar, not from its rule."""
    year = [date(when.year, 1, 1) + timedelta(days=n) for n in range(366)]
    year = [d for d in year if d.year == when.year]
    match when.every:
        case Every.MONTH:
            return [d for d in year if d.day == 1]
        case Every.QUARTER:
            return [d for d in year if d.day == 1 and d.month in (1, 4, 7, 10)]
        case Every.WEEK:
            return [d for d in year if d.weekday() == when.weekday]


def check_events(plan: Plan, activities: tuple[Activity, ...], data: bytes) -> None:
    """Every activity is exactly one VEVENT that says what the plan says; nothing else is."""
    first, second = parse_both(data)
    events = {str(e["UID"]): e for e in first.walk("VEVENT")}
    others = {e.uid: e for e in second.events}
    assert len(events) == len(first.walk("VEVENT")) == len(activities)
    assert set(others) == set(events) == {expected_uid(plan, a) for a in activities}
    for activity in activities:
        uid = expected_uid(plan, activity)
        event, other = events[uid], others[uid]
        assert str(event["SUMMARY"]) == other.summary == rfc_text(activity.title)
        names = [rfc_text(d.name) for d in activity.responsible]
        # Before reading .categories: icalendar's getter adds an empty CATEGORIES when absent.
        assert ("CATEGORIES" in event) == bool(names)
        assert [str(c) for c in event.categories] == names
        if not any("," in name for name in names):
            # ical splits CATEGORIES at escaped commas too ("a\\,b" -> ["a\\", "b"]): its bug.
            assert list(other.categories) == names
        location = rfc_text(activity.station.name) if activity.station else None
        if location is None and activity.places:
            villages = [place.village or "" for place in activity.places]
            location = rfc_text(
                ("、" if plan.language == "zh" else "; ").join(
                    place.name if village in place.name else village + place.name
                    for place, village in zip(activity.places, villages, strict=True)
                )
            )
        assert (str(event["LOCATION"]) if "LOCATION" in event else None) == location
        assert other.location == location
        description = str(event["DESCRIPTION"])
        assert description == other.description
        for name in [*names, *(rfc_text(g) for g in activity.target_groups)]:
            assert name in description
        if activity.description:
            assert rfc_text(activity.description) in description
        assert "SEQUENCE" not in event
        assert "LAST-MODIFIED" not in event
        when = activity.when
        if isinstance(when, Session | Recurrence):
            assert event.start == other.dtstart == when.start
            # Elapsed time, whatever the clocks do in between (RFC 5545: an exact duration).
            assert elapsed(event.start, event.end) == when.duration
            assert elapsed(other.dtstart, other.dtend) == when.duration
            assert event.start.tzinfo is not None
            assert str(event["TRANSP"]) == "OPAQUE"
            if isinstance(when, Recurrence):
                rule = event["RRULE"].to_ical().decode()
                exdates = [d.dt for e in _as_list(event.get("EXDATE")) for d in e.dts]
                assert occurrences(event.start, rule, exdates) == list(when.occurrences())
                assert other.rrule is not None
                assert occurrences(other.dtstart, other.rrule.as_rrule_str(), other.exdate) == list(
                    when.occurrences()
                )
        elif isinstance(when, Repeat):
            days = repeat_days(when)
            assert type(event.start) is date
            assert event.start == other.dtstart == days[0]
            assert event.end == other.dtend == days[0] + timedelta(days=1)
            assert str(event["TRANSP"]) == "TRANSPARENT"
            midnight = datetime.combine(days[0], time())
            rule = event["RRULE"].to_ical().decode()
            assert [d.date() for d in occurrences(midnight, rule, [])] == days
            assert other.rrule is not None
            assert [d.date() for d in occurrences(midnight, other.rrule.as_rrule_str(), [])] == days
        elif isinstance(when, Weekly):
            check_weekly(event, other, when)
        else:
            span = when.span
            assert type(event.start) is date
            assert event.start == other.dtstart == span.first
            assert event.end == other.dtend == span.last + timedelta(days=1)
            assert str(event["TRANSP"]) == "TRANSPARENT"


def check_weekly(event: icalendar.Event, other: object, when: Weekly) -> None:
    """A weekly class is one item on its first class day, recurring on every class day."""
    within = when.within
    every_day = (within.first + timedelta(days=n) for n in range(within.days))
    days = [d for d in every_day if d.weekday() in when.weekdays]
    rule = event["RRULE"].to_ical().decode()
    other_rule = other.rrule.as_rrule_str()  # type: ignore[attr-defined]
    if when.clock is None:
        assert type(event.start) is date
        assert event.start == other.dtstart == days[0]  # type: ignore[attr-defined]
        assert event.end == days[0] + timedelta(days=1)
        assert str(event["TRANSP"]) == "TRANSPARENT"
        midnight = datetime.combine(days[0], time())
        assert [d.date() for d in occurrences(midnight, rule, [])] == days
        assert [d.date() for d in occurrences(midnight, other_rule, [])] == days
        return
    starts = [datetime.combine(d, when.clock.start, tzinfo=DEFAULT_ZONE) for d in days]
    assert event.start == other.dtstart == starts[0]  # type: ignore[attr-defined]
    assert event.end == starts[0] + when.clock.duration
    assert str(event["TRANSP"]) == "OPAQUE"
    assert occurrences(event.start, rule, []) == starts
    assert occurrences(event.start, other_rule, []) == starts


def _as_list(value: object) -> list[icalendar.prop.vDDDLists]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]  # type: ignore[list-item]
