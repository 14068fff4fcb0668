"""What ``commedu serve`` answers per second, against waitress serving the same bytes.

Both servers run in this process on 127.0.0.1 with the same waitress settings (the server's
threads, ``--threads`` to try another count): commedu's
feed application, and as the baseline a WSGI application that returns the calendar's bytes,
fetched once from commedu, with the same headers (the floor any WSGI server of these bytes
pays). `wrk` (Debian's package `wrk`) loads each in turn, interleaved, at 1, 8 and 32 connections,
asking for the whole plan's feed, and again with the ETag it was given (answered 304 Not
Modified, which is what subscribed clients mostly ask).

The server's CPU time per request (this process's CPU time over a run, divided by the requests
wrk made) at 1,000 and 10,000 activities gives the growth exponent: a request for a feed that
has not changed should cost the same however long the plan is (exponent near 0).

The application alone, without a server or a socket, is timed too: called in a loop with the
environment waitress makes for a conditional request, in CPU time (``time.process_time``),
against the baseline's application called the same way. Other work on the machine moves that
ratio far less than requests per second; ``--app-only`` measures only it (no wrk needed).

    python benchmarks/serve.py [--quick] [--repeats N] [--threads N] [--app-only]

The machine's other work moves single runs by ±30 % and more: each figure is the median of
``--repeats`` runs of each server, taken in turn.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from commedu.datafile.plan_write import dumps_plan
from commedu.web.app import make_app
from commedu.web.folder import clock
from commedu.web.serving import AGAIN, ARRIVED, THREADS, create

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate_plan
from measure import exponent

_KEPT = ("Content-Type", "ETag", "Last-Modified", "Cache-Control", "Content-Disposition")


def _start(app: Callable[..., Iterable[bytes]], threads: int) -> tuple[Any, str]:
    sockets: dict[int, Any] = {}
    server = create(app, host="127.0.0.1", port=0, sockets=sockets, threads=threads)
    threading.Thread(target=server.run, daemon=True).start()
    return server, f"http://127.0.0.1:{server.effective_port}"


def _fixed(body: bytes, headers: list[tuple[str, str]]) -> Callable[..., Iterable[bytes]]:
    """The baseline: the same bytes and headers, and 304 for the same ETag, nothing else."""
    etag = dict(headers)["ETag"]
    full = [*headers, ("Content-Length", str(len(body)))]
    short = [(k, v) for k, v in headers if k in ("ETag", "Last-Modified", "Cache-Control")]

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("HTTP_IF_NONE_MATCH") == etag:
            start_response("304 Not Modified", short)
            return [b""]
        start_response("200 OK", full)
        return [body]

    return app


def _wrk(url: str, connections: int, seconds: float, etag: str | None) -> tuple[float, int]:
    """Requests per second and requests made."""
    argv = [
        "wrk",
        "-t",
        str(min(2, connections)),
        "-c",
        str(connections),
        "-d",
        f"{round(seconds)}s",
    ]
    if etag is not None:
        argv += ["-H", f"If-None-Match: {etag}"]
    out = subprocess.run([*argv, url], capture_output=True, text=True, check=True).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    made = re.search(r"(\d+) requests in", out)
    if rate is None or made is None:
        raise RuntimeError(f"wrk said something else:\n{out}")
    return float(rate[1]), int(made[1])


def _serve_cpu(url: str, seconds: float, etag: str | None) -> float:
    """This process's CPU seconds per request while wrk loads ``url`` over one connection."""
    start = time.process_time()
    _, made = _wrk(url, 1, seconds, etag)
    return (time.process_time() - start) / made


#: Calls of the application per timing of it alone.
_CALLS = 20_000


def _environ(base: str, path: str, etag: str) -> dict[str, Any]:
    """What waitress hands an application for wrk's conditional request to ``base`` + ``path``."""
    host = base.removeprefix("http://")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": host.partition(":")[0],
        "SERVER_PORT": host.partition(":")[2],
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "HTTP_IF_NONE_MATCH": etag,
        "wsgi.url_scheme": "http",
    }


def _app_cpu(
    app: Callable[..., Iterable[bytes]], environ: dict[str, Any], *, shared: bool
) -> float:
    """CPU seconds per call of ``app`` alone, answering ``environ`` (a conditional request).

    ``shared``: every call arrived together on kept connections, before the first call's look
    at the plan file, so that look answers them all; else each arrived as it is answered, on a
    new connection, and looks for itself.
    """
    answered: list[str] = []

    def start_response(
        status: str, headers: list[tuple[str, str]], exc_info: object = None
    ) -> None:
        answered.append(status)

    together = clock()
    start = time.process_time()
    for _ in range(_CALLS):
        asked = environ.copy()
        asked[ARRIVED] = together if shared else clock()
        asked[AGAIN] = shared
        for _chunk in app(asked, start_response):
            pass
    spent = (time.process_time() - start) / _CALLS
    if set(answered) != {"304 Not Modified"}:
        raise RuntimeError(f"not only 304s: {sorted(set(answered))}")
    return spent


