"""CE1xx plan integrity: the plan states what a reader needs to judge it."""

from __future__ import annotations

import attrs

from commedu.compliance.examples import (
    JINSHAN,
    PASSES,
    PASSES_ZH,
    SCHEDULE_SOURCE,
    edit,
    example,
    example_plan,
    quote,
)
from commedu.compliance.rule import (
    Failed,
    Finding,
    Outcome,
    Passed,
    Rule,
    Severity,
    outcome,
)
from commedu.model.parts import (
    Schedule,
    Task,
)
from commedu.model.placeholders import find_placeholders
from commedu.model.plan import Plan
from commedu.model.profile import Profile
from commedu.model.text import Text

__all__ = ["RULES"]


def _no_placeholders(plan: Plan, _: Profile | None) -> Outcome:
    return outcome(
        Finding(
            path,
            Text(
                f"{quote(word)} is a placeholder from the starter plan; write the real text",
                f"{quote(word)}是模板的占位文字，请改为实际内容",
            ),
        )
        for path, word in find_placeholders(plan)
    )


def _schedule_not_empty(plan: Plan, _: Profile | None) -> Outcome:
    if plan.activities:
        return Passed(
            Text(
                f"{len(plan.activities)} activities scheduled",
                f"配档表共 {len(plan.activities)} 项工作",
            )
        )
    return Failed(
        [Finding("schedule", Text("the schedule lists no activity", "配档表没有任何工作"))]
    )


def _tasks_have_measures(plan: Plan, _: Profile | None) -> Outcome:
    findings = []
    if not plan.tasks:
        findings.append(
            Finding("tasks", Text("the plan states no main task", "计划没有列出主要任务"))
        )
    for i, task in enumerate(plan.tasks):
        if not task.measures and not task.mechanisms:
            findings.append(
                Finding(
                    f"tasks[{i}]",
                    Text(
                        f"task {quote(task.title)} states no measure",
                        f"任务{quote(task.title)}没有列出措施",
                    ),
                )
            )
        for j, mechanism in enumerate(task.mechanisms):
            if not mechanism.measures:
                findings.append(
                    Finding(
                        f"tasks[{i}].mechanisms[{j}]",
                        Text(
                            f"mechanism {quote(mechanism.title)} states no measure",
                            f"机制{quote(mechanism.title)}没有列出措施",
                        ),
                    )
                )
    return outcome(findings)


def _goals_stated(plan: Plan, _: Profile | None) -> Outcome:
    findings = [
        Finding(field, Text(f"the plan states no {en}", f"计划没有写明{zh}"))
        for field, en, zh in (
            ("guiding_principles", "guiding principles", "指导思想"),
            ("goals", "goals", "工作目标"),
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
                    Text(
                        "the plan does not say which document it was encoded from",
                        "计划没有注明依据的文件",
                    ),
                )
            ]
        )
    return Passed(Text(f"source: {quote(plan.source.title)}", f"依据：{quote(plan.source.title)}"))


def _issue_date(plan: Plan, _: Profile | None) -> Outcome:
    if plan.issued_on is None:
        return Failed(
            [
                Finding(
                    "issued_on",
                    Text("the plan states no date of issue", "计划没有写明印发日期"),
                )
            ]
        )
    return Passed(Text(f"issued on {plan.issued_on}", f"印发日期 {plan.issued_on}"))


def _add_task() -> Plan:
    plan = example_plan()
    return attrs.evolve(plan, tasks=(*plan.tasks, Task("t2", 2, "推进社区教育信息化")))


