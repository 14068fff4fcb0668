"""Weekly classes: 每周二、四 8:30—11:00, 每周三下午, 7月13日至8月18日每周二、四, and their calendars."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from commedu import (
    DEFAULT_DAY_PARTS,
    DEFAULT_ZONE,
    Activity,
    ClockRange,
    DateSpan,
    DayPart,
    DayParts,
    Every,
    Plan,
    PlanError,
    Repeat,
    Schedule,
    SchoolHoliday,
    Township,
    Weekly,
    occurrences,
    parse_when,
    qualified,
    to_ics,
)
from commedu.model.when import MAX_OCCURRENCES
from tests import strategies as s
from tests.icalcheck import check_events

YEAR_2021 = DateSpan(date(2021, 1, 1), date(2021, 12, 31))
SUMMER = DateSpan(date(2021, 7, 13), date(2021, 8, 18))
MORNING = ClockRange(time(8, 30), time(11))
HOLIDAYS = (SchoolHoliday("暑假", date(2021, 7, 5), date(2021, 8, 31)),)


@pytest.mark.parametrize(
    ("text", "expected", "canonical"),
    [
        ("每周二、四 8:30—11:00", Weekly(YEAR_2021, (1, 3), MORNING), "每周二、四 8:30–11:00"),
        ("每周二、四 8:30-11:00", Weekly(YEAR_2021, (1, 3), MORNING), "每周二、四 8:30–11:00"),
        ("每周二、四 8:30–11:00", Weekly(YEAR_2021, (1, 3), MORNING), "每周二、四 8:30–11:00"),
        ("每周二、四8:30至11:00", Weekly(YEAR_2021, (1, 3), MORNING), "每周二、四 8:30–11:00"),
        ("每周二和周四 8:30-11:00", Weekly(YEAR_2021, (1, 3), MORNING), "每周二、四 8:30–11:00"),
        (
            "每星期二、星期四 8:30-11:00",
            Weekly(YEAR_2021, (1, 3), MORNING),
            "每周二、四 8:30–11:00",
        ),
        # full-width digits, colon and comma from a Chinese input method
        (
            "每周２，４ ８：３０－１１：００",
            Weekly(YEAR_2021, (1, 3), MORNING),
            "每周二、四 8:30–11:00",
        ),
        ("每周一至周五", Weekly(YEAR_2021, (0, 1, 2, 3, 4)), "每周一至五"),
        ("每周一到五", Weekly(YEAR_2021, (0, 1, 2, 3, 4)), "每周一至五"),
        ("每周一至三、五", Weekly(YEAR_2021, (0, 1, 2, 4)), "每周一至三、五"),
        ("每周六、日", Weekly(YEAR_2021, (5, 6)), "每周六、日"),
        ("每周六、周天", Weekly(YEAR_2021, (5, 6)), "每周六、日"),
        (
            "每周三下午",
            Weekly(YEAR_2021, (2,), ClockRange(time(14, 30), time(17, 30)), DayPart.AFTERNOON),
            "每周三下午",
        ),
        (
            "每周六上午",
            Weekly(YEAR_2021, (5,), ClockRange(time(8, 30), time(11, 30)), DayPart.MORNING),
            "每周六上午",
        ),
        (
            "每周五晚上",
            Weekly(YEAR_2021, (4,), ClockRange(time(19), time(21)), DayPart.EVENING),
            "每周五晚上",
        ),
        # a clock time written with 下午 is in the afternoon, and replaces the part's default
        (
            "每周三下午2:30-4:30",
            Weekly(YEAR_2021, (2,), ClockRange(time(14, 30), time(16, 30))),
            "每周三 14:30–16:30",
        ),
        (
            "7月13日至8月18日每周二、四 8:30—11:00",
            Weekly(SUMMER, (1, 3), MORNING),
            "7月13日-8月18日每周二、四 8:30–11:00",
        ),
        (
            "7月13日-8月18日，每周二、四",
            Weekly(SUMMER, (1, 3)),
            "7月13日-8月18日每周二、四",
        ),
        (
            "7-8月每周六上午",
            Weekly(
                DateSpan(date(2021, 7, 1), date(2021, 8, 31)),
                (5,),
                DEFAULT_DAY_PARTS.morning,
                DayPart.MORNING,
            ),
            "7月1日-8月31日每周六上午",
        ),
        (
            "暑假期间每周三",
            Weekly(DateSpan(date(2021, 7, 5), date(2021, 8, 31)), (2,)),
            "7月5日-8月31日每周三",
        ),
        (
            "全年每周二 8:30-11:00",
            Weekly(YEAR_2021, (1,), MORNING),
            "每周二 8:30–11:00",
        ),
    ],
)
def test_weekly_spellings(text: str, expected: Weekly, canonical: str) -> None:
    when = parse_when(text, 2021, holidays=HOLIDAYS)
    assert when == expected
    assert str(when) == canonical
    assert parse_when(canonical, 2021) == when
    assert parse_when(qualified(when), 2019, last_year=2023) == when


def test_one_weekday_all_year_without_a_time_stays_a_repeat() -> None:
    assert parse_when("每周三", 2021) == Repeat(2021, Every.WEEK, 2)
    assert parse_when("全年每周三", 2021) == Repeat(2021, Every.WEEK, 2)
    with pytest.raises(PlanError) as info:
        Weekly(YEAR_2021, (2,))
    assert info.value.problems[0].code == "weekly-is-repeat"


def test_the_summer_class_comes_round_eleven_times() -> None:
    when = parse_when("7月13日至8月18日每周二、四 8:30—11:00", 2021)
    assert isinstance(when, Weekly)
    days = [13, 15, 20, 22, 27, 29]
    expected = [date(2021, 7, d) for d in days] + [date(2021, 8, d) for d in (3, 5, 10, 12, 17)]
    assert list(when.days()) == expected
    assert when.span == SUMMER
    starts = when.occurrences()
    assert [start.date() for start in starts] == expected
    assert all(start.tzinfo == DEFAULT_ZONE and start.time() == time(8, 30) for start in starts)
    assert occurrences(when) == tuple(DateSpan(day, day) for day in expected)
    # UNTIL is the end of 18 August in Shanghai, in UTC as RFC 5545 asks
    assert when.rule == "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20210818T155959Z"


def test_a_class_without_a_time_runs_all_day_until_its_last_day() -> None:
    when = parse_when("每周二、四", 2021)
    assert isinstance(when, Weekly)
    assert when.rule == "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20211231"
    assert when.occurrences()[0] == datetime(2021, 1, 5, tzinfo=DEFAULT_ZONE)
    assert len(when.days()) == 52 + 52


@pytest.mark.parametrize(
    ("text", "within", "canonical"),
    [
        ("3月8日每周一", DateSpan(date(2021, 3, 8), date(2021, 3, 8)), "3月8日每周一"),
        (
            "11月至次年2月每周三",
            DateSpan(date(2021, 11, 1), date(2022, 2, 28)),
            "11月1日-次年2月28日每周三",
        ),
        (
            "11月-2023年2月每周三",
            DateSpan(date(2021, 11, 1), date(2023, 2, 28)),
            "11月1日-2023年2月28日每周三",
        ),
    ],
)
def test_a_class_bounded_by_one_day_or_over_a_years_turn(
    text: str, within: DateSpan, canonical: str
) -> None:
    when = parse_when(text, 2021)
    assert when == Weekly(within, (0,) if "一" in text else (2,))
    assert str(when) == canonical
    assert parse_when(canonical, 2021) == when


def test_every_kind_comes_round_through_one_function() -> None:
    late = parse_when("2021-03-01T23:00/PT2H RRULE:FREQ=DAILY;COUNT=2", 2021)
    # a session past midnight takes both days
    assert occurrences(late) == (
        DateSpan(date(2021, 3, 1), date(2021, 3, 2)),
        DateSpan(date(2021, 3, 2), date(2021, 3, 3)),
    )
    assert occurrences(parse_when("每季度", 2021)) == tuple(
        DateSpan(date(2021, m, 1), date(2021, m, 1)) for m in (1, 4, 7, 10)
    )
    assert occurrences(parse_when("4月下旬", 2021)) == (
        DateSpan(date(2021, 4, 21), date(2021, 4, 30)),
    )
    with pytest.raises(TypeError, match="when"):
        occurrences("4月")  # type: ignore[arg-type]


def test_a_plan_sets_its_own_parts_of_the_day() -> None:
    own = DayParts(afternoon=ClockRange(time(14), time(16)))
    when = parse_when("每周三下午", 2021, day_parts=own)
    assert when == Weekly(YEAR_2021, (2,), ClockRange(time(14), time(16)), DayPart.AFTERNOON)
    assert str(when) == "每周三下午"
    assert parse_when(str(when), 2021, day_parts=own) == when
    assert parse_when(str(when), 2021) != when  # the default afternoon is 14:30–17:30
    assert own.clock(DayPart.MORNING) == DEFAULT_DAY_PARTS.morning


def test_a_weekly_class_in_a_plan_of_several_years() -> None:
    when = parse_when("每周二、四 8:30-11:00", 2011, last_year=2015)
    assert when == Weekly(DateSpan(date(2011, 1, 1), date(2015, 12, 31)), (1, 3), MORNING)
    assert qualified(when) == "2011-2015年每周二、四 8:30–11:00"
    assert parse_when(qualified(when), 2010, last_year=2016) == when
    one_year = parse_when("2013年每周三下午", 2011, last_year=2015)
    assert isinstance(one_year, Weekly)
    assert one_year.span == DateSpan(date(2013, 1, 1), date(2013, 12, 31))
    assert qualified(one_year) == "2013年每周三下午"
    summer = parse_when("2012年7月13日至8月18日每周二", 2011, last_year=2015)
    assert isinstance(summer, Weekly)
    assert summer.span == DateSpan(date(2012, 7, 13), date(2012, 8, 18))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("每周五至周一", "span-order"),
        ("每周三 11:00-8:30", "span-order"),
        ("每周三 25:00-26:00", "bad-when"),
        ("8月2日至8月3日每周五", "weekly-empty"),
        ("每周八", "bad-when"),
        ("2021-03-08T14:30/PT2H每周三", "bad-when"),
        ("每月每周三", "bad-when"),
    ],
)
def test_bad_weekly_spellings_name_the_problem(text: str, code: str) -> None:
    with pytest.raises(PlanError) as info:
        parse_when(text, 2021)
    problem = info.value.problems[0]
    assert problem.code == code
    assert problem.message("en")
    assert problem.message("zh")


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("周二、四 8:30-11:00", "每周二、四 8:30–11:00"),
        ("星期一至星期五", "每周一至五"),
        ("周三下午", "每周三下午"),
    ],
)
def test_a_class_without_every_suggests_it(text: str, suggestion: str) -> None:
    with pytest.raises(PlanError) as info:
        parse_when(text, 2021)
    problem = info.value.problems[0]
    assert problem.code == "bad-when-close"
    assert problem.suggestion == suggestion


def test_a_bounded_class_in_a_plan_of_several_years_needs_its_year() -> None:
    with pytest.raises(PlanError) as info:
        parse_when("7月13日至8月18日每周二", 2011, last_year=2015)
    problem = info.value.problems[0]
    assert problem.code == "needs-year-close"
    assert problem.suggestion == "2011年7月13日-8月18日每周二"


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda: Weekly(YEAR_2021, (7,)), "bad-weekdays"),
        (lambda: Weekly(YEAR_2021, ()), "bad-weekdays"),
        (lambda: Weekly(YEAR_2021, (1, 3), None, DayPart.MORNING), "bad-weekdays-part"),
        (lambda: Weekly(DateSpan(date(2000, 1, 1), date(2009, 12, 31)), range(7)), "too-many-days"),
        (lambda: Weekly(DateSpan(date(2021, 8, 2), date(2021, 8, 3)), (4,)), "weekly-empty"),
        (lambda: ClockRange(time(8, 30, 15), time(11)), "bad-clock"),
        (lambda: ClockRange(time(8, 30, tzinfo=UTC), time(11)), "bad-clock"),
        (lambda: ClockRange(time(11), time(8, 30)), "span-order"),
        (lambda: Repeat(2000, Every.MONTH, last_year=2100), "too-many-days"),
        (lambda: Repeat(2021, Every.MONTH, last_year=2021), "span-order"),
    ],
)
def test_a_weekly_value_built_in_code_is_checked(make: object, code: str) -> None:
    with pytest.raises(PlanError) as info:
        make()  # type: ignore[operator]
    problem = info.value.problems[0]
    assert problem.code == code
    assert problem.message("en") != problem.message("zh")


def test_a_wrongly_typed_weekly_names_its_field() -> None:
    with pytest.raises(TypeError, match=r"Weekly\.weekdays\[0\] must be int"):
        Weekly(YEAR_2021, ("二",))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Weekly\.weekdays"):
        Weekly(YEAR_2021, 2)  # type: ignore[arg-type]


def _plan(*activities: Activity) -> Plan:
    return Plan(
        id="t-2021",
        township=Township("金山镇", "临淄区", "淄博市", "山东省"),
        year=2021,
        title="测试计划",
        schedule=Schedule(activities),
    )


def test_the_calendar_shows_a_weekly_class_by_its_weekdays() -> None:
    summer = parse_when("7月13日至8月18日每周二、四 8:30—11:00", 2021)
    plan = _plan(
        Activity("summer", "暑期课堂", summer),
        Activity("talk", "讲座", parse_when("每周二、四", 2021), when_text="每周二、四"),
    )
    data = to_ics(plan, stamp=datetime(2021, 1, 1, tzinfo=UTC))
    check_events(plan, plan.activities, data)
    text = data.decode().replace("\r\n ", "")
    assert "DTSTART;TZID=Asia/Shanghai:20210713T083000" in text
    assert "DTEND;TZID=Asia/Shanghai:20210713T110000" in text
    assert "RRULE:FREQ=WEEKLY;UNTIL=20210818T155959Z;BYDAY=TU,TH" in text
    assert "BEGIN:VTIMEZONE" in text
    assert "时间：7月13日-8月18日每周二、四 8:30–11:00" in text
    assert "DTSTART;VALUE=DATE:20210105" in text
    assert "RRULE:FREQ=WEEKLY;UNTIL=20211231;BYDAY=TU,TH" in text
    assert "时间：每周二、四" in text


def test_a_weekly_to_do_is_due_when_each_class_ends() -> None:
    plan = _plan(Activity("summer", "暑期课堂", parse_when("每周三 8:30-11:00", 2021)))
    data = to_ics(plan, stamp=datetime(2021, 1, 1, tzinfo=UTC), component="todo")
    text = data.decode()
    assert "DUE;TZID=Asia/Shanghai:20210106T110000" in text


# -- properties ---------------------------------------------------------------------------------


@given(st.data())
def test_a_weekly_class_reads_back_from_its_spelling(data: st.DataObject) -> None:
    year = data.draw(s.years)
    when = data.draw(s.weeklies(year))
    assert parse_when(str(when), year) == when
    assert parse_when(qualified(when), year - 1, last_year=year + 1) == when


@given(st.data())
def test_a_weekly_class_of_several_years_reads_back(data: st.DataObject) -> None:
    first = data.draw(s.years)
    last = data.draw(st.integers(first + 1, first + 4))
    when = data.draw(s.weeklies(first, last))
    assert parse_when(str(when), first, last_year=last) == when
    assert parse_when(qualified(when), first - 1, last_year=last + 1) == when


@settings(deadline=None)
@given(st.data())
def test_the_class_days_are_exactly_the_weekdays_of_the_span(data: st.DataObject) -> None:
    when = data.draw(s.weeklies(data.draw(s.years)).filter(lambda w: isinstance(w, Weekly)))
    assert isinstance(when, Weekly)
    every_day = [when.within.first + timedelta(days=n) for n in range(when.within.days)]
    assert list(when.days()) == [d for d in every_day if d.weekday() in when.weekdays]
    assert 0 < len(when.days()) <= MAX_OCCURRENCES
    # dateutil, reading the rule a calendar gets, finds the same classes
    if when.clock is None:  # all day: a date DTSTART, a date UNTIL
        found = rrulestr(when.rule, dtstart=datetime.combine(when.days()[0], time()))
        assert tuple(start.date() for start in found) == when.days()
    else:
        assert tuple(rrulestr(when.rule, dtstart=when.occurrences()[0])) == when.occurrences()
