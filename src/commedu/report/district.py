"""The roll-ups: a district's table of its towns, and a town's table of its stations and schools.

``commedu report --level town`` writes the second for one town (``PLAN LEDGER``) or for every
town of a folder (``--district DIR``), as HTML, Word or JSON, like the district's.

Districts rank towns the way towns rank their villages: by the same completion counts, one row
each. A town whose ledger is missing is a row that says so, never the end of the roll-up: the
district sees who has not reported as well as how the others did.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from commedu._messages import Lang, render
from commedu._page import Markup, document, table
from commedu.compliance.rule import Status
from commedu.model.fieldcheck import define
from commedu.model.plan import Plan
from commedu.report.inspection import InspectionReport
from commedu.report.render import JSON_SCHEMA, _percent, as_data, label

__all__ = [
    "DISTRICT_SCHEMA",
    "TOWN_SCHEMA",
    "Missing",
    "district_docx",
    "district_html",
    "district_json",
    "district_rows",
    "town_html",
    "town_rows",
    "towns_docx",
    "towns_html",
    "towns_json",
    "towns_rows",
]

DISTRICT_SCHEMA = "commedu.district/1"
TOWN_SCHEMA = "commedu.town/1"

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


@define
class Missing:
    """A unit of the roll-up whose ledger is not there: its plan, and the file looked for."""

    plan: Plan
    expected: str  #: the ledger's file name, e.g. ``jinshan.ledger.xlsx``


Entry = InspectionReport | Missing


def _order(entry: Entry) -> tuple[str, str]:
    return entry.plan.township.name, entry.plan.id


def district_rows(entries: Sequence[Entry], lang: Lang = "en") -> list[list[str]]:
    """One row per town, in the order of their names; a town without its ledger says so."""
    rows = []
    for report in sorted(entries, key=_order):
        if isinstance(report, Missing):
            absent = render("district-missing-ledger", lang, file=report.expected)
            rows.append([report.plan.township.name, str(report.plan.year), *["—"] * 5, absent])
            continue
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


def _missing(items: Iterable[Entry]) -> list[dict[str, Any]]:
    """The units whose ledger is missing, as both roll-ups' JSON lists them."""
    return [
        {
            "plan": r.plan.id,
            "township": r.plan.township.name,
            "year": r.plan.year,
            "expected": r.expected,
        }
        for r in items
        if isinstance(r, Missing)
    ]


def district_json(entries: Iterable[Entry]) -> str:
    items = sorted(entries, key=_order)
    data = {
        "schema": DISTRICT_SCHEMA,
        "township_schema": JSON_SCHEMA,
        "townships": [as_data(r) for r in items if isinstance(r, InspectionReport)],
        "missing": _missing(items),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def district_html(entries: Sequence[Entry], lang: Lang) -> str:
    # The township names its row; the figures line up on the right.
    title = render("district-title", lang)
    return _page(title, _HEAD, district_rows(entries, lang), range(1, 7), lang)


def _page(
    title: str, head: Sequence[str], rows: list[list[str]], numeric: range, lang: Lang
) -> str:
    """A roll-up table as a page: its title, then the table, rows headed by their unit."""
    rollup = table(
        [render(code, lang) for code in head],
        rows,
        empty=label("none", lang),
        row_headers=True,
        numeric=numeric,
    )
    body = Markup('<main>\n<h1>%s</h1>\n<div class="scroll">\n%s\n</div>\n</main>\n') % (
        title,
        rollup,
    )
    return document(lang, title, body)


def district_docx(entries: Sequence[Entry], lang: Lang) -> bytes:
    """The roll-up as an official-format Word document (:mod:`commedu.report.official`)."""
    return _docx("district-title", _HEAD, district_rows(entries, lang), lang)


def _docx(title_code: str, head: Sequence[str], rows: list[list[str]], lang: Lang) -> bytes:
    from commedu.report.official import OfficialDocument

    title = render(title_code, lang)
    document = OfficialDocument(title, lang)
    document.title(title)
    if rows:
        document.table([render(code, lang) for code in head], rows)
    else:
        document.paragraph(label("none", lang))
    return document.save()


#: The town roll-up's columns: one row per village station or school.
_UNIT_HEAD = (
    "district-unit",
    "inspection-due",
    "inspection-held",
    "inspection-not-due",
    "inspection-rate",
)


def town_rows(report: InspectionReport) -> list[list[str]]:
    """One row per village station, then per school or venue, in the plan's order."""
    return [
        [c.label, str(c.due), str(c.held), str(c.not_due), _percent(c.rate)] for c in report.by_unit
    ]


def town_html(report: InspectionReport, lang: Lang) -> str:
    """The town's roll-up of its stations and schools, as the district's is of its towns."""
    title = render("district-units-title", lang)
    heading = f"{report.plan.township.name} {report.plan.year} · {title}"
    return _page(heading, _UNIT_HEAD, town_rows(report), range(1, 5), lang)


#: The town level's columns for several towns at once: the town, then its unit's.
_TOWNS_HEAD = ("district-township", *_UNIT_HEAD)


def towns_rows(entries: Sequence[Entry], lang: Lang = "en") -> list[list[str]]:
    """Each town's stations and schools, the towns in the order of their names and each town's
    units in its plan's order; a town without its ledger, or with no unit, is a row that says so.
    """
    rows: list[list[str]] = []
    for entry in sorted(entries, key=_order):
        name = entry.plan.township.name
        if isinstance(entry, Missing):
            absent = render("district-missing-ledger", lang, file=entry.expected)
            rows.append([name, absent, *["—"] * 4])
        elif not entry.by_unit:
            rows.append([name, label("none", lang), *["—"] * 4])
        else:
            rows.extend([name, *row] for row in town_rows(entry))
    return rows


def towns_html(entries: Sequence[Entry], lang: Lang) -> str:
    """The town level of the roll-up: every town's stations and schools, one table."""
    title = render("district-units-title", lang)
    return _page(title, _TOWNS_HEAD, towns_rows(entries, lang), range(2, 6), lang)


def towns_docx(entries: Sequence[Entry], lang: Lang) -> bytes:
    """The town level as an official-format Word document, as :func:`district_docx`."""
    return _docx("district-units-title", _TOWNS_HEAD, towns_rows(entries, lang), lang)


def towns_json(entries: Iterable[Entry]) -> str:
    """The town level as JSON: each town's units with their counts, and the missing ledgers."""
    items = sorted(entries, key=_order)
    data = {
        "schema": TOWN_SCHEMA,
        "towns": [
            {
                "plan": r.plan.id,
                "township": r.plan.township.name,
                "year": r.plan.year,
                "units": as_data(r)["by_unit"],
            }
            for r in items
            if isinstance(r, InspectionReport)
        ],
        "missing": _missing(items),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
