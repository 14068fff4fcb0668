"""The progress bar: on a terminal after a second, never in a pipe, gone when the work ends."""

from __future__ import annotations

import io

from commedu.cli._progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_nothing_is_drawn_in_the_first_second() -> None:
    clock, stream = Clock(), Terminal()
    with Progress("checking", 4, stream=stream, environ={}, clock=clock) as bar:
        bar.advance()
        clock.now = 0.9
        bar.advance()
    assert stream.getvalue() == ""


def test_a_bar_after_a_second_then_erased() -> None:
    clock, stream = Clock(), Terminal()
    with Progress("checking", 4, stream=stream, environ={}, width=8, clock=clock) as bar:
        clock.now = 1.5
        bar.advance()
        assert stream.getvalue() == "\rchecking ██░░░░░░ 1/4"
        bar.advance(3)
        assert stream.getvalue().endswith("\rchecking ████████ 4/4")
    assert stream.getvalue().endswith("\r" + " " * len("checking ████████ 4/4") + "\r")


def test_work_without_steps_shows_the_time() -> None:
    clock, stream = Clock(), Terminal()
    bar = Progress("正在导出", stream=stream, environ={}, clock=clock)
    clock.now = 3.2
    bar.draw()
    assert stream.getvalue() == "\r正在导出 … 3 s"
    with bar.ticking(every=0.001):
        pass  # the thread starts and stops cleanly
    bar.close()
    assert stream.getvalue().endswith("\r")


def test_never_in_a_pipe_unless_forced_and_never_when_refused() -> None:
    clock = Clock()
    clock.now = 5
    for stream, environ, shown in (
        (io.StringIO(), {}, False),
        (io.StringIO(), {"COMMEDU_PROGRESS": "always"}, True),
        (Terminal(), {"COMMEDU_PROGRESS": "never"}, False),
    ):
        bar = Progress("x", 2, stream=stream, environ=environ, clock=clock)
        clock.now += 2
        with bar.ticking(every=0.001):
            bar.advance()
        assert bool(stream.getvalue()) == shown
