"""The inspection report as JSON (for programs), a printable HTML page and a Word document.

All three read the same sections in the same order; text from the plan and ledger is escaped,
never interpreted.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from commedu._messages import Lang, render
from commedu._page import Markup, document, join, table
from commedu.compliance.actuals import Basis, Progress
from commedu.compliance.report import said
from commedu.model.checks import CHINESE_NUMERALS
from commedu.model.evidence import find
from commedu.report.charts import MAX_GROUPS, as_image, bars_svg
from commedu.report.inspection import Completion, InspectionReport

__all__ = [
    "JSON_SCHEMA",
    "charts",
    "completion_chart",
    "label",
    "month_chart",
    "sections",
    "to_docx",
    "to_html",
    "to_json",
]

#: The identifier of the JSON layout; it changes only when a field is removed or changes meaning.
JSON_SCHEMA = "commedu.inspection/1"


def label(key: str, lang: Lang) -> str:
    """The report's word for ``key`` in ``lang``, from the message catalogue."""
    return render(f"inspection-{key}", lang)


def _percent(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{(value * 100).quantize(Decimal('0.1'), ROUND_HALF_UP)}%"


Table = tuple[str, Sequence[str], Sequence[Sequence[str]]]


def _named(item: Completion, lang: Lang) -> str:
    """A group's name; a task's with its number as the language prints it: （二）, (2)."""
    if item.number is None:
        return item.label
    n = item.number
    numeral = CHINESE_NUMERALS[n - 1] if 1 <= n <= len(CHINESE_NUMERALS) else str(n)
    return render("report-task-heading", lang, n=n, n_zh=numeral, title=item.label)


def _month(item: Completion, lang: Lang) -> str:
    """A month's row by the month's name: 5月, May."""
    return render(f"month:{int(item.key)}", lang)


def _completion_rows(
    items: Sequence[Completion], lang: Lang, name: Callable[[Completion, Lang], str] = _named
) -> list[list[str]]:
    return [
        [name(c, lang), str(c.due), str(c.held), str(c.not_due), _percent(c.rate)] for c in items
    ]


def sections(report: InspectionReport, lang: Lang) -> list[Table]:
    """The report's tables, titled and headed, in the order every format shows them."""

    def t(key: str) -> str:
        return label(key, lang)

    head = [t("group"), t("due"), t("held"), t("not-due"), t("rate")]
    total = report.total
    total_row = [
        t("all"),
        str(total.due),
        str(total.held),
        str(total.not_due),
        _percent(total.rate),
    ]
    f = report.figures
    staff = "—" if f.full_time_staff is None else f"{f.full_time_staff} + {f.part_time_staff}"

    def count(value: int | None) -> str:
        return "—" if value is None else str(value)

    def basis(value: Basis | None) -> str:
        return "" if value is None else value.label(lang)

    figures = [
        [t("records"), str(f.records), "", ""],
        [t("participants"), str(f.participants), "", basis(Basis.ATTENDANCES)],
        [t("elders"), str(f.elders), "", basis(Basis.ATTENDANCES)],
        [t("persons"), count(f.persons), "", basis(Basis.PERSONS)],
        [t("elders-taking-part"), count(f.elders_taking_part), "", basis(Basis.PERSONS)],
        [t("elder-population"), count(f.elder_population), "", ""],
        [
            t("training-rate"),
            _percent(f.training_rate),
            _percent(f.training_target),
            basis(f.training_basis),
        ],
        [t("elder-share"), _percent(f.elder_share), _percent(f.elder_target), basis(f.elder_basis)],
        [t("staff"), staff, "", ""],
        [t("spent"), "—" if f.spent is None else f"{f.spent:f}", "", ""],
    ]

    def activities(status: Progress) -> list[list[str]]:
        return [
            [
                i.activity.id,
                i.activity.title,
                str(i.activity.when),
                "、".join(d.isoformat() for r in i.records for d in r.dates),
            ]
            for i in report.with_status(status)
        ]

    items_head = [t("code"), t("activity"), t("when"), t("held-on")]
    return [
        (t("completion"), head, [total_row]),
        (
            t("by-month"),
            head,
            _completion_rows([c for c in report.by_month if c.due or c.not_due], lang, _month),
        ),
        (t("by-department"), head, _completion_rows(report.by_department, lang)),
        (t("by-task"), head, _completion_rows(report.by_task, lang)),
        *([(t("by-unit"), head, _completion_rows(report.by_unit, lang))] if report.by_unit else []),
        (t("missing"), items_head, activities(Progress.MISSING)),
        (t("late"), items_head, activities(Progress.LATE)),
        (
            t("unplanned"),
            [t("record"), t("activity"), t("date"), t("participants")],
            [[r.id, r.title, r.first.isoformat(), str(r.participants)] for r in report.unplanned],
        ),
        (t("figures"), [t("figure"), t("value"), t("target"), t("basis")], figures),
        *_category_sections(report, lang),
        (
            t("compliance"),
            [t("code"), t("rule"), t("status"), t("message")],
            [
                [r.rule.code, r.rule.title(lang), r.status.label(lang), r.message(lang)]
                for r in report.compliance.results
            ],
        ),
        # Where each failed rule fails, in the plan's own words: which stations, not how many.
        (
            t("findings"),
            [t("code"), t("rule"), t("location"), t("message")],
            [
                [r.rule.code, r.rule.title(lang), said(f.path, lang), f.message(lang)]
                for r in report.compliance.results
                for f in r.findings
            ],
        ),
    ]


def _kind(kind: str, lang: Lang) -> str:
    """An evidence kind in ``lang`` if it is one of the vocabulary's, else as the profile wrote it."""
    known = find(kind)
    return kind if known is None else known.label(lang)


#: The most record ids a checklist cell lists before it says how many there are in all.
_IDS_SHOWN = 8


def _ids(ids: Sequence[str], lang: Lang) -> str:
    sep = render("sep-list", lang)
    if len(ids) <= _IDS_SHOWN:
        return sep.join(ids)
    return sep.join(ids[:_IDS_SHOWN]) + render("inspection-and-more", lang, n=len(ids))


def _points(value: Decimal | None) -> str:
    """A weight or a score as the standard writes it: 16, 5.33; "—" where there is none."""
    return "—" if value is None else f"{value.normalize():f}"


def _score_section(report: InspectionReport, lang: Lang) -> list[Table]:
    """Each category's score and the total, if the profile weights any category."""
    total = report.score
    if total is None:
        return []

    def t(key: str) -> str:
        return label(key, lang)

    rows = [
        [
            check.category.title.zh if lang == "zh" else check.category.title.en,
            t(f"part-{check.category.part}"),
            _points(check.category.weight),
            f"{sum(1 for e in check.evidence if e.held)}/{len(check.evidence)}"
            if check.evidence
            else "—",
            _points(check.score),
        ]
        for check in report.categories
    ]
    rows.append([t("all"), "", _points(total.out_of), "", _points(total.points)])
    head = [t("category"), t("part"), t("weight"), t("evidence-share"), t("score")]
    return [(t("scores"), head, rows)]


def _category_sections(report: InspectionReport, lang: Lang) -> list[Table]:
    """The checklist per category and the records that lack evidence, if the profile has categories."""
    if not report.categories:
        return []

    def t(key: str) -> str:
        return label(key, lang)

    checklist = []
    lacking = []
    for check in report.categories:
        category = check.category
        name = category.title.zh if lang == "zh" else category.title.en
        weight = _points(category.weight)
        part = t(f"part-{category.part}")
        for item in check.evidence or ():
            checklist.append(
                [
                    name,
                    part,
                    weight,
                    _kind(item.kind, lang),
                    t("evidence-held" if item.held else "evidence-missing"),
                    _ids(item.records, lang),
                ]
            )
        if not check.evidence:
            checklist.append([name, part, weight, "—", "—", ""])
        sep = render("sep-list", lang)
        lacking += [
            [name, gap.record.id, gap.record.title, sep.join(_kind(k, lang) for k in gap.kinds)]
            for gap in check.lacking
        ]
    return [
        *_score_section(report, lang),
        (
            t("categories"),
            [
                t("category"),
                t("part"),
                t("weight"),
                t("evidence"),
                t("evidence-status"),
                t("records-with"),
            ],
            checklist,
        ),
        (t("lacking"), [t("category"), t("record"), t("activity"), t("lacks")], lacking),
    ]


def _heading(report: InspectionReport, lang: Lang) -> tuple[str, str]:
    title = f"{report.plan.township.name} {report.plan.year} {label('title', lang)}"
    return title, f"{report.plan.title} · {label('as-of', lang)} {report.as_of.isoformat()}"


# -- JSON ------------------------------------------------------------------------------------------


def _fraction(value: Decimal | None) -> str | None:
    return None if value is None else str(value.quantize(Decimal("0.0001"), ROUND_HALF_UP))


def as_data(report: InspectionReport) -> dict[str, Any]:
    def completion(c: Completion) -> dict[str, Any]:
        return {"key": c.key, "label": c.label, "due": c.due, "held": c.held, "not_due": c.not_due}

    f = report.figures
    return {
        "plan": report.plan.id,
        "township": report.plan.township.name,
        "year": report.plan.year,
        "as_of": report.as_of.isoformat(),
        "note": report.ledger.note,
        "completion": completion(report.total),
        "by_month": [completion(c) for c in report.by_month],
        "by_department": [completion(c) for c in report.by_department],
        "by_task": [completion(c) for c in report.by_task],
        "by_unit": [completion(c) for c in report.by_unit],
        "activities": [
            {
                "id": i.activity.id,
                "status": i.status.value,
                "records": [r.id for r in i.records],
            }
            for i in report.items
        ],
        "unplanned": [r.id for r in report.unplanned],
        "figures": {
            "records": f.records,
            "participants": f.participants,
            "elders": f.elders,
            "training_rate": _fraction(f.training_rate),
            "training_target": _fraction(f.training_target),
            "elder_share": _fraction(f.elder_share),
            "elder_target": _fraction(f.elder_target),
            "full_time_staff": f.full_time_staff,
            "part_time_staff": f.part_time_staff,
            "spent": None if f.spent is None else f"{f.spent:f}",
            "resident_population": f.resident_population,
            "training_basis": None if f.training_basis is None else f.training_basis.value,
            "elder_basis": None if f.elder_basis is None else f.elder_basis.value,
            "persons": f.persons,
            "elders_taking_part": f.elders_taking_part,
            "elder_population": f.elder_population,
        },
        "categories": [
            {
                "key": c.category.key,
                "title": {"en": c.category.title.en, "zh": c.category.title.zh},
                "part": c.category.part,
                "weight": None if c.category.weight is None else f"{c.category.weight:f}",
                "score": None if c.score is None else f"{c.score:f}",
                "records": list(c.records),
                "evidence": [
                    {"kind": e.kind, "held": e.held, "records": list(e.records)} for e in c.evidence
                ],
                "lacking": [
                    {"record": gap.record.id, "kinds": list(gap.kinds)} for gap in c.lacking
                ],
            }
            for c in report.categories
        ],
        "score": (
            None
            if (total := report.score) is None
            else {"points": f"{total.points:f}", "out_of": f"{total.out_of:f}"}
        ),
        "compliance": json.loads(report.compliance.to_json("en")),
    }


def to_json(report: InspectionReport) -> str:
    return (
        json.dumps({"schema": JSON_SCHEMA, **as_data(report)}, ensure_ascii=False, indent=2) + "\n"
    )


# -- HTML ------------------------------------------------------------------------------------------


def completion_chart(
    key: str,
    title: str,
    items: Sequence[Completion],
    lang: Lang,
    name: Callable[[Completion, Lang], str] = _named,
    *,
    horizontal: bool = False,
) -> Markup:
    """Due and held for each group as a bar chart, beside the table that has the numbers."""
    groups = [name(c, lang) for c in items]
    series = [
        (label("due", lang), [c.due for c in items]),
        (label("held", lang), [c.held for c in items]),
    ]
    svg = bars_svg(key, title, groups, series, horizontal=horizontal)
    image = as_image(svg, render("chart-alt", lang, title=title))
    return Markup('<div class="scroll chart">%s</div>\n') % image


def month_chart(report: InspectionReport, lang: Lang) -> Markup:
    """Completion by month as a chart, or nothing when no month has work."""
    months = [c for c in report.by_month if c.due or c.not_due]
    if not months:
        return Markup()
    heading = label("by-month", lang)
    return completion_chart("by-month", heading, months, lang, _month)


def charts(report: InspectionReport, lang: Lang) -> dict[str, Markup]:
    """The charts of the report, by the heading of the table whose numbers they draw."""
    found = {}
    if drawn := month_chart(report, lang):
        found[label("by-month", lang)] = drawn
    departments = report.by_department
    if 0 < len(departments) <= MAX_GROUPS:  # more are read in the table, not looked at
        heading = label("by-department", lang)
        found[heading] = completion_chart(
            "by-department", heading, departments, lang, horizontal=True
        )
    return found


def to_html(report: InspectionReport, lang: Lang) -> str:
    title, subtitle = _heading(report, lang)
    parts = [Markup("<h1>%s</h1>\n<p>%s</p>\n") % (title, subtitle)]
    if report.ledger.note:
        parts.append(
            Markup('<p class="note">%s: %s</p>\n')
            % (label("illustrative", lang), report.ledger.note)
        )
    drawn = charts(report, lang)
    for heading, head, rows in sections(report, lang):
        parts.append(
            Markup("<h2>%s</h2>\n%s%s\n")
            % (heading, drawn.get(heading, ""), table(head, rows, empty=label("none", lang)))
        )
    return document(lang, title, Markup("<main>\n%s</main>\n") % join(parts))


# -- Word ------------------------------------------------------------------------------------------


def to_docx(report: InspectionReport, lang: Lang) -> bytes:
    """The report as an official-format .docx (:mod:`commedu.report.official`), reproducible."""
    from commedu.report.official import OfficialDocument, numbered

    title, subtitle = _heading(report, lang)
    document = OfficialDocument(title, lang)
    document.title(title)
    document.paragraph(subtitle, align="center", indent=False)
    if report.ledger.note:
        document.paragraph(f"{label('illustrative', lang)}: {report.ledger.note}")
    for number, (heading, head, rows) in enumerate(sections(report, lang), 1):
        document.heading(numbered(1, number, heading, lang), 1)
        if rows:
            document.table(head, rows)
        else:
            document.paragraph(label("none", lang))
    return document.save()
