"""Removed activities reach subscribers: cancelled, one SEQUENCE up, for a stated time, then gone."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from commedu import Plan, load_plan, to_calendar, to_ics
from commedu.calendar.cancelled import Cancelled, zones
from commedu.calendar.items import ComponentKind, RRule
from commedu.calendar.revisions import CANCELLED_FOR, Outdated, Revisions, RevisionStore
from commedu.calendar.split import write_split
from commedu.cli import EXIT_OK, EXIT_USAGE, main
from tests.conftest import ROOT
from tests.icalcheck import parse_both
from tests.planedits import drop_activities, replace
from tests.strategies import plans

QINGSHI = ROOT / "docs" / "tutorial" / "qingshi_2022.toml"
STAMP = datetime(2022, 1, 1, tzinfo=UTC)
FIRST = datetime(2022, 1, 10, 8, tzinfo=UTC)
REMOVED = datetime(2022, 2, 1, 9, tzinfo=UTC)


@pytest.fixture
def qingshi() -> Plan:
    return load_plan(QINGSHI)


def without(plan: Plan, *ids: str) -> Plan:
    kept = tuple(a for a in plan.activities if a.id not in ids)
    return attrs.evolve(plan, schedule=attrs.evolve(plan.schedule, activities=kept))


def items(data: bytes, kind: str = "VEVENT") -> dict[str, dict[str, str]]:
    """UID -> SEQUENCE, STATUS, LAST-MODIFIED and SUMMARY, as a client reads them."""
    return {
        str(e["UID"]): {
            "sequence": str(e.get("SEQUENCE", "")),
            "status": str(e.get("STATUS", "")),
            "modified": e["LAST-MODIFIED"].dt.isoformat() if "LAST-MODIFIED" in e else "",
            "summary": str(e["SUMMARY"]),
        }
        for e in Calendar.from_ical(data).walk(kind)
    }


def uid(plan: Plan, activity: str, todo: bool = False) -> str:
    return f"{activity}{'+todo' if todo else ''}@{plan.id}.commedu"


def test_a_removed_activity_is_cancelled_with_its_last_content_one_up(
    qingshi: Plan, tmp_path: Path
) -> None:
    store = RevisionStore(tmp_path / "r.sqlite")
    store.revise(qingshi, now=FIRST)
    edited = without(qingshi, "m02-1")
    revisions = store.revise(edited, now=REMOVED)
    assert "m02-1" not in revisions
    assert [(c.activity, c.sequence, c.removed) for c in revisions.cancelled] == [
        ("m02-1", 1, REMOVED)
    ]
    data = to_ics(edited, stamp=STAMP, revisions=revisions)
    found = items(data)
    gone = found[uid(qingshi, "m02-1")]
    assert gone == {
        "sequence": "1",
        "status": "CANCELLED",
        "modified": REMOVED.isoformat(),
        "summary": qingshi.activity("m02-1").title,
    }
    assert {v["status"] for k, v in found.items() if k != uid(qingshi, "m02-1")} == {""}
    # Its content is the last one exported, byte for byte, and both parsers read it.
    before = to_ics(qingshi, stamp=STAMP, revisions=store.revise(qingshi, now=FIRST))
    start = before.index(b"UID:m02-1@")
    assert b"DESCRIPTION" in data[data.index(b"UID:m02-1@") :]
    first, second = parse_both(data)
    (strict,) = [e for e in second.events if e.uid == uid(qingshi, "m02-1")]
    assert strict.status is not None
    assert str(strict.status.value) == "CANCELLED"
    assert strict.sequence == 1
    assert b"STATUS" not in before[start : before.index(b"END:VEVENT", start)]
    assert len(first.walk("VEVENT")) == len(qingshi.activities)
    # The icalendar objects say the same bytes.
    assert to_calendar(edited, stamp=STAMP, revisions=revisions).to_ical() == data


def test_a_cancellation_goes_once_its_time_has_passed(qingshi: Plan, tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite"
    store = RevisionStore(path, cancelled_for=timedelta(days=3))
    store.revise(qingshi, now=FIRST)
    edited = without(qingshi, "m02-1")
    store.revise(edited, now=REMOVED)
    still = store.revise(edited, now=REMOVED + timedelta(days=3) - timedelta(seconds=1))
    assert [c.activity for c in still.cancelled] == ["m02-1"]
    after = store.revise(edited, now=REMOVED + timedelta(days=3))
    assert after.cancelled == ()
    assert uid(qingshi, "m02-1").encode() not in to_ics(edited, stamp=STAMP, revisions=after)
    with sqlite3.connect(path) as connection:
        activities = {row[0] for row in connection.execute("SELECT activity FROM revision")}
    connection.close()
    assert "m02-1" not in activities
    assert RevisionStore(tmp_path / "x.sqlite").cancelled_for == CANCELLED_FOR == timedelta(days=30)


def test_an_activity_that_comes_back_goes_up_again(qingshi: Plan, tmp_path: Path) -> None:
    store = RevisionStore(tmp_path / "r.sqlite")
    store.revise(qingshi, now=FIRST)
    store.revise(without(qingshi, "m02-1"), now=REMOVED)
    later = REMOVED + timedelta(days=1)
    back = store.revise(qingshi, now=later)
    assert back["m02-1"].sequence == 2
    assert back["m02-1"].modified == later
    assert back.cancelled == ()
    assert store.revise(qingshi, now=later + timedelta(days=1)) == back


def test_only_the_calendars_that_held_an_item_write_it_cancelled(
    qingshi: Plan, tmp_path: Path
) -> None:
    store = RevisionStore(tmp_path / "r.sqlite")
    store.revise(qingshi, now=FIRST)
    edited = without(qingshi, "m06-1")  # 农业综合服务中心 and 文化站, at 上塬村, in June
    revisions = store.revise(edited, now=REMOVED)
    cancelled = uid(qingshi, "m06-1")

    def holds(**options: object) -> bool:
        data = to_ics(edited, stamp=STAMP, revisions=revisions, **options)  # type: ignore[arg-type]
        return cancelled in items(data)

    assert holds()
    assert holds(departments=["文化站"])
    assert holds(departments=["agri-service"])
    assert not holds(departments=["centre"])
    assert holds(stations=["shangyuan"])
    assert not holds(stations=["hexi"])
    assert holds(months=(6, 6))
    assert holds(months=(1, 6))
    assert not holds(months=(7, 12))


def test_a_removed_timed_session_keeps_its_zone_and_its_to_do(
    qingshi: Plan, tmp_path: Path
) -> None:
    store = RevisionStore(tmp_path / "r.sqlite")
    store.revise(qingshi, now=FIRST)
    timed = [a.id for a in qingshi.activities if "T" in str(a.when) or ":" in str(a.when)]
    edited = without(qingshi, *timed)
    revisions = store.revise(edited, now=REMOVED)
    data = to_ics(edited, stamp=STAMP, revisions=revisions)
    assert b"BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai" in data
    parse_both(data)  # a TZID without its VTIMEZONE would not parse strictly
    for activity in timed:
        assert items(data)[uid(qingshi, activity)]["status"] == "CANCELLED"
    todos = to_ics(edited, stamp=STAMP, revisions=revisions, component="todo")
    found = items(todos, "VTODO")
    assert {found[uid(qingshi, a, todo=True)]["status"] for a in timed} == {"CANCELLED"}
    parse_both(todos)


def test_a_selection_kept_by_a_store_may_be_empty(qingshi: Plan, tmp_path: Path) -> None:
    store = RevisionStore(tmp_path / "r.sqlite", cancelled_for=timedelta(0))
    store.revise(qingshi, now=FIRST)
    culture = [a.id for a in qingshi.schedule.of_department("culture-station")]
    edited = without(qingshi, *culture)
    assert len(store.revise(edited, now=REMOVED).cancelled) == len(culture)  # said once at least
    revisions = store.revise(edited, now=REMOVED + timedelta(seconds=1))
    assert revisions.cancelled == ()
    data = to_ics(edited, stamp=STAMP, departments=["culture-station"], revisions=revisions)
    assert b"BEGIN:VEVENT" not in data
    assert b"END:VCALENDAR" in data


def test_a_store_an_earlier_version_wrote_is_read_and_kept(qingshi: Plan, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute(
            "CREATE TABLE revision (plan TEXT NOT NULL, activity TEXT NOT NULL,"
            " digest TEXT NOT NULL, sequence INTEGER NOT NULL, modified TEXT NOT NULL,"
            " PRIMARY KEY (plan, activity)) WITHOUT ROWID"
        )
        connection.execute(
            "INSERT INTO revision VALUES (?, ?, ?, ?, ?)",
            (qingshi.id, "m02-1", "an older digest", 4, FIRST.isoformat()),
        )
    connection.close()
    store = RevisionStore(path)
    revisions = store.revise(qingshi, now=REMOVED)
    assert revisions["m02-1"].sequence == 5  # its content differs from the one stored
    assert revisions["m01-1"].sequence == 0
    # What was kept then lets a later removal be written cancelled.
    removed = store.revise(without(qingshi, "m02-1"), now=REMOVED + timedelta(days=1))
    assert [(c.activity, c.sequence) for c in removed.cancelled] == [("m02-1", 6)]
    # The earlier version's own query still works on the store.
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT activity, digest, sequence, modified FROM revision WHERE plan = ?",
            (qingshi.id,),
        ).fetchall()
        (version,) = connection.execute("PRAGMA user_version").fetchone()
    connection.close()
    assert len(rows) == len(qingshi.activities)
    assert version == 2


def test_a_version_older_than_the_one_taken_is_outdated(qingshi: Plan, tmp_path: Path) -> None:
    store = RevisionStore(tmp_path / "r.sqlite")
    store.revise(qingshi, now=FIRST, source=100)
    edited = without(qingshi, "m02-1")
    store.revise(edited, now=REMOVED, source=200)
    # A process that read the file before the edit and revises only now is told so …
    with pytest.raises(Outdated):
        store.revise(qingshi, now=REMOVED, source=150)
    # … and nothing went up meanwhile; the same content from an older read is no change.
    assert store.revise(edited, now=REMOVED, source=150).cancelled[0].sequence == 1
    assert store.revise(qingshi, now=REMOVED, source=300)["m02-1"].sequence == 2


def test_a_split_keeps_a_department_s_file_with_its_items_cancelled(
    qingshi: Plan, tmp_path: Path
) -> None:
    store = RevisionStore(tmp_path / "r.sqlite", cancelled_for=timedelta(days=1))
    folder = tmp_path / "calendars"
    write_split(qingshi, folder, "department", stamp=STAMP, revisions=store.revise(qingshi))
    assert (folder / "文化站.ics").is_file()
    culture = [a.id for a in qingshi.schedule.of_department("culture-station")]
    edited = without(qingshi, *culture)
    revisions = store.revise(edited, now=REMOVED)
    write_split(edited, folder, "department", stamp=STAMP, revisions=revisions)
    held = items((folder / "文化站.ics").read_bytes())
    assert set(held) == {uid(qingshi, a) for a in culture}
    assert {v["status"] for v in held.values()} == {"CANCELLED"}
    index = json.loads((folder / "index.json").read_text("utf-8"))
    (entry,) = [c for c in index["calendars"] if c["id"] == "culture-station"]
    assert (entry["activities"], entry["cancelled"]) == (0, len(culture))
    # Once subscribers have had the time to see them go, the file goes too.
    later = store.revise(edited, now=REMOVED + timedelta(days=1))
    write_split(edited, folder, "department", stamp=STAMP, revisions=later)
    assert not (folder / "文化站.ics").exists()
    assert isinstance(later, Revisions)


def test_ics_with_revisions_writes_true_sequence_and_cancellations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = tmp_path / "qingshi.toml"
    plan_file.write_text(QINGSHI.read_text("utf-8"), encoding="utf-8")
    store = tmp_path / "r.sqlite"
    out = tmp_path / "plan.ics"
    args = ["ics", str(plan_file), "--revisions", str(store), "-o", str(out)]
    assert main(args) == EXIT_OK
    assert {v["sequence"] for v in items(out.read_bytes()).values()} == {"0"}
    replace(plan_file, "元宵节传统文化进村居活动", "元宵节传统文化活动")
    assert main(args) == EXIT_OK
    assert items(out.read_bytes())["m02-1@qingshi-2022.commedu"]["sequence"] == "1"
    # Remove the culture station's activities: its split file stays, cancelled.
    plan = load_plan(plan_file)
    drop_activities(plan_file, *(a.id for a in plan.schedule.of_department("culture-station")))
    split = ["ics", str(plan_file), "--revisions", str(store), "--split-by", "department"]
    assert main([*split, "-o", str(tmp_path / "cal")]) == EXIT_OK
    held = items((tmp_path / "cal" / "文化站.ics").read_bytes())
    assert {v["status"] for v in held.values()} == {"CANCELLED"}
    assert held["m02-1@qingshi-2022.commedu"]["sequence"] == "2"
    assert main(args) == EXIT_OK
    assert items(out.read_bytes())["m02-1@qingshi-2022.commedu"]["status"] == "CANCELLED"
    capsys.readouterr()
    bad = ["ics", str(plan_file), "--revisions", str(tmp_path / "no" / "r.sqlite"), "-o", "-"]
    assert main(bad) == EXIT_USAGE
    assert "SQLite" in capsys.readouterr().err


@given(plan=plans(), component=st.sampled_from(["event", "todo"]))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_cancelled_item_says_byte_for_byte_what_it_last_said(
    plan: Plan, component: ComponentKind, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Whatever a plan holds (timed sessions in any zone, rules, lists), the kept item is exact."""
    store = RevisionStore(tmp_path_factory.mktemp("store") / "r.sqlite")
    before = to_ics(plan, stamp=STAMP, component=component, revisions=store.revise(plan, now=FIRST))
    emptied = attrs.evolve(plan, schedule=attrs.evolve(plan.schedule, activities=()))
    revisions = store.revise(emptied, now=REMOVED)
    after = to_ics(emptied, stamp=STAMP, component=component, revisions=revisions)
    assert sorted(c.activity for c in revisions.cancelled) == sorted(a.id for a in plan.activities)
    kind = "VTODO" if component == "todo" else "VEVENT"

    def contents(data: bytes) -> dict[str, list[tuple[str, bytes]]]:
        found = {}
        for item in Calendar.from_ical(data).walk(kind):
            kept = ("SEQUENCE", "LAST-MODIFIED", "STATUS", "DTSTAMP")
            found[str(item["UID"])] = sorted(
                (name, item[name].to_ical() if name != "CATEGORIES" else repr(item[name]).encode())
                for name in item
                if name not in kept
            )
        return found

    assert contents(after) == contents(before)
    assert (
        to_calendar(emptied, stamp=STAMP, component=component, revisions=revisions).to_ical()
        == after
    )
    assert after.count(b"STATUS:CANCELLED") == len(plan.activities)
    # Every zone a cancelled time names has its VTIMEZONE.
    assert before.count(b"BEGIN:VTIMEZONE") == after.count(b"BEGIN:VTIMEZONE")


