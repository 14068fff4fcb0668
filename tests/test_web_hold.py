"""``commedu serve`` holds under hostile clients and a troubled store: the real waitress server."""

from __future__ import annotations

import shutil
from pathlib import Path

import attrs
from icalendar import Calendar

import commedu
from tests.conftest import EXAMPLES
from tests.webserver import serving

JINSHAN = EXAMPLES / "jinshan_2021.toml"


def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copyfile(JINSHAN, folder / "jinshan.toml")
    return folder


def test_a_plan_with_no_activities_serves_an_empty_calendar(tmp_path: Path) -> None:
    folder = plans(tmp_path)
    plan = commedu.load_plan(JINSHAN)
    empty = attrs.evolve(plan, schedule=attrs.evolve(plan.schedule, activities=()))
    commedu.dump_plan(empty, folder / "empty.toml")
    with serving(folder) as server:
        reply = server.request("/empty/plan.ics")
        assert reply.status == 200, reply.text
        calendar = Calendar.from_ical(reply.body)
        assert calendar.walk("VEVENT") == []
        assert str(calendar["X-WR-CALNAME"]).startswith(plan.township.name)
        # its page still stands, and a plan with activities is unaffected
        assert server.request("/empty/").status == 200
        assert server.request("/jinshan/plan.ics").body.count(b"BEGIN:VEVENT") == 36
