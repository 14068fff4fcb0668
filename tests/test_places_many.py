"""An activity held at several places: ``places = [...]`` in a file, a tuple in the model.

The 街道 plan of ``tests/plans/jiuxiao_2022.toml`` holds its training "以“九校一室”为依托": here
at 市民学校 and 社区党校 both. Every reader of where work happens counts it at each.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import attrs
import docx
import pytest
from hypothesis import given

from commedu import (
    Activity,
    Plan,
    PlanError,
    PlanFileError,
    dumps_plan,
    loads_plan,
    to_ics,
    write_split,
)
from commedu.calendar.revisions import RevisionStore
from commedu.compliance.engine import check
from commedu.compliance.rule import Status
from commedu.report.plan_document import plan_docx
from commedu.web.glance import glance_html
from tests import strategies as s
from tests.conftest import ROOT

JIUXIAO = (ROOT / "tests" / "plans" / "jiuxiao_2022.toml").read_text(encoding="utf-8")
ONE = 'place = "市民学校"'
TWO = 'places = ["市民学校", "party-school"]'  # by name or by id, as `place` takes
STAMP = datetime(2022, 1, 1, tzinfo=UTC)


def _plan(places: str = TWO) -> Plan:
    assert JIUXIAO.count(ONE) == 1
    return loads_plan(JIUXIAO.replace(ONE, places))


def _uids(calendar: bytes) -> list[str]:
    return [line[4:] for line in calendar.decode().split("\r\n") if line.startswith("UID:")]


def _unfolded(calendar: bytes) -> str:
    return calendar.decode().replace("\r\n ", "")


# -- the file and the model ---------------------------------------------------------------------


def test_a_file_names_several_places_and_one_place_reads_as_before() -> None:
    plan = _plan()
    training = plan.activity("y-training")
    assert training.places == (plan.place("citizen-school"), plan.place("party-school"))
    assert training.place == plan.place("citizen-school")  # the first, for one-place readers
    one = _plan(ONE).activity("y-training")
    assert one.places == (plan.place("citizen-school"),)
    assert plan.activity("y-volunteers").places == ()
    assert plan.activity("y-volunteers").place is None


def test_the_writer_keeps_place_for_one_and_writes_places_for_several() -> None:
    plan = _plan()
    written = dumps_plan(plan)
    assert 'places = [\n    "citizen-school",\n    "party-school",\n]\n' in written
    assert loads_plan(written) == plan
    one = _plan(ONE)
    assert 'place = "citizen-school"' in dumps_plan(one)
    assert '\nplaces = [\n    "' not in dumps_plan(one)
    assert loads_plan(dumps_plan(one, "json"), "json") == one


@given(s.plans())
def test_any_plans_places_round_trip(plan: Plan) -> None:
    again = loads_plan(dumps_plan(plan))
    assert [a.places for a in again.activities] == [a.places for a in plan.activities]


def test_one_place_or_none_given_in_code_is_taken_as_a_list(jiuxiao: Plan) -> None:
    school = jiuxiao.place("citizen-school")
    activity = jiuxiao.activity("y-volunteers")
    assert attrs.evolve(activity, places=school).places == (school,)
    assert attrs.evolve(activity, places=None).places == ()
    with pytest.raises(PlanError) as caught:
        attrs.evolve(activity, places=(school, school))
    assert [(p.path, p.code) for p in caught.value.problems] == [("places[1]", "duplicate-id")]
    with pytest.raises(TypeError, match=r"Activity\.places must be a tuple of Place, not str"):
        attrs.evolve(activity, places="市民学校")


@pytest.fixture(scope="module")
def jiuxiao() -> Plan:
    return _plan()


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("places", "path", "code", "fix"),
    [
        (
            f'{ONE}\nplaces = ["社区党校"]',
            "schedule.activities[0].places",
            "place-and-places",
            "write every place in places",
        ),
        (
            'places = ["市民学校", "citizen-school"]',
            "schedule.activities[0].places[1]",
            "place-twice",
            "name each place once",
        ),
        (
            'places = ["市民学校", "社区党"]',
            "schedule.activities[0].places[1]",
            "unknown-ref-close",
            "'社区党校'",
        ),
        (
            'places = "市民学校"',
            "schedule.activities[0].places",
            "wrong-type",
            "a list",
        ),
        (
            "places = [3]",
            "schedule.activities[0].places[0]",
            "wrong-type",
            "text in quotes",
        ),
    ],
)
def test_bad_places_are_reported_where_they_stand_with_the_fix(
    places: str, path: str, code: str, fix: str
) -> None:
    text = JIUXIAO.replace(ONE, places)
    with pytest.raises(PlanFileError) as caught:
        loads_plan(text)
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == (path, code)
    assert problem.line == _line_of(text, places.splitlines()[-1])
    assert fix in problem.message("en")
    assert "场所" in problem.message("zh") or code == "wrong-type"


def test_a_place_named_twice_says_where_it_was_first_in_chinese() -> None:
    with pytest.raises(PlanFileError) as caught:
        loads_plan(JIUXIAO.replace(ONE, 'places = ["市民学校", "citizen-school"]'))
    (problem,) = caught.value.problems
    assert problem.message("zh").startswith(
        "'citizen-school' 所指的场所已在配档表第 1 项的第 1 个场所"
    )


def test_a_place_the_plan_does_not_list_is_refused_in_code(jiuxiao: Plan) -> None:
    stranger = attrs.evolve(jiuxiao.places[0], id="elsewhere", name="别处")
    activity = attrs.evolve(jiuxiao.activity("y-volunteers"), places=(jiuxiao.places[0], stranger))
    with pytest.raises(PlanError) as caught:
        attrs.evolve(jiuxiao, schedule=attrs.evolve(jiuxiao.schedule, activities=(activity,)))
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("schedule.activities[0].places[1]", "unknown-ref")
    ]


# -- calendars ----------------------------------------------------------------------------------


def test_the_location_names_every_place_joined_in_the_plans_language(jiuxiao: Plan) -> None:
    text = _unfolded(to_ics(jiuxiao, stamp=STAMP))
    assert "LOCATION:市民学校、社区党校\r\n" in text
    assert "场所：市民学校、社区党校" in text
    english = attrs.evolve(
        jiuxiao,
        title="Community education plan 2022",
        township=attrs.evolve(jiuxiao.township, name="Jiuxiao"),
    )
    assert english.language == "en"
    assert "LOCATION:市民学校\\; 社区党校\r\n" in _unfolded(to_ics(english, stamp=STAMP))


@pytest.mark.parametrize("place", ["市民学校", "社区党校", "party-school"])
def test_an_export_of_either_place_holds_the_activity(jiuxiao: Plan, place: str) -> None:
    assert "y-training@jiuxiao-2022.commedu" in _uids(to_ics(jiuxiao, places=[place]))


def test_a_split_by_place_puts_the_activity_in_each_of_its_places(
    jiuxiao: Plan, tmp_path: Path
) -> None:
    write_split(jiuxiao, tmp_path / "out", "place", stamp=None)
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    assert [(c["id"], c["activities"]) for c in index["calendars"]] == [
        ("party-school", 1),
        ("citizen-school", 1),
        ("science-school", 1),
    ]
    for name in ("社区党校.ics", "市民学校.ics"):
        assert _uids((tmp_path / "out" / name).read_bytes()) == ["y-training@jiuxiao-2022.commedu"]


def test_a_removed_activity_is_cancelled_in_each_of_its_places(
    jiuxiao: Plan, tmp_path: Path
) -> None:
    store = RevisionStore(tmp_path / "revisions.sqlite")
    store.revise(jiuxiao)
    gone = attrs.evolve(
        jiuxiao,
        schedule=attrs.evolve(
            jiuxiao.schedule,
            activities=tuple(a for a in jiuxiao.activities if a.id != "y-training"),
        ),
    )
    revisions = store.revise(gone)
    write_split(gone, tmp_path / "out", "place", stamp=None, revisions=revisions)
    for name in ("社区党校.ics", "市民学校.ics"):
        text = _unfolded((tmp_path / "out" / name).read_bytes())
        assert "UID:y-training@jiuxiao-2022.commedu" in text
        assert "STATUS:CANCELLED" in text


# -- the rule, the page and the document --------------------------------------------------------


def test_ce308_counts_an_activity_for_each_of_its_places(jiuxiao: Plan) -> None:
    before = check(_plan(ONE)).result("CE308")
    after = check(jiuxiao).result("CE308")
    assert before.status is Status.FAIL
    assert after.status is Status.FAIL
    assert "places[0]" in [f.path for f in before.findings]  # 社区党校 had no work
    assert "places[0]" not in [f.path for f in after.findings]
    assert len(after.findings) == len(before.findings) - 1


def test_the_page_counts_and_names_every_place(jiuxiao: Plan) -> None:
    page = glance_html(jiuxiao, lang="zh").decode()
    assert '<th scope="row">社区党校</th><td>学校</td><td>1</td>' in page
    assert '<th scope="row">市民学校</th><td>市民学校</td><td>1</td>' in page
    assert '<span class="detail">地点：市民学校、社区党校</span>' in page
    english = glance_html(jiuxiao, lang="en").decode()
    assert '<span class="detail">At: 市民学校; 社区党校</span>' in english


def test_the_plan_document_has_a_place_column_where_the_schedule_names_places(
    jiuxiao: Plan,
) -> None:
    table = docx.Document(io.BytesIO(plan_docx(jiuxiao))).tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["时间", "工作内容", "责任单位", "地点"]
    rows = {r.cells[1].text: r.cells[3].text for r in table.rows[1:]}
    assert rows["以“九校一室”为依托，开展各类人员的教育、培训活动"] == "市民学校、社区党校"
    assert rows["加强社区教育志愿者队伍的管理"] == ""
    bare = attrs.evolve(
        jiuxiao,
        schedule=attrs.evolve(
            jiuxiao.schedule,
            activities=tuple(attrs.evolve(a, places=()) for a in jiuxiao.activities),
        ),
    )
    table = docx.Document(io.BytesIO(plan_docx(bare))).tables[-1]
    assert len(table.rows[0].cells) == 3


def test_an_activity_built_in_code_with_several_places_exports(jiuxiao: Plan) -> None:
    activity = Activity(
        "extra",
        "送教进社区",
        jiuxiao.activity("y-volunteers").when,
        places=jiuxiao.places[:3],
    )
    plan = attrs.evolve(jiuxiao, schedule=attrs.evolve(jiuxiao.schedule, activities=(activity,)))
    assert "LOCATION:社区党校、市民学校、社区老年学校" in _unfolded(to_ics(plan, stamp=STAMP))


def test_a_misspelt_place_is_reported_beside_a_problem_elsewhere_in_the_file() -> None:
    text = JIUXIAO.replace(ONE, 'places = ["社区党", 3]').replace(
        "year = 2022", "year = 2022\nyaer = 1"
    )
    with pytest.raises(PlanFileError) as caught:
        loads_plan(text)
    found = {(p.path, p.code) for p in caught.value.problems}
    assert ("yaer", "unknown-key-close") in found
    assert ("schedule.activities[0].places[0]", "unknown-ref-close") in found
    assert ("schedule.activities[0].places[1]", "wrong-type") in found
