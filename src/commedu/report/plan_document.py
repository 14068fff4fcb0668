"""The plan as the document a township issues: ``commedu docx``.

The document is placed as GB/T 9704-2012 places a document an office issues, where the plan
has the parts: the 版头 (the issuers as the red 发文机关标志, the 文号 under them and the red
separator line); the title; the covering notice, its 主送机关 (the line ending in a colon) at
the left edge and its own signature and date placed as one; then the outline, numbered 一、
（一） 1. — 指导思想, 工作目标, and the main tasks with their measures and mechanisms; the
发文机关署名 centred over the 成文日期; the 配档表 on a page of its own under its title, one row
per item: 时间 | 工作内容 | 责任单位; last the 版记, the issuer as 印发机关 with the date of
publication, where the plan has one.

How the outline is written is what lets the importer read it back:

- a task's untitled measures are paragraphs of their own, and its titled measures numbered items,
  ``1.title。text``, in the plan's order;
- a mechanism is a numbered item, its title and then its measures: ``1.title。measure measure``.

The plan's own text is written exactly as the plan has it.
"""

from __future__ import annotations

from commedu._messages import Lang, Term, render
from commedu.model.parts import Activity, Task
from commedu.model.plan import Plan
from commedu.report.official import OfficialDocument, numbered

__all__ = ["plan_docx"]


def _date_words(plan: Plan, lang: Lang) -> str:
    issued = plan.issued_on or (plan.source.issued_on if plan.source else None)
    if issued is None:
        return ""
    month = Term(f"month:{issued.month}")  # 3月, March
    return render("docx-date", lang, year=issued.year, month=month, day=issued.day)


def _issuers(plan: Plan) -> tuple[str, ...]:
    """The 发文机关, in the document's order: the plan's, or its source's."""
    if plan.issuers:
        return plan.issuers
    return (plan.source.issuer,) if plan.source and plan.source.issuer else ()


def _printed_on(plan: Plan, lang: Lang) -> str:
    """The 版记's 印发日期: the day of publication, in the document's language."""
    day = plan.published_on
    if day is None:
        return ""
    month = Term(f"month:{day.month}")
    return render(
        "docx-printed",
        lang,
        date=render("docx-date", lang, year=day.year, month=month, day=day.day),
    )


def _front(document: OfficialDocument, plan: Plan, lang: Lang) -> None:
    """The 版头, the title and the covering notice, as GB/T 9704-2012 §7.2 and §7.3 place them."""
    issuers = _issuers(plan)
    document.head(issuers, plan.document_number)
    headed = bool(issuers or plan.document_number)
    document.title(plan.title, lines_before=2 if headed else 0)
    date = _date_words(plan, lang)
    lines = [line for line in plan.preamble.splitlines() if line.strip()]
    for n, line in enumerate(lines):
        if line in issuers:  # the covering notice signs itself
            below = lines[n + 1] if n + 1 < len(lines) else ""
            document.signature([line], below if below == date else "", lines_before=1)
            if below == date:
                lines[n + 1] = ""  # said with its signature
        elif line == date:
            document.signature([], date, lines_before=0)
        elif n <= 1 and line.rstrip().endswith(("：", ":")) and len(line) <= 80:
            # the notice's first lines: its own title, then the 主送机关
            document.addressee(line)
        elif line:
            document.paragraph(line)


def _close(document: OfficialDocument, plan: Plan, lang: Lang) -> None:
    """The 发文机关署名 and 成文日期 after the body, unless the covering notice said them."""
    issuers = [i for i in _issuers(plan) if i not in plan.preamble]
    date = _date_words(plan, lang)
    if date in plan.preamble:
        date = ""
    if issuers or date:
        document.signature(issuers, date)


def _task(document: OfficialDocument, task: Task, lang: Lang) -> None:
    document.heading(numbered(2, task.number, task.title, lang), 2)
    number = 0
    for measure in task.measures:
        if measure.title:
            number += 1
            document.paragraph(numbered(3, number, f"{measure.title}。{measure.text}", lang))
        else:
            document.paragraph(measure.text)
    for mechanism in task.mechanisms:
        said = "".join(m.text for m in mechanism.measures)
        text = f"{mechanism.title}。{said}" if said else mechanism.title
        document.paragraph(numbered(3, mechanism.number, text, lang))


def _row(activity: Activity, places: bool) -> list[str]:
    row = [activity.wording, activity.title, "、".join(d.name for d in activity.responsible)]
    return [*row, "、".join(p.name for p in activity.places)] if places else row


def plan_docx(plan: Plan, lang: Lang | None = None) -> bytes:
    """``plan`` as an official-format Word document, in ``lang`` (default: the plan's own)."""
    lang = plan.language if lang is None else lang
    document = OfficialDocument(plan.title, lang)
    _front(document, plan, lang)
    sections: list[tuple[str, str]] = []
    if plan.guiding_principles:
        sections.append(("docx-principles", plan.guiding_principles))
    if plan.goals:
        sections.append(("docx-goals", plan.goals))
    for number, (code, text) in enumerate(sections, 1):
        document.heading(numbered(1, number, render(code, lang), lang), 1)
        for line in text.splitlines():
            if line.strip():
                document.paragraph(line)
    if plan.tasks:
        document.heading(numbered(1, len(sections) + 1, render("docx-tasks", lang), lang), 1)
        for task in plan.tasks:
            _task(document, task, lang)
    _close(document, plan, lang)
    if plan.schedule.activities:
        title = plan.schedule.title or render(
            "docx-schedule-title", lang, township=plan.township.name, year=plan.years_label
        )
        document.title(title, new_page=True)
        codes = ["docx-when", "docx-work", "docx-responsible"]
        # a 地点 column where the schedule names places (各村居、市民学校), as such tables have
        places = any(a.places for a in plan.schedule.activities)
        head = [render(code, lang) for code in (*codes, *(["docx-places"] if places else []))]
        document.table(head, [_row(a, places) for a in plan.schedule.activities])
    issuers, printed = _issuers(plan), _printed_on(plan, lang)
    if issuers and printed:
        document.record(issuers[0], printed)
    return document.save()
