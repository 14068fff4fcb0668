"""An export interrupted at any point leaves the old file as it was.

Calendars are regenerated over the file clients subscribe to; losing it to a crash is worse than
not exporting. Each step of a write — rendering, creating the temporary file, writing (half the
bytes), flushing to disk, copying the permissions, the final rename — is interrupted in turn
(``KeyboardInterrupt``, which is not an ``Exception``), and the disk fills up at the steps
``tests/test_atomic.py`` does not already cover.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

import icalendar
import pytest

from commedu import Plan, write_ics

STAMP = datetime(2021, 1, 1, tzinfo=UTC)
OLD = b"BEGIN:VCALENDAR\r\nX-OLD:the calendar clients already have\r\nEND:VCALENDAR\r\n"


def _raise(exc: BaseException) -> Callable[..., Any]:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise exc

    return fail


class _HalfWriter:
    """A file whose disk fills up halfway through the first write."""

    def __init__(self, stream: BinaryIO, exc: BaseException) -> None:
        self._stream, self._exc = stream, exc

    def write(self, data: bytes) -> int:
        self._stream.write(data[: len(data) // 2])
        self._stream.flush()
        raise self._exc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()


def _interrupt(step: str, exc: BaseException, monkeypatch: pytest.MonkeyPatch) -> None:
    if step == "render":
        monkeypatch.setattr(icalendar.Calendar, "to_ical", _raise(exc))
    elif step == "create":
        monkeypatch.setattr(os, "open", _raise(exc))
    elif step == "write":
        real = os.fdopen
        monkeypatch.setattr(os, "fdopen", lambda *a, **k: _HalfWriter(real(*a, **k), exc))
    elif step == "fsync":
        monkeypatch.setattr(os, "fsync", _raise(exc))
    elif step == "chmod":
        monkeypatch.setattr(os, "chmod", _raise(exc))
    elif step == "rename":
        monkeypatch.setattr(os, "replace", _raise(exc))


STEPS = ["render", "create", "write", "fsync", "chmod", "rename"]
FULL_DISK = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
#: tests/test_atomic.py covers a full disk at write, fsync and rename; these are the rest.
CASES = [
    *((step, KeyboardInterrupt()) for step in STEPS),
    ("create", FULL_DISK),
    ("chmod", FULL_DISK),
]


@pytest.mark.parametrize(("step", "exc"), CASES, ids=[f"{s}-{type(e).__name__}" for s, e in CASES])
def test_the_previous_file_survives(
    jinshan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, exc: BaseException
) -> None:
    target = tmp_path / "jinshan.ics"
    target.write_bytes(OLD)
    with monkeypatch.context() as patch:
        _interrupt(step, exc, patch)
        with pytest.raises(type(exc)):
            write_ics(jinshan, target, stamp=STAMP)
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jinshan.ics"], (
        "a temporary file was left"
    )


def test_the_same_export_succeeds_once_the_fault_is_gone(jinshan: Plan, tmp_path: Path) -> None:
    """The failure injection above is what made the writes fail, not the writes themselves."""
    target = tmp_path / "jinshan.ics"
    target.write_bytes(OLD)
    write_ics(jinshan, target, stamp=STAMP)
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert target.read_bytes() != OLD
