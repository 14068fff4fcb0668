"""Calendar reminders: how long before a deadline, a day or a session its reminder goes off.

A plan may set a default per kind of item (``[calendar] remind = { deadline = "3d" }``); an
export may set one for deadlines and days (``commedu ics --remind 3d``). Both are spelt the same
way: a whole number and a unit, ``30m``, ``2h``, ``3d`` or ``1w``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import timedelta

import attrs

from commedu.errors import PlanError, Problem
from commedu.model.fieldcheck import define

__all__ = ["MAX_REMINDER", "CalendarDefaults", "Reminders", "format_reminder", "parse_reminder"]

#: The earliest a reminder may go off: eight weeks ahead is planning, not a reminder, and the
#: bound keeps every TRIGGER a value every calendar program reads.
MAX_REMINDER = timedelta(weeks=8)
_UNITS = {
    "w": timedelta(weeks=1),
    "d": timedelta(days=1),
    "h": timedelta(hours=1),
    "m": timedelta(minutes=1),
}
_SPELLING = re.compile(r"\s*([0-9]{1,5})\s*([wdhm])\s*", re.IGNORECASE)


def _problem(path: str, value: object) -> Problem:
    return Problem(path, "bad-reminder", {"value": repr(value), "limit": "8w"})


def parse_reminder(text: str) -> timedelta:
    """``"3d"`` as three days; raises :class:`~commedu.errors.PlanError` for anything else."""
    # NFKC: the full-width digits and letters Chinese input methods type are the ASCII ones.
    match = (
        _SPELLING.fullmatch(unicodedata.normalize("NFKC", text)) if isinstance(text, str) else None
    )
    if match is None:
        raise PlanError([_problem("", text)])
    ahead = int(match[1]) * _UNITS[match[2].lower()]
    if ahead > MAX_REMINDER:
        raise PlanError([_problem("", text)])
    return ahead


def format_reminder(ahead: timedelta) -> str:
    """The spelling :func:`parse_reminder` reads back: the largest unit that divides it."""
    if not ahead:
        return "0m"
    # A reminder is whole minutes (Reminders refuses seconds), so minutes always divide it.
    unit = next(u for u, size in _UNITS.items() if ahead % size == timedelta(0))
    return f"{ahead // _UNITS[unit]}{unit}"


def _check(ahead: timedelta | None, path: str) -> Problem | None:
    if ahead is None or (
        timedelta(0) <= ahead <= MAX_REMINDER and ahead % _UNITS["m"] == timedelta(0)
    ):
        return None
    return _problem(path, str(ahead))


@define
class Reminders:
    """How long before each kind of item its reminder goes off; ``None``: no reminder.

    A deadline's reminder counts back from the day it is due, a day's from the day (its start),
    a timed session's from the session's start. Month-level items get none: they are windows.
    """

    deadline: timedelta | None = None  #: ``5月前``, ``4月底前``
    day: timedelta | None = None  #: ``3月8日``, ``3月8日-14日``, ``3月5日学雷锋日``
    session: timedelta | None = None  #: timed sessions and recurrences

    def __attrs_post_init__(self) -> None:
        found = [_check(getattr(self, kind), kind) for kind in ("deadline", "day", "session")]
        problems = [p for p in found if p is not None]
        if problems:
            raise PlanError(problems)


@define
class CalendarDefaults:
    """What the plan asks of every calendar exported from it (``[calendar]`` in a plan file)."""

    remind: Reminders = attrs.field(factory=Reminders)
