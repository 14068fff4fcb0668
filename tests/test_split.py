"""Per-department and per-station calendars: safe file names that never leave the folder."""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu import (
    Activity,
    Department,
    ExportError,
    Month,
    Plan,
    Schedule,
    Township,
    to_ics,
    write_split,
)
from commedu.calendar.split import MAX_NAME_BYTES, clean_name, file_names
from tests.icalcheck import check_events
from tests.strategies import line_characters

STAMP = datetime(2021, 1, 1, tzinfo=UTC)
HOSTILE = [
    "../../etc/passwd",
    "..",
    ".",
    "a/b",
    "a\\b",
    "C:\\Windows",
    "del\x7fbyte",  # the C0 controls are refused by the model; DEL and C1 are not
    "控制\x9b31m字符",
    "CON",
    "con.txt",
    "COM1",
    "Lpt9",
    "文化站\u202egpj.exe",  # a right-to-left override that would disguise the extension
    "  spaces  ",
    "trailing.",
    "长" * 200,
    '*?<>|"',
    "index",
]


def _plan(names: list[str]) -> Plan:
    departments = tuple(Department(f"d{i}", name) for i, name in enumerate(names))
    return Plan(
        id="p-2021",
        township=Township("金山镇", "", "", "山东省"),
        year=2021,
        title="计划",
        departments=departments,
        schedule=Schedule(
            tuple(
                Activity(f"a{i}", f"活动{i}", Month(2021, 1 + i % 12), (d,))
                for i, d in enumerate(departments)
            )
        ),
    )


def _safe(name: str) -> None:
    assert name.endswith(".ics")
    assert "/" not in name
    assert "\\" not in name
    assert "\x00" not in name
    assert not name.startswith(".")
    assert not any(unicodedata.category(c)[0] in "CZ" for c in name)
    assert len(name.encode("utf-8")) <= 255
    stem = name.removesuffix(".ics").split(".")[0].upper()
    assert stem not in {
        "CON",
        "PRN",
        "AUX",
        "NUL",
        *(f"COM{i}" for i in range(10)),
        *(f"LPT{i}" for i in range(10)),
    }


def test_hostile_names_stay_in_the_folder(tmp_path: Path) -> None:
    plan = _plan(HOSTILE)
    out = tmp_path / "out"
    written = write_split(plan, out, "department", stamp=STAMP)
    assert len(written) == len(HOSTILE) + 1
    for path in written:
        assert path.parent == out
        if path.suffix == ".ics":
            _safe(path.name)
    # nothing was written anywhere else
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)


def test_names_keep_the_chinese_and_collisions_get_the_id() -> None:
    plan = _plan(
        ["文化站", "社区/教育", "社区\\教育", "Schools", "schools", "CON", ""[:0] or "..."]
    )
    names = file_names(plan.departments)
    assert names["d0"] == "文化站.ics"
    assert names["d1"] == "社区_教育-d1.ics"
    assert names["d2"] == "社区_教育-d2.ics"
    assert names["d3"] == "Schools-d3.ics"  # the same file on Windows and macOS
    assert names["d4"] == "schools-d4.ics"
    assert names["d5"] == "CON-d5.ics"
    assert names["d6"] == "d6.ics"  # nothing usable is left of "..."


def test_a_clash_that_remains_is_an_error_not_an_overwrite() -> None:
    plan = _plan(["a", "a/", "a-d0"])
    with pytest.raises(ExportError, match="rename one of them"):
        file_names(plan.departments)


def test_long_names_are_cut_on_a_character_boundary() -> None:
    cleaned = clean_name("长" * 200)
    assert len(cleaned.encode("utf-8")) <= MAX_NAME_BYTES
    assert cleaned == "长" * (MAX_NAME_BYTES // 3)


@given(
    st.lists(
        st.text(line_characters, min_size=1, max_size=60).filter(str.strip),
        min_size=1,
        max_size=6,
        unique=True,
    )
)
def test_any_names_give_distinct_safe_files(names: list[str]) -> None:
    try:
        result = file_names(_plan(names).departments)
    except ExportError:
        return  # a clash reported is fine; an overwrite is not
    assert len({n.casefold() for n in result.values()}) == len(names)
    for name in result.values():
        _safe(name)


def test_jinshan_by_department(tmp_path: Path, jinshan: Plan) -> None:
    written = write_split(jinshan, tmp_path, "department", stamp=STAMP)
    index = json.loads((tmp_path / "index.json").read_text("utf-8"))
    assert written[-1].name == "index.json"
    assert index["plan"] == "jinshan-2021"
    assert index["by"] == "department"
    listed = {c["file"]: c for c in index["calendars"]}
    assert "文化站.ics" in listed
    assert listed["文化站.ics"]["id"] == "culture-station"
    for entry in index["calendars"]:
        department = jinshan.department(entry["id"])
        activities = jinshan.schedule.of_department(department)
        assert entry["activities"] == len(activities)
        data = (tmp_path / entry["file"]).read_bytes()
        assert data == to_ics(jinshan, departments=[department.id], stamp=STAMP)
        check_events(jinshan, activities, data)
    assert len(index["calendars"]) == len(jinshan.departments)


def test_split_by_station_without_stations_says_so(tmp_path: Path, jinshan: Plan) -> None:
    with pytest.raises(ExportError, match="--split-by station"):
        write_split(jinshan, tmp_path, "station")
    assert list(tmp_path.iterdir()) == []


def test_split_respects_other_filters(tmp_path: Path, jinshan: Plan) -> None:
    write_split(jinshan, tmp_path, "department", months=(12, 12), stamp=STAMP)
    index = json.loads((tmp_path / "index.json").read_text("utf-8"))
    # December's row: 文化站、中心校、社区教育中心
    assert sorted(c["name"] for c in index["calendars"]) == sorted(
        ["文化站", "中心校", "社区教育中心"]
    )
    assert all(c["activities"] == 3 for c in index["calendars"])
