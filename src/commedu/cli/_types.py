"""Argument types more than one command takes, with their errors in the command's language."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from commedu._messages import Lang, render

__all__ = ["day"]


def day(lang: Lang) -> Callable[[str], date]:
    """An ISO date argument (``--as-of 2021-06-30``)."""

    def parse(text: str) -> date:
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise argparse.ArgumentTypeError(render("bad-date-text", lang, value=text)) from None

    return parse
