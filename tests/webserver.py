"""A real waitress server on the loopback interface, for tests that talk HTTP to the feeds."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from waitress import wasyncore

from commedu._messages import Lang
from commedu.calendar.revisions import CANCELLED_FOR
from commedu.web.app import make_app
from commedu.web.serving import CLEANUP_INTERVAL, CONNECTION_LIMIT, IDLE_TIMEOUT, create

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication

#: No test waits longer than this for one answer.
TIMEOUT = 30


@attrs.frozen
class Reply:
    status: int
    headers: dict[str, str]  #: names in lower case
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


@attrs.frozen
class Running:
    host: str
    port: int

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def request(
        self, path: str, method: str = "GET", headers: dict[str, str] | None = None
    ) -> Reply:
        """Send ``path`` exactly as given (no normalising), on a new connection."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
        try:
            connection.putrequest(method, path, skip_accept_encoding=True)
            for name, value in (headers or {}).items():
                connection.putheader(name, value)
            connection.endheaders()
            response = connection.getresponse()
            body = response.read()
            return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, body)
        finally:
            connection.close()


def call(
    app: WSGIApplication, path: str, *, host: str = "localhost", agent: str = "Mozilla/5.0"
) -> tuple[str, dict[str, str], bytes]:
    """One GET straight into a WSGI application: its status line, headers (lower-case) and body."""
    said: list[tuple[str, list[tuple[str, str]]]] = []

    def start_response(line: str, headers: list[tuple[str, str]], exc_info: object = None) -> None:
        said.append((line, headers))

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": host.partition(":")[0],
        "SERVER_PORT": host.partition(":")[2] or "80",
        "HTTP_HOST": host,
        "HTTP_USER_AGENT": agent,
        "wsgi.url_scheme": "http",
    }
    body = b"".join(app(environ, start_response))  # type: ignore[arg-type]
    line, headers = said[0]
    return line, {k.lower(): v for k, v in headers}, body


@contextmanager
def serving(
    folder: Path,
    *,
    lang: Lang | None = None,
    base_url: str | None = None,
    connection_limit: int = CONNECTION_LIMIT,
    idle_timeout: float = IDLE_TIMEOUT,
    cleanup_interval: float = CLEANUP_INTERVAL,
    cancelled_for: timedelta = CANCELLED_FOR,
) -> Iterator[Running]:
    """The folder's feeds on 127.0.0.1 at a free port, stopped and joined on the way out.

    The server is the one ``commedu serve`` runs, with its limits unless given.
    """
    server = create(
        make_app(folder, lang=lang, base_url=base_url, cancelled_for=cancelled_for),
        host="127.0.0.1",
        port=0,
        sockets={},
        threads=8,
        ident="commedu-test",
        connection_limit=connection_limit,
        idle_timeout=idle_timeout,
        cleanup_interval=cleanup_interval,
    )
    stopping = threading.Event()

    def run() -> None:
        # waitress's own loop, driven here so that the server is closed in its own thread.
        while not stopping.is_set():
            wasyncore.loop(timeout=0.05, map=server._map, count=1, use_poll=True)
        server.task_dispatcher.shutdown()
        wasyncore.close_all(server._map)

    thread = threading.Thread(target=run, name="waitress", daemon=True)
    thread.start()
    try:
        yield Running("127.0.0.1", int(server.effective_port))
    finally:
        stopping.set()
        thread.join(TIMEOUT)
        assert not thread.is_alive(), "the test server did not stop"
