"""A feed asked for again is sent as it was made ready, while looks already made vouch for it.

Such a request is not routed again: no address is decoded, no look taken, no header formatted.
Every test here holds that it is answered exactly as the routed way would have answered it.
"""

from __future__ import annotations

import os
import shutil
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from commedu.calendar.revisions import CANCELLED_FOR
from commedu.web import app as app_module
from commedu.web import folder as folder_module
from commedu.web.app import FeedServer
from commedu.web.serving import ARRIVED
from tests.conftest import EXAMPLES, ROOT
from tests.planedits import drop_activities, replace

JINSHAN = EXAMPLES / "jinshan_2021.toml"
QINGSHI = ROOT / "docs" / "tutorial" / "qingshi_2022.toml"
FEED = "/jinshan/plan.ics"
GONE = "m02-1"
UID = f"{GONE}@qingshi-2022.commedu"

Answer = tuple[str, list[tuple[str, str]], bytes]


def settled(folder: Path, name: str, source: Path) -> Path:
    """``source`` copied into ``folder`` as ``name``, both dated an hour back (times trusted)."""
    folder.mkdir(exist_ok=True)
    shutil.copyfile(source, folder / name)
    then = time.time() - 3600
    os.utime(folder / name, (then, then))
    os.utime(folder, (then, then))
    return folder


def ready(folder: Path) -> FeedServer:
    """A server that has read the folder, with the revision store made and the folder settled."""
    app = FeedServer(folder)
    ask(app, None)
    then = time.time() - 3600
    os.utime(folder, (then, then))
    ask(app, None)  # the folder listed again, as it is now
    return app


def ask(
    app: FeedServer, arrived: int | None, path: str = FEED, method: str = "GET", **headers: str
) -> Answer:
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "HTTP_HOST": "feeds.example",
        **headers,
    }
    if arrived is not None:
        environ[ARRIVED] = arrived
    said: list[tuple[str, list[tuple[str, str]]]] = []

    def start_response(status: str, sent: list[tuple[str, str]], exc_info: object = None) -> Any:
        said.append((status, sent))

    body = b"".join(app(environ, start_response))
    ((status, sent),) = said
    return status, sent, body


