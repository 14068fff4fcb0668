"""The first step of reading a data file: its bytes, read with a size bound and decoded.

A clerk's file comes from Notepad, WPS or Excel on Chinese Windows as often as from anywhere
else, so a byte-order mark, UTF-16 and the GBK/GB18030 encoding are each named for what they
are, with how to save the file instead, rather than reported as an unreadable byte.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from commedu.errors import Problem

__all__ = ["MAX_BYTES", "Refused", "decode", "read_bytes", "refused"]

MAX_BYTES = 10 * 1024 * 1024  #: a plan is a few hundred KiB at most; refuse anything this big

_BOM = b"\xef\xbb\xbf"


class Refused(Exception):
    """The problems that stop a data file being read; each reader raises them as its own error.

    ``unreadable`` is true when the file could not be read at all (missing, a folder, no
    permission), as opposed to read and found wrong.
    """

    def __init__(self, problems: Iterable[Problem], *, unreadable: bool = False) -> None:
        self.problems = tuple(problems)
        self.unreadable = unreadable
        super().__init__(self.problems)


def refused(
    code: str, *, line: int | None = None, column: int | None = None, **params: Any
) -> Refused:
    """A :class:`Refused` with one problem about the whole file."""
    return Refused([Problem("", code, params, line=line, column=column)])


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the file at ``path``, at most :data:`MAX_BYTES` and one more to tell."""
    where = Path(path)
    name = os.fspath(path)
    try:
        if where.is_dir():
            raise Refused([Problem("", "is-a-directory", {"value": name})], unreadable=True)
        with where.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise Refused([Problem("", "no-such-file", {"value": name})], unreadable=True) from None
    except IsADirectoryError:  # pragma: no cover - a folder that appeared after the check above
        raise Refused([Problem("", "is-a-directory", {"value": name})], unreadable=True) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        problem = Problem("", "unreadable", {"value": name, "reason": reason})
        raise Refused([problem], unreadable=True) from None


def decode(data: bytes, *, bom: bool = False) -> str:
    """The text of a file's bytes, which must be UTF-8; ``bom`` allows a UTF-8 byte-order mark.

    A sheet saved as CSV by Excel starts with one, so the ledger's CSV reader allows it; TOML
    and JSON forbid it.
    """
    if len(data) > MAX_BYTES:
        raise refused("too-large", size=len(data), limit=MAX_BYTES)
    if data.startswith(_BOM):
        if not bom:
            raise refused("bom")
        data = data[len(_BOM) :]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise refused("utf16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)  # in bytes: the text is unreadable
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            byte = f"0x{data[exc.start]:02X}"
            raise refused("not-utf8", line=line, column=column, byte=byte) from None
        raise refused("not-utf8-gbk", line=line, column=column) from None
