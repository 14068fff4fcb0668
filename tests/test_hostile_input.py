"""Input that once crashed the library, and now gets a clear problem or a correct judgement."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from commedu import (
    Plan,
    PlanError,
    PlanFileError,
    ProfileError,
    Resources,
    Status,
    check,
    load_profile,
    loads_plan,
)
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
    with pytest.raises(ValueError, match="out of range"):
        Resources(budget=Decimal("1e30"))


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
