"""Ledgers in files: round trips through the real openpyxl, CSV, TOML and JSON, and bad cells."""

from __future__ import annotations

import io
import tempfile
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commedu.compliance.actuals import example_ledger
from commedu.compliance.builtin import example_plan
from commedu.datafile.columns import LISTS_SHEET, PLANNED_SHEET, RECORD_COLUMNS, RECORDS_SHEET
from commedu.datafile.ledger import load_ledger, loads_ledger
from commedu.datafile.ledger_write import dump_ledger, dumps_ledger, workbook_bytes
from commedu.errors import LedgerFileError, PlanError
from commedu.model.ledger import Evidence, Expense, Ledger, Record, Staffing

from .strategies import ledger_records

PLAN = example_plan()
HEADER = ",".join(c.header for c in RECORD_COLUMNS)


@pytest.mark.parametrize("suffix", [".xlsx", ".toml", ".json"])
def test_a_ledger_survives_its_file(tmp_path: Path, suffix: str) -> None:
    ledger = attrs.evolve(example_ledger(), note="示例数据")
    path = dump_ledger(ledger, tmp_path / f"l{suffix}", PLAN)
    assert load_ledger(path, PLAN) == ledger


def test_csv_holds_the_records(tmp_path: Path) -> None:
    path = dump_ledger(example_ledger(), tmp_path / "l.csv", PLAN)
    assert path.read_bytes().startswith("\ufeff".encode())  # so Excel opens it as UTF-8
    assert load_ledger(path, PLAN).records == example_ledger().records


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_records_survive_every_format(data: st.DataObject) -> None:
    records = data.draw(ledger_records(2021, tuple(a.id for a in PLAN.activities)))
    ledger = Ledger(PLAN.id, PLAN.year, records, staff=Staffing(1, 2))
    for fmt in ("toml", "json"):
        assert loads_ledger(dumps_ledger(ledger, fmt), PLAN, fmt) == ledger
    assert loads_ledger(dumps_ledger(ledger, "csv"), PLAN, "csv").records == ledger.records
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "l.xlsx"
        path.write_bytes(workbook_bytes(PLAN, ledger))
        assert load_ledger(path, PLAN) == ledger


def test_a_new_workbook_lists_the_plan_and_offers_choices() -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(PLAN)))
    planned = [row[0] for row in book[PLANNED_SHEET].iter_rows(min_row=2, values_only=True)]
    assert planned == [a.id for a in PLAN.activities]
    assert book[LISTS_SHEET].sheet_state == "hidden"
    validations = book[RECORDS_SHEET].data_validations.dataValidation
    ranges = {str(v.sqref).split(":")[0]: v for v in validations}
    assert set(ranges) == {"B2", "G2", "H2"}  # activity, place, organiser
    assert all(v.type == "list" for v in validations)
    assert ranges["B2"].errorStyle == "warning"  # an activity's id typed by hand is taken too
    assert ranges["G2"].errorStyle == "warning"


def test_the_same_ledger_gives_the_same_bytes() -> None:
    assert workbook_bytes(PLAN, example_ledger()) == workbook_bytes(PLAN, example_ledger())


def _csv(*rows: str) -> str:
    return "\n".join([HEADER, *rows]) + "\n"


def test_every_bad_cell_is_reported_at_once_with_its_place() -> None:
    text = _csv("r1,m99,讲座,2021-13-01,上午,,,,-3,,,,,", "r2,m01,,2021-01-05,,,,,10,20,,,,")
    with pytest.raises(LedgerFileError) as info:
        loads_ledger(text, PLAN, "csv")
    places = [p.path.partition(" (")[0] for p in info.value.problems]
    assert places == ["B2", "D2", "E2", "I2", "C3", "J3"]
    zh = info.value.describe("zh")
    assert "'m99' 不是计划中的工作" in zh
    assert "请从下拉列表中选择" in zh
    assert "老年人 20 人次多于记录的参与人次 10" in zh
    assert "is not a clock time" in info.value.describe("en")


def _sheet(tmp_path: Path, edit: str) -> Path:
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(PLAN, example_ledger())))
    sheet = book[RECORDS_SHEET]
    match edit:
        case "formula":
            sheet["I3"] = "=SUM(1,2)"
        case "header":
            sheet["A1"] = "编号"
        case "missing":
            del book[RECORDS_SHEET]
        case _:
            sheet["D4"] = "明天"
    path = tmp_path / "bad.xlsx"
    book.save(path)
    return path


def test_a_formula_is_refused_not_evaluated(tmp_path: Path) -> None:
    with pytest.raises(LedgerFileError) as info:
        load_ledger(_sheet(tmp_path, "formula"), PLAN)
    (problem,) = info.value.problems
    assert problem.path.startswith(f"{RECORDS_SHEET}!I3")
    assert problem.code == "ledger-formula"
    assert "不计算公式" in problem.message("zh")


