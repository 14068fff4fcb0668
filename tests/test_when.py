"""*When* values: parsing every spelling, the dates each covers, and bad input."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from commedu import (
    DEFAULT_ZONE,
    Day,
    DayRange,
    Deadline,
    Month,
    MonthPart,
    MonthSpan,
    Part,
    PlanError,
    Recurrence,
    Session,
    parse_when,
)
from commedu.model.when import MAX_OCCURRENCES
from tests import strategies as s

SH = DEFAULT_ZONE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4月", Month(2021, 4)),
        ("12月", Month(2021, 12)),
        ("７月", Month(2021, 7)),  # full-width digit from a Chinese input method
        (" 4月 ", Month(2021, 4)),
        ("2021-04", Month(2021, 4)),
        ("7-8月", MonthSpan(2021, 7, 8)),
        ("7—8月", MonthSpan(2021, 7, 8)),
        ("7月-8月", MonthSpan(2021, 7, 8)),
        ("7至8月", MonthSpan(2021, 7, 8)),
        ("7～8月", MonthSpan(2021, 7, 8)),
        ("2021-07/2021-08", MonthSpan(2021, 7, 8)),
        ("4月上旬", MonthPart(2021, 4, Part.EARLY)),
        ("4月中旬", MonthPart(2021, 4, Part.MIDDLE)),
        ("4月下旬", MonthPart(2021, 4, Part.LATE)),
        ("4月底", MonthPart(2021, 4, Part.END)),
        ("4月月底", MonthPart(2021, 4, Part.END)),
        ("4月末", MonthPart(2021, 4, Part.END)),
        ("5月前", Deadline(date(2021, 4, 30))),
        ("5月前完成", Deadline(date(2021, 4, 30))),
        ("5月之前", Deadline(date(2021, 4, 30))),
        ("5月底前", Deadline(date(2021, 5, 31))),
        ("3月8日前", Deadline(date(2021, 3, 8))),
        ("2021-03-08前", Deadline(date(2021, 3, 8))),
        ("3月8日", Day(date(2021, 3, 8))),
        ("3月8号", Day(date(2021, 3, 8))),
        ("2021-03-08", Day(date(2021, 3, 8))),
        ("3月8日-14日", DayRange(date(2021, 3, 8), date(2021, 3, 14))),
        ("3月8-14日", DayRange(date(2021, 3, 8), date(2021, 3, 14))),
        ("3月28日-4月2日", DayRange(date(2021, 3, 28), date(2021, 4, 2))),
        ("2021-03-08/2021-03-14", DayRange(date(2021, 3, 8), date(2021, 3, 14))),
        (
            "3月8日 14:30-16:30",
            Session(datetime(2021, 3, 8, 14, 30, tzinfo=SH), timedelta(hours=2)),
        ),
        (
            "3月8日14：30-16：30",
            Session(datetime(2021, 3, 8, 14, 30, tzinfo=SH), timedelta(hours=2)),
        ),
        (
            "2021-03-08T14:30/PT2H",
            Session(datetime(2021, 3, 8, 14, 30, tzinfo=SH), timedelta(hours=2)),
        ),
        (
            "2021-03-08T09:00/PT1H30M[Europe/Berlin]",
            Session(
                datetime(2021, 3, 8, 9, tzinfo=ZoneInfo("Europe/Berlin")), timedelta(minutes=90)
            ),
        ),
    ],
)
def test_parses_every_spelling(text: str, expected: object) -> None:
    assert parse_when(text, 2021) == expected


def test_recurrence_with_exdates() -> None:
    when = parse_when(
        "2021-03-01T16:30/PT1H RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20210312 EXDATE:20210305",
        2021,
    )
    assert isinstance(when, Recurrence)
    days = [dt.date() for dt in when.occurrences()]
    assert days == [date(2021, 3, d) for d in (1, 2, 3, 4, 8, 9, 10, 11, 12)]
    assert all(dt.tzinfo == SH and dt.hour == 16 and dt.minute == 30 for dt in when.occurrences())
    assert when.span.first == date(2021, 3, 1)
    assert when.span.last == date(2021, 3, 12)


def test_date_until_becomes_utc_end_of_local_day() -> None:
    # RFC 5545: UNTIL must be UTC when DTSTART has a zone; 23:59:59 in Shanghai is 15:59:59Z.
    when = Recurrence(
        datetime(2021, 3, 1, 16, 30, tzinfo=SH), timedelta(hours=1), "freq=daily;until=20210303"
    )
    assert when.rule == "FREQ=DAILY;UNTIL=20210303T155959Z"
    assert len(when.occurrences()) == 3


def test_the_dateutil_rule_stops_where_the_occurrences_do() -> None:
    # Leap days from 2024 with a COUNT of 1000: dateutil alone would search for them until the
    # year 6000; the plan's occurrences stop within the bound, and so does the rule it hands out.
    start = datetime(2024, 2, 29, 10, tzinfo=SH)
    when = Recurrence(start, timedelta(hours=1), "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=1000")
    given_out = list(when.rrule())
    assert tuple(given_out) == when.occurrences()
    assert len(given_out) <= MAX_OCCURRENCES
    unbounded = rrulestr(when.rule, dtstart=start)
    assert len(list(itertools.islice(unbounded, len(given_out) + 1))) == len(given_out) + 1


def test_the_dateutil_rule_keeps_an_excluded_last_day() -> None:
    # EXDATE is the value's own: the rule still ends on the rule's last day, not the last kept.
    when = parse_when("2021-03-01T16:30/PT1H RRULE:FREQ=DAILY;COUNT=3 EXDATE:20210303", 2021)
    assert isinstance(when, Recurrence)
    assert [dt.day for dt in when.rrule()] == [1, 2, 3]
    assert [dt.day for dt in when.occurrences()] == [1, 2]


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_the_dateutil_rule_of_any_recurrence_gives_its_occurrences(data: st.DataObject) -> None:
    when = data.draw(s.recurrences(data.draw(s.years)))
    excluded = set(when.exdates)
    assert tuple(dt for dt in when.rrule() if dt.date() not in excluded) == when.occurrences()


@pytest.mark.parametrize(
    ("month", "last"),
    [
        (1, 31),
        (2, 28),
        (3, 31),
        (4, 30),
        (5, 31),
        (6, 30),
        (7, 31),
        (8, 31),
        (9, 30),
        (10, 31),
        (11, 30),
        (12, 31),
    ],
)
def test_month_spans_whole_month(month: int, last: int) -> None:
    span = Month(2021, month).span
    assert (span.first, span.last) == (date(2021, month, 1), date(2021, month, last))
    assert span.end == (date(2022, 1, 1) if month == 12 else date(2021, month + 1, 1))


def test_leap_february_and_month_parts() -> None:
    assert Month(2024, 2).span.last == date(2024, 2, 29)
    assert MonthPart(2021, 2, Part.LATE).span == MonthPart(2021, 2, Part.LATE).span
    assert (MonthPart(2021, 2, Part.LATE).span.first, MonthPart(2021, 2, Part.LATE).span.last) == (
        date(2021, 2, 21),
        date(2021, 2, 28),
    )
    assert MonthPart(2021, 4, Part.EARLY).span.days == 10
    assert MonthPart(2021, 4, Part.MIDDLE).span.first == date(2021, 4, 11)
    assert MonthPart(2021, 5, Part.END).span.first == date(2021, 5, 27)
    assert MonthPart(2021, 5, Part.END).span.days == 5


def test_session_span_does_not_claim_the_next_day_when_ending_at_midnight() -> None:
    session = Session(datetime(2021, 3, 8, 22, tzinfo=SH), timedelta(hours=2))
    assert session.span.last == date(2021, 3, 8)
    late = Session(datetime(2021, 3, 8, 23, tzinfo=SH), timedelta(hours=2))
    assert late.span.last == date(2021, 3, 9)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("13月", "not-a-month"),
        ("0月", "not-a-month"),
        ("2月30日", "bad-date"),
        ("2021-02-29", "bad-date"),
        ("1月前", "outside-year"),
        ("2022-01-01", "year-mismatch"),
        ("2020-12", "year-mismatch"),
        ("8-7月", "span-order"),
        ("7-7月", "span-order"),
        ("3月9日-3月8日", "span-order"),
        ("3月8日 16:30-14:30", "span-order"),
        ("3月8日 25:00-26:00", "bad-when"),
        ("someday", "bad-when"),
        ("", "bad-when"),
        ("   ", "bad-when"),
        ("4月上旬前", "bad-when"),
        ("2021-03-08T14:30/PT0H", "not-positive-duration"),
        ("2021-03-08T14:30/PT2H[Mars/Olympus]", "bad-zone"),
        ("2021-03-08T14:30/PT1H RRULE:FREQ=WEEKLY", "unbounded-rrule"),
        ("2021-03-08T14:30/PT1H RRULE:FREQ=FORTNIGHTLY;COUNT=2", "bad-rrule"),
        ("2021-03-08T14:30/PT1H RRULE:FREQ=DAILY;UNTIL=20210301", "empty-rrule"),
        ("2021-03-08T14:30/PT1H RRULE:FREQ=DAILY;COUNT=2 EXDATE:2021-03-08", "bad-when"),
    ],
)
def test_bad_spellings_name_the_problem(text: str, code: str) -> None:
    with pytest.raises(PlanError) as info:
        parse_when(text, 2021)
    assert [p.code for p in info.value.problems] == [code]
    # Every message renders in both languages and quotes nothing it was not given.
    assert info.value.describe("en")
    assert info.value.describe("zh")


def test_bad_when_suggests_spellings() -> None:
    with pytest.raises(PlanError, match="7-8月"):
        parse_when("next spring", 2021)


def test_naive_session_is_refused() -> None:
    with pytest.raises(PlanError) as info:
        Session(datetime(2021, 3, 8, 14, 30), timedelta(hours=1))
    assert info.value.problems[0].code == "naive-time"


def test_fixed_offset_zone_is_refused_because_calendars_need_a_zone_name() -> None:
    from datetime import timezone

    with pytest.raises(PlanError):
        Session(
            datetime(2021, 3, 8, 14, 30, tzinfo=timezone(timedelta(hours=8))), timedelta(hours=1)
        )


def test_rule_with_its_own_dtstart_is_refused() -> None:
    with pytest.raises(PlanError, match="DTSTART"):
        Recurrence(
            datetime(2021, 3, 1, tzinfo=SH),
            timedelta(hours=1),
            "DTSTART=20210301;FREQ=DAILY;COUNT=2",
        )


@given(st.data())
def test_every_when_covers_a_nonempty_span_inside_its_year_and_parses_back(
    data: st.DataObject,
) -> None:
    year = data.draw(s.years)
    when = data.draw(s.whens(year))
    span = when.span
    assert span.first <= span.last
    assert span.first.year == year
    assert span.last.year == year
    assert span.days >= 1
    assert parse_when(str(when), year) == when


@given(s.years, st.integers(1, 12))
def test_month_touches_only_itself(year: int, month: int) -> None:
    span = Month(year, month).span
    assert [m for m in range(1, 13) if span.touches_month(year, m)] == [month]


@given(s.years, st.data())
def test_span_contains_exactly_its_days(year: int, data: st.DataObject) -> None:
    when = data.draw(s.whens(year))
    day = data.draw(s.days_in(year))
    assert (day in when.span) == (when.span.first <= day <= when.span.last)
    assert "not a date" not in when.span
