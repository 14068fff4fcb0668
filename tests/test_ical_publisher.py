"""What a publisher's calendar carries besides the schedule: colours, links, places, no iTIP.

Each is read back by two parsers (icalendar and the strict ``ical``) and by the raw lines.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest

from commedu import (
    Activity,
    CalendarDefaults,
    Department,
    EducationCentre,
    ExportError,
    Month,
    Place,
    PlaceKind,
    Plan,
    PlanError,
    PlanFileError,
    Reminders,
    Schedule,
    Session,
    Station,
    Township,
    dumps_plan,
    loads_plan,
    parse_when,
    to_calendar,
    to_ics,
)
from commedu.cli import EXIT_OK, EXIT_USAGE, main
from commedu.model.reminders import format_reminder, parse_reminder
from tests.icalcheck import parse_both

STAMP = datetime(2021, 1, 1, tzinfo=UTC)
SHANGHAI = ZoneInfo("Asia/Shanghai")
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
    Activity("b", "开班仪式", Month(2021, 5), (WOMEN,), places=(SCHOOL,)),
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


# -- reminders -------------------------------------------------------------------------------

REMINDED = _plan(
    Activity("due", "上报总结", parse_when("5月前", 2021), (CENTRE,)),
    Activity("day", "读书节", parse_when("4月23日", 2021), (CULTURE,)),
    Activity("week", "宣传周", parse_when("9月13日-19日", 2021)),
    Activity("month", "宣传月", Month(2021, 9)),
    Activity(
        "talk", "讲座", Session(datetime(2021, 3, 8, 14, 30, tzinfo=SHANGHAI), timedelta(hours=2))
    ),
    Activity("weekly", "巡查", parse_when("每周三", 2021)),
)


def _alarms(data: bytes, kind: str = "VEVENT") -> dict[str, list[tuple[str, str, str]]]:
    """Each item's alarms, as (TRIGGER line, ACTION, DESCRIPTION), by activity id."""
    parsed, other = parse_both(data)
    found = {}
    for item in parsed.walk(kind):
        alarms = [
            (a["TRIGGER"].to_ical().decode(), str(a["ACTION"]), str(a["DESCRIPTION"]))
            for a in item.walk("VALARM")
        ]
        related = [a["TRIGGER"].params.get("RELATED") for a in item.walk("VALARM")]
        found[str(item["UID"]).split("@")[0].removesuffix("+todo")] = [
            (f"{r or 'START'}:{t}", action, said)
            for (t, action, said), r in zip(alarms, related, strict=True)
        ]
    strict = other.todos if kind == "VTODO" else other.events
    # the strict parser reads the same number of alarms on each item
    counts = [len(i.alarms if kind == "VTODO" else i.alarm) for i in strict]  # ical's names
    assert sorted(counts) == sorted(len(a) for a in found.values())
    return found


def test_remind_adds_a_reminder_to_deadlines_and_days_only() -> None:
    data = to_ics(REMINDED, stamp=STAMP, remind=timedelta(days=3))
    assert _alarms(data) == {
        "due": [("START:-P3D", "DISPLAY", "提醒：上报总结")],
        "day": [("START:-P3D", "DISPLAY", "提醒：读书节")],
        "week": [("START:-P3D", "DISPLAY", "提醒：宣传周")],
        "month": [],
        "talk": [],
        "weekly": [],
    }
    assert data == to_calendar(REMINDED, stamp=STAMP, remind=timedelta(days=3)).to_ical()


def test_a_to_dos_reminder_counts_back_from_when_it_is_due_in_the_calendars_language() -> None:
    data = to_ics(REMINDED, stamp=STAMP, remind=timedelta(weeks=1), component="todo", lang="en")
    alarms = _alarms(data, "VTODO")
    assert alarms["due"] == [("END:-P7D", "DISPLAY", "Reminder: 上报总结")]
    assert alarms["month"] == []


def test_the_plans_own_defaults_apply_per_kind_and_remind_replaces_deadlines_and_days() -> None:
    defaults = CalendarDefaults(
        Reminders(deadline=timedelta(days=3), day=timedelta(0), session=timedelta(hours=2))
    )
    plan = attrs.evolve(REMINDED, calendar=defaults)
    triggers = {k: [t for t, _, _ in v] for k, v in _alarms(to_ics(plan, stamp=STAMP)).items()}
    assert triggers == {
        "due": ["START:-P3D"],
        "day": ["START:P0D"],
        "week": ["START:P0D"],
        "month": [],
        "talk": ["START:-PT2H"],
        "weekly": [],
    }
    given = to_ics(plan, stamp=STAMP, remind=timedelta(hours=12))
    triggers = {k: [t for t, _, _ in v] for k, v in _alarms(given).items()}
    assert triggers["due"] == triggers["day"] == ["START:-PT12H"]
    assert triggers["talk"] == ["START:-PT2H"]


