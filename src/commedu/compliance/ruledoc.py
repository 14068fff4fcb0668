"""Rule documentation, generated from the rules themselves.

``commedu rules`` prints it and ``docs/reference/rules.md`` and the one-page-per-rule reference are made from it, so the docs say exactly what
the registry holds; each example is run, so the outcome shown is the outcome the code gives.
"""

from __future__ import annotations

from collections.abc import Iterable

from commedu._messages import Lang, render
from commedu.compliance.engine import check
from commedu.compliance.rule import Example, Rule

__all__ = ["rule_doc", "rule_index", "rules_doc"]


def _label(key: str, lang: Lang) -> str:
    return render(f"ruledoc-{key}", lang)


def _example(rule: Rule, example: Example, lang: Lang) -> str:
    ledger = None if example.ledger is None else example.ledger()
    (result,) = check(
        example.plan(), example.profile, select=[rule.code], ledger=ledger, as_of=example.as_of
    ).results
    name = getattr(example.profile, "name", example.profile)
    profile = f" ({_label('profile', lang)} `{name}`)" if name else ""
    return (
        f"{example.note(lang)}{profile} → **{result.status.label(lang)}**: {result.message(lang)}"
    )


def rule_doc(rule: Rule, lang: Lang = "en", level: int = 2) -> str:
    """One rule's documentation as Markdown, headed at ``level``."""
    lines = [
        f"{'#' * level} {rule.code} `{rule.name}` — {rule.title(lang)}",
        "",
        rule.summary(lang),
        "",
        f"- **{_label('severity', lang)}**: {rule.severity.label(lang)}",
        f"- **{_label('failure', lang)}**: {rule.failure(lang)}",
        f"- **{_label('why', lang)}**: {rule.rationale(lang)}",
        f"- **{_label('source', lang)}**: {rule.source(lang)}",
        f"- **{_label('since', lang)}**: commedu {rule.since}",
        f"- **{_label('passes', lang)}**: {_example(rule, rule.passing, lang)}",
        f"- **{_label('fails', lang)}**: {_example(rule, rule.failing, lang)}",
    ]
    return "\n".join(lines) + "\n"


def rule_index(rules: Iterable[Rule], lang: Lang = "en") -> str:
    """A Markdown table of rules: code, name, title, severity, summary."""
    head = (_label(k, lang) for k in ("code", "name", "title", "severity", "summary"))
    lines = [f"| {' | '.join(head)} |", "|---|---|---|---|---|"]
    lines += [
        f"| {r.code} | `{r.name}` | {r.title(lang)} | {r.severity.label(lang)} | {r.summary(lang)} |"
        for r in rules
    ]
    return "\n".join(lines) + "\n"


def rules_doc(rules: Iterable[Rule], lang: Lang = "en", level: int = 1) -> str:
    """The full reference, headed at ``level``: the index, then every rule's entry."""
    chosen = tuple(rules)
    parts = [f"{'#' * level} {_label('reference', lang)}\n", rule_index(chosen, lang)]
    parts += [rule_doc(r, lang, level + 1) for r in chosen]
    return "\n".join(parts)
