"""The *when* forms beyond months and days: periods, mixed ranges, weeks, repeats, occasions."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu import (
    Day,
    Deadline,
    Every,
    LabelledDay,
    MixedSpan,
    Month,
    MonthSpan,
    NamedPeriod,
    Occasion,
    Part,
    Period,
    PlanError,
    Problem,
    Relation,
    Repeat,
    SchoolHoliday,
    WeekOfMonth,
    YearSpan,
    parse_when,
    qualified,
)
from tests import strategies as s

HOLIDAYS = (
    SchoolHoliday("寒假", date(2021, 1, 25), date(2021, 2, 25)),
    SchoolHoliday("暑假", date(2021, 7, 5), date(2021, 8, 31)),
)


@pytest.mark.parametrize(
    ("text", "canonical", "first", "last"),
    [
        ("全年", "全年", date(2021, 1, 1), date(2021, 12, 31)),
        ("全年度", "全年", date(2021, 1, 1), date(2021, 12, 31)),
        ("上半年", "上半年", date(2021, 1, 1), date(2021, 6, 30)),
        ("下半年", "下半年", date(2021, 7, 1), date(2021, 12, 31)),
        ("第一季度", "第一季度", date(2021, 1, 1), date(2021, 3, 31)),
        ("二季度", "第二季度", date(2021, 4, 1), date(2021, 6, 30)),
        ("第3季度", "第三季度", date(2021, 7, 1), date(2021, 9, 30)),
        ("第四季度", "第四季度", date(2021, 10, 1), date(2021, 12, 31)),
        ("每月", "每月", date(2021, 1, 1), date(2021, 12, 31)),
        ("每个月", "每月", date(2021, 1, 1), date(2021, 12, 31)),
        ("每季度", "每季度", date(2021, 1, 1), date(2021, 12, 31)),
        ("每周三", "每周三", date(2021, 1, 1), date(2021, 12, 31)),
        ("每星期日", "每周日", date(2021, 1, 1), date(2021, 12, 31)),
        ("9月第1周", "9月第1周", date(2021, 9, 1), date(2021, 9, 5)),
        ("9月第二周", "9月第2周", date(2021, 9, 6), date(2021, 9, 12)),
        ("9月第5周", "9月第5周", date(2021, 9, 27), date(2021, 9, 30)),
        ("10月下旬至11月上旬", "10月下旬-11月上旬", date(2021, 10, 21), date(2021, 11, 10)),
        ("2月下旬-5月", "2月下旬-5月", date(2021, 2, 21), date(2021, 5, 31)),
        ("7月中旬-8月", "7月中旬-8月", date(2021, 7, 11), date(2021, 8, 31)),
        ("3月-4月上旬", "3月-4月上旬", date(2021, 3, 1), date(2021, 4, 10)),
        ("春节前后", "春节前后", date(2021, 2, 5), date(2021, 2, 19)),
        ("春节期间", "春节期间", date(2021, 2, 12), date(2021, 2, 18)),
        ("元旦前", "元旦前", date(2021, 12, 25), date(2021, 12, 31)),
        ("国庆节期间", "国庆节期间", date(2021, 10, 1), date(2021, 10, 7)),
        ("国庆期间", "国庆节期间", date(2021, 10, 1), date(2021, 10, 7)),
        ("重阳节", "重阳节", date(2021, 10, 14), date(2021, 10, 14)),
        ("老年节前后", "重阳节前后", date(2021, 10, 7), date(2021, 10, 21)),
        ("中秋节前", "中秋节前", date(2021, 9, 14), date(2021, 9, 20)),
        ("清明", "清明节", date(2021, 4, 4), date(2021, 4, 4)),
        ("农民丰收节", "中国农民丰收节", date(2021, 9, 23), date(2021, 9, 23)),
        ("暑假期间", "暑假期间", date(2021, 7, 5), date(2021, 8, 31)),
        ("寒假", "寒假", date(2021, 1, 25), date(2021, 2, 25)),
        ("暑假前", "暑假前", date(2021, 6, 28), date(2021, 7, 4)),
        ("3月5日学雷锋日", "3月5日学雷锋日", date(2021, 3, 5), date(2021, 3, 5)),
        ("2021年3月", "3月", date(2021, 3, 1), date(2021, 3, 31)),
        ("2021年", "全年", date(2021, 1, 1), date(2021, 12, 31)),
        ("十月", "10月", date(2021, 10, 1), date(2021, 10, 31)),
        ("9月份", "9月", date(2021, 9, 1), date(2021, 9, 30)),
        ("十二月", "12月", date(2021, 12, 1), date(2021, 12, 31)),
        ("三月五日", "3月5日", date(2021, 3, 5), date(2021, 3, 5)),
        ("七至八月份", "7-8月", date(2021, 7, 1), date(2021, 8, 31)),
        ("１０月下旬", "10月下旬", date(2021, 10, 21), date(2021, 10, 31)),
    ],
)
def test_each_form_has_a_canonical_spelling_and_span(
    text: str, canonical: str, first: date, last: date
) -> None:
    when = parse_when(text, 2021, holidays=HOLIDAYS)
    assert str(when) == canonical
    assert (when.span.first, when.span.last) == (first, last)
    assert parse_when(canonical, 2021, holidays=HOLIDAYS) == when


def test_the_forms_read_to_their_own_kinds() -> None:
    assert parse_when("下半年", 2021) == NamedPeriod(2021, Period.SECOND_HALF)
    assert parse_when("每周三", 2021) == Repeat(2021, Every.WEEK, 2)
    assert parse_when("9月第2周", 2021) == WeekOfMonth(2021, 9, 2)
    assert parse_when("2月下旬-5月", 2021) == MixedSpan(2021, 2, Part.LATE, 5, None)
    assert parse_when("七一前后", 2021) == Occasion(
        2021, "建党节", Relation.AROUND, date(2021, 7, 1), date(2021, 7, 1)
    )
    assert parse_when("3月5日学雷锋日", 2021) == LabelledDay(date(2021, 3, 5), "学雷锋日")
    # Forms that already had a kind keep it: a deadline is not a labelled day, 7-8月 not mixed.
    assert parse_when("3月5日前", 2021) == Deadline(date(2021, 3, 5))
    assert parse_when("7月-8月", 2021) == MonthSpan(2021, 7, 8)
    assert parse_when("3月8日", 2021) == Day(date(2021, 3, 8))


def test_observances_move_with_the_year() -> None:
    assert parse_when("春节", 2024).span.first == date(2024, 2, 10)
    assert parse_when("中秋节", 2021).span.first == date(2021, 9, 21)
    assert parse_when("全国助残日", 2024).span.first == date(2024, 5, 19)


def test_repeats_come_round_on_their_days() -> None:
    assert Repeat(2021, Every.MONTH).days() == tuple(date(2021, m, 1) for m in range(1, 13))
    assert Repeat(2021, Every.QUARTER).days() == tuple(date(2021, m, 1) for m in (1, 4, 7, 10))
    wednesdays = Repeat(2021, Every.WEEK, 2).days()
    assert len(wednesdays) == 52
    assert wednesdays[0] == date(2021, 1, 6)
    assert all(d.weekday() == 2 for d in wednesdays)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("9月第6周", "no-such-week"),
        ("2月第6周", "no-such-week"),
        ("5月上旬-4月", "span-order"),
        ("2022年3月", "year-mismatch"),
        ("十三月", "not-a-month"),
        ("2月30日学雷锋日", "bad-date"),
        ("3月5日前后", "bad-when"),
    ],
)
def test_bad_forms_name_the_problem(text: str, code: str) -> None:
    with pytest.raises(PlanError) as info:
        parse_when(text, 2021)
    assert [p.code for p in info.value.problems] == [code]
    assert info.value.describe("zh")
    assert info.value.describe("en")


def test_repeat_and_mixed_span_refuse_what_they_cannot_mean() -> None:
    with pytest.raises(PlanError):
        Repeat(2021, Every.WEEK)
    with pytest.raises(PlanError):
        Repeat(2021, Every.MONTH, 3)
    with pytest.raises(PlanError):
        MixedSpan(2021, 3, None, 5, None)
    with pytest.raises(PlanError):
        YearSpan(2015, 2011)
    with pytest.raises(PlanError):
        Occasion(2021, "暑假", Relation.DURING, date(2021, 8, 31), date(2021, 7, 1))


@pytest.mark.parametrize("text", ["暑假期间", "寒假", "暑假前后"])
def test_a_school_holiday_without_the_plans_dates_is_a_problem_naming_the_fix(text: str) -> None:
    with pytest.raises(PlanError) as info:
        parse_when(text, 2021)
    problem = info.value.problems[0]
    assert problem.code == "no-school-holiday"
    assert "[[school_holidays]]" in problem.message("en")
    assert "[[school_holidays]]" in problem.message("zh")


def test_a_holiday_of_another_year_does_not_count() -> None:
    with pytest.raises(PlanError) as info:
        parse_when("暑假期间", 2022, holidays=HOLIDAYS)
    assert info.value.problems[0].code == "no-school-holiday"


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("4月上甸", "4月上旬"),
        ("4、5月", "4-5月"),
        ("4和5月", "4-5月"),
        ("4-5", "4-5月"),
        ("4", "4月"),
        ("3/8", "3月8日"),
        ("3.8", "3月8日"),
        ("2021.3.8", "3月8日"),
        ("2021/4", "4月"),
        ("4月左右", "4月"),
        ("4月初", "4月上旬"),
        ("4月中", "4月中旬"),
        ("周三", "每周三"),
        ("周3", "每周三"),
        ("3月8曰", "3月8日"),
        ("7月举行", "7月"),
    ],
)
def test_a_refused_when_suggests_the_likely_spelling(text: str, suggestion: str) -> None:
    with pytest.raises(PlanError) as info:
        parse_when(text, 2021)
    problem = info.value.problems[0]
    assert problem.code == "bad-when-close"
    assert problem.suggestion == suggestion
    assert parse_when(suggestion, 2021)  # the suggestion itself reads
    assert repr(suggestion) in problem.message("en")
    assert repr(suggestion) in problem.message("zh")


def test_examples_are_in_the_plans_own_year() -> None:
    with pytest.raises(PlanError) as info:
        parse_when("择期举行", 2023)
    problem = info.value.problems[0]
    assert problem.code == "bad-when"
    assert problem.suggestion is None
    assert "2023-03-08" in problem.message("en")
    assert "2023-03-08" in problem.message("zh")
    assert "2021" not in problem.message("en")


# -- plans that span years ---------------------------------------------------------------------


def test_a_plan_spanning_years_reads_dates_in_each_of_its_years() -> None:
    assert parse_when("2013年3月", 2011, last_year=2015) == Month(2013, 3)
    assert parse_when("2015年第四季度", 2011, last_year=2015) == NamedPeriod(2015, Period.Q4)
    assert parse_when("2012-2013年", 2011, last_year=2015) == YearSpan(2012, 2013)
    assert parse_when("2014年", 2011, last_year=2015) == NamedPeriod(2014, Period.YEAR)
    assert parse_when("2013-03-08", 2011, last_year=2015) == Day(date(2013, 3, 8))
    assert parse_when("2014年春节前后", 2011, last_year=2015).span.first == date(2014, 1, 24)


def test_a_plan_spanning_years_needs_the_year_of_each_when() -> None:
    with pytest.raises(PlanError) as info:
        parse_when("3月", 2011, last_year=2015)
    problem = info.value.problems[0]
    assert problem.code == "needs-year-close"
    assert problem.suggestion == "2011年3月"
    assert "2011" in problem.message("zh")
    assert "2015" in problem.message("zh")


@pytest.mark.parametrize("text", ["2016年3月", "2010-2012年", "2017年", "2016-03-08"])
def test_a_year_outside_the_plans_period_is_refused(text: str) -> None:
    with pytest.raises(PlanError) as info:
        parse_when(text, 2011, last_year=2015)
    assert info.value.problems[0].code == "year-mismatch"


def test_a_period_must_run_forwards() -> None:
    with pytest.raises(PlanError) as info:
        parse_when("2013年3月", 2015, last_year=2011)
    assert info.value.problems[0].code == "span-order"


# -- properties ---------------------------------------------------------------------------------


@given(st.data())
def test_every_new_form_parses_back_from_its_spelling(data: st.DataObject) -> None:
    year = data.draw(s.years)
    when = data.draw(s.new_whens(year))
    assert parse_when(str(when), year) == when
    assert parse_when(qualified(when), year) == when
    assert when.span.first <= when.span.last


@given(st.data())
def test_the_qualified_spelling_reads_back_in_any_plan_holding_its_year(
    data: st.DataObject,
) -> None:
    year = data.draw(s.years)
    when = data.draw(s.whens(year))
    first = data.draw(st.integers(year - 4, year))
    last = data.draw(st.integers(year, year + 4).filter(lambda y: y > first))
    assert parse_when(qualified(when), first, last_year=last) == when


@given(st.text(max_size=20), s.years)
def test_any_text_is_a_when_or_a_problem_never_a_crash(text: str, year: int) -> None:
    problems: tuple[Problem, ...] = ()
    try:
        when = parse_when(text, year)
    except PlanError as exc:
        problems = exc.problems
    else:
        assert parse_when(str(when), year) == when
        return
    assert problems
    assert all(p.message("zh") and p.message("en") for p in problems)
    suggestion = problems[0].suggestion
    if suggestion is not None:
        assert parse_when(suggestion, year)
