"""*When*s of a plan that spans years: a span over a year's turn and the same *when* every year, and
the family :data:`When` they close (a yearly *when* holds any other).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeAlias

import attrs

from commedu.model.fieldcheck import define, sequence
from commedu.model.when.recurrence import Recurrence
from commedu.model.when.sessions import Session
from commedu.model.when.spans import (
    DateSpan,
    Day,
    DayRange,
    Deadline,
    LabelledDay,
    MixedSpan,
    Month,
    MonthPart,
    MonthSpan,
    NamedPeriod,
    Occasion,
    WeekOfMonth,
    YearSpan,
    _fail,
)
from commedu.model.when.weekly import Repeat, Weekly

__all__ = ["MAX_YEARS", "AcrossYears", "When", "YearEnd", "Yearly", "when_year"]


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
