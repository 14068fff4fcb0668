"""A progress bar on standard error for work that takes more than a second.

Shown only on a terminal (or when ``COMMEDU_PROGRESS=always`` forces it), and only once the
work has run for ``delay`` seconds, so quick runs, pipes and captured output never see it. It
erases itself when the work ends, leaving the terminal as the command's own output left it.
Work that can count its steps calls :meth:`Progress.advance`; work that cannot (one library
call) runs inside :meth:`Progress.ticking`, which redraws the elapsed time from a thread.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from types import TracebackType
from typing import IO

from commedu.cli._term import display_width

__all__ = ["Progress"]


def _shown(stream: IO[str], environ: Mapping[str, str]) -> bool:
    forced = environ.get("COMMEDU_PROGRESS", "")
    if forced in ("always", "never"):
        return forced == "always"
    return hasattr(stream, "isatty") and stream.isatty()


class Progress:
    def __init__(
        self,
        label: str,
        total: int | None = None,
        *,
        stream: IO[str] | None = None,
        environ: Mapping[str, str] | None = None,
        delay: float = 1.0,
        width: int = 30,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.stream = sys.stderr if stream is None else stream
        self.shown = _shown(self.stream, os.environ if environ is None else environ)
        self.delay = delay
        self.width = width
        self.clock = clock
        self.start = clock()
        self.drawn = 0  # columns of the last line drawn, to erase it
        self._lock = threading.Lock()

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def line(self) -> str:
        """What the bar shows now."""
        seconds = int(self.clock() - self.start)
        if self.total:
            filled = self.width * min(self.done, self.total) // self.total
            bar = "█" * filled + "░" * (self.width - filled)
            return f"{self.label} {bar} {self.done}/{self.total}"
        return f"{self.label} … {seconds} s"

    def draw(self) -> None:
        """Redraw the bar, if it is shown at all and the work has gone on long enough."""
        if not self.shown or self.clock() - self.start < self.delay:
            return
        with self._lock:
            text = self.line()
            pad = " " * max(0, self.drawn - display_width(text))
            self.stream.write(f"\r{text}{pad}")
            self.stream.flush()
            self.drawn = display_width(text)

    def advance(self, steps: int = 1) -> None:
        self.done += steps
        self.draw()

    @contextmanager
    def ticking(self, every: float = 0.25) -> Iterator[None]:
        """Redraw from a thread while the body runs: for work that cannot count its steps."""
        if not self.shown:
            yield
            return
        stop = threading.Event()

        def tick() -> None:
            while not stop.wait(every):
                self.draw()

        thread = threading.Thread(target=tick, daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()

    def close(self) -> None:
        with self._lock:
            if self.drawn:
                self.stream.write("\r" + " " * self.drawn + "\r")
                self.stream.flush()
                self.drawn = 0
