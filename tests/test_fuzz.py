"""Fuzzing: whatever a plan file holds, the only error that escapes is a PlanError with a message.

Plan files come from people who make every mistake there is, so the readers are fed arbitrary
TOML documents (shaped like plans or not), valid plan files mutated key by key, arbitrary text and
arbitrary bytes; and every valid plan is fed to ``check`` and ``to_ics``. Any other exception, or a
PlanError whose message is empty in either language, fails the test.

Hypothesis' deadline is off: these tests assert behaviour, never speed. The default profile runs a modest number of examples; ``HYPOTHESIS_PROFILE=long`` runs many more.
"""

from __future__ import annotations

import copy
import json
import tomllib
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commedu import (
    DataFileError,
    ExportError,
    Plan,
    PlanError,
    PlanFileError,
    check,
    dumps_plan,
    load_plan,
    loads_plan,
    to_ics,
)
from tests.conftest import EXAMPLES, load_example
from tests.strategies import plans

JINSHAN_TOML = (EXAMPLES / "jinshan_2021.toml").read_text(encoding="utf-8")
#: The Jinshan plan as a plan file writes it, as plain data to mutate.
JINSHAN_DOC: dict[str, Any] = tomllib.loads(dumps_plan(load_example("jinshan_2021").build_plan()))

#: Every key a plan file uses anywhere, so generated documents hit the real schema often.
PLAN_KEYS = sorted(
    {
        "id",
        "year",
        "title",
        "township",
        "name",
        "district",
        "city",
        "province",
        "resident_population",
        "profile",
        "issued_on",
        "published_on",
        "source",
        "issuer",
        "url",
        "centre",
        "guiding_principles",
        "goals",
        "commitments",
        "full_time_staff",
        "part_time_staff",
        "staff",
        "low",
        "high",
        "funding_per_resident",
        "funding_earmarked",
        "learning_brands",
        "resources",
        "budget",
        "departments",
        "aliases",
        "stations",
        "place",
        "theme",
        "focus",
        "description",
        "tasks",
        "number",
        "measures",
        "text",
        "mechanisms",
        "kind",
        "standing",
        "schedule",
        "activities",
        "when",
        "responsible",
        "station",
        "serves",
        "target_groups",
    }
)

#: Strings that have broken parsers, templates and message formatting elsewhere.
HOSTILE = (
    "",
    " ",
    "\n",
    "\t\r\n",
    "\x00",
    "\x7f\x1b[31m",
    "\u202etxt.exe",
    "\ufeff",
    "🎉" * 50,
    "𠀀𪚥",
    "{}",
    "{0}",
    "{value!r}",
    "{0.__class__.__mro__}",
    "%s%n%x",
    "${HOME}",
    "{{ 7*7 }}",
    "__import__('os').system('true')",
    "!!python/object/apply:os.system ['true']",
    "'; DROP TABLE plans; --",
    "../../../../etc/passwd",
    "file:///etc/passwd",
    "http://127.0.0.1:9/plan.toml",
    "13月",
    "0月",
    "2月30日",
    "7-3月",
    "2021-02-29",
    "1999-01-01",
    "4月下旬前",
    "2021-03-08T25:00/PT2H",
    "2021-03-08T10:00/PT0S",
    "2021-03-08T10:00/PT1H[Mars/Olympus]",
    "2021-03-08T10:00/PT1H RRULE:FREQ=DAILY",
    "2021-03-08T10:00/PT1H RRULE:FREQ=YEARLY;COUNT=5",
    "2021-03-08T10:00/PT1H RRULE:FREQ=WEEKLY;COUNT=3;DTSTART=20210101",
    "2021-03-08T10:00/PT1H RRULE:NONSENSE EXDATE:20210309",
    "9" * 30,
    "-1",
    "1e400",
    "NaN",
    "a" * 5000,
)

keys = st.one_of(st.sampled_from(PLAN_KEYS), st.text(max_size=12))
toml_scalars = st.one_of(
    st.text(),
    st.sampled_from(HOSTILE),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.booleans(),
    st.dates(),
    st.datetimes(timezones=st.sampled_from([None, UTC])),
    st.times(),
)
toml_values = st.recursive(
    toml_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=4),
    max_leaves=20,
)
toml_documents = st.dictionaries(keys, toml_values, max_size=8)

