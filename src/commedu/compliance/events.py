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
    NotApplicable,
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
from commedu.model.profile import STANDARD_EVENTS, EventSpec, Profile, ProfileSource
from commedu.model.text import Text

__all__ = ["RULES"]


#: The months a required event binds in, by group: one group per year of the plan (``year``), or
#: one for the whole period (``None``) when the profile requires the event only once.
_Group = tuple[int | None, tuple[tuple[int, int], ...]]


def _groups(plan: Plan, spec: EventSpec) -> list[_Group]:
    """The groups of covered months in which the event is required; empty when none binds.

    An event with months binds where the plan covers one of them; one with no month binds a
    year the plan covers whole (or, when required once, any period at all).
    """
    covered = plan.months
    if not spec.per_year:
        if spec.months:
            covered = tuple((y, m) for y, m in covered if m in spec.months)
        return [(None, covered)] if covered else []
    groups: list[_Group] = []
    for year in sorted({y for y, _ in covered}):
        months = tuple((y, m) for y, m in covered if y == year)
        if spec.months:
            months = tuple((y, m) for y, m in months if m in spec.months)
            if months:
                groups.append((year, months))
        elif len(months) == 12:
            groups.append((year, months))
    return groups


def _not_binding(plan: Plan, spec: EventSpec, name: Text) -> NotApplicable:
    span = plan.span
    shown = f"{span.first.isoformat()}/{span.last.isoformat()}"
    if spec.months:
        months = "、".join(f"{m}月" for m in spec.months)
        months_en = ", ".join(str(m) for m in spec.months)
        return NotApplicable(
            Text(
                f"the plan covers {shown}, which holds none of the months ({months_en}) the"
                f" {name.en} falls in",
                f"计划期限 {shown} 不含{name.zh}所在的月份（{months}）",
            )
        )
    return NotApplicable(
        Text(
            f"the {name.en} is required once a year at no fixed month, and the plan covers only"
            f" {shown}, part of a year",
            f"{name.zh}每年举办一次、不限月份，而计划期限 {shown} 只是一年的一部分",
        )
    )


def _found(i: int, a: Activity) -> Text:
    return Text(
        f"schedule.activities[{i}] {quote(a.title)} ({a.wording})",
        f"{field_label(f'schedule.activities[{i}]', 'zh')} {quote(a.title)}（{a.wording}）",
    )


def _judge_event(plan: Plan, spec: EventSpec, name: Text) -> Outcome:
    groups = _groups(plan, spec)
    if not groups:
        return _not_binding(plan, spec, name)
    words = " | ".join(" + ".join(group) for group in spec.keywords)
    matches = [(i, a) for i, a in enumerate(plan.activities) if spec.matches(a.title)]
    months = "、".join(f"{m}月" for m in spec.months)
    months_en = ", ".join(str(m) for m in spec.months)
    passed: list[tuple[int | None, Text]] = []
    findings: list[Finding] = []
    for year, binding in groups:
        years = {y for y, _ in binding}
        here = [
            (i, a)
            for i, a in matches
            if any(a.when.span.touches_month(y, m) for y in years for m in range(1, 13))
        ]
        timely = [
            (i, a) for i, a in here if any(a.when.span.touches_month(y, m) for y, m in binding)
        ]
        if timely:
            passed.append((year, _found(*timely[0])))
        elif not here:
            within_en = "" if year is None or len(groups) == 1 else f" in {year}"
            within_zh = "" if year is None or len(groups) == 1 else f"{year}年"
            findings.append(
                Finding(
                    "schedule",
                    Text(
                        f"no scheduled activity{within_en} is the {name.en};"
                        f" looked for titles with: {words}",
                        f"配档表中{within_zh}没有{name.zh}；查找的标题关键词：{words}",
                    ),
                )
            )
        else:
            findings.extend(
                Finding(
                    f"schedule.activities[{i}]",
                    Text(
                        f"{quote(a.title)} ({a.wording}) should fall in month {months_en}",
                        f"{quote(a.title)}（{a.wording}）应安排在{months}",
                    ),
                )
                for i, a in here
            )
    if findings:
        return Failed(findings)
    if len(passed) == 1:
        return Passed(passed[0][1])
    return Passed(
        Text(
            "; ".join(f"{year}: {found.en}" for year, found in passed),
            "；".join(f"{year}年：{found.zh}" for year, found in passed),
        )
    )


