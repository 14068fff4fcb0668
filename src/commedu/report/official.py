"""The one Word writer: every .docx commedu writes is laid out as GB/T 9704 lays out 党政机关公文.

A township files documents in the national official-document format, so the plan, the
inspection report and the district roll-up all come out of :class:`OfficialDocument`:

- A4 (210 × 297 mm) with a text area of 156 × 225 mm: top margin 37 mm, binding (left) margin
  28 mm, so the right margin is 26 mm and the bottom 35 mm;
- 22 lines of 28 characters, set by the section's document grid (``w:docGrid``);
- body text in 3号 (16 pt) 仿宋, titles in 2号 (22 pt) 小标宋, headings of the first level in
  黑体, of the second in 楷体, of the third in 仿宋, each named as Chinese offices have the font
  (``仿宋_GB2312``, ``方正小标宋简体``) with the font a machine without it should use instead
  (``仿宋``, ``华文中宋``) recorded in the font table;
- page numbers "— N —" in 4号 (14 pt) 宋体 at the foot, a ``PAGE`` field, on the right of odd
  pages and the left of even ones, one character in from the edge of the text area;
- tables whose header row repeats on every page, whose rows never split across a page, and whose
  columns are as wide as their text needs (:func:`fit_widths`), within the text area;
- the frame of a document an office issues placed as GB/T 9704-2012 §7 places it: the
  发文机关标志 in red 小标宋, centred, its top 35 mm below the text area's; the 发文字号 centred two
  lines under it, with the red separator line 4 mm below it across the text area (:meth:`~
  OfficialDocument.head`); the title two lines under the line; the 主送机关 at the left edge
  (:meth:`~OfficialDocument.addressee`); the 发文机关署名 centred over the 成文日期, which stands
  four characters in from the right (:meth:`~OfficialDocument.signature`); and the 版记, the
  印发机关 one character in from the left and the 印发日期 one in from the right, between a
  thick line above and one below (:meth:`~OfficialDocument.record`).

The red line is the bottom border of the 发文字号's paragraph, not a drawn shape: a border is
part of the paragraph, as wide as the text area by construction, moves with the text it belongs
to in Word and LibreOffice alike, and leaves the text a reader (or ``commedu import``) finds
unchanged; a shape would need an absolute position that the lines above it decide.

None of python-docx's own template shows through: the styles used are given their fonts, sizes
and colours here, so no blue Calibri title appears. The bytes are reproducible: the same
document gives the same file.
"""

from __future__ import annotations

import io
import math
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from commedu._messages import Lang, render
from commedu.model.checks import CHINESE_NUMERALS

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

__all__ = [
    "BODY_SIZE",
    "CHARS_PER_LINE",
    "FONTS",
    "LINES_PER_PAGE",
    "PAGE",
    "TABLE_SIZE",
    "TEXT_AREA",
    "TITLE_SIZE",
    "OfficialDocument",
    "character",
    "character_spacing",
    "fit_widths",
    "numbered",
    "text_width",
]

