"""The key-depth bound reads TOML the way tomllib does: strings, comments and inline tables."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from commedu._tomlguard import MAX_KEY_PARTS, too_deep

KEYS = st.text(min_size=1, max_size=6)
LEAVES = st.one_of(
    st.text(max_size=20),  # dots, quotes, backslashes, newlines and all
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.lists(st.floats(allow_nan=False, allow_infinity=False), max_size=4),
)
TABLES = st.recursive(
    st.dictionaries(KEYS, LEAVES, max_size=3),
    lambda inner: st.dictionaries(
        KEYS, st.one_of(LEAVES, inner, st.lists(inner, max_size=2)), max_size=3
    ),
    max_leaves=12,
)


@given(TABLES)
def test_no_file_tomli_w_writes_is_refused(table: dict[str, Any]) -> None:
    text = tomli_w.dumps(table)
    assert too_deep(text) is None
    assert tomllib.loads(text) == table


@given(
    st.lists(KEYS, min_size=MAX_KEY_PARTS + 1, max_size=MAX_KEY_PARTS + 5),
    st.sampled_from(["{} = 1", "[{}]", "x = {{{} = 1}}"]),
)
def test_a_key_of_too_many_parts_is_found_however_it_is_quoted(parts: list[str], form: str) -> None:
    key = ".".join(tomli_w.dumps({p: 1}).removesuffix(" = 1\n") for p in parts)
    text = 'before = "a.b.c"\n' + form.format(key) + "\n"
    line, column = too_deep(text) or (0, 0)
    assert line == 2
    assert text.split("\n")[1][column - 1] == "."


@pytest.mark.parametrize(
    "text",
    [
        'x = """\n' + "a.b." * 40 + '\n"""\n',  # multi-line basic string
        "x = '''\n" + "a." * 40 + "\n'''\n",  # multi-line literal string
        "x = 'a" + ".a" * 40 + "'\n",  # literal string
        'x = "\\"' + ".a" * 40 + '"\n',  # an escaped quote does not end the string
        'x = """a""""\n' + "y = 1.5\n",  # a closing quote may be content
        "# " + "a." * 40 + "\nx = 1\n",  # a comment
        "x = [1.5, 2.5, " + ", ".join(["3.5"] * 40) + "]\n",  # numbers in an array
        'x = "unclosed\n' + "y = 1\n",  # tomllib reports this one
    ],
)
def test_what_is_not_a_key_is_not_counted(text: str) -> None:
    assert too_deep(text) is None


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('x = """\n.\n"""\n' + "a" + ".a" * 40 + " = 1\n", (4, 64)),
        ("x = {a = 1, " + ".".join(["b"] * 40) + " = 2}\n", (1, 76)),
        ("[[" + ".".join(["t"] * 40) + "]]\n", (1, 66)),
    ],
)
def test_the_place_is_the_dot_past_the_limit(text: str, where: tuple[int, int]) -> None:
    assert too_deep(text) == where
