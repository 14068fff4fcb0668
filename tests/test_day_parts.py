"""A plan's own parts of the day: ``[day_parts]`` sets what 上午, 下午 and 晚上 mean in its classes."""

from __future__ import annotations

from datetime import UTC, datetime, time

import attrs
import pytest
from hypothesis import given

from commedu import (
    Activity,
    ClockRange,
    DayParts,
    Plan,
    PlanError,
    PlanFileError,
    Schedule,
    Township,
    dumps_plan,
    loads_plan,
    parse_when,
    to_ics,
)
from commedu.model.when import Weekly
from tests import strategies as s

HEAD = """\
id = "qingshi-2021"
year = 2021
title = "青石镇2021年社区教育工作计划"

[township]
name = "青石镇"
district = "淄川区"
city = "淄博市"
province = "山东省"

[[schedule.activities]]
id = "calligraphy"
title = "书法班"
when = "每周三下午"

[[schedule.activities]]
id = "summer"
title = "暑期课堂"
when = "7月13日至8月18日每周二、四上午"
"""


def _file(day_parts: str) -> str:
    return f"{HEAD}\n[day_parts]\n{day_parts}\n"


def test_a_plan_file_sets_its_own_afternoon() -> None:
    plan = loads_plan(_file('afternoon = "15:00-17:00"'))
    assert plan.day_parts == DayParts(afternoon=ClockRange(time(15), time(17)))
    when = plan.activity("calligraphy").when
    assert isinstance(when, Weekly)
    assert when.clock == ClockRange(time(15), time(17))
    assert str(when) == "每周三下午"
    assert when.occurrences()[0].isoformat() == "2021-01-06T15:00:00+08:00"
    # a part the file leaves out keeps its default
    summer = plan.activity("summer").when
    assert isinstance(summer, Weekly)
    assert summer.clock == ClockRange(time(8, 30), time(11, 30))


def test_the_calendar_holds_the_class_at_the_plans_afternoon() -> None:
    plan = loads_plan(_file('afternoon = "15:00-17:00"'))
    text = to_ics(plan, stamp=datetime(2021, 1, 1, tzinfo=UTC)).decode().replace("\r\n ", "")
    assert "DTSTART;TZID=Asia/Shanghai:20210106T150000" in text
    assert "DTEND;TZID=Asia/Shanghai:20210106T170000" in text
    assert "时间：每周三下午" in text
    default = to_ics(loads_plan(HEAD), stamp=datetime(2021, 1, 1, tzinfo=UTC)).decode()
    assert "DTSTART;TZID=Asia/Shanghai:20210106T143000" in default


@pytest.mark.parametrize(
    "spelling", ["15:00-17:00", "15:00—17:00", "15:00–17:00", "15:00至17:00", " 15:00 ~ 17:00 "]
)
def test_a_part_is_spelt_as_a_weekly_class_clock_range(spelling: str) -> None:
    plan = loads_plan(_file(f'afternoon = "{spelling}"'))
    assert plan.day_parts.afternoon == ClockRange(time(15), time(17))


def test_the_plan_writer_keeps_the_parts_and_leaves_defaults_out() -> None:
    plan = loads_plan(_file('morning = "8:00-11:30"\nafternoon = "15:00-17:00"'))
    written = dumps_plan(plan)
    assert '[day_parts]\nmorning = "8:00–11:30"\nafternoon = "15:00–17:00"\n' in written
    assert "evening" not in written
    assert loads_plan(written) == plan
    assert "day_parts" not in dumps_plan(loads_plan(HEAD))


