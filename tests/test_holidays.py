"""Statutory holidays and make-up working days (调休): the arrangement, the rule, the page."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu import Activity, Day, Month, Recurrence, Repeat, Session, Status, check
from commedu.compliance.examples import example_plan
from commedu.compliance.holidays import scheduled_days
from commedu.model.holidays import holiday_year
from commedu.model.parts import Schedule
from commedu.model.plan import Plan
from commedu.model.when import Every
from commedu.web.glance import glance_html

SHANGHAI = ZoneInfo("Asia/Shanghai")

#: 国务院办公厅关于2021年部分节假日安排的通知 (国办发明电〔2020〕27号): the breaks and the
#: weekend days worked, as the notice states them.
NOTICE_2021 = {
    "元旦": (date(2021, 1, 1), date(2021, 1, 3)),
    "春节": (date(2021, 2, 11), date(2021, 2, 17)),
    "清明节": (date(2021, 4, 3), date(2021, 4, 5)),
    "劳动节": (date(2021, 5, 1), date(2021, 5, 5)),
    "端午节": (date(2021, 6, 12), date(2021, 6, 14)),
    "中秋节": (date(2021, 9, 19), date(2021, 9, 21)),
    "国庆节": (date(2021, 10, 1), date(2021, 10, 7)),
}
WORKED_2021 = {
    date(2021, 2, 7),
    date(2021, 2, 20),
    date(2021, 4, 25),
    date(2021, 5, 8),
    date(2021, 9, 18),
    date(2021, 9, 26),
    date(2021, 10, 9),
}


def test_the_2021_arrangement_is_the_state_councils_notice() -> None:
    arrangement = holiday_year(2021)
    assert arrangement is not None
    assert {b.name.zh: (b.first, b.last) for b in arrangement.breaks} == NOTICE_2021
    assert set(arrangement.workdays) == WORKED_2021
    assert all(b.name.en and b.name.en != b.name.zh for b in arrangement.breaks)


def test_a_make_up_saturday_is_a_working_day_and_a_weekday_in_a_break_is_not() -> None:
    arrangement = holiday_year(2021)
    assert arrangement is not None
    assert date(2021, 2, 20).weekday() == 5
    assert arrangement.is_working_day(date(2021, 2, 20))
    assert not arrangement.is_working_day(
        date(2021, 10, 6)
    )  # a Wednesday in the National Day break
    assert not arrangement.is_working_day(date(2021, 3, 6))  # an ordinary Saturday
    assert arrangement.is_working_day(date(2021, 3, 8))


@given(st.dates(date(2021, 1, 1), date(2021, 12, 31)))
def test_a_day_is_worked_exactly_when_it_is_a_weekday_outside_the_breaks_or_made_up(
    day: date,
) -> None:
    arrangement = holiday_year(2021)
    assert arrangement is not None
    in_break = any(first <= day <= last for first, last in NOTICE_2021.values())
    expected = day in WORKED_2021 or (day.weekday() < 5 and not in_break)
    assert arrangement.is_working_day(day) is expected
    assert (arrangement.break_on(day) is not None) is in_break


@pytest.mark.parametrize("year", [1900, 2101, 2999])
def test_a_year_outside_the_table_is_unknown(year: int) -> None:
    assert holiday_year(year) is None


def test_a_year_whose_notice_is_not_out_is_unknown_not_guessed() -> None:
    assert holiday_year(2090) is None


@pytest.mark.parametrize("year", ["2021", 2021.0, True, None])
def test_a_year_that_is_not_an_int_is_named(year: object) -> None:
    with pytest.raises(TypeError, match="'year' must be int"):
        holiday_year(year)  # type: ignore[arg-type]


def _with(*activities: Activity, last_year: int | None = None) -> Plan:
    plan = example_plan()
    rest = tuple(a for a in plan.activities if a.id not in {x.id for x in activities})
    return attrs.evolve(plan, schedule=Schedule((*activities, *rest)), last_year=last_year)


def _activity(when: object, id: str = "m10") -> Activity:
    return attrs.evolve(example_plan().schedule.activities[9], id=id, when=when)


def test_the_example_plan_puts_no_dated_work_in_a_break() -> None:
    result = check(example_plan(), select=["CE309"]).result("CE309")
    assert result.status is Status.PASS


def test_a_session_in_the_national_day_break_is_found_with_its_place() -> None:
    session = Session(datetime(2021, 10, 3, 9, 0, tzinfo=SHANGHAI), timedelta(hours=2))
    plan = _with(_activity(session))
    result = check(plan, select=["CE309"]).result("CE309")
    assert result.status is Status.FAIL
    (finding,) = result.findings
    index = next(i for i, a in enumerate(plan.activities) if a.when == session)
    assert finding.path == f"schedule.activities[{index}]"
    assert "2021-10-03 (National Day)" in finding.message("en")
    assert "10月3日（国庆节）" in finding.message("zh")


def test_a_weekly_class_through_a_break_lists_its_days_and_counts_the_rest() -> None:
    start = datetime(2021, 9, 27, 19, 0, tzinfo=SHANGHAI)
    weekly = Recurrence(start, timedelta(hours=1), "FREQ=DAILY;COUNT=14")
    plan = _with(_activity(weekly))
    (finding,) = check(plan, select=["CE309"]).result("CE309").findings
    text = finding.message("en")
    assert text.count("(National Day)") == 5
    assert text.endswith("and 2 more")  # 1–7 October: seven days, five shown


def test_a_make_up_working_saturday_is_not_a_holiday() -> None:
    plan = _with(_activity(Day(date(2021, 2, 20))))
    assert check(plan, select=["CE309"]).result("CE309").status is Status.PASS


def test_a_month_or_a_monthly_item_is_not_judged_by_its_first_day() -> None:
    plan = _with(_activity(Month(2021, 10)), _activity(Repeat(2021, Every.MONTH), id="m11"))
    assert check(plan, select=["CE309"]).result("CE309").status is Status.PASS
    assert scheduled_days(_activity(Repeat(2021, Every.MONTH))) == ()
    wednesdays = scheduled_days(_activity(Repeat(2021, Every.WEEK, 2)))
    assert len(wednesdays) == 52
    assert all(d.weekday() == 2 for d in wednesdays)


def _in_year(year: int) -> Plan:
    """The example plan moved to ``year``, its schedule kept month for month."""
    plan = example_plan()
    moved = tuple(
        attrs.evolve(a, when=Month(year, a.when.span.first.month)) for a in plan.activities
    )
    return attrs.evolve(plan, year=year, schedule=Schedule(moved))


def test_a_year_whose_arrangement_is_unknown_is_not_evaluable_and_says_which() -> None:
    result = check(_in_year(2090), select=["CE309"]).result("CE309")
    assert result.status is Status.NOT_EVALUABLE
    assert result.missing == ("holidays",)
    assert "2090" in result.message("zh")
    assert "国务院节假日安排" in result.message("zh")


@pytest.mark.parametrize(
    ("lang", "holiday", "workday"),
    [("zh", "国庆节放假", "调休上班"), ("en", "National Day (days off)", "Make-up working day")],
)
def test_the_year_at_a_glance_marks_breaks_and_make_up_days(
    lang: str, holiday: str, workday: str
) -> None:
    page = glance_html(example_plan(), lang=lang).decode()
    assert holiday in page
    assert "10-01–10-07" in page
    assert page.count(workday) == len(WORKED_2021)


def test_a_year_without_a_known_arrangement_marks_nothing() -> None:
    assert "调休上班" not in glance_html(_in_year(2090), lang="zh").decode()
