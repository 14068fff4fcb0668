"""Three real plans of shapes other than Jinshan's, each with its own tests.

Each file under tests/plans/ cites its public source in its header. Every plan loads, writes back
to an equal plan, checks and exports with no special case in the code; the expectations below are
read off the documents (the comment beside each says where), not off the checker's output.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import attrs
import icalendar
import pytest

from commedu import (
    Activity,
    ComplianceReport,
    PlaceKind,
    Plan,
    Status,
    UnitKind,
    check,
    dumps_plan,
    load_plan,
    loads_plan,
    parse_when,
    to_ics,
)
from commedu.cli import EXIT_OK, main
from tests.icalcheck import check_events

PLANS = Path(__file__).parent / "plans"
STAMP = datetime(2022, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize("path", sorted(PLANS.glob("*.toml")), ids=lambda p: p.stem)
def test_every_plan_loads_round_trips_checks_and_exports(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = load_plan(path)
    for fmt in ("toml", "json"):
        assert loads_plan(dumps_plan(plan, fmt), fmt) == plan  # type: ignore[arg-type]
    capsys.readouterr()
    assert main(["--lang", "en", "validate", str(path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith(f"{path}: valid (activities: {len(plan.activities)})")
    assert "error" not in out
    report = check(plan, "shandong-township")
    assert set(report.codes()) == {r.code for r in report.results}
    assert report.to_json("zh").count('"status"') == len(report.results)
    check_events(plan, plan.activities, to_ics(plan, stamp=STAMP))


def _locations(plan: Plan) -> list[str]:
    calendar = icalendar.Calendar.from_ical(to_ics(plan, stamp=STAMP))
    return [str(e.get("LOCATION", "")) for e in calendar.walk("VEVENT")]


# -- 九校一室: a 街道 whose places are ten schools, with a rate target -----------------------------


class TestJiuxiao:
    @pytest.fixture
    def plan(self) -> Plan:
        return load_plan(PLANS / "jiuxiao_2022.toml")

    @pytest.fixture
    def report(self, plan: Plan) -> ComplianceReport:
        return check(plan, "shandong-township")

    def test_is_a_subdistrict_with_the_nine_schools_and_a_reading_room(self, plan: Plan) -> None:
        # 二、1: “九校一室（社区党校、市民学校、……社区家长学校、图书室）”
        assert plan.township.kind is UnitKind.SUBDISTRICT
        assert [p.name for p in plan.places] == [
            "社区党校",
            "市民学校",
            "社区老年学校",
            "青少年法律学校",
            "社区科普学校",
            "社区团校",
            "残疾人素质培训学校",
            "社区人口学校",
            "社区家长学校",
            "图书室",
        ]
        kinds = [p.kind for p in plan.places]
        assert kinds.count(PlaceKind.SCHOOL) == 8
        assert plan.place("citizen-school").kind is PlaceKind.CITIZEN_SCHOOL
        assert plan.stations == ()

    def test_states_its_rate_target_verbatim(self, plan: Plan) -> None:
        # 二、2: “使受教育居民率达到80%以上”
        (target,) = plan.targets
        assert (target.what, target.comparator.value, target.value) == (
            "受教育居民率",
            ">=",
            Decimal(80),
        )
        assert target.text.endswith("使受教育居民率达到80%以上。")

    def test_station_rules_do_not_apply(self, report: ComplianceReport) -> None:
        assert {"CE306", "CE307"} <= set(report.codes(Status.NOT_APPLICABLE))

    def test_says_nothing_of_funding_so_funding_is_not_evaluable(
        self, report: ComplianceReport
    ) -> None:
        # 一、2 names an 经费管理制度 but no figure and no ring-fencing.
        assert report.result("CE204").status is Status.NOT_EVALUABLE
        assert report.result("CE203").status is Status.NOT_EVALUABLE

    def test_names_no_lifelong_learning_week(self, report: ComplianceReport) -> None:
        # None of the four sections available mentions 全民终身学习活动周.
        assert report.result("CE401").status is Status.FAIL

    def test_calendar_places_the_work_at_its_schools(self, plan: Plan) -> None:
        assert _locations(plan) == ["市民学校", "社区科普学校", "", ""]


# -- 桃林镇 十二五: a five-year plan (2011–2015) with a document number -------------------------


class TestTaolin:
    @pytest.fixture
    def plan(self) -> Plan:
        return load_plan(PLANS / "taolin_2011.toml")

    @pytest.fixture
    def report(self, plan: Plan) -> ComplianceReport:
        return check(plan, "shandong-township")

    def test_keeps_its_document_number_and_covering_notice(self, plan: Plan) -> None:
        assert plan.document_number == "桃政发〔2011〕12号"
        assert plan.preamble.startswith(
            "关于下发桃林镇社区教育建设“十二五”规划的通知\n各村、各单位："
        )
        assert plan.preamble.endswith("安排好自身的建设工作。")
        assert plan.township.kind is UnitKind.TOWN

    def test_spans_its_five_years(self, plan: Plan) -> None:
        assert list(plan.years) == [2011, 2012, 2013, 2014, 2015]
        for activity in plan.activities:
            assert activity.when.span.first == date(2011, 1, 1)
            assert activity.when.span.last == date(2015, 12, 31)

    def test_a_yearly_event_is_required_in_every_year_of_the_period(self, plan: Plan) -> None:
        def inspections(*years: int) -> Plan:
            added = tuple(
                Activity(
                    f"y-inspection-{year}",
                    "迎接社区教育工作年终督导",
                    parse_when(f"{year}年12月", 2011, last_year=2015),
                )
                for year in years
            )
            activities = (*plan.activities, *added)
            return attrs.evolve(plan, schedule=attrs.evolve(plan.schedule, activities=activities))

        assert check(plan, "shandong-township").result("CE402").status is Status.FAIL
        once = check(inspections(2013), "shandong-township").result("CE402")
        assert once.status is Status.FAIL
        assert [f.message.zh.partition("没有")[0] for f in once.findings] == [
            "配档表中2011年",
            "配档表中2012年",
            "配档表中2014年",
            "配档表中2015年",
        ]
        every = inspections(2011, 2012, 2013, 2014, 2015)
        assert check(every, "shandong-township").result("CE402").status is Status.PASS

    def test_its_calendar_names_the_period_and_covers_it(self, plan: Plan) -> None:
        calendar = icalendar.Calendar.from_ical(to_ics(plan, stamp=STAMP))
        assert "2011—2015" in str(calendar["X-WR-CALNAME"])
        (first, *_) = calendar.walk("VEVENT")
        assert first["DTSTART"].dt == date(2011, 1, 1)
        assert first["DTEND"].dt == date(2016, 1, 1)

    def test_elder_smart_technology_training_does_not_bind_a_2011_plan(
        self, report: ComplianceReport
    ) -> None:
        result = report.result("CE403")
        assert result.status is Status.NOT_APPLICABLE
        assert "2020-11-15" in result.message("en")
        assert "2020-11-15" in result.message("zh")

    def test_a_plan_without_stations_is_not_failed_for_them(self, report: ComplianceReport) -> None:
        assert report.result("CE307").status is Status.NOT_APPLICABLE

    def test_every_item_is_in_its_first_year(self, plan: Plan) -> None:
        assert {a.when.span.first.year for a in plan.activities} == {2011}


# -- 齐陵街道 2021: a 街道 with a covering notice under the Shandong standard ----------------------


class TestQiling:
    @pytest.fixture
    def plan(self) -> Plan:
        return load_plan(PLANS / "qiling_2021.toml")

    @pytest.fixture
    def report(self, plan: Plan) -> ComplianceReport:
        return check(plan)  # the plan names shandong-township

    def test_keeps_issuer_dates_and_notice(self, plan: Plan) -> None:
        assert plan.issuer == "齐陵街道党政办公室"
        assert (plan.issued_on.isoformat() if plan.issued_on else None) == "2021-03-01"
        assert plan.preamble.splitlines()[0] == "各委办各工作社区各村（居）有关部门："
        assert plan.township.kind is UnitKind.SUBDISTRICT

    def test_schedules_the_week_and_the_digital_skills_work(self, report: ComplianceReport) -> None:
        # Opening paragraph: “办好全民终身学习活动周”, “广泛开展中小学“数字技能反哺”活动”.
        assert report.result("CE401").status is Status.PASS
        assert report.result("CE403").status is Status.PASS

    def test_names_no_year_end_inspection(self, report: ComplianceReport) -> None:
        assert report.result("CE402").status is Status.FAIL

    def test_its_elder_centre_is_a_venue_the_calendar_names(self, plan: Plan) -> None:
        assert plan.place("elder-centre").kind is PlaceKind.VENUE
        assert "老年教育活动中心" in _locations(plan)
