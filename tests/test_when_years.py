"""Plans of several years: 每年…, 2011-2015年每季度, 11月至次年2月, 2013年底前, 十二五期间."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commedu import (
    DEFAULT_ZONE,
    AcrossYears,
    Activity,
    DateSpan,
    Day,
    Deadline,
    Every,
    MixedSpan,
    Month,
    MonthPart,
    Occasion,
    Part,
    Plan,
    PlanError,
    Repeat,
    Schedule,
    SchoolHoliday,
    Township,
    Yearly,
    YearSpan,
    dump_plan,
    dumps_plan,
    load_plan,
    loads_plan,
    occurrences,
    parse_when,
    qualified,
    to_ics,
)
from commedu.cli import EXIT_OK, main
from commedu.model.when import MAX_OCCURRENCES, MAX_YEARS
from tests import strategies as s
from tests.icalcheck import parse_both

YEARS = range(2011, 2016)


def plan_years(text: str) -> object:
    return parse_when(text, 2011, last_year=2015)


def test_every_year_is_the_when_in_each_year_of_the_plan() -> None:
    march = plan_years("每年3月")
    assert march == Yearly(tuple(Month(y, 3) for y in YEARS))
    assert isinstance(march, Yearly)
    assert str(march) == "每年3月"
    assert qualified(march) == "2011-2015年每年3月"
    assert march.span == DateSpan(date(2011, 3, 1), date(2015, 3, 31))
    assert occurrences(march) == tuple(Month(y, 3).span for y in YEARS)
    assert (march.year, march.last_year) == (2011, 2015)


@pytest.mark.parametrize(
    ("text", "each", "canonical"),
    [
        (
            "每年10月下旬至11月上旬",
            lambda y: MixedSpan(y, 10, Part.LATE, 11, Part.EARLY),
            "每年10月下旬-11月上旬",
        ),
        ("每年底前", lambda y: Deadline(date(y, 12, 31)), "每年12月底前"),
        ("每年年底前", lambda y: Deadline(date(y, 12, 31)), "每年12月底前"),
        ("每年年底", lambda y: MonthPart(y, 12, Part.END), "每年12月底"),
        ("每年的3月8日", lambda y: Day(date(y, 3, 8)), "每年3月8日"),
        (
            "每年11月至次年2月",
            lambda y: AcrossYears(Month(y, 11), Month(y + 1, 2)),
            "每年11月-次年2月",
        ),
    ],
)
def test_every_year_takes_any_when_of_a_year(text: str, each: object, canonical: str) -> None:
    when = plan_years(text)
    assert when == Yearly(tuple(each(y) for y in YEARS))  # type: ignore[operator]
    assert str(when) == canonical
    assert plan_years(canonical) == when
    assert plan_years(qualified(when)) == when  # type: ignore[arg-type]


def test_every_year_keeps_each_years_own_days() -> None:
    spring = plan_years("每年春节前后")
    assert isinstance(spring, Yearly)
    firsts = [when.span.first for when in spring.each]
    assert firsts[0] == date(2011, 1, 27)  # 春节 2011 was 3 February
    assert firsts[1] == date(2012, 1, 16)  # and 23 January in 2012
    assert all(isinstance(when, Occasion) for when in spring.each)


def test_a_school_holiday_every_year_needs_its_dates_every_year() -> None:
    holidays = tuple(SchoolHoliday("暑假", date(y, 7, 5), date(y, 8, 31)) for y in (2011, 2012))
    with pytest.raises(PlanError) as info:
        parse_when("每年暑假期间", 2011, last_year=2013, holidays=holidays)
    assert info.value.problems[0].code == "no-school-holiday"
    assert "2013" in info.value.problems[0].message("zh")
    summer = parse_when("每年暑假期间", 2011, last_year=2012, holidays=holidays)
    assert occurrences(summer) == (
        DateSpan(date(2011, 7, 5), date(2011, 8, 31)),
        DateSpan(date(2012, 7, 5), date(2012, 8, 31)),
    )


def test_every_year_in_a_plan_of_one_year_is_that_year() -> None:
    assert parse_when("每年3月", 2021) == Month(2021, 3)
    assert parse_when("每年底前", 2021) == Deadline(date(2021, 12, 31))
    assert parse_when("每年每季度", 2021) == Repeat(2021, Every.QUARTER)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("每季度", Repeat(2011, Every.QUARTER, None, 2015)),
        ("2011-2015年每季度", Repeat(2011, Every.QUARTER, None, 2015)),
        ("2012-2014年每月", Repeat(2012, Every.MONTH, None, 2014)),
        ("每年每月", Repeat(2011, Every.MONTH, None, 2015)),
        ("每周三", Repeat(2011, Every.WEEK, 2, 2015)),
        ("2013年每季度", Repeat(2013, Every.QUARTER)),
    ],
)
def test_repeats_come_round_in_every_year_they_say(text: str, expected: Repeat) -> None:
    when = plan_years(text)
    assert when == expected
    assert plan_years(qualified(when)) == when  # type: ignore[arg-type]


def test_a_repeat_over_years_comes_round_in_each() -> None:
    quarters = Repeat(2011, Every.QUARTER, None, 2015)
    assert qualified(quarters) == "2011-2015年每季度"
    assert str(quarters) == "每季度"
    assert quarters.rule == "FREQ=MONTHLY;INTERVAL=3;UNTIL=20151231"
    assert quarters.days() == tuple(date(y, m, 1) for y in YEARS for m in (1, 4, 7, 10))
    assert quarters.span == DateSpan(date(2011, 1, 1), date(2015, 12, 31))
    wednesdays = Repeat(2011, Every.WEEK, 2, 2012).days()
    assert wednesdays[0] == date(2011, 1, 5)
    assert wednesdays[-1] == date(2012, 12, 26)
    assert len(wednesdays) == 52 + 52


@pytest.mark.parametrize(
    ("text", "year", "expected", "canonical"),
    [
        ("11月至次年2月", 2021, AcrossYears(Month(2021, 11), Month(2022, 2)), "11月-次年2月"),
        ("11月-次年2月", 2021, AcrossYears(Month(2021, 11), Month(2022, 2)), "11月-次年2月"),
        (
            "11月下旬至次年1月上旬",
            2021,
            AcrossYears(MonthPart(2021, 11, Part.LATE), MonthPart(2022, 1, Part.EARLY)),
            "11月下旬-次年1月上旬",
        ),
        (
            "12月15日至次年1月15日",
            2021,
            AcrossYears(Day(date(2021, 12, 15)), Day(date(2022, 1, 15))),
            "12月15日-次年1月15日",
        ),
        ("11月-2023年2月", 2021, AcrossYears(Month(2021, 11), Month(2023, 2)), "11月-2023年2月"),
    ],
)
def test_a_span_over_the_turn_of_a_year(
    text: str, year: int, expected: AcrossYears, canonical: str
) -> None:
    when = parse_when(text, year)
    assert when == expected
    assert str(when) == canonical
    assert parse_when(canonical, year) == when
    assert when.span == DateSpan(expected.first.span.first, expected.last.span.last)


def test_a_span_over_the_turn_of_a_year_in_a_plan_of_several() -> None:
    winter = plan_years("2011年11月-2012年2月")
    assert winter == AcrossYears(Month(2011, 11), Month(2012, 2))
    assert winter.span == DateSpan(date(2011, 11, 1), date(2012, 2, 29))
    assert qualified(winter) == "2011年11月-次年2月"
    assert plan_years(qualified(winter)) == winter
    assert plan_years("2013年3月-2013年5月") == plan_years("2013年3-5月")


@pytest.mark.parametrize(
    ("text", "last_year", "code"),
    [
        ("2011年11月-2010年2月", 2015, "span-order"),
        ("11月-2010年2月", 2011, "span-order"),
        ("11月至次年春节", 2011, "bad-when"),
        ("每年2011-03-08T14:30/PT2H", 2011, "yearly-not-yearly"),
        ("每年2月29日", 2015, "bad-date"),
        ("2015-2011年每季度", 2015, "span-order"),
        ("2011-2015年3月", 2015, "bad-when"),
        ("2011-2016年每季度", 2015, "year-mismatch"),
        ("十三五期间", 2015, "five-year-term"),
        ("3月-次年", 2011, "bad-when"),
    ],
)
def test_bad_spellings_of_several_years_name_the_problem(
    text: str, last_year: int, code: str
) -> None:
    with pytest.raises(PlanError) as info:
        parse_when(text, 2011, last_year=last_year)
    problem = info.value.problems[0]
    assert problem.code == code
    assert problem.message("en")
    assert problem.message("zh")


def test_the_years_of_a_yearly_when_are_checked() -> None:
    with pytest.raises(PlanError) as info:
        Yearly((Month(2011, 3),))
    assert info.value.problems[0].code == "yearly-one-year"
    with pytest.raises(PlanError) as info:
        Yearly((Month(2011, 3), Month(2012, 4)))
    assert info.value.problems[0].code == "yearly-not-same"
    with pytest.raises(PlanError) as info:
        Yearly((Month(2011, 3), Month(2013, 3)))
    assert info.value.problems[0].code == "yearly-not-same"
    with pytest.raises(PlanError) as info:
        Yearly((Repeat(2011, Every.MONTH), Repeat(2012, Every.MONTH)))
    assert info.value.problems[0].code == "yearly-not-yearly"
    with pytest.raises(PlanError) as info:
        AcrossYears(Month(2012, 11), Month(2012, 12))
    assert info.value.problems[0].code == "span-order"


def test_a_yearly_when_is_refused_over_too_many_years_before_it_is_read() -> None:
    # 春节 every year is a lunar computation per year: over 1,100 years it took seconds
    with pytest.raises(PlanError) as info:
        parse_when("每年春节前后", 1900, last_year=2999)
    problem = info.value.problems[0]
    assert (problem.code, problem.params["count"], problem.params["limit"]) == (
        "too-many-days",
        1100,
        MAX_YEARS,
    )
    longest = parse_when("每年3月", 2000, last_year=2000 + MAX_YEARS - 1)
    assert isinstance(longest, Yearly)
    assert len(longest.each) == MAX_YEARS
    with pytest.raises(PlanError) as info:
        Yearly(tuple(Month(y, 3) for y in range(2000, 2001 + MAX_YEARS)))
    assert info.value.problems[0].code == "too-many-days"


def test_the_end_of_a_year_in_any_year() -> None:
    assert plan_years("2013年底前") == Deadline(date(2013, 12, 31))
    assert plan_years("2013年底") == MonthPart(2013, 12, Part.END)
    assert parse_when("年底前", 2021) == Deadline(date(2021, 12, 31))
    assert parse_when("年末", 2021) == MonthPart(2021, 12, Part.END)
    assert qualified(plan_years("2013年底前")) == "2013年12月底前"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text", ["十二五期间", "“十二五”期间", '"十二五"期间', "十二五时期", "十二五"]
)
def test_a_five_year_term_is_the_whole_plan(text: str) -> None:
    assert plan_years(text) == YearSpan(2011, 2015)


@pytest.mark.parametrize(
    ("text", "first"), [("十一五期间", 2006), ("十三五期间", 2016), ("十四五期间", 2021)]
)
def test_each_term_has_its_years(text: str, first: int) -> None:
    assert parse_when(text, first, last_year=first + 4) == YearSpan(first, first + 4)
    with pytest.raises(PlanError) as info:
        parse_when(text, first)  # a plan of one year is not the term
    problem = info.value.problems[0]
    assert problem.code == "five-year-term"
    assert f"'{first}-{first + 4}年'" in problem.message("zh")


def _plan(*activities: Activity) -> Plan:
    return Plan(
        id="t-2011",
        township=Township("金山镇", "临淄区", "淄博市", "山东省"),
        year=2011,
        last_year=2015,
        title="十二五社区教育规划",
        schedule=Schedule(activities),
    )


def test_a_plan_file_of_several_years_keeps_what_comes_round() -> None:
    plan = _plan(
        Activity("march", "三月", plan_years("每年3月")),
        Activity("quarter", "季度", plan_years("每季度")),
        Activity("winter", "冬训", plan_years("2011年11月-2012年2月")),
        Activity("class", "周课", plan_years("每周二、四 8:30-11:00")),
        Activity("term", "规划期", plan_years("十二五期间")),
    )
    text = dumps_plan(plan)
    assert "2011-2015年每年3月" in text
    assert "2011-2015年每季度" in text
    read = loads_plan(text)
    assert [a.when for a in read.activities] == [a.when for a in plan.activities]
    assert [a.wording for a in read.activities][:2] == ["2011-2015年每年3月", "2011-2015年每季度"]


def test_the_calendar_repeats_a_yearly_when_each_year() -> None:
    plan = _plan(
        Activity("march", "三月", plan_years("每年3月")),
        Activity("spring", "春节", plan_years("每年春节前后")),
        Activity("winter", "冬训", plan_years("2011年11月-2012年2月")),
    )
    data = to_ics(plan, stamp=datetime(2021, 1, 1, tzinfo=UTC))
    first, second = parse_both(data)
    events = {str(e["UID"]).split("@")[0]: e for e in first.walk("VEVENT")}
    march = events["march"]
    assert march.start == date(2011, 3, 1)
    assert march.end == date(2011, 4, 1)
    assert march["RRULE"].to_ical() == b"FREQ=YEARLY;COUNT=5"
    # 春节 moves: each year's first day is listed, the first year's length kept
    spring = events["spring"]
    assert spring.start == date(2011, 1, 27)
    listed = [d.dt for d in spring["RDATE"].dts]
    assert listed == [date(2012, 1, 16), date(2013, 2, 3), date(2014, 1, 24), date(2015, 2, 12)]
    winter = events["winter"]
    assert (winter.start, winter.end) == (date(2011, 11, 1), date(2012, 3, 1))
    assert {e.uid.split("@")[0] for e in second.events} == {"march", "spring", "winter"}


def test_a_yearly_to_do_starts_and_falls_due_each_year() -> None:
    plan = _plan(Activity("due", "总结", plan_years("每年底前")))
    data = to_ics(plan, stamp=datetime(2021, 1, 1, tzinfo=UTC), component="todo")
    todo = parse_both(data)[0].walk("VTODO")[0]
    assert todo["DTSTART"].dt == date(2011, 12, 31)
    assert todo["DUE"].dt == date(2012, 1, 1)
    assert todo["RRULE"].to_ical() == b"FREQ=YEARLY;COUNT=5"
    plan = _plan(Activity("march", "三月", plan_years("每年3月")))
    data = to_ics(plan, stamp=datetime(2021, 1, 1, tzinfo=UTC), component="todo")
    todo = parse_both(data)[0].walk("VTODO")[0]
    assert (todo["DTSTART"].dt, todo["DUE"].dt) == (date(2011, 3, 1), date(2011, 3, 31))


# -- properties ---------------------------------------------------------------------------------


@given(st.data())
def test_what_a_plan_of_several_years_writes_reads_back(data: st.DataObject) -> None:
    first = data.draw(s.years)
    last = data.draw(st.integers(first + 1, first + 4))
    when = data.draw(s.period_whens(first, last))
    assert parse_when(str(when), first, last_year=last) == when
    assert parse_when(qualified(when), first - 1, last_year=last + 1) == when
    spans = occurrences(when)
    # each time it comes round lies in its span, in order, none overlapping the next
    assert when.span.first <= spans[0].first
    assert spans[-1].last <= when.span.last
    assert all(a.last < b.first for a, b in itertools.pairwise(spans))
    if isinstance(when, Yearly):
        assert (spans[0].first, spans[-1].last) == (when.span.first, when.span.last)


@given(st.data())
def test_a_yearly_when_is_its_one_year_when_each_year(data: st.DataObject) -> None:
    first = data.draw(s.years)
    last = data.draw(st.integers(first + 1, first + 4))
    when = data.draw(s.yearlies(first, last))
    assert [w.span.first.year for w in when.each] == list(range(first, last + 1))
    assert len({str(w) for w in when.each}) == 1
    assert parse_when(str(when.each[0]), last) == when.each[-1]


@given(st.data())
def test_a_span_over_the_turn_of_a_year_reads_back(data: st.DataObject) -> None:
    year = data.draw(s.years)
    when = data.draw(s.across_years(year))
    assert parse_when(str(when), year) == when
    assert parse_when(qualified(when), year, last_year=year + 2) == when
    assert when.span.first.year == year < when.span.last.year


#: The characters the new spellings are made of, so random text often comes close to one.
_PIECES = st.sampled_from(
    [
        *"每年周星期一二三四五六日天至到、,-—:0123456789月日底末前次年上下晚午旬十期间“”",
        *[" ", "2011", "2013", "2016", "十二五", "每周", "每年", "次年", "8:30", "年底前", "暑假"],
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join), st.booleans())
def test_any_text_near_the_new_spellings_is_a_when_or_a_problem(text: str, several: bool) -> None:
    last_year = 2015 if several else None
    try:
        when = parse_when(text, 2011, last_year=last_year)
    except PlanError as exc:
        problem = exc.problems[0]
        assert problem.message("en")
        assert problem.message("zh")
        return
    if not several:  # in a plan of several years only the qualified spelling says its year
        assert parse_when(str(when), 2011) == when
    assert parse_when(qualified(when), 2010, last_year=2016) == when
    assert len(occurrences(when)) <= MAX_OCCURRENCES


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("每年" * 20_000 + "3月", Yearly),
        ("每周三" * 20_000, None),
        ("1月-次年" * 20_000 + "1月", None),
        ("7月" + "每周三下午" * 5_000, None),
        ("1月-次年2月每周三" * 3_000, None),
    ],
)
def test_a_long_repeated_spelling_is_read_or_refused_without_recursing(
    text: str, read: type | None
) -> None:
    # each of these once went one call deeper per repetition: 60,000 characters overflowed
    if read is not None:
        assert isinstance(parse_when(text, 2011, last_year=2015), read)
        return
    with pytest.raises(PlanError) as info:
        parse_when(text, 2011)
    assert info.value.problems[0].code == "bad-when"


_PLAN_FILE = """\
id = "shiyan-2011"
year = 2011
last_year = 2015
title = "实验镇社区教育“十二五”规划"

