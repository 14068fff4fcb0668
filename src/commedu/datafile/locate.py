"""Where in a data file's text a problem's path is: its line and column.

``tomllib`` and ``json`` give data without positions, so a clerk told
``schedule.activities[7].when`` would count blocks from 0. These scanners read a file that has
already parsed (so they may be lenient) and note where each key, array-of-tables block and array
element starts. A path with no place of its own (a missing key) is placed at its nearest
enclosing one: the block the key is missing from.
"""

from __future__ import annotations

import abc
import re
import tomllib
from collections.abc import Callable, Iterable
from typing import Literal

import attrs

from commedu.errors import Problem

__all__ = ["locate", "positions", "split_path"]

Key = tuple[str | int, ...]
Place = tuple[int, int]  # line and column, both counted from 1, columns in characters

_PATH_PART = re.compile(r"\[(\d+)\]|\.?([^.\[]+)")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_TOML_SCALAR = re.compile(r"[^,\]}#\r\n]*")
_JSON_SCALAR = re.compile(r"[^,\]}\s]*")


def split_path(path: str) -> Key:
    """``schedule.activities[7].when`` -> ``("schedule", "activities", 7, "when")``."""
    return tuple(
        int(match[1]) if match[1] is not None else match[2] for match in _PATH_PART.finditer(path)
    )


