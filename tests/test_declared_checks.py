"""Every attrs class of the package checks its fields' types because of how it is declared.

No list of classes is kept here: the tests import every module of the package and find its
attrs classes, so a class added tomorrow is held to the same rule without anyone remembering.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator, Mapping
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import commedu
from commedu import OBSERVANCES, PlanError
from commedu._typecheck import FieldCheck, check_arguments, conforms, define, field_hint
from commedu.compliance.engine import check
from commedu.compliance.examples import example_plan
from commedu.datafile.ledger import load_ledger
from commedu.datafile.plan import load_plan
from commedu.importer import import_document
from commedu.importer.document import read_document
from commedu.importer.outline import read_outline
from commedu.model.evidence import KINDS
from commedu.model.holidays import holiday_year, period_end
from commedu.model.ledger import Record
from commedu.model.observances import SchoolHoliday
from commedu.report.inspection import inspect

from .strategies import ledger_records, plans, whens, wrongly_typed

ROOT = Path(__file__).resolve().parents[1]


def _modules() -> list[str]:
    """Every module of the package but the program's entry point, which runs the command line."""
    found = [commedu.__name__]
    for info in pkgutil.walk_packages(commedu.__path__, f"{commedu.__name__}."):
        if not info.name.endswith(".__main__"):
            found.append(info.name)
    return sorted(found)


def _classes() -> list[type]:
    classes: dict[str, type] = {}
    for name in _modules():
        module = importlib.import_module(name)
        for value in vars(module).values():
            if isinstance(value, type) and attrs.has(value) and value.__module__ == name:
                classes[f"{name}.{value.__qualname__}"] = value
    return [classes[key] for key in sorted(classes)]


CLASSES = _classes()

#: Values of every kind a caller might pass by mistake.
WRONG = wrongly_typed(time(9, 30), timedelta(hours=1), ("a", 1))


def _hint(cls: type, name: str) -> Any:
    return field_hint(cls, name)  # Any for a name imported for type checking only


def _checkable(cls: type, field: attrs.Attribute[Any]) -> bool:
    """Whether a wrong value can be told at run time (not Any, not a type-checking-only name)."""
    return _hint(cls, field.name) is not Any


def _first_check(field: attrs.Attribute[Any]) -> object:
    validator = field.validator
    inner = getattr(validator, "_validators", None)  # attrs.validators.and_
    return inner[0] if inner else validator


