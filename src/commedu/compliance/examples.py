"""The example plan every built-in rule's documentation varies, and the sources the rules cite.

Each rule carries two examples, a plan it passes and one it fails; both start from
:func:`example_plan`, so a reader sees exactly what one change does to one rule.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from commedu.compliance.rule import (
    Example,
)
from commedu.model.parts import (
    Activity,
    Commitments,
    CountRange,
    Department,
    Measure,
    Mechanism,
    MechanismKind,
    Resources,
    Schedule,
    Source,
    Station,
    Task,
    Township,
)
from commedu.model.plan import Plan
from commedu.model.profile import Profile
from commedu.model.text import Text
from commedu.model.when import Month

__all__ = [
    "JINSHAN",
    "PASSES",
    "PASSES_ZH",
    "SCHEDULE_SOURCE",
    "edit",
    "edit_activities",
    "example",
    "example_plan",
    "quote",
    "retitle",
]


JINSHAN = "金山镇2021年社区教育工作计划"


def quote(title: str) -> str:
    return f"“{title}”"


#: The most items a finding lists; the rest it counts.
SHOWN = 5


def some(en: Sequence[str], zh: Sequence[str]) -> Text:
    """The first few of a finding's items in each language, then how many more there are."""
    more = len(en) - min(len(en), SHOWN)
    tail_en = f" and {more} more" if more else ""
    tail_zh = f"等（另有 {more} 项）" if more else ""
    return Text(", ".join(en[:SHOWN]) + tail_en, "、".join(zh[:SHOWN]) + tail_zh)


_DEPT = Department("centre", "社区教育中心")


_STATION = Station("east", "东村社区教育工作站", place="东村", theme="村史教育")


_TITLES = {
    3: "老年人智能技术培训",
    10: "“全民终身学习活动周”系列活动",
    12: "迎接社区教育工作年终督导",
}


def example_plan() -> Plan:
    """A small plan that passes every built-in rule under ``shandong-township``."""
    activities = [
        Activity(
            f"m{m:02d}",
            _TITLES.get(m, f"{m}月村史讲堂"),
            Month(2021, m),
            (_DEPT,),
            station=_STATION,
            serves=("t1.m1",),
        )
        for m in range(1, 13)
    ]
    return Plan(
        id="example-2021",
        township=Township("示例镇", "示例区", "示例市", "山东省", resident_population=20000),
        year=2021,
        title="示例镇2021年社区教育工作计划",
        guiding_principles="全面提升社区教育和终身教育水平。",
        goals="完善社区教育工作机制。",
        tasks=(
            Task(
                "t1",
                1,
                "实施引领机制",
                mechanisms=(
                    Mechanism(
                        "t1.m1",
                        1,
                        "实施资源供给引领",
                        MechanismKind.GUIDANCE,
                        (Measure("充分利用村史馆开展教育。"),),
                    ),
                ),
            ),
        ),
        stations=(_STATION,),
        departments=(_DEPT,),
        schedule=Schedule(tuple(activities)),
        commitments=Commitments(2, CountRange(3, 5), Decimal("1"), True),
        resources=Resources(2, 2, Decimal("20000")),
        issued_on=date(2021, 1, 5),
        source=Source("示例镇2021年社区教育工作计划", issuer="示例镇"),
        profile="shandong-township",
    )


def edit(**changes: Any) -> Callable[[], Plan]:
    return lambda: attrs.evolve(example_plan(), **changes)


def edit_activities(change: Callable[[list[Activity]], None]) -> Callable[[], Plan]:
    def build() -> Plan:
        plan = example_plan()
        activities = list(plan.activities)
        change(activities)
        return attrs.evolve(plan, schedule=Schedule(tuple(activities)))

    return build


def retitle(index: int, title: str) -> Callable[[list[Activity]], None]:
    def change(activities: list[Activity]) -> None:
        activities[index] = attrs.evolve(activities[index], title=title)

    return change


def example(
    en: str, zh: str, plan: Callable[[], Plan], profile: str | Profile | None = None
) -> Example:
    return Example(Text(en, zh), plan, profile or "shandong-township")


PASSES = "The example plan as it stands"


PASSES_ZH = "示例计划原样"


SCHEDULE_SOURCE = Text(
    f"The schedule of {JINSHAN} assigns every item to a month and to responsible bodies.",
    f"《{JINSHAN}》的配档表为每项工作写明月份和责任部门。",
)
