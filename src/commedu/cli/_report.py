"""``commedu report PLAN LEDGER``: the year-end inspection report; ``--district DIR``: the roll-up.

``--level town`` writes the town level of the roll-up instead: each town's village stations and
schools, for the one town given or for every town of the folder.

In a district folder every plan file ``NAME.toml`` (or ``.json``) is paired with its ledger
``NAME.ledger.xlsx`` (or ``.csv``, ``.toml``, ``.json``). Exit codes: 0 written, 1 a plan or
ledger is invalid, 2 misuse or a file cannot be read or written.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from commedu._atomic import write_bytes
from commedu._messages import Lang, os_reason, render
from commedu.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, read_ledger, read_plan
from commedu.cli._progress import Progress
from commedu.cli._streams import refuse_stdout, to_stdout, write_stdout
from commedu.cli._types import day, path
from commedu.errors import PlanError, ProfileError

__all__ = ["configure", "run"]

_LEDGER_SUFFIXES = (".xlsx", ".csv", ".toml", ".json")


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "plan", nargs="?", type=path, metavar="PLAN", help=render("cli-report-plan", lang)
    )
    parser.add_argument(
        "ledger", nargs="?", type=path, metavar="LEDGER", help=render("cli-report-ledger", lang)
    )
    parser.add_argument(
        "-o", "--output", type=path, metavar="FILE", help=render("cli-report-output", lang)
    )
    parser.add_argument(
        "--format", choices=("html", "docx", "json"), help=render("cli-report-format", lang)
    )
    parser.add_argument(
        "--profile", type=path, metavar="NAME|FILE", help=render("cli-report-profile", lang)
    )
    parser.add_argument(
        "--as-of", type=day(lang), metavar="DATE", help=render("cli-report-as-of", lang)
    )
    parser.add_argument(
        "--district", type=path, metavar="DIR", help=render("cli-report-district", lang)
    )
    parser.add_argument(
        "--report-lang", choices=("zh", "en"), help=render("cli-report-report-lang", lang)
    )
    parser.add_argument(
        "--level",
        choices=("district", "town"),
        default="district",
        help=render("cli-report-level", lang),
    )


def _fail(lang: Lang, message: str, code: int = EXIT_USAGE) -> int:
    print(f"commedu report: {message}", file=sys.stderr)
    return code


def _pairs(folder: Path, lang: Lang) -> list[tuple[Path, Path | None]] | int:
    plans = sorted(
        p for p in folder.iterdir() if p.suffix in (".toml", ".json") and ".ledger" not in p.name
    )
    pairs = []
    for plan in plans:
        found = [folder / f"{plan.stem}.ledger{s}" for s in _LEDGER_SUFFIXES]
        ledgers = [p for p in found if p.is_file()]
        if not ledgers:  # a row that says so in the roll-up, and a note here
            note = render("cli-report-no-ledger", lang, plan=plan, stem=plan.stem)
            print(f"commedu report: {note}", file=sys.stderr)
        pairs.append((plan, ledgers[0] if ledgers else None))
    if not pairs:
        return _fail(lang, render("cli-report-no-pairs", lang, folder=folder))
    return pairs


def run(args: argparse.Namespace) -> int:
    from commedu.report.district import (
        Missing,
        district_docx,
        district_html,
        district_json,
        towns_docx,
        towns_html,
        towns_json,
    )
    from commedu.report.inspection import InspectionReport, inspect
    from commedu.report.render import to_docx, to_html, to_json

    lang: Lang = args.lang
    if args.district is not None:
        if args.plan is not None or not Path(args.district).is_dir():
            return _fail(lang, render("cli-report-usage", lang))
        pairs = _pairs(Path(args.district), lang)
        if isinstance(pairs, int):
            return pairs
    elif args.plan is None or args.ledger is None:
        return _fail(lang, render("cli-report-usage", lang))
    else:
        pairs = [(Path(args.plan), Path(args.ledger))]
    entries: list[InspectionReport | Missing] = []
    fmt = args.format or {".docx": "docx", ".json": "json"}.get(
        Path(args.output or "").suffix.lower(), "html"
    )
    if fmt == "docx" and (args.output is None or to_stdout(args.output)):
        return refuse_stdout("report", ".docx", "report.docx", lang)
    reports = []
    with Progress(render("cli-report-progress", lang), len(pairs)) as progress:
        for plan_path, ledger_path in pairs:
            plan = read_plan(os.fspath(plan_path), "report", lang)
            if isinstance(plan, int):
                return plan
            if ledger_path is None:
                entries.append(Missing(plan, f"{plan_path.stem}.ledger.xlsx"))
                progress.advance()
                continue
            ledger = read_ledger(os.fspath(ledger_path), plan, "report", lang)
            if isinstance(ledger, int):
                return ledger
            try:
                # Unless told, judged as of today, or the period's end once the period is over.
                as_of = args.as_of or min(date.today(), plan.span.last)
                reports.append(inspect(plan, ledger, args.profile, as_of=as_of))
                entries.append(reports[-1])
            except (ProfileError, PlanError) as error:
                return _fail(lang, error.describe(lang), EXIT_FAILED)
            progress.advance()
    out_lang: Lang = args.report_lang or entries[0].plan.language
    if args.level == "town" and fmt == "docx":
        data = towns_docx(entries, out_lang)
    elif args.level == "town":
        data = (towns_json(entries) if fmt == "json" else towns_html(entries, out_lang)).encode()
    elif args.district is not None and fmt == "docx":
        data = district_docx(entries, out_lang)
    elif args.district is not None:
        data = (
            district_json(entries) if fmt == "json" else district_html(entries, out_lang)
        ).encode()
    elif fmt == "docx":
        data = to_docx(reports[0], out_lang)
    else:
        data = (to_json(reports[0]) if fmt == "json" else to_html(reports[0], out_lang)).encode()
    if args.output is None or to_stdout(args.output):
        write_stdout(data)
        return EXIT_OK
    try:
        write_bytes(args.output, data)
    except OSError as exc:
        reason = os_reason(exc)
        return _fail(lang, render("cli-cannot-write", lang, file=args.output, reason=reason))
    print(render("cli-report-written", lang, file=args.output))
    return EXIT_OK
