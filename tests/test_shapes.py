"""Plans that are not Jinshan's: units of another kind, places, targets, absent data, stand-ins."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given

from commedu import (
    PLACEHOLDERS,
    Activity,
    Commitments,
    Comparator,
    NotApplicable,
    Place,
    PlaceKind,
    PlanError,
    PlanFileError,
    ProfileError,
    Status,
    Target,
    Text,
    UnitKind,
    check,
    dumps_plan,
    find_placeholders,
    loads_plan,
    loads_profile,
)
from commedu.cli import EXIT_FAILED, EXIT_OK, main
from commedu.compliance.builtin import example_plan
from commedu.compliance.events import SMART_TECHNOLOGY_NOTICE
from commedu.compliance.rule import written_on
from commedu.compliance.targets import elder_share_plan
from commedu.datafile import starter
from commedu.datafile.starter import starter_plan
from commedu.model.when import Month, Recurrence, parse_when
from tests.strategies import texts

# -- the unit's kind, places, targets in the model ----------------------------------------------


def test_unit_kinds_are_the_plans_own_words() -> None:
    assert [k.value for k in UnitKind] == ["村", "社区", "镇", "乡", "街道", "区", "县", "市"]
    assert [k.value for k in PlaceKind] == ["学校", "市民学校", "场馆", "其他"]


def test_a_place_refuses_a_bad_id_and_blank_name_together() -> None:
    with pytest.raises(PlanError) as caught:
        Place("Bad Id", " ", PlaceKind.SCHOOL, village=" ")
    assert [p.path for p in caught.value.problems] == ["id", "name", "village"]


def test_a_target_keeps_its_figure_exact_and_refuses_impossible_rates() -> None:
    target = Target("rate", "培训率", Comparator.AT_LEAST, "50.5", text="培训率不低于50.5%")
    assert target.value == Decimal("50.5")
    assert target.describe("zh") == "培训率不低于50.5%"
    assert target.describe("en") == "培训率 at least 50.5%"
    assert Target("courses", "课程", Comparator.EXACTLY, 12, "门").describe("en") == (
        "课程 exactly 12 门"
    )
    with pytest.raises(PlanError) as caught:
        Target("rate", "培训率", Comparator.AT_LEAST, 150)
    assert caught.value.problems[0].code == "target-percent"
    with pytest.raises(PlanError):
        Target("rate", "培训率", Comparator.AT_LEAST, -1, "门")
    with pytest.raises(TypeError):
        Target("rate", "培训率", Comparator.AT_LEAST, 1.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("comparator", "value", "holds"),
    [
        (Comparator.AT_LEAST, 50, True),
        (Comparator.AT_LEAST, 49, False),
        (Comparator.AT_MOST, 50, True),
        (Comparator.AT_MOST, 51, False),
        (Comparator.EXACTLY, 50, True),
        (Comparator.EXACTLY, 51, False),
    ],
)
def test_comparators(comparator: Comparator, value: int, holds: bool) -> None:
    assert comparator.holds(Decimal(value), Decimal(50)) is holds


def test_an_activity_at_a_place_the_plan_does_not_list_is_refused() -> None:
    plan = example_plan()
    school = Place("school", "第一中学", PlaceKind.SCHOOL)
    activity = attrs.evolve(plan.activities[0], places=(school,))
    with pytest.raises(PlanError) as caught:
        attrs.evolve(plan, schedule=attrs.evolve(plan.schedule, activities=(activity,)))
    assert caught.value.problems[0].path == "schedule.activities[0].places[0]"
    fixed = attrs.evolve(
        plan, places=(school,), schedule=attrs.evolve(plan.schedule, activities=(activity,))
    )
    assert fixed.place("school") is school
    assert fixed.activities[0].place == school


def test_duplicate_place_and_target_ids_are_reported() -> None:
    school = Place("school", "第一中学")
    rate = Target("rate", "培训率", Comparator.AT_LEAST, 50)
    with pytest.raises(PlanError) as caught:
        attrs.evolve(example_plan(), places=(school, school), targets=(rate, rate))
    assert {p.path for p in caught.value.problems} == {"places[1].id", "targets[1].id"}


# -- plan files ----------------------------------------------------------------------------------

MINIMAL = """\
id = "dongguan-2022"
year = 2022
title = "东关街道2022年社区教育工作计划"
document_number = "东办发〔2022〕3号"
issuer = "东关街道办事处"
preamble = "现将《东关街道2022年社区教育工作计划》印发给你们，请认真贯彻执行。"

