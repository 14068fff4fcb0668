"""Rule documentation, generated from the rules themselves.

``commedu rules`` prints it and ``docs/reference/rules.md`` and the one-page-per-rule reference are made from it, so the docs say exactly what
the registry holds; each example is run, so the outcome shown is the outcome the code gives.
"""

from __future__ import annotations

from collections.abc import Iterable

from commedu._messages import Lang
from commedu.compliance.engine import check
from commedu.compliance.rule import Example, Rule

__all__ = ["rule_doc", "rule_index", "rules_doc"]

_LABELS: dict[Lang, dict[str, str]] = {
    "en": {
        "severity": "Default severity",
        "summary": "Summary",
        "why": "Why",
        "source": "Source",
        "passes": "Passes",
        "fails": "Fails",
        "profile": "profile",
        "code": "Code",
        "name": "Name",
        "reference": "Rule reference",
        "since": "Since",
    },
    "zh": {
        "severity": "默认级别",
        "summary": "概要",
        "why": "理由",
        "source": "依据",
        "passes": "通过的例子",
        "fails": "不通过的例子",
        "profile": "标准档案",
        "code": "代码",
        "name": "名称",
        "reference": "规则参考",
        "since": "起始版本",
    },
}


def _example(rule: Rule, example: Example, lang: Lang) -> str:
    ledger = None if example.ledger is None else example.ledger()
    (result,) = check(
        example.plan(), example.profile, select=[rule.code], ledger=ledger, as_of=example.as_of
    ).results
    name = getattr(example.profile, "name", example.profile)
    profile = f" ({_LABELS[lang]['profile']} `{name}`)" if name else ""
    return (
        f"{example.note(lang)}{profile} → **{result.status.label(lang)}**: {result.message(lang)}"
    )


def rule_doc(rule: Rule, lang: Lang = "en", level: int = 2) -> str:
    """One rule's documentation as Markdown, headed at ``level``."""
    labels = _LABELS[lang]
    lines = [
        f"{'#' * level} {rule.code} `{rule.name}`",
        "",
        rule.summary(lang),
        "",
        f"- **{labels['severity']}**: {rule.severity.label(lang)}",
        f"- **{labels['why']}**: {rule.rationale(lang)}",
        f"- **{labels['source']}**: {rule.source(lang)}",
        f"- **{labels['since']}**: commedu {rule.since}",
        f"- **{labels['passes']}**: {_example(rule, rule.passing, lang)}",
        f"- **{labels['fails']}**: {_example(rule, rule.failing, lang)}",
    ]
    return "\n".join(lines) + "\n"


def rule_index(rules: Iterable[Rule], lang: Lang = "en") -> str:
    """A Markdown table of rules: code, name, severity, summary."""
    labels = _LABELS[lang]
    lines = [
        f"| {labels['code']} | {labels['name']} | {labels['severity']} | {labels['summary']} |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {r.code} | `{r.name}` | {r.severity.label(lang)} | {r.summary(lang)} |" for r in rules
    ]
    return "\n".join(lines) + "\n"


def rules_doc(rules: Iterable[Rule], lang: Lang = "en", level: int = 1) -> str:
    """The full reference, headed at ``level``: the index, then every rule's entry."""
    chosen = tuple(rules)
    parts = [f"{'#' * level} {_LABELS[lang]['reference']}\n", rule_index(chosen, lang)]
    parts += [rule_doc(r, lang, level + 1) for r in chosen]
    return "\n".join(parts)
