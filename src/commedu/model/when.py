"""*When* an activity happens: the closed family of precisions a 配档表 mixes.

A real schedule says "4月", "7-8月", "4月下旬", "5月前", "3月8日", "每周二、四 8:30—11:00",
"每年3月", or gives a timed session or a recurrence. Each is its own frozen type so that consumers (calendars, rules, a future
ledger) can ``match`` on it instead of re-parsing text, and each knows the dates it covers.
"""

from __future__ import annotations

import calendar
import enum
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import TypeAlias
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs
from dateutil.rrule import rrule, rrulestr

from commedu._messages import Term
from commedu._typecheck import check_arguments
from commedu.errors import PlanError, Problem
from commedu.model.checks import check_local_time, raise_if
from commedu.model.fieldcheck import define, sequence
from commedu.model.observances import SchoolHoliday, observance

__all__ = [
    "DEFAULT_DAY_PARTS",
    "DEFAULT_ZONE",
    "MAX_YEARS",
    "NEAR",
    "SCHOOL_HOLIDAY_NAMES",
    "AcrossYears",
    "ClockRange",
    "DateSpan",
    "Day",
    "DayPart",
    "DayParts",
    "DayRange",
    "Deadline",
    "Every",
    "LabelledDay",
    "MixedSpan",
    "Month",
    "MonthPart",
    "MonthSpan",
    "NamedPeriod",
    "Occasion",
    "Part",
    "Period",
    "Recurrence",
    "Relation",
    "Repeat",
    "Session",
    "WeekOfMonth",
    "Weekly",
    "When",
    "YearEnd",
    "YearSpan",
    "Yearly",
    "occurrences",
    "parse_when",
    "qualified",
    "when_year",
]

DEFAULT_ZONE = ZoneInfo("Asia/Shanghai")


class _Pattern:
    """A regular expression compiled the first time it is used, not when the module loads.

    The grammar has some fifty patterns and a plan's *when*s use a handful of them: compiling
    them all was most of the cost of importing the model. ``needs`` are characters of which any
    match holds at least one: a text without any is answered without the pattern (``4月`` is
    never a session, which needs a colon), so most patterns are never compiled at all.
    """

    __slots__ = ("_compiled", "_flags", "_needs", "_source")

    def __init__(self, source: str, flags: int = 0, *, needs: str = "") -> None:
        self._source = source
        self._flags = flags
        self._needs = needs
        self._compiled: re.Pattern[str] | None = None

    def _pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def _cannot_match(self, text: str) -> bool:
        return bool(self._needs) and not any(char in text for char in self._needs)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        if self._cannot_match(text):
            return None
        return self._pattern().fullmatch(text)

    def sub(
        self, replacement: str | Callable[[re.Match[str]], str], text: str, count: int = 0
    ) -> str:
        if self._cannot_match(text):
            return text
        return self._pattern().sub(replacement, text, count=count)


# parse_when replaces these with examples in the plan's own year (see _examples).
_EXAMPLES = "'4月', '7-8月', '4月下旬', '4月底', '5月前', '3月8日'"


def _fail(code: str, **params: object) -> PlanError:
    return PlanError([Problem("", code, params)])


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _check_year(year: int) -> None:
    if not 1900 <= year <= 2999:
        raise _fail("not-a-year", value=year)


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise _fail("not-a-month", value=f"{month}月")


@define(order=True)
class DateSpan:
    """The days a *when* covers, ``first`` to ``last`` inclusive."""

    first: date
    last: date

    def __attrs_post_init__(self) -> None:
        if self.first > self.last:
            raise _fail("span-order", first=self.first, last=self.last)

    @property
    def end(self) -> date:
        """The day after ``last``: the exclusive end calendars want."""
        return self.last + timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last

    def touches_month(self, year: int, month: int) -> bool:
        start = date(year, month, 1)
        return self.first <= date(year, month, _last_day(year, month)) and self.last >= start


@define
class Month:
    """A whole month: ``4月``."""

    year: int
    month: int

    def __attrs_post_init__(self) -> None:
        _check_year(self.year)
        _check_month(self.month)

    @property
    def span(self) -> DateSpan:
        return DateSpan(
            date(self.year, self.month, 1),
            date(self.year, self.month, _last_day(self.year, self.month)),
        )

    def __str__(self) -> str:
        return f"{self.month}月"


@define
class MonthSpan:
    """Consecutive whole months: ``7-8月``."""

    year: int
    first: int
    last: int

    def __attrs_post_init__(self) -> None:
        _check_year(self.year)
        _check_month(self.first)
        _check_month(self.last)
        if self.first >= self.last:
            raise _fail("span-order", first=f"{self.first}月", last=f"{self.last}月")

    @property
    def span(self) -> DateSpan:
        return DateSpan(
            date(self.year, self.first, 1),
            date(self.year, self.last, _last_day(self.year, self.last)),
        )

    def __str__(self) -> str:
        return f"{self.first}-{self.last}月"


class Part(enum.Enum):
    """A part of a month as Chinese schedules name it."""

    EARLY = "上旬"  #: days 1–10
    MIDDLE = "中旬"  #: days 11–20
    LATE = "下旬"  #: day 21 to the month's end
    END = "底"  #: 月底, the month's last five days

    def days(self, year: int, month: int) -> tuple[int, int]:
        last = _last_day(year, month)
        match self:
            case Part.EARLY:
                return (1, 10)
            case Part.MIDDLE:
                return (11, 20)
            case Part.LATE:
                return (21, last)
            case Part.END:
                return (last - 4, last)


@define
class MonthPart:
    """Part of one month: ``4月上旬``, ``4月中旬``, ``4月下旬``, ``4月底``."""

    year: int
    month: int
    part: Part

    def __attrs_post_init__(self) -> None:
        _check_year(self.year)
        _check_month(self.month)

    @property
    def span(self) -> DateSpan:
        first, last = self.part.days(self.year, self.month)
        return DateSpan(date(self.year, self.month, first), date(self.year, self.month, last))

    def __str__(self) -> str:
        return f"{self.month}月{self.part.value}"


def _chinese_day(day: date) -> str:
    return f"{day.month}月{day.day}日"


@define
class Deadline:
    """Work to be finished by ``due`` (inclusive): ``5月前`` is due on 30 April."""

    due: date

    @property
    def span(self) -> DateSpan:
        return DateSpan(self.due, self.due)

    def __str__(self) -> str:
        if self.due.day == _last_day(self.due.year, self.due.month):
            return f"{self.due.month}月底前"
        return f"{_chinese_day(self.due)}前"


@define
class Day:
    """One whole day: ``3月8日``."""

    date: date

    @property
    def span(self) -> DateSpan:
        return DateSpan(self.date, self.date)

    def __str__(self) -> str:
        return _chinese_day(self.date)


@define
class DayRange:
    """Whole days, ``first`` to ``last`` inclusive: ``3月8日-14日``."""

    first: date
    last: date

    def __attrs_post_init__(self) -> None:
        if self.first >= self.last:
            raise _fail("span-order", first=self.first, last=self.last)

    @property
    def span(self) -> DateSpan:
        return DateSpan(self.first, self.last)

    def __str__(self) -> str:
        if self.first.year != self.last.year:
            return f"{self.first.isoformat()}/{self.last.isoformat()}"
        if self.first.month == self.last.month:
            return f"{_chinese_day(self.first)}-{self.last.day}日"
        return f"{_chinese_day(self.first)}-{_chinese_day(self.last)}"


def _zone_of(start: datetime) -> ZoneInfo:
    if not isinstance(start.tzinfo, ZoneInfo):
        raise _fail("naive-time", value=start.isoformat())
    return start.tzinfo


