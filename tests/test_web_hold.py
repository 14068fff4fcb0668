"""``commedu serve`` holds under hostile clients and a troubled store: the real waitress server."""

from __future__ import annotations

import contextlib
import shutil
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attrs
import pytest
from icalendar import Calendar

import commedu
from commedu.cli import EXIT_USAGE, main
from commedu.web.app import FeedServer
from commedu.web.feeds import feeds
from commedu.web.folder import PlanFolder, Version
from tests.conftest import EXAMPLES
from tests.webserver import TIMEOUT, Reply, Running, serving

JINSHAN = EXAMPLES / "jinshan_2021.toml"


def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copyfile(JINSHAN, folder / "jinshan.toml")
    return folder


def test_a_plan_with_no_activities_serves_an_empty_calendar(tmp_path: Path) -> None:
    folder = plans(tmp_path)
    plan = commedu.load_plan(JINSHAN)
    empty = attrs.evolve(plan, id="empty", schedule=attrs.evolve(plan.schedule, activities=()))
    commedu.dump_plan(empty, folder / "empty.toml")
    with serving(folder) as server:
        reply = server.request("/empty/plan.ics")
        assert reply.status == 200, reply.text
        calendar = Calendar.from_ical(reply.body)
        assert calendar.walk("VEVENT") == []
        assert str(calendar["X-WR-CALNAME"]).startswith(plan.township.name)
        # its page still stands, and a plan with activities is unaffected
        assert server.request("/empty/").status == 200
        assert server.request("/jinshan/plan.ics").body.count(b"BEGIN:VEVENT") == 36


def _answers(sock: socket.socket, count: int) -> list[tuple[bytes, dict[bytes, bytes], bytes]]:
    """Read ``count`` whole answers from one connection: status line, headers, body."""
    data = b""
    found: list[tuple[bytes, dict[bytes, bytes], bytes]] = []
    while len(found) < count:
        head, sep, rest = data.partition(b"\r\n\r\n")
        if sep:
            status, *lines = head.split(b"\r\n")
            headers = {
                name.strip().lower(): value.strip()
                for name, _, value in (line.partition(b":") for line in lines)
            }
            length = 0 if b" 304 " in status + b" " else int(headers[b"content-length"])
            if len(rest) >= length:
                found.append((status, headers, rest[:length]))
                data = rest[length:]
                continue
        chunk = sock.recv(65536)
        if not chunk:
            raise AssertionError(f"the connection closed after {len(found)} answers")
        data += chunk
    return found


#: Where the servers below say their feeds are: the raw requests' Host then changes no byte.
PUBLIC = "https://calendars.example/"


def _get(path: str, *extra: str) -> bytes:
    lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1", *extra, "", ""]
    return "\r\n".join(lines).encode()


def test_a_304_keeps_the_connection_for_a_request_pipelined_behind_it(tmp_path: Path) -> None:
    with serving(plans(tmp_path), base_url=PUBLIC) as server:
        tag = server.request("/jinshan/plan.ics").headers["etag"]
        with socket.create_connection((server.host, server.port), timeout=TIMEOUT) as sock:
            sock.sendall(
                _get("/jinshan/plan.ics", f"If-None-Match: {tag}")
                + _get("/jinshan/plan.ics")
                + _get("/jinshan/", "If-None-Match: " + tag)
            )
            (first, first_headers, _), (second, _, body), (third, _, page) = _answers(sock, 3)
            assert first.startswith(b"HTTP/1.1 304")
            assert first_headers.get(b"connection") != b"close"
            assert first_headers[b"etag"] == tag.encode()
            assert second.startswith(b"HTTP/1.1 200")
            assert body.count(b"BEGIN:VEVENT") == 36
            assert third.startswith(b"HTTP/1.1 200")  # another body's tag does not match
            assert b"<!DOCTYPE html>" in page[:100] or b"<html" in page
            # and the connection is still open for more
            sock.sendall(_get("/jinshan/plan.ics", f"If-None-Match: {tag}"))
            assert _answers(sock, 1)[0][0].startswith(b"HTTP/1.1 304")


