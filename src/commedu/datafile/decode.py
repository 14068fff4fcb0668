"""The first step of reading a data file: its bytes, read with a size bound and decoded.

A clerk's file comes from Notepad, WPS or Excel on Chinese Windows as often as from anywhere
else, so a byte-order mark, UTF-16 and the GBK/GB18030 encoding are each named for what they
are, with how to save the file instead, rather than reported as an unreadable byte.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from commedu._messages import Term
from commedu.errors import Problem

__all__ = [
    "MAX_BYTES",
    "FileKind",
    "Refused",
    "decode",
    "file_kind",
    "read_bytes",
    "refused",
    "too_large",
]

#: What a data file holds; a message about the whole file names it (a ledger is not a plan file).
FileKind = Literal["plan", "ledger", "profile"]

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


def file_kind(kind: FileKind) -> Term:
    """The words for a kind of data file, said in the language of the message they fill in."""
    return Term(f"file-kind-{kind}")


def refused(
    code: str, *, line: int | None = None, column: int | None = None, **params: Any
) -> Refused:
    """A :class:`Refused` with one problem about the whole file."""
    return Refused([Problem("", code, params, line=line, column=column)])


def read_bytes(path: str | os.PathLike[str], kind: FileKind) -> bytes:
    """The bytes of the ``kind`` of file at ``path``, at most :data:`MAX_BYTES` and one more to tell."""
    where = Path(path)
    name = os.fspath(path)
    folder = Problem("", "is-a-directory", {"value": name, "kind": file_kind(kind)})
    try:
        if where.is_dir():
            raise Refused([folder], unreadable=True)
        with where.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise Refused([Problem("", "no-such-file", {"value": name})], unreadable=True) from None
    except IsADirectoryError:  # pragma: no cover - a folder that appeared after the check above
        raise Refused([folder], unreadable=True) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        problem = Problem("", "unreadable", {"value": name, "reason": reason})
        raise Refused([problem], unreadable=True) from None


def too_large(size: int, kind: FileKind) -> Refused:
    """A file of ``size`` bytes, more than a ``kind`` of file may be."""
    return refused("too-large", size=size, limit=MAX_BYTES, kind=file_kind(kind))


def decode(data: bytes, kind: FileKind, *, bom: bool = False) -> str:
    """The text of a ``kind`` of file's bytes, which must be UTF-8; ``bom`` allows a UTF-8 BOM.

    A sheet saved as CSV by Excel starts with one, so the ledger's CSV reader allows it; TOML
    and JSON forbid it.
    """
    if len(data) > MAX_BYTES:
        raise too_large(len(data), kind)
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
