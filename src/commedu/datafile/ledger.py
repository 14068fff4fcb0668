"""Reading a ledger from a workbook (.xlsx), a CSV sheet of records, or a TOML/JSON file.

Every cell is read as a value, never run: a formula is refused with its place, so what the
inspection sees is what the clerk typed. All problems of a file are gathered and reported
together in one :class:`~commedu.errors.LedgerFileError`, each naming its sheet, row and column
(or its path in TOML/JSON).
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, time
from decimal import Decimal, InvalidOperation
from functools import partial
from pathlib import Path
from typing import Any

import attrs

from commedu._typecheck import check_arguments
from commedu.datafile.columns import (
    ABOUT_SHEET,
    EXPENSE_COLUMNS,
    MONEY_SHEET,
    RECORD_COLUMNS,
    RECORDS_SHEET,
    Column,
    Refusal,
    activity_choices,
    cell_count,
    cell_date,
    cell_record_id,
    cell_time,
    csv_text,
    split_list,
)
from commedu.datafile.convert import unknown_keys, wrong
from commedu.datafile.decode import MAX_BYTES, Refused, decode, read_bytes, too_large
from commedu.datafile.locate import locate
from commedu.datafile.syntax import Format, parse
from commedu.datafile.xlsx_values import PlainBook, plain_book
from commedu.errors import LedgerFileError, PlanError, Problem
from commedu.model.evidence import KINDS, near_miss
from commedu.model.ledger import Evidence, Expense, Ledger, Reach, Record, Staffing
from commedu.model.parts import money_in_range
from commedu.model.plan import Plan

__all__ = ["load_ledger", "loads_ledger"]

#: The keys of a TOML or JSON ledger's top level.
_TOP_KEYS = ("plan_id", "year", "note", "staff", "records", "expenses", "reach")

#: The head counts of a ledger's ``reach`` table (persons, not attendances).
_REACH_KEYS = ("persons", "elders", "elder_population")

#: Where a value came from: a place to name in a problem.
Where = Callable[[str], str]

#: A problem the whole ledger finds with one of its items: ``records[3].dates``.
_ITEM = re.compile(r"(?P<list>records|expenses)\[(?P<index>\d+)\]\.(?P<field>\w+)")


class _Cells:
    """Turns raw cell values into typed ones, noting a problem for each that will not go."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.problems: list[Problem] = []
        self.activities = {a.id for a in plan.activities}
        # A planned activity is chosen by its id (in any case), by the drop-down's name for it,
        # or by its title where only one activity has that title.
        self.choices = activity_choices(plan)
        titles: dict[str, list[str]] = {}
        for activity in plan.activities:
            titles.setdefault(activity.title.strip(), []).append(activity.id)
        self.titles = titles
        self.lower_ids = {a.id.lower(): a.id for a in plan.activities}

    def bad(self, where: str, code: str, **params: Any) -> None:
        self.problems.append(Problem(where, code, params))

    def refused(self, where: str, refusal: Refusal) -> None:
        self.problems.append(Problem(where, refusal.code, refusal.params))

    def text(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()

    def integer(self, value: Any, where: str) -> int | None:
        found = cell_count(value)
        if isinstance(found, Refusal):
            self.refused(where, found)
            return None
        return found

    def one_date(self, value: Any, where: str) -> date | None:
        found = cell_date(value, self.plan.year)
        if isinstance(found, Refusal):
            self.refused(where, found)
            return None
        return found

    def dates(self, value: Any, where: str) -> tuple[date, ...]:
        if isinstance(value, str):
            items: Sequence[Any] = split_list(value)
        elif isinstance(value, list):
            items = value
        elif value is None:
            items = []
        else:  # a date, a date and time, or a number cell
            items = [value]
        found = [self.one_date(item, where) for item in items]
        return tuple(d for d in found if d is not None)

    def clock(self, value: Any, where: str) -> time | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        found = cell_time(value)
        if isinstance(found, Refusal):
            self.refused(where, found)
            return None
        return found

    def activity(self, value: Any, where: str) -> str | None:
        """The id of the planned activity a cell names, or None for unplanned work."""
        text = self.text(value)
        if not text:
            return None
        if text in self.activities:
            return text
        found = self.choices.get(text) or self.lower_ids.get(text.lower())
        ids = self.titles.get(text, [])
        if found is None and len(ids) == 1:
            found = ids[0]
        if found is None:
            if len(ids) > 1:
                self.bad(where, "ledger-ambiguous-activity", value=text, ids="、".join(ids))
            else:
                self.bad(where, "ledger-no-such-activity", value=text)
        return found

    def money(self, value: Any, where: str) -> Decimal | None:
        if isinstance(value, bool):
            self.bad(where, "bad-money", value=value)
            return None
        # A spreadsheet keeps numbers as binary floats; their shortest spelling is what was typed.
        text = repr(value) if isinstance(value, float) else str(value).strip()
        try:
            amount = Decimal(text)
        except InvalidOperation:
            amount = Decimal("NaN")
        if not amount.is_finite() or amount < 0 or not money_in_range(amount):
            self.bad(where, "bad-money", value=value)
            return None
        return amount

    def evidence(self, value: Any, where: str = "evidence") -> tuple[Evidence, ...]:
        items = value if isinstance(value, list) else split_list(self.text(value))
        found = []
        for item in items:
            kind, _, ref = str(item).replace("：", ":").partition(":")
            # A slip for a kind of the vocabulary is named; a township's own kind is kept.
            if (meant := near_miss(kind)) is not None:
                known = "、".join(k.name for k in KINDS)
                self.bad(
                    where,
                    "evidence-near-miss",
                    value=kind.strip(),
                    suggestion=meant.name,
                    known=known,
                )
            if kind.strip():
                found.append(Evidence(kind.strip(), ref.strip()))
        return tuple(found)

    def record(self, row: Mapping[str, Any], where: Where) -> Record | None:
        before = len(self.problems)
        activity = self.activity(row.get("activity"), where("activity"))
        dates = self.dates(row.get("dates"), where("dates"))
        start = self.clock(row.get("start"), where("start"))
        end = self.clock(row.get("end"), where("end"))
        participants = self.integer(row.get("participants"), where("participants"))
        elders = self.integer(row.get("elders"), where("elders"))
        if len(self.problems) > before:
            # The one check across cells still runs, so the clerk sees every mistake at once.
            if participants is not None and elders is not None and elders > participants:
                self.bad(
                    where("elders"), "ledger-elders-exceed", value=elders, participants=participants
                )
            return None
        try:
            return Record(
                cell_record_id(self.text(row.get("id"))),
                self.text(row.get("title")),
                dates,
                activity=activity,
                start=start,
                end=end,
                place=self.text(row.get("place")),
                organiser=self.text(row.get("organiser")),
                participants=participants or 0,
                elders=elders,
                target_group=self.text(row.get("target_group")),
                lecturer=self.text(row.get("lecturer")),
                evidence=self.evidence(row.get("evidence"), where("evidence")),
                notes=self.text(row.get("notes")),
            )
        except PlanError as error:
            for problem in error.problems:
                field = problem.path.partition(".")[0].partition("[")[0]
                self.problems.append(Problem(where(field), problem.code, problem.params))
            return None

    def expense(self, row: Mapping[str, Any], where: Where) -> Expense | None:
        before = len(self.problems)
        on = self.one_date(row.get("on"), where("on"))
        amount = self.money(row.get("amount"), where("amount"))
        purpose = self.text(row.get("purpose"))
        if not purpose:
            self.bad(where("purpose"), "empty-text")
        if len(self.problems) > before or on is None or amount is None:
            return None
        return Expense(on, amount, purpose)

    def ledger(
        self,
        records: Iterable[tuple[Mapping[str, Any], Where]],
        expenses: Iterable[tuple[Mapping[str, Any], Where]] = (),
        staff: Staffing | None = None,
        note: str = "",
        reach: Reach | None = None,
    ) -> Ledger | None:
        found: list[Record] = []
        places: dict[str, list[Where]] = {"records": [], "expenses": []}
        for row, where in records:
            record = self.record(row, where)
            if record is not None:
                found.append(record)
                places["records"].append(where)
        spent: list[Expense] = []
        for row, where in expenses:
            expense = self.expense(row, where)
            if expense is not None:
                spent.append(expense)
                places["expenses"].append(where)
        if self.problems:
            return None
        try:
            return Ledger(
                self.plan.id,
                self.plan.year,
                [r for r in found if r is not None],
                staff=staff,
                expenses=[e for e in spent if e is not None],
                note=note,
                reach=reach,
            )
        except PlanError as error:
            # What the whole ledger checks (a number used twice, a day outside the year) is
            # named by the record's own cell, as the clerk sees it.
            for problem in error.problems:
                at = _ITEM.fullmatch(problem.path)
                if at is not None:
                    where = places[at["list"]][int(at["index"])]
                    params = dict(problem.params)
                    first = _ITEM.fullmatch(f"{params.get('first')}.id")
                    if first is not None:  # the first of two equal record numbers, by its cell
                        params["first"] = places[first["list"]][int(first["index"])]("id")
                    problem = Problem(where(at["field"]), problem.code, params)
                self.problems.append(problem)
            return None


# -- workbooks -------------------------------------------------------------------------------------


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


class _Reading:
    """Where a workbook is being read, so that damage found there can be named."""

    def __init__(self) -> None:
        self.sheet = ""
        self.row: int | None = None

    def at(self, sheet: str, row: int | None = None) -> None:
        self.sheet, self.row = sheet, row

    def problem(self, source: str) -> Problem:
        if not self.sheet:
            return Problem("", "ledger-xlsx-damaged", {"value": source})
        if self.row is None:
            return Problem(self.sheet, "ledger-xlsx-damaged", {"value": source})
        return Problem(
            f"{self.sheet}!A{self.row}",
            "ledger-xlsx-damaged-row",
            {"value": source, "row": self.row},
        )


def _reading_rows(
    rows: Iterator[Any], reading: _Reading, name: str, last: int
) -> Iterator[tuple[int, Any]]:
    """The rows of a sheet with their numbers, noting in ``reading`` the row read next.

    An empty cell has no number of its own, so a row is numbered by its first cell that has one.
    """
    while True:
        reading.at(name, last + 1)
        row = next(rows, None)
        if row is None:
            return
        numbers = (getattr(cell, "row", None) for cell in row)
        last = next((n for n in numbers if isinstance(n, int)), last + 1)
        yield last, row


#: The last row a spreadsheet has (Excel's limit).
_MAX_ROW = 1_048_576


def _cell_rows(
    sheet: Any, header_row: int, width: int, reading: _Reading
) -> Iterator[tuple[int, list[Any], list[int]]]:
    """An openpyxl sheet's rows from the header on: number, ``width`` values, formula columns."""
    reading.at(sheet.title, header_row)
    # Every row the sheet holds: left to itself, openpyxl stops where the sheet's stated size
    # ends, and another program may state too few rows.
    rows = iter(sheet.iter_rows(min_row=header_row, max_row=_MAX_ROW, max_col=width))
    first = next(rows, None)
    if first is None:
        return
    yield header_row, [c.value for c in first[:width]], []
    for number, row in _reading_rows(rows, reading, sheet.title, header_row):
        values = [c.value for c in row[:width]]
        values += [None] * (width - len(values))
        yield number, values, [i for i, cell in enumerate(row[:width]) if cell.data_type == "f"]


def _sheet_rows(
    cells: _Cells,
    rows: Iterator[tuple[int, list[Any], list[int]]],
    name: str,
    columns: Sequence[Column],
    header_row: int,
) -> Iterator[tuple[dict[str, Any], Where]]:
    """The filled rows under the header, each with a function naming a column's cell.

    ``rows`` starts with the header row; each row comes with its number and the columns that
    hold a formula. Rows are read as they are asked for and not kept: a ledger of 100,000
    records is never in memory twice, once as cells and once as records.
    """
    first = next(rows, None)
    if first is None:
        cells.bad(f"{name}!A{header_row}", "ledger-missing-sheet", value=name)
        return
    header = [cells.text(v) for v in first[1][: len(columns)]]
    expected = [c.header for c in columns]
    if header != expected:
        cells.bad(f"{name}!A{header_row}", "ledger-bad-header", value=header, expected=expected)
        return
    # Each column's cell reference before and after the row number, worked out once.
    around = {c.key: (f"{name}!{_letter(i + 1)}", f" ({c.header})") for i, c in enumerate(columns)}
    keys = [c.key for c in columns]
    for number, values, formulas in rows:
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue

        def where(key: str, number: int = number) -> str:
            before, after = around.get(key) or around[columns[0].key]
            return f"{before}{number}{after}"

        for i in formulas:
            cells.bad(where(columns[i].key), "ledger-formula", value=str(values[i])[:80])
        if not formulas:  # a row with a formula is not read further: its figures are unknown
            yield dict(zip(keys, values, strict=True)), where


#: One cell's value by its reference (``B3``) in a sheet already chosen.
Cell = Callable[[str], Any]


def _read_xlsx(data: bytes, plan: Plan, source: str) -> Ledger:
    """The ledger in a workbook: read by calamine when it can be, else by openpyxl.

    calamine's reading is taken only when it finds no problem at all; a workbook with a formula,
    damage or any mistake is read again with openpyxl, which names each problem's cell.
    """
    book = plain_book(data)
    if book is not None:
        cells = _Cells(plan)
        try:
            ledger = _read_plain(cells, book, plan)
        except Exception:  # calamine's own failures: openpyxl reads the file and names them
            ledger = None
        except BaseException as exc:  # a panic in calamine's Rust is no Exception
            if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
                raise
            ledger = None
        if ledger is not None and not cells.problems:
            return ledger
    return _read_cells(data, plan, source)


def _read_plain(cells: _Cells, book: PlainBook, plan: Plan) -> Ledger | None:
    """The ledger in a workbook without formulas, or None at the first sign of a problem."""
    if not {RECORDS_SHEET, MONEY_SHEET, ABOUT_SHEET} <= set(book.sheetnames):
        return None
    about = partial(book.value, ABOUT_SHEET)
    _check_about(cells, about, plan)
    staff = _staff(cells, partial(book.value, MONEY_SHEET), lambda ref: False)
    reach = _sheet_reach(cells, about)
    if cells.problems:
        return None
    none: list[int] = []  # no cell holds a formula: the workbook was looked at for them
    rows = ((n, values, none) for n, values in book.rows(RECORDS_SHEET, 1, len(RECORD_COLUMNS)))
    records = _sheet_rows(cells, rows, RECORDS_SHEET, RECORD_COLUMNS, 1)
    spent = ((n, values, none) for n, values in book.rows(MONEY_SHEET, 4, len(EXPENSE_COLUMNS)))
    expenses = _sheet_rows(cells, spent, MONEY_SHEET, EXPENSE_COLUMNS, 4)
    return cells.ledger(records, expenses, staff, cells.text(about("B3")), reach=reach)


def _read_cells(data: bytes, plan: Plan, source: str) -> Ledger:
    """The ledger in a workbook read cell by cell with openpyxl, every problem at its cell."""
    from openpyxl import load_workbook

    try:
        # data_only=False: a formula stays a formula, so it can be refused rather than trusted.
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        # The reader's reason is English; a Chinese message says what it means for the clerk.
        why = "文件不是压缩包" if isinstance(exc, zipfile.BadZipFile) else "缺少部件或内容已损坏"
        raise LedgerFileError(
            [
                Problem(
                    "", "ledger-not-xlsx", {"value": source, "reason": str(exc), "reason_zh": why}
                )
            ],
            source,
        ) from None
    except Exception:  # damaged parts of the workbook itself (see below)
        raise LedgerFileError([_Reading().problem(source)], source) from None
    cells = _Cells(plan)
    reading = _Reading()
    try:
        for name in (RECORDS_SHEET, MONEY_SHEET, ABOUT_SHEET):
            if name not in book.sheetnames:
                cells.bad(name, "ledger-missing-sheet", value=name)
        if cells.problems:
            raise LedgerFileError(cells.problems, source)
        about, money = book[ABOUT_SHEET], book[MONEY_SHEET]
        reading.at(ABOUT_SHEET)
        _check_about(cells, lambda ref: about[ref].value, plan)
        reading.at(MONEY_SHEET)
        staff = _staff(cells, lambda ref: money[ref].value, lambda ref: money[ref].data_type == "f")
        width = len(RECORD_COLUMNS)
        rows = _cell_rows(book[RECORDS_SHEET], 1, width, reading)
        records = _sheet_rows(cells, rows, RECORDS_SHEET, RECORD_COLUMNS, 1)
        spent = _cell_rows(money, 4, len(EXPENSE_COLUMNS), reading)
        expenses = _sheet_rows(cells, spent, MONEY_SHEET, EXPENSE_COLUMNS, 4)
        reading.at(ABOUT_SHEET)
        note = cells.text(about["B3"].value)
        reach = _sheet_reach(cells, lambda ref: about[ref].value)
        reading.at("")
        ledger = cells.ledger(records, expenses, staff, note, reach=reach)
    except LedgerFileError:
        raise
    except Exception:  # a workbook is foreign input: any failure of the
        # zip, XML or spreadsheet reader on it (bad numbers, a shared string out of range,
        # entity expansion, a deflate64 or encrypted member, a bad cell reference) is the file's.
        raise LedgerFileError([reading.problem(source)], source) from None
    finally:
        book.close()
    if ledger is None:
        raise LedgerFileError(cells.problems, source)
    return ledger


def _check_about(cells: _Cells, cell: Cell, plan: Plan) -> None:
    plan_id = cells.text(cell("B1"))
    year = cells.integer(cell("B2"), f"{ABOUT_SHEET}!B2")
    if (plan_id, year) != (plan.id, plan.year):
        cells.bad(f"{ABOUT_SHEET}!B1", "ledger-other-plan", value=f"{plan_id} {year}", plan=plan.id)


def _sheet_reach(cells: _Cells, cell: Cell) -> Reach | None:
    """The head counts in the About sheet's B5 to B7; none when all three are empty."""
    where = {key: f"{ABOUT_SHEET}!B{row}" for row, key in enumerate(_REACH_KEYS, start=5)}
    counts = {key: cells.integer(cell(ref[-2:]), ref) for key, ref in where.items()}
    if all(count is None for count in counts.values()):
        return None
    try:
        return Reach(**counts)
    except PlanError as error:
        # each problem at the cell of the count it is about
        cells.problems += [
            attrs.evolve(p, path=where.get(p.path.split(".")[0], where["persons"]))
            for p in error.problems
        ]
        return None


def _staff(cells: _Cells, cell: Cell, formula: Callable[[str], bool]) -> Staffing | None:
    full = cells.integer(cell("B1"), f"{MONEY_SHEET}!B1")
    part = cells.integer(cell("B2"), f"{MONEY_SHEET}!B2")
    for ref in ("B1", "B2"):
        if formula(ref):
            cells.bad(f"{MONEY_SHEET}!{ref}", "ledger-formula", value=str(cell(ref)))
    return None if full is None else Staffing(full, part or 0)


# -- CSV and TOML/JSON -----------------------------------------------------------------------------


def _read_csv(text: str, plan: Plan, source: str) -> Ledger:
    cells = _Cells(plan)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = list(reader)
    except csv.Error:  # a cell over the csv module's limit (128 KiB), or a stray NUL
        line = max(reader.line_num, 1)
        raise LedgerFileError(
            [Problem(f"A{line}", "ledger-csv-damaged", {"row": line})], source
        ) from None
    expected = [c.header for c in RECORD_COLUMNS]
    if not rows or [h.strip() for h in rows[0]] != expected:
        got = rows[0] if rows else []
        cells.bad(
            f"A1:{_letter(len(expected))}1", "ledger-bad-header", value=got, expected=expected
        )
        raise LedgerFileError(cells.problems, source)
    index = {c.key: i for i, c in enumerate(RECORD_COLUMNS)}
    found: list[tuple[Mapping[str, Any], Where]] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(v.strip() for v in row):
            continue

        def where(key: str, number: int = number) -> str:
            i = index.get(key, 0)
            # A1 notation, as a spreadsheet names the cell: the same in Chinese and English.
            return f"{_letter(i + 1)}{number} ({RECORD_COLUMNS[i].header})"

        values = {
            c.key: (csv_text(row[i]) if i < len(row) else "") for i, c in enumerate(RECORD_COLUMNS)
        }
        found.append((values, where))
    ledger = cells.ledger(found)
    if ledger is None:
        raise LedgerFileError(cells.problems, source)
    return ledger


def _read_data(data: Mapping[str, Any], plan: Plan, source: str) -> Ledger:
    cells = _Cells(plan)
    if (data.get("plan_id"), data.get("year")) != (plan.id, plan.year):
        value = f"{data.get('plan_id')} {data.get('year')}"
        cells.bad("plan_id", "ledger-other-plan", value=value, plan=plan.id)

    # A key the reader does not know would be silently ignored: name it, and the likely one.
    cells.problems += unknown_keys(data, _TOP_KEYS)

    def rows(key: str, columns: Sequence[Column]) -> list[tuple[Mapping[str, Any], Where]]:
        items = data.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            cells.bad(
                key,
                "wrong-type",
                value=key,
                got="-",
                got_zh="-",
                expected="a list of tables",
                expected_zh="表的列表",
            )
            return []
        found: list[tuple[Mapping[str, Any], Where]] = []
        for i, item in enumerate(items):

            def where(field: str, i: int = i) -> str:
                return f"{key}[{i}].{field}"

            cells.problems += unknown_keys(item, [c.key for c in columns], f"{key}[{i}]")
            found.append((item, where))
        return found

    staff = None
    table = data.get("staff")
    if isinstance(table, dict):
        cells.problems += unknown_keys(table, ("full_time", "part_time"), "staff")
        full = cells.integer(table.get("full_time"), "staff.full_time")
        part = cells.integer(table.get("part_time"), "staff.part_time")
        staff = None if full is None else Staffing(full, part or 0)
    reach = _reach(cells, data.get("reach"))
    records, expenses = rows("records", RECORD_COLUMNS), rows("expenses", EXPENSE_COLUMNS)
    ledger = cells.ledger(records, expenses, staff, cells.text(data.get("note")), reach)
    if ledger is None or cells.problems:
        raise LedgerFileError(cells.problems, source)
    return ledger


def _reach(cells: _Cells, table: Any) -> Reach | None:
    """The ledger's head counts from its ``reach`` table, if it has one."""
    if table is None:
        return None
    if not isinstance(table, dict):
        cells.bad(
            "reach",
            "wrong-type",
            value="reach",
            got="-",
            got_zh="-",
            expected="a table",
            expected_zh="表",
        )
        return None
    cells.problems += unknown_keys(table, _REACH_KEYS, "reach")
    counts = {key: cells.integer(table.get(key), f"reach.{key}") for key in _REACH_KEYS}
    try:
        return Reach(**counts)
    except PlanError as error:
        cells.problems += [p.at("reach") for p in error.problems]
        return None


def loads_ledger(
    text: str | bytes, plan: Plan, format: str = "toml", source: str = "<ledger>"
) -> Ledger:
    """A ledger from TOML, JSON or CSV text (or a file's bytes), checked against ``plan``.

    TOML and JSON go through the same parsing guards as a plan file, and every problem with a
    path also has the line and column of that path in ``text``.
    """
    check_arguments(loads_ledger, text=text, plan=plan, format=format, source=source)
    try:
        if isinstance(text, bytes):
            text = decode(text, "ledger", bom=format == "csv")
        if format == "csv":
            return _read_csv(text.removeprefix("\ufeff"), plan, source)
        syntax: Format = "json" if format == "json" else "toml"
        data = parse(text, syntax, "ledger")
    except Refused as exc:
        raise LedgerFileError(exc.problems, source) from None
    if not isinstance(data, dict):
        raise LedgerFileError([wrong(data, "table").problem], source)
    try:
        return _read_data(data, plan, source)
    except LedgerFileError as exc:
        raise LedgerFileError(locate(exc.problems, text, syntax), source) from None


def load_ledger(path: str | os.PathLike[str], plan: Plan) -> Ledger:
    """The ledger in ``path`` (.xlsx, .csv, .json or else TOML), checked against ``plan``."""
    check_arguments(load_ledger, path=path, plan=plan)
    source = os.fspath(path)
    try:
        data = read_bytes(path, "ledger")
    except Refused as exc:
        raise LedgerFileError(exc.problems, source, unreadable=exc.unreadable) from None
    return ledger_from_bytes(data, Path(path).suffix, plan, source)


def ledger_from_bytes(data: bytes, suffix: str, plan: Plan, source: str = "<ledger>") -> Ledger:
    """A ledger from a file's bytes, its kind told by ``suffix`` (``.xlsx``, ``.csv``, …).

    For a caller that opened the file itself, such as a server that must not follow links.
    """
    if len(data) > MAX_BYTES:
        raise LedgerFileError(too_large(len(data), "ledger").problems, source)
    suffix = suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(data, plan, source)
    fmt = {".csv": "csv", ".json": "json"}.get(suffix, "toml")
    return loads_ledger(data, plan, fmt, source)
