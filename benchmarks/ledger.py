"""A district's year-end inspection in one run: N townships x 300 ledger records, read and reported.

Each township's ledger is an .xlsx workbook. The pipeline per township is what
``commedu report --district`` does: read the workbook into a ledger (checked against the plan),
run every rule with the ledger, build the inspection report, render it as HTML and JSON; then
the district roll-up. The baseline, measured in the same run on the same files, is openpyxl
alone reading every cell of the same workbooks: the floor any workbook-based ledger reader pays.

    python benchmarks/ledger.py [--quick]

``--quick`` runs 5 and 10 townships instead of 10 and 100.
"""

from __future__ import annotations

import argparse
import math
import platform
import random
import statistics
import sys
import tempfile
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path

import openpyxl

from commedu.datafile.ledger import load_ledger
from commedu.datafile.ledger_write import dump_ledger
from commedu.model.ledger import Evidence, Expense, Ledger, Record, Staffing
from commedu.model.plan import Plan
from commedu.report.district import district_html, district_json
from commedu.report.inspection import InspectionReport, inspect
from commedu.report.render import to_html, to_json

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate_plan
from measure import timed

RECORDS = 300
ACTIVITIES = 60  #: a busy township's 配档表


def make_ledger(plan: Plan, seed: int) -> Ledger:
    """``RECORDS`` records: most fulfil a planned activity inside its window, some are unplanned."""
    rng = random.Random(seed)
    records = []
    for i in range(RECORDS):
        activity = rng.choice(plan.activities) if rng.random() < 0.85 else None
        if activity is None:
            held = date.fromordinal(date(plan.year, 1, 1).toordinal() + rng.randrange(365))
        else:
            span = activity.when.span
            held = date.fromordinal(span.first.toordinal() + rng.randrange(span.days))
        participants = rng.randrange(10, 300)
        records.append(
            Record(
                f"r{i:04d}",
                activity.title if activity else f"计划外活动 {i}",
                (held,),
                activity=None if activity is None else activity.id,
                place=rng.choice(plan.stations).id if plan.stations else "",
                participants=participants,
                elders=rng.randrange(participants + 1),
                evidence=(Evidence("签到表"), Evidence("照片", f"{i}.jpg")),
            )
        )
    return Ledger(
        plan.id,
        plan.year,
        records,
        staff=Staffing(2, 3),
        expenses=(Expense(date(plan.year, 6, 1), Decimal("25000"), "培训"),),
    )


def floor_read(path: Path) -> int:
    """openpyxl alone: open the workbook and touch every cell value of every sheet."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    count = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            count += sum(1 for v in row if v is not None)
    book.close()
    return count


def floor_all(pairs: list[tuple[Plan, Path]]) -> int:
    return sum(floor_read(path) for _, path in pairs)


def district_run(pairs: list[tuple[Plan, Path]]) -> list[InspectionReport]:
    reports = []
    for plan, path in pairs:
        report = inspect(plan, load_ledger(path, plan))
        to_html(report, "zh")
        to_json(report)
        reports.append(report)
    district_html(reports, "zh")
    district_json(reports)
    return reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    sizes = (5, 10) if args.quick else (10, 100)
    repeats = 1 if args.quick else 3
    print(f"Python {platform.python_version()} on {platform.machine()}; {RECORDS} records each")
    results: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        pairs: list[tuple[Plan, Path]] = []
        for township in range(max(sizes)):
            plan = generate_plan(ACTIVITIES, township=township)
            path = Path(folder) / f"t{township:03d}.ledger.xlsx"
            dump_ledger(make_ledger(plan, township), path, plan)
            pairs.append((plan, path))
        for n in sizes:
            chosen = pairs[:n]
            # Interleaved so drift in the machine's load hits both sides alike.
            ours, floor = [], []
            for _ in range(repeats):
                ours.append(timed(partial(district_run, chosen)))
                floor.append(timed(partial(floor_all, chosen)))
            results[n] = (statistics.median(ours), statistics.median(floor))
            reports = district_run(chosen)
            assert sum(len(r.ledger.records) for r in reports) == n * RECORDS
    (small, (t1, f1)), (large, (t2, f2)) = sorted(results.items())
    records = large * RECORDS
    print("| townships | records | commedu s | openpyxl floor s | ratio | µs per record |")
    for n, (ours_s, floor_s) in sorted(results.items()):
        per = ours_s / (n * RECORDS) * 1e6
        print(
            f"| {n} | {n * RECORDS} | {ours_s:.2f} | {floor_s:.2f} | {ours_s / floor_s:.2f} | {per:.0f} |"
        )
    exponent = math.log(t2 / t1) / math.log(large / small)
    print(f"growth exponent {small} -> {large} townships: {exponent:.2f} (1.0 is linear)")
    print(f"floor growth exponent: {math.log(f2 / f1) / math.log(large / small):.2f}")
    print(f"{records} records checked and reported in {t2:.1f} s")


if __name__ == "__main__":
    main()
