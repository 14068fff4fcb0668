"""The ``commedu`` command line.

Each subcommand lives in its own module and is imported only when it runs, so ``commedu
--version`` stays fast and a command never pays for another's dependencies. A subcommand module
provides ``configure(parser, lang)`` and ``run(args) -> int``; adding a command is a new module
and one entry in :data:`COMMANDS`. Every command runs inside :func:`~commedu.cli._i18n.argparse_speaks`,
so its parser's help and usage errors are in the chosen language with no work of its own.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from commedu._messages import Lang, render
from commedu._version import __version__
from commedu.cli._i18n import argparse_speaks, formatter, language, translate

if TYPE_CHECKING:
    from commedu.model.ledger import Ledger
    from commedu.model.plan import Plan

__all__ = [
    "COMMANDS",
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "main",
    "read_ledger",
    "read_plan",
    "write_file",
]

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
        "按标准档案检查计划，报告通过、未通过、无法判定和不适用的规则",
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
    "import": (
        "commedu.cli._import",
        "read a plan from its Word document or text and write a draft plan file to check",
        "从 Word 文档或文本读取计划，生成待核对的计划文件草稿",
    ),
    "html": (
        "commedu.cli._html",
        "write the year at a glance: the schedule by month and department, and the check, as a page",
        "生成全年一览网页：按月份和部门排列的工作安排及合规检查结果",
    ),
    "serve": (
        "commedu.cli._serve",
        "serve every plan in a folder as calendar feeds to subscribe to, with a page per plan",
        "将文件夹中的所有计划作为可订阅的日历提供，并为每个计划提供全年一览网页",
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
        "lang": "language of messages and reports (default: COMMEDU_LANG, else the locale's)",
        "color": "colour the output by severity: auto (only on a terminal, unless NO_COLOR is"
        " set), always or never (default: auto)",
        "commands": "commands",
        "version": "show the version and exit",
        "no_command": "no command given; try 'commedu --help'",
        "unknown": "unknown command {name!r}; commands: {known}",
    },
    "zh": {
        "description": "社区教育工作计划：建模、检查并导出日历。",
        "lang": "消息和报告的语言（默认取 COMMEDU_LANG，否则按系统语言环境）",
        "color": "按严重程度为输出着色：auto（仅在终端上且未设置 NO_COLOR 时）、always 或 never"
        "（默认：auto）",
        "commands": "命令",
        "version": "显示版本并退出",
        "no_command": "未指定命令；请运行 “commedu --help”",
        "unknown": "未知命令 {name!r}；可用命令：{known}",
    },
}


def read_ledger(path: str, plan: Plan, command: str, lang: Lang) -> Ledger | int:
    """The ledger in ``path`` for ``plan``; or, when it cannot be had, print why and give the code."""
    from commedu.errors import LedgerFileError
    from commedu.ledger.read import load_ledger

    try:
        return load_ledger(path, plan)
    except LedgerFileError as error:
        print(f"commedu {command}: {error.source}:\n{error.describe(lang)}", file=sys.stderr)
        return EXIT_USAGE if error.unreadable else EXIT_FAILED


def write_file(write: Callable[[], object], name: str, command: str, lang: Lang) -> int | None:
    """Run ``write``; if it fails, say why (the file exists, or cannot be written) and give 2."""
    try:
        write()
    except FileExistsError:
        print(f"commedu {command}: {render('cli-exists', lang, file=name)}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        message = render("cli-cannot-write", lang, file=name, reason=reason)
        print(f"commedu {command}: {message}", file=sys.stderr)
        return EXIT_USAGE
    return None


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


def _lang_from(argv: Sequence[str]) -> Lang | None:
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in ("en", "zh"):
            return "zh" if value == "zh" else "en"
    return None


_TAKES_VALUE = ("--lang", "--color")


def _command_name(argv: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor the value of a global option."""
    after_option = False
    for arg in argv:
        if after_option:
            after_option = False
        elif arg in _TAKES_VALUE:
            after_option = True
        elif not arg.startswith("-"):
            return arg
    return None


def _global_options(parser: argparse.ArgumentParser, lang: Lang, *, defaults: bool) -> None:
    """The options every command takes, before or after its name.

    Only the program's own parser sets their defaults: a command's parser setting them too
    would undo ``commedu --color never CMD``.
    """
    text = _TEXT[lang]
    lang_default: Any = lang if defaults else argparse.SUPPRESS
    color_default: Any = "auto" if defaults else argparse.SUPPRESS
    parser.add_argument("--lang", choices=("zh", "en"), default=lang_default, help=text["lang"])
    parser.add_argument(
        "--color", choices=("auto", "always", "never"), default=color_default, help=text["color"]
    )


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
        formatter_class=formatter(lang, raw=True),
    )
    parser.add_argument(
        "--version", action="version", version=f"commedu {__version__}", help=text["version"]
    )
    _global_options(parser, lang, defaults=True)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from commedu.cli._streams import safe_streams

    safe_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_from(args)
    warning = None
    if lang is None:
        lang, warning = language(os.environ)
    with argparse_speaks(lang):
        if warning:
            print(f"commedu: {warning}", file=sys.stderr)
        return _run(args, lang)


def _run(args: list[str], lang: Lang) -> int:
    from commedu.cli._streams import undecodable_argument

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
        formatter_class=formatter(lang),
    )
    _global_options(sub_parser, lang, defaults=False)
    # Whether --lang was given, not taken from the environment: a command whose output has a
    # language of its own (a calendar follows its plan's) yields to an explicit choice only.
    sub_parser.set_defaults(lang_given=_lang_from(args) is not None)
    command.configure(sub_parser, lang)
    try:
        parsed, extra = parser.parse_known_args(args)
        if extra:  # reported with the command's usage, not the whole program's
            message = translate("unrecognized arguments: %s", lang) % " ".join(extra)
            sub_parser.error(message)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_USAGE
    if undecodable := undecodable_argument(parser, parsed, lang):
        sub_parser.print_usage(sys.stderr)
        print(f"commedu {name}: {undecodable}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return command.run(parsed)
    except BrokenPipeError:
        # The reader went away (`commedu rules | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
