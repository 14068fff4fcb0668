"""Rules over actuals: the ledger judged on a day, and CE211–CE213 read from it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest

from commedu.compliance.actuals import (
    Progress,
    _edit_records,
    example_ledger,
    example_profile,
    progress,
)
from commedu.compliance.builtin import ACTUALS_RULES, example_plan
from commedu.compliance.engine import check
from commedu.compliance.rule import Actuals, Status
from commedu.errors import PlanError
from commedu.model.ledger import Staffing

PLAN = example_plan()


def test_without_a_ledger_the_actuals_rules_do_not_run() -> None:
    codes = check(PLAN).codes()
    assert not any(code.startswith("CE5") for code in codes)
    assert all(r(PLAN, None).missing == ("ledger",) for r in ACTUALS_RULES)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("as_of", "change", "expected"),
    [
        (date(2021, 12, 31), None, Progress.DONE),
        (date(2021, 12, 31), "drop", Progress.MISSING),
        (date(2021, 5, 20), "drop", Progress.NOT_DUE),
        (date(2021, 12, 31), "late", Progress.LATE),
        (date(2021, 5, 31), "late", Progress.MISSING),  # held later than the day of judgement
    ],
)
def test_progress_of_mays_activity(as_of: date, change: str | None, expected: Progress) -> None:
    ledger = example_ledger() if change is None else _edit_records(change)
    (may,) = [p for p in progress(PLAN, Actuals(ledger, as_of)) if p.activity.id == "m05"]
    assert may.status is expected
    assert expected.label("zh") != expected.label("en")


def test_early_work_is_shown_apart() -> None:
    ledger = example_ledger()
    records = list(ledger.records)
    records[4] = attrs.evolve(records[4], dates=(date(2021, 4, 2),))
    items = progress(
        PLAN, Actuals(attrs.evolve(ledger, records=tuple(records)), date(2021, 12, 31))
    )
    assert items[4].status is Progress.EARLY


def test_the_ledger_figures_replace_the_plans_stated_resources() -> None:
    plan = attrs.evolve(PLAN, resources=attrs.evolve(PLAN.resources, full_time_staff=5))
    ledger = attrs.evolve(example_ledger(), staff=Staffing(1, 1))
    report = check(plan, example_profile(), ledger=ledger)
    assert report.result("CE211").status is Status.FAIL
    assert report.result("CE212").status is Status.FAIL
    assert check(plan).result("CE211").status is Status.PASS
    poor = attrs.evolve(example_ledger(), expenses=())
    assert check(plan, ledger=poor).result("CE213").missing == ("ledger.expenses",)
    none = attrs.evolve(example_ledger(), staff=None)
    assert check(plan, ledger=none).result("CE211").missing == ("ledger.staff",)
    assert check(plan, ledger=none).result("CE212").missing == ("ledger.staff",)


def test_rates_need_their_targets_and_population() -> None:
    report = check(PLAN, "shandong-township", ledger=example_ledger())
    assert report.result("CE504").missing == ("profile.ledger.training_rate",)
    assert report.result("CE505").missing == ("profile.ledger.elder_share",)
    nobody = attrs.evolve(PLAN, township=attrs.evolve(PLAN.township, resident_population=None))
    result = check(nobody, example_profile(), ledger=example_ledger()).result("CE504")
    assert result.missing == ("township.resident_population",)
    # More attendances than residents is a rate above 100 %, and passes.
    crowd = attrs.evolve(PLAN, township=attrs.evolve(PLAN.township, resident_population=100))
    message = check(crowd, example_profile(), ledger=example_ledger()).result("CE504").message("en")
    assert "12000.0%" in message


def test_evidence_without_required_kinds_needs_one_item() -> None:
    ledger = example_ledger()
    records = list(ledger.records)
    records[0] = attrs.evolve(records[0], evidence=())
    bare = attrs.evolve(ledger, records=tuple(records))
    result = check(PLAN, "shandong-township", ledger=bare).result("CE503")
    assert result.status is Status.FAIL
    assert "没有佐证材料" in result.message("zh")
    assert check(PLAN, "shandong-township", ledger=ledger).result("CE503").status is Status.PASS


def test_a_ledger_of_another_plan_is_refused() -> None:
    with pytest.raises(PlanError) as info:
        check(PLAN, ledger=attrs.evolve(example_ledger(), plan_id="other-2021"))
    assert info.value.problems[0].code == "ledger-other-plan"


def test_profiles_read_the_ledger_table() -> None:
    from commedu.datafile.profile import loads_profile
    from commedu.errors import ProfileError

    base = 'schema = 1\nname = "x"\napplies_to = "township"\n[title]\nen = "x"\nzh = "甲"\n[scope]\nen = "x"\nzh = "甲"\n[source]\ntitle = "x"\n'
    profile = loads_profile(base + '[ledger]\nevidence = ["签到表"]\ntraining_rate = 0.5\n')
    assert profile.evidence == ("签到表",)
    assert profile.training_rate == Decimal("0.5")
    with pytest.raises(ProfileError):
        loads_profile(base + '[ledger]\ntraining_rate = "half"\n')
