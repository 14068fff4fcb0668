"""``commedu html --profile`` and ``commedu serve --profile``: the page judges by the profile given."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from commedu import glance_html, load_plan, load_profile
from commedu.cli import EXIT_OK, EXIT_USAGE, main
from commedu.web.app import make_app
from tests.conftest import EXAMPLES

PLAN = str(EXAMPLES / "jinshan_2021.toml")


@pytest.fixture(autouse=True)
def english_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("COMMEDU_LANG", "LC_ALL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def _ce200(page: str) -> str:
    """The CE200 row of the page's compliance table, as text."""
    (row,) = re.findall(r"<tr[^>]*>(?:(?!</tr>).)*CE200(?:(?!</tr>).)*</tr>", page, flags=re.S)
    return re.sub(r"<[^>]+>", " ", row)


def test_html_judges_by_the_profile_given(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["html", PLAN, "-o", "-", "--lang", "en"]) == EXIT_OK
    own = capsysbinary.readouterr().out.decode()
    args = ["html", PLAN, "-o", "-", "--lang", "en", "--profile", "national-demonstration"]
    assert main(args) == EXIT_OK
    other = capsysbinary.readouterr().out.decode()
    assert "where 金山镇 is" in _ce200(own)
    assert "governs plans at the district, county or city level" in _ce200(other)
    assert "national-demonstration" in other
    assert "national-demonstration" not in own


def test_html_with_a_profile_file_writes_the_same_page_as_python(tmp_path: Path) -> None:
    profile = tmp_path / "mine.toml"
    profile.write_bytes(
        (EXAMPLES.parent / "src" / "commedu" / "profiles" / "national-demonstration.toml")
        .read_bytes()
        .replace(b'name = "national-demonstration"', b'name = "mine"')
    )
    page = tmp_path / "page.html"
    assert main(["html", PLAN, "-o", str(page), "--profile", str(profile)]) == EXIT_OK
    expected = glance_html(load_plan(PLAN), profile=load_profile(profile))
    assert page.read_bytes() == expected


@pytest.mark.parametrize("command", ["html", "serve"])
def test_a_bad_profile_is_a_usage_error_naming_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = 1\nname = "bad"\napplies_to = "province"\n', encoding="utf-8")
    target = PLAN if command == "html" else str(tmp_path)
    assert main([command, target, "--profile", str(bad)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith(f"commedu {command}: --profile {bad}:\n")
    assert "applies_to (line 3, column 1)" in err
    assert main([command, target, "--profile", "shandong"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "is neither a built-in profile nor a .toml file" in err
    assert err.count("\n") == 1


def _served(folder: Path, **options: object) -> str:
    app = make_app(folder, **options)  # type: ignore[arg-type]
    replies: list[str] = []
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/jinshan/",
        "QUERY_STRING": "lang=en",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "8080",
        "HTTP_HOST": "localhost:8080",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
    }
    body = b"".join(app(environ, lambda status, headers, *_: replies.append(status)))  # type: ignore[arg-type, func-returns-value]
    assert replies[0].startswith("200")
    return body.decode("utf-8")


def test_the_served_page_judges_by_the_profile_the_server_was_given(tmp_path: Path) -> None:
    shutil.copyfile(PLAN, tmp_path / "jinshan.toml")
    own = _served(tmp_path)
    other = _served(tmp_path, profile=load_profile("national-demonstration"))
    assert "where 金山镇 is" in _ce200(own)
    assert "governs plans at the district, county or city level" in _ce200(other)
