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

from commedu._messages import Lang, os_reason, render
from commedu._version import __version__
from commedu.cli._i18n import argparse_speaks, formatter, language, translate

if TYPE_CHECKING:
    from commedu.model.ledger import Ledger
    from commedu.model.plan import Plan
    from commedu.model.profile import Profile

__all__ = [
    "COMMANDS",
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "main",
    "read_ledger",
    "read_plan",
    "read_profile",
    "write_file",
]

EXIT_OK = 0  #: everything checked out
EXIT_FAILED = 1  #: the input was read but is invalid, or the check found problems
EXIT_USAGE = 2  #: the command was used wrongly or a file could not be read or written

#: name -> (module, the catalogue code of its one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("commedu.cli._validate", "cli-command-validate"),
    "init": ("commedu.cli._init", "cli-command-init"),
    "check": ("commedu.cli._check", "cli-command-check"),
    "ics": ("commedu.cli._ics", "cli-command-ics"),
    "rules": ("commedu.cli._rules", "cli-command-rules"),
    "import": ("commedu.cli._import", "cli-command-import"),
    "html": ("commedu.cli._html", "cli-command-html"),
    "serve": ("commedu.cli._serve", "cli-command-serve"),
    "ledger": ("commedu.cli._ledger", "cli-command-ledger"),
    "report": ("commedu.cli._report", "cli-command-report"),
    "docx": ("commedu.cli._docx", "cli-command-docx"),
}


class Command(Protocol):
    def configure(self, parser: argparse.ArgumentParser, lang: Lang) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def read_ledger(path: str, plan: Plan, command: str, lang: Lang) -> Ledger | int:
    """The ledger in ``path`` for ``plan``; or, when it cannot be had, print why and give the code."""
    from commedu.datafile.ledger import load_ledger
    from commedu.errors import LedgerFileError

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
        message = render("cli-cannot-write", lang, file=name, reason=os_reason(exc))
        print(f"commedu {command}: {message}", file=sys.stderr)
        return EXIT_USAGE
    return None


def read_plan(path: str, command: str, lang: Lang) -> Plan | int:
    """The plan in ``path``; or, when it cannot be had, print every problem and give the exit code.

    An unreadable file is an I/O error (2); a file that reads but is not a valid plan is 1.
    """
    # Imported here so that `commedu --version` does not load the plan-file reader.
    from commedu.datafile.plan import load_plan
    from commedu.errors import PlanFileError

    try:
        return load_plan(path)
    except PlanFileError as error:
        print(f"commedu {command}: {error.source or path}:", file=sys.stderr)
        print(error.describe(lang), file=sys.stderr)
        return EXIT_USAGE if error.unreadable else EXIT_FAILED


def read_profile(name: str, command: str, lang: Lang) -> Profile | int:
    """The profile ``--profile`` names (built-in or a file); or print every problem and give 2."""
    from commedu.datafile.profile import load_profile
    from commedu.errors import ProfileError

    try:
        return load_profile(name)
    except ProfileError as error:
        said = [p.describe(lang) if p.path or p.line else p.message(lang) for p in error.problems]
        if len(said) == 1 and not error.problems[0].path:  # about the profile as a whole
            print(f"commedu {command}: --profile {name}: {said[0]}", file=sys.stderr)
        else:
            print(f"commedu {command}: --profile {name}:", *said, sep="\n", file=sys.stderr)
        return EXIT_USAGE


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
    lang_default: Any = lang if defaults else argparse.SUPPRESS
    color_default: Any = "auto" if defaults else argparse.SUPPRESS
    parser.add_argument(
        "--lang", choices=("zh", "en"), default=lang_default, help=render("cli-lang", lang)
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default=color_default,
        help=render("cli-color", lang),
    )


def _parser(lang: Lang) -> argparse.ArgumentParser:
    width = max((len(n) for n in COMMANDS), default=0)
    listing = "\n".join(
        f"  {name:<{width}}  {render(code, lang)}" for name, (_, code) in COMMANDS.items()
    )
    heading = render("cli-commands", lang)
    parser = argparse.ArgumentParser(
        prog="commedu",
        description=render("cli-description", lang),
        epilog=f"{heading}:\n{listing}" if listing else None,
        formatter_class=formatter(lang, raw=True),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"commedu {__version__}",
        help=render("cli-version", lang),
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
        print(f"commedu: {render('cli-no-command', lang)}", file=sys.stderr)
        return EXIT_USAGE
    if name not in COMMANDS:
        parser.print_usage(sys.stderr)
        known = ", ".join(COMMANDS) or "-"
        said = render("cli-unknown-command", lang, name=name, known=known)
        print(f"commedu: {said}", file=sys.stderr)
        return EXIT_USAGE
    module_name, help_code = COMMANDS[name]
    command: Command = importlib.import_module(module_name)
    sub = parser.add_subparsers(dest="command", title=render("cli-commands", lang))
    sub_parser = sub.add_parser(
        name,
        help=render(help_code, lang),
        description=render(help_code, lang),
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
