"""The compliance report: one immutable value, rendered for a terminal, a document or a program.

Every renderer reads the same results in the same order (by rule code), so the same plan and
profile always give the same bytes. The JSON form is versioned (``SCHEMA``) and documented in
``docs/reference/rules.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import attrs

from commedu._messages import Lang, check_lang
from commedu.compliance.profiles import Profile
from commedu.compliance.rule import (
    Failed,
    Finding,
    NotApplicable,
    NotEvaluable,
    Outcome,
    Passed,
    Rule,
    Severity,
    Status,
)
from commedu.model.fieldcheck import define, sequence

__all__ = ["JSON_SCHEMA", "ComplianceReport", "RuleResult"]

#: The identifier of the JSON layout; it changes only when a field is removed or changes meaning.
JSON_SCHEMA = "commedu.compliance/2"

_LABELS: dict[Lang, dict[str, str]] = {
    "en": {
        "report": "Compliance report",
        "plan": "Plan",
        "profile": "Profile",
        "no-profile": "none (rules that need thresholds cannot be evaluated)",
        "applies": "Applies to",
        "source": "Source",
        "summary": "Summary",
        "code": "Code",
        "rule": "Rule",
        "severity": "Severity",
        "status": "Status",
        "message": "Message",
        "location": "Location",
        "findings": "Findings",
        "missing": "Needs",
        "counts": "{passed} pass, {failed} fail, {unknown} not evaluable, {na} not applicable",
        "by-severity": "failures: {error} error, {warning} warning, {info} info",
        "n-findings": "{summary} ({n} findings)",
        "needs": "needs {missing}",
        "then": ". ",
        "then-counts": "; ",
    },
    "zh": {
        "report": "合规检查报告",
        "plan": "计划",
        "profile": "标准档案",
        "no-profile": "无（需要标准数值的规则无法判定）",
        "applies": "适用范围",
        "source": "依据",
        "summary": "汇总",
        "code": "代码",
        "rule": "规则",
        "severity": "级别",
        "status": "结果",
        "message": "说明",
        "location": "位置",
        "findings": "问题",
        "missing": "缺少",
        "counts": "通过 {passed} 项，未通过 {failed} 项，无法判定 {unknown} 项，不适用 {na} 项",
        "by-severity": "未通过：错误 {error} 项，警告 {warning} 项，提示 {info} 项",
        "n-findings": "{summary}（{n} 处）",
        "needs": "缺少 {missing}",
        "then": "。",
        "then-counts": "；",
    },
}


@define
class RuleResult:
    """What one rule said about the plan."""

    rule: Rule
    outcome: Outcome

    @property
    def code(self) -> str:
        return self.rule.code

    @property
    def name(self) -> str:
        return self.rule.name

    @property
    def severity(self) -> Severity:
        return self.rule.severity

    @property
    def status(self) -> Status:
        match self.outcome:
            case Passed():
                return Status.PASS
            case Failed():
                return Status.FAIL
            case NotEvaluable():
                return Status.NOT_EVALUABLE
            case NotApplicable():
                return Status.NOT_APPLICABLE

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.outcome.findings if isinstance(self.outcome, Failed) else ()

    @property
    def missing(self) -> tuple[str, ...]:
        return self.outcome.missing if isinstance(self.outcome, NotEvaluable) else ()

    @property
    def location(self) -> str:
        """The most specific place the result is about: the one finding, the first missing datum,
        or else the part of the plan the rule reads (``""`` is the whole plan)."""
        if len(self.findings) == 1:
            return self.findings[0].path
        if self.missing:
            return self.missing[0]
        return self.rule.scope

    def message(self, lang: Lang = "en") -> str:
        labels = _LABELS[lang]
        match self.outcome:
            case Passed(note=note):
                return note(lang) if note else self.rule.summary(lang)
            case Failed(findings=findings):
                if len(findings) == 1:
                    return findings[0].message(lang)
                return labels["n-findings"].format(summary=self.rule.summary(lang), n=len(findings))
            case NotEvaluable(missing=missing, note=note):
                needs = labels["needs"].format(missing=", ".join(missing))
                return needs if note is None else f"{needs}{labels['then']}{note(lang)}"
            case NotApplicable(reason=reason):
                return reason(lang)


def _results(items: Iterable[RuleResult]) -> tuple[RuleResult, ...]:
    found = sequence(items)
    if not isinstance(found, tuple) or not all(
        isinstance(getattr(r, "code", None), str) for r in found
    ):
        return found  # not results: the field's type check names it
    return tuple(sorted(found, key=lambda r: r.code))


@define
class ComplianceReport:
    """The results of checking one plan against one profile, in rule-code order."""

    plan_id: str
    plan_title: str
    profile: Profile | None
    results: tuple[RuleResult, ...] = attrs.field(converter=_results)

    def result(self, code: str) -> RuleResult:
        for result in self.results:
            if result.code == code:
                return result
        raise KeyError(f"no result for {code!r}; checked: {', '.join(self.codes())}")

    def codes(self, status: Status | None = None) -> tuple[str, ...]:
        """The codes checked, or those with ``status``."""
        return tuple(r.code for r in self.results if status is None or r.status is status)

    @property
    def counts(self) -> dict[Status, int]:
        return {s: sum(r.status is s for r in self.results) for s in Status}

    @property
    def failures_by_severity(self) -> dict[Severity, int]:
        failed = [r for r in self.results if r.status is Status.FAIL]
        return {s: sum(r.severity is s for r in failed) for s in Severity}

    def fails_at(self, severity: Severity) -> bool:
        """Whether any rule of ``severity`` or worse failed (what ``--fail-on`` tests).

        Only a fail counts: not evaluable and not applicable never fail a run."""
        return any(
            r.status is Status.FAIL and r.severity.rank >= severity.rank for r in self.results
        )

    def to_text(self, lang: Lang = "en") -> str:
        return _text(self, check_lang(lang))

    def to_markdown(self, lang: Lang = "en") -> str:
        return _markdown(self, check_lang(lang))

    def to_json(self, lang: Lang = "en") -> str:
        return json.dumps(self.as_dict(lang), ensure_ascii=False, indent=2) + "\n"

    def as_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """The report as plain data in the ``commedu.compliance/2`` layout."""
        check_lang(lang)
        profile = self.profile
        return {
            "schema": JSON_SCHEMA,
            "lang": lang,
            "plan": {"id": self.plan_id, "title": self.plan_title},
            "profile": None
            if profile is None
            else {
                "name": profile.name,
                "title": profile.title(lang),
                "applies_to": profile.applies_to,
                "source": profile.source.title,
            },
            "counts": {s.value: n for s, n in self.counts.items()},
            "failures_by_severity": {s.value: n for s, n in self.failures_by_severity.items()},
            "results": [
                {
                    "code": r.code,
                    "name": r.name,
                    "severity": r.severity.value,
                    "status": r.status.value,
                    "message": r.message(lang),
                    "location": r.location,
                    "findings": [
                        {"location": f.path, "message": f.message(lang)} for f in r.findings
                    ],
                    "missing": list(r.missing),
                }
                for r in self.results
            ],
        }


def _header(report: ComplianceReport, lang: Lang) -> list[tuple[str, str]]:
    labels = _LABELS[lang]
    rows = [(labels["plan"], f"{report.plan_title} ({report.plan_id})")]
    profile = report.profile
    if profile is None:
        rows.append((labels["profile"], labels["no-profile"]))
    else:
        rows += [
            (labels["profile"], f"{profile.name} — {profile.title(lang)}"),
            (labels["applies"], profile.scope(lang)),
            (labels["source"], profile.source.title),
        ]
    return rows


def _summary(report: ComplianceReport, lang: Lang) -> str:
    labels = _LABELS[lang]
    counts = report.counts
    by = report.failures_by_severity
    return labels["then-counts"].join(
        (
            labels["counts"].format(
                passed=counts[Status.PASS],
                failed=counts[Status.FAIL],
                unknown=counts[Status.NOT_EVALUABLE],
                na=counts[Status.NOT_APPLICABLE],
            ),
            labels["by-severity"].format(
                error=by[Severity.ERROR], warning=by[Severity.WARNING], info=by[Severity.INFO]
            ),
        )
    )


def _text(report: ComplianceReport, lang: Lang) -> str:
    labels = _LABELS[lang]
    lines = [labels["report"], *(f"{k}: {v}" for k, v in _header(report, lang)), ""]
    for r in report.results:
        lines.append(
            f"{r.code} {r.name} [{r.severity.label(lang)}] {r.status.label(lang)}: {r.message(lang)}"
        )
        if len(r.findings) > 1:
            lines += [f"    {f.path}: {f.message(lang)}" for f in r.findings]
    lines += ["", f"{labels['summary']}: {_summary(report, lang)}"]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _markdown(report: ComplianceReport, lang: Lang) -> str:
    labels = _LABELS[lang]
    lines = [f"# {labels['report']}", ""]
    lines += [f"- **{k}**: {_cell(v)}" for k, v in _header(report, lang)]
    lines += [
        "",
        f"**{labels['summary']}**: {_summary(report, lang)}",
        "",
        f"| {labels['code']} | {labels['rule']} | {labels['severity']} | {labels['status']} "
        f"| {labels['location']} | {labels['message']} |",
        "|---|---|---|---|---|---|",
    ]
    for r in report.results:
        location = f"`{r.location}`" if r.location else ""
        lines.append(
            f"| {r.code} | {r.name} | {r.severity.label(lang)} | {r.status.label(lang)} "
            f"| {location} | {_cell(r.message(lang))} |"
        )
    detailed = [r for r in report.results if len(r.findings) > 1]
    if detailed:
        lines += ["", f"## {labels['findings']}"]
    for r in detailed:
        lines += ["", f"### {r.code} {r.name}", ""]
        lines += [f"- `{f.path}`: {_cell(f.message(lang))}" for f in r.findings]
    return "\n".join(lines) + "\n"
