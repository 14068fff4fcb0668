"""A model object compares and hashes exactly as attrs' generated methods would have it.

The classes share one ``__eq__`` and one ``__hash__`` (``commedu._typecheck.fields_eq`` and
``fields_hash``) instead of having attrs write and compile two methods for each class at import.
What may not change is any answer: these tests hold the shared methods to attrs' own, on a class
declared both ways and on every class of a plan, field by field.
"""

from __future__ import annotations

import importlib
import math
import pickle
import pkgutil
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import commedu
from commedu import dumps_plan, loads_plan
from commedu._typecheck import fields_eq, fields_hash, fields_ne, fields_repr
from commedu.model.fieldcheck import define, mutable
from commedu.model.parts import Department
from commedu.model.plan import Plan

from .strategies import plans


def _package_classes() -> list[type]:
    """Every attrs class the package declares (each module imported, as a user might)."""
    found: dict[str, type] = {}
    names = [commedu.__name__] + [
        info.name
        for info in pkgutil.walk_packages(commedu.__path__, f"{commedu.__name__}.")
        if not info.name.endswith(".__main__")
    ]
    for name in names:
        for value in vars(importlib.import_module(name)).values():
            if isinstance(value, type) and attrs.has(value) and value.__module__ == name:
                found[f"{name}.{value.__qualname__}"] = value
    return [found[key] for key in sorted(found)]


def _generated(method: object) -> bool:
    code = getattr(method, "__code__", None)
    return code is not None and code.co_filename.startswith("<attrs generated")


# -- attrs' semantics, written out from the code it generates ------------------------------------


def attrs_eq(one: Any, other: Any) -> bool:
    """attrs' generated ``__eq__``: same class, then ``==`` field by field (its key, if any)."""
    if other.__class__ is not one.__class__:
        return NotImplemented  # type: ignore[no-any-return]
    for field in attrs.fields(type(one)):
        if not field.eq:
            continue
        key = field.eq_key or (lambda value: value)
        if key(getattr(one, field.name)) == key(getattr(other, field.name)):
            continue  # attrs asks ==, never !=, and stops at the first field not equal
        return False
    return True


def attrs_hash(one: Any) -> int:
    """attrs' generated ``__hash__``: the class's name, then the fields taking part in ``==``
    but for those declared ``hash=False``."""
    cls = type(one)
    salt = hash(f"<attrs generated hash {cls.__module__}.{cls.__qualname__}>")
    values = [
        (field.eq_key or (lambda value: value))(getattr(one, field.name))
        for field in attrs.fields(cls)
        if field.hash is True or (field.hash is None and field.eq is True)
    ]
    return hash((salt, *values))


def _parts(value: object) -> Iterator[Any]:
    """Every attrs object inside ``value``, ``value`` first if it is one."""
    if attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from _parts(getattr(value, field.name))
    elif isinstance(value, tuple | list | frozenset | set):
        for item in value:
            yield from _parts(item)
    elif isinstance(value, Mapping):
        for item in value.values():  # a read-only mapping: its values
            yield from _parts(item)


# -- the package's classes: shared where attrs would generate, attrs' own where asked ----------

CLASSES = _package_classes()


def test_every_class_that_leaves_comparing_to_attrs_shares_the_methods() -> None:
    declared = [c for c in CLASSES if c.__repr__ is fields_repr]  # through the package's define
    assert len(declared) > 40
    ordered = sorted(c.__qualname__ for c in declared if _generated(c.__eq__))
    # the ordered classes keep attrs' methods: its ordering requires its own __eq__
    assert ordered == ["ClockRange", "DateSpan"]
    # a class declared ``eq=False`` compares by identity, as attrs leaves it
    identity = sorted(c.__qualname__ for c in declared if c.__eq__ is object.__eq__)
    assert identity == ["ReadPlan"]
    shared = [c for c in declared if c.__qualname__ not in ordered + identity]
    assert Plan in shared
    assert Department in shared
    for cls in shared:
        assert cls.__eq__ is fields_eq, cls
        assert cls.__ne__ is fields_ne, cls
        frozen = cls.__setattr__.__name__ == "_frozen_setattrs"  # attrs' own, for a frozen class
        assert cls.__hash__ is (fields_hash if frozen else None), cls
    assert any(c.__hash__ is None for c in shared)  # a mutable class, unhashable as attrs makes it


# -- one class declared both ways -------------------------------------------------------------


def _twins() -> tuple[type, type]:
    """One class declared twice, in this module under one name: with attrs' compiled methods
    and with ours, every kind of field the shared methods must tell apart."""

    def body() -> dict[str, object]:
        return {
            "__annotations__": {
                "name": "str",
                "items": "tuple[object, ...]",
                "ignored": "int",
                "unhashed": "object",
                "folded": "str",
                "later": "str",
            },
            "__module__": __name__,
            "__qualname__": "Twin",
            "name": attrs.field(),
            "items": attrs.field(default=()),
            "ignored": attrs.field(default=0, eq=False),
            "unhashed": attrs.field(default=None, hash=False),
            "folded": attrs.field(default="", eq=str.casefold),
            "later": attrs.field(init=False, default="x"),
        }

    ours = define(type("Twin", (), body()))
    theirs = attrs.frozen(type("Twin", (), body()))
    return ours, theirs


OURS, THEIRS = _twins()

_VALUES = st.one_of(
    st.integers(-2, 2),
    st.sampled_from(["a", "A", "b"]),
    st.just(math.nan),  # never equal to itself: attrs compares with ==, not with identity
    st.decimals(allow_nan=True, allow_infinity=False, places=1),
)
_ARGS = st.tuples(
    st.sampled_from(["a", "b"]),
    st.lists(_VALUES, max_size=2).map(tuple),
    st.integers(0, 2),
    _VALUES,
    st.sampled_from(["x", "X", "y"]),
)


