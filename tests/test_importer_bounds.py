"""The importer's work is bounded by a document's size, whatever its numbering or shape."""

from __future__ import annotations

import io
import zipfile

import pytest

from commedu.errors import DocumentError
from commedu.importer import draft_from_bytes
from commedu.importer.document import MAX_TEXT, Paragraph, Table, read_document_bytes
from commedu.importer.outline import read_outline
from tests.docbuild import Numbered, build_docx


def _with_level(data: bytes, level: str) -> bytes:
    """The document with its level-2 list entries (definition and paragraphs) at ``level``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/numbering.xml":
                assert b'w:ilvl="2"' in content
                content = content.replace(b'w:ilvl="2"', f'w:ilvl="{level}"'.encode())
            if info.filename == "word/document.xml":
                assert b'<w:ilvl w:val="2"/>' in content
                content = content.replace(
                    b'<w:ilvl w:val="2"/>', f'<w:ilvl w:val="{level}"/>'.encode()
                )
            target.writestr(info, content)
    return out.getvalue()


def test_a_numbering_level_of_two_billion_numbers_nothing() -> None:
    # Counting up to the level once took minutes; levels past Word's 0-8 are not kept.
    data = _with_level(build_docx([Numbered("工作任务", 0), Numbered("建立制度", 2)]), "2000000000")
    texts = [
        b.text for b in read_document_bytes(data, "plan.docx").blocks if isinstance(b, Paragraph)
    ]
    assert texts == ["一、工作任务", "建立制度"]


@pytest.mark.parametrize("level", ["9", "-1"])
def test_a_level_outside_word_s_range_is_ignored(level: str) -> None:
    data = _with_level(build_docx([Numbered("建立制度", 2)]), level)
    (block,) = read_document_bytes(data, "plan.docx").blocks
    assert isinstance(block, Paragraph)
    assert block.text == "建立制度"


def test_the_levels_word_uses_still_number() -> None:
    data = build_docx([Numbered("任务", 0), Numbered("机制", 1), Numbered("制度", 2)])
    texts = [b.text for b in read_document_bytes(data).blocks if isinstance(b, Paragraph)]
    assert texts == ["一、任务", "（一）机制", "1.制度"]


@pytest.mark.parametrize("line", ["这是一段文字。", "\t1月\t活动\t部门", "续", "\n"])
def test_text_over_the_bound_is_refused_before_it_is_read(line: str) -> None:
    text = "金山镇2021年社区教育工作计划\n\t1月\n" + line * (MAX_TEXT // len(line) + 1)
    with pytest.raises(DocumentError) as caught:
        read_document_bytes(text.encode("utf-8"), "plan.txt")
    assert caught.value.code == "doc-too-much-text"
    assert caught.value.params["limit"] == MAX_TEXT
    assert str(MAX_TEXT) in caught.value.describe("zh")


def test_a_word_document_over_the_bound_is_refused() -> None:
    data = build_docx(["金山镇2021年社区教育工作计划", "字" * (MAX_TEXT + 1)])
    with pytest.raises(DocumentError) as caught:
        read_document_bytes(data, "plan.docx")
    assert caught.value.code == "doc-too-much-text"


def test_text_at_the_bound_is_read() -> None:
    head = "金山镇2021年社区教育工作计划\n"
    text = head + "字" * (MAX_TEXT - len(head))
    assert len(read_document_bytes(text.encode("utf-8")).blocks) == 2


def test_a_long_cell_keeps_every_line_once_in_order() -> None:
    lines = [f"第{i}行" for i in range(2_000)]
    text = "标题\n\t1月\n" + "\n".join(lines) + "\n"
    (_, table) = read_document_bytes(text.encode("utf-8")).blocks
    assert isinstance(table, Table)
    assert table.rows[0][0].text == "\n".join(["1月", *lines])


def test_a_cell_continued_after_an_empty_line_of_spaces_keeps_its_lines() -> None:
    text = "标题\n\t甲\n乙\n\u3000\n"
    (_, table) = read_document_bytes(text.encode("utf-8")).blocks
    assert isinstance(table, Table)
    assert table.rows[0][0].text == "甲\n乙"


def test_a_long_mechanism_keeps_every_measure_in_order() -> None:
    lines = ["计划", "一、主要任务", "（一）健全管理机制", "1.建立制度。"]
    lines += [f"措施{i}。" for i in range(3_000)]
    text = "\n".join(lines).encode("utf-8")
    paragraphs = [b for b in read_document_bytes(text).blocks if isinstance(b, Paragraph)]
    (task,) = read_outline(paragraphs).tasks
    (mechanism,) = task.mechanisms
    assert [m.text for m in mechanism.measures] == [f"措施{i}。" for i in range(3_000)]


def test_a_long_front_compares_no_paragraph_with_another(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each line before any section once looked itself up in a list of them all: a text of 199,000
    # characters without a heading took 47 s. Lines are told apart by identity now.
    compared: list[object] = []
    eq = Paragraph.__eq__

    def counting(self: Paragraph, other: object) -> bool:
        compared.append(other)
        return eq(self, other)  # type: ignore[no-any-return]

    monkeypatch.setattr(Paragraph, "__eq__", counting)
    lines = ["发文日期: 2023-05-17", "市教育局、市民政局等四部门印发《某规划》", "答:1.建设;2.加强"]
    text = "\n".join(lines[n % 3] for n in range(3_000))
    draft = draft_from_bytes(text.encode(), "long.txt")
    # each body named once, however often the text names it
    assert '\nissuer = "市教育局、市民政局"\n' in draft.text
    assert len(compared) < 3_000
