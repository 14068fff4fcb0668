"""ORGANIZER: the plan's centre publishes its items, where the plan gives the centre's mailbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from icalendar import Calendar

from commedu import PlanError, PlanFileError, dumps_plan, loads_plan, to_calendar, to_ics
from commedu.calendar.items import text
from commedu.calendar.revisions import RevisionStore
from commedu.compliance.examples import example_plan
from commedu.model.parts import EducationCentre
from commedu.model.plan import Plan
from tests.strategies import emails, one_line_texts

MAILBOX = "jiaoyu@jinshan.gov.cn"
STAMP = datetime(2021, 1, 4, 8, tzinfo=UTC)


def _with(name: str, email: str | None) -> Plan:
    return attrs.evolve(example_plan(), centre=EducationCentre(name, email))


def _organizers(data: bytes) -> list[object]:
    calendar = Calendar.from_ical(data)
    return [item.get("ORGANIZER") for item in calendar.walk() if item.name in ("VEVENT", "VTODO")]


def test_every_item_names_the_centre_with_its_mailbox() -> None:
    plan = _with("金山镇社区教育中心", MAILBOX)
    found = _organizers(to_ics(plan))
    assert found
    assert {str(o) for o in found} == {f"mailto:{MAILBOX}"}
    assert {o.params["CN"] for o in found} == {"金山镇社区教育中心"}  # type: ignore[attr-defined]
    assert f'ORGANIZER;CN="金山镇社区教育中心":mailto:{MAILBOX}\r\n'.encode() in to_ics(plan)


def test_without_a_mailbox_no_item_has_an_organizer() -> None:
    assert set(_organizers(to_ics(_with("金山镇社区教育中心", None)))) == {None}
    assert set(_organizers(to_ics(attrs.evolve(example_plan(), centre=None)))) == {None}


@given(name=one_line_texts, email=emails)
def test_both_writers_give_the_same_bytes_and_the_name_reads_back(name: str, email: str) -> None:
    plan = _with(name, email)
    # a fixed DTSTAMP: without one each writer stamps its own moment, a second apart at times
    data = to_ics(plan, stamp=STAMP)
    assert data == to_calendar(plan, stamp=STAMP).to_ical()
    (first, *_) = _organizers(data)
    assert str(first) == f"mailto:{email}"
    # RFC 6868 and RFC 5545's quoting undone, the name is what the plan says, as TEXT carries it.
    assert first.params["CN"] == text(name)  # type: ignore[attr-defined]


@given(email=emails)
def test_a_mailbox_goes_through_the_plan_file_and_back(email: str) -> None:
    plan = _with("金山镇社区教育中心", email)
    assert loads_plan(dumps_plan(plan)) == plan


@pytest.mark.parametrize(
    "bad",
    [
        "jiaoyu",
        "jiaoyu@",
        "@jinshan.gov.cn",
        "jiaoyu@jinshan",
        "jiao yu@jinshan.gov.cn",
        "jiaoyu@jinshan..gov.cn",
        "jiaoyu@-jinshan.gov.cn",
        "教育@jinshan.gov.cn",
        "a@b.cn?subject=x",
        "x" * 250 + "@a.cn",
    ],
)
def test_an_address_that_is_not_a_mailbox_is_refused_with_its_place(bad: str) -> None:
    with pytest.raises(PlanError) as raised:
        EducationCentre("金山镇社区教育中心", bad)
    (problem,) = raised.value.problems
    assert (problem.path, problem.code) == ("email", "bad-email")
    source = f'id = "x-2021"\n[centre]\nname = "中心"\nemail = "{bad}"\n'
    with pytest.raises(PlanFileError) as read:
        loads_plan(source)
    found = [p for p in read.value.problems if p.code == "bad-email"]
    assert [p.path for p in found] == ["centre.email"]
    assert "jiaoyu@jinshan.gov.cn" in read.value.describe("en")
    assert "电子邮箱" in read.value.describe("zh")


def test_a_removed_activity_is_cancelled_with_its_organizer(tmp_path: Path) -> None:
    plan = _with("金山镇社区教育中心", MAILBOX)
    store = RevisionStore(tmp_path / "r.sqlite")
    first = datetime(2021, 1, 10, 8, tzinfo=UTC)
    store.revise(plan, now=first)
    gone = plan.activities[0]
    kept = tuple(a for a in plan.activities if a is not gone)
    edited = attrs.evolve(plan, schedule=attrs.evolve(plan.schedule, activities=kept))
    revisions = store.revise(edited, now=first + timedelta(days=1))
    data = to_ics(edited, stamp=first, revisions=revisions)
    (cancelled,) = [
        e for e in Calendar.from_ical(data).walk("VEVENT") if e.get("STATUS") == "CANCELLED"
    ]
    assert str(cancelled["UID"]).startswith(f"{gone.id}@")
    assert str(cancelled["ORGANIZER"]) == f"mailto:{MAILBOX}"
    assert cancelled["ORGANIZER"].params["CN"] == "金山镇社区教育中心"
    assert to_calendar(edited, stamp=first, revisions=revisions).to_ical() == data
