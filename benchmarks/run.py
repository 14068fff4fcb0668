"""Measure commedu against its own floors, in one run, and print the figures.

Every figure is a ratio or an exponent against a baseline measured in the same run on the same
machine, so figures from different machines can be compared. Times are medians of repeats.

    python benchmarks/run.py [--quick] [--collector]

``--quick`` stops the growth series at 10k activities and repeats less; use it to smoke-test.
``--collector`` runs only (e), the export with the garbage collector held off or running.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import ics
from ics.grammar.parse import ContentLine

import commedu
from commedu import Plan, Recurrence, Session
from commedu.calendar.items import _description

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate_plan

ROOT = Path(__file__).resolve().parent.parent
STAMP = datetime(2021, 1, 1, tzinfo=UTC)
TOWNSHIPS = 10
#: Modules only a subcommand needs; ``import commedu`` should not pay for them.
SUBCOMMAND_ONLY = ("cattrs", "tomli_w", "tomllib", "json", "icalendar", "importlib.metadata")


def median_time(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# -- (a) export against the icalendar floor and the ics package --------------------------------

#: What an event says, worked out before the clock starts: UID, summary, description, location,
#: categories, (start, end, transparency), rule, excluded starts.
Item = tuple[
    str,
    str,
    str,
    str | None,
    list[str],
    tuple[date | datetime, date | datetime, str],
    str | None,
    list[datetime],
]


def prepare(plan: Plan) -> list[Item]:
    """The events' content with commedu's own text, so both sides write the same things."""
    items: list[Item] = []
    for activity in plan.activities:
        when = activity.when
        times: tuple[date | datetime, date | datetime, str]
        if isinstance(when, Session | Recurrence):
            times = (when.start, when.start + when.duration, "OPAQUE")
        else:
            times = (when.span.first, when.span.end, "TRANSPARENT")
        rule = when.rule if isinstance(when, Recurrence) else None
        excluded = (
            [when.start.replace(year=d.year, month=d.month, day=d.day) for d in when.exdates]
            if isinstance(when, Recurrence)
            else []
        )
        items.append(
            (
                f"{activity.id}@{plan.id}.commedu",
                activity.title,
                _description(plan, activity, "zh"),
                activity.station.name if activity.station else None,
                [d.name for d in activity.responsible],
                times,
                rule,
                excluded,
            )
        )
    return items


def floor_ics(items: list[Item]) -> bytes:
    """The same events set directly on icalendar objects and serialised: what icalendar costs.

    ``Event()`` and ``add`` only (no ``Event.new``, whose setters and checks cost extra); the
    content is worked out beforehand. Not built: the calendar's own properties and VTIMEZONE.
    """
    calendar = icalendar.Calendar()
    calendar.add("PRODID", "-//floor//floor//EN")
    calendar.add("VERSION", "2.0")
    for uid, summary, description, location, categories, times, rule, excluded in items:
        event = icalendar.Event()
        event.add("UID", uid)
        event.add("DTSTAMP", STAMP)
        event.add("SUMMARY", summary)
        event.add("DESCRIPTION", description)
        if location:
            event.add("LOCATION", location)
        if categories:
            event.add("CATEGORIES", categories)
        event.add("DTSTART", times[0])
        event.add("DTEND", times[1])
        event.add("TRANSP", times[2])
        if rule:
            event.add("RRULE", icalendar.vRecur.from_ical(rule))
        if excluded:
            event.add("EXDATE", excluded)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def ics_package(items: list[Item]) -> bytes:
    """The same events with the ``ics`` package (0.7), which has no RRULE type of its own."""
    calendar = ics.Calendar(creator="-//floor//floor//EN")
    for uid, summary, description, location, categories, times, rule, excluded in items:
        event = ics.Event(
            name=summary,
            uid=uid,
            description=description,
            location=location,
            categories=categories,
            created=STAMP,
            transparent=times[2] == "TRANSPARENT",
        )
        start, end = times[0], times[1]
        if isinstance(start, datetime):
            event.begin, event.end = start, end
        else:
            event.begin = datetime(start.year, start.month, start.day)
            event.make_all_day()
            event.end = datetime(end.year, end.month, end.day)
        if rule and isinstance(start, datetime) and isinstance(start.tzinfo, ZoneInfo):
            event.extra.append(ContentLine("RRULE", value=rule))
            if excluded:
                event.extra.append(
                    ContentLine(
                        "EXDATE",
                        params={"TZID": [start.tzinfo.key]},
                        value=",".join(f"{d:%Y%m%dT%H%M%S}" for d in excluded),
                    )
                )
        calendar.events.add(event)
    return str(calendar.serialize()).encode("utf-8")


def _events(data: bytes) -> list[bytes]:
    return sorted(data.removesuffix(b"END:VCALENDAR\r\n").split(b"BEGIN:VEVENT")[1:])


def export_ratio(activities: int, repeats: int) -> None:
    plan = generate_plan(activities, seed=1)
    items = prepare(plan)
    ours_bytes = _export(plan)
    # The floor writes the same events, byte for byte (in plan order rather than by date).
    if _events(floor_ics(items)) != _events(ours_bytes):
        raise SystemExit("the floor does not write the events commedu writes")
    sides: dict[str, Callable[[], object]] = {
        "commedu.to_ics": partial(_export, plan),
        "icalendar floor": partial(floor_ics, items),
        "ics package": partial(ics_package, items),
    }
    # Interleaved, so drift in the machine's load hits every side alike.
    times: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(repeats):
        for name, action in sides.items():
            times[name].append(median_time(action, 1))
    median = {name: statistics.median(t) for name, t in times.items()}
    print(f"(a) export, {activities} activities, median of {repeats}:")
    for name, seconds in median.items():
        print(f"    {name:<19} {seconds / activities * 1e6:9.1f} µs/activity")
    ours = median["commedu.to_ics"]
    print(
        f"    ratio to the icalendar floor {ours / median['icalendar floor']:6.2f}   (target <= 1.0)"
    )
    print(f"    ratio to the ics package     {ours / median['ics package']:6.2f}   (target <= 1.0)")


# -- (b) the whole pipeline as the plan grows ----------------------------------------------------


def pipeline(sizes: list[int], repeats: int, folder: Path) -> dict[int, dict[str, float]]:
    """Each size is TOWNSHIPS plans of size/TOWNSHIPS activities, as a district office runs it.

    The plans grow with the size (100 to 10,000 activities each), so a step that is quadratic in
    one plan's length shows in the exponent; a single 100k-activity plan would exceed the plan
    files' 10 MiB limit.
    """
    steps = ("load+validate", "check", "export")
    results: dict[int, dict[str, float]] = {}
    print(f"(b) load + validate + check + export of {TOWNSHIPS} plans, µs per activity (median):")
    print(f"    {'activities':>10}  " + "  ".join(f"{s:>14}" for s in steps) + f"  {'total':>10}")
    for n in sizes:
        paths = []
        for township in range(TOWNSHIPS):
            path = folder / f"plan-{n}-{township}.toml"
            plan = generate_plan(n // TOWNSHIPS, township=township, seed=2)
            commedu.dump_plan(plan, path)
            paths.append(path)
        plans = [commedu.load_plan(path) for path in paths]
        # Loading 100k activities takes long enough to be timed once; the other steps are
        # repeated, as one run of them on a shared machine says little.
        runs = 1 if n >= 100_000 else repeats
        timing = {
            "load+validate": median_time(partial(_each, commedu.load_plan, paths), runs),
            "check": median_time(partial(_each, commedu.check, plans), max(runs, 3)),
            "export": median_time(partial(_each, _export, plans), max(runs, 3)),
        }
        results[n] = timing
        total = sum(timing.values())
        print(
            f"    {n:>10}  "
            + "  ".join(f"{timing[s] / n * 1e6:>14.1f}" for s in steps)
            + f"  {total / n * 1e6:>10.1f}"
        )
    for small, big in itertools.pairwise(sizes):
        growth = {
            s: math.log(results[big][s] / results[small][s]) / math.log(big / small) for s in steps
        }
        total = math.log(sum(results[big].values()) / sum(results[small].values())) / math.log(
            big / small
        )
        parts = ", ".join(f"{s} {g:.2f}" for s, g in growth.items())
        print(f"    growth exponent {small}->{big}: total {total:.2f} ({parts}; target <= 1.1)")
    largest = results[sizes[-1]]
    dominant = max(largest, key=lambda s: largest[s])
    share = largest[dominant] / sum(largest.values())
    print(f"    dominant step at {sizes[-1]}: {dominant} ({share:.0%} of the time)")
    return results


def _each(action: Callable[[Any], object], items: list[Any]) -> None:
    for item in items:
        action(item)


def _export(plan: Plan) -> bytes:
    return commedu.to_ics(plan, stamp=STAMP)


# -- (c) the command line's cold start ------------------------------------------------------------


def _command(*args: str) -> list[str]:
    return [sys.executable, *args]


def cold_start(repeats: int, folder: Path) -> None:
    def run(argv: list[str]) -> float:
        return median_time(
            lambda: subprocess.run(argv, check=True, capture_output=True, cwd=folder), repeats
        )

    base = run(_command("-c", "import icalendar"))
    print(f"(c) cold start, median of {repeats} (baseline: python -c 'import icalendar'):")
    print(f"    import icalendar            {base * 1e3:7.1f} ms   1.00")
    cases = {
        "commedu --version": _command("-m", "commedu", "--version"),
        "import commedu": _command("-c", "import commedu"),
    }
    if "ics" in _commands():
        plan_file = ROOT / "examples" / "jinshan_2021.toml"
        cases["commedu ics (Jinshan)"] = _command(
            "-m", "commedu", "ics", str(plan_file), "-o", str(folder / "jinshan.ics")
        )
    else:
        print("    commedu ics                 (no 'ics' command in this version)")
    for label, argv in cases.items():
        seconds = run(argv)
        print(f"    {label:<27} {seconds * 1e3:7.1f} ms   {seconds / base:4.2f}")
    loaded = subprocess.run(
        _command("-c", "import sys, commedu; print(' '.join(sorted(sys.modules)))"),
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    heavy = [m for m in SUBCOMMAND_ONLY if m in loaded]
    print(f"    modules 'import commedu' loads: {len(loaded)}")
    print(f"    of those only a subcommand needs: {', '.join(heavy) or 'none'}")


def _commands() -> tuple[str, ...]:
    from commedu.cli import COMMANDS

    return tuple(COMMANDS)


# -- (e) the garbage collector during an export --------------------------------------------------


def _held_off(plans: list[Plan]) -> None:
    """The exports with the collector held off around them, as ``to_ics`` itself once did."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        _each(_export, plans)
    finally:
        if collecting:
            gc.enable()


