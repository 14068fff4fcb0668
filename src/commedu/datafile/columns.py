"""The columns a ledger sheet has, in one place, so the writer and the reader cannot disagree.

Headers are bilingual (``日期 Date``) so one workbook serves a clerk and a reader of English.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache
from typing import Any

from commedu.model.fieldcheck import define
from commedu.model.plan import Plan

__all__ = [
    "ABOUT_SHEET",
    "EXPENSE_COLUMNS",
    "LISTS_SHEET",
    "MONEY_SHEET",
    "PLANNED_SHEET",
    "RECORDS_SHEET",
    "RECORD_COLUMNS",
    "Column",
    "Refusal",
    "activity_choices",
    "cell_count",
    "cell_date",
    "cell_record_id",
    "cell_time",
    "csv_cell",
    "csv_text",
    "display_width",
    "split_list",
]


@define
class Column:
    key: str  #: the field in TOML/JSON ledgers
    zh: str
    en: str

    @property
    def header(self) -> str:
        return f"{self.zh} {self.en}"


RECORDS_SHEET = "台账 Records"
PLANNED_SHEET = "计划工作 Planned"
MONEY_SHEET = "人员经费 Staff and money"
ABOUT_SHEET = "说明 About"
LISTS_SHEET = "选项 Lists"
#: The About sheet's rows 5 to 7: the year's head counts (人数), which records cannot sum.
REACH_LABELS = (
    "服务人数 Persons served",
    "经常参与的老年人数 Elders taking part",
    "60岁及以上老年人口 Elder population",
)

RECORD_COLUMNS: tuple[Column, ...] = (
    Column("id", "记录编号", "Record"),
    Column("activity", "计划工作", "Planned activity"),
    Column("title", "活动名称", "Title as held"),
    Column("dates", "日期", "Dates"),
    Column("start", "开始时间", "Start"),
    Column("end", "结束时间", "End"),
    Column("place", "地点", "Place"),
    Column("organiser", "组织部门", "Organiser"),
    Column("participants", "参与人次", "Participants"),
    Column("elders", "其中老年人", "Of whom elders"),
    Column("target_group", "对象", "Target group"),
    Column("lecturer", "授课人", "Lecturer"),
    Column("evidence", "佐证材料", "Evidence"),
    Column("notes", "备注", "Notes"),
)

EXPENSE_COLUMNS: tuple[Column, ...] = (
    Column("on", "日期", "Date"),
    Column("amount", "金额（元）", "Amount (yuan)"),
    Column("purpose", "用途", "Purpose"),
)

PLANNED_COLUMNS: tuple[Column, ...] = (
    Column("id", "编号", "Id"),
    Column("title", "工作内容", "Activity"),
    Column("when", "时间", "When"),
    Column("responsible", "责任部门", "Responsible"),
    Column("station", "工作站", "Station"),
)

_SEPARATORS = ("；", ";", "、", "，", ",", "\n")


def split_list(text: str) -> list[str]:
    """Items of a cell that lists several: separated by ；、，, or a new line, as clerks write them."""
    parts = [text]
    for sep in _SEPARATORS:
        parts = [piece for part in parts for piece in part.split(sep)]
    return [p.strip() for p in parts if p.strip()]


def join_list(items: Iterable[str]) -> str:
    return "；".join(items)


#: What a spreadsheet takes as the start of a formula when it opens a CSV file (OWASP's list).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet shows as text, never runs as a formula.

    A cell that would start a formula gets a leading ``'``, as OWASP advises; so does one that
    already starts with ``'`` before such a character, so that :func:`csv_text` gives every
    text back exactly.
    """
    return "'" + text if text.lstrip("'")[:1] in _FORMULA_STARTS and text else text


def csv_text(cell: str) -> str:
    """The text a CSV cell written by :func:`csv_cell` holds.

    Only a ``'`` before a formula's first character is taken away, which a spreadsheet does not
    show either; any other cell is its text as it stands.
    """
    return cell[1:] if cell.startswith("'") and cell.lstrip("'")[:1] in _FORMULA_STARTS else cell


# -- cells as clerks type them ---------------------------------------------------------------------
# One reader of cell values for every ledger kind: a workbook's cells arrive typed (numbers,
# dates, times), a CSV sheet's as text; both take the spellings below.


@define
class Refusal:
    """Why a cell's value was not taken: a message code and its parameters (the value, a hint)."""

    code: str
    params: Mapping[str, Any]


#: Full-width digits and punctuation, as a Chinese input method types them, to their ASCII form.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．／－：　", "0123456789./-: ")

_YMD = re.compile(r"(\d{4})([-./])(\d{1,2})\2(\d{1,2})")
#: What a spreadsheet adds to a date cell it saves as text: the midnight of that day.
_MIDNIGHT = re.compile(r"[ T]0?0:00(?::00)?$")
_YMD_ZH = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]?")
_MD_ZH = re.compile(r"(\d{1,2})月(\d{1,2})[日号]?")
_MD = re.compile(r"(\d{1,2})[./](\d{1,2})")


