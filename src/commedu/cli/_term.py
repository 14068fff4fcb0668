"""Text for a terminal: colour by severity, wrapping that knows Chinese is two columns wide, and
rule pages rendered from their Markdown.

Our own code rather than a terminal library: the Markdown is the small subset
:mod:`commedu.compliance.ruledoc` writes, output must be the same bytes on every run (the docs
show it), and ``commedu --version`` must not pay for an import it does not use.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from collections.abc import Mapping
from typing import IO, Literal

__all__ = [
    "Style",
    "display_width",
    "render_markdown",
    "terminal_width",
    "visible",
    "wrap",
    "wrap_lines",
]

ColorMode = Literal["auto", "always", "never"]

_SGR: Mapping[str, str] = {
    "error": "1;31",
    "fail": "31",
    "warning": "33",
    "info": "34",
    "pass": "32",
    "not-evaluable": "2",
    "not-applicable": "2",
    "heading": "1",
    "bold": "1",
    "em": "3",
    "code": "36",
}


class Style:
    """Paints text by role (a severity, a status, ``heading``, ``code``…) or leaves it plain.

    Colour is on for ``always``, off for ``never``; for ``auto`` only when the stream is a
    terminal, ``TERM`` is not ``dumb`` and ``NO_COLOR`` is unset or empty (no-color.org).
    """

    def __init__(
        self, mode: ColorMode, stream: IO[str], environ: Mapping[str, str] | None = None
    ) -> None:
        env = os.environ if environ is None else environ
        if mode == "auto":
            tty = hasattr(stream, "isatty") and stream.isatty()
            self.enabled = tty and not env.get("NO_COLOR") and env.get("TERM") != "dumb"
        else:
            self.enabled = mode == "always"

    def paint(self, text: str, role: str | None) -> str:
        if not self.enabled or role is None or not text:
            return text
        return f"\x1b[{_SGR[role]}m{text}\x1b[0m"


#: What a terminal would obey rather than show: C0 controls but tab and line feed (a carriage
#: return only before a line feed), DEL, C1 controls (``\x9b`` starts a sequence as ESC ``[``
#: does) and the bidirectional overrides and isolates that reorder a line as it is shown.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")


def visible(text: str) -> str:
    """``text`` with every control character written as its escape (``\\x1b``, ``\\u202e``).

    Plan, ledger and file text reaches the terminal through this, before any colour is added,
    so an escape sequence in a title is shown, never run.
    """
    return _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def terminal_width(fallback: int = 80) -> int:
    """The terminal's width (``COLUMNS`` wins, as everywhere), never less than 40."""
    return max(40, shutil.get_terminal_size((fallback, 24)).columns)


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: CJK characters take two."""
    return sum(2 if _wide(c) else 0 if unicodedata.combining(c) else 1 for c in text)


# A line never starts with a closing mark nor ends with an opening one (Chinese kinsoku).
_CLOSERS = set("，。、；：？！）」』》〉】”’…—,.;:!?)]}%")
_OPENERS = set("（「『《〈【“‘([{")

Span = tuple[str, str | None]  # text and its role


def _atoms(spans: list[Span]) -> list[tuple[bool, list[tuple[str, str | None]]]]:
    """Unbreakable pieces, each with whether a space comes before it."""
    atoms: list[tuple[bool, list[tuple[str, str | None]]]] = []
    space = False
    for text, role in spans:
        for char in text:
            if char in " \t\n":
                space = True
                continue
            last = atoms[-1][1] if atoms else None
            if last is not None and char in _CLOSERS:  # even after a space: never starts a line
                last.extend([(" ", None), (char, role)] if space else [(char, role)])
            elif last is None or space:
                atoms.append((space, [(char, role)]))
            elif last[-1][0] in _OPENERS:
                last.append((char, role))
            elif _wide(char) or _wide(last[-1][0]):
                atoms.append((False, [(char, role)]))
            else:
                last.append((char, role))
            space = False
    return atoms


def _emit(chars: list[tuple[str, str | None]], style: Style) -> str:
    out = []
    i = 0
    while i < len(chars):
        role = chars[i][1]
        j = i
        while j < len(chars) and chars[j][1] == role:
            j += 1
        out.append(style.paint("".join(c for c, _ in chars[i:j]), role))
        i = j
    return "".join(out)


def wrap(
    spans: list[Span] | str,
    width: int,
    style: Style,
    *,
    first: str = "",
    rest: str = "",
) -> list[str]:
    """Fill styled text into lines of at most ``width`` columns, ``first``/``rest`` before them.

    Breaks at spaces and between CJK characters, never before a closing mark; a word longer
    than the line (a URL) stays whole.
    """
    if isinstance(spans, str):
        spans = [(spans, None)]
    spans = [(visible(text), role) for text, role in spans]
    lines: list[str] = []
    line: list[tuple[str, str | None]] = []
    prefix = first
    used = display_width(prefix)
    for space, atom in _atoms(spans):
        size = display_width("".join(c for c, _ in atom))
        gap = 1 if space and line else 0
        if line and used + gap + size > width:
            lines.append(prefix + _emit(line, style))
            line, prefix, gap = [], rest, 0
            used = display_width(prefix)
        if gap:
            line.append((" ", None))
        line.extend(atom)
        used += gap + size
    lines.append(prefix + _emit(line, style))
    return lines


def wrap_lines(text: str, width: int, style: Style) -> str:
    """Wrap every long line of a report, continuing it under its own indent plus two."""
    out = []
    for line in text.splitlines():
        indent = line[: len(line) - len(line.lstrip(" "))]
        if display_width(line) <= width:
            out.append(line)
        else:
            out.extend(wrap(line.lstrip(" "), width, style, first=indent, rest=indent + "  "))
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


#: Compiled by ``re`` on first use, as _LIST_ITEM: only ``commedu rules`` shows Markdown.
_INLINE = (
    r"\*\*(?P<bold>.+?)\*\*|`(?P<code>[^`]+)`|\*(?P<em>[^*\s][^*]*)\*"
    r"|\[(?P<link>[^\]]+)\]\((?P<url>[^)]+)\)"
)


def _inline(text: str) -> list[Span]:
    spans: list[Span] = []
    at = 0
    for match in re.finditer(_INLINE, text):
        spans.append((text[at : match.start()], None))
        if match["link"] is not None:
            spans += [(match["link"], None), (f" ({match['url']})", None)]
        else:
            role = next(r for r in ("bold", "code", "em") if match[r] is not None)
            spans.append((match[role], role))
        at = match.end()
    spans.append((text[at:], None))
    return [s for s in spans if s[0]]


_LIST_ITEM = r"^(\s*)(?:[-*+]|(\d+)\.)\s+(.*)$"


def render_markdown(markdown: str, width: int, style: Style) -> str:
    """A Markdown page as terminal text: headings, emphasis, code and lists without their marks."""
    out: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.extend(wrap(_inline(" ".join(paragraph)), width, style))
            paragraph.clear()

    fenced = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            flush()
            fenced = not fenced
            continue
        if fenced:
            out.append(style.paint("    " + line, "code"))
            continue
        heading = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
        item = re.match(_LIST_ITEM, line)
        if heading:
            flush()
            if out and out[-1]:
                out.append("")
            spans: list[Span] = [(text, "heading") for text, _ in _inline(heading[2])]
            title = wrap(spans, width, style)
            out.extend(title)
            if len(heading[1]) <= 2:
                plain = display_width(re.sub(r"\x1b\[[0-9;]*m", "", title[-1]))
                out.append(("═" if len(heading[1]) == 1 else "─") * min(plain, width))
            out.append("")
        elif item:
            flush()
            depth = len(item[1]) // 2
            mark = f"{item[2]}." if item[2] else "•"
            first = "  " * depth + f"  {mark} "
            out.extend(wrap(_inline(item[3]), width, style, first=first, rest=" " * len(first)))
        elif not line.strip():
            flush()
            if out and out[-1]:
                out.append("")
        else:
            paragraph.append(line.strip())
    flush()
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"
