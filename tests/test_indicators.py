"""Indicators as the standards define them: persons (人数) apart from attendances (人次)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu.compliance.actuals import (
    Basis,
    elder_participation,
    example_ledger,
    example_profile,
    reach,
)
from commedu.compliance.builtin import example_plan
from commedu.compliance.engine import check
from commedu.compliance.rule import Actuals, Status
from commedu.datafile.ledger import loads_ledger
from commedu.datafile.ledger_write import dumps_ledger
from commedu.errors import LedgerFileError, PlanError
from commedu.model.ledger import Ledger, Reach
from commedu.report.inspection import inspect
from commedu.report.render import to_html, to_json
from tests.strategies import reaches

PLAN = example_plan()  # 20000 residents; the example ledger holds 12000 attendances
AS_OF = date(2021, 12, 31)


def counted(**counts: int | None) -> Ledger:
    return attrs.evolve(example_ledger(), reach=Reach(**counts))


def test_reach_counts_persons_when_the_ledger_has_a_head_count() -> None:
    # 12000 attendances would be 60 %; 6000 people are 30 %, below the example's 50 % target.
    ledger = counted(persons=6000)
    found = reach(PLAN, Actuals(ledger, AS_OF))
    assert found is not None
    assert (found.value, found.basis) == (Decimal("0.3"), Basis.PERSONS)
    result = check(PLAN, example_profile(), ledger=ledger).result("CE504")
    assert result.status is Status.FAIL
    assert "persons ÷ resident population" in result.message("en")
    assert "30.0%" in result.message("en")
    assert "人数 ÷ 常住人口" in result.message("zh")


def test_without_a_head_count_reach_counts_attendances_and_says_so() -> None:
    found = reach(PLAN, Actuals(example_ledger(), AS_OF))
    assert found is not None
    assert (found.value, found.basis) == (Decimal("0.6"), Basis.ATTENDANCES)
    result = check(PLAN, example_profile(), ledger=example_ledger()).result("CE504")
    assert result.status is Status.PASS
    assert "attendances are used" in result.message("en")
    assert "按人次计算" in result.message("zh")
    # A reach table without persons is no head count either.
    assert reach(PLAN, Actuals(counted(elder_population=5000), AS_OF)) == found


def test_elder_participation_counts_elders_against_the_elder_population() -> None:
    # The records say 40 % of attendances are elders; 900 of 6000 elders take part: 15 %.
    ledger = counted(persons=9000, elders=900, elder_population=6000)
    found = elder_participation(Actuals(ledger, AS_OF))
    assert found is not None
    assert (found.value, found.basis) == (Decimal("0.15"), Basis.PERSONS)
    result = check(PLAN, example_profile(), ledger=ledger).result("CE505")
    assert result.status is Status.FAIL
    assert "elder population" in result.message("en")
    assert "老年人口" in result.message("zh")
    fallback = elder_participation(Actuals(counted(elders=900), AS_OF))
    assert fallback is not None
    assert (fallback.value, fallback.basis) == (Decimal("0.4"), Basis.ATTENDANCES)
    message = check(PLAN, example_profile(), ledger=example_ledger()).result("CE505").message("zh")
    assert "按人次计算" in message


def test_an_elder_population_of_zero_gives_no_rate_by_persons() -> None:
    found = elder_participation(Actuals(counted(elders=0, elder_population=0), AS_OF))
    assert found is not None
    assert found.basis is Basis.ATTENDANCES


@given(reaches(), st.integers(1, 10**6))
def test_a_head_count_decides_reach_whatever_the_records_say(
    counts: Reach, population: int
) -> None:
    plan = attrs.evolve(PLAN, township=attrs.evolve(PLAN.township, resident_population=population))
    found = reach(plan, Actuals(attrs.evolve(example_ledger(), reach=counts), AS_OF))
    assert found is not None
    if counts.persons is None:
        assert found.basis is Basis.ATTENDANCES
        assert found.value == Decimal(12000) / population
    else:
        assert found.basis is Basis.PERSONS
        assert found.value == Decimal(counts.persons) / population


@pytest.mark.parametrize(
    ("counts", "path", "code"),
    [
        ({"persons": 10, "elders": 11}, "elders", "reach-elders-exceed"),
        ({"elders": 11, "elder_population": 10}, "elders", "reach-elders-population"),
        ({"persons": -1}, "persons", "negative"),
        ({"elder_population": -5}, "elder_population", "negative"),
    ],
)
def test_impossible_head_counts_are_refused(counts: dict[str, int], path: str, code: str) -> None:
    with pytest.raises(PlanError) as info:
        Reach(**counts)
    assert [(p.path, p.code) for p in info.value.problems] == [(path, code)]
    assert info.value.problems[0].message("zh") != info.value.problems[0].message("en")


def test_a_wrongly_typed_head_count_is_refused() -> None:
    with pytest.raises(TypeError):
        Reach(persons="many")  # type: ignore[arg-type]


@given(reaches())
def test_head_counts_survive_the_ledger_file(counts: Reach) -> None:
    ledger = attrs.evolve(example_ledger(), reach=counts)
    for fmt in ("toml", "json"):
        assert loads_ledger(dumps_ledger(ledger, fmt), PLAN, fmt).reach == counts


def _ledger_text(reach_table: str) -> str:
    return f'plan_id = "{PLAN.id}"\nyear = 2021\n{reach_table}'


def test_a_ledger_file_reads_its_reach_table() -> None:
    text = _ledger_text("[reach]\npersons = 9000\nelders = 900\nelder_population = 6000\n")
    assert loads_ledger(text, PLAN).reach == Reach(9000, 900, 6000)
    assert loads_ledger(_ledger_text(""), PLAN).reach is None


@pytest.mark.parametrize(
    ("table", "path", "code", "line"),
    [
        ('[reach]\npersons = "many"\n', "reach.persons", "ledger-bad-int", 4),
        ("[reach]\npersons = 10\nelders = 20\n", "reach.elders", "reach-elders-exceed", 5),
        ("[reach]\npeople = 10\n", "reach.people", "unknown-key", 4),
        ('reach = "many"\n', "reach", "wrong-type", 3),
    ],
)
def test_a_bad_reach_table_is_named_with_its_place(
    table: str, path: str, code: str, line: int
) -> None:
    with pytest.raises(LedgerFileError) as info:
        loads_ledger(_ledger_text(table), PLAN)
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == (path, code)
    assert problem.line == line
    assert problem.message("zh") != problem.message("en")


def test_the_inspection_report_says_what_each_rate_counted() -> None:
    report = inspect(PLAN, counted(persons=9000, elders=900, elder_population=6000))
    figures = report.figures
    assert (figures.training_basis, figures.elder_basis) == (Basis.PERSONS, Basis.PERSONS)
    assert (figures.persons, figures.elders_taking_part, figures.elder_population) == (
        9000,
        900,
        6000,
    )
    data = json.loads(to_json(report))["figures"]
    assert data["training_basis"] == "persons"
    assert data["training_rate"] == "0.4500"
    assert data["elder_population"] == 6000
    assert "按人数" in to_html(report, "zh")
    plain = json.loads(to_json(inspect(PLAN, example_ledger())))["figures"]
    assert (plain["training_basis"], plain["persons"]) == ("attendances", None)
    assert "按人次" in to_html(inspect(PLAN, example_ledger()), "zh")
