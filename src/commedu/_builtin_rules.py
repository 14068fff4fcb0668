"""commedu's own compliance rules, codes ``CE`` + three digits, by family.

- CE1xx plan integrity: the plan states what a reader needs to judge it.
- CE2xx provincial standards: staffing and funding, commitments and actual figures apart.
- CE3xx schedule coverage: the 配档表 carries the plan's work through the year.
- CE4xx required events: the events every year's plan must schedule.

Each rule carries its documentation and two example plans, one it passes and one it fails; the
tests run every example, so the docs cannot drift from the code. Thresholds and the words that
recognise a required event come from the profile, never from here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from commedu._model import (
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
from commedu._plan import Plan
from commedu._profiles import Profile
from commedu._rule import (
    Example,
    Failed,
    Finding,
    NotEvaluable,
    Outcome,
    Passed,
    Rule,
    Severity,
    Text,
    outcome,
)
from commedu._when import Month, MonthSpan

__all__ = ["BUILTIN_RULES", "example_plan"]

JINSHAN = "金山镇2021年社区教育工作计划"
STAFF_QUOTE = "确保按标准设置，达到2名专职人员、3—5名专兼职人员的省定标准。"
FUNDING_QUOTE = "镇财政每年分别按照常住人口人均不低于1元的标准拨付社区教育经费，做到专款专用。"


def T(en: str, zh: str) -> Text:
    return Text(en, zh)


def _quote(title: str) -> str:
    return f"“{title}”"


# -- the example plan the documentation varies ------------------------------------------------

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


def _edit(**changes: Any) -> Callable[[], Plan]:
    return lambda: attrs.evolve(example_plan(), **changes)


def _edit_activities(change: Callable[[list[Activity]], None]) -> Callable[[], Plan]:
    def build() -> Plan:
        plan = example_plan()
        activities = list(plan.activities)
        change(activities)
        return attrs.evolve(plan, schedule=Schedule(tuple(activities)))

    return build


def _retitle(index: int, title: str) -> Callable[[list[Activity]], None]:
    def change(activities: list[Activity]) -> None:
        activities[index] = attrs.evolve(activities[index], title=title)

    return change


def _example(en: str, zh: str, plan: Callable[[], Plan], profile: str | None = None) -> Example:
    return Example(T(en, zh), plan, profile or "shandong-township")


PASSES = "The example plan as it stands"
PASSES_ZH = "示例计划原样"


# -- CE1xx plan integrity ------------------------------------------------------------------------


def _schedule_not_empty(plan: Plan, _: Profile | None) -> Outcome:
    if plan.activities:
        return Passed(
            T(
                f"{len(plan.activities)} activities scheduled",
                f"配档表共 {len(plan.activities)} 项工作",
            )
        )
    return Failed(
        [Finding("schedule", T("the schedule (配档表) lists no activity", "配档表没有任何工作"))]
    )


def _tasks_have_measures(plan: Plan, _: Profile | None) -> Outcome:
    findings = []
    if not plan.tasks:
        findings.append(Finding("tasks", T("the plan states no main task", "计划没有列出主要任务")))
    for i, task in enumerate(plan.tasks):
        if not task.measures and not task.mechanisms:
            findings.append(
                Finding(
                    f"tasks[{i}]",
                    T(
                        f"task {_quote(task.title)} states no measure",
                        f"任务{_quote(task.title)}没有列出措施",
                    ),
                )
            )
        for j, mechanism in enumerate(task.mechanisms):
            if not mechanism.measures:
                findings.append(
                    Finding(
                        f"tasks[{i}].mechanisms[{j}]",
                        T(
                            f"mechanism {_quote(mechanism.title)} states no measure",
                            f"机制{_quote(mechanism.title)}没有列出措施",
                        ),
                    )
                )
    return outcome(findings)


def _goals_stated(plan: Plan, _: Profile | None) -> Outcome:
    findings = [
        Finding(field, T(f"the plan states no {en}", f"计划没有写明{zh}"))
        for field, en, zh in (
            ("guiding_principles", "guiding principles (指导思想)", "指导思想"),
            ("goals", "goals (工作目标)", "工作目标"),
        )
        if not getattr(plan, field).strip()
    ]
    return outcome(findings)


def _source_cited(plan: Plan, _: Profile | None) -> Outcome:
    if plan.source is None:
        return Failed(
            [
                Finding(
                    "source",
                    T(
                        "the plan does not say which document it was encoded from",
                        "计划没有注明依据的文件",
                    ),
                )
            ]
        )
    return Passed(T(f"source: {_quote(plan.source.title)}", f"依据：{_quote(plan.source.title)}"))


def _issue_date(plan: Plan, _: Profile | None) -> Outcome:
    if plan.issued_on is None:
        return Failed(
            [
                Finding(
                    "issued_on",
                    T("the plan states no date of issue", "计划没有写明印发日期"),
                )
            ]
        )
    return Passed(T(f"issued on {plan.issued_on}", f"印发日期 {plan.issued_on}"))


# -- CE2xx provincial standards ----------------------------------------------------------------------


def _profile_level(plan: Plan, profile: Profile | None) -> Outcome:
    if profile is None:
        return NotEvaluable(["profile"])
    if profile.applies_to == "township":
        return Passed(T("the profile governs townships", "标准档案适用于镇（街道）"))
    return Failed(
        [
            Finding(
                "profile",
                T(
                    f"the profile {profile.name!r} governs districts (区、县、市), but this is the "
                    f"plan of {plan.township.name}; read its results as a comparison",
                    f"标准档案 {profile.name!r} 适用于区（县、市），而本计划属于{plan.township.name}；"
                    "其结果仅供比较",
                ),
            )
        ]
    )


Threshold = Callable[[Profile], int | Decimal | None]


def _needs(
    profile: Profile | None, threshold: Threshold, threshold_path: str, values: Mapping[str, object]
) -> list[str]:
    """The data a comparison lacks: the profile, its threshold, then the plan's figures."""
    if profile is None:
        missing = ["profile"]
    else:
        missing = [] if threshold(profile) is not None else [threshold_path]
    return missing + [path for path, value in values.items() if value is None]


