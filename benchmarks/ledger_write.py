"""Writing a ledger workbook against openpyxl writing the same rows, and how both grow.

The baseline, timed in the same run and interleaved with commedu, is openpyxl alone: a new
write-only workbook, the same record rows appended to one sheet, saved to memory. commedu's workbook holds
more (the plan's activities, the staff and money sheet, drop-down lists over the records, column
widths fitted to every cell, fixed zip stamps), so the ratio says what that costs on top of the floor any workbook writer pays.

    python benchmarks/ledger_write.py [--quick]

Ledgers of 1,000, 10,000 and 100,000 records; ``--quick`` stops at 10,000 and repeats less.
Growth exponents are ``log(t₂/t₁) / log(n₂/n₁)`` between sizes ten times apart: 1.0 is linear.
"""

from __future__ import annotations

import argparse
import io
import itertools
import platform
import random
import statistics
import sys
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from commedu.datafile.columns import RECORD_COLUMNS
from commedu.datafile.ledger_write import _record_row, workbook_bytes
from commedu.model.ledger import Evidence, Ledger, Record, Staffing
from commedu.model.plan import Plan

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate_plan
from measure import exponent, timed

ACTIVITIES = 60  #: a busy township's 配档表


def make_ledger(plan: Plan, size: int, seed: int = 1) -> Ledger:
    """``size`` records, most of them fulfilling a planned activity, as a busy year gives."""
    rng = random.Random(seed)
    records = []
    for i in range(size):
        activity = rng.choice(plan.activities) if rng.random() < 0.85 else None
        held = date.fromordinal(date(plan.year, 1, 1).toordinal() + rng.randrange(365))
        participants = rng.randrange(10, 300)
        records.append(
            Record(
                f"r{i:06d}",
                activity.title if activity else f"计划外活动 {i}",
                (held,),
                activity=None if activity is None else activity.id,
                participants=participants,
                elders=rng.randrange(participants + 1),
                evidence=(Evidence("签到表"), Evidence("照片", f"{i}.jpg")),
            )
        )
    return Ledger(plan.id, plan.year, records, staff=Staffing(2, 3))


def openpyxl_floor(ledger: Ledger) -> bytes:
    """openpyxl alone writing the same header and record rows to one sheet, in write-only
    mode: the fastest way it has, and the one commedu's writer uses."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append([c.header for c in RECORD_COLUMNS])
    for record in ledger.records:
        sheet.append(_record_row(record))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def measure(plan: Plan, ledger: Ledger, repeats: int) -> tuple[float, float]:
    """Median seconds of (openpyxl, commedu), interleaved repeat by repeat."""
    floor: list[float] = []
    ours: list[float] = []
    for _ in range(repeats):
        floor.append(timed(lambda: openpyxl_floor(ledger)))
        ours.append(timed(lambda: workbook_bytes(plan, ledger)))
    return statistics.median(floor), statistics.median(ours)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="stop at 10k, fewer repeats")
    args = parser.parse_args()
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    print(f"Python {platform.python_version()} on {platform.machine()}")
    plan = generate_plan(ACTIVITIES)
    workbook_bytes(plan, make_ledger(plan, 10))  # warm: imports, styles
    results: dict[int, tuple[float, float]] = {}
    for size in sizes:
        repeats = 1 if size >= 100_000 else (2 if args.quick else 3)
        results[size] = measure(plan, make_ledger(plan, size), repeats)
    print("| records | openpyxl s | commedu s | commedu / openpyxl |")
    print("| ---: | ---: | ---: | ---: |")
    for size, (floor, ours) in results.items():
        print(f"| {size:,} | {floor:.3f} | {ours:.3f} | {ours / floor:.2f} |")
    for small, large in itertools.pairwise(sizes):
        (f1, o1), (f2, o2) = results[small], results[large]
        print(
            f"growth exponent {small:,} -> {large:,}: openpyxl {exponent(small, large, f1, f2):.2f},"
            f" commedu {exponent(small, large, o1, o2):.2f} (1.0 is linear)"
        )


if __name__ == "__main__":
    main()
