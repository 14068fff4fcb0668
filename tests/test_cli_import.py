"""``commedu import``: a draft written, its notes listed with their places, then validate."""

from __future__ import annotations

from pathlib import Path

import pytest

from commedu.cli import EXIT_OK, EXIT_USAGE, main
from tests.conftest import JINSHAN_SOURCE


def test_import_writes_the_draft_and_lists_every_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "plan.toml"
    assert main(["--lang", "en", "import", str(JINSHAN_SOURCE), "-o", str(output)]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == (
        f"wrote {output}: 36 schedule item(s), {len(lines) - 1} thing(s) to check (marked"
        f" “请核对” in the file); then run: commedu validate {output}"
    )
    assert (
        "  table 1, row 8, cell 2, line 88: “校外培训机构专项治理” gives its own time 7-8月, used instead of the row's"
        in lines
    )
    assert output.read_text("utf-8").count("[[schedule.activities]]") == 36


def test_import_speaks_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "plan.toml"
    assert main(["--lang", "zh", "import", str(JINSHAN_SOURCE), "-o", str(output)]) == EXIT_OK
    out = capsys.readouterr().out
    assert (
        "  原文第 9 行：“实施三项管理机制，全面激活社区工作” 下各项机制的类别按标题中的 “管理” 定为 管理机制"
        in out
    )
    assert out.splitlines()[-1].startswith(f"已写入 {output}：配档表 36 项，")


def test_import_keeps_an_existing_file_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "plan.toml"
    output.write_text("# mine\n", "utf-8")
    assert main(["import", str(JINSHAN_SOURCE), "-o", str(output)]) == EXIT_USAGE
    assert "already exists" in capsys.readouterr().err
    assert output.read_text("utf-8") == "# mine\n"
    assert main(["import", str(JINSHAN_SOURCE), "-o", str(output), "--force"]) == EXIT_OK
    assert "[[schedule.activities]]" in output.read_text("utf-8")


def test_import_names_a_place_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "no-such-folder" / "plan.toml"
    assert main(["import", str(JINSHAN_SOURCE), "-o", str(output)]) == EXIT_USAGE
    assert f"cannot write {output}: " in capsys.readouterr().err


def test_import_needs_an_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(JINSHAN_SOURCE)]) == EXIT_USAGE
    assert "-o/--output" in capsys.readouterr().err