def test_a_kept_item_reads_back_every_kind_of_value() -> None:
    record = {
        "departments": [],
        "station": None,
        "place": None,
        "first": "2022-01-01",
        "last": "2022-01-01",
        "event": [
            ["UID", ["text", "a@p.commedu"]],
            ["PRIORITY", ["integer", 3]],
            ["CATEGORIES", ["texts", ["甲", "乙"]]],
            ["DTSTART", ["datetime", "2022-01-01T09:00:00", "Europe/Berlin"]],
            ["EXDATE", ["datetimes", [["2022-01-08T09:00:00", "UTC"]]]],
            ["RRULE", ["rrule", "FREQ=WEEKLY;COUNT=3"]],
        ],
        "todo": [],
    }
    item = Cancelled("a", 1, REMOVED, json.dumps(record))
    found = dict(item.properties("event"))
    assert found["PRIORITY"] == 3
    assert found["CATEGORIES"] == ["甲", "乙"]
    assert found["DTSTART"] == datetime(2022, 1, 1, 9, tzinfo=ZoneInfo("Europe/Berlin"))
    assert found["EXDATE"] == [datetime(2022, 1, 8, 9, tzinfo=UTC)]
    assert found["RRULE"] == RRule("FREQ=WEEKLY;COUNT=3")
    assert [z.key for z in zones([item])] == ["Europe/Berlin"]
    assert item.held_by((), (), (1, 1))
    assert not item.held_by((), (), (2, 12))


