"""The one HTML skeleton every page shares: self-contained, no script, readable on a phone.

Pages carry their own style and a Content-Security-Policy that allows nothing else (no script,
no outside file), so a page saved to disk or mailed shows the same as when it is served, and
text from a plan file can never become code in it: every piece of it goes through :func:`esc`.
"""

from __future__ import annotations

import html

from commedu._messages import Lang

__all__ = ["CSP", "document", "esc"]

#: What a page may load: its own inline style and the empty icon, nothing else.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

_HTML_LANG: dict[Lang, str] = {"zh": "zh-CN", "en": "en"}

# Meaning never rests on colour alone: statuses are words and marks, the grid has lines and
# headers; colour only helps the eye. Wide tables scroll inside their own box so the page never
# scrolls sideways on a phone.
_STYLE = """
:root { color-scheme: light; --line: #8a8a8a; --soft: #f3f3f0; --ink: #1b1b1b; --muted: #4d4d4d; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 80rem; padding: 1rem; color: var(--ink); background: #fff;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB",
  "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; line-height: 1.3; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
p { margin: .5rem 0; }
.muted { color: var(--muted); }
.scroll { position: relative; overflow-x: auto; max-width: 100%; border: 1px solid var(--line); }
.scroll:focus { outline: 2px solid var(--ink); outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: start; font-weight: 600; padding: .5rem; }
th, td { border: 1px solid var(--line); padding: .4rem .5rem; text-align: start; vertical-align: top; }
thead th { background: var(--soft); }
th[scope=row] { background: var(--soft); white-space: nowrap; }
.grid th[scope=row] { position: sticky; inset-inline-start: 0; z-index: 1; }
.grid { min-width: 40rem; }
.grid td { min-width: 8rem; }
.grid ul { margin: 0; padding-inline-start: 1.1rem; }
.grid li + li { margin-top: .35rem; }
.detail { display: block; font-size: .875rem; color: var(--muted); }
.none { color: var(--muted); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
code.url { display: block; margin-top: .25rem; user-select: all; -webkit-user-select: all; padding: .1rem .3rem;
  background: var(--soft); border: 1px dashed var(--line); word-break: break-all; }
.problems li { margin: .25rem 0; }
.nowrap { white-space: nowrap; overflow-wrap: normal; }
a { color: #0b4f9c; }
footer { margin-top: 2.5rem; font-size: .875rem; color: var(--muted); }
@media print { .scroll { overflow: visible; border: 0; } a { color: inherit; } }
""".strip()


def esc(text: object) -> str:
    """Text for HTML content or a quoted attribute value."""
    return html.escape(str(text), quote=True)


def document(lang: Lang | None, title: str, body: str) -> str:
    """A whole page; ``lang=None`` for a page that speaks both languages."""
    attribute = f' lang="{_HTML_LANG[lang]}"' if lang else ""
    return (
        f"<!DOCTYPE html>\n<html{attribute}>\n<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{esc(title)}</title>\n"
        f"<style>\n{_STYLE}\n</style>\n"
        f"</head>\n<body>\n{body}</body>\n</html>\n"
    )
