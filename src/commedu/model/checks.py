"""Field checks every part of the model shares: ids, text, counts.

Each returns a :class:`~commedu.errors.Problem` (or ``None``) rather than raising, so a part can
report all of its problems at once with :func:`raise_if`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from commedu.errors import PlanError, Problem

__all__ = [
    "CHINESE_NUMERALS",
    "check_count",
    "check_id",
    "check_positive",
    "check_text",
    "raise_if",
]

_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")
CHINESE_NUMERALS = "一二三四五六七八九十"


def check_id(value: str, example: str, path: str = "id") -> Problem | None:
    if isinstance(value, str) and _ID.fullmatch(value):
        return None
    return Problem(path, "bad-id", {"value": value, "example": example})


def check_text(value: str, path: str) -> Problem | None:
    return None if value.strip() else Problem(path, "empty-text")


def check_count(value: int | Decimal | None, path: str) -> Problem | None:
    return None if value is None or value >= 0 else Problem(path, "negative", {"value": value})


def check_positive(value: int, path: str) -> Problem | None:
    return None if value >= 1 else Problem(path, "not-positive", {"value": value})


def raise_if(*problems: Problem | None) -> None:
    found = [p for p in problems if p is not None]
    if found:
        raise PlanError(found)
