"""A session repeated by an RFC 5545 rule (RRULE), bounded however the rule reads.

``dateutil`` reads and expands the rules; it is imported when a plan has one, not before.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import attrs

from commedu._messages import Term
from commedu.model.checks import check_local_time, raise_if
from commedu.model.fieldcheck import define, sequence
from commedu.model.when.sessions import _check_duration, _session_text, _zone_of
from commedu.model.when.spans import DateSpan, _fail

if TYPE_CHECKING:
    from dateutil.rrule import rrule

__all__ = ["HORIZON_YEARS", "MAX_OCCURRENCES", "Recurrence"]


def _normalise_rule(rule: str, start: datetime) -> str:
    """Upper-case the rule and write a date-only UNTIL as the end of that local day in UTC.

    RFC 5545 requires UTC for UNTIL when DTSTART has a zone; people write a plain date.
    """
    parts = [p.strip() for p in rule.strip().upper().removeprefix("RRULE:").split(";") if p.strip()]
    out = []
    for part in parts:
        key, _, value = part.partition("=")
        if key == "UNTIL" and re.fullmatch(r"\d{8}", value):
            day = datetime.strptime(value, "%Y%m%d").date()
            local_end = datetime.combine(day, time(23, 59, 59), tzinfo=start.tzinfo)
            value = local_end.astimezone(ZoneInfo("UTC")).strftime("%Y%m%dT%H%M%SZ")
        out.append(f"{key}={value}")
    return ";".join(out)


#: The most occurrences one recurrence may have, counted before EXDATE removes any. A weekly
#: session over a plan's years comes round a few hundred times; the bound keeps expanding a rule
#: cheap however it is written (``FREQ=SECONDLY;COUNT=20000000`` would be twenty million).
MAX_OCCURRENCES = 1000
#: The frequencies a session may repeat at: a community-education session happens at most daily,
#: and a sub-daily rule whose filters never match would be searched second by second.
_FREQUENCIES = frozenset({"DAILY", "WEEKLY", "MONTHLY", "YEARLY"})
#: Bounds of the rule's numbers (INTERVAL and the BY… lists): positive, and small enough that every
#: calendar program reads them (RFC 5545 allows at most a 32-bit integer anywhere).
_RULE_NUMBERS = {"INTERVAL": (1, MAX_OCCURRENCES), "COUNT": (1, None)}
_INT_LIMIT = 2**31 - 1


def _check_rule_parts(rule: str, parts: dict[str, str]) -> None:
    """Refuse, before anything expands it, a rule whose expansion or export could not end well."""
    freq = parts.get("FREQ")
    if freq is not None and freq not in _FREQUENCIES:
        raise _fail("bad-rrule", value=rule, reason=Term("rrule-frequency"))
    for key, value in parts.items():
        if key == "UNTIL":
            continue
        for number in re.findall(r"[+-]?\d+", value):
            low, high = _RULE_NUMBERS.get(key, (-_INT_LIMIT, _INT_LIMIT))
            high = _INT_LIMIT if high is None else high
            if len(number.lstrip("+-")) > 10 or not low <= int(number) <= high:
                raise _fail(
                    "bad-rrule",
                    value=rule,
                    reason=Term("rrule-number", key=key, number=number, low=low, high=high),
                )
    until = parts.get("UNTIL")
    if until is not None and not re.fullmatch(r"\d{8}T\d{6}Z", until):
        raise _fail("bad-rrule", value=rule, reason=Term("rrule-until"))
    count = parts.get("COUNT", "")
    if count.isascii() and count.isdigit() and int(count) > MAX_OCCURRENCES:
        raise _fail("too-many-occurrences", value=rule, limit=MAX_OCCURRENCES)


_TICK = timedelta(microseconds=1)
#: The Gregorian calendar repeats every 400 years, weekdays and leap days included.
_CYCLE = 400
#: How many years past its start a recurrence is followed: far beyond any plan's years.
HORIZON_YEARS = 100


def _expand(rule: str, start: datetime, limit: int) -> tuple[datetime, ...]:
    """At most ``limit`` starts of ``rule`` (normalised), found in bounded time.

    dateutil looks for a next occurrence until the year 9999, a day at a time for a daily rule,
    so a rule whose filters never match again (``FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30``) would
    search for seconds. The rule is expanded in its years moved by whole 400-year cycles (the same
    weekdays and leap days) to end :data:`HORIZON_YEARS` before 9999, which bounds that search to
    about 500 years, and each start is moved back. UNTIL is applied here, in the real years, as a
    zone's offset so far ahead need not be today's.
    """
    from dateutil.rrule import rrulestr

    until: datetime | None = None
    kept = []
    for part in rule.split(";"):
        key, _, value = part.partition("=")
        if key == "UNTIL":
            until = datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=ZoneInfo("UTC"))
        else:
            kept.append(part)
    shift = (datetime.max.year - HORIZON_YEARS - start.year) // _CYCLE * _CYCLE
    moved = start.replace(year=start.year + shift)
    found = []
    for moved_start in itertools.islice(rrulestr(";".join(kept), dtstart=moved), limit):
        real = moved_start.replace(year=moved_start.year - shift)
        if until is not None and real > until:
            break
        found.append(real)
    return tuple(found)


def _sorted_days(days: Iterable[date]) -> tuple[date, ...]:
    items = sequence(days)
    if isinstance(items, tuple) and all(type(day) is date for day in items):
        return tuple(sorted(set(items)))
    return items  # not days: the field's type check names it


def _rrule_reason(error: Exception) -> Term:
    """Why dateutil refused a rule, in the catalogue's words: its own text is English only."""
    said = str(error)
    if found := re.fullmatch(r"invalid '(\w+)': (.*)", said):
        return Term("rrule-invalid-part", key=found[1], value=found[2])
    if found := re.fullmatch(r"unknown parameter '?([^']*)'?", said):
        return Term("rrule-unknown-part", key=found[1])
    return Term("rrule-unreadable")


