"""A plan's document as a sequence of blocks (paragraphs and tables), whatever it was saved as.

Word files are read with python-docx so that a 配档表 arrives as a table, one cell per grid
position: a cell merged across rows or columns gives its text at every position it covers. Text
files arrive as lines; a table pasted from Word shows as tab-indented cells, and those become a
table too. Everything after this module sees only blocks, never the file format.
"""

from __future__ import annotations

import io
import os
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from commedu._messages import Lang, os_reason, render
from commedu.errors import DocumentError
from commedu.model.fieldcheck import define

__all__ = [
    "MAX_BYTES",
    "MAX_TEXT",
    "Cell",
    "Document",
    "DocumentError",
    "Paragraph",
    "Table",
    "Where",
    "read_document",
    "read_document_bytes",
]

MAX_BYTES = 20 * 1024 * 1024  #: a plan document is well under 1 MiB; refuse anything this big
_MAX_UNPACKED = 100 * 1024 * 1024  #: what a .docx may unpack to, so a zip bomb is refused unread
#: The characters of text a document may hold: the Jinshan plan has 3,608; a plan 50 times as
#: long still fits, and reading stays within seconds and a bounded amount of memory.
MAX_TEXT = 200_000
#: Word's list levels are 0 to 8; a level beyond them numbers nothing.
_MAX_LEVEL = 8

_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: the stream an encrypted Office file keeps its real package in, as its OLE2 directory spells it
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


@define
class Where:
    """Where in the document something came from, so a clerk can find it again.

    Numbers count from 1; 0 means "not applicable". A text file also gives the line.
    """

    paragraph: int = 0
    table: int = 0
    row: int = 0
    cell: int = 0
    line: int = 0

    def describe(self, lang: Lang = "en") -> str:
        parts: list[str] = []
        if self.paragraph:
            parts.append(render("where-paragraph", lang, number=self.paragraph))
        if self.table:
            parts.append(render("where-table", lang, number=self.table))
        if self.row:
            parts.append(render("where-row", lang, number=self.row))
        if self.cell:
            parts.append(render("where-cell", lang, number=self.cell))
        if self.line:
            parts.append(render("where-line", lang, number=self.line))
        return render("list-separator", lang).join(parts) or render("where-document", lang)


@define
class Paragraph:
    text: str
    where: Where


@define
class Cell:
    text: str
    where: Where


@define
class Table:
    """A table as a grid of rows of cells; rows may differ in length in a text file."""

    rows: tuple[tuple[Cell, ...], ...]
    where: Where


Block = Paragraph | Table


@define
class Document:
    blocks: tuple[Block, ...]
    kind: str  #: "docx" or "text"
    encoding: str = ""  #: for text: "utf-8", "utf-8-sig" or "gb18030"


def _clean(text: str) -> str:
    # Word and input methods leave no-break and ideographic spaces around text; keep them inside.
    return text.replace("\u00a0", " ").replace("\u3000", " ").strip()


# -- Word ----------------------------------------------------------------------------------------


def _cell_text(cell: Any) -> str:
    """A Word cell's text, with the text of any table nested in it, so none is lost."""
    lines = [p.text for p in cell.paragraphs]
    for table in cell.tables:
        for row in table.rows:
            lines.extend(_cell_text(inner) for inner in _unmerged(row.cells))
    return "\n".join(line for line in lines if line.strip())


def _unmerged(cells: Any) -> list[Any]:
    """A row's cells, each once: a cell merged across columns fills its first position only."""
    seen: list[Any] = []
    for cell in cells:
        if not seen or cell._tc is not seen[-1]._tc:
            seen.append(cell)
    return seen


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHINESE_DIGITS = "零一二三四五六七八九"


def _chinese_number(n: int) -> str:
    """一 … 九十九 as a plan numbers its sections; beyond that, the Arabic number."""
    if not 0 < n < 100:
        return str(n)
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CHINESE_DIGITS[tens] + "十")
    return head + (_CHINESE_DIGITS[units] if units else "")


#: Word's number formats that a plan's outline uses; bullets and others add no prefix
_NUMBER_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "chineseCounting": _chinese_number,
    "chineseCountingThousand": _chinese_number,
    "japaneseCounting": _chinese_number,
}