#: The page and its margins in millimetres: top, bottom, left (binding) and right.
PAGE = {"width": 210.0, "height": 297.0, "top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}
TEXT_AREA = (156.0, 225.0)  #: width and height of the text area (版心), in millimetres
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
BODY_SIZE = 16.0  #: 3号, in points
TITLE_SIZE = 22.0  #: 2号
PAGE_NUMBER_SIZE = 14.0  #: 4号
TABLE_SIZE = 14.0  #: 4号: a table in 3号 holds too little on a line; GB/T 9704 allows it smaller
MASTHEAD_SIZE = 42.0  #: 初号: the 发文机关标志's size where its name fits a line at it
MASTHEAD_TOP = 35.0  #: the 发文机关标志's top edge below the text area's, in millimetres
RED = "FF0000"  #: the 发文机关标志 and the separator line under the 发文字号
SEPARATOR_GAP = 4.0  #: the red separator line below the 发文字号, in millimetres
#: Line widths in eighths of a point: the red separator, the 版记's thick lines (0.35 mm).
SEPARATOR_WIDTH = 12
RECORD_LINE_WIDTH = 8
RECORD_SIZE = 14.0  #: 4号: the 版记's text
#: What the font is called in an office, and what to use where it is not installed.
FONTS: dict[str, tuple[str, ...]] = {
    "仿宋_GB2312": ("仿宋", "FangSong"),
    "方正小标宋简体": ("华文中宋", "宋体"),
    "黑体": ("SimHei",),
    "楷体_GB2312": ("楷体", "KaiTi"),
    "宋体": ("SimSun",),
}
BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
HEADING_FONTS = ("黑体", "楷体_GB2312", "仿宋_GB2312")  #: 一、 （一） 1.
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"  #: digits and Latin letters inside Chinese text

_POINTS_PER_MM = 72 / 25.4
_CELL_PADDING = 2 * 5.4  #: Word's default left and right cell margins (0.19 cm each), in points
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

Align = Literal["left", "center", "right", "justify"]


def text_width(text: str) -> float:
    """The width of ``text``'s longest line in characters: a Chinese character is 1, ASCII ½."""
    return max(
        (
            sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in line)
            for line in text.split("\n")
        ),
        default=0.0,
    )


def fit_widths(naturals: Sequence[float], available: float, minimum: float) -> list[float]:
    """Column widths that fill ``available``, given the width each column's text needs.

    If all fit, each column gets what it needs and the slack is shared in proportion. If not,
    each column first gets what it needs or its equal share, whichever is less, so a narrow
    column keeps its one line; what is left goes to the columns that still need more, in
    proportion to what they lack. A column never gets less than a narrower one, nor less than
    ``minimum`` while the minimums fit at all.
    """
    count = len(naturals)
    if count == 0:
        return []
    if minimum * count > available:
        return [available / count] * count
    widths = [max(minimum, w) for w in naturals]
    total = sum(widths)
    if total == 0:
        return [available / count] * count
    if total <= available:
        return [w + (available - total) * (w / total) for w in widths]
    floors = [min(w, available / count) for w in widths]
    lacking = [w - f for w, f in zip(widths, floors, strict=True)]
    left, short = available - sum(floors), sum(lacking)
    return [f + left * (lack / short) for f, lack in zip(floors, lacking, strict=True)]


#: The run properties that follow ``w:spacing`` in the schema's order, which Word holds to.
_AFTER_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:lang")


def character_spacing() -> int:
    """The body text's character spacing in twentieths of a point (negative: condensed), the
    least condensing with which :data:`CHARS_PER_LINE` characters fit a line of the text area."""
    width = TEXT_AREA[0] * _POINTS_PER_MM * 20  # twentieths of a point
    return math.floor(width / CHARS_PER_LINE - BODY_SIZE * 20)


def character() -> float:
    """One character of body text across a line, in points: 3号 condensed to 28 a line."""
    return BODY_SIZE + character_spacing() / 20


def numbered(level: int, n: int, text: str, lang: Lang) -> str:
    """``text`` numbered as GB/T 9704 numbers the levels of a document: 一、 （一） 1."""
    numeral = CHINESE_NUMERALS[n - 1] if 1 <= n <= len(CHINESE_NUMERALS) else str(n)
    code = {1: "docx-heading-1", 2: "report-task-heading"}.get(level, "docx-item")
    return render(code, lang, n=n, n_zh=numeral, title=text, text=text)


def _line_pitch() -> float:
    """The distance between lines, in points: the text area's height over 22 lines."""
    return TEXT_AREA[1] * _POINTS_PER_MM / LINES_PER_PAGE


