"""``commedu check PLAN``: the compliance report of a plan file.

Exit codes: 0 when no rule at or above ``--fail-on`` fails, 1 when one does or the plan file is
invalid, 2 when the command is misused or a file cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from commedu._messages import Lang, render
from commedu.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, read_plan
from commedu.compliance.engine import check
from commedu.compliance.rule import Severity
from commedu.errors import PlanFileError, ProfileError, RuleSelectorError

__all__ = ["configure", "run"]

TEXT: dict[Lang, dict[str, str]] = {
    "en": {
        "plan": "the plan file (.toml or .json)",
        "profile": "a built-in standard profile (shandong-township, national-demonstration) or a"
        " profile .toml file; default: the one the plan names",
        "format": "report format (default: text)",
        "select": "rule codes or prefixes to check, comma-separated (default: ALL)",
        "ignore": "rule codes or prefixes to skip, comma-separated",
        "fail_on": "exit 1 if a rule of this severity or worse fails (default: error)",
        "profile_error": "profile {name}",
        "ledger": "a ledger (.xlsx, .csv, .toml or .json) of what was done: adds the rules over"
        " actuals (CE5xx) and reads staff and spending from it",
        "as_of": "judge the ledger on this day, YYYY-MM-DD (default: 31 December of the plan year)",
    },
    "zh": {
        "plan": "计划文件（.toml 或 .json）",
        "profile": "内置标准档案（shandong-township、national-demonstration）或标准档案 .toml"
        " 文件；默认使用计划中写明的档案",
        "format": "报告格式（默认：text）",
        "select": "要检查的规则代码或前缀，用逗号分隔（默认：ALL）",
        "ignore": "要跳过的规则代码或前缀，用逗号分隔",
        "fail_on": "有此级别或更高级别的规则未通过时以 1 退出（默认：error）",
        "profile_error": "标准档案 {name}",
        "ledger": "记录实际开展情况的台账（.xlsx、.csv、.toml 或 .json）：加查台账规则（CE5xx），"
        "并按台账核对人员和经费",
        "as_of": "按此日期评判台账，格式 YYYY-MM-DD（默认计划年度 12 月 31 日）",
    },
}


def _codes(value: str) -> list[str]:
    return [code.strip() for code in value.split(",") if code.strip()]


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    text = TEXT[lang]
    parser.add_argument("plan", help=text["plan"])
    parser.add_argument("--profile", metavar="NAME|FILE", help=text["profile"])
    parser.add_argument(
        "--format", choices=("text", "markdown", "json"), default="text", help=text["format"]
    )
    parser.add_argument("--select", type=_codes, action="extend", help=text["select"])
    parser.add_argument("--ignore", type=_codes, action="extend", help=text["ignore"])
    parser.add_argument(
        "--fail-on", choices=("error", "warning"), default="error", help=text["fail_on"]
    )
    parser.add_argument("--ledger", metavar="FILE", help=text["ledger"])
    parser.add_argument("--as-of", type=_day, metavar="DATE", help=text["as_of"])


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(render("bad-date-text", "en", value=text)) from None


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    plan = read_plan(args.plan, "check", lang)
    if isinstance(plan, int):
        return plan
    ledger = None
    if args.ledger is not None:
        from commedu.ledger.read import load_ledger

        try:
            ledger = load_ledger(args.ledger, plan)
        except PlanFileError as error:
            print(f"commedu check: {error.source}:\n{error.describe(lang)}", file=sys.stderr)
            return EXIT_USAGE if error.unreadable else EXIT_FAILED
    try:
        report = check(
            plan,
            args.profile,
            select=args.select,
            ignore=args.ignore,
            ledger=ledger,
            as_of=args.as_of,
        )
    except ProfileError as exc:
        name = TEXT[lang]["profile_error"].format(name=exc.source)
        print(f"commedu check: {name}:\n{exc.describe(lang)}", file=sys.stderr)
        # A profile the user passed is a usage error; one the plan names makes the plan invalid.
        return EXIT_USAGE if args.profile is not None else EXIT_FAILED
    except RuleSelectorError as exc:
        print(f"commedu check: {exc.describe(lang)}", file=sys.stderr)
        return EXIT_USAGE
    render = {"text": report.to_text, "markdown": report.to_markdown, "json": report.to_json}
    sys.stdout.write(render[args.format](lang))
    return EXIT_FAILED if report.fails_at(Severity(args.fail_on)) else EXIT_OK