when_texts = st.one_of(
    st.sampled_from(HOSTILE),
    st.sampled_from(["4月", "7-8月", "4月下旬", "4月底", "5月前", "3月8日", "2021-03-08"]),
    st.from_regex(r"\d{1,4}[-月日/T:]\d{0,4}[月日旬底前]?", fullmatch=True),
    st.text(max_size=20),
)
activity_tables = st.fixed_dictionaries(
    {},
    optional={
        "id": st.text(max_size=8) | st.sampled_from(["m01-1", "a1", "A B"]),
        "title": st.text(max_size=8),
        "when": when_texts,
        "responsible": st.lists(st.sampled_from(["centre", "文化站", "nobody", ""]), max_size=3),
        "station": st.sampled_from(["dongya", "东崖村社区教育工作站", "nowhere"]),
        "serves": st.lists(st.sampled_from(["t1", "t1.m1", "t9"]), max_size=2),
        "target_groups": st.lists(st.text(max_size=5), max_size=2),
        "description": toml_scalars,
    },
)
#: Documents shaped like a plan file: known keys at the top, activities with plausible *when*s.
plan_shaped_documents = st.fixed_dictionaries(
    {},
    optional={
        "id": st.sampled_from(["x-2021", "BAD ID", ""]) | toml_scalars,
        "year": st.sampled_from([2021, 1899, 3000, "2021"]) | toml_scalars,
        "title": st.text(max_size=10) | toml_scalars,
        "township": st.fixed_dictionaries(
            {"name": st.text(max_size=5), "province": st.text(max_size=5)},
            optional={
                "district": toml_scalars,
                "city": toml_scalars,
                "resident_population": toml_scalars,
            },
        )
        | toml_values,
        "commitments": st.dictionaries(
            st.sampled_from(
                ["full_time_staff", "staff", "funding_per_resident", "learning_brands", "x"]
            ),
            toml_values,
        ),
        "departments": st.lists(
            st.fixed_dictionaries(
                {"id": st.sampled_from(["centre", "c2", "Bad"]), "name": st.text(max_size=5)}
            ),
            max_size=3,
        ),
        "schedule": st.fixed_dictionaries({"activities": st.lists(activity_tables, max_size=4)}),
    },
)


def assert_only_plan_errors(call: Callable[[], object]) -> object:
    """Run ``call``; one of commedu's errors that carry problems (the plan's, a file's or
    profile's, an export's), with a message in both languages, is the only allowed failure."""
    try:
        return call()
    except (PlanError, DataFileError, ExportError) as exc:
        error = exc
    assert error.problems
    assert str(error).strip()
    for lang in ("en", "zh"):
        assert error.describe(lang).strip()
        for problem in error.problems:
            assert problem.message(lang).strip()
    return None


def assert_loads_safely(text: str) -> None:
    for fmt in ("toml", "json"):
        plan = assert_only_plan_errors(lambda fmt=fmt: loads_plan(text, fmt))  # type: ignore[misc]
        if plan is not None:
            assert isinstance(plan, Plan)


def _render_json(doc: Any) -> str:
    def plain(value: Any) -> Any:
        if isinstance(value, datetime | date | time):
            return value.isoformat()
        raise TypeError(type(value).__name__)

    return json.dumps(doc, ensure_ascii=False, default=plain)


@settings(deadline=None)
@given(toml_documents)
def test_arbitrary_toml_documents(doc: dict[str, Any]) -> None:
    text = tomli_w.dumps(doc)
    assert_loads_safely(text)
    assert_only_plan_errors(lambda: loads_plan(_render_json(doc), "json"))


@settings(deadline=None)
@given(plan_shaped_documents)
def test_documents_shaped_like_plans(doc: dict[str, Any]) -> None:
    assert_loads_safely(tomli_w.dumps(doc))
    assert_only_plan_errors(lambda: loads_plan(_render_json(doc), "json"))


# -- mutations of a valid plan file ---------------------------------------------------------------


