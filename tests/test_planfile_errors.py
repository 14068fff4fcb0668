"""Bad plan files: every one is refused with exactly the problems a clerk needs to fix it.

``tests/malformed/`` holds the corpus: each ``NAME.toml`` (or ``.json``) beside ``NAME.expected``,
one expected problem a line, ``WHERE CODE | TEXT``: ``WHERE`` is the path to the value, or
``LINE:COLUMN`` for syntax errors, or ``-`` for the file as a whole; ``TEXT``, when given, must
appear in the English message (the bad value, what was expected, the fix).
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from commedu import PlanFileError, Problem, load_plan, loads_plan
from commedu._messages import LANGS
from commedu.datafile.plan import MAX_BYTES

CORPUS = Path(__file__).parent / "malformed"
CASES = sorted(p for p in CORPUS.iterdir() if p.suffix != ".expected")


def _where(problem: Problem) -> str:
    """``path@line:column``, ``line:column`` (a syntax error) or ``path`` (no place in the text)."""
    place = None if problem.line is None else f"{problem.line}:{problem.column}"
    if problem.path and place:
        return f"{problem.path}@{place}"
    return problem.path or place or "-"


def _expected(case: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in case.with_suffix(".expected").read_text(encoding="utf-8").splitlines():
        head, _, text = line.partition(" | ")
        where, code = head.split()
        rows.append((where, code, text))
    return rows


def test_the_corpus_has_at_least_thirty_files() -> None:
    assert len(CASES) >= 30
    assert all(case.with_suffix(".expected").is_file() for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_each_malformed_file_reports_exactly_its_problems(case: Path) -> None:
    with pytest.raises(PlanFileError) as info:
        load_plan(case)
    error = info.value
    assert error.source == str(case)
    assert not error.unreadable
    expected = _expected(case)
    assert sorted((_where(p), p.code) for p in error.problems) == sorted(
        (where, code) for where, code, _ in expected
    )
    for where, code, text in expected:
        (problem,) = [p for p in error.problems if (_where(p), p.code) == (where, code)]
        assert text in problem.message("en")
        for lang in LANGS:
            assert problem.describe(lang).strip()


def test_a_folder_is_unreadable_not_invalid(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError) as info:
        load_plan(tmp_path)
    assert info.value.unreadable
    assert [p.code for p in info.value.problems] == ["is-a-directory"]
    assert str(tmp_path) in info.value.describe("zh")


def test_a_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError) as info:
        load_plan(tmp_path / "没有.toml")
    assert info.value.unreadable
    assert [p.code for p in info.value.problems] == ["no-such-file"]


def test_a_file_over_ten_mebibytes_is_refused_without_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    # Valid TOML throughout, so only the size can be the reason.
    big.write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    with pytest.raises(PlanFileError) as info:
        load_plan(big)
    (problem,) = info.value.problems
    assert problem.code == "too-large"
    assert problem.params["limit"] == 10 * 1024 * 1024
    assert not info.value.unreadable


def test_a_file_just_under_the_limit_is_read(tmp_path: Path) -> None:
    plan = (CORPUS.parent.parent / "examples" / "jinshan_2021.toml").read_bytes()
    padded = tmp_path / "padded.toml"
    padded.write_bytes(plan + b"#" * (MAX_BYTES - len(plan) - 1) + b"\n")
    assert load_plan(padded).id == "jinshan-2021"


def test_the_error_survives_pickling() -> None:
    with pytest.raises(PlanFileError) as info:
        load_plan(CORPUS / "many-problems.toml")
    again = pickle.loads(pickle.dumps(info.value))
    assert again.problems == info.value.problems
    assert again.source == info.value.source


def test_problems_are_in_reading_order_whatever_the_keys_are_named() -> None:
    # "²" counts as a digit for str.isdigit but not for int(); found by the fuzzer.
    text = 'id = "x-2021"\nyear = 2021\ntitle = "t"\n"²" = 1\n"a10" = 1\n"a2" = 1\n'
    text += '[township]\nname = "镇"\nprovince = "省"\ndistrict = ""\ncity = ""\n'
    with pytest.raises(PlanFileError) as info:
        loads_plan(text)
    assert [p.path for p in info.value.problems] == ["²", "a10", "a2"]


def test_problems_carry_the_bad_value_and_the_suggested_fix_as_data() -> None:
    with pytest.raises(PlanFileError) as info:
        load_plan(CORPUS / "keys-and-references-together.toml")
    by_path = {p.path: p for p in info.value.problems}
    department = by_path["schedule.activities[0].responsible[0]"]
    assert (department.value, department.suggestion) == ("社区教育中", "社区教育中心")
    key = by_path["schedule.activities[1].responsable"]
    assert (key.value, key.suggestion) == ("responsable", "responsible")
    station = by_path["schedule.activities[0].station"]
    assert (station.value, station.suggestion) == ("东崖站", None)
