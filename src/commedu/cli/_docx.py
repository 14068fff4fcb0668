"""``commedu docx PLAN -o FILE.docx``: the plan as the official-format document a township issues.

The document speaks the plan's language unless ``--lang`` is given; ``commedu import`` reads the
Chinese one back into a plan file. A .docx is not text, so ``-o -`` is refused, as for
``commedu report``.
"""

from __future__ import annotations

import argparse
import os

from commedu._atomic import write_bytes
from commedu._messages import Lang, render
from commedu.cli import EXIT_OK, read_plan, write_file
from commedu.cli._streams import refuse_stdout, to_stdout
from commedu.cli._types import path

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("plan", type=path, metavar="PLAN", help=render("cli-ics-plan", lang))
    parser.add_argument(
        "-o", "--output", type=path, metavar="FILE", help=render("cli-docx-output", lang)
    )


def run(args: argparse.Namespace) -> int:
    from commedu.report.plan_document import plan_docx

    lang: Lang = args.lang
    if to_stdout(args.output):
        return refuse_stdout("docx", ".docx", "plan.docx", lang)
    plan = read_plan(args.plan, "docx", lang)
    if isinstance(plan, int):
        return plan
    data = plan_docx(plan, lang if args.lang_given else None)
    name = os.fspath(args.output or f"{plan.id}.docx")
    failed = write_file(lambda: write_bytes(name, data), name, "docx", lang)
    if failed is not None:
        return failed
    print(render("cli-docx-written", lang, file=name))
    return EXIT_OK
