"""Stable items: what an item says depends on its activity alone, and its SUMMARY is one line.

A syncing client compares items one by one. If adding an activity changed the bytes of the
others, every subscriber would delete and re-create the whole calendar on each edit. vdirsyncer
is such a client: it files the calendar's own properties with every item it stores, so those
must not count or list the items either.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from vdirsyncer.vobject import hash_item, split_collection

from commedu import (
    Activity,
    Department,
    EducationCentre,
    Mechanism,
    MechanismKind,
    Month,
    Plan,
    PlanError,
    Schedule,
    Station,
    Task,
    to_ics,
)
from tests.strategies import plans

STAMP = datetime(2021, 1, 1, tzinfo=UTC)
_ITEM = re.compile(rb"BEGIN:(?:VEVENT|VTODO)\r\n.*?END:(?:VEVENT|VTODO)\r\n", re.DOTALL)
_UID = re.compile(rb"\r\nUID:([^\r]*)\r\n")


def items(data: bytes) -> dict[bytes, bytes]:
    """Each item's bytes by UID (UIDs are short enough never to be folded)."""
    found = {}
    for block in _ITEM.findall(data):
        uid = _UID.search(block)
        assert uid is not None
        found[uid[1]] = block
    return found


def synced(data: bytes) -> dict[str, str]:
    """What vdirsyncer's http storage holds for each item: its hash, by UID."""
    held = {}
    for item in split_collection(data.decode("utf-8")):
        uid = re.search(r"\r\nUID:([^\r]*)\r\n", item)
        assert uid is not None
        held[uid[1]] = hash_item(item)
    return held


@given(
    plans().filter(lambda p: len(p.activities) >= 2),
    st.sampled_from(["event", "todo"]),
    st.sampled_from(["zh", "en"]),
    st.data(),
)
def test_adding_or_removing_an_activity_leaves_every_other_item_as_it_was(
    plan: Plan, component: str, lang: str, data: st.DataObject
) -> None:
    gone = data.draw(st.integers(0, len(plan.activities) - 1))
    kept = tuple(a for i, a in enumerate(plan.activities) if i != gone)
    smaller = attrs.evolve(plan, schedule=Schedule(kept, title=plan.schedule.title))
    options = {"stamp": STAMP, "component": component, "lang": lang}
    before = to_ics(plan, **options)  # type: ignore[arg-type]
    after = to_ics(smaller, **options)  # type: ignore[arg-type]
    # Read backwards, the same comparison is adding the activity.
    assert items(before).items() > items(after).items()
    assert len(items(before)) == len(items(after)) + 1
    others = synced(after)
    assert {uid: h for uid, h in synced(before).items() if uid in others} == others


def test_the_calendar_description_does_not_count_its_items(jinshan: Plan) -> None:
    data = to_ics(jinshan, stamp=STAMP).replace(b"\r\n ", b"")
    (description,) = re.findall(rb"\r\nDESCRIPTION:([^\r]*)\r\n", data.split(b"BEGIN:VEVENT")[0])
    assert description.decode() == f"{jinshan.title} · {jinshan.schedule.title}"
    assert b"36" not in description


_BREAKS = ["\n", "\r", "\r\n", "\x85", "\u2028", "\u2029"]


def _activity(title: str) -> Activity:
    return Activity("a", title, Month(2021, 4))


def _department(name: str) -> Department:
    return Department("centre", name)


def _alias(name: str) -> Department:
    return Department("centre", "社区教育中心", (name,))


def _station(name: str) -> Station:
    return Station("s", name, "东崖村", "传承")


def _task(title: str) -> Task:
    return Task("t1", 1, title)


def _mechanism(title: str) -> Mechanism:
    return Mechanism("t1.m1", 1, title, MechanismKind.MANAGEMENT)


def _centre(name: str) -> EducationCentre:
    return EducationCentre(name)


@pytest.mark.parametrize("brk", _BREAKS, ids=lambda b: f"U+{ord(b[0]):04X}")
@pytest.mark.parametrize(
    ("build", "path"),
    [
        (_activity, "title"),
        (_department, "name"),
        (_alias, "aliases[0]"),
        (_station, "name"),
        (_task, "title"),
        (_mechanism, "title"),
        (_centre, "name"),
    ],
    ids=lambda x: getattr(x, "__name__", x),
)
def test_a_title_or_name_with_a_line_break_is_refused(build: object, path: str, brk: str) -> None:
    assert callable(build)
    with pytest.raises(PlanError) as info:
        build(f"学雷锋{brk}志愿服务")
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == (path, "multi-line-text")
    assert f"U+{ord(brk[0]):04X}" in problem.message("en")
    assert "换行" in problem.message("zh")


@pytest.mark.parametrize("build", [_activity, _department, _station, _task])
def test_one_line_titles_and_names_with_any_other_space_are_kept(build: object) -> None:
    assert callable(build)
    made = build("学雷锋\t志愿服务\u3000活动 2021")
    assert "学雷锋\t志愿服务\u3000活动 2021" in attrs.astuple(made, recurse=False)


def test_a_blank_title_is_still_empty_not_multi_line() -> None:
    with pytest.raises(PlanError) as info:
        _activity("   ")
    assert [p.code for p in info.value.problems] == ["empty-text"]
