"""The model's parts and the plan: construction, invariants, errors and queries."""

from __future__ import annotations

import pickle
import re
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import commedu
from commedu import (
    Activity,
    Commitments,
    CountRange,
    Day,
    Department,
    Measure,
    Mechanism,
    MechanismKind,
    Month,
    MonthSpan,
    Plan,
    PlanError,
    Problem,
    Resources,
    Schedule,
    Station,
    Task,
    Township,
)
from tests import strategies as s

TOWN = Township("测试镇", "某区", "某市", "山东省", 20_000)
CULTURE = Department("culture", "文化站", aliases=("镇文化站",))
CENTRE = Department("centre", "社区教育中心")
STATION = Station("east", "东村社区教育工作站", place="东村", theme="乡土文化")
TASK = Task(
    "t1",
    1,
    "实施管理机制",
    mechanisms=[
        Mechanism("t1.m1", 1, "经费机制", MechanismKind.MANAGEMENT, [Measure("专款专用。")])
    ],
)


def activity(activity_id: str = "a1", **changes: Any) -> Activity:
    fields: dict[str, Any] = {
        "id": activity_id,
        "title": "读书会",
        "when": Month(2021, 4),
        "responsible": (CULTURE,),
    }
    fields.update(changes)
    return Activity(**fields)


def plan(**changes: Any) -> Plan:
    fields: dict[str, Any] = {
        "id": "test-2021",
        "township": TOWN,
        "year": 2021,
        "title": "测试镇2021年社区教育工作计划",
        "tasks": (TASK,),
        "stations": (STATION,),
        "departments": (CULTURE, CENTRE),
        "schedule": Schedule([activity()]),
    }
    fields.update(changes)
    return Plan(**fields)


def codes(info: pytest.ExceptionInfo[PlanError]) -> list[tuple[str, str]]:
    return [(p.path, p.code) for p in info.value.problems]


def test_a_valid_plan_constructs_and_is_immutable() -> None:
    p = plan()
    assert p.schedule.activities[0].responsible == (CULTURE,)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        p.year = 2022  # type: ignore[misc]
    assert hash(p.township) == hash(TOWN)


def test_collections_become_tuples() -> None:
    task = Task("t9", 9, "任务", measures=[Measure("甲。")], mechanisms=[])
    assert task.measures == (Measure("甲。"),)
    assert isinstance(task.mechanisms, tuple)
    assert isinstance(Schedule([activity()]).activities, tuple)


@pytest.mark.parametrize(
    ("build", "path", "code"),
    [
        (lambda: Department("Culture Station", "文化站"), "id", "bad-id"),
        (lambda: Department("culture", "  "), "name", "empty-text"),
        (lambda: Department("culture", "文化站", aliases=("",)), "aliases[0]", "empty-text"),
        (lambda: Station("east", "", place="东村", theme="x"), "name", "empty-text"),
        (lambda: Station("east", "站", place="", theme="x"), "place", "empty-text"),
        (lambda: Measure(""), "text", "empty-text"),
        (lambda: Mechanism("m", 0, "机制", MechanismKind.GUIDANCE), "number", "not-positive"),
        (lambda: Mechanism("m", 1, "", MechanismKind.GUIDANCE), "title", "empty-text"),
        (lambda: Task("t1", 0, "任务"), "number", "not-positive"),
        (lambda: Task("任务一", 1, "任务"), "id", "bad-id"),
        (lambda: Township("", "区", "市", "省"), "name", "empty-text"),
        (lambda: Township("镇", "区", "市", "省", -1), "resident_population", "negative"),
        (lambda: Commitments(full_time_staff=-2), "full_time_staff", "negative"),
        (
            lambda: Commitments(funding_per_resident=Decimal("-0.5")),
            "funding_per_resident",
            "negative",
        ),
        (lambda: Resources(budget=Decimal("-1")), "budget", "negative"),
        (lambda: Resources(part_time_staff=-1), "part_time_staff", "negative"),
        (lambda: CountRange(5, 3), "", "range-order"),
        (lambda: CountRange(-1, 3), "low", "negative"),
        (lambda: activity(title=""), "title", "empty-text"),
        (lambda: activity(target_groups=["老年人", " "]), "target_groups[1]", "empty-text"),
        (
            lambda: Schedule([activity("a1"), activity("a2"), activity("a1")]),
            "activities[2].id",
            "duplicate-id",
        ),
        (
            lambda: Task(
                "t1",
                1,
                "任务",
                mechanisms=[
                    Mechanism("m", 1, "甲", MechanismKind.GUIDANCE),
                    Mechanism("m", 2, "乙", MechanismKind.GUIDANCE),
                ],
            ),
            "mechanisms[1].id",
            "duplicate-id",
        ),
    ],
)
def test_each_invalid_field_raises_plan_error_naming_it(build: Any, path: str, code: str) -> None:
    with pytest.raises(PlanError) as info:
        build()
    assert (path, code) in codes(info)
    assert isinstance(info.value, ValueError)