def collector(sizes: list[int], repeats: int) -> None:
    """Exporting TOWNSHIPS plans that are all in memory, with the collector running or held off.

    A collection walks every object alive, the loaded plans too, so holding it off pays most when
    much is loaded; the two sides are interleaved on the same plans in the same run.
    """
    print(f"(e) export of {TOWNSHIPS} plans held in memory, collector held off / running:")
    for n in sizes:
        plans = [
            generate_plan(n // TOWNSHIPS, township=township, seed=2)
            for township in range(TOWNSHIPS)
        ]
        sides: dict[str, Callable[[], object]] = {
            "running": partial(_each, _export, plans),
            "held off": partial(_held_off, plans),
        }
        times: dict[str, list[float]] = {name: [] for name in sides}
        for _ in range(repeats):
            for name, action in sides.items():
                times[name].append(median_time(action, 1))
        median = {name: statistics.median(t) for name, t in times.items()}
        ratio = median["held off"] / median["running"]
        print(
            f"    {n:>10} activities: running {median['running'] / n * 1e6:7.1f} µs/activity,"
            f" held off {median['held off'] / n * 1e6:7.1f}; ratio {ratio:.2f}"
        )


# -- (d) peak memory ------------------------------------------------------------------------------


def peak_memory() -> None:
    # ru_maxrss is KiB on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    mib = peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024
    print(f"(d) peak resident memory of this run (largest plan included): {mib:.0f} MiB")


def machine() -> None:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.partition(":")[2].strip()
                break
    except OSError:
        pass
    print(
        f"machine: {os.cpu_count()} CPUs, {cpu}; Python {platform.python_version()}; "
        f"commedu {commedu.__version__}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer repeats")
    parser.add_argument("--collector", action="store_true", help="run only (e), the collector")
    args = parser.parse_args()
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    repeats = 3 if args.quick else 5
    machine()
    if args.collector:
        collector(sizes, repeats)
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        export_ratio(2_000, repeats)
        cold_start(repeats, folder)
        pipeline(sizes, repeats, folder)
        collector(sizes, repeats)
        peak_memory()


if __name__ == "__main__":
    main()
