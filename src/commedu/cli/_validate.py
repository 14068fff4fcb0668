"""``commedu validate FILE...``: check plan files and report every problem, grouped per file.

Each problem names its path and, in the file's text, its line and column. A valid file may
still get warnings (see :mod:`commedu.datafile.hints`); it stays valid unless ``--strict``.
Exit codes: 0 every file valid, 1 some file invalid (or, with ``--strict``, warned about),
2 some file unreadable or the command misused.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Literal

from commedu._messages import Lang, render
from commedu.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from commedu.cli._progress import Progress
from commedu.cli._term import Style, terminal_width, wrap
from commedu.cli._types import path
from commedu.datafile.hints import hints
from commedu.datafile.plan import Format, read_plan
from commedu.errors import PlanFileError, Problem
from commedu.model.fieldcheck import define

__all__ = ["JSON_SCHEMA", "configure", "run"]

#: The layout of ``--format json``; bumped when a key changes meaning or goes away.
JSON_SCHEMA = "commedu.validate/1"


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "files", nargs="+", type=path, metavar="FILE", help=render("cli-files", lang)
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=render("cli-validate-format", lang),
    )
    parser.add_argument(
        "--input-format",
        choices=("toml", "json"),
        default=None,
        help=render("cli-validate-input-format", lang),
    )
    parser.add_argument("--strict", action="store_true", help=render("cli-validate-strict", lang))


@define
class _Verdict:
    status: Literal["valid", "invalid", "unreadable"]
    activities: int | None  # of a valid file
    problems: tuple[tuple[Literal["error", "warning"], Problem], ...]


def _check(name: str, input_format: Format | None) -> _Verdict:
    """One file's verdict: status, activity count, and its problems with their severities."""
    try:
        read = read_plan(name, input_format)
    except PlanFileError as error:
        status: Literal["invalid", "unreadable"] = "unreadable" if error.unreadable else "invalid"
        return _Verdict(status, None, tuple(("error", p) for p in error.problems))
    warnings = hints(read)
    return _Verdict("valid", len(read.plan.activities), tuple(("warning", p) for p in warnings))


def _problem_data(severity: str, problem: Problem, lang: Lang) -> dict[str, Any]:
    return {
        "severity": severity,
        "code": problem.code,
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "message": problem.message(lang),
        "suggestion": problem.suggestion,
    }


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    results = []
    with Progress(render("cli-validate-progress", lang), len(args.files)) as progress:
        for name in args.files:
            results.append((name, _check(name, args.input_format)))
            progress.advance()
    if args.format == "json":
        data = {
            "schema": JSON_SCHEMA,
            "lang": lang,
            "files": [
                {
                    "file": name,
                    "status": result.status,
                    "activities": result.activities,
                    "problems": [_problem_data(s, p, lang) for s, p in result.problems],
                }
                for name, result in results
            ],
        }
        import json  # here, not at import: the report is text unless asked

        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_text(results, lang, Style(args.color, sys.stdout))
    statuses = {result.status for _, result in results}
    warned = any(result.problems for _, result in results)
    if "unreadable" in statuses:
        return EXIT_USAGE
    if "invalid" in statuses or (args.strict and warned):
        return EXIT_FAILED
    return EXIT_OK


def _print_text(results: list[tuple[str, _Verdict]], lang: Lang, style: Style) -> None:
    # A terminal gets lines that fit it; a pipe one line per problem, for grep.
    width = terminal_width() if sys.stdout.isatty() else sys.maxsize
    lines = []
    for name, result in results:
        problems = result.problems
        if result.status != "valid":
            lines.append(render("cli-invalid", lang, file=name, count=len(problems)))
        elif problems:
            activities = result.activities
            lines.append(
                render(
                    "cli-validate-valid-warned",
                    lang,
                    file=name,
                    activities=activities,
                    count=len(problems),
                )
            )
        else:
            lines.append(render("cli-valid", lang, file=name, activities=result.activities))
        for severity, problem in problems:
            # A problem with the file as a whole needs no place before it.
            where = problem.path or problem.line is not None
            said = problem.describe(lang) if where else problem.message(lang)
            spans: list[tuple[str, str | None]] = [(said, "fail")]
            if severity == "warning":
                warning = render("cli-warning", lang)
                line = render("cli-warned", lang, warning=warning, message=said)
                spans = [(warning, "warning"), (line.removeprefix(warning), None)]
            lines += wrap(spans, width, style, first="  ", rest="      ")
    sys.stdout.write("\n".join(lines) + "\n")
    valid = sum(result.status == "valid" for _, result in results)
    if len(results) > 1:
        print(render("cli-summary", lang, valid=valid, total=len(results)), file=sys.stderr)
