"""`commedu validate` starts light: it loads what reading a plan needs, and nothing for later.

What a command imports is most of its start: attrs, the model's classes and the plan-file reader
are needed, the rule engine, the calendar exporter, the reports and their libraries are not.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu._typecheck import fields_repr
from commedu.cli import main
from commedu.datafile import syntax
from commedu.datafile.decode import FileKind
from commedu.model.fieldcheck import define, mutable
from commedu.model.parts import Department
from commedu.model.when import grammar
from commedu.model.when.pattern import Pattern

ROOT = Path(__file__).resolve().parent.parent
JINSHAN = ROOT / "examples" / "jinshan_2021.toml"

#: Rooms and libraries `validate` has no use for on a good TOML plan: rules, calendars, reports,
#: the server, the importer, the table of observances, and the libraries only they (or a plan's
#: rarer *when*s, a JSON file, a mistake to suggest a fix for, a JSON report) need.
NOT_FOR_VALIDATE = (
    "commedu.compliance",
    "commedu.calendar",
    "commedu.report",
    "commedu.web",
    "commedu.importer",
    "commedu.model.observances",
    "dateutil",
    "six",
    "icalendar",
    "holidays",
    "lunar_python",
    "pypinyin",
    "openpyxl",
    "docx",
    "markupsafe",
    "segno",
    "pygal",
    "waitress",
    "tomli_w",
    "importlib.metadata",
    "json",
    "difflib",
)

_PROBE = """
import contextlib, io, sys
from commedu.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(["validate", sys.argv[1]])
print(code)
print("\\n".join(sys.modules))
"""


def _validate_loads(plan: Path) -> tuple[int, set[str]]:
    """The exit code of ``commedu validate plan`` in a fresh process, and every module it loaded."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(plan)], capture_output=True, text=True, check=True
    )
    code, *modules = result.stdout.split()
    return int(code), set(modules)


def _unneeded(modules: set[str]) -> set[str]:
    return {m for m in modules for x in NOT_FOR_VALIDATE if m == x or m.startswith(f"{x}.")}


def test_validate_on_the_jinshan_plan_loads_nothing_it_does_not_use() -> None:
    code, modules = _validate_loads(JINSHAN)
    assert code == 0
    assert "commedu.model.plan" in modules  # the probe saw the plan read
    assert _unneeded(modules) == set()


def test_a_plan_with_a_recurrence_loads_the_rule_reader(tmp_path: Path) -> None:
    # dateutil is left out only because the Jinshan plan has no RRULE: one that has loads it
    text = JINSHAN.read_text(encoding="utf-8")
    rule = "2021-01-04T16:30/PT1H RRULE:FREQ=WEEKLY;COUNT=3"
    plan = tmp_path / "plan.toml"
    plan.write_text(text.replace('when = "1月"', f'when = "{rule}"', 1), encoding="utf-8")
    code, modules = _validate_loads(plan)
    assert code == 0
    assert "dateutil.rrule" in modules
    assert {m.split(".")[0] for m in _unneeded(modules)} == {"dateutil", "six"}


def test_a_plan_naming_an_observance_loads_the_table_of_observances(tmp_path: Path) -> None:
    # the festivals a *when* may name are read only for a plan that names one
    text = JINSHAN.read_text(encoding="utf-8")
    plan = tmp_path / "plan.toml"
    plan.write_text(text.replace('when = "1月"', 'when = "教师节前后"', 1), encoding="utf-8")
    code, modules = _validate_loads(plan)
    assert code == 0
    assert _unneeded(modules) == {"commedu.model.observances"}


def test_validate_reads_and_parses_each_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # the warnings look at the parse the plan was read from, not at a second one: a placeholder
    # left in the file is still found at its line and column
    text = JINSHAN.read_text(encoding="utf-8")
    title = '"办好全民终身学习活动周"'
    assert title in text
    plan = tmp_path / "plan.toml"
    plan.write_text(text.replace(title, '"待填写"', 1), encoding="utf-8")
    parsed: list[str] = []
    parse_toml = syntax._toml

    def counted(text: str, kind: FileKind) -> object:
        parsed.append(kind)
        return parse_toml(text, kind)

    monkeypatch.setattr(syntax, "_toml", counted)
    assert main(["validate", "--format", "json", str(plan), str(JINSHAN)]) == 0
    assert [kind for kind in parsed if kind == "plan"] == ["plan", "plan"]
    warnings = [p for f in json.loads(capsys.readouterr().out)["files"] for p in f["problems"]]
    line = text[: text.index(title)].count("\n") + 1
    assert [(w["code"], w["line"]) for w in warnings] == [("hint-placeholder", line)]


