"""Every public constructor and function checks its arguments' types and names the bad one."""

from __future__ import annotations

import enum
import inspect
import sys
import tempfile
import typing
import warnings
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import commedu
import commedu.errors
from commedu import (
    DEFAULT_ZONE,
    Activity,
    CommeduError,
    Department,
    Month,
    Part,
    Plan,
    Text,
    Township,
)
from commedu._typecheck import conforms, field_hint
from commedu.compliance.actuals import example_ledger
from commedu.compliance.examples import example_plan

from .strategies import wrongly_typed

PLAN = example_plan()
LEDGER = example_ledger()
LEDGER_TEXT = commedu.dumps_ledger(LEDGER)
SHANDONG = Path(commedu.__file__).parent / "profiles" / "shandong-township.toml"
STAMP = datetime(2021, 1, 1, tzinfo=DEFAULT_ZONE)
START = datetime(2021, 3, 8, 14, 30, tzinfo=DEFAULT_ZONE)


def _calls(folder: Path) -> dict[str, dict[str, Any]]:
    """For each public callable, keyword arguments it accepts."""
    plan_file = folder / "plan.toml"
    plan_file.write_text(commedu.dumps_plan(PLAN), "utf-8")
    ledger_file = commedu.dump_ledger(LEDGER, folder / "ledger.toml", PLAN)
    return {
        "Township": {"name": "示例镇", "district": "区", "city": "市", "province": "省"},
        "Source": {"title": "计划", "issuer": "镇", "issued_on": date(2021, 1, 5)},
        "Department": {"id": "d1", "name": "部门", "aliases": ("别名",)},
        "EducationCentre": {"name": "社区教育中心"},
        "Station": {"id": "s1", "name": "工作站", "place": "东村", "theme": "村史"},
        "Measure": {"text": "开展活动。", "title": "活动"},
        "Mechanism": {
            "id": "m1",
            "number": 1,
            "title": "机制",
            "kind": commedu.MechanismKind.GUIDANCE,
        },
        "Task": {"id": "t1", "number": 1, "title": "任务"},
        "CountRange": {"low": 1, "high": 2},
        "Commitments": {"full_time_staff": 2, "funding_per_resident": Decimal(1)},
        "Resources": {"full_time_staff": 1, "part_time_staff": 2, "budget": Decimal(100)},
        "Activity": {
            "id": "a1",
            "title": "讲座",
            "when": Month(2021, 3),
            "responsible": (Department("d1", "部门"),),
        },
        "Schedule": {"activities": (), "title": "配档表"},
        "Plan": {
            "id": "p-2021",
            "township": Township("示例镇", "区", "市", "省"),
            "year": 2021,
            "title": "计划",
        },
        "DateSpan": {"first": date(2021, 3, 1), "last": date(2021, 3, 2)},
        "Month": {"year": 2021, "month": 3},
        "MonthSpan": {"year": 2021, "first": 3, "last": 4},
        "MonthPart": {"year": 2021, "month": 3, "part": Part.LATE},
        "Deadline": {"due": date(2021, 4, 30)},
        "Day": {"date": date(2021, 3, 8)},
        "DayRange": {"first": date(2021, 3, 8), "last": date(2021, 3, 9)},
        "Session": {"start": START, "duration": timedelta(hours=2)},
        "Recurrence": {
            "start": START,
            "duration": timedelta(hours=1),
            "rule": "FREQ=WEEKLY;COUNT=2",
        },
        "Text": {"en": "text", "zh": "文本"},
        "Place": {"id": "no1-school", "name": "第一中学", "kind": commedu.PlaceKind.SCHOOL},
        "Target": {
            "id": "staff-training-rate",
            "what": "从业人员年继续教育培训率",
            "comparator": commedu.Comparator.AT_LEAST,
            "value": Decimal(50),
        },
        "NotApplicable": {"reason": Text("no stations", "没有工作站")},
        "check": {"plan": PLAN, "profile": "shandong-township", "select": ["CE1"]},
        "assess": {"plan": PLAN, "profile": "shandong-township", "select": ["CE1"]},
        "to_calendar": {"plan": PLAN, "stamp": STAMP, "lang": "en"},
        "to_ics": {"plan": PLAN, "stamp": STAMP, "months": (3, 4), "component": "todo"},
        "write_ics": {"plan": PLAN, "path": folder / "out.ics", "stamp": STAMP},
        "write_split": {"plan": PLAN, "folder": folder / "split", "by": "department"},
        "dumps_plan": {"plan": PLAN, "format": "json"},
        "dump_plan": {"plan": PLAN, "path": folder / "written.toml", "format": "toml"},
        "loads_plan": {"text": commedu.dumps_plan(PLAN), "format": "toml"},
        "load_plan": {"path": plan_file},
        "load_profile": {"name_or_path": "shandong-township"},
        "loads_profile": {"text": SHANDONG.read_text("utf-8"), "source": "shandong"},
        "parse_when": {"text": "3月", "year": 2021},
        "load_ledger": {"path": ledger_file, "plan": PLAN},
        "loads_ledger": {"text": LEDGER_TEXT, "plan": PLAN, "format": "toml", "source": "l"},
        "dump_ledger": {"ledger": LEDGER, "path": folder / "written.json", "plan": PLAN},
        "dumps_ledger": {"ledger": LEDGER, "format": "json"},
        "dumps_profile": {"profile": commedu.load_profile("shandong-township")},
        "dump_profile": {
            "profile": commedu.load_profile("shandong-township"),
            "path": folder / "written-profile.toml",
        },
    }


