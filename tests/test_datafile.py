"""The one chain every data file goes through: bytes, text, data, problems with places."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu.datafile.decode import MAX_BYTES, Refused, decode, read_bytes
from commedu.datafile.syntax import MAX_DEPTH, parse


def refused(action: Any, *args: Any, **kwargs: Any) -> Refused:
    with pytest.raises(Refused) as caught:
        action(*args, **kwargs)
    return caught.value


def codes(error: Refused) -> list[str]:
    return [p.code for p in error.problems]


# -- bytes -----------------------------------------------------------------------------------------


def test_utf8_is_decoded_and_a_bom_is_allowed_only_when_asked() -> None:
    assert decode("年终督导".encode()) == "年终督导"
    assert decode(b"\xef\xbb\xbfa,b", bom=True) == "a,b"
    assert codes(refused(decode, b"\xef\xbb\xbfa = 1")) == ["bom"]


@pytest.mark.parametrize("prefix", [b"\xff\xfe", b"\xfe\xff"])
def test_utf16_is_named(prefix: bytes) -> None:
    assert codes(refused(decode, prefix + "a".encode("utf-16-le"))) == ["utf16"]


def test_gbk_gets_a_hint_with_its_place_and_other_bytes_their_value() -> None:
    gbk = refused(decode, "title = 1\n名 = 2".encode("gbk"))
    assert codes(gbk) == ["not-utf8-gbk"]
    assert (gbk.problems[0].line, gbk.problems[0].column) == (2, 1)
    other = refused(decode, b"a = 1\xff")
    assert codes(other) == ["not-utf8"]
    assert other.problems[0].params["byte"] == "0xFF"


def test_too_many_bytes_are_refused() -> None:
    assert codes(refused(decode, b" " * (MAX_BYTES + 1))) == ["too-large"]


def test_a_missing_file_a_folder_and_a_big_file(tmp_path: Any) -> None:
    missing = refused(read_bytes, tmp_path / "nope.toml")
    assert (codes(missing), missing.unreadable) == (["no-such-file"], True)
    folder = refused(read_bytes, tmp_path)
    assert (codes(folder), folder.unreadable) == (["is-a-directory"], True)
    big = tmp_path / "big.toml"
    big.write_bytes(b" " * (MAX_BYTES + 10))
    assert len(read_bytes(big)) == MAX_BYTES + 1  # enough to tell, never the whole file


# -- text ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_fractions_are_exact(fmt: str) -> None:
    text = "a = 1.10" if fmt == "toml" else '{"a": 1.10}'
    value = parse(text, fmt)["a"]  # type: ignore[arg-type]
    assert (type(value), str(value)) == (Decimal, "1.10")


def test_syntax_errors_have_a_place_and_a_chinese_reason() -> None:
    toml = refused(parse, "a = 1\nb = \n", "toml").problems[0]
    assert (toml.code, toml.line, toml.column) == ("toml-syntax", 2, 5)
    assert toml.params["reason_zh"] != toml.params["reason"]
    json = refused(parse, '{"a": 1,\n "b" 2}', "json").problems[0]
    assert (json.code, json.line, json.column) == ("json-syntax", 2, 6)
    assert "分隔符" in json.params["reason_zh"]


def test_a_duplicate_json_key_is_refused() -> None:
    error = refused(parse, '{"a": 1, "a": 2}', "json")
    assert codes(error) == ["duplicate-key"]
    assert error.problems[0].value == "a"


def test_a_long_dotted_key_is_refused_before_tomllib_reads_it() -> None:
    error = refused(parse, "x = 1\n" + ".".join(["a"] * 8000) + " = 1\n", "toml")
    assert codes(error) == ["key-too-deep"]
    assert error.problems[0].line == 2


@pytest.mark.parametrize(
    "text", ["[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000]
)
def test_nesting_the_parser_cannot_take_is_refused(text: str) -> None:
    assert codes(refused(parse, text, "json")) == ["too-deep"]


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_nesting_deeper_than_any_file_needs_is_refused_with_its_place(fmt: str) -> None:
    depth = MAX_DEPTH + 1
    text = (
        "a = " + "[" * depth + "]" * depth
        if fmt == "toml"
        else '{"a": ' + "[" * depth + "]" * depth + "}"
    )
    error = refused(parse, text, fmt)
    assert codes(error) == ["too-deep"]
    assert error.problems[0].line == 1
    ok = MAX_DEPTH - 1
    shallow = "a = " + "[" * ok + "]" * ok if fmt == "toml" else "[" * ok + "]" * ok
    parse(shallow, fmt)  # type: ignore[arg-type]


def test_lone_surrogates_are_refused_in_keys_and_text_with_their_place() -> None:
    error = refused(parse, '{"a": {},\n "b": ["x", "\\ud800"],\n "c": {"\\udfff": 2}}', "json")
    assert codes(error) == ["lone-surrogate", "lone-surrogate"]
    at = {p.path: p.line for p in error.problems}
    assert at == {"c": 3, "b[1]": 2}


@pytest.mark.parametrize("text", ["", "  \n\t", "\ufeffa = 1"])
def test_empty_text_and_a_decoded_bom_are_named(text: str) -> None:
    assert codes(refused(parse, text, "toml"))[0] in {"empty-file", "bom"}


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_a_number_of_thousands_of_digits_is_refused(fmt: str) -> None:
    digits = "9" * 10_000
    text = f"a = {digits}" if fmt == "toml" else f'{{"a": {digits}}}'
    assert codes(refused(parse, text, fmt)) == ["number-too-long"]


def test_huge_exponents_stay_exact_decimals() -> None:
    assert parse('{"a": 1e999999999}', "json")["a"] == Decimal("1e999999999")


@given(st.text(max_size=200), st.sampled_from(["toml", "json"]))
def test_any_text_parses_or_is_refused_with_problems(text: str, fmt: str) -> None:
    problems: tuple[object, ...] = ("parsed",)
    try:
        parse(text, fmt)  # type: ignore[arg-type]
    except Refused as error:
        problems = error.problems
    assert problems
