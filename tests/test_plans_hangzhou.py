"""杭州市 学习型城市实施方案（2025—2027年）: a city's three-year plan, from its published notice.

tests/plans/hangzhou_learning_2025.toml encodes the opening of the plan as 杭州市人民政府公报
publishes it (tests/plans/hangzhou_learning_2025.txt, the copy available to us, unchanged): the
covering notice with its 文号, issuer and date, the plan's 总体目标 and the first measure of its
first task. These tests hold the file to that copy and to what the plan is: a plan at the
district level, over 2025–2027, with two figures for 2027.

Importing the copy reads what the file writes by hand from its frame: the title the notice
breaks over three lines, the years “(2025—2027年)” on a line of their own, the issuing office and
its city as the plan's unit, the notice apart from the plan's opening, its 文号 and date of
issue, and both figures with the year their sentence sets, and its first task.
"""

from __future__ import annotations

import tomllib
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
from commedu.cli import EXIT_OK, main
from commedu.model.when import DateSpan
from tests.icalcheck import check_events

PLANS = Path(__file__).resolve().parent / "plans"
PLAN_FILE = PLANS / "hangzhou_learning_2025.toml"
SOURCE = PLANS / "hangzhou_learning_2025.txt"
STAMP = datetime(2026, 1, 1, tzinfo=UTC)
YEARS = (2025, 2026, 2027)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN_FILE)


@pytest.fixture(scope="module")
def source() -> str:
    return SOURCE.read_text("utf-8")


def test_every_text_of_the_plan_is_the_copy_s_own(plan: Plan, source: str) -> None:
    (task,) = plan.tasks
    quoted = [
        plan.title,
        plan.document_number,
        plan.issuer,
        plan.township.name,
        plan.guiding_principles,
        plan.goals,
        *plan.preamble.splitlines(),
        *(t.text for t in plan.targets),
        *(t.what for t in plan.targets),
        task.title,
        *(m.title for m in task.measures),
        *(m.text for m in task.measures),
        *(a.title for a in plan.activities),
    ]
    for text in quoted:
        assert text
        assert text in source, text


def test_is_a_city_plan_of_three_years_with_its_notice(plan: Plan) -> None:
    assert plan.township.kind is UnitKind.CITY
    assert plan.township.level == "district"
    assert plan.span == DateSpan(date(2025, 1, 1), date(2027, 12, 31))
    assert list(plan.years) == list(YEARS)
    assert plan.document_number == "杭政办函〔2025〕60号"
    assert plan.issuers == ("杭州市人民政府办公厅",)
    assert plan.issued_on == date(2025, 12, 23)  # the notice's own date line
    # the notice, addressed to the districts and counties below the city
    assert plan.preamble.splitlines()[3] == "各区、县(市)人民政府,市政府各部门、各直属单位:"
    assert plan.preamble.endswith("请结合实际,认真组织实施。")


def test_sets_its_figures_for_the_last_year_of_the_plan(plan: Plan) -> None:
    figures = {t.id: (t.year, t.comparator.value, t.value, t.unit) for t in plan.targets}
    assert figures == {
        "learning-network-coverage": (2027, ">=", Decimal(100), "%"),
        "village-community-coverage": (2027, ">=", Decimal(80), "%"),
    }


def test_its_measure_runs_through_the_years_of_its_title_in_calendars(plan: Plan) -> None:
    ics = to_ics(plan, stamp=STAMP)
    check_events(plan, plan.activities, ics)
    (event,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["SUMMARY"]) == "健全四级联动的学习型城市网络"
    assert event["DTSTART"].dt == date(2025, 1, 1)
    assert event["DTEND"].dt == date(2028, 1, 1)  # exclusive: through 31 December 2027
    page = glance_html(plan).decode()
    for year in YEARS:
        assert f'<h2 id="schedule-{year}">{year}年工作安排</h2>' in page


def test_the_district_standard_governs_it(plan: Plan) -> None:
    report = check(plan, "national-demonstration")
    assert report.result("CE200").status is Status.PASS
    assert report.result("CE105").status is Status.PASS  # it carries its date of issue
    assert report.result("CE304").status is Status.PASS  # its one item serves task (一)
    assert report.result("CE302").status is Status.FAIL  # it names no 责任部门
    # the standard's figures are not the plan's: it sets none of awareness, reach, satisfaction
    assert report.result("CE220").status is Status.NOT_EVALUABLE
    # the copy schedules no yearly event, and each year of the three is judged on its own
    for code in ("CE401", "CE402", "CE403"):
        result = report.result(code)
        assert result.status is Status.FAIL, code
        assert [f.message.en.split(" is ")[0] for f in result.findings] == [
            f"no scheduled activity in {year}" for year in YEARS
        ], code


def test_import_of_the_copy_reads_its_frame_notice_and_figures(
    plan: Plan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.toml"
    assert main(["--lang", "en", "import", str(SOURCE), "-o", str(draft)]) == EXIT_OK
    capsys.readouterr()
    imported = draft.read_text("utf-8")
    assert '\ndocument_number = "杭政办函〔2025〕60号"\n' in imported
    assert "\nissued_on = 2025-12-23\n" in imported
    assert 'what = "市、区县(市)、乡镇(街道)学习网络覆盖率"\ncomparator = ">="\nvalue = "100"' in (
        imported
    )
    assert 'what = "村(社区)覆盖率"\ncomparator = ">="\nvalue = "80"' in imported
    assert 'title = "完善开放包容的学习网络"' in imported
    assert '{ title = "健全四级联动的学习型城市网络", text = "完善市—区' in imported
    # the frame, as the file writes it by hand
    data = tomllib.loads(imported)
    assert data["title"] == plan.title  # its three lines, read as one
    assert (data["year"], data["last_year"]) == (plan.year, plan.last_year)
    assert data["issuer"] == plan.issuers[0]
    assert (data["township"]["name"], data["township"]["kind"]) == (
        plan.township.name,
        plan.township.kind.value,
    )
    assert data["preamble"] == plan.preamble  # the notice, its lines as the copy breaks them
    assert data["guiding_principles"] == plan.guiding_principles  # the plan's own opening
    assert "(此件公开发布)" not in data["preamble"]
    # each figure's text is its sentence, up to the “;”, and holds the file's words for it
    for target, written in zip(data["targets"], plan.targets, strict=True):
        assert target["year"] == written.year == 2027
        assert written.text in target["text"]
        assert target["text"].endswith("四级联动的学习型城市网络进一步壮大")
