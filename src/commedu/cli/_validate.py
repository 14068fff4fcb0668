"""``commedu validate FILE...``: check plan files and report every problem, grouped per file."""

from __future__ import annotations

import argparse
import sys

from commedu._messages import Lang, render
from commedu.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from commedu.errors import PlanFileError
from commedu.planfile.read import load_plan


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=render("cli-files", lang))
    parser.add_argument(
        "--format", choices=("toml", "json"), default=None, help=render("cli-format", lang)
    )


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    valid = 0
    unreadable = False
    for name in args.files:
        try:
            plan = load_plan(name, args.format)
        except PlanFileError as error:
            unreadable = unreadable or error.unreadable
            print(render("cli-invalid", lang, file=name, count=len(error.problems)))
            for problem in error.problems:
                # A problem with the file as a whole needs no place before it.
                where = problem.path or problem.line is not None
                print(f"  {problem.describe(lang) if where else problem.message(lang)}")
            continue
        valid += 1
        print(render("cli-valid", lang, file=name, activities=len(plan.activities)))
    total = len(args.files)
    if total > 1:
        print(render("cli-summary", lang, valid=valid, total=total), file=sys.stderr)
    if unreadable:
        return EXIT_USAGE
    return EXIT_OK if valid == total else EXIT_FAILED
