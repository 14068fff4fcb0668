"""CE3xx schedule coverage: the 配档表 carries the plan's work through the year."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from commedu._messages import field_label
from commedu.compliance.examples import (
    JINSHAN,
    PASSES,
    PASSES_ZH,
    SCHEDULE_SOURCE,
    edit_activities,
    example,
    example_plan,
    quote,
)
from commedu.compliance.rule import (
    Finding,
    NotApplicable,
    Outcome,
    Rule,
    Severity,
    outcome,
)
from commedu.model.parts import (
    Activity,
    Station,
)
from commedu.model.plan import Plan
from commedu.model.profile import Profile
from commedu.model.text import Text
from commedu.model.when import DateSpan, MonthSpan, When, Yearly

__all__ = ["RULES"]


def _every_month(plan: Plan, _: Profile | None) -> Outcome:
    # Only the months the plan covers, each of each year: a summer plan is judged on July and
    # August, and a multi-year plan with only February in 2012 has eleven empty months in 2012.
    several = plan.span.first.year != plan.span.last.year
    spans = [span for a in plan.activities for span in _spans(a.when)]
    shown = f"{plan.span.first.isoformat()}/{plan.span.last.isoformat()}"
    note = (
        None
        if plan.whole_years
        else Text(
            f"every month of the period {shown} has work", f"计划期限 {shown} 内每个月都有工作"
        )
    )
    return outcome(
        (
            Finding(
                "schedule",
                Text(
                    f"no work is scheduled in {year}-{month:02d}"
                    if several
                    else f"no work is scheduled in month {month}",
                    f"{year}年{month}月没有安排工作" if several else f"{month}月没有安排工作",
                ),
            )
            for year, month in plan.months
            if not any(span.touches_month(year, month) for span in spans)
        ),
        note,
    )


def _spans(when: When) -> tuple[DateSpan, ...]:
    """The windows a *when* covers: each year's for 每年…, which does not fill the years between."""
    if isinstance(when, Yearly):
        return tuple(each.span for each in when.each)
    return (when.span,)


def _has_responsible(plan: Plan, _: Profile | None) -> Outcome:
    return outcome(
        Finding(
            f"schedule.activities[{i}].responsible",
            Text(
                f"{quote(a.title)} ({a.wording}) names no responsible department",
                f"{quote(a.title)}（{a.wording}）没有责任部门",
            ),
        )
        for i, a in enumerate(plan.activities)
        if not a.responsible
    )


def _same_title(title: str) -> str:
    return "".join(title.split())


def _overlap(a: Activity, b: Activity) -> bool:
    return a.when.span.first <= b.when.span.last and b.when.span.first <= a.when.span.last


def _no_duplicates(plan: Plan, _: Profile | None) -> Outcome:
    # Same title at times that do not meet is a series (讲座 in 3月, 6月 and 9月), one item held
    # again, as a recurrence is one item; only the same work listed twice for one time is a duplicate.
    seen: dict[str, list[int]] = {}
    findings = []
    for i, activity in enumerate(plan.activities):
        earlier = seen.setdefault(_same_title(activity.title), [])
        clash = next((j for j in earlier if _overlap(plan.activities[j], activity)), None)
        earlier.append(i)
        if clash is None:
            continue
        other = plan.activities[clash]
        findings.append(
            Finding(
                f"schedule.activities[{i}]",
                Text(
                    f"{quote(activity.title)} ({activity.wording}) is already scheduled at "
                    f"schedule.activities[{clash}] ({other.wording})",
                    f"{quote(activity.title)}（{activity.wording}）与 "
                    f"{field_label(f'schedule.activities[{clash}]', 'zh')}（{other.wording}）重复",
                ),
            )
        )
    return outcome(findings)


_NO_STATIONS = NotApplicable(
    Text(
        "the plan names no stations; its work happens at other places",
        "计划未设社区教育工作站，工作在其他场所开展",
    )
)


def _tasks_served(plan: Plan, _: Profile | None) -> Outcome:
    served = {ref for a in plan.activities for ref in a.serves}
    findings = []
    for i, task in enumerate(plan.tasks):
        if task.standing or task.id in served or any(m.id in served for m in task.mechanisms):
            continue
        findings.append(
            Finding(
                f"tasks[{i}]",
                Text(
                    f"no scheduled activity serves task {task.number} {quote(task.title)}"
                    " or any of its mechanisms",
                    f"配档表中没有工作服务于任务（{task.numeral}）{quote(task.title)}或其机制",
                ),
            )
        )
    return outcome(findings)