RULES: tuple[Rule, ...] = (
    Rule(
        "CE101",
        "schedule-not-empty",
        Severity.ERROR,
        Text("The plan schedules at least one activity.", "计划的配档表至少有一项工作。"),
        Text(
            "A plan without a schedule cannot be carried out or inspected month by month.",
            "没有配档表的计划无法逐月落实，也无法督导。",
        ),
        SCHEDULE_SOURCE,
        _schedule_not_empty,
        example(PASSES, PASSES_ZH, example_plan),
        example("The schedule is empty", "配档表为空", edit(schedule=Schedule())),
        scope="schedule",
        title=Text("Schedule not empty", "配档表不为空"),
        failure=Text(
            "The plan schedules no activity.",
            "计划的配档表中没有任何工作。",
        ),
    ),
    Rule(
        "CE102",
        "tasks-have-measures",
        Severity.WARNING,
        Text(
            "The plan states main tasks, and every task and mechanism states a measure.",
            "计划列出主要任务，且每项任务、每个机制都有措施。",
        ),
        Text(
            "A task with no measure says what to achieve but not what will be done.",
            "没有措施的任务只说了目标，没有说做什么。",
        ),
        Text(f"The main tasks and measures of {JINSHAN}.", f"《{JINSHAN}》“主要任务及措施”部分。"),
        _tasks_have_measures,
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "A task with neither measures nor mechanisms",
            "一项任务既无措施也无机制",
            _add_task,
        ),
        scope="tasks",
        title=Text("Tasks have measures", "任务有措施"),
        failure=Text(
            "Some tasks or mechanisms state no measure.",
            "有主要任务或机制没有写明措施。",
        ),
    ),
    Rule(
        "CE103",
        "goals-stated",
        Severity.WARNING,
        Text(
            "The plan states its guiding principles and its goals.", "计划写明指导思想和工作目标。"
        ),
        Text(
            "The inspection reads the year's work against what the plan set out to do.",
            "督导时要对照计划的指导思想和目标检查全年工作。",
        ),
        Text(
            f"Sections 1 (guiding principles) and 2 (goals) of {JINSHAN}.",
            f"《{JINSHAN}》一、指导思想；二、工作目标。",
        ),
        _goals_stated,
        example(PASSES, PASSES_ZH, example_plan),
        example("The goals are left empty", "工作目标为空", edit(goals="")),
        scope="goals",
        title=Text("Goals stated", "写明指导思想和目标"),
        failure=Text(
            "The plan does not state its guiding principles or its goals.",
            "计划没有写明指导思想或工作目标。",
        ),
    ),
    Rule(
        "CE104",
        "source-cited",
        Severity.INFO,
        Text("The plan names the document it was encoded from.", "计划注明所依据的文件。"),
        Text(
            "A reader must be able to check every figure against the issued document.",
            "读者应能对照原文件核对每个数字。",
        ),
        Text(
            "commedu: every plan's text is kept verbatim from its source.",
            "commedu：计划文字逐字保留原文。",
        ),
        _source_cited,
        example(PASSES, PASSES_ZH, example_plan),
        example("No source is given", "未注明依据文件", edit(source=None)),
        scope="source",
        title=Text("Source cited", "注明依据文件"),
        failure=Text(
            "The plan does not name the document it was encoded from.",
            "计划没有注明所依据的文件。",
        ),
    ),
    Rule(
        "CE105",
        "issue-date",
        Severity.INFO,
        Text("The plan states the date it was issued.", "计划写明印发日期。"),
        Text(
            "The date shows whether the plan was in force before the work it schedules.",
            "印发日期表明计划是否在所安排的工作之前生效。",
        ),
        Text(
            "commedu: a plan is an issued document, which carries a date.",
            "commedu：计划是公文，应有成文日期。",
        ),
        _issue_date,
        example(PASSES, PASSES_ZH, example_plan),
        example("No date of issue", "没有印发日期", edit(issued_on=None)),
        scope="issued_on",
        title=Text("Date of issue", "印发日期"),
        failure=Text(
            "The plan does not state the date it was issued.",
            "计划没有写明印发日期。",
        ),
    ),
    Rule(
        "CE106",
        "no-placeholders",
        Severity.WARNING,
        Text(
            "The plan holds none of the stand-ins a starter plan is written with.",
            "计划中没有模板留下的占位文字（待填写、某某村等）。",
        ),
        Text(
            "A starter plan loads as written so it can be checked after every edit; until its"
            " stand-ins are replaced it describes no real township.",
            "模板计划原样即可读取，便于逐步填写；占位文字未替换前，它描述的不是真实的镇街。",
        ),
        Text(
            "commedu: the words `commedu init` writes into a starter plan.",
            "commedu：`commedu init` 写入模板计划的占位文字。",
        ),
        _no_placeholders,
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "The province is still 待填写",
            "省份仍为“待填写”",
            lambda: attrs.evolve(
                example_plan(),
                township=attrs.evolve(example_plan().township, province="待填写"),
            ),
        ),
        title=Text("No placeholders", "无模板占位文字"),
        failure=Text(
            "The plan still holds stand-ins from the starter plan.",
            "计划中仍有模板留下的占位文字。",
        ),
    ),
)
