"""Field checks every part of the model shares: ids, text, counts.

Each returns a :class:`~commedu.errors.Problem` (or ``None``) rather than raising, so a part can
report all of its problems at once with :func:`raise_if`.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from commedu._typecheck import shown
from commedu.errors import PlanError, Problem

__all__ = [
    "CHINESE_NUMERALS",
    "check_colour",
    "check_count",
    "check_email",
    "check_id",
    "check_line",
    "check_local_time",
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


#: Line breaks and the other vertical whitespace Unicode knows (the controls among them are
#: refused as text anyway): a title or a name is shown as one line, as a calendar's SUMMARY,
#: a heading or a row of a list, and calendar programs skip an item whose SUMMARY is not.
_VERTICAL = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def check_line(value: str, path: str) -> Problem | None:
    """Text that names something: not empty, and on one line."""
    found = _VERTICAL.search(value) if isinstance(value, str) else None
    if found is None:
        return check_text(value, path)
    return Problem(
        path, "multi-line-text", {"value": shown(value), "char": f"U+{ord(found.group()):04X}"}
    )


@functools.cache
def _colours() -> tuple[str, ...]:
    """The colour names every calendar that shows COLOR knows: CSS's (RFC 7986 §5.9).

    Read on first use: only a plan that colours its departments pays for the list.
    """
    import webcolors

    return tuple(sorted(webcolors.names("css3")))


def check_colour(value: str, path: str) -> Problem | None:
    """A CSS colour name, as a calendar's COLOR property takes it (``steelblue``)."""
    colours = _colours()
    if value in colours:
        return None
    import difflib  # here, not at import: only a colour that is not known asks it

    close = difflib.get_close_matches(value.strip().lower().replace(" ", ""), colours, n=1)
    return Problem(
        path,
        "bad-colour",
        {"value": shown(value), "suggestion": close[0] if close else "steelblue"},
    )


#: An address a calendar's ORGANIZER can carry as a ``mailto:`` URI without escaping: the
#: common shape of a mailbox (RFC 5322's dot-atom, letters and digits in the domain); compiled by
#: ``re`` for the first address a plan gives, not at import.
_EMAIL = (
    r"[A-Za-z0-9!#$&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$&'*+/=?^_`{|}~-]+)*"
    r"@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+"
)
#: The longest address mail can carry (RFC 5321's path limit less its angle brackets).
EMAIL_LIMIT = 254


def check_email(value: str, path: str) -> Problem | None:
    """A mailbox address, as ``jiaoyu@jinshan.gov.cn``."""
    if isinstance(value, str) and len(value) <= EMAIL_LIMIT and re.fullmatch(_EMAIL, value):
        return None
    return Problem(path, "bad-email", {"value": shown(value)})


def check_local_time(moment: datetime, path: str = "") -> Problem | None:
    """A local time its zone's clocks show exactly once.

    On the night the clocks go forward the skipped hour's times do not exist; on the night they
    go back the repeated hour's times exist twice. Calendar programs read such a time
    differently, so a session may not start at one: the plan must say which time it means.
    """
    other = moment.replace(fold=1 - moment.fold)
    if moment.tzinfo is None or other.utcoffset() == moment.utcoffset():
        return None
    first, second = sorted((moment, other), key=lambda m: m.fold)
    real = first.astimezone(UTC).astimezone(moment.tzinfo).replace(tzinfo=None)
    code = "local-time-repeated" if real == moment.replace(tzinfo=None) else "local-time-skipped"
    return Problem(
        path,
        code,
        {
            "value": f"{moment:%Y-%m-%d %H:%M}",
            "zone": str(getattr(moment.tzinfo, "key", moment.tzinfo)),
            "before": _offset(first.utcoffset()),
            "after": _offset(second.utcoffset()),
        },
    )


def _offset(offset: timedelta | None) -> str:
    minutes = int((offset or timedelta()).total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02}:{abs(minutes) % 60:02}"


def check_count(value: int | Decimal | None, path: str) -> Problem | None:
    return None if value is None or value >= 0 else Problem(path, "negative", {"value": value})


def check_positive(value: int, path: str) -> Problem | None:
    return None if value >= 1 else Problem(path, "not-positive", {"value": value})


def raise_if(*problems: Problem | None) -> None:
    found = [p for p in problems if p is not None]
    if found:
        raise PlanError(found)