#: Files the calls read and write; removed when the test run ends.
_FOLDER = tempfile.TemporaryDirectory(prefix="commedu-arguments-")
CALLS = _calls(Path(_FOLDER.name))


def _hints(name: str) -> Mapping[str, Any]:
    target = getattr(commedu, name)
    if isinstance(target, type) and attrs.has(target):
        return typing.get_type_hints(target)
    hints = dict(typing.get_type_hints(target))
    if "options" in inspect.signature(target).parameters:
        from commedu.calendar.ics import ExportOptions

        hints |= typing.get_type_hints(ExportOptions)
        del hints["options"]
    return hints


#: Values of every kind a caller might pass by mistake.
WRONG = wrongly_typed(Text("a", "甲"), Department("d9", "部门"))


def test_every_public_callable_has_a_valid_call() -> None:
    """The table covers the API: each call works as given, so a failure below is the bad value."""
    public = {
        name
        for name in commedu.__all__
        if callable(getattr(commedu, name))
        and not (
            isinstance(getattr(commedu, name), type)
            and issubclass(getattr(commedu, name), BaseException)
        )
    }
    assert set(CALLS) <= public
    for name, kwargs in CALLS.items():
        getattr(commedu, name)(**kwargs)


def _optional(name: str) -> set[str]:
    target = getattr(commedu, name)
    if isinstance(target, type) and attrs.has(target):
        return {f.name for f in attrs.fields(target)}
    return set(_hints(name)) - {"return"}


def _arguments() -> list[tuple[str, str]]:
    return [
        (name, argument)
        for name in sorted(CALLS)
        for argument in sorted(set(_hints(name)) & (set(CALLS[name]) | _optional(name)))
    ]


_ARGUMENTS = _arguments()


