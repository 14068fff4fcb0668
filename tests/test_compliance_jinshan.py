"""The Jinshan 2021 plan's compliance result, pinned.

Every expectation below is read off the source document (examples/jinshan_2021_source.txt),
not off the checker's output; the comment beside each says where in the document it comes from.
"""

from __future__ import annotations

import json
import re

import pytest

from commedu import ComplianceReport, Plan, Status, check
from tests.conftest import ROOT

PASS = {
    "CE101": "the 配档表 lists 36 items, 1月 to 12月",
    "CE102": "every task (一)…(八) and every numbered mechanism states what will be done",
    "CE103": "一、指导思想 and 二、工作目标 are both written out",
    "CE104": "the example names the document it encodes",
    "CE106": "the plan is the document's own text: no starter-plan stand-in such as 待填写 or 某某村",
    "CE200": "the provincial standard it cites governs the town (镇)",
    "CE201": "“达到2名专职人员” — the standard's 2",
    "CE202": "“3—5名专兼职人员” — the standard's lower bound of 3",
    "CE203": "“按照常住人口人均不低于1元的标准” — the standard's 1 yuan",
    "CE204": "“做到专款专用”",
    "CE301": "every row 1月…12月 of the 配档表 has items",
    "CE302": "every row of the 配档表 names its 责任部门",
    "CE306": "every station clause states what the station is built around",
    "CE309": "the 配档表 puts its work in months, so no item falls on a holiday",
    "CE401": "10月: “2.“全民终身学习活动周”系列活动”",
    "CE402": "12月: “3.迎接社区教育工作年终督导”",
}
FAIL = {
    "CE105": "the document carries no date of issue",
    "CE303": "“校外培训机构专项治理（7-8月）” under 7月 and “校外培训机构专项治理” again under 8月",
    "CE304": "no 配档表 item concerns task (三)'s rewards, teachers or open platforms, "
    "nor task (四)'s learning brands, organisations or lecturers",
    "CE305": "the same: none of (三)'s three safeguards has an item",
    "CE307": "the 配档表 names no 社区教育工作站 at all",
    "CE403": "task (五) promises 老年人运用智能技术培训 but no 配档表 item is one "
    "(9月's 百姓信息技术 training is not aimed at older people)",
}
NOT_APPLICABLE = {
    # The Shandong standard the plan cites fixes staffing and funding, no quantitative targets.
    "CE220": "sets no quantitative targets",
    # Its work happens at its six stations (CE307's concern); it lists no other places.
    "CE308": "names no places besides its stations",
    # Nor does it require events beyond the three CE401–CE403 read.
    "CE404": "requires no events beyond CE401–CE403",
}
NOT_EVALUABLE = {
    # The plan states commitments only: no staff in post, no budget, no resident population.
    "CE211": ("resources.full_time_staff",),
    "CE212": ("resources.full_time_staff", "resources.part_time_staff"),
    "CE213": ("resources.budget", "township.resident_population"),
}


@pytest.fixture(scope="module")
def report(jinshan: Plan) -> ComplianceReport:
    return check(jinshan, "shandong-township")


def test_every_built_in_rule_is_accounted_for(report: ComplianceReport) -> None:
    assert set(report.codes()) == set(PASS) | set(FAIL) | set(NOT_EVALUABLE) | set(NOT_APPLICABLE)


def test_not_applicable_says_why(report: ComplianceReport) -> None:
    assert set(report.codes(Status.NOT_APPLICABLE)) == set(NOT_APPLICABLE)
    for code, reason in NOT_APPLICABLE.items():
        assert reason in report.result(code).message("en")


def test_passes(report: ComplianceReport) -> None:
    assert set(report.codes(Status.PASS)) == set(PASS)


def test_failures(report: ComplianceReport) -> None:
    assert set(report.codes(Status.FAIL)) == set(FAIL)


@pytest.mark.parametrize(("code", "missing"), sorted(NOT_EVALUABLE.items()))
def test_cannot_evaluate_actual_figures_and_names_what_is_missing(
    report: ComplianceReport, code: str, missing: tuple[str, ...]
) -> None:
    result = report.result(code)
    assert result.status is Status.NOT_EVALUABLE
    assert result.missing == missing


def test_the_duplicated_campaign_points_at_the_august_listing(
    report: ComplianceReport, jinshan: Plan
) -> None:
    (finding,) = report.result("CE303").findings
    august = next(
        i
        for i, a in enumerate(jinshan.activities)
        if a.title == "校外培训机构专项治理" and str(a.when) == "8月"
    )
    july = next(i for i, a in enumerate(jinshan.activities) if str(a.when) == "7-8月")
    assert finding.path == f"schedule.activities[{august}]"
    assert f"schedule.activities[{july}]" in finding.message("en")
    assert "“校外培训机构专项治理”" in finding.message("zh")


def test_unserved_tasks_and_mechanisms_are_those_of_tasks_three_and_four(
    report: ComplianceReport, jinshan: Plan
) -> None:
    tasks = [jinshan.tasks[int(f.path[6])].number for f in report.result("CE304").findings]
    assert tasks == [3, 4]
    mechanisms = [f.path for f in report.result("CE305").findings]
    assert mechanisms == [f"tasks[2].mechanisms[{j}]" for j in range(3)]


def test_every_station_lacks_an_activity(report: ComplianceReport, jinshan: Plan) -> None:
    paths = [f.path for f in report.result("CE307").findings]
    assert paths == [f"stations[{i}]" for i in range(len(jinshan.stations))] != []


def test_counts_by_severity(report: ComplianceReport) -> None:
    # Failures: CE403 error; CE303, CE304, CE305, CE307 warning; CE105 info.
    assert {s.value: n for s, n in report.failures_by_severity.items()} == {
        "error": 1,
        "warning": 4,
        "info": 1,
    }


def test_quotes_the_plan_verbatim_in_both_languages(report: ComplianceReport) -> None:
    for lang in ("en", "zh"):
        text = report.to_text(lang)
        assert "“深入实施“学习型品牌、学习型组织、优秀讲师”打造工程”" in text
        assert "金山镇2021年社区教育工作计划" in text


def test_against_the_national_demonstration_profile(jinshan: Plan) -> None:
    report = check(jinshan, "national-demonstration")
    # 1 yuan committed, 2 required; the profile governs districts, not the town.
    assert report.result("CE203").status is Status.FAIL
    assert report.result("CE200").status is Status.FAIL
    # The district standard sets no staffing figure for townships.
    assert report.result("CE201").missing == ("profile.staffing.full_time",)
    assert json.loads(report.to_json())["profile"]["applies_to"] == "district"


def test_the_readme_table_matches_the_report(report: ComplianceReport) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    codes = report.codes()
    shown: dict[str, set[str]] = {
        "pass": set(),
        "fail": set(),
        "not evaluable": set(),
        "not applicable": set(),
    }
    rows = r"^\| (pass|fail|not evaluable|not applicable) \| ([^|]+) \|"
    for row in re.findall(rows, readme, flags=re.M):
        for part in re.findall(r"CE\d{3}(?:–CE\d{3})?", row[1]):
            first, _, last = part.partition("–")
            shown[row[0]] |= {c for c in codes if first <= c <= (last or first)}
    assert shown == {
        "pass": set(report.codes(Status.PASS)),
        "fail": set(report.codes(Status.FAIL)),
        "not evaluable": set(report.codes(Status.NOT_EVALUABLE)),
        "not applicable": set(report.codes(Status.NOT_APPLICABLE)),
    }
