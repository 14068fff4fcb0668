"""Text at the edges of the command line: undecodable arguments and strict output streams.

On POSIX an argument or a file name is bytes; Python hands bytes that are not UTF-8 to us as
lone surrogates (``'\\udcff'``). A file name may be such bytes and still be a real file, so it is
used as given and printed with a visible escape; a name, a department or a code cannot, so it
is refused with the option that carried it. Which is which is the argument's type: a value
parsed by :func:`commedu.cli._types.path` is a file name.
"""

from __future__ import annotations

import argparse
import io
import sys

from commedu._messages import Lang, render
from commedu._typecheck import has_surrogate
from commedu.cli._types import OSPath

__all__ = [
    "STDOUT",
    "refuse_stdout",
    "safe_streams",
    "to_stdout",
    "undecodable_argument",
    "write_stdout",
]

#: The output name that means standard output, as for most command-line tools.
STDOUT = "-"


def safe_streams() -> None:
    """Print what cannot be encoded as an escape (``\\udcfe``) instead of failing mid-report."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


def _option(parser: argparse.ArgumentParser, dest: str) -> str | None:
    """How the usage line names the argument stored in ``dest``: its option, or its metavar."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                if found := _option(sub, dest):
                    return found
        elif action.dest == dest:
            if action.option_strings:
                return action.option_strings[-1]
            return str(action.metavar or dest)
    return None


def undecodable_argument(
    parser: argparse.ArgumentParser, args: argparse.Namespace, lang: Lang
) -> str | None:
    """A message for the first text argument that holds undecodable bytes, or ``None``."""
    for dest, value in sorted(vars(args).items()):
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and not isinstance(item, OSPath) and has_surrogate(item):
                shown = repr(item.encode("utf-8", "surrogateescape"))  # the bytes as they came
                option = _option(parser, dest) or dest
                return render("cli-not-utf8-argument", lang, option=option, value=shown)
    return None


# -- -o -: one place decides what goes to standard output ------------------------------------------


def to_stdout(output: str | None) -> bool:
    """Whether ``-o`` asks for standard output."""
    return output == STDOUT


def write_stdout(data: bytes) -> None:
    """Write a file's bytes to standard output, so ``-o - > file`` gives the same file as ``-o file``."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream, as some embedding programs give
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
    sys.stdout.flush()


def refuse_stdout(command: str, suffix: str, example: str, lang: Lang) -> int:
    """Say in one sentence that a binary format cannot go to standard output; exit code 2."""
    message = render("cli-binary-stdout", lang, suffix=suffix, example=example)
    print(f"commedu {command}: {message}", file=sys.stderr)
    return 2
