"""Under load the server warns that requests wait for a thread seldom, not once per request."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import Any

import pytest

from commedu.web import serving
from commedu.web.serving import QUEUE_WARNING_EVERY, create


def _app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
    start_response("204 No Content", [])
    return []


class _Task:
    """A task that holds its thread until it is let go."""

    def __init__(self, go: threading.Event) -> None:
        self.go = go
        self.done = threading.Event()

    def service(self) -> None:
        self.go.wait(30)
        self.done.set()


def test_requests_waiting_for_a_thread_are_warned_of_once_in_a_while(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [1000.0]
    monkeypatch.setattr(serving.time, "monotonic", lambda: clock[0])
    server = create(_app, host="127.0.0.1", port=0, sockets={}, threads=1)
    go = threading.Event()
    tasks = [_Task(go) for _ in range(30)]
    try:
        with caplog.at_level(logging.WARNING, logger="waitress.queue"):
            for task in tasks[:20]:
                server.task_dispatcher.add_task(task)  # the first holds the one thread
            clock[0] += QUEUE_WARNING_EVERY  # a while later, the queue is still long
            for task in tasks[20:]:
                server.task_dispatcher.add_task(task)
    finally:
        go.set()
        for task in tasks:
            assert task.done.wait(30)  # every waiting request was answered all the same
        server.close()
    said = [r.getMessage() for r in caplog.records if r.name == "waitress.queue"]
    assert len(said) == 2
    assert all(message.startswith("Task queue depth is ") for message in said)
