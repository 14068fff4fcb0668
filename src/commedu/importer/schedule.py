"""The 配档表: which table it is, what its columns mean, and the items in its cells.

Columns are found by the words in their header (月份, 工作安排, 责任部门 …), never by position,
so a table with extra or reordered columns reads the same way. A month cell merged across rows
arrives in every row it covers (see :mod:`commedu.importer.document`); an empty one in a text
file means "as above" for the same reason. A work cell numbers its items 1. 2. 3.; each becomes
one scheduled activity with the row's *when* and departments.

A plan without such a table may write its schedule as paragraphs that begin with a month
(``3月，开展…``, ``9月：…``, or ``10月份：`` with numbered items under it); each becomes an item
the same way, and the draft says the schedule was read from the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from commedu.errors import PlanError
from commedu.importer.document import Cell, Paragraph, Table, Where
from commedu.importer.notes import Note
from commedu.model.fieldcheck import define, mutable
from commedu.model.when import parse_when

__all__ = ["ActivityDraft", "ScheduleDraft", "find_schedule", "split_items", "split_names"]

#: header words -> column role; the first role whose word the header holds wins
_ROLES: tuple[tuple[str, str], ...] = (
    ("完成时限", "deadline"),
    ("时限", "deadline"),
    ("完成时间", "deadline"),
    ("月份", "when"),
    ("时间", "when"),
    ("日期", "when"),
    ("月", "when"),
    ("配合", "partner"),
    ("协助", "partner"),
    ("牵头", "lead"),
    ("责任", "lead"),
    ("部门", "lead"),
    ("单位", "lead"),
    ("工作安排", "work"),
    ("工作内容", "work"),
    ("内容", "work"),
    ("安排", "work"),
    ("任务", "work"),
    ("工作", "work"),
    ("活动", "work"),
    ("项目", "work"),
)
_NAME_SEPARATORS = re.compile(r"[、，,；;/\s]+")
_TRAILING = "；;。，,、 \n\t"
_WHEN_IN_TITLE = re.compile(r"(.+?)\s*[（(]([^（）()]+)[）)]")
#: a paragraph that begins with a month: its *when* and the rest (``3月，开展…``, ``9月：…``)
_MONTH_LINE = re.compile(
    r"\s*(\d{1,2}(?:\s*[-—–~～至到]\s*\d{1,2})?\s*月份?(?:上旬|中旬|下旬|初|底|中|前)?)"
    r"\s*[，,：:、]\s*(.*)",
    re.DOTALL,
)
_NUMBERED = re.compile(r"\s*\d{1,2}\s*[.．、](?!\d)")
#: a year in no plan, for checking *when* text whose plan year the document does not give;
#: a leap year, so 2月29日 is not refused for want of the real year
_ANY_YEAR = 2000


@define
class ActivityDraft:
    id: str
    title: str
    when: str
    responsible: tuple[str, ...]
    description: str
    where: Where
    notes: tuple[Note, ...] = ()


@define
class ScheduleDraft:
    title: str
    activities: tuple[ActivityDraft, ...]
    departments: tuple[str, ...]  #: every name the table uses, in order of first use
    used: frozenset[Where]  #: the blocks (tables and their title) the schedule took
    columns: tuple[tuple[str, str], ...]  #: each header as printed, and the role it was read as
    leftovers: tuple[Cell, ...]  #: cells the schedule could not place, kept for comments
    notes: tuple[Note, ...]


def _role(header: str) -> str:
    words = re.sub(r"\s+", "", header)
    return next((role for word, role in _ROLES if word in words), "other")


def _columns(row: Sequence[Cell]) -> dict[int, str] | None:
    roles = {i: _role(cell.text) for i, cell in enumerate(row)}
    found = set(roles.values())
    if "work" in found and found & {"when", "deadline"}:
        return roles
    return None


def split_names(text: str) -> list[str]:
    """The bodies a 责任部门 cell names, as printed (``各职能部门、社区教育中心`` -> two)."""
    return [n.strip(_TRAILING) for n in _NAME_SEPARATORS.split(text) if n.strip(_TRAILING)]


def split_items(text: str) -> list[str]:
    """The items of a work cell numbered 1. 2. 3. …, found in sequence so that other digits
    (建党100周年, 7-8月) never split one; a cell without numbers is one item."""
    starts: list[tuple[int, int]] = []
    position = 0
    # A cell may go on from the row above (3. after a merged month's 1. and 2.).
    first = re.match(r"\s*(\d{1,2})\s*[.．、](?!\d)", text)
    number = int(first.group(1)) if first else 1
    while match := re.compile(rf"(?<!\d){number}\s*[.．、](?!\d)").search(text, position):
        starts.append((match.start(), match.end()))
        position = match.end()
        number += 1
    if not starts or text[: starts[0][0]].strip(_TRAILING):
        starts.insert(0, (0, 0))
    pieces = []
    for i, (_, body_start) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        if piece := text[body_start:end].strip(_TRAILING):
            pieces.append(re.sub(r"\s*\n\s*", "", piece))
    return pieces


def _parses(text: str, year: int | None) -> bool:
    try:
        parse_when(text, year or _ANY_YEAR)
    except PlanError:
        return False
    return True


def _month_key(text: str) -> int | None:
    match = re.search(r"(\d{1,2})\s*月", text)
    return int(match.group(1)) if match and 1 <= int(match.group(1)) <= 12 else None


@mutable
class _Reader:
    year: int | None
    activities: list[ActivityDraft] = attrs.Factory(list)
    departments: list[str] = attrs.Factory(list)
    leftovers: list[Cell] = attrs.Factory(list)
    notes: list[Note] = attrs.Factory(list)
    counts: dict[str, int] = attrs.Factory(dict)
    first_use: dict[str, Where] = attrs.Factory(dict)

    def _id(self, row_when: str) -> str:
        month = _month_key(row_when)
        key = f"m{month:02d}" if month else "item"
        self.counts[key] = self.counts.get(key, 0) + 1
        return f"{key}-{self.counts[key]}"

    def table(self, table: Table, roles: dict[int, str], header: int) -> None:
        headers = [re.sub(r"\s+", "", cell.text) for cell in table.rows[header]]
        previous_when = ""
        for row in table.rows[header + 1 :]:
            if not any(cell.text for cell in row):
                continue  # an empty row holds nothing to keep
            if len({cell.text for cell in row}) == 1:
                # One cell across the whole row: a banner (第一季度 …), not an item.
                self.leftovers.append(row[0])
                self.notes.append(Note(row[0].where, "note-row-banner", {"text": row[0].text}))
                continue
            by_role: dict[str, list[tuple[str, Cell]]] = {}
            for i, cell in enumerate(row):
                if cell.text:
                    label = headers[i] if i < len(headers) else ""
                    by_role.setdefault(roles.get(i, "other"), []).append((label, cell))
            whens = by_role.get("when", []) + by_role.get("deadline", [])
            row_when = whens[0][1].text if whens else ""
            row_notes: list[Note] = []
            if not row_when and previous_when:
                row_when = previous_when
                row_notes.append(Note(row[0].where, "note-when-above", {"when": row_when}))
            previous_when = row_when
            names: list[str] = []
            for _, cell in by_role.get("lead", []) + by_role.get("partner", []):
                for name in split_names(cell.text):
                    if name not in names:
                        names.append(name)
                    if name not in self.departments:
                        self.departments.append(name)
                        self.first_use[name] = cell.where
            # A second time column (完成时限 beside 月份) and unknown columns go to the description.
            extra = "；".join(
                f"{label}：{cell.text}" if label else cell.text
                for label, cell in whens[1:] + by_role.get("other", [])
            )
            work = by_role.get("work", [])
            if not work:
                self.leftovers.extend(cell for cell in row if cell.text)
                self.notes.append(Note(row[0].where, "note-row-empty"))
                continue
            if not names:
                row_notes.append(Note(work[0][1].where, "note-no-department"))
            if extra:
                row_notes.append(Note(work[0][1].where, "note-extra-columns", {"text": extra}))
            for _, cell in work:
                self._items(cell, row_when, tuple(names), extra, row_notes)

    def _items(
        self, cell: Cell, row_when: str, names: tuple[str, ...], extra: str, row_notes: list[Note]
    ) -> None:
        for item in split_items(cell.text):
            when, title = row_when, item
            notes = list(row_notes)
            if (match := _WHEN_IN_TITLE.fullmatch(item)) and _parses(match.group(2), self.year):
                title, when = match.group(1).strip(), match.group(2).strip()
                notes.append(Note(cell.where, "note-when-in-title", {"title": title, "when": when}))
            # Kept as written either way; the clerk is told what no parser reads yet.
            if not (when and _parses(when, self.year)):
                notes.append(Note(cell.where, "note-when-refused", {"when": when, "title": title}))
            self.activities.append(
                ActivityDraft(
                    self._id(row_when), title, when, names, extra, cell.where, tuple(notes)
                )
            )


def _paragraphs(reader: _Reader, blocks: Sequence[Paragraph | Table]) -> set[Where]:
    """Items from paragraphs that begin with a month; the paragraphs taken."""
    used: set[Where] = set()
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    i = 0
    while i < len(paragraphs):
        paragraph = paragraphs[i]
        i += 1
        match = _MONTH_LINE.fullmatch(paragraph.text)
        month = _month_key(match.group(1)) if match else None
        if match is None or month is None:
            continue
        when, body = re.sub(r"\s+", "", match.group(1)), match.group(2).strip()
        used.add(paragraph.where)
        cells = [Cell(body, paragraph.where)] if body else []
        # 10月份： alone on its line, then its items numbered 1. 2. in the paragraphs below
        while not body and i < len(paragraphs) and _NUMBERED.match(paragraphs[i].text):
            cells.append(Cell(paragraphs[i].text, paragraphs[i].where))
            used.add(paragraphs[i].where)
            i += 1
        for cell in cells:
            notes = [Note(cell.where, "note-no-department")]
            reader._items(cell, when, (), "", notes)
    return used


def _header(table: Table) -> tuple[int, dict[int, str]] | None:
    for index, row in enumerate(table.rows[:3]):
        if (roles := _columns(row)) is not None:
            return index, roles
    return None


def find_schedule(blocks: Sequence[Paragraph | Table], year: int | None) -> ScheduleDraft:
    """The 配档表 items of every table whose header names a *when* and a work column."""
    reader = _Reader(year)
    used: set[Where] = set()
    columns: list[tuple[str, str]] = []
    title = ""
    for i, block in enumerate(blocks):
        if not isinstance(block, Table):
            continue
        found = _header(block)
        if found is None:
            reader.leftovers.extend(c for row in block.rows for c in row if c.text)
            reader.notes.append(Note(block.where, "note-table-unknown"))
            used.add(block.where)
            continue
        used.add(block.where)
        header, roles = found
        before = blocks[i - 1] if i else None
        if isinstance(before, Paragraph) and not title and _is_title(before.text):
            title = before.text
            used.add(before.where)
        # Rows above the header: the table's own title in a merged row, or text to keep.
        for row in block.rows[:header]:
            for text, cell in {c.text: c for c in row if c.text}.items():
                if not title and _is_title(text):
                    title = text
                else:
                    reader.leftovers.append(cell)
        reader.table(block, roles, header)
        columns.extend(
            (cell.text, roles[j]) for j, cell in enumerate(block.rows[header]) if cell.text
        )
    if not any(isinstance(b, Table) and _header(b) for b in blocks):
        taken = _paragraphs(reader, blocks)
        if taken:
            used |= taken
            first = min(taken, key=lambda w: (w.paragraph, w.line))
            reader.notes.append(
                Note(first, "note-schedule-paragraphs", {"count": len(reader.activities)})
            )
        else:
            reader.notes.append(Note(Where(), "note-no-schedule"))
    # 志愿者 and 志愿者队伍 may be one body; only the clerk knows, so the draft asks.
    for i, name in enumerate(reader.departments):
        for other in reader.departments[:i]:
            if name in other or other in name:
                where = reader.first_use[name]
                reader.notes.append(Note(where, "note-alias", {"name": name, "other": other}))
    return ScheduleDraft(
        title,
        tuple(reader.activities),
        tuple(reader.departments),
        frozenset(used),
        tuple(columns),
        tuple(reader.leftovers),
        tuple(reader.notes),
    )


def _is_title(text: str) -> bool:
    """A table's title: 配档表, 进度表, or a 工作安排 (重点工作安排, 暑期活动安排)."""
    return text.endswith(("表", "安排")) or "配档" in text
