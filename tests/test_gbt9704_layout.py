"""The plan's frame is placed as GB/T 9704-2012 §7 places a document an office issues.

python-docx reads each part's alignment, indents, spacing, fonts, colour and borders from the
file; LibreOffice, where installed, lays the document out and ``pdftotext -bbox`` says where on
the page the title, the 发文机关署名 and the 成文日期 landed.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import attrs
import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.text.paragraph import Paragraph

from commedu import Plan, load_plan
from commedu.importer.frame import is_closing
from commedu.report.official import (
    MASTHEAD_SIZE,
    RED,
    TEXT_AREA,
    TITLE_SIZE,
    character,
    text_width,
)
from commedu.report.plan_document import plan_docx
from tests.conftest import ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
POINTS_PER_MM = 72 / 25.4
LINE = TEXT_AREA[1] * POINTS_PER_MM / 22  #: one line of the text area, in points
WIDTH = TEXT_AREA[0] * POINTS_PER_MM  #: the text area's width, in points

TAOLIN = ROOT / "tests" / "plans" / "taolin_2011.toml"  # one issuer, a 文号, a covering notice
YUNLING = ROOT / "tests" / "plans" / "yunling_district_2018.toml"  # two issuers
QILING = ROOT / "tests" / "plans" / "qiling_2021.toml"  # signed notice, date of publication
QINGSHI = ROOT / "docs" / "tutorial" / "qingshi_2022.toml"  # issuer and date, no 文号


def paragraphs(plan: Plan, lang: str = "zh") -> list[Paragraph]:
    return list(docx.Document(io.BytesIO(plan_docx(plan, lang))).paragraphs)


def find(said: list[Paragraph], text: str) -> Paragraph:
    return next(p for p in said if p.text == text)


def east_asian(paragraph: Paragraph) -> str:
    fonts = paragraph.runs[0]._r.rPr.find(f"{W}rFonts")
    return str(fonts.get(f"{W}eastAsia"))


def border(paragraph: Paragraph, side: str) -> dict[str, str]:
    found = paragraph._p.pPr.find(f"{W}pBdr/{W}{side}")
    assert found is not None, f"no {side} border on {paragraph.text!r}"
    return {key.removeprefix(W): value for key, value in found.attrib.items()}


def points(length: object) -> float:
    return 0.0 if length is None else float(length.pt)  # type: ignore[attr-defined]


# -- 版头 (§7.2) ----------------------------------------------------------------------------------


def test_the_issuer_is_the_red_masthead_centred_35_mm_below_the_text_areas_top() -> None:
    said = paragraphs(load_plan(TAOLIN))
    mark = said[0]
    assert mark.text == "桃林镇人民政府"
    assert mark.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert mark.paragraph_format.space_before.mm == pytest.approx(35, abs=0.05)
    run = mark.runs[0]
    assert str(run.font.color.rgb) == RED
    assert east_asian(mark) == "方正小标宋简体"
    assert run.font.size.pt == MASTHEAD_SIZE  # 初号: the name fits a line at it
    assert text_width(mark.text) * run.font.size.pt <= WIDTH


def test_a_joint_plan_names_each_issuer_on_its_line_at_one_size() -> None:
    plan = load_plan(YUNLING)
    said = paragraphs(plan)
    marks = said[: len(plan.issuers)]
    assert [p.text for p in marks] == list(plan.issuers)
    assert {p.runs[0].font.size.pt for p in marks} == {MASTHEAD_SIZE}
    assert all(str(p.runs[0].font.color.rgb) == RED for p in marks)
    assert marks[0].paragraph_format.space_before.mm == pytest.approx(35, abs=0.05)
    assert points(marks[1].paragraph_format.space_before) == 0


def test_a_long_name_gets_a_smaller_mark_that_still_fits_one_line() -> None:
    name = "云岭区社区教育工作领导小组办公室"  # 16 characters: too wide for 初号
    plan = attrs.evolve(load_plan(YUNLING), issuers=(name, "云岭区教育局"))
    marks = paragraphs(plan)[:2]
    sizes = {p.runs[0].font.size.pt for p in marks}
    assert len(sizes) == 1
    (size,) = sizes
    assert size < MASTHEAD_SIZE
    assert text_width(name) * size <= WIDTH < text_width(name) * (size + 1)


def test_the_document_number_stands_two_lines_under_with_the_red_line_4_mm_below() -> None:
    said = paragraphs(load_plan(TAOLIN))
    number = said[1]
    assert number.text == "桃政发〔2011〕12号"
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert points(number.paragraph_format.first_line_indent) == 0
    assert points(number.paragraph_format.space_before) == pytest.approx(2 * LINE, abs=0.05)
    # The line is the paragraph's bottom border: as wide as the text area, red, 4 mm (11 pt) down.
    assert border(number, "bottom") == {"val": "single", "sz": "12", "space": "11", "color": RED}
    assert number.paragraph_format.left_indent is None
    assert number.paragraph_format.right_indent is None


def test_without_a_document_number_the_red_line_runs_under_the_issuer() -> None:
    said = paragraphs(load_plan(QINGSHI))
    assert said[0].text == "青石镇人民政府"
    assert border(said[0], "bottom")["color"] == RED


def test_a_number_without_an_issuer_opens_the_document_with_the_red_line() -> None:
    plan = attrs.evolve(load_plan(TAOLIN), issuers=(), source=None)
    said = paragraphs(plan)
    assert said[0].text == "桃政发〔2011〕12号"
    assert points(said[0].paragraph_format.space_before) == 0
    assert border(said[0], "bottom")["color"] == RED
    assert said[1].text == plan.title


def test_a_plan_without_issuer_or_number_opens_with_its_title() -> None:
    plan = attrs.evolve(load_plan(QILING), issuers=(), source=None, preamble="")
    said = paragraphs(plan)
    assert said[0].text == plan.title
    assert said[0].style.name == "Title"
    assert points(said[0].paragraph_format.space_before) == 0
    assert all(p._p.pPr is None or p._p.pPr.find(f"{W}pBdr") is None for p in said[:-1])


# -- 主体 (§7.3) ----------------------------------------------------------------------------------


def test_the_title_is_centred_in_2hao_two_lines_under_the_red_line() -> None:
    plan = load_plan(TAOLIN)
    title = find(paragraphs(plan), plan.title)
    assert title.style.name == "Title"
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.style.font.size.pt == TITLE_SIZE
    assert points(title.paragraph_format.space_before) == pytest.approx(2 * LINE, abs=0.05)


def test_the_addressee_stands_at_the_left_edge_and_the_notice_is_indented() -> None:
    said = paragraphs(load_plan(TAOLIN))
    addressee = find(said, "各村、各单位：")
    assert addressee.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert points(addressee.paragraph_format.first_line_indent) == 0
    body = said[said.index(addressee) + 1]
    assert body.text.startswith("社区教育建设是")
    assert points(body.paragraph_format.first_line_indent) > 0
    # A later line ending in a colon is the notice's text, indented as a paragraph.
    plan = attrs.evolve(
        load_plan(TAOLIN), preamble="各村、各单位：\n为推进学习型乡镇建设。\n现通知如下："
    )
    later = find(paragraphs(plan), "现通知如下：")
    assert points(later.paragraph_format.first_line_indent) > 0


def test_the_signature_is_centred_over_the_date_four_characters_from_the_right() -> None:
    said = paragraphs(load_plan(QINGSHI))
    date = find(said, "2022年2月18日")
    signature = said[said.index(date) - 1]
    assert signature.text == "青石镇人民政府"  # the 发文机关署名, the masthead's name again
    assert said.index(signature) > said.index(find(said, "一、指导思想"))
    one = character()
    for paragraph in (signature, date):
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert points(date.paragraph_format.right_indent) == pytest.approx(4 * one, abs=0.01)

    def centre(paragraph: Paragraph) -> float:  # from the right edge of the text area
        right = points(paragraph.paragraph_format.right_indent)
        return right + text_width(paragraph.text) * one / 2

    assert centre(signature) == pytest.approx(centre(date), abs=0.02)
    assert signature.paragraph_format.keep_with_next


def test_the_date_of_issue_is_in_arabic_numerals_as_gb_t_9704_2012_requires() -> None:
    # §7.3.5.4: the year, month and day in full, in Arabic numerals, no leading zeros.
    texts = [p.text for p in paragraphs(load_plan(QINGSHI))]
    assert "2022年2月18日" in texts
    assert not any(re.search("[〇一二三四五六七八九]{4}年", t) for t in texts)


def test_a_notice_that_signs_itself_is_signed_in_place_and_not_again() -> None:
    said = paragraphs(load_plan(QILING))
    texts = [p.text for p in said]
    signed = texts.index("齐陵街道党政办公室", 1)  # the first is the masthead
    assert texts[signed + 1] == "2021年3月1日"
    assert said[signed].alignment == said[signed + 1].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert texts.count("齐陵街道党政办公室") == 2
    assert texts.count("2021年3月1日") == 1


# -- 版记 (§7.4) ----------------------------------------------------------------------------------


def test_the_record_names_who_printed_it_and_when_between_two_thick_lines() -> None:
    said = paragraphs(load_plan(QILING))
    record = said[-1]
    assert record.text == "\t齐陵街道党政办公室\t2021年9月25日印发"
    assert record.runs[0].font.size.pt == 14  # 4号
    assert east_asian(record) == "仿宋_GB2312"
    for side in ("top", "bottom"):
        assert border(record, side) == {"val": "single", "sz": "8", "space": "1", "color": "000000"}
    stops = [(t.position.pt, t.alignment) for t in record.paragraph_format.tab_stops]
    one = character()  # Word keeps a tab stop in twentieths of a point
    assert [a for _, a in stops] == [WD_TAB_ALIGNMENT.LEFT, WD_TAB_ALIGNMENT.RIGHT]
    assert stops[0][0] == pytest.approx(one, abs=0.05)
    assert stops[1][0] == pytest.approx(WIDTH - one, abs=0.05)
    frame = record._p.pPr.find(f"{W}framePr")  # at the foot of the text area, centred
    assert {k.removeprefix(W): v for k, v in frame.attrib.items()} == {
        "w": str(round(WIDTH * 20)),
        "wrap": "notBeside",
        "vAnchor": "margin",
        "hAnchor": "margin",
        "xAlign": "center",
        "yAlign": "bottom",
    }
    english = paragraphs(load_plan(QILING), "en")[-1].text
    assert english == "\t齐陵街道党政办公室\tprinted and issued 25 September 2021"


def test_no_record_without_a_date_of_publication() -> None:
    said = paragraphs(load_plan(QINGSHI))
    assert not any("印发" in p.text for p in said)
    assert said[-1].style.name == "Title"  # the 配档表's title; its table follows


def test_no_record_without_an_issuer_to_name() -> None:
    plan = attrs.evolve(load_plan(QILING), issuers=(), source=None)
    assert not any(p.text.endswith("印发") for p in paragraphs(plan))


def test_a_notice_dated_without_a_signature_is_dated_in_place() -> None:
    plan = attrs.evolve(load_plan(QINGSHI), preamble="各村（居）：\n现印发给你们。\n2022年2月18日")
    said = paragraphs(plan)
    dates = [p for p in said if p.text == "2022年2月18日"]
    assert len(dates) == 1  # dated once, in the notice, not again after the body
    assert dates[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert points(dates[0].paragraph_format.right_indent) == pytest.approx(
        4 * character(), abs=0.01
    )
    assert said.index(dates[0]) < said.index(find(said, "一、指导思想"))


def test_the_importer_reads_the_record_and_a_bare_name_as_closing_lines() -> None:
    assert is_closing("齐陵街道党政办公室\t2021年9月25日印发")
    assert is_closing("金山镇")
    assert is_closing("堑头社区")
    assert not is_closing("开展活动\t2021年9月25日印发")  # no issuer before the date
    assert not is_closing("齐陵街道党政办公室\t九月印发")  # no date


# -- laid out by a real office suite ---------------------------------------------------------------


OFFICE = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) or pdftotext (poppler-utils) is not installed",
)

Box = tuple[float, float, float, float]  #: left, top, right, bottom, in points


def laid_out(plan: Plan, folder: Path) -> list[dict[str, Box]]:
    """Each page's lines of text, as LibreOffice lays the plan's document out, and their boxes."""
    source = folder / "plan.docx"
    source.write_bytes(plan_docx(plan))
    profile = folder / "profile"  # its own profile, so a running LibreOffice cannot interfere
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(folder / "plan.pdf"), "-"],
        check=True,
        capture_output=True,
        timeout=60,
        text=True,
    ).stdout
    word = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    )
    pages = []
    for page in boxes.split("<page ")[1:]:
        lines: dict[int, list[tuple[float, float, float, float, str]]] = {}
        for x0, y0, x1, y1, text in word.findall(page):
            lines.setdefault(round(float(y0)), []).append(
                (float(x0), float(y0), float(x1), float(y1), text)
            )
        pages.append(
            {
                "".join(w[4] for w in line): (
                    min(w[0] for w in line),
                    min(w[1] for w in line),
                    max(w[2] for w in line),
                    max(w[3] for w in line),
                )
                for _, line in sorted(lines.items(), reverse=True)  # the first of a text wins
            }
        )
    return pages


LEFT = 28 * POINTS_PER_MM
MIDDLE = LEFT + WIDTH / 2
BOTTOM = (297 - 35) * POINTS_PER_MM  #: the text area's bottom edge


def centre(box: Box) -> float:
    return (box[0] + box[2]) / 2


@OFFICE
def test_libreoffice_centres_the_title_and_puts_the_date_right_of_centre(tmp_path: Path) -> None:
    pages = laid_out(load_plan(QINGSHI), tmp_path)
    first = pages[0]
    mark = first["青石镇人民政府"]
    assert centre(mark) == pytest.approx(MIDDLE, abs=3)  # the masthead, centred ...
    assert mark[1] == pytest.approx((37 + 35) * POINTS_PER_MM, abs=6)  # ... 35 mm down
    assert centre(first["青石镇2022年社区教育工作计划"]) == pytest.approx(MIDDLE, abs=3)
    signed = next(page for page in pages if "2022年2月18日" in page)
    dated, signature = signed["2022年2月18日"], signed["青石镇人民政府"]
    assert signature[1] < dated[1]
    assert dated[0] > MIDDLE  # 成文日期 right of centre ...
    assert LEFT + WIDTH - dated[2] == pytest.approx(4 * character(), abs=6)  # ... 右空四字
    # Centred over the date to within a character: the office suite sets digits and the space
    # it puts between them and Chinese wider than the half a character they are reckoned at.
    assert centre(signature) == pytest.approx(centre(dated), abs=12)


@OFFICE
def test_libreoffice_puts_the_record_at_the_foot_of_the_last_page(tmp_path: Path) -> None:
    pages = laid_out(load_plan(QILING), tmp_path)
    record = pages[-1]["齐陵街道党政办公室2021年9月25日印发"]
    assert BOTTOM - 2 * RECORD_LINE < record[3] <= BOTTOM
    assert record[0] == pytest.approx(LEFT + character(), abs=2)  # the 印发机关 one in ...
    assert record[2] == pytest.approx(LEFT + WIDTH - character(), abs=2)  # ... and the date


RECORD_LINE = 14 * 2  #: the 版记's line, in points
