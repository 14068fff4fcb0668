"""What the run-time type check costs when a plan is loaded, and what a command costs to start.

(f) Loading a plan file (decode, parse, structure, build and validate the plan) three ways,
interleaved in one run: as shipped; with every field check's body switched off (its call stays);
and with all of attrs' validators switched off (``attrs.validators.disabled``), which removes the
type check entirely along with the few other field validators. The share of loading the check
costs is ``1 - off / on``. Target ≤ 10 %. Times are the process's CPU time, so other work on the
machine moves them less than wall-clock time would.

(g) Cold start: ``commedu --version`` and ``commedu validate`` on the Jinshan plan in a fresh
process, against ``python -c "import icalendar"`` measured in the same run (median of runs,
interleaved), with compiled bytecode in place as an installed package has it; and, where valgrind
is installed, the instructions each executes, which the machine's load does not move. Targets:
``--version`` ≤ 1.0, ``validate`` ≤ 1.3.

    python benchmarks/typecheck.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import attrs

import commedu
from commedu import _typecheck

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate_plan

ROOT = Path(__file__).resolve().parent.parent


def cpu_time(action: Callable[[], object]) -> float:
    start = time.process_time()
    action()
    return time.process_time() - start


def type_check_share(activities: int, repeats: int) -> None:
    text = commedu.dumps_plan(generate_plan(activities))

    def load() -> None:
        commedu.loads_plan(text)

    checking = _typecheck.FieldCheck.__call__

    def body_off(self: _typecheck.FieldCheck, *_: object) -> None:  # the same call, no work
        return None

    load()  # every field's annotation is resolved on first use: not part of loading
    on, hollow, off = [], [], []
    for _ in range(repeats):
        on.append(cpu_time(load))
        _typecheck.FieldCheck.__call__ = body_off  # type: ignore[method-assign,assignment]
        try:
            hollow.append(cpu_time(load))
        finally:
            _typecheck.FieldCheck.__call__ = checking  # type: ignore[method-assign]
        with attrs.validators.disabled():
            off.append(cpu_time(load))
    t_on, t_hollow, t_off = (statistics.median(x) for x in (on, hollow, off))
    print(f"(f) loading a plan of {activities:,} activities, CPU time, median of {repeats}:")
    print(f"    with the type check              {t_on * 1e3:8.1f} ms")
    print(f"    check bodies off (calls stay)    {t_hollow * 1e3:8.1f} ms")
    print(f"    all field validators off         {t_off * 1e3:8.1f} ms")
    print(f"    share of loading: the checks' work {1 - t_hollow / t_on:6.1%},")
    print(f"                      the checks in all {1 - t_off / t_on:6.1%}   (target <= 10 %)")


def cold_start(repeats: int) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    plan = str(ROOT / "examples" / "jinshan_2021.toml")
    cases = {
        "import icalendar": [sys.executable, "-c", "import icalendar"],
        "commedu --version": [sys.executable, "-m", "commedu", "--version"],
        "commedu validate (Jinshan)": [sys.executable, "-m", "commedu", "validate", plan],
    }

    def run(argv: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=env)
        return time.perf_counter() - start

    for argv in cases.values():
        run(argv)  # writes the bytecode an installed package would have
    times: dict[str, list[float]] = {label: [] for label in cases}
    for _ in range(repeats):
        for label, argv in cases.items():
            times[label].append(run(argv))
    base = statistics.median(times["import icalendar"])
    print(f"(g) cold start, wall clock, median of {repeats} (baseline: import icalendar):")
    for label, values in times.items():
        seconds = statistics.median(values)
        print(f"    {label:<28} {seconds * 1e3:7.1f} ms   {seconds / base:4.2f}")
    if shutil.which("valgrind") is None:
        print("    (valgrind not found: no count of executed instructions)")
        return
    counts = {label: instructions(argv, env) for label, argv in cases.items()}
    print("    executed instructions, valgrind's callgrind (the same on any load of the machine):")
    for label, count in counts.items():
        ratio = count / counts["import icalendar"]
        print(f"    {label:<28} {count / 1e6:7.0f} M    {ratio:4.2f}")


def instructions(argv: list[str], env: dict[str, str]) -> int:
    """The instructions a command executes, as valgrind's callgrind counts them."""
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    found = re.search(r"Collected : ([0-9]+)", result.stderr)
    if found is None:
        raise RuntimeError(f"valgrind said no count:\n{result.stderr}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="a smaller plan and fewer repeats")
    quick = parser.parse_args().quick
    type_check_share(500 if quick else 5000, 5 if quick else 11)
    cold_start(5 if quick else 21)


if __name__ == "__main__":
    main()
