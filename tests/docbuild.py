"""Word documents for the importer's tests, made with python-docx as a clerk's Word would save them.

A document is given as a list of parts: a string is a paragraph, a list of rows is a table.
A cell written as ``MERGE_UP`` is merged with the cell above it, ``MERGE_LEFT`` with the cell to
its left, as Word's "merge cells" does. A cell given as a list of rows holds a nested table.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx

MERGE_UP = "\x00merge-up"
MERGE_LEFT = "\x00merge-left"

Part = str | Sequence[Sequence[Any]]


def build_docx(parts: Sequence[Part]) -> bytes:
    document = docx.Document()
    for part in parts:
        if isinstance(part, str):
            document.add_paragraph(part)
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


def jinshan_parts(source: Path) -> list[Part]:
    """The Jinshan source as Word parts: its lines as paragraphs, its 配档表 as a real table.

    In the source text a table cell is a tab-indented line, a line without the tab continues
    the cell above, and a blank line ends a row.
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
            parts.append(line.strip())
    if row:
        rows.append(row)
    parts.append(rows)
    return parts
