"""The benchmark generator: same seed, same plans; valid plans; every kind of *when*."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
from datetime import date
from types import ModuleType

import attrs
import pytest

from commedu import (
    Day,
    DayRange,
    Deadline,
    Month,
    MonthPart,
    MonthSpan,
    Plan,
    Recurrence,
    Session,
)
from tests.conftest import ROOT

GENERATE = ROOT / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_generate", GENERATE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_same_arguments_give_equal_plans(generate: ModuleType) -> None:
    first = generate.generate_plans(3, 40, seed=7)
    again = generate.generate_plans(3, 40, seed=7)
    assert first == again
    assert [repr(p) for p in first] == [repr(p) for p in again]


def test_seed_and_township_change_the_plan(generate: ModuleType) -> None:
    base = generate.generate_plan(40, township=0, seed=1)
    assert generate.generate_plan(40, township=0, seed=2) != base
    assert generate.generate_plan(40, township=1, seed=1) != base


def _digest_in_subprocess(hash_seed: str) -> str:
    code = (
        "import hashlib, runpy;"
        f"g = runpy.run_path({str(GENERATE)!r});"
        "plans = g['generate_plans'](2, 30, seed=3);"
        "print(hashlib.sha256(repr(plans).encode()).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return result.stdout.strip()


def test_output_does_not_depend_on_hash_randomisation(generate: ModuleType) -> None:
    expected = hashlib.sha256(repr(generate.generate_plans(2, 30, seed=3)).encode()).hexdigest()
    assert _digest_in_subprocess("1") == expected
    assert _digest_in_subprocess("12345") == expected


def test_plans_are_valid_and_cover_every_kind_of_when(generate: ModuleType) -> None:
    plans = generate.generate_plans(2, 64, seed=0)
    assert [p.id for p in plans] == ["township0-2021", "township1-2021"]
    expected_kinds = {Month, MonthSpan, MonthPart, Deadline, Day, DayRange, Session, Recurrence}
    assert set(generate.WHEN_KINDS) == expected_kinds
    for plan in plans:
        assert isinstance(plan, Plan)
        assert len(plan.activities) == 64
        assert {type(a.when) for a in plan.activities} == expected_kinds
        for activity in plan.activities:
            span = activity.when.span
            assert date(plan.year, 1, 1) <= span.first <= span.last <= date(plan.year, 12, 31)
        # Rebuilding the plan from its parts runs every whole-plan check again.
        assert attrs.evolve(plan) == plan


def test_every_kind_appears_once_there_are_eight_activities(generate: ModuleType) -> None:
    plan = generate.generate_plan(8, seed=5)
    assert [type(a.when) for a in plan.activities] == list(generate.WHEN_KINDS)


def test_activities_use_the_plans_departments_stations_and_tasks(generate: ModuleType) -> None:
    plan = generate.generate_plan(200, seed=11)
    servable = {t.id for t in plan.tasks} | {m.id for m in plan.mechanisms}
    assert all(a.responsible for a in plan.activities)
    assert any(a.station is not None for a in plan.activities)
    assert any(a.serves for a in plan.activities)
    for activity in plan.activities:
        assert set(activity.responsible) <= set(plan.departments)
        assert set(activity.serves) <= servable
