"""A workbook read by calamine gives what openpyxl's reading gives, and only a plain one is.

The ledger reader takes python-calamine's values for a workbook with no formula and no error
cell, and reads every other one (and every one with a problem) with openpyxl, which names the
cell. These tests hold the two readings to the same outcome: the same ledger, or the same
problems, for ledgers the writer makes and for cells typed every way a clerk types them.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
import python_calamine
from hypothesis import given, settings
from hypothesis import strategies as st

from commedu.compliance.actuals import example_ledger
from commedu.compliance.builtin import example_plan
from commedu.datafile import xlsx_values
from commedu.datafile.columns import (
    ABOUT_SHEET,
    EXPENSE_COLUMNS,
    MONEY_SHEET,
    RECORD_COLUMNS,
    RECORDS_SHEET,
)
from commedu.datafile.ledger import _read_cells, ledger_from_bytes
from commedu.datafile.ledger_write import workbook_bytes
from commedu.datafile.xlsx_values import plain_book
from commedu.errors import LedgerFileError
from commedu.model.ledger import Ledger, Staffing

from .strategies import ledger_records

PLAN = example_plan()
BOOK = workbook_bytes(PLAN, example_ledger())
RECORDS_XML = "xl/worksheets/sheet1.xml"  # the records sheet, as the writer lays the book out


def _outcome(read: Callable[[], Ledger]) -> Ledger | list[tuple[str, str]]:
    try:
        return read()
    except LedgerFileError as error:
        return [(p.path, p.code) for p in error.problems]


def _both(data: bytes) -> tuple[object, object]:
    """What the reader gives, and what openpyxl alone gives, for the same workbook."""
    fast = _outcome(lambda: ledger_from_bytes(data, ".xlsx", PLAN, "book.xlsx"))
    slow = _outcome(lambda: _read_cells(data, PLAN, "book.xlsx"))
    return fast, slow


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return {info.filename: book.read(info) for info in book.infolist()}


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for name, content in members.items():
            book.writestr(name, content)
    return out.getvalue()


def _with_records(change: Callable[[bytes], bytes]) -> bytes:
    members = _members(BOOK)
    members[RECORDS_XML] = change(members[RECORDS_XML])
    return _zip(members)


LETTER = {c.key: chr(ord("A") + i) for i, c in enumerate(RECORD_COLUMNS)}


def _typed(rows: list[dict[str, object]]) -> bytes:
    """A workbook as a spreadsheet saves it: shared strings, number, date and time cells."""
    book = openpyxl.Workbook()
    records = book.active
    assert records is not None
    records.title = RECORDS_SHEET
    records.append([c.header for c in RECORD_COLUMNS])
    for number, row in enumerate(rows, start=2):
        for key, value in row.items():
            cell = records[f"{LETTER[key]}{number}"]
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # as typed, never a formula
    money = book.create_sheet(MONEY_SHEET)
    money["B1"], money["B2"] = 2, 1
    money["A4"], money["B4"], money["C4"] = (c.header for c in EXPENSE_COLUMNS)
    money["A5"], money["B5"], money["C5"] = date(PLAN.year, 6, 1), 2500, "培训"
    about = book.create_sheet(ABOUT_SHEET)
    about["B1"], about["B2"], about["B3"] = PLAN.id, PLAN.year, "说明"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# -- the same ledger -------------------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_a_written_workbook_reads_back_the_same_by_both_readers(data: st.DataObject) -> None:
    records = data.draw(ledger_records(PLAN.year, tuple(a.id for a in PLAN.activities)))
    ledger = Ledger(PLAN.id, PLAN.year, records, staff=Staffing(2, 1))
    book = workbook_bytes(PLAN, ledger)
    assert plain_book(book) is not None  # the fast path is the one taken
    fast, slow = _both(book)
    assert fast == slow == ledger


def test_the_example_ledger_reads_the_same_by_both_readers() -> None:
    fast, slow = _both(BOOK)
    assert fast == slow == example_ledger()


CELL_VALUES = st.one_of(
    st.none(),
    st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=12),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(date(1901, 1, 1), date(2099, 12, 31)),
    st.datetimes(datetime(1901, 1, 1), datetime(2099, 12, 31)),
    st.times(),
    st.sampled_from(["2021-03-05", "3月5日", "9:30", "下午2点", "40人", "签到表；照片:a.jpg"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fixed_dictionaries({}, optional=dict.fromkeys(LETTER, CELL_VALUES)), max_size=3))
def test_cells_typed_any_way_give_the_same_outcome(rows: list[dict[str, object]]) -> None:
    fast, slow = _both(_typed(rows))
    assert fast == slow


def test_date_time_and_number_cells_read_as_openpyxl_reads_them() -> None:
    day = date(PLAN.year, 3, 5)
    rows: list[dict[str, object]] = [
        {"id": "r1", "title": "讲座", "dates": day, "start": time(9), "end": time(11, 30)},
        {"id": 2, "title": 3.5, "dates": datetime(PLAN.year, 3, 6, 9, 30), "participants": 40},
        {"id": "r3", "title": day, "dates": "3月7日", "participants": 40.0, "elders": 7},
        {"id": "r4", "title": "课", "dates": day, "notes": timedelta(hours=2), "place": True},
    ]
    fast, slow = _both(_typed(rows))
    assert isinstance(fast, Ledger)
    assert fast == slow
    first, second, third, fourth = fast.records
    assert (first.dates, first.start, first.end) == ((day,), time(9), time(11, 30))
    assert (second.id, second.title, second.participants) == ("2", "3.5", 40)
    assert third.title == f"{day.isoformat()} 00:00:00"  # a date cell, as openpyxl spells it
    assert (fourth.notes, fourth.place) == ("2:00:00", "True")
    assert (fast.spent, fast.staff, fast.note) == (Decimal(2500), Staffing(2, 1), "说明")


# -- what only openpyxl reads ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        # a formula, with and without a namespace prefix, and an error cell with no formula
        lambda xml: xml.replace(b"<is><t>r01</t></is>", b"<f>1+1</f><is><t>r01</t></is>"),
        lambda xml: xml.replace(b"<sheetData>", b'<x:f xmlns:x="urn:x"/><sheetData>'),
        lambda xml: xml.replace(b'r="A2" t="inlineStr"', b'r="A2" t="e"'),
        # a member in UTF-16: calamine and a byte scan are not to be trusted with it
        lambda xml: xml.decode().replace("UTF-8", "UTF-16").encode("utf-16"),
    ],
    ids=["formula", "prefixed-formula", "error-cell", "utf-16"],
)
def test_a_workbook_with_a_formula_or_an_odd_member_is_left_to_openpyxl(
    change: Callable[[bytes], bytes],
) -> None:
    data = _with_records(change)
    assert plain_book(data) is None
    fast, slow = _both(data)
    assert fast == slow


def test_the_record_with_a_formula_is_named_by_its_cell() -> None:
    data = _with_records(
        lambda xml: xml.replace(b"<is><t>r01</t></is>", b"<f>1+1</f><is><t>r01</t></is>")
    )
    fast, _ = _both(data)
    assert isinstance(fast, list)
    assert ("台账 Records!A2 (记录编号 Record)", "ledger-formula") in fast


def test_a_workbook_that_unpacks_past_the_bound_is_streamed_by_openpyxl(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(xlsx_values, "MAX_UNPACKED", 1000)
    assert plain_book(BOOK) is None
    assert ledger_from_bytes(BOOK, ".xlsx", PLAN) == example_ledger()


def test_a_sheet_calamine_cannot_read_gets_openpyxl_s_problem() -> None:
    # The scan passes (it starts as XML and has no formula); calamine fails on the sheet itself.
    data = _with_records(lambda xml: xml[: len(xml) // 2])
    assert plain_book(data) is not None
    fast, slow = _both(data)
    assert isinstance(fast, list)
    assert fast
    assert fast == slow


def test_a_number_no_float_holds_exactly_is_left_to_openpyxl() -> None:
    big = b"1152921504606846977"  # 2**60 + 1, which a float holds as 2**60
    data = _with_records(
        lambda xml: re.sub(
            rb'<c r="C2" t="inlineStr">.*?</c>', b'<c r="C2"><v>' + big + b"</v></c>", xml
        )
    )
    fast, slow = _both(data)
    assert isinstance(fast, Ledger)
    assert fast == slow
    assert fast.records[0].title == big.decode()


def test_a_file_that_is_no_zip_is_not_plain() -> None:
    assert plain_book(b"not a zip") is None


# -- the rows of a plain sheet ---------------------------------------------------------------------


def _sheet(cells: dict[str, Any]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "S"
    for ref, value in cells.items():
        sheet[ref] = value
    book.create_sheet("Empty")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_rows_are_numbered_and_placed_from_row_one_and_column_a() -> None:
    book = plain_book(_sheet({"C3": "x", "D4": 4.0, "C5": date(2021, 3, 5)}))
    assert book is not None
    rows = list(book.rows("S", 2, 4))
    assert rows == [
        (2, [None, None, None, None]),
        (3, [None, None, "x", None]),
        (4, [None, None, None, 4]),
        (5, [None, None, datetime(2021, 3, 5), None]),
    ]
    assert list(book.rows("S", 4, 3)) == [
        (4, [None, None, None]),
        (5, [None, None, datetime(2021, 3, 5)]),
    ]
    assert book.value("S", "D4") == 4
    assert book.value("S", "A1") is None


def test_an_empty_sheet_has_no_rows() -> None:
    book = plain_book(_sheet({"A1": "x"}))
    assert book is not None
    assert list(book.rows("Empty", 1, 2)) == list(book.rows("Empty", 3, 2)) == []


class _Panic(BaseException):
    """What a panic in calamine's Rust arrives as: no ``Exception``."""


def test_a_panic_in_calamine_leaves_the_workbook_to_openpyxl(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def panic(*args: object) -> None:
        raise _Panic

    monkeypatch.setattr(xlsx_values.PlainBook, "rows", panic)
    assert ledger_from_bytes(BOOK, ".xlsx", PLAN) == example_ledger()
    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", panic, raising=False)
    assert plain_book(BOOK) is None


@pytest.mark.parametrize("stop", [KeyboardInterrupt, SystemExit])
def test_an_interrupt_while_calamine_reads_is_not_taken_for_damage(
    monkeypatch: pytest.MonkeyPatch, stop: type[BaseException]
) -> None:
    def interrupted(*args: object) -> None:
        raise stop

    monkeypatch.setattr(xlsx_values.PlainBook, "rows", interrupted)
    with pytest.raises(stop):
        ledger_from_bytes(BOOK, ".xlsx", PLAN)
    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", interrupted)
    with pytest.raises(stop):
        plain_book(BOOK)


def test_every_row_is_read_when_a_sheet_states_too_few() -> None:
    # Another program's workbook may state a smaller size than the rows it holds.
    data = _with_records(
        lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:N2"', xml)
    )
    fast, slow = _both(data)
    assert fast == slow == example_ledger()
