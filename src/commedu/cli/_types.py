"""Argument types more than one command takes, with their errors in the command's language."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from datetime import date

from commedu._messages import Lang, render

__all__ = ["OSPath", "day", "path"]


class OSPath(str):
    """A file or folder name as the operating system gave it.

    On POSIX a name is bytes; Python hands those that are not UTF-8 over as lone surrogates
    (``'\\udcff'``), which the file system takes back unchanged. An argument of this type may
    hold them, where a name, a department or a code is refused (see ``cli/_streams.py``).
    """

    __slots__ = ()


def path(text: str) -> OSPath:
    """The argument type of every file or folder a command reads or writes (``-`` included)."""
    return OSPath(os.fsdecode(text))


def day(lang: Lang) -> Callable[[str], date]:
    """An ISO date argument (``--as-of 2021-06-30``)."""

    def parse(text: str) -> date:
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise argparse.ArgumentTypeError(render("bad-date-text", lang, value=text)) from None

    return parse