class _Numbering:
    """The numbers Word shows before automatically numbered paragraphs (一、 （一） 1.).

    Word keeps them out of the text, in the numbering part; the outline needs them as text.
    Counters run per list and restart a level when a level above it moves on.
    """

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.lists: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        root = document.part.numbering_part.element  # python-docx adds one if the file has none
        for abstract in root.iter(f"{_W}abstractNum"):
            key = abstract.get(f"{_W}abstractNumId")
            for level in abstract.iter(f"{_W}lvl"):
                fmt, text, start = (level.find(f"{_W}{n}") for n in ("numFmt", "lvlText", "start"))
                depth = int(level.get(f"{_W}ilvl", "0"))
                if not 0 <= depth <= _MAX_LEVEL:
                    continue
                self.levels[(key, depth)] = (
                    "" if fmt is None else fmt.get(f"{_W}val", ""),
                    "" if text is None else text.get(f"{_W}val", ""),
                    1 if start is None else int(start.get(f"{_W}val", "1")),
                )
        for num in root.iter(f"{_W}num"):
            abstract_id = num.find(f"{_W}abstractNumId")
            if abstract_id is not None:
                self.lists[num.get(f"{_W}numId")] = abstract_id.get(f"{_W}val")

    def prefix(self, paragraph: Any) -> str:
        props = paragraph._p.pPr
        number = None if props is None else props.numPr
        if number is None or number.numId is None:
            return ""
        list_id = str(number.numId.val)
        level = 0 if number.ilvl is None else int(number.ilvl.val)
        abstract = self.lists.get(list_id, "")
        # Only levels 0-8 are kept, so a level such as 2000000000 is no key and numbers nothing
        # (it once made the loop below count to it).
        if (abstract, level) not in self.levels:
            return ""
        fmt, text, start = self.levels[(abstract, level)]
        counters = self.counters.setdefault(list_id, {})
        counters[level] = counters[level] + 1 if level in counters else start
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if fmt not in _NUMBER_FORMATS:
            return ""
        for shown in range(level + 1):
            if f"%{shown + 1}" in text:
                shown_fmt, _, shown_start = self.levels.get((abstract, shown), ("decimal", "", 1))
                value = counters.get(shown, shown_start)
                text = text.replace(f"%{shown + 1}", _NUMBER_FORMATS.get(shown_fmt, str)(value))
        return text


def _docx_blocks(document: Any) -> list[Block]:
    from docx.table import Table as DocxTable

    blocks: list[Block] = []
    paragraphs = tables = size = 0
    numbering = _Numbering(document)
    for item in document.iter_inner_content():
        if isinstance(item, DocxTable):
            tables += 1
            rows = []
            for r, row in enumerate(item.rows, 1):
                cells = []
                previous = None
                for c, cell in enumerate(row.cells, 1):
                    # Across columns a merged cell counts once (its text is not a second item);
                    # across rows it repeats, so a merged 月份 cell gives every row its month.
                    text = "" if cell._tc is previous else _clean(_cell_text(cell))
                    previous = cell._tc
                    cells.append(Cell(text, Where(table=tables, row=r, cell=c)))
                    size += len(text)
                rows.append(tuple(cells))
            blocks.append(Table(tuple(rows), Where(table=tables)))
        else:
            paragraphs += 1
            for line in (numbering.prefix(item) + item.text).splitlines():
                if text := _clean(line):
                    blocks.append(Paragraph(text, Where(paragraph=paragraphs)))
                    size += len(text)
        if size > MAX_TEXT:
            raise DocumentError("doc-too-much-text", {"size": size, "limit": MAX_TEXT})
    return blocks


def _read_docx(data: bytes) -> Document:
    import docx  # imported here: reading a text file must not pay for python-docx

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise DocumentError("doc-corrupt") from None
    unpacked = sum(i.file_size for i in infos)
    if unpacked > _MAX_UNPACKED:
        raise DocumentError("doc-unpacks-too-large", {"size": unpacked, "limit": _MAX_UNPACKED})
    if "word/document.xml" not in {i.filename for i in infos}:
        raise DocumentError("doc-not-word")
    try:
        blocks = _docx_blocks(docx.Document(io.BytesIO(data)))
    except DocumentError:
        raise
    except Exception:
        # python-docx surfaces a broken package as whatever its zip, XML or part layer raised
        # (BadZipFile, KeyError, lxml's XMLSyntaxError, ValueError...): all mean "corrupt".
        raise DocumentError("doc-corrupt") from None
    return Document(tuple(blocks), "docx")


