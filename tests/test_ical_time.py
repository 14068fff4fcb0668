"""Exact time: a session lasts what the plan says in every zone, and every time means one instant.

Two parsers read each export back (icalendar and the strict ``ical``); durations are compared as
elapsed time, in UTC, never as the difference between two wall clocks.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given
from hypothesis import strategies as st

from commedu import (
    Activity,
    Plan,
    PlanError,
    PlanFileError,
    Recurrence,
    Schedule,
    Session,
    Township,
    loads_plan,
    parse_when,
    to_ics,
)
from tests.icalcheck import elapsed, parse_both

STAMP = datetime(2021, 1, 1, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _plan(*activities: Activity) -> Plan:
    return Plan(
        id="t-2021",
        township=Township("金山镇", "临淄区", "淄博市", "山东省"),
        year=2021,
        title="计划",
        schedule=Schedule(activities),
    )


def _read(when: Session | Recurrence, component: str = "event") -> tuple[datetime, datetime]:
    """The start and end (or due) both parsers read back, which must agree as instants."""
    data = to_ics(_plan(Activity("a", "讲座", when)), stamp=STAMP, component=component)  # type: ignore[arg-type]
    parsed, other = parse_both(data)
    if component == "todo":
        (item,) = parsed.walk("VTODO")
        (second,) = other.todos
        start, end = item["DTSTART"].dt, item["DUE"].dt
        assert (second.dtstart, second.due) == (start, end)
    else:
        (item,) = parsed.walk("VEVENT")
        (event,) = other.events
        start, end = item.start, item.end
        assert (event.dtstart, event.dtend) == (start, end)
    return start, end


@pytest.mark.parametrize(
    ("start", "hours", "end"),
    [
        # the night Berlin's clocks go forward: two real hours end at 04:30, not 03:30
        (datetime(2021, 3, 28, 1, 30, tzinfo=BERLIN), 2, datetime(2021, 3, 28, 4, 30)),
        # and New York's
        (datetime(2021, 3, 14, 1, 30, tzinfo=NEW_YORK), 2, datetime(2021, 3, 14, 4, 30)),
        # the night they go back: four real hours end at 03:30 by the clock
        (datetime(2021, 10, 31, 0, 30, tzinfo=BERLIN), 4, datetime(2021, 10, 31, 3, 30)),
        (datetime(2021, 11, 7, 0, 30, tzinfo=NEW_YORK), 4, datetime(2021, 11, 7, 3, 30)),
        # no change that night: the clock and the elapsed time agree
        (datetime(2021, 6, 1, 9, 0, tzinfo=BERLIN), 2, datetime(2021, 6, 1, 11, 0)),
        (datetime(2021, 3, 8, 23, 0, tzinfo=SHANGHAI), 2, datetime(2021, 3, 9, 1, 0)),
    ],
)
@pytest.mark.parametrize("component", ["event", "todo"])
def test_a_session_lasts_its_duration_in_elapsed_time(
    start: datetime, hours: int, end: datetime, component: str
) -> None:
    read_start, read_end = _read(Session(start, timedelta(hours=hours)), component)
    assert read_start == start
    assert elapsed(read_start, read_end) == timedelta(hours=hours)
    assert read_end.astimezone(start.tzinfo).replace(tzinfo=None) == end
    # written in the session's own zone, where its clock time is one instant
    assert read_end.tzinfo == start.tzinfo


@pytest.mark.parametrize(
    ("start", "hours", "utc"),
    [
        # 00:30 EDT + 2 h is the second 01:30, which "TZID=America/New_York:…T013000" cannot say
        (
            datetime(2021, 11, 7, 0, 30, tzinfo=NEW_YORK),
            2,
            datetime(2021, 11, 7, 6, 30, tzinfo=UTC),
        ),
        # 00:30 EDT + 1 h is the first 01:30, which readers take an hour apart
        (
            datetime(2021, 11, 7, 0, 30, tzinfo=NEW_YORK),
            1,
            datetime(2021, 11, 7, 5, 30, tzinfo=UTC),
        ),
        (
            datetime(2021, 10, 31, 1, 30, tzinfo=BERLIN),
            2,
            datetime(2021, 10, 31, 1, 30, tzinfo=UTC),
        ),
    ],
)
def test_an_end_the_clocks_show_twice_is_written_in_utc(
    start: datetime, hours: int, utc: datetime
) -> None:
    data = to_ics(_plan(Activity("a", "讲座", Session(start, timedelta(hours=hours)))), stamp=STAMP)
    assert f"DTEND:{utc:%Y%m%dT%H%M%SZ}".encode() in data
    read_start, read_end = _read(Session(start, timedelta(hours=hours)))
    assert (read_start, read_end) == (start, utc)


def test_every_occurrence_of_a_recurrence_lasts_its_duration_exactly() -> None:
    # Saturdays at 01:30 for two hours, over the night Berlin's clocks go forward.
    start = datetime(2021, 3, 20, 1, 30, tzinfo=BERLIN)
    when = Recurrence(start, timedelta(hours=2), "FREQ=WEEKLY;COUNT=3")
    read_start, read_end = _read(when)
    # RFC 5545 §3.8.5.3: DTEND's exact duration applies to every occurrence, so the 28 March one
    # (whose 02:30 does not exist) ends two real hours after it starts too.
    assert (read_start, elapsed(read_start, read_end)) == (start, timedelta(hours=2))


@pytest.mark.parametrize(
    ("start", "code"),
    [
        (datetime(2021, 3, 28, 2, 30, tzinfo=BERLIN), "local-time-skipped"),
        (datetime(2021, 3, 14, 2, 0, tzinfo=NEW_YORK), "local-time-skipped"),
        (datetime(2021, 10, 31, 2, 30, tzinfo=BERLIN), "local-time-repeated"),
        (datetime(2021, 11, 7, 1, 30, tzinfo=NEW_YORK), "local-time-repeated"),
        (datetime(2021, 11, 7, 1, 30, fold=1, tzinfo=NEW_YORK), "local-time-repeated"),
    ],
)
def test_a_start_the_clocks_skip_or_repeat_is_refused(start: datetime, code: str) -> None:
    for make in (
        lambda: Session(start, timedelta(hours=1)),
        lambda: Recurrence(start, timedelta(hours=1), "FREQ=WEEKLY;COUNT=2"),
    ):
        with pytest.raises(PlanError) as info:
            make()
        (problem,) = info.value.problems
        assert problem.code == code
        assert f"{start:%Y-%m-%d %H:%M}" in problem.message("en")
        assert str(start.tzinfo) in problem.message("zh")


@pytest.mark.parametrize(
    "start",
    [
        datetime(2021, 3, 28, 1, 59, tzinfo=BERLIN),
        datetime(2021, 3, 28, 3, 0, tzinfo=BERLIN),
        datetime(2021, 10, 31, 1, 59, tzinfo=BERLIN),
        datetime(2021, 10, 31, 3, 0, tzinfo=BERLIN),
        datetime(2021, 11, 7, 2, 0, tzinfo=NEW_YORK),
        datetime(2021, 3, 8, 2, 30, tzinfo=SHANGHAI),
    ],
)
def test_the_minutes_either_side_of_a_change_are_kept(start: datetime) -> None:
    assert Session(start, timedelta(hours=1)).start == start


def test_a_skipped_start_in_a_plan_file_names_its_line_and_column() -> None:
    text = """id = "t-2021"
