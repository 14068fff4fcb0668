"""Reading and writing plan files: the examples and round trips."""

from __future__ import annotations

from decimal import Decimal

import pytest

from commedu import Plan, dump_plan, load_plan, loads_plan, parse_when

from .conftest import EXAMPLES


def test_jinshan_toml_is_the_jinshan_plan(jinshan: Plan) -> None:
    assert load_plan(EXAMPLES / "jinshan_2021.toml") == jinshan


def test_jinshan_toml_resolves_aliases_to_one_department(jinshan: Plan) -> None:
    plan = load_plan(EXAMPLES / "jinshan_2021.toml")
    # The 5月 row prints 镇职能部门, an alias of 各职能部门: both rows land on one department.
    may = plan.activity("m05-1").responsible[0]
    january = plan.activity("m01-1").responsible[0]
    assert may is plan.department("functional-departments")
    assert may == january
    assert plan.activity("m07-2").when == parse_when("7-8月", 2021)
    assert plan.commitments.funding_per_resident == Decimal("1")


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_jinshan_round_trips(jinshan: Plan, fmt: str) -> None:
    assert loads_plan(dump_plan(jinshan, fmt), fmt) == jinshan  # type: ignore[arg-type]
