"""``commedu html --profile`` and ``commedu serve --profile``: the page judges by the profile given."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from commedu import (
    ProfileError,
    Status,
    check,
    dumps_plan,
    glance_html,
    load_plan,
    load_profile,
    loads_plan,
)
from commedu.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
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


# -- a plan may name a profile file beside it ----------------------------------------------------

DISTRICT = EXAMPLES.parent / "src" / "commedu" / "profiles" / "national-demonstration.toml"


def _plan_naming(folder: Path, profile: str) -> Path:
    text = Path(PLAN).read_text("utf-8")
    plan = folder / "plan.toml"
    plan.write_text(
        text.replace('profile = "shandong-township"', f"profile = {profile!r}"), "utf-8"
    )
    return plan


def _own_profile(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        DISTRICT.read_bytes().replace(b'name = "national-demonstration"', b'name = "my-province"')
    )


@pytest.mark.parametrize("written", ["my-province.toml", "profiles/my-province.toml"])
def test_a_plan_names_a_profile_file_relative_to_itself(tmp_path: Path, written: str) -> None:
    _own_profile(tmp_path / written)
    plan = load_plan(_plan_naming(tmp_path, written))
    assert plan.profile == written
    assert plan.folder == tmp_path
    report = check(plan, select=["CE200"])
    assert report.profile is not None
    assert report.profile.name == "my-province"
    assert report.result("CE200").status is Status.FAIL
    # the folder is where the plan is, not what it is: the plan round-trips as before
    assert loads_plan(dumps_plan(plan)) == plan


def test_check_finds_the_profile_file_wherever_it_is_run_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _own_profile(tmp_path / "plans" / "my-province.toml")
    plan = _plan_naming(tmp_path / "plans", "my-province.toml")
    monkeypatch.chdir(tmp_path)
    main(["check", str(plan), "--select", "CE200", "--lang", "en"])
    assert "Profile: my-province" in capsys.readouterr().out


@pytest.mark.parametrize("written", ["../my-province.toml", "/etc/my-province.toml", "link.toml"])
def test_a_profile_file_outside_the_plans_folder_is_refused(
    tmp_path: Path, written: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _own_profile(tmp_path / "my-province.toml")
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "link.toml").symlink_to(tmp_path / "my-province.toml")
    plan = load_plan(_plan_naming(folder, written))
    with pytest.raises(ProfileError) as caught:
        check(plan)
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == ("profile", "profile-file-outside")
    assert main(["check", str(folder / "plan.toml")]) == EXIT_FAILED
    assert "beside it or in a folder below it" in capsys.readouterr().err


def test_a_plan_read_from_text_has_no_folder_to_find_a_profile_file_in(tmp_path: Path) -> None:
    text = _plan_naming(tmp_path, "my-province.toml").read_text("utf-8")
    plan = loads_plan(text)
    assert plan.folder is None
    with pytest.raises(ProfileError) as caught:
        check(plan)
    (problem,) = caught.value.problems
    assert problem.code == "profile-file-no-folder"
    assert "--profile" in problem.message("zh")
    assert loads_plan(text, folder=str(tmp_path)).folder == tmp_path


def test_the_served_page_finds_the_profile_file_beside_the_plan(tmp_path: Path) -> None:
    _own_profile(tmp_path / "my-province.toml")
    _plan_naming(tmp_path, "my-province.toml").rename(tmp_path / "jinshan.toml")
    page = _served(tmp_path)
    assert "Profile: my-province" in page
    assert "governs plans at the district, county or city level" in _ce200(page)
