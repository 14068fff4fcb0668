"""The year at a glance against ``to_ics`` of the same plan, and how both grow.

The baseline is ``commedu.to_ics`` of the same plan, timed in the same run and interleaved with
the page, so drift in the machine's load hits both alike. Every step gets a fresh copy of the
plan, so what is worked out once per schedule (its activities by month) is paid each time. The page is measured whole (the month
grid, the compliance check, the skeleton) and in its parts: the month grid alone, which sorts the
schedule into months once, and the check the page shows, which is the rule engine's own cost.

    python benchmarks/glance.py [--quick]

Plans of 2,000 (the size the page was first measured at), 1,000, 10,000 and 100,000
activities; ``--quick`` stops at 10,000 and repeats less. Growth exponents are
``log(t₂/t₁) / log(n₂/n₁)`` between sizes ten times apart: 1.0 is linear.
"""

from __future__ import annotations

import argparse
import itertools
import platform
import statistics
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

import attrs

from commedu import Plan, check, glance_html, to_ics
from commedu.web.glance import _schedule

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate_plan
from measure import exponent, timed

#: What is timed for each plan, the baseline first.
STEPS: dict[str, Callable[[Plan], object]] = {
    "to_ics": lambda plan: to_ics(plan),
    "page": lambda plan: glance_html(plan, lang="zh"),
    "grid": lambda plan: _schedule(plan, "zh"),
    "check": lambda plan: check(plan),
}


def fresh(plan: Plan) -> Plan:
    """An equal plan that is a new object: nothing worked out for ``plan`` is reused for it."""
    return attrs.evolve(plan, schedule=attrs.evolve(plan.schedule))


def measure(plan: Plan, repeats: int) -> dict[str, float]:
    """Median seconds of each step, each on a fresh plan, interleaved repeat by repeat."""
    for step in STEPS.values():
        step(fresh(plan))  # warm: zone data, the profile, the rule registry
    times: dict[str, list[float]] = {name: [] for name in STEPS}
    for _ in range(repeats):
        for name, step in STEPS.items():
            times[name].append(timed(partial(step, fresh(plan))))
    return {name: statistics.median(found) for name, found in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="stop at 10k, fewer repeats")
    args = parser.parse_args()
    sizes = [2_000, 1_000, 10_000] if args.quick else [2_000, 1_000, 10_000, 100_000]
    print(f"Python {platform.python_version()} on {platform.machine()}")
    results: dict[int, dict[str, float]] = {}
    for n in sizes:
        repeats = 3 if args.quick or n >= 100_000 else 5
        plan = generate_plan(n)
        assert len(plan.activities) == n
        results[n] = measure(plan, repeats)
        del plan
    print("| activities | to_ics s | page s | page / to_ics | grid / to_ics | check / to_ics |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in sorted(results):
        r = results[n]
        base = r["to_ics"]
        print(
            f"| {n:,} | {base:.3f} | {r['page']:.3f} | {r['page'] / base:.2f}"
            f" | {r['grid'] / base:.2f} | {r['check'] / base:.2f} |"
        )
    growth = sorted(n for n in results if n != 2_000)
    for small, large in itertools.pairwise(growth):
        parts = ", ".join(
            f"{name} {exponent(small, large, results[small][name], results[large][name]):.2f}"
            for name in STEPS
        )
        print(f"growth exponent {small:,} -> {large:,}: {parts} (1.0 is linear)")


if __name__ == "__main__":
    main()
