"""A recurring activity is judged each time it comes round: held, late or missing, by date."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
from hypothesis import given
from hypothesis import strategies as st

from commedu import Status, check, parse_when
from commedu.compliance.actuals import Progress, example_ledger, progress, windows
from commedu.compliance.examples import example_plan
from commedu.compliance.rule import Actuals
from commedu.model.ledger import Ledger
from commedu.model.parts import Schedule
from commedu.model.plan import Plan

CLASS = "7月13日至8月18日每周二、四 8:30—11:00"


def plan_with(when: str) -> Plan:
    plan = example_plan()
    activities = list(plan.activities)
    activities[6] = attrs.evolve(activities[6], when=parse_when(when, 2021))
    return attrs.evolve(plan, schedule=Schedule(tuple(activities)))


def ledger_held(plan: Plan, days: list[date]) -> Ledger:
    """The example's records, with the seventh activity's replaced by one record per day."""
    activity = plan.activities[6]
    kept = [r for r in example_ledger().records if r.activity != activity.id]
    held = [
        attrs.evolve(
            kept[0], id=f"c{i:02d}", title=activity.title, dates=(d,), activity=activity.id
        )
        for i, d in enumerate(days)
    ]
    return attrs.evolve(example_ledger(), records=(*kept, *held))


def _class_days(plan: Plan) -> list[date]:
    return [w.first for w in windows(plan.activities[6].when)]


def test_every_class_held_passes_and_two_unrecorded_classes_fail_by_date() -> None:
    plan = plan_with(CLASS)
    days = _class_days(plan)
    assert len(days) == 11  # Tuesdays and Thursdays from 13 July to 18 August
    assert all(d.weekday() in (1, 3) for d in days)
    done = check(plan, ledger=ledger_held(plan, days), as_of=date(2021, 12, 31))
    assert done.result("CE501").status is Status.PASS
    gaps = [d for d in days if d not in (days[3], days[7])]
    report = check(plan, ledger=ledger_held(plan, gaps), as_of=date(2021, 12, 31))
    result = report.result("CE501")
    assert result.status is Status.FAIL
    (finding,) = result.findings
    assert finding.path == "schedule.activities[6]"
    assert f"2 of 11 times due have no record: {days[3]}, {days[7]}" in finding.message("en")
    assert f"{days[3].month}月{days[3].day}日" in finding.message("zh")


def test_a_class_held_after_the_course_ended_is_late() -> None:
    plan = plan_with(CLASS)
    days = _class_days(plan)
    held = [*days[:-1], days[-1] + timedelta(days=3)]
    result = check(plan, ledger=ledger_held(plan, held), as_of=date(2021, 12, 31)).result("CE502")
    assert result.status is Status.FAIL
    assert f"1 times held after their day: {days[-1]}" in result.findings[0].message("en")


def test_classes_not_yet_come_round_are_not_missing() -> None:
    plan = plan_with(CLASS)
    days = _class_days(plan)
    as_of = days[4]
    judged = progress(plan, Actuals(ledger_held(plan, days[:5]), as_of))[6]
    statuses = [o.status for o in judged.occurrences]
    assert statuses[:5] == [Progress.DONE] * 5
    assert set(statuses[5:]) == {Progress.NOT_DUE}


def test_a_monthly_item_is_on_time_anywhere_in_its_month() -> None:
    plan = plan_with("每月")
    mid_month = [date(2021, m, 15) for m in range(1, 13)]
    judged = progress(plan, Actuals(ledger_held(plan, mid_month), date(2021, 12, 31)))[6]
    assert [o.status for o in judged.occurrences] == [Progress.DONE] * 12
    assert [o.window.first for o in judged.occurrences] == [date(2021, m, 1) for m in range(1, 13)]


@given(st.sets(st.integers(0, 10)))
def test_what_is_missing_is_exactly_the_classes_without_a_record(dropped: set[int]) -> None:
    plan = plan_with(CLASS)
    days = _class_days(plan)
    kept = [d for i, d in enumerate(days) if i not in dropped]
    judged = progress(plan, Actuals(ledger_held(plan, kept), date(2021, 12, 31)))[6]
    assert {o.window.first for o in judged.missed()} == {days[i] for i in dropped}
    assert judged.late() == ()
