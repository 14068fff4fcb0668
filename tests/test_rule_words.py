"""What a rule is called and what its failure says, in both languages, on every face that names it."""

from __future__ import annotations

import json
import re

import attrs
import pytest

from commedu import (
    Failed,
    Finding,
    Rule,
    Severity,
    Status,
    Text,
    check,
    register_rule,
    unregister_rule,
)
from commedu._messages import LANGS, Lang
from commedu.cli import EXIT_OK, main
from commedu.compliance.builtin import ACTUALS_RULES, BUILTIN_RULES, example_plan
from commedu.compliance.report import ComplianceReport, RuleResult, summary
from commedu.compliance.ruledoc import rule_doc, rule_index, rules_doc

EVERY = (*BUILTIN_RULES, *ACTUALS_RULES)
LATIN = re.compile(r"[A-Za-z]")


def _plugin(**words: Text) -> Rule:
    return attrs.evolve(BUILTIN_RULES[0], code="SD101", name="sd-schedule", **words)


@pytest.mark.parametrize("rule", EVERY, ids=lambda r: r.code)
def test_every_builtin_rule_has_its_own_title_and_failure(rule: Rule) -> None:
    plain = Rule(
        rule.code,
        rule.name,
        rule.severity,
        rule.summary,
        rule.rationale,
        rule.source,
        rule.check,
        rule.passing,
        rule.failing,
    )
    assert rule.title != plain.title, "a title of its own, not the slug"
    assert rule.failure != plain.failure, "a failure sentence of its own, not the summary negated"
    # A Chinese name for Chinese output: no English in it, and short enough for a table column.
    assert not LATIN.search(rule.title.zh)
    assert len(rule.title.zh) <= 12
    assert not re.search(r"\s", rule.title.zh)
    for lang in LANGS:
        assert rule.failure(lang) != rule.summary(lang)
    assert rule.label("zh") == rule.title.zh
    assert rule.label("en") == rule.name


def test_titles_are_unique() -> None:
    for lang in LANGS:
        titles = [r.title(lang) for r in EVERY]
        assert len(set(titles)) == len(titles)


def test_a_rule_without_words_of_its_own_gets_the_slug_and_the_summary_negated() -> None:
    rule = attrs.evolve(
        BUILTIN_RULES[0],
        code="SD101",
        name="sd-schedule",
        title=Text("x", "甲"),
        failure=Text("y", "乙"),
    )
    bare = Rule(
        rule.code,
        rule.name,
        rule.severity,
        rule.summary,
        rule.rationale,
        rule.source,
        rule.check,
        rule.passing,
        rule.failing,
    )
    assert bare.title == Text("sd-schedule", "sd-schedule")
    assert bare.failure("en") == f"Not met: {rule.summary.en}"
    assert bare.failure("zh") == f"未达到：{rule.summary.zh}"
    assert bare.label("zh") == "sd-schedule"


@pytest.mark.parametrize("field", ["title", "failure"])
def test_title_and_failure_must_be_text(field: str) -> None:
    with pytest.raises(TypeError, match=field):
        _plugin(**{field: "专职人员"})  # type: ignore[arg-type]


def test_a_bad_summary_is_reported_as_the_summary_not_by_the_failure_default() -> None:
    rule = BUILTIN_RULES[0]
    with pytest.raises(TypeError, match="summary"):
        Rule(
            rule.code,
            rule.name,
            rule.severity,
            "no text",  # type: ignore[arg-type]
            rule.rationale,
            rule.source,
            rule.check,
            rule.passing,
            rule.failing,
        )


@pytest.mark.parametrize(
    ("lang", "severities", "statuses"),
    [
        ("en", ["info", "warning", "error"], ["pass", "fail", "not evaluable", "not applicable"]),
        ("zh", ["提示", "警告", "错误"], ["通过", "未通过", "无法判定", "不适用"]),
    ],
)
def test_severity_and_status_words_in_both_languages(
    lang: Lang, severities: list[str], statuses: list[str]
) -> None:
    assert [s.label(lang) for s in Severity] == severities
    assert [s.label(lang) for s in Status] == statuses


def _failing_twice(lang: Lang) -> tuple[ComplianceReport, RuleResult]:
    rule = next(r for r in BUILTIN_RULES if r.code == "CE307")
    findings = [
        Finding("stations[0]", Text("no work at station A", "甲站没有工作")),
        Finding("stations[1]", Text("no work at station B", "乙站没有工作")),
    ]
    result = RuleResult(rule, Failed(findings))
    return ComplianceReport("p", "计划", None, (result,)), result


