"""``commedu check PLAN``: the compliance report of a plan file.

Exit codes: 0 when no rule at or above ``--fail-on`` fails, 1 when one does or the plan file is
invalid, 2 when the command is misused or a file cannot be read.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING

from commedu._atomic import write_bytes
from commedu._messages import Lang
from commedu._messages import render as message
from commedu.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, read_ledger, read_plan, write_file
from commedu.cli._i18n import option_error
from commedu.cli._streams import to_stdout
from commedu.cli._term import Style, terminal_width, visible, wrap_lines
from commedu.cli._types import day, path
from commedu.compliance.assessment import assess
from commedu.compliance.rule import Severity, Status
from commedu.errors import ProfileError, RuleSelectorError

if TYPE_CHECKING:
    from commedu.model.ledger import Ledger

__all__ = ["configure", "run"]


def _codes(value: str) -> list[str]:
    return [code.strip() for code in value.split(",") if code.strip()]


def _paint(report: str, lang: Lang, style: Style) -> str:
    """Colour each result's severity, and its status by the severity when it fails."""
    if not style.enabled:
        return report
    severities = {s.label(lang): s for s in Severity}
    statuses = {s.label(lang): s for s in Status}
    either = "|".join(re.escape(label) for label in severities)
    status = "|".join(re.escape(label) for label in statuses)
    line = re.compile(rf"^([A-Z]{{1,4}}\d{{3}} .+? \[)({either})(\] )({status})(:)", re.MULTILINE)

    def paint(match: re.Match[str]) -> str:
        severity, outcome = severities[match[2]], statuses[match[4]]
        role = severity.value if outcome is Status.FAIL else outcome.value
        return (
            "".join(
                (match[1], style.paint(match[2], severity.value), match[3]),
            )
            + style.paint(match[4], role)
            + match[5]
        )

    return line.sub(paint, report)


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("plan", type=path, metavar="PLAN", help=message("cli-check-plan", lang))
    parser.add_argument(
        "--profile", type=path, metavar="NAME|FILE", help=message("cli-check-profile", lang)
    )
    parser.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help=message("cli-check-format", lang),
    )
    parser.add_argument(
        "--select",
        type=_codes,
        action="extend",
        metavar="CODES",
        help=message("cli-check-select", lang),
    )
    parser.add_argument(
        "--ignore",
        type=_codes,
        action="extend",
        metavar="CODES",
        help=message("cli-check-ignore", lang),
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning"),
        default="error",
        help=message("cli-check-fail-on", lang),
    )
    parser.add_argument(
        "--ledger", type=path, metavar="FILE", help=message("cli-check-ledger", lang)
    )
    parser.add_argument(
        "--as-of", type=day(lang), metavar="DATE", help=message("cli-check-as-of", lang)
    )
    parser.add_argument(
        "-o", "--output", type=path, metavar="FILE", help=message("cli-check-output", lang)
    )


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    plan = read_plan(args.plan, "check", lang)
    if isinstance(plan, int):
        return plan
    ledger: Ledger | None = None
    if args.ledger is not None:
        found = read_ledger(args.ledger, plan, "check", lang)
        if isinstance(found, int):
            return found
        ledger = found
    try:
        report = assess(
            plan,
            args.profile,
            select=args.select,
            ignore=args.ignore,
            ledger=ledger,
            as_of=args.as_of,
        ).compliance
    except ProfileError as exc:
        # A profile the user passed is a usage error; one the plan names makes the plan invalid.
        said = [p.describe(lang) if p.path or p.line else p.message(lang) for p in exc.problems]
        if args.profile is not None:
            where = f"--profile {args.profile}"
        else:
            where = message("cli-check-profile-error", lang, name=exc.source)
        if len(said) == 1 and not exc.problems[0].path:  # about the profile as a whole
            print(f"commedu check: {where}: {said[0]}", file=sys.stderr)
        else:
            print(f"commedu check: {where}:", *said, sep="\n", file=sys.stderr)
        return EXIT_USAGE if args.profile is not None else EXIT_FAILED
    except RuleSelectorError as exc:
        option = "--select" if exc.selector in (args.select or ()) else "--ignore"
        print(
            f"commedu check: {option_error(option, exc.selector, exc.describe(lang))}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    render = {"text": report.to_text, "markdown": report.to_markdown, "json": report.to_json}
    output = render[args.format](lang)
    if args.output is not None and not to_stdout(args.output):
        name = args.output
        data = output.encode("utf-8")
        failed = write_file(lambda: write_bytes(name, data), name, "check", lang)
        if failed is not None:
            return failed
        print(message("cli-saved", lang, file=name))
        return EXIT_FAILED if report.fails_at(Severity(args.fail_on)) else EXIT_OK
    if args.format != "json":  # JSON escapes its own; a terminal must not obey a plan's text
        output = visible(output)
    if args.format == "text":
        style = Style(args.color, sys.stdout)
        if sys.stdout.isatty():  # a pipe keeps one line per result, for grep
            output = wrap_lines(output, terminal_width(), style)
        output = _paint(output, lang, style)
    sys.stdout.write(output)
    return EXIT_FAILED if report.fails_at(Severity(args.fail_on)) else EXIT_OK
