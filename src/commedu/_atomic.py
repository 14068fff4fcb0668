"""Write a file so that readers see the old bytes or the new bytes, never a mixture.

A calendar that clients poll, or a file a clerk re-exports over, must not be left half-written
by a full disk or an interrupted run. The bytes go to a temporary file in the same folder (so
the final rename stays on one file system), are flushed to disk, and then replace the target in
one ``os.replace``. On any failure the temporary file is removed and the target is untouched.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

__all__ = ["write_bytes"]

_NEW_FILE_MODE = 0o666  # narrowed by the umask, as for any file the user creates


def write_bytes(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = True) -> Path:
    """Replace ``path`` with ``data`` atomically; returns the path written.

    With ``overwrite=False`` an existing file is kept and :class:`FileExistsError` raised: the
    finished temporary file is hard-linked into place, which fails if the name is taken, so there
    is no window between checking and writing.
    """
    target = Path(path)
    folder = target.parent
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    temp, fd = _create_temp(folder, target.name)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            # Keep the permissions of the file being replaced (a published calendar stays
            # readable by the web server); a new file gets the user's umask like any other.
            os.chmod(temp, mode)
        if overwrite:
            os.replace(temp, target)
        else:
            _link_new(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync_folder(folder)
    return target


def _link_new(temp: Path, target: Path) -> None:
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then move into place
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(temp, target)
    else:
        temp.unlink()


def _create_temp(folder: Path, name: str) -> tuple[Path, int]:
    # O_EXCL: never open a file someone else created (or a symlink planted) under our name.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = folder / f".{name}.{secrets.token_hex(6)}.tmp"
        try:
            return temp, os.open(temp, flags, _NEW_FILE_MODE)
        except FileExistsError:
            continue


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; folders cannot be opened for this on Windows."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