def app_alone(
    app: Callable[..., Iterable[bytes]],
    floor: Callable[..., Iterable[bytes]],
    environ: dict[str, Any],
    repeats: int,
) -> dict[str, float]:
    """CPU per 304 of the application alone, a look shared and not, and of the baseline's."""
    shared, own, least = [], [], []
    for _ in range(repeats):  # interleaved, so the machine's drift hits all three alike
        shared.append(_app_cpu(app, environ, shared=True))
        own.append(_app_cpu(app, environ, shared=False))
        least.append(_app_cpu(floor, environ, shared=False))
    a, b, c = (statistics.median(times) for times in (shared, own, least))
    print(
        f"    application alone, CPU per 304: commedu {a * 1e6:5.1f} µs (a look shared),"
        f" {b * 1e6:5.1f} µs (its own look); baseline {c * 1e6:5.1f} µs;"
        f" ratios {a / c:5.1f} and {b / c:5.1f}"
    )
    return {"app-shared": a, "app-own": b, "app-floor": c}


def _fetch(url: str) -> tuple[bytes, list[tuple[str, str]]]:
    kept = {name.lower(): name for name in _KEPT}
    with urllib.request.urlopen(url) as response:
        found = response.getheaders()
        return response.read(), [(kept[k.lower()], v) for k, v in found if k.lower() in kept]


def run(
    activities: int,
    seconds: float,
    repeats: int,
    clients: Iterable[int],
    threads: int,
    *,
    app_only: bool = False,
) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp())
    try:
        plan = generate_plan(activities)
        plan_file = folder / f"{plan.id}.toml"
        plan_file.write_text(dumps_plan(plan), "utf-8")
        # a file written moments ago is read again until its times can be trusted: serve one
        # that has settled, as a subscribed feed's file is almost always
        an_hour_ago = time.time() - 3600
        os.utime(plan_file, (an_hour_ago, an_hour_ago))
        app = make_app(folder)
        commedu, base = _start(app, threads)
        feed = f"{base}/{plan.id}/plan.ics"
        _fetch(feed)  # the revision store is made in the folder: date the folder back too
        os.utime(folder, (an_hour_ago, an_hour_ago))
        body, headers = _fetch(feed)
        fixed = _fixed(body, headers)
        floor, floor_base = _start(fixed, threads)
        floor_feed = f"{floor_base}/{plan.id}/plan.ics"
        etag = dict(headers)["ETag"]
        print(f"  {activities:,} activities, calendar {len(body) / 1024:,.0f} KiB")
        figures = app_alone(app, fixed, _environ(base, f"/{plan.id}/plan.ics", etag), repeats)
        if app_only:
            clients = ()
        for n in clients:
            for label, tag in (("200", None), ("304", etag)):
                ours, theirs = [], []
                for _ in range(repeats):
                    ours.append(_wrk(feed, n, seconds, tag)[0])
                    theirs.append(_wrk(floor_feed, n, seconds, tag)[0])
                a, b = statistics.median(ours), statistics.median(theirs)
                figures[f"{label}@{n}"] = a / b
                print(
                    f"    {n:>2} connections, {label}: commedu {a:8.0f}/s, waitress {b:8.0f}/s,"
                    f" ratio {a / b:4.2f}"
                )
        for label, tag in () if app_only else (("200", None), ("304", etag)):
            ours, theirs = [], []
            for _ in range(repeats):
                ours.append(_serve_cpu(feed, seconds, tag))
                theirs.append(_serve_cpu(floor_feed, seconds, tag))
            figures[f"cpu-{label}"] = a = statistics.median(ours)
            b = statistics.median(theirs)
            # CPU time moves less with the machine's other work than requests per second do
            print(
                f"    server CPU per request, one connection, {label}: commedu {a * 1e6:6.0f} µs,"
                f" waitress {b * 1e6:6.0f} µs, ratio {a / b:4.2f}"
            )
        commedu.close()
        floor.close()
        return figures
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="shorter runs, fewer repeats")
    parser.add_argument("--repeats", type=int, help="runs of each server per figure")
    parser.add_argument("--threads", type=int, default=THREADS, help="waitress's threads")
    parser.add_argument(
        "--app-only", action="store_true", help="time only the application alone (no wrk)"
    )
    arguments = parser.parse_args()
    app_only = arguments.app_only
    if not app_only and shutil.which("wrk") is None:
        sys.exit("this benchmark needs wrk (Debian: apt-get install wrk)")
    seconds, repeats = (2.0, 1) if arguments.quick else (5.0, 3)
    repeats = arguments.repeats or repeats
    threads = arguments.threads
    print(
        f"commedu serve / waitress serving the same bytes ({threads} threads), requests per second:"
    )
    small = run(1_000, seconds, repeats, (1, 8, 32), threads, app_only=app_only)
    large = run(10_000, seconds, repeats, (8, 32), threads, app_only=app_only)
    growth = exponent(1_000, 10_000, small["app-shared"], large["app-shared"])
    print(f"  application alone, CPU per 304, growth exponent 1k -> 10k activities: {growth:5.2f}")
    if app_only:
        return
    for label in ("200", "304"):
        growth = exponent(1_000, 10_000, small[f"cpu-{label}"], large[f"cpu-{label}"])
        print(f"  CPU per request ({label}), growth exponent 1k -> 10k activities: {growth:5.2f}")


if __name__ == "__main__":
    main()