@pytest.fixture
def routed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the requests routed (answered the long way), in order."""
    paths: list[str] = []
    real = FeedServer.respond

    def counting(self: FeedServer, environ: Any) -> Any:
        paths.append(str(environ.get("PATH_INFO")))
        return real(self, environ)

    monkeypatch.setattr(FeedServer, "respond", counting)
    return paths


def test_a_feed_asked_again_by_requests_that_arrived_together_is_routed_once(
    tmp_path: Path, routed: list[str]
) -> None:
    app = ready(settled(tmp_path / "plans", "jinshan.toml", JINSHAN))
    routed.clear()
    together = folder_module.clock()  # these requests arrived at once, and wait for a thread
    whole = ask(app, together)
    assert whole[0] == "200 OK"
    etag = dict(whole[1])["ETag"]
    short = ask(app, together, HTTP_IF_NONE_MATCH=etag)
    assert short[0] == "304 Not Modified"
    assert short[2] == b""
    for _ in range(3):
        assert ask(app, together, HTTP_IF_NONE_MATCH=etag) == short
        assert ask(app, together) == whole
    assert routed == [FEED]
    # the long way gives the same answers, byte for byte
    assert ask(app, None, HTTP_IF_NONE_MATCH=etag) == short
    assert ask(app, None) == whole
    assert routed == [FEED] * 3


def test_what_else_a_request_says_is_answered_as_the_long_way_would(
    tmp_path: Path, routed: list[str]
) -> None:
    app = ready(settled(tmp_path / "plans", "jinshan.toml", JINSHAN))
    together = folder_module.clock()
    etag = dict(ask(app, together)[1])["ETag"]
    asked: list[dict[str, str]] = [
        {"HTTP_IF_NONE_MATCH": f'W/{etag}, "x"'},  # weak and in a list: still current
        {"HTTP_IF_NONE_MATCH": '"other"'},
        {"HTTP_IF_MATCH": '"other"'},  # 412, though If-None-Match would say 304
        {"HTTP_IF_MATCH": '"other"', "HTTP_IF_NONE_MATCH": etag},
        {"HTTP_IF_MATCH": etag, "HTTP_IF_NONE_MATCH": etag},
        {"method": "HEAD"},
        {"method": "HEAD", "HTTP_IF_NONE_MATCH": etag},
        {"HTTP_HOST": "other.example"},  # its items link to the page at that host
        {"QUERY_STRING": "lang=en"},
        {"method": "POST"},
    ]
    for headers in asked:
        fast = [ask(app, together, **headers) for _ in range(2)]
        assert fast[0] == fast[1] == ask(app, None, **headers)
    statuses = [ask(app, together, **headers)[0] for headers in asked]
    assert statuses == [
        "304 Not Modified",
        "200 OK",
        "412 Precondition Failed",
        "412 Precondition Failed",
        "304 Not Modified",
        "200 OK",
        "304 Not Modified",
        "200 OK",
        "200 OK",
        "405 Method Not Allowed",
    ]
    bodies = {ask(app, together, **headers)[2] for headers in asked[7:9]}
    assert len(bodies | {ask(app, together)[2]}) == 3  # another host, another language


def test_a_request_that_arrived_after_the_last_look_looks_for_itself(
    tmp_path: Path, routed: list[str]
) -> None:
    folder = settled(tmp_path / "plans", "jinshan.toml", JINSHAN)
    app = ready(folder)
    before = ask(app, folder_module.clock())
    routed.clear()
    assert ask(app, folder_module.clock()) == before
    assert routed == [FEED]  # looked: unchanged, and then answered
    path = folder / "jinshan.toml"
    path.write_text(
        path.read_text("utf-8").replace("戏曲相声等艺术项目培训", "戏曲艺术培训"), "utf-8"
    )
    after = ask(app, folder_module.clock())
    assert "戏曲艺术培训".encode() in after[2]
    assert ask(app, folder_module.clock(), HTTP_IF_NONE_MATCH=dict(before[1])["ETag"]) == after


def test_a_folder_listed_again_is_not_answered_from_a_kept_answer(tmp_path: Path) -> None:
    folder = settled(tmp_path / "plans", "jinshan.toml", JINSHAN)
    app = ready(folder)
    together = folder_module.clock()
    assert ask(app, together)[0] == "200 OK"
    (folder / "jinshan.toml").rename(folder / "renamed.toml")
    # a later request lists the folder again: the plan has another address now
    assert ask(app, folder_module.clock(), "/renamed/plan.ics")[0] == "200 OK"
    assert ask(app, together)[0] == "404 Not Found"


def test_kept_answers_are_bounded_and_only_for_the_file_s_current_version(
    tmp_path: Path,
) -> None:
    folder = settled(tmp_path / "plans", "jinshan.toml", JINSHAN)
    app = ready(folder)
    together = folder_module.clock()
    for n in range(app_module._HOT_KEPT * 2):  # as a crawler asking with any query string
        assert ask(app, together, QUERY_STRING=f"x={n}")[0] == "200 OK"
        assert len(app._hot) <= app_module._HOT_KEPT
    path = folder / "jinshan.toml"
    path.write_text(path.read_text("utf-8").replace("戏曲相声", "戏曲"), "utf-8")
    assert b"\xe6\x88\x8f\xe6\x9b\xb2\xe7\x9b\xb8" not in ask(app, folder_module.clock())[2]
    (file,) = app.folder.files()
    current = app.folder.version(file)
    assert [kept[2] for kept in app._hot.values()] == [current]


def test_a_cancellation_whose_time_is_up_is_not_sent_from_a_kept_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = settled(tmp_path / "plans", "qingshi.toml", QINGSHI)
    app = ready(folder)
    feed = "/qingshi/plan.ics"
    ask(app, None, feed)
    drop_activities(folder / "qingshi.toml", GONE)
    cancelled = ask(app, None, feed)[2]
    assert statuses(cancelled)[UID] == "CANCELLED"
    # broken: the last version that loaded is served, its cancellation going by the clock
    replace(folder / "qingshi.toml", 'id = "centre"', "id = centre")
    together = folder_module.clock()
    assert ask(app, together, feed)[2] == cancelled  # looked, and kept
    assert ask(app, together, feed)[2] == cancelled  # from what was kept
    later = time.time_ns() + int((CANCELLED_FOR + timedelta(days=1)).total_seconds() * 1e9)

    class Later:
        @staticmethod
        def time_ns() -> int:
            return later

    monkeypatch.setattr(folder_module, "time", Later)
    gone = statuses(ask(app, together, feed)[2])
    assert UID not in gone
    assert gone == {uid: status for uid, status in statuses(cancelled).items() if uid != UID}


def statuses(body: bytes) -> dict[str, str]:
    return {
        str(e["UID"]): str(e.get("STATUS", "")) for e in Calendar.from_ical(body).walk("VEVENT")
    }
