"""The ``commedu`` command line.

Each subcommand lives in its own module and is imported only when it runs, so ``commedu
--version`` stays fast and a command never pays for another's dependencies. A subcommand module
provides ``configure(parser, lang)`` and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from commedu._messages import Lang
from commedu._version import __version__

if TYPE_CHECKING:
    from commedu.model.plan import Plan

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "main", "read_plan"]

EXIT_OK = 0  #: everything checked out
EXIT_FAILED = 1  #: the input was read but is invalid, or the check found problems
EXIT_USAGE = 2  #: the command was used wrongly or a file could not be read or written

#: name -> (module, one-line help in English, in Chinese)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "validate": (
        "commedu.cli._validate",
        "check plan files and report every problem in each",
        "检查计划文件，逐个报告其中所有问题",
    ),
    "init": (
        "commedu.cli._init",
        "write a commented starter plan for a township",
        "为镇街生成带注释的计划模板",
    ),
    "check": (
        "commedu.cli._check",
        "check a plan against a standard profile and report what passes, fails or cannot be judged",
        "按标准档案检查计划，报告通过、未通过和无法判定的规则",
    ),
    "ics": (
        "commedu.cli._ics",
        "export the schedule as iCalendar files for calendar and task apps",
        "将配档表导出为 iCalendar 日历文件，供日历和任务类应用导入或订阅",
    ),
    "rules": (
        "commedu.cli._rules",
        "list the compliance rules or show one rule's documentation",
        "列出合规规则或显示某条规则的说明",
    ),
    "ledger": (
        "commedu.cli._ledger",
        "write a ledger (台账) of what was done, ready to fill in",
        "生成待填写的台账（实际开展情况记录）",
    ),
    "report": (
        "commedu.cli._report",
        "write the year-end inspection report of a plan and its ledger, or a district roll-up",
        "根据计划和台账生成年终督导报告，或生成区域汇总",
    ),
}


class Command(Protocol):
    def configure(self, parser: argparse.ArgumentParser, lang: Lang) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


_TEXT: dict[Lang, dict[str, str]] = {
    "en": {
        "description": "Model a township's community-education work plan, check it and export calendars.",
        "lang": "language of messages and reports (default: from COMMEDU_LANG or LANG, else en)",
        "commands": "commands",
        "version": "show the version and exit",
        "help": "show this help and exit",
        "usage_title": "usage",
        "no_command": "no command given; try 'commedu --help'",
        "unknown": "unknown command {name!r}; commands: {known}",
    },
    "zh": {
        "description": "社区教育工作计划：建模、检查并导出日历。",
        "lang": "消息和报告的语言（默认取 COMMEDU_LANG 或 LANG，否则为 en）",
        "commands": "命令",
        "version": "显示版本并退出",
        "help": "显示帮助并退出",
        "usage_title": "用法",
        "no_command": "未指定命令；请运行 “commedu --help”",
        "unknown": "未知命令 {name!r}；可用命令：{known}",
    },
}


def read_plan(path: str, command: str, lang: Lang) -> Plan | int:
    """The plan in ``path``; or, when it cannot be had, print every problem and give the exit code.

    An unreadable file is an I/O error (2); a file that reads but is not a valid plan is 1.
    """
    # Imported here so that `commedu --version` does not load the plan-file reader.
    from commedu.errors import PlanFileError
    from commedu.planfile.read import load_plan

    try:
        return load_plan(path)
    except PlanFileError as error:
        print(f"commedu {command}: {error.source or path}:", file=sys.stderr)
        print(error.describe(lang), file=sys.stderr)
        return EXIT_USAGE if error.unreadable else EXIT_FAILED


def default_lang(environ: dict[str, str] | None = None) -> Lang:
    env = os.environ if environ is None else environ
    chosen = env.get("COMMEDU_LANG") or env.get("LC_ALL") or env.get("LANG") or ""
    return "zh" if chosen.lower().startswith("zh") else "en"


def _lang_from(argv: Sequence[str]) -> Lang | None:
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in ("en", "zh"):
            return "zh" if value == "zh" else "en"
    return None


def _command_name(argv: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor the value of ``--lang``."""
    after_lang = False
    for arg in argv:
        if after_lang:
            after_lang = False
        elif arg == "--lang":
            after_lang = True
        elif not arg.startswith("-"):
            return arg
    return None


def _parser(lang: Lang) -> argparse.ArgumentParser:
    text = _TEXT[lang]
    width = max((len(n) for n in COMMANDS), default=0)
    listing = "\n".join(
        f"  {name:<{width}}  {en if lang == 'en' else zh}" for name, (_, en, zh) in COMMANDS.items()
    )
    parser = argparse.ArgumentParser(
        prog="commedu",
        description=text["description"],
        epilog=f"{text['commands']}:\n{listing}" if listing else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help=text["help"])
    parser.add_argument(
        "--version", action="version", version=f"commedu {__version__}", help=text["version"]
    )
    parser.add_argument("--lang", choices=("zh", "en"), default=lang, help=text["lang"])
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_from(args) or default_lang()
    parser = _parser(lang)
    name = _command_name(args)
    if name is None:
        parser.parse_args(args)  # handles --help, --version and bad options
        parser.print_usage(sys.stderr)
        print(f"commedu: {_TEXT[lang]['no_command']}", file=sys.stderr)
        return EXIT_USAGE
    if name not in COMMANDS:
        parser.print_usage(sys.stderr)
        known = ", ".join(COMMANDS) or "-"
        print(f"commedu: {_TEXT[lang]['unknown'].format(name=name, known=known)}", file=sys.stderr)
        return EXIT_USAGE
    module_name, help_en, help_zh = COMMANDS[name]
    command: Command = importlib.import_module(module_name)
    sub = parser.add_subparsers(dest="command", title=_TEXT[lang]["commands"])
    sub_parser = sub.add_parser(
        name,
        help=help_en if lang == "en" else help_zh,
        description=help_en if lang == "en" else help_zh,
    )
    sub_parser.add_argument("--lang", choices=("zh", "en"), default=lang, help=_TEXT[lang]["lang"])
    command.configure(sub_parser, lang)
    try:
        parsed = parser.parse_args(args)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_USAGE
    try:
        return command.run(parsed)
    except BrokenPipeError:
        # The reader went away (`commedu rules | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
