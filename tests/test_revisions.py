"""SEQUENCE and LAST-MODIFIED across plan revisions, kept by a RevisionStore on disk."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import attrs
import pytest
from icalendar import Calendar

from commedu import ExportError, Plan, to_calendar, to_ics, write_ics
from commedu.calendar.revisions import Revision, RevisionStore, digests
from commedu.calendar.split import write_split

ROOT = Path(__file__).resolve().parent.parent
STAMP = datetime(2021, 1, 1, tzinfo=UTC)
FIRST = datetime(2021, 3, 1, 8, tzinfo=UTC)
LATER = datetime(2021, 3, 2, 9, 30, tzinfo=UTC)


def retitled(plan: Plan, index: int, title: str) -> Plan:
    activities = list(plan.activities)
    activities[index] = attrs.evolve(activities[index], title=title)
    return attrs.evolve(plan, schedule=attrs.evolve(plan.schedule, activities=tuple(activities)))


def items(data: bytes) -> dict[str, tuple[int, datetime]]:
    """SEQUENCE and LAST-MODIFIED of each event, by UID, as a client reads them."""
    calendar = Calendar.from_ical(data)
    return {
        str(e["UID"]): (int(e["SEQUENCE"]), e["LAST-MODIFIED"].dt) for e in calendar.walk("VEVENT")
    }


def test_a_new_item_starts_at_zero_and_a_changed_one_goes_up(jinshan: Plan, tmp_path: Path) -> None:
    store = RevisionStore(tmp_path / "revisions.sqlite")
    first = store.revise(jinshan, now=FIRST)
    assert set(first) == {a.id for a in jinshan.activities}
    assert set(first.values()) == {Revision(0, FIRST)}

    edited = retitled(jinshan, 3, "改过的标题")
    second = store.revise(edited, now=LATER)
    changed = jinshan.activities[3].id
    assert second[changed] == Revision(1, LATER)
    assert all(second[a.id] == Revision(0, FIRST) for a in jinshan.activities if a.id != changed)

    # Revising the same content again changes nothing; changing it back is another change.
    assert store.revise(edited, now=LATER + timedelta(days=1)) == second
    third = store.revise(jinshan, now=LATER + timedelta(days=2))
    assert third[changed] == Revision(2, LATER + timedelta(days=2))


def test_a_change_the_export_shows_elsewhere_counts_too(jinshan: Plan, tmp_path: Path) -> None:
    """Renaming a department changes the items of its activities, and only those."""
    store = RevisionStore(tmp_path / "r.sqlite")
    store.revise(jinshan, now=FIRST)
    department = jinshan.activities[0].responsible[0]
    renamed = attrs.evolve(department, name=department.name + "（新）")
    swap = {department: renamed}
    activities = tuple(
        attrs.evolve(a, responsible=tuple(swap.get(d, d) for d in a.responsible))
        for a in jinshan.activities
    )
    edited = attrs.evolve(
        jinshan,
        departments=tuple(swap.get(d, d) for d in jinshan.departments),
        schedule=attrs.evolve(jinshan.schedule, activities=activities),
    )
    after = store.revise(edited, now=LATER)
    for activity in jinshan.activities:
        assert after[activity.id].sequence == (1 if department in activity.responsible else 0)


def test_the_revision_does_not_depend_on_the_export_stamp_or_language(jinshan: Plan) -> None:
    assert digests(jinshan) == digests(jinshan)
    edited = retitled(jinshan, 0, jinshan.activities[0].title + "!")
    before, after = digests(jinshan), digests(edited)
    assert [a.id for a in jinshan.activities if before[a.id] != after[a.id]] == [
        jinshan.activities[0].id
    ]


def test_state_survives_a_new_store_on_the_same_file(jinshan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "revisions.sqlite"
    RevisionStore(path).revise(jinshan, now=FIRST)
    RevisionStore(path).revise(retitled(jinshan, 0, "第一次修改"), now=LATER)
    reopened = RevisionStore(str(path)).revise(
        retitled(jinshan, 0, "第一次修改"), now=LATER + timedelta(days=5)
    )
    assert reopened[jinshan.activities[0].id] == Revision(1, LATER)
    assert reopened[jinshan.activities[1].id] == Revision(0, FIRST)


def test_plans_in_one_store_are_counted_apart(jinshan: Plan, tmp_path: Path) -> None:
    store = RevisionStore(tmp_path / "r.sqlite")
    other = attrs.evolve(jinshan, id="other-2021")
    store.revise(jinshan, now=FIRST)
    store.revise(retitled(jinshan, 0, "改"), now=LATER)
    assert store.revise(other, now=LATER)[jinshan.activities[0].id] == Revision(0, LATER)


def test_now_is_taken_in_utc_and_a_naive_now_is_refused(jinshan: Plan, tmp_path: Path) -> None:
    store = RevisionStore(tmp_path / "r.sqlite")
    beijing = datetime(2021, 3, 1, 16, 0, 0, 500, tzinfo=timezone(timedelta(hours=8)))
    assert store.revise(jinshan, now=beijing)[jinshan.activities[0].id] == Revision(0, FIRST)
    with pytest.raises(ExportError) as caught:
        store.revise(jinshan, now=datetime(2021, 3, 1))
    assert caught.value.problems[0].code == "naive-stamp"
    recent = store.revise(retitled(jinshan, 0, "现在"))[jinshan.activities[0].id].modified
    assert recent.tzinfo is UTC
    assert abs(datetime.now(UTC) - recent) < timedelta(days=1)


@pytest.mark.parametrize("kind", ["not a database", "a folder", "a missing folder"])
def test_an_unusable_store_file_is_a_clear_error(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "revisions.sqlite"
    if kind == "not a database":
        path.write_bytes(b"this is a plan, not a database\n" * 200)
    elif kind == "a folder":
        path.mkdir()
    else:
        path = tmp_path / "missing" / "revisions.sqlite"
    with pytest.raises(ExportError) as caught:
        RevisionStore(path)
    (problem,) = caught.value.problems
    assert problem.code == "bad-revision-store"
    assert str(path) in problem.message("en")
    assert "SQLite" in problem.message("zh")


def test_the_export_writes_sequence_and_last_modified(jinshan: Plan, tmp_path: Path) -> None:
    store = RevisionStore(tmp_path / "r.sqlite")
    store.revise(jinshan, now=FIRST)
    edited = retitled(jinshan, 2, "新标题")
    revisions = store.revise(edited, now=LATER)
    written = items(to_ics(edited, stamp=STAMP, revisions=revisions))
    for activity in edited.activities:
        expected = (1, LATER) if activity.id == jinshan.activities[2].id else (0, FIRST)
        assert written[f"{activity.id}@{edited.id}.commedu"] == expected
    assert to_calendar(edited, stamp=STAMP, revisions=revisions).to_ical() == to_ics(
        edited, stamp=STAMP, revisions=revisions
    )
    path = write_ics(edited, tmp_path / "plan.ics", stamp=STAMP, revisions=revisions)
    assert items(path.read_bytes()) == written
    for calendar in write_split(
        edited, tmp_path / "split", "department", stamp=STAMP, revisions=revisions
    )[:-1]:
        assert set(items(calendar.read_bytes()).items()) <= set(written.items())


def test_items_without_a_revision_have_neither_property(jinshan: Plan) -> None:
    one = jinshan.activities[0]
    data = to_ics(jinshan, stamp=STAMP, revisions={one.id: Revision(4, LATER)})
    calendar = Calendar.from_ical(data)
    with_sequence = [str(e["UID"]) for e in calendar.walk("VEVENT") if "SEQUENCE" in e]
    assert with_sequence == [f"{one.id}@{jinshan.id}.commedu"]
    assert b"SEQUENCE:4\r\n" in data
    assert b"LAST-MODIFIED:20210302T093000Z\r\n" in data
    assert b"SEQUENCE" not in to_ics(jinshan, stamp=STAMP)


def test_concurrent_threads_lose_no_increment(jinshan: Plan, tmp_path: Path) -> None:
    """Every revise brings a title no other brings, so each one is a change."""
    store = RevisionStore(tmp_path / "r.sqlite")
    threads, rounds = 6, 5
    barrier = threading.Barrier(threads)
    failures: list[BaseException] = []

    def work(n: int) -> None:
        try:
            barrier.wait()
            for k in range(rounds):
                store.revise(retitled(jinshan, 0, f"线程{n}第{k}次"), now=FIRST)
        except BaseException as error:  # pragma: no cover - reported below
            failures.append(error)

    workers = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert not failures
    # threads * rounds changes before, the first of them at 0: this one is number threads * rounds.
    final = store.revise(retitled(jinshan, 0, "最后一次"), now=LATER)
    assert final[jinshan.activities[0].id] == Revision(threads * rounds, LATER)
    assert final[jinshan.activities[1].id].sequence == 0


_WORKER = """
import sys, attrs
from commedu import load_plan
from commedu.calendar.revisions import RevisionStore
plan = load_plan(sys.argv[1])
store = RevisionStore(sys.argv[2])
for k in range(int(sys.argv[4])):
    activities = list(plan.activities)
    activities[0] = attrs.evolve(activities[0], title=f"进程{sys.argv[3]}第{k}次")
    store.revise(attrs.evolve(plan, schedule=attrs.evolve(plan.schedule, activities=tuple(activities))))
"""


def test_concurrent_processes_lose_no_increment(jinshan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite"
    plan_file = ROOT / "examples" / "jinshan_2021.toml"
    processes, rounds = 3, 6
    running = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(plan_file), str(path), str(n), str(rounds)],
            stderr=subprocess.PIPE,
        )
        for n in range(processes)
    ]
    for process in running:
        _, error = process.communicate(timeout=180)
        assert process.returncode == 0, error.decode()
    from commedu import load_plan

    plan = load_plan(plan_file)
    final = RevisionStore(path).revise(retitled(plan, 0, "最后一次"), now=LATER)
    assert final[plan.activities[0].id] == Revision(processes * rounds, LATER)
    assert final[plan.activities[1].id].sequence == 0