def test_money_is_decimal_and_float_is_refused() -> None:
    assert Commitments(funding_per_resident=1).funding_per_resident == Decimal(1)
    assert Commitments(funding_per_resident="1.10").funding_per_resident == Decimal("1.10")
    with pytest.raises(TypeError, match="Decimal"):
        Commitments(funding_per_resident=1.1)  # type: ignore[arg-type]
    with pytest.raises(PlanError, match="budget"):
        Resources(budget="NaN")
    with pytest.raises(TypeError, match=r"Resources\.budget"):
        Resources(budget="一千")


def test_a_single_string_is_not_taken_for_a_list_of_names() -> None:
    with pytest.raises(TypeError):
        Department("culture", "文化站", aliases="镇文化站")  # type: ignore[arg-type]


def test_plan_reports_every_problem_at_once_with_paths() -> None:
    stranger = Department("police", "派出所")
    other_station = Station("west", "西村站", place="西村", theme="x")
    bad = [
        activity("a1", responsible=(stranger,)),
        activity("a2", station=other_station),
        activity("a3", serves=("t1", "t7")),
        activity("a4", when=Month(2022, 1)),
    ]
    with pytest.raises(PlanError) as info:
        plan(schedule=Schedule(bad))
    assert codes(info) == [
        ("schedule.activities[0].responsible[0]", "unknown-ref"),
        ("schedule.activities[1].station", "unknown-ref"),
        ("schedule.activities[2].serves[1]", "unknown-ref"),
        ("schedule.activities[3].when", "outside-year"),
    ]
    message = str(info.value)
    assert "the plan defines culture (文化站), centre (社区教育中心)" in message
    assert (
        "schedule.activities[2].serves[1] (task served 2 of schedule item 3):"
        " task or mechanism 't7' is not defined"
    ) in message
    zh = info.value.describe("zh")
    assert "未定义的部门 'police'" in zh


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"departments": (CULTURE, Department("culture", "另一个"))}, "departments[1].id"),
        ({"departments": (CULTURE, Department("other", "文化站"))}, "departments[1].name"),
        ({"departments": (CULTURE, Department("other", "镇文化站"))}, "departments[1].name"),
        ({"stations": (STATION, attrs.evolve(STATION, name="西站"))}, "stations[1].id"),
        ({"stations": (STATION, attrs.evolve(STATION, id="west"))}, "stations[1].name"),
        ({"tasks": (TASK, Task("t1", 2, "重复"))}, "tasks[1].id"),
        (
            {
                "tasks": (
                    TASK,
                    Task(
                        "t2",
                        2,
                        "乙",
                        mechanisms=[Mechanism("t1", 1, "甲", MechanismKind.SAFEGUARD)],
                    ),
                )
            },
            "tasks[1].mechanisms[0].id",
        ),
        ({"id": "Test 2021"}, "id"),
        ({"title": ""}, "title"),
        ({"year": 1800}, "year"),
    ],
)
def test_plan_level_invariants(changes: dict[str, Any], path: str) -> None:
    with pytest.raises(PlanError) as info:
        plan(**changes)
    assert path in [p.path for p in info.value.problems]


def test_dates_outside_the_year_are_refused() -> None:
    with pytest.raises(PlanError) as info:
        plan(schedule=Schedule([activity(when=Day(date(2020, 12, 31)))]))
    assert codes(info) == [("schedule.activities[0].when", "outside-year")]


