"""``commedu html`` and ``commedu serve``: files written, the server run, messages in both languages."""

from __future__ import annotations

import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from commedu import Plan, glance_html
from commedu.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from tests.conftest import EXAMPLES, ROOT

PLAN = str(EXAMPLES / "jinshan_2021.toml")
#: No step of a test waits longer than this.
TIMEOUT = 30


@pytest.fixture(autouse=True)
def english_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages default to English; the page must still follow the plan's language."""
    for name in ("COMMEDU_LANG", "LC_ALL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def test_html_writes_the_plan_s_page_in_its_own_language(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    jinshan: Plan,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["html", PLAN]) == EXIT_OK
    page = (tmp_path / "jinshan-2021.html").read_bytes()
    assert page == glance_html(jinshan, lang="zh")
    assert '<html lang="zh-CN">' in page.decode()
    assert capsys.readouterr().out == "wrote jinshan-2021.html\n"


def test_html_lang_en_writes_english_and_a_folder_gets_index_html(
    tmp_path: Path, jinshan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    assert main(["html", PLAN, "--lang", "en", "-o", f"{site}/"]) == EXIT_OK
    assert (site / "index.html").read_bytes() == glance_html(jinshan, lang="en")
    assert main(["--lang", "zh", "html", PLAN, "-o", str(site)]) == EXIT_OK
    assert (site / "index.html").read_bytes() == glance_html(jinshan, lang="zh")
    assert capsys.readouterr().out.splitlines()[-1] == f"已写入 {site / 'index.html'}"


def test_html_to_standard_output(capsysbinary: pytest.CaptureFixture[bytes], jinshan: Plan) -> None:
    assert main(["html", PLAN, "-o", "-"]) == EXIT_OK
    assert capsysbinary.readouterr().out == glance_html(jinshan)


def test_html_reports_a_bad_plan_and_an_unwritable_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x', encoding="utf-8")
    assert main(["html", str(bad)]) == EXIT_FAILED
    assert "this is not valid TOML" in capsys.readouterr().err
    (tmp_path / "file").write_text("in the way", encoding="utf-8")
    assert main(["html", PLAN, "-o", str(tmp_path / "file" / "page.html")]) == EXIT_USAGE
    assert "commedu html: cannot write" in capsys.readouterr().err
    assert main(["html", str(tmp_path / "missing.toml")]) == EXIT_USAGE


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copyfile(PLAN, folder / "jinshan.toml")
    return folder


def _commedu(*args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COMMEDU_LANG", "LC_ALL")}
    env |= {"LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "commedu", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def _first_line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], TIMEOUT)
    assert ready, "commedu serve printed nothing"
    return process.stdout.readline()


@pytest.fixture
def served(plans: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    process = _commedu("serve", str(plans), "--port", "0")
    try:
        line = _first_line(process)
        assert line.startswith(f"serving the plans in {plans} at http://127.0.0.1:")
        url = line.split(" at ")[1].split(" ")[0]
        yield process, url
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=TIMEOUT)


def test_serve_listens_on_the_loopback_and_stops_cleanly_on_ctrl_c(
    served: tuple[subprocess.Popen[str], str],
) -> None:
    process, url = served
    with urllib.request.urlopen(url + "jinshan/plan.ics", timeout=TIMEOUT) as reply:
        assert reply.headers["Content-Type"] == "text/calendar; charset=utf-8"
        assert reply.read().count(b"BEGIN:VEVENT") == 36
    process.send_signal(signal.SIGINT)
    out, _ = process.communicate(timeout=TIMEOUT)
    assert process.returncode == EXIT_OK
    assert out.strip().endswith("stopped")


def test_serve_explains_a_port_in_use_and_a_missing_folder(
    plans: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        assert main(["serve", str(plans), "--port", port]) == EXIT_USAGE
    assert f"commedu serve: cannot listen on 127.0.0.1 port {port}" in capsys.readouterr().err
    missing = _commedu("--lang", "zh", "serve", str(tmp_path / "nowhere"), "--port", "0")
    _, err = missing.communicate(timeout=TIMEOUT)
    assert missing.returncode == EXIT_USAGE
    assert "不是文件夹" in err


def test_serve_needs_a_folder_it_can_keep_revisions_in(
    plans: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (plans / ".commedu-revisions.sqlite").mkdir()  # in the store's way
    assert main(["serve", str(plans), "--port", str(_free_port())]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert f"cannot keep revisions in {plans / '.commedu-revisions.sqlite'}: " in err
    assert err.strip().endswith("the folder of plans must be writable")


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--port", "70000", "is not a port"),
        ("--port", "http", "is not a port"),
        ("--base-url", "edu.example.cn", "is not an address"),
    ],
)
def test_serve_refuses_bad_options(
    plans: Path, option: str, value: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", str(plans), option, value]) == EXIT_USAGE
    assert message in capsys.readouterr().err


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


def test_serve_in_process_answers_until_interrupted(
    plans: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same command run in this process, so that what it does is measured, then Ctrl+C."""
    host = "::1" if _ipv6_loopback() else "127.0.0.1"
    port = _free_port()
    answered: list[bytes] = []

    def visit_then_interrupt() -> None:
        shown = f"[{host}]" if ":" in host else host
        try:
            for _ in range(TIMEOUT * 10):
                try:
                    with urllib.request.urlopen(f"http://{shown}:{port}/", timeout=TIMEOUT) as r:
                        answered.append(r.read())
                    break
                except OSError:
                    time.sleep(0.1)
        finally:
            os.kill(os.getpid(), signal.SIGINT)

    helper = threading.Thread(target=visit_then_interrupt)
    helper.start()
    try:
        code = main(
            [
                "serve",
                str(plans),
                "--host",
                host,
                "--port",
                str(port),
                "--base-url",
                "https://e.cn/",
            ]
        )
    finally:
        helper.join(TIMEOUT)
    assert code == EXIT_OK
    assert answered
    assert b"https://e.cn/jinshan/plan.ics" in answered[0]
    out = capsys.readouterr().out
    shown = f"[{host}]" if ":" in host else host
    assert f"at http://{shown}:{port}/ " in out
    assert out.endswith("stopped\n")


def test_serve_refuses_a_file_for_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", PLAN]) == EXIT_USAGE
    assert "is not a folder" in capsys.readouterr().err
