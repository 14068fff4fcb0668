"""The district roll-up: one row per township, from each township's inspection report."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from commedu._messages import Lang, render
from commedu._page import Markup, document, table
from commedu.compliance.rule import Status
from commedu.report.inspection import InspectionReport
from commedu.report.render import JSON_SCHEMA, _percent, as_data, label

__all__ = ["DISTRICT_SCHEMA", "district_docx", "district_html", "district_json", "district_rows"]

DISTRICT_SCHEMA = "commedu.district/1"

#: The roll-up's columns: the district's own words, or the inspection report's.
_HEAD = (
    "district-township",
    "district-year",
    "inspection-due",
    "inspection-held",
    "inspection-rate",
    "district-participants",
    "district-training-rate",
    "district-failed",
)


def district_rows(reports: Sequence[InspectionReport]) -> list[list[str]]:
    rows = []
    for report in sorted(reports, key=lambda r: (r.plan.township.name, r.plan.id)):
        total = report.total
        failed = ", ".join(report.compliance.codes(Status.FAIL))
        rows.append(
            [
                report.plan.township.name,
                str(report.plan.year),
                str(total.due),
                str(total.held),
                _percent(total.rate),
                str(report.figures.participants),
                _percent(report.figures.training_rate),
                failed or "—",
            ]
        )
    return rows


def district_json(reports: Iterable[InspectionReport]) -> str:
    items = sorted(reports, key=lambda r: (r.plan.township.name, r.plan.id))
    data = {
        "schema": DISTRICT_SCHEMA,
        "township_schema": JSON_SCHEMA,
        "townships": [as_data(r) for r in items],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def district_html(reports: Sequence[InspectionReport], lang: Lang) -> str:
    title = render("district-title", lang)
    rows = district_rows(reports)
    # The township names its row; the figures line up on the right.
    rollup = table(
        [render(code, lang) for code in _HEAD],
        rows,
        empty=label("none", lang),
        row_headers=True,
        numeric=range(1, 7),
    )
    body = Markup('<main>\n<h1>%s</h1>\n<div class="scroll">\n%s\n</div>\n</main>\n') % (
        title,
        rollup,
    )
    return document(lang, title, body)


def district_docx(reports: Sequence[InspectionReport], lang: Lang) -> bytes:
    """The roll-up as an official-format Word document (:mod:`commedu.report.official`)."""
    from commedu.report.official import OfficialDocument

    title = render("district-title", lang)
    document = OfficialDocument(title, lang)
    document.title(title)
    rows = district_rows(reports)
    if rows:
        document.table([render(code, lang) for code in _HEAD], rows)
    else:
        document.paragraph(label("none", lang))
    return document.save()