def test_the_walk_finds_the_classes_of_every_room() -> None:
    rooms = {cls.__module__.split(".")[1] for cls in CLASSES if cls.__module__.count(".")}
    assert {"model", "compliance", "calendar", "importer", "web", "report", "datafile"} <= rooms
    assert Record in CLASSES
    assert commedu.Problem in CLASSES


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: f"{cls.__module__}.{cls.__qualname__}")
def test_every_field_is_declared_with_the_type_check(cls: type) -> None:
    for field in attrs.fields(cls):
        check = _first_check(field)
        assert isinstance(check, FieldCheck), f"{cls.__qualname__}.{field.name}"
        # attrs hands the transformer the class before it adds slots: the same name and module
        assert (check.cls.__qualname__, check.cls.__module__) == (cls.__qualname__, cls.__module__)
        assert check.name == field.name


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: f"{cls.__module__}.{cls.__qualname__}")
@settings(max_examples=25, suppress_health_check=[HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_checkable_field_refuses_a_wrongly_typed_value(
    cls: type, data: st.DataObject
) -> None:
    fields = [f for f in attrs.fields(cls) if _checkable(cls, f)]
    if not fields:
        return
    field = data.draw(st.sampled_from(fields))
    hint = _hint(cls, field.name)
    value = data.draw(WRONG.filter(lambda v: not conforms(v, hint)))
    check = _first_check(field)
    assert callable(check)
    with pytest.raises(TypeError, match=rf"^{cls.__name__}\.{field.name}\b"):
        check(None, field, value)


# -- built values: a wrong value given to a real class is refused, naming the field ---------------


def _reachable(value: object, seen: dict[int, object]) -> Iterator[object]:
    """Every attrs instance inside ``value``: its fields, tuples and mappings, recursively."""
    if id(value) in seen:
        return
    seen[id(value)] = value
    if attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from _reachable(getattr(value, field.name), seen)
    elif isinstance(value, tuple | list | frozenset | set):
        for item in value:
            yield from _reachable(item, seen)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _reachable(item, seen)


def _examples() -> dict[type, object]:
    """One real instance of each class that the shipped plans, ledger and documents hold."""
    jinshan = load_plan(ROOT / "examples" / "jinshan_2021.toml")
    ledger = load_ledger(ROOT / "examples" / "jinshan_2021_ledger.toml", jinshan)
    roots: list[object] = [
        example_plan(),
        jinshan,
        ledger,
        check(jinshan, ledger=ledger),
        inspect(jinshan, ledger),
        import_document(ROOT / "examples" / "jinshan_2021_source.txt"),
        read_outline(
            b
            for b in read_document(ROOT / "examples" / "jinshan_2021_source.txt").blocks
            if isinstance(b, commedu.importer.document.Paragraph)
        ),
        *(load_plan(path) for path in sorted((ROOT / "tests" / "plans").glob("*.toml"))),
        OBSERVANCES,
        SchoolHoliday("暑假", date(2021, 7, 10), date(2021, 8, 31)),
        holiday_year(2021),
        period_end(date(2021, 10, 1)),
        KINDS,
        load_ledger(
            ROOT / "tests" / "ledgers" / "jiuxiao_2022.toml",
            load_plan(ROOT / "tests" / "plans" / "jiuxiao_2022.toml"),
        ),
    ]
    found: dict[type, object] = {}
    seen: dict[int, object] = {}
    for root in roots:
        for value in _reachable(root, seen):
            found.setdefault(type(value), value)
    return found


EXAMPLES = _examples()


def _refuses(instance: object, name: str, value: object) -> None:
    """``instance`` evolved with ``value`` for field ``name`` is refused naming the field, or
    the value is converted into a right one (a list for a tuple, text for money)."""
    cls = type(instance)
    field = attrs.fields_dict(cls)[name]
    hint = _hint(cls, name)
    converted: object = value
    if field.converter is not None:
        try:
            converted = field.converter(value)  # type: ignore[call-arg]
        except ValueError:  # an amount of money out of range: a value error, not a type error
            return
        except TypeError as error:
            converted = error  # the converter refused it; it must say which field
    outcome: object
    try:
        outcome = attrs.evolve(instance, **{field.alias: value})
    except (TypeError, PlanError) as error:
        outcome = error
    if isinstance(outcome, TypeError):
        assert f"{cls.__name__}.{name}" in str(outcome), str(outcome)
        assert not conforms(converted, hint)
    elif isinstance(outcome, PlanError):
        assert conforms(converted, hint)  # converted into the right type, but not a valid value
    else:
        assert conforms(getattr(outcome, name), hint)


def test_the_shipped_data_hold_every_class_of_the_model() -> None:
    model = {cls for cls in CLASSES if cls.__module__.startswith("commedu.model.")}
    assert model - set(EXAMPLES) <= {
        cls for cls in model if cls.__module__.startswith("commedu.model.when.")
    }, "every model class but the rarer when types has a shipped example"


@pytest.mark.parametrize(
    "cls", sorted(EXAMPLES, key=lambda c: f"{c.__module__}.{c.__qualname__}"), ids=str
)
@settings(max_examples=25, suppress_health_check=[HealthCheck.filter_too_much])
@given(data=st.data())
def test_a_real_instance_refuses_a_wrongly_typed_field(cls: type, data: st.DataObject) -> None:
    if cls not in CLASSES:  # a class from another package, such as icalendar's
        return
    instance = EXAMPLES[cls]
    fields = [f for f in attrs.fields(cls) if f.init and _checkable(cls, f)]
    if not fields:
        return
    field = data.draw(st.sampled_from(fields))
    hint = _hint(cls, field.name)
    _refuses(instance, field.name, data.draw(WRONG.filter(lambda v: not conforms(v, hint))))


@settings(max_examples=60, suppress_health_check=[HealthCheck.filter_too_much])
@given(
    root=st.one_of(plans(), whens(2021), ledger_records(2021, ("a1", "a2"))),
    data=st.data(),
)
def test_a_drawn_value_refuses_a_wrongly_typed_field(root: object, data: st.DataObject) -> None:
    """Plans, every kind of *when* and ledger records, drawn by hypothesis."""
    instances = list(_reachable(root, {}))
    assume(instances)
    instance = data.draw(st.sampled_from(instances))
    cls = type(instance)
    fields = [f for f in attrs.fields(cls) if f.init and _checkable(cls, f)]
    if not fields:
        return
    field = data.draw(st.sampled_from(fields))
    hint = _hint(cls, field.name)
    _refuses(instance, field.name, data.draw(WRONG.filter(lambda v: not conforms(v, hint))))


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: Record("r1", "t", "2024-03-05"), ["Record.dates", "date", "'2024-03-05'"]),
        (lambda: Record("r1", "t", ("2024-03-05",)), ["Record.dates[0]", "date", "str"]),
        (lambda: Record("r1", "t", (date(2024, 3, 5),), participants="9"), ["Record.participants"]),
        (lambda: commedu.Expense(date(2021, 3, 1), None, "书"), ["Expense.amount", "None"]),
        (lambda: commedu.Expense(date(2021, 3, 1), "many", "书"), ["Expense.amount", "'many'"]),
        (lambda: commedu.Evidence(5), ["Evidence.kind", "str", "int"]),
        (lambda: commedu.Staffing("2"), ["Staffing.full_time", "int", "'2'"]),
        (lambda: commedu.Ledger("p", "2021"), ["Ledger.year", "int", "'2021'"]),
        (lambda: commedu.Ledger("p", 2021, records="r1"), ["Ledger.records", "tuple of Record"]),
        (lambda: commedu.LabelledDay(date(2021, 3, 5), 5), ["LabelledDay.label", "str", "int"]),
        (lambda: commedu.Problem("p", "c", params=5), ["Problem.params", "Mapping", "int"]),
    ],
)
def test_the_known_gaps_name_the_field(call: Any, words: list[str]) -> None:
    with pytest.raises(TypeError) as caught:
        call()
    for word in words:
        assert word in str(caught.value)


