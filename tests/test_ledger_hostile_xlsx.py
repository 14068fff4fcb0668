"""Damaged and hostile ledger workbooks, and CSV sheets, give our errors only, never a traceback.

The workbooks are made by mutating the members of a real one (truncating them, breaking their
XML, pointing a cell at a shared string that does not exist, giving a cell a bad reference or a
number no float holds), as a damaged or crafted file would arrive.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commedu.compliance.actuals import example_ledger
from commedu.compliance.builtin import example_plan
from commedu.datafile.ledger import ledger_from_bytes, loads_ledger
from commedu.datafile.ledger_write import dumps_ledger, workbook_bytes
from commedu.errors import LedgerFileError
from commedu.model.ledger import Ledger
from tests.wording import foreign_words

PLAN = example_plan()
BOOK = workbook_bytes(PLAN, example_ledger())
RECORDS = "xl/worksheets/sheet1.xml"  # the records sheet, as the writer lays the book out
MONEY = "xl/worksheets/sheet3.xml"


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return {info.filename: book.read(info) for info in book.infolist()}


MEMBERS = _members(BOOK)


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for name, content in members.items():
            book.writestr(name, content)
    return out.getvalue()


def _with(name: str, change: Callable[[bytes], bytes]) -> bytes:
    members = dict(MEMBERS)
    members[name] = change(members[name])
    return _zip(members)


def _read(data: bytes) -> Ledger | LedgerFileError:
    try:
        return ledger_from_bytes(data, ".xlsx", PLAN, "book.xlsx")
    except LedgerFileError as error:
        return error


def _refused(data: bytes) -> LedgerFileError:
    result = _read(data)
    assert isinstance(result, LedgerFileError), result
    for problem in result.problems:
        for lang in ("en", "zh"):
            assert problem.message(lang)  # type: ignore[arg-type]
        assert not foreign_words(
            problem.message("zh"), "zh", ["book.xlsx", ".xlsx", "KiB", "NUL", str(problem.value)]
        )
    return result


def test_the_unchanged_workbook_reads() -> None:
    assert ledger_from_bytes(_zip(MEMBERS), ".xlsx", PLAN) == example_ledger()


def test_a_shared_string_out_of_range_names_its_sheet_and_row() -> None:
    def point_away(xml: bytes) -> bytes:
        cell = rb'<c r="C2" t="inlineStr"><is><t>[^<]*</t></is></c>'
        assert re.search(cell, xml)
        return re.sub(cell, b'<c r="C2" t="s"><v>9999</v></c>', xml, count=1)

    (problem,) = _refused(_with(RECORDS, point_away)).problems
    assert problem.code == "ledger-xlsx-damaged-row"
    assert problem.path == "台账 Records!A2"
    assert "2" in problem.message("zh")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"<v>1000</v>", b"<v>1e99999</v>"),  # no float holds it
        (b"<v>1000</v>", b"<v>12abc</v>"),  # not a number at all
        (b'r="I2"', b'r="I0"'),  # a reference to no cell
        (b'r="I2"', b'r="!!"'),
        (b'<row r="2"', b'<row r="x"'),
    ],
)
def test_bad_numbers_and_references_are_our_errors(old: bytes, new: bytes) -> None:
    assert old in MEMBERS[RECORDS]
    data = _with(RECORDS, lambda xml: xml.replace(old, new, 1))
    # A reference the reader can place elsewhere may still give a ledger; nothing else escapes.
    if not isinstance(_read(data), Ledger):
        _refused(data)


def test_entity_expansion_is_refused_not_expanded() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b"<!ENTITY lol%d '%s'>" % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
            for i in range(1, 10)
        )
        + b"]>"
    )

    def expand(xml: bytes) -> bytes:
        return laughs + xml.replace(b"<v>1000</v>", b"<v>&lol9;</v>", 1)

    _refused(_with(RECORDS, expand))


def test_broken_xml_in_every_member_is_our_error() -> None:
    for name in MEMBERS:
        if name.endswith((".xml", ".rels")):
            result = _read(_with(name, lambda xml: xml[: len(xml) // 2]))
            assert isinstance(result, Ledger | LedgerFileError)


def test_a_member_compressed_with_an_unsupported_method_is_our_error() -> None:
    data = bytearray(BOOK)
    # Mark every member as deflate64 (method 9), which zipfile cannot read.
    for header in (b"PK\x03\x04", b"PK\x01\x02"):
        at = data.find(header)
        while at != -1:
            offset = at + (8 if header == b"PK\x03\x04" else 10)
            data[offset : offset + 2] = (9).to_bytes(2, "little")
            at = data.find(header, at + 4)
    _refused(bytes(data))


def test_an_encrypted_member_is_our_error() -> None:
    data = bytearray(BOOK)
    for header in (b"PK\x03\x04", b"PK\x01\x02"):
        at = data.find(header)
        while at != -1:
            offset = at + (6 if header == b"PK\x03\x04" else 8)
            data[offset] |= 1  # the "encrypted" flag
            at = data.find(header, at + 4)
    _refused(bytes(data))


_MUTATIONS = st.sampled_from(["truncate", "flip", "splice", "drop"])


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(MEMBERS)),
    _MUTATIONS,
    st.floats(min_value=0, max_value=1),
    st.binary(min_size=1, max_size=12),
)
def test_any_mutated_member_gives_a_ledger_or_our_error(
    name: str, how: str, where: float, junk: bytes
) -> None:
    members = dict(MEMBERS)
    content = members[name]
    at = int(where * len(content))
    if how == "truncate":
        members[name] = content[:at]
    elif how == "flip":
        members[name] = (
            content[:at] + bytes([content[at % len(content)] ^ 0xFF]) + content[at + 1 :]
        )
    elif how == "splice":
        members[name] = content[:at] + junk + content[at:]
    else:
        del members[name]
    result = _read(_zip(members))
    assert isinstance(result, Ledger | LedgerFileError)


@settings(max_examples=40, deadline=None)
@given(st.floats(min_value=0, max_value=1))
def test_a_truncated_workbook_is_our_error(where: float) -> None:
    assert isinstance(_read(BOOK[: int(where * (len(BOOK) - 1))]), LedgerFileError)


# -- CSV --------------------------------------------------------------------------------------------

CSV = dumps_ledger(example_ledger(), "csv")
HEADER, FIRST = CSV.split("\n")[:2]


def _csv_row(**changes: str) -> str:
    cells = FIRST.split(",")
    for index, value in changes.items():
        cells[int(index.removeprefix("c"))] = value
    return f"{HEADER}\n{','.join(cells)}\n"


def test_a_cell_over_128_kib_is_named_by_its_row() -> None:
    text = _csv_row(c2="x" * 140_000)
    with pytest.raises(LedgerFileError) as caught:
        loads_ledger(text, PLAN, "csv")
    (problem,) = caught.value.problems
    assert (problem.code, problem.path) == ("ledger-csv-damaged", "A2")
    assert "128 KiB" in problem.message("zh")


@pytest.mark.parametrize("count", ["²", "٣", "1²"])
@pytest.mark.parametrize("column", ["c8", "c9"])
def test_a_digit_that_is_no_number_is_a_bad_count(count: str, column: str) -> None:
    with pytest.raises(LedgerFileError) as caught:
        loads_ledger(_csv_row(**{column: count}), PLAN, "csv")
    assert [p.code for p in caught.value.problems] == ["ledger-bad-count"]


def test_cr_only_line_ends_read_as_lines() -> None:
    ledger = loads_ledger(CSV.replace("\n", "\r"), PLAN, "csv")
    assert ledger.records == example_ledger().records


@pytest.mark.parametrize("amount", ["1e30", "0.00001", "1e999999999", "-1", "NaN"])
def test_money_outside_what_a_ledger_holds_is_bad_money(amount: str) -> None:
    text = dumps_ledger(example_ledger(), "toml")
    first = re.search(r'amount = "[^"]*"', text)
    assert first is not None
    with pytest.raises(LedgerFileError) as caught:
        loads_ledger(text.replace(first.group(0), f'amount = "{amount}"', 1), PLAN)
    assert [p.code for p in caught.value.problems] == ["bad-money"]
