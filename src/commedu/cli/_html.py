"""``commedu html PLAN``: write the year at a glance as one self-contained page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from commedu._messages import Lang, render
from commedu.cli import EXIT_OK, EXIT_USAGE, read_plan
from commedu.web.glance import glance_html, write_glance

#: The page's name when the output is a folder, so the folder can be put on any web server as is.
PAGE = "index.html"


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("plan", metavar="PLAN", help=render("cli-ics-plan", lang))
    parser.add_argument("-o", "--output", metavar="FILE|DIR", help=render("cli-html-output", lang))


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    plan = read_plan(args.plan, "html", lang)
    if isinstance(plan, int):
        return plan
    # The page speaks the plan's language unless --lang was given.
    page_lang: Lang | None = lang if args.lang_given else None
    if args.output == "-":
        sys.stdout.buffer.write(glance_html(plan, lang=page_lang))
        sys.stdout.flush()
        return EXIT_OK
    output: str = args.output or f"{plan.id}.html"
    target = Path(output)
    if output.endswith(("/", "\\")) or target.is_dir():
        target = target / PAGE
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_glance(plan, target, lang=page_lang)
    except OSError as error:
        reason = error.strerror or str(error)
        message = render("cli-cannot-write", lang, file=target, reason=reason)
        print(f"commedu html: {message}", file=sys.stderr)
        return EXIT_USAGE
    print(render("cli-html-written", lang, file=target))
    return EXIT_OK
