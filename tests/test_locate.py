"""Every problem in a plan file names its line and column; the locator finds them exactly."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from commedu import PlanFileError, Problem, dumps_plan, loads_plan
from commedu.datafile.locate import locate, positions, split_path

from .strategies import plans

Key = tuple[str | int, ...]


def walk(value: Any, path: Key = ()) -> Iterator[Key]:
    """Every key and array element of parsed data, in document order."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key)
            yield from walk(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield (*path, i)
            yield from walk(item, (*path, i))


def offset(text: str, place: tuple[int, int]) -> int:
    line, column = place
    return sum(len(x) + 1 for x in text.split("\n")[: line - 1]) + column - 1


keys = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8)
scalars = st.one_of(st.integers(), st.booleans(), st.text(max_size=10))
documents = st.dictionaries(
    keys,
    st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(keys, inner, max_size=3)
        ),
        max_leaves=12,
    ),
    max_size=5,
)


@given(documents, st.sampled_from([None, 2]))
def test_json_places_are_exactly_where_each_key_and_element_starts(
    data: dict[str, Any], indent: int | None
) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    places = positions(text, "json")
    decoder = json.JSONDecoder()
    for path in walk(data):
        start = offset(text, places[path])
        found, _ = decoder.raw_decode(text, start)
        if isinstance(path[-1], str):
            assert found == path[-1]  # a key's place is its opening quote
        else:
            parent: Any = data
            for part in path:
                parent = parent[part]
            assert found == parent  # an element's place is where its value starts


@given(documents, st.booleans())
def test_toml_places_cover_every_key_in_document_order(
    data: dict[str, Any], multiline: bool
) -> None:
    text = tomli_w.dumps(data, multiline_strings=multiline)
    parsed = tomllib.loads(text)
    places = positions(text, "toml")
    order = list(walk(parsed))
    assert all(path in places for path in order)
    # tomllib keeps the file's order, so walking the data walks the text forwards.
    assert [places[p] for p in order] == sorted(places[p] for p in order)


@settings(max_examples=20)  # each example writes and scans a whole plan twice
@given(plans())
def test_a_written_plan_locates_every_path_in_both_formats(plan: Any) -> None:
    for fmt in ("toml", "json"):
        text = dumps_plan(plan, fmt)  # type: ignore[arg-type]
        data = (
            tomllib.loads(text, parse_float=Decimal)
            if fmt == "toml"
            else json.loads(text, parse_float=Decimal)
        )
        places = positions(text, fmt)  # type: ignore[arg-type]
        for path in walk(data):
            line = text.split("\n")[places[path][0] - 1]
            if isinstance(path[-1], str) and not line.lstrip().startswith("["):
                # A key's line holds the key: bare or quoted, at the column given.
                rest = line[places[path][1] - 1 :]
                assert rest.startswith((path[-1], f'"{path[-1]}"')), (path, line)


def test_path_parts() -> None:
    assert split_path("schedule.activities[7].when") == ("schedule", "activities", 7, "when")
    assert split_path("tasks[0].mechanisms[1]") == ("tasks", 0, "mechanisms", 1)
    assert split_path("") == ()


TOML = """\
id = "p"   # a comment with [brackets] and "quotes"
'quoted.key' = 1
a.b.c = '''
multi
line'''
d = \"\"\"x \\\"\"\" y\"\"\"
[t]
arr = [
  1,  # one
  { x = 1, y = [2, 3] },
]
[[many]]
v = 1
[[many]]
v = 2
[[many.sub]]
w = 3
"""


@pytest.mark.parametrize(
    ("path", "place"),
    [
        (("id",), (1, 1)),
        (("quoted.key",), (2, 1)),
        (("a", "b", "c"), (3, 1)),
        (("d",), (6, 1)),
        (("t",), (7, 1)),
        (("t", "arr", 0), (9, 3)),
        (("t", "arr", 1, "y", 1), (10, 20)),
        (("many", 0, "v"), (13, 1)),
        (("many", 1), (14, 1)),
        (("many", 1, "sub", 0, "w"), (17, 1)),
    ],
)
def test_toml_places_through_strings_comments_and_arrays_of_tables(
    path: Key, place: tuple[int, int]
) -> None:
    assert tomllib.loads(TOML)  # the example is valid TOML
    assert positions(TOML, "toml")[path] == place


def test_a_missing_key_is_placed_at_the_block_it_is_missing_from() -> None:
    text = '[[schedule.activities]]\nid = "a"\n\n[[schedule.activities]]\nid = "b"\n'
    (problem,) = locate(
        [Problem("schedule.activities[1].title", "missing-key", {"key": "title"})], text, "toml"
    )
    assert (problem.line, problem.column) == (4, 1)


def test_problems_that_have_a_line_or_no_path_are_left_as_they_are() -> None:
    given_line = Problem("", "toml-syntax", {}, line=3, column=2)
    nowhere = Problem("title", "missing-key", {"key": "title"})
    assert locate([given_line, nowhere], "id = 1\n", "toml") == (given_line, nowhere)


def test_a_bad_plan_text_gets_lines_in_json_too() -> None:
    text = json.dumps({"id": "x", "year": 2022, "yaer": 2022}, indent=2)
    with pytest.raises(PlanFileError) as info:
        loads_plan(text, "json")
    (problem,) = [p for p in info.value.problems if p.path == "yaer"]
    assert (problem.line, problem.column) == (4, 3)
    assert problem.describe("en").startswith("yaer (line 4, column 3): ")
    assert problem.describe("zh").startswith("yaer（第 4 行第 3 列）：")
