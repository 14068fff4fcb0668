"""黄山市“十四五”老年教育发展规划: a city's five-year plan, from the page that sets it out.

tests/plans/huangshan_elder_2021.toml encodes what 黄山市教育局's page says of the plan
(tests/plans/huangshan_elder_2021.txt, the copy of the page available to us, unchanged); these
tests hold the file to that page and to what the plan is: a plan at the district level, over
2021–2025, with its 文号 and its figures for 2025. Importing the page reads “十四五” in its
title as those years, as the *when* 十四五期间 is read.
"""

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
    parse_when,
    to_ics,
)
from commedu.cli import EXIT_OK, main
from commedu.importer.document import Paragraph, Where
from commedu.importer.frame import read_frame
from commedu.model.when import DateSpan, YearSpan
from tests.icalcheck import check_events

PLANS = Path(__file__).resolve().parent / "plans"
PLAN_FILE = PLANS / "huangshan_elder_2021.toml"
SOURCE = PLANS / "huangshan_elder_2021.txt"
STAMP = datetime(2024, 1, 1, tzinfo=UTC)
YEARS = (2021, 2022, 2023, 2024, 2025)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN_FILE)


@pytest.fixture(scope="module")
def source() -> str:
    return SOURCE.read_text("utf-8")


def test_every_text_of_the_plan_is_the_page_s_own(plan: Plan, source: str) -> None:
    quoted = [
        plan.title,
        plan.document_number,
        plan.issuer,
        plan.township.name,
        plan.goals,
        plan.preamble,
        *(t.text for t in plan.targets),
        *(t.title for t in plan.tasks),
        *(a.title for a in plan.activities),
    ]
    for text in quoted:
        assert text
        assert text in source, text


def test_is_a_city_plan_of_five_years_with_its_document_number(plan: Plan) -> None:
    assert plan.township.kind is UnitKind.CITY
    assert plan.township.level == "district"
    assert plan.span == DateSpan(date(2021, 1, 1), date(2025, 12, 31))
    assert plan.document_number == "黄教秘职成〔2023〕5号"
    assert plan.issuers == ("黄山市教育局",)
    assert plan.issued_on is None  # the page's date is its record's, not certainly the plan's
    assert plan.source is not None
    assert plan.source.issued_on == date(2023, 5, 17)
    assert [t.number for t in plan.tasks] == [1, 2, 3, 4, 5, 6]


def test_sets_its_figures_for_the_last_year_of_the_plan(plan: Plan) -> None:
    figures = {t.id: (t.year, t.comparator.value, t.value, t.unit) for t in plan.targets}
    assert figures == {
        "elder-participation-share": (2025, ">=", Decimal(30), "%"),
        "elder-learners": (2025, "=", Decimal("10.8"), "万人"),
        "elder-learners-offline": (2025, "=", Decimal("8.3"), "万人"),
    }


def test_its_action_plans_run_through_the_whole_period_in_calendars(plan: Plan) -> None:
    ics = to_ics(plan, stamp=STAMP)
    check_events(plan, plan.activities, ics)
    events = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [
        "老年学校扩容增量计划",
        "老年人文化素养提升计划",
        "办学主体多元化推进计划",
    ]
    for event in events:
        assert event["DTSTART"].dt == date(2021, 1, 1)
        assert event["DTEND"].dt == date(2026, 1, 1)  # exclusive: through 31 December 2025
    page = glance_html(plan).decode()
    for year in YEARS:
        assert f'<h2 id="schedule-{year}">{year}年工作安排</h2>' in page


def test_the_district_standard_governs_it_and_finds_no_yearly_event(plan: Plan) -> None:
    report = check(plan, "national-demonstration")
    assert report.result("CE200").status is Status.PASS
    assert report.result("CE301").status is Status.PASS  # its action plans fill every month
    # CE403 too: 5.推动智能时代老年教育创新 is a task, and no scheduled item is the training itself
    for code in ("CE401", "CE402", "CE403"):
        result = report.result(code)
        assert result.status is Status.FAIL, code
        # judged year by year: one finding for each of the plan's five years
        assert [f.message.en.split(" is ")[0] for f in result.findings] == [
            f"no scheduled activity in {year}" for year in YEARS
        ], code
    assert report.result("CE220").status is Status.NOT_EVALUABLE  # it sets no figure of these
    assert report.result("CE105").status is Status.FAIL


def test_an_elder_education_target_is_met_but_that_standard_is_for_townships(
    plan: Plan,
) -> None:
    report = check(plan, "henan-elder-education", select=["CE200", "CE220"])
    ce200 = report.result("CE200")
    assert ce200.status is Status.FAIL
    assert "黄山市 is a city, at the district, county or city level" in ce200.message("en")
    assert "而黄山市是市，属于区（县、市）一级" in ce200.message("zh")
    ce220 = report.result("CE220")
    assert ce220.status is Status.PASS
    assert ce220.message("en").endswith("at least 30% for 2025")
    assert ce220.message("zh") == "2025年参与学习教育活动的老年人占常住老年人口总数的比例不低于30%"


def test_import_of_the_page_reads_its_share_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.toml"
    assert main(["--lang", "en", "import", str(SOURCE), "-o", str(draft)]) == EXIT_OK
    capsys.readouterr()
    imported = draft.read_text("utf-8")
    assert 'comparator = ">="\nvalue = "30"\nunit = "%"' in imported
    assert "占常住老年人口总数的比例达到30%以上" in imported
    # “十四五” in the title line gives the plan's years
    assert "\nyear = 2021\n" in imported
    assert "\nlast_year = 2025\n" in imported


@pytest.mark.parametrize("term", ["十一五", "十二五", "十三五", "十四五", "十五五"])
def test_a_title_naming_a_five_year_plan_gives_the_years_its_when_means(term: str) -> None:
    frame = read_frame([Paragraph(f"某县社区教育“{term}”规划", Where(paragraph=1))], [], [])
    assert frame.year is not None
    assert frame.last_year == frame.year + 4
    assert parse_when(f"{term}期间", frame.year, last_year=frame.last_year) == YearSpan(
        frame.year, frame.last_year
    )


def test_years_written_in_the_title_win_over_its_five_year_plan() -> None:
    title = "某县“十四五”社区教育三年行动计划（2023-2025年）"
    frame = read_frame([Paragraph(title, Where(paragraph=1))], [], [])
    assert (frame.year, frame.last_year) == (2023, 2025)
