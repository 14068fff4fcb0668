"""``commedu validate`` and ``commedu init``: exit codes, grouped problems, starter plans."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu import dumps_plan, load_plan, loads_plan
from commedu.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from commedu.datafile.starter import starter_plan

from .conftest import EXAMPLES
from .strategies import one_line_texts

JINSHAN = str(EXAMPLES / "jinshan_2021.toml")
MALFORMED = Path(__file__).parent / "malformed"


def test_a_valid_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", JINSHAN]) == EXIT_OK
    assert f"{JINSHAN}: valid (activities: 36)" in capsys.readouterr().out


def test_invalid_files_exit_1_with_every_problem_grouped_per_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = [str(MALFORMED / "many-problems.toml"), str(MALFORMED / "bad-month.toml")]
    assert main(["validate", JINSHAN, *bad]) == EXIT_FAILED
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    first = lines.index(f"{bad[0]}: 3 problem(s)")
    assert lines[first + 1 : first + 4] == [
        "  yaer (line 3, column 1): unknown key 'yaer' — did you mean 'year'?",
        "  tasks[0].mechanisms[0].kind (kind of mechanism 1 of task 1; line 33, column 1):"
        " 'Management' is not one of:"
        " management, guidance, safeguard — did you mean 'management'?",
        "  schedule.activities[0].when (time of schedule item 1; line 38, column 1):"
        " '13月' is not a month (1–12)",
    ]
    assert lines[first + 4] == f"{bad[1]}: 1 problem(s)"
    assert "1 of 3 file(s) valid" in captured.err
    assert "Traceback" not in captured.out + captured.err


def test_problems_are_printed_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "zh", "validate", str(MALFORMED / "encoding-gbk.toml")]) == EXIT_FAILED
    out = capsys.readouterr().out
    assert "第 3 行第 10 列：文件不是 UTF-8 编码，看起来是 GBK/GB18030" in out


@pytest.mark.parametrize("missing", ["nowhere.toml", "."])
def test_unreadable_files_exit_2(capsys: pytest.CaptureFixture[str], missing: str) -> None:
    assert main(["validate", JINSHAN, missing]) == EXIT_USAGE
    out = capsys.readouterr().out
    assert f"{missing}: 1 problem(s)" in out
    assert "(plan)" not in out


def test_no_files_is_a_usage_error() -> None:
    assert main(["validate"]) == EXIT_USAGE


def test_input_format_option_reads_a_file_as_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = tmp_path / "plan.txt"
    plan_file.write_text(dumps_plan(load_plan(JINSHAN), "json"), encoding="utf-8")
    assert main(["validate", "--input-format", "json", str(plan_file)]) == EXIT_OK
    assert main(["validate", str(plan_file)]) == EXIT_FAILED  # read as TOML, it is not
    assert "TOML" in capsys.readouterr().out


# -- init ------------------------------------------------------------------------------------------


def test_init_writes_a_starter_that_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "东山镇.toml"
    assert main(["init", "--township", "东山镇", "--year", "2022", "-o", str(target)]) == EXIT_OK
    plan = load_plan(target)
    assert plan.township.name == "东山镇"
    assert plan.year == 2022
    assert plan.title == "东山镇2022年社区教育工作计划"
    assert main(["validate", str(target)]) == EXIT_OK
    assert sorted(os.listdir(tmp_path)) == ["东山镇.toml"]  # no temporary file left behind
    capsys.readouterr()


def test_init_comments_every_section_in_both_languages() -> None:
    text = starter_plan("东山镇", 2022)
    sections = [line for line in text.splitlines() if line.startswith("[")]
    lines = text.splitlines()
    for section in sections:
        above = lines[lines.index(section) - 1]
        assert above.startswith("#"), section
    for word in ("责任部门", "Departments", "配档表", "schedule", "工作站", "Stations"):
        assert word in text


def test_init_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.toml"
    target.write_text("mine", encoding="utf-8")
    args = ["init", "--township", "东山镇", "--year", "2022", "-o", str(target)]
    assert main(args) == EXIT_USAGE
    assert target.read_text(encoding="utf-8") == "mine"
    assert "--force" in capsys.readouterr().err
    assert main([*args, "--force"]) == EXIT_OK
    assert load_plan(target).township.name == "东山镇"
    assert sorted(os.listdir(tmp_path)) == ["plan.toml"]


@pytest.mark.parametrize("year", ["12", "二〇二二", "30000"])
def test_init_refuses_a_bad_year(tmp_path: Path, year: str) -> None:
    target = tmp_path / "plan.toml"
    assert main(["init", "--township", "东山镇", "--year", year, "-o", str(target)]) == EXIT_USAGE
    assert not target.exists()


def test_init_into_a_missing_folder_is_an_io_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "plan.toml"
    assert main(["init", "--township", "东山镇", "--year", "2022", "-o", str(target)]) == EXIT_USAGE
    assert "cannot write" in capsys.readouterr().err


@given(township=one_line_texts, year=st.integers(1900, 2999))
def test_the_starter_validates_for_any_township_name(township: str, year: int) -> None:
    # one line: the starter names the centre after the township, and a name is one line
    plan = loads_plan(starter_plan(township, year))
    assert plan.township.name == township
    assert plan.year == year


# -- warnings, strictness and JSON ---------------------------------------------------------------


def _starter(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(starter_plan("青石镇", 2022, "plan.toml"), encoding="utf-8")
    return path


def test_the_starter_file_is_valid_with_a_warning_for_each_placeholder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _starter(tmp_path)
    assert main(["validate", str(path)]) == EXIT_OK
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{path}: valid (activities: 1), 4 warning(s)"
    lines = path.read_text(encoding="utf-8").splitlines()
    for said in out[1:]:
        assert said.startswith("  warning: ")
        line = int(said.split("; line ")[1].split(",")[0])
        assert "待填写" in lines[line - 1] or "某某" in lines[line - 1]
    assert main(["validate", "--strict", str(path)]) == EXIT_FAILED


def test_an_activity_without_a_department_is_warned_about_at_its_block(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = Path(JINSHAN).read_text(encoding="utf-8")
    head, sep, tail = text.partition("[[schedule.activities]]")
    block, nxt, rest = tail.partition("[[schedule.activities]]")
    block = "\n".join(line for line in block.splitlines() if not line.startswith("responsible"))
    path = tmp_path / "plan.toml"
    path.write_text(head + sep + block + "\n\n" + nxt + rest, encoding="utf-8")
    line = (head + sep).count("\n") + 1
    assert main(["--lang", "zh", "validate", str(path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert f"配档表第 1 项的责任部门（第 {line} 行第 1 列）" in out
    assert "schedule" not in out
    assert "规则 CE302 将不通过" in out


def test_json_output_is_versioned_and_has_every_problem_with_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    starter = _starter(tmp_path)
    bad = str(MALFORMED / "many-problems.toml")
    missing = str(tmp_path / "nowhere.toml")
    assert main(["validate", "--format", "json", str(starter), bad, missing]) == EXIT_USAGE
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "commedu.validate/1"
    assert [f["status"] for f in data["files"]] == ["valid", "invalid", "unreadable"]
    warned, invalid, unreadable = data["files"]
    assert warned["activities"] == 1
    assert {p["severity"] for p in warned["problems"]} == {"warning"}
    assert {p["code"] for p in warned["problems"]} == {"hint-placeholder"}
    assert invalid["activities"] is None
    assert [(p["path"], p["line"], p["column"]) for p in invalid["problems"]] == [
        ("yaer", 3, 1),
        ("tasks[0].mechanisms[0].kind", 33, 1),
        ("schedule.activities[0].when", 38, 1),
    ]
    assert invalid["problems"][0]["suggestion"] == "year"
    assert [p["code"] for p in unreadable["problems"]] == ["no-such-file"]


def test_an_invalid_file_exits_1_in_json_too(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "json", str(MALFORMED / "bad-month.toml")]) == EXIT_FAILED
    assert json.loads(capsys.readouterr().out)["files"][0]["status"] == "invalid"


def test_warnings_name_lines_in_a_json_plan_file_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = loads_plan(starter_plan("青石镇", 2022, "plan.toml"))
    path = tmp_path / "plan.json"
    path.write_text(dumps_plan(plan, "json"), encoding="utf-8")
    assert main(["validate", "--format", "json", str(path)]) == EXIT_OK
    (found,) = json.loads(capsys.readouterr().out)["files"]
    lines = path.read_text(encoding="utf-8").split("\n")
    assert len(found["problems"]) == 3  # written back, the activity names its station by id
    for problem in found["problems"]:
        key = problem["path"].rpartition(".")[2]
        assert lines[problem["line"] - 1][problem["column"] - 1 :].startswith(f'"{key}"')