@given(target=st.sampled_from(_ARGUMENTS), value=WRONG)
def test_a_wrongly_typed_argument_is_a_type_error_naming_it(
    target: tuple[str, str], value: object
) -> None:
    """A wrong value is refused naming the argument, or converted into a right one (a list for
    a tuple); never another exception, never a wrongly typed field kept."""
    name, argument = target
    hints = _hints(name)
    assume(not conforms(value, hints[argument]))
    outcome: object
    try:
        outcome = getattr(commedu, name)(**{**CALLS[name], argument: value})
    except (TypeError, CommeduError) as error:
        outcome = error
    if isinstance(outcome, TypeError):
        assert argument in str(outcome)
    elif isinstance(outcome, CommeduError):
        assert str(outcome)
    elif attrs.has(type(outcome)):
        assert conforms(getattr(outcome, argument), hints[argument])


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: Activity("a1", "讲座", "3月"), ["Activity.when", "str", "'3月'"]),  # type: ignore[arg-type]
        (
            lambda: Activity("a1", "讲座", Month(2021, 3), responsible=("社区教育中心",)),  # type: ignore[arg-type]
            ["Activity.responsible[0]", "Department", "'社区教育中心'"],
        ),
        (
            lambda: Activity("a1", "讲座", Month(2021, 3), responsible="centre"),  # type: ignore[arg-type]
            ["Activity.responsible", "tuple of Department", "'centre'"],
        ),
        (lambda: Plan("p-2021", None, 2021, "计划"), ["Plan.township", "None"]),  # type: ignore[arg-type]
        (lambda: commedu.to_ics(None), ["to_ics()", "'plan'", "None"]),  # type: ignore[arg-type]
        (lambda: commedu.check(None), ["check()", "'plan'"]),  # type: ignore[arg-type]
        (lambda: commedu.to_ics(PLAN, stamp="2021"), ["'stamp'", "datetime"]),  # type: ignore[arg-type]
        (lambda: commedu.to_ics(PLAN, lang="fr"), ["'lang'", "'en', 'zh'", "'fr'"]),  # type: ignore[arg-type]
        (lambda: commedu.check(PLAN).to_text("fr"), ["lang", "'fr'"]),  # type: ignore[arg-type]
        (lambda: Text("a", "甲")("fr"), ["lang", "'fr'"]),  # type: ignore[arg-type]
        (
            lambda: commedu.to_ics(PLAN, departmnets=["x"]),
            ["unexpected keyword", "'departmnets'", "departments"],
        ),  # type: ignore[call-arg]
        (
            lambda: Activity("a1", "讲座", Month(2021, 3), colour="red"),
            ["unexpected keyword", "colour"],
        ),  # type: ignore[call-arg]
        (lambda: commedu.check(PLAN, select="CE1"), ["'select'", "list of str"]),
        (lambda: Month(True, 3), ["Month.year", "int", "bool"]),  # type: ignore[arg-type]
        (lambda: commedu.Day(datetime(2021, 3, 8, 9)), ["Day.date", "date", "datetime"]),
    ],
)
def test_the_known_crashes_name_the_argument(call: Callable[[], object], words: list[str]) -> None:
    with pytest.raises(TypeError) as caught:
        call()
    for word in words:
        assert word in str(caught.value)


# -- every callable of commedu.__all__, found from __all__ itself ---------------------------------

#: What a public callable may raise for a wrongly typed argument: TypeError, or one of ours.
DOCUMENTED: tuple[type[BaseException], ...] = (
    TypeError,
    *(
        error
        for name in commedu.errors.__all__
        if isinstance(error := getattr(commedu.errors, name), type)
        and issubclass(error, BaseException)
    ),
)


def _public_callables() -> list[str]:
    """Every callable name of ``commedu.__all__`` but the enumerations, which are values, and
    the error base classes that take any message, as every exception does."""
    return [
        name
        for name in commedu.__all__
        if callable(target := getattr(commedu, name))
        and not (isinstance(target, type) and issubclass(target, enum.Enum))
        and not (isinstance(target, type) and target.__init__ is Exception.__init__)
    ]


def _parameter_hints(target: Callable[..., object]) -> dict[str, Any]:
    """Each parameter's annotation, one by one: a type-checking-only name leaves only its own out."""
    if isinstance(target, type) and attrs.has(target):
        return {f.alias: field_hint(target, f.name) for f in attrs.fields(target) if f.init}
    function = target.__init__ if isinstance(target, type) else target
    hints: dict[str, Any] = {}
    for name in inspect.signature(target).parameters:
        holder = type("Holder", (), {"__annotations__": {}})
        annotation = getattr(function, "__annotations__", {}).get(name)
        if annotation is None:
            continue
        holder.__annotations__ = {name: annotation}
        try:
            module = sys.modules[function.__module__]
            hints[name] = typing.get_type_hints(holder, vars(module))[name]
        except (NameError, KeyError, AttributeError):
            hints[name] = Any
    return hints


PUBLIC_CALLABLES = _public_callables()

