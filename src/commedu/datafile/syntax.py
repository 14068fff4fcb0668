"""The second step: a data file's text parsed as TOML or JSON, with the guards every parser needs.

- TOML keys of more than a few dotted parts are refused before ``tomllib`` sees them (its cost
  grows with the square of a key's parts; see :mod:`commedu._tomlguard`);
- nesting deeper than any file needs is refused, whether the parser or a later step would have
  run out of stack on it;
- a JSON key written twice in one object is refused (TOML refuses it itself);
- fractions are read as :class:`~decimal.Decimal` from their own text, so ``1.10`` stays exactly
  ``1.10``; a number of thousands of digits is refused rather than converted;
- text holding a lone UTF-16 surrogate (JSON's ``"\\ud800"``) is refused: no report, calendar or
  terminal can encode it.

Every problem has the line and column of its place in the text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Literal

from commedu._messages import Term, syntax_reason_zh
from commedu._tomlguard import MAX_KEY_PARTS, too_deep
from commedu._typecheck import has_surrogate
from commedu.datafile.decode import MAX_BYTES, FileKind, Refused, file_kind, refused, too_large
from commedu.datafile.locate import locate
from commedu.errors import Problem

__all__ = ["MAX_DEPTH", "Format", "parse", "show"]

Format = Literal["toml", "json"]

#: The deepest nesting of tables and lists a file may have; a plan needs six or so.
MAX_DEPTH = 48

_TOML_WHERE = re.compile(r"^(?P<reason>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$")


class _Duplicate(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for key, value in pairs:
        if key in table:
            raise _Duplicate(key)
        table[key] = value
    return table


def show(value: Any) -> str:
    """A short rendering of a value for a message: whole for scalars, elided for tables and lists."""
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def parse(text: str, format: Format, kind: FileKind) -> Any:
    """The data in ``text``, a ``kind`` of file; raises :class:`~commedu.datafile.decode.Refused`."""
    if len(text) > MAX_BYTES:
        raise too_large(len(text.encode("utf-8", "replace")), kind)
    if text.startswith("\ufeff"):
        raise refused("bom")
    if not text.strip():
        raise refused("empty-file", start=Term(f"file-start-{kind}"))
    try:
        data = _toml(text, kind) if format == "toml" else _json(text, kind)
    except RecursionError:
        raise refused("too-deep", kind=file_kind(kind)) from None
    found = list(_guards(data, kind))
    if found:
        raise Refused(locate(found, text, format))
    return data


def _toml(text: str, kind: FileKind) -> Any:
    if deep := too_deep(text):
        line, column = deep
        raise refused("key-too-deep", line=line, column=column, limit=MAX_KEY_PARTS)
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        if where := _TOML_WHERE.match(message):
            raise refused(
                "toml-syntax",
                line=int(where["line"]),
                column=int(where["column"]),
                reason=where["reason"],
                reason_zh=syntax_reason_zh(where["reason"]),
            ) from None
        reason = message.removesuffix(" (at end of document)")
        raise refused("toml-syntax", reason=reason, reason_zh=syntax_reason_zh(reason)) from None
    except ValueError:  # int() refuses literals of thousands of digits
        raise refused("number-too-long", kind=file_kind(kind)) from None


def _json(text: str, kind: FileKind) -> Any:
    import json  # here, not at import: most plans are TOML

    try:
        return json.loads(
            text, parse_float=Decimal, parse_constant=Decimal, object_pairs_hook=_no_duplicates
        )
    except json.JSONDecodeError as exc:
        raise refused(
            "json-syntax",
            line=exc.lineno,
            column=exc.colno,
            reason=exc.msg,
            reason_zh=syntax_reason_zh(exc.msg),
        ) from None
    except _Duplicate as exc:
        raise refused("duplicate-key", value=exc.key) from None
    except ValueError:  # int() refuses literals of thousands of digits
        raise refused("number-too-long", kind=file_kind(kind)) from None


#: Where a value stands: its container's place and its key or index; ``None`` for the document.
_Where = tuple["_Where", str | int] | None


def _path(where: _Where) -> str:
    """``schedule.activities[3].when``, worked out only for a value that has a problem."""
    steps: list[str | int] = []
    while where is not None:
        where, step = where
        steps.append(step)
    path = ""
    for step in reversed(steps):
        if isinstance(step, int):
            path += f"[{step}]"
        else:
            path = f"{path}.{step}" if path else step
    return path


def _guards(data: Any, kind: FileKind) -> Iterator[Problem]:
    """Nesting too deep, and keys or text holding a lone surrogate, walked without recursion."""
    stack: list[tuple[Any, _Where, int]] = [(data, None, 0)]
    while stack:
        value, where, depth = stack.pop()
        if isinstance(value, str):
            if has_surrogate(value):
                yield Problem(_path(where), "lone-surrogate", {"value": show(value)})
            continue
        if not isinstance(value, dict | list):
            continue
        if depth >= MAX_DEPTH:
            yield Problem(_path(where), "too-deep", {"kind": file_kind(kind)})
            return
        depth += 1
        if isinstance(value, dict):
            for key in value:
                if has_surrogate(key):  # at its table: a path holding it could not be printed
                    yield Problem(_path(where), "lone-surrogate", {"value": show(key)})
            children = [(item, (where, key), depth) for key, item in value.items()]
        else:
            children = [(item, (where, i), depth) for i, item in enumerate(value)]
        children.reverse()
        stack.extend(children)
