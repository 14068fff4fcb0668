"""CE4xx required events: the events every year's plan must schedule.

The words that recognise an event come from the profile.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import attrs

from commedu._messages import field_label
from commedu.compliance.examples import (
    JINSHAN,
    PASSES,
    PASSES_ZH,
    edit_activities,
    example,
    example_plan,
    quote,
    retitle,
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
from commedu.model.parts import (
    Activity,
)
from commedu.model.plan import Plan
from commedu.model.profile import Profile
from commedu.model.text import Text

__all__ = ["RULES"]


def _required_event(key: str, name: Text) -> Callable[[Plan, Profile | None], Outcome]:
    def check(plan: Plan, profile: Profile | None) -> Outcome:
        if profile is None:
            return NotEvaluable(["profile"])
        spec = profile.events.get(key)
        if spec is None:
            return NotEvaluable([f"profile.events.{key}"])
        matches = [(i, a) for i, a in enumerate(plan.activities) if spec.matches(a.title)]
        if not matches:
            words = " | ".join(" + ".join(group) for group in spec.keywords)
            return Failed(
                [
                    Finding(
                        "schedule",
                        Text(
                            f"no scheduled activity is the {name.en}; looked for titles with: {words}",
                            f"配档表中没有{name.zh}；查找的标题关键词：{words}",
                        ),
                    )
                ]
            )
        timely = [
            (i, a)
            for i, a in matches
            if not spec.months
            # in a plan that spans years, those months of any of its years
            or any(a.when.span.touches_month(y, m) for y in plan.years for m in spec.months)
        ]
        if timely:
            i, a = timely[0]
            return Passed(
                Text(
                    f"schedule.activities[{i}] {quote(a.title)} ({a.wording})",
                    f"{field_label(f'schedule.activities[{i}]', 'zh')} {quote(a.title)}（{a.wording}）",
                )
            )
        months = "、".join(f"{m}月" for m in spec.months)
        months_en = ", ".join(str(m) for m in spec.months)
        return Failed(
            Finding(
                f"schedule.activities[{i}]",
                Text(
                    f"{quote(a.title)} ({a.wording}) should fall in month {months_en}",
                    f"{quote(a.title)}（{a.wording}）应安排在{months}",
                ),
            )
            for i, a in matches
        )

    return check


def _inspection_in_june(activities: list[Activity]) -> None:
    activities[5] = attrs.evolve(activities[5], title="迎接社区教育工作年终督导")
    activities[11] = attrs.evolve(activities[11], title="12月村史讲堂")


#: 国务院办公厅印发《关于切实解决老年人运用智能技术困难的实施方案》的通知, 国办发〔2020〕45号,
#: dated 2020年11月15日: the national notice that made smart-technology help for older people a task.
SMART_TECHNOLOGY_NOTICE = date(2020, 11, 15)

_SMART_TECHNOLOGY_SOURCE = Text(
    "国务院办公厅《关于切实解决老年人运用智能技术困难的实施方案》(国办发〔2020〕45号, 2020-11-15),"
    " in force from that day; plans written earlier are not bound by it.",
    "国务院办公厅印发《关于切实解决老年人运用智能技术困难的实施方案》的通知（国办发〔2020〕45号，"
    "2020年11月15日）；此前制定的计划不受其约束。",
)

_EVENT_SOURCE = Text(
    f"{JINSHAN}, task 8 (the Lifelong Learning Week) and its December item, the year-end"
    " inspection; task 5 calls for smart-technology training for older people.",
    f"《{JINSHAN}》任务（八）“办好全民终身学习活动周”、12月“迎接社区教育工作年终督导”；"
    "任务（五）“积极开展老年人运用智能技术培训”。",
)


RULES: tuple[Rule, ...] = (
    Rule(
        "CE401",
        "lifelong-learning-week",
        Severity.ERROR,
        Text(
            "The schedule includes the Lifelong Learning Week.",
            "配档表安排了全民终身学习活动周。",
        ),
        Text(
            "The week is held nationally every year and every township takes part.",
            "全民终身学习活动周每年全国举办，各镇街均应参加。",
        ),
        _EVENT_SOURCE,
        _required_event(
            "lifelong-learning-week",
            Text("Lifelong Learning Week", "全民终身学习活动周"),
        ),
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "October's item is retitled",
            "10月工作改为其他标题",
            edit_activities(retitle(9, "10月村史讲堂")),
        ),
        scope="schedule",
        title=Text("Lifelong Learning Week", "全民终身学习活动周"),
        failure=Text(
            "The schedule does not include the Lifelong Learning Week.",
            "配档表没有安排全民终身学习活动周。",
        ),
    ),
    Rule(
        "CE402",
        "year-end-inspection",
        Severity.ERROR,
        Text(
            "The schedule includes the year-end inspection at the end of the year.",
            "配档表在年末安排了年终督导。",
        ),
        Text(
            "The inspection checks the plan; preparing for it is part of the year's work.",
            "年终督导检查计划落实情况，迎检是全年工作的一部分。",
        ),
        _EVENT_SOURCE,
        _required_event("year-end-inspection", Text("year-end inspection", "年终督导")),
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "The inspection is scheduled in June",
            "年终督导安排在6月",
            edit_activities(_inspection_in_june),
        ),
        scope="schedule",
        title=Text("Year-end inspection", "年终督导"),
        failure=Text(
            "The schedule does not include the year-end inspection at the end of the year.",
            "配档表没有在年末安排年终督导。",
        ),
    ),
    Rule(
        "CE403",
        "elder-smart-technology-training",
        Severity.ERROR,
        Text(
            "The schedule includes smart-technology training for older people.",
            "配档表安排了老年人智能技术培训。",
        ),
        Text(
            "Helping older residents use smart technology is a standing national task, and plans"
            " that promise it in their text should schedule it.",
            "帮助老年人运用智能技术是国家长期任务，计划正文中承诺的应在配档表中安排。",
        ),
        Text(
            f"{_EVENT_SOURCE.en} {_SMART_TECHNOLOGY_SOURCE.en}",
            f"{_EVENT_SOURCE.zh}{_SMART_TECHNOLOGY_SOURCE.zh}",
        ),
        _required_event(
            "elder-smart-technology-training",
            Text(
                "smart-technology training for older people",
                "老年人智能技术培训",
            ),
        ),
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "March's item is retitled",
            "3月工作改为其他标题",
            edit_activities(retitle(2, "3月村史讲堂")),
        ),
        scope="schedule",
        effective=SMART_TECHNOLOGY_NOTICE,
        title=Text("Smart-technology training for elders", "老年人智能技术培训"),
        failure=Text(
            "The schedule does not include smart-technology training for older people.",
            "配档表没有安排老年人智能技术培训。",
        ),
    ),
)
