"""The compliance report value and its three renderings."""

from __future__ import annotations

import json

import attrs
import pytest

from commedu import (
    ComplianceReport,
    Failed,
    Finding,
    NotApplicable,
    NotEvaluable,
    Outcome,
    Passed,
    RuleResult,
    Severity,
    Status,
    Text,
    check,
)
from commedu._messages import Lang
from commedu.compliance.builtin import BUILTIN_RULES, example_plan

RULE = BUILTIN_RULES[0]
ONE = Finding("schedule.activities[3]", Text("one | bar", "一"))
TWO = Finding("schedule.activities[4]", Text("two", "二"))


@pytest.mark.parametrize(
    ("outcome", "location", "status"),
    [
        (Passed(), "schedule", Status.PASS),
        (Failed([ONE]), "schedule.activities[3]", Status.FAIL),
        (Failed([ONE, TWO]), "schedule", Status.FAIL),
        (
            NotEvaluable(["township.resident_population", "x"]),
            "township.resident_population",
            Status.NOT_EVALUABLE,
        ),
        (NotApplicable(Text("no stations", "没有工作站")), "schedule", Status.NOT_APPLICABLE),
    ],
)
def test_a_result_has_one_status_and_its_most_specific_location(
    outcome: Outcome, location: str, status: Status
) -> None:
    result = RuleResult(RULE, outcome)
    assert result.status is status
    assert result.location == location


def test_outcomes_refuse_to_be_empty() -> None:
    with pytest.raises(ValueError, match="finding"):
        Failed([])
    with pytest.raises(ValueError, match="missing"):
        NotEvaluable([])
    with pytest.raises(ValueError, match="zh"):
        Text("only English", " ")
    with pytest.raises(TypeError):
        NotApplicable("a reason must be bilingual Text")  # type: ignore[arg-type]


def _report(*outcomes: Outcome) -> ComplianceReport:
    results = [
        RuleResult(rule, o) for rule, o in zip(reversed(BUILTIN_RULES), outcomes, strict=False)
    ]
    return ComplianceReport("p", "计划", None, tuple(results))


@pytest.mark.parametrize(
    ("severity", "at", "fails"),
    [
        (Severity.INFO, Severity.ERROR, False),
        (Severity.INFO, Severity.INFO, True),
        (Severity.WARNING, Severity.WARNING, True),
        (Severity.WARNING, Severity.ERROR, False),
        (Severity.ERROR, Severity.WARNING, True),
        (Severity.ERROR, Severity.ERROR, True),
    ],
)
def test_fails_at_compares_severities(severity: Severity, at: Severity, fails: bool) -> None:
    rule = attrs.evolve(RULE, severity=severity)
    report = ComplianceReport("p", "计划", None, (RuleResult(rule, Failed([ONE])),))
    assert report.fails_at(at) is fails
    for quiet in (Passed(), NotEvaluable(["x"]), NotApplicable(Text("n/a", "不适用"))):
        report = ComplianceReport("p", "计划", None, (RuleResult(rule, quiet),))
        assert report.fails_at(Severity.INFO) is False


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_not_applicable_shows_its_reason_and_its_count_in_every_format(lang: Lang) -> None:
    reason = Text("the plan names no stations", "计划未列工作站")
    report = _report(Passed(), NotApplicable(reason))
    (na,) = report.codes(Status.NOT_APPLICABLE)
    assert report.counts[Status.NOT_APPLICABLE] == 1
    label = Status.NOT_APPLICABLE.label(lang)
    assert label == {"en": "not applicable", "zh": "不适用"}[lang]
    assert f"{na} {report.result(na).label(lang)} [" in report.to_text(lang)
    assert f"{label}: {reason(lang)}" in report.to_text(lang)
    place = "`schedule`" if lang == "en" else "配档表"  # the path for programs, words in Chinese
    assert f"| {label} | {place} | {reason(lang)} |" in report.to_markdown(lang)
    counted = {"en": "1 not applicable", "zh": "不适用 1 项"}[lang]
    assert counted in report.to_text(lang)
    assert counted in report.to_markdown(lang)
    data = json.loads(report.to_json(lang))
    assert data["schema"] == "commedu.compliance/2"
    assert data["counts"]["not-applicable"] == 1
    (entry,) = [r for r in data["results"] if r["code"] == na]
    assert entry["status"] == "not-applicable"
    assert entry["message"] == reason(lang)
    assert entry["findings"] == []
    assert entry["missing"] == []


def test_results_are_ordered_by_code_and_counted() -> None:
    report = _report(Passed(), Failed([ONE]), NotEvaluable(["a"]))
    assert list(report.codes()) == sorted(report.codes())
    assert report.counts == {
        Status.PASS: 1,
        Status.FAIL: 1,
        Status.NOT_EVALUABLE: 1,
        Status.NOT_APPLICABLE: 0,
    }
    assert sum(report.failures_by_severity.values()) == 1
    with pytest.raises(KeyError):
        report.result("CE999")


def test_markdown_escapes_table_cells_and_lists_multiple_findings() -> None:
    report = _report(Failed([ONE]), Failed([ONE, TWO]))
    markdown = report.to_markdown("en")
    assert "one \\| bar" in markdown
    assert "- `schedule.activities[4]`: two" in markdown


def test_json_results_carry_the_documented_fields() -> None:
    data = json.loads(check(example_plan()).to_json("en"))
    assert set(data) == {
        "schema",
        "lang",
        "plan",
        "profile",
        "as_of",
        "counts",
        "failures_by_severity",
        "results",
    }
    for result in data["results"]:
        assert set(result) == {
            "code",
            "title",
            "name",
            "severity",
            "status",
            "message",
            "location",
            "findings",
            "missing",
        }
        assert result["status"] in {s.value for s in Status}
    assert set(data["counts"]) == {"pass", "fail", "not-evaluable", "not-applicable"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_text_report_is_in_the_chosen_language(lang: str) -> None:
    report = check(example_plan())
    text = report.to_text(lang)  # type: ignore[arg-type]
    labels = {"en": ("Compliance report", "pass"), "zh": ("合规检查报告", "通过")}[lang]
    assert text.startswith(labels[0])
    assert labels[1] in text
    assert text.count("\n") >= len(report.results)
