"""Write a file, or a folder of files, so that readers see the old set or the new, never a mix.

A calendar that clients poll, or a file a clerk re-exports over, must not be left half-written
by a full disk or an interrupted run. The bytes go to a temporary file in the same folder (so
the final rename stays on one file system), are flushed to disk, and then replace the target in
one ``os.replace``. On any failure the temporary file is removed and the target is untouched.

Temporary names are short and fixed in length (``.commedu-<12 hex>.tmp``), so a target whose
name is near the file system's limit still works. A process killed mid-write leaves its
temporary behind; the next write to that folder removes it. Each writer holds a lock on its
temporary while it lives, so a temporary whose lock can be taken belongs to no running writer.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import stat
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from commedu.errors import NotRegularError, ReadOnlyError

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; stale temporaries are judged by age alone
    fcntl = None  # type: ignore[assignment]

__all__ = ["replace_folder", "write_bytes"]

_NEW_FILE_MODE = 0o666  # narrowed by the umask, as for any file the user creates
_TEMP = re.compile(r"\.commedu-[0-9a-f]{12}\.tmp")
#: Temporary names of earlier versions: ``.<target>.<12 hex>.tmp``.
_OLD_TEMP = re.compile(r"\..+\.[0-9a-f]{12}\.tmp")
#: A temporary younger than this may belong to a writer that has not locked it yet.
_GRACE_SECONDS = 60.0
#: Without locks, a temporary this old is taken to be a killed writer's.
_UNLOCKED_STALE_SECONDS = 24 * 3600.0


def write_bytes(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = True) -> Path:
    """Replace ``path`` with ``data`` atomically; returns the path written.

    With ``overwrite=False`` an existing file is kept and :class:`FileExistsError` raised: the
    finished temporary file is hard-linked into place, which fails if the name is taken, so there
    is no window between checking and writing. A read-only file is never replaced
    (:class:`ReadOnlyError`), nor anything that is not a regular file (:class:`NotRegularError`).
    """
    target = Path(path)
    folder = target.parent
    try:
        # Through a link, as the write would go: a link to a device is a device.
        info = os.stat(target)
    except FileNotFoundError:
        mode: int | None = None
    else:
        if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
            raise NotRegularError(target)  # a folder is refused by the replace itself
        mode = stat.S_IMODE(info.st_mode)
    if mode is not None and overwrite and not mode & 0o222:
        raise ReadOnlyError(target)
    remove_stale_temporaries(folder)
    temp, fd = _create_temp(folder)
    try:
        _lock(fd)  # held until the file is closed, after it has replaced the target
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


def replace_folder(
    folder: str | os.PathLike[str],
    files: Mapping[str, bytes],
    *,
    replaceable: Callable[[Path], bool],
) -> tuple[Path, ...]:
    """Make ``folder`` hold exactly ``files`` (name -> bytes), all of them at once.

    The set is written into a sibling staging folder and renamed into place, so a reader sees
    the previous set or the new one, and two exports to the same folder never mix. An existing
    folder is replaced only if ``replaceable`` says it holds a previous set (nothing a person
    put there is deleted); otherwise :class:`FileExistsError` is raised.
    """
    target = Path(folder)
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(parent)
    staging = parent / f".commedu-{secrets.token_hex(6)}.tmp"
    staging.mkdir()
    with _held(staging):
        try:
            for name, data in files.items():
                write_bytes(staging / name, data)
            with _exclusive(parent):
                if target.exists() or target.is_symlink():
                    if target.is_symlink() or not target.is_dir() or not replaceable(target):
                        raise FileExistsError(
                            errno.EEXIST,
                            "the folder holds files that are not a previous export",
                            str(target),
                        )
                    retired = parent / f".commedu-{secrets.token_hex(6)}.tmp"
                    os.rename(target, retired)
                    os.rename(staging, target)
                    shutil.rmtree(retired, ignore_errors=True)
                else:
                    os.rename(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    _sync_folder(parent)
    return tuple(target / name for name in files)


def remove_stale_temporaries(folder: Path) -> None:
    """Remove temporaries that killed writers left in ``folder``; others' live ones stay."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return  # the write itself will report a folder it cannot use
    now = time.time()
    for entry in entries:
        if not (_TEMP.fullmatch(entry.name) or _OLD_TEMP.fullmatch(entry.name)):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        age = now - info.st_mtime
        if age < _GRACE_SECONDS or stat.S_ISLNK(info.st_mode):
            continue
        if stat.S_ISDIR(info.st_mode):
            if _unheld(Path(entry.path), age):
                shutil.rmtree(entry.path, ignore_errors=True)
        elif stat.S_ISREG(info.st_mode) and _unheld(Path(entry.path), age):
            Path(entry.path).unlink(missing_ok=True)


def _unheld(path: Path, age: float) -> bool:
    """Whether no running writer holds ``path`` (a temporary file, or a staging folder)."""
    if fcntl is None:
        return age > _UNLOCKED_STALE_SECONDS
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # locked: its writer is alive
    else:
        return True
    finally:
        os.close(fd)


def _lock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


@contextmanager
def _held(path: Path) -> Iterator[None]:
    """Hold a lock on ``path`` (a folder) so that cleanup by another writer leaves it alone."""
    fd = os.open(path, os.O_RDONLY)
    try:
        _lock(fd)
        yield
    finally:
        os.close(fd)


@contextmanager
def _exclusive(parent: Path) -> Iterator[None]:
    """One folder swap at a time in ``parent``: a lock on the parent folder itself, no file."""
    fd = os.open(parent, os.O_RDONLY)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


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


def _create_temp(folder: Path) -> tuple[Path, int]:
    # O_EXCL: never open a file someone else created (or a symlink planted) under our name.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = folder / f".commedu-{secrets.token_hex(6)}.tmp"
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
