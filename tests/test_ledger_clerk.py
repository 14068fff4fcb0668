"""A workbook a clerk can use: fitted columns, frozen headers, names in the drop-downs, and
cells read as clerks type them (dates, times, head counts, record numbers) in .xlsx and CSV."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commedu.compliance.actuals import example_ledger
from commedu.compliance.builtin import example_plan
from commedu.datafile.columns import (
    ABOUT_SHEET,
    EXPENSE_COLUMNS,
    LISTS_SHEET,
    MONEY_SHEET,
    PLANNED_SHEET,
    RECORD_COLUMNS,
    RECORDS_SHEET,
    Refusal,
    activity_choices,
    cell_count,
    cell_date,
    cell_time,
    csv_cell,
    display_width,
)
from commedu.datafile.ledger import ledger_from_bytes, load_ledger, loads_ledger
from commedu.datafile.ledger_write import NARROWEST, WIDEST, workbook_bytes
from commedu.datafile.plan import load_plan
from commedu.errors import LedgerFileError
from tests.conftest import EXAMPLES

from .strategies import date_spellings, days_in, junk_cells

PLAN = example_plan()
JINSHAN = load_plan(EXAMPLES / "jinshan_2021.toml")
JINSHAN_LEDGER = load_ledger(EXAMPLES / "jinshan_2021_ledger.toml", JINSHAN)
HEADER = ",".join(c.header for c in RECORD_COLUMNS)
LETTER = {c.key: chr(ord("A") + i) for i, c in enumerate(RECORD_COLUMNS)}


def _book(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def _csv_row(**cells: str) -> str:
    row = {"id": "r1", "title": "讲座", "dates": "2021-03-05", **cells}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # so a cell holding \r is quoted too
    writer.writerow([c.header for c in RECORD_COLUMNS])
    writer.writerow([csv_cell(row.get(c.key, "")) for c in RECORD_COLUMNS])
    return out.getvalue()


def _workbook(rows: list[dict[str, object]], plan: Any = PLAN) -> bytes:
    """The smallest workbook the reader takes, with ``rows`` typed into the records sheet."""
    book = openpyxl.Workbook()
    records = book.active
    records.title = RECORDS_SHEET
    records.append([c.header for c in RECORD_COLUMNS])
    for number, row in enumerate(rows, start=2):
        for key, value in row.items():
            cell = records[f"{LETTER[key]}{number}"]
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # as typed, never a formula
    money = book.create_sheet(MONEY_SHEET)
    money["A4"], money["B4"], money["C4"] = (c.header for c in EXPENSE_COLUMNS)
    about = book.create_sheet(ABOUT_SHEET)
    about["B1"], about["B2"] = plan.id, plan.year
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_row(**cells: object) -> bytes:
    return _workbook([{"id": "r1", "title": "讲座", "dates": "2021-03-05", **cells}])


# -- the workbook ----------------------------------------------------------------------------------


def test_a_chinese_character_counts_two_columns() -> None:
    assert display_width("r001") == 4
    assert display_width("社区教育") == 8
    assert display_width("签到表 a.pdf") == 12
    assert display_width("ＡＢ") == 4  # full-width letters are wide too
    assert display_width("第一行\nline two") == 8


def test_columns_fit_their_widest_text_and_headers_stay_in_view() -> None:
    book = _book(workbook_bytes(JINSHAN, JINSHAN_LEDGER))
    records = book[RECORDS_SHEET]
    assert records.freeze_panes == "A2"
    assert book[PLANNED_SHEET].freeze_panes == "A2"
    for column in records.iter_cols(min_row=1, max_row=records.max_row):
        letter = column[0].column_letter
        widest = max(display_width(str(c.value)) for c in column if c.value is not None)
        width = records.column_dimensions[letter].width
        assert width == min(max(widest + 2, NARROWEST), WIDEST) or (
            letter in "BGH" and width >= widest + 2  # a drop-down's longest name may be wider
        ), letter
    # The title column holds Chinese: wider than its count of characters.
    longest = max(len(r.title) for r in JINSHAN_LEDGER.records)
    assert records.column_dimensions["C"].width > longest + 2 + longest // 2


def test_the_drop_down_offers_activities_by_name() -> None:
    book = _book(workbook_bytes(JINSHAN))
    offered = [row[0] for row in book[LISTS_SHEET].iter_rows(values_only=True) if row[0]]
    assert offered == list(activity_choices(JINSHAN))
    assert "移风易俗过节文明宣讲" in offered
    # The title the plan uses twice is offered twice, each with its time.
    assert "校外培训机构专项治理（7-8月）" in offered
    assert "校外培训机构专项治理（8月）" in offered
    assert "校外培训机构专项治理" not in offered
    places = [row[1] for row in book[LISTS_SHEET].iter_rows(values_only=True) if row[1]]
    assert places == [s.name for s in JINSHAN.stations]
    validation = book[RECORDS_SHEET].data_validations.dataValidation[0]
    assert validation.errorStyle == "warning"  # an id typed by hand is still taken
    assert "请从下拉列表中选择" in validation.error


def test_a_filled_workbook_shows_names_and_reads_back_ids() -> None:
    data = workbook_bytes(JINSHAN, JINSHAN_LEDGER)
    names = {v: k for k, v in activity_choices(JINSHAN).items()}
    sheet = _book(data)[RECORDS_SHEET]
    shown = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert shown == [names.get(r.activity or "") for r in JINSHAN_LEDGER.records]
    assert ledger_from_bytes(data, ".xlsx", JINSHAN) == JINSHAN_LEDGER


@settings(max_examples=30)
@given(st.data())
def test_every_name_in_the_drop_down_means_one_activity(data: st.DataObject) -> None:
    from .strategies import plans

    plan = data.draw(plans())
    choices = activity_choices(plan)
    assert sorted(choices.values()) == sorted(a.id for a in plan.activities)
    ids = {a.id for a in plan.activities}
    assert not (set(choices) - ids) & {i.lower() for i in ids}
    for name, activity in choices.items():
        text = _csv_row(activity=name, dates=f"{plan.year}-03-05")
        (record,) = loads_ledger(text, plan, "csv").records
        assert record.activity == activity


# -- planned activities by name or id --------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["m05-4", "M05-4", "社区教育中心新址启用", " 社区教育中心新址启用 "],
)
def test_a_planned_activity_by_its_id_or_its_name(typed: str) -> None:
    text = _csv_row(activity=typed, dates="2021-05-20")
    (record,) = loads_ledger(text, JINSHAN, "csv").records
    assert record.activity == "m05-4"


def test_a_title_the_plan_uses_twice_asks_which() -> None:
    with pytest.raises(LedgerFileError) as info:
        loads_ledger(_csv_row(activity="校外培训机构专项治理"), JINSHAN, "csv")
    (problem,) = info.value.problems
    assert problem.path.startswith("B2 ")
    assert problem.code == "ledger-ambiguous-activity"
    ids = [a.id for a in JINSHAN.activities if a.title == "校外培训机构专项治理"]
    assert "、".join(ids) in problem.message("en")
    assert "请从下拉列表中选择具体的一项" in problem.message("zh")


def test_an_unknown_activity_says_what_to_choose() -> None:
    with pytest.raises(LedgerFileError) as info:
        ledger_from_bytes(_xlsx_row(activity="没有这项"), ".xlsx", PLAN)
    (problem,) = info.value.problems
    assert problem.path.startswith(f"{RECORDS_SHEET}!B2 ")
    assert "choose one from the drop-down" in problem.message("en")


# -- dates -----------------------------------------------------------------------------------------


@given(days_in(2021))
def test_every_spelling_of_a_date_is_that_date(day: date) -> None:
    for spelling in date_spellings(day):
        assert cell_date(spelling, 2021) == day, spelling


@settings(max_examples=25)
@given(days_in(2021), st.data())
def test_a_date_as_typed_in_csv_and_in_a_workbook(day: date, data: st.DataObject) -> None:
    spellings = date_spellings(day)
    texts = [s for s in spellings if isinstance(s, str)]
    typed = data.draw(st.sampled_from(texts))
    (record,) = loads_ledger(_csv_row(dates=f"{typed}；{day.isoformat()}"), PLAN, "csv").records
    assert record.dates == (day,)
    cell = data.draw(st.sampled_from(spellings))
    (record,) = ledger_from_bytes(_xlsx_row(dates=cell), ".xlsx", PLAN).records
    assert record.dates == (day,)


def test_several_dates_in_one_cell_in_any_spelling() -> None:
    text = _csv_row(dates="3月5日、3.12，2021/3/19；2021年3月26日")
    (record,) = loads_ledger(text, PLAN, "csv").records
    assert record.dates == tuple(date(2021, 3, d) for d in (5, 12, 19, 26))


def test_a_number_cell_that_lost_its_last_zero_is_asked_about() -> None:
    # Typed 3.10 or 3.1, a spreadsheet keeps the number 3.1: which day was meant is unknown.
    refusal = cell_date(3.1, 2021)
    assert isinstance(refusal, Refusal)
    assert refusal.code == "ledger-ambiguous-date"
    assert (refusal.params["one"], refusal.params["other"]) == ("3月1日", "3月10日")
    assert cell_date(3.5, 2021) == date(2021, 3, 5)  # 3.50 is no day: 3月5日
    assert cell_date(2.3, 2021) == date(2021, 2, 3)  # 2月30日 is no day either
    assert cell_date(12.25, 2021) == date(2021, 12, 25)
    with pytest.raises(LedgerFileError) as info:
        ledger_from_bytes(_xlsx_row(dates=3.1), ".xlsx", PLAN)
    (problem,) = info.value.problems
    assert problem.path.startswith(f"{RECORDS_SHEET}!D2 ")
    assert "请写作 3月1日 或 3月10日" in problem.message("zh")


@pytest.mark.parametrize(
    "typed", ["2021-6-31", "6月31日", "2021.13.1", "明天", "3-5", "44260", 44260, "2021年3月", ""]
)
def test_what_is_no_date_is_refused_with_the_forms_to_type(typed: object) -> None:
    refusal = cell_date(typed, 2021)
    assert isinstance(refusal, Refusal)
    assert refusal.code == "ledger-bad-date"


def test_a_date_in_another_year_is_outside_the_plan() -> None:
    with pytest.raises(LedgerFileError) as info:
        loads_ledger(_csv_row(dates="2020.3.5"), PLAN, "csv")
    (problem,) = info.value.problems
    assert problem.code == "outside-year"
    assert problem.path == "D2 (日期 Dates)"


# -- times, counts and record numbers --------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("9:00", time(9)),
        ("09:00", time(9)),
        ("9：00", time(9)),
        ("９：３０", time(9, 30)),
        ("9点", time(9)),
        ("9点半", time(9, 30)),
        ("9点15分", time(9, 15)),
        ("9时", time(9)),
        ("下午2点", time(14)),
        ("下午2:30", time(14, 30)),
        ("上午9点", time(9)),
        ("14:30:00", time(14, 30)),
        (time(8, 45), time(8, 45)),
        (datetime(2021, 3, 5, 19, 0), time(19)),
    ],
)
def test_a_time_as_clerks_type_it(typed: object, expected: time) -> None:
    assert cell_time(typed) == expected


@pytest.mark.parametrize("typed", ["上午", "9", "25:00", "9:60", "9点70分", "nine", 9, 0.375])
def test_what_is_no_time_is_refused(typed: object) -> None:
    refusal = cell_time(typed)
    assert isinstance(refusal, Refusal)
    assert refusal.code == "ledger-bad-clock"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("40", 40),
        ("40人", 40),
        ("40 人次", 40),
        ("40名", 40),
        ("４０人", 40),
        (40.0, 40),
        ("", None),
    ],
)
def test_a_head_count_with_its_unit(typed: object, expected: int | None) -> None:
    assert cell_count(typed) == expected


@pytest.mark.parametrize("typed", ["²", "四十", "-3", "3.5", 3.5, "40人人", True, "1" * 10, 1e30])
def test_what_is_no_head_count_is_refused(typed: object) -> None:
    refusal = cell_count(typed)
    assert isinstance(refusal, Refusal)
    assert refusal.code == "ledger-bad-count"


def test_a_workbook_typed_as_clerks_type() -> None:
    data = _xlsx_row(
        id="R07",
        activity=PLAN.activities[0].title,
        dates=datetime(2021, 3, 5),
        start="9：00",
        end=time(11),
        participants="40人",
        elders="12人次",
    )
    (record,) = ledger_from_bytes(data, ".xlsx", PLAN).records
    assert record.id == "r07"
    assert record.activity == PLAN.activities[0].id
    assert record.dates == (date(2021, 3, 5),)
    assert (record.start, record.end) == (time(9), time(11))
    assert (record.participants, record.elders) == (40, 12)


def test_record_numbers_are_the_same_in_either_case() -> None:
    text = HEADER + "\nR01,,讲座,2021-03-05\nr01,,讲座,2021-03-06\n"
    with pytest.raises(LedgerFileError) as info:
        loads_ledger(text, PLAN, "csv")
    (problem,) = info.value.problems
    assert problem.code == "duplicate-id"
    assert problem.path == "A3 (记录编号 Record)"
    assert "'r01' 已被 A2 (记录编号 Record) 使用" in problem.message("zh")


# -- every refusal names its cell and what to type -------------------------------------------------

_CELL = re.compile(r"[A-N](\d+) \(")
_FIELDS = ("dates", "start", "end", "participants", "elders")


@settings(max_examples=40)
@given(st.sampled_from(_FIELDS), junk_cells(), st.integers(2, 6), st.booleans())
def test_every_refused_cell_is_named_with_what_to_type(
    field: str, junk: str, row: int, workbook: bool
) -> None:
    rows = [f"r{n},,讲座,2021-03-05" for n in range(2, row)]
    cells = {"id": f"r{row}", "title": "讲座", "dates": "2021-03-05", field: junk}
    rows.append(",".join(cells.get(c.key, "") for c in RECORD_COLUMNS))
    text = HEADER + "\n" + "\n".join(rows) + "\n"
    if workbook:
        typed: list[dict[str, object]] = [
            {"id": f"r{n}", "title": "讲座", "dates": "2021-03-05"} for n in range(2, row)
        ]
        typed.append(dict(cells))
        with pytest.raises(LedgerFileError) as info:
            ledger_from_bytes(_workbook(typed), ".xlsx", PLAN)
        prefix = f"{RECORDS_SHEET}!"
    else:
        with pytest.raises(LedgerFileError) as info:
            loads_ledger(text, PLAN, "csv")
        prefix = ""
    (problem,) = info.value.problems
    assert problem.path.startswith(f"{prefix}{LETTER[field]}{row} (")
    assert _CELL.search(problem.path)
    said_en, said_zh = problem.message("en"), problem.message("zh")
    assert "type" in said_en
    assert "请" in said_zh


def test_the_shipped_workbook_is_read_as_the_toml(tmp_path: Path) -> None:
    path = tmp_path / "l.xlsx"
    path.write_bytes(workbook_bytes(PLAN, example_ledger()))
    assert load_ledger(path, PLAN) == example_ledger()


def test_a_row_without_a_record_number_is_named_not_called_damaged() -> None:
    with pytest.raises(LedgerFileError) as info:
        ledger_from_bytes(_workbook([{"title": "讲座", "dates": "2021-03-05"}]), ".xlsx", PLAN)
    (problem,) = info.value.problems
    assert problem.path.startswith(f"{RECORDS_SHEET}!A2 ")
    assert problem.code == "bad-id"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("20210305", date(2021, 3, 5)), ("上午9", time(9)), ("晚上7点", time(19))],
)
def test_the_compact_forms_a_program_writes(typed: str, expected: object) -> None:
    read = cell_date(typed, 2021) if isinstance(expected, date) else cell_time(typed)
    assert read == expected
