"""What a face may say in each language, for tests that read its output.

A Chinese output may hold English only where it is not ours to translate: rule codes, file names,
the plan's own text, and the names a user types (the program, its commands and options, formats,
variables). :func:`foreign_words` strips those and returns what is left in the other language:
ASCII words of two or more letters in Chinese, CJK characters in English. Any face (the command
line, a report, a page) can use it with the texts it is allowed to repeat.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

#: Names, not English: the program, formats, variables, standards and programs a user knows.
NAMES = frozenset(
    {
        "commedu",
        "COMMEDU_LANG",
        "NO_COLOR",
        "SOURCE_DATE_EPOCH",
        "iCalendar",
        "Word",  # Microsoft Word, the program whose documents commedu import reads
        "Windows",
        "Asia/Shanghai",
        "Google",
        "Outlook",
        "Apple",
        "Thunderbird",
        "iPhone",
        "Mac",
        "Unicode",  # the standard, named so in Chinese too
    }
)

_RULE_CODE = re.compile(r"\bCE\d+x*\b")
_ADDRESS = re.compile(r"\b[a-z][a-z0-9+.-]*://\S*")
_ASCII_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]{2,}(?![A-Za-z])")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def strings_of(data: Any) -> Iterator[str]:
    """Every string in parsed data (keys too): a plan file's own text."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield str(key)
            yield from strings_of(value)
    elif isinstance(data, (list, tuple)):
        for item in data:
            yield from strings_of(item)


def plan_text(path: Path) -> set[str]:
    """The plan file's own text: every string and key in it, as a set."""
    with path.open("rb") as handle:
        return set(strings_of(tomllib.load(handle)))


def strip_allowed(text: str, allowed: Iterable[str]) -> str:
    """``text`` without rule codes, addresses and every allowed string (longest first).

    A name made of letters, digits, ``_`` and ``-`` is removed only as a whole word, so that
    allowing ``en`` does not hide the English in ``when``.
    """
    text = _ADDRESS.sub(" ", _RULE_CODE.sub(" ", text))
    pieces = sorted({a for a in allowed if a}, key=len, reverse=True)
    words = [re.escape(p) for p in pieces if re.fullmatch(r"[\w-]+", p)]
    for piece in pieces:
        if not re.fullmatch(r"[\w-]+", piece):
            text = text.replace(piece, " ")
    if words:
        text = re.sub(rf"(?<![\w-])(?:{'|'.join(words)})(?![\w-])", " ", text)
    return text


def foreign_words(text: str, lang: Literal["en", "zh"], allowed: Iterable[str] = ()) -> set[str]:
    """What is left of the other language once the allowed text is stripped."""
    rest = strip_allowed(text, [*NAMES, *allowed])
    if lang == "zh":
        return set(_ASCII_WORD.findall(rest))
    return set(_CJK.findall(rest))