class _Scanner(abc.ABC):
    """Walks text that is known to parse, keeping the line and column of the current character."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.places: dict[Key, Place] = {}
        # Lines end at "\n" only, as TOML, JSON and their parsers' own messages count them.
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def place(self, index: int | None = None) -> Place:
        at = self.i if index is None else index
        lo, hi = 0, len(self._line_starts) - 1
        while lo < hi:  # the last line start at or before ``at``
            mid = (lo + hi + 1) // 2
            if self._line_starts[mid] <= at:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, at - self._line_starts[lo] + 1

    def note(self, key: Key, index: int | None = None) -> None:
        self.places.setdefault(key, self.place(index))

    def peek(self) -> str:
        return self.text[self.i] if self.i < len(self.text) else ""

    def skip_blank(self, newlines: bool, comments: bool = True) -> None:
        while self.i < len(self.text):
            char = self.text[self.i]
            if char in " \t" or (newlines and char in "\r\n"):
                self.i += 1
            elif comments and char == "#":
                end = self.text.find("\n", self.i)
                self.i = len(self.text) if end < 0 else end
            else:
                return

    def elements(self, closer: str, each: Callable[[int], None], comments: bool = True) -> None:
        """From an opening bracket to its ``closer``: ``each`` element's index, commas skipped."""
        self.i += 1
        index = 0
        while True:
            self.skip_blank(newlines=True, comments=comments)
            if self.peek() in (closer, ""):
                self.i += 1
                return
            if self.peek() == ",":
                self.i += 1
                continue
            each(index)
            index += 1

    def element(self, path: Key) -> None:
        self.note(path)
        self.value(path)

    @abc.abstractmethod
    def value(self, path: Key) -> None:
        """Read past the value that starts here, noting where each key and element in it starts."""

    def string(self) -> str:
        """Read past a quoted string (any TOML or JSON form); give it as written, quotes and all."""
        text = self.text
        for quote in ('"""', "'''"):
            if text.startswith(quote, self.i):
                end = text.find(quote, self.i + 3)
                while quote == '"""' and end > 0 and _escaped(text, end):
                    end = text.find(quote, end + 1)
                end = len(text) if end < 0 else end
                while text.startswith(quote[0], end + 3):  # up to two quotes may close it
                    end += 1
                value = text[self.i : end + 3]
                self.i = end + 3
                return value
        quote = text[self.i]
        end = self.i + 1
        while end < len(text) and text[end] != quote:
            end += 2 if quote == '"' and text[end] == "\\" else 1
        value = text[self.i : end + 1]
        self.i = end + 1
        return value


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    while index - backslashes - 1 >= 0 and text[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


# -- TOML ----------------------------------------------------------------------------------------


class _Toml(_Scanner):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.table: Key = ()
        self.counts: dict[Key, int] = {}  # array of tables -> blocks seen so far

    def scan(self) -> dict[Key, Place]:
        while True:
            self.skip_blank(newlines=True)
            if self.i >= len(self.text):
                return self.places
            if self.peek() == "[":
                self.header()
            else:
                self.pair(self.table)

    def key(self) -> list[str]:
        parts = []
        while True:
            self.skip_blank(newlines=False)
            if self.peek() in ('"', "'"):
                quoted = self.string()
                parts.append(
                    tomllib.loads(f"k = {quoted}")["k"] if "\\" in quoted else quoted[1:-1]
                )
            else:
                match = _BARE_KEY.match(self.text, self.i)
                if match is None:  # not a key after all: stop rather than loop
                    return parts
                parts.append(match[0])
                self.i = match.end()
            self.skip_blank(newlines=False)
            if self.peek() != ".":
                return parts
            self.i += 1

    def header(self) -> None:
        start = self.i
        many = self.text.startswith("[[", self.i)
        self.i += 2 if many else 1
        parts = self.key()
        self.i += 2 if many else 1
        path: Key = ()
        for n, part in enumerate(parts):
            path = (*path, part)
            last = n == len(parts) - 1
            if many and last:
                count = self.counts.get(path, 0)
                self.counts[path] = count + 1
                self.note(path, start)
                path = (*path, count)
            elif path in self.counts:
                path = (*path, self.counts[path] - 1)
            self.note(path, start)
        self.table = path

    def pair(self, table: Key) -> None:
        start = self.i
        parts = self.key()
        if not parts:  # unparsable here: skip the line so the scan always ends
            end = self.text.find("\n", self.i)
            self.i = len(self.text) if end < 0 else end + 1
            return
        path = table
        for part in parts:
            path = (*path, part)
            self.note(path, start)
        self.skip_blank(newlines=False)
        self.i += 1  # "="
        self.skip_blank(newlines=False)
        self.value(path)

    def value(self, path: Key) -> None:
        char = self.peek()
        if char in ('"', "'"):
            self.string()
        elif char == "[":
            self.elements("]", lambda n: self.element((*path, n)))
        elif char == "{":
            self.elements("}", lambda _: self.pair(path))
        else:  # number, boolean, date or time: up to the next delimiter
            match = _TOML_SCALAR.match(self.text, self.i)
            assert match is not None  # the pattern matches the empty string
            self.i = max(match.end(), self.i + 1)


# -- JSON ----------------------------------------------------------------------------------------


class _Json(_Scanner):
    def scan(self) -> dict[Key, Place]:
        self.skip_blank(newlines=True, comments=False)
        self.value(())
        return self.places

    def value(self, path: Key) -> None:
        char = self.peek()
        if char == "{":
            self.elements("}", lambda _: self.member(path), comments=False)
        elif char == "[":
            self.elements("]", lambda n: self.element((*path, n)), comments=False)
        elif char == '"':
            self.string()
        else:
            match = _JSON_SCALAR.match(self.text, self.i)
            assert match is not None  # the pattern matches the empty string
            self.i = max(match.end(), self.i + 1)

    def member(self, path: Key) -> None:
        start = self.i
        import json  # here, not at import: most plans are TOML

        key = (*path, json.loads(self.string()))
        self.note(key, start)
        self.skip_blank(newlines=True, comments=False)
        self.i += 1  # ":"
        self.skip_blank(newlines=True, comments=False)
        self.value(key)


def positions(text: str, format: Literal["toml", "json"]) -> dict[Key, Place]:
    """Every key, block and array element of a parsed plan file, with where it starts."""
    return (_Toml(text) if format == "toml" else _Json(text)).scan()


def locate(
    problems: Iterable[Problem], text: str, format: Literal["toml", "json"]
) -> tuple[Problem, ...]:
    """The problems, each with the line and column of its path (or of the nearest block holding it).

    A problem that already has a line keeps it; one whose path is nowhere in the text (a key
    missing from the top of the file) stays without.
    """
    found = tuple(problems)
    if all(p.line is not None or not p.path for p in found):
        return found
    places = positions(text, format)
    located = []
    for problem in found:
        key = split_path(problem.path) if problem.line is None else ()
        while key and key not in places:
            key = key[:-1]
        if key:
            line, column = places[key]
            problem = attrs.evolve(problem, line=line, column=column)
        located.append(problem)
    return tuple(located)
