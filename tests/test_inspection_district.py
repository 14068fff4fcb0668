"""The roll-ups at two levels: a district's towns and a town's stations; a missing ledger is a row."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import attrs
import pytest

from commedu.cli import EXIT_OK, main
from commedu.compliance.actuals import _edit_records, example_ledger
from commedu.compliance.builtin import example_plan
from commedu.datafile.ledger_write import dump_ledger
from commedu.datafile.plan_write import dumps_plan
from commedu.model.plan import Plan
from commedu.report.district import (
    Missing,
    district_html,
    district_json,
    district_rows,
    town_html,
    town_rows,
)
from commedu.report.inspection import inspect
from commedu.report.render import sections, to_json
from tests.test_pages import Parsed

PLAN = example_plan()


def town(name: str, plan_id: str) -> Plan:
    return attrs.evolve(PLAN, id=plan_id, township=attrs.evolve(PLAN.township, name=name))


def test_a_town_without_its_ledger_is_a_row_that_says_so() -> None:
    entries = [
        inspect(PLAN, example_ledger()),
        Missing(town("乙镇", "yi-2021"), "yi.ledger.xlsx"),
        inspect(town("甲镇", PLAN.id), _edit_records("drop")),
    ]
    rows = district_rows(entries, "zh")
    assert [r[0] for r in rows] == ["乙镇", "甲镇", "示例镇"]
    assert rows[0][1:7] == ["2021", "—", "—", "—", "—", "—"]
    assert rows[0][7] == "无台账：未找到 yi.ledger.xlsx"
    assert district_rows(entries, "en")[0][7] == "no ledger: yi.ledger.xlsx not found"
    assert rows[1][3] == "11"
    data = json.loads(district_json(entries))
    assert [t["township"] for t in data["townships"]] == ["甲镇", "示例镇"]
    assert data["missing"] == [
        {"plan": "yi-2021", "township": "乙镇", "year": 2021, "expected": "yi.ledger.xlsx"}
    ]
    page = district_html(entries, "zh")
    assert "无台账" in Parsed(page).all_text


def test_a_district_of_only_missing_ledgers_is_still_a_table() -> None:
    entries = [Missing(PLAN, "example.ledger.xlsx")]
    assert len(district_rows(entries)) == 1
    assert json.loads(district_json(entries))["townships"] == []


def test_a_town_rolls_up_its_stations_as_the_district_does_its_towns() -> None:
    report = inspect(PLAN, _edit_records("drop"))
    assert [c.key for c in report.by_unit] == [s.id for s in PLAN.stations] + [
        p.id for p in PLAN.places
    ]
    for unit in report.by_unit:
        expected = [
            i
            for i in report.items
            if (i.activity.station is not None and i.activity.station.id == unit.key)
            or (i.activity.place is not None and i.activity.place.id == unit.key)
        ]
        assert unit.due + unit.not_due == len(expected)
    rows = town_rows(report)
    assert [r[0] for r in rows] == [c.label for c in report.by_unit]
    page = town_html(report, "zh")
    assert "按工作站及学校" in page
    data = json.loads(to_json(report))
    assert [u["key"] for u in data["by_unit"]] == [c.key for c in report.by_unit]


def test_a_plan_without_stations_or_schools_has_no_station_table() -> None:
    bare = attrs.evolve(
        PLAN,
        stations=(),
        places=(),
        schedule=attrs.evolve(
            PLAN.schedule,
            activities=tuple(attrs.evolve(a, station=None, places=()) for a in PLAN.activities),
        ),
    )
    report = inspect(bare, example_ledger())
    assert report.by_unit == ()
    headings = [h for h, _, _ in sections(report, "en")]
    assert "Completion by village station or school" not in headings
    assert town_rows(report) == []
    assert "none" in town_html(report, "en")


def test_the_district_command_writes_a_row_for_a_missing_ledger(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "district"
    folder.mkdir()
    (folder / "a.toml").write_text(dumps_plan(PLAN), encoding="utf-8")
    shutil.copy(folder / "a.toml", folder / "b.toml")
    dump_ledger(example_ledger(), folder / "a.ledger.xlsx", PLAN)
    assert (
        main(["--lang", "en", "report", "--district", str(folder), "--format", "json"]) == EXIT_OK
    )
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert len(data["townships"]) == 1
    assert data["missing"][0]["expected"] == "b.ledger.xlsx"
    assert "b.toml" in captured.err  # and a note says which
