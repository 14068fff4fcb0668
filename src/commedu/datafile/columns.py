"""The columns a ledger sheet has, in one place, so the writer and the reader cannot disagree.

Headers are bilingual (``日期 Date``) so one workbook serves a clerk and a reader of English.
"""

from __future__ import annotations

from collections.abc import Iterable

from commedu.model.fieldcheck import define

__all__ = [
    "ABOUT_SHEET",
    "EXPENSE_COLUMNS",
    "LISTS_SHEET",
    "MONEY_SHEET",
    "PLANNED_SHEET",
    "RECORDS_SHEET",
    "RECORD_COLUMNS",
    "Column",
    "csv_cell",
    "csv_text",
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
