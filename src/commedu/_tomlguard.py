"""A bound on TOML key depth, checked before ``tomllib`` sees the text.

``tomllib`` builds one nested table per part of a dotted key, and its cost grows far faster
than the text: a 60 KB line ``a.a.a…= 1`` of 30,000 parts takes gigabytes. No plan, profile or
ledger nests more than a few levels, so a key of more than :data:`MAX_KEY_PARTS` parts is
refused here, in one linear pass that allocates nothing per character.
"""

from __future__ import annotations

import functools
import re

__all__ = ["MAX_KEY_PARTS", "too_deep"]

#: The most parts a key or table header may have (``a.b.c`` has three).
MAX_KEY_PARTS = 32


_SPECIAL = re.compile(r"[\"'#\n.=\[\]{},]")
_BASIC_STOP = re.compile(r'[\\"\n]')


def too_deep(text: str, limit: int = MAX_KEY_PARTS) -> tuple[int, int] | None:
    """The line and column (1-based) where a key first has more than ``limit`` parts, or None.

    Strings and comments are skipped; a key is what stands at the start of a line, in a table
    header, or after ``{`` or ``,`` in an inline table, up to its ``=`` or ``]``.
    """
    if _many_dots(limit).search(text) is None:
        return None  # no line holds more dots than a key may have parts: nothing to walk
    line, line_start = 1, 0
    brackets: list[str] = []  # the open { and [ of values, innermost last
    in_key, parts = True, 1
    i = 0
    while (found := _SPECIAL.search(text, i)) is not None:
        i = found.start()
        c = text[i]
        if c in "\"'":
            end = _string_end(text, i, c, text.startswith(c * 3, i))
            if (nl := text.rfind("\n", i, end)) != -1:
                line, line_start = line + text.count("\n", i, end), nl + 1
            i = end
            continue
        if c == "#":
            nl = text.find("\n", i)
            if nl == -1:
                break
            i = nl
            continue
        if c == "\n":
            line, line_start = line + 1, i + 1
            if not brackets:
                in_key, parts = True, 1
        elif in_key:
            if c == ".":
                parts += 1
                if parts > limit:
                    return line, i - line_start + 1
            elif c in "=]":
                in_key = False
        elif c in "{[":
            brackets.append(c)
            if c == "{":
                in_key, parts = True, 1
        elif c in "}]":
            if brackets:
                brackets.pop()
        elif c == "," and brackets and brackets[-1] == "{":
            in_key, parts = True, 1
        i += 1
    return None


@functools.cache
def _many_dots(limit: int) -> re.Pattern[str]:
    """A line with more than ``limit`` dots: a key of more parts can be on no other line."""
    return re.compile(rf"(?m)^(?:[^.\n]*\.){{{limit}}}")


def _string_end(text: str, start: int, quote: str, triple: bool) -> int:
    """The index just past the string that opens at ``start`` (or where an unclosed one stops)."""
    n = len(text)
    i = start + (3 if triple else 1)
    if quote == "'":  # literal strings have no escapes
        end = text.find("'''" if triple else "'", i)
        if not triple:
            nl = text.find("\n", i)
            if nl != -1 and (end == -1 or nl < end):
                return nl
        return n if end == -1 else _past_quotes(text, end, quote, triple)
    while (found := _BASIC_STOP.search(text, i)) is not None:
        i = found.start()
        c = text[i]
        if c == "\\":
            i += 2
        elif c == "\n":
            if not triple:
                return i  # an unclosed string ends at its line; tomllib reports it
            i += 1
        elif not triple:
            return i + 1
        elif text.startswith('"""', i):
            return _past_quotes(text, i, quote, triple)
        else:
            i += 1
    return n


def _past_quotes(text: str, end: int, quote: str, triple: bool) -> int:
    """Past the closing quote(s); a multi-line string may end with up to two quotes of content."""
    if not triple:
        return end + 1
    stop = end + 3
    while stop < len(text) and stop - end < 5 and text[stop] == quote:
        stop += 1
    return stop
