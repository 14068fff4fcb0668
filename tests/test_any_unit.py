"""Units at every level: a plan of a 村 or 社区, a 镇, 乡 or 街道, or a 区, 县 or 市, judged by its level."""

from __future__ import annotations

import attrs
import pytest

from commedu import (
    Plan,
    PlanError,
    PlanFileError,
    ProfileError,
    Status,
    UnitKind,
    check,
    dumps_plan,
    load_profile,
    loads_plan,
    loads_profile,
)
from commedu.datafile.profile import dumps_profile
from commedu.model.places import LEVELS, level_label

PROFILE = """\
schema = 1
name = "mine"
applies_to = {applies_to}
[title]
en = "Mine"
zh = "我的"
[scope]
en = "Units"
zh = "单位"
[source]
title = "某文件"
"""


def _profile(applies_to: str) -> str:
    return PROFILE.format(applies_to=applies_to)


@pytest.mark.parametrize(
    ("kind", "level"),
    [
        (UnitKind.VILLAGE, "community"),
        (UnitKind.COMMUNITY, "community"),
        (UnitKind.TOWN, "township"),
        (UnitKind.XIANG, "township"),
        (UnitKind.SUBDISTRICT, "township"),
        (UnitKind.DISTRICT, "district"),
        (UnitKind.COUNTY, "district"),
        (UnitKind.CITY, "district"),
    ],
)
def test_every_kind_of_unit_has_its_level_and_words(kind: UnitKind, level: str) -> None:
    assert kind.level == level
    assert kind.label("zh") == kind.value
    assert kind.label("en").isascii()
    assert kind.label("en")


def test_a_unit_of_no_stated_kind_is_a_township(jinshan: Plan) -> None:
    unit = attrs.evolve(jinshan.township, kind=None)
    assert unit.level == "township"
    plan = attrs.evolve(jinshan, township=unit)
    result = check(plan, "national-demonstration", select=["CE200"]).result("CE200")
    assert result.status is Status.FAIL
    (finding,) = result.findings
    assert finding.path == "profile"
    assert "金山镇 is at the township level" in finding.message.en


@pytest.mark.parametrize("level", LEVELS)
def test_every_level_has_words_in_both_languages(level: str) -> None:
    assert "一级" in level_label(level, "zh")  # type: ignore[arg-type]
    assert level_label(level, "en").startswith("the ")  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["区", "县", "市", "村", "乡"])
def test_a_plan_file_accepts_a_unit_of_any_level(jinshan: Plan, kind: str) -> None:
    text = dumps_plan(jinshan).replace('kind = "镇"', f'kind = "{kind}"', 1)
    assert loads_plan(text).township.kind is UnitKind(kind)


@pytest.mark.parametrize(("written", "suggestion"), [("district", "区"), ("county", "县")])
def test_a_kind_in_english_is_refused_with_the_plans_word(
    jinshan: Plan, written: str, suggestion: str
) -> None:
    text = dumps_plan(jinshan).replace('kind = "镇"', f'kind = "{written}"', 1)
    with pytest.raises(PlanFileError) as caught:
        loads_plan(text)
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == ("township.kind", "not-one-of-close")
    assert problem.params["suggestion"] == suggestion
    assert problem.line is not None


# -- profiles state the levels they govern -------------------------------------------------------


def test_a_profile_governs_one_level_or_several() -> None:
    one = loads_profile(_profile('"district"'))
    several = loads_profile(_profile('["district", "township"]'))
    assert one.applies_to == ("district",)
    assert several.applies_to == ("township", "district")  # lowest first, however written
    assert several.governs("township")
    assert several.governs("district")
    assert not several.governs("community")


@pytest.mark.parametrize("applies_to", ['"province"', "[]", '["township", "township"]', "3"])
def test_a_bad_level_is_refused_with_the_choices(applies_to: str) -> None:
    with pytest.raises(ProfileError) as caught:
        loads_profile(_profile(applies_to))
    (problem,) = caught.value.problems
    assert problem.path == "applies_to"
    assert "community" in problem.message("en")
    assert "township" in problem.message("zh")
    assert problem.line == 3


