"""Every Word document commedu writes is in the official format (GB/T 9704).

Each document is opened with python-docx and its page, fonts, page numbers and tables are read
from the file itself; then LibreOffice, where installed, lays it out as PDF and the pages are
counted, so the layout is proven by a real office suite and not only by the XML.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.shared import Emu, Mm, Pt
from hypothesis import given
from hypothesis import strategies as st

from commedu import load_plan
from commedu._messages import render
from commedu.cli import main
from commedu.datafile.ledger import load_ledger
from commedu.report.district import district_docx
from commedu.report.inspection import InspectionReport, inspect
from commedu.report.official import (
    CHARS_PER_LINE,
    FONTS,
    TEXT_AREA,
    OfficialDocument,
    character_spacing,
    fit_widths,
    numbered,
    text_width,
)
from commedu.report.plan_document import plan_docx
from commedu.report.render import label, to_docx
from tests.conftest import EXAMPLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def jinshan_report() -> InspectionReport:
    plan = load_plan(EXAMPLES / "jinshan_2021.toml")
    return inspect(plan, load_ledger(EXAMPLES / "jinshan_2021_ledger.toml", plan))


#: Every .docx commedu writes, by what it is.
WRITERS: dict[str, Callable[[], bytes]] = {
    "plan": lambda: plan_docx(load_plan(EXAMPLES / "jinshan_2021.toml")),
    "inspection report": lambda: to_docx(jinshan_report(), "zh"),
    "inspection report, English": lambda: to_docx(jinshan_report(), "en"),
    "district roll-up": lambda: district_docx([jinshan_report()], "zh"),
}


@pytest.fixture(scope="module", params=sorted(WRITERS))
def written(request: pytest.FixtureRequest) -> tuple[str, bytes]:
    name: str = request.param
    return name, WRITERS[name]()


def opened(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def test_the_page_is_a4_with_the_official_margins(written: tuple[str, bytes]) -> None:
    section = opened(written[1]).sections[0]
    # Word keeps lengths in twentieths of a point: to the nearest 0.02 mm.
    assert section.page_width.mm == pytest.approx(210, abs=0.02)
    assert section.page_height.mm == pytest.approx(297, abs=0.02)
    assert section.top_margin.mm == pytest.approx(37, abs=0.02)
    assert section.left_margin.mm == pytest.approx(28, abs=0.02)  # the binding margin
    text_width = section.page_width - section.left_margin - section.right_margin
    text_height = section.page_height - section.top_margin - section.bottom_margin
    assert Emu(text_width).mm == pytest.approx(156, abs=0.04)
    assert Emu(text_height).mm == pytest.approx(225, abs=0.04)


def test_22_lines_of_28_characters(written: tuple[str, bytes]) -> None:
    document = opened(written[1])
    grid = document.sections[0]._sectPr.find(f"{W}docGrid")
    pitch = int(grid.get(f"{W}linePitch")) / 20  # points
    height = TEXT_AREA[1] * 72 / 25.4
    assert int(height / pitch) == 22
    normal = document.styles["Normal"]
    line = normal.paragraph_format.line_spacing.pt
    assert normal.paragraph_format.line_spacing_rule.name == "EXACTLY"
    assert 22 * line <= height < 23 * line
    spacing = int(normal.element.rPr.find(f"{W}spacing").get(f"{W}val"))
    width = TEXT_AREA[0] * 72 / 25.4
    per_character = normal.font.size.pt + spacing / 20
    assert int(width / per_character) == CHARS_PER_LINE


def east_asian(style_or_run: object) -> str:
    fonts = style_or_run.element.rPr.find(f"{W}rFonts")  # type: ignore[attr-defined]
    return str(fonts.get(f"{W}eastAsia"))


def test_fonts_and_sizes_are_the_official_ones(written: tuple[str, bytes]) -> None:
    document = opened(written[1])
    styles = document.styles
    expected = {
        "Normal": ("仿宋_GB2312", 16),
        "Title": ("方正小标宋简体", 22),
        "Heading 1": ("黑体", 16),
        "Heading 2": ("楷体_GB2312", 16),
        "Heading 3": ("仿宋_GB2312", 16),
    }
    for name, (font, size) in expected.items():
        style = styles[name]
        assert (east_asian(style), style.font.size) == (font, Pt(size)), name
        assert str(style.font.color.rgb) == "000000", name  # no blue title
        assert style.element.rPr.find(f"{W}rFonts").get(f"{W}asciiTheme") is None, name
    # The first title: the plan's own stands under its 版头, if it has one.
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    assert title.text
    # The template's theme fonts (Calibri, Cambria) are named nowhere.
    assert not styles.element.xpath(".//w:rFonts[@w:asciiTheme or @w:eastAsiaTheme]")


def test_each_font_has_its_stand_in_in_the_font_table(written: tuple[str, bytes]) -> None:
    from docx.oxml import parse_xml

    document = opened(written[1])
    part = next(
        r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable")
    )
    table = parse_xml(part.blob)
    found = {
        font.get(f"{W}name"): font.find(f"{W}altName").get(f"{W}val")
        for font in table.iter(f"{W}font")
        if font.find(f"{W}altName") is not None
    }
    assert found == {name: fallbacks[0] for name, fallbacks in FONTS.items()}


def test_page_numbers_are_a_page_field_between_dashes(written: tuple[str, bytes]) -> None:
    document = opened(written[1])
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]
        assert paragraph.alignment.name == side.upper()
        assert paragraph.text == "— 1 —"
        codes = [t.text.strip() for t in paragraph._p.iter(f"{W}instrText")]
        assert codes == ["PAGE"]
        kinds = [c.get(f"{W}fldCharType") for c in paragraph._p.iter(f"{W}fldChar")]
        assert kinds == ["begin", "separate", "end"]
        assert {r.font.size for r in paragraph.runs} == {Pt(14)}
        assert {east_asian(r) for r in paragraph.runs} == {"宋体"}


def test_tables_repeat_their_header_and_never_split_a_row(written: tuple[str, bytes]) -> None:
    document = opened(written[1])
    assert document.tables
    for table in document.tables:
        rows = [row._tr for row in table.rows]
        assert rows[0].trPr.find(f"{W}tblHeader") is not None
        assert all(r.trPr.find(f"{W}tblHeader") is None for r in rows[1:])
        assert all(r.trPr.find(f"{W}cantSplit") is not None for r in rows)
        widths = [column.width for column in table.columns]
        assert sum(widths) <= Mm(156.05)  # within the text area, to Word's rounding
        assert len(set(widths)) > 1  # fitted, not equal


def test_the_same_content_gives_the_same_bytes(written: tuple[str, bytes]) -> None:
    name, data = written
    assert WRITERS[name]() == data


def test_a_column_is_as_wide_as_its_longest_text() -> None:
    document = OfficialDocument("t", "zh")
    document.table(
        ["代码", "活动"], [["m01-1", "社区教育中心新址启用仪式"], ["m12-10", "年终督导"]]
    )
    table = opened(document.save()).tables[0]
    code, activity = (column.width for column in table.columns)
    assert code < activity
    # The code column fits "m12-10" (3 characters' width) and its header on one line.
    assert code >= Pt(3 * 14)


def test_a_roll_up_of_no_township_says_so_instead_of_an_empty_table() -> None:
    document = opened(district_docx([], "zh"))
    assert not document.tables
    said = [p.text for p in document.paragraphs]
    assert said == [render("district-title", "zh"), label("none", "zh")]


@pytest.mark.parametrize(
    ("level", "lang", "expected"),
    [
        (1, "zh", "三、主要任务"),
        (2, "zh", "（三）主要任务"),
        (3, "zh", "3.主要任务"),
        (1, "en", "3. 主要任务"),
        (2, "en", "(3) 主要任务"),
        (2, "zh", "（11）主要任务"),
    ],
)
def test_outline_numbers_follow_the_standard(level: int, lang: str, expected: str) -> None:
    n = 11 if "11" in expected else 3
    assert numbered(level, n, "主要任务", lang) == expected  # type: ignore[arg-type]


# -- column widths ---------------------------------------------------------------------------------


def test_text_width_counts_chinese_as_one_and_ascii_as_half() -> None:
    assert text_width("社区") == 2
    assert text_width("m01-1") == 2.5
    assert text_width("长长长\n短") == 3
    assert text_width("") == 0


def test_the_character_spacing_fits_exactly_28_characters() -> None:
    width = TEXT_AREA[0] * 72 / 25.4 * 20
    assert 28 * (320 + character_spacing()) <= width < 29 * (320 + character_spacing())
    assert 28 * (320 + character_spacing() + 1) > width  # the least condensing that fits


widths_in = st.lists(st.floats(0, 400, allow_nan=False), min_size=1, max_size=8)


@given(widths_in, st.floats(50, 500), st.floats(0, 40))
def test_fitted_columns_fill_the_width(
    naturals: list[float], available: float, minimum: float
) -> None:
    widths = fit_widths(naturals, available, minimum)
    assert len(widths) == len(naturals)
    assert sum(widths) == pytest.approx(available)
    if minimum * len(naturals) <= available:
        assert min(widths) >= minimum - 1e-9


@given(widths_in, st.floats(50, 500), st.floats(0, 40))
def test_a_wider_text_never_gets_a_narrower_column(
    naturals: list[float], available: float, minimum: float
) -> None:
    widths = fit_widths(naturals, available, minimum)
    for i in range(len(naturals)):
        for j in range(len(naturals)):
            if naturals[i] > naturals[j]:
                assert widths[i] >= widths[j] - 1e-9


@given(widths_in, st.floats(50, 500))
def test_columns_that_fit_keep_at_least_their_width(
    naturals: list[float], available: float
) -> None:
    widths = fit_widths(naturals, available, 0)
    if sum(naturals) <= available:
        assert all(w >= n - 1e-9 for w, n in zip(widths, naturals, strict=True))
    else:  # a column narrower than its share is never squeezed
        share = available / len(naturals)
        assert all(w >= n - 1e-9 for w, n in zip(widths, naturals, strict=True) if n <= share)


@given(widths_in, st.floats(50, 500))
def test_when_space_is_short_no_column_gets_more_than_it_needs(
    naturals: list[float], available: float
) -> None:
    widths = fit_widths(naturals, available, 0)
    if sum(naturals) > available:
        assert all(w <= n + 1e-9 for w, n in zip(widths, naturals, strict=True))


def test_no_columns_no_widths() -> None:
    assert fit_widths([], 100, 10) == []


# -- laid out by a real office suite ---------------------------------------------------------------


def pdf_pages(pdf: bytes) -> int:
    """The pages of a PDF: its page objects (``/Type /Page``, not the ``/Pages`` tree)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_pdf_pages_are_counted_without_the_page_tree() -> None:
    pdf = b"<< /Type /Pages /Count 2 >> << /Type /Page >> <</Type/Page/Parent 1 0 R>>"
    assert pdf_pages(pdf) == 2


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui",
)
@pytest.mark.parametrize(
    ("name", "pages"),
    [("plan", (5, 12)), ("district roll-up", (1, 1)), ("inspection report", (3, 20))],
)
def test_libreoffice_lays_each_document_out_on_a_sane_number_of_a4_pages(
    name: str, pages: tuple[int, int], tmp_path: Path
) -> None:
    source = tmp_path / "document.docx"
    source.write_bytes(WRITERS[name]())
    profile = tmp_path / "profile"  # its own profile, so a running LibreOffice cannot interfere
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = (tmp_path / "document.pdf").read_bytes()
    low, high = pages
    assert low <= pdf_pages(pdf) <= high
    assert b"/MediaBox [0 0 595" in pdf or b"/MediaBox[0 0 595" in pdf  # A4: 595 × 842 points


def test_the_district_command_writes_a_word_roll_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "district"
    folder.mkdir()
    shutil.copyfile(EXAMPLES / "jinshan_2021.toml", folder / "jinshan.toml")
    shutil.copyfile(EXAMPLES / "jinshan_2021_ledger.toml", folder / "jinshan.ledger.toml")
    out = tmp_path / "district.docx"
    assert main(["--lang", "zh", "report", "--district", str(folder), "-o", str(out)]) == 0
    capsys.readouterr()
    document = opened(out.read_bytes())  # a Word document, not the HTML page under its name
    assert document.paragraphs[0].text == render("district-title", "zh")
    (table,) = document.tables
    assert [c.text for c in table.rows[1].cells][:2] == ["金山镇", "2021"]