def test_no_reminder_unless_asked_for() -> None:
    assert b"VALARM" not in to_ics(REMINDED, stamp=STAMP)


@pytest.mark.parametrize(
    "ahead", [timedelta(weeks=9), timedelta(minutes=-5), timedelta(minutes=1, seconds=30)]
)
def test_a_reminder_out_of_range_is_refused(ahead: timedelta) -> None:
    with pytest.raises(ExportError) as info:
        to_ics(REMINDED, stamp=STAMP, remind=ahead)
    assert {(p.path, p.code) for p in info.value.problems} == {("remind", "bad-reminder")}
    with pytest.raises(PlanError) as caught:
        Reminders(session=ahead)
    assert [(p.path, p.code) for p in caught.value.problems] == [("session", "bad-reminder")]


@pytest.mark.parametrize(
    ("text", "ahead"),
    [
        ("30m", timedelta(minutes=30)),
        ("2h", timedelta(hours=2)),
        ("3d", timedelta(days=3)),
        ("1w", timedelta(weeks=1)),
        (" 2 H ", timedelta(hours=2)),
        ("３ｄ", timedelta(days=3)),  # full-width, as a Chinese input method types it
        ("0m", timedelta(0)),
        ("8w", timedelta(weeks=8)),
    ],
)
def test_reminder_spellings(text: str, ahead: timedelta) -> None:
    assert parse_reminder(text) == ahead
    assert parse_reminder(format_reminder(ahead)) == ahead


@pytest.mark.parametrize("text", ["3", "d", "3 days", "1.5h", "-1d", "9w", "57d", "", "1d2h", "٣d"])
def test_a_reminder_that_is_not_one_is_refused(text: str) -> None:
    with pytest.raises(PlanError) as info:
        parse_reminder(text)
    (problem,) = info.value.problems
    assert problem.code == "bad-reminder"
    assert "3d" in problem.message("en")
    assert "3d" in problem.message("zh")


_PLAN_FILE = """id = "t-2021"
year = 2021
title = "计划"

[township]
name = "金山镇"
district = "临淄区"
city = "淄博市"
province = "山东省"

[calendar]
remind = {{ deadline = {deadline}, day = "1d" }}

[[schedule.activities]]
id = "due"
title = "上报总结"
when = "5月前"
"""


def test_reminders_in_a_plan_file_are_read_and_written_back() -> None:
    plan = loads_plan(_PLAN_FILE.format(deadline='"3d"'))
    assert plan.calendar.remind == Reminders(deadline=timedelta(days=3), day=timedelta(days=1))
    assert loads_plan(dumps_plan(plan)) == plan
    assert 'deadline = "3d"' in dumps_plan(plan)
    assert "[calendar" not in dumps_plan(attrs.evolve(plan, calendar=CalendarDefaults()))
    assert b"TRIGGER:-P3D" in to_ics(plan, stamp=STAMP)


@pytest.mark.parametrize(("written", "code"), [('"3 days"', "bad-reminder"), ("3", "wrong-type")])
def test_a_bad_reminder_in_a_plan_file_names_its_line_and_column(written: str, code: str) -> None:
    with pytest.raises(PlanFileError) as info:
        loads_plan(_PLAN_FILE.format(deadline=written))
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == ("calendar.remind.deadline", code)
    assert problem.line == 12
    for lang in ("en", "zh"):
        assert problem.message(lang)


def test_the_command_line_reminds_and_refuses_what_is_not_a_reminder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(_PLAN_FILE.format(deadline='"3d"'), encoding="utf-8")
    out = tmp_path / "out.ics"
    args = ["ics", str(plan), "-o", str(out), "--stamp", "2021-01-01T00:00:00Z"]
    assert main([*args, "--remind", "2h"]) == EXIT_OK
    assert b"TRIGGER:-PT2H" in out.read_bytes()
    assert main(args) == EXIT_OK
    assert b"TRIGGER:-P3D" in out.read_bytes()
    capsys.readouterr()
    assert main(["--lang", "zh", *args, "--remind", "3 天"]) == EXIT_USAGE
    said = capsys.readouterr().err
    assert "--remind" in said
    assert "不是提醒时间" in said