#: The longest timed session or occurrence: a plan's work is planned within a year, and the bound
#: keeps a session's end a real date (``PT99999999H`` would run past the year 9999).
MAX_DURATION = timedelta(days=366)


def _check_duration(duration: timedelta) -> None:
    if duration <= timedelta(0):
        raise _fail("not-positive-duration", value=format_duration(duration))
    if duration > MAX_DURATION:
        raise _fail("duration-too-long", value=format_duration(duration), limit="P366D")


def format_duration(duration: timedelta) -> str:
    """ISO 8601 duration text (``PT1H30M``); the form iCalendar uses too."""
    if duration <= timedelta(0):
        return f"-{format_duration(-duration)}" if duration else "PT0S"
    days, rest = duration.days, duration.seconds
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    clock = "".join(f"{n}{u}" for n, u in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    return "P" + (f"{days}D" if days else "") + (f"T{clock}" if clock else "")


_DURATION = _Pattern(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")


def parse_duration(text: str) -> timedelta:
    match = _DURATION.fullmatch(text)
    if not match or text in ("P", "PT") or text.endswith("T"):
        raise _fail("bad-when", value=text, examples="'PT2H', 'PT1H30M', 'P1D'")
    d, h, m, s = (int(g) if g else 0 for g in match.groups())
    try:
        duration = timedelta(days=d, hours=h, minutes=m, seconds=s)
    except OverflowError:
        raise _fail("duration-too-long", value=text, limit="P366D") from None
    if duration > MAX_DURATION:
        raise _fail("duration-too-long", value=text, limit="P366D")
    return duration


def _session_text(start: datetime, duration: timedelta) -> str:
    text = f"{start.strftime('%Y-%m-%dT%H:%M')}{start.strftime(':%S') if start.second else ''}"
    text += f"/{format_duration(duration)}"
    zone = _zone_of(start)
    return text if zone == DEFAULT_ZONE else f"{text}[{zone.key}]"


@define
class Session:
    """A timed session in a named zone: ``2021-03-08T14:30/PT2H`` (Asia/Shanghai unless given)."""

    start: datetime
    duration: timedelta

    def __attrs_post_init__(self) -> None:
        _zone_of(self.start)
        raise_if(check_local_time(self.start))  # a skipped or repeated time: which one is meant?
        _check_duration(self.duration)

    @property
    def end(self) -> datetime:
        return self.start + self.duration

    @property
    def zone(self) -> ZoneInfo:
        return _zone_of(self.start)

    @property
    def span(self) -> DateSpan:
        # A session ending exactly at midnight does not occupy the next day.
        last = (self.end - timedelta(microseconds=1)).date()
        return DateSpan(self.start.date(), max(last, self.start.date()))

    def __str__(self) -> str:
        return _session_text(self.start, self.duration)


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


class Period(enum.Enum):
    """A named stretch of the year: 全年, 上半年, 第三季度."""

    YEAR = "全年"
    FIRST_HALF = "上半年"
    SECOND_HALF = "下半年"
    Q1 = "第一季度"
    Q2 = "第二季度"
    Q3 = "第三季度"
    Q4 = "第四季度"

    @property
    def months(self) -> tuple[int, int]:
        return _PERIOD_MONTHS[self]


_PERIOD_MONTHS = {
    Period.YEAR: (1, 12),
    Period.FIRST_HALF: (1, 6),
    Period.SECOND_HALF: (7, 12),
    Period.Q1: (1, 3),
    Period.Q2: (4, 6),
    Period.Q3: (7, 9),
    Period.Q4: (10, 12),
}


@define
class NamedPeriod:
    """全年, 上半年 / 下半年, 第一季度 … 第四季度: whole months under their usual name."""

    year: int
    period: Period

    def __attrs_post_init__(self) -> None:
        _check_year(self.year)

    @property
    def span(self) -> DateSpan:
        first, last = self.period.months
        return DateSpan(
            date(self.year, first, 1), date(self.year, last, _last_day(self.year, last))
        )

    def __str__(self) -> str:
        return self.period.value


@define
class YearSpan:
    """Whole years of a plan that spans several: ``2012-2013年``."""

    first: int
    last: int

    def __attrs_post_init__(self) -> None:
        _check_year(self.first)
        _check_year(self.last)
        if self.first >= self.last:
            raise _fail("span-order", first=f"{self.first}年", last=f"{self.last}年")

    @property
    def year(self) -> int:
        return self.first

    @property
    def span(self) -> DateSpan:
        return DateSpan(date(self.first, 1, 1), date(self.last, 12, 31))

    def __str__(self) -> str:
        return f"{self.first}-{self.last}年"


def _piece(month: int, part: Part | None) -> str:
    return f"{month}月{part.value if part else ''}"


@define
class MixedSpan:
    """A range whose ends have different precision: ``10月下旬-11月上旬``, ``2月下旬-5月``."""

    year: int
    first: int
    first_part: Part | None
    last: int
    last_part: Part | None

    def __attrs_post_init__(self) -> None:
        _check_year(self.year)
        _check_month(self.first)
        _check_month(self.last)
        if self.first_part is None and self.last_part is None:
            raise _fail("bad-when", value=str(self), examples="'7-8月'")
        start = self.span_parts()
        if start[0] >= start[1]:
            raise _fail(
                "span-order",
                first=_piece(self.first, self.first_part),
                last=_piece(self.last, self.last_part),
            )

    def span_parts(self) -> tuple[date, date]:
        y = self.year
        first_day = self.first_part.days(y, self.first)[0] if self.first_part else 1
        if self.last_part:
            last_day = self.last_part.days(y, self.last)[1]
        else:
            last_day = _last_day(y, self.last)
        return date(y, self.first, first_day), date(y, self.last, last_day)

    @property
    def span(self) -> DateSpan:
        return DateSpan(*self.span_parts())

    def __str__(self) -> str:
        return f"{_piece(self.first, self.first_part)}-{_piece(self.last, self.last_part)}"


@define
class WeekOfMonth:
    """``9月第2周``: the ``week``-th Monday-to-Sunday week of a month, counting the week of the 1st.

    The first and last weeks are cut to the month, so ``9月第1周`` never reaches into August.
    """

    year: int
    month: int
    week: int

    def __attrs_post_init__(self) -> None:
        _check_year(self.year)
        _check_month(self.month)
        if not 1 <= self.week <= self.weeks(self.year, self.month):
            raise _fail(
                "no-such-week",
                value=str(self),
                weeks=self.weeks(self.year, self.month),
                year=self.year,
            )

    @staticmethod
    def weeks(year: int, month: int) -> int:
        return len(calendar.Calendar().monthdatescalendar(year, month))

    @property
    def span(self) -> DateSpan:
        week = calendar.Calendar().monthdatescalendar(self.year, self.month)[self.week - 1]
        days = [d for d in week if d.month == self.month]
        return DateSpan(days[0], days[-1])

    def __str__(self) -> str:
        return f"{self.month}月第{self.week}周"


class Every(enum.Enum):
    """How often an all-day :class:`Repeat` comes round."""

    MONTH = "每月"
    QUARTER = "每季度"
    WEEK = "每周"


_WEEKDAYS = "一二三四五六日"
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@define
class Repeat:
    """Work that comes round without a clock time: ``每月``, ``每季度``, ``每周三``.

    A calendar shows it as an all-day item that recurs: on the 1st of each month, the 1st of each
    quarter, or every given weekday (Monday = 0). It covers the whole year, or every year from
    ``year`` to ``last_year`` in a plan that spans several.
    """

    year: int
    every: Every
    weekday: int | None = None
    #: the last year it comes round in, for a plan spanning several; None for ``year`` alone
    last_year: int | None = None

    def __attrs_post_init__(self) -> None:
        _check_year(self.year)
        if (self.every is Every.WEEK) != (self.weekday is not None) or not (
            self.weekday is None or 0 <= self.weekday <= 6
        ):
            raise _fail("bad-when", value=str(self), examples="'每周三', '每月', '每季度'")
        if self.last_year is not None:
            _check_year(self.last_year)
            if self.last_year <= self.year:
                raise _fail("span-order", first=f"{self.year}年", last=f"{self.last_year}年")
        years = self.until - self.year + 1
        match self.every:
            case Every.WEEK:
                count = _count_class_days(self.span, (self.weekday or 0,))
            case _:
                count = years * (12 if self.every is Every.MONTH else 4)
        if count > MAX_OCCURRENCES:
            raise _fail("too-many-days", value=str(self), count=count, limit=MAX_OCCURRENCES)

    @property
    def until(self) -> int:
        """The last year it comes round in."""
        return self.year if self.last_year is None else self.last_year

    @property
    def rule(self) -> str:
        """The RFC 5545 RRULE of the days it comes round on, for an all-day DTSTART."""
        until = f"UNTIL={self.until}1231"
        match self.every:
            case Every.MONTH:
                return f"FREQ=MONTHLY;{until}"
            case Every.QUARTER:
                return f"FREQ=MONTHLY;INTERVAL=3;{until}"
            case Every.WEEK:
                assert self.weekday is not None
                return f"FREQ=WEEKLY;BYDAY={_BYDAY[self.weekday]};{until}"

    def days(self) -> tuple[date, ...]:
        """Every day it comes round on (at most 53 a year, so a few hundred in a long plan)."""
        years = range(self.year, self.until + 1)
        match self.every:
            case Every.MONTH:
                return tuple(date(y, m, 1) for y in years for m in range(1, 13))
            case Every.QUARTER:
                return tuple(date(y, m, 1) for y in years for m in (1, 4, 7, 10))
            case Every.WEEK:
                assert self.weekday is not None
                return _class_days(self.span, (self.weekday,))

    @property
    def span(self) -> DateSpan:
        return DateSpan(date(self.year, 1, 1), date(self.until, 12, 31))

    def __str__(self) -> str:
        if self.weekday is None:
            return self.every.value
        return f"每周{_WEEKDAYS[self.weekday]}"


def _class_days(within: DateSpan, weekdays: Sequence[int]) -> tuple[date, ...]:
    """The days of ``within`` that fall on one of ``weekdays`` (Monday = 0), in order."""
    days: list[date] = []
    for weekday in weekdays:
        day = within.first + timedelta(days=(weekday - within.first.weekday()) % 7)
        while day <= within.last:
            days.append(day)
            day += timedelta(days=7)
    return tuple(sorted(days))


def _count_class_days(within: DateSpan, weekdays: Sequence[int]) -> int:
    """How many days :func:`_class_days` gives, counted without listing them."""
    count = 0
    for weekday in weekdays:
        first = within.first + timedelta(days=(weekday - within.first.weekday()) % 7)
        if first <= within.last:
            count += (within.last - first).days // 7 + 1
    return count


class DayPart(enum.Enum):
    """A part of the day a weekly class is held in: ``每周三下午``."""

    MORNING = "上午"
    AFTERNOON = "下午"
    EVENING = "晚上"


def _clock_text(moment: time) -> str:
    return f"{moment.hour}:{moment.minute:02d}"


@define(order=True)
class ClockRange:
    """Local clock times a class starts and ends at, the same day: ``8:30–11:00``."""

    start: time
    end: time

    def __attrs_post_init__(self) -> None:
        for moment in (self.start, self.end):
            if moment.tzinfo is not None or moment.second or moment.microsecond:
                raise _fail("bad-clock", value=moment.isoformat())
        if self.start >= self.end:
            raise _fail("span-order", first=_clock_text(self.start), last=_clock_text(self.end))

    @property
    def duration(self) -> timedelta:
        day = date(2000, 1, 1)
        return datetime.combine(day, self.end) - datetime.combine(day, self.start)

    def __str__(self) -> str:
        return f"{_clock_text(self.start)}–{_clock_text(self.end)}"


@define
class DayParts:
    """The clock times 上午, 下午 and 晚上 stand for; a plan may set its own."""

    morning: ClockRange = ClockRange(time(8, 30), time(11, 30))
    afternoon: ClockRange = ClockRange(time(14, 30), time(17, 30))
    evening: ClockRange = ClockRange(time(19), time(21))

    def clock(self, part: DayPart) -> ClockRange:
        match part:
            case DayPart.MORNING:
                return self.morning
            case DayPart.AFTERNOON:
                return self.afternoon
            case DayPart.EVENING:
                return self.evening


#: 上午 8:30–11:30, 下午 14:30–17:30, 晚上 19:00–21:00 unless a plan says otherwise.
DEFAULT_DAY_PARTS = DayParts()


def _weekdays(days: Iterable[int]) -> tuple[int, ...]:
    items = sequence(days)
    if isinstance(items, tuple) and all(type(day) is int for day in items):
        return tuple(sorted(set(items)))
    return items  # not weekdays: the field's type check names it


def _weekday_words(weekdays: Sequence[int]) -> str:
    """``二、四``, ``一至五``: runs of three or more days joined by 至, the rest by 、."""
    runs: list[list[int]] = []
    for day in weekdays:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    words = []
    for run in runs:
        if len(run) >= 3:
            words.append(f"{_WEEKDAYS[run[0]]}至{_WEEKDAYS[run[-1]]}")
        else:
            words += [_WEEKDAYS[day] for day in run]
    return "、".join(words)


def _whole_years(span: DateSpan) -> bool:
    return (span.first.month, span.first.day, span.last.month, span.last.day) == (1, 1, 12, 31)


def _days_words(span: DateSpan) -> str:
    """A span of days as a plan writes it, read back in the year of its first day."""
    if span.first == span.last:
        return _chinese_day(span.first)
    if span.first.year == span.last.year:
        return str(DayRange(span.first, span.last))
    year = "次" if span.last.year == span.first.year + 1 else str(span.last.year)
    return f"{_chinese_day(span.first)}-{year}年{_chinese_day(span.last)}"


@define
class Weekly:
    """A class held on given weekdays, week after week: ``每周二、四 8:30–11:00``.

    ``within`` is the span it runs over: the one its text names (``7月13日至8月18日每周二、四``)
    or the plan's whole years. ``clock`` is when it is held each day (``part`` is the part of the
    day it was named by, whose clock time the plan sets); without either it takes the whole day.
    """

    within: DateSpan
    weekdays: tuple[int, ...] = attrs.field(converter=_weekdays)  #: Monday = 0
    clock: ClockRange | None = None
    part: DayPart | None = None

    def __attrs_post_init__(self) -> None:
        _check_year(self.within.first.year)
        _check_year(self.within.last.year)
        if not self.weekdays or not all(0 <= day <= 6 for day in self.weekdays):
            raise _fail("bad-weekdays", value=list(self.weekdays))
        if self.part is not None and self.clock is None:
            raise _fail("bad-weekdays-part", part=self.part.value)
        if len(self.weekdays) == 1 and self.clock is None and _whole_years(self.within):
            # One canonical value per meaning: that is a Repeat, and 每周三 reads as one.
            raise _fail("weekly-is-repeat", value=str(self))
        count = _count_class_days(self.within, self.weekdays)
        if count > MAX_OCCURRENCES:
            raise _fail("too-many-days", value=str(self), count=count, limit=MAX_OCCURRENCES)
        if not count:
            raise _fail("weekly-empty", value=str(self))

    @property
    def year(self) -> int:
        return self.within.first.year

    @property
    def span(self) -> DateSpan:
        return self.within

    def days(self) -> tuple[date, ...]:
        """Every class day, in order (at most :data:`MAX_OCCURRENCES`)."""
        return _class_days(self.within, self.weekdays)

    def occurrences(self) -> tuple[datetime, ...]:
        """Every class's start in Asia/Shanghai (midnight for a class without a clock time)."""
        begin = self.clock.start if self.clock else time()
        return tuple(datetime.combine(day, begin, tzinfo=DEFAULT_ZONE) for day in self.days())

    @property
    def rule(self) -> str:
        """The RFC 5545 RRULE of the class days, for a DTSTART on the first class.

        UNTIL is the last day (all-day) or the end of that day in UTC (timed), as RFC 5545 asks.
        """
        byday = ",".join(_BYDAY[day] for day in self.weekdays)
        last = self.within.last
        if self.clock is None:
            until = last.strftime("%Y%m%d")
        else:
            until = _normalise_rule(f"UNTIL={last:%Y%m%d}", self.occurrences()[0])[6:]
        return f"FREQ=WEEKLY;BYDAY={byday};UNTIL={until}"

    def __str__(self) -> str:
        text = "" if _whole_years(self.within) else _days_words(self.within)
        text += f"每周{_weekday_words(self.weekdays)}"
        if self.part is not None:
            return text + self.part.value
        return f"{text} {self.clock}" if self.clock else text


class Relation(enum.Enum):
    """How a *when* stands to an occasion: on it, before it, around it, or during it."""

    ON = ""
    BEFORE = "前"
    AROUND = "前后"
    DURING = "期间"


#: 前 and 前后 reach this far from the occasion.
NEAR = timedelta(days=7)


@define
class Occasion:
    """An observance or school holiday with a relation: ``春节前后``, ``元旦前``, ``暑假期间``.

    ``first`` and ``last`` are the occasion's own days in the plan year ``year`` (an observance by
    rule, a school holiday from the plan's data). 前 is the week before the first day (元旦前 is the
    week before the next 元旦), 前后 a week either side, 期间 the occasion's days (国庆节 and 春节 a
    week, a school holiday as the plan states it), and the bare name the day itself (the whole span
    for a school holiday).
    """

    year: int
    name: str
    relation: Relation
    first: date  #: the occasion's first day
    last: date  #: its last day as this relation counts it (one day for an observance's 前/前后)

    def __attrs_post_init__(self) -> None:
        _check_year(self.year)
        if self.first > self.last:
            raise _fail("span-order", first=self.first, last=self.last)

    @property
    def span(self) -> DateSpan:
        match self.relation:
            case Relation.BEFORE:
                return DateSpan(self.first - NEAR, self.first - timedelta(days=1))
            case Relation.AROUND:
                return DateSpan(self.first - NEAR, self.last + NEAR)
            case Relation.ON | Relation.DURING:
                return DateSpan(self.first, self.last)

    def __str__(self) -> str:
        return f"{self.name}{self.relation.value}"


def _nfkc(text: str) -> str:
    if not isinstance(text, str):
        return text  # the field's type check names it
    return unicodedata.normalize("NFKC", text).strip()


@define
class LabelledDay:
    """A day with the name a schedule gives it: ``3月5日学雷锋日``."""

    date: date
    #: in NFKC, as the parser reads it (the plan's own wording is kept in ``Activity.when_text``)
    label: str = attrs.field(converter=_nfkc)

    @property
    def span(self) -> DateSpan:
        return DateSpan(self.date, self.date)

    def __str__(self) -> str:
        return f"{_chinese_day(self.date)}{self.label}"


#: The ends a span over the turn of a year may have.
YearEnd: TypeAlias = Month | MonthPart | Day


def _end_year(end: YearEnd) -> int:
    return end.date.year if isinstance(end, Day) else end.year


@define
class AcrossYears:
    """A span over the turn of a year: ``11月-次年2月``, ``2011年11月-2012年2月``.

    Each end keeps its own precision (a month, part of a month or a day) in its own year.
    """

    first: YearEnd
    last: YearEnd

    def __attrs_post_init__(self) -> None:
        if _end_year(self.last) <= _end_year(self.first):
            raise _fail(
                "span-order", first=f"{_end_year(self.first)}年", last=f"{_end_year(self.last)}年"
            )

    @property
    def year(self) -> int:
        return _end_year(self.first)

    @property
    def span(self) -> DateSpan:
        return DateSpan(self.first.span.first, self.last.span.last)

    def __str__(self) -> str:
        last_year = _end_year(self.last)
        year = "次" if last_year == self.year + 1 else str(last_year)
        return f"{self.first}-{year}年{self.last}"


#: The most years a yearly *when* may span: every year is read on its own (an observance's date is
#: a lunar computation), and no plan looks further ahead than a few five-year terms.
MAX_YEARS = 30


def _each_year(items: Iterable[When]) -> tuple[When, ...]:
    return sequence(items)


@define
class Yearly:
    """The same *when* in every year of a plan that spans several: ``每年3月``, ``每年底前``.

    ``each`` holds it in each year, first year first, so every year keeps its own days (春节 moves,
    February's 下旬 is shorter in some years). It is never a session or a repeat: those say their
    own years.
    """

    each: tuple[When, ...] = attrs.field(converter=_each_year)

    def __attrs_post_init__(self) -> None:
        if len(self.each) < 2:
            raise _fail("yearly-one-year", value=", ".join(map(str, self.each)))
        if len(self.each) > MAX_YEARS:
            raise _fail("too-many-days", value=str(self), count=len(self.each), limit=MAX_YEARS)
        said = str(self.each[0])
        for offset, when in enumerate(self.each):
            if isinstance(when, Session | Recurrence | Repeat | Weekly | Yearly):
                raise _fail("yearly-not-yearly", value=str(when))
            if str(when) != said or when_year(when) != self.year + offset:
                raise _fail("yearly-not-same", value=str(when), first=said, year=self.year + offset)

    @property
    def year(self) -> int:
        return when_year(self.each[0])

    @property
    def last_year(self) -> int:
        return when_year(self.each[-1])

    @property
    def span(self) -> DateSpan:
        return DateSpan(self.each[0].span.first, self.each[-1].span.last)

    def __str__(self) -> str:
        return f"每年{self.each[0]}"


When: TypeAlias = (
    Month
    | MonthSpan
    | MonthPart
    | Deadline
    | Day
    | DayRange
    | Session
    | Recurrence
    | NamedPeriod
    | YearSpan
    | MixedSpan
    | WeekOfMonth
    | Repeat
    | Occasion
    | LabelledDay
    | Weekly
    | AcrossYears
    | Yearly
)
"""Every precision a schedule can give; match on it to handle each."""


# ---------------------------------------------------------------------------------------------
# Parsing: the Chinese spellings of 配档表 and their ISO equivalents.

_DASH = r"\s*(?:-|–|—|~|～|至|到)\s*"
_M = r"(\d{1,2})\s*月"
_D = r"(\d{1,2})\s*[日号]"
_ISO_DAY = r"(\d{4})-(\d{2})-(\d{2})"
_ISO_MONTH = r"(\d{4})-(\d{2})"
_TIME = r"(\d{1,2})[:：](\d{2})"
_PARTS = {
    "上旬": Part.EARLY,
    "中旬": Part.MIDDLE,
    "下旬": Part.LATE,
    "底": Part.END,
    "末": Part.END,
}

_RE_MONTH = _Pattern(_M)
_RE_MONTH_SPAN = _Pattern(rf"(\d{{1,2}})\s*月?{_DASH}{_M}")
_RE_MONTH_PART = _Pattern(rf"{_M}\s*(上旬|中旬|下旬|月?底|月?末)")
_RE_DAY = _Pattern(rf"{_M}\s*{_D}")
_RE_DAY_RANGE = _Pattern(rf"{_M}\s*(\d{{1,2}})\s*[日号]?{_DASH}(?:{_M}\s*)?{_D}")
_RE_ISO_DAY = _Pattern(_ISO_DAY, needs="-")
_RE_ISO_DAY_RANGE = _Pattern(rf"{_ISO_DAY}\s*/\s*{_ISO_DAY}", needs="/")
_RE_ISO_MONTH = _Pattern(_ISO_MONTH, needs="-")
_RE_ISO_MONTH_SPAN = _Pattern(rf"{_ISO_MONTH}\s*/\s*{_ISO_MONTH}", needs="/")
_RE_DEADLINE = _Pattern(r"(.+?)\s*(?:之前|以前|前)(?:完成)?")
_RE_SESSION = _Pattern(
    r"(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2})?)\s*/\s*(P[0-9DTHMS]+)(?:\[([^\]]+)\])?",
    needs="/",
)
_RE_SESSION_ZH = _Pattern(rf"(?:{_M}\s*{_D}|{_ISO_DAY})\s*{_TIME}{_DASH}{_TIME}", needs=":：")
_RE_RECURRENCE = _Pattern(r"(\S+)\s+RRULE:(\S+)(?:\s+EXDATE:([\d,\s]+))?", re.IGNORECASE, needs=":")


def _day(year: int, month: int, day: int) -> date:
    _check_month(month)
    try:
        return date(year, month, day)
    except ValueError:
        raise _fail("bad-date", value=f"{month}月{day}日", year=year) from None


def _iso_day(parts: Sequence[str], year: int) -> date:
    y, m, d = parts
    value = _day(int(y), int(m), int(d))
    if value.year != year:
        raise _fail("year-mismatch", value=value.isoformat(), other=value.year, year=year)
    return value


def _iso_month(parts: Sequence[str], year: int) -> int:
    y, m = parts
    if int(y) != year:
        raise _fail("year-mismatch", value=f"{y}-{m}", other=int(y), year=year)
    _check_month(int(m))
    return int(m)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        # An over-long or odd name fails as a file name before it fails as a zone.
        raise _fail("bad-zone", value=name) from None


def _parse_session(text: str, year: int) -> Session | None:
    if match := _RE_SESSION.fullmatch(text):
        day, clock, duration, zone = match.groups()
        try:
            start = datetime.fromisoformat(f"{day}T{clock}")
        except ValueError:
            raise _fail("bad-when", value=text, examples="'2021-03-08T14:30/PT2H'") from None
        if start.year != year:
            raise _fail("year-mismatch", value=day, other=start.year, year=year)
        zone_info = _zone(zone) if zone else DEFAULT_ZONE
        return Session(start.replace(tzinfo=zone_info), parse_duration(duration))
    if match := _RE_SESSION_ZH.fullmatch(text):
        m, d, iy, im, id_, h1, n1, h2, n2 = match.groups()
        on = _day(year, int(m), int(d)) if m else _iso_day((iy, im, id_), year)
        try:
            begin, finish = time(int(h1), int(n1)), time(int(h2), int(n2))
        except ValueError:
            raise _fail("bad-when", value=text, examples="'3月8日 14:30-16:30'") from None
        start = datetime.combine(on, begin, tzinfo=DEFAULT_ZONE)
        end = datetime.combine(on, finish, tzinfo=DEFAULT_ZONE)
        if end <= start:
            raise _fail(
                "span-order", first=begin.isoformat("minutes"), last=finish.isoformat("minutes")
            )
        return Session(start, end - start)
    return None


def _parse_deadline_target(inner: str, year: int) -> date | None:
    if inner in ("年底", "年末"):
        return date(year, 12, 31)
    if match := _RE_MONTH.fullmatch(inner):
        month = int(match.group(1))
        _check_month(month)
        return date(year, month, 1) - timedelta(days=1)
    if match := _RE_MONTH_PART.fullmatch(inner):
        month = int(match.group(1))
        _check_month(month)
        if _PARTS[match.group(2).removeprefix("月")] is Part.END:
            return date(year, month, _last_day(year, month))
        return None
    if match := _RE_DAY.fullmatch(inner):
        return _day(year, int(match.group(1)), int(match.group(2)))
    if match := _RE_ISO_DAY.fullmatch(inner):
        return _iso_day(match.groups(), year)
    return None


_PART_RE = r"(上旬|中旬|下旬|月?底|月?末)"
_RE_QUALIFIED = _Pattern(r"(\d{4})\s*年\s*(\S.*)", needs="年")
_RE_WHOLE_YEAR = _Pattern(r"(\d{4})\s*年(?:全年|度)?", needs="年")
_RE_YEAR_SPAN = _Pattern(rf"(\d{{4}})\s*年?{_DASH}(\d{{4}})\s*年", needs="年")
_RE_MIXED = _Pattern(rf"{_M}\s*{_PART_RE}?{_DASH}{_M}\s*{_PART_RE}?")
_RE_WEEK = _Pattern(rf"{_M}\s*第\s*([1-6一二三四五六])\s*(?:周|个?星期)")
_RE_REPEAT = _Pattern(r"每(?:个)?(月|季度)")
_W = "[一二三四五六日天1-7]"
_WEEK = "(?:周|星期|礼拜)"
_RE_WEEKLY = _Pattern(
    rf"(?P<within>.*?)[\s,的]*每个?{_WEEK}"
    rf"(?P<days>{_W}(?:\s*(?:、|,|和|及|与|至|到|-|–|—|~)\s*{_WEEK}?{_W})*)"
    rf"\s*(?P<part>上午|下午|晚上)?\s*(?:{_TIME}{_DASH}{_TIME})?"
)
_RE_WEEKDAY_RANGE = _Pattern(rf"({_W})\s*(?:至|到|-|–|—|~)\s*{_WEEK}?({_W})")
#: 每年 once or more (每年每年3月 says it once too often), then what comes round.
_RE_EVERY_YEAR = _Pattern(r"(?:每年(?:的)?\s*)+(\S.*)")
_RE_YEARS_PREFIX = _Pattern(rf"(\d{{4}})\s*年?{_DASH}(\d{{4}})\s*年\s*(\S.*)", needs="年")
_RE_ACROSS = _Pattern(rf"(.+?){_DASH}(?:次年|(\d{{4}})\s*年)\s*(\S.*)")
#: 十一五 … 十五五: the national five-year plans and their years (十二五 is 2011–2015).
_RE_TERM = _Pattern(r"[“\"]?十([一二三四五])五[”\"]?(?:规划)?(?:期间|时期)?", needs="五")
_PARTS_OF_DAY = {part.value: part for part in DayPart}
_QUARTERS = {"一": Period.Q1, "二": Period.Q2, "三": Period.Q3, "四": Period.Q4}
_RE_PERIOD = _Pattern(r"全年|全年度|上半年|下半年|第?([一二三四1-4])季度")
_RE_LABELLED = _Pattern(rf"{_M}\s*{_D}\s*([^\d\s\-–—~～至到:/].*)")
#: Relation words after an occasion's name, longest first so 前后 is not read as 前.
_RELATIONS = (
    ("前后", Relation.AROUND),
    ("左右", Relation.AROUND),
    ("之前", Relation.BEFORE),
    ("以前", Relation.BEFORE),
    ("前夕", Relation.BEFORE),
    ("期间", Relation.DURING),
    ("前", Relation.BEFORE),
    ("", Relation.ON),
)
#: Names of school holidays: a plan must state their dates, they are never guessed.
SCHOOL_HOLIDAY_NAMES = ("暑假", "寒假")


def _weekday(char: str) -> int:
    """一 … 日 (or 天), 1 … 7 as a weekday, Monday = 0."""
    return "一二三四五六日".find(char.replace("天", "日")) if not char.isdigit() else int(char) - 1


def _occasion(text: str, year: int, holidays: Sequence[SchoolHoliday]) -> Occasion | None:
    for suffix, relation in _RELATIONS:
        if not text.endswith(suffix):
            continue
        name = text[: len(text) - len(suffix)].strip()
        named = [h for h in holidays if h.name == name]
        if named:
            chosen = [h for h in named if h.first.year == year] or [
                h for h in named if h.last.year == year
            ]
            if not chosen:
                raise _fail("no-school-holiday", value=text, name=name, year=year)
            h = chosen[0]
            return Occasion(year, name, relation, h.first, h.last)
        if name in SCHOOL_HOLIDAY_NAMES:
            raise _fail("no-school-holiday", value=text, name=name, year=year)
        found = observance(name)
        if found is None:
            continue
        day = found.on(year)
        if relation is Relation.BEFORE and day == date(year, 1, 1):
            day = found.on(year + 1)  # 元旦前 in a plan year is the run-up to the next one
        last = found.during(year)[1] if relation is Relation.DURING else day
        return Occasion(year, found.name, relation, day, last)
    return None


def _parse_new_forms(text: str, year: int, holidays: Sequence[SchoolHoliday]) -> When | None:
    """The spellings beyond months and days: periods, mixed ranges, weeks, repeats, occasions."""
    if match := _RE_PERIOD.fullmatch(text):
        if quarter := match.group(1):
            return NamedPeriod(
                year, _QUARTERS["一二三四"[int(quarter) - 1] if quarter.isdigit() else quarter]
            )
        return NamedPeriod(year, Period.YEAR if text.startswith("全年") else Period(text))
    if match := _RE_MIXED.fullmatch(text):
        m1, p1, m2, p2 = match.groups()
        return MixedSpan(
            year,
            int(m1),
            _PARTS[p1.removeprefix("月")] if p1 else None,
            int(m2),
            _PARTS[p2.removeprefix("月")] if p2 else None,
        )
    if match := _RE_WEEK.fullmatch(text):
        week = match.group(2)
        return WeekOfMonth(
            year, int(match.group(1)), int(week) if week.isdigit() else _weekday(week) + 1
        )
    if occasion := _occasion(text, year, holidays):
        return occasion
    if (match := _RE_LABELLED.fullmatch(text)) and not any(
        match.group(3).strip() == word for word, _ in _RELATIONS
    ):
        return LabelledDay(
            _day(year, int(match.group(1)), int(match.group(2))), match.group(3).strip()
        )
    return None


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CN = "[一二三四五六七八九十]{1,3}"
#: A month in Chinese numerals: 十月, and the first month of 七至八月.
_RE_CN_MONTH = _Pattern(
    rf"(?<![第周期每])({_CN})(?=月|\s*(?:至|到|-|–|—|~|～)\s*(?:{_CN}|\d{{1,2}})\s*月)",
    needs="一二三四五六七八九十",
)
_RE_CN_DAY = _Pattern(r"(?<=月)([一二三四五六七八九十]{1,3})(?=[日号])", needs="日号")


def _cn_number(text: str) -> str:
    """一 … 三十一 as digits; anything else unchanged."""
    tens, ten, ones = text.partition("十")
    if not ten:
        return str(_CN_DIGITS[text]) if len(text) == 1 else text
    if len(tens) > 1 or len(ones) > 1 or "十" in ones or tens == "零" or ones == "零":
        return text
    return str((_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0))


def _normalise(text: str) -> str:
    # NFKC folds full-width digits, colons and slashes that Chinese input methods produce; 十月
    # and 9月份 are how plans write 10月 and 9月.
    text = unicodedata.normalize("NFKC", text).strip().replace("月份", "月")
    text = _RE_CN_MONTH.sub(lambda m: _cn_number(m.group(1)), text)
    return _RE_CN_DAY.sub(lambda m: _cn_number(m.group(1)), text)


def when_year(when: When) -> int:
    """The plan year a *when* was read in (the first, for a span of years)."""
    match when:
        case Deadline():
            return when.due.year
        case Day() | LabelledDay():
            return when.date.year
        case DayRange() | Session() | Recurrence():
            return when.span.first.year
    return when.year


def _years_said(when: When) -> tuple[int, int]:
    """The years a *when*'s canonical spelling is read in: one, or all of a plan's for a repeat."""
    first = when_year(when)
    match when:
        case Repeat():
            return first, when.until
        case Weekly() if _whole_years(when.within):
            return first, when.within.last.year
        case Yearly():
            return first, when.last_year
    return first, first


def qualified(when: When) -> str:
    """The canonical spelling with its year, as a plan spanning years writes it: ``2013年3月``.

    A *when* that comes round in several years says them all: ``2011-2015年每季度``. It parses
    back to an equal value in any plan whose years include those years.
    """
    check_arguments(qualified, when=when)
    text = str(when)
    if re.match(r"\d{4}", text):
        return text
    first, last = _years_said(when)
    return f"{first}年{text}" if first == last else f"{first}-{last}年{text}"


def occurrences(when: When) -> tuple[DateSpan, ...]:
    """The days of each time ``when`` comes round, in order: how a ledger counts what was held.

    A *when* that happens once has one span; a recurrence has one per session, a repeat or a
    weekly class one per day, and a yearly *when* one per year. Never more than
    :data:`MAX_OCCURRENCES`: every recurring kind refuses a rule with more.
    """
    check_arguments(occurrences, when=when)
    match when:
        case Recurrence():
            return tuple(
                DateSpan(start.date(), max(start.date(), (start + when.duration - _TICK).date()))
                for start in when.occurrences()
            )
        case Repeat() | Weekly():
            return tuple(DateSpan(day, day) for day in when.days())
        case Yearly():
            return tuple(span for each in when.each for span in occurrences(each))
    return (when.span,)


def _examples(year: int, last_year: int) -> str:
    if last_year != year:
        y = year + 1
        return f"'{y}年', '{year}-{y}年', '{y}年3月', '{y}年7-8月', '{y}年上半年', '{y}-03-08'"
    return (
        f"'4月', '7-8月', '4月下旬', '5月前', '3月8日', '上半年', '第三季度', '每月', '每周三', "
        f"'春节前后', '{year}-03-08', '{year}-03-08T14:30/PT2H'"
    )


_TYPOS = str.maketrans({"甸": "旬", "询": "旬", "荀": "旬", "曰": "日", "〜": "~"})
#: 4、5月 is 4-5月; between weekdays (每周二、四) 、 is a list and stays.
_MONTH_LIST = _Pattern(r"(\d)\s*、\s*(\d)")
_REPAIRS = (
    (_Pattern(r"(\d{4})[./](\d{1,2})[./](\d{1,2})"), r"\1年\2月\3日"),
    (_Pattern(r"(\d{4})[./](\d{1,2})"), r"\1年\2月"),
    (_Pattern(r"(\d{1,2})[./](\d{1,2})"), r"\1月\2日"),
    (_Pattern(r"(\d{1,2})\s*[,，和及与]\s*(\d{1,2})\s*月"), r"\1-\2月"),
    (_Pattern(r"(\d{1,2})\s*(?:-|~|至|到)\s*(\d{1,2})"), r"\1-\2月"),
    (_Pattern(r"(\d{1,2})"), r"\1月"),
    (_Pattern(r"(\d{1,2})月初"), r"\1月上旬"),
    (_Pattern(r"(\d{1,2})月中"), r"\1月中旬"),
    (_Pattern(r"(.+?)(?:左右|开展|举行|举办|进行|完成|内|中|间)"), r"\1"),
    (_Pattern(r"年初"), "1月"),
    (_Pattern(r"年中"), "6月"),
    (_Pattern(r"年底前"), "12月底前"),
    (_Pattern(r"年底"), "12月底"),
    (_Pattern(r"(?:每周|周|星期)([1-7])"), r"每周\1"),
    (_Pattern(r"(?:周|星期)([一二三四五六日])"), r"每周\1"),
    (_Pattern(r"(?:周|星期)([一二三四五六日天1-7]\S*(?:\s.*)?)"), r"每周\1"),
)


def _suggest(
    raw: str, year: int, last_year: int, holidays: Sequence[SchoolHoliday], parts: DayParts
) -> str | None:
    """The likely intended spelling of a refused *when*: the first repair that reads."""
    read = _normalise(raw)
    text = _MONTH_LIST.sub(r"\1-\2", read.translate(_TYPOS))
    candidates = [text]
    for pattern, replacement in _REPAIRS:
        if pattern.fullmatch(text):
            candidates.append(pattern.sub(replacement, text, count=1))
    if last_year != year:
        candidates += [f"{year}年{c}" for c in list(candidates)]
    for candidate in candidates:
        if candidate == read:
            continue
        try:
            parsed = _parse(candidate, candidate, year, last_year, holidays, parts)
        except PlanError:
            continue
        return qualified(parsed) if last_year != year else str(parsed)
    return None


def _parse(
    text: str,
    raw: str,
    year: int,
    last_year: int,
    holidays: Sequence[SchoolHoliday],
    parts: DayParts,
) -> When:
    if match := _RE_YEAR_SPAN.fullmatch(text):
        first, last = int(match.group(1)), int(match.group(2))
        for y in (first, last):
            if not year <= y <= last_year:
                raise _fail("year-mismatch", value=text, other=y, year=_years(year, last_year))
        return YearSpan(first, last)
    if match := _RE_TERM.fullmatch(text):
        first = 2006 + 5 * "一二三四五".index(match.group(1))
        if (year, last_year) != (first, first + 4):
            raise _fail(
                "five-year-term",
                value=raw,
                first=first,
                last=first + 4,
                year=_years(year, last_year),
            )
        return YearSpan(first, first + 4)
    if match := _RE_YEARS_PREFIX.fullmatch(text):
        first = _in_years(int(match.group(1)), text, year, last_year)
        last = _in_years(int(match.group(2)), text, year, last_year)
        if first >= last:
            raise _fail("span-order", first=f"{first}年", last=f"{last}年")
        found = _parse_recurring(match.group(3), raw, first, last, holidays, parts)
        if found is None:
            raise _fail("bad-when", value=raw, examples=_examples(year, last_year))
        return found
    if match := _RE_WHOLE_YEAR.fullmatch(text):
        return NamedPeriod(_in_years(int(match.group(1)), text, year, last_year), Period.YEAR)
    if match := _RE_QUALIFIED.fullmatch(text):
        y = _in_years(int(match.group(1)), text, year, last_year)
        rest = match.group(2)
        # 2013年底前 is 年底前 in 2013
        return _parse_one(f"年{rest}" if rest[0] in "底末" else rest, raw, y, holidays, parts)
    if re.match(r"\d{4}-", text):
        y = int(text[:4])
        return _parse_one(text, raw, y if year <= y <= last_year else year, holidays, parts)
    if last_year != year:
        # What comes round every year (每月, 每周三 下午, 每年3月) needs no year: it is in all.
        if found := _parse_recurring(text, raw, year, last_year, holidays, parts):
            return found
        raise _fail(
            "needs-year", value=raw, first=year, last=last_year, examples=_examples(year, last_year)
        )
    return _parse_one(text, raw, year, holidays, parts)


def _parse_weekdays(words: str) -> tuple[int, ...]:
    """``二、四``, ``一至周五``, ``3,5`` as weekdays, Monday = 0."""
    days: set[int] = set()
    for piece in re.split(r"\s*(?:、|,|和|及|与)\s*", words):
        piece = re.sub(rf"^{_WEEK}", "", piece)
        if match := _RE_WEEKDAY_RANGE.fullmatch(piece):
            first, last = _weekday(match.group(1)), _weekday(match.group(2))
            if first >= last:
                raise _fail(
                    "span-order", first=f"周{_WEEKDAYS[first]}", last=f"周{_WEEKDAYS[last]}"
                )
            days.update(range(first, last + 1))
        else:
            days.add(_weekday(piece))
    return tuple(sorted(days))


def _parse_weekly(
    match: re.Match[str],
    raw: str,
    first: int,
    last: int,
    holidays: Sequence[SchoolHoliday],
    parts: DayParts,
) -> When | None:
    """A weekly class: ``[bounding span]每周二、四[上午|下午|晚上][8:30-11:00]``."""
    prefix = match.group("within").strip()
    if prefix:
        if first != last:
            return None  # a bounding span without its year, in a plan of several years
        if "每" in prefix:  # a bound never comes round itself (and is read without recursing)
            raise _fail("bad-when", value=raw, examples=_WEEKLY_EXAMPLES)
        bound = _parse_one(prefix, raw, first, holidays, parts)
        if isinstance(bound, Session | Recurrence | Repeat | Weekly | Yearly):
            raise _fail("bad-when", value=raw, examples=_WEEKLY_EXAMPLES)
        within = bound.span
    else:
        within = DateSpan(date(first, 1, 1), date(last, 12, 31))
    weekdays = _parse_weekdays(match.group("days"))
    part = _PARTS_OF_DAY[match.group("part")] if match.group("part") else None
    clock = parts.clock(part) if part else None
    h1, n1, h2, n2 = match.groups()[-4:]
    if h1 is not None:
        # 下午2:30-4:30 is 14:30-16:30; a clock time written out replaces the part's default.
        later = 12 if part in (DayPart.AFTERNOON, DayPart.EVENING) else 0
        hours = [int(h) + (later if int(h) < 12 else 0) for h in (h1, h2)]
        try:
            begin, finish = time(hours[0], int(n1)), time(hours[1], int(n2))
        except ValueError:
            raise _fail("bad-when", value=raw, examples=_WEEKLY_EXAMPLES) from None
        clock = ClockRange(begin, finish)
        part = None
    if len(weekdays) == 1 and clock is None and _whole_years(within):
        until = within.last.year
        return Repeat(within.first.year, Every.WEEK, weekdays[0], until if until > first else None)
    return Weekly(within, weekdays, clock, part)


_WEEKLY_EXAMPLES = "'每周二、四 8:30-11:00', '每周三下午', '7月13日至8月18日每周二、四'"


def _parse_recurring(
    text: str,
    raw: str,
    first: int,
    last: int,
    holidays: Sequence[SchoolHoliday],
    parts: DayParts,
) -> When | None:
    """What comes round in the years ``first``–``last``: 每年…, 每月, 每季度, weekly classes."""
    if match := _RE_EVERY_YEAR.fullmatch(text):
        inner = match.group(1)
        if inner[0] in "底末":  # 每年底前 is 年底前 every year
            inner = f"年{inner}"
        if inner.startswith("每"):  # 每年每月 is 每月
            return _parse_recurring(inner, raw, first, last, holidays, parts)
        if last - first + 1 > MAX_YEARS:  # refused before reading it in every year
            raise _fail("too-many-days", value=raw, count=last - first + 1, limit=MAX_YEARS)
        each = tuple(_parse_one(inner, raw, y, holidays, parts) for y in range(first, last + 1))
        if isinstance(each[0], Session | Recurrence):
            raise _fail("yearly-not-yearly", value=str(each[0]))
        return each[0] if len(each) == 1 else Yearly(each)
    if match := _RE_REPEAT.fullmatch(text):
        every = Every.MONTH if match.group(1) == "月" else Every.QUARTER
        return Repeat(first, every, last_year=last if last > first else None)
    if match := _RE_WEEKLY.fullmatch(text):
        return _parse_weekly(match, raw, first, last, holidays, parts)
    return None


def _parse_across(
    match: re.Match[str],
    raw: str,
    year: int,
    holidays: Sequence[SchoolHoliday],
    parts: DayParts,
) -> When:
    """``11月至次年2月``, ``11月-2012年2月``: a span over the turn of a year."""
    head, other, tail = match.groups()
    if "年" in head or "年" in tail:  # each end is a month, part of one or a day
        raise _fail("bad-when", value=raw, examples="'11月-次年2月', '11月15日至次年1月15日'")
    last_year = year + 1 if other is None else int(other)
    if last_year == year:  # 2011年3月-2011年5月 is an ordinary range
        return _parse_one(f"{head}-{tail}", raw, year, holidays, parts)
    _check_year(last_year)
    if last_year < year:
        raise _fail("span-order", first=f"{year}年", last=f"{last_year}年")
    begin = _parse_one(head, raw, year, holidays, parts)
    end = _parse_one(tail, raw, last_year, holidays, parts)
    if not isinstance(begin, Month | MonthPart | Day) or not isinstance(
        end, Month | MonthPart | Day
    ):
        raise _fail("bad-when", value=raw, examples="'11月-次年2月', '11月15日至次年1月15日'")
    return AcrossYears(begin, end)


def _years(year: int, last_year: int) -> str:
    return str(year) if year == last_year else f"{year}-{last_year}"


def _in_years(y: int, text: str, year: int, last_year: int) -> int:
    if not year <= y <= last_year:
        raise _fail("year-mismatch", value=text, other=y, year=_years(year, last_year))
    return y


def parse_when(
    text: str,
    year: int,
    *,
    last_year: int | None = None,
    holidays: Sequence[SchoolHoliday] = (),
    day_parts: DayParts = DEFAULT_DAY_PARTS,
) -> When:
    """Read a schedule's *when* in the plan year ``year`` (or the years ``year``–``last_year``).

    Accepts the Chinese spellings of 配档表 (``4月``, ``7-8月``, ``4月下旬``, ``5月前``, ``3月8日``,
    ``全年``, ``第三季度``, ``10月下旬至11月上旬``, ``9月第2周``, ``每周三``, ``春节前后``,
    ``暑假期间``, ``3月5日学雷锋日``, ``十月``, ``9月份``, ``2024年3月``, ``11月至次年2月``), weekly
    classes (``每周二、四 8:30—11:00``, ``7月13日至8月18日每周三下午``), ISO 8601 and a recurrence
    (a session followed by ``RRULE:…``); docs/reference/when.md lists every form. ``holidays`` are
    the plan's school holidays, which 暑假 and 寒假 need; ``day_parts`` the clock times of 上午,
    下午 and 晚上. A plan spanning years must say which year a *when* that happens once is in
    (``2013年3月``); what comes round every year needs none (``每年3月``, ``每季度``,
    ``十二五期间``). ``str()`` of any result parses back to an equal value in its years;
    :func:`qualified` does so in any plan that holds them. A refused *when* carries the likely
    intended spelling as its problem's ``suggestion``.
    """
    check_arguments(
        parse_when,
        text=text,
        year=year,
        last_year=last_year,
        holidays=holidays,
        day_parts=day_parts,
    )
    _check_year(year)
    last = year if last_year is None else last_year
    _check_year(last)
    if last < year:
        raise _fail("span-order", first=f"{year}年", last=f"{last}年")
    raw, text = text, _normalise(text)
    if not text:
        raise _fail("bad-when", value=raw, examples=_examples(year, last))
    try:
        return _parse(text, raw, year, last, holidays, day_parts)
    except PlanError as exc:
        if exc.problems[0].code not in ("bad-when", "needs-year", "not-a-month", "bad-date"):
            raise
        suggestion = _suggest(text, year, last, holidays, day_parts)
        params = {**exc.problems[0].params, "examples": _examples(year, last)}
        code = exc.problems[0].code
        if suggestion is not None:
            params["suggestion"] = suggestion
            code = {"bad-when": "bad-when-close", "needs-year": "needs-year-close"}.get(code, code)
        raise PlanError([Problem("", code, params)]) from None


def _parse_one(
    text: str, raw: str, year: int, holidays: Sequence[SchoolHoliday], parts: DayParts
) -> When:
    """``text`` (normalised) in the single year ``year``."""
    if match := _RE_RECURRENCE.fullmatch(text):
        session_text, rule, exdates = match.groups()
        session = _parse_session(session_text, year)
        if session is None:
            raise _fail(
                "bad-when", value=raw, examples="'2021-03-01T16:30/PT1H RRULE:FREQ=WEEKLY;COUNT=10'"
            )
        days = []
        for item in (exdates or "").replace(" ", "").split(","):
            if item:
                if not re.fullmatch(r"\d{8}", item):
                    raise _fail("bad-when", value=item, examples="'EXDATE:20210405,20210503'")
                days.append(_iso_day((item[:4], item[4:6], item[6:]), year))
        return Recurrence(session.start, session.duration, rule, tuple(days))
    if session := _parse_session(text, year):
        return session
    if match := _RE_ISO_DAY_RANGE.fullmatch(text):
        g = match.groups()
        return DayRange(_iso_day(g[:3], year), _iso_day(g[3:], year))
    if match := _RE_ISO_DAY.fullmatch(text):
        return Day(_iso_day(match.groups(), year))
    if match := _RE_ISO_MONTH_SPAN.fullmatch(text):
        g = match.groups()
        return MonthSpan(year, _iso_month(g[:2], year), _iso_month(g[2:], year))
    if match := _RE_ISO_MONTH.fullmatch(text):
        return Month(year, _iso_month(match.groups(), year))
    if match := _RE_MONTH.fullmatch(text):
        return Month(year, int(match.group(1)))
    if match := _RE_MONTH_SPAN.fullmatch(text):
        return MonthSpan(year, int(match.group(1)), int(match.group(2)))
    if match := _RE_MONTH_PART.fullmatch(text):
        return MonthPart(year, int(match.group(1)), _PARTS[match.group(2).removeprefix("月")])
    if match := _RE_DAY.fullmatch(text):
        return Day(_day(year, int(match.group(1)), int(match.group(2))))
    if match := _RE_DAY_RANGE.fullmatch(text):
        m1, d1, m2, d2 = match.groups()
        return DayRange(_day(year, int(m1), int(d1)), _day(year, int(m2 or m1), int(d2)))
    if (match := _RE_DEADLINE.fullmatch(text)) and (
        due := _parse_deadline_target(match.group(1), year)
    ):
        if due.year != year:
            raise _fail("outside-year", value=due.isoformat(), year=year)
        return Deadline(due)
    if text in ("年底", "年末"):
        return MonthPart(year, 12, Part.END)
    if found := _parse_recurring(text, raw, year, year, holidays, parts):
        return found
    if match := _RE_ACROSS.fullmatch(text):
        return _parse_across(match, raw, year, holidays, parts)
    if found := _parse_new_forms(text, year, holidays):
        return found
    raise _fail("bad-when", value=raw, examples=_EXAMPLES)
