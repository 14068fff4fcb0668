"""A revision store deleted or damaged under a running program is told the removals it knew."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import attrs
import pytest
from icalendar import Calendar

from commedu import Plan, load_plan, to_ics
from commedu.calendar.revisions import RevisionStore
from commedu.web.app import FeedServer
from tests.conftest import ROOT
from tests.icalcheck import parse_both
from tests.planedits import drop_activities
from tests.webserver import call

QINGSHI = ROOT / "docs" / "tutorial" / "qingshi_2022.toml"
STORE = ".commedu-revisions.sqlite"
FIRST = datetime(2022, 1, 10, 8, tzinfo=UTC)
REMOVED = datetime(2022, 2, 1, 9, tzinfo=UTC)
LATER = datetime(2022, 2, 5, 9, tzinfo=UTC)


def without(plan: Plan, *ids: str) -> Plan:
    kept = tuple(a for a in plan.activities if a.id not in ids)
    return attrs.evolve(plan, schedule=attrs.evolve(plan.schedule, activities=kept))


def held(data: bytes) -> dict[str, tuple[int, str]]:
    """UID -> (SEQUENCE, STATUS), as a client reads them."""
    parse_both(data)
    return {
        str(e["UID"]): (int(e["SEQUENCE"]), str(e.get("STATUS", "")))
        for e in Calendar.from_ical(data).walk("VEVENT")
    }


def request(app: FeedServer, path: str) -> bytes:
    line, _, body = call(app, path)
    assert line.startswith("200"), body
    return body


@pytest.fixture
def qingshi() -> Plan:
    return load_plan(QINGSHI)


def test_a_deleted_store_between_a_removal_and_the_next_request_still_cancels(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copyfile(QINGSHI, folder / "qingshi.toml")
    app = FeedServer(folder, lang="zh")
    before = held(request(app, "/qingshi/plan.ics"))
    gone = "m02-1"
    uid = f"{gone}@qingshi-2022.commedu"
    drop_activities(folder / "qingshi.toml", gone)
    (folder / STORE).unlink()
    after = held(request(app, "/qingshi/plan.ics"))
    assert after[uid] == (before[uid][0] + 1, "CANCELLED")
    assert {k: v for k, v in after.items() if k != uid} == {
        k: v for k, v in before.items() if k != uid
    }
    # Written back: another server on the same folder gives the same cancellation.
    assert held(request(FeedServer(folder, lang="zh"), "/qingshi/plan.ics")) == after


@pytest.mark.parametrize("how", ["deleted", "damaged"])
def test_a_store_made_again_keeps_the_cancellations_it_had_given(
    qingshi: Plan, tmp_path: Path, how: str
) -> None:
    path = tmp_path / "revisions.sqlite"
    store = RevisionStore(path)
    store.revise(qingshi, now=FIRST)
    smaller = without(qingshi, "m02-1")
    removed = store.revise(smaller, now=REMOVED)
    assert [c.activity for c in removed.cancelled] == ["m02-1"]
    if how == "deleted":
        path.unlink()
    else:
        path.write_bytes(b"\x00not a database\xff" * 512)
    again = store.revise(smaller, now=LATER)
    assert again.cancelled == removed.cancelled
    assert dict(again) == dict(removed)
    # Another process opening the store made again reads the same cancellation.
    other = RevisionStore(path).revise(smaller, now=LATER)
    assert other.cancelled == removed.cancelled
    data = to_ics(smaller, stamp=LATER, revisions=again)
    assert held(data)["m02-1@qingshi-2022.commedu"] == (1, "CANCELLED")


def test_a_store_made_again_lets_an_expired_cancellation_go(qingshi: Plan, tmp_path: Path) -> None:
    path = tmp_path / "revisions.sqlite"
    store = RevisionStore(path)
    store.revise(qingshi, now=FIRST)
    smaller = without(qingshi, "m02-1")
    store.revise(smaller, now=REMOVED)
    path.unlink()
    much_later = REMOVED + store.cancelled_for
    assert store.revise(smaller, now=much_later).cancelled == ()
    assert RevisionStore(path).revise(smaller, now=much_later).cancelled == ()


def test_a_store_that_knows_the_plan_is_not_told_what_it_let_go(
    qingshi: Plan, tmp_path: Path
) -> None:
    path = tmp_path / "revisions.sqlite"
    store = RevisionStore(path)
    store.revise(qingshi, now=FIRST)
    smaller = without(qingshi, "m02-1")
    store.revise(smaller, now=REMOVED)
    # Another process let the cancellation go; this one still remembers it, but the store
    # it reads knows the plan, so nothing is written back.
    RevisionStore(path, cancelled_for=LATER - REMOVED).revise(smaller, now=LATER)
    assert store.revise(smaller, now=LATER).cancelled == ()


def test_an_activity_back_after_its_store_was_made_again_goes_up_from_its_cancellation(
    qingshi: Plan, tmp_path: Path
) -> None:
    path = tmp_path / "revisions.sqlite"
    store = RevisionStore(path)
    assert store.revise(qingshi, now=FIRST)["m02-1"].sequence == 0
    store.revise(without(qingshi, "m02-1"), now=REMOVED)
    path.unlink()
    back = store.revise(qingshi, now=LATER)
    assert back["m02-1"].sequence == 2  # above the cancellation's 1, which clients hold
    assert back.cancelled == ()
    assert RevisionStore(path).revise(qingshi, now=LATER)["m02-1"].sequence == 2
