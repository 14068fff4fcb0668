"""Two plans of other shapes: a 区's three-year plan and a 社区's summer, loaded, checked, exported."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import icalendar
import pytest

from commedu import (
    Plan,
    Status,
    UnitKind,
    check,
    glance_html,
    load_plan,
    to_ics,
)
from commedu.cli import EXIT_FAILED, EXIT_OK, main
from commedu.model.when import DateSpan
from tests.icalcheck import check_events

PLANS = Path(__file__).resolve().parent / "plans"
STAMP = datetime(2024, 1, 1, tzinfo=UTC)


class TestYunlingDistrict:
    @pytest.fixture
    def plan(self) -> Plan:
        return load_plan(PLANS / "yunling_district_2018.toml")

    def test_is_a_district_plan_of_three_years_issued_by_two_bodies(self, plan: Plan) -> None:
        assert plan.township.kind is UnitKind.DISTRICT
        assert plan.township.level == "district"
        assert plan.issuers == ("云岭区教育局", "云岭区民政局")
        assert plan.issuer == "云岭区教育局"
        assert plan.span == DateSpan(date(2018, 1, 1), date(2020, 12, 31))
        assert [
            (t.year, t.value) for t in plan.targets if t.id == "resident-participation-rate"
        ] == [
            (2018, Decimal(40)),
            (2019, Decimal(45)),
            (2020, Decimal(50)),
        ]

    def test_the_district_standard_governs_it_and_events_are_found_each_year(
        self, plan: Plan
    ) -> None:
        report = check(plan)
        assert report.profile is not None
        assert report.profile.name == "national-demonstration"
        statuses = {r.code: r.status for r in report.results}
        assert statuses["CE200"] is Status.PASS
        assert statuses["CE203"] is Status.PASS  # 2 yuan per resident, the standard's 2
        assert statuses["CE401"] is Status.PASS
        assert statuses["CE402"] is Status.PASS  # 工作评估与自查 in each December
        assert "2020年：配档表第 9 项 “三年行动计划终期评估与自查”" in report.result(
            "CE402"
        ).message("zh")
        assert statuses["CE403"] is Status.NOT_APPLICABLE  # issued before 2020-11-15

    def test_each_year_is_judged_on_its_own_months(self, plan: Plan) -> None:
        result = check(plan, select=["CE301"]).result("CE301")
        assert result.status is Status.FAIL
        empty = [f.message.zh.partition("没有")[0] for f in result.findings]
        assert len(empty) == 27  # nine empty months in each of three years
        assert empty[:3] == ["2018年1月", "2018年2月", "2018年4月"]
        assert "2020年10月" in empty

    def test_a_township_standard_is_only_a_comparison_and_ce220_reads_the_last_year(
        self, plan: Plan
    ) -> None:
        report = check(plan, "henan-elder-education", select=["CE200", "CE220"])
        assert report.result("CE200").status is Status.FAIL
        assert "云岭区 is a district" in report.result("CE200").message("en")
        ce220 = report.result("CE220")
        assert ce220.status is Status.PASS
        assert ce220.message("en").endswith("at least 20% for 2020")

    def test_exports_every_year_and_shows_a_grid_for_each(self, plan: Plan) -> None:
        ics = to_ics(plan, stamp=STAMP)
        check_events(plan, plan.activities, ics)
        calendar = icalendar.Calendar.from_ical(ics)
        starts = sorted(e["DTSTART"].dt for e in calendar.walk("VEVENT"))
        assert (starts[0], starts[-1]) == (date(2018, 3, 1), date(2020, 12, 1))
        page = glance_html(plan).decode()
        for year in (2018, 2019, 2020):
            assert f'<h2 id="schedule-{year}">{year}年工作安排</h2>' in page


class TestQiantouSummer:
    @pytest.fixture
    def plan(self) -> Plan:
        return load_plan(PLANS / "qiantou_summer_2023.toml")

    def test_is_a_community_plan_of_one_summer(self, plan: Plan) -> None:
        assert plan.township.kind is UnitKind.COMMUNITY
        assert plan.township.level == "community"
        assert plan.span == DateSpan(date(2023, 7, 10), date(2023, 8, 26))
        assert plan.months == ((2023, 7), (2023, 8))

    def test_is_judged_on_its_summer(self, plan: Plan) -> None:
        report = check(plan)
        statuses = {r.code: r.status for r in report.results}
        assert statuses["CE301"] is Status.PASS
        assert (
            report.result("CE301").message("zh")
            == "计划期限 2023-07-10/2023-08-26 内每个月都有工作"
        )
        # the yearly events cannot bind a summer: each says why
        for code in ("CE401", "CE402", "CE403"):
            assert statuses[code] is Status.NOT_APPLICABLE, code
        assert "11, 12" in report.result("CE402").message("en")
        assert "part of a year" in report.result("CE401").message("en")

    def test_a_township_standard_does_not_govern_a_community(self, plan: Plan) -> None:
        result = check(plan, select=["CE200"]).result("CE200")
        assert result.status is Status.FAIL
        (finding,) = result.findings
        assert finding.path == "township.kind"
        assert "堑头社区是社区，属于村（社区）一级" in finding.message.zh

    def test_exports_its_days_and_shows_only_its_months(self, plan: Plan) -> None:
        ics = to_ics(plan, stamp=STAMP)
        check_events(plan, plan.activities, ics)
        calendar = icalendar.Calendar.from_ical(ics)
        by_uid = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
        assert by_uid["opening@qiantou-summer-2023.commedu"]["DTSTART"].dt == date(2023, 7, 10)
        assert by_uid["closing@qiantou-summer-2023.commedu"]["DTSTART"].dt == date(2023, 8, 26)
        page = glance_html(plan, lang="en").decode()
        assert "July" in page
        assert '<th scope="row">June</th>' not in page

    def test_a_date_outside_its_summer_is_refused_on_the_command_line(
        self, plan: Plan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        text = (PLANS / "qiantou_summer_2023.toml").read_text("utf-8")
        bad = tmp_path / "bad.toml"
        bad.write_text(text.replace('when = "8月26日"', 'when = "9月1日"'), encoding="utf-8")
        assert main(["validate", str(bad)]) == EXIT_FAILED
        err = capsys.readouterr()
        said = err.out + err.err
        assert "9月1日 is outside the period the plan covers (2023-07-10/2023-08-26)" in said
        assert (
            main(["check", str(PLANS / "qiantou_summer_2023.toml"), "--select", "CE301"]) == EXIT_OK
        )