def _day(year: int | str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _date_text(text: str, year: int) -> date | None:
    text = _MIDNIGHT.sub("", text.translate(_FULL_WIDTH)).replace(" ", "")
    if found := _YMD.fullmatch(text):
        return _day(found[1], found[3], found[4])
    if found := _YMD_ZH.fullmatch(text):
        return _day(*found.groups())
    if found := _MD_ZH.fullmatch(text) or _MD.fullmatch(text):
        return _day(year, *found.groups())
    if text.isascii() and text[:4].isdigit():  # the ISO forms a program writes: 20210305
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    return None


def cell_date(value: Any, year: int) -> date | Refusal:
    """One date as a clerk types it in a cell, in the plan's ``year`` when it names none.

    Taken: a spreadsheet's date or date-and-time cell; ``2021-03-05``, ``2021-3-5``,
    ``2021.3.5``, ``2021/3/5``, ``2021年3月5日``; and ``3月5日``, ``3.5``, ``3/5`` in ``year``.
    A number cell such as 3.1 is refused: the spreadsheet dropped what followed, so it may have
    been typed 3.1 or 3.10.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float):
        text = repr(value)
        month, _, day = text.partition(".")
        if _MD.fullmatch(text) and len(day) == 1 and _day(year, month, day + "0"):
            one, other = f"{month}月{day}日", f"{month}月{day}0日"
            return Refusal("ledger-ambiguous-date", {"value": value, "one": one, "other": other})
    elif isinstance(value, str) and len(value) <= 40:
        text = value
    else:
        return Refusal("ledger-bad-date", {"value": value})
    found = _date_text(text.strip(), year)
    if found is None:
        return Refusal("ledger-bad-date", {"value": value})
    return found


_CLOCK = re.compile(r"(上午|早上|中午|下午|晚上)?(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?")
_CLOCK_ZH = re.compile(r"(上午|早上|中午|下午|晚上)?(\d{1,2})[点时](?:(半)|(\d{1,2})分?)?")


def cell_time(value: Any) -> time | Refusal:
    """A clock time as a clerk types it: a time cell, ``9:00``, ``9：00``, ``9点``, ``9点半``,
    ``下午2点30分``."""
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value
    text = (value if isinstance(value, str) and len(value) <= 40 else "").translate(_FULL_WIDTH)
    text = text.replace(" ", "")
    hour = minute = second = None
    if found := _CLOCK.fullmatch(text):
        part, hour, minute, second = found[1], int(found[2]), found[3], found[4]
        if minute is None and part is None:  # a bare number is a count, not a time
            hour = None
    elif found := _CLOCK_ZH.fullmatch(text):
        part, hour, minute = found[1], int(found[2]), "30" if found[3] else found[4]
    if hour is None:
        return Refusal("ledger-bad-clock", {"value": value})
    if part in ("下午", "晚上") and 1 <= hour < 12:
        hour += 12
    try:
        return time(hour, int(minute or 0), int(second or 0))
    except ValueError:
        return Refusal("ledger-bad-clock", {"value": value})


#: What clerks write after a head count: 40人, 40 人次, 40名.
_COUNT = re.compile(r"(\d{1,9})\s*(?:人次|人|名)?")


def cell_count(value: Any) -> int | Refusal | None:
    """A head count: a number cell holding a whole number, or text such as ``40`` or ``40人``.

    An empty cell is None. Only ASCII and full-width digits count: ``²`` is a digit to
    :meth:`str.isdigit` but no count.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float | Decimal) and not isinstance(value, bool):
        # A sheet's 3.0 is 3; the bound keeps 1e999999999 from becoming an int.
        number = Decimal(value)
        if number.is_finite() and number.adjusted() < 9 and number == int(number):
            value = int(number)
    if isinstance(value, str) and len(value) <= 40:
        found = _COUNT.fullmatch(value.translate(_FULL_WIDTH).strip())
        if found and found[1].isascii():
            value = int(found[1])
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**9:
        return value
    return Refusal("ledger-bad-count", {"value": value})


def cell_record_id(text: str) -> str:
    """A record number as the model keeps it: ``R01`` and ``r01`` are the same record."""
    return text.lower() if text.isascii() else text


def activity_choices(plan: Plan) -> dict[str, str]:
    """What the workbook's drop-down offers for each planned activity, mapped to its id.

    An activity is offered by its title; a title the plan uses more than once (or one that
    reads as an activity's id) gets the activity's time, ``校外培训机构专项治理（7-8月）``, and
    its id instead where that is still not enough. Every name is different from every other
    and from every id, so a name read back means one activity.
    """
    activities = plan.activities
    ids = {a.id.lower() for a in activities}

    def settle(labels: list[str], better: Callable[[int], str]) -> list[str]:
        seen = Counter(labels)
        return [
            better(i) if seen[label] > 1 or label.lower() in ids else label
            for i, label in enumerate(labels)
        ]

    labels = [a.title.strip() for a in activities]
    labels = settle(labels, lambda i: f"{labels[i]}（{activities[i].when}）")
    labels = settle(labels, lambda i: f"{activities[i].title.strip()}（{activities[i].id}）")
    seen = Counter(labels)
    return {
        (label if seen[label] == 1 else a.id): a.id
        for label, a in zip(labels, activities, strict=True)
    }


@lru_cache(maxsize=4096)
def _wide_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def display_width(text: str) -> int:
    """How many columns ``text`` takes in a spreadsheet: a Chinese character takes two.

    A cell of several lines is as wide as its widest line.
    """
    if "\n" in text:
        return max(display_width(line) for line in text.split("\n"))
    return len(text) if text.isascii() else _wide_width(text)