# -- text ----------------------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, str]:
    """The text and its encoding: UTF-8 (with or without BOM) if it is that, else GB18030."""
    # Strict UTF-8 first: GB18030 decodes almost any bytes, so it can only be the fallback.
    bom = data.startswith(b"\xef\xbb\xbf")
    candidates = ("utf-8-sig",) if bom else ("utf-8", "gb18030")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, encoding
    raise DocumentError("doc-not-text")


def _looks_like_text(text: str) -> bool:
    allowed = {"\t", "\n", "\r", "\f"}
    return not any(unicodedata.category(c) == "Cc" and c not in allowed for c in text)


def _text_table(lines: list[str], i: int, table: int) -> tuple[Table | None, int]:
    """The table whose first tab-indented line is ``lines[i]``, and the index after it."""
    rows: list[tuple[Cell, ...]] = []
    # The row being read: each cell's place and its lines, joined once the row is done (joining
    # at every continuation line made a long cell quadratic).
    current: list[tuple[Where, list[str]]] = []

    def finish() -> None:
        if current:
            rows.append(tuple(Cell("\n".join(p for p in t if p).strip(), w) for w, t in current))
            current.clear()

    previous_blank = False
    while i < len(lines):
        line = lines[i]
        where = Where(table=table, row=len(rows) + 1, cell=len(current) + 1, line=i + 1)
        blank = not line.startswith("\t") and not line.strip()  # a lone tab is an empty cell
        if blank or (line.startswith("\t") and "\t" in line.strip("\t")):
            finish()
            if not blank:  # a whole row on one line, its cells between tabs
                where = attrs.evolve(where, cell=0)
                cells = line.strip("\t").split("\t")
                rows.append(
                    tuple(
                        Cell(_clean(text), attrs.evolve(where, cell=c))
                        for c, text in enumerate(cells, 1)
                    )
                )
            previous_blank = blank
        elif line.startswith("\t"):
            current.append((where, [_clean(line)]))
            previous_blank = False
        elif current and not previous_blank:
            current[-1][1].append(_clean(line))
        else:
            break
        i += 1
    finish()
    kept = tuple(row for row in rows if any(cell.text for cell in row))
    return (Table(kept, Where(table=table)) if kept else None), i


def _read_text(data: bytes) -> Document:
    """Lines become paragraphs; a run of tab-indented lines becomes a table.

    In the run, a blank line ends a row; a line without the tab continues the cell above it
    (a cell with a line break); a line with tabs between its words holds a whole row.
    """
    text, encoding = _decode(data)
    if len(text) > MAX_TEXT:
        raise DocumentError("doc-too-much-text", {"size": len(text), "limit": MAX_TEXT})
    lines = text.splitlines()
    blocks: list[Block] = []
    tables = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            tables += 1
            table, i = _text_table(lines, i, tables)
            if table is not None:
                blocks.append(table)
            continue
        if cleaned := _clean(line):
            blocks.append(Paragraph(cleaned, Where(line=i + 1)))
        i += 1
    return Document(tuple(blocks), "text", encoding)


# -- either --------------------------------------------------------------------------------------


def read_document_bytes(data: bytes, name: str = "") -> Document:
    """The blocks of a document given as bytes; ``name`` only helps say what it is not."""
    if len(data) > MAX_BYTES:
        raise DocumentError("doc-too-large", {"size": len(data), "limit": MAX_BYTES})
    if data.startswith(_OLE2):
        if _ENCRYPTED in data:
            raise DocumentError("doc-encrypted")
        raise DocumentError("doc-old-word")
    if data.startswith(_ZIP):
        return _read_docx(data)
    if data.startswith((b"{\\rtf", b"%PDF")):  # saved from Word, but not as .docx
        raise DocumentError("doc-not-word")
    if name.lower().endswith((".docx", ".docm", ".dotx")):
        raise DocumentError("doc-not-word")
    if not data.strip():
        raise DocumentError("doc-empty")
    return _read_text(data)


def read_document(path: str | os.PathLike[str]) -> Document:
    """The blocks of the document at ``path``: a .docx, or text in UTF-8 or GB18030."""
    target = Path(path)
    try:
        size = target.stat().st_size
        if target.is_dir():
            raise DocumentError("doc-is-folder")
        if size > MAX_BYTES:
            raise DocumentError("doc-too-large", {"size": size, "limit": MAX_BYTES})
        data = target.read_bytes()
    except FileNotFoundError:
        raise DocumentError("doc-missing") from None
    except OSError as exc:
        raise DocumentError("doc-cannot-read", {"reason": os_reason(exc)}) from None
    return read_document_bytes(data, target.name)
