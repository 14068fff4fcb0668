"""Plans keep the wording of their *when*, state school holidays, and may span several years."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from commedu import (
    Activity,
    Month,
    Plan,
    PlanError,
    PlanFileError,
    Schedule,
    SchoolHoliday,
    Township,
    check,
    dumps_plan,
    loads_plan,
    parse_when,
    to_ics,
)
from tests.icalcheck import parse_both

STAMP = datetime(2021, 1, 1, tzinfo=UTC)

HEAD = """\
id = "x-{year}"
year = {year}
title = "某镇社区教育工作计划"
{extra}
[township]
name = "某镇"
district = "某区"
city = "某市"
province = "山东省"
"""


def _plan(whens: list[str], year: int = 2021, extra: str = "") -> str:
    text = HEAD.format(year=year, extra=extra)
    for i, when in enumerate(whens):
        text += f'\n[[schedule.activities]]\nid = "a{i}"\ntitle = "活动{i}"\nwhen = "{when}"\n'
    return text


HOLIDAYS = """
[[school_holidays]]
name = "暑假"
first = 2021-07-05
last = 2021-08-31
"""


def test_the_wording_is_kept_beside_the_value_and_written_back() -> None:
    plan = loads_plan(_plan(["9月份", "4月", "十月", "春节前后"]))
    assert [a.when_text for a in plan.activities] == ["9月份", "", "十月", ""]
    assert [a.wording for a in plan.activities] == ["9月份", "4月", "十月", "春节前后"]
    assert plan.activities[0].when == Month(2021, 9)
    text = dumps_plan(plan)
    assert 'when = "9月份"' in text
    assert 'when = "十月"' in text
    assert loads_plan(text) == plan
    assert loads_plan(dumps_plan(plan, "json"), "json") == plan


def test_calendars_show_the_plans_own_wording() -> None:
    plan = loads_plan(_plan(["9月份", "每周三"]))
    first, _ = parse_both(to_ics(plan, stamp=STAMP))
    descriptions = sorted(str(e["DESCRIPTION"]) for e in first.walk("VEVENT"))
    assert descriptions == ["时间：9月份", "时间：每周三"]
    english, _ = parse_both(to_ics(plan, stamp=STAMP, lang="en"))
    assert "When: 9月份" in [str(e["DESCRIPTION"]) for e in english.walk("VEVENT")]


def test_reports_quote_the_plans_own_wording() -> None:
    plan = loads_plan(_plan(["9月份"]))
    # The activity names no responsible department, so the report quotes its *when*.
    texts = [
        (f.message.en, f.message.zh)
        for r in check(plan).results
        for f in getattr(r.outcome, "findings", ())
        if f.path == "schedule.activities[0].responsible"
    ]
    assert texts
    assert all("(9月份)" in en and "（9月份）" in zh for en, zh in texts)


def test_school_holidays_are_read_written_and_used() -> None:
    plan = loads_plan(_plan(["暑假期间"], extra=HOLIDAYS))
    assert plan.school_holidays == (SchoolHoliday("暑假", date(2021, 7, 5), date(2021, 8, 31)),)
    span = plan.activities[0].when.span
    assert (span.first, span.last) == (date(2021, 7, 5), date(2021, 8, 31))
    assert loads_plan(dumps_plan(plan)) == plan
    assert loads_plan(dumps_plan(plan, "json"), "json") == plan


def test_a_school_holiday_the_plan_does_not_state_is_a_problem_at_its_place() -> None:
    with pytest.raises(PlanFileError) as info:
        loads_plan(_plan(["4月", "暑假期间"]))
    [problem] = info.value.problems
    assert problem.path == "schedule.activities[1].when"
    assert problem.code == "no-school-holiday"


def test_bad_school_holidays_are_reported_where_they_stand() -> None:
    bad = '\n[[school_holidays]]\nname = "暑假"\nfirst = 2021-08-31\nlast = 2021-07-01\n'
    with pytest.raises(PlanFileError) as info:
        loads_plan(_plan(["4月"], extra=bad))
    assert [(p.path, p.code) for p in info.value.problems] == [
        ("school_holidays[0].last", "span-order")
    ]


FIVE_YEARS = "last_year = 2015\n"


def test_a_plan_spanning_years_reads_and_writes_its_period() -> None:
    plan = loads_plan(_plan(["2013年3月", "2012-2013年", "2015年第四季度"], 2011, FIVE_YEARS))
    assert plan.year == 2011
    assert plan.last_year == 2015
    assert plan.years == range(2011, 2016)
    assert [a.when.span.first.year for a in plan.activities] == [2013, 2012, 2015]
    text = dumps_plan(plan)
    assert "last_year = 2015" in text
    assert 'when = "2013年3月"' in text
    assert loads_plan(text) == plan


def test_a_plan_spanning_years_written_in_python_writes_each_year() -> None:
    plan = Plan(
        id="shier-wu",
        township=Township("某镇", "某区", "某市", "山东省"),
        year=2011,
        last_year=2015,
        title="十二五社区教育规划",
        schedule=Schedule((Activity("a", "评估", parse_when("2014年6月", 2011, last_year=2015)),)),
    )
    text = dumps_plan(plan)
    assert 'when = "2014年6月"' in text
    again = loads_plan(text)
    assert again.activities[0].when == Month(2014, 6)
    assert dumps_plan(again) == text


def test_an_unqualified_when_in_a_plan_spanning_years_suggests_its_year() -> None:
    with pytest.raises(PlanFileError) as info:
        loads_plan(_plan(["3月"], 2011, FIVE_YEARS))
    [problem] = info.value.problems
    assert problem.code == "needs-year-close"
    assert problem.suggestion == "2011年3月"


def test_dates_outside_the_period_are_refused() -> None:
    with pytest.raises(PlanError) as info:
        Plan(
            id="p",
            township=Township("某镇", "", "", "山东省"),
            year=2011,
            last_year=2015,
            title="规划",
            schedule=Schedule((Activity("a", "评估", Month(2016, 6)),)),
        )
    [problem] = info.value.problems
    assert problem.code == "outside-year"
    assert "2011-2015" in problem.message("en")


def test_the_period_must_end_after_it_starts() -> None:
    with pytest.raises(PlanFileError) as info:
        loads_plan(_plan(["4月"], 2015, "last_year = 2011\n"))
    assert [(p.path, p.code) for p in info.value.problems] == [("last_year", "span-order")]


def test_a_calendar_of_a_plan_spanning_years_names_the_period_and_holds_every_year() -> None:
    plan = loads_plan(_plan(["2011年3月", "2015年10月"], 2011, FIVE_YEARS))
    first, _ = parse_both(to_ics(plan, stamp=STAMP))
    assert "2011—2015" in str(first["X-WR-CALNAME"])
    starts = sorted(e.start for e in first.walk("VEVENT"))
    assert starts == [date(2011, 3, 1), date(2015, 10, 1)]


def test_a_winter_holiday_that_began_the_year_before_counts_in_the_plan_year() -> None:
    winter = (SchoolHoliday("寒假", date(2020, 12, 28), date(2021, 2, 20)),)
    when = parse_when("寒假", 2021, holidays=winter)
    assert (when.span.first, when.span.last) == (date(2020, 12, 28), date(2021, 2, 20))


def test_a_repeat_exports_as_a_recurring_all_day_todo() -> None:
    plan = loads_plan(_plan(["每季度"]))
    first, _ = parse_both(to_ics(plan, stamp=STAMP, component="todo"))
    [todo] = first.walk("VTODO")
    # due on its own day: from its start to 23:59, on the reader's clock (tests/test_ical_time.py)
    assert todo.decoded("DTSTART") == datetime(2021, 1, 1, 0, 0)
    assert todo.decoded("DUE") == datetime(2021, 1, 1, 23, 59)
    assert todo["RRULE"].to_ical() == b"FREQ=MONTHLY;UNTIL=20211231T235900;INTERVAL=3"


def test_a_month_filter_keeps_those_months_of_every_year_of_the_period() -> None:
    plan = loads_plan(_plan(["2011年3月", "2014年3月", "2015年10月"], 2011, FIVE_YEARS))
    first, _ = parse_both(to_ics(plan, stamp=STAMP, months=(3, 3)))
    assert sorted(e.start for e in first.walk("VEVENT")) == [date(2011, 3, 1), date(2014, 3, 1)]