#: Wrong values for the test below: each parameter is given those its annotation refuses.
POOL: list[object] = [
    None,
    True,
    5,
    1.5,
    "x",
    b"x",
    [],
    [1],
    {"a": 1},
    object(),
    Decimal("NaN"),
    date(2021, 3, 8),
    datetime(2021, 3, 8, 14, 30),
    Text("a", "甲"),
    Department("d9", "部门"),
]


def _converts(target: object, alias: str, value: object, hint: Any) -> bool:
    """Whether an attrs class's converter turns ``value`` into one of the right type."""
    if not (isinstance(target, type) and attrs.has(target)):
        return False
    field = next(f for f in attrs.fields(target) if f.alias == alias)
    if field.converter is None:
        return False
    try:
        return conforms(field.converter(value), hint)  # type: ignore[call-arg]
    except ValueError:
        return True  # of a type it converts, but a value it refuses (no findings at all)
    except TypeError:
        return False


def test_the_public_callables_are_found_from_all() -> None:
    assert {"Plan", "check", "to_ics", "load_ledger", "PlanError", "inspect"} <= set(
        PUBLIC_CALLABLES
    )
    assert "Status" not in PUBLIC_CALLABLES  # an enumeration is a value, not a call
    assert set(CALLS) <= set(PUBLIC_CALLABLES)


@pytest.mark.parametrize("name", PUBLIC_CALLABLES)
@settings(max_examples=30, suppress_health_check=[HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_public_callable_refuses_wrongly_typed_arguments(
    name: str, data: st.DataObject
) -> None:
    """Each checkable parameter in turn gets a wrong value (the others a valid one where the table
    has it, else a wrong one too): the call raises TypeError or one of our errors, never an
    AttributeError or KeyError from deep inside, or converts the value into a right one."""
    target = getattr(commedu, name)
    hints = _parameter_hints(target)
    parameters = [
        p
        for p in inspect.signature(target).parameters.values()
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD, p.POSITIONAL_ONLY)
    ]
    #: a parameter some wrong value can be told from (not Any, not ``object``)
    checkable = [
        p for p in parameters if any(not conforms(v, hints.get(p.name, Any)) for v in POOL)
    ]
    if not checkable:
        return
    chosen = data.draw(st.sampled_from(checkable))

    def wrong(parameter: inspect.Parameter) -> object:
        hint = hints.get(parameter.name, Any)
        return data.draw(st.sampled_from([v for v in POOL if not conforms(v, hint)]))

    kwargs = dict(CALLS.get(name, {}))
    for parameter in parameters:
        if parameter.default is parameter.empty and parameter.name not in kwargs:
            kwargs[parameter.name] = wrong(parameter) if parameter in checkable else None
    kwargs[chosen.name] = wrong(chosen)
    wrongs = {p.name for p in checkable if not conforms(kwargs.get(p.name), hints[p.name])}
    value = kwargs[chosen.name]
    try:
        with warnings.catch_warnings():  # a deprecated alias warns first, then checks the same
            warnings.simplefilter("ignore", DeprecationWarning)
            outcome: object = target(**kwargs)
    except DOCUMENTED as error:
        outcome = error
    except ValueError as error:  # only for a value converted into the right type, e.g. [] → ()
        outcome = error
    except Exception as error:  # the very thing this test looks for
        pytest.fail(f"{name}({chosen.name}={value!r}) raised {type(error).__name__}: {error}")
    if isinstance(outcome, ValueError) and not isinstance(outcome, DOCUMENTED):
        assert any(_converts(target, n, kwargs[n], hints[n]) for n in wrongs & set(kwargs)), outcome
    elif isinstance(outcome, TypeError):
        given = [p.name for p in parameters if p.name in kwargs]
        assert any(p in str(outcome) for p in given), str(outcome)
    elif not isinstance(outcome, BaseException):
        # Returned: only a converted value may be kept (a list for a tuple, text for money).
        assert attrs.has(type(outcome)), f"{name} accepted {chosen.name}={kwargs[chosen.name]!r}"
        field = next(f for f in attrs.fields(type(outcome)) if f.alias == chosen.name)
        assert conforms(getattr(outcome, field.name), hints[chosen.name])
