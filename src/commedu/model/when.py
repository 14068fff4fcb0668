"""*When* an activity happens: the closed family of precisions a 配档表 mixes.

A real schedule says "4月", "7-8月", "4月下旬", "5月前", "3月8日", or gives a timed session or a
weekly recurrence. Each is its own frozen type so that consumers (calendars, rules, a future
ledger) can ``match`` on it instead of re-parsing text, and each knows the dates it covers.
"""

from __future__ import annotations

import calendar
import enum
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import TypeAlias
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs
from dateutil.rrule import rrule, rrulestr

from commedu._typecheck import check_arguments
from commedu.errors import PlanError, Problem
from commedu.model.fieldcheck import sequence, type_checked

__all__ = [
    "DEFAULT_ZONE",
    "DateSpan",
    "Day",
    "DayRange",
    "Deadline",
    "Month",
    "MonthPart",
    "MonthSpan",
    "Part",
    "Recurrence",
    "Session",
    "When",
    "parse_when",
]

DEFAULT_ZONE = ZoneInfo("Asia/Shanghai")

_EXAMPLES = (
    "'4月', '7-8月', '4月下旬', '4月底', '5月前', '3月8日', '2021-03-08', '2021-03-08/2021-03-14'"
)


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


@attrs.frozen(order=True, field_transformer=type_checked)
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


@attrs.frozen(field_transformer=type_checked)
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


@attrs.frozen(field_transformer=type_checked)
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


@attrs.frozen(field_transformer=type_checked)
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


@attrs.frozen(field_transformer=type_checked)
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


@attrs.frozen(field_transformer=type_checked)
class Day:
    """One whole day: ``3月8日``."""

    date: date

    @property
    def span(self) -> DateSpan:
        return DateSpan(self.date, self.date)

    def __str__(self) -> str:
        return _chinese_day(self.date)


@attrs.frozen(field_transformer=type_checked)
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


_DURATION = re.compile(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")


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


@attrs.frozen(field_transformer=type_checked)
class Session:
    """A timed session in a named zone: ``2021-03-08T14:30/PT2H`` (Asia/Shanghai unless given)."""

    start: datetime
    duration: timedelta

    def __attrs_post_init__(self) -> None:
        _zone_of(self.start)
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


def _sorted_days(days: Iterable[date]) -> tuple[date, ...]:
    items = sequence(days)
    if isinstance(items, tuple) and all(type(day) is date for day in items):
        return tuple(sorted(set(items)))
    return items  # not days: the field's type check names it


@attrs.frozen(field_transformer=type_checked)
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
        _check_duration(self.duration)
        normal = _normalise_rule(self.rule, self.start)
        object.__setattr__(self, "rule", normal)
        keys = {p.partition("=")[0] for p in normal.split(";")}
        if "DTSTART" in keys:
            raise _fail(
                "bad-rrule", value=self.rule, reason="DTSTART belongs in the start, not the rule"
            )
        try:
            parsed = rrulestr(normal, dtstart=self.start)
        except (ValueError, TypeError) as exc:
            raise _fail("bad-rrule", value=self.rule, reason=str(exc)) from None
        if not keys & {"UNTIL", "COUNT"}:
            raise _fail("unbounded-rrule", value=normal)
        if not isinstance(parsed, rrule) or not self.occurrences():
            raise _fail("empty-rrule", value=normal, year=self.start.year)

    def rrule(self) -> rrule:
        parsed = rrulestr(self.rule, dtstart=self.start)
        assert isinstance(parsed, rrule)
        return parsed

    def occurrences(self) -> tuple[datetime, ...]:
        """Every start time the rule gives, without the excluded days."""
        return self._occurrences

    @functools.cached_property
    def _occurrences(self) -> tuple[datetime, ...]:
        # Rules and calendars ask for the span of every activity many times; a daily rule has
        # hundreds of occurrences, so they are expanded once per value.
        excluded = set(self.exdates)
        return tuple(
            dt for dt in rrulestr(self.rule, dtstart=self.start) if dt.date() not in excluded
        )

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


When: TypeAlias = Month | MonthSpan | MonthPart | Deadline | Day | DayRange | Session | Recurrence
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

_RE_MONTH = re.compile(_M)
_RE_MONTH_SPAN = re.compile(rf"(\d{{1,2}})\s*月?{_DASH}{_M}")
_RE_MONTH_PART = re.compile(rf"{_M}\s*(上旬|中旬|下旬|月?底|月?末)")
_RE_DAY = re.compile(rf"{_M}\s*{_D}")
_RE_DAY_RANGE = re.compile(rf"{_M}\s*(\d{{1,2}})\s*[日号]?{_DASH}(?:{_M}\s*)?{_D}")
_RE_ISO_DAY = re.compile(_ISO_DAY)
_RE_ISO_DAY_RANGE = re.compile(rf"{_ISO_DAY}\s*/\s*{_ISO_DAY}")
_RE_ISO_MONTH = re.compile(_ISO_MONTH)
_RE_ISO_MONTH_SPAN = re.compile(rf"{_ISO_MONTH}\s*/\s*{_ISO_MONTH}")
_RE_DEADLINE = re.compile(r"(.+?)\s*(?:之前|以前|前)(?:完成)?")
_RE_SESSION = re.compile(
    r"(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2})?)\s*/\s*(P[0-9DTHMS]+)(?:\[([^\]]+)\])?"
)
_RE_SESSION_ZH = re.compile(rf"(?:{_M}\s*{_D}|{_ISO_DAY})\s*{_TIME}{_DASH}{_TIME}")
_RE_RECURRENCE = re.compile(r"(\S+)\s+RRULE:(\S+)(?:\s+EXDATE:([\d,\s]+))?", re.IGNORECASE)


def _normalise(text: str) -> str:
    # NFKC folds full-width digits, colons and slashes that Chinese input methods produce.
    return unicodedata.normalize("NFKC", text).strip()


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
    except (ZoneInfoNotFoundError, ValueError):
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


def parse_when(text: str, year: int) -> When:
    """Read a schedule's *when* in the plan year ``year``.

    Accepts the Chinese spellings of 配档表 (``4月``, ``7-8月``, ``4月下旬``, ``4月底``, ``5月前``,
    ``3月8日``, ``3月8日-14日``, ``3月8日 14:30-16:30``) and ISO 8601 (``2021-03``, ``2021-03-08``,
    ``2021-03-08/2021-03-14``, ``2021-03-08T14:30/PT2H[Asia/Shanghai]``), and a recurrence as a
    session followed by ``RRULE:…`` and optionally ``EXDATE:…``. ``str()`` of any result parses back
    to an equal value.
    """
    check_arguments(parse_when, text=text, year=year)
    _check_year(year)
    raw = text
    text = _normalise(text)
    if not text:
        raise _fail("bad-when", value=raw, examples=_EXAMPLES)
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
    raise _fail("bad-when", value=raw, examples=_EXAMPLES)
