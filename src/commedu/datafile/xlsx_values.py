"""A workbook's cell values read fast, by python-calamine, when no cell of it can be a formula.

python-calamine (a Rust reader) reads a workbook several times faster than openpyxl, but it
gives a formula's cached value as if it had been typed and cannot say which cells hold one.
A ledger refuses formulas, so before calamine reads anything every member of the workbook is
streamed once from the zip, bounded, and looked at for a formula element (``<f>``, with or
without a namespace prefix) or an error cell (``t="e"``, which calamine reads as empty).

Only a workbook that passes gets its values from calamine; :func:`plain_book` answers None for
any other (a formula, an error cell, a member that is not UTF-8 XML or cannot be unpacked,
more than :data:`MAX_UNPACKED` bytes unpacked, a whole number no float holds, or any failure
of calamine itself), and the caller reads that workbook with openpyxl, which names the cell.
The values come out as openpyxl gives them: a whole number as ``int``, a date as a ``datetime``
at midnight, an empty cell as None.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from commedu.datafile.decode import MAX_BYTES

__all__ = ["MAX_UNPACKED", "PlainBook", "plain_book"]

#: The most a workbook may unpack to and still be read whole into memory by calamine; a larger
#: one (a 100,000-record ledger unpacks to about 80 MB) is streamed by openpyxl instead.
MAX_UNPACKED = 16 * MAX_BYTES

#: A formula element (``<f>``, ``<x:f>``), or an attribute whose value is ``e``: the type of an
#: error cell (``t="e"``). Each starts with a literal, which ``re`` finds fast; one pattern with
#: alternatives is several times slower. A match elsewhere (in text) only costs the slower reader.
_SUSPECTS = tuple(re.compile(p) for p in (rb"<f[\s/>]", rb":f[\s/>]", rb'"e"', rb"'e'"))

#: How much of one chunk is looked at again with the next, so a match across them is seen.
_OVERLAP = 64

_CHUNK = 1 << 20

#: Above this a whole number has no exact float, so calamine's value may not be the one typed.
_EXACT = 2**53

#: The columns a sheet read cell by cell keeps: the About and money sheets use three.
_FEW = 8


class _Unusual(Exception):
    """A value calamine cannot give as openpyxl would: the workbook goes the openpyxl way."""


def _plain_xml(book: zipfile.ZipFile) -> bool:
    """Whether every member is UTF-8 XML with no formula or error cell in it."""
    unpacked = 0
    for info in book.infolist():
        with book.open(info) as member:
            tail = b""
            first = True
            while chunk := member.read(_CHUNK):
                if first and chunk.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] != b"<":
                    return False  # UTF-16 XML, an image, a macro: not plain enough
                first = False
                unpacked += len(chunk)
                if unpacked > MAX_UNPACKED:
                    return False
                window = tail + chunk
                if any(suspect.search(window) for suspect in _SUSPECTS):
                    return False
                tail = chunk[-_OVERLAP:]
    return True


def _value(value: Any) -> Any:
    """One calamine value as openpyxl's read-only mode gives the same cell."""
    if type(value) is float:
        if value.is_integer():
            if abs(value) >= _EXACT:
                raise _Unusual
            return int(value)
        return value
    if type(value) is date:
        return datetime(value.year, value.month, value.day)
    return value


def _row(values: list[Any]) -> list[Any]:
    return [
        (None if v == "" else v) if type(v) is str else None if v is None else _value(v)
        for v in values
    ]


class PlainBook:
    """The sheets of a workbook with no formula, as rows of plain values."""

    def __init__(self, book: Any) -> None:
        self._book = book
        self.sheetnames: list[str] = list(book.sheet_names)
        self._cells: dict[str, dict[tuple[int, int], Any]] = {}

    def rows(self, name: str, min_row: int, width: int) -> Iterator[tuple[int, list[Any]]]:
        """Each row from ``min_row`` on (1-based), numbered, as ``width`` values from column A.

        calamine gives the rows above the first filled one as empty rows, as openpyxl does, and
        each row from the first filled column on.
        """
        sheet = self._book.get_sheet_by_name(name)
        if not sheet.height:
            return
        pad = [None] * sheet.start[1]
        for number, values in enumerate(sheet.iter_rows(), start=1):
            if number >= min_row:
                row = _row((pad + values)[:width] if pad else values[:width])
                yield number, row + [None] * (width - len(row))

    def value(self, name: str, reference: str) -> Any:
        """The value of one cell (``B3``) of a sheet of a few columns (the About sheet)."""
        from openpyxl.utils.cell import coordinate_to_tuple

        if name not in self._cells:
            self._cells[name] = {
                (number, column): v
                for number, values in self.rows(name, 1, _FEW)
                for column, v in enumerate(values, start=1)
                if v is not None
            }
        return self._cells[name].get(coordinate_to_tuple(reference))


def plain_book(data: bytes) -> PlainBook | None:
    """The workbook in ``data`` read by calamine, or None when openpyxl must read it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            if not _plain_xml(book):
                return None
        from python_calamine import CalamineWorkbook

        return PlainBook(CalamineWorkbook.from_filelike(io.BytesIO(data)))
    except Exception:  # damage of any kind is openpyxl's to name, with its place
        return None
    except BaseException as exc:  # a panic in calamine's Rust is no Exception
        if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
            raise
        return None
