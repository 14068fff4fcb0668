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

from commedu._messages import Lang
from commedu._typecheck import has_surrogate
from commedu.cli._types import OSPath

__all__ = ["safe_streams", "undecodable_argument"]

_MESSAGE = {
    "en": "argument {option}: {value} is not UTF-8 text; the terminal or script sent other bytes"
    " (set the terminal to UTF-8, or retype the value)",
    "zh": "参数 {option}：{value} 不是 UTF-8 文本；终端或脚本传入了其他编码的字节"
    "（请把终端设为 UTF-8，或重新输入该值）",
}


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
                return _MESSAGE[lang].format(option=_option(parser, dest) or dest, value=shown)
    return None
