"""``commedu rules [CODE]``: list the rules, or print the documentation of some.

``CODE`` may be a prefix (``CE3``) to document a family; ``--format markdown`` without a code
prints the whole reference that ``docs/reference/rules.md`` is made from.
"""

from __future__ import annotations

import argparse
import json
import sys

from commedu._messages import Lang, render
from commedu.cli import EXIT_OK, EXIT_USAGE
from commedu.cli._term import Style, display_width, render_markdown, terminal_width, wrap
from commedu.compliance.engine import resolve, rules
from commedu.compliance.ruledoc import rule_doc, rules_doc
from commedu.errors import RuleSelectorError

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("code", nargs="?", metavar="CODE", help=render("cli-rules-code", lang))
    parser.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help=render("cli-rules-format", lang),
    )


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    style = Style(args.color, sys.stdout)
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
                "title": r.title(lang),
                "severity": r.severity.value,
                "summary": r.summary(lang),
                "failure": r.failure(lang),
                "rationale": r.rationale(lang),
                "source": r.source(lang),
            }
            for r in chosen
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(rules_doc(chosen, lang))
    elif len(chosen) == 1 and args.code == chosen[0].code:
        page = rule_doc(chosen[0], lang)
        sys.stdout.write(render_markdown(page, terminal_width(), style))
    else:
        # The slug in English, the rule's title in Chinese, padded by the width a terminal shows.
        width = max(display_width(r.label(lang)) for r in chosen)
        labels = max(display_width(r.severity.label(lang)) for r in chosen)
        for r in chosen:
            label = r.severity.label(lang)
            pad = " " * (labels - display_width(label))
            named = r.label(lang) + " " * (width - display_width(r.label(lang)))
            head = f"{r.code}  {named}  {style.paint(label, r.severity.value)}{pad}  "
            indent = " " * (len(r.code) + width + labels + 6)
            if sys.stdout.isatty():
                lines = wrap(r.summary(lang), terminal_width(), style, first=head, rest=indent)
            else:  # a pipe gets one line per rule, for grep
                lines = [head + r.summary(lang)]
            print("\n".join(lines))
    return EXIT_OK
