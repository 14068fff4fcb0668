"""Plan text that once validated and then crashed a writer: refused where it enters, or written."""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import docx
import openpyxl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from commedu import PlanError, PlanFileError, loads_plan
from commedu.cli import main
from commedu.compliance.actuals import example_ledger, example_profile
from commedu.compliance.builtin import example_plan
from commedu.datafile.columns import ABOUT_SHEET
from commedu.datafile.ledger_write import workbook_bytes
from commedu.report.inspection import inspect
from commedu.report.render import to_docx

PLAN = (Path(__file__).parent / "plans" / "qiling_2021.toml").read_text("utf-8")
#: Every control character XML 1.0 cannot hold, so no .docx or .xlsx could.
REFUSED = [*range(9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF]


def _first_activity_title(text: str) -> str:
    start = PLAN.index("[[schedule.activities]]")
    head, tail = PLAN[:start], PLAN[start:]
    line = next(line for line in tail.splitlines() if line.startswith("title = "))
    return head + tail.replace(line, f'title = "{text}"', 1)


@pytest.mark.parametrize("code", REFUSED)
def test_a_control_character_in_a_title_is_a_plan_file_problem_with_its_place(code: int) -> None:
    with pytest.raises(PlanFileError) as caught:
        loads_plan(_first_activity_title(f"开班\\u{code:04x}仪式"))
    (problem,) = caught.value.problems
    assert problem.path == "schedule.activities[0].title"
    assert problem.code == "control-character"
    assert problem.line is not None
    assert problem.column is not None
    assert f"U+{code:04X}" in problem.message("zh")
    assert "控制字符" in problem.message("zh")


def test_escape_sequences_in_the_plans_own_title_are_refused() -> None:
    with pytest.raises(PlanFileError) as caught:
        loads_plan(PLAN.replace('title = "2021年', 'title = "\\u001b[2J2021年', 1))
    assert [(p.path, p.code) for p in caught.value.problems] == [("title", "control-character")]


@pytest.mark.parametrize("kept", ["\t", "\n", "\r\n", "\x7f", "\x85", "\u2028", "\u200b"])
def test_text_a_document_can_hold_is_kept(kept: str) -> None:
    plan = example_plan()
    # A description, not a title: a title is one line (tests/test_ical_stable.py).
    activity = attrs.evolve(plan.activities[0], description=f"开班{kept}仪式")
    assert activity.description == f"开班{kept}仪式"


def test_a_control_character_is_refused_from_python_too() -> None:
    plan = example_plan()
    with pytest.raises(PlanError) as caught:
        attrs.evolve(plan.activities[0], title="开班\x01仪式")
    assert [(p.path, p.code) for p in caught.value.problems] == [("title", "control-character")]


def _with_township_name(name: str) -> object:
    plan = example_plan()
    return attrs.evolve(plan, township=attrs.evolve(plan.township, name=name))


def test_a_township_name_over_255_characters_makes_a_report() -> None:
    name = "很长的镇名" * 60  # 300 characters
    plan = _with_township_name(name)
    data = to_docx(inspect(plan, example_ledger(), example_profile()), "zh")  # type: ignore[arg-type]
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs[0].text.startswith(name)
    assert len(document.core_properties.title) == 255
    assert name.startswith(document.core_properties.title)


@settings(max_examples=25, deadline=None)
@given(
    st.text(
        st.characters(exclude_categories=["Cs"], exclude_characters="".join(map(chr, REFUSED))),
        min_size=1,
        max_size=400,
    ).filter(lambda s: s.strip() == s and s != "")
)
@example("0\r0")
def test_any_name_the_model_takes_makes_a_report_and_a_workbook(name: str) -> None:
    plan = _with_township_name(name)
    document = docx.Document(
        io.BytesIO(to_docx(inspect(plan, example_ledger(), example_profile()), "en"))  # type: ignore[arg-type]
    )
    assert name.replace("\r", "\n") in document.paragraphs[0].text  # Word's line break
    titled = attrs.evolve(plan, title=name)  # type: ignore[misc]
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(titled)))
    about = {row[0]: row[1] for row in book[ABOUT_SHEET].iter_rows(values_only=True)}
    assert about["标题 Title"] == name


def test_ledger_init_and_report_write_a_plan_with_a_long_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN.replace('name = "齐陵街道"', f'name = "{"镇" * 300}"', 1), "utf-8")
    assert main(["ledger", "init", str(plan), "-o", str(tmp_path / "ledger.xlsx")]) == 0
    assert main(["ledger", "init", str(plan), "-o", str(tmp_path / "ledger.toml")]) == 0
    out = tmp_path / "report.docx"
    assert main(["report", str(plan), str(tmp_path / "ledger.toml"), "-o", str(out)]) in (0, 1)
    assert docx.Document(str(out)).paragraphs[0].text.startswith("镇" * 300)
    capsys.readouterr()


def test_ledger_init_refuses_a_plan_with_a_control_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(_first_activity_title("A\\u0001B"), "utf-8")
    out = tmp_path / "ledger.xlsx"
    assert main(["ledger", "init", str(plan), "-o", str(out)]) == 1
    assert not out.exists()
    assert "schedule.activities[0].title" in capsys.readouterr().err