def test_a_client_that_asks_to_close_after_a_304_is_closed(tmp_path: Path) -> None:
    with serving(plans(tmp_path), base_url=PUBLIC) as server:
        tag = server.request("/jinshan/plan.ics").headers["etag"]
        with socket.create_connection((server.host, server.port), timeout=TIMEOUT) as sock:
            sock.sendall(_get("/jinshan/plan.ics", f"If-None-Match: {tag}", "Connection: close"))
            ((status, headers, _),) = _answers(sock, 1)
            assert status.startswith(b"HTTP/1.1 304")
            assert headers[b"connection"] == b"close"
            assert sock.recv(1) == b""


def test_idle_connections_beyond_the_limit_do_not_starve_a_client(tmp_path: Path) -> None:
    limit = 4
    with (
        serving(
            plans(tmp_path), connection_limit=limit, idle_timeout=1, cleanup_interval=0.1
        ) as server,
        contextlib.ExitStack() as held,
    ):
        idle = []
        for i in range(2 * limit):
            sock = held.enter_context(socket.create_connection((server.host, server.port)))
            if i % 2:  # half say nothing, half begin a request and never finish it
                sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            idle.append(sock)
        reply = server.request("/jinshan/plan.ics")  # waits at most TIMEOUT
        assert reply.status == 200
        assert reply.body.count(b"BEGIN:VEVENT") == 36
        # the silent ones were closed by the server, not left to hold a place
        for sock in idle[:limit]:
            sock.settimeout(TIMEOUT)
            assert sock.recv(1) == b""


def test_at_the_limit_the_longest_silent_make_room_for_a_client(tmp_path: Path) -> None:
    """Silent clients are not closed by their timeout here (it is longer than a client waits)."""
    limit = 20
    with (
        serving(plans(tmp_path), connection_limit=limit, idle_timeout=10 * TIMEOUT) as server,
        contextlib.ExitStack() as held,
    ):
        idle = [
            held.enter_context(socket.create_connection((server.host, server.port)))
            for _ in range(2 * limit)
        ]
        for _ in range(3):
            reply = server.request("/jinshan/plan.ics")  # waits at most TIMEOUT
            assert reply.status == 200
            assert reply.body.count(b"BEGIN:VEVENT") == 36
        # the room was made by closing the ones that came first and said nothing
        idle[0].settimeout(TIMEOUT)
        assert idle[0].recv(1) == b""


def test_a_client_between_requests_is_closed_only_for_room(tmp_path: Path) -> None:
    """Below the limit a kept connection stays open for its next request."""
    with serving(plans(tmp_path), connection_limit=20, idle_timeout=10 * TIMEOUT) as server:
        sock = socket.create_connection((server.host, server.port), timeout=TIMEOUT)
        with sock:
            sock.sendall(_get("/jinshan/plan.ics"))
            assert _answers(sock, 1)[0][0].startswith(b"HTTP/1.1 200")
            time.sleep(1)  # longer than EVICT_AFTER: silent enough to go, were room needed
            sock.sendall(_get("/jinshan/plan.ics"))
            assert _answers(sock, 1)[0][0].startswith(b"HTTP/1.1 200")


@pytest.mark.parametrize("value", ["0", "-3", "many", "10001"])
def test_serve_refuses_a_connection_limit_that_is_not_one(
    tmp_path: Path, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", str(plans(tmp_path)), "--connection-limit", value]) == EXIT_USAGE
    assert f"{value!r} is not a connection limit" in capsys.readouterr().err


# -- the revision store: deleted, damaged or locked under a running server ----------------------

STORE = ".commedu-revisions.sqlite"
TITLES = ("戏曲相声等艺术项目培训", "戏曲艺术培训", "戏曲培训", "曲艺培训")


def sequences(reply: Reply) -> dict[str, int]:
    assert reply.status == 200, reply.text
    calendar = Calendar.from_ical(reply.body)
    return {str(e["SUMMARY"]): int(str(e["SEQUENCE"])) for e in calendar.walk("VEVENT")}


def retitle(folder: Path, before: str, after: str) -> None:
    path = folder / "jinshan.toml"
    text = path.read_text(encoding="utf-8")
    assert text.count(f'title = "{before}"') == 1
    path.write_text(text.replace(f'title = "{before}"', f'title = "{after}"'), encoding="utf-8")


def eventually(server: Running, title: str) -> dict[str, int]:
    """The plan's sequences once ``title`` is served; the server retries the store by itself."""
    for _ in range(TIMEOUT * 10):
        found = sequences(server.request("/jinshan/plan.ics"))
        if title in found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"{title} was never served")