@pytest.mark.parametrize(
    ("applies_to", "written"),
    [
        ('"community"', 'applies_to = "community"\n'),
        ('["district", "township"]', 'applies_to = [\n    "township",\n    "district",\n]\n'),
    ],
)
def test_a_profile_file_round_trips_its_levels(applies_to: str, written: str) -> None:
    profile = loads_profile(_profile(applies_to))
    text = dumps_profile(profile)
    assert written in text
    assert loads_profile(text) == profile


def _as(plan: Plan, kind: UnitKind, name: str) -> Plan:
    return attrs.evolve(plan, township=attrs.evolve(plan.township, kind=kind, name=name))


def test_a_district_plan_passes_ce200_under_a_district_profile(jinshan: Plan) -> None:
    plan = _as(jinshan, UnitKind.DISTRICT, "临淄区")
    result = check(plan, "national-demonstration", select=["CE200"]).result("CE200")
    assert result.status is Status.PASS
    assert "临淄区" in result.message("zh")


def test_a_district_plan_fails_ce200_under_a_township_profile(jinshan: Plan) -> None:
    plan = _as(jinshan, UnitKind.COUNTY, "某县")
    result = check(plan, "shandong-township", select=["CE200"]).result("CE200")
    assert result.status is Status.FAIL
    (finding,) = result.findings
    assert finding.path == "township.kind"
    assert "a county, at the district, county or city level" in finding.message.en


def test_a_community_plan_fails_ce200_under_a_township_profile_with_the_reason(
    jinshan: Plan,
) -> None:
    plan = _as(jinshan, UnitKind.COMMUNITY, "东关社区")
    result = check(plan, "shandong-township", select=["CE200"]).result("CE200")
    assert result.status is Status.FAIL
    (finding,) = result.findings
    assert finding.message.zh == (
        "标准档案 'shandong-township' 适用于镇（乡、街道）一级，而东关社区是社区，"
        "属于村（社区）一级；其结果仅供比较"
    )


def test_a_profile_of_several_levels_passes_each_of_them(jinshan: Plan) -> None:
    both = attrs.evolve(load_profile("national-demonstration"), applies_to=("township", "district"))
    for kind in (UnitKind.TOWN, UnitKind.DISTRICT):
        result = check(_as(jinshan, kind, "某地"), both, select=["CE200"]).result("CE200")
        assert result.status is Status.PASS
    community = check(_as(jinshan, UnitKind.VILLAGE, "某村"), both, select=["CE200"])
    assert community.result("CE200").status is Status.FAIL


# -- several issuing bodies ---------------------------------------------------------------------


def test_a_plan_issued_jointly_keeps_every_body_in_order(jinshan: Plan) -> None:
    plan = attrs.evolve(jinshan, issuers=("某区教育局", "某区民政局"))
    text = dumps_plan(plan)
    assert 'issuers = [\n    "某区教育局",\n    "某区民政局",\n]' in text
    assert not text.startswith("issuer =")
    assert "\nissuer =" not in text.partition("[")[0]
    again = loads_plan(text)
    assert again == plan
    assert again.issuer == "某区教育局"


def test_one_issuer_is_written_in_its_one_body_form(jinshan: Plan) -> None:
    plan = attrs.evolve(jinshan, issuers=("金山镇人民政府",))
    text = dumps_plan(plan, "json")
    assert '"issuer": "金山镇人民政府"' in text
    assert '"issuers"' not in text
    assert loads_plan(text, "json") == plan


def test_issuer_and_issuers_together_are_refused(jinshan: Plan) -> None:
    text = dumps_plan(jinshan).replace(
        'title = "', 'issuer = "甲"\nissuers = ["乙", "丙"]\ntitle = "', 1
    )
    with pytest.raises(PlanFileError) as caught:
        loads_plan(text)
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == ("issuers", "issuer-and-issuers")
    assert "issuers" in problem.message("zh")
    assert problem.line is not None


def test_a_blank_or_repeated_issuer_is_refused_where_it_stands(jinshan: Plan) -> None:
    with pytest.raises(PlanError) as caught:
        attrs.evolve(jinshan, issuers=("甲", " ", "甲"))
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("issuers[1]", "empty-text"),
        ("issuers[2]", "duplicate-id"),
    ]


def test_a_profile_of_no_level_names_the_field() -> None:
    profile = load_profile("national-demonstration")
    with pytest.raises((TypeError, ValueError), match="applies_to"):
        attrs.evolve(profile, applies_to=5)
    assert attrs.evolve(profile, applies_to="township").applies_to == ("township",)