def test_a_right_value_passes_the_check() -> None:
    """The check is not a refusal of everything: the same fields take values of their type."""
    record = Record("r1", "t", [date(2024, 3, 5), date(2024, 3, 4)], participants=9)
    assert record.dates == (date(2024, 3, 4), date(2024, 3, 5))
    assert commedu.Expense(date(2021, 3, 1), "12.50", "书").amount == Decimal("12.50")


# -- annotations the checks cannot resolve ---------------------------------------------------------


def test_a_name_for_type_checking_only_leaves_only_its_own_field_unchecked() -> None:
    @define
    class Holder:
        later: Unknown  # type: ignore[name-defined]  # noqa: F821
        count: int

    assert field_hint(Holder, "later") is Any
    assert field_hint(Holder, "count") is int
    Holder(object(), 1)
    with pytest.raises(TypeError, match=r"^Holder\.count must be int, not str"):
        Holder(object(), "1")


def test_a_function_with_such_a_name_still_checks_its_other_arguments() -> None:
    def convert(plan: Unknown, fmt: str) -> None:  # type: ignore[name-defined]  # noqa: F821
        check_arguments(convert, plan=plan, fmt=fmt)

    convert(object(), "toml")
    with pytest.raises(TypeError, match=r"convert\(\) argument 'fmt' must be str, not int 5"):
        convert(object(), 5)
