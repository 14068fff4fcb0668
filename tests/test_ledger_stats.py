"""The statistics a district sends upward: 培训总量, 培训率 and 老年比例 from a ledger, as a table."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest

from commedu.cli import main
from commedu.cli._ledger import STATS_COLUMNS, statistics_bytes, statistics_row
from commedu.compliance.actuals import example_ledger
from commedu.compliance.builtin import example_plan
from commedu.datafile.columns import RECORD_COLUMNS
from commedu.datafile.ledger_write import dump_ledger
from commedu.datafile.plan_write import dump_plan
from commedu.model.ledger import Reach, Record

PLAN = example_plan()  # 20,000 residents; the example ledger holds 12 × 1,000 attendances
LEDGER = example_ledger()  # 400 of each 1,000 are elders
HEADER = ",".join(c.header for c in RECORD_COLUMNS)


def test_the_year_s_figures() -> None:
    row = statistics_row(PLAN, LEDGER)
    assert row == {
        "plan": "example-2021",
        "township": "示例镇",
        "year": 2021,
        "records": 12,
        "attendances": 12_000,
        "persons": None,
        "population": 20_000,
        "training_rate": Decimal("0.6"),
        "elder_attendances": 4_800,
        "elders_taking_part": None,
        "elder_population": None,
        "elder_share": Decimal("0.4"),
    }


def test_with_head_counts_the_rates_count_persons() -> None:
    # 9,000 people served of 20,000 residents; 900 of 6,000 elders take part regularly
    row = statistics_row(PLAN, attrs.evolve(LEDGER, reach=Reach(9000, 900, 6000)))
    assert (row["persons"], row["elders_taking_part"], row["elder_population"]) == (
        9000,
        900,
        6000,
    )
    assert row["training_rate"] == Decimal("0.45")
    assert row["elder_share"] == Decimal("0.15")
    assert row["attendances"] == 12_000  # attendances are still what the records add up to


def test_figures_on_a_day_count_only_what_was_held_by_then() -> None:
    row = statistics_row(PLAN, LEDGER, date(2021, 6, 30))
    assert (row["records"], row["attendances"]) == (6, 6_000)
    assert row["training_rate"] == Decimal("0.3")


def test_what_cannot_be_had_is_left_empty() -> None:
    township = attrs.evolve(PLAN.township, resident_population=None)
    plan = attrs.evolve(PLAN, township=township)
    records = tuple(attrs.evolve(r, elders=None) for r in LEDGER.records)
    row = statistics_row(plan, attrs.evolve(LEDGER, records=records))
    assert row["training_rate"] is None
    assert row["population"] is None
    assert (row["elder_attendances"], row["elder_share"]) == (None, None)
    said = statistics_bytes([row], "csv", "en").decode()
    assert said.splitlines()[1] == "example-2021,示例镇,2021,12,12000,,,,,,,"


def test_elders_share_counts_only_records_that_count_elders() -> None:
    records = (*LEDGER.records, Record("r99", "讲座", (date(2021, 12, 1),), participants=5000))
    row = statistics_row(PLAN, attrs.evolve(LEDGER, records=records))
    assert row["attendances"] == 17_000
    assert row["elder_share"] == Decimal("0.4")  # 4,800 of the 12,000 that were counted


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_format_is_labelled_in_the_chosen_language(lang: str) -> None:
    rows = [statistics_row(PLAN, LEDGER)]
    labels = [c.value for c in _sheet(statistics_bytes(rows, "xlsx", lang))[1]]
    header = next(csv.reader(io.StringIO(statistics_bytes(rows, "csv", lang).decode())))
    data = json.loads(statistics_bytes(rows, "json", lang))
    assert labels == header == [c["label"] for c in data["columns"]]
    assert [c["key"] for c in data["columns"]] == list(STATS_COLUMNS)
    if lang == "zh":
        assert "培训总量（人次）" in labels
        assert "老年比例" in labels
        assert not any(re.search("[A-Za-z]", label) for label in labels)
    else:
        assert "training rate" in labels
        assert not any(re.search("[\u4e00-\u9fff]", label) for label in labels)


def _sheet(data: bytes) -> openpyxl.worksheet.worksheet.Worksheet:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    return sheet


def test_rates_are_numbers_in_a_workbook_and_exact_in_json() -> None:
    rows = [statistics_row(PLAN, LEDGER)]
    sheet = _sheet(statistics_bytes(rows, "xlsx", "zh"))
    rate = sheet.cell(row=2, column=STATS_COLUMNS.index("training_rate") + 1)
    assert (rate.value, rate.number_format) == (0.6, "0.0%")
    assert sheet.freeze_panes == "A2"
    data = json.loads(statistics_bytes(rows, "json", "en"))
    assert data["schema"] == "commedu.ledger-stats/1"
    assert data["rows"][0]["training_rate"] == "0.6000"
    assert "60.0%" in statistics_bytes(rows, "csv", "en").decode()


def test_the_same_ledger_gives_the_same_bytes() -> None:
    rows = [statistics_row(PLAN, LEDGER)]
    for fmt in ("xlsx", "csv", "json"):
        assert statistics_bytes(rows, fmt, "zh") == statistics_bytes(rows, fmt, "zh")


def _files(tmp_path: Path) -> tuple[str, str]:
    plan, ledger = tmp_path / "plan.toml", tmp_path / "ledger.xlsx"
    dump_plan(PLAN, plan)
    dump_ledger(LEDGER, ledger, PLAN)
    return str(plan), str(ledger)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".json"])
def test_the_command_writes_the_table(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    plan, ledger = _files(tmp_path)
    out = tmp_path / f"stats{suffix}"
    assert main(["--lang", "zh", "ledger", "stats", plan, ledger, "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"已写入 {out}\n"
    expected = statistics_bytes([statistics_row(PLAN, LEDGER)], suffix[1:], "zh")
    written = out.read_bytes()
    if suffix == ".csv":
        assert written.startswith("\ufeff".encode())  # so that Excel opens it as UTF-8
        written = written[3:]
    assert written == expected
    assert main(["ledger", "stats", plan, ledger, "-o", str(out)]) == 2  # kept without --force


def test_the_command_prints_csv_and_refuses_a_workbook_on_standard_output(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    plan, ledger = _files(tmp_path)
    assert main(["--lang", "en", "ledger", "stats", plan, ledger]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert out.startswith("plan,township,year,records,attendances")
    assert main(["ledger", "stats", plan, ledger, "--format", "xlsx"]) == 2
    assert ".xlsx" in capsysbinary.readouterr().err.decode()


def test_a_bad_ledger_is_named_by_its_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan, _ = _files(tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{HEADER}\nr1,,讲座,明天,,,,,,,,,,\n", encoding="utf-8")
    assert main(["--lang", "zh", "ledger", "stats", plan, str(bad)]) == 1
    err = capsys.readouterr().err
    assert "D2 (日期 Dates)：'明天' 不是日期" in err
