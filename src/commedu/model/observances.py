"""Observances a schedule names instead of a date (春节前后, 学雷锋日, 国庆节期间), computed for any year.

The engine (four kinds of rule) is apart from the data (the table :data:`OBSERVANCES`), as in the
``holidays`` package: adding an observance is one row. Lunar dates and solar terms come from
``lunar_python``, never from astronomy of our own. School holidays differ by township and year, so
they are not computed at all: a plan states them as :class:`SchoolHoliday` data.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date, timedelta

from commedu._typecheck import check_arguments
from commedu.model.fieldcheck import define

# a plan states its school holidays: they are spans of its own, not computed here
from commedu.model.when.spans import SchoolHoliday as SchoolHoliday

__all__ = [
    "OBSERVANCES",
    "Fixed",
    "LunarDay",
    "NthWeekday",
    "Observance",
    "SchoolHoliday",
    "SolarTerm",
    "observance",
    "observance_names",
]


@define
class Fixed:
    """The same Gregorian day every year: 学雷锋日 is 5 March."""

    month: int
    day: int

    def on(self, year: int) -> date:
        return date(year, self.month, self.day)


@define
class NthWeekday:
    """The ``n``-th ``weekday`` (Monday = 0) of a month: 全国助残日 is the third Sunday of May."""

    month: int
    weekday: int
    n: int

    def on(self, year: int) -> date:
        first = date(year, self.month, 1)
        return first + timedelta(days=(self.weekday - first.weekday()) % 7 + 7 * (self.n - 1))


@define
class SolarTerm:
    """One of the 24 solar terms (节气) by its Chinese name: 清明, 秋分."""

    name: str

    def on(self, year: int) -> date:
        # lunar_python takes tens of milliseconds to import; only plans naming a term or a lunar
        # date pay for it (see the lazy names in commedu/__init__.py for the same reason).
        from lunar_python import Solar

        # The term table of the lunar year that holds mid-year has every term of April–October.
        solar = Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable()[self.name]
        return date(solar.getYear(), solar.getMonth(), solar.getDay())


@define
class LunarDay:
    """A day of the Chinese lunar calendar (never a leap month), shifted by ``offset`` days.

    除夕 is the day before 正月初一, so it is ``LunarDay(1, 1, offset=-1)``.
    """

    month: int
    day: int
    offset: int = 0

    def on(self, year: int) -> date:
        from lunar_python import Lunar

        solar = Lunar.fromYmd(year, self.month, self.day).getSolar()
        return date(solar.getYear(), solar.getMonth(), solar.getDay()) + timedelta(self.offset)


Rule = Fixed | NthWeekday | SolarTerm | LunarDay


@define
class Observance:
    """A named day, its other names, how to find it in a year, and how long its 期间 lasts."""

    name: str
    rule: Rule
    aliases: tuple[str, ...] = ()
    days: int = 1  #: the length of 「…期间」, counted from the day itself

    def on(self, year: int) -> date:
        return self.rule.on(year)

    def during(self, year: int) -> tuple[date, date]:
        first = self.on(year)
        return first, first + timedelta(days=self.days - 1)


_MAY, _SEPTEMBER = 5, 9
_SATURDAY, _SUNDAY = calendar.SATURDAY, calendar.SUNDAY

#: Every observance a *when* may name; the first name of each is its canonical spelling.
OBSERVANCES: tuple[Observance, ...] = (
    Observance("元旦", Fixed(1, 1), ("新年",)),
    Observance("除夕", LunarDay(1, 1, offset=-1), ("大年三十",)),
    # 春节期间: 初一 to 初七, the week families keep whatever the year's official rota says.
    Observance("春节", LunarDay(1, 1), ("春节假期",), days=7),
    Observance("元宵节", LunarDay(1, 15), ("元宵",)),
    Observance("学雷锋日", Fixed(3, 5), ("学雷锋纪念日", "雷锋日")),
    Observance("妇女节", Fixed(3, 8), ("三八妇女节", "三八节", "国际妇女节")),
    Observance("植树节", Fixed(3, 12)),
    Observance("清明节", SolarTerm("清明"), ("清明",)),
    Observance("全民国家安全教育日", Fixed(4, 15), ("国家安全教育日",)),
    Observance("世界读书日", Fixed(4, 23), ("读书日",)),
    Observance("劳动节", Fixed(5, 1), ("五一", "五一劳动节", "国际劳动节"), days=5),
    Observance("青年节", Fixed(5, 4), ("五四", "五四青年节")),
    Observance("全国助残日", NthWeekday(_MAY, _SUNDAY, 3), ("助残日",)),
    Observance("端午节", LunarDay(5, 5), ("端午",)),
    Observance("世界环境日", Fixed(6, 5), ("环境日",)),
    Observance("儿童节", Fixed(6, 1), ("六一", "六一儿童节", "国际儿童节")),
    Observance("建党节", Fixed(7, 1), ("七一", "建党纪念日", "党的生日")),
    Observance("建军节", Fixed(8, 1), ("八一", "八一建军节")),
    Observance("教师节", Fixed(9, 10)),
    Observance(
        "全民国防教育日", NthWeekday(_SEPTEMBER, _SATURDAY, 3), ("国防教育日", "全国国防教育日")
    ),
    Observance("秋分", SolarTerm("秋分")),
    # 中国农民丰收节 is set by the State Council on 秋分 each year (2018).
    Observance("中国农民丰收节", SolarTerm("秋分"), ("农民丰收节", "丰收节")),
    Observance("中秋节", LunarDay(8, 15), ("中秋",)),
    Observance("国庆节", Fixed(10, 1), ("国庆", "十一", "国庆假期"), days=7),
    Observance("重阳节", LunarDay(9, 9), ("重阳", "老年节", "敬老节", "老人节")),
    Observance("全国消防日", Fixed(11, 9), ("消防日",)),
    Observance("国家宪法日", Fixed(12, 4), ("宪法日",)),
    Observance("国际志愿者日", Fixed(12, 5), ("志愿者日",)),
)

_BY_NAME: Mapping[str, Observance] = {name: o for o in OBSERVANCES for name in (o.name, *o.aliases)}


def observance(name: str) -> Observance | None:
    """The observance called ``name`` (its own name or another it goes by)."""
    check_arguments(observance, name=name)
    return _BY_NAME.get(name)


def observance_names() -> tuple[str, ...]:
    """Every name an observance goes by, longest first (so 五一劳动节 wins over 五一)."""
    return tuple(sorted(_BY_NAME, key=lambda n: (-len(n), n)))
