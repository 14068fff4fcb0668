"""A cancellation's time runs by the clock, even while the plan file does not load."""

from __future__ import annotations

import functools
import shutil
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from commedu.calendar.revisions import CANCELLED_FOR, Revisions
from commedu.web import folder as folder_module
from commedu.web.app import FeedServer
from tests.conftest import ROOT
from tests.icalcheck import parse_both
from tests.planedits import drop_activities, replace
from tests.webserver import call

QINGSHI = ROOT / "docs" / "tutorial" / "qingshi_2022.toml"
GONE = "m02-1"
UID = f"{GONE}@qingshi-2022.commedu"
CULTURE = "/qingshi/department/culture-station.ics"


class Clock:
    """The folder's clock, moved on by hand: no test sleeps through a grace period."""

    def __init__(self) -> None:
        self.ahead = 0

    def time_ns(self) -> int:
        return time.time_ns() + self.ahead

    def advance(self, by: timedelta) -> None:
        self.ahead += int(by.total_seconds()) * 1_000_000_000


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    found = Clock()
    monkeypatch.setattr(folder_module, "time", found)
    return found


Request = Callable[[str], tuple[str, dict[str, str], bytes]]


def requester(app: FeedServer) -> Request:
    return functools.partial(call, app)


def held(body: bytes) -> dict[str, tuple[int, str]]:
    parse_both(body)
    return {
        str(e["UID"]): (int(e["SEQUENCE"]), str(e.get("STATUS", "")))
        for e in Calendar.from_ical(body).walk("VEVENT")
    }


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copyfile(QINGSHI, folder / "qingshi.toml")
    return folder


def removed_then_broken(plans: Path, request: Request) -> tuple[dict[str, str], bytes]:
    """Remove an activity (served cancelled), then break the file; the cancelled feed's answer."""
    request("/qingshi/plan.ics")
    drop_activities(plans / "qingshi.toml", GONE)
    _, headers, body = request("/qingshi/plan.ics")
    assert held(body)[UID] == (1, "CANCELLED")
    replace(plans / "qingshi.toml", 'id = "centre"', "id = centre")
    line, broken, again = request("/qingshi/plan.ics")
    assert line.startswith("200")
    assert (again, broken["etag"]) == (body, headers["etag"])  # the last good version
    return headers, body


def test_a_cancellation_leaves_the_feeds_of_a_broken_file_when_its_time_is_up(
    plans: Path, clock: Clock
) -> None:
    request = requester(FeedServer(plans, lang="zh"))
    headers, body = removed_then_broken(plans, request)
    clock.advance(CANCELLED_FOR - timedelta(days=1))
    assert request("/qingshi/plan.ics")[2] == body  # not yet
    clock.advance(timedelta(days=2))
    line, now, after = request("/qingshi/plan.ics")
    assert line.startswith("200")
    kept = held(after)
    assert UID not in kept
    assert kept == {uid: value for uid, value in held(body).items() if uid != UID}
    assert now["etag"] != headers["etag"]
    assert now["last-modified"] != headers["last-modified"]
    # Still broken: the page says so, and the feeds stay as they are now.
    page = request("/qingshi/")
    assert page[0].startswith("200")
    assert "第" in page[2].decode("utf-8")
    assert request("/qingshi/plan.ics")[2] == after


def test_a_department_s_feed_of_a_broken_file_empties_when_its_time_is_up(
    plans: Path, clock: Clock
) -> None:
    request = requester(FeedServer(plans, lang="zh", cancelled_for=timedelta(days=3)))
    ids = ["m02-1", "m06-1", "m07-1", "m10-1"]
    before = held(request(CULTURE)[2])
    assert before == {f"{i}@qingshi-2022.commedu": (0, "") for i in ids}
    drop_activities(plans / "qingshi.toml", *ids)
    assert held(request(CULTURE)[2]) == dict.fromkeys(before, (1, "CANCELLED"))
    replace(plans / "qingshi.toml", 'id = "centre"', "id = centre")
    clock.advance(timedelta(days=3))
    line, _, body = request(CULTURE)
    assert line.startswith("200")
    assert held(body) == {}


def test_revisions_at_a_moment_keep_the_cancellations_still_due(plans: Path) -> None:
    app = FeedServer(plans, lang="zh")
    request = requester(app)
    request("/qingshi/plan.ics")
    drop_activities(plans / "qingshi.toml", GONE)
    request("/qingshi/plan.ics")
    version = app.folder.version(app.folder.files()[0])
    revisions = version.revisions
    assert isinstance(revisions, Revisions)
    (cancelled,) = revisions.cancelled
    due = cancelled.removed + timedelta(hours=1)
    assert revisions.at(due - timedelta(seconds=1), timedelta(hours=1)) is revisions
    later = revisions.at(due, timedelta(hours=1))
    assert later.cancelled == ()
    assert dict(later) == dict(revisions)
    assert datetime.now(UTC) - cancelled.removed < timedelta(minutes=5)
