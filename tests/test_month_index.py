"""A schedule's activities by month: worked out once per schedule, the same as asking each month."""

from __future__ import annotations

import gc

import attrs
from hypothesis import given

from commedu import Plan
from commedu.model import parts
from tests import strategies


def touching(plan: Plan, month: int) -> tuple[object, ...]:
    """The definition: every activity whose days touch the month of its own first day's year."""
    return tuple(
        a for a in plan.activities if a.when.span.touches_month(a.when.span.first.year, month)
    )


@given(strategies.plans())
def test_each_month_holds_exactly_the_activities_that_touch_it(plan: Plan) -> None:
    for month in range(1, 13):
        assert plan.activities_in_month(month) == touching(plan, month)


def test_a_schedule_is_indexed_once_and_forgotten_with_it(jinshan: Plan) -> None:
    schedule = attrs.evolve(jinshan.schedule)
    first = schedule.in_month(7)
    assert len(first) > 1
    assert schedule.in_month(7) is first  # the same tuple: not worked out again
    key = id(schedule)
    assert parts._months_of(schedule)[6] is first
    other = attrs.evolve(schedule, activities=schedule.activities[:1])
    # Another schedule has its own months, even while the first is indexed.
    assert other.in_month(7) == tuple(a for a in first if a in other.activities)
    del schedule
    gc.collect()
    assert not parts._months_of.holds(key)
