"""Hostile data files cost what ordinary ones do: the parsing guards against the bare parser.

A TOML key of thousands of dotted parts makes ``tomllib`` build one table per part, at a cost
that grows with the square of the parts; deep nesting runs a parser out of stack. Every file a
user hands commedu (a plan, a ledger, a profile) goes through the data-file room's guards, which
refuse both in one linear pass. For each reader this prints, against a baseline from the same
run (the same reader on an ordinary file of the same size), the time to refuse a hostile file,
and what the bare parser would have spent on the same text.

    python benchmarks/hostile.py [--quick]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import time
import tomllib
from collections.abc import Callable

from commedu.compliance.actuals import example_ledger
from commedu.compliance.builtin import example_plan
from commedu.datafile.ledger import loads_ledger
from commedu.datafile.ledger_write import dumps_ledger
from commedu.datafile.plan import loads_plan
from commedu.datafile.plan_write import dumps_plan
from commedu.datafile.profile import dumps_profile, load_profile, loads_profile
from commedu.errors import CommeduError


def _best(read: Callable[[str], object], text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(CommeduError):
            read(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _padded(text: str, size: int) -> str:
    """``text`` with a comment line that brings it to ``size`` characters."""
    return text + "# " + "x" * max(0, size - len(text) - 3) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer parts and repeats")
    args = parser.parse_args()
    parts, repeat = (2000, 3) if args.quick else (8000, 5)
    plan = example_plan()
    ledger_text = dumps_ledger(example_ledger())
    readers: dict[str, tuple[str, Callable[[str], object]]] = {
        "plan": (dumps_plan(plan), lambda text: loads_plan(text)),
        "ledger": (ledger_text, lambda text: loads_ledger(text, plan)),
        "profile": (
            dumps_profile(load_profile("shandong-township")),
            lambda text: loads_profile(text),
        ),
    }
    key = ".".join(["a"] * parts) + " = 1\n"
    print(f"a {parts}-part dotted key; medians of {repeat}; ratios to the same reader")
    print("reading an ordinary file of the same size in the same run\n")
    print(f"{'reader':>8}  {'refused (guarded)':>18}  {'bare tomllib':>14}")
    for name, (text, read) in readers.items():
        hostile = text + key
        ordinary = _padded(text, len(hostile))
        baseline = _best(read, ordinary, repeat)
        guarded = _best(read, hostile, repeat)
        bare = _best(tomllib.loads, hostile, 1 if not args.quick else repeat)
        print(f"{name:>8}  {guarded / baseline:>17.2f}x  {bare / baseline:>13.1f}x")
    deep = '{"records": ' + "[" * 100_000 + "]" * 100_000 + "}"
    base = json.dumps({"records": []}) + " " * (len(deep) - 15)

    def read_json(text: str) -> object:
        return loads_ledger(text, plan, "json")

    ratio = _best(read_json, deep, repeat) / _best(read_json, base, repeat)
    print(f"\na JSON ledger nested 100,000 deep is refused in {ratio:.2f}x an ordinary one's time")


if __name__ == "__main__":
    main()
