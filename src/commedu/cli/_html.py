"""``commedu html PLAN``: write the year at a glance as one self-contained page."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from commedu._atomic import write_bytes
from commedu._messages import Lang, os_reason, render
from commedu.cli import EXIT_OK, EXIT_USAGE, read_ledger, read_plan, read_profile
from commedu.cli._serve import _base_url as base_url  # the same check as serve's option
from commedu.cli._streams import to_stdout, write_stdout
from commedu.cli._types import day, path
from commedu.web.folder import PlanFile
from commedu.web.glance import glance_html
from commedu.web.pages import plan_address

if TYPE_CHECKING:
    from commedu.model.ledger import Ledger
    from commedu.model.profile import Profile

#: The page's name when the output is a folder, so the folder can be put on any web server as is.
PAGE = "index.html"


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("plan", type=path, metavar="PLAN", help=render("cli-ics-plan", lang))
    parser.add_argument(
        "-o", "--output", type=path, metavar="FILE|DIR", help=render("cli-html-output", lang)
    )
    parser.add_argument("--ledger", type=path, metavar="FILE", help=render("cli-html-ledger", lang))
    parser.add_argument(
        "--as-of", type=day(lang), metavar="DATE", help=render("cli-html-as-of", lang)
    )
    parser.add_argument(
        "--profile", type=path, metavar="NAME|FILE", help=render("cli-check-profile", lang)
    )
    parser.add_argument(
        "--base-url", type=base_url(lang), metavar="URL", help=render("cli-html-base-url", lang)
    )


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    plan = read_plan(args.plan, "html", lang)
    if isinstance(plan, int):
        return plan
    ledger: Ledger | None = None
    if args.ledger is not None:
        found = read_ledger(args.ledger, plan, "html", lang)
        if isinstance(found, int):
            return found
        ledger = found
    profile: Profile | None = None
    if args.profile is not None:
        chosen = read_profile(args.profile, "html", lang)
        if isinstance(chosen, int):
            return chosen
        profile = chosen
    # The page speaks the plan's language unless --lang was given.
    page_lang: Lang | None = lang if args.lang_given else None
    feeds_url = _feeds_url(args.base_url, args.plan)
    page = glance_html(
        plan, lang=page_lang, ledger=ledger, as_of=args.as_of, profile=profile, feeds_url=feeds_url
    )
    if to_stdout(args.output):
        write_stdout(page)
        return EXIT_OK
    output: str = args.output or f"{plan.id}.html"
    target = Path(output)
    if output.endswith(("/", "\\")) or os.path.isdir(target):
        target = target / PAGE
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(target, page)
    except OSError as error:
        reason = os_reason(error)
        message = render("cli-cannot-write", lang, file=target, reason=reason)
        print(f"commedu html: {message}", file=sys.stderr)
        return EXIT_USAGE
    print(render("cli-html-written", lang, file=target))
    return EXIT_OK


def _feeds_url(base: str | None, plan_file: str) -> str | None:
    """Where ``commedu serve --base-url BASE`` serves the plan file's feeds: BASE/NAME/."""
    if base is None:
        return None
    name = os.path.basename(plan_file)
    return base.rstrip("/") + "/" + plan_address(PlanFile(name.rpartition(".")[0] or name, name))