def _element(tag: str, **attributes: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


#: The paragraph properties that follow ``w:pBdr`` in the schema's order, which Word holds to.
_AFTER_BORDER = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


#: The paragraph properties that follow ``w:framePr``.
_AFTER_FRAME = ("w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", *_AFTER_BORDER)


def _border(paragraph: Any, side: str, width: int, colour: str, space: float = 0) -> None:
    """A line on ``side`` (top, bottom) of ``paragraph``, as wide as its text; ``space`` is
    the gap between the text and the line, in points."""
    properties = paragraph._p.get_or_add_pPr()
    borders = properties.find(f"{{{_W}}}pBdr")
    if borders is None:
        borders = _element("w:pBdr")
        properties.insert_element_before(borders, *_AFTER_BORDER)
    borders.append(
        _element(f"w:{side}", val="single", sz=str(width), space=str(round(space)), color=colour)
    )


def _off_grid(paragraph: Any) -> None:
    """Take ``paragraph`` off the document grid: its lines are as tall as its text needs."""
    properties = paragraph._p.get_or_add_pPr()
    properties.insert_element_before(_element("w:snapToGrid", val="0"), *_AFTER_BORDER[12:])


def _fonts(run_properties: Any, east_asian: str) -> None:
    """Name the fonts of a run or style: ``east_asian`` for Chinese, Times New Roman otherwise."""
    from docx.oxml.ns import qn

    fonts = run_properties.get_or_add_rFonts()
    for name in list(fonts.attrib):
        del fonts.attrib[name]  # the template names theme fonts (Calibri) here
    for key in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{key}"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asian)


def _restyle(style: Any, east_asian: str, size: float, *, bold: bool = False) -> None:
    """Give a template style our font, size and colour, and nothing of its own look."""
    from docx.shared import Pt, RGBColor

    element = style.element
    if element.rPr is not None:
        element.remove(element.rPr)
    if element.pPr is not None:
        for border in element.pPr.findall(f"{{{_W}}}pBdr"):
            element.pPr.remove(border)
    font = style.font
    _fonts(element.get_or_add_rPr(), east_asian)
    font.size = Pt(size)
    font.bold = bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)