@given(s.plans())
def test_any_plans_parts_round_trip(plan: Plan) -> None:
    for fmt in ("toml", "json"):
        again = loads_plan(dumps_plan(plan, fmt), fmt)
        assert again.day_parts == plan.day_parts
        assert again == plan


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ('"17:00-15:00"', "span-order"),  # ends before it starts
        ('"25:00-26:00"', "bad-day-part"),  # no such clock time
        ('"15:00"', "bad-day-part"),  # no end
        ('"下午"', "bad-day-part"),  # a part's name, not its times
        ('"每周一 15:00-17:00"', "bad-day-part"),  # a class, not a part of the day
        ('"15:00-17:00 RRULE:FREQ=DAILY"', "bad-day-part"),
        ('"、三 15:00-17:00"', "bad-day-part"),  # a second weekday, not a clock range
        ('""', "bad-day-part"),
        ('"' + "1" * 100 + '"', "bad-day-part"),
        ("15", "wrong-type"),
        ('"11:00-17:00"', "day-parts-overlap"),  # starts before the morning is over
    ],
)
def test_a_bad_part_is_reported_at_its_line_with_the_fix(value: str, code: str) -> None:
    text = _file(f"afternoon = {value}")
    line = text.splitlines().index(f"afternoon = {value}") + 1
    with pytest.raises(PlanFileError) as caught:
        loads_plan(text)
    (problem,) = caught.value.problems
    assert (problem.code, problem.path, problem.line) == (code, "day_parts.afternoon", line)
    fix = {
        "bad-day-part": "14:30-17:30",
        "span-order": "end on or after its start",
        "wrong-type": "text in quotes",
    }
    assert fix.get(code, "afternoon") in problem.message("en")
    assert problem.message("zh") != problem.message("en")


def test_an_overlap_names_both_parts_in_either_language() -> None:
    with pytest.raises(PlanFileError) as caught:
        loads_plan(_file('afternoon = "18:00-20:00"'))
    (problem,) = caught.value.problems
    assert problem.path == "day_parts.evening"
    assert problem.message("en") == (
        "the evening (19:00–21:00) starts before the afternoon (18:00–20:00) ends; "
        "start the evening when the afternoon is over or later"
    )
    assert "晚上（19:00–21:00）在下午（18:00–20:00）结束前就开始了" in problem.message("zh")


def test_a_bad_part_leaves_classes_at_the_default_and_reports_nothing_else() -> None:
    with pytest.raises(PlanFileError) as caught:
        loads_plan(_file('afternoon = "x"\nunknown = "8:00-9:00"'))
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("day_parts.afternoon", "bad-day-part"),
        ("day_parts.unknown", "unknown-key"),
    ]


def test_a_plan_built_in_code_must_hold_its_classes_at_its_parts() -> None:
    own = DayParts(afternoon=ClockRange(time(15), time(17)))
    when = parse_when("每周三下午", 2021)  # read at the default 14:30–17:30
    township = Township("青石镇", "淄川区", "淄博市", "山东省")
    schedule = Schedule((Activity("a", "书法班", when),))
    with pytest.raises(PlanError) as caught:
        Plan("qingshi-2021", township, 2021, "计划", schedule=schedule, day_parts=own)
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == ("schedule.activities[0].when", "day-part-clock")
    assert "15:00–17:00" in problem.message("en")
    assert "[day_parts]" in problem.message("zh")
    fixed = parse_when("每周三下午", 2021, day_parts=own)
    plan = Plan(
        "qingshi-2021",
        township,
        2021,
        "计划",
        schedule=Schedule((Activity("a", "书法班", fixed),)),
        day_parts=own,
    )
    assert loads_plan(dumps_plan(plan)) == plan
    # a clock written out is the class's own, whatever the plan's parts
    own_clock = parse_when("每周三 15:00-16:00", 2021)
    assert attrs.evolve(plan, schedule=Schedule((Activity("a", "书法班", own_clock),)))


def test_parts_in_code_must_follow_each_other() -> None:
    township = Township("青石镇", "淄川区", "淄博市", "山东省")
    with pytest.raises(PlanError) as caught:
        Plan(
            "qingshi-2021",
            township,
            2021,
            "计划",
            day_parts=DayParts(morning=ClockRange(time(8), time(15))),
        )
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("day_parts.afternoon", "day-parts-overlap")
    ]
