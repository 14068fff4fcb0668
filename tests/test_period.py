"""A plan covers a stated period: a season, a year or several years, and is judged within it."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu import (
    Activity,
    Comparator,
    Plan,
    PlanError,
    PlanFileError,
    ProfileError,
    Schedule,
    Status,
    Target,
    check,
    dumps_plan,
    glance_html,
    load_profile,
    loads_plan,
    loads_profile,
    parse_when,
)
from commedu.cli import EXIT_OK, main
from commedu.cli import _report as report_command
from commedu.compliance.actuals import example_ledger
from commedu.compliance.examples import example_plan
from commedu.datafile.ledger_write import dump_ledger
from commedu.datafile.profile import dumps_profile
from commedu.model.profile import EventSpec
from commedu.model.when import DateSpan

SUMMER = DateSpan(date(2021, 7, 1), date(2021, 8, 31))


def _only(plan: Plan, *activities: Activity, **changes: object) -> Plan:
    return attrs.evolve(plan, schedule=Schedule(activities), **changes)


def _item(
    n: int, title: str, when: str, year: int = 2021, last_year: int | None = None
) -> Activity:
    return Activity(f"a{n}", title, parse_when(when, year, last_year=last_year))


def _summer() -> Plan:
    return _only(
        example_plan(),
        _item(1, "暑期少儿书法班", "7月"),
        _item(2, "暑期亲子阅读", "8月"),
        period=SUMMER,
    )


# -- the model -------------------------------------------------------------------------------


def test_a_plan_covers_its_year_or_years_unless_it_says_otherwise() -> None:
    plan = example_plan()
    assert plan.period is None
    assert plan.span == DateSpan(date(2021, 1, 1), date(2021, 12, 31))
    assert plan.whole_years
    several = attrs.evolve(plan, last_year=2023)
    assert several.span == DateSpan(date(2021, 1, 1), date(2023, 12, 31))
    assert len(several.months) == 36
    assert several.months[12] == (2022, 1)


def test_a_summer_plan_covers_july_and_august() -> None:
    plan = _summer()
    assert plan.span == SUMMER
    assert plan.months == ((2021, 7), (2021, 8))
    assert not plan.whole_years


def test_a_date_outside_the_period_is_refused_where_it_stands() -> None:
    with pytest.raises(PlanError) as caught:
        _only(example_plan(), _item(1, "书法班", "7月"), _item(2, "元旦游园", "1月"), period=SUMMER)
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == ("schedule.activities[1].when", "outside-period")
    assert problem.message("en") == (
        "1月 is outside the period the plan covers (2021-07-01/2021-08-31);"
        " move it into the period or widen [period]"
    )


@pytest.mark.parametrize(
    ("when", "inside"),
    [
        ("7月", True),  # a month touching the period is in it
        ("6-7月", True),
        ("6月下旬", False),
        ("7月15日", True),
        ("9月1日", False),
        ("8月底前", True),
    ],
)
def test_a_when_is_inside_the_period_by_its_precision(when: str, inside: bool) -> None:
    period = DateSpan(date(2021, 7, 10), date(2021, 8, 31))
    build = lambda: _only(example_plan(), _item(1, "书法班", when), period=period)  # noqa: E731
    if inside:
        assert build().span == period
    else:
        with pytest.raises(PlanError, match="outside the period"):
            build()


@pytest.mark.parametrize(
    "period",
    [
        DateSpan(date(2020, 12, 1), date(2021, 8, 31)),
        DateSpan(date(2021, 1, 1), date(2022, 1, 31)),
    ],
)
def test_a_period_must_run_from_the_plan_year_to_its_last_year(period: DateSpan) -> None:
    with pytest.raises(PlanError) as caught:
        attrs.evolve(example_plan(), period=period)
    assert [(p.path, p.code) for p in caught.value.problems] == [("period", "period-years")]


# -- the plan file ---------------------------------------------------------------------------


def test_a_plan_file_round_trips_its_period() -> None:
    text = dumps_plan(_summer())
    assert "[period]\nfirst = 2021-07-01\nlast = 2021-08-31\n" in text
    assert loads_plan(text) == _summer()
    assert loads_plan(dumps_plan(_summer(), "json"), "json") == _summer()


def test_a_plan_without_a_period_writes_none() -> None:
    assert "[period]" not in dumps_plan(example_plan())


@pytest.mark.parametrize(
    ("table", "path", "code"),
    [
        ("[period]\nfirst = 2021-09-01\nlast = 2021-08-31\n", "period", "span-order"),
        ("[period]\nfirst = 2021-07-01\n", "period.last", "missing-key"),
        ('[period]\nfirst = "July"\nlast = 2021-08-31\n', "period.first", "bad-date-text"),
        ("[period]\nfirst = 2021-07-01\nlast = 2021-08-31\nlength = 2\n", "period.length", None),
    ],
)
def test_a_bad_period_is_reported_at_its_line(table: str, path: str, code: str | None) -> None:
    text = dumps_plan(_summer()).replace("[period]\nfirst = 2021-07-01\nlast = 2021-08-31\n", table)
    with pytest.raises(PlanFileError) as caught:
        loads_plan(text)
    found = [p for p in caught.value.problems if p.path == path]
    assert found, caught.value.describe("en")
    assert found[0].line is not None
    if code is not None:
        assert found[0].code == code


# -- rules judge within the period -----------------------------------------------------------


def test_a_summer_plan_is_judged_on_its_own_months() -> None:
    report = check(_summer(), select=["CE301"])
    assert report.result("CE301").status is Status.PASS
    gap = _only(example_plan(), _item(1, "暑期少儿书法班", "7月"), period=SUMMER)
    (finding,) = check(gap, select=["CE301"]).result("CE301").findings
    assert finding.message.zh == "8月没有安排工作"


def test_a_multi_year_plan_is_judged_month_by_month_in_each_year() -> None:
    monthly = [
        _item(12 * (y - 2011) + m, f"讲座{y}-{m}", f"{y}年{m}月", 2011, 2012)
        for y in (2011, 2012)
        for m in range(1, 13)
    ]
    full = _only(example_plan(), *monthly, year=2011, last_year=2012)
    assert check(full, select=["CE301"]).result("CE301").status is Status.PASS
    # 2012 has only February: eleven months of 2012 are empty, though every month 1-12 has work
    # in some year.
    thin = _only(example_plan(), *monthly[:12], monthly[13], year=2011, last_year=2012)
    result = check(thin, select=["CE301"]).result("CE301")
    assert result.status is Status.FAIL
    assert [f.message.zh for f in result.findings][:2] == [
        "2012年1月没有安排工作",
        "2012年3月没有安排工作",
    ]
    assert len(result.findings) == 11


def test_a_yearly_item_covers_its_month_in_each_year_not_the_months_between() -> None:
    # 每年3月 in a 2011-2012 plan spans March 2011 to March 2012, but is work in March only.
    yearly = _item(1, "读书节", "每年3月", 2011, 2012)
    plan = _only(example_plan(), yearly, year=2011, last_year=2012)
    result = check(plan, select=["CE301"]).result("CE301")
    assert result.status is Status.FAIL
    empty = {f.message.zh for f in result.findings}
    assert "2011年3月没有安排工作" not in empty
    assert "2012年3月没有安排工作" not in empty
    assert {"2011年4月没有安排工作", "2012年2月没有安排工作"} <= empty
    assert len(empty) == 22


def test_an_event_outside_a_seasonal_plan_is_not_applicable_with_the_reason() -> None:
    result = check(_summer(), select=["CE402"]).result("CE402")
    assert result.status is Status.NOT_APPLICABLE
    assert result.message("en") == (
        "the plan covers 2021-07-01/2021-08-31, which holds none of the months (11, 12)"
        " the year-end inspection falls in"
    )
    week = check(_summer(), select=["CE401"]).result("CE401")
    assert week.status is Status.NOT_APPLICABLE
    assert "part of a year" in week.message("en")


def test_an_event_in_the_months_of_a_seasonal_plan_binds_it() -> None:
    profile = attrs.evolve(
        load_profile("shandong-township"),
        events={
            "summer-reading": EventSpec(
                (("阅读",),), (7, 8), title=load_profile("shandong-township").title
            )
        },
    )
    assert check(_summer(), profile, select=["CE404"]).result("CE404").status is Status.PASS
    none = _only(example_plan(), _item(1, "暑期少儿书法班", "7-8月"), period=SUMMER)
    assert check(none, profile, select=["CE404"]).result("CE404").status is Status.FAIL


def test_an_event_the_profile_requires_once_is_found_in_any_year() -> None:
    def plan(*years: int) -> Plan:
        items = [_item(y, "迎接社区教育工作年终督导", f"{y}年12月", 2018, 2020) for y in years]
        return _only(example_plan(), *items, year=2018, last_year=2020)

    each = load_profile("shandong-township")
    spec = each.events["year-end-inspection"]
    once = attrs.evolve(
        each, events={**each.events, "year-end-inspection": attrs.evolve(spec, per_year=False)}
    )
    assert check(plan(2019), once, select=["CE402"]).result("CE402").status is Status.PASS
    assert check(plan(2019), each, select=["CE402"]).result("CE402").status is Status.FAIL
    passed = check(plan(2018, 2019, 2020), each, select=["CE402"]).result("CE402")
    assert passed.status is Status.PASS
    assert passed.message("zh").startswith("2018年：")


# -- profiles: events as complete data --------------------------------------------------------

_PROFILE = """\
schema = 1
name = "mine"
applies_to = "township"
[title]
en = "Mine"
zh = "我的"
[scope]
en = "Units"
zh = "单位"
[source]
title = "某文件"
"""


def test_a_misspelt_event_key_is_an_error_with_the_key_it_is_close_to() -> None:
    with pytest.raises(ProfileError) as caught:
        loads_profile(_PROFILE + '[events.year-end-inspecton]\nkeywords = [["督导"]]\n')
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == ("events.year-end-inspecton", "event-key-close")
    assert "did you mean 'year-end-inspection'?" in problem.message("en")
    assert problem.line == 12


def test_an_event_of_the_profiles_own_needs_a_title() -> None:
    with pytest.raises(ProfileError) as caught:
        loads_profile(_PROFILE + '[events.reading]\nkeywords = [["读书"]]\n')
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == ("events.reading", "event-needs-title")
    assert "title" in problem.message("zh")


def test_an_event_of_the_profiles_own_round_trips() -> None:
    text = (
        _PROFILE
        + '[events.reading]\nkeywords = [["读书"]]\nmonths = [4]\nper_year = false\n'
        + '[events.reading.title]\nen = "reading festival"\nzh = "读书节"\n'
    )
    profile = loads_profile(text)
    spec = profile.events["reading"]
    assert (spec.months, spec.per_year, spec.title.zh if spec.title else None) == (
        (4,),
        False,
        "读书节",
    )
    assert loads_profile(dumps_profile(profile)) == profile


def test_the_year_end_inspection_is_found_by_evaluation_and_self_inspection() -> None:
    plan = example_plan()
    activities = list(plan.activities)
    activities[11] = attrs.evolve(activities[11], title="社区教育工作评估与年度自查")
    result = check(_only(plan, *activities), select=["CE402"]).result("CE402")
    assert result.status is Status.PASS
    assert "工作评估与年度自查" in result.message("zh")


@given(st.integers(1, 12), st.integers(0, 11))
def test_a_plan_of_any_months_is_judged_on_exactly_those(first: int, more: int) -> None:
    last = min(12, first + more)
    period = DateSpan(date(2021, first, 1), date(2021, last, 28))
    items = [_item(m, f"讲座{m}", f"{m}月") for m in range(first, last + 1)]
    plan = _only(example_plan(), *items, period=period)
    assert plan.months == tuple((2021, m) for m in range(first, last + 1))
    assert check(plan, select=["CE301"]).result("CE301").status is Status.PASS
    if len(items) > 1:
        gap = _only(example_plan(), *items[1:], period=period)
        (finding,) = check(gap, select=["CE301"]).result("CE301").findings
        assert finding.message.zh == f"{first}月没有安排工作"


# -- the report is judged as of today or the period's end ---------------------------------------


class _Today(date):
    """A ``date`` whose today is a day in the example plan's year."""

    @classmethod
    def today(cls) -> _Today:
        return cls(2021, 6, 30)


