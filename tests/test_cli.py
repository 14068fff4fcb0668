"""The command line's frame: version, help, languages, exit codes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from commedu import __version__
from commedu.cli import EXIT_FAILED, EXIT_USAGE, main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"commedu {__version__}"


@pytest.mark.parametrize(("lang", "text"), [("en", "show this help"), ("zh", "显示帮助")])
def test_help_in_both_languages(capsys: pytest.CaptureFixture[str], lang: str, text: str) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--lang", lang, "--help"])
    assert info.value.code == 0
    assert text in capsys.readouterr().out


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == EXIT_USAGE
    assert "commedu --help" in capsys.readouterr().err


def test_unknown_command_is_a_usage_error_without_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--lang", "zh", "frobnicate"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "未知命令 'frobnicate'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("entry", [["-m", "commedu"]])
def test_python_dash_m_runs_the_same_command(entry: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, *entry, "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"commedu {__version__}"


def test_a_closed_pipe_ends_quietly_without_traceback() -> None:
    # `commedu rules | head -1` where head has already gone: every write meets a closed pipe.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "commedu", "rules"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.returncode == EXIT_FAILED
    assert "Traceback" not in result.stderr
