"""``-o -`` means standard output for every command that writes text, with the same bytes as a file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from commedu.cli import main

from .conftest import EXAMPLES

PLAN = str(EXAMPLES / "jinshan_2021.toml")
LEDGER = str(EXAMPLES / "jinshan_2021_ledger.toml")
SOURCE = str(EXAMPLES / "jinshan_2021_source.txt")
STAMP = ["--stamp", "2021-01-01T00:00:00+08:00"]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    district = tmp_path / "district"
    district.mkdir()
    (district / "jinshan.toml").write_bytes(Path(PLAN).read_bytes())
    (district / "jinshan.ledger.toml").write_bytes(Path(LEDGER).read_bytes())
    return tmp_path


#: (arguments before -o, the file -o FILE would write, the exit code)
TEXT_OUTPUTS = [
    (["ics", PLAN, *STAMP], "cal.ics", 0),
    (["ics", PLAN, *STAMP, "--component", "todo"], "todo.ics", 0),
    (["html", PLAN, "--ledger", LEDGER], "page.html", 0),
    (["check", PLAN], "report.txt", 1),
    (["check", PLAN, "--format", "json", "--ledger", LEDGER], "report.json", 1),
    (["check", PLAN, "--format", "markdown"], "report.md", 1),
    (["report", PLAN, LEDGER], "inspection.html", 0),
    (["report", PLAN, LEDGER, "--format", "json"], "inspection.json", 0),
    (["report", "--district", "district"], "district.html", 0),
    (["report", "--district", "district", "--format", "json"], "district.json", 0),
    (["ledger", "init", PLAN, "--format", "csv"], "ledger.csv", 0),
    (["ledger", "init", PLAN, "--format", "toml"], "ledger.toml", 0),
    (["ledger", "init", PLAN, "--format", "json"], "ledger.json", 0),
    (["init", "--township", "青石镇", "--year", "2024"], "plan.toml", 0),
    (["import", SOURCE], "draft.toml", 0),
]


@pytest.mark.parametrize(
    ("args", "file", "code"), TEXT_OUTPUTS, ids=[f"{a[0]}-{f}" for a, f, _ in TEXT_OUTPUTS]
)
def test_dash_writes_to_standard_output_what_a_file_would_hold(
    here: Path, args: list[str], file: str, code: int, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["--lang", "en", *args, "-o", file]) == code
    capsysbinary.readouterr()
    written = (here / file).read_bytes()
    assert main(["--lang", "en", *args, "-o", "-"]) == code
    out, err = capsysbinary.readouterr()
    assert out == written
    assert not (here / "-").exists()
    assert b"Traceback" not in err
    assert sorted(p.name for p in here.iterdir()) == sorted({"district", file})


@pytest.mark.parametrize(
    ("args", "example"),
    [
        (["report", PLAN, LEDGER, "--format", "docx", "-o", "-"], "report.docx"),
        (["report", "--district", "district", "--format", "docx", "-o", "-"], "report.docx"),
        (["report", PLAN, LEDGER, "--format", "docx"], "report.docx"),
        (["ledger", "init", PLAN, "--format", "xlsx", "-o", "-"], "ledger.xlsx"),
    ],
)
def test_a_binary_format_refuses_dash_in_one_sentence(
    here: Path, args: list[str], example: str, capsys: pytest.CaptureFixture[str]
) -> None:
    suffix = Path(example).suffix
    assert main(["--lang", "en", *args]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"commedu {args[0]}: a {suffix} file is not text and cannot go to standard output"
        f" (-o -); give a file name, such as -o {example}\n"
    )
    assert main(["--lang", "zh", *args]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"commedu {args[0]}: {suffix} 文件不是文本，不能输出到标准输出（-o -）；"
        f"请给出文件名，例如 -o {example}\n"
    )
    # no English beyond the program, the option and the file names
    said = err.replace(f"commedu {args[0]}", "").replace(example, "").replace(suffix, "")
    assert not re.search(r"[A-Za-z]{2,}", said)
    assert sorted(p.name for p in here.iterdir()) == ["district"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_ledgers_next_step_names_the_file_never_dash(
    here: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", lang, "ledger", "init", PLAN, "-o", "ledger.xlsx"]) == 0
    out, _ = capsys.readouterr()
    assert f"commedu report {PLAN} ledger.xlsx" in out
    assert main(["--lang", lang, "ledger", "init", PLAN, "-o", "-", "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert "commedu report" not in out + err
    assert out.splitlines()[0].lstrip("\ufeff").split(",")[0]  # the CSV's header, nothing else


def test_a_ledger_format_given_wins_over_the_extension(here: Path) -> None:
    assert main(["ledger", "init", PLAN, "-o", "ledger.txt", "--format", "json"]) == 0
    assert (here / "ledger.txt").read_text("utf-8").lstrip().startswith("{")
    assert main(["ledger", "init", PLAN, "-o", "plain"]) == 0  # no extension: TOML
    assert 'plan_id = "jinshan-2021"' in (here / "plain").read_text("utf-8")


def test_check_writes_its_report_to_a_file_plain_and_says_so(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "zh", "--color", "always", "check", PLAN, "-o", "r.txt"]) == 1
    out, _ = capsys.readouterr()
    assert out == "已写入 r.txt\n"
    text = (here / "r.txt").read_text("utf-8")
    assert "\x1b[" not in text  # a file is never coloured
    assert "CE303" in text
    assert main(["--lang", "en", "check", PLAN, "-o", "missing/r.txt"]) == 2
    assert "missing/r.txt" in capsys.readouterr().err


def test_import_to_standard_output_says_what_to_check_on_standard_error(
    here: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["--lang", "en", "import", SOURCE, "-o", "-"]) == 0
    out, err = capsysbinary.readouterr()
    assert out.startswith(b"#")
    assert "请核对".encode() in out
    assert err.count(b"\n") >= 1  # the notes
    assert b"wrote" not in out + err


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_split_calendars_need_a_folder_not_dash(
    here: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", lang, "ics", PLAN, "--split-by", "department", "-o", "-"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("commedu ics: --split-by ")
    assert err.count("\n") == 1
    assert sorted(p.name for p in here.iterdir()) == ["district"]


def test_a_stream_without_bytes_gets_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Some programs that embed the command line hand it a text-only standard output."""
    import io

    from commedu.cli._streams import write_stdout

    text = io.StringIO()
    monkeypatch.setattr("sys.stdout", text)
    write_stdout("日程\r\n".encode())
    assert text.getvalue() == "日程\r\n"
