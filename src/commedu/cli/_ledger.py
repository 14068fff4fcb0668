"""``commedu ledger init PLAN -o FILE``: a ledger (台账) ready to fill in for a plan;
``commedu ledger stats PLAN LEDGER -o FILE``: the year's figures a district sends upward."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from commedu._atomic import write_bytes
from commedu._messages import Lang, render
from commedu.cli import EXIT_OK, read_ledger, read_plan, write_file
from commedu.cli._streams import refuse_stdout, to_stdout, write_stdout
from commedu.cli._types import day, path
from commedu.model.ledger import Ledger
from commedu.model.plan import Plan

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    said = render("cli-ledger-init", lang)
    init = sub.add_parser("init", help=said, description=said)
    init.add_argument("plan", type=path, metavar="PLAN", help=render("cli-ledger-plan", lang))
    init.add_argument(
        "-o",
        "--output",
        required=True,
        type=path,
        metavar="FILE",
        help=render("cli-ledger-output", lang),
    )
    init.add_argument(
        "--format", choices=_FORMATS, metavar="FORMAT", help=render("cli-ledger-format", lang)
    )
    init.add_argument("--force", action="store_true", help=render("cli-force", lang))

    said = render("cli-ledger-stats", lang)
    stats = sub.add_parser("stats", help=said, description=said)
    stats.add_argument("plan", type=path, metavar="PLAN", help=render("cli-ledger-plan", lang))
    stats.add_argument(
        "ledger", type=path, metavar="LEDGER", help=render("cli-report-ledger", lang)
    )
    stats.add_argument(
        "-o",
        "--output",
        type=path,
        default="-",
        metavar="FILE",
        help=render("cli-ledger-stats-output", lang),
    )
    stats.add_argument(
        "--format",
        choices=_STATS_FORMATS,
        metavar="FORMAT",
        help=render("cli-ledger-stats-format", lang),
    )
    stats.add_argument(
        "--as-of", type=day(lang), metavar="DATE", help=render("cli-report-as-of", lang)
    )
    stats.add_argument("--force", action="store_true", help=render("cli-force", lang))


#: The formats a ledger is written in; all but the workbook are text.
_FORMATS = ("xlsx", "csv", "toml", "json")


def _blank(plan: Plan, fmt: str) -> bytes:
    """An empty ledger for ``plan`` in ``fmt``, byte for byte as ``dump_ledger`` writes it."""
    from commedu.datafile.ledger_write import ledger_bytes

    return ledger_bytes(Ledger(plan.id, plan.year), plan, fmt)


def run(args: argparse.Namespace) -> int:
    if args.action == "stats":
        return _stats(args)
    lang: Lang = args.lang
    suffix = {".xlsx": "xlsx", ".csv": "csv", ".json": "json", ".toml": "toml"}
    fmt = args.format or suffix.get(Path(args.output).suffix.lower(), "toml")
    if to_stdout(args.output) and fmt == "xlsx":
        return refuse_stdout("ledger", ".xlsx", "ledger.xlsx", lang)
    plan = read_plan(args.plan, "ledger", lang)
    if isinstance(plan, int):
        return plan
    if to_stdout(args.output):
        write_stdout(_blank(plan, fmt))
        return EXIT_OK  # the data is the output: no next step to print into it
    name = os.fspath(args.output)
    data = _blank(plan, fmt)
    failed = write_file(lambda: write_bytes(name, data, overwrite=args.force), name, "ledger", lang)
    if failed is not None:
        return failed
    count = len(plan.activities)
    print(render("cli-ledger-written", lang, file=name, activities=count, plan=args.plan))
    return EXIT_OK


# -- commedu ledger stats ----------------------------------------------------------------------

_STATS_FORMATS = ("xlsx", "csv", "json")

#: The columns of the table, each labelled in the catalogue as ``stats-<key>``. Persons (人数)
#: apart from attendances (人次) join here, beside ``attendances``, once records count them.
STATS_COLUMNS = (
    "plan",
    "township",
    "year",
    "records",
    "attendances",
    "persons",
    "population",
    "training_rate",
    "elder_attendances",
    "elders_taking_part",
    "elder_population",
    "elder_share",
)

#: The columns that are ratios: a percentage in a sheet, a decimal fraction in JSON.
_RATIOS = frozenset({"training_rate", "elder_share"})


def statistics_row(plan: Plan, ledger: Ledger, as_of: date | None = None) -> dict[str, Any]:
    """The year's figures of ``plan`` from ``ledger``, as judged on ``as_of`` (default: the
    last day of the plan year), keyed by :data:`STATS_COLUMNS`.

    The rates are the ones the rules over actuals judge (``compliance.actuals``), computed from
    the same records on the same day: the table never says another figure than the report.
    Where the ledger keeps the year's head counts (人数), the rates count persons, as the
    standards do; otherwise attendances (人次). A rate that cannot be had (no resident
    population; no record counting elders) is None.
    """
    from commedu.compliance.actuals import elder_share, held, training_rate
    from commedu.compliance.rule import Actuals

    actuals = Actuals(ledger, as_of or date(plan.year, 12, 31))
    done = held(ledger, actuals.as_of)
    counted = [r for r in done if r.elders is not None]
    heads = ledger.reach
    return {
        "plan": plan.id,
        "township": plan.township.name,
        "year": plan.year,
        "records": len(done),
        "attendances": sum(r.participants for r in done),
        "persons": None if heads is None else heads.persons,
        "population": plan.township.resident_population,
        "training_rate": training_rate(plan, actuals),
        "elder_attendances": sum(r.elders or 0 for r in counted) if counted else None,
        "elders_taking_part": None if heads is None else heads.elders,
        "elder_population": None if heads is None else heads.elder_population,
        "elder_share": elder_share(actuals),
    }


def _percent(value: Decimal) -> str:
    return f"{(value * 100).quantize(Decimal('0.1'), ROUND_HALF_UP)}%"


def _fraction(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.0001"), ROUND_HALF_UP))


def _labels(lang: Lang) -> list[str]:
    return [render(f"stats-{key}", lang) for key in STATS_COLUMNS]


def statistics_bytes(rows: Sequence[dict[str, Any]], fmt: str, lang: Lang) -> bytes:
    """The table of ``rows`` (one per plan) as ``xlsx``, ``csv`` or ``json``, labelled in
    ``lang``; the same rows give the same bytes."""
    if fmt == "json":
        data = {
            "schema": "commedu.ledger-stats/1",
            "columns": [
                {"key": key, "label": label}
                for key, label in zip(STATS_COLUMNS, _labels(lang), strict=True)
            ],
            "rows": [
                {
                    key: _fraction(row[key])
                    if key in _RATIOS and row[key] is not None
                    else row[key]
                    for key in STATS_COLUMNS
                }
                for row in rows
            ],
        }
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "csv":
        from commedu.datafile.columns import csv_cell

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(_labels(lang))
        for row in rows:
            cells = [
                "" if row[k] is None else _percent(row[k]) if k in _RATIOS else row[k]
                for k in STATS_COLUMNS
            ]
            writer.writerow([csv_cell(c) if isinstance(c, str) else c for c in cells])
        return out.getvalue().encode("utf-8")
    return _statistics_workbook(rows, lang)


def _statistics_workbook(rows: Sequence[dict[str, Any]], lang: Lang) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from commedu.datafile.columns import display_width
    from commedu.datafile.ledger_write import STAMP, normalise_zip

    book = Workbook()
    book.properties.creator = "commedu"
    book.properties.created = book.properties.modified = STAMP
    sheet = book.active
    assert sheet is not None
    sheet.title = render("stats-sheet", lang)
    labels = _labels(lang)
    sheet.append(labels)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, row in enumerate(rows, start=2):
        for column, key in enumerate(STATS_COLUMNS, start=1):
            value = row[key]
            cell = sheet.cell(row=number, column=column)
            if key in _RATIOS and value is not None:
                cell.value = float(value.quantize(Decimal("0.0001"), ROUND_HALF_UP))
                cell.number_format = "0.0%"
            elif value is not None:
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # a name is text, never a formula
    for column, key in enumerate(STATS_COLUMNS, start=1):
        texts = [labels[column - 1], *(str(r[key]) for r in rows if r[key] is not None)]
        width = max(display_width(t) for t in texts) + 2
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width, 8), 48)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return normalise_zip(out.getvalue())


def _stats(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    suffix = Path(args.output).suffix.lower().lstrip(".")
    fmt = args.format or (suffix if suffix in _STATS_FORMATS else "csv")
    if to_stdout(args.output) and fmt == "xlsx":
        return refuse_stdout("ledger", ".xlsx", "stats.xlsx", lang)
    plan = read_plan(args.plan, "ledger", lang)
    if isinstance(plan, int):
        return plan
    ledger = read_ledger(args.ledger, plan, "ledger", lang)
    if isinstance(ledger, int):
        return ledger
    data = statistics_bytes([statistics_row(plan, ledger, args.as_of)], fmt, lang)
    if to_stdout(args.output):
        write_stdout(data)
        return EXIT_OK
    name = os.fspath(args.output)
    if fmt == "csv":
        data = "\ufeff".encode() + data  # so that Excel opens it as UTF-8
    failed = write_file(lambda: write_bytes(name, data, overwrite=args.force), name, "ledger", lang)
    if failed is not None:
        return failed
    print(render("cli-saved", lang, file=name))
    return EXIT_OK