@pytest.mark.parametrize(
    ("edit", "code", "place"),
    [
        ("header", "ledger-bad-header", f"{RECORDS_SHEET}!A1"),
        ("missing", "ledger-missing-sheet", RECORDS_SHEET),
        ("date", "ledger-bad-date", f"{RECORDS_SHEET}!D4"),
    ],
)
def test_a_broken_workbook_names_the_place(
    tmp_path: Path, edit: str, code: str, place: str
) -> None:
    with pytest.raises(LedgerFileError) as info:
        load_ledger(_sheet(tmp_path, edit), PLAN)
    assert [p.code for p in info.value.problems] == [code]
    assert info.value.problems[0].path.startswith(place)


def test_a_ledger_of_another_plan_is_refused(tmp_path: Path) -> None:
    other = attrs.evolve(PLAN, id="other-2021")
    path = dump_ledger(
        attrs.evolve(example_ledger(), plan_id="other-2021"), tmp_path / "l.xlsx", other
    )
    with pytest.raises(LedgerFileError) as info:
        load_ledger(path, PLAN)
    assert info.value.problems[0].code == "ledger-other-plan"


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"not a zip", "ledger-not-xlsx"), (b"", "ledger-not-xlsx")],
)
def test_a_file_that_is_no_workbook(tmp_path: Path, content: bytes, code: str) -> None:
    (tmp_path / "l.xlsx").write_bytes(content)
    with pytest.raises(LedgerFileError) as info:
        load_ledger(tmp_path / "l.xlsx", PLAN)
    assert info.value.problems[0].code == code


def test_unreadable_files(tmp_path: Path) -> None:
    for path, code in ((tmp_path / "none.toml", "no-such-file"), (tmp_path, "is-a-directory")):
        with pytest.raises(LedgerFileError) as info:
            load_ledger(path, PLAN)
        assert info.value.unreadable
        assert info.value.problems[0].code == code
    (tmp_path / "gbk.csv").write_bytes("记录".encode("gbk"))
    with pytest.raises(LedgerFileError) as info:
        load_ledger(tmp_path / "gbk.csv", PLAN)
    assert info.value.problems[0].code == "not-utf8-gbk"


@pytest.mark.parametrize(
    ("text", "fmt", "code"),
    [
        ("plan_id = ", "toml", "toml-syntax"),
        ("[1]", "json", "wrong-type"),
        ("{", "json", "json-syntax"),
        ('plan_id = "example-2021"\nyear = 2021\nrecords = 3', "toml", "wrong-type"),
        (
            'plan_id = "example-2021"\nyear = 2021\n[[expenses]]\non = "2021-01-01"\namount = "x"\npurpose = ""',
            "toml",
            "bad-money",
        ),
    ],
)
def test_bad_data_files(text: str, fmt: str, code: str) -> None:
    with pytest.raises(LedgerFileError) as info:
        loads_ledger(text, PLAN, fmt)
    assert info.value.problems[0].code == code


def test_cells_are_read_as_clerks_type_them() -> None:
    text = _csv(
        "r1,m01,讲座,2021-01-05、2021-01-12,09:00,10:30,east,社区教育中心,12,3,老年人,王老师,签到表：a.pdf；照片,"
    )
    (record,) = loads_ledger(text, PLAN, "csv").records
    assert record.dates == (date(2021, 1, 5), date(2021, 1, 12))
    assert (record.start, record.end) == (time(9), time(10, 30))
    assert record.evidence == (Evidence("签到表", "a.pdf"), Evidence("照片"))


def test_the_model_checks_itself() -> None:
    with pytest.raises(PlanError) as info:
        Ledger(
            "example-2021",
            2021,
            [Record("r1", "a", [date(2021, 1, 1)]), Record("r1", "b", [date(2020, 1, 1)])],
            expenses=[Expense(date(2022, 1, 1), Decimal(1), "x")],
        )
    assert [p.code for p in info.value.problems] == ["duplicate-id", "outside-year", "outside-year"]
    with pytest.raises(PlanError):
        Record("r1", "a", [], participants=1)
    with pytest.raises(PlanError):
        Record("r1", "a", [date(2021, 1, 1)], start=time(10), end=time(9))
    assert Ledger("example-2021", 2021).spent is None
    assert example_ledger().spent == Decimal(20000)
    assert example_ledger().participants == 12000
    assert example_ledger().unplanned == ()
    assert len(example_ledger().for_activity("m01")) == 1


def test_workbook_xml_is_parsed_defensively(tmp_path: Path) -> None:
    """An entity bomb in a sheet is refused, not expanded (openpyxl uses defusedxml)."""
    import zipfile

    good = io.BytesIO(workbook_bytes(PLAN, example_ledger()))
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>'
    )
    out = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = bomb if info.filename == "xl/worksheets/sheet1.xml" else source.read(info)
            target.writestr(info.filename, data)
    with pytest.raises(LedgerFileError) as info:
        load_ledger(out, PLAN)
    assert info.value.problems[0].code == "ledger-not-xlsx"


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    ledger = example_ledger()
    records = (
        attrs.evolve(ledger.records[0], title="=HYPERLINK(1)", notes="=1+1"),
        *ledger.records[1:],
    )
    ledger = attrs.evolve(ledger, records=records, note="=note")
    path = dump_ledger(ledger, tmp_path / "l.xlsx", PLAN)
    assert load_ledger(path, PLAN) == ledger
    book = openpyxl.load_workbook(path)
    assert book[RECORDS_SHEET]["C2"].data_type == "s"