@pytest.mark.parametrize(("today", "expected"), [(False, "2021-12-31"), (True, "2021-06-30")])
def test_report_judges_as_of_the_earlier_of_today_and_the_periods_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, today: bool, expected: str
) -> None:
    plan = example_plan()
    plan_file = tmp_path / "plan.toml"
    plan_file.write_text(dumps_plan(plan), encoding="utf-8")
    ledger = dump_ledger(example_ledger(), tmp_path / "ledger.toml", plan)
    if today:
        monkeypatch.setattr(report_command, "date", _Today)
    out = tmp_path / "report.json"
    assert main(["report", str(plan_file), str(ledger), "-o", str(out)]) == EXIT_OK
    assert json.loads(out.read_bytes())["as_of"] == expected
    assert (
        main(["report", str(plan_file), str(ledger), "-o", str(out), "--as-of", "2021-03-01"])
        == EXIT_OK
    )
    assert json.loads(out.read_bytes())["as_of"] == "2021-03-01"


# -- targets for a year or a stage -------------------------------------------------------------


def _rate(value: int, year: int | None = None, stage: str | None = None) -> Target:
    return Target(
        "elder-participation-share",
        "经常性参与教育活动的老年人占老年人口总数的比例",
        Comparator.AT_LEAST,
        Decimal(value),
        year=year,
        stage=stage,
    )