def test_revisions_say_how_many_they_hold(qingshi: Plan, tmp_path: Path) -> None:
    store = RevisionStore(tmp_path / "r.sqlite")
    store.revise(qingshi, now=FIRST)
    revisions = store.revise(without(qingshi, "m02-1"), now=REMOVED)
    assert len(revisions) == len(qingshi.activities) - 1
    assert repr(revisions) == f"<Revisions of {len(revisions)} items, 1 cancelled>"


def test_ics_reads_again_a_file_the_store_has_a_newer_version_of(tmp_path: Path) -> None:
    """A store that took a version dated later (a copy from elsewhere) still lets it through."""
    plan_file = tmp_path / "qingshi.toml"
    plan_file.write_text(QINGSHI.read_text("utf-8"), encoding="utf-8")
    store = tmp_path / "r.sqlite"
    RevisionStore(store).revise(load_plan(plan_file), now=FIRST, source=2**62)
    replace(plan_file, "元宵节传统文化进村居活动", "元宵节灯谜会")
    out = tmp_path / "plan.ics"
    assert main(["ics", str(plan_file), "--revisions", str(store), "-o", str(out)]) == EXIT_OK
    assert items(out.read_bytes())["m02-1@qingshi-2022.commedu"]["sequence"] == "1"


def test_a_split_keeps_the_file_of_a_department_that_went_from_the_plan(
    qingshi: Plan, tmp_path: Path
) -> None:
    store = RevisionStore(tmp_path / "r.sqlite")
    folder = tmp_path / "calendars"
    write_split(qingshi, folder, "department", stamp=STAMP, revisions=store.revise(qingshi))
    culture = [a.id for a in qingshi.schedule.of_department("culture-station")]
    edited = without(qingshi, *culture)
    edited = attrs.evolve(
        edited, departments=tuple(d for d in edited.departments if d.id != "culture-station")
    )
    revisions = store.revise(edited, now=REMOVED)
    write_split(edited, folder, "department", stamp=STAMP, revisions=revisions)
    held = items((folder / "文化站.ics").read_bytes())
    assert set(held) == {uid(qingshi, a) for a in culture}
    assert {v["status"] for v in held.values()} == {"CANCELLED"}
    # The whole plan's calendar needs no department put back.
    assert to_ics(edited, stamp=STAMP, revisions=revisions).count(b"STATUS:CANCELLED") == len(
        culture
    )