def test_a_deleted_store_is_made_again_and_sequence_does_not_go_back(tmp_path: Path) -> None:
    folder = plans(tmp_path)
    with serving(folder) as server:
        sequences(server.request("/jinshan/plan.ics"))
        retitle(folder, TITLES[0], TITLES[1])
        assert sequences(server.request("/jinshan/plan.ics"))[TITLES[1]] == 1
        (folder / STORE).unlink()
        retitle(folder, TITLES[1], TITLES[2])
        after = sequences(server.request("/jinshan/plan.ics"))
        assert after[TITLES[2]] == 2
        assert set(after.values()) == {0, 2}
    # made again, holding what was served: a restarted server gives the same numbers
    with serving(folder) as restarted:
        assert sequences(restarted.request("/jinshan/plan.ics")) == after


def test_a_damaged_store_is_set_aside_and_made_again(tmp_path: Path) -> None:
    folder = plans(tmp_path)
    with serving(folder) as server:
        sequences(server.request("/jinshan/plan.ics"))
        retitle(folder, TITLES[0], TITLES[1])
        assert sequences(server.request("/jinshan/plan.ics"))[TITLES[1]] == 1
        garbage = b"\x00garbage, not a database\xff" * 512
        (folder / STORE).write_bytes(garbage)
        retitle(folder, TITLES[1], TITLES[2])
        after = sequences(server.request("/jinshan/plan.ics"))
        assert after[TITLES[2]] == 2
        assert (folder / f"{STORE}.damaged").read_bytes() == garbage
        retitle(folder, TITLES[2], TITLES[3])
        assert sequences(server.request("/jinshan/plan.ics"))[TITLES[3]] == 3
    with serving(folder) as restarted:
        assert sequences(restarted.request("/jinshan/plan.ics"))[TITLES[3]] == 3