def _at_least(
    value: int | Decimal | None,
    value_path: str,
    profile: Profile | None,
    threshold: Threshold,
    threshold_path: str,
    what: Text,
    unit: Text,
) -> Outcome:
    missing = _needs(profile, threshold, threshold_path, {value_path: value})
    limit = None if profile is None else threshold(profile)
    if missing or value is None or limit is None:
        return NotEvaluable(missing)
    if value >= limit:
        return Passed(
            T(
                f"{what.en}: {value} {unit.en}, at least the {limit} the profile requires",
                f"{what.zh}：{value}{unit.zh}，不低于标准要求的 {limit}{unit.zh}",
            )
        )
    return Failed(
        [
            Finding(
                value_path,
                T(
                    f"{what.en}: {value} {unit.en}, below the {limit} the profile requires",
                    f"{what.zh}：{value}{unit.zh}，低于标准要求的 {limit}{unit.zh}",
                ),
            )
        ]
    )


_PEOPLE = T("people", "人")
_YUAN = T("yuan per resident per year", "元/人/年")


def _full_time(profile: Profile) -> int | None:
    return profile.full_time_staff


def _staff_low(profile: Profile) -> int | None:
    return None if profile.staff is None else profile.staff.low


def _per_resident(profile: Profile) -> Decimal | None:
    return profile.funding_per_resident


def _full_time_committed(plan: Plan, profile: Profile | None) -> Outcome:
    return _at_least(
        plan.commitments.full_time_staff,
        "commitments.full_time_staff",
        profile,
        _full_time,
        "profile.staffing.full_time",
        T("full-time staff committed", "承诺的专职人员"),
        _PEOPLE,
    )


def _staff_committed(plan: Plan, profile: Profile | None) -> Outcome:
    staff = plan.commitments.staff
    return _at_least(
        None if staff is None else staff.low,
        "commitments.staff",
        profile,
        _staff_low,
        "profile.staffing.staff",
        T("full- and part-time staff committed (lower bound)", "承诺的专兼职人员（下限）"),
        _PEOPLE,
    )


