"""Standard profiles: the shipped ones say what their sources say; bad files get clear errors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from commedu import Plan, ProfileError, Status, check, load_profile, loads_profile
from commedu.datafile.profile import BUILTIN_PROFILES
from tests.conftest import JINSHAN_SOURCE

MINIMAL = """
schema = 1
name = "mine"
applies_to = "township"
title = { en = "Mine", zh = "我的" }
scope = { en = "Towns", zh = "镇" }
source = { title = "县文件" }
"""


def test_shandong_quotes_the_plan_verbatim_and_matches_its_figures() -> None:
    profile = load_profile("shandong-township")
    source = JINSHAN_SOURCE.read_text(encoding="utf-8")
    assert profile.source.quotes
    for quote in profile.source.quotes:
        assert quote in source
    # “达到2名专职人员、3—5名专兼职人员的省定标准” and “人均不低于1元的标准…专款专用”
    assert profile.full_time_staff == 2
    assert (profile.staff and (profile.staff.low, profile.staff.high)) == (3, 5)
    assert profile.funding_per_resident == Decimal(1)
    assert profile.funding_earmarked is True
    assert profile.applies_to == ("township",)


def test_national_demonstration_is_a_district_standard_of_two_yuan() -> None:
    profile = load_profile("national-demonstration")
    assert profile.applies_to == ("district",)
    assert profile.funding_per_resident == Decimal(2)
    assert profile.full_time_staff is None
    assert "区" in profile.scope.zh
    assert "district" in profile.scope.en.lower()


@pytest.mark.parametrize("name", [n for n in BUILTIN_PROFILES if load_profile(n).events])
def test_built_in_profiles_recognise_the_required_events(name: str) -> None:
    events = load_profile(name).events
    assert events["lifelong-learning-week"].matches("“全民终身学习活动周”系列活动")
    assert events["year-end-inspection"].matches("迎接社区教育工作年终督导")
    assert events["elder-smart-technology-training"].matches("老年人运用智能技术培训")
    assert not events["elder-smart-technology-training"].matches("家庭教育、百姓信息技术等培训活动")
    assert events["year-end-inspection"].months == (11, 12)


def test_the_henan_profile_sets_its_one_verified_target_and_nothing_it_could_not_verify() -> None:
    profile = load_profile("henan-elder-education")
    (target,) = profile.targets.values()
    assert (target.id, target.comparator.value, target.value, target.unit) == (
        "elder-participation-share",
        ">=",
        Decimal(20),
        "%",
    )
    assert target.text in profile.source.quotes
    assert profile.full_time_staff is profile.staff is profile.funding_per_resident is None
    assert dict(profile.events) == {}
    assert profile.source.note is not None
    assert "could not be verified" in profile.source.note.en


def test_a_minimal_profile_and_exact_money() -> None:
    profile = loads_profile(MINIMAL + "[funding]\nper_resident = 1.10\n")
    assert profile.funding_per_resident == Decimal("1.10")
    assert profile.staff is None
    assert dict(profile.events) == {}


def test_a_user_profile_file_is_used_by_check(tmp_path: Path, jinshan: Plan) -> None:
    path = tmp_path / "county.toml"
    path.write_text(MINIMAL + "[staffing]\nfull_time = 3\n", encoding="utf-8")
    report = check(jinshan, path)
    assert report.profile is not None
    assert report.profile.name == "mine"
    assert report.result("CE201").status is Status.FAIL  # 2 committed, 3 required
    assert report.result("CE401").missing == ("profile.events.lifelong-learning-week",)
    assert check(jinshan, str(path)).result("CE201").status is Status.FAIL


@pytest.mark.parametrize(
    ("extra", "path", "code"),
    [
        ("colour = 1\n", "colour", "unknown-key"),
        ("[staffing]\nfull_time = -1\n", "staffing.full_time", "profile-type"),
        ("[staffing]\nfull_time = true\n", "staffing.full_time", "profile-type"),
        ("[staffing]\nstaff = [5, 3]\n", "staffing.staff", "profile-type"),
        ("[staffing]\nstaff = [3]\n", "staffing.staff", "profile-type"),
        ("[staffing]\nfull_staff = 2\n", "staffing.full_staff", "unknown-key-close"),
        ("[staffing]\nboss = 2\n", "staffing.boss", "unknown-key"),
        ('[funding]\nper_resident = "1"\n', "funding.per_resident", "profile-type"),
        ("[funding]\nper_resident = -0.5\n", "funding.per_resident", "profile-type"),
        ("[funding]\nper_resident = nan\n", "funding.per_resident", "profile-type"),
        ('[funding]\nearmarked = "yes"\n', "funding.earmarked", "wrong-type"),
        ("[events.week]\nkeywords = []\n", "events.week.keywords", "profile-type"),
        ("[events.week]\nkeywords = [[]]\n", "events.week.keywords", "profile-type"),
        ('[events.week]\nkeywords = ["周"]\n', "events.week.keywords", "profile-type"),
        ("[events.week]\nmonths = [12]\n", "events.week.keywords", "missing-key"),
        (
            '[events.week]\nkeywords = [["周"]]\nmonths = [13]\n',
            "events.week.months[0]",
            "profile-type",
        ),
        ('[events]\nweek = "周"\n', "events.week", "wrong-type"),
    ],
)
def test_bad_fields_are_named_with_their_place(extra: str, path: str, code: str) -> None:
    with pytest.raises(ProfileError) as caught:
        loads_profile(MINIMAL + extra, source="county.toml")
    assert [(p.path, p.code) for p in caught.value.problems] == [(path, code)]
    assert caught.value.source == "county.toml"
    assert path in caught.value.describe("zh")


@pytest.mark.parametrize("key", ["schema", "name", "applies_to", "title", "scope", "source"])
def test_every_required_key_is_required(key: str) -> None:
    lines = [line for line in MINIMAL.splitlines() if not line.startswith(f"{key} =")]
    with pytest.raises(ProfileError) as caught:
        loads_profile("\n".join(lines))
    assert [(p.path, p.code) for p in caught.value.problems] == [(key, "missing-key")]


def test_all_problems_are_reported_together() -> None:
    with pytest.raises(ProfileError) as caught:
        loads_profile('schema = 2\napplies_to = "city"\ntitle = { en = "" }\n')
    paths = {p.path for p in caught.value.problems}
    assert {"schema", "name", "applies_to", "title.en", "title.zh", "scope", "source"} <= paths


def test_bad_toml_is_a_profile_error_not_a_crash() -> None:
    with pytest.raises(ProfileError) as caught:
        loads_profile("name = \nschema = 1\n")
    problem = caught.value.problems[0]
    assert (problem.code, problem.line, problem.column) == ("toml-syntax", 1, 8)


def test_unknown_names_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as caught:
        load_profile("shandong")
    assert "shandong-township" in caught.value.describe("en")
    with pytest.raises(ProfileError) as caught:
        load_profile(tmp_path / "missing.toml")
    assert caught.value.problems[0].code == "no-such-file"
    bad = tmp_path / "gbk.toml"
    bad.write_bytes("name = '山东'".encode("gbk"))
    with pytest.raises(ProfileError) as caught:
        load_profile(bad)
    assert caught.value.problems[0].code == "not-utf8-gbk"
    assert caught.value.source == str(bad)