[township]
name = "东关街道"
district = ""
city = ""
province = "山东省"
kind = "街道"

[[places]]
id = "dongguan-citizen-school"
name = "东关社区市民学校"
kind = "市民学校"
village = "东关社区"

[[targets]]
id = "staff-training-rate"
what = "从业人员年继续教育培训率"
comparator = ">="
value = "50"
text = "从业人员年继续教育培训率不低于50%"

[[schedule.activities]]
id = "m03"
title = "市民学校开学"
when = "3月"
place = "东关社区市民学校"
"""


def test_a_plan_file_holds_kind_number_issuer_preamble_places_and_targets() -> None:
    plan = loads_plan(MINIMAL)
    assert plan.township.kind is UnitKind.SUBDISTRICT
    assert plan.document_number == "东办发〔2022〕3号"
    assert plan.issuer == "东关街道办事处"
    assert plan.preamble.startswith("现将")
    assert plan.activities[0].place == plan.place("dongguan-citizen-school")
    assert plan.target("staff-training-rate").value == Decimal(50)
    for fmt in ("toml", "json"):
        assert loads_plan(dumps_plan(plan, fmt), fmt) == plan  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("old", "new", "path", "suggestion"),
    [
        ('kind = "街道"', 'kind = "subdistrict"', "township.kind", "街道"),
        ('kind = "市民学校"', 'kind = "school"', "places[0].kind", "学校"),
        ('comparator = ">="', 'comparator = "不低于"', "targets[0].comparator", ">="),
        (
            'place = "东关社区市民学校"',
            'place = "东关市民学校"',
            "schedule.activities[0].place",
            None,
        ),
    ],
)
def test_a_wrong_choice_or_reference_is_named_with_its_fix(
    old: str, new: str, path: str, suggestion: str | None
) -> None:
    with pytest.raises(PlanFileError) as caught:
        loads_plan(MINIMAL.replace(old, new))
    (problem,) = caught.value.problems
    assert problem.path == path
    if suggestion is not None:
        assert problem.suggestion == suggestion
    assert problem.message("zh") != problem.message("en")


def test_a_rate_over_100_in_a_file_is_reported_at_its_place() -> None:
    with pytest.raises(PlanFileError) as caught:
        loads_plan(MINIMAL.replace('value = "50"', 'value = "150"'))
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == ("targets[0].value", "target-percent")


def test_an_unknown_choice_with_no_near_one_lists_the_choices() -> None:
    with pytest.raises(PlanFileError) as caught:
        loads_plan(MINIMAL.replace('kind = "街道"', 'kind = "州"'))
    (problem,) = caught.value.problems
    assert problem.code == "not-one-of"
    assert "街道" in problem.message("en")


def test_not_saying_funding_is_ring_fenced_is_not_saying_it_is_not() -> None:
    silent = loads_plan(MINIMAL)
    assert silent.commitments.funding_earmarked is None
    refused = attrs.evolve(silent, commitments=Commitments(funding_earmarked=False))
    assert "funding_earmarked = false" in dumps_plan(refused)
    assert loads_plan(dumps_plan(refused)) == refused


# -- rules when data is absent -------------------------------------------------------------------


def test_ce204_is_not_evaluable_when_the_plan_says_nothing_about_ring_fencing() -> None:
    plan = attrs.evolve(example_plan(), commitments=Commitments())
    result = check(plan, "shandong-township", select=["CE204"]).result("CE204")
    assert result.status is Status.NOT_EVALUABLE
    assert result.missing == ("commitments.funding_earmarked",)
    refused = attrs.evolve(plan, commitments=Commitments(funding_earmarked=False))
    assert check(refused, "shandong-township", select=["CE204"]).codes(Status.FAIL) == ("CE204",)


def test_station_rules_do_not_apply_to_a_plan_without_stations() -> None:
    plan = loads_plan(MINIMAL)
    report = check(plan, "shandong-township", select=["CE306", "CE307"])
    assert report.codes(Status.NOT_APPLICABLE) == ("CE306", "CE307")
    assert "市民学校" not in report.to_text("en")
    assert "不适用" in report.to_text("zh")


def _with(plan_activities: list[Activity]) -> Status:
    plan = example_plan()
    plan = attrs.evolve(plan, schedule=attrs.evolve(plan.schedule, activities=plan_activities))
    return check(plan, "shandong-township", select=["CE303"]).result("CE303").status


def test_ce303_a_series_at_different_times_is_one_item_not_a_duplicate() -> None:
    base = example_plan().activities[0]
    series = [
        attrs.evolve(base, id=f"talk-{m}", title="道德讲堂", when=Month(2021, m)) for m in (3, 6, 9)
    ]
    assert _with(series) is Status.PASS
    overlap = [
        *series,
        attrs.evolve(base, id="again", title="道德讲堂", when=parse_when("9月", 2021)),
    ]
    assert _with(overlap) is Status.FAIL


def test_ce303_a_recurrence_is_one_item() -> None:
    base = example_plan().activities[0]
    weekly = parse_when("2021-03-03T14:30/PT1H RRULE:FREQ=WEEKLY;COUNT=10", 2021)
    assert isinstance(weekly, Recurrence)
    one = [attrs.evolve(base, id="weekly", title="市民学校夜校", when=weekly)]
    assert _with(one) is Status.PASS
    twice = [*one, attrs.evolve(base, id="again", title="市民学校夜校", when=Month(2021, 4))]
    assert _with(twice) is Status.FAIL


def test_ce403_does_not_bind_a_plan_written_before_the_national_notice() -> None:
    assert date(2020, 11, 15) == SMART_TECHNOLOGY_NOTICE
    plan = attrs.evolve(example_plan(), issued_on=date(2020, 3, 1))
    retitled = [attrs.evolve(a, title="村史讲堂") for a in plan.activities]
    plan = attrs.evolve(plan, schedule=attrs.evolve(plan.schedule, activities=retitled))
    result = check(plan, "shandong-township", select=["CE403"]).result("CE403")
    assert result.status is Status.NOT_APPLICABLE
    assert "2020-11-15" in result.message("en")
    later = attrs.evolve(plan, issued_on=date(2020, 12, 1))
    assert check(later, "shandong-township", select=["CE403"]).codes(Status.FAIL) == ("CE403",)


def test_a_plan_without_a_date_was_written_by_the_first_day_of_its_year() -> None:
    plan = attrs.evolve(example_plan(), issued_on=None, published_on=None, source=None)
    assert written_on(plan) == date(2021, 1, 1)
    assert written_on(attrs.evolve(plan, published_on=date(2021, 2, 3))) == date(2021, 2, 3)


PROFILE = """\
schema = 1
name = "test"
applies_to = "township"
[title]
en = "t"
zh = "t"
[scope]
en = "t"
zh = "t"
[source]
title = "t"
"""


def test_a_profile_may_move_a_rules_effective_date() -> None:
    profile = loads_profile(PROFILE + "[effective]\nCE401 = 2030-01-01\n")
    result = check(example_plan(), profile, select=["CE401"]).result("CE401")
    assert result.status is Status.NOT_APPLICABLE
    assert isinstance(result.outcome, NotApplicable)
    assert isinstance(result.outcome.reason, Text)


@pytest.mark.parametrize(
    ("extra", "path", "suggestion"),
    [
        ("[fundng]\nper_resident = 1\n", "fundng", "funding"),
        ("[funding]\nper_residnt = 1\n", "funding.per_residnt", "per_resident"),
        ("[effective]\nsoon = 2030-01-01\n", "effective.soon", None),
        ("[effective]\nCE401 = 5\n", "effective.CE401", None),
        ('[targets.x]\nwhat = "率"\ncomparator = ">>"\nvalue = 5\n', "targets.x.comparator", None),
        ('[targets.x]\nwhat = "率"\ncomparator = ">="\nvalue = 500\n', "targets.x.value", None),
        ('[targets.x]\nwhat = "率"\ncomparator = ">="\nvalu = 5\n', "targets.x.valu", "value"),
    ],
)
def test_a_profile_key_the_engine_does_not_read_is_an_error(
    extra: str, path: str, suggestion: str | None
) -> None:
    with pytest.raises(ProfileError) as caught:
        loads_profile(PROFILE + extra)
    paths = [p.path for p in caught.value.problems]
    assert path in paths
    problem = caught.value.problems[paths.index(path)]
    assert problem.suggestion == suggestion
    if suggestion:
        assert f"did you mean {suggestion!r}" in problem.message("en")
        assert f"是不是 {suggestion!r}" in problem.message("zh")


# -- targets: CE220 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("comparator", "value", "unit", "status"),
    [
        (Comparator.AT_LEAST, 20, "%", Status.PASS),
        (Comparator.AT_LEAST, 35, "%", Status.PASS),
        (Comparator.EXACTLY, 20, "%", Status.PASS),
        (Comparator.AT_LEAST, 19, "%", Status.FAIL),
        (Comparator.AT_MOST, 90, "%", Status.FAIL),
        (Comparator.AT_LEAST, 20, "人", Status.FAIL),
    ],
)
def test_ce220_compares_the_plans_target_with_the_profiles(
    comparator: Comparator, value: int, unit: str, status: Status
) -> None:
    plan = elder_share_plan()
    target = attrs.evolve(plan.targets[0], comparator=comparator, value=value, unit=unit)
    plan = attrs.evolve(plan, targets=(target,))
    result = check(plan, "henan-elder-education", select=["CE220"]).result("CE220")
    assert result.status is status
    if status is Status.FAIL:
        assert result.findings[0].path == "targets[0]"


def test_ce220_without_the_target_names_it_as_missing_and_without_a_profile_needs_one() -> None:
    result = check(example_plan(), "henan-elder-education", select=["CE220"]).result("CE220")
    assert result.missing == ("targets.elder-participation-share",)
    unnamed = attrs.evolve(example_plan(), profile=None)
    assert check(unnamed, select=["CE220"]).result("CE220").missing == ("profile",)


def test_ce220_does_not_apply_under_a_profile_without_targets() -> None:
    report = check(elder_share_plan(), "shandong-township", select=["CE220"])
    assert report.codes(Status.NOT_APPLICABLE) == ("CE220",)


# -- the starter and its placeholders ------------------------------------------------------------


@pytest.mark.parametrize("kind", [UnitKind.TOWN, UnitKind.SUBDISTRICT, UnitKind.COMMUNITY])
def test_init_writes_a_starter_for_every_kind_of_unit(tmp_path: Path, kind: UnitKind) -> None:
    target = tmp_path / "plan.toml"
    args = ["init", "--township", "东关街道", "--year", "2022", "--kind", kind.value]
    assert main([*args, "-o", str(target)]) == EXIT_OK
    plan = loads_plan(target.read_text("utf-8"))
    assert plan.township.kind is kind
    if kind is UnitKind.TOWN:
        assert (len(plan.stations), len(plan.places)) == (1, 0)
    else:
        assert (len(plan.stations), plan.places[0].kind) == (0, PlaceKind.CITIZEN_SCHOOL)
        assert plan.activities[0].place == plan.places[0]
    assert main(["check", str(target), "--select", "CE106", "--fail-on", "warning"]) == EXIT_FAILED


def test_placeholders_are_data_shared_by_the_starter_and_the_rule() -> None:
    assert starter.PLACEHOLDERS is PLACEHOLDERS
    text = starter_plan("东关镇", 2022) + starter_plan("东关街道", 2022, kind=UnitKind.SUBDISTRICT)
    written = {p for p in PLACEHOLDERS if p in text}
    assert {"待填写", "某某村", "某某社区", "某某镇", "某某街道"} <= written


def test_find_placeholders_names_each_place_and_ignores_references() -> None:
    plan = loads_plan(starter_plan("东关镇", 2022))
    assert find_placeholders(plan) == (
        ("township.province", "待填写"),
        ("stations[0].name", "某某村"),
        ("stations[0].place", "某某村"),
    )
    report = check(plan, select=["CE106"])
    assert [f.path for f in report.result("CE106").findings] == [
        "township.province",
        "stations[0].name",
        "stations[0].place",
    ]
    assert "placeholder" in report.to_text("en")
    assert "占位" in report.to_text("zh")


@given(texts)
def test_text_without_a_stand_in_is_never_a_placeholder(text: str) -> None:
    plan = attrs.evolve(example_plan(), goals=text)
    found = [word for path, word in find_placeholders(plan) if path == "goals"]
    assert found == [p for p in PLACEHOLDERS if p in text]


def test_a_bad_place_reference_is_reported_beside_other_problems() -> None:
    text = MINIMAL.replace('place = "东关社区市民学校"', 'place = "东关市民学校"').replace(
        'kind = "市民学校"', 'kind = "市民学校"\ncolour = "red"'
    )
    with pytest.raises(PlanFileError) as caught:
        loads_plan(text)
    assert [p.path for p in caught.value.problems] == [
        "places[0].colour",
        "schedule.activities[0].place",
    ]


def test_repeated_place_ids_are_reported_beside_other_problems() -> None:
    extra = '\n[[places]]\nid = "dongguan-citizen-school"\nname = "另一所"\nkind = "学校"\nx = 1\n'
    with pytest.raises(PlanFileError) as caught:
        loads_plan(MINIMAL.replace("[[targets]]", extra.lstrip("\n") + "\n[[targets]]"))
    assert {p.path for p in caught.value.problems} == {"places[1].x", "places[1].id"}
