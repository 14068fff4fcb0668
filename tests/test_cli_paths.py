"""File and folder arguments are known by their type, and take any name the file system allows."""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

import pytest

from commedu.cli import main
from commedu.cli._streams import undecodable_argument
from commedu.cli._types import OSPath, path

from .conftest import EXAMPLES

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")

#: A name holding a byte that is not UTF-8, as Python hands it over from the command line.
ODD = os.fsdecode(b"\xff")


@pytest.fixture
def odd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding the Jinshan plan and ledger under names that are not UTF-8."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "jinshan_2021.toml", tmp_path / f"plan{ODD}.toml")
    shutil.copy(EXAMPLES / "jinshan_2021_ledger.toml", tmp_path / f"ledger{ODD}.toml")
    shutil.copy(EXAMPLES / "jinshan_2021_source.txt", tmp_path / f"source{ODD}.txt")
    district = tmp_path / f"district{ODD}"
    district.mkdir()
    shutil.copy(EXAMPLES / "jinshan_2021.toml", district / "jinshan.toml")
    shutil.copy(EXAMPLES / "jinshan_2021_ledger.toml", district / "jinshan.ledger.toml")
    return tmp_path


def _accepted(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "not UTF-8" not in err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize(
    ("args", "code", "written"),
    [
        (["validate", f"plan{ODD}.toml"], 0, None),
        (["check", f"plan{ODD}.toml", "--ledger", f"ledger{ODD}.toml"], 1, None),
        (["report", f"plan{ODD}.toml", f"ledger{ODD}.toml", "-o", f"out{ODD}.html"], 0, "out"),
        (["report", "--district", f"district{ODD}", "-o", f"roll{ODD}.json"], 0, "roll"),
        (["import", f"source{ODD}.txt", "-o", f"draft{ODD}.toml"], 0, "draft"),
        (
            ["html", f"plan{ODD}.toml", "--ledger", f"ledger{ODD}.toml", "-o", f"g{ODD}.html"],
            0,
            "g",
        ),
        (["ics", f"plan{ODD}.toml", "-o", f"cal{ODD}.ics"], 0, "cal"),
        (["ledger", "init", f"plan{ODD}.toml", "-o", f"new{ODD}.csv"], 0, "new"),
        (["init", "--township", "示例镇", "--year", "2024", "-o", f"start{ODD}.toml"], 0, "start"),
    ],
)
def test_a_file_whose_name_is_not_utf8_is_read_and_written(
    odd: Path, args: list[str], code: int, written: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", *args]) == code
    _accepted(capsys)
    if written is not None:
        made = [p.name for p in odd.iterdir() if p.name.startswith(written)]
        assert made == [next(a for a in args if a.startswith(written))]
        assert (odd / made[0]).stat().st_size > 0


def test_serve_takes_a_folder_whose_name_is_not_utf8(
    odd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The folder is read; listening on an address that cannot exist then stops the command.
    assert main(["--lang", "en", "serve", f"district{ODD}", "--host", "256.0.0.1"]) == 2
    err = _accepted(capsys)
    assert "256.0.0.1" in err  # it got as far as listening: the folder was taken


def test_a_missing_folder_for_serve_is_still_refused(
    odd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "serve", f"nowhere{ODD}"]) == 2
    assert "nowhere" in _accepted(capsys)


def test_the_path_type_keeps_the_bytes_and_says_what_it_is() -> None:
    value = path(ODD)
    assert isinstance(value, OSPath)
    assert os.fsencode(value) == b"\xff"
    assert value == ODD


def test_only_a_path_may_hold_undecodable_bytes() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--name")
    parser.add_argument("--file", type=path)
    parser.add_argument("files", nargs="*", type=path)
    taken = parser.parse_args(["--file", ODD, ODD, "ok"])
    assert undecodable_argument(parser, taken, "en") is None
    refused = parser.parse_args(["--name", ODD, "--file", ODD])
    message = undecodable_argument(parser, refused, "en")
    assert message is not None
    assert message.startswith("argument --name: b'\\xff'")
