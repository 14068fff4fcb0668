"""A ledger workbook keeps the year's head counts (人数) as TOML and JSON ledgers do."""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from openpyxl import load_workbook

from commedu import LedgerFileError
from commedu.compliance.actuals import example_ledger
from commedu.compliance.examples import example_plan
from commedu.datafile.columns import ABOUT_SHEET, REACH_LABELS
from commedu.datafile.ledger import ledger_from_bytes
from commedu.datafile.ledger_write import workbook_bytes
from commedu.model.ledger import Reach

from .strategies import reaches

PLAN = example_plan()


@given(reaches())
def test_the_head_counts_go_through_a_workbook_and_back(reach: Reach) -> None:
    ledger = attrs.evolve(example_ledger(), reach=reach)
    back = ledger_from_bytes(workbook_bytes(PLAN, ledger), ".xlsx", PLAN)
    empty = reach == Reach()
    assert back.reach == (None if empty else reach)
    assert back.records == ledger.records


def test_the_counts_stand_under_their_labels_on_the_about_sheet() -> None:
    ledger = attrs.evolve(example_ledger(), reach=Reach(9000, 900, 6000))
    sheet = load_workbook(io.BytesIO(workbook_bytes(PLAN, ledger)))[ABOUT_SHEET]
    assert [(sheet[f"A{r}"].value, sheet[f"B{r}"].value) for r in (5, 6, 7)] == list(
        zip(REACH_LABELS, (9000, 900, 6000), strict=True)
    )


def test_more_elders_taking_part_than_elders_is_refused_at_its_cell(tmp_path: Path) -> None:
    ledger = attrs.evolve(example_ledger(), reach=Reach(9000, 900, 6000))
    book = load_workbook(io.BytesIO(workbook_bytes(PLAN, ledger)))
    book[ABOUT_SHEET]["B6"] = 7000
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(LedgerFileError) as caught:
        ledger_from_bytes(out.getvalue(), ".xlsx", PLAN)
    assert {p.path for p in caught.value.problems} <= {f"{ABOUT_SHEET}!B{r}" for r in (5, 6, 7)}
    assert caught.value.problems


@pytest.mark.parametrize("value", ["many", -3, 1.5])
def test_a_count_that_is_not_one_names_its_cell(value: object) -> None:
    book = load_workbook(io.BytesIO(workbook_bytes(PLAN, example_ledger())))
    book[ABOUT_SHEET]["B5"] = value
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(LedgerFileError) as caught:
        ledger_from_bytes(out.getvalue(), ".xlsx", PLAN)
    assert [p.path for p in caught.value.problems] == [f"{ABOUT_SHEET}!B5"]
