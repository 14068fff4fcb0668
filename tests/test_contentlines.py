"""The direct writer of ``to_ics`` against icalendar's own ``to_ical``: the same bytes, always."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import attrs
from hypothesis import given
from hypothesis import strategies as st
from icalendar import vText
from icalendar.parser.string import _foldline

from commedu import CalendarDefaults, Plan, Reminders, Revision, Schedule, to_calendar, to_ics
from commedu.calendar.contentlines import _fold
from tests.strategies import ical_lines, ical_texts, plans

STAMP = datetime(2021, 1, 1, tzinfo=UTC)
busy_plans = plans().filter(lambda p: len(p.activities) > 0)
revisions = st.builds(
    Revision,
    st.integers(0, 10_000),
    st.datetimes(timezones=st.just(UTC)).map(lambda d: d.replace(microsecond=0)),
)


@st.composite
def stressed(draw: st.DrawFn) -> Plan:
    """A plan whose activities carry text that stresses escaping and folding."""
    plan = draw(busy_plans)
    activities = tuple(
        attrs.evolve(a, title=draw(ical_lines), description=draw(ical_texts))
        for a in plan.activities
    )
    return attrs.evolve(plan, schedule=Schedule(activities, title=plan.schedule.title))


@given(
    st.one_of(busy_plans, stressed()),
    st.sampled_from(["event", "todo"]),
    st.sampled_from(["zh", "en", None]),
    st.data(),
)
def test_to_ics_writes_what_icalendar_writes(
    plan: Plan, component: str, lang: str | None, data: st.DataObject
) -> None:
    revised = {a.id: data.draw(revisions) for a in plan.activities if data.draw(st.booleans())}
    page = data.draw(st.none() | st.just("https://edu.example.cn/plans/p-2021/?lang=zh&a=1,2;3"))
    options = {"stamp": STAMP, "component": component, "revisions": revised, "page_url": page}
    minutes = st.integers(0, 8 * 7 * 24 * 60).map(lambda n: timedelta(minutes=n))
    options["remind"] = data.draw(st.none() | minutes)
    defaults = data.draw(st.sampled_from([None, timedelta(0), timedelta(minutes=90)]))
    reminders = Reminders(deadline=defaults, day=defaults, session=defaults)
    plan = attrs.evolve(plan, calendar=CalendarDefaults(reminders))
    if lang is not None:
        options["lang"] = lang
    ours = to_ics(plan, **options)  # type: ignore[arg-type]
    assert ours == to_calendar(plan, **options).to_ical()  # type: ignore[arg-type]


# Any text, as a TEXT value makes it one line (escaped line breaks), then a long one of it.
one_line = st.text().map(lambda t: "X-TEST:" + vText(t).to_ical().decode())


@given(st.one_of(one_line, one_line.map(lambda t: t * 7)))
def test_lines_fold_where_icalendar_folds_them(line: str) -> None:
    assert _fold(line.encode()) == (_foldline(line) + "\r\n").encode()
