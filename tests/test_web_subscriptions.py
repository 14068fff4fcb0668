"""Subscriptions that survive what happens to a plan: removals, a bad edit, conditional requests."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from commedu import load_plan
from commedu.calendar.revisions import RevisionStore
from tests.conftest import ROOT
from tests.icalcheck import parse_both
from tests.planedits import drop_activities, replace, without_activities, write
from tests.webserver import Reply, Running, serving

QINGSHI = ROOT / "docs" / "tutorial" / "qingshi_2022.toml"
CULTURE = "/qingshi/department/culture-station.ics"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copyfile(QINGSHI, plans / "qingshi.toml")
    return plans


@pytest.fixture
def server(folder: Path) -> Iterator[Running]:
    with serving(folder) as running:
        yield running


def held(reply: Reply) -> dict[str, tuple[int, str]]:
    """UID -> (SEQUENCE, STATUS) of a whole calendar, read by both parsers."""
    assert reply.status == 200
    assert reply.headers["content-type"] == "text/calendar; charset=utf-8"
    parse_both(reply.body)
    return {
        str(e["UID"]): (int(e["SEQUENCE"]), str(e.get("STATUS", "")))
        for e in Calendar.from_ical(reply.body).walk("VEVENT")
    }


def culture_ids() -> list[str]:
    return [a.id for a in load_plan(QINGSHI).schedule.of_department("culture-station")]


def test_a_feed_that_loses_its_last_item_serves_it_cancelled_then_empty(folder: Path) -> None:
    with serving(folder, cancelled_for=timedelta(seconds=2)) as running:
        before = held(running.request(CULTURE))
        assert set(before) == {f"{a}@qingshi-2022.commedu" for a in culture_ids()}
        whole = held(running.request("/qingshi/plan.ics"))
        drop_activities(folder / "qingshi.toml", *culture_ids())
        removed_at = time.time()
        after = running.request(CULTURE)
        assert held(after) == {
            uid: (sequence + 1, "CANCELLED") for uid, (sequence, _) in before.items()
        }
        # The whole plan's feed holds them cancelled too; the others are as they were.
        now = held(running.request("/qingshi/plan.ics"))
        assert {uid: now[uid] for uid in before} == held(after)
        assert {uid: now[uid] for uid in whole if uid not in before} == {
            uid: value for uid, value in whole.items() if uid not in before
        }
        # The index no longer offers the empty feed, but its address still answers.
        assert "culture-station.ics" not in running.request("/").text
        time.sleep(max(0.0, removed_at + 3 - time.time()))
        empty = running.request(CULTURE, headers={"If-None-Match": after.headers["etag"]})
        assert held(empty) == {}
        assert set(held(running.request("/qingshi/plan.ics"))) == set(whole) - set(before)


def test_a_bad_edit_keeps_the_feeds_and_the_page_says_what_and_since_when(
    server: Running, folder: Path
) -> None:
    path = folder / "qingshi.toml"
    good = server.request("/qingshi/plan.ics")
    culture = server.request(CULTURE)
    text = path.read_text("utf-8")
    started = time.time()
    write(
        path,
        text.replace('title = "元宵节传统文化进村居活动"', 'title = "元宵节传统文化进村居活动'),
    )
    for _ in range(2):
        again = server.request("/qingshi/plan.ics")
        assert (again.status, again.body, again.headers["etag"]) == (
            200,
            good.body,
            good.headers["etag"],
        )
        unchanged = server.request(CULTURE, headers={"If-None-Match": culture.headers["etag"]})
        assert unchanged.status == 304
    page = server.request("/qingshi/")
    assert page.status == 200
    assert page.headers["cache-control"] == "no-store"
    assert "自" in page.text
    assert "第" in page.text  # the problem's place, in Chinese
    assert "qingshi.toml" in page.text
    since = time.strftime("%Y-%m-%d %H:", time.gmtime(started))
    assert since in page.text
    english = server.request("/qingshi/?lang=en")
    assert "has not been a valid plan since" in english.text
    assert "line" in english.text
    index = server.request("/").text
    assert "其日历暂时提供最后一个有效版本" in index
    assert "/qingshi/plan.ics" in index  # its feeds are still offered
    # Mended: the feeds follow the file again.
    write(path, text.replace("元宵节传统文化进村居活动", "元宵节活动"))
    mended = held(server.request("/qingshi/plan.ics"))
    assert mended["m02-1@qingshi-2022.commedu"] == (1, "")
    assert "最后一个有效版本" not in server.request("/").text
    assert server.request("/qingshi/").status == 200


def test_a_plan_that_never_loaded_gets_the_error_page(folder: Path) -> None:
    (folder / "draft.toml").write_text('id = "draft\n', encoding="utf-8")
    with serving(folder) as running:
        for path in ("/draft/plan.ics", "/draft/"):
            assert running.request(path).status == 503


def test_if_match_is_honoured_on_get(server: Running) -> None:
    first = server.request("/qingshi/plan.ics")
    etag = first.headers["etag"]
    assert server.request("/qingshi/plan.ics", headers={"If-Match": etag}).body == first.body
    assert server.request("/qingshi/plan.ics", headers={"If-Match": f'"x", {etag}'}).status == 200
    assert server.request("/qingshi/plan.ics", headers={"If-Match": "*"}).status == 200
    for other in ('"other"', f"W/{etag}"):  # If-Match compares strongly
        reply = server.request("/qingshi/plan.ics", headers={"If-Match": other})
        assert (reply.status, reply.body) == (412, b"")
        assert reply.headers["etag"] == etag
    # If-Match goes first: a failed one is 412 whatever If-None-Match says.
    both = {"If-Match": '"other"', "If-None-Match": etag}
    assert server.request("/qingshi/plan.ics", headers=both).status == 412
    head = server.request("/qingshi/plan.ics", "HEAD", headers={"If-Match": '"other"'})
    assert (head.status, head.body) == (412, b"")


def test_every_calendar_says_its_charset(server: Running) -> None:
    plan = load_plan(QINGSHI)
    paths = ["/qingshi/plan.ics", *(f"/qingshi/department/{d.id}.ics" for d in plan.departments)]
    paths += [f"/qingshi/station/{s.id}.ics" for s in plan.stations]
    for path in paths:
        held(server.request(path))
        held(server.request(path + "?lang=en"))


def test_an_activity_that_comes_back_is_confirmed_one_up(server: Running, folder: Path) -> None:
    path = folder / "qingshi.toml"
    text = path.read_text("utf-8")
    server.request("/qingshi/plan.ics")
    drop_activities(path, "m02-1")
    assert held(server.request("/qingshi/plan.ics"))["m02-1@qingshi-2022.commedu"] == (
        1,
        "CANCELLED",
    )
    write(path, text)
    assert held(server.request("/qingshi/plan.ics"))["m02-1@qingshi-2022.commedu"] == (2, "")
    replace(path, "元宵节传统文化进村居活动", "元宵节活动")
    assert held(server.request("/qingshi/plan.ics"))["m02-1@qingshi-2022.commedu"] == (3, "")


def test_a_station_without_activities_answers_an_empty_calendar(folder: Path) -> None:
    path = folder / "qingshi.toml"
    drop_activities(path, *(a.id for a in load_plan(QINGSHI).schedule.at_station("hexi")))
    with serving(folder) as running:
        assert held(running.request("/qingshi/station/hexi.ics")) == {}


def test_a_store_holding_a_later_version_does_not_stop_the_file(folder: Path) -> None:
    """A version dated later than the file (a store copied from elsewhere) still lets it in."""
    store = RevisionStore(folder / ".commedu-revisions.sqlite")
    store.revise(load_plan(QINGSHI), source=2**62)
    replace(folder / "qingshi.toml", "元宵节传统文化进村居活动", "元宵节灯谜会")
    with serving(folder) as running:
        assert held(running.request("/qingshi/plan.ics"))["m02-1@qingshi-2022.commedu"] == (1, "")


def test_a_department_that_went_with_its_activities_keeps_its_feed_while_they_are_cancelled(
    folder: Path,
) -> None:
    path = folder / "qingshi.toml"
    block = '[[departments]]\nid = "culture-station"\nname = "文化站"\n\n'
    with serving(folder, cancelled_for=timedelta(seconds=2)) as running:
        before = held(running.request(CULTURE))
        text = without_activities(path.read_text("utf-8"), *culture_ids())
        assert text.count(block) == 1
        write(path, text.replace(block, ""))
        removed_at = time.time()
        after = held(running.request(CULTURE))
        assert after == {uid: (sequence + 1, "CANCELLED") for uid, (sequence, _) in before.items()}
        assert "文化站" in running.request(CULTURE).text  # the calendar's name still says whose
        time.sleep(max(0.0, removed_at + 3 - time.time()))
        # Gone with its last cancellation: now the plan never had it, as far as anyone can tell.
        assert running.request(CULTURE).status == 404