def _three_years(*targets: Target) -> Plan:
    return _only(example_plan(), year=2018, last_year=2020, targets=targets)


def test_a_target_for_each_year_round_trips_and_ids_repeat_only_across_years() -> None:
    plan = _three_years(_rate(10, 2018), _rate(15, 2019), _rate(20, 2020))
    text = dumps_plan(plan)
    assert "year = 2019\n" in text
    assert loads_plan(text) == plan
    with pytest.raises(PlanError) as caught:
        _three_years(_rate(10, 2018), _rate(15, 2018))
    assert [(p.path, p.code) for p in caught.value.problems] == [("targets[1].id", "duplicate-id")]


def test_a_target_outside_the_plans_years_is_refused() -> None:
    with pytest.raises(PlanError) as caught:
        _three_years(_rate(10, 2021))
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("targets[0].year", "outside-year")
    ]
    with pytest.raises(PlanError) as bad:
        _rate(10, 1066)
    assert [(p.path, p.code) for p in bad.value.problems] == [("year", "not-a-year")]


def test_ce220_compares_the_plans_last_figure_with_a_standard_of_no_year() -> None:
    rising = _three_years(_rate(10, 2018), _rate(15, 2019), _rate(20, 2020))
    result = check(rising, "henan-elder-education", select=["CE220"]).result("CE220")
    assert result.status is Status.PASS
    assert "2020年" in result.message("zh")
    falling = _three_years(_rate(20, 2018), _rate(15, 2020))
    failed = check(falling, "henan-elder-education", select=["CE220"]).result("CE220")
    assert failed.status is Status.FAIL
    (finding,) = failed.findings
    assert finding.path == "targets[1]"
    assert "for 2020" in finding.message.en