class OfficialDocument:
    """A Word document in the official format, built paragraph by paragraph, then :meth:`save`."""

    def __init__(self, title: str, lang: Lang) -> None:
        from docx import Document

        self.lang = lang
        self.document: DocxDocument = Document()
        properties = self.document.core_properties
        properties.author = "commedu"
        properties.created = properties.modified = datetime(2000, 1, 1)
        properties.language = "zh-CN" if lang == "zh" else "en-GB"
        # A core property holds at most 255 characters; the title paragraph keeps the whole.
        properties.title = title[:255]
        self._page()
        self._styles()
        self._font_table()
        self._page_numbers()

    # -- the page --------------------------------------------------------------------------------

    def _page(self) -> None:
        from docx.shared import Mm

        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(PAGE["width"]), Mm(PAGE["height"])
        section.top_margin, section.bottom_margin = Mm(PAGE["top"]), Mm(PAGE["bottom"])
        section.left_margin, section.right_margin = Mm(PAGE["left"]), Mm(PAGE["right"])
        section.gutter = Mm(0)
        # The page number's dash line stands 7 mm below the text area.
        section.footer_distance = Mm(PAGE["bottom"] - 7 - PAGE_NUMBER_SIZE / _POINTS_PER_MM)
        section.header_distance = Mm(15)
        grid = section._sectPr.find(f"{{{_W}}}docGrid")
        if grid is None:
            grid = _element("w:docGrid")
            section._sectPr.append(grid)
        # 22 lines: the grid's line pitch, in twentieths of a point. 28 characters come from the
        # body text's character spacing (see _styles), not from a character grid, which
        # LibreOffice lays out at half the characters a line Word gives it.
        grid.set(f"{{{_W}}}type", "lines")
        grid.set(f"{{{_W}}}linePitch", str(math.floor(_line_pitch() * 20)))

    def _styles(self) -> None:
        from docx.enum.text import WD_LINE_SPACING
        from docx.shared import Pt, Twips

        styles = self.document.styles
        defaults = styles.element.find(f"{{{_W}}}docDefaults")
        if defaults is not None:  # the template's defaults name theme fonts
            for fonts in defaults.iter(f"{{{_W}}}rFonts"):
                fonts.getparent().remove(fonts)
        # Every other style of the template, should someone pick one in Word, loses its theme
        # fonts (Calibri, Cambria) and theme colours (blue) too.
        for fonts in styles.element.iter(f"{{{_W}}}rFonts"):
            if any(name.endswith(("Theme", "theme")) for name in fonts.attrib):
                _fonts(fonts.getparent(), BODY_FONT)
        for colour in styles.element.iter(f"{{{_W}}}color"):
            for name in list(colour.attrib):
                if name != f"{{{_W}}}val":
                    del colour.attrib[name]
            colour.set(f"{{{_W}}}val", "000000")
        _restyle(styles["Normal"], BODY_FONT, BODY_SIZE)
        # Condensed so that 28 characters of 3号 fill a line of the text area, and 29 do not.
        condensed = _element("w:spacing", val=str(character_spacing()))
        styles["Normal"].element.rPr.insert_element_before(condensed, *_AFTER_SPACING)
        normal = styles["Normal"].paragraph_format
        normal.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        # In whole twentieths of a point, rounded down, or 22 lines would not fit the page.
        normal.line_spacing = Twips(math.floor(_line_pitch() * 20))
        normal.space_before = normal.space_after = Pt(0)
        normal.widow_control = True
        _restyle(styles["Title"], TITLE_FONT, TITLE_SIZE)
        title = styles["Title"].paragraph_format
        title.space_before, title.space_after = Pt(0), Twips(math.floor(_line_pitch() * 20))
        title.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        title.line_spacing = Twips(math.floor(_line_pitch() * 24))
        for level, font in enumerate(HEADING_FONTS, 1):
            style = styles[f"Heading {level}"]
            _restyle(style, font, BODY_SIZE)
            heading = style.paragraph_format
            heading.space_before = heading.space_after = Pt(0)
            heading.first_line_indent = Pt(2 * BODY_SIZE)
            heading.keep_with_next = True

    def _font_table(self) -> None:
        """Record each font's stand-in (``w:altName``) and its character set (GB2312)."""
        from docx.opc.oxml import serialize_part_xml
        from docx.oxml import parse_xml

        part = next(
            r.target_part
            for r in self.document.part.rels.values()
            if r.reltype.endswith("/fontTable")
        )
        root = parse_xml(part.blob)
        for name, fallbacks in FONTS.items():
            font = _element("w:font", name=name)
            font.append(_element("w:altName", val=fallbacks[0]))
            font.append(_element("w:charset", val="86"))
            font.append(_element("w:family", val="auto"))
            root.append(font)
        # python-docx keeps parts it does not model as bytes, with no way to replace them.
        part._blob = serialize_part_xml(root)

    def _page_numbers(self) -> None:
        """ "— N —" at the foot: odd pages on the right, even pages on the left."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        self.document.settings.odd_and_even_pages_header_footer = True
        section = self.document.sections[0]
        for footer, align in (
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
            (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0]
            paragraph.alignment = align
            form = paragraph.paragraph_format
            form.line_spacing = 1.0
            indent = Pt(PAGE_NUMBER_SIZE)  # one character in from the text area's edge
            if align == WD_ALIGN_PARAGRAPH.RIGHT:
                form.right_indent = indent
            else:
                form.left_indent = indent
            self._run(paragraph, "— ", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
            for kind, instruction in (("begin", ""), ("", " PAGE "), ("separate", ""), ("", "1")):
                run = self._run(paragraph, "", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
                if kind:
                    run._r.append(_element("w:fldChar", fldCharType=kind))
                elif instruction == " PAGE ":
                    code = _element("w:instrText")
                    code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                    code.text = instruction
                    run._r.append(code)
                else:
                    run.text = instruction
            end = self._run(paragraph, "", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
            end._r.append(_element("w:fldChar", fldCharType="end"))
            self._run(paragraph, " —", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)

    @staticmethod
    def _run(paragraph: Any, text: str, east_asian: str, size: float, *, bold: bool = False) -> Any:
        from docx.shared import Pt

        run = paragraph.add_run(text)
        _fonts(run._r.get_or_add_rPr(), east_asian)
        run.font.size = Pt(size)
        if bold:
            run.bold = True
        return run

    # -- content ---------------------------------------------------------------------------------

    def title(self, text: str, *, new_page: bool = False, lines_before: int = 0) -> None:
        """A title in 2号 小标宋, centred: the document's, or an attached table's on a new page;
        ``lines_before`` blank lines above it (two under a 版头's red line)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        paragraph = self.document.add_paragraph(style="Title")
        paragraph.add_run(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if new_page:
            paragraph.paragraph_format.page_break_before = True
        if lines_before:
            paragraph.paragraph_format.space_before = Pt(lines_before * _line_pitch())

    def heading(self, text: str, level: int) -> None:
        """A heading of level 1 (黑体), 2 (楷体) or 3 (仿宋), its number part of ``text``."""
        self.document.add_paragraph(style=f"Heading {min(max(level, 1), 3)}").add_run(text)

    def paragraph(self, text: str, *, align: Align = "justify", indent: bool = True) -> None:
        """Body text in 3号 仿宋; a paragraph starts two characters in, as Chinese text does."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        paragraph = self.document.add_paragraph()
        paragraph.add_run(text)
        paragraph.alignment = {
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        }[align]
        if indent:
            paragraph.paragraph_format.first_line_indent = Pt(2 * BODY_SIZE)

    def table(self, head: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """A table in 4号 仿宋 with a 黑体 header row that repeats on every page; no row splits
        across a page, and each column is as wide as its text needs."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.shared import Pt

        table = self.document.add_table(rows=0, cols=len(head))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        columns = list(zip(head, *rows, strict=True)) if rows else [(h,) for h in head]
        naturals = [
            (max(text_width(text) for text in column) + 0.5) * TABLE_SIZE + _CELL_PADDING
            for column in columns
        ]
        available = TEXT_AREA[0] * _POINTS_PER_MM
        widths = fit_widths(naturals, available, 2 * TABLE_SIZE + _CELL_PADDING)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Pt(width)
        for number, texts in enumerate([head, *rows]):
            row = table.add_row()
            row_properties = row._tr.get_or_add_trPr()
            row_properties.append(_element("w:cantSplit"))
            if number == 0:
                row_properties.append(_element("w:tblHeader"))
            for cell, text, width in zip(row.cells, texts, widths, strict=True):
                cell.width = Pt(width)
                paragraph = cell.paragraphs[0]
                # Off the document grid: a table line is as tall as its text, not a body line.
                # (First, so that python-docx puts the properties it sets after it, in order.)
                paragraph._p.get_or_add_pPr().append(_element("w:snapToGrid", val="0"))
                form = paragraph.paragraph_format
                form.line_spacing = 1.0
                form.first_line_indent = Pt(0)
                font = HEADING_FONTS[0] if number == 0 else BODY_FONT
                self._run(paragraph, text, font, TABLE_SIZE)

    # -- the frame of a document an office issues (GB/T 9704-2012 §7) ---------------------------

    def head(self, issuers: Sequence[str], number: str | None) -> None:
        """The 版头: the 发文机关标志 (each issuer on its line, red 小标宋, centred), the 发文字号
        centred two lines under it, and the red separator line 4 mm under that.

        The marks share one size: 初号 where the longest name fits a line at it, smaller where
        it does not. Without a 发文字号 the line stands 4 mm under the last issuer's name.
        """
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
        from docx.shared import Mm, Pt, RGBColor

        available = TEXT_AREA[0] * _POINTS_PER_MM
        longest = max((text_width(name) for name in issuers), default=1.0)
        size = min(MASTHEAD_SIZE, math.floor(2 * available / max(longest, 1.0)) / 2)
        last = None
        for n, name in enumerate(issuers):
            last = self.document.add_paragraph()
            _off_grid(last)
            run = self._run(last, name, TITLE_FONT, size)
            run.font.color.rgb = RGBColor.from_string(RED)
            form = last.paragraph_format
            form.alignment = WD_ALIGN_PARAGRAPH.CENTER
            form.first_line_indent = Pt(0)
            form.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            form.line_spacing = Pt(math.ceil(size * 1.2))
            form.space_before = Mm(MASTHEAD_TOP) if n == 0 else Pt(0)
            form.keep_with_next = True
        if number:
            last = self.document.add_paragraph()
            last.add_run(number)
            form = last.paragraph_format
            form.alignment = WD_ALIGN_PARAGRAPH.CENTER
            form.first_line_indent = Pt(0)
            form.space_before = Pt(2 * _line_pitch()) if issuers else Pt(0)
            form.keep_with_next = True
        if last is not None:
            _border(last, "bottom", SEPARATOR_WIDTH, RED, SEPARATOR_GAP * _POINTS_PER_MM)

    def addressee(self, text: str) -> None:
        """The 主送机关: at the left edge, its lines too, under the title."""
        self.paragraph(text, align="left", indent=False)

    def signature(self, issuers: Sequence[str], date: str, *, lines_before: int = 1) -> None:
        """The 发文机关署名 and the 成文日期 (GB/T 9704-2012 §7.3.5.1): the date four characters in
        from the right, each issuer's name centred over it; either may be missing."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        one = character()
        dated = text_width(date) if date else 0.0
        texts = [*issuers, date] if date else list(issuers)
        for n, text in enumerate(texts):
            paragraph = self.document.add_paragraph()
            paragraph.add_run(text)
            form = paragraph.paragraph_format
            form.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            form.first_line_indent = Pt(0)
            # A name is centred over the date: its right edge half their difference further in.
            shift = 0.0 if not dated or text == date else (dated - text_width(text)) / 2
            form.right_indent = Pt(round(max(0.0, 4 + shift) * one, 2))
            form.keep_with_next = n < len(texts) - 1
            if n == 0 and lines_before:
                form.space_before = Pt(lines_before * _line_pitch())

    def record(self, printed_by: str, printed_on: str) -> None:
        """The 版记 (GB/T 9704-2012 §7.4): the 印发机关 one character in from the left and the
        印发日期 one character in from the right, in 4号, between two thick lines as wide as
        the text area."""
        from docx.enum.text import WD_TAB_ALIGNMENT
        from docx.shared import Pt

        paragraph = self.document.add_paragraph()
        _off_grid(paragraph)
        one = character()
        # Tabs, not indents: a border is as wide as the paragraph between its indents.
        self._run(paragraph, f"\t{printed_by}\t{printed_on}", BODY_FONT, RECORD_SIZE)
        form = paragraph.paragraph_format
        form.first_line_indent = Pt(0)
        form.space_before = Pt(2 * _line_pitch())
        form.line_spacing = Pt(math.ceil(RECORD_SIZE * 2))
        width = TEXT_AREA[0] * _POINTS_PER_MM
        form.tab_stops.add_tab_stop(Pt(round(one, 2)))
        form.tab_stops.add_tab_stop(Pt(round(width - one, 2)), WD_TAB_ALIGNMENT.RIGHT)
        _border(paragraph, "top", RECORD_LINE_WIDTH, "000000", 1)
        _border(paragraph, "bottom", RECORD_LINE_WIDTH, "000000", 1)
        # At the foot of the last page: its last line on the text area's bottom edge (§7.4.1).
        frame = _element(
            "w:framePr",
            w=str(round(width * 20)),
            wrap="notBeside",
            vAnchor="margin",
            hAnchor="margin",
            xAlign="center",
            yAlign="bottom",
        )
        paragraph._p.get_or_add_pPr().insert_element_before(frame, *_AFTER_FRAME)

    def save(self) -> bytes:
        """The document's bytes, the same for the same content."""
        from commedu.datafile.ledger_write import normalise_zip

        out = io.BytesIO()
        self.document.save(out)
        return normalise_zip(out.getvalue())
