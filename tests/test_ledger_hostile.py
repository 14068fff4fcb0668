"""Ledger files get the plan reader's hardening: the same guards, the same places, our errors only."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from commedu.compliance.actuals import example_ledger
from commedu.compliance.builtin import example_plan
from commedu.datafile.ledger import ledger_from_bytes, load_ledger, loads_ledger
from commedu.datafile.ledger_write import dumps_ledger
from commedu.errors import LedgerFileError

PLAN = example_plan()
HEAD = 'plan_id = "example-2021"\nyear = 2021\n'


def refused(text: str | bytes, fmt: str = "toml") -> LedgerFileError:
    with pytest.raises(LedgerFileError) as caught:
        loads_ledger(text, PLAN, fmt)
    return caught.value


def test_a_long_dotted_key_is_refused_before_it_is_parsed() -> None:
    error = refused(HEAD + ".".join(["a"] * 8000) + " = 1\n")
    assert [p.code for p in error.problems] == ["key-too-deep"]
    assert error.problems[0].line == 3


@pytest.mark.parametrize("depth", [60, 100_000])
def test_deep_json_nesting_is_a_ledger_error_not_a_crash(depth: int) -> None:
    error = refused('{"records": ' + "[" * depth + "]" * depth + "}", "json")
    assert [p.code for p in error.problems] == ["too-deep"]


@pytest.mark.parametrize(
    ("text", "fmt", "code", "line", "column"),
    [
        (HEAD + "note = \n", "toml", "toml-syntax", 3, 8),
        ('{\n"plan_id": "example-2021",\n"year" 2021}', "json", "json-syntax", 3, 8),
    ],
)
def test_syntax_errors_keep_their_place_and_chinese_reason(
    text: str, fmt: str, code: str, line: int, column: int
) -> None:
    problem = refused(text, fmt).problems[0]
    assert (problem.code, problem.line, problem.column) == (code, line, column)
    assert problem.params["reason_zh"] != problem.params["reason"]
    assert "TOML" in problem.message("zh") or "JSON" in problem.message("zh")


def test_a_bad_value_is_placed_on_its_line() -> None:
    text = dumps_ledger(example_ledger(), "toml").replace(
        "participants = 1000", "participants = -1", 1
    )
    error = refused(text)
    (problem,) = error.problems
    assert problem.path == "records[0].participants"
    assert text.splitlines()[problem.line - 1].startswith("participants = -1")  # type: ignore[operator]


def test_a_duplicate_json_key_is_refused() -> None:
    error = refused('{"plan_id": "example-2021", "plan_id": "x", "year": 2021}', "json")
    assert [p.code for p in error.problems] == ["duplicate-key"]


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_huge_numbers_are_bad_cells(fmt: str) -> None:
    # Decimal would overflow comparing or converting 1e999999999; it must stay a bad cell.
    text = (
        HEAD
        + '[[records]]\nid = "r"\ntitle = "t"\ndates = ["2021-01-01"]\nparticipants = 1e999999999\n'
        if fmt == "toml"
        else '{"plan_id": "example-2021", "year": 2021, "records": [{"id": "r", "title": "t",'
        ' "dates": ["2021-01-01"], "participants": 1e999999999}]}'
    )
    error = refused(text, fmt)
    assert [p.code for p in error.problems] == ["ledger-bad-count"]


@pytest.mark.parametrize(
    ("data", "suffix", "code"),
    [
        ("记录".encode("gbk"), ".toml", "not-utf8-gbk"),
        (b"\xef\xbb\xbf" + HEAD.encode(), ".toml", "bom"),
        (b"\xef\xbb\xbf" + HEAD.encode(), ".json", "bom"),
        (b"\xff\xfe" + HEAD.encode("utf-16-le"), ".csv", "utf16"),
        (b"\x80\x81 = 1", ".toml", "not-utf8"),
    ],
)
def test_bytes_that_are_not_plain_utf8_are_named(data: bytes, suffix: str, code: str) -> None:
    with pytest.raises(LedgerFileError) as caught:
        ledger_from_bytes(data, suffix, PLAN, "l" + suffix)
    assert [p.code for p in caught.value.problems] == [code]
    assert caught.value.source == "l" + suffix


def test_a_csv_from_excel_may_start_with_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_text(dumps_ledger(example_ledger(), "csv"), "utf-8-sig")
    assert load_ledger(path, PLAN).records == example_ledger().records


def test_a_missing_ledger_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(LedgerFileError) as caught:
        load_ledger(tmp_path / "nope.toml", PLAN)
    assert caught.value.unreadable
    assert [p.code for p in caught.value.problems] == ["no-such-file"]


@given(st.text(max_size=300), st.sampled_from(["toml", "json", "csv"]))
@example("\r0", "csv")  # a bare carriage return once stopped the CSV reader with csv.Error
@example("\x00", "csv")
def test_any_text_gives_a_ledger_or_a_ledger_error(text: str, fmt: str) -> None:
    try:
        loads_ledger(text, PLAN, fmt)
    except LedgerFileError as error:
        assert error.problems  # noqa: PT017 - the property is that nothing else is raised


@pytest.mark.parametrize("amount", ["1e999999999", "-1e999999999", "nan", "inf"])
def test_huge_or_odd_amounts_are_bad_money(amount: str) -> None:
    text = HEAD + f'[[expenses]]\non = "2021-01-01"\namount = {amount}\npurpose = "讲师课酬"\n'
    error = refused(text)
    assert [p.code for p in error.problems] == ["bad-money"]
    assert error.problems[0].line == 5


@given(st.binary(max_size=300), st.sampled_from([".toml", ".json", ".csv", ".xlsx", ".txt"]))
def test_any_bytes_give_a_ledger_or_a_ledger_error(data: bytes, suffix: str) -> None:
    try:
        ledger_from_bytes(data, suffix, PLAN, "l" + suffix)
    except LedgerFileError as error:
        assert error.source == "l" + suffix  # noqa: PT017 - nothing else may be raised


@pytest.mark.parametrize(
    ("edit", "path", "code", "suggestion"),
    [
        (
            ('organiser = "centre"', 'organizer = "centre"'),
            "records[0].organizer",
            "unknown-key-close",
            "organiser",
        ),
        (("[staff]", "[staff]\nboss = 2"), "staff.boss", "unknown-key", None),
        (("year = 2021", 'year = 2021\nnotes = "x"'), "notes", "unknown-key-close", "note"),
    ],
)
def test_an_unknown_key_is_refused_with_a_did_you_mean_and_its_line(
    edit: tuple[str, str], path: str, code: str, suggestion: str | None
) -> None:
    text = dumps_ledger(example_ledger(), "toml").replace(*edit, 1)
    problems = refused(text).problems
    assert [(p.path, p.code, p.suggestion) for p in problems] == [(path, code, suggestion)]
    line = text.splitlines()[problems[0].line - 1]  # type: ignore[operator]
    assert line.startswith(path.rpartition(".")[2])
