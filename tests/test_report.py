"""The inspection report in its three formats, read back with the real libraries, and its commands."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import attrs
import docx
import openpyxl
import pytest

from commedu.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from commedu.compliance.actuals import _edit_records, example_ledger, example_profile
from commedu.compliance.builtin import example_plan
from commedu.datafile.columns import PLANNED_SHEET
from commedu.datafile.ledger_write import dump_ledger
from commedu.datafile.plan_write import dumps_plan
from commedu.report.district import district_json, district_rows
from commedu.report.inspection import inspect
from commedu.report.render import JSON_SCHEMA, to_docx, to_html, to_json

PLAN = example_plan()


def test_completion_counts_what_was_held() -> None:
    report = inspect(PLAN, _edit_records("drop"), example_profile())
    assert (report.total.due, report.total.held) == (12, 11)
    may = report.by_month[4]
    assert (may.due, may.held, may.rate) == (1, 0, 0)
    assert [i.activity.id for i in report.with_status(*())] == []
    (dept,) = report.by_department
    assert (dept.due, dept.held) == (12, 11)
    (task,) = report.by_task
    assert task.held == 11


def test_json_has_its_schema_and_the_missing_item() -> None:
    data = json.loads(to_json(inspect(PLAN, _edit_records("drop"), example_profile())))
    assert data["schema"] == JSON_SCHEMA
    statuses = {a["id"]: a["status"] for a in data["activities"]}
    assert statuses["m05"] == "missing"
    assert statuses["m06"] == "done"
    assert data["figures"]["training_rate"] == "0.5500"
    assert data["compliance"]["results"]


def test_html_escapes_the_ledgers_text() -> None:
    ledger = example_ledger()
    records = list(ledger.records)
    records.append(
        attrs.evolve(records[0], id="x1", activity=None, title="<script>alert(1)</script>")
    )
    page = to_html(inspect(PLAN, attrs.evolve(ledger, records=tuple(records))), "zh")
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page  # shown as unplanned work
    assert "计划外工作" in page
    assert (
        to_html(inspect(PLAN, ledger), "en").count("<h2>") == 13
    )  # with the categories and stations


def test_the_word_document_reads_back() -> None:
    report = inspect(PLAN, attrs.evolve(_edit_records("late"), note="示例数据"), example_profile())
    data = to_docx(report, "zh")
    assert data == to_docx(report, "zh")
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "示例镇 2021 年终督导报告"
    assert "说明: 示例数据" in texts
    late = next(t for t in document.tables if t.rows[0].cells[3].text == "开展日期")
    cells = [c.text for c in late.rows[1].cells]
    assert cells == ["m05", "5月村史讲堂", "5月", "2021-06-20"]


def test_a_plan_speaks_the_language_it_is_written_in() -> None:
    assert PLAN.language == "zh"
    assert attrs.evolve(PLAN, title="Example 2021 plan").language == "zh"  # 示例镇 is Chinese
    english = attrs.evolve(
        PLAN, title="Example 2021 plan", township=attrs.evolve(PLAN.township, name="Example")
    )
    assert english.language == "en"


def test_the_district_roll_up_has_one_row_per_township() -> None:
    other = attrs.evolve(PLAN, township=attrs.evolve(PLAN.township, name="甲镇"))
    reports = [inspect(PLAN, example_ledger()), inspect(other, _edit_records("drop"))]
    rows = district_rows(reports)
    assert [r[0] for r in rows] == ["甲镇", "示例镇"]
    assert rows[0][3] == "11"
    assert "CE501" in rows[0][7]
    data = json.loads(district_json(reports))
    assert [t["township"] for t in data["townships"]] == ["甲镇", "示例镇"]


# -- the commands ----------------------------------------------------------------------------------


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "example.toml"
    path.write_text(dumps_plan(PLAN), encoding="utf-8")
    return path


def test_ledger_init_writes_a_workbook(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ledger.xlsx"
    assert main(["ledger", "init", str(plan_file), "-o", str(out)]) == EXIT_OK
    assert "12 planned activities" in capsys.readouterr().out
    book = openpyxl.load_workbook(out)
    assert book[PLANNED_SHEET]["B2"].value == PLAN.activities[0].title
    assert main(["--lang", "zh", "ledger", "init", str(plan_file), "-o", str(out)]) == EXIT_USAGE
    assert "已存在" in capsys.readouterr().err
    assert main(["ledger", "init", str(tmp_path / "none.toml"), "-o", str(out)]) == EXIT_USAGE
    assert (
        main(["ledger", "init", str(plan_file), "-o", str(tmp_path / "no" / "l.xlsx")])
        == EXIT_USAGE
    )


@pytest.mark.parametrize("fmt", ["html", "json", "docx"])
def test_report_writes_each_format(plan_file: Path, tmp_path: Path, fmt: str) -> None:
    ledger = dump_ledger(example_ledger(), tmp_path / "ledger.xlsx", PLAN)
    out = tmp_path / f"report.{fmt}"
    assert main(["report", str(plan_file), str(ledger), "-o", str(out)]) == EXIT_OK
    data = out.read_bytes()
    if fmt == "json":
        assert json.loads(data)["completion"]["held"] == 12
    elif fmt == "docx":
        assert docx.Document(io.BytesIO(data)).paragraphs[0].text.endswith("年终督导报告")
    else:
        assert "年终督导报告" in data.decode()


def test_report_to_stdout_and_misuse(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = dump_ledger(example_ledger(), tmp_path / "ledger.toml", PLAN)
    assert (
        main(
            ["report", str(plan_file), str(ledger), "--report-lang", "en", "--as-of", "2021-06-30"]
        )
        == EXIT_OK
    )
    assert "Year-end inspection report" in capsys.readouterr().out
    assert main(["report", str(plan_file)]) == EXIT_USAGE
    assert main(["report", str(plan_file), str(ledger), "--format", "docx"]) == EXIT_USAGE
    bad = tmp_path / "bad.csv"
    bad.write_text("x\n", encoding="utf-8")
    assert main(["report", str(plan_file), str(bad)]) == EXIT_FAILED
    assert main(["report", str(plan_file), str(tmp_path / "none.csv")]) == EXIT_USAGE
    assert main(["report", str(tmp_path / "none.toml"), str(ledger)]) == EXIT_USAGE
    assert main(["report", str(plan_file), str(ledger), "--profile", "nope"]) == EXIT_FAILED
    assert (
        main(["report", str(plan_file), str(ledger), "-o", str(tmp_path / "no" / "r.html")])
        == EXIT_USAGE
    )


def test_report_district(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "district"
    folder.mkdir()
    assert main(["report", "--district", str(folder)]) == EXIT_USAGE
    shutil.copy(plan_file, folder / "a.toml")
    # a township without its ledger is a row that says so, not the end of the roll-up
    assert main(["report", "--district", str(folder)]) == EXIT_OK
    assert "无台账" in capsys.readouterr().out
    dump_ledger(example_ledger(), folder / "a.ledger.xlsx", PLAN)
    assert main(["report", "--district", str(folder), "--format", "json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["townships"][0]["completion"]["held"] == 12
    assert main(["report", "--district", str(folder)]) == EXIT_OK
    assert "区域年终督导汇总" in capsys.readouterr().out
    assert main(["report", "--district", str(folder / "a.toml")]) == EXIT_USAGE


def test_check_reads_a_ledger(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = dump_ledger(_edit_records("drop"), tmp_path / "ledger.xlsx", PLAN)
    assert (
        main(["check", str(plan_file), "--ledger", str(ledger), "--select", "CE5"]) == EXIT_FAILED
    )
    out = capsys.readouterr().out
    assert "CE501 planned-work-done [error] fail" in out
    args = [
        "check",
        str(plan_file),
        "--ledger",
        str(ledger),
        "--select",
        "CE501",
        "--as-of",
        "2021-05-20",
    ]
    assert main(args) == EXIT_OK
    bad = tmp_path / "bad.csv"
    bad.write_text("x\n", encoding="utf-8")
    assert main(["check", str(plan_file), "--ledger", str(bad)]) == EXIT_FAILED
    assert main(["check", str(plan_file), "--ledger", str(tmp_path / "none.csv")]) == EXIT_USAGE
    assert main(["check", str(plan_file), "--ledger", str(ledger), "--as-of", "May"]) == EXIT_USAGE


def test_the_json_reference_names_every_field() -> None:
    page = (Path(__file__).resolve().parents[1] / "docs" / "reference" / "inspection.md").read_text(
        encoding="utf-8"
    )
    data = json.loads(to_json(inspect(PLAN, example_ledger())))
    for key in [*data, *data["figures"], *data["completion"]]:
        assert f"`{key}`" in page, key
    for status in ("done", "early", "late", "missing", "not-due"):
        assert f"`{status}`" in page


def test_a_district_report_shows_progress_on_standard_error_when_asked(
    plan_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from functools import partial

    from commedu.cli import _progress, _report

    folder = tmp_path / "district"
    folder.mkdir()
    for name in ("a", "b", "c"):
        shutil.copy(plan_file, folder / f"{name}.toml")
        dump_ledger(example_ledger(), folder / f"{name}.ledger.xlsx", PLAN)
    monkeypatch.setenv("COMMEDU_PROGRESS", "always")
    # The bar waits a second before it shows; here it shows at once.
    monkeypatch.setattr(_report, "Progress", partial(_progress.Progress, delay=0))
    assert main(["--lang", "en", "report", "--district", str(folder), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "reporting" in captured.err
    assert "3/3" in captured.err
    assert len(json.loads(captured.out)["townships"]) == 3
    monkeypatch.setenv("COMMEDU_PROGRESS", "never")
    assert main(["--lang", "en", "report", "--district", str(folder), "--format", "json"]) == 0
    assert capsys.readouterr().err == ""
