"""Profiles get the plan reader's hardening: the same chain, a place for every problem, our errors only."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu.datafile.profile import BUILTIN_PROFILES, load_profile, loads_profile
from commedu.errors import ProfileError

MINIMAL = """schema = 1
name = "mine"
applies_to = "township"
title = { en = "Mine", zh = "我的" }
scope = { en = "Towns", zh = "镇" }
source = { title = "县文件" }
"""


def refused(text: str | bytes) -> ProfileError:
    with pytest.raises(ProfileError) as caught:
        loads_profile(text, source="county.toml")
    assert caught.value.source == "county.toml"
    return caught.value


@pytest.mark.parametrize(
    ("extra", "path", "line"),
    [
        ("[staffing]\nfull_time = -1\n", "staffing.full_time", 8),
        ("[staffing]\nfull_tme = 2\n", "staffing.full_tme", 8),
        ('[events.week]\nkeywords = [["周"]]\nmonths = [1, 13]\n', "events.week.months[1]", 9),
        ("[effective]\nce403 = 2020-11-15\n", "effective.ce403", 8),
        (
            '[targets.rate]\nwhat = "培训率"\ncomparator = "~"\nvalue = 50\n',
            "targets.rate.comparator",
            9,
        ),
    ],
)
def test_every_problem_has_its_line_and_column(extra: str, path: str, line: int) -> None:
    (problem,) = refused(MINIMAL + extra).problems
    assert (problem.path, problem.line) == (path, line)
    assert problem.column is not None
    assert f"第 {line} 行" in problem.describe("zh")


def test_a_misspelt_key_gets_a_did_you_mean() -> None:
    (problem,) = refused(MINIMAL + "[funding]\nper_resdent = 1\n").problems
    assert (problem.code, problem.suggestion) == ("unknown-key-close", "per_resident")


def test_a_target_the_model_refuses_is_placed_at_its_table() -> None:
    extra = '[targets.rate]\nwhat = "培训率"\ncomparator = ">="\nvalue = 150\n'
    problems = refused(MINIMAL + extra).problems
    assert [p.path for p in problems] == ["targets.rate.value"]
    assert problems[0].line == 10


def test_a_long_dotted_key_is_refused_before_it_is_parsed() -> None:
    (problem,) = refused(MINIMAL + ".".join(["a"] * 8000) + " = 1\n").problems
    assert (problem.code, problem.line) == ("key-too-deep", 7)


@pytest.mark.parametrize("depth", [60, 5000])
def test_deep_nesting_is_a_profile_error(depth: int) -> None:
    (problem,) = refused(MINIMAL + "x = " + "[" * depth + "]" * depth + "\n").problems
    assert problem.code == "too-deep"


def test_a_key_written_twice_is_a_syntax_error_with_its_place() -> None:
    (problem,) = refused(MINIMAL + 'name = "again"\n').problems
    assert (problem.code, problem.line) == ("toml-syntax", 7)


@pytest.mark.parametrize("number", ["1e999999999", "-1e999999999", "inf", "nan", "1e-999999999"])
def test_huge_and_odd_numbers_are_refused_as_values(number: str) -> None:
    (problem,) = refused(MINIMAL + f"[funding]\nper_resident = {number}\n").problems
    assert (problem.path, problem.code) == ("funding.per_resident", "profile-type")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ("name = '山东'".encode("gbk"), "not-utf8-gbk"),
        (b"\xef\xbb\xbf" + MINIMAL.encode(), "bom"),
        (b"\xff\xfe" + MINIMAL.encode("utf-16-le"), "utf16"),
        (b"name = '\xff'", "not-utf8"),
    ],
)
def test_bytes_that_are_not_plain_utf8_are_named(data: bytes, code: str) -> None:
    assert [p.code for p in refused(data).problems] == [code]


def test_a_profile_file_is_read_through_the_same_chain(tmp_path: Path) -> None:
    path = tmp_path / "county.toml"
    path.write_bytes(MINIMAL.encode())
    assert load_profile(path).name == "mine"
    assert loads_profile(MINIMAL.encode()) == load_profile(path)
    with pytest.raises(ProfileError) as caught:
        load_profile(tmp_path)  # a folder, even if named like a file
    assert caught.value.problems[0].code == "profile-unknown"


@pytest.mark.parametrize("name", BUILTIN_PROFILES)
def test_built_in_profiles_still_load(name: str) -> None:
    assert load_profile(name).name == name


@given(st.text(max_size=300))
def test_any_text_gives_a_profile_or_a_profile_error(text: str) -> None:
    try:
        loads_profile(text)
    except ProfileError as error:
        assert error.problems  # noqa: PT017 - the property is that nothing else is raised


@given(st.text(max_size=40))
def test_any_value_of_a_known_key_gives_a_profile_or_a_profile_error(value: str) -> None:
    try:
        loads_profile(MINIMAL + f"[staffing]\nfull_time = {value}\n")
    except ProfileError as error:
        assert error.problems  # noqa: PT017 - the property is that nothing else is raised


@pytest.mark.parametrize(
    ("extra", "path", "code"),
    [
        ('events = "年终督导"\n', "events", "wrong-type"),
        ("effective = 2020\n", "effective", "wrong-type"),
        ("[effective]\nCE403 = 2020-11-15T08:00:00\n", "effective.CE403", "wrong-type"),
        ('[ledger]\nevidence = "签到表"\n', "ledger.evidence", "wrong-type"),
        ("[ledger]\ntraining_rate = -0.5\n", "ledger.training_rate", "profile-type"),
        ('applies_to_ = "township"\n', "applies_to_", "unknown-key-close"),
    ],
)
def test_tables_lists_and_values_of_the_wrong_kind(extra: str, path: str, code: str) -> None:
    problems = refused(MINIMAL + extra).problems
    assert [(p.path, p.code) for p in problems] == [(path, code)]
    assert problems[0].line is not None