def test_queries() -> None:
    a1 = activity("a1", when=MonthSpan(2021, 7, 8), station=STATION, serves=("t1.m1",))
    a2 = activity("a2", when=Month(2021, 8), responsible=(CENTRE, CULTURE))
    a3 = activity("a3", when=Month(2021, 12), responsible=(CENTRE,))
    p = plan(schedule=Schedule([a1, a2, a3]))
    assert p.activities_in_month(7) == (a1,)
    assert p.activities_in_month(8) == (a1, a2)
    assert p.activities_in_month(1) == ()
    assert p.schedule.of_department("centre") == (a2, a3)
    assert p.schedule.of_department(CULTURE) == (a1, a2)
    assert p.schedule.at_station(STATION) == (a1,)
    assert p.schedule.serving("t1.m1") == (a1,)
    assert p.activity("a2") is a2
    assert p.task("t1") is TASK
    assert p.mechanism("t1.m1").title == "经费机制"
    assert p.station("east") is STATION
    assert p.department("镇文化站") is CULTURE
    assert p.department("culture") is CULTURE
    assert p.served(a1) == (TASK.mechanisms[0],)
    assert p.task_of(TASK.mechanisms[0]) is TASK
    assert len(p.schedule) == 3
    assert list(p) == [a1, a2, a3]
    with pytest.raises(KeyError, match="known: a1, a2, a3"):
        p.activity("a9")
    with pytest.raises(KeyError, match="t1"):
        p.task("t9")
    with pytest.raises(ValueError, match="13"):
        p.activities_in_month(13)


def test_task_numerals() -> None:
    assert [Task(f"t{n}", n, "任务").numeral for n in (1, 8, 10, 11)] == ["一", "八", "十", "11"]


def test_errors_pickle_and_reroot() -> None:
    error = PlanError([Problem("title", "empty-text")])
    again = pickle.loads(pickle.dumps(error))
    assert again.problems == error.problems
    assert error.at("schedule.activities[2]").problems[0].path == "schedule.activities[2].title"
    assert Problem("[3]", "empty-text").at("tasks").path == "tasks[3]"
    file_error = commedu.PlanFileError([Problem("", "empty-text")], source="plan.toml")
    assert pickle.loads(pickle.dumps(file_error)).source == "plan.toml"
    assert file_error.at("x").source == "plan.toml"
    with pytest.raises(ValueError, match="at least one"):
        PlanError([])


@given(s.plans())
def test_valid_plans_always_construct_and_equal_a_rebuild(p: Plan) -> None:
    rebuilt = attrs.evolve(p)
    assert rebuilt == p
    assert hash(rebuilt.schedule) == hash(p.schedule)
    for i, a in enumerate(p.activities):
        assert p.activity(a.id) is p.activities[i]
        for month in range(1, 13):
            assert (a in p.activities_in_month(month)) == a.when.span.touches_month(p.year, month)


@given(st.text(alphabet=" \t\n\u3000", max_size=5))
def test_any_blank_title_is_refused_naming_the_field(blank: str) -> None:
    with pytest.raises(PlanError) as info:
        activity(title=blank)
    assert [pr.path for pr in info.value.problems] == ["title"]


@given(st.text(max_size=12).filter(lambda t: not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", t)))
def test_any_non_slug_id_is_refused_naming_the_field(bad_id: str) -> None:
    with pytest.raises(PlanError) as info:
        activity(bad_id)
    # Text no document can hold is refused before its shape is judged.
    expected = (
        "control-character"
        if re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", bad_id)
        else "bad-id"
    )
    assert [(pr.path, pr.code) for pr in info.value.problems] == [("id", expected)]


def test_public_api_is_exported() -> None:
    for name in (
        "Plan",
        "Task",
        "Mechanism",
        "MechanismKind",
        "Station",
        "Schedule",
        "Activity",
        "Department",
        "Township",
        "PlanError",
    ):
        assert name in commedu.__all__
        assert getattr(commedu, name).__module__.startswith("commedu")
    assert sorted(commedu.__all__) == sorted(set(commedu.__all__))
