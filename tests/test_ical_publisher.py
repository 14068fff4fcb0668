"""What a publisher's calendar carries besides the schedule: colours, links, places, no iTIP.

Each is read back by two parsers (icalendar and the strict ``ical``) and by the raw lines.
"""

from __future__ import annotations

from datetime import UTC, datetime

import attrs
import pytest

from commedu import (
    Activity,
    Department,
    EducationCentre,
    ExportError,
    Month,
    Place,
    PlaceKind,
    Plan,
    PlanError,
    PlanFileError,
    Schedule,
    Station,
    Township,
    dumps_plan,
    loads_plan,
    to_calendar,
    to_ics,
)
from tests.icalcheck import parse_both

STAMP = datetime(2021, 1, 1, tzinfo=UTC)
CULTURE = Department("culture", "文化站", color="steelblue")
CENTRE = Department("centre", "社区教育中心")
WOMEN = Department("women", "妇联", color="darkorange")
DONGYA = Station("dongya", "东崖村社区教育工作站", "东崖村", "传承")
SCHOOL = Place("school", "市民学校", PlaceKind.CITIZEN_SCHOOL, "西村")


def _plan(*activities: Activity) -> Plan:
    return Plan(
        id="t-2021",
        township=Township("金山镇", "临淄区", "淄博市", "山东省"),
        year=2021,
        title="金山镇2021年社区教育工作计划",
        departments=(CULTURE, CENTRE, WOMEN),
        stations=(DONGYA,),
        places=(SCHOOL,),
        centre=EducationCentre("金山镇社区教育中心"),
        schedule=Schedule(activities),
    )


PLAN = _plan(
    Activity("a", "读书节", Month(2021, 4), (CENTRE, CULTURE, WOMEN), DONGYA),
    Activity("b", "开班仪式", Month(2021, 5), (WOMEN,), place=SCHOOL),
    Activity("c", "总结", Month(2021, 12), (CENTRE,)),
)


def _events(data: bytes) -> dict[str, object]:
    parsed, _ = parse_both(data)
    return {str(e["UID"]).partition("@")[0]: e for e in parsed.walk("VEVENT")}


def test_no_method_and_no_organizer_the_plan_cannot_give_an_address_for() -> None:
    data = to_ics(PLAN, stamp=STAMP)
    assert b"METHOD" not in data
    assert b"ORGANIZER" not in data
    parsed, other = parse_both(data)
    assert "METHOD" not in parsed
    assert other.method is None
    assert len(other.events) == 3


def test_an_item_takes_the_colour_of_its_first_department_that_has_one() -> None:
    data = to_ics(PLAN, stamp=STAMP)
    events = _events(data)
    colours = {uid: str(e["COLOR"]) if "COLOR" in e else None for uid, e in events.items()}  # type: ignore[attr-defined,index,operator]
    assert colours == {"a": "steelblue", "b": "darkorange", "c": None}
    assert data.count(b"\r\nCOLOR:") == 2


@pytest.mark.parametrize(
    ("colour", "suggestion"),
    [("steel blue", "steelblue"), ("SteelBlue", "steelblue"), ("#4682b4", "steelblue"), ("红", "")],
)
def test_a_colour_calendars_do_not_know_is_refused_with_the_nearest_name(
    colour: str, suggestion: str
) -> None:
    with pytest.raises(PlanError) as info:
        Department("culture", "文化站", color=colour)
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == ("color", "bad-colour")
    assert repr(colour) in problem.message("en")
    assert suggestion in problem.message("zh")
    assert problem.params["suggestion"]


def test_a_colour_in_a_plan_file_is_read_written_and_checked_in_place() -> None:
    text = dumps_plan(PLAN)
    assert 'color = "steelblue"' in text
    assert loads_plan(text) == PLAN
    bad = text.replace('color = "darkorange"', 'color = "dark orange"')
    with pytest.raises(PlanFileError) as info:
        loads_plan(bad)
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == ("departments[2].color", "bad-colour")
    line = bad.splitlines()[problem.line - 1]  # type: ignore[operator]
    assert 'color = "dark orange"' in line
    assert "darkorange" in problem.message("en")


def test_every_item_links_to_the_plans_page_when_one_is_given() -> None:
    page = "https://edu.example.cn/plans/t-2021/?lang=zh&from=ics,feed;x"
    data = to_ics(PLAN, stamp=STAMP, page_url=page)
    # a URI is written as it is: TEXT escaping (\, \;) would change the address
    assert data.replace(b"\r\n ", b"").count(f"\r\nURL:{page}\r\n".encode()) == 3
    parsed, other = parse_both(data)
    assert {str(e["URL"]) for e in parsed.walk("VEVENT")} == {page}
    assert {e.url for e in other.events} == {page}
    assert data == to_calendar(PLAN, stamp=STAMP, page_url=page).to_ical()
    assert b"URL:" not in to_ics(PLAN, stamp=STAMP)


@pytest.mark.parametrize(
    "page",
    [
        "edu.example.cn/plans",
        "ftp://edu.example.cn/",
        "https://edu.example.cn/a b",
        "https://edu.example.cn/\r\nX-EVIL:1",
        'https://edu.example.cn/"',
        "https://" + "a" * 3000,
        "",
    ],
)
def test_an_address_that_is_not_a_page_is_refused(page: str) -> None:
    with pytest.raises(ExportError) as info:
        to_ics(PLAN, stamp=STAMP, page_url=page)
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == ("page_url", "bad-page-url")
    assert "http" in problem.message("zh")


def test_location_is_the_station_or_the_place_with_its_village() -> None:
    parsed, other = parse_both(to_ics(PLAN, stamp=STAMP))
    locations = {str(e["UID"])[0]: str(e.get("LOCATION")) for e in parsed.walk("VEVENT")}
    assert locations == {"a": "东崖村社区教育工作站", "b": "西村市民学校", "c": "None"}
    assert {e.uid[0]: e.location for e in other.events} == {
        "a": "东崖村社区教育工作站",
        "b": "西村市民学校",
        "c": None,
    }


def test_items_of_departments_without_a_colour_have_none() -> None:
    plain = _plan(*(attrs.evolve(a, responsible=(CENTRE,)) for a in PLAN.activities))
    assert b"COLOR" not in to_ics(plain, stamp=STAMP)
    assert b"COLOR" in to_ics(PLAN, stamp=STAMP)