def test_ce220_compares_a_standards_figure_for_a_year_with_the_plans_for_that_year() -> None:
    henan = load_profile("henan-elder-education")
    required = attrs.evolve(henan.targets["elder-participation-share"], year=2019)
    profile = attrs.evolve(henan, targets={"elder-participation-share": required})
    plan = _three_years(_rate(10, 2018), _rate(15, 2019), _rate(25, 2020))
    (finding,) = check(plan, profile, select=["CE220"]).result("CE220").findings
    assert finding.path == "targets[1]"
    assert "2019年" in finding.message.zh
    assert loads_profile(dumps_profile(profile)) == profile
    staged = _three_years(_rate(25, stage="十三五末"))
    assert check(staged, profile, select=["CE220"]).result("CE220").status is Status.NOT_EVALUABLE
    whole = _three_years(_rate(25))
    assert check(whole, profile, select=["CE220"]).result("CE220").status is Status.PASS


# -- the year at a glance shows each year of a multi-year plan ---------------------------------


def _grids(page: str) -> dict[str, str]:
    """Each grid section of the page by its heading id."""
    found = re.findall(
        r'<section class="wide" aria-labelledby="([^"]+)">(.*?)</section>', page, re.S
    )
    return dict(found)


def test_a_multi_year_plan_has_a_grid_for_each_year_with_its_observances() -> None:
    items = [_item(y, f"{y}年迎接年终督导", f"{y}年12月", 2018, 2020) for y in (2018, 2019, 2020)]
    plan = _only(
        example_plan(),
        *items,
        _item(9, "学习型家庭建设", "2018-2020年", 2018, 2020),
        year=2018,
        last_year=2020,
    )
    page = glance_html(plan, lang="zh").decode()
    grids = _grids(page)
    assert list(grids) == ["schedule-2018", "schedule-2019", "schedule-2020"]
    # 春节 falls on 2018-02-16, 2019-02-05 and 2020-01-25: each grid holds its own year's.
    for year, day in ((2018, "02-16"), (2019, "02-05"), (2020, "01-25")):
        grid = grids[f"schedule-{year}"]
        assert f'<h2 id="schedule-{year}">{year}年工作安排</h2>' in grid
        assert f'春节<span class="detail">{day}</span>' in grid
        assert f"{year}年迎接年终督导" in grid
        assert {f"{y}年迎接年终督导" for y in (2018, 2019, 2020) if y != year}.isdisjoint(
            re.findall(r"\d{4}年迎接年终督导", grid)
        )
        assert "学习型家庭建设" in grid  # the work of the whole period is in every year
        assert "全年共 2 项工作" in grid
    assert "· 2018–2020年</p>" in page


