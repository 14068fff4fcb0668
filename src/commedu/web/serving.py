"""The waitress server that runs the feeds: its limits against idle clients, and keep-alive.

waitress is loaded only when a server is made, so no other command pays for it; the limits
below can be read (for ``--help``) without it.

- **Connections.** At most :data:`CONNECTION_LIMIT` connections are held at once (waitress's
  default is 100); beyond that, new ones wait in the listening queue. A connection that has sent
  nothing for :data:`IDLE_TIMEOUT` seconds is closed, checked every :data:`CLEANUP_INTERVAL`
  seconds, so clients that open sockets and say nothing can delay an answer by at most about
  ``IDLE_TIMEOUT + CLEANUP_INTERVAL`` per limit's worth of them, never starve the server.
- **Keep-alive after 304.** waitress 3 closes an HTTP/1.1 connection after any answer without a
  Content-Length, which a 304 Not Modified must not carry; a request pipelined behind it was
  never answered. A 304 has no body, so its end is known: the connection is kept.
"""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["CLEANUP_INTERVAL", "CONNECTION_LIMIT", "IDLE_TIMEOUT", "THREADS", "create"]

#: How many connections are held at once.
CONNECTION_LIMIT = 500
#: Seconds a connection may stay silent (no request under way) before it is closed.
IDLE_TIMEOUT = 10
#: Seconds between looks for silent connections.
CLEANUP_INTERVAL = 1
#: Requests answered at once.
THREADS = 4


@functools.cache
def _channel() -> type[Any]:
    """waitress's connection class, with tasks that keep the connection after a 304."""
    from waitress.channel import HTTPChannel
    from waitress.task import WSGITask

    class _Task(WSGITask):
        """A request's task that keeps the connection open after an answer without a body."""

        _bodiless = False

        def build_response_header(self) -> bytes:
            headers: dict[str, str] = getattr(self.request, "headers", {})
            connection = headers.get("CONNECTION", "").lower()
            self._bodiless = (
                not self.has_body
                and self.version == "1.1"
                and connection != "close"
                and not self.close_on_finish
            )
            try:
                header: bytes = super().build_response_header()
            finally:
                self._bodiless = False
            return header

        def set_close_on_finish(self) -> None:
            # Inside build_response_header, only "no Content-Length" asks for a close: a 204 or
            # 304 has no body to delimit, so there is nothing to close for.
            if not self._bodiless:
                super().set_close_on_finish()

    class _Channel(HTTPChannel):
        task_class = _Task

    return _Channel


def create(
    app: Any,
    *,
    host: str,
    port: int,
    sockets: dict[int, Any],
    connection_limit: int = CONNECTION_LIMIT,
    idle_timeout: float = IDLE_TIMEOUT,
    cleanup_interval: float = CLEANUP_INTERVAL,
    threads: int = THREADS,
    ident: str = "commedu",
) -> Any:
    """A waitress server for ``app`` listening on ``host``:``port``, not yet running.

    ``sockets`` receives waitress's sockets, so they can be closed however it ends. Raises
    :class:`OSError` or :class:`ValueError` when it cannot listen there.
    """
    from waitress.server import BaseWSGIServer, create_server

    server = create_server(
        app,
        map=sockets,
        host=host,
        port=port,
        threads=threads,
        ident=ident,
        connection_limit=connection_limit,
        channel_timeout=idle_timeout,
        cleanup_interval=cleanup_interval,
    )
    for listener in list(sockets.values()):
        if isinstance(listener, BaseWSGIServer):
            listener.channel_class = _channel()
    return server
