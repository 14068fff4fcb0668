"""What comes round within a year without a rule of its own: each month, each quarter or a weekday
(``Repeat``), and a class on given weekdays at a part of the day or a clock time (``Weekly``).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta

import attrs

from commedu.model.fieldcheck import define, sequence
from commedu.model.when.recurrence import MAX_OCCURRENCES, _normalise_rule
from commedu.model.when.sessions import DEFAULT_ZONE
from commedu.model.when.spans import DateSpan, DayRange, _check_year, _chinese_day, _fail

__all__ = ["DEFAULT_DAY_PARTS", "ClockRange", "DayPart", "DayParts", "Every", "Repeat", "Weekly"]


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