def _mechanisms_served(plan: Plan, _: Profile | None) -> Outcome:
    served = {ref for a in plan.activities for ref in a.serves}
    findings = []
    for i, task in enumerate(plan.tasks):
        if task.standing:
            continue
        for j, mechanism in enumerate(task.mechanisms):
            if mechanism.standing or mechanism.id in served:
                continue
            findings.append(
                Finding(
                    f"tasks[{i}].mechanisms[{j}]",
                    Text(
                        f"no scheduled activity serves mechanism {mechanism.id} "
                        f"{quote(mechanism.title)}",
                        f"配档表中没有工作服务于机制 {mechanism.id} {quote(mechanism.title)}",
                    ),
                )
            )
    return outcome(findings)


def _station_theme(plan: Plan, _: Profile | None) -> Outcome:
    if not plan.stations:
        return _NO_STATIONS
    return outcome(
        Finding(
            f"stations[{i}].theme",
            Text(f"station {quote(s.name)} has no theme", f"{quote(s.name)}没有主题"),
        )
        for i, s in enumerate(plan.stations)
        if not s.theme.strip()
    )


def _station_activity(plan: Plan, _: Profile | None) -> Outcome:
    if not plan.stations:
        return _NO_STATIONS
    return outcome(
        Finding(
            f"stations[{i}]",
            Text(
                f"no scheduled activity takes place at {quote(s.name)}",
                f"配档表中没有在{quote(s.name)}开展的工作",
            ),
        )
        for i, s in enumerate(plan.stations)
        if not plan.schedule.at_station(s)
    )


def _no_responsible(activities: list[Activity]) -> None:
    activities[4] = attrs.evolve(activities[4], responsible=())


def _drop_month(month: int) -> Callable[[list[Activity]], None]:
    def change(activities: list[Activity]) -> None:
        del activities[month - 1]

    return change


def _duplicate(activities: list[Activity]) -> None:
    activities[6] = attrs.evolve(
        activities[6], title="校外培训机构专项治理", when=MonthSpan(2021, 7, 8)
    )
    activities[7] = attrs.evolve(activities[7], title="校外培训机构专项治理")


def _unserved(activities: list[Activity]) -> None:
    activities[:] = [attrs.evolve(a, serves=()) for a in activities]


def _add_themeless_station() -> Plan:
    plan = example_plan()
    station = Station("west", "西村社区教育工作站", place="西村", theme="")
    return attrs.evolve(plan, stations=(*plan.stations, station))


def _no_station(activities: list[Activity]) -> None:
    activities[:] = [attrs.evolve(a, station=None) for a in activities]


