"""``commedu serve`` says at start, once, which plan files share an id and which one it serves."""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from commedu.cli import EXIT_OK
from commedu.cli._serve import _say_same_ids
from commedu.web.folder import PlanFolder
from tests.conftest import EXAMPLES, ROOT

PLAN = EXAMPLES / "jinshan_2021.toml"
#: Generous: a loaded machine may take long to start Python; nothing is measured by it.
TIMEOUT = 60


def _folder(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in names:
        shutil.copyfile(PLAN, folder / name)
    return folder


def _page(url: str) -> str:
    """A page's text, an error's (503 for a refused plan) as well."""
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as reply:
            return str(reply.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        with error:
            return str(error.read().decode("utf-8"))


def _serve(folder: Path, *options: str) -> tuple[str, str, str]:
    """Start ``commedu serve`` on a free loopback port: its listening line, what it said on
    stderr and the second file's page, asked for twice."""
    env = {k: v for k, v in os.environ.items() if k not in ("COMMEDU_LANG", "LC_ALL")}
    env |= {"LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "commedu", *options, "serve", str(folder), "--port", "0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], TIMEOUT)
        assert ready, "commedu serve printed nothing"
        line = process.stdout.readline()
        url = "http://" + line.split(" http://", 1)[1].split(" ")[0]
        # Two requests for the second file's page: the warning is said at start, not per request.
        for _ in range(2):
            page = _page(url + "b/")
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=TIMEOUT)
        assert process.returncode == EXIT_OK
        # waitress may log a busy queue on stderr too; what commedu says is prefixed
        said = "".join(s for s in err.splitlines(keepends=True) if s.startswith("commedu "))
        return line, said, page
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=TIMEOUT)


def test_two_files_with_one_id_are_named_on_stderr_at_start(tmp_path: Path) -> None:
    line, err, page = _serve(_folder(tmp_path, "b.toml", "a.toml"))
    assert line.startswith("serving the plans in")
    assert err.count("commedu serve: ") == 1
    assert err == (
        "commedu serve: two files have the plan id 'jinshan-2021': a.toml and b.toml; only the"
        " calendars of a.toml are served. Change the id in one of them.\n"
    )
    assert "a.toml" in page
    assert "b.toml" in page


def test_the_warning_speaks_chinese_and_a_broken_file_is_not_said_at_start(
    tmp_path: Path,
) -> None:
    _, err, _ = _serve(_folder(tmp_path, "a.toml", "b.toml", "c.json"), "--lang", "zh")
    lines = err.splitlines()
    assert lines == [
        "commedu serve: 两个文件的计划标识相同（'jinshan-2021'）：a.toml 与 b.toml；"
        "只提供 a.toml 的日历。请修改其中一个文件的计划标识（id）。",
    ]


def test_a_folder_of_distinct_ids_starts_silently(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "a.toml")
    text = PLAN.read_text(encoding="utf-8").replace('id = "jinshan-2021"', 'id = "other-2021"', 1)
    (folder / "b.toml").write_text(text, encoding="utf-8")
    assert text != PLAN.read_text(encoding="utf-8")
    _, err, page = _serve(folder)
    assert err == ""
    # b.toml's page is its plan's year at a glance, not a refusal
    assert "2021年金山镇社区教育重点工作配档表" in page
    assert "jinshan-2021" not in page


def test_the_start_up_check_in_process_names_each_pair_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = PlanFolder(_folder(tmp_path, "a.toml", "b.toml", "c.toml"))
    _say_same_ids(folder, "en")
    said = capsys.readouterr().err.splitlines()
    assert said == [
        "commedu serve: two files have the plan id 'jinshan-2021': a.toml and b.toml; only the"
        " calendars of a.toml are served. Change the id in one of them.",
        "commedu serve: two files have the plan id 'jinshan-2021': a.toml and c.toml; only the"
        " calendars of a.toml are served. Change the id in one of them.",
    ]
    assert folder.version(folder.files()[0]).plan is not None  # the first keeps its id