def test_a_single_year_page_keeps_its_one_grid() -> None:
    page = glance_html(example_plan(), lang="en").decode()
    assert list(_grids(page)) == ["schedule"]
    assert '<caption id="grid-caption">' in page


def test_a_seasonal_page_shows_only_the_months_of_its_period() -> None:
    page = glance_html(_summer(), lang="zh").decode()
    (grid,) = _grids(page).values()
    assert re.findall(r'<tr><th scope="row">(\d+)月</th>', grid) == ["7", "8"]


def test_an_event_of_the_profiles_own_outside_a_season_is_not_applicable() -> None:
    profile = attrs.evolve(
        load_profile("shandong-township"),
        events={
            "new-year": EventSpec(
                (("迎新年",),), (12,), title=load_profile("shandong-township").title
            ),
            "reading": EventSpec(
                (("阅读",),), per_year=False, title=load_profile("shandong-township").title
            ),
        },
    )
    result = check(_summer(), profile, select=["CE404"]).result("CE404")
    assert result.status is Status.PASS  # the reading, required once, is in the summer
    only_new_year = attrs.evolve(profile, events={"new-year": profile.events["new-year"]})
    exempt = check(_summer(), only_new_year, select=["CE404"]).result("CE404")
    assert exempt.status is Status.NOT_APPLICABLE
    assert "(12)" in exempt.message("en")


def test_ce220_reads_the_last_stage_when_the_plan_sets_no_whole_figure() -> None:
    staged = _three_years(_rate(10, stage="第一阶段"), _rate(25, stage="第二阶段"))
    result = check(staged, "henan-elder-education", select=["CE220"]).result("CE220")
    assert result.status is Status.PASS
    assert result.message("zh").startswith("第二阶段")