year = 2021
title = "计划"

[township]
name = "金山镇"
district = "临淄区"
city = "淄博市"
province = "山东省"

[[schedule.activities]]
id = "a"
title = "讲座"
when = "2021-03-28T02:30/PT2H[Europe/Berlin]"
"""
    with pytest.raises(PlanFileError) as info:
        loads_plan(text)
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == ("schedule.activities[0].when", "local-time-skipped")
    assert (problem.line, problem.column) == (14, 1)
    assert "+01:00" in problem.message("en")
    assert "+02:00" in problem.message("en")


@st.composite
def any_sessions(draw: st.DrawFn) -> Session | None:
    """A session at any minute of a year with clock changes, in a zone that has them or not."""
    zone = draw(st.sampled_from([BERLIN, NEW_YORK, SHANGHAI, ZoneInfo("UTC")]))
    day = draw(st.sampled_from([date(2021, 3, 14), date(2021, 3, 28), date(2021, 10, 31)]))
    day = draw(st.sampled_from([day, date(2021, 11, 7), day - timedelta(days=1)]))
    clock = time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 1, 30, 59])))
    duration = timedelta(minutes=draw(st.integers(1, 26 * 60)))
    try:
        return Session(datetime.combine(day, clock, tzinfo=zone), duration)
    except PlanError as error:
        codes = {p.code for p in error.problems}
    if not codes <= {"local-time-skipped", "local-time-repeated"}:
        raise AssertionError(codes)
    return None


@given(any_sessions(), st.sampled_from(["event", "todo"]))
def test_any_session_is_refused_or_lasts_exactly_its_duration(
    session: Session | None, component: str
) -> None:
    if session is None:
        return
    start, end = _read(session, component)
    assert start == session.start
    assert elapsed(start, end) == session.duration


def test_the_description_shows_the_real_end() -> None:
    session = Session(datetime(2021, 3, 28, 1, 30, tzinfo=BERLIN), timedelta(hours=2))
    data = to_ics(_plan(Activity("a", "讲座", session)), stamp=STAMP)
    (event,) = parse_both(data)[0].walk("VEVENT")
    assert "2021-03-28 01:30–04:30 (Europe/Berlin)" in str(event["DESCRIPTION"])


@pytest.mark.parametrize(
    ("written", "weekday"), [("每周三", 2), ("每周日", 6), ("每月", None), ("每季度", None)]
)
def test_a_recurring_to_do_is_due_on_its_own_day(written: str, weekday: int | None) -> None:
    when = parse_when(written, 2021)
    data = to_ics(_plan(Activity("a", "巡查", when)), stamp=STAMP, component="todo")
    parsed, other = parse_both(data)
    (todo,) = parsed.walk("VTODO")
    (second,) = other.todos
    start, due = todo["DTSTART"].dt, todo["DUE"].dt
    # floating times: the day on the reader's own clock (ical reads them in X-WR-TIMEZONE's)
    assert start.tzinfo is None
    assert due.tzinfo is None
    assert second.dtstart.replace(tzinfo=None) == start
    assert second.due.replace(tzinfo=None) == due
    assert start.date() == due.date() == when.days()[0]
    assert start < due
    rule = todo["RRULE"].to_ical().decode()
    days = [d.date() for d in rrulestr(rule, dtstart=start)]
    assert days == list(when.days())
    if weekday is not None:
        assert {d.weekday() for d in days} == {weekday}
