"""Writing a ledger: a workbook to fill in (or a filled one), CSV of records, TOML or JSON.

The workbook lists the plan's activities and offers drop-down choices for the planned activity,
the place and the organiser, so a clerk picks rather than spells. Output is deterministic: the
same plan and ledger give the same bytes (the zip entries and document properties carry a fixed
stamp).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from commedu._atomic import write_bytes
from commedu._typecheck import check_arguments
from commedu.datafile.columns import (
    ABOUT_SHEET,
    EXPENSE_COLUMNS,
    LISTS_SHEET,
    MONEY_SHEET,
    PLANNED_COLUMNS,
    PLANNED_SHEET,
    RECORD_COLUMNS,
    RECORDS_SHEET,
    csv_cell,
    join_list,
)
from commedu.datafile.names import renamed
from commedu.model.ledger import Expense, Ledger, Record
from commedu.model.plan import Plan

__all__ = [
    "dump_ledger",
    "dumps_ledger",
    "ledger_bytes",
    "normalise_zip",
    "workbook_bytes",
    "write_ledger",
]

#: The stamp written into zip entries and document properties, for identical bytes on every run.
STAMP = datetime(2000, 1, 1)

#: How many empty record rows the drop-downs cover in a new workbook.
BLANK_ROWS = 500


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def normalise_zip(data: bytes) -> bytes:
    """The same zip with every entry stamped alike, so output does not depend on the clock."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=STAMP.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                # The writers stamp the save time into the document properties.
                content = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
            target.writestr(entry, content)
    return out.getvalue()


def _record_row(record: Record) -> list[Any]:
    return [
        record.id,
        record.activity or "",
        record.title,
        join_list(d.isoformat() for d in record.dates),
        "" if record.start is None else record.start.isoformat("minutes"),
        "" if record.end is None else record.end.isoformat("minutes"),
        record.place,
        record.organiser,
        record.participants,
        "" if record.elders is None else record.elders,
        record.target_group,
        record.lecturer,
        join_list(str(e) for e in record.evidence),
        record.notes,
    ]


def _expense_row(expense: Expense) -> list[Any]:
    return [expense.on.isoformat(), f"{expense.amount:f}", expense.purpose]


def _append(sheet: Any, row: list[Any], number: int) -> None:
    """Append row ``number`` of values; text that starts with '=' stays text, never a formula.

    Only the cells given text are looked at, by their place: reading the row back through
    ``max_row`` scans the whole sheet, which made writing a workbook quadratic in its rows.
    """
    sheet.append(row)
    for column, value in enumerate(row, start=1):
        if isinstance(value, str) and value.startswith("="):
            cell = sheet.cell(row=number, column=column)
            if cell.data_type == "f":
                cell.data_type = "s"


