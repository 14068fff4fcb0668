"""A look at a plan file answers every request that arrived before it began, and no other."""

from __future__ import annotations

import http.client
import os
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from commedu.web import folder as folder_module
from commedu.web.app import FeedServer
from commedu.web.serving import AGAIN, ARRIVED, create
from tests.conftest import EXAMPLES

JINSHAN = EXAMPLES / "jinshan_2021.toml"


def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copyfile(JINSHAN, folder / "jinshan.toml")
    settle(folder)
    return folder


def settle(folder: Path) -> None:
    """Date the plan and the folder an hour back: their times can then be trusted."""
    settled = time.time() - 3600
    os.utime(folder / "jinshan.toml", (settled, settled))
    os.utime(folder, (settled, settled))


@pytest.fixture
def looks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the folder looks at, as requests are answered."""
    seen: list[str] = []
    real = os.stat

    def counting(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        seen.append(os.path.basename(os.fspath(path)))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(folder_module.os, "stat", counting)
    return seen


def ask(app: FeedServer, arrived: int | None, *, again: bool = False) -> bytes:
    environ: dict[str, object] = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/jinshan/plan.ics",
        "QUERY_STRING": "",
        AGAIN: again,
    }
    if arrived is not None:
        environ[ARRIVED] = arrived
    return b"".join(app(environ, lambda status, headers, exc_info=None: None))


def test_requests_that_arrived_before_a_look_share_it(tmp_path: Path, looks: list[str]) -> None:
    folder = plans(tmp_path)
    app = FeedServer(folder)
    ask(app, None)  # read and listed
    settle(folder)  # since the revision store was made in it
    ask(app, None)
    looks.clear()
    waiting = folder_module.clock()  # these requests arrived together, and wait for a thread
    first = ask(app, waiting)
    assert looks == ["plans", "jinshan.toml"]  # the folder and the file, once each
    for _ in range(5):
        assert ask(app, waiting) == first
    assert looks == ["plans", "jinshan.toml"]
    ask(app, folder_module.clock())  # one that arrived after: it looks for itself
    assert looks == ["plans", "jinshan.toml"] * 2


def test_a_request_that_arrived_after_an_edit_is_answered_with_it(tmp_path: Path) -> None:
    folder = plans(tmp_path)
    app = FeedServer(folder)
    before = ask(app, folder_module.clock())
    assert ask(app, folder_module.clock()) == before  # looked, unchanged
    path = folder / "jinshan.toml"
    path.write_text(
        path.read_text("utf-8").replace("戏曲相声等艺术项目培训", "戏曲艺术培训"), "utf-8"
    )
    after = ask(app, folder_module.clock())
    assert "戏曲艺术培训".encode() in after
    assert after != before


def test_a_request_without_its_arrival_looks_for_itself(tmp_path: Path, looks: list[str]) -> None:
    folder = plans(tmp_path)
    app = FeedServer(folder)
    ask(app, None)
    settle(folder)
    ask(app, None)
    looks.clear()
    for _ in range(3):
        ask(app, None)
    assert looks == ["plans", "jinshan.toml"] * 3


@contextmanager
def _waitress(app: Any) -> Iterator[int]:
    """``app`` served by the server ``commedu serve`` runs, one thread, on a free port."""
    server = create(app, host="127.0.0.1", port=0, sockets={}, threads=1)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield int(server.effective_port)
    finally:
        server.close()
        thread.join(30)


def test_the_server_says_when_each_request_arrived() -> None:
    arrivals: list[object] = []
    called: list[int] = []

    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        called.append(time.monotonic_ns())
        arrivals.append(environ.get(ARRIVED))
        start_response("200 OK", [("Content-Length", "2")])
        return [b"ok"]

    sent: list[int] = []
    with _waitress(app) as port:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for _ in range(3):  # one connection, kept: each request has its own arrival
            sent.append(time.monotonic_ns())
            connection.request("GET", "/")
            assert connection.getresponse().read() == b"ok"
        connection.close()
    assert len(arrivals) == 3
    for before, arrived, answered in zip(sent, arrivals, called, strict=True):
        assert isinstance(arrived, int)
        assert before <= arrived <= answered


def test_a_kept_connection_shares_a_look_with_requests_that_arrive_shortly_after(
    tmp_path: Path, looks: list[str]
) -> None:
    folder = plans(tmp_path)
    app = FeedServer(folder)
    ask(app, None)
    settle(folder)
    ask(app, None)
    first = ask(app, folder_module.clock())  # looked at the folder and the file
    looks.clear()
    shortly = folder_module.clock()
    assert ask(app, shortly, again=True) == first
    assert looks == []  # the look just made answers it
    assert ask(app, shortly) == first  # on a new connection: it looks
    assert looks == ["plans", "jinshan.toml"]
    looks.clear()
    later = folder_module.clock() + folder_module.SHARED_FOR_NS + 1
    assert ask(app, later, again=True) == first  # too long after the last look: it looks
    assert looks == ["plans", "jinshan.toml"]


def test_on_a_kept_connection_an_edit_is_served_within_the_bound(tmp_path: Path) -> None:
    folder = plans(tmp_path)
    app = FeedServer(folder)
    ask(app, None)
    settle(folder)
    ask(app, None)
    before = ask(app, folder_module.clock())  # looked: the file as it was read
    path = folder / "jinshan.toml"
    path.write_text(
        path.read_text("utf-8").replace("戏曲相声等艺术项目培训", "戏曲艺术培训"), "utf-8"
    )
    # arrived at once after a look, on a kept connection: answered with what that look saw
    assert ask(app, folder_module.clock(), again=True) == before
    after = ask(app, folder_module.clock() + folder_module.SHARED_FOR_NS + 1, again=True)
    assert "戏曲艺术培训".encode() in after
    assert ask(app, folder_module.clock()) == after  # a new connection: it looks, and sees it


def test_the_server_says_whether_a_connection_was_answered_before() -> None:
    said: list[tuple[str, object]] = []

    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        said.append((environ["PATH_INFO"], environ.get(AGAIN)))
        start_response("200 OK", [("Content-Length", "2")])
        return [b"ok"]

    with _waitress(app) as port:
        for name in ("first", "second"):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            for n in range(3):
                connection.request("GET", f"/{name}/{n}")
                assert connection.getresponse().read() == b"ok"
            connection.close()
    assert said == [(f"/{name}/{n}", n > 0) for name in ("first", "second") for n in range(3)]