@pytest.mark.parametrize(
    ("lang", "head", "line", "finding"),
    [
        (
            "en",
            "Compliance report",
            "CE307 station-has-activity [warning] fail: Some stations have no scheduled activity."
            " (2 findings)",
            "    stations[1]: no work at station B",
        ),
        (
            "zh",
            "合规检查报告",
            "CE307 工作站有工作 [警告] 未通过: 有工作站在配档表中没有工作。（2 处）",
            "    第 2 个工作站：乙站没有工作",
        ),
    ],
)
def test_a_failure_in_several_places_is_worded_as_a_failure_and_lists_them(
    lang: Lang, head: str, line: str, finding: str
) -> None:
    report, result = _failing_twice(lang)
    text = report.to_text(lang).splitlines()
    assert text[0] == head
    assert line in text
    assert finding in text
    assert result.finding_lines(lang)[1] == finding.strip()
    markdown = report.to_markdown(lang)
    assert f"| CE307 | {result.label(lang)} |" in markdown
    assert f"### CE307 {result.label(lang)}" in markdown
    data = json.loads(report.to_json(lang))["results"][0]
    assert data["title"] == result.rule.title(lang)
    assert data["message"] == line.split(": ", 1)[1]
    assert len(data["findings"]) == 2


def test_one_finding_is_its_own_message_and_no_list() -> None:
    report = check(example_plan(), select=["CE105"], ignore=[])
    rule = report.results[0].rule
    one = RuleResult(rule, Failed([Finding("issued_on", Text("no date", "无日期"))]))
    assert one.message("zh") == "无日期"
    assert one.finding_lines("zh") == ()


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["pass", "fail", "not evaluable", "not applicable", "failures:"]),
        ("zh", ["通过", "未通过", "无法判定", "不适用", "；"]),
    ],
)
def test_the_summary_line_in_both_languages(lang: Lang, words: list[str]) -> None:
    line = summary(check(example_plan()), lang)
    for word in words:
        assert word in line


@pytest.mark.parametrize("lang", LANGS)
def test_the_rule_docs_show_title_and_failure(lang: Lang) -> None:
    rule = next(r for r in BUILTIN_RULES if r.code == "CE307")
    page = rule_doc(rule, lang)
    assert page.startswith(f"## CE307 `station-has-activity` — {rule.title(lang)}\n")
    assert rule.failure(lang) in page
    index = rule_index([rule], lang)
    assert f"| CE307 | `station-has-activity` | {rule.title(lang)} |" in index
    assert {"en": "Rule reference", "zh": "规则参考"}[lang] in rules_doc([rule], lang)


def test_commedu_rules_shows_titles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "zh", "rules", "CE30"]) == EXIT_OK
    listed = capsys.readouterr().out.splitlines()
    assert listed[6].startswith("CE307  工作站有工作")
    assert not any("station-has-activity" in line for line in listed)
    assert main(["--lang", "zh", "rules", "CE307", "--format", "json"]) == EXIT_OK
    (data,) = json.loads(capsys.readouterr().out)
    assert data["name"] == "station-has-activity"
    assert (data["title"], data["failure"]) == ("工作站有工作", "有工作站在配档表中没有工作。")


def test_check_colours_chinese_titles_and_other_prefixes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.conftest import EXAMPLES

    plan = str(EXAMPLES / "jinshan_2021.toml")
    assert main(["--lang", "zh", "check", plan, "--color", "always"]) != EXIT_OK
    out = capsys.readouterr().out
    assert "CE307 工作站有工作 [\x1b[33m警告\x1b[0m] \x1b[33m未通过\x1b[0m: " in out
    register_rule(_plugin(title=Text("Plug-in rule", "插件规则")))
    try:
        main(["check", plan, "--color", "always", "--select", "SD"])
    finally:
        unregister_rule("SD101")
    out = capsys.readouterr().out
    assert "SD101 sd-schedule [\x1b[1;31merror\x1b[0m] \x1b[32mpass\x1b[0m: " in out


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["done", "early", "late", "not done", "not yet due"]),
        ("zh", ["已完成", "提前完成", "延期完成", "未完成", "未到期"]),
    ],
)
def test_progress_words_in_both_languages(lang: Lang, words: list[str]) -> None:
    from commedu import Progress

    assert [p.label(lang) for p in Progress] == words


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "needs township.resident_population. the plan gives no population"),
        ("zh", "缺少 常住人口。计划没有写明常住人口"),
    ],
)
def test_not_evaluable_with_a_note_says_both(lang: Lang, said: str) -> None:
    from commedu import NotEvaluable

    note = Text("the plan gives no population", "计划没有写明常住人口")
    result = RuleResult(BUILTIN_RULES[0], NotEvaluable(["township.resident_population"], note))
    assert result.message(lang) == said
    assert result.finding_lines(lang) == ()
