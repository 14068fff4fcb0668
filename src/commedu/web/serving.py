"""The waitress server that runs the feeds: its limits against idle clients, and keep-alive.

waitress is loaded only when a server is made, so no other command pays for it; the limits
below can be read (for ``--help``) without it.

- **Connections.** At most :data:`CONNECTION_LIMIT` connections are held at once (waitress's
  default is 100). A connection that has sent nothing for :data:`IDLE_TIMEOUT` seconds is
  closed, checked every :data:`CLEANUP_INTERVAL` seconds. At the limit, the connections silent
  longest (with no request under way, and silent for :data:`EVICT_AFTER` seconds at least) are
  closed to make room, a twentieth of the limit at a time: clients that open sockets and say
  nothing cannot keep a calendar client waiting (waitress alone stops accepting at the limit).
  Connections are watched with ``poll()``, not ``select()``, which fails outright once a
  descriptor is numbered 1024 or more.
- **Keep-alive after 304.** waitress 3 closes an HTTP/1.1 connection after any answer without a
  Content-Length, which a 304 Not Modified must not carry; a request pipelined behind it was
  never answered. A 304 has no body, so its end is known: the connection is kept.
- **When a request arrived.** Each request's WSGI environment carries, under :data:`ARRIVED`,
  when (by ``time.monotonic_ns()``) its connection last read from the client, and under
  :data:`AGAIN` whether the connection had been answered before: the feeds share a look at a
  plan file among the requests that arrived before it began and, on a kept connection, those
  that arrive shortly after.
- **Quiet under load.** waitress warns of every request that has to wait for a thread ("Task
  queue depth is N"): under a burst of subscribed calendars that is a line per request, written
  while the threads answering compete for the interpreter. It warns at most once every
  :data:`QUEUE_WARNING_EVERY` seconds.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable
from typing import Any

__all__ = [
    "AGAIN",
    "ARRIVED",
    "CLEANUP_INTERVAL",
    "CONNECTION_LIMIT",
    "EVICT_AFTER",
    "IDLE_TIMEOUT",
    "QUEUE_WARNING_EVERY",
    "THREADS",
    "create",
]

#: How many connections are held at once.
CONNECTION_LIMIT = 500
#: Seconds a connection may stay silent (no request under way) before it is closed.
IDLE_TIMEOUT = 10
#: Seconds between looks for silent connections.
CLEANUP_INTERVAL = 1
#: Seconds a connection must have been silent before it may be closed to make room for another.
EVICT_AFTER = 0.5
#: Requests answered at once.
THREADS = 4
#: The environment's key for when a request arrived, by ``time.monotonic_ns()``.
ARRIVED = "commedu.arrived"
#: The environment's key for whether a request came on a connection kept open after an earlier
#: answer (``True`` or ``False``): a client asking again and again, as a load does.
AGAIN = "commedu.again"
#: Seconds between two warnings that requests wait for a thread.
QUEUE_WARNING_EVERY = 60.0


class _Seldom:
    """A logger's ``warning`` that says something at most once every ``every`` seconds."""

    def __init__(self, logger: Any, every: float) -> None:
        self._logger = logger
        self._every = every
        self._next = 0.0

    def warning(self, message: str, *args: object) -> None:
        now = time.monotonic()
        if now >= self._next:  # a race lets two threads both say it: harmless
            self._next = now + self._every
            self._logger.warning(message, *args)


@functools.cache
def _channel() -> type[Any]:
    """waitress's connection class, with tasks that keep the connection after a 304."""
    from waitress.channel import HTTPChannel
    from waitress.task import WSGITask

    class _Task(WSGITask):
        """A request's task that keeps the connection open after an answer without a body."""

        _bodiless = False

        def get_environment(self) -> dict[str, Any]:
            environ: dict[str, Any] = super().get_environment()
            if AGAIN not in environ:  # made once per request, and kept
                # read last before the request was complete: no later than the client sent it
                environ[ARRIVED] = getattr(self.channel, "arrived", None)
                channel: Any = self.channel
                environ[AGAIN] = channel.answered > 0
                channel.answered += 1  # one thread at a time serves a connection
            return environ

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
        arrived = 0
        answered = 0  #: requests handed to the application on this connection

        def received(self, data: bytes) -> bool:
            # Before the bytes are parsed: a request completed by them arrived no earlier.
            self.arrived = time.monotonic_ns()
            return bool(super().received(data))

    return _Channel


@functools.cache
def _evicting() -> type[Any]:
    """waitress's listening server, making room at the limit by closing the longest silent."""
    from waitress.server import TcpWSGIServer

    class _Server(TcpWSGIServer):
        def readable(self) -> bool:
            held: dict[int, Any] = getattr(self, "_map", {})
            if self.accepting and len(held) >= self.adj.connection_limit:
                channels: dict[int, Any] = getattr(self, "active_channels", {})
                _make_room(list(channels.values()), self.adj.connection_limit)
            return bool(super().readable())

    return _Server


def _make_room(channels: Iterable[Any], limit: int) -> None:
    """Close the connections silent longest (none under way, none just come), a few at a time."""
    cutoff = time.time() - EVICT_AFTER
    silent = [
        channel
        for channel in channels
        if not channel.requests and not channel.will_close and channel.last_activity < cutoff
    ]
    silent.sort(key=lambda channel: channel.last_activity)
    for channel in silent[: max(1, limit // 20)]:
        channel.will_close = True


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
    from waitress.server import BaseWSGIServer, TcpWSGIServer, create_server

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
        # select() cannot watch a descriptor numbered 1024 or more; poll() has no such bound
        asyncore_use_poll=True,
    )
    dispatcher: Any = server.task_dispatcher  # its logger is used for nothing but .warning()
    dispatcher.queue_logger = _Seldom(dispatcher.queue_logger, QUEUE_WARNING_EVERY)
    for listener in list(sockets.values()):
        if isinstance(listener, BaseWSGIServer):
            listener.channel_class = _channel()
        if type(listener) is TcpWSGIServer:
            # the same object, with its class's one method more: made as waitress makes it
            listener.__class__ = _evicting()
    return server