RULES: tuple[Rule, ...] = (
    Rule(
        "CE301",
        "every-month-has-work",
        Severity.WARNING,
        Text("Every month of the year has scheduled work.", "全年每个月都安排了工作。"),
        Text(
            "Community education runs all year; an empty month is usually a gap in the plan. Only"
            " the months the plan covers count, each year of a multi-year plan on its own.",
            "社区教育全年开展，某月无工作通常是计划的缺口。只看计划期限内的月份，"
            "多年计划逐年判断。",
        ),
        SCHEDULE_SOURCE,
        _every_month,
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "Nothing is scheduled in February", "2月没有安排工作", edit_activities(_drop_month(2))
        ),
        scope="schedule",
        title=Text("Every month has work", "每月都有工作"),
        failure=Text(
            "Some months have no scheduled work.",
            "有月份没有安排工作。",
        ),
    ),
    Rule(
        "CE302",
        "activity-has-responsible",
        Severity.ERROR,
        Text(
            "Every scheduled activity names a responsible department.",
            "每项工作都有责任部门。",
        ),
        Text(
            "Work that nobody is responsible for does not get done.", "没有责任部门的工作无人落实。"
        ),
        SCHEDULE_SOURCE,
        _has_responsible,
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "May's activity names no department",
            "5月的工作没有责任部门",
            edit_activities(_no_responsible),
        ),
        scope="schedule",
        title=Text("Responsible department named", "工作有责任部门"),
        failure=Text(
            "Some scheduled activities name no responsible department.",
            "有工作没有责任部门。",
        ),
    ),
    Rule(
        "CE303",
        "no-duplicate-activity",
        Severity.WARNING,
        Text("No activity is listed twice in the schedule.", "配档表中没有重复列出的工作。"),
        Text(
            "A twice-listed item is counted twice in the year's totals and confuses who does it when;"
            " a campaign spanning months is one item with a span such as 7-8月.",
            "重复列出的工作会被重复统计，也让人不清楚何时由谁做；跨月的工作应写成一项，如“7-8月”。",
        ),
        Text(
            f"{JINSHAN} lists 校外培训机构专项治理 under 7月 as （7-8月） and again under 8月.",
            f"《{JINSHAN}》在7月列出“校外培训机构专项治理（7-8月）”，8月再次列出“校外培训机构专项治理”。",
        ),
        _no_duplicates,
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "A 7-8月 campaign listed again under 8月",
            "7-8月的工作在8月再次列出",
            edit_activities(_duplicate),
        ),
        scope="schedule",
        title=Text("No duplicate activity", "工作不重复"),
        failure=Text(
            "Some activities are listed twice in the schedule.",
            "配档表中有重复列出的工作。",
        ),
    ),
    Rule(
        "CE304",
        "task-served",
        Severity.WARNING,
        Text(
            "Every main task is served by a scheduled activity, unless it is a standing arrangement.",
            "每项主要任务都有配档表中的工作落实（常设安排除外）。",
        ),
        Text(
            "A task with no scheduled work is a promise with no date. An activity serving one of a"
            " task's mechanisms serves the task.",
            "配档表中没有工作的任务是没有时间表的承诺。服务于某机制的工作也算服务于其所属任务。",
        ),
        Text(
            f"The main tasks and measures and the schedule of {JINSHAN}.",
            f"《{JINSHAN}》主要任务及措施与配档表。",
        ),
        _tasks_served,
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "No activity serves anything", "没有工作服务于任何任务", edit_activities(_unserved)
        ),
        scope="tasks",
        title=Text("Every task served", "主要任务有工作落实"),
        failure=Text(
            "Some main tasks are served by no scheduled activity.",
            "有主要任务在配档表中没有工作落实。",
        ),
    ),
    Rule(
        "CE305",
        "mechanism-served",
        Severity.WARNING,
        Text(
            "Every mechanism is served by a scheduled activity, unless it (or its task) is a standing arrangement.",
            "每个机制都有配档表中的工作落实（常设安排除外）。",
        ),
        Text(
            "Work for a task in general does not show that each of its mechanisms is carried out,"
            " so a mechanism must be served itself; mark funding rules and the like standing.",
            "服务于任务整体的工作不能说明其每个机制都已落实，因此机制须有自己的工作；经费制度等常设安排应写明 standing = true。",
        ),
        Text(
            f"The main tasks and measures and the schedule of {JINSHAN}.",
            f"《{JINSHAN}》主要任务及措施与配档表。",
        ),
        _mechanisms_served,
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "No activity serves anything", "没有工作服务于任何机制", edit_activities(_unserved)
        ),
        scope="tasks",
        title=Text("Every mechanism served", "机制有工作落实"),
        failure=Text(
            "Some mechanisms are served by no scheduled activity.",
            "有机制在配档表中没有工作落实。",
        ),
    ),
    Rule(
        "CE306",
        "station-has-theme",
        Severity.WARNING,
        Text("Every station has a theme.", "每个社区教育工作站都有主题。"),
        Text(
            "The plan builds each station around a theme; a station without one has no purpose.",
            "计划围绕主题建设工作站；没有主题的工作站没有方向。",
        ),
        Text(
            f"The station sentence of {JINSHAN} task 1, point 2.",
            f"《{JINSHAN}》任务（一）2 中关于工作站的表述。",
        ),
        _station_theme,
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "A station with an empty theme",
            "工作站主题为空",
            _add_themeless_station,
        ),
        scope="stations",
        title=Text("Every station has a theme", "工作站有主题"),
        failure=Text(
            "Some stations have no theme.",
            "有社区教育工作站没有主题。",
        ),
    ),
    Rule(
        "CE307",
        "station-has-activity",
        Severity.WARNING,
        Text("Every station has some scheduled activity.", "每个工作站都有配档表中的工作。"),
        Text(
            "A station no activity takes place at exists only on paper.",
            "没有任何工作的工作站只存在于纸面上。",
        ),
        Text(
            f"The station sentence of {JINSHAN} task 1, point 2, and its schedule.",
            f"《{JINSHAN}》任务（一）2 与配档表。",
        ),
        _station_activity,
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "No activity is at a station", "没有工作在工作站开展", edit_activities(_no_station)
        ),
        scope="stations",
        title=Text("Every station has work", "工作站有工作"),
        failure=Text(
            "Some stations have no scheduled activity.",
            "有工作站在配档表中没有工作。",
        ),
    ),
)