def _places(node: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in a document, the document's own top level included."""
    found: list[tuple[Any, Any]] = []
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        found.append((node, key))
        if isinstance(value, dict | list) and value:
            found.extend(_places(value))
    return found


def _scalars(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in _scalars(v)]
    if isinstance(node, list):
        return [s for v in node for s in _scalars(v)]
    return [node]


@st.composite
def mutated_plans(draw: st.DrawFn) -> dict[str, Any]:
    """The Jinshan plan file with one to five keys deleted, duplicated, retargeted or retyped."""
    doc = copy.deepcopy(JINSHAN_DOC)
    for _ in range(draw(st.integers(1, 5))):
        places = _places(doc)
        if not places:
            break
        container, key = draw(st.sampled_from(places))
        action = draw(
            st.sampled_from(["delete", "duplicate", "retarget", "move", "retype", "hostile"])
        )
        if action == "delete":
            del container[key]
        elif action == "duplicate":
            if isinstance(container, list):
                container.insert(key, copy.deepcopy(container[key]))
            else:
                container[draw(keys)] = copy.deepcopy(container[key])
        elif action == "retarget":
            container[key] = draw(st.sampled_from(_scalars(JINSHAN_DOC)))
        elif action == "move":
            value = container.pop(key)
            tables = [c for c, k in _places(doc) if isinstance(c, dict)] or [doc]
            draw(st.sampled_from(tables))[key if isinstance(key, str) else draw(keys)] = value
        elif action == "retype":
            container[key] = draw(toml_values)
        else:
            container[key] = draw(st.sampled_from(HOSTILE))
    return doc


@settings(deadline=None)
@given(mutated_plans())
def test_mutated_plan_files(doc: dict[str, Any]) -> None:
    text = tomli_w.dumps(doc)
    plan = assert_only_plan_errors(lambda: loads_plan(text))
    if plan is not None:
        assert isinstance(plan, Plan)
        # A mutation the reader accepts still gives a plan that writes and reads back the same.
        again = loads_plan(dumps_plan(plan))
        assert again.activities == plan.activities
        assert again.departments == plan.departments
    assert_only_plan_errors(lambda: loads_plan(_render_json(doc), "json"))


@st.composite
def mutated_texts(draw: st.DrawFn) -> str:
    """The Jinshan TOML text with snippets spliced in or cut out at arbitrary places."""
    text = JINSHAN_TOML
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        end = draw(st.integers(at, min(len(text), at + 40)))
        snippet = draw(
            st.sampled_from(['"', "'", "[", "]]", "=", "\n[[x]]\n", "\\u", "\n", "#", "{", "}"])
            | st.sampled_from(HOSTILE)
            | st.text(max_size=8)
        )
        text = text[:at] + snippet + text[end:]
    return text


@settings(deadline=None)
@given(mutated_texts())
def test_mutated_plan_text(text: str) -> None:
    assert_only_plan_errors(lambda: loads_plan(text))


@settings(deadline=None)
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    assert_loads_safely(text)


# -- bytes from disk ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@st.composite
def mutated_bytes(draw: st.DrawFn) -> bytes:
    data = bytearray(JINSHAN_TOML.encode("utf-8"))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        data[at : at + draw(st.integers(0, 4))] = draw(st.binary(max_size=4))
    return bytes(data)


@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.one_of(st.binary(), mutated_bytes()), suffix=st.sampled_from([".toml", ".json"]))
def test_arbitrary_bytes_from_a_file(scratch: Path, data: bytes, suffix: str) -> None:
    path = scratch / f"plan{suffix}"
    path.write_bytes(data)
    assert_only_plan_errors(lambda: load_plan(path))


def test_undecodable_bytes_are_reported(scratch: Path) -> None:
    path = scratch / "latin1.toml"
    path.write_bytes(b"\x80")
    with pytest.raises(PlanFileError, match="UTF-8"):
        load_plan(path)


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_huge_integer_literals_are_reported(fmt: str) -> None:
    text = "year = " + "9" * 5000 if fmt == "toml" else '{"year": ' + "9" * 5000 + "}"
    with pytest.raises(PlanFileError) as caught:
        loads_plan(text, fmt)  # type: ignore[arg-type]
    assert [p.code for p in caught.value.problems] == ["number-too-long"]


# -- valid plans through the rest of the pipeline -------------------------------------------------


@settings(deadline=None)
@given(plans())
def test_check_and_export_any_valid_plan(plan: Plan) -> None:
    for profile in (None, "shandong-township", "national-demonstration"):
        report = assert_only_plan_errors(lambda profile=profile: check(plan, profile))  # type: ignore[misc]
        if report is not None:
            for lang in ("en", "zh"):
                assert report.to_text(lang).strip()  # type: ignore[attr-defined]
                json.loads(report.to_json(lang))  # type: ignore[attr-defined]
    stamp = datetime(2021, 1, 1, tzinfo=UTC)
    for component in ("event", "todo"):
        data = assert_only_plan_errors(
            lambda component=component: to_ics(plan, component=component, stamp=stamp)  # type: ignore[misc]
        )
        if data is not None:
            assert isinstance(data, bytes)
            assert data.startswith(b"BEGIN:VCALENDAR\r\n")
        else:
            assert not plan.activities, "only a plan without activities has nothing to export"