def _outcome(action: Callable[[], object]) -> tuple[str, object]:
    """What ``action`` answers, or the class of what it raises (a signalling NaN refuses ==)."""
    try:
        return "answers", action()
    except Exception as error:
        return "raises", type(error)


@given(one=_ARGS, other=_ARGS, same=st.booleans())
def test_a_class_compares_and_hashes_as_attrs_would(
    one: tuple[Any, ...], other: tuple[Any, ...], same: bool
) -> None:
    if same:
        other = one  # the very same values, so a NaN is the same object on both sides
    assert OURS.__eq__ is fields_eq
    assert _generated(THEIRS.__eq__)
    a, b = OURS(*one), OURS(*other)
    x, y = THEIRS(*one), THEIRS(*other)
    assert _outcome(lambda: a == b) == _outcome(lambda: x == y)
    assert _outcome(lambda: a != b) == _outcome(lambda: x != y)
    # the same number, not only the same equalities
    assert _outcome(lambda: hash(a)) == _outcome(lambda: hash(x))
    assert _outcome(lambda: hash(b)) == _outcome(lambda: hash(y))


# -- every class of a plan, against attrs' semantics field by field ------------------------------


def _pairs(first: Plan, second: Plan) -> Iterator[tuple[Any, Any]]:
    """Pairs of parts of one class: across the two plans, a part and its copy, and a part and
    the copy of it with one field taken from another part of its class."""
    parts: dict[type, list[Any]] = {}
    for part in [*_parts(first), *_parts(second)]:
        parts.setdefault(type(part), []).append(part)
    for cls, found in parts.items():
        for one, other in zip(found, found[1:] + found[:1], strict=True):
            yield one, other
            yield one, attrs.evolve(one)
            if cls.__eq__ is not fields_eq:
                continue
            for field in attrs.fields(cls):
                if field.init and field.alias == field.name and not field.name.startswith("_"):
                    try:
                        changed = attrs.evolve(one, **{field.name: getattr(other, field.name)})
                    except (ValueError, TypeError, commedu.PlanError):
                        continue  # the value does not fit this part (a plan's own checks)
                    yield one, changed


@given(first=plans(max_activities=3), second=plans(max_activities=3))
def test_every_part_of_a_plan_compares_and_hashes_as_attrs_would(first: Plan, second: Plan) -> None:
    for one, other in _pairs(first, second):
        expected = attrs_eq(one, other)
        assert (one == other) is expected, (one, other)
        assert (one != other) is (not expected)
        if type(one).__hash__ is fields_hash:
            assert hash(one) == attrs_hash(one)
            if expected:
                assert hash(one) == hash(other)


@given(plan=plans(max_activities=4))
def test_a_plan_survives_what_attrs_and_cattrs_do_with_it(plan: Plan) -> None:
    again = loads_plan(dumps_plan(plan))  # structured by cattrs from unstructured data
    assert again == plan
    assert hash(again) == hash(plan)
    assert attrs.evolve(plan) == plan
    assert attrs.evolve(plan, title=plan.title + "。") != plan
    assert [f.name for f in attrs.fields(Plan)][:2] == ["id", "township"]
    assert pickle.loads(pickle.dumps(plan)) == plan
    # as members of sets and keys of dicts: equal parts meet, different ones stay apart
    activities = plan.schedule.activities
    copies = [attrs.evolve(a) for a in activities]
    assert set(activities) == set(copies)
    assert {a: i for i, a in enumerate(activities)}.keys() == dict.fromkeys(copies).keys()
    assert len({*activities, *copies}) == len(set(activities))


# -- what attrs decides from how a class is written -----------------------------------------------


def test_a_subclass_compares_its_own_fields() -> None:
    @define(slots=False)
    class Base:
        name: str

    @define
    class Child(Base):
        count: int

    assert Base("a") == Base("a")
    assert Child("a", 1) == Child("a", 1)
    assert Child("a", 1) != Child("a", 2)  # the subclass's key has its own field
    assert Base("a") != Child("a", 1)  # another class: neither says equal
    assert hash(Child("a", 1)) == attrs_hash(Child("a", 1))
    assert hash(Base("a")) == attrs_hash(Base("a"))


def test_a_class_keeps_its_own_comparison_and_an_option_that_sets_one() -> None:
    @define
    class Own:
        value: int

        def __eq__(self, other: object) -> bool:
            return True

        def __hash__(self) -> int:
            return 7

    @define(eq=False)
    class Identity:
        value: int

    @define(order=True)
    class Ordered:
        value: int

    @mutable
    class State:
        value: int

    assert Own(1) == Own(2)
    assert hash(Own(1)) == 7
    assert Identity(1) != Identity(1)
    assert Identity.__hash__ is object.__hash__
    assert Ordered(1) < Ordered(2)
    assert Ordered(1) == Ordered(1)
    assert _generated(Ordered.__eq__)
    assert State(1) == State(1)
    assert State(1) != State(2)
    assert State.__eq__ is fields_eq
    with pytest.raises(TypeError, match="unhashable"):
        hash(State(1))


def test_a_class_without_compared_fields_is_equal_to_its_kind_only() -> None:
    @define
    class Empty:
        pass

    @define
    class One:
        value: int = attrs.field(eq=False)

    assert Empty() == Empty()
    assert hash(Empty()) == attrs_hash(Empty())
    assert One(1) == One(2)
    assert hash(One(1)) == hash(One(2)) == attrs_hash(One(3))
    assert Empty() != One(1)
    assert (Empty() == 1) is False
    assert Empty().__eq__(1) is NotImplemented
    assert Empty().__ne__(1) is NotImplemented
