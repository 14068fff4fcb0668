"""Writing a ledger: a workbook to fill in (or a filled one), CSV of records, TOML or JSON.

The workbook lists the plan's activities and offers drop-down choices for the planned activity,
the place and the organiser by name, so a clerk picks rather than spells; its columns are as
wide as what they hold and its header rows stay in view. Output is deterministic: the
same plan and ledger give the same bytes (the zip entries and document properties carry a fixed
stamp).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
import shutil
import zipfile
from collections.abc import Iterable, Mapping, Sequence
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
    REACH_LABELS,
    RECORD_COLUMNS,
    RECORDS_SHEET,
    activity_choices,
    csv_cell,
    display_width,
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

#: The narrowest and widest a column is made, in characters (a Chinese character is two).
NARROWEST, WIDEST = 8, 48

#: What a drop-down says when a cell holds something else (the reader names the cell too).
_CHOOSE = "请从下拉列表中选择 Choose from the list"


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


def _record_row(record: Record, names: Mapping[str, str] | None = None) -> list[Any]:
    """A record's cells; with ``names``, the planned activity by its name in the drop-down."""
    activity = record.activity or ""
    return [
        record.id,
        names.get(activity, activity) if names else activity,
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


class _StampedZip(zipfile.ZipFile):
    """A zip whose every entry carries :data:`STAMP`, so a workbook's bytes do not depend on
    the clock; written as it goes, with no second pass over the compressed data."""

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: Any,  # what ZipFile.writestr takes: text or a buffer
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        name = getattr(zinfo_or_arcname, "filename", zinfo_or_arcname)
        assert isinstance(name, str)
        super().writestr(_entry(name), data)

    def write(
        self,
        filename: str | os.PathLike[str],
        arcname: str | os.PathLike[str] | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        # A write-only sheet waits in a temporary file: copy it in, in pieces.
        with (
            open(filename, "rb") as source,
            self.open(_entry(os.fspath(arcname or filename)), "w") as target,
        ):
            shutil.copyfileobj(source, target, 1 << 20)


def _entry(name: str) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, date_time=STAMP.timetuple()[:6])
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o600 << 16
    return entry


class _Widths:
    """The width each column of a sheet needs for the widest text it holds."""

    def __init__(self) -> None:
        self.widths: list[int] = []

    def see(self, row: Sequence[Any]) -> None:
        widths = self.widths
        if len(widths) < len(row):
            widths.extend([0] * (len(row) - len(widths)))
        for i, value in enumerate(row):
            if value is not None and value != "":
                width = display_width(value if isinstance(value, str) else str(value))
                if width > widths[i]:
                    widths[i] = width

    def fit(self, sheet: Any) -> None:
        from openpyxl.utils import get_column_letter

        for i, width in enumerate(self.widths, start=1):
            # Two characters more than the text: a drop-down's arrow and a little air.
            fitted = min(max(width + 2, NARROWEST), WIDEST)
            sheet.column_dimensions[get_column_letter(i)].width = fitted


class _Sheet:
    """A sheet written row by row, once (openpyxl's write-only mode): nothing is kept.

    Its look (column widths, frozen header) is settled before the first row, because the
    sheet's XML states it ahead of the rows.
    """

    def __init__(self, book: Any, title: str, rows: Sequence[Sequence[Any]], *, header: int = 1):
        self.sheet = book.create_sheet(title)
        self.header = header
        widths = _Widths()
        for row in rows:
            widths.see(row)
        self.widths = widths
        # The sheet's size, stated ahead of its rows: without it a reader (openpyxl's
        # read-only mode among them) must parse the whole sheet once just to learn it.
        if rows and widths.widths:
            size = f"A1:{_column_letter(len(widths.widths))}{len(rows)}"
            self.sheet.calculate_dimension = lambda: size

    def write(self, rows: Iterable[Sequence[Any]], *, freeze: bool = True) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        sheet = self.sheet
        self.widths.fit(sheet)
        if freeze:
            sheet.freeze_panes = f"A{self.header + 1}"
        bold = Font(bold=True)
        for number, row in enumerate(rows, start=1):
            cells: list[Any] = list(row)
            for i, value in enumerate(cells):
                # Text that starts with '=' stays text, never a formula; a header is bold.
                if number == self.header or (isinstance(value, str) and value.startswith("=")):
                    cell = WriteOnlyCell(sheet, value)
                    if isinstance(value, str):
                        cell.data_type = "s"
                    if number == self.header:
                        cell.font = bold
                    cells[i] = cell
            sheet.append(cells)


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def workbook_bytes(plan: Plan, ledger: Ledger | None = None) -> bytes:
    """A ledger workbook for ``plan``: empty and ready to fill in, or holding ``ledger``.

    Every row is written once and not kept (openpyxl's write-only mode), so the time grows
    with the rows and the memory with the widest sheet's text, not with the workbook.
    """
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook(write_only=True)
    book.properties.creator = "commedu"
    book.properties.created = book.properties.modified = STAMP

    names = activity_choices(plan)
    by_id = {activity: name for name, activity in names.items()}
    places = [s.name for s in plan.stations]
    places += [p.name for p in plan.places if p.name not in places]  # schools, 市民学校
    organisers = [d.name for d in plan.departments]
    choices = (list(names), places, organisers)

    header = [c.header for c in RECORD_COLUMNS]
    rows = [header]
    rows += [_record_row(r, by_id) for r in (() if ledger is None else ledger.records)]
    records = _Sheet(book, RECORDS_SHEET, rows)
    # A chosen name must fit its column as well as what is already there.
    for key, items in zip(("activity", "place", "organiser"), choices, strict=True):
        column = next(i for i, c in enumerate(RECORD_COLUMNS) if c.key == key)
        records.widths.see([None] * column + [max(items, key=display_width, default="")])
    last = 1 + max(BLANK_ROWS, len(rows) - 1)
    for key, letter, items in zip(("activity", "place", "organiser"), "ABC", choices, strict=True):
        if not items:
            continue
        target = get_column_letter(next(i for i, c in enumerate(RECORD_COLUMNS, 1) if c.key == key))
        # A place or organiser outside the plan may be typed too, and a planned activity's
        # id as well as its name: warn, do not forbid (the reader names what it cannot take).
        validation = DataValidation(
            type="list",
            formula1=f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(items)}",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            error=_CHOOSE,
        )
        validation.add(f"{target}2:{target}{last}")
        records.sheet.data_validations.append(validation)
    records.write(rows)
    del rows

    planned_rows = [[c.header for c in PLANNED_COLUMNS]] + [
        [
            activity.id,
            activity.title,
            str(activity.when),
            join_list(d.name for d in activity.responsible),
            "" if activity.station is None else activity.station.name,
        ]
        for activity in plan.activities
    ]
    _Sheet(book, PLANNED_SHEET, planned_rows).write(planned_rows)

    staff = None if ledger is None else ledger.staff
    money_rows: list[list[Any]] = [
        ["专职人员 Full-time staff in post", None if staff is None else staff.full_time],
        ["兼职人员 Part-time staff in post", None if staff is None else staff.part_time],
        [],
        [c.header for c in EXPENSE_COLUMNS],
        *(_expense_row(e) for e in (() if ledger is None else ledger.expenses)),
    ]
    _Sheet(book, MONEY_SHEET, money_rows, header=4).write(money_rows)

    about_rows: list[list[Any]] = [
        ["计划 Plan", plan.id],
        ["年度 Year", plan.year],
        ["说明 Note", "" if ledger is None else ledger.note],
        ["标题 Title", plan.title],
        *([label, count] for label, count in zip(REACH_LABELS, _reach(ledger), strict=True)),
    ]
    about = _Sheet(book, ABOUT_SHEET, about_rows[2:])
    about.widths.see(["计划 Plan", ""])
    about.write(about_rows, freeze=False)

    lists = book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    for offered in itertools.zip_longest(*choices):
        lists.append([None if item is None else _text_cell(lists, item) for item in offered])

    out = io.BytesIO()
    ExcelWriter(book, _StampedZip(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    return out.getvalue()


def _text_cell(sheet: Any, text: str) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, text)
    cell.data_type = "s"
    return cell


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


def _reach(ledger: Ledger | None) -> tuple[int | None, int | None, int | None]:
    """The ledger's head counts as the About sheet's rows 5 to 7 hold them (empty if none)."""
    counts = None if ledger is None else ledger.reach
    if counts is None:
        return (None, None, None)
    return (counts.persons, counts.elders, counts.elder_population)
