"""``commedu ics PLAN``: export a plan's schedule as iCalendar files."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from commedu._messages import Lang, os_reason, render
from commedu.calendar.ics import ExportOptions, resolve, resolve_places, select, to_ics, write_ics
from commedu.calendar.revisions import Outdated, Revisions, RevisionStore
from commedu.calendar.split import INDEX, write_split
from commedu.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, read_plan
from commedu.cli._i18n import option_error
from commedu.cli._progress import Progress
from commedu.cli._streams import STDOUT, to_stdout, write_stdout
from commedu.cli._types import path
from commedu.errors import ExportError, PlanError, Problem
from commedu.model.plan import Plan
from commedu.model.reminders import parse_reminder

# Asking for something the plan does not have is a usage error; an empty result is a finding.
_USAGE_CODES = {
    "unknown-ref",
    "bad-months",
    "naive-stamp",
    "bad-source-date-epoch",
    "split-folder-taken",
    "bad-revision-store",
}


#: an export's problem path -> the option it came from
_OPTIONS = {"departments": "--department", "stations": "--station", "months": "--months"}
_OPTIONS |= {"places": "--place"}
_OPTIONS |= {"component": "--component", "stamp": "--stamp", "remind": "--remind"}


def _option_problem(problem: Problem, args: argparse.Namespace, lang: Lang) -> str:
    """An export's problem said about the option (or variable) that asked for it.

    The library names ``departments[0]``; on a command line that is ``--department 妇联``.
    """
    head = problem.path.partition("[")[0]
    message = problem.message(lang)
    if problem.code == "unknown-ref":
        message = render("cli-ics-no-such", lang, **problem.params)
    if head in ("departments", "stations", "places"):
        return option_error(_OPTIONS[head], problem.value, message, lang)
    if head in _OPTIONS:
        return render("cli-option-problem", lang, option=_OPTIONS[head], message=message)
    if head == "SOURCE_DATE_EPOCH":
        return option_error("SOURCE_DATE_EPOCH", problem.value, message, lang)
    given = [f"--department {d}" for d in args.department]
    given += [f"--station {s}" for s in args.station]
    given += [f"--place {p}" for p in args.place]
    if args.months:
        first, last = args.months
        given.append(f"--months {first}-{last}" if first != last else f"--months {first}")
    if not given:
        return message
    return render("cli-option-problem", lang, option=" ".join(given), message=message)


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


def _remind(lang: Lang) -> Callable[[str], timedelta]:
    def parse(text: str) -> timedelta:
        try:
            return parse_reminder(text)
        except PlanError as error:
            raise argparse.ArgumentTypeError(error.problems[0].message(lang)) from None

    return parse


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("plan", type=path, metavar="PLAN", help=render("cli-ics-plan", lang))
    parser.add_argument(
        "-o", "--output", type=path, metavar="FILE|DIR", help=render("cli-ics-output", lang)
    )
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
        "--place",
        action="append",
        default=[],
        metavar="NAME",
        help=render("cli-ics-place", lang),
    )
    parser.add_argument(
        "--months", type=_months(lang), metavar="3-6", help=render("cli-ics-months", lang)
    )
    parser.add_argument(
        "--split-by", choices=("department", "station", "place"), help=render("cli-ics-split", lang)
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
    parser.add_argument(
        "--remind", type=_remind(lang), metavar="3d", help=render("cli-ics-remind", lang)
    )
    parser.add_argument(
        "--revisions", type=path, metavar="DB", help=render("cli-ics-revisions", lang)
    )


def _changed(plan_file: str) -> int | None:
    """The plan file's change time, which orders its versions in a revision store."""
    try:
        return None if to_stdout(plan_file) else os.stat(plan_file).st_ctime_ns
    except OSError:
        return None


def _revised(
    args: argparse.Namespace, plan: Plan, source: int | None
) -> tuple[Plan, Revisions] | int:
    """The plan and its items' revisions from the store ``--revisions`` names.

    The store may have taken a newer version of the file meanwhile (a server or another export
    on the same store): the file is then read again, so old content never goes up.
    """
    store = RevisionStore(args.revisions)
    for _ in range(2):
        try:
            return plan, store.revise(plan, source=source)
        except Outdated:
            source = _changed(args.plan)
            again = read_plan(args.plan, "ics", args.lang)
            if isinstance(again, int):
                return again
            plan = again
    # Still older than what the store took: a file copied in from elsewhere is taken as it is.
    return plan, store.revise(plan)


def _export(
    plan: Plan, args: argparse.Namespace, options: ExportOptions, target: Path | None
) -> str | None:
    """Write what was asked for; the line to tell the user, or None when the calendar went to stdout."""
    lang: Lang = args.lang
    if args.split_by:
        folder = target or Path(plan.id)
        written = write_split(plan, folder, args.split_by, **options)
        return render(
            "cli-ics-split-written", lang, count=len(written) - 1, index=INDEX, folder=folder
        )
    if target == Path(STDOUT):
        write_stdout(to_ics(plan, **options))
        return None
    assert target is not None
    if args.output and args.output.endswith(("/", os.sep)):
        target.parent.mkdir(parents=True, exist_ok=True)
    write_ics(plan, target, **options)
    departments, stations, months = resolve(plan, options)
    places = resolve_places(plan, options)
    chosen = select(plan, departments=departments, stations=stations, places=places, months=months)
    count = len(chosen)
    return render("cli-ics-written", lang, file=target, activities=count)


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    if args.split_by and to_stdout(args.output):
        print(f"commedu ics: {render('cli-split-stdout', lang)}", file=sys.stderr)
        return EXIT_USAGE
    source = _changed(args.plan)  # before reading: a change meanwhile reads as newer
    plan = read_plan(args.plan, "ics", lang)
    if isinstance(plan, int):
        return plan
    revisions: Revisions | None = None
    if args.revisions:
        try:
            revised = _revised(args, plan, source)
        except ExportError as error:
            for problem in error.problems:
                print(f"commedu ics: {problem.message(lang)}", file=sys.stderr)
            return EXIT_USAGE
        if isinstance(revised, int):
            return revised
        plan, revisions = revised
    options: ExportOptions = {
        "departments": args.department,
        "stations": args.station,
        "places": args.place,
        "months": args.months,
        "component": args.component,
        "stamp": args.stamp,
        "remind": args.remind,
        "revisions": revisions,
    }
    if args.lang_given:
        options["lang"] = lang  # else the labels follow the plan's language
    target = Path(args.output) if args.output else None
    if to_stdout(args.output):
        target = Path(STDOUT)
    elif not args.split_by and (
        target is None or os.path.isdir(target) or args.output.endswith(("/", os.sep))
    ):
        target = (target or Path()) / f"{plan.id}.ics"  # a trailing slash names a folder
    try:
        # The bar goes before the summary line is printed, so the two never share a line.
        with Progress(render("cli-ics-progress", lang)) as progress, progress.ticking():
            said = _export(plan, args, options, target)
    except ExportError as error:
        for problem in error.problems:
            print(f"commedu ics: {_option_problem(problem, args, lang)}", file=sys.stderr)
        usage = any(p.code in _USAGE_CODES for p in error.problems)
        return EXIT_USAGE if usage else EXIT_FAILED
    except OSError as error:
        name = (target or Path(plan.id)) if args.split_by else target
        said = render("cli-cannot-write", lang, file=name, reason=os_reason(error))
        print(f"commedu ics: {said}", file=sys.stderr)
        return EXIT_USAGE
    if said is not None:
        print(said)
    return EXIT_OK