# -- the grammar's patterns, compiled on first use ----------------------------------------------

_PATTERNS = sorted(
    (name, value) for name, value in vars(grammar).items() if isinstance(value, Pattern)
)
#: Characters the patterns are made of, and a few they are not.
_ALPHABET = "0123456789-/:：年月日号前后至到~ 一二三四五十周每旬底RULEFQ=;TPH[]ax"


@pytest.mark.parametrize(("name", "pattern"), _PATTERNS, ids=[name for name, _ in _PATTERNS])
@given(text=st.text(alphabet=_ALPHABET, max_size=24))
def test_a_pattern_answers_as_the_regular_expression_would(
    name: str, pattern: Pattern, text: str
) -> None:
    # a pattern left uncompiled because the text lacks a character it needs must not change
    # a single answer
    source = re.compile(pattern.source, pattern.flags)
    expected = source.fullmatch(text)
    found = pattern.fullmatch(text)
    assert (found and found.groups()) == (expected and expected.groups())
    assert pattern.sub("#", text) == source.sub("#", text)


def test_a_pattern_is_compiled_only_when_a_text_could_match() -> None:
    pattern = Pattern(r"(\d+):(\d+)", needs=":")
    assert pattern.fullmatch("4月") is None
    assert pattern.sub("#", "4月") == "4月"
    assert not pattern.compiled
    match = pattern.fullmatch("8:30")
    assert match is not None
    assert match.groups() == ("8", "30")
    assert pattern.compiled


# -- a class's repr, worked out when called -----------------------------------------------------


def _twins() -> tuple[type, type]:
    """One class declared twice: with attrs' compiled ``__repr__`` and with ours."""

    def body() -> dict[str, object]:
        return {
            "__annotations__": {
                "name": "str",
                "items": "tuple[object, ...]",
                "hidden": "int",
                "shown": "object",
                "later": "str",
            },
            "name": attrs.field(),
            "items": attrs.field(default=()),
            "hidden": attrs.field(default=0, repr=False),
            "shown": attrs.field(default=None, repr=lambda value: f"<{value}>"),
            "later": attrs.field(init=False, default="x"),
        }

    ours = define(type("Twin", (), body()))
    theirs = attrs.frozen(type("Twin", (), body()))
    return ours, theirs


_TEXT = st.text(alphabet="ab中'\"\\ ", max_size=8)  # quotes and a backslash for repr to escape


@given(
    name=_TEXT,
    items=st.lists(st.integers() | _TEXT, max_size=3),
    hidden=st.integers(),
)
def test_a_repr_says_what_attrs_would(name: str, items: list[object], hidden: int) -> None:
    ours, theirs = _twins()
    assert ours.__repr__ is fields_repr
    mine, attrs_own = ours(name, tuple(items), hidden), theirs(name, tuple(items), hidden)
    assert repr(mine) == repr(attrs_own)
    # nested: the same object twice side by side is shown in full both times, as attrs does
    assert repr(ours(name, (mine, mine))) == repr(theirs(name, (attrs_own, attrs_own)))


def test_a_class_keeps_its_own_repr_and_a_repr_option() -> None:
    @define
    class Own:
        value: int

        def __repr__(self) -> str:
            return "own"

    @define(repr=False)
    class Plain:
        value: int

    assert repr(Own(1)) == "own"
    assert Plain.__repr__ is object.__repr__
    assert repr(Department("centre", "社区教育中心")) == (
        "Department(id='centre', name='社区教育中心', aliases=(), color=None)"
    )


def test_an_object_inside_itself_is_shown_as_dots() -> None:
    @mutable
    class Node:
        children: list[object]

    node = Node([])
    node.children.append(node)
    assert repr(node) == "Node(children=[...])"
