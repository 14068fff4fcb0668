"""``commedu ledger init PLAN -o FILE``: a ledger (台账) ready to fill in for a plan."""

from __future__ import annotations

import argparse
import os

from commedu._messages import Lang, render
from commedu.cli import EXIT_OK, read_plan, write_file

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    said = render("cli-ledger-init", lang)
    init = sub.add_parser("init", help=said, description=said)
    init.add_argument("plan", metavar="PLAN", help=render("cli-ledger-plan", lang))
    init.add_argument(
        "-o", "--output", required=True, metavar="FILE", help=render("cli-ledger-output", lang)
    )
    init.add_argument("--force", action="store_true", help=render("cli-force", lang))


def run(args: argparse.Namespace) -> int:
    from commedu.ledger.write import write_ledger

    lang: Lang = args.lang
    plan = read_plan(args.plan, "ledger", lang)
    if isinstance(plan, int):
        return plan
    name = os.fspath(args.output)
    failed = write_file(
        lambda: write_ledger(name, plan, overwrite=args.force), name, "ledger", lang
    )
    if failed is not None:
        return failed
    count = len(plan.activities)
    print(render("cli-ledger-written", lang, file=name, activities=count, plan=args.plan))
    return EXIT_OK
