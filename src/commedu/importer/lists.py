"""Numbered lists written inside one paragraph: ``答:1.建设…;2.加强…``, ``(1)…(2)…``, ``①…②…``.

A page that flattens a document, or a clerk who saves paper, runs a list's items on in one
paragraph. The importer reads sections, tasks and places from lists, so such a paragraph is cut
into the text before the list and one piece per item. A piece is a stretch of the paragraph as
it stands: the pieces joined are the paragraph, in order, so cutting never loses or reorders
text. An item is numbered from 1 up without a gap, in one style of marker; a number that is part
of a figure (1.5万, 1、2月) is no marker, and a paragraph with fewer than two items is not cut.
"""

from __future__ import annotations

import re
from itertools import pairwise

__all__ = ["MAX_ITEMS", "item", "split_items"]

#: items read from one paragraph at most; the rest stay in the last item's piece
MAX_ITEMS = 99

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: where a run-on item may start: the paragraph's start or after a stop, a colon or a space
_AFTER = r"(?:^|(?<=[:：；;。，,！？!?\s]))"
#: the marker styles, each with the number it gives; a style's markers count 1, 2, 3 …
_STYLES = (
    re.compile(_AFTER + r"(?P<number>\d{1,2})\s*[.．、](?!\d)"),
    re.compile(r"[（(]\s*(?P<number>\d{1,2})\s*[）)]"),
    re.compile(rf"(?P<circled>[{_CIRCLED}])"),
)


def _number(match: re.Match[str]) -> int:
    if circled := match.groupdict().get("circled"):
        return _CIRCLED.index(circled) + 1
    return int(match["number"])


def _starts(text: str, style: re.Pattern[str]) -> list[int]:
    """Where the items 1, 2, 3 … of one marker style start, skipping markers out of turn."""
    starts: list[int] = []
    for match in style.finditer(text):
        if _number(match) == len(starts) + 1:
            starts.append(match.start())
            if len(starts) == MAX_ITEMS:
                break
    return starts


def split_items(text: str) -> list[str]:
    """``text`` cut before each item of a run-on numbered list; ``[text]`` if it holds none.

    The first piece is the text before the first item (``""`` if the list opens the paragraph);
    ``"".join(split_items(text)) == text`` always.
    """
    found = [s for style in _STYLES if len(s := _starts(text, style)) >= 2]
    if not found:
        return [text]
    starts = min(found, key=lambda s: s[0])  # the style whose list begins first
    bounds = [0, *starts, len(text)]
    return [text[a:b] for a, b in pairwise(bounds)]


def item(piece: str) -> tuple[int, str] | None:
    """An item's number and its text without the marker and the stop after it, or None."""
    for style in _STYLES:
        match = style.match(piece)
        if match is not None:
            return _number(match), piece[match.end() :].strip().rstrip("；;，,").strip()
    return None
