"""A district's year-end inspection in one run: N townships x 300 ledger records, read and reported.

Each township's ledger is an .xlsx workbook. The pipeline per township is what
``commedu report --district`` does: read the workbook into a ledger (checked against the plan),
run every rule with the ledger, build the inspection report, render it as HTML and JSON; then
the district roll-up. The baseline, measured in the same run on the same files, is openpyxl
alone reading every cell of the same workbooks: the floor any workbook-based ledger reader pays.

    python benchmarks/ledger.py [--quick]
    python benchmarks/ledger.py --read [--quick]

``--quick`` runs 5 and 10 townships instead of 10 and 100.

``--read`` measures reading one large ledger workbook (10,000 and 100,000 records; ``--quick``:
1,000 and 10,000) against openpyxl's read-only floor and python-calamine reading the same file:
the time of each, interleaved, and the growth of each one's peak resident memory, each reader in
a fresh process so that one's peak cannot hide another's. ``commedu`` is ``load_ledger`` (calamine
after the formula scan); ``commedu-openpyxl`` is its reading cell by cell with openpyxl, which a
workbook with a formula or a problem gets.
"""

from __future__ import annotations

import argparse
import gc
import math
import platform
import random
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path

import openpyxl

from commedu.datafile.ledger import _read_cells, load_ledger
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


# -- reading one large ledger ---------------------------------------------------------------------


def calamine_read(path: Path) -> int:
    """python-calamine (a Rust reader) reading every cell value of every sheet."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    count = 0
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).iter_rows():
            count += sum(1 for v in row if v not in (None, ""))
    book.close()
    return count


def _read_plan() -> Plan:
    return generate_plan(ACTIVITIES)


def commedu_read(path: Path) -> int:
    return len(load_ledger(path, _read_plan()).records)


def commedu_cells_read(path: Path) -> int:
    """commedu's reading cell by cell with openpyxl, as it reads a workbook holding a formula."""
    return len(_read_cells(path.read_bytes(), _read_plan(), str(path)).records)


READERS = {
    "openpyxl": floor_read,
    "calamine": calamine_read,
    "commedu": commedu_read,
    "commedu-openpyxl": commedu_cells_read,
}


def peak_growth(reader: str, path: Path) -> int:
    """How much the peak resident memory of a fresh process grows while ``reader`` reads."""
    done = subprocess.run(
        [sys.executable, __file__, "--peak-of", reader, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout.split()[-1])


def _status(field: str) -> int:
    """A figure of this process in bytes from ``/proc/self/status`` (VmRSS, VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024
    raise LookupError(field)


def _peak_of(reader: str, path: Path) -> None:
    action = READERS[reader]
    plan = _read_plan()  # made before the baseline: the plan is not the reading's cost
    assert plan.activities
    gc.collect()
    # Start the peak afresh (Linux: "5" resets VmHWM), so that what the imports and the plan
    # took before is not taken for the reading's peak; Rust's memory counts as well as Python's.
    Path("/proc/self/clear_refs").write_text("5")
    before = _status("VmRSS")
    action(path)
    print(_status("VmHWM") - before)


def reading(quick: bool) -> None:
    from ledger_write import make_ledger as many_records

    sizes = (1_000, 10_000) if quick else (10_000, 100_000)
    print(f"Python {platform.python_version()} on {platform.machine()}; one ledger workbook")
    plan = _read_plan()
    times: dict[int, dict[str, float]] = {}
    peaks: dict[int, dict[str, int]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"l{size}.xlsx"
            dump_ledger(many_records(plan, size), path, plan)
            repeats = 1 if size >= 100_000 else 3
            runs: dict[str, list[float]] = {name: [] for name in READERS}
            for _ in range(repeats):  # interleaved so drift in the load hits all alike
                for name, action in READERS.items():
                    runs[name].append(timed(partial(action, path)))
            times[size] = {name: statistics.median(t) for name, t in runs.items()}
            peaks[size] = {name: peak_growth(name, path) for name in READERS}
    print("| records | reader | s | ÷ openpyxl floor | peak memory MiB | ÷ openpyxl floor |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    for size in sizes:
        t, m = times[size], peaks[size]
        for name in READERS:
            print(
                f"| {size:,} | {name} | {t[name]:.2f} | {t[name] / t['openpyxl']:.2f}"
                f" | {m[name] / 2**20:.0f} | {m[name] / max(m['openpyxl'], 1):.2f} |"
            )
    small, large = sizes
    for name in READERS:
        grow = math.log(times[large][name] / times[small][name]) / math.log(large / small)
        print(f"growth exponent {small:,} -> {large:,} records, {name}: {grow:.2f}")


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
    parser.add_argument("--read", action="store_true", help="reading one large ledger")
    parser.add_argument("--peak-of", nargs=2, metavar=("READER", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak_of:
        _peak_of(args.peak_of[0], Path(args.peak_of[1]))
        return
    if args.read:
        reading(args.quick)
        return
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
