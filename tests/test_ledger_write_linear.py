"""Writing a workbook touches each row once, and gives the same bytes every time."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from commedu.compliance.actuals import example_ledger
from commedu.compliance.builtin import example_plan
from commedu.datafile.columns import PLANNED_SHEET, RECORDS_SHEET
from commedu.datafile.ledger import ledger_from_bytes, load_ledger
from commedu.datafile.ledger_write import dump_ledger, dumps_ledger, ledger_bytes, workbook_bytes
from commedu.datafile.plan import load_plan
from commedu.model.ledger import Expense, Ledger
from tests.conftest import EXAMPLES

JINSHAN = load_plan(EXAMPLES / "jinshan_2021.toml")
JINSHAN_LEDGER = load_ledger(EXAMPLES / "jinshan_2021_ledger.toml", JINSHAN)


def _formula_like() -> Ledger:
    base = example_ledger()
    first = attrs.evolve(base.records[0], title="=1+1", notes="=SUM(A1:A9)", lecturer="=")
    spent = (*base.expenses, Expense(base.expenses[0].on, base.expenses[0].amount, "=A1"))
    return attrs.evolve(base, records=(first, *base.records[1:]), expenses=spent, note="=note")


CASES = {
    "blank": (JINSHAN, None),
    "jinshan": (JINSHAN, JINSHAN_LEDGER),
    "example": (example_plan(), example_ledger()),
    "formula-like text": (example_plan(), _formula_like()),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_row_is_written_once_and_reads_back(
    case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each row goes to its sheet once, in write-only mode: no sheet is read back or kept."""
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    plan, ledger = CASES[case]
    appended: dict[str, int] = {}
    append = WriteOnlyWorksheet.append

    def counting(sheet: Any, row: Any) -> None:
        appended[sheet.title] = appended.get(sheet.title, 0) + 1
        append(sheet, row)

    monkeypatch.setattr(WriteOnlyWorksheet, "append", counting)
    data = workbook_bytes(plan, ledger)
    records = 0 if ledger is None else len(ledger.records)
    assert appended[RECORDS_SHEET] == 1 + records
    assert appended[PLANNED_SHEET] == 1 + len(plan.activities)
    assert data == workbook_bytes(plan, ledger)  # the same bytes every time
    if ledger is not None:
        assert ledger_from_bytes(data, ".xlsx", plan) == ledger


def test_the_shipped_example_workbook_is_what_the_writer_gives() -> None:
    shipped = (EXAMPLES / "jinshan_2021_ledger.xlsx").read_bytes()
    assert workbook_bytes(JINSHAN, JINSHAN_LEDGER) == shipped


def test_formula_like_text_is_written_as_text() -> None:
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(workbook_bytes(example_plan(), _formula_like())))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert {c.value for c in cells if c.data_type == "s"} >= {"=1+1", "=SUM(A1:A9)", "=A1", "=note"}
    assert not [c for c in cells if c.data_type == "f"]


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "json", "toml"])
def test_one_function_gives_a_ledger_s_bytes_for_the_file_and_the_command_line(
    fmt: str, tmp_path: Any
) -> None:
    ledger = Ledger(JINSHAN.id, JINSHAN.year)
    written = dump_ledger(ledger, tmp_path / f"l.{fmt}", JINSHAN)
    assert written.read_bytes() == ledger_bytes(ledger, JINSHAN, fmt)
    if fmt == "csv":
        assert written.read_bytes().startswith("\ufeff".encode())
        assert written.read_bytes().decode("utf-8")[1:] == dumps_ledger(ledger, "csv")
    if fmt == "xlsx":
        assert written.read_bytes() == workbook_bytes(JINSHAN)


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "json", "toml"])
def test_ledger_init_writes_those_bytes(fmt: str, tmp_path: Any) -> None:
    from commedu.cli import main

    out = tmp_path / f"blank.{fmt}"
    assert main(["ledger", "init", str(EXAMPLES / "jinshan_2021.toml"), "-o", str(out)]) == 0
    assert out.read_bytes() == ledger_bytes(Ledger(JINSHAN.id, JINSHAN.year), JINSHAN, fmt)


def test_every_sheet_states_its_size_ahead_of_its_rows() -> None:
    """A reader learns a sheet's size from its head, without a pass over the rows first."""
    import io
    import zipfile

    from openpyxl import load_workbook

    data = workbook_bytes(JINSHAN, JINSHAN_LEDGER)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        head = archive.read("xl/worksheets/sheet1.xml")[:400]
    rows = 1 + len(JINSHAN_LEDGER.records)
    assert f'<dimension ref="A1:N{rows}"/>'.encode() in head
    book = load_workbook(io.BytesIO(data), read_only=True)
    assert (book[RECORDS_SHEET].max_row, book[RECORDS_SHEET].max_column) == (rows, 14)
    assert book[PLANNED_SHEET].max_row == 1 + len(JINSHAN.activities)
    book.close()
