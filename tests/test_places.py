"""Places as first-class: calendars by place, the rule that every place has work, the page, the ledger.

The 街道 plan of ``tests/plans/jiuxiao_2022.toml`` works through ten named places (九校一室) and no
stations; Jinshan works through six stations and no other places. A station is one kind of place.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import attrs
import openpyxl
import pytest

from commedu import Plan, load_plan, to_ics, write_split
from commedu.calendar.split import file_names
from commedu.cli import EXIT_OK, EXIT_USAGE, main
from commedu.compliance.engine import check
from commedu.compliance.examples import example_plan
from commedu.compliance.rule import Status
from commedu.datafile.columns import LISTS_SHEET
from commedu.datafile.ledger_write import workbook_bytes
from commedu.errors import ExportError
from commedu.model.parts import Schedule
from commedu.model.places import Place, PlaceKind
from commedu.web.glance import glance_html
from tests.conftest import EXAMPLES, ROOT

JIUXIAO = ROOT / "tests" / "plans" / "jiuxiao_2022.toml"
JINSHAN = EXAMPLES / "jinshan_2021.toml"
STAMP = "2022-01-01T00:00:00Z"


@pytest.fixture(scope="module")
def jiuxiao() -> Plan:
    return load_plan(JIUXIAO)


def _uids(calendar: bytes) -> list[str]:
    return [line[4:] for line in calendar.decode().split("\r\n") if line.startswith("UID:")]


# -- calendars of one place ---------------------------------------------------------------------


@pytest.mark.parametrize("key", ["社区科普学校", "science-school"])
def test_a_place_is_found_by_name_or_id(jiuxiao: Plan, key: str) -> None:
    assert _uids(to_ics(jiuxiao, places=[key])) == ["y-science@jiuxiao-2022.commedu"]


def test_places_are_one_filter_and_keep_work_at_any_of_them(jiuxiao: Plan) -> None:
    found = _uids(to_ics(jiuxiao, places=["市民学校", "社区科普学校"]))
    assert found == ["y-training@jiuxiao-2022.commedu", "y-science@jiuxiao-2022.commedu"]


def test_a_station_is_a_place() -> None:
    plan = example_plan()
    station = plan.stations[0]
    by_place = to_ics(plan, places=[station.name], stamp=None)
    by_station = to_ics(plan, stations=[station.name], stamp=None)
    assert _uids(by_place) == _uids(by_station)
    assert len(_uids(by_place)) == 12  # the example holds every month's work at its station
    # The calendar is named after what was asked for, however it was asked.
    assert station.name.encode() in by_place.split(b"BEGIN:VEVENT")[0].replace(b"\r\n ", b"")


def test_a_place_with_no_work_is_a_selection_that_matches_nothing(jiuxiao: Plan) -> None:
    with pytest.raises(ExportError) as caught:
        to_ics(jiuxiao, places=["社区党校"])
    assert [p.code for p in caught.value.problems] == ["no-activities"]
    assert "社区党校" in caught.value.problems[0].message("zh")


def test_unknown_places_are_reported_with_every_other_unknown_at_once(jiuxiao: Plan) -> None:
    with pytest.raises(ExportError) as caught:
        to_ics(jiuxiao, departments=["教育局"], places=["西山学校", "图书室", "东山"])
    problems = caught.value.problems
    assert [(p.path, p.code) for p in problems] == [
        ("departments[0]", "unknown-ref"),
        ("places[0]", "unknown-ref"),
        ("places[2]", "unknown-ref"),
    ]
    known = problems[1].params["known"]
    assert "party-school (社区党校)" in known
    assert "reading-room (图书室)" in known


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "--place 社区党委: no such place; the plan has: party-school (社区党校), "),
        ("zh", "--place 社区党委：计划中没有这个场所；计划中有：party-school (社区党校)，"),
    ],
)
def test_the_command_names_the_option_and_lists_the_places(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str
) -> None:
    out = tmp_path / "x.ics"
    code = main(["--lang", lang, "ics", str(JIUXIAO), "-o", str(out), "--place", "社区党委"])
    assert code == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("commedu ics: ")
    assert said.replace("，", ", ") in err.replace("，", ", ")
    assert not out.exists()


def test_the_command_lists_stations_as_places(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "ics", str(JINSHAN), "-o", "-", "--place", "西山"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "no such place; the plan has: " in err
    assert "东亚" in err or "dongya" in err


def test_the_command_writes_one_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "science.ics"
    args = ["--lang", "en", "ics", str(JIUXIAO), "-o", str(out), "--place", "社区科普学校"]
    assert main([*args, "--stamp", STAMP]) == EXIT_OK
    assert _uids(out.read_bytes()) == ["y-science@jiuxiao-2022.commedu"]
    assert "(activities: 1)" in capsys.readouterr().out


# -- one calendar per place ---------------------------------------------------------------------


def test_split_by_place_writes_a_calendar_for_each_place_with_work(
    jiuxiao: Plan, tmp_path: Path
) -> None:
    written = write_split(jiuxiao, tmp_path / "out", "place", stamp=None)
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    assert index["by"] == "place"
    assert [(c["id"], c["file"], c["activities"]) for c in index["calendars"]] == [
        ("citizen-school", "市民学校.ics", 1),
        ("science-school", "社区科普学校.ics", 1),
    ]
    assert [p.name for p in written] == ["市民学校.ics", "社区科普学校.ics", "index.json"]
    science = (tmp_path / "out" / "社区科普学校.ics").read_bytes()
    assert _uids(science) == ["y-science@jiuxiao-2022.commedu"]


def test_split_by_place_counts_stations_as_places(tmp_path: Path) -> None:
    plan = example_plan()
    write_split(plan, tmp_path / "p", "place", stamp=None)
    write_split(plan, tmp_path / "s", "station", stamp=None)
    by_place = json.loads((tmp_path / "p" / "index.json").read_text(encoding="utf-8"))
    by_station = json.loads((tmp_path / "s" / "index.json").read_text(encoding="utf-8"))
    assert by_place["calendars"] == by_station["calendars"]
    assert [c["activities"] for c in by_place["calendars"]] == [12]
    for entry in by_place["calendars"]:
        assert (tmp_path / "p" / entry["file"]).read_bytes() == (
            tmp_path / "s" / entry["file"]
        ).read_bytes()


def test_split_by_place_keeps_only_the_places_asked_for(jiuxiao: Plan, tmp_path: Path) -> None:
    write_split(jiuxiao, tmp_path, "place", places=["science-school"], stamp=None)
    index = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in index["calendars"]] == ["science-school"]


def test_split_by_place_with_only_idle_places_is_an_error(jiuxiao: Plan, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as caught:
        write_split(jiuxiao, tmp_path / "out", "place", places=["社区党校", "图书室"])
    (problem,) = caught.value.problems
    assert problem.code == "no-activities"
    assert problem.params["selection"].startswith("--split-by place, 社区党校")
    assert not (tmp_path / "out").exists()


def test_a_place_and_a_station_with_one_id_are_refused_not_merged(jinshan: Plan) -> None:
    station = jinshan.stations[0]
    place = Place(station.id, "镇中心小学", PlaceKind.SCHOOL)
    with pytest.raises(ExportError) as caught:
        file_names([place, station])
    (problem,) = caught.value.problems
    assert problem.code == "file-name-clash"
    assert problem.params["first"] == "镇中心小学"
    assert problem.params["second"] == station.name


def test_the_command_splits_by_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "calendars"
    args = ["--lang", "en", "ics", str(JIUXIAO), "--split-by", "place", "-o", str(folder)]
    assert main(args) == EXIT_OK
    assert sorted(p.name for p in folder.iterdir()) == [
        "index.json",
        "市民学校.ics",
        "社区科普学校.ics",
    ]
    assert "wrote 2 calendar(s) and index.json" in capsys.readouterr().out


# -- CE308: every place has work ----------------------------------------------------------------


def test_every_idle_place_is_named(jiuxiao: Plan) -> None:
    (result,) = check(jiuxiao, select=["CE308"]).results
    assert result.status is Status.FAIL
    idle = {"社区党校", "社区老年学校", "青少年法律学校", "社区团校"}
    idle |= {"残疾人素质培训学校", "社区人口学校", "社区家长学校", "图书室"}
    assert [f.path for f in result.findings] == [
        f"places[{i}]" for i, p in enumerate(jiuxiao.places) if p.name in idle
    ]
    assert all(jiuxiao.places[int(f.path[7:-1])].name in f.message.zh for f in result.findings)
    assert "有场所在配档表中没有工作" in result.message("zh")


def test_a_plan_with_work_at_every_place_passes(jiuxiao: Plan) -> None:
    schedule = Schedule(
        tuple(
            attrs.evolve(jiuxiao.activities[0], id=f"at-{p.id}", places=(p,))
            for p in jiuxiao.places
        )
    )
    (result,) = check(attrs.evolve(jiuxiao, schedule=schedule), select=["CE308"]).results
    assert result.status is Status.PASS


def test_a_plan_without_places_is_not_applicable_and_says_so(jinshan: Plan) -> None:
    (result,) = check(jinshan, select=["CE308"]).results
    assert result.status is Status.NOT_APPLICABLE
    assert "CE307" in result.message("en")
    assert "工作站" in result.message("zh")


# -- the year at a glance and the ledger workbook -------------------------------------------------


def test_the_page_lists_each_place_with_its_activity_count(jiuxiao: Plan) -> None:
    page = glance_html(jiuxiao, lang="zh").decode()
    section = page[page.index('<section aria-labelledby="places">') :]
    section = section[: section.index("</section>")]
    assert section.count('<th scope="row">') == len(jiuxiao.places)
    assert '<th scope="row">社区科普学校</th><td>学校</td><td>1</td>' in section
    assert '<th scope="row">图书室</th><td>场馆</td><td>0</td>' in section


def test_the_page_lists_stations_as_places(jinshan: Plan) -> None:
    page = glance_html(example_plan(), lang="en").decode()
    assert '<th scope="row">东村社区教育工作站</th><td>station</td><td>12</td>' in page
    page = glance_html(jinshan, lang="en").decode()  # none of its work names a station
    for station in jinshan.stations:
        assert f'<th scope="row">{station.name}</th><td>station</td><td>0</td>' in page


def test_a_plan_with_no_places_has_no_places_section(jinshan: Plan) -> None:
    bare = attrs.evolve(
        jinshan,
        stations=(),
        schedule=Schedule(tuple(attrs.evolve(a, station=None) for a in jinshan.activities)),
    )
    assert 'id="places"' not in glance_html(bare).decode()


def test_the_ledger_workbook_offers_the_places(jiuxiao: Plan) -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(jiuxiao)))
    offered = [row[1] for row in book[LISTS_SHEET].iter_rows(values_only=True) if row[1]]
    assert offered == [p.name for p in jiuxiao.places]
