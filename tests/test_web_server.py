"""``commedu serve``'s application under a real waitress server, spoken to over real HTTP."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

import attrs
import pytest
from icalendar import Calendar

import commedu
from commedu import Plan, load_plan
from commedu.compliance.builtin import example_plan
from commedu.datafile.plan import MAX_BYTES
from tests.conftest import EXAMPLES, ROOT
from tests.webserver import Reply, Running, serving

JINSHAN = EXAMPLES / "jinshan_2021.toml"
QINGSHI = ROOT / "docs" / "tutorial" / "qingshi_2022.toml"


PUBLIC = "https://calendars.example/"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copyfile(JINSHAN, plans / "jinshan.toml")
    shutil.copyfile(QINGSHI, plans / "qingshi.toml")
    return plans


@pytest.fixture
def server(folder: Path) -> Iterator[Running]:
    with serving(folder) as running:
        yield running


def events(reply: Reply) -> list[str]:
    """The UIDs of a whole, parseable calendar (icalendar raises on a cut-off one)."""
    assert reply.status == 200
    assert reply.headers["content-type"] == "text/calendar; charset=utf-8"
    assert reply.body.rstrip().endswith(b"END:VCALENDAR")
    calendar = Calendar.from_ical(reply.body)
    return [str(event["UID"]) for event in calendar.walk("VEVENT")]


def test_the_whole_plan_and_each_department_and_station_have_a_feed(
    server: Running, jinshan: Plan
) -> None:
    whole = events(server.request("/jinshan/plan.ics"))
    assert len(whole) == len(jinshan.activities) == 36
    culture = jinshan.department("文化站")
    mine = events(server.request(f"/jinshan/department/{culture.id}.ics"))
    assert len(mine) == len(jinshan.schedule.of_department(culture.id))
    assert set(mine) < set(whole)
    qingshi = load_plan(QINGSHI)
    for station in qingshi.stations:
        at = events(server.request(f"/qingshi/station/{station.id}.ics"))
        assert len(at) == len(qingshi.schedule.at_station(station.id))


def test_the_index_lists_every_feed_with_links_to_copy(server: Running, jinshan: Plan) -> None:
    reply = server.request("/")
    assert reply.status == 200
    assert reply.headers["content-type"] == "text/html; charset=utf-8"
    page = reply.text
    culture = jinshan.department("文化站").id
    for scheme in ("webcal", "http"):
        assert f"{scheme}://127.0.0.1:{server.port}/jinshan/plan.ics" in page
        assert f"{scheme}://127.0.0.1:{server.port}/jinshan/department/{culture}.ics" in page
    assert '<code class="url">' in page
    assert jinshan.title in page
    assert "日历订阅" in page  # both plans are Chinese, so the list is too
    assert "Community-education calendar feeds" in server.request("/?lang=en").text


def test_a_public_address_replaces_the_request_s_in_links(folder: Path) -> None:
    with serving(folder, base_url="https://edu.example.cn/calendars") as running:
        page = running.request("/").text
    assert "https://edu.example.cn/calendars/jinshan/plan.ics" in page
    assert "webcal://edu.example.cn/calendars/jinshan/plan.ics" in page
    assert "127.0.0.1" not in page


def test_an_unchanged_feed_answers_304(server: Running) -> None:
    first = server.request("/jinshan/plan.ics")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert first.headers["cache-control"] == "no-cache"
    again = server.request("/jinshan/plan.ics", headers={"If-None-Match": etag})
    assert (again.status, again.body, again.headers["etag"]) == (304, b"", etag)
    weak = server.request("/jinshan/plan.ics", headers={"If-None-Match": f'"x", W/{etag}'})
    assert weak.status == 304
    assert server.request("/jinshan/plan.ics", headers={"If-None-Match": "*"}).status == 304
    other = server.request("/jinshan/plan.ics", headers={"If-None-Match": '"other"'})
    assert other.status == 200
    assert other.body == first.body
    since = server.request("/jinshan/plan.ics", headers={"If-Modified-Since": modified})
    assert since.status == 304
    earlier = format_datetime(
        datetime.fromtimestamp(parsedate_to_datetime(modified).timestamp() - 1, UTC), usegmt=True
    )
    assert server.request("/jinshan/plan.ics", headers={"If-Modified-Since": earlier}).status == 200
    for unreadable in ("yesterday", "Sun, 06 Nov 1994 08:49:37"):
        reply = server.request("/jinshan/plan.ics", headers={"If-Modified-Since": unreadable})
        assert reply.status == 200
    # If-None-Match wins: a changed tag is answered in full whatever the date says.
    both = {"If-None-Match": '"other"', "If-Modified-Since": modified}
    assert server.request("/jinshan/plan.ics", headers=both).status == 200


def revisions(reply: Reply) -> dict[str, tuple[int, datetime]]:
    """UID -> (SEQUENCE, LAST-MODIFIED) of every event."""
    calendar = Calendar.from_ical(reply.body)
    return {
        str(e["UID"]): (int(e["SEQUENCE"]), e["LAST-MODIFIED"].dt) for e in calendar.walk("VEVENT")
    }


def stamp(reply: Reply) -> datetime:
    (event, *_) = Calendar.from_ical(reply.body).walk("VEVENT")
    moment: datetime = event["DTSTAMP"].dt
    return moment


def test_last_modified_is_the_newest_change_and_the_calendar_s_dtstamp(
    server: Running, folder: Path
) -> None:
    old = datetime(2021, 3, 1, 8, 0, tzinfo=UTC).timestamp()
    os.utime(folder / "jinshan.toml", (old, old))
    reply = server.request("/jinshan/plan.ics")
    modified = parsedate_to_datetime(reply.headers["last-modified"])
    newest = max(changed for _, changed in revisions(reply).values())
    assert modified == newest == stamp(reply)
    # An edit the calendars do not show (the plan's goals) revises no item, but the file is newer.
    path = folder / "jinshan.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('goals = "', 'goals = "（修订）', 1), encoding="utf-8")
    later = time.time() + 3600  # in the future: clamped to the moment it is read
    os.utime(path, (later, later))
    again = server.request("/jinshan/plan.ics")
    assert revisions(again) == revisions(reply)
    moved = parsedate_to_datetime(again.headers["last-modified"])
    # The items were not revised, so their DTSTAMP stays; the file's clamped time moves on.
    assert newest == stamp(again) <= moved
    assert moved.timestamp() <= time.time()


def test_an_edited_item_s_sequence_goes_up_and_survives_a_restart(folder: Path) -> None:
    path = folder / "jinshan.toml"
    # One public address: a restart on another port then changes no byte of the feed.
    with serving(folder, base_url=PUBLIC) as running:
        before = revisions(running.request("/jinshan/plan.ics"))
        assert {sequence for sequence, _ in before.values()} == {0}
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("戏曲相声等艺术项目培训", "戏曲艺术培训"), encoding="utf-8")
        edited = running.request("/jinshan/plan.ics")
        after = revisions(edited)
    changed = {uid for uid in before if after[uid] != before[uid]}
    assert len(changed) == 1
    (uid,) = changed
    assert after[uid][0] == 1
    assert after[uid][1] >= before[uid][1]
    # A new server on the same folder remembers: the same bytes, so the client's copy is current.
    with serving(folder, base_url=PUBLIC) as restarted:
        again = restarted.request(
            "/jinshan/plan.ics", headers={"If-None-Match": edited.headers["etag"]}
        )
        assert again.status == 304
        assert revisions(restarted.request("/jinshan/plan.ics")) == after
    assert (folder / ".commedu-revisions.sqlite").is_file()


def test_a_file_dated_in_the_future_does_not_claim_to_be(server: Running, folder: Path) -> None:
    later = time.time() + 10 * 365 * 86400
    os.utime(folder / "jinshan.toml", (later, later))
    reply = server.request("/jinshan/plan.ics")
    assert parsedate_to_datetime(reply.headers["last-modified"]).timestamp() <= time.time()


def test_touching_a_file_changes_nothing_served(server: Running, folder: Path) -> None:
    past = time.time() - 3600
    os.utime(folder / "jinshan.toml", (past, past))
    first = server.request("/jinshan/plan.ics")
    assert server.request("/jinshan/plan.ics").body == first.body  # the settled file is reused
    os.utime(folder / "jinshan.toml")
    again = server.request("/jinshan/plan.ics")
    assert again.headers["etag"] == first.headers["etag"]
    assert again.headers["last-modified"] == first.headers["last-modified"]


def test_an_edit_is_served_at_the_next_request_without_a_restart(
    server: Running, folder: Path
) -> None:
    before = server.request("/jinshan/plan.ics")
    path = folder / "jinshan.toml"
    text = path.read_text(encoding="utf-8")
    assert text.count('title = "戏曲相声等艺术项目培训"') == 1
    path.write_text(text.replace("戏曲相声等艺术项目培训", "戏曲艺术培训"), encoding="utf-8")
    after = server.request("/jinshan/plan.ics", headers={"If-None-Match": before.headers["etag"]})
    assert after.status == 200
    assert "戏曲艺术培训" in after.text
    assert after.headers["etag"] != before.headers["etag"]


def test_fifty_concurrent_requests_all_get_whole_calendars(server: Running) -> None:
    paths = ["/jinshan/plan.ics", "/qingshi/plan.ics", "/jinshan/department/centre.ics"] * 17
    with ThreadPoolExecutor(max_workers=50) as pool:
        replies = list(pool.map(server.request, paths[:50]))
    assert len(replies) == 50
    by_path: dict[str, set[bytes]] = {}
    for path, reply in zip(paths, replies, strict=False):
        assert events(reply)
        by_path.setdefault(path, set()).add(reply.body)
    assert all(len(bodies) == 1 for bodies in by_path.values())


def test_head_sends_the_headers_of_get_and_no_body(server: Running) -> None:
    get = server.request("/jinshan/plan.ics")
    head = server.request("/jinshan/plan.ics", method="HEAD")
    assert head.status == 200
    assert head.body == b""
    assert head.headers["content-length"] == str(len(get.body))
    assert head.headers["etag"] == get.headers["etag"]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_only_get_and_head_are_answered(server: Running, method: str) -> None:
    reply = server.request("/jinshan/plan.ics", method=method)
    assert reply.status == 405
    assert reply.headers["allow"] == "GET, HEAD"
    assert "只接受 GET 和 HEAD" in reply.text
    assert "GET and HEAD requests only" in reply.text


def test_labels_follow_the_plan_s_language_unless_asked(folder: Path) -> None:
    with serving(folder) as running:
        assert "责任部门：" in running.request("/jinshan/plan.ics").text
        english = running.request("/jinshan/plan.ics?lang=en").text
        assert "Responsible: " in english
        assert "责任部门：" not in english
        bad = running.request("/jinshan/plan.ics?lang=fr")
        assert bad.status == 400
        assert "zh" in bad.text
        assert "en" in bad.text
    with serving(folder, lang="en") as running:
        assert "Responsible: " in running.request("/jinshan/plan.ics").text
        assert "the year at a glance" in running.request("/jinshan/").text


def test_the_year_at_a_glance_is_served_as_commedu_html_writes_it(
    server: Running, jinshan: Plan
) -> None:
    reply = server.request("/jinshan/")
    assert reply.status == 200
    # With the address the request came to, where the feeds are: `commedu html --base-url`.
    assert reply.body == commedu.glance_html(jinshan, feeds_url=f"{server.base}/jinshan/")
    assert "default-src 'none'" in reply.headers["content-security-policy"]
    again = server.request("/jinshan/", headers={"If-None-Match": reply.headers["etag"]})
    assert again.status == 304
    moved = server.request("/jinshan")
    assert (moved.status, moved.headers["location"]) == (301, "/jinshan/")
    moved = server.request("/jinshan?lang=en")
    assert moved.headers["location"] == "/jinshan/?lang=en"


@pytest.mark.parametrize(
    "path",
    [
        "/nothing/",
        "/jinshan/department/nobody.ics",
        "/jinshan/station/nowhere.ics",
        "/jinshan/plan.ics/",
        "/jinshan/department/centre",
        "/jinshan.toml/plan.ics",
    ],
)
def test_what_is_not_there_is_404(server: Running, path: str) -> None:
    reply = server.request(path)
    assert reply.status == 404
    assert "找不到此页面" in reply.text
    assert "Not found" in reply.text
    assert reply.headers["cache-control"] == "no-store"


def test_a_department_without_activities_is_not_listed_but_its_feed_is_empty(
    folder: Path,
) -> None:
    path = folder / "qingshi.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + '\n[[departments]]\nid = "idle"\nname = "闲置办公室"\n', encoding="utf-8"
    )
    with serving(folder) as running:
        # Its last activity may just have gone: a subscriber gets an empty calendar, not a 404.
        assert events(running.request("/qingshi/department/idle.ics")) == []
        assert "department/idle.ics" not in running.request("/").text
        assert running.request("/qingshi/department/nobody.ics").status == 404
        assert running.request("/qingshi/station/nowhere.ics").status == 404


@pytest.mark.parametrize(
    "path",
    [
        "/../plans/jinshan.toml",
        "/..%2fsecret.toml",
        "/%2e%2e/secret.toml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "//etc/passwd",
        "/%2Fetc%2Fpasswd",
        "/jinshan/../../secret/plan.ics",
        "/secret/plan.ics",
        "/%ff%fe/plan.ics",
        "/.commedu-revisions/plan.ics",
    ],
)
def test_no_address_reaches_outside_the_folder(folder: Path, path: str) -> None:
    secret = folder.parent / "secret.toml"
    shutil.copyfile(QINGSHI, secret)
    with serving(folder) as running:
        reply = running.request(path)
    assert reply.status in (400, 404)
    assert "BEGIN:VCALENDAR" not in reply.text


def test_a_link_out_of_the_folder_is_not_followed(folder: Path) -> None:
    outside = folder.parent / "outside.toml"
    shutil.copyfile(QINGSHI, outside)
    (folder / "linked.toml").symlink_to(outside)
    (folder / "alias.toml").symlink_to(folder / "qingshi.toml")
    with serving(folder) as running:
        refused = running.request("/linked/plan.ics")
        assert refused.status == 503
        assert "链接" in refused.text
        assert "outside the folder" in refused.text
        assert "青石镇" not in refused.text
        # A link to a plan in the same folder is that plan.
        assert events(running.request("/alias/plan.ics"))


def test_only_ordinary_files_are_read(folder: Path) -> None:
    os.mkfifo(folder / "pipe")
    (folder / "pipe.toml").symlink_to(folder / "pipe")
    os.mkfifo(folder / "fifo.toml")
    (folder / "folder.toml").mkdir()
    (folder / ".hidden.toml").write_text("not listed", encoding="utf-8")
    (folder / "notes.txt").write_text("not a plan", encoding="utf-8")
    with serving(folder) as running:
        pipe = running.request("/pipe/plan.ics")  # answered at once: a pipe is never read
        assert pipe.status == 503
        assert "not an ordinary file" in pipe.text
        page = running.request("/").text
        for name in ("fifo", "folder", "hidden", "notes"):
            assert running.request(f"/{name}/plan.ics").status == 404
            assert f"{name}." not in page


def test_files_with_the_same_stem_are_told_apart_by_their_whole_names(folder: Path) -> None:
    shutil.copyfile(QINGSHI, folder / "twin.toml")
    # Each its own plan id: a folder serves one file per id.
    twin = attrs.evolve(load_plan(JINSHAN), id="jinshan-twin")
    (folder / "twin.json").write_bytes(commedu.dumps_plan(twin, "json").encode())
    (folder / "金山镇.toml").write_bytes(
        JINSHAN.read_bytes().replace(b'id = "jinshan-2021"', b'id = "jinshan-chinese-name"')
    )
    with serving(folder) as running:
        assert "青石镇" in running.request("/twin.toml/plan.ics").text
        assert "金山镇" in running.request("/twin.json/plan.ics").text
        assert running.request("/twin/plan.ics").status == 404
        chinese = "/%E9%87%91%E5%B1%B1%E9%95%87/"
        assert chinese + "plan.ics" in running.request("/").text
        assert events(running.request(chinese + "plan.ics"))


def test_a_bad_plan_file_answers_with_its_problems_and_the_rest_go_on(folder: Path) -> None:
    bad = folder / "broken.toml"
    bad.write_text('id = "broken\n', encoding="utf-8")
    with serving(folder) as running:
        for path in ("/broken/plan.ics", "/broken/"):
            reply = running.request(path)
            assert reply.status == 503
            assert reply.headers["retry-after"] == "60"
            assert reply.headers["content-type"] == "text/html; charset=utf-8"
            assert "计划文件有误" in reply.text
            assert "The plan file has problems" in reply.text
            assert "第 1 行" in reply.text
            assert "line 1, column" in reply.text
        index = running.request("/").text
        assert "broken.toml" in index
        assert "无法读取" in index
        assert events(running.request("/jinshan/plan.ics"))
        # Fixed in place: served at once, no restart.
        bad.write_bytes(QINGSHI.read_bytes().replace(b'id = "qingshi-2022"', b'id = "fixed-2022"'))
        assert events(running.request("/broken/plan.ics"))


def test_a_plan_file_too_large_to_be_one_is_not_read_whole(folder: Path) -> None:
    with (folder / "huge.toml").open("wb") as handle:
        handle.truncate(MAX_BYTES + 100)
    with serving(folder) as running:
        reply = running.request("/huge/plan.ics")
    assert reply.status == 503
    assert f"{MAX_BYTES + 100} bytes" in reply.text


def test_a_file_that_vanishes_or_cannot_be_read_is_reported(folder: Path) -> None:
    path = folder / "qingshi.toml"
    with serving(folder) as running:
        served = running.request("/qingshi/plan.ics")
        assert events(served)
        path.unlink()
        path.symlink_to(folder / "gone.toml")  # listed, but there is nothing to read
        # It loaded before: its feeds go on with that version, its page says what is wrong.
        for _ in range(2):
            assert running.request("/qingshi/plan.ics").body == served.body
        gone = running.request("/qingshi/?lang=en")
        (folder / "loop.toml").symlink_to(folder / "round.toml")
        (folder / "round.toml").symlink_to(folder / "loop.toml")
        loop = running.request("/loop/plan.ics")
    assert (gone.status, loop.status) == (200, 503)
    assert "does not exist" in gone.text
    assert "cannot be read" in loop.text


def test_a_folder_that_disappears_is_a_503_not_a_crash(folder: Path) -> None:
    with serving(folder) as running:
        shutil.rmtree(folder)
        reply = running.request("/")
        assert reply.status == 503
        assert "cannot list the folder" in reply.text
        assert running.request("/jinshan/plan.ics").status == 503


def test_a_failing_rule_plugin_costs_its_page_not_the_server(
    server: Running, jinshan: Plan
) -> None:
    def broken(plan: Plan, profile: commedu.Profile | None) -> commedu.Outcome:
        raise RuntimeError("a plugin rule broke")

    text = commedu.Text("A rule that breaks.", "会出错的规则。")
    rule = commedu.Rule(
        "ZZ901",
        "breaks",
        commedu.Severity.INFO,
        text,
        text,
        text,
        broken,
        commedu.Example(text, example_plan),
        commedu.Example(text, example_plan),
    )
    commedu.register_rule(rule)
    try:
        reply = server.request("/jinshan/")
    finally:
        commedu.unregister_rule(rule.code)
    assert reply.status == 500
    assert "服务器内部错误" in reply.text
    assert "Internal error" in reply.text
    assert "a plugin rule broke" not in reply.text  # details go to the log, not to visitors
    assert events(server.request("/jinshan/plan.ics"))
    assert server.request("/jinshan/").status == 200


def test_an_empty_folder_says_so(tmp_path: Path) -> None:
    with serving(tmp_path) as running:
        page = running.request("/?lang=en").text
    assert "This folder holds no plan file" in page


def test_a_ledger_beside_a_plan_adds_its_progress_to_the_page_not_a_plan_to_the_list(
    server: Running, folder: Path
) -> None:
    assert "完成进度" not in server.request("/jinshan/").text
    shutil.copyfile(EXAMPLES / "jinshan_2021_ledger.toml", folder / "jinshan.ledger.toml")
    page = server.request("/jinshan/")
    assert page.status == 200
    assert "完成进度" in page.text  # the ledger's progress section
    index = server.request("/")
    assert "/jinshan.ledger/" not in index.text  # a ledger is not listed as a plan of its own
    assert server.request("/jinshan.ledger/").status == 404
    # An edited ledger gives a new page, not the one made from the old ledger.
    ledger = folder / "jinshan.ledger.toml"
    text = ledger.read_text("utf-8")
    first = text.index("[[records]]")
    ledger.write_text(text[:first], "utf-8")  # every record gone: nothing is done
    fewer = server.request("/jinshan/", headers={"If-None-Match": page.headers["etag"]})
    assert fewer.status == 200
    assert fewer.headers["etag"] != page.headers["etag"]
    # A ledger that is not this plan's is left out rather than breaking the page.
    ledger.write_text('plan_id = "other-2021"\nyear = 2021\n', "utf-8")
    broken = server.request("/jinshan/")
    assert broken.status == 200
    assert "完成进度" not in broken.text
