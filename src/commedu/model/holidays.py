"""Mainland China's statutory holidays and make-up working days (调休), year by year.

The State Council announces each year's arrangement late in the year before, and a make-up
Saturday is a working day like any Monday. We take the arrangement from the ``holidays``
package rather than keep our own table: it is maintained year by year, in Chinese and English.
A year whose arrangement the package does not know yet is ``None`` here, so a rule says
"not evaluable" instead of guessing.

A period that ends on a day off ends on the next working day instead (:func:`period_end`), as
the Civil Code counts periods (民法典 第二百零三条).
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, timedelta

from commedu.model.fieldcheck import define
from commedu.model.text import Text

__all__ = ["Break", "HolidayYear", "PeriodEnd", "holiday_year", "period_end"]

#: The years the package's table of mainland China's holidays covers.
_FIRST_YEAR, _LAST_YEAR = 1950, 2100

#: The most days off in a row a period's end is moved over (the longest break is nine days).
_MOST_DAYS_OFF = 31

#: "春节（补假）", "Spring Festival (observed)": the holiday's own name is what comes first.
_QUALIFIER = re.compile(r"\s*[（(].*$")


@define
class Break:
    """A run of days off: a statutory holiday with its days in lieu and the weekend inside it."""

    first: date
    last: date
    name: Text  #: 春节, Spring Festival

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


@define
class HolidayYear:
    """One year's arrangement: its breaks and the weekend days worked in their place."""

    year: int
    breaks: tuple[Break, ...]
    workdays: tuple[date, ...]  #: weekend days that are working days (调休上班)

    def break_on(self, day: date) -> Break | None:
        """The break ``day`` falls in, if any."""
        return next((b for b in self.breaks if day in b), None)

    def is_working_day(self, day: date) -> bool:
        """A weekday outside every break, or a make-up weekend day."""
        if day in self.workdays:
            return True
        return day.weekday() < 5 and self.break_on(day) is None


@define
class PeriodEnd:
    """The last day of a period as the law counts it: its own last day, or the next working day.

    ``unknown`` are the years whose arrangement is not known yet: only their weekends were
    taken as days off, so a statutory holiday in them was not seen.
    """

    day: date
    unknown: tuple[int, ...] = ()


def period_end(last: date) -> PeriodEnd:
    """When a period whose last day is ``last`` ends (民法典 第二百零三条).

    期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日: a period whose last
    day is a statutory holiday, or a weekend day that is not a make-up working day, runs to the
    next working day; a make-up Saturday is a working day and moves nothing.
    """
    if not isinstance(last, date):
        raise TypeError(f"period_end() argument 'last' must be date, not {type(last).__name__}")
    day = last.date() if isinstance(last, datetime) else last
    unknown: dict[int, None] = {}
    for _ in range(_MOST_DAYS_OFF):
        arrangement = holiday_year(day.year)
        if arrangement is None:
            unknown[day.year] = None
            working = day.weekday() < 5
        else:
            working = arrangement.is_working_day(day)
        if working or day == date.max:
            break
        day += timedelta(days=1)
    return PeriodEnd(day, tuple(unknown))


def holiday_year(year: int) -> HolidayYear | None:
    """The arrangement of ``year``, or ``None`` while it is not known."""
    if not isinstance(year, int) or isinstance(year, bool):
        raise TypeError(f"holiday_year() argument 'year' must be int, not {type(year).__name__}")
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        return None
    return _holiday_year(year)


@functools.cache
def _holiday_year(year: int) -> HolidayYear | None:
    import holidays  # loaded by the few commands that ask: it holds every country's calendar

    zh = holidays.country_holidays("CN", years=year, language="zh_CN")
    en = holidays.country_holidays("CN", years=year, language="en_US")
    workdays = tuple(sorted(d for d in zh.weekend_workdays if d.year == year))
    in_lieu = [d for d, name in zh.items() if d.year == year and "调休" in name]
    if not workdays and not in_lieu:
        return None  # the arrangement (which weekend days are worked) is not published yet
    days_off = {d for d in zh if d.year == year}
    return HolidayYear(year, _breaks(days_off, set(workdays), zh, en), workdays)


def _breaks(
    days_off: set[date], workdays: set[date], zh: dict[date, str], en: dict[date, str]
) -> tuple[Break, ...]:
    runs: list[list[date]] = []
    for day in sorted(days_off):
        if runs and _bridged(runs[-1][-1], day, workdays):
            runs[-1].append(day)
        else:
            runs.append([day])
    breaks = []
    for run in runs:
        named = [d for d in run if "调休" not in zh[d]] or run  # a rest day in lieu names nothing
        breaks.append(
            Break(
                _weekend_before(run[0], workdays),
                _weekend_after(run[-1], workdays),
                Text(_name(en[named[0]]), _name(zh[named[0]])),
            )
        )
    return tuple(breaks)


def _bridged(last: date, day: date, workdays: set[date]) -> bool:
    """Whether only weekend days off stand between two days off."""
    between = (last + timedelta(days=n) for n in range(1, (day - last).days))
    return all(d.weekday() >= 5 and d not in workdays for d in between)


def _weekend_before(first: date, workdays: set[date]) -> date:
    while (before := first - timedelta(days=1)).weekday() >= 5 and before not in workdays:
        first = before
    return first


def _weekend_after(last: date, workdays: set[date]) -> date:
    while (after := last + timedelta(days=1)).weekday() >= 5 and after not in workdays:
        last = after
    return last


def _name(text: str) -> str:
    return _QUALIFIER.sub("", text) or text
