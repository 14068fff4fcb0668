"""CSV ledgers never carry a formula a spreadsheet would run, and read back to what was written."""

from __future__ import annotations

import csv
import io

import attrs
from hypothesis import given
from hypothesis import strategies as st

from commedu.compliance.actuals import example_ledger
from commedu.compliance.builtin import example_plan
from commedu.datafile.columns import csv_cell, csv_text
from commedu.datafile.ledger import loads_ledger
from commedu.datafile.ledger_write import dumps_ledger
from commedu.model.ledger import Ledger

PLAN = example_plan()
STARTS = ("=", "+", "-", "@", "\t", "\r")


@given(st.text(max_size=30))
def test_any_text_survives_the_round_trip(text: str) -> None:
    assert csv_text(csv_cell(text)) == text


@given(st.text(max_size=30))
def test_no_written_cell_starts_a_formula(text: str) -> None:
    assert not csv_cell(text).startswith(STARTS)


def test_plain_text_and_a_hand_typed_quote_are_left_alone() -> None:
    assert csv_cell("村史讲堂") == "村史讲堂"
    assert csv_cell("'quoted'") == "'quoted'"
    assert csv_text("'quoted'") == "'quoted'"
    assert csv_cell("=1+1") == "'=1+1"
    assert csv_cell("'=1+1") == "''=1+1"


_TEXT = st.text(st.characters(whitelist_categories=("L", "N")), min_size=1, max_size=12)
_DANGEROUS = st.builds(lambda start, rest: start + rest, st.sampled_from("=+-@'"), _TEXT)


@given(title=_DANGEROUS, lecturer=_DANGEROUS, notes=_DANGEROUS)
def test_a_ledger_with_formula_like_text_round_trips_through_csv(
    title: str, lecturer: str, notes: str
) -> None:
    base = example_ledger()
    record = attrs.evolve(base.records[0], title=title, lecturer=lecturer, notes=notes)
    ledger = attrs.evolve(base, records=(record, *base.records[1:]), staff=None, expenses=())
    text = dumps_ledger(ledger, "csv")
    for row in csv.reader(io.StringIO(text)):
        assert not any(cell.startswith(STARTS) for cell in row)
    back = loads_ledger(text, PLAN, "csv")
    assert back.records == ledger.records
    assert isinstance(back, Ledger)


def test_the_audit_s_cells_are_neutralised() -> None:
    base = example_ledger()
    payload = '=HYPERLINK("http://example.com","点击")'
    record = attrs.evolve(base.records[0], title=payload, notes="@SUM(1)")
    ledger = attrs.evolve(base, records=(record,), staff=None, expenses=())
    text = dumps_ledger(ledger, "csv")
    assert "'=HYPERLINK" in text
    assert "'@SUM(1)" in text
    assert loads_ledger(text, PLAN, "csv").records[0].title == payload
