"""The *when*s that happen once within a plan year: months, parts of months, days, named periods,
weeks of a month and occasions, and the span of days every *when* covers.
"""

from __future__ import annotations

import calendar
import enum
import unicodedata
from datetime import date, timedelta

import attrs

from commedu.errors import PlanError, Problem
from commedu.model.fieldcheck import define

__all__ = [
    "NEAR",
    "DateSpan",
    "Day",
    "DayRange",
    "Deadline",
    "LabelledDay",
    "MixedSpan",
    "Month",
    "MonthPart",
    "MonthSpan",
    "NamedPeriod",
    "Occasion",
    "Part",
    "Period",
    "Relation",
    "SchoolHoliday",
    "WeekOfMonth",
    "YearSpan",
]


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


class Relation(enum.Enum):
    """How a *when* stands to an occasion: on it, before it, around it, or during it."""

    ON = ""
    BEFORE = "前"
    AROUND = "前后"
    DURING = "期间"


#: 前 and 前后 reach this far from the occasion.
NEAR = timedelta(days=7)


@define
class SchoolHoliday:
    """A school holiday as the township's plan states it: ``暑假`` from 7 July to 31 August.

    School calendars are set by each county's education bureau, so commedu never guesses them.
    """

    name: str  #: 暑假, 寒假, or any name the plan uses
    first: date
    last: date

    def __attrs_post_init__(self) -> None:
        if self.first > self.last:
            raise PlanError(
                [Problem("last", "span-order", {"first": self.first, "last": self.last})]
            )


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
