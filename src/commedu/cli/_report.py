"""``commedu report PLAN LEDGER``: the year-end inspection report; ``--district DIR``: the roll-up.

In a district folder every plan file ``NAME.toml`` (or ``.json``) is paired with its ledger
``NAME.ledger.xlsx`` (or ``.csv``, ``.toml``, ``.json``). Exit codes: 0 written, 1 a plan or
ledger is invalid, 2 misuse or a file cannot be read or written.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from commedu._atomic import write_bytes
from commedu._messages import Lang, os_reason, render
from commedu.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, read_ledger, read_plan
from commedu.cli._progress import Progress
from commedu.cli._streams import refuse_stdout, to_stdout, write_stdout
from commedu.cli._types import day, path
from commedu.errors import PlanError, ProfileError

__all__ = ["configure", "run"]

TEXT: dict[Lang, dict[str, str]] = {
    "en": {
        "progress": "reporting",
        "plan": "the plan file (.toml or .json)",
        "ledger": "the ledger file (.xlsx, .csv, .toml or .json)",
        "output": "the file to write (default: standard output; a .docx needs a file)",
        "format": "report format (default: by the output's extension, else html)",
        "profile": "a built-in standard profile or a profile .toml file; default: the plan's",
        "as_of": "judge the ledger on this day, YYYY-MM-DD (default: 31 December of the plan year)",
        "district": "a folder of plans NAME.toml with ledgers NAME.ledger.xlsx: one roll-up table",
        "report_lang": "language of the report (default: Chinese for a Chinese plan)",
        "usage": "give PLAN and LEDGER, or --district DIR",
        "no-pairs": "{folder} holds no plan with a ledger (NAME.toml with NAME.ledger.xlsx)",
        "no-ledger": "{plan} has no ledger beside it (expected {stem}.ledger.xlsx, .csv, .toml or .json)",
        "written": "wrote {file}",
    },
    "zh": {
        "progress": "正在生成报告",
        "plan": "计划文件（.toml 或 .json）",
        "ledger": "台账文件（.xlsx、.csv、.toml 或 .json）",
        "output": "要写入的文件（默认输出到标准输出；.docx 必须写入文件）",
        "format": "报告格式（默认按输出文件扩展名，否则为 html）",
        "profile": "内置标准档案或标准档案 .toml 文件；默认使用计划中写明的档案",
        "as_of": "按此日期评判台账，格式 YYYY-MM-DD（默认计划年度 12 月 31 日）",
        "district": "包含计划 NAME.toml 及其台账 NAME.ledger.xlsx 的文件夹：生成一张汇总表",
        "report_lang": "报告语言（默认：中文计划用中文）",
        "usage": "请给出 PLAN 和 LEDGER，或 --district DIR",
        "no-pairs": "{folder} 中没有带台账的计划（NAME.toml 及 NAME.ledger.xlsx）",
        "no-ledger": "{plan} 旁边没有台账（应为 {stem}.ledger.xlsx、.csv、.toml 或 .json）",
        "written": "已写入 {file}",
    },
}

_LEDGER_SUFFIXES = (".xlsx", ".csv", ".toml", ".json")


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    text = TEXT[lang]
    parser.add_argument("plan", nargs="?", type=path, metavar="PLAN", help=text["plan"])
    parser.add_argument("ledger", nargs="?", type=path, metavar="LEDGER", help=text["ledger"])
    parser.add_argument("-o", "--output", type=path, metavar="FILE", help=text["output"])
    parser.add_argument("--format", choices=("html", "docx", "json"), help=text["format"])
    parser.add_argument("--profile", type=path, metavar="NAME|FILE", help=text["profile"])
    parser.add_argument("--as-of", type=day(lang), metavar="DATE", help=text["as_of"])
    parser.add_argument("--district", type=path, metavar="DIR", help=text["district"])
    parser.add_argument("--report-lang", choices=("zh", "en"), help=text["report_lang"])


def _fail(lang: Lang, message: str, code: int = EXIT_USAGE) -> int:
    print(f"commedu report: {message}", file=sys.stderr)
    return code


def _pairs(folder: Path, lang: Lang) -> list[tuple[Path, Path]] | int:
    plans = sorted(
        p for p in folder.iterdir() if p.suffix in (".toml", ".json") and ".ledger" not in p.name
    )
    pairs = []
    for plan in plans:
        found = [folder / f"{plan.stem}.ledger{s}" for s in _LEDGER_SUFFIXES]
        ledgers = [p for p in found if p.is_file()]
        if not ledgers:
            return _fail(
                lang, TEXT[lang]["no-ledger"].format(plan=plan, stem=plan.stem), EXIT_FAILED
            )
        pairs.append((plan, ledgers[0]))
    if not pairs:
        return _fail(lang, TEXT[lang]["no-pairs"].format(folder=folder))
    return pairs


def run(args: argparse.Namespace) -> int:
    from commedu.report.district import district_html, district_json
    from commedu.report.inspection import inspect
    from commedu.report.render import to_docx, to_html, to_json

    lang: Lang = args.lang
    if args.district is not None:
        if args.plan is not None or not Path(args.district).is_dir():
            return _fail(lang, TEXT[lang]["usage"])
        pairs = _pairs(Path(args.district), lang)
        if isinstance(pairs, int):
            return pairs
    elif args.plan is None or args.ledger is None:
        return _fail(lang, TEXT[lang]["usage"])
    else:
        pairs = [(Path(args.plan), Path(args.ledger))]
    fmt = args.format or {".docx": "docx", ".json": "json"}.get(
        Path(args.output or "").suffix.lower(), "html"
    )
    if fmt == "docx" and (args.output is None or to_stdout(args.output)):
        return refuse_stdout("report", ".docx", "report.docx", lang)
    reports = []
    with Progress(TEXT[lang]["progress"], len(pairs)) as progress:
        for plan_path, ledger_path in pairs:
            plan = read_plan(os.fspath(plan_path), "report", lang)
            if isinstance(plan, int):
                return plan
            ledger = read_ledger(os.fspath(ledger_path), plan, "report", lang)
            if isinstance(ledger, int):
                return ledger
            try:
                reports.append(inspect(plan, ledger, args.profile, as_of=args.as_of))
            except (ProfileError, PlanError) as error:
                return _fail(lang, error.describe(lang), EXIT_FAILED)
            progress.advance()
    out_lang: Lang = args.report_lang or reports[0].plan.language
    if args.district is not None:
        data = (
            district_json(reports) if fmt == "json" else district_html(reports, out_lang)
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
    print(TEXT[lang]["written"].format(file=args.output))
    return EXIT_OK