def _funding_committed(plan: Plan, profile: Profile | None) -> Outcome:
    return _at_least(
        plan.commitments.funding_per_resident,
        "commitments.funding_per_resident",
        profile,
        _per_resident,
        "profile.funding.per_resident",
        T("funding committed", "承诺的经费"),
        _YUAN,
    )


def _funding_earmarked(plan: Plan, profile: Profile | None) -> Outcome:
    if profile is None:
        return NotEvaluable(["profile"])
    if profile.funding_earmarked is None:
        return NotEvaluable(["profile.funding.earmarked"])
    if not profile.funding_earmarked:
        return Passed(
            T("the profile does not require ring-fenced funding", "标准档案不要求专款专用")
        )
    if plan.commitments.funding_earmarked:
        return Passed(T("the funding is committed as ring-fenced", "计划承诺经费专款专用"))
    return Failed(
        [
            Finding(
                "commitments.funding_earmarked",
                T(
                    "the plan does not commit to ring-fenced (专款专用) funding",
                    "计划没有承诺经费专款专用",
                ),
            )
        ]
    )


def _full_time_actual(plan: Plan, profile: Profile | None) -> Outcome:
    return _at_least(
        plan.resources.full_time_staff,
        "resources.full_time_staff",
        profile,
        _full_time,
        "profile.staffing.full_time",
        T("full-time staff in post", "现有专职人员"),
        _PEOPLE,
    )


def _staff_actual(plan: Plan, profile: Profile | None) -> Outcome:
    full, part = plan.resources.full_time_staff, plan.resources.part_time_staff
    if full is None or part is None:
        values = {"resources.full_time_staff": full, "resources.part_time_staff": part}
        return NotEvaluable(_needs(profile, _staff_low, "profile.staffing.staff", values))
    return _at_least(
        full + part,
        "resources",
        profile,
        _staff_low,
        "profile.staffing.staff",
        T("full- and part-time staff in post", "现有专兼职人员"),
        _PEOPLE,
    )


def _funding_actual(plan: Plan, profile: Profile | None) -> Outcome:
    budget = plan.resources.budget
    population = plan.township.resident_population
    values = {
        "resources.budget": budget,
        # A population of 0 gives no per-resident figure, so it is as good as missing.
        "township.resident_population": population or None,
    }
    missing = _needs(profile, _per_resident, "profile.funding.per_resident", values)
    threshold = None if profile is None else profile.funding_per_resident
    if missing or budget is None or not population or threshold is None:
        return NotEvaluable(missing)
    needed = threshold * population
    per_resident = (budget / population).quantize(Decimal("0.01"))
    numbers = T(
        f"budget {budget} yuan for {population} residents is {per_resident} yuan per resident;"
        f" the profile requires {threshold} ({needed} yuan)",
        f"预算 {budget} 元、常住人口 {population} 人，人均 {per_resident} 元；"
        f"标准要求人均 {threshold} 元（共 {needed} 元）",
    )
    if budget >= needed:
        return Passed(numbers)
    return Failed([Finding("resources.budget", numbers)])


# -- CE3xx schedule coverage -------------------------------------------------------------------


def _every_month(plan: Plan, _: Profile | None) -> Outcome:
    return outcome(
        Finding(
            "schedule",
            T(f"no work is scheduled in {month}月 (month {month})", f"{month}月没有安排工作"),
        )
        for month in range(1, 13)
        if not plan.activities_in_month(month)
    )


def _has_responsible(plan: Plan, _: Profile | None) -> Outcome:
    return outcome(
        Finding(
            f"schedule.activities[{i}].responsible",
            T(
                f"{_quote(a.title)} ({a.when}) names no responsible department (责任部门)",
                f"{_quote(a.title)}（{a.when}）没有责任部门",
            ),
        )
        for i, a in enumerate(plan.activities)
        if not a.responsible
    )


def _same_title(title: str) -> str:
    return "".join(title.split())


def _no_duplicates(plan: Plan, _: Profile | None) -> Outcome:
    first: dict[str, int] = {}
    findings = []
    for i, activity in enumerate(plan.activities):
        key = _same_title(activity.title)
        if key in first:
            earlier = plan.activities[first[key]]
            findings.append(
                Finding(
                    f"schedule.activities[{i}]",
                    T(
                        f"{_quote(activity.title)} ({activity.when}) is already scheduled at "
                        f"schedule.activities[{first[key]}] ({earlier.when})",
                        f"{_quote(activity.title)}（{activity.when}）与 "
                        f"schedule.activities[{first[key]}]（{earlier.when}）重复",
                    ),
                )
            )
        else:
            first[key] = i
    return outcome(findings)


