"""Writes refuse to replace what is not a regular file, and say so for a name the system refuses."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from commedu._atomic import write_bytes
from commedu.cli import EXIT_USAGE, main
from commedu.errors import NotRegularError

from .conftest import EXAMPLES

PLAN_FILE = str(EXAMPLES / "jinshan_2021.toml")

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@needs_fifo
def test_a_fifo_is_never_replaced_by_a_file(tmp_path: Path) -> None:
    fifo = tmp_path / "out.ics"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularError) as caught:
        write_bytes(fifo, b"data")
    assert caught.value.filename == str(fifo)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert os.listdir(tmp_path) == ["out.ics"]  # no temporary left behind


@needs_fifo
def test_a_link_to_a_fifo_is_refused_too(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "out.ics").symlink_to(fifo)
    with pytest.raises(NotRegularError):
        write_bytes(tmp_path / "out.ics", b"data", overwrite=False)
    assert (tmp_path / "out.ics").is_symlink()


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null here")
def test_a_device_is_refused_before_anything_is_written() -> None:
    before = os.stat("/dev/null")
    with pytest.raises(NotRegularError):
        write_bytes("/dev/null", b"data")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert after.st_ino == before.st_ino


def test_a_regular_file_and_a_new_name_are_still_written(tmp_path: Path) -> None:
    (tmp_path / "old.ics").write_bytes(b"old")
    write_bytes(tmp_path / "old.ics", b"new")
    write_bytes(tmp_path / "new.ics", b"new")
    assert (tmp_path / "old.ics").read_bytes() == (tmp_path / "new.ics").read_bytes() == b"new"


@needs_fifo
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("command", "suffix"),
    [(["ics"], ".ics"), (["ledger", "init"], ".csv"), (["ledger", "init"], ".xlsx")],
)
def test_the_command_line_names_the_fifo_and_keeps_it(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    command: list[str],
    suffix: str,
) -> None:
    fifo = tmp_path / f"out{suffix}"
    os.mkfifo(fifo)
    force = [] if command == ["ics"] else ["--force"]
    code = main([command[0], "--lang", lang, *command[1:], PLAN_FILE, "-o", str(fifo), *force])
    err = capsys.readouterr().err
    assert code == EXIT_USAGE
    assert str(fifo) in err
    assert ("not a regular file" in err) if lang == "en" else ("不是普通文件" in err)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="NAME_MAX is a POSIX limit")
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("command", "suffix"),
    [(["ics"], ".ics"), (["html"], ".html"), (["ledger", "init"], ".xlsx")],
)
def test_an_over_long_output_name_is_a_message_not_a_traceback(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    command: list[str],
    suffix: str,
) -> None:
    name = tmp_path / ("a" * 300 + suffix)
    code = main([command[0], "--lang", lang, *command[1:], PLAN_FILE, "-o", str(name)])
    err = capsys.readouterr().err
    assert code == EXIT_USAGE
    assert ("file name is too long" in err) if lang == "en" else ("文件名太长" in err)
    assert "Traceback" not in err
    assert os.listdir(tmp_path) == []
