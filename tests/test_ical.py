"""The iCalendar export, by example: the Jinshan plan and hand-built plans."""

from __future__ import annotations

import gc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest

from commedu import (
    Activity,
    Day,
    DayRange,
    Deadline,
    Department,
    ExportError,
    Month,
    MonthPart,
    Part,
    Plan,
    Recurrence,
    Schedule,
    Session,
    Station,
    Township,
    __version__,
    to_calendar,
    to_ics,
    write_ics,
)
from tests.icalcheck import check_events, parse_both, physical_lines

STAMP = datetime(2021, 1, 1, tzinfo=UTC)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def lines(data: bytes) -> list[str]:
    """Logical lines: folds undone, as a reader sees them."""
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


def test_jinshan_exports_all_36_items_of_the_table(jinshan: Plan) -> None:
    data = to_ics(jinshan, stamp=STAMP)
    check_events(jinshan, jinshan.activities, data)
    assert data.count(b"BEGIN:VEVENT") == 36


@pytest.mark.parametrize(
    ("uid", "start", "end"),
    [
        # 1月 row, item 1 of the source's 配档表
        ("m01-1@jinshan-2021.commedu", "20210101", "20210201"),
        # "校外培训机构专项治理（7-8月）": two whole months
        ("m07-2@jinshan-2021.commedu", "20210701", "20210901"),
        # the 8月 listing of the same campaign
        ("m08-2@jinshan-2021.commedu", "20210801", "20210901"),
        # 12月: DTEND is 1 January of the next year
        ("m12-3@jinshan-2021.commedu", "20211201", "20220101"),
    ],
)
def test_jinshan_month_items_are_whole_transparent_months(
    jinshan: Plan, uid: str, start: str, end: str
) -> None:
    text = lines(to_ics(jinshan, stamp=STAMP))
    at = text.index(f"UID:{uid}")
    begin = max(i for i in range(at) if text[i] == "BEGIN:VEVENT")
    event = text[begin : text.index("END:VEVENT", at)]
    assert f"DTSTART;VALUE=DATE:{start}" in event
    assert f"DTEND;VALUE=DATE:{end}" in event
    assert "TRANSP:TRANSPARENT" in event


def test_calendar_properties(jinshan: Plan) -> None:
    text = lines(to_ics(jinshan, stamp=STAMP))
    assert text[0] == "BEGIN:VCALENDAR"
    assert text[-2:] == ["END:VCALENDAR", ""]
    for line in (
        "VERSION:2.0",
        f"PRODID:-//commedu//commedu {__version__}//ZH",
        "CALSCALE:GREGORIAN",
        "NAME:金山镇2021年社区教育",
        "X-WR-CALNAME:金山镇2021年社区教育",
        "X-WR-TIMEZONE:Asia/Shanghai",
        "REFRESH-INTERVAL;VALUE=DURATION:P1D",
        "X-PUBLISHED-TTL:P1D",
    ):
        assert line in text
    desc = next(x for x in text if x.startswith("X-WR-CALDESC:"))
    # the plan's own titles, verbatim
    assert "金山镇2021年社区教育工作计划" in desc
    assert "2021年金山镇社区教育重点工作配档表" in desc
    # no iTIP METHOD (tests/test_ical_publisher.py), no revisions unless a store gives them
    assert not any(x.startswith(("METHOD", "SEQUENCE", "LAST-MODIFIED")) for x in text)
    # all-day items only: no time zone is needed
    assert "BEGIN:VTIMEZONE" not in text


def test_english_labels(jinshan: Plan) -> None:
    text = lines(to_ics(jinshan, stamp=STAMP, lang="en"))
    assert "X-WR-CALNAME:金山镇 community education 2021" in text
    assert f"PRODID:-//commedu//commedu {__version__}//EN" in text
    m01 = next(x for x in text if x.startswith("DESCRIPTION:时间") or "Responsible" in x)
    assert "Responsible: 各职能部门" in m01
    zh = lines(to_ics(jinshan, stamp=STAMP, lang="zh"))
    assert any("责任部门：各职能部门、社区教育中心、志愿者队伍" in x for x in zh)


