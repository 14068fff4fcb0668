"""``commedu rules [CODE]``: list the rules, or print the documentation of some.

``CODE`` may be a prefix (``CE3``) to document a family; ``--format markdown`` without a code
prints the whole reference that ``docs/reference/rules.md`` is made from.
"""

from __future__ import annotations

import argparse
import json
import sys

from commedu._messages import Lang
from commedu.cli import EXIT_OK, EXIT_USAGE
from commedu.compliance.engine import resolve, rules
from commedu.compliance.ruledoc import rule_doc, rules_doc
from commedu.errors import RuleSelectorError

__all__ = ["configure", "run"]

TEXT: dict[Lang, dict[str, str]] = {
    "en": {
        "code": "a rule code such as CE303, or a prefix such as CE3",
        "format": "text: a list (or one rule's entry); markdown: the full reference; json: data",
    },
    "zh": {
        "code": "规则代码（如 CE303）或代码前缀（如 CE3）",
        "format": "text：列表（或单条规则说明）；markdown：完整参考；json：数据",
    },
}


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("code", nargs="?", help=TEXT[lang]["code"])
    parser.add_argument(
        "--format", choices=("text", "markdown", "json"), default="text", help=TEXT[lang]["format"]
    )


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    known = rules()
    try:
        codes = resolve((r.code for r in known), [args.code] if args.code else None)
    except RuleSelectorError as exc:
        print(f"commedu rules: {exc.describe(lang)}", file=sys.stderr)
        return EXIT_USAGE
    chosen = [r for r in known if r.code in codes]
    if args.format == "json":
        data = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.value,
                "summary": r.summary(lang),
                "rationale": r.rationale(lang),
                "source": r.source(lang),
            }
            for r in chosen
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(rules_doc(chosen, lang))
    elif len(chosen) == 1 and args.code == chosen[0].code:
        sys.stdout.write(rule_doc(chosen[0], lang))
    else:
        width = max(len(r.name) for r in chosen)
        for r in chosen:
            print(f"{r.code}  {r.name:<{width}}  {r.severity.label(lang):<7}  {r.summary(lang)}")
    return EXIT_OK
