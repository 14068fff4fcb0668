"""The compliance report: one immutable value, rendered for a terminal, a document or a program.

Every renderer reads the same results in the same order (by rule code), so the same plan and
profile always give the same bytes. The JSON form is versioned (``SCHEMA``) and documented in
``docs/reference/rules.md``.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from commedu._messages import MESSAGES, FieldPath, Lang, check_lang, render
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
from commedu.model.profile import Profile
from commedu.model.text import Text

__all__ = ["JSON_SCHEMA", "ComplianceReport", "RuleResult"]

#: The identifier of the JSON layout; it changes only when a field is removed or changes meaning.
JSON_SCHEMA = "commedu.compliance/2"


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

    @property
    def title(self) -> Text:
        return self.rule.title

    def label(self, lang: Lang = "en") -> str:
        """The rule as a report names it: its slug in English, its title in Chinese."""
        return self.rule.label(lang)

    def message(self, lang: Lang = "en") -> str:
        """One sentence for the result; a failure in several places says so, worded as a failure,
        and :meth:`finding_lines` says where."""
        match self.outcome:
            case Passed(note=note):
                return note(lang) if note else self.rule.summary(lang)
            case Failed(findings=findings):
                if len(findings) == 1:
                    return findings[0].message(lang)
                return render(
                    "compliance-n-findings", lang, failure=self.rule.failure(lang), n=len(findings)
                )
            case NotEvaluable(missing=missing, note=note):
                named = render("sep-list", lang).join(said(m, lang) for m in missing)
                needs = render("compliance-needs", lang, missing=named)
                if note is None:
                    return needs
                return f"{needs}{render('sep-sentence', lang)}{note(lang)}"
            case NotApplicable(reason=reason):
                return reason(lang)

    def finding_lines(self, lang: Lang = "en") -> tuple[str, ...]:
        """Each finding of a failure in several places as ``where: what``; empty otherwise
        (a single finding is the message itself)."""
        if len(self.findings) < 2:
            return ()
        colon = render("colon", lang)
        return tuple(f"{said(f.path, lang)}{colon}{f.message(lang)}" for f in self.findings)


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
    #: the day a ledger of what was done was judged on; ``None`` when no ledger was given
    as_of: date | None = None

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
                # one level as text, several as a list, as a profile file writes them
                "applies_to": profile.applies_to[0]
                if len(profile.applies_to) == 1
                else list(profile.applies_to),
                "source": profile.source.title,
            },
            "as_of": None if self.as_of is None else self.as_of.isoformat(),
            "counts": {s.value: n for s, n in self.counts.items()},
            "failures_by_severity": {s.value: n for s, n in self.failures_by_severity.items()},
            "results": [
                {
                    "code": r.code,
                    "name": r.name,
                    "title": r.title(lang),
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
    rows = [(render("compliance-plan", lang), f"{report.plan_title} ({report.plan_id})")]
    profile = report.profile
    if profile is None:
        rows.append((render("compliance-profile", lang), render("compliance-no-profile", lang)))
    else:
        rows += [
            (render("compliance-profile", lang), f"{profile.name} — {profile.title(lang)}"),
            (render("compliance-applies", lang), profile.scope(lang)),
            (render("compliance-source", lang), profile.source.title),
        ]
    if report.as_of is not None:
        day = report.as_of.isoformat()
        rows.append((render("compliance-ledger", lang), render("compliance-as-of", lang, day=day)))
    return rows


def summary(report: ComplianceReport, lang: Lang) -> str:
    """The counts by status, then the failures by severity, in one line."""
    counts = report.counts
    by = report.failures_by_severity
    separator = render("sep-clause", lang)
    return separator.join(
        (
            render(
                "compliance-counts",
                lang,
                passed=counts[Status.PASS],
                failed=counts[Status.FAIL],
                unknown=counts[Status.NOT_EVALUABLE],
                na=counts[Status.NOT_APPLICABLE],
            ),
            render(
                "compliance-by-severity",
                lang,
                error=by[Severity.ERROR],
                warning=by[Severity.WARNING],
                info=by[Severity.INFO],
            ),
        )
    )


def _text(report: ComplianceReport, lang: Lang) -> str:
    lines = [
        render("compliance-report", lang),
        *(f"{k}: {v}" for k, v in _header(report, lang)),
        "",
    ]
    for r in report.results:
        lines.append(
            f"{r.code} {r.label(lang)} [{r.severity.label(lang)}] {r.status.label(lang)}:"
            f" {r.message(lang)}"
        )
        lines += [f"    {line}" for line in r.finding_lines(lang)]
    lines += ["", f"{render('compliance-summary', lang)}: {summary(report, lang)}"]
    return "\n".join(lines) + "\n"


def said(path: str, lang: Lang) -> str:
    """A place in the plan file for people: its path in English, its name in Chinese
    (``schedule.activities[20]`` is 配档表第 21 项); programs read the path from the JSON.

    A place outside the plan file (a ledger's record, a profile's threshold) has its own words
    (``place:`` entries)."""
    generic = re.sub(r"\[\d+\]", "[]", path)
    if f"place:{generic}" in MESSAGES:
        index = re.search(r"\[(\d+)\]", path)
        return render(f"place:{generic}", lang, n=int(index[1]) + 1 if index else 0)
    return FieldPath(path).said(lang)


def _place(path: str, lang: Lang) -> str:
    if not path:
        return ""
    return f"`{path}`" if lang == "en" else _cell(said(path, lang))


def _cell(text: str) -> str:
    """Text as one Markdown table cell or list line: a renderer shows it, never obeys it.

    Markdown passes HTML through, so ``<script>`` in a plan's title would run where the report
    is shown; ``&``, ``<`` and ``>`` become entities, which every renderer shows as the characters.
    """
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")


def _markdown(report: ComplianceReport, lang: Lang) -> str:
    def label(key: str) -> str:
        return render(f"compliance-{key}", lang)

    lines = [f"# {label('report')}", ""]
    lines += [f"- **{k}**: {_cell(v)}" for k, v in _header(report, lang)]
    lines += [
        "",
        f"**{label('summary')}**: {summary(report, lang)}",
        "",
        f"| {label('code')} | {label('rule')} | {label('severity')} | {label('status')} "
        f"| {label('location')} | {label('message')} |",
        "|---|---|---|---|---|---|",
    ]
    for r in report.results:
        location = _place(r.location, lang)
        lines.append(
            f"| {r.code} | {_cell(r.label(lang))} | {r.severity.label(lang)} "
            f"| {r.status.label(lang)} | {location} | {_cell(r.message(lang))} |"
        )
    detailed = [r for r in report.results if len(r.findings) > 1]
    if detailed:
        lines += ["", f"## {label('findings')}"]
    for r in detailed:
        lines += ["", f"### {r.code} {_cell(r.label(lang))}", ""]
        colon = render("colon", lang)
        lines += [f"- {_place(f.path, lang)}{colon}{_cell(f.message(lang))}" for f in r.findings]
    return "\n".join(lines) + "\n"
