"""The illustrative Jinshan ledger: the shipped files are what the generator makes, and it reports."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from commedu.compliance.actuals import Progress
from commedu.datafile.ledger import load_ledger
from commedu.datafile.plan import load_plan
from commedu.report.inspection import inspect
from tests.conftest import EXAMPLES

PLAN = load_plan(EXAMPLES / "jinshan_2021.toml")


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "jinshan_ledger", EXAMPLES / "jinshan_2021_ledger.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_files_are_what_the_generator_writes(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(EXAMPLES / "jinshan_2021_ledger.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for suffix in (".toml", ".xlsx"):
        name = f"jinshan_2021_ledger{suffix}"
        assert (tmp_path / name).read_bytes() == (EXAMPLES / name).read_bytes(), name


def test_the_example_is_marked_illustrative_and_reads_alike_in_both_files() -> None:
    toml = load_ledger(EXAMPLES / "jinshan_2021_ledger.toml", PLAN)
    assert load_ledger(EXAMPLES / "jinshan_2021_ledger.xlsx", PLAN) == toml
    assert toml == generator().jinshan_ledger(PLAN)
    assert "Illustrative" in toml.note
    assert "虚构" in toml.note


def test_the_example_shows_every_kind_of_finding() -> None:
    report = inspect(PLAN, load_ledger(EXAMPLES / "jinshan_2021_ledger.toml", PLAN))
    missing = [i.activity.id for i in report.with_status(Progress.MISSING)]
    late = [i.activity.id for i in report.with_status(Progress.LATE)]
    assert missing == ["m05-4", "m09-1"]
    assert late == ["m03-3", "m08-1", "m11-2"]
    assert len(report.unplanned) == 3
    assert report.compliance.result("CE501").status.value == "fail"
