"""The one chain every data file goes through: bytes, text, data, problems with places."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu.compliance.builtin import example_plan
from commedu.datafile.decode import MAX_BYTES, Refused, decode, read_bytes
from commedu.datafile.ledger import ledger_from_bytes, load_ledger
from commedu.datafile.plan import load_plan, loads_plan
from commedu.datafile.profile import load_profile, loads_profile
from commedu.datafile.syntax import MAX_DEPTH, parse
from commedu.errors import LedgerFileError, PlanFileError, Problem, ProfileError


def refused(action: Any, *args: Any, **kwargs: Any) -> Refused:
    with pytest.raises(Refused) as caught:
        action(*args, **kwargs)
    return caught.value


def codes(error: Refused) -> list[str]:
    return [p.code for p in error.problems]


# -- bytes -----------------------------------------------------------------------------------------


def test_utf8_is_decoded_and_a_bom_is_allowed_only_when_asked() -> None:
    assert decode("年终督导".encode(), "plan") == "年终督导"
    assert decode(b"\xef\xbb\xbfa,b", "ledger", bom=True) == "a,b"
    assert codes(refused(decode, b"\xef\xbb\xbfa = 1", "plan")) == ["bom"]


@pytest.mark.parametrize("prefix", [b"\xff\xfe", b"\xfe\xff"])
def test_utf16_is_named(prefix: bytes) -> None:
    assert codes(refused(decode, prefix + "a".encode("utf-16-le"), "plan")) == ["utf16"]


def test_gbk_gets_a_hint_with_its_place_and_other_bytes_their_value() -> None:
    gbk = refused(decode, "title = 1\n名 = 2".encode("gbk"), "plan")
    assert codes(gbk) == ["not-utf8-gbk"]
    assert (gbk.problems[0].line, gbk.problems[0].column) == (2, 1)
    other = refused(decode, b"a = 1\xff", "plan")
    assert codes(other) == ["not-utf8"]
    assert other.problems[0].params["byte"] == "0xFF"


def test_too_many_bytes_are_refused() -> None:
    assert codes(refused(decode, b" " * (MAX_BYTES + 1), "plan")) == ["too-large"]


# -- a message about the whole file names the kind of file it is --------------------------------

#: what each kind of file is called, and what the other kinds are called, in both languages
KIND_WORDS = {
    "plan": {"en": "a plan file", "zh": "计划文件"},
    "ledger": {"en": "a ledger file", "zh": "台账文件"},
    "profile": {"en": "a profile", "zh": "标准档案"},
}


#: each kind's error, its reader of bytes and its reader of a path
ERRORS: dict[str, type[Exception]] = {
    "plan": PlanFileError,
    "ledger": LedgerFileError,
    "profile": ProfileError,
}
FROM_BYTES: dict[str, Any] = {
    "plan": loads_plan,
    "ledger": lambda data, suffix=".toml": ledger_from_bytes(data, suffix, example_plan()),
    "profile": loads_profile,
}
FROM_PATH: dict[str, Any] = {
    "plan": load_plan,
    "ledger": lambda path: load_ledger(path, example_plan()),
    "profile": load_profile,
}


def _problems(kind: str, read: Any, *args: Any) -> tuple[Problem, ...]:
    with pytest.raises(ERRORS[kind]) as caught:
        read(*args)
    problems: tuple[Problem, ...] = caught.value.problems  # type: ignore[attr-defined]
    return problems


def _read(kind: str, data: bytes) -> tuple[Problem, ...]:
    return _problems(kind, FROM_BYTES[kind], data)


def _names_its_kind(problem: Problem, kind: str) -> None:
    for lang in ("en", "zh"):
        said = problem.message(lang)  # type: ignore[arg-type]
        assert KIND_WORDS[kind][lang] in said, said
        others = [words[lang] for other, words in KIND_WORDS.items() if other != kind]
        assert not any(word in said for word in others), said


@pytest.mark.parametrize("kind", ["plan", "ledger", "profile"])
def test_a_file_too_large_is_named_for_its_kind(kind: str) -> None:
    (problem,) = _read(kind, b"#" * (MAX_BYTES + 1))
    assert (problem.code, problem.params["size"]) == ("too-large", MAX_BYTES + 1)
    _names_its_kind(problem, kind)


def test_a_workbook_too_large_is_named_as_a_ledger() -> None:
    (problem,) = _problems("ledger", FROM_BYTES["ledger"], b"PK" + b"\0" * MAX_BYTES, ".xlsx")
    assert problem.code == "too-large"
    _names_its_kind(problem, "ledger")


@pytest.mark.parametrize("kind", ["plan", "ledger", "profile"])
def test_a_folder_is_named_for_the_kind_of_file_expected(kind: str, tmp_path: Any) -> None:
    folder = tmp_path / "plans.toml"
    folder.mkdir()
    (problem,) = _problems(kind, FROM_PATH[kind], folder)
    assert problem.code == "is-a-directory"
    _names_its_kind(problem, kind)


@pytest.mark.parametrize("kind", ["plan", "ledger", "profile"])
def test_nesting_and_long_numbers_are_named_for_the_kind(kind: str) -> None:
    depth = MAX_DEPTH + 1
    (deep,) = _read(kind, ("a = " + "[" * depth + "]" * depth + "\n").encode())
    assert deep.code == "too-deep"
    _names_its_kind(deep, kind)
    (long,) = _read(kind, ("a = " + "9" * 10_000 + "\n").encode())
    assert long.code == "number-too-long"
    _names_its_kind(long, kind)


@pytest.mark.parametrize(
    ("kind", "start"),
    [("plan", "commedu init"), ("ledger", "commedu ledger init"), ("profile", None)],
)
def test_an_empty_file_says_where_to_start_for_its_kind(kind: str, start: str | None) -> None:
    (problem,) = _read(kind, b"  \n")
    assert problem.code == "empty-file"
    for lang in ("en", "zh"):
        said = problem.message(lang)  # type: ignore[arg-type]
        if start is None:
            assert "commedu" not in said, said
        else:
            assert start in said, said
            assert ("ledger init" in said) == (kind == "ledger"), said
    if kind == "profile":
        assert "标准档案" in problem.message("zh")


def test_a_missing_file_a_folder_and_a_big_file(tmp_path: Any) -> None:
    missing = refused(read_bytes, tmp_path / "nope.toml", "plan")
    assert (codes(missing), missing.unreadable) == (["no-such-file"], True)
    folder = refused(read_bytes, tmp_path, "plan")
    assert (codes(folder), folder.unreadable) == (["is-a-directory"], True)
    big = tmp_path / "big.toml"
    big.write_bytes(b" " * (MAX_BYTES + 10))
    assert len(read_bytes(big, "plan")) == MAX_BYTES + 1  # enough to tell, never the whole file


# -- text ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_fractions_are_exact(fmt: str) -> None:
    text = "a = 1.10" if fmt == "toml" else '{"a": 1.10}'
    value = parse(text, fmt, "plan")["a"]  # type: ignore[arg-type]
    assert (type(value), str(value)) == (Decimal, "1.10")


def test_syntax_errors_have_a_place_and_a_chinese_reason() -> None:
    toml = refused(parse, "a = 1\nb = \n", "toml", "plan").problems[0]
    assert (toml.code, toml.line, toml.column) == ("toml-syntax", 2, 5)
    assert toml.params["reason_zh"] != toml.params["reason"]
    json = refused(parse, '{"a": 1,\n "b" 2}', "json", "plan").problems[0]
    assert (json.code, json.line, json.column) == ("json-syntax", 2, 6)
    assert "分隔符" in json.params["reason_zh"]


def test_a_duplicate_json_key_is_refused() -> None:
    error = refused(parse, '{"a": 1, "a": 2}', "json", "plan")
    assert codes(error) == ["duplicate-key"]
    assert error.problems[0].value == "a"


def test_a_long_dotted_key_is_refused_before_tomllib_reads_it() -> None:
    error = refused(parse, "x = 1\n" + ".".join(["a"] * 8000) + " = 1\n", "toml", "plan")
    assert codes(error) == ["key-too-deep"]
    assert error.problems[0].line == 2


@pytest.mark.parametrize(
    "text", ["[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000]
)
def test_nesting_the_parser_cannot_take_is_refused(text: str) -> None:
    assert codes(refused(parse, text, "json", "plan")) == ["too-deep"]


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_nesting_deeper_than_any_file_needs_is_refused_with_its_place(fmt: str) -> None:
    depth = MAX_DEPTH + 1
    text = (
        "a = " + "[" * depth + "]" * depth
        if fmt == "toml"
        else '{"a": ' + "[" * depth + "]" * depth + "}"
    )
    error = refused(parse, text, fmt, "plan")
    assert codes(error) == ["too-deep"]
    assert error.problems[0].line == 1
    ok = MAX_DEPTH - 1
    shallow = "a = " + "[" * ok + "]" * ok if fmt == "toml" else "[" * ok + "]" * ok
    parse(shallow, fmt, "plan")  # type: ignore[arg-type]


def test_lone_surrogates_are_refused_in_keys_and_text_with_their_place() -> None:
    error = refused(
        parse, '{"a": {},\n "b": ["x", "\\ud800"],\n "c": {"\\udfff": 2}}', "json", "plan"
    )
    assert codes(error) == ["lone-surrogate", "lone-surrogate"]
    at = {p.path: p.line for p in error.problems}
    assert at == {"c": 3, "b[1]": 2}


@pytest.mark.parametrize("text", ["", "  \n\t", "\ufeffa = 1"])
def test_empty_text_and_a_decoded_bom_are_named(text: str) -> None:
    assert codes(refused(parse, text, "toml", "plan"))[0] in {"empty-file", "bom"}


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_a_number_of_thousands_of_digits_is_refused(fmt: str) -> None:
    digits = "9" * 10_000
    text = f"a = {digits}" if fmt == "toml" else f'{{"a": {digits}}}'
    assert codes(refused(parse, text, fmt, "plan")) == ["number-too-long"]


def test_huge_exponents_stay_exact_decimals() -> None:
    assert parse('{"a": 1e999999999}', "json", "plan")["a"] == Decimal("1e999999999")


@given(st.text(max_size=200), st.sampled_from(["toml", "json"]))
def test_any_text_parses_or_is_refused_with_problems(text: str, fmt: str) -> None:
    problems: tuple[object, ...] = ("parsed",)
    try:
        parse(text, fmt, "plan")  # type: ignore[arg-type]
    except Refused as error:
        problems = error.problems
    assert problems
