"""Properties of every export, for any plan hypothesis can build."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime

import attrs
from hypothesis import given
from hypothesis import strategies as st

from commedu import Activity, Department, Month, Plan, Schedule, Station, Township, to_ics
from tests.icalcheck import check_events, expected_uid, parse_both, physical_lines, rfc_text
from tests.strategies import ical_lines, ical_texts, plans, years

STAMP = datetime(2021, 1, 1, tzinfo=UTC)
busy_plans = plans().filter(lambda p: len(p.activities) > 0)


@given(busy_plans)
def test_every_activity_is_one_event_that_says_what_the_plan_says(plan: Plan) -> None:
    check_events(plan, plan.activities, to_ics(plan, stamp=STAMP))


@given(ical_lines, ical_texts, ical_lines, ical_lines, ical_lines)
def test_any_text_survives_the_round_trip(
    title: str, text: str, name: str, department: str, station: str
) -> None:
    responsible = Department("d", department)
    place = Station("s", station, place=station, theme=text)
    plan = Plan(
        id="p",
        township=Township(name, "临淄区", "淄博市", "山东省"),
        year=2021,
        title=text,
        departments=(responsible,),
        stations=(place,),
        schedule=Schedule(
            (Activity("a", title, Month(2021, 4), (responsible,), place, (), (text,), text),),
            title=text,
        ),
    )
    data = to_ics(plan, stamp=STAMP)
    check_events(plan, plan.activities, data)
    parsed, other = parse_both(data)
    # NAME is TEXT (RFC 7986); X-WR-CALNAME and X-WR-CALDESC are read as TEXT by the clients
    # that use them, so they must be escaped the same way.
    assert other.name is not None
    assert rfc_text(name) in "".join(other.name)
    assert rfc_text(name) in unescape(parsed["X-WR-CALNAME"].to_ical().decode())
    assert rfc_text(text) in unescape(parsed["X-WR-CALDESC"].to_ical().decode())


def unescape(raw: str) -> str:
    """RFC 5545 §3.3.11 TEXT unescaping, written out here rather than borrowed from a parser."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], raw)


@given(busy_plans, st.sampled_from(["event", "todo"]))
def test_every_physical_line_is_at_most_75_octets_of_whole_utf8(plan: Plan, component: str) -> None:
    data = to_ics(plan, stamp=STAMP, component=component)  # type: ignore[arg-type]
    for line in physical_lines(data):
        assert len(line) <= 75, line
        line.decode("utf-8")  # a fold never splits a character


@given(busy_plans)
def test_same_input_same_bytes(plan: Plan) -> None:
    assert to_ics(plan, stamp=STAMP) == to_ics(plan, stamp=STAMP)


@given(busy_plans, st.data())
def test_uids_are_unique_and_do_not_move_when_other_activities_change(
    plan: Plan, data: st.DataObject
) -> None:
    kept = plan.activities[0]
    others = list(plan.activities[1:])
    others = data.draw(st.permutations(others))
    others = others[: data.draw(st.integers(0, len(others)))]
    edited = attrs.evolve(kept, title=kept.title + "（修订）", description="新的说明")
    changed = attrs.evolve(plan, schedule=Schedule((*others, edited)))
    for version, activities in ((plan, plan.activities), (changed, changed.activities)):
        parsed, _ = parse_both(to_ics(version, stamp=STAMP))
        uids = [str(e["UID"]) for e in parsed.walk("VEVENT")]
        assert len(uids) == len(set(uids)) == len(activities)
        assert expected_uid(plan, kept) in uids


@given(years, st.integers(1, 12))
def test_a_month_ends_on_the_first_day_of_the_next(year: int, month: int) -> None:
    plan = Plan(
        id="p",
        township=Township("金山镇", "临淄区", "淄博市", "山东省"),
        year=year,
        title="计划",
        schedule=Schedule((Activity("a", "活动", Month(year, month)),)),
    )
    event = parse_both(to_ics(plan, stamp=STAMP))[0].walk("VEVENT")[0]
    assert event.start == date(year, month, 1)
    days = calendar.monthrange(year, month)[1]
    assert event.end == (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1))
    assert (event.end - event.start).days == days