def _tasks_served(plan: Plan, _: Profile | None) -> Outcome:
    served = {ref for a in plan.activities for ref in a.serves}
    findings = []
    for i, task in enumerate(plan.tasks):
        if task.standing or task.id in served or any(m.id in served for m in task.mechanisms):
            continue
        findings.append(
            Finding(
                f"tasks[{i}]",
                T(
                    f"no scheduled activity serves task ({task.numeral}) {_quote(task.title)}"
                    " or any of its mechanisms",
                    f"配档表中没有工作服务于任务（{task.numeral}）{_quote(task.title)}或其机制",
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
                    T(
                        f"no scheduled activity serves mechanism {mechanism.id} "
                        f"{_quote(mechanism.title)}",
                        f"配档表中没有工作服务于机制 {mechanism.id} {_quote(mechanism.title)}",
                    ),
                )
            )
    return outcome(findings)


def _station_theme(plan: Plan, _: Profile | None) -> Outcome:
    return outcome(
        Finding(
            f"stations[{i}].theme",
            T(f"station {_quote(s.name)} has no theme", f"{_quote(s.name)}没有主题"),
        )
        for i, s in enumerate(plan.stations)
        if not s.theme.strip()
    )


def _station_activity(plan: Plan, _: Profile | None) -> Outcome:
    return outcome(
        Finding(
            f"stations[{i}]",
            T(
                f"no scheduled activity takes place at {_quote(s.name)}",
                f"配档表中没有在{_quote(s.name)}开展的工作",
            ),
        )
        for i, s in enumerate(plan.stations)
        if not plan.schedule.at_station(s)
    )


# -- CE4xx required events ---------------------------------------------------------------------


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
                        T(
                            f"no scheduled activity is the {name.en}; looked for titles with: {words}",
                            f"配档表中没有{name.zh}；查找的标题关键词：{words}",
                        ),
                    )
                ]
            )
        timely = [
            (i, a)
            for i, a in matches
            if not spec.months or any(a.when.span.touches_month(plan.year, m) for m in spec.months)
        ]
        if timely:
            i, a = timely[0]
            return Passed(
                T(
                    f"schedule.activities[{i}] {_quote(a.title)} ({a.when})",
                    f"schedule.activities[{i}] {_quote(a.title)}（{a.when}）",
                )
            )
        months = "、".join(f"{m}月" for m in spec.months)
        return Failed(
            Finding(
                f"schedule.activities[{i}]",
                T(
                    f"{_quote(a.title)} ({a.when}) should fall in {months}",
                    f"{_quote(a.title)}（{a.when}）应安排在{months}",
                ),
            )
            for i, a in matches
        )

    return check


# -- the rules ------------------------------------------------------------------------------------


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


def _inspection_in_june(activities: list[Activity]) -> None:
    activities[5] = attrs.evolve(activities[5], title="迎接社区教育工作年终督导")
    activities[11] = attrs.evolve(activities[11], title="12月村史讲堂")


def _add_task() -> Plan:
    plan = example_plan()
    return attrs.evolve(plan, tasks=(*plan.tasks, Task("t2", 2, "推进社区教育信息化")))


def _add_themeless_station() -> Plan:
    plan = example_plan()
    station = Station("west", "西村社区教育工作站", place="西村", theme="")
    return attrs.evolve(plan, stations=(*plan.stations, station))


def _no_station(activities: list[Activity]) -> None:
    activities[:] = [attrs.evolve(a, station=None) for a in activities]


