"""Documents that cannot be imported get one clear sentence and exit 2, never a traceback."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import msoffcrypto.format.ooxml
import pytest

from commedu.cli import EXIT_USAGE, main
from commedu.importer import DocumentError, draft_from_bytes
from commedu.importer.document import MAX_BYTES
from tests.docbuild import build_docx

PLAN = build_docx(
    ["某镇2023年社区教育工作计划", [["月份", "工作安排", "责任部门"], ["3月", "读书会", "文化站"]]]
)


def _encrypted(tmp_path: Path) -> bytes:
    plain = tmp_path / "plain.docx"
    plain.write_bytes(PLAN)
    out = io.BytesIO()
    with plain.open("rb") as f:
        msoffcrypto.format.ooxml.OOXMLFile(f).encrypt("secret", out)
    return out.getvalue()


def _old_word(_: Path) -> bytes:
    # An OLE2 compound file as Word 97-2003 saves it: the signature, then sectors; no package.
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    return header + bytes(512 - len(header)) + "WordDocument".encode("utf-16-le") + bytes(1024)


def _truncated(_: Path) -> bytes:
    return PLAN[: len(PLAN) // 2]


def _broken_xml(_: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(PLAN)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    return out.getvalue()


def _other_zip(_: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def _picture(_: Path) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def _zip_bomb(_: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        with zipfile.ZipFile(io.BytesIO(PLAN)) as source:
            for item in source.infolist():
                target.writestr(item.filename, source.read(item))
        target.writestr("word/media/huge.bin", bytes(120 * 1024 * 1024))
    return out.getvalue()


CASES: dict[str, tuple[str, Callable[[Path], bytes], str, str]] = {
    # name: (file name, its bytes, a phrase of the English message, of the Chinese one)
    "encrypted": ("plan.docx", _encrypted, "password", "密码"),
    "old-word": ("plan.doc", _old_word, "old Word document (.doc)", "另存为 .docx"),
    "truncated": ("plan.docx", _truncated, "damaged", "已损坏"),
    "broken-xml": ("plan.docx", _broken_xml, "damaged", "已损坏"),
    "not-word-zip": ("plan.docx", _other_zip, "not a Word document", "不是 Word 文档"),
    "picture-named-docx": ("plan.docx", _picture, "not a Word document", "不是 Word 文档"),
    "picture": ("plan.png", _picture, "neither a Word document", "既不是 Word 文档"),
    "zip-bomb": ("plan.docx", _zip_bomb, "unpacks to", "解压后"),
    "rtf": (
        "plan.doc",
        lambda _: b"{\\rtf1\\ansi \\u37329?}",
        "not a Word document",
        "不是 Word 文档",
    ),
    "pdf": (
        "plan.pdf",
        lambda _: b"%PDF-1.7\n%\xe2\xe3\n",
        "not a Word document",
        "不是 Word 文档",
    ),
    "empty": ("plan.txt", lambda _: b"", "empty", "空文件"),
    "blank": ("plan.txt", lambda _: b" \n\t\n", "empty", "空文件"),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_an_unreadable_document_is_refused_clearly(
    case: str, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name, make, english, chinese = CASES[case]
    document = tmp_path / name
    document.write_bytes(make(tmp_path))
    output = tmp_path / "plan.toml"
    assert main(["--lang", lang, "import", str(document), "-o", str(output)]) == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith(f"commedu import: {document}: ")
    assert (english if lang == "en" else chinese) in line
    assert not output.exists()


def test_a_50_mb_file_is_refused_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "plan.docx"
    with document.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: the size is real, the disk is not filled
    assert main(["import", str(document), "-o", str(tmp_path / "p.toml")]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert f"is {50 * 1024 * 1024} bytes, more than" in err
    assert f"({MAX_BYTES} bytes)" in err


def test_bytes_past_the_limit_are_refused_in_memory_too() -> None:
    with pytest.raises(DocumentError) as info:
        draft_from_bytes(b"a" * (MAX_BYTES + 1), "plan.txt")
    assert info.value.code == "doc-too-large"


@pytest.mark.parametrize(
    ("target", "english", "chinese"),
    [
        ("missing.docx", "no such file", "文件不存在"),
        ("folder", "is a folder", "文件夹"),
    ],
)
def test_a_missing_file_or_a_folder_is_named(
    target: str, english: str, chinese: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "folder").mkdir()
    for lang, phrase in (("en", english), ("zh", chinese)):
        code = main(
            ["--lang", lang, "import", str(tmp_path / target), "-o", str(tmp_path / "p.toml")]
        )
        assert code == EXIT_USAGE
        assert phrase in capsys.readouterr().err


def test_an_unreadable_path_gives_the_systems_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / ("计划" * 200 + ".docx")  # longer than any file system allows
    assert main(["import", str(document), "-o", str(tmp_path / "p.toml")]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "cannot be read: the file name is too long" in err
    assert "File name too long" not in err  # the C library's words, not the catalogue's


def test_the_refusal_survives_pickling_with_its_reason() -> None:
    import pickle

    error = DocumentError("doc-too-large", {"size": 3, "limit": 2})
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.params) == ("doc-too-large", {"size": 3, "limit": 2})
    assert copy.describe("zh") == error.describe("zh") != error.describe("en") == str(copy)