def _required_event(key: str, name: Text) -> Callable[[Plan, Profile | None], Outcome]:
    def check(plan: Plan, profile: Profile | None) -> Outcome:
        if profile is None:
            return NotEvaluable(["profile"])
        spec = profile.events.get(key)
        if spec is None:
            return NotEvaluable([f"profile.events.{key}"])
        return _judge_event(plan, spec, name)

    return check


def _profile_events(plan: Plan, profile: Profile | None) -> Outcome:
    """Every event of the profile's own, beyond the ones the rules above read by key."""
    if profile is None:
        return NotEvaluable(["profile"])
    own = {k: spec for k, spec in sorted(profile.events.items()) if k not in STANDARD_EVENTS}
    if not own:
        return NotApplicable(
            Text(
                f"the profile {profile.name!r} requires no events beyond CE401–CE403",
                f"标准档案 {profile.name!r} 除 CE401—CE403 外不要求其他活动",
            )
        )
    passed: list[Text] = []
    findings: list[Finding] = []
    exempt: list[Text] = []
    for key, spec in own.items():
        name = spec.title or Text(key, key)
        judged = _judge_event(plan, spec, name)
        if isinstance(judged, Failed):
            findings.extend(judged.findings)
        elif isinstance(judged, Passed) and judged.note is not None:
            passed.append(Text(f"{name.en}: {judged.note.en}", f"{name.zh}：{judged.note.zh}"))
        elif isinstance(judged, NotApplicable):
            exempt.append(judged.reason)
    if findings:
        return Failed(findings)
    if not passed:
        return NotApplicable(Text("; ".join(r.en for r in exempt), "；".join(r.zh for r in exempt)))
    return Passed(Text("; ".join(t.en for t in passed), "；".join(t.zh for t in passed)))


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


def _with_event(key: str, spec: EventSpec) -> Profile:
    """A profile like the example's that requires an event of its own."""
    return Profile(
        name="example-own-events",
        title=Text("Example standard with an event of its own", "要求自定活动的示例标准"),
        applies_to="township",
        scope=Text("A township's required events.", "镇（街道）必须安排的活动。"),
        source=ProfileSource("示例"),
        events={key: spec},
    )


_HISTORY_LECTURE = _with_event(
    "village-history-lecture",
    EventSpec((("村史讲堂",),), (1, 2), title=Text("village history lecture", "村史讲堂")),
)
_READING_FESTIVAL = _with_event(
    "reading-festival",
    EventSpec((("读书节",),), (4,), title=Text("reading festival", "读书节")),
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
    Rule(
        "CE404",
        "profile-events",
        Severity.ERROR,
        Text(
            "The schedule includes every other event the profile requires.",
            "配档表安排了标准档案要求的其他各项活动。",
        ),
        Text(
            "A province's standard may require events of its own; they are data in the profile,"
            " recognised by its keywords and months, each year unless the profile says once.",
            "各省标准可以要求本省的活动；它们作为数据写在标准档案中，按关键词和月份识别，"
            "除档案注明只需一次外，每年都要安排。",
        ),
        Text(
            "The profile's own [events.*] tables, beyond the three CE401–CE403 read.",
            "标准档案中 CE401—CE403 之外要求的各项活动。",
        ),
        _profile_events,
        example(
            "A profile requires a village history lecture in January or February",
            "标准要求1月或2月举办村史讲堂",
            example_plan,
            _HISTORY_LECTURE,
        ),
        example(
            "A profile requires a reading festival in April",
            "标准要求4月举办读书节",
            example_plan,
            _READING_FESTIVAL,
        ),
        scope="schedule",
        title=Text("Events of the profile's own", "标准要求的其他活动"),
        failure=Text(
            "The schedule lacks an event the profile requires.",
            "配档表缺少标准档案要求的活动。",
        ),
    ),
)
