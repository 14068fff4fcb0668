"""Measure commedu against its own floors, in one run, and print the figures.

Every figure is a ratio or an exponent against a baseline measured in the same run on the same
machine, so figures from different machines can be compared. Times are medians of repeats.

    python benchmarks/run.py [--quick]

``--quick`` stops the growth series at 10k activities and repeats less; use it to smoke-test.
"""

from __future__ import annotations

import argparse
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
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from icalendar import Calendar, Event, vRecur

import commedu
from commedu import (
    Day,
    DayRange,
    Deadline,
    Month,
    MonthPart,
    MonthSpan,
    Plan,
    Recurrence,
    Session,
)
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


# -- (a) export against the icalendar floor ------------------------------------------------------


def floor_ics(plan: Plan) -> bytes:
    """The same events built and serialised directly with icalendar: what any exporter must pay.

    Same UID, stamp, summary, description, categories, location, dates and rules; not built:
    the VTIMEZONE and calendar-level properties, and commedu's checks and sorting.
    """
    calendar = Calendar()
    calendar.add("PRODID", "-//floor//floor//EN")
    calendar.add("VERSION", "2.0")
    for activity in plan.activities:
        event = Event.new(
            uid=f"{activity.id}@{plan.id}",
            stamp=STAMP,
            summary=activity.title,
            # The same DESCRIPTION text commedu writes (labelled fields), so the ratio measures
            # commedu's overhead rather than the size of its richer content.
            description=_description(plan, activity, "zh"),
            categories=[d.name for d in activity.responsible],
            location=activity.station.name if activity.station else None,
        )
        when = activity.when
        match when:
            case Session() | Recurrence():
                event.add("DTSTART", when.start)
                event.add("DTEND", when.start + when.duration)
                event.add("TRANSP", "OPAQUE")
            case Month() | MonthSpan() | MonthPart() | Deadline() | Day() | DayRange():
                span = when.span
                event.add("DTSTART", span.first)
                event.add("DTEND", span.end)
                event.add("TRANSP", "TRANSPARENT")
        if isinstance(when, Recurrence):
            event.add("RRULE", vRecur.from_ical(when.rule))
            if when.exdates:
                event.add(
                    "EXDATE",
                    [
                        when.start.replace(year=d.year, month=d.month, day=d.day)
                        for d in when.exdates
                    ],
                )
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def export_ratio(activities: int, repeats: int) -> None:
    plan = generate_plan(activities, seed=1)
    # Interleaved, so drift in the machine's load hits both sides alike.
    ours_times, floor_times = [], []
    for _ in range(repeats):
        ours_times.append(median_time(partial(_export, plan), 1))
        floor_times.append(median_time(partial(floor_ics, plan), 1))
    ours, floor = statistics.median(ours_times), statistics.median(floor_times)
    print(f"(a) export, {activities} activities, median of {repeats}:")
    print(f"    commedu.to_ics      {ours / activities * 1e6:9.1f} µs/activity")
    print(f"    icalendar floor     {floor / activities * 1e6:9.1f} µs/activity")
    print(f"    ratio               {ours / floor:9.2f}   (target <= 1.15)")


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
            path.write_text(commedu.dump_plan(plan), encoding="utf-8")
            paths.append(path)
        plans = [commedu.load_plan(path) for path in paths]
        runs = 1 if n >= 100_000 else repeats
        timing = {
            "load+validate": median_time(partial(_each, commedu.load_plan, paths), runs),
            "check": median_time(partial(_each, commedu.check, plans), runs),
            "export": median_time(partial(_each, _export, plans), runs),
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
    args = parser.parse_args()
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    repeats = 3 if args.quick else 5
    machine()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        export_ratio(2_000, repeats)
        cold_start(repeats, folder)
        pipeline(sizes, repeats, folder)
        peak_memory()


if __name__ == "__main__":
    main()
