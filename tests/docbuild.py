"""Word documents for the importer's tests, made with python-docx as a clerk's Word would save them.

A document is given as a list of parts: a string is a paragraph, a list of rows is a table.
A cell written as ``MERGE_UP`` is merged with the cell above it, ``MERGE_LEFT`` with the cell to
its left, as Word's "merge cells" does. A cell given as a list of rows holds a nested table.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx

#: the namespace of WordprocessingML, for the numbering python-docx has no API to write
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: Word's outline list for a Chinese plan: 一、 then （一） then 1., then bullets (level 3);
#: level 4 is left undefined, as a list that names a level its definition lacks
OUTLINE_LEVELS = (
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
    ("bullet", "●"),
)
OUTLINE_LIST = 90


@dataclass(frozen=True)
class Numbered:
    """A paragraph Word numbers automatically at outline ``level`` (0: 一、, 1: （一）, 2: 1.)."""

    text: str
    level: int


MERGE_UP = "\x00merge-up"
MERGE_LEFT = "\x00merge-left"

Part = str | Numbered | Sequence[Sequence[Any]]


def _add_outline_list(document: Any) -> None:
    from docx.oxml import parse_xml

    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(OUTLINE_LEVELS)
    )
    root = document.part.numbering_part.element
    root.insert(
        0,
        parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{OUTLINE_LIST}">{levels}</w:abstractNum>'
        ),
    )
    root.append(
        parse_xml(
            f'<w:num xmlns:w="{W}" w:numId="{OUTLINE_LIST}"><w:abstractNumId w:val="{OUTLINE_LIST}"/></w:num>'
        )
    )


def build_docx(parts: Sequence[Part]) -> bytes:
    document = docx.Document()
    if any(isinstance(part, Numbered) for part in parts):
        _add_outline_list(document)
    for part in parts:
        if isinstance(part, str):
            document.add_paragraph(part)
            continue
        if isinstance(part, Numbered):
            number = document.add_paragraph(part.text)._p.get_or_add_pPr().get_or_add_numPr()
            number.get_or_add_numId().val = OUTLINE_LIST
            number.get_or_add_ilvl().val = part.level
            continue
        rows = [list(row) for row in part]
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if isinstance(text, list):
                    cell = table.cell(r, c)
                    inner = cell.add_table(rows=len(text), cols=len(text[0]))
                    for i, inner_row in enumerate(text):
                        for j, inner_text in enumerate(inner_row):
                            inner.cell(i, j).text = inner_text
                elif text not in (MERGE_UP, MERGE_LEFT):
                    table.cell(r, c).text = text
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if text in (MERGE_UP, MERGE_LEFT):
                    up = text == MERGE_UP
                    top, left = r, c
                    while rows[top][left] in (MERGE_UP, MERGE_LEFT):
                        top, left = (top - 1, left) if up else (top, left - 1)
                    table.cell(top, left).merge(table.cell(r, c))
                    # merge() joins the texts of both cells; the merged cell keeps the first's.
                    table.cell(top, left).text = rows[top][left]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_OUTLINE = (
    re.compile(r"[一二三四五六七八九十]+、"),
    re.compile(r"（[一二三四五六七八九十]+）"),
    re.compile(r"\d+\."),
)


def _auto_numbered(line: str) -> Part:
    """The line as Word's automatic numbering holds it: the number out of the text."""
    for level, pattern in enumerate(_OUTLINE):
        if match := pattern.match(line):
            return Numbered(line[match.end() :], level)
    return line


def jinshan_parts(source: Path, *, auto_numbering: bool = False) -> list[Part]:
    """The Jinshan source as Word parts: its lines as paragraphs, its 配档表 as a real table.

    In the source text a table cell is a tab-indented line, a line without the tab continues
    the cell above, and a blank line ends a row. With ``auto_numbering`` the outline's numbers
    (一、 （一） 1.) are Word's automatic numbering instead of typed text.
    """
    parts: list[Part] = []
    rows: list[list[str]] = []
    row: list[str] = []
    for line in source.read_text("utf-8").splitlines():
        if line.startswith("\t"):
            row.append(line.strip())
        elif row and line.strip():
            row[-1] += "\n" + line.strip()
        elif row:
            rows.append(row)
            row = []
        elif line.strip():
            parts.append(_auto_numbered(line.strip()) if auto_numbering else line.strip())
    if row:
        rows.append(row)
    parts.append(rows)
    return parts