def test_fixed_stamp_gives_identical_bytes_and_is_the_dtstamp(jinshan: Plan) -> None:
    first = to_ics(jinshan, stamp=datetime(2021, 3, 1, 8, tzinfo=SHANGHAI))
    assert first == to_ics(jinshan, stamp=datetime(2021, 3, 1, 0, tzinfo=UTC))
    assert "DTSTAMP:20210301T000000Z" in lines(first)


def test_source_date_epoch(jinshan: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1609459200")  # 2021-01-01T00:00:00Z
    assert "DTSTAMP:20210101T000000Z" in lines(to_ics(jinshan))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ExportError) as info:
        to_ics(jinshan)
    assert info.value.problems[0].path == "SOURCE_DATE_EPOCH"


def test_without_a_stamp_dtstamp_is_now_in_utc(
    jinshan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(UTC).replace(microsecond=0)
    event = parse_both(to_ics(jinshan))[0].walk("VEVENT")[0]
    assert before <= event["DTSTAMP"].dt <= datetime.now(UTC)


def test_a_naive_stamp_is_refused(jinshan: Plan) -> None:
    with pytest.raises(ExportError, match="no time zone"):
        to_ics(jinshan, stamp=datetime(2021, 1, 1))


def _plan(*activities: Activity, departments: tuple[Department, ...] = ()) -> Plan:
    return Plan(
        id="t-2021",
        township=Township("金山镇", "临淄区", "淄博市", "山东省"),
        year=2021,
        title="测试计划",
        departments=departments,
        stations=tuple({a.station for a in activities if a.station}),
        schedule=Schedule(activities),
    )


def test_every_kind_of_when(jinshan: Plan) -> None:
    plan = _plan(
        Activity("part", "上旬", MonthPart(2021, 2, Part.LATE)),
        Activity("due", "截止", Deadline(date(2021, 4, 30))),
        Activity("day", "一天", Day(date(2021, 3, 8))),
        Activity("days", "几天", DayRange(date(2021, 12, 30), date(2021, 12, 31))),
        Activity(
            "talk",
            "讲座",
            Session(datetime(2021, 3, 8, 14, 30, tzinfo=SHANGHAI), timedelta(hours=2)),
        ),
        Activity(
            "weekly",
            "每周",
            Recurrence(
                datetime(2021, 3, 1, 19, tzinfo=SHANGHAI),
                timedelta(hours=1),
                "FREQ=WEEKLY;COUNT=4",
                (date(2021, 3, 15),),
            ),
        ),
    )
    data = to_ics(plan, stamp=STAMP)
    check_events(plan, plan.activities, data)
    text = lines(data)
    # 2月下旬 of 2021 (not a leap year): 21 to 28 February
    assert "DTSTART;VALUE=DATE:20210221" in text
    assert "DTEND;VALUE=DATE:20210301" in text
    assert "DTSTART;TZID=Asia/Shanghai:20210308T143000" in text
    assert "DTEND;TZID=Asia/Shanghai:20210308T163000" in text
    assert "RRULE:FREQ=WEEKLY;COUNT=4" in text
    assert "EXDATE;TZID=Asia/Shanghai:20210315T190000" in text
    # one VTIMEZONE, one STANDARD +0800 block, no daylight time, no history
    zone = text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE") + 1]
    assert "TZID:Asia/Shanghai" in zone
    assert zone.count("BEGIN:STANDARD") == 1
    assert "BEGIN:DAYLIGHT" not in zone
    assert "TZOFFSETTO:+0800" in zone
    assert "RDATE" not in "".join(zone)
    assert text.index("END:VTIMEZONE") < text.index("BEGIN:VEVENT")
    assert parse_both(data)[0].get_missing_tzids() == set()
    # events in date order (plan order on the same day), whatever the plan's order
    uids = [x.removeprefix("UID:").split("@")[0] for x in text if x.startswith("UID:")]
    assert uids == ["part", "weekly", "day", "talk", "due", "days"]


def test_todos() -> None:
    plan = _plan(
        Activity("due", "截止", Deadline(date(2021, 4, 30))),
        Activity("april", "四月", Month(2021, 4)),
        Activity(
            "talk",
            "讲座",
            Session(datetime(2021, 3, 8, 14, 30, tzinfo=SHANGHAI), timedelta(hours=2)),
        ),
    )
    data = to_ics(plan, stamp=STAMP, component="todo")
    parsed, other = parse_both(data)
    assert not parsed.walk("VEVENT")
    todos = {str(t["UID"]): t for t in parsed.walk("VTODO")}
    assert set(todos) == {f"{a}+todo@t-2021.commedu" for a in ("due", "april", "talk")}
    assert len(other.todos) == 3
    due = todos["due+todo@t-2021.commedu"]
    assert due["DUE"].dt == date(2021, 4, 30)
    assert "DTSTART" not in due
    april = todos["april+todo@t-2021.commedu"]
    assert (april["DTSTART"].dt, april["DUE"].dt) == (date(2021, 4, 1), date(2021, 4, 30))
    talk = todos["talk+todo@t-2021.commedu"]
    assert talk["DUE"].dt == datetime(2021, 3, 8, 16, 30, tzinfo=SHANGHAI)
    with pytest.raises(TypeError, match="'component' must be one of 'event', 'todo'"):
        to_ics(plan, component="journal")  # type: ignore[typeddict-item]


def test_hostile_names_are_escaped_in_the_calendar_name() -> None:
    """icalendar 7.3 writes NAME/X-WR-CALNAME raw; the export must escape them itself."""
    plan = Plan(
        id="p",
        township=Township("金山,镇;\\一\n二", "", "", "山东省"),
        year=2021,
        title="计划",
        schedule=Schedule((Activity("a", "活动", Month(2021, 1)),)),
    )
    text = lines(to_ics(plan, stamp=STAMP))
    assert "X-WR-CALNAME:金山\\,镇\\;\\\\一\\n二2021年社区教育" in text
    assert "NAME:金山\\,镇\\;\\\\一\\n二2021年社区教育" in text
    physical_lines(to_ics(plan, stamp=STAMP))


def test_filters(jinshan: Plan) -> None:
    culture = to_calendar(jinshan, departments=["文化站"], stamp=STAMP)
    expected = [
        a for a in jinshan.activities if jinshan.department("culture-station") in a.responsible
    ]
    assert len(culture.walk("VEVENT")) == len(expected) > 0
    assert "文化站" in str(culture["X-WR-CALNAME"])
    # an alias names the same department
    assert to_ics(jinshan, departments=["镇职能部门"], stamp=STAMP) == to_ics(
        jinshan, departments=["functional-departments"], stamp=STAMP
    )
    summer = to_calendar(jinshan, months=(7, 8), stamp=STAMP)
    uids = sorted(str(e["UID"]).split("@")[0] for e in summer.walk("VEVENT"))
    assert uids == ["m07-1", "m07-2", "m07-3", "m08-1", "m08-2"]
    both = to_calendar(jinshan, departments=["志愿者"], months=(8, 8), stamp=STAMP)
    assert sorted(str(e["UID"]).split("@")[0] for e in both.walk("VEVENT")) == ["m08-1", "m08-2"]


def test_bad_filters_name_the_option_and_what_exists(jinshan: Plan) -> None:
    with pytest.raises(ExportError) as info:
        to_ics(jinshan, departments=["教育局"], stations=["nowhere"], months=(6, 3))
    paths = [p.path for p in info.value.problems]
    assert paths == ["departments[0]", "stations[0]", "months"]
    assert "culture-station (文化站)" in info.value.describe("en")
    assert "未定义的部门" in info.value.describe("zh")
    with pytest.raises(ExportError, match="no activity matches"):
        to_ics(jinshan, stations=["dongya"])  # the plan puts no activity at a station


def test_location_is_the_station() -> None:
    station = Station("dongya", "东崖村社区教育工作站", place="东崖村", theme="传承“边河味道”")
    plan = _plan(Activity("a", "活动", Month(2021, 5), station=station))
    event = to_calendar(plan, stamp=STAMP).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "东崖村社区教育工作站"


def test_write_ics_writes_the_same_bytes(jinshan: Plan, tmp_path: Path) -> None:
    path = write_ics(jinshan, tmp_path / "out.ics", stamp=STAMP)
    assert path.read_bytes() == to_ics(jinshan, stamp=STAMP)
    assert [p.name for p in tmp_path.iterdir()] == ["out.ics"]


def test_uid_does_not_depend_on_position_or_text() -> None:
    a = Activity("a", "甲", Month(2021, 1))
    b = Activity("b", "乙", Month(2021, 2))
    first = to_calendar(_plan(a, b), stamp=STAMP)
    second = to_calendar(
        _plan(Activity("b", "乙（改）", Month(2021, 3)), Activity("c", "丙", Month(2021, 1))),
        stamp=STAMP,
    )
    assert {str(e["UID"]) for e in first.walk("VEVENT")} & {
        str(e["UID"]) for e in second.walk("VEVENT")
    } == {"b@t-2021.commedu"}


def test_utc_sessions_need_no_timezone() -> None:
    plan = _plan(
        Activity(
            "a",
            "会",
            Session(
                datetime(2021, 3, 8, 6, tzinfo=UTC).astimezone(ZoneInfo("UTC")),
                timedelta(hours=1),
            ),
        )
    )
    text = lines(to_ics(plan, stamp=STAMP))
    assert "DTSTART:20210308T060000Z" in text
    assert "BEGIN:VTIMEZONE" not in text


@pytest.mark.parametrize(
    ("when", "shown"),
    [
        (
            Session(datetime(2021, 3, 8, 14, 30, tzinfo=SHANGHAI), timedelta(hours=2)),
            "2021-03-08 14:30–16:30",
        ),
        (
            Session(datetime(2021, 3, 8, 23, tzinfo=SHANGHAI), timedelta(hours=2)),
            "2021-03-08 23:00–2021-03-09 01:00",
        ),
        (
            Session(datetime(2021, 3, 8, 9, tzinfo=ZoneInfo("Europe/Berlin")), timedelta(hours=1)),
            "2021-03-08 09:00–10:00 (Europe/Berlin)",
        ),
        (
            Recurrence(
                datetime(2021, 3, 1, 19, tzinfo=SHANGHAI), timedelta(hours=1), "FREQ=WEEKLY;COUNT=4"
            ),
            "2021-03-01–2021-03-22 19:00–20:00",
        ),
        (MonthPart(2021, 4, Part.LATE), "4月下旬"),
    ],
)
def test_description_shows_times_as_people_read_them(when: object, shown: str) -> None:
    plan = _plan(Activity("a", "讲座", when))  # type: ignore[arg-type]
    (event,) = parse_both(to_ics(plan, stamp=STAMP))[0].walk("VEVENT")
    assert str(event["DESCRIPTION"]).splitlines()[0] == f"时间：{shown}"


def test_labels_default_to_the_plans_language(jinshan: Plan) -> None:
    assert to_ics(jinshan, stamp=STAMP) == to_ics(jinshan, stamp=STAMP, lang="zh")
    english = attrs.evolve(
        jinshan,
        title="Jinshan community education plan 2021",
        township=attrs.evolve(jinshan.township, name="Jinshan"),
    )
    data = to_ics(english, stamp=STAMP)
    assert data == to_ics(english, stamp=STAMP, lang="en")
    assert b"NAME:Jinshan community education 2021\r\n" in data
    assert to_ics(english, stamp=STAMP, lang="zh") != data


def test_the_export_leaves_the_collector_as_it_found_it(jinshan: Plan) -> None:
    was = gc.isenabled()
    try:
        gc.disable()
        to_ics(jinshan, stamp=STAMP)
        assert not gc.isenabled()
        gc.enable()
        to_ics(jinshan, stamp=STAMP)
        assert gc.isenabled()
        with pytest.raises(ExportError):
            to_ics(jinshan, stamp=STAMP, departments=["no such department"])
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