def workbook_bytes(plan: Plan, ledger: Ledger | None = None) -> bytes:
    """A ledger workbook for ``plan``: empty and ready to fill in, or holding ``ledger``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.properties.creator = "commedu"
    book.properties.created = book.properties.modified = STAMP
    bold = Font(bold=True)

    records = book.active
    assert records is not None
    records.title = RECORDS_SHEET
    records.append([c.header for c in RECORD_COLUMNS])
    for number, record in enumerate(() if ledger is None else ledger.records, start=2):
        _append(records, _record_row(record), number)
    records.freeze_panes = "A2"

    planned = book.create_sheet(PLANNED_SHEET)
    planned.append([c.header for c in PLANNED_COLUMNS])
    for number, activity in enumerate(plan.activities, start=2):
        _append(
            planned,
            [
                activity.id,
                activity.title,
                str(activity.when),
                join_list(d.name for d in activity.responsible),
                "" if activity.station is None else activity.station.name,
            ],
            number,
        )

    money = book.create_sheet(MONEY_SHEET)
    staff = None if ledger is None else ledger.staff
    money.append(["专职人员 Full-time staff in post", None if staff is None else staff.full_time])
    money.append(["兼职人员 Part-time staff in post", None if staff is None else staff.part_time])
    money.append([])
    money.append([c.header for c in EXPENSE_COLUMNS])
    for number, expense in enumerate(() if ledger is None else ledger.expenses, start=5):
        _append(money, _expense_row(expense), number)

    about = book.create_sheet(ABOUT_SHEET)
    about.append(["计划 Plan", plan.id])
    about.append(["年度 Year", plan.year])
    _append(about, ["说明 Note", "" if ledger is None else ledger.note], 3)
    _append(about, ["标题 Title", plan.title], 4)

    lists = book.create_sheet(LISTS_SHEET)
    places = [s.id for s in plan.stations] + [s.name for s in plan.stations]
    organisers = [d.name for d in plan.departments]
    choices = ([a.id for a in plan.activities], places, organisers)
    for column, items in enumerate(choices, start=1):
        for row, item in enumerate(items, start=1):
            lists.cell(row=row, column=column, value=item).data_type = "s"
    lists.sheet_state = "hidden"

    last = 1 + max(BLANK_ROWS, 0 if ledger is None else len(ledger.records))
    for key, letter, items in zip(("activity", "place", "organiser"), "ABC", choices, strict=True):
        if not items:
            continue
        column = next(i for i, c in enumerate(RECORD_COLUMNS, start=1) if c.key == key)
        from openpyxl.utils import get_column_letter

        target = get_column_letter(column)
        # A place or organiser outside the plan may be typed too: warn, do not forbid.
        validation = DataValidation(
            type="list",
            formula1=f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(items)}",
            allow_blank=True,
            errorStyle="stop" if key == "activity" else "warning",
        )
        validation.add(f"{target}2:{target}{last}")
        records.add_data_validation(validation)

    for sheet in (records, planned, about):
        for cell in sheet[1]:
            cell.font = bold
    for cell in money[4]:
        cell.font = bold
    out = io.BytesIO()
    book.save(out)
    return normalise_zip(out.getvalue())


def _data(ledger: Ledger) -> dict[str, Any]:
    data: dict[str, Any] = {"plan_id": ledger.plan_id, "year": ledger.year}
    if ledger.note:
        data["note"] = ledger.note
    if ledger.staff is not None:
        data["staff"] = {"full_time": ledger.staff.full_time, "part_time": ledger.staff.part_time}
    if ledger.reach is not None:
        counts = ledger.reach
        data["reach"] = {
            key: value
            for key, value in (
                ("persons", counts.persons),
                ("elders", counts.elders),
                ("elder_population", counts.elder_population),
            )
            if value is not None
        }
    data["records"] = [
        {
            key: value
            for key, value in {
                "id": r.id,
                "activity": r.activity,
                "title": r.title,
                "dates": [d.isoformat() for d in r.dates],
                "start": None if r.start is None else r.start.isoformat("minutes"),
                "end": None if r.end is None else r.end.isoformat("minutes"),
                "place": r.place,
                "organiser": r.organiser,
                "participants": r.participants,
                "elders": r.elders,
                "target_group": r.target_group,
                "lecturer": r.lecturer,
                "evidence": [str(e) for e in r.evidence],
                "notes": r.notes,
            }.items()
            if value not in (None, "", [])
        }
        for r in ledger.records
    ]
    data["expenses"] = [
        {"on": e.on.isoformat(), "amount": f"{e.amount:f}", "purpose": e.purpose}
        for e in ledger.expenses
    ]
    return data


def dumps_ledger(ledger: Ledger, format: str = "toml") -> str:
    """The ledger as TOML or JSON text, or its records as CSV with the workbook's headers.

    In CSV, a cell a spreadsheet would run as a formula (one starting ``=``, ``+``, ``-``,
    ``@``, a tab or a carriage return) is written with a leading ``'``, which reading the file
    back takes away again.
    """
    check_arguments(dumps_ledger, ledger=ledger, format=format)
    if format == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([c.header for c in RECORD_COLUMNS])
        # A cell such as "=HYPERLINK(...)" must open as text, not run: see csv_cell.
        writer.writerows(
            [csv_cell(v) if isinstance(v, str) else v for v in _record_row(r)]
            for r in ledger.records
        )
        return out.getvalue()
    data = _data(ledger)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return tomli_w.dumps(data)


def dump_ledger(
    ledger: Ledger, path: str | os.PathLike[str], plan: Plan, *, overwrite: bool = True
) -> Path:
    """Write ``ledger`` for ``plan`` to ``path`` atomically, in the kind its extension names.

    ``.xlsx`` is a workbook listing the plan's activities (an empty ledger gives the blank
    workbook a clerk fills in), ``.csv`` the records with a byte-order mark so that Excel opens
    it as UTF-8, ``.json`` JSON, and anything else TOML. With ``overwrite=False`` an existing
    file is kept and :class:`FileExistsError` raised. Returns the path written.
    """
    check_arguments(dump_ledger, ledger=ledger, path=path, plan=plan, overwrite=overwrite)
    suffix = Path(path).suffix.lower()
    format = {".xlsx": "xlsx", ".csv": "csv", ".json": "json"}.get(suffix, "toml")
    return write_bytes(path, ledger_bytes(ledger, plan, format), overwrite=overwrite)


def ledger_bytes(ledger: Ledger, plan: Plan, format: str) -> bytes:
    """The bytes of ``ledger``'s file in ``format`` (``xlsx``, ``csv``, ``json`` or ``toml``).

    A CSV file starts with a byte-order mark so that Excel opens it as UTF-8; the others are
    as :func:`workbook_bytes` and :func:`dumps_ledger` give them.
    """
    if format == "xlsx":
        return workbook_bytes(plan, ledger)
    text = dumps_ledger(ledger, format)
    return ("\ufeff" + text if format == "csv" else text).encode("utf-8")


def write_ledger(
    path: str | Path, plan: Plan, ledger: Ledger | None = None, *, overwrite: bool = True
) -> Path:
    """Deprecated: use :func:`dump_ledger` (``dump_ledger(ledger, path, plan)``)."""
    renamed("write_ledger(path, plan, ledger)", "dump_ledger(ledger, path, plan)")
    check_arguments(write_ledger, path=path, plan=plan, ledger=ledger, overwrite=overwrite)
    if ledger is None:
        ledger = Ledger(plan.id, plan.year)
    return dump_ledger(ledger, path, plan, overwrite=overwrite)
