"""``commedu ics``: files written, exit codes, messages in both languages."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from commedu import Plan, to_ics
from commedu.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from tests.conftest import EXAMPLES

PLAN = str(EXAMPLES / "jinshan_2021.toml")
STAMP = "2021-01-01T00:00:00Z"


def test_default_output_is_the_plan_id(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    jinshan: Plan,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--lang", "en", "ics", PLAN, "--stamp", STAMP]) == EXIT_OK
    written = (tmp_path / "jinshan-2021.ics").read_bytes()
    assert written == to_ics(jinshan, stamp=datetime(2021, 1, 1, tzinfo=UTC), lang="en")
    assert "(activities: 36)" in capsys.readouterr().out


def test_output_folder_and_filters(tmp_path: Path, jinshan: Plan) -> None:
    assert (
        main(
            [
                "ics",
                PLAN,
                "-o",
                str(tmp_path),
                "--department",
                "文化站",
                "--months",
                "3-6",
                "--stamp",
                STAMP,
            ]
        )
        == EXIT_OK
    )
    data = (tmp_path / "jinshan-2021.ics").read_bytes()
    expected = to_ics(
        jinshan,
        departments=["文化站"],
        months=(3, 6),
        stamp=datetime(2021, 1, 1, tzinfo=UTC),
        lang="en",
    )
    # the CLI's language comes from the environment; compare the events, not the labels.
    # 文化站 is responsible in the source's 3月 (3 items), 4月 (4) and 6月 (3) rows; not in 5月.
    assert data.count(b"BEGIN:VEVENT") == expected.count(b"BEGIN:VEVENT") == 10


def test_stdout(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["ics", PLAN, "-o", "-", "--component", "todo", "--stamp", STAMP]) == EXIT_OK
    out = capsysbinary.readouterr().out
    assert out.startswith(b"BEGIN:VCALENDAR\r\n")
    assert out.count(b"BEGIN:VTODO") == 36


def test_split(tmp_path: Path) -> None:
    folder = tmp_path / "by-department"
    assert (
        main(["ics", PLAN, "-o", str(folder), "--split-by", "department", "--stamp", STAMP])
        == EXIT_OK
    )
    index = json.loads((folder / "index.json").read_text("utf-8"))
    assert {c["file"] for c in index["calendars"]} == {p.name for p in folder.glob("*.ics")}


@pytest.mark.parametrize(
    ("args", "code", "en", "zh"),
    [
        # A problem with an option is said about the option, not a place in the plan.
        (
            ["--department", "教育局"],
            EXIT_USAGE,
            "--department 教育局: no such department; the plan has: functional-departments (",
            "--department 教育局：计划中没有这个部门；计划中有：functional-departments (",
        ),
        (
            ["--station", "西山", "--department", "centre"],
            EXIT_USAGE,
            "--station 西山: no such station; the plan has: ",
            "--station 西山：计划中没有这个工作站",
        ),
        (["--months", "6-3"], EXIT_USAGE, "is not a month range", "不是月份范围"),
        (["--stamp", "2021-01-01"], EXIT_USAGE, "not a time with a zone", "不是带时区的时间"),
        (["--station", "dongya"], EXIT_FAILED, "--station dongya: no activity matches", "没有符合"),
        (
            ["--department", "volunteers", "--months", "12"],
            EXIT_FAILED,
            "--department volunteers --months 12: no activity matches",
            "--department volunteers --months 12：没有符合",
        ),
        (["--split-by", "station"], EXIT_FAILED, "no activity matches", "没有符合"),
    ],
)
def test_bad_requests(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    code: int,
    en: str,
    zh: str,
) -> None:
    for lang, text in (("en", en), ("zh", zh)):
        assert main(["--lang", lang, "ics", PLAN, "-o", str(tmp_path / "x"), *args]) == code
        err = capsys.readouterr().err
        assert text in err
        assert "Traceback" not in err
    assert not (tmp_path / "x").exists()


def test_a_bad_source_date_epoch_is_named_as_the_variable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert main(["ics", PLAN, "-o", str(tmp_path / "x.ics")]) == EXIT_USAGE
    assert capsys.readouterr().err.startswith("commedu ics: SOURCE_DATE_EPOCH yesterday: ")


def test_missing_plan_and_unwritable_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ics", str(tmp_path / "nope.toml")]) == EXIT_USAGE
    assert "nope.toml" in capsys.readouterr().err
    target = tmp_path / "missing-folder" / "x.ics"
    assert main(["--lang", "en", "ics", PLAN, "-o", str(target)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert f"cannot write {target}" in err


def test_invalid_plan_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(Path(PLAN).read_text("utf-8").replace("year = 2021", "year = 1800", 1), "utf-8")
    assert main(["ics", str(bad), "-o", str(tmp_path / "out.ics")]) == EXIT_FAILED
    assert not (tmp_path / "out.ics").exists()


@pytest.mark.parametrize(
    ("environment", "args", "labels"),
    [
        ({"LANG": "en_US.UTF-8"}, [], "zh"),
        ({"COMMEDU_LANG": "en"}, [], "zh"),
        ({"LANG": "zh_CN.UTF-8"}, [], "zh"),
        ({"LANG": "zh_CN.UTF-8"}, ["--lang", "en"], "en"),
        ({"LANG": "en_US.UTF-8"}, ["--lang=zh"], "zh"),
    ],
)
def test_labels_follow_the_plan_unless_lang_is_given(
    jinshan: Plan,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    environment: dict[str, str],
    args: list[str],
    labels: str,
) -> None:
    for name in ("COMMEDU_LANG", "LC_ALL", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    target = tmp_path / "out.ics"
    assert main(["ics", PLAN, "-o", str(target), "--stamp", STAMP, *args]) == EXIT_OK
    stamp = datetime(2021, 1, 1, tzinfo=UTC)
    assert target.read_bytes() == to_ics(jinshan, stamp=stamp, lang=labels)  # type: ignore[arg-type]
    # --lang before the command name is given too
    assert main(["--lang", "en", "ics", PLAN, "-o", str(target), "--stamp", STAMP]) == EXIT_OK
    assert b"community education" in target.read_bytes()
