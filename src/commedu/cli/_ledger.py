"""``commedu ledger init PLAN -o FILE``: a ledger (台账) ready to fill in for a plan."""

from __future__ import annotations

import argparse
import os

from commedu._messages import Lang, render
from commedu.cli import EXIT_OK, read_plan, write_file

__all__ = ["configure", "run"]

TEXT: dict[Lang, dict[str, str]] = {
    "en": {
        "init": "write a ledger for the plan, ready to fill in (.xlsx, .csv, .toml or .json)",
        "plan": "the plan file (.toml or .json)",
        "output": "the ledger file to write, e.g. ledger.xlsx",
        "written": "wrote {file} ({activities} planned activities listed); fill it in, then run:"
        " commedu report {plan} {file}",
    },
    "zh": {
        "init": "为计划生成待填写的台账（.xlsx、.csv、.toml 或 .json）",
        "plan": "计划文件（.toml 或 .json）",
        "output": "要写入的台账文件，例如 ledger.xlsx",
        "written": "已写入 {file}（列出 {activities} 项计划工作）；填写后运行：commedu report {plan} {file}",
    },
}


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    text = TEXT[lang]
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    init = sub.add_parser("init", help=text["init"], description=text["init"])
    init.add_argument("plan", metavar="PLAN", help=text["plan"])
    init.add_argument("-o", "--output", required=True, metavar="FILE", help=text["output"])
    init.add_argument("--force", action="store_true", help=render("cli-force", lang))


def run(args: argparse.Namespace) -> int:
    from commedu.ledger.write import dump_ledger
    from commedu.model.ledger import Ledger

    lang: Lang = args.lang
    plan = read_plan(args.plan, "ledger", lang)
    if isinstance(plan, int):
        return plan
    name = os.fspath(args.output)
    failed = write_file(
        lambda: dump_ledger(Ledger(plan.id, plan.year), name, plan, overwrite=args.force),
        name,
        "ledger",
        lang,
    )
    if failed is not None:
        return failed
    print(TEXT[lang]["written"].format(file=name, activities=len(plan.activities), plan=args.plan))
    return EXIT_OK
