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
from commedu.compliance.report import said
from commedu.compliance.rule import Actuals, Status
from commedu.datafile.ledger import loads_ledger
from commedu.datafile.ledger_write import dumps_ledger
from commedu.datafile.profile import dumps_profile, load_profile, loads_profile
from commedu.errors import LedgerFileError, PlanError, ProfileError
from commedu.model.ledger import Ledger, Reach
from commedu.model.plan import Plan
from commedu.model.targets import Comparator, Target
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
    (finding,) = result.findings
    assert finding.path == "reach.persons"  # where the figure came from
    assert "全年服务人数" in said(finding.path, "zh")


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
        ('[reach]\npersons = "many"\n', "reach.persons", "ledger-bad-count", 4),
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


# -- a target per so many residents, with a floor ------------------------------------------------

STAFF = Target(
    "full-time-staff", "专职管理人员", Comparator.AT_LEAST, Decimal("1.5"), "人", per=10000, floor=5
)


@pytest.mark.parametrize(
    ("population", "limit"),
    [(10000, Decimal(5)), (42000, Decimal("6.3")), (100000, Decimal(15)), (None, None)],
)
def test_a_ratio_binds_as_its_figure_for_the_population_and_never_below_its_floor(
    population: int | None, limit: Decimal | None
) -> None:
    assert STAFF.limit(population) == limit
    assert Target("x", "y", Comparator.AT_LEAST, 30, "台").limit(population) == 30


@given(st.integers(0, 10**7))
def test_a_ratio_is_never_below_its_floor_and_grows_with_the_population(population: int) -> None:
    limit = STAFF.limit(population)
    assert limit is not None
    assert limit >= 5
    assert limit == max(Decimal("1.5") * population / 10000, Decimal(5))
    bigger = STAFF.limit(population + 10000)
    assert bigger is not None
    assert bigger >= limit


def test_a_ratio_says_its_base_and_floor_in_both_languages() -> None:
    assert STAFF.describe("zh") == "专职管理人员每10000名常住人口不低于1.5人，且不少于5人"
    assert STAFF.describe("en") == (
        "专职管理人员 at least 1.5 人 per 10000 residents, and never fewer than 5 人"
    )


@pytest.mark.parametrize(
    ("changes", "path", "code"),
    [
        ({"per": 0}, "per", "not-positive"),
        ({"unit": "%"}, "per", "target-ratio-percent"),
        ({"per": None}, "floor", "target-floor-without-ratio"),
        ({"floor": Decimal(-1)}, "floor", "negative"),
    ],
)
def test_a_ratio_that_cannot_bind_is_refused(
    changes: dict[str, object], path: str, code: str
) -> None:
    fields = {"per": 10000, "floor": Decimal(5), "unit": "人", **changes}
    with pytest.raises(PlanError) as info:
        Target("full-time-staff", "专职管理人员", Comparator.AT_LEAST, Decimal("1.5"), **fields)  # type: ignore[arg-type]
    assert (path, code) in [(p.path, p.code) for p in info.value.problems]


def _staffed(population: int | None, staff: int) -> Plan:
    township = attrs.evolve(PLAN.township, resident_population=population)
    mine = Target("full-time-staff", "专职管理人员", Comparator.AT_LEAST, staff, "人")
    return attrs.evolve(PLAN, township=township, targets=(mine,))


@pytest.mark.parametrize(
    ("population", "staff", "status"),
    [
        (10000, 5, Status.PASS),  # the floor binds
        (10000, 4, Status.FAIL),
        (42000, 6, Status.FAIL),  # 6.3 needed
        (42000, 7, Status.PASS),
    ],
)
def test_ce220_reads_a_ratio_for_the_plans_population(
    population: int, staff: int, status: Status
) -> None:
    result = check(_staffed(population, staff), "qingdao-centre-2017", select=["CE220"]).result(
        "CE220"
    )
    if status is Status.FAIL:
        assert result.status is Status.FAIL
        assert "每10000名常住人口" in result.message("zh")
    else:
        # the centre's floor area, computers and books are not in this plan
        assert result.status is Status.NOT_EVALUABLE
        assert "targets.full-time-staff" not in result.missing


def test_ce220_needs_the_population_for_a_ratio() -> None:
    result = check(_staffed(None, 9), "qingdao-centre-2017", select=["CE220"]).result("CE220")
    assert "township.resident_population" in result.missing


# -- the shipped profiles ------------------------------------------------------------------------


def test_the_demonstration_standard_ships_its_checkable_figures_with_their_sources() -> None:
    east = load_profile("national-demonstration")
    assert east.funding_per_resident == Decimal(2)
    assert east.training_rate == Decimal("0.5")
    figures = {key: t.value for key, t in east.targets.items()}
    assert figures == {"resident-reach": 50, "awareness": 80, "satisfaction": 70}
    for target in east.targets.values():
        if target.text:  # each quoted figure is among the source's quotes
            assert any(target.text in quote for quote in east.source.quotes)
    assert any("2元" in quote for quote in east.source.quotes)
    assert east.source.note is not None
    assert "30 %" in east.source.note.en
    assert "30%" in east.source.note.zh


def test_the_regions_differ_in_their_reach_and_nothing_else() -> None:
    east, west = load_profile("national-demonstration"), load_profile("national-demonstration-west")
    assert west.training_rate == Decimal("0.3")
    assert west.targets["resident-reach"].value == 30
    same = {"name", "title", "scope", "training_rate", "targets"}
    for field in attrs.fields(type(east)):
        if field.name not in same:
            assert getattr(east, field.name) == getattr(west, field.name), field.name
    assert {k: t for k, t in east.targets.items() if k != "resident-reach"} == {
        k: t for k, t in west.targets.items() if k != "resident-reach"
    }


def test_the_qingdao_centre_standard_quotes_each_figure() -> None:
    profile = load_profile("qingdao-centre-2017")
    assert {key: (t.value, t.unit) for key, t in profile.targets.items()} == {
        "centre-floor-area": (1000, "平方米"),
        "centre-computers": (30, "台"),
        "centre-books": (3000, "册"),
        "full-time-staff": (Decimal("1.5"), "人"),
    }
    assert profile.targets["full-time-staff"].floor == 5
    for target in profile.targets.values():
        assert any(target.text in quote for quote in profile.source.quotes)


def test_a_ratio_round_trips_through_a_profile_file() -> None:
    profile = load_profile("qingdao-centre-2017")
    assert loads_profile(dumps_profile(profile)) == profile
    text = dumps_profile(profile).replace("per = 10000", "per = 0")
    with pytest.raises(ProfileError) as info:
        loads_profile(text)
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == ("targets.full-time-staff.per", "not-positive")
    assert problem.line is not None
