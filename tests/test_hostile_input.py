"""Input that once crashed the library, and now gets a clear problem or a correct judgement."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu import (
    Department,
    Plan,
    PlanError,
    PlanFileError,
    ProfileError,
    Resources,
    Status,
    check,
    dumps_plan,
    load_plan,
    load_profile,
    loads_plan,
    loads_profile,
    parse_when,
)
from commedu.cli import main
from commedu.compliance.examples import example_plan

from .conftest import EXAMPLES

JINSHAN_TOML = (EXAMPLES / "jinshan_2021.toml").read_text("utf-8")
SHANDONG = Path(__file__).resolve().parents[1] / "src/commedu/profiles/shandong-township.toml"


def _funded(budget: str, population: int) -> Plan:
    plan = example_plan()
    return attrs.evolve(
        plan,
        township=attrs.evolve(plan.township, resident_population=population),
        resources=Resources(2, 2, budget),
    )


def _status(plan: Plan, code: str, profile: object = "shandong-township") -> Status:
    (result,) = check(plan, profile, select=[code]).results  # type: ignore[arg-type]
    return result.status


# -- money: huge figures are refused where they enter, and in range they are judged exactly --------


@pytest.mark.parametrize("budget", ["1e30", "1e13", "0.00001", "1e999999"])
def test_a_budget_out_of_range_is_a_plan_problem(budget: str) -> None:
    text = JINSHAN_TOML.replace(
        "[commitments]", f'[resources]\nbudget = "{budget}"\n\n[commitments]'
    )
    with pytest.raises(PlanFileError) as caught:
        loads_plan(text)
    (problem,) = caught.value.problems
    assert problem.path == "resources.budget"
    assert problem.code == "money-out-of-range"
    assert "1000000000000" in problem.message("en")
    assert "元" in problem.message("zh")


def test_a_budget_out_of_range_is_refused_in_python_too() -> None:
    with pytest.raises(PlanError) as caught:
        Resources(budget=Decimal("1e30"))
    assert [(p.path, p.code) for p in caught.value.problems] == [("budget", "money-out-of-range")]


@pytest.mark.parametrize("figure", ["1e999999", "1e30", '"1e40"'])
def test_a_profile_figure_out_of_range_is_a_profile_problem(tmp_path: Path, figure: str) -> None:
    path = tmp_path / "huge.toml"
    path.write_text(
        SHANDONG.read_text("utf-8").replace("per_resident = 1\n", f"per_resident = {figure}\n"),
        "utf-8",
    )
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert [p.path for p in caught.value.problems] == ["funding.per_resident"]


def test_the_largest_budget_is_judged_without_error() -> None:
    assert _status(_funded("1000000000000", 1), "CE213") is Status.PASS
    assert _status(_funded("0.0001", 10**9), "CE213") is Status.FAIL


@pytest.mark.parametrize(
    ("per_resident", "budget", "population", "expected"),
    [
        # judged on the exact figures, not on the per-resident amount the report rounds to the fen
        ("1.0001", "300030000.0000", 300_000_000, Status.PASS),
        ("1.0001", "300029999.9999", 300_000_000, Status.FAIL),
        ("1.0001", "3.0003", 3, Status.PASS),
        ("1.0001", "3.0002", 3, Status.FAIL),
    ],
)
def test_funding_is_judged_exactly(
    tmp_path: Path, per_resident: str, budget: str, population: int, expected: Status
) -> None:
    path = tmp_path / "exact.toml"
    path.write_text(
        SHANDONG.read_text("utf-8").replace(
            "per_resident = 1\n", f"per_resident = {per_resident}\n"
        ),
        "utf-8",
    )
    assert _status(_funded(budget, population), "CE213", load_profile(path)) is expected


def test_a_plan_error_is_still_a_plan_error() -> None:
    with pytest.raises(PlanError):
        Resources(full_time_staff=-1)


# -- lone surrogates: refused where they enter, with every place named ----------------------------


def _jinshan_json() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(dumps_plan(loads_plan(JINSHAN_TOML), "json"))
    return data


def test_lone_surrogates_in_json_are_all_reported_at_load() -> None:
    data = _jinshan_json()
    data["title"] += "\ud800"
    data["departments"][0]["name"] = "x\udfff"
    data["schedule"]["activities"][3]["description"] = "\udbff"
    data["schedule"]["activities"][4]["\ud801"] = 1
    with pytest.raises(PlanFileError) as caught:
        loads_plan(json.dumps(data, ensure_ascii=True), "json")
    problems = caught.value.problems
    assert [(p.path, p.code) for p in problems] == [
        ("title", "lone-surrogate"),
        ("departments[0].name", "lone-surrogate"),
        ("schedule.activities[3].description", "lone-surrogate"),
        ("schedule.activities[4]", "lone-surrogate"),
    ]
    assert "\\ud800" in problems[0].message("en")
    assert "代理码" in problems[0].message("zh")


def test_a_surrogate_pair_is_one_character_and_welcome() -> None:
    data = _jinshan_json()
    data["title"] += "\ud83d\ude00"  # json.dumps writes 😀 as this pair
    plan = loads_plan(json.dumps(data, ensure_ascii=True), "json")
    assert plan.title.endswith("😀")


@given(st.text(min_size=1).map(lambda s: s + "\ud800"))
def test_any_text_with_a_lone_surrogate_is_refused_by_the_model(text: str) -> None:
    with pytest.raises(PlanError) as caught:
        Department("d1", text)
    assert [(p.path, p.code) for p in caught.value.problems] == [("name", "lone-surrogate")]


def test_a_lone_surrogate_in_a_list_of_texts_names_its_index() -> None:
    with pytest.raises(PlanError) as caught:
        Department("d1", "镇妇联", aliases=("妇联", "\udc80"))
    assert [p.path for p in caught.value.problems] == ["aliases[1]"]


# -- durations that would overflow a date ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["2021-03-08T14:30/PT99999999H", "2021-03-08T14:30/P9999999999999D", "2021-03-08T14:30/P367D"],
)
def test_a_session_longer_than_a_year_is_a_clear_problem(text: str) -> None:
    with pytest.raises(PlanError) as caught:
        parse_when(text, 2021)
    (problem,) = caught.value.problems
    assert problem.code == "duration-too-long"
    assert text.partition("/")[2] in problem.message("en")


def test_a_session_of_a_whole_year_is_allowed() -> None:
    assert parse_when("2021-01-01T00:00/P365D", 2021).span.last.isoformat() == "2021-12-31"


def test_an_overflowing_duration_in_a_plan_file_names_the_activity() -> None:
    text = JINSHAN_TOML.replace('when = "3月"', 'when = "2021-03-08T14:30/PT99999999H"', 1)
    with pytest.raises(PlanFileError) as caught:
        loads_plan(text)
    (problem,) = caught.value.problems
    assert problem.path.startswith("schedule.activities[")
    assert problem.path.endswith("].when")


# -- TOML that would take gigabytes to parse ------------------------------------------------------


def test_a_key_of_thirty_thousand_parts_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bomb.toml"
    path.write_text('id = "x"\n' + "a" + ".a" * 30_000 + " = 1\n", "utf-8")
    with pytest.raises(PlanFileError) as caught:
        load_plan(path)
    (problem,) = caught.value.problems
    assert (problem.code, problem.line, problem.column) == ("key-too-deep", 2, 64)


def test_a_deep_profile_key_is_refused() -> None:
    with pytest.raises(ProfileError) as caught:
        loads_profile("[" + ".".join(["a"] * 40) + "]\n")
    assert [p.code for p in caught.value.problems] == ["key-too-deep"]


@pytest.mark.skipif(sys.platform != "linux", reason="address-space limits are set the Linux way")
def test_the_key_bomb_is_refused_within_bounded_memory(tmp_path: Path) -> None:
    """100,000 levels once took tomllib past 19 GB; under a 1 GiB cap it must simply be refused."""
    path = tmp_path / "bomb.toml"
    path.write_text("a" + ".a" * 100_000 + " = 1\n", "utf-8")
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from commedu.cli import main\n"
        "sys.exit(main(['validate', sys.argv[1]]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1, done.stderr
    assert "32" in done.stdout
    assert "Traceback" not in done.stderr


# -- bytes that are not UTF-8 on the command line -------------------------------------------------


def _commedu(
    *args: str | bytes, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "commedu", *args],
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict", **(env or {})},
    )


@pytest.mark.skipif(os.name != "posix", reason="POSIX arguments are bytes")
def test_a_text_argument_that_is_not_utf8_names_the_option(tmp_path: Path) -> None:
    done = _commedu("init", "--township", b"\xff", "--year", "2021", "-o", str(tmp_path / "x.toml"))
    assert done.returncode == 2
    assert b"--township" in done.stderr
    assert b"b'\\xff'" in done.stderr
    assert b"Traceback" not in done.stderr
    assert not (tmp_path / "x.toml").exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
def test_a_file_name_that_is_not_utf8_is_read_and_printed_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(b"\xfe\xff-plan.toml")
    (tmp_path / name).write_text(JINSHAN_TOML, "utf-8")
    for args in (["validate", name], ["check", name, "--format", "json"]):
        done = subprocess.run(
            [sys.executable, "-m", "commedu", *args],
            capture_output=True,
            timeout=120,
            cwd=tmp_path,
            env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
        )
        assert b"Traceback" not in done.stderr, done.stderr
        assert done.returncode in (0, 1)
    validated = subprocess.run(
        [sys.executable, "-m", "commedu", "validate", name],
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
    )
    assert validated.stdout.startswith(b"\\udcfe\\udcff-plan.toml: ")


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["init", "--township", "\udcff", "--year", "2021", "-o", "x.toml"], "--township"),
        (["ics", str(EXAMPLES / "jinshan_2021.toml"), "--department", "\udcfe"], "--department"),
        (["rules", "CE\udcff"], "CODE"),
    ],
)
def test_undecodable_text_arguments_are_refused_in_either_language(
    args: list[str],
    option: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--lang", "en", *args]) == 2
    assert f"argument {option}: b'" in capsys.readouterr().err
    assert main(["--lang", "zh", *args]) == 2
    assert f"参数 {option}：b'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
