"""``commedu ics PLAN``: export a plan's schedule as iCalendar files."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from commedu._messages import Lang, render
from commedu.calendar.ics import ExportOptions, resolve, select, to_ics, write_ics
from commedu.calendar.split import INDEX, write_split
from commedu.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, read_plan
from commedu.errors import ExportError

# Asking for something the plan does not have is a usage error; an empty result is a finding.
_USAGE_CODES = {
    "unknown-ref",
    "bad-months",
    "bad-component",
    "naive-stamp",
    "bad-source-date-epoch",
}


def _months(lang: Lang) -> Callable[[str], tuple[int, int]]:
    def parse(text: str) -> tuple[int, int]:
        match = re.fullmatch(r"\s*(\d{1,2})\s*(?:[-–—~～]\s*(\d{1,2})\s*)?", text)
        if match:
            first, last = int(match[1]), int(match[2] or match[1])
            if 1 <= first <= last <= 12:
                return first, last
        raise argparse.ArgumentTypeError(render("bad-months", lang, value=text))

    return parse


def _stamp(lang: Lang) -> Callable[[str], datetime]:
    def parse(text: str) -> datetime:
        try:
            stamp = datetime.fromisoformat(text)
        except ValueError:
            stamp = None
        if stamp is None or stamp.tzinfo is None:
            raise argparse.ArgumentTypeError(render("cli-ics-bad-stamp", lang, value=text))
        return stamp

    return parse


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("plan", metavar="PLAN", help=render("cli-ics-plan", lang))
    parser.add_argument("-o", "--output", metavar="FILE|DIR", help=render("cli-ics-output", lang))
    parser.add_argument(
        "--department",
        action="append",
        default=[],
        metavar="NAME",
        help=render("cli-ics-department", lang),
    )
    parser.add_argument(
        "--station",
        action="append",
        default=[],
        metavar="NAME",
        help=render("cli-ics-station", lang),
    )
    parser.add_argument(
        "--months", type=_months(lang), metavar="3-6", help=render("cli-ics-months", lang)
    )
    parser.add_argument(
        "--split-by", choices=("department", "station"), help=render("cli-ics-split", lang)
    )
    parser.add_argument(
        "--component",
        choices=("event", "todo"),
        default="event",
        help=render("cli-ics-component", lang),
    )
    parser.add_argument(
        "--stamp", type=_stamp(lang), metavar="ISO8601", help=render("cli-ics-stamp", lang)
    )


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    plan = read_plan(args.plan, "ics", lang)
    if isinstance(plan, int):
        return plan
    options: ExportOptions = {
        "departments": args.department,
        "stations": args.station,
        "months": args.months,
        "component": args.component,
        "stamp": args.stamp,
    }
    if args.lang_given:
        options["lang"] = lang  # else the labels follow the plan's language
    target = Path(args.output) if args.output else None
    folder = target or Path(plan.id)
    try:
        if args.split_by:
            written = write_split(plan, folder, args.split_by, **options)
            print(
                render(
                    "cli-ics-split-written",
                    lang,
                    count=len(written) - 1,
                    index=INDEX,
                    folder=folder,
                )
            )
            return EXIT_OK
        if args.output == "-":
            sys.stdout.buffer.write(to_ics(plan, **options))
            sys.stdout.flush()
            return EXIT_OK
        if target is None or target.is_dir():
            target = (target or Path()) / f"{plan.id}.ics"
        write_ics(plan, target, **options)
    except ExportError as error:
        print(f"commedu ics: {error.describe(lang)}", file=sys.stderr)
        usage = any(p.code in _USAGE_CODES for p in error.problems)
        return EXIT_USAGE if usage else EXIT_FAILED
    except OSError as error:
        name = folder if args.split_by else target
        reason = error.strerror or str(error)
        print(
            f"commedu ics: {render('cli-cannot-write', lang, file=name, reason=reason)}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    departments, stations, months = resolve(plan, options)
    count = len(select(plan, departments=departments, stations=stations, months=months))
    print(render("cli-ics-written", lang, file=target, activities=count))
    return EXIT_OK
