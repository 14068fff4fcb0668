"""The plan as the document a township issues: ``commedu docx``.

The document has the shape of a township's own plan, the shape ``commedu import`` reads: the
title first; then what stands before the body (the 文号, the covering notice, the issuer and the
date of issue, where the plan has them); then the outline, numbered 一、 （一） 1. — 指导思想,
工作目标, and the main tasks with their measures and mechanisms; last the 配档表 under its own
title, one row per item: 时间 | 工作内容 | 责任单位.

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


def _front(document: OfficialDocument, plan: Plan, lang: Lang) -> None:
    """What stands between the title and the body: 文号, covering notice, issuer, date."""
    if plan.document_number:
        document.paragraph(plan.document_number, align="center", indent=False)
    for line in plan.preamble.splitlines():
        if line.strip():
            document.paragraph(line)
    issuer = plan.issuer or (plan.source.issuer if plan.source else None)
    # Where the covering notice already signs and dates itself, it is not said twice.
    if issuer and issuer not in plan.preamble:
        document.paragraph(issuer, align="right", indent=False)
    date = _date_words(plan, lang)
    if date and date not in plan.preamble:
        document.paragraph(date, align="right", indent=False)


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
    document.title(plan.title)
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
    if plan.schedule.activities:
        title = plan.schedule.title or render(
            "docx-schedule-title", lang, township=plan.township.name, year=plan.year
        )
        document.title(title, new_page=True)
        codes = ["docx-when", "docx-work", "docx-responsible"]
        # a 地点 column where the schedule names places (各村居、市民学校), as such tables have
        places = any(a.places for a in plan.schedule.activities)
        head = [render(code, lang) for code in (*codes, *(["docx-places"] if places else []))]
        document.table(head, [_row(a, places) for a in plan.schedule.activities])
    return document.save()
