"""The waitress server that runs the feeds, with its limits against idle clients.

waitress is loaded only when a server is made, so no other command pays for it; the limits
below can be read (for ``--help``) without it.

- **Connections.** At most :data:`CONNECTION_LIMIT` connections are held at once (waitress's
  default is 100); beyond that, new ones wait in the listening queue. A connection that has sent
  nothing for :data:`IDLE_TIMEOUT` seconds is closed, checked every :data:`CLEANUP_INTERVAL`
  seconds, so clients that open sockets and say nothing can delay an answer by at most about
  ``IDLE_TIMEOUT + CLEANUP_INTERVAL`` per limit's worth of them, never starve the server.
"""

from __future__ import annotations

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
    from waitress.server import create_server

    return create_server(
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
