"""Writing a workbook touches each row once, and gives the same bytes as reading each row back."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from commedu.compliance.actuals import example_ledger
from commedu.compliance.builtin import example_plan
from commedu.datafile import ledger_write
from commedu.datafile.ledger import load_ledger
from commedu.datafile.ledger_write import dump_ledger, dumps_ledger, ledger_bytes, workbook_bytes
from commedu.datafile.plan import load_plan
from commedu.model.ledger import Expense, Ledger
from tests.conftest import EXAMPLES

JINSHAN = load_plan(EXAMPLES / "jinshan_2021.toml")
JINSHAN_LEDGER = load_ledger(EXAMPLES / "jinshan_2021_ledger.toml", JINSHAN)


def _read_back_append(sheet: Any, row: list[Any], number: int) -> None:
    """The earlier way: append, then read the last row back (quadratic, but plainly right)."""
    sheet.append(row)
    assert sheet.max_row == number
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


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
def test_the_same_bytes_as_reading_each_row_back(
    case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, ledger = CASES[case]
    now = workbook_bytes(plan, ledger)
    monkeypatch.setattr(ledger_write, "_append", _read_back_append)
    assert now == workbook_bytes(plan, ledger)


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