_SCHEDULE_SOURCE = T(
    f"The 配档表 of {JINSHAN} assigns every item to a month and to responsible bodies (责任部门).",
    f"《{JINSHAN}》的配档表为每项工作写明月份和责任部门。",
)
_EVENT_SOURCE = T(
    f"{JINSHAN}, task (八) 办好全民终身学习活动周 and the 12月 item 迎接社区教育工作年终督导; "
    "task (五) calls for 老年人运用智能技术培训.",
    f"《{JINSHAN}》任务（八）“办好全民终身学习活动周”、12月“迎接社区教育工作年终督导”；"
    "任务（五）“积极开展老年人运用智能技术培训”。",
)
_STANDARD_SOURCE = T(
    f"The provincial standard (省定标准) as cited by {JINSHAN}: “{STAFF_QUOTE}” “{FUNDING_QUOTE}”",
    f"《{JINSHAN}》引述的省定标准：“{STAFF_QUOTE}”“{FUNDING_QUOTE}”",
)

BUILTIN_RULES: tuple[Rule, ...] = (
    Rule(
        "CE101",
        "schedule-not-empty",
        Severity.ERROR,
        T("The plan schedules at least one activity.", "计划的配档表至少有一项工作。"),
        T(
            "A plan without a schedule cannot be carried out or inspected month by month.",
            "没有配档表的计划无法逐月落实，也无法督导。",
        ),
        _SCHEDULE_SOURCE,
        _schedule_not_empty,
        _example(PASSES, PASSES_ZH, example_plan),
        _example("The schedule is empty", "配档表为空", _edit(schedule=Schedule())),
        scope="schedule",
    ),
    Rule(
        "CE102",
        "tasks-have-measures",
        Severity.WARNING,
        T(
            "The plan states main tasks, and every task and mechanism states a measure.",
            "计划列出主要任务，且每项任务、每个机制都有措施。",
        ),
        T(
            "A task with no measure says what to achieve but not what will be done.",
            "没有措施的任务只说了目标，没有说做什么。",
        ),
        T(f"The 主要任务及措施 section of {JINSHAN}.", f"《{JINSHAN}》“主要任务及措施”部分。"),
        _tasks_have_measures,
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "A task with neither measures nor mechanisms",
            "一项任务既无措施也无机制",
            _add_task,
        ),
        scope="tasks",
    ),
    Rule(
        "CE103",
        "goals-stated",
        Severity.WARNING,
        T("The plan states its guiding principles and its goals.", "计划写明指导思想和工作目标。"),
        T(
            "The inspection reads the year's work against what the plan set out to do.",
            "督导时要对照计划的指导思想和目标检查全年工作。",
        ),
        T(
            f"Sections 一、指导思想 and 二、工作目标 of {JINSHAN}.",
            f"《{JINSHAN}》一、指导思想；二、工作目标。",
        ),
        _goals_stated,
        _example(PASSES, PASSES_ZH, example_plan),
        _example("The goals are left empty", "工作目标为空", _edit(goals="")),
        scope="goals",
    ),
    Rule(
        "CE104",
        "source-cited",
        Severity.INFO,
        T("The plan names the document it was encoded from.", "计划注明所依据的文件。"),
        T(
            "A reader must be able to check every figure against the issued document.",
            "读者应能对照原文件核对每个数字。",
        ),
        T(
            "commedu: every plan's text is kept verbatim from its source.",
            "commedu：计划文字逐字保留原文。",
        ),
        _source_cited,
        _example(PASSES, PASSES_ZH, example_plan),
        _example("No source is given", "未注明依据文件", _edit(source=None)),
        scope="source",
    ),
    Rule(
        "CE105",
        "issue-date",
        Severity.INFO,
        T("The plan states the date it was issued.", "计划写明印发日期。"),
        T(
            "The date shows whether the plan was in force before the work it schedules.",
            "印发日期表明计划是否在所安排的工作之前生效。",
        ),
        T(
            "commedu: a plan is an issued document (公文), which carries a date.",
            "commedu：计划是公文，应有成文日期。",
        ),
        _issue_date,
        _example(PASSES, PASSES_ZH, example_plan),
        _example("No date of issue", "没有印发日期", _edit(issued_on=None)),
        scope="issued_on",
    ),
    Rule(
        "CE200",
        "profile-level",
        Severity.INFO,
        T(
            "The standard profile governs townships, the level every plan belongs to.",
            "标准档案适用于镇（街道）一级，即计划所属的层级。",
        ),
        T(
            "A district standard (such as the national demonstration-district one) can be compared "
            "with a township's plan but does not bind it.",
            "区（县、市）一级的标准（如全国社区教育示范区标准）可用于比较，但不约束镇（街道）计划。",
        ),
        T("The profile's own applies_to field.", "标准档案的 applies_to 项。"),
        _profile_level,
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "Checked against national-demonstration",
            "按 national-demonstration 检查",
            example_plan,
            "national-demonstration",
        ),
        scope="profile",
    ),
    Rule(
        "CE201",
        "full-time-staff-committed",
        Severity.ERROR,
        T(
            "The plan commits to at least the profile's number of full-time staff (专职人员).",
            "计划承诺的专职人员不少于标准。",
        ),
        T("Staffing is the first thing the standard fixes.", "人员配置是标准首先规定的内容。"),
        _STANDARD_SOURCE,
        _full_time_committed,
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "The plan commits to 1 full-time staff member",
            "计划承诺 1 名专职人员",
            _edit(commitments=Commitments(1, CountRange(3, 5), Decimal("1"), True)),
        ),
        scope="commitments.full_time_staff",
    ),
    Rule(
        "CE202",
        "staff-committed",
        Severity.ERROR,
        T(
            "The plan commits to at least the profile's lower bound of full- and part-time staff"
            " (专兼职人员).",
            "计划承诺的专兼职人员不少于标准下限。",
        ),
        T(
            "The standard's 3–5 is a range by size of township; at least its lower bound is required.",
            "标准的 3—5 名依镇街规模而定，至少要达到下限。",
        ),
        _STANDARD_SOURCE,
        _staff_committed,
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "The plan commits to 2 full- and part-time staff",
            "计划承诺 2 名专兼职人员",
            _edit(commitments=Commitments(2, CountRange(2, 2), Decimal("1"), True)),
        ),
        scope="commitments.staff",
    ),
    Rule(
        "CE203",
        "funding-committed",
        Severity.ERROR,
        T(
            "The plan commits to at least the profile's funding per resident per year.",
            "计划承诺的人均经费不低于标准。",
        ),
        T(
            "Funding by resident population is what keeps community education running all year.",
            "按常住人口拨付的经费是社区教育常年运转的保障。",
        ),
        _STANDARD_SOURCE,
        _funding_committed,
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "Checked against national-demonstration (2 yuan)",
            "按 national-demonstration（2 元）检查",
            example_plan,
            "national-demonstration",
        ),
        scope="commitments.funding_per_resident",
    ),
    Rule(
        "CE204",
        "funding-earmarked",
        Severity.ERROR,
        T(
            "The plan commits to ring-fenced funding (专款专用) where the profile requires it.",
            "标准要求时，计划承诺经费专款专用。",
        ),
        T(
            "Funds that are not ring-fenced can be spent on other work.",
            "不专款专用的经费可能被挪作他用。",
        ),
        _STANDARD_SOURCE,
        _funding_earmarked,
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "The funding is not committed as ring-fenced",
            "未承诺专款专用",
            _edit(commitments=Commitments(2, CountRange(3, 5), Decimal("1"), False)),
        ),
        scope="commitments.funding_earmarked",
    ),
    Rule(
        "CE211",
        "full-time-staff-actual",
        Severity.ERROR,
        T(
            "The township actually has at least the profile's number of full-time staff.",
            "镇街现有专职人员不少于标准。",
        ),
        T(
            "A commitment is checked apart from the figures: the inspection counts people in post.",
            "承诺与实际分开检查：督导看的是在岗人数。",
        ),
        _STANDARD_SOURCE,
        _full_time_actual,
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "1 full-time staff member in post",
            "在岗专职人员 1 名",
            _edit(resources=Resources(1, 3, Decimal("20000"))),
        ),
        scope="resources.full_time_staff",
    ),
    Rule(
        "CE212",
        "staff-actual",
        Severity.ERROR,
        T(
            "The township actually has at least the profile's lower bound of full- and part-time staff.",
            "镇街现有专兼职人员不少于标准下限。",
        ),
        T(
            "A commitment is checked apart from the figures: the inspection counts people in post.",
            "承诺与实际分开检查：督导看的是在岗人数。",
        ),
        _STANDARD_SOURCE,
        _staff_actual,
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "2 full-time and no part-time staff in post",
            "在岗专职 2 名、兼职 0 名",
            _edit(resources=Resources(2, 0, Decimal("20000"))),
        ),
        scope="resources",
    ),
    Rule(
        "CE213",
        "funding-actual",
        Severity.ERROR,
        T(
            "The budget divided by the resident population (常住人口) meets the profile's funding per resident.",
            "预算按常住人口人均不低于标准。",
        ),
        T(
            "The commitment says how much per resident; only the budget and the population show it is met.",
            "承诺只说人均多少，只有预算和常住人口才能说明是否做到。",
        ),
        _STANDARD_SOURCE,
        _funding_actual,
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "A budget of 15000 yuan for 20000 residents",
            "预算 15000 元、常住人口 20000 人",
            _edit(resources=Resources(2, 2, Decimal("15000"))),
        ),
        scope="resources.budget",
    ),
    Rule(
        "CE301",
        "every-month-has-work",
        Severity.WARNING,
        T("Every month of the year has scheduled work.", "全年每个月都安排了工作。"),
        T(
            "Community education runs all year; an empty month is usually a gap in the plan.",
            "社区教育全年开展，某月无工作通常是计划的缺口。",
        ),
        _SCHEDULE_SOURCE,
        _every_month,
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "Nothing is scheduled in February", "2月没有安排工作", _edit_activities(_drop_month(2))
        ),
        scope="schedule",
    ),
    Rule(
        "CE302",
        "activity-has-responsible",
        Severity.ERROR,
        T(
            "Every scheduled activity names a responsible department (责任部门).",
            "每项工作都有责任部门。",
        ),
        T("Work that nobody is responsible for does not get done.", "没有责任部门的工作无人落实。"),
        _SCHEDULE_SOURCE,
        _has_responsible,
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "May's activity names no department",
            "5月的工作没有责任部门",
            _edit_activities(_no_responsible),
        ),
        scope="schedule",
    ),
    Rule(
        "CE303",
        "no-duplicate-activity",
        Severity.WARNING,
        T("No activity is listed twice in the schedule.", "配档表中没有重复列出的工作。"),
        T(
            "A twice-listed item is counted twice in the year's totals and confuses who does it when;"
            " a campaign spanning months is one item with a span such as 7-8月.",
            "重复列出的工作会被重复统计，也让人不清楚何时由谁做；跨月的工作应写成一项，如“7-8月”。",
        ),
        T(
            f"{JINSHAN} lists 校外培训机构专项治理 under 7月 as （7-8月） and again under 8月.",
            f"《{JINSHAN}》在7月列出“校外培训机构专项治理（7-8月）”，8月再次列出“校外培训机构专项治理”。",
        ),
        _no_duplicates,
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "A 7-8月 campaign listed again under 8月",
            "7-8月的工作在8月再次列出",
            _edit_activities(_duplicate),
        ),
        scope="schedule",
    ),
    Rule(
        "CE304",
        "task-served",
        Severity.WARNING,
        T(
            "Every main task is served by a scheduled activity, unless it is a standing arrangement.",
            "每项主要任务都有配档表中的工作落实（常设安排除外）。",
        ),
        T(
            "A task with no scheduled work is a promise with no date. An activity serving one of a"
            " task's mechanisms serves the task.",
            "配档表中没有工作的任务是没有时间表的承诺。服务于某机制的工作也算服务于其所属任务。",
        ),
        T(
            f"The 主要任务及措施 and the 配档表 of {JINSHAN}.",
            f"《{JINSHAN}》主要任务及措施与配档表。",
        ),
        _tasks_served,
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "No activity serves anything", "没有工作服务于任何任务", _edit_activities(_unserved)
        ),
        scope="tasks",
    ),
    Rule(
        "CE305",
        "mechanism-served",
        Severity.WARNING,
        T(
            "Every mechanism is served by a scheduled activity, unless it (or its task) is a standing arrangement.",
            "每个机制都有配档表中的工作落实（常设安排除外）。",
        ),
        T(
            "Work for a task in general does not show that each of its mechanisms is carried out,"
            " so a mechanism must be served itself; mark funding rules and the like standing.",
            "服务于任务整体的工作不能说明其每个机制都已落实，因此机制须有自己的工作；经费制度等常设安排应标为 standing。",
        ),
        T(
            f"The 主要任务及措施 and the 配档表 of {JINSHAN}.",
            f"《{JINSHAN}》主要任务及措施与配档表。",
        ),
        _mechanisms_served,
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "No activity serves anything", "没有工作服务于任何机制", _edit_activities(_unserved)
        ),
        scope="tasks",
    ),
    Rule(
        "CE306",
        "station-has-theme",
        Severity.WARNING,
        T("Every station (社区教育工作站) has a theme.", "每个社区教育工作站都有主题。"),
        T(
            "The plan builds each station around a theme; a station without one has no purpose.",
            "计划围绕主题建设工作站；没有主题的工作站没有方向。",
        ),
        T(
            f"The station sentence of {JINSHAN} task (一) 2.",
            f"《{JINSHAN}》任务（一）2 中关于工作站的表述。",
        ),
        _station_theme,
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "A station with an empty theme",
            "工作站主题为空",
            _add_themeless_station,
        ),
        scope="stations",
    ),
    Rule(
        "CE307",
        "station-has-activity",
        Severity.WARNING,
        T("Every station has some scheduled activity.", "每个工作站都有配档表中的工作。"),
        T(
            "A station no activity takes place at exists only on paper.",
            "没有任何工作的工作站只存在于纸面上。",
        ),
        T(
            f"The station sentence of {JINSHAN} task (一) 2 and its 配档表.",
            f"《{JINSHAN}》任务（一）2 与配档表。",
        ),
        _station_activity,
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "No activity is at a station", "没有工作在工作站开展", _edit_activities(_no_station)
        ),
        scope="stations",
    ),
    Rule(
        "CE401",
        "lifelong-learning-week",
        Severity.ERROR,
        T(
            "The schedule includes the Lifelong Learning Week (全民终身学习活动周).",
            "配档表安排了全民终身学习活动周。",
        ),
        T(
            "The week is held nationally every year and every township takes part.",
            "全民终身学习活动周每年全国举办，各镇街均应参加。",
        ),
        _EVENT_SOURCE,
        _required_event(
            "lifelong-learning-week",
            T("Lifelong Learning Week (全民终身学习活动周)", "全民终身学习活动周"),
        ),
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "October's item is retitled",
            "10月工作改为其他标题",
            _edit_activities(_retitle(9, "10月村史讲堂")),
        ),
        scope="schedule",
    ),
    Rule(
        "CE402",
        "year-end-inspection",
        Severity.ERROR,
        T(
            "The schedule includes the year-end inspection (年终督导) at the end of the year.",
            "配档表在年末安排了年终督导。",
        ),
        T(
            "The inspection checks the plan; preparing for it is part of the year's work.",
            "年终督导检查计划落实情况，迎检是全年工作的一部分。",
        ),
        _EVENT_SOURCE,
        _required_event("year-end-inspection", T("year-end inspection (年终督导)", "年终督导")),
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "The inspection is scheduled in June",
            "年终督导安排在6月",
            _edit_activities(_inspection_in_june),
        ),
        scope="schedule",
    ),
    Rule(
        "CE403",
        "elder-smart-technology-training",
        Severity.ERROR,
        T(
            "The schedule includes smart-technology training for older people (老年人智能技术培训).",
            "配档表安排了老年人智能技术培训。",
        ),
        T(
            "Helping older residents use smart technology is a standing national task, and plans"
            " that promise it in their text should schedule it.",
            "帮助老年人运用智能技术是国家长期任务，计划正文中承诺的应在配档表中安排。",
        ),
        _EVENT_SOURCE,
        _required_event(
            "elder-smart-technology-training",
            T(
                "smart-technology training for older people (老年人智能技术培训)",
                "老年人智能技术培训",
            ),
        ),
        _example(PASSES, PASSES_ZH, example_plan),
        _example(
            "March's item is retitled",
            "3月工作改为其他标题",
            _edit_activities(_retitle(2, "3月村史讲堂")),
        ),
        scope="schedule",
    ),
)
