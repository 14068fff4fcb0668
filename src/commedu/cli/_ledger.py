"""``commedu ledger init PLAN -o FILE``: a ledger (台账) ready to fill in for a plan."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from commedu._atomic import write_bytes
from commedu._messages import Lang, render
from commedu.cli import EXIT_OK, read_plan, write_file
from commedu.cli._streams import refuse_stdout, to_stdout, write_stdout
from commedu.cli._types import path
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


#: The formats a ledger is written in; all but the workbook are text.
_FORMATS = ("xlsx", "csv", "toml", "json")


def _blank(plan: Plan, fmt: str) -> bytes:
    """An empty ledger for ``plan`` in ``fmt``, byte for byte as ``dump_ledger`` writes it."""
    from commedu.datafile.ledger_write import ledger_bytes

    return ledger_bytes(Ledger(plan.id, plan.year), plan, fmt)


def run(args: argparse.Namespace) -> int:
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
