"""Reading a *when*: the Chinese spellings of 配档表, their ISO equivalents and the repairs a
refused spelling is offered.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from commedu._typecheck import check_arguments
from commedu.errors import PlanError, Problem
from commedu.model.when.pattern import Pattern
from commedu.model.when.recurrence import Recurrence
from commedu.model.when.sessions import DEFAULT_ZONE, Session, parse_duration
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
    Part,
    Period,
    Relation,
    SchoolHoliday,
    WeekOfMonth,
    YearSpan,
    _check_month,
    _check_year,
    _fail,
    _last_day,
)
from commedu.model.when.weekly import (
    _WEEKDAYS,
    DEFAULT_DAY_PARTS,
    ClockRange,
    DayPart,
    DayParts,
    Every,
    Repeat,
    Weekly,
    _whole_years,
)
from commedu.model.when.years import MAX_YEARS, AcrossYears, When, Yearly, when_year

__all__ = ["SCHOOL_HOLIDAY_NAMES", "parse_when", "qualified"]


# parse_when replaces these with examples in the plan's own year (see _examples).
_EXAMPLES = "'4月', '7-8月', '4月下旬', '4月底', '5月前', '3月8日'"


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

_RE_MONTH = Pattern(_M)
_RE_MONTH_SPAN = Pattern(rf"(\d{{1,2}})\s*月?{_DASH}{_M}")
_RE_MONTH_PART = Pattern(rf"{_M}\s*(上旬|中旬|下旬|月?底|月?末)")
_RE_DAY = Pattern(rf"{_M}\s*{_D}")
_RE_DAY_RANGE = Pattern(rf"{_M}\s*(\d{{1,2}})\s*[日号]?{_DASH}(?:{_M}\s*)?{_D}")
_RE_ISO_DAY = Pattern(_ISO_DAY, needs="-")
_RE_ISO_DAY_RANGE = Pattern(rf"{_ISO_DAY}\s*/\s*{_ISO_DAY}", needs="/")
_RE_ISO_MONTH = Pattern(_ISO_MONTH, needs="-")
_RE_ISO_MONTH_SPAN = Pattern(rf"{_ISO_MONTH}\s*/\s*{_ISO_MONTH}", needs="/")
_RE_DEADLINE = Pattern(r"(.+?)\s*(?:之前|以前|前)(?:完成)?")
_RE_SESSION = Pattern(
    r"(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2})?)\s*/\s*(P[0-9DTHMS]+)(?:\[([^\]]+)\])?",
    needs="/",
)
_RE_SESSION_ZH = Pattern(rf"(?:{_M}\s*{_D}|{_ISO_DAY})\s*{_TIME}{_DASH}{_TIME}", needs=":：")
_RE_RECURRENCE = Pattern(r"(\S+)\s+RRULE:(\S+)(?:\s+EXDATE:([\d,\s]+))?", re.IGNORECASE, needs=":")


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
_RE_QUALIFIED = Pattern(r"(\d{4})\s*年\s*(\S.*)", needs="年")
_RE_WHOLE_YEAR = Pattern(r"(\d{4})\s*年(?:全年|度)?", needs="年")
_RE_YEAR_SPAN = Pattern(rf"(\d{{4}})\s*年?{_DASH}(\d{{4}})\s*年", needs="年")
_RE_MIXED = Pattern(rf"{_M}\s*{_PART_RE}?{_DASH}{_M}\s*{_PART_RE}?")
_RE_WEEK = Pattern(rf"{_M}\s*第\s*([1-6一二三四五六])\s*(?:周|个?星期)")
_RE_REPEAT = Pattern(r"每(?:个)?(月|季度)")
_W = "[一二三四五六日天1-7]"
_WEEK = "(?:周|星期|礼拜)"
_RE_WEEKLY = Pattern(
    rf"(?P<within>.*?)[\s,的]*每个?{_WEEK}"
    rf"(?P<days>{_W}(?:\s*(?:、|,|和|及|与|至|到|-|–|—|~)\s*{_WEEK}?{_W})*)"
    rf"\s*(?P<part>上午|下午|晚上)?\s*(?:{_TIME}{_DASH}{_TIME})?"
)
_RE_WEEKDAY_RANGE = Pattern(rf"({_W})\s*(?:至|到|-|–|—|~)\s*{_WEEK}?({_W})")
#: 每年 once or more (每年每年3月 says it once too often), then what comes round.
_RE_EVERY_YEAR = Pattern(r"(?:每年(?:的)?\s*)+(\S.*)")
_RE_YEARS_PREFIX = Pattern(rf"(\d{{4}})\s*年?{_DASH}(\d{{4}})\s*年\s*(\S.*)", needs="年")
_RE_ACROSS = Pattern(rf"(.+?){_DASH}(?:次年|(\d{{4}})\s*年)\s*(\S.*)")
#: 十一五 … 十五五: the national five-year plans and their years (十二五 is 2011–2015).
_RE_TERM = Pattern(r"[“\"]?十([一二三四五])五[”\"]?(?:规划)?(?:期间|时期)?", needs="五")
_PARTS_OF_DAY = {part.value: part for part in DayPart}
_QUARTERS = {"一": Period.Q1, "二": Period.Q2, "三": Period.Q3, "四": Period.Q4}
_RE_PERIOD = Pattern(r"全年|全年度|上半年|下半年|第?([一二三四1-4])季度")
_RE_LABELLED = Pattern(rf"{_M}\s*{_D}\s*([^\d\s\-–—~～至到:/].*)")
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
        # the table of observances is read only for a text that could name one
        from commedu.model.observances import observance

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
_RE_CN_MONTH = Pattern(
    rf"(?<![第周期每])({_CN})(?=月|\s*(?:至|到|-|–|—|~|～)\s*(?:{_CN}|\d{{1,2}})\s*月)",
    needs="一二三四五六七八九十",
)
_RE_CN_DAY = Pattern(r"(?<=月)([一二三四五六七八九十]{1,3})(?=[日号])", needs="日号")


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
_MONTH_LIST = Pattern(r"(\d)\s*、\s*(\d)")
_REPAIRS = (
    (Pattern(r"(\d{4})[./](\d{1,2})[./](\d{1,2})"), r"\1年\2月\3日"),
    (Pattern(r"(\d{4})[./](\d{1,2})"), r"\1年\2月"),
    (Pattern(r"(\d{1,2})[./](\d{1,2})"), r"\1月\2日"),
    (Pattern(r"(\d{1,2})\s*[,，和及与]\s*(\d{1,2})\s*月"), r"\1-\2月"),
    (Pattern(r"(\d{1,2})\s*(?:-|~|至|到)\s*(\d{1,2})"), r"\1-\2月"),
    (Pattern(r"(\d{1,2})"), r"\1月"),
    (Pattern(r"(\d{1,2})月初"), r"\1月上旬"),
    (Pattern(r"(\d{1,2})月中"), r"\1月中旬"),
    (Pattern(r"(.+?)(?:左右|开展|举行|举办|进行|完成|内|中|间)"), r"\1"),
    (Pattern(r"年初"), "1月"),
    (Pattern(r"年中"), "6月"),
    (Pattern(r"年底前"), "12月底前"),
    (Pattern(r"年底"), "12月底"),
    (Pattern(r"(?:每周|周|星期)([1-7])"), r"每周\1"),
    (Pattern(r"(?:周|星期)([一二三四五六日])"), r"每周\1"),
    (Pattern(r"(?:周|星期)([一二三四五六日天1-7]\S*(?:\s.*)?)"), r"每周\1"),
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