@define
class Recurrence:
    """A session repeated by an RFC 5545 rule, minus excluded days.

    The rule is kept as RRULE text so the value stays hashable, comparable and writable back to a
    plan file or a calendar unchanged; :meth:`rrule` gives the ``dateutil`` object.
    """

    start: datetime
    duration: timedelta
    rule: str
    exdates: tuple[date, ...] = attrs.field(default=(), converter=_sorted_days)

    def __attrs_post_init__(self) -> None:
        _zone_of(self.start)
        raise_if(check_local_time(self.start))  # a skipped or repeated time: which one is meant?
        _check_duration(self.duration)
        normal = _normalise_rule(self.rule, self.start)
        object.__setattr__(self, "rule", normal)
        pairs = [p.partition("=")[::2] for p in normal.split(";")]
        parts = dict(pairs)
        keys = set(parts)
        if "DTSTART" in keys:
            raise _fail("bad-rrule", value=self.rule, reason=Term("rrule-dtstart"))
        if len(parts) < len(pairs):  # RFC 5545: each part at most once; readers differ on which
            repeated = next(k for k in parts if [key for key, _ in pairs].count(k) > 1)
            raise _fail("bad-rrule", value=self.rule, reason=Term("rrule-repeated", key=repeated))
        _check_rule_parts(normal, parts)
        from dateutil.rrule import rrule, rrulestr  # only a plan with a rule needs dateutil

        try:
            parsed = rrulestr(normal, dtstart=self.start)
        except (ValueError, TypeError) as exc:
            raise _fail("bad-rrule", value=self.rule, reason=_rrule_reason(exc)) from None
        if not keys & {"UNTIL", "COUNT"}:
            raise _fail("unbounded-rrule", value=normal)
        if not isinstance(parsed, rrule):
            raise _fail("empty-rrule", value=normal, year=self.start.year)
        try:
            starts = _expand(normal, self.start, MAX_OCCURRENCES + 1)
        except (ValueError, OverflowError) as exc:  # pragma: no cover - no rule found yet
            # dateutil raised from inside its expansion for INTERVAL=-1, refused above now; a
            # rule nobody has found yet is still a problem with the plan, not a traceback.
            raise _fail("bad-rrule", value=self.rule, reason=_rrule_reason(exc)) from None
        if len(starts) > MAX_OCCURRENCES:
            raise _fail("too-many-occurrences", value=normal, limit=MAX_OCCURRENCES)
        excluded = set(self.exdates)
        kept = tuple(dt for dt in starts if dt.date() not in excluded)
        if not kept:
            raise _fail("empty-rrule", value=normal, year=self.start.year)
        # Expanded once: the cached property below is filled with what the check just found.
        object.__setattr__(self, "_occurrences", kept)

    def rrule(self) -> rrule:
        """The ``dateutil`` rule, ending at the last start :meth:`occurrences` counts.

        Bounded like everything else that expands the rule: iterating it yields at most
        :data:`MAX_OCCURRENCES` starts and never searches past the last one, however the rule
        reads (a COUNT its filters reach only over millennia stops where :meth:`occurrences`
        does). Excluded days are not applied: they are :attr:`exdates`.
        """
        from dateutil.rrule import rrule, rrulestr

        parsed = rrulestr(self.rule, dtstart=self.start)
        assert isinstance(parsed, rrule)
        last = _expand(self.rule, self.start, MAX_OCCURRENCES)[-1]
        return parsed.replace(count=None, until=last)

    def occurrences(self) -> tuple[datetime, ...]:
        """Every start time the rule gives, without the excluded days."""
        return self._occurrences

    @functools.cached_property
    def _occurrences(self) -> tuple[datetime, ...]:
        # Rules and calendars ask for the span of every activity many times; a daily rule has
        # hundreds of occurrences, so they are expanded once per value.
        # Never more than the bound, however the rule reads: construction checked it holds.
        excluded = set(self.exdates)
        starts = _expand(self.rule, self.start, MAX_OCCURRENCES)
        return tuple(dt for dt in starts if dt.date() not in excluded)

    @property
    def zone(self) -> ZoneInfo:
        return _zone_of(self.start)

    @property
    def span(self) -> DateSpan:
        starts = self.occurrences()
        last = (starts[-1] + self.duration - timedelta(microseconds=1)).date()
        return DateSpan(starts[0].date(), max(last, starts[-1].date()))

    def __str__(self) -> str:
        text = f"{_session_text(self.start, self.duration)} RRULE:{self.rule}"
        if self.exdates:
            text += " EXDATE:" + ",".join(d.strftime("%Y%m%d") for d in self.exdates)
        return text
