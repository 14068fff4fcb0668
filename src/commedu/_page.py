"""The one page skeleton every HTML page of commedu is written in, escaping by construction.

The year at a glance, the server's list of feeds and its error pages, the inspection report and
the district roll-up all come out of :func:`document`: the same style sheet (screen and print),
the same Content-Security-Policy, the ``lang`` of the language they are written in. A page
carries its own style and a policy that allows nothing else (no script, no outside file), so a
page saved to disk or mailed shows and prints the same as when it is served.

Markup is built with MarkupSafe: a :class:`~markupsafe.Markup` template formats and joins plain
strings escaped, so text from a plan, a ledger or a file name can only ever be text. Only this
module writes ``<html>`` and ``<head>``; a test holds the rest of the package to that.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markupsafe import Markup, escape

from commedu._messages import Lang

__all__ = ["CSP", "STYLE", "Markup", "document", "esc", "html_lang", "join", "table"]

#: What a page may load: its own inline style and the empty icon, nothing else. Files written to
#: disk carry it as a ``<meta http-equiv>``; the server sends it as a header as well.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

_HTML_LANG: dict[Lang, str] = {"zh": "zh-CN", "en": "en"}

# Meaning never rests on colour alone: statuses are words and marks, tables have lines and
# headers; colour only helps the eye. Wide tables scroll inside their own box so the page never
# scrolls sideways on a phone. On paper: A4, the wide month grid on a landscape page, table
# headers repeated on every page, no column cut off (tables fit the page's width instead).
STYLE = """
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
.note { font-style: italic; }
.scroll { position: relative; overflow-x: auto; max-width: 100%; border: 1px solid var(--line); }
.scroll:focus { outline: 2px solid var(--ink); outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
.scroll > table { margin: 0; }
caption { text-align: start; font-weight: 600; padding: .5rem; }
th, td { border: 1px solid var(--line); padding: .4rem .5rem; text-align: start; vertical-align: top; }
thead th { background: var(--soft); }
th[scope=row] { background: var(--soft); white-space: nowrap; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
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
@page { size: A4; margin: 15mm 12mm; }
@page wide { size: A4 landscape; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .scroll { overflow: visible; border: 0; }
  .screen { display: none; }
  .wide { page: wide; }
  table { width: 100%; table-layout: auto; }
  .grid { min-width: 0; table-layout: fixed; }
  .grid td { min-width: 0; }
  .grid th[scope=row] { position: static; }
  th, td { padding: .2rem .3rem; }
  thead { display: table-header-group; }
  tr, li { break-inside: avoid; }
  h1, h2, h3, caption { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
""".strip()

_DOCUMENT = Markup(
    "<!DOCTYPE html>\n<html{lang}>\n<head>\n"
    '<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    '<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
    '<link rel="icon" href="data:,">\n'
    "<title>{title}</title>\n"
    "<style>\n{style}\n</style>\n"
    "</head>\n<body>\n{body}</body>\n</html>\n"
)


def esc(text: object) -> Markup:
    """``text`` as markup that shows it as is; markup already made is kept."""
    return escape(text)


def join(parts: Iterable[str], separator: str = "") -> Markup:
    """Parts of a page one after another; plain strings among them are escaped."""
    return Markup(separator).join(parts)


def html_lang(lang: Lang) -> str:
    """The ``lang`` attribute's value for a language of ours."""
    return _HTML_LANG[lang]


def document(lang: Lang | None, title: str, body: Markup) -> str:
    """A whole page; ``lang=None`` for a page that speaks both languages (each part says which).

    ``body`` is markup made with :class:`Markup`; a plain string given instead shows as text.
    """
    attribute = Markup(' lang="{}"').format(_HTML_LANG[lang]) if lang else Markup()
    return str(
        _DOCUMENT.format(
            lang=attribute, csp=CSP, title=title, style=Markup(STYLE), body=escape(body)
        )
    )


def table(
    head: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    empty: str,
    caption: str | None = None,
    row_headers: bool = False,
    numeric: Sequence[int] = (),
    css: str = "",
) -> Markup:
    """A table with a header row, or ``empty`` as a paragraph when there are no rows.

    ``row_headers`` makes each row's first cell its header; the columns numbered in ``numeric``
    line their figures up on the right.
    """
    if not rows:
        return Markup("<p>{}</p>").format(empty)
    numbers = frozenset(numeric)

    def cell(column: int, text: object) -> Markup:
        tag = "th" if row_headers and column == 0 else "td"
        scope = Markup(' scope="row"') if tag == "th" else Markup()
        kind = Markup(' class="num"') if column in numbers else Markup()
        return Markup("<{0}{1}{2}>{3}</{0}>").format(Markup(tag), scope, kind, text)

    cells = join(
        Markup('<th scope="col"{}>{}</th>').format(
            Markup(' class="num"') if i in numbers else Markup(), h
        )
        for i, h in enumerate(head)
    )
    body = join(
        Markup("<tr>{}</tr>\n").format(join(cell(i, c) for i, c in enumerate(row))) for row in rows
    )
    return Markup("<table{}>\n{}<thead><tr>{}</tr></thead>\n<tbody>\n{}</tbody>\n</table>").format(
        Markup(' class="{}"').format(css) if css else Markup(),
        Markup("<caption>{}</caption>\n").format(caption) if caption is not None else Markup(),
        cells,
        body,
    )