@contextlib.contextmanager
def held(store: Path) -> Iterator[None]:
    """Another program holding the store's write lock."""
    other = sqlite3.connect(store, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        yield
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_a_held_lock_serves_the_last_good_calendar_and_waits_for_no_one_else(
    tmp_path: Path,
) -> None:
    folder = plans(tmp_path)
    with serving(folder) as server:
        first = server.request("/jinshan/plan.ics")
        assert TITLES[0] in sequences(first)
        with held(folder / STORE):
            retitle(folder, TITLES[0], TITLES[1])
            # the edit cannot be numbered yet: the last good calendar, whole, and no 500
            for _ in range(3):
                assert server.request("/jinshan/plan.ics").body == first.body
            # what does not need the store is answered as ever, all at once
            with ThreadPoolExecutor(8) as pool:
                paths = ["/nowhere/plan.ics", "/", "/jinshan/plan.ics"] * 4
                statuses = list(pool.map(lambda p: server.request(p).status, paths))
            assert statuses == [404, 200, 200] * 4
        # released: the edit is numbered and served
        assert eventually(server, TITLES[1])[TITLES[1]] == 1


def test_a_plan_first_seen_while_the_store_is_locked_asks_to_come_back(tmp_path: Path) -> None:
    folder = plans(tmp_path)
    with serving(folder) as server:
        server.request("/")  # the store is made
        with held(folder / STORE):
            text = (folder / "jinshan.toml").read_text(encoding="utf-8")
            edited = text.replace(f'title = "{TITLES[0]}"', f'title = "{TITLES[1]}"')
            edited = edited.replace('id = "jinshan-2021"', 'id = "copy-2021"')  # one file per id
            (folder / "copy.toml").write_text(edited, encoding="utf-8")
            reply = server.request("/copy/plan.ics")
            assert reply.status == 503
            assert reply.headers["retry-after"] == "60"
            assert "try again" in reply.text
            assert "稍后再试" in reply.text
            assert str(folder) not in reply.text  # no path of the server's is shown
        for _ in range(TIMEOUT * 10):
            reply = server.request("/copy/plan.ics")
            if reply.status == 200:
                break
            time.sleep(0.1)
        assert reply.status == 200


# -- what the server keeps is bounded -------------------------------------------------------------


def test_what_is_kept_of_files_that_came_and_went_is_let_go(tmp_path: Path) -> None:
    folder = plans(tmp_path)
    served = PlanFolder(folder)
    text = (folder / "jinshan.toml").read_text(encoding="utf-8")
    ledger = (EXAMPLES / "jinshan_2021_ledger.toml").read_bytes()
    for n in range(30):
        (folder / f"draft{n}.toml").write_text(text, encoding="utf-8")
        (folder / f"draft{n}.ledger.toml").write_bytes(ledger)
        file = served.file(f"draft{n}")
        assert file is not None
        version = served.version(file)
        assert version.plan is not None
        assert served.ledger(file, version.plan) is not None
        (folder / f"draft{n}.toml").unlink()
        (folder / f"draft{n}.ledger.toml").unlink()
    served.files()
    kept = (served._seen, served._ledgers, served._file_locks, served._retry)
    assert all(set(names) <= {"jinshan.toml"} for names in kept)
    # and what is still there is still kept: the same version, not read again
    (jinshan,) = served.files()
    assert served.version(jinshan) is served.version(jinshan)


def test_a_plan_s_pages_and_feeds_are_kept_once_each_however_often_its_ledger_changes(
    tmp_path: Path,
) -> None:
    folder = plans(tmp_path)
    app = FeedServer(folder)
    ledger = folder / "jinshan.ledger.toml"
    text = (EXAMPLES / "jinshan_2021_ledger.toml").read_text(encoding="utf-8")
    plan = commedu.load_plan(JINSHAN)
    addresses = ["/jinshan/", *(f"/jinshan/{feed.path}" for feed in feeds(plan))]
    for n in range(12):
        # each edit is another ledger: a note that differs
        ledger.write_text(text + f"\n# edit {n}\n", encoding="utf-8")
        for address in addresses:
            for lang in ("zh", "en"):
                answer = app.respond(
                    {"REQUEST_METHOD": "GET", "PATH_INFO": address, "QUERY_STRING": f"lang={lang}"}
                )
                assert answer.status == 200
    (file,) = app.folder.files()
    built = app.folder.version(file).built
    # one ledger page per language (the latest), one page without, each feed per language
    assert len(built) <= 2 * len(addresses) + 2
    assert sum(1 for key in built if "ledger" in key) == 2


def test_a_request_does_not_wait_while_another_reads_the_same_plan_again(tmp_path: Path) -> None:
    served = PlanFolder(plans(tmp_path))
    (file,) = served.files()
    first = served.version(file)
    given: list[object] = []
    with served._file_locks[file.name]:  # another request is reading it again
        reader = threading.Thread(target=lambda: given.append(served.version(file)))
        reader.start()
        reader.join(TIMEOUT)
        assert given == [first]
    # a plan never read before is waited for: there is nothing to give meanwhile
    fresh = PlanFolder(served.root)
    lock = fresh._file_locks.setdefault(file.name, threading.Lock())
    lock.acquire()
    waiting = threading.Thread(target=lambda: given.append(fresh.version(file)))
    waiting.start()
    waiting.join(0.2)
    assert waiting.is_alive()  # still waiting for the lock
    lock.release()
    waiting.join(TIMEOUT)
    assert len(given) == 2
    assert isinstance(given[1], Version)
    assert given[1].plan == first.plan
