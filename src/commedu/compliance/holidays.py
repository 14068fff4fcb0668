"""CE309: dated work that falls in a statutory holiday break (an info rule).

A township may well hold a reading session on 国庆, but a clerk should decide that, not find
out when nobody comes. Only work the plan puts on a day is judged: a month, a span of weeks or
"每月" says nothing about the day it happens on.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import attrs

from commedu.compliance.examples import (
    PASSES,
    PASSES_ZH,
    edit_activities,
    example,
    example_plan,
    some,
)
from commedu.compliance.rule import (
    Failed,
    Finding,
    NotEvaluable,
    Outcome,
    Passed,
    Rule,
    Severity,
)
from commedu.model.holidays import HolidayYear, holiday_year
from commedu.model.parts import Activity
from commedu.model.plan import Plan
from commedu.model.profile import Profile
from commedu.model.text import Text
from commedu.model.when import Day, LabelledDay, Recurrence, Repeat, Session

__all__ = ["RULES"]


def scheduled_days(activity: Activity) -> tuple[date, ...]:
    """The days the plan puts the activity on, where it names days at all."""
    when = activity.when
    match when:
        case Day() | LabelledDay():
            return (when.date,)
        case Session():
            return (when.start.date(),)
        case Repeat():
            return when.days() if when.weekday is not None else ()
        case Recurrence():
            return tuple(dict.fromkeys(start.date() for start in when.occurrences()))
    occurrences = getattr(when, "occurrences", None)  # any other recurring kind of *when*
    if callable(occurrences):
        found = occurrences()
        if isinstance(found, tuple):
            return tuple(dict.fromkeys(_day(d) for d in found if isinstance(d, date)))
    return ()


def _day(moment: date) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _years(plan: Plan) -> range:
    last = getattr(plan, "last_year", None) or plan.year
    return range(plan.year, last + 1)


def _on_holidays(plan: Plan, _: Profile | None) -> Outcome:
    arrangements: dict[int, HolidayYear] = {}
    unknown = []
    for year in _years(plan):
        found = holiday_year(year)
        if found is None:
            unknown.append(year)
        else:
            arrangements[year] = found
    if unknown:
        years = "、".join(str(y) for y in unknown)
        return NotEvaluable(
            ["holidays"],
            Text(
                f"the State Council's holiday arrangement for {', '.join(map(str, unknown))}"
                " is not known yet",
                f"{years}年的国务院节假日安排尚未公布",
            ),
        )
    findings = list(_findings(plan, arrangements))
    if findings:
        return Failed(findings)
    return Passed(Text("no dated work falls in a holiday break", "没有安排在法定节假日的工作"))


def _findings(plan: Plan, arrangements: dict[int, HolidayYear]) -> Iterator[Finding]:
    for i, activity in enumerate(plan.activities):
        hits = []
        for day in scheduled_days(activity):
            arrangement = arrangements.get(day.year)
            found = arrangement.break_on(day) if arrangement else None
            if found is not None:
                hits.append((day, found.name))
        if not hits:
            continue
        listed = some(
            [f"{d:%Y-%m-%d} ({name.en})" for d, name in hits],
            [f"{d.month}月{d.day}日（{name.zh}）" for d, name in hits],
        )
        yield Finding(
            f"schedule.activities[{i}]",
            Text(f"falls in a holiday break: {listed.en}", f"安排在法定节假日：{listed.zh}"),
        )


def _on_national_day(activities: list[Activity]) -> None:
    activities[0] = attrs.evolve(activities[0], when=Day(date(2021, 10, 3)))


RULES: tuple[Rule, ...] = (
    Rule(
        "CE309",
        "work-on-holidays",
        Severity.INFO,
        Text(
            "No dated work falls in a statutory holiday break.",
            "没有工作安排在法定节假日。",
        ),
        Text(
            "Residents and staff are away during a holiday break; work put there should be"
            " there on purpose. Make-up working days count as working days.",
            "法定节假日期间居民和工作人员多不在岗，安排在假期的工作应是有意为之；调休上班日按工作日计。",
        ),
        Text(
            "The State Council's yearly notice on the holiday arrangement.",
            "国务院办公厅每年发布的关于部分节假日安排的通知。",
        ),
        _on_holidays,
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "An activity on 3 October, in the National Day break",
            "一项工作安排在10月3日国庆假期",
            edit_activities(_on_national_day),
        ),
        scope="schedule",
        title=Text("Work on holidays", "节假日安排工作"),
        failure=Text(
            "Some dated work falls in a statutory holiday break.",
            "有工作安排在法定节假日。",
        ),
    ),
)