[township]
name = "实验镇"
district = ""
city = ""
province = "山东省"

[schedule]

[[schedule.activities]]
id = "week"
title = "全民终身学习活动周"
when = "每年10月下旬至11月上旬"

[[schedule.activities]]
id = "review"
title = "年度总结"
when = "每年底前"

[[schedule.activities]]
id = "quarterly"
title = "季度例会"
when = "2011-2015年每季度"

[[schedule.activities]]
id = "winter"
title = "冬春农闲培训"
when = "2011年11月-2012年2月"

[[schedule.activities]]
id = "class"
title = "老年课堂"
when = "每周二、四 8:30—11:00"

[[schedule.activities]]
id = "summer"
title = "暑期课堂"
when = "2013年7月13日至8月18日每周二、四 8:30—11:00"

[[schedule.activities]]
id = "whole"
title = "学习型乡镇建设"
when = "“十二五”期间"
"""


def test_a_five_year_plan_file_validates_and_exports_with_its_own_words(tmp_path: Path) -> None:
    source = tmp_path / "plan.toml"
    source.write_text(_PLAN_FILE, encoding="utf-8")
    assert main(["validate", str(source)]) == EXIT_OK
    plan = load_plan(source)
    kinds = [type(a.when).__name__ for a in plan.activities]
    assert kinds == ["Yearly", "Yearly", "Repeat", "AcrossYears", "Weekly", "Weekly", "YearSpan"]
    assert plan.activities[0].wording == "每年10月下旬至11月上旬"
    written = tmp_path / "again.toml"
    dump_plan(plan, written)
    assert load_plan(written) == plan
    calendar = tmp_path / "plan.ics"
    assert main(["ics", str(source), "-o", str(calendar)]) == EXIT_OK
    events = {
        str(e["UID"]).split("@")[0]: e for e in parse_both(calendar.read_bytes())[0].walk("VEVENT")
    }
    assert events["week"]["RRULE"].to_ical() == b"FREQ=YEARLY;COUNT=5"
    assert events["class"]["RRULE"].to_ical() == (b"FREQ=WEEKLY;UNTIL=20151231T155959Z;BYDAY=TU,TH")
    assert events["summer"].start == datetime(2013, 7, 16, 8, 30, tzinfo=DEFAULT_ZONE)
    assert "时间：2013年7月13日至8月18日每周二、四 8:30—11:00" in str(
        events["summer"]["DESCRIPTION"]
    )
