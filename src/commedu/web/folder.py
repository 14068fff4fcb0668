"""The plan files in one folder, each read again when it changes, never from outside the folder.

A request names a plan by its key (the file name without its extension); the key is looked up
among the files the folder lists, so nothing in an address ever becomes part of a path. A file
that is a link is followed only to a file in the same folder, and is opened without following
links again, so swapping a link in meanwhile fails rather than reading elsewhere. A FIFO or a
device is refused, and nothing larger than a plan may be is read.

A file is re-read when its size, change times or identity differ, or when it was read so soon
after it was last written that a second write in the same clock tick could hide; its bytes are
hashed and parsed again only if they differ, so touching a file changes nothing served.

One look answers every request that came before it. A look at the folder or a file that began
after a request arrived tells that request what it would have seen by looking itself, so it
does not look again: a request made after an edit is answered with it. A look is a system call,
and every system call lets the server's other threads take the interpreter while the answering
thread waits to have it back: under load the looks cost a 304 more than everything else commedu
does for it. So a look also answers the requests that arrive within :data:`SHARED_FOR_NS` after
it began on a connection kept open after an earlier answer (a client asking again and again, as
a load does): such a client sees an edit within a quarter of a second. A request on a new
connection (a subscribed calendar's next poll, a browser's first load) is still answered from a
look made after it arrived. :meth:`PlanFolder.arrive` says when the request a thread answers
arrived and whether its connection was answered before (waitress's connection says so);
without it, a request arrives when it is answered, and looks for itself.

A file that stops being a valid plan keeps the version that last loaded (``Version.previous``)
beside its problems and the time they were first seen (``Version.since``): its feeds go on
serving that version, byte for byte, so an edit half-done never breaks a subscription; only a
cancelled item whose time is up leaves it meanwhile, by the clock.
"""

from __future__ import annotations

import hashlib
import os
import stat
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path

import attrs

from commedu._messages import os_reason
from commedu.calendar.revisions import CANCELLED_FOR, Outdated, Revision, Revisions, RevisionStore
from commedu.datafile.decode import too_large
from commedu.datafile.ledger import ledger_from_bytes
from commedu.datafile.plan import MAX_BYTES, loads_plan
from commedu.errors import ExportError, LedgerFileError, PlanFileError, Problem
from commedu.model.fieldcheck import define, mutable
from commedu.model.ledger import Ledger
from commedu.model.plan import Plan
from commedu.web.http import Built, Ready

__all__ = [
    "LEDGER_SUFFIXES",
    "SHARED_FOR_NS",
    "STORE",
    "SUFFIXES",
    "PlanFile",
    "PlanFolder",
    "Sighting",
    "Version",
]

#: The file names served, ignoring case; names starting with "." (editor and temporary files,
#: the revision store) never are.
SUFFIXES = (".toml", ".json")
#: A plan's ledger is ``NAME.ledger`` with one of these, beside ``NAME.toml``.
LEDGER_SUFFIXES = (".xlsx", ".csv", ".toml", ".json")
#: The revision store beside the plans: each item's SEQUENCE survives restarts and is shared by
#: every process serving the folder.
STORE = ".commedu-revisions.sqlite"
#: How long a request waits for another process writing the revision store, in seconds.
_STORE_WAIT = 2.0
#: How long after the store failed a plan's new version is tried again, in nanoseconds; till
#: then its requests are served the last good version without waiting.
_STORE_RETRY_NS = 5_000_000_000
#: How long after its last write a file's times are trusted to show the next write.
_SETTLE_NS = 2_000_000_000
#: How long after it began a look answers the requests that come on kept connections, in
#: nanoseconds: the longest such a client goes without seeing an edit.
SHARED_FOR_NS = 250_000_000
#: The clock requests and looks are timed by: one that never goes back.
clock = time.monotonic_ns
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


@define
class PlanFile:
    """A plan file the folder lists: ``key`` is its name in addresses."""

    key: str
    name: str


@mutable
class Version:
    """What one version of a file's bytes gave: a plan, or the problems that keep it from one.

    ``revisions`` are the items' SEQUENCE and LAST-MODIFIED, with the removed items still
    written cancelled. ``modified`` is when the served content last changed (UTC, whole
    seconds): the newest of the file's time and its items' revisions, the HTTP Last-Modified
    and the calendars' DTSTAMP. ``built`` keeps what was made from this version (a calendar,
    a page) so a busy feed is made once per version, not once per request, and ``answers`` the
    feeds' answers made ready to send with their headers. ``expires`` is when
    the first of its cancelled items is to go, so the version is revised again then.

    A version without a plan keeps the last version that had one (``previous``, to serve
    meanwhile) and the time its problems were first seen (``since``).
    """

    digest: str
    plan: Plan | None
    problems: tuple[Problem, ...]
    modified: datetime
    revisions: Mapping[str, Revision] = attrs.field(factory=dict)
    built: dict[tuple[str, ...], tuple[str, bytes]] = attrs.field(factory=dict)
    answers: dict[tuple[str, ...], Ready] = attrs.field(factory=dict)
    lock: threading.Lock = attrs.field(factory=threading.Lock)
    expires: datetime | None = None
    previous: Version | None = None
    since: datetime | None = None

    @property
    def served(self) -> Version | None:
        """The version whose feeds are served: this one, else the last one that loaded."""
        return self if self.plan is not None else self.previous

    def build(
        self, key: tuple[str, ...], make: Callable[[], bytes], *, tag: str = "", kin: int = 0
    ) -> bytes:
        """The bytes for ``key``, made once: built whole in memory before anyone is given them.

        ``tag`` names what else the bytes were made from (a ledger's digest): bytes made with
        another tag are made again and replace them, so only the latest are kept. With ``kin``,
        at most that many keys differing from ``key`` only in their last part are kept (the
        host name a request used): past it, bytes are made for the one request and not kept.
        """
        with self.lock:
            found = self.built.get(key)
            if found is None or found[0] != tag:
                family = key[:-1]
                if kin and found is None and sum(k[:-1] == family for k in self.built) >= kin:
                    return Built(make())
                found = self.built[key] = (tag, Built(make()))
            return found[1]


@define
class Sighting:
    """A ledger as read just now: its records, a digest of its bytes and when it was written."""

    ledger: Ledger
    digest: str
    modified: datetime


def _same_id(version: Version) -> bool:
    """Whether a version was refused for another file's plan id: it is read again each time."""
    return any(p.code == "serve-same-id" for p in version.problems)


def _is_ledger(name: str) -> bool:
    """``NAME.ledger.toml`` is the 台账 of ``NAME.toml``, not a plan of its own."""
    return name.lower().rpartition(".")[0].endswith(".ledger")


@mutable
class _Seen:
    signature: tuple[int, ...]
    read_ns: int
    version: Version


@define
class _LedgerSeen:
    """A ledger file as last read: for which plan, and what it gave (``None``: not a ledger)."""

    signature: tuple[int, ...]
    read_ns: int
    plan: Plan
    digest: str
    sighting: Sighting | None


def _signature(info: os.stat_result) -> tuple[int, ...]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _problem(code: str, **params: object) -> tuple[Problem, ...]:
    return (Problem("", code, params),)


class _Refused(Exception):
    """A file that is not read: why, as the problems its pages show."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.problems = _problem(code, **params)


class PlanFolder:
    """The plans in ``folder``; safe to use from many threads at once.

    Raises :class:`NotADirectoryError` if ``folder`` is not a folder, and
    :class:`~commedu.errors.ExportError` if the revision store in it cannot be opened.
    """

    def __init__(
        self, folder: str | os.PathLike[str], *, cancelled_for: timedelta = CANCELLED_FOR
    ) -> None:
        self.root = Path(os.path.realpath(folder))
        #: the folder as text, to join names to without a path object per request
        self._root_text = os.fspath(self.root)
        if not self.root.is_dir():
            raise NotADirectoryError(os.fspath(folder))
        self.store = RevisionStore(self.root / STORE, cancelled_for=cancelled_for)
        # Opened with the store's own patience; a request then waits only briefly for it.
        self.store.wait = _STORE_WAIT
        self._lock = threading.Lock()
        #: when to try the store again, per plan file whose new version it could not take
        self._retry: dict[str, int] = {}
        self._file_locks: dict[str, threading.Lock] = {}
        self._seen: dict[str, _Seen] = {}
        self._ledgers: dict[str, _LedgerSeen] = {}
        #: plan id -> the file serving it; a second file with that id is refused, naming both
        self._claims: dict[str, str] = {}
        #: the folder's listing, with the folder's signature and when it was listed
        self._listed: tuple[tuple[int, ...], int, tuple[PlanFile, ...]] | None = None
        #: when (by :data:`clock`) the folder and each file were last looked at and found as
        #: they were read, and when the request each thread answers arrived
        self._folder_looked = -1
        self._looked: dict[str, int] = {}
        self._request = threading.local()

    def arrive(self, arrived: int | None = None, *, again: bool = False) -> None:
        """This thread answers a request that arrived at ``arrived`` (by :data:`clock`; now if
        ``None``), ``again`` on a kept connection or not: looks begun since (or, ``again``, just
        before) answer it (see above), until :meth:`leave`."""
        self._request.arrived = clock() if arrived is None else arrived
        self._request.again = again

    def leave(self) -> None:
        """This thread's request is answered: its later looks are its own again."""
        self._request.arrived = None

    def _answered(self, looked: int) -> bool:
        """Whether a look begun at ``looked`` answers this thread's request (see above)."""
        arrived: int | None = getattr(self._request, "arrived", None)
        return arrived is not None and _answers(looked, arrived, self._request.again)

    def unchanged(
        self, listed: tuple[PlanFile, ...], name: str, version: Version, arrived: int, again: bool
    ) -> bool:
        """Whether looks already made say, with none more, that the folder's files are still
        ``listed`` and the file ``name``'s current version still ``version``, for a request that
        arrived at ``arrived`` (by :data:`clock`), ``again`` on a kept connection or not.

        ``False`` whenever a look is due, the version is to be revised (a cancellation whose
        time is up, a store to try again, an id another file held) or the folder was listed
        again: :meth:`files` and :meth:`version` then look as they would have.
        """
        seen = self._seen.get(name)
        kept = self._listed
        return (
            seen is not None
            and seen.version is version
            and kept is not None
            and kept[2] is listed
            and _answers(self._folder_looked, arrived, again)
            and _answers(self._looked.get(name, -1), arrived, again)
            and name not in self._retry
            and not _expired(version, time.time_ns())
            and not _same_id(version)
        )

    def files(self) -> tuple[PlanFile, ...]:
        """The plan files now in the folder, by name; a key is unique (the whole name if need be).

        What was kept of files no longer in the folder is let go, so what the folder keeps is
        bounded by the files it holds now, however many came and went.
        """
        # Listed again only when the folder changed (a file came, went or was renamed), on the
        # same rule as a file's bytes: every request asks, and each look costs system calls.
        listed = self._listed
        if listed is not None and self._answered(self._folder_looked):
            return listed[2]
        looked = clock()
        now_ns = time.time_ns()
        folder = _signature(os.stat(self._root_text))
        if listed is not None and listed[0] == folder and listed[1] - folder[3] > _SETTLE_NS:
            self._folder_looked = looked
            return listed[2]
        entries = list(os.scandir(self.root))
        self._forget({entry.name for entry in entries})
        names = sorted(
            entry.name
            for entry in entries
            if not entry.name.startswith(".")
            and entry.name.lower().endswith(SUFFIXES)
            and not _is_ledger(entry.name)
            and (entry.is_symlink() or entry.is_file(follow_symlinks=False))
        )
        stems = [name.rpartition(".")[0] for name in names]
        found = tuple(
            PlanFile(stem if stems.count(stem) == 1 else name, name)
            for stem, name in zip(stems, names, strict=True)
        )
        self._listed = (folder, now_ns, found)
        return found

    def _forget(self, present: set[str]) -> None:
        with self._lock:
            # A snapshot of the names: another thread may add to these meanwhile.
            for kept in (self._seen, self._ledgers, self._retry, self._looked):
                for name in list(kept):
                    if name not in present:
                        kept.pop(name, None)
            for plan_id, name in list(self._claims.items()):
                if name not in present:
                    del self._claims[plan_id]
            for name, lock in list(self._file_locks.items()):
                # A lock held now is in use: it goes on a later look.
                if name not in present and not lock.locked():
                    del self._file_locks[name]

    def file(self, key: str) -> PlanFile | None:
        for found in self.files():
            if found.key == key:
                return found
        return None

    def ledger(self, file: PlanFile, plan: Plan) -> Sighting | None:
        """The ledger kept beside the plan (``NAME.ledger.xlsx``, ``.csv``, ``.toml``, ``.json``).

        Read again only when the file changed, as a plan file is (see the module's text), and
        parsed again only when its bytes or the plan differ; ``None`` when there is none or it
        cannot be read as this plan's ledger (the page then shows no progress).
        """
        stem = file.name.rpartition(".")[0].lower()
        wanted = {f"{stem}.ledger{suffix}": suffix for suffix in LEDGER_SUFFIXES}
        for entry in sorted(os.scandir(self.root), key=lambda e: e.name):
            suffix = wanted.get(entry.name.lower())
            if suffix is None:
                continue
            try:
                fd, info = self._open(entry.name)
            except _Refused:
                return None
            now_ns = time.time_ns()
            signature = _signature(info)
            with self._lock:
                seen = self._ledgers.get(entry.name)
            try:
                if (
                    seen is not None
                    and seen.plan is plan
                    and seen.signature == signature
                    and seen.read_ns - info.st_mtime_ns > _SETTLE_NS
                ):
                    return seen.sighting
                data = _read(fd)
            finally:
                os.close(fd)
            digest = hashlib.blake2b(data, digest_size=16).hexdigest()
            if seen is not None and seen.plan is plan and seen.digest == digest:
                sighting = seen.sighting
            else:
                sighting = _sighting(data, suffix, plan, entry.name, digest, info.st_mtime_ns)
            with self._lock:
                self._ledgers[entry.name] = _LedgerSeen(signature, now_ns, plan, digest, sighting)
            return sighting
        return None

    def version(self, file: PlanFile) -> Version:
        """The file's current version: read again if it changed since it was last read.

        While another request is reading it again, the version last read is given at once.
        """
        with self._lock:
            lock = self._file_locks.setdefault(file.name, threading.Lock())
        if not lock.acquire(blocking=False):
            seen = self._seen.get(file.name)
            if seen is not None:
                # Being read again (or numbered, with the store busy) by another request: the
                # version served a moment ago, rather than a thread held waiting for it.
                return seen.version
            lock.acquire()
        try:
            return self._current(file.name)
        finally:
            lock.release()

    def _current(self, name: str) -> Version:
        # The revision store may have taken a newer version of the file meanwhile (another
        # process serving or exporting it): read it again, then take it as it is.
        for attempt in range(3):
            try:
                return self._read_current(name, ordered=attempt < 2)
            except Outdated:
                continue
        raise AssertionError("unreachable: the last attempt is not ordered")  # pragma: no cover

    def _read_current(self, name: str, *, ordered: bool) -> Version:
        now_ns = time.time_ns()
        seen = self._seen.get(name)
        retry = self._retry.get(name)
        if retry is not None and seen is not None and now_ns < retry:
            return seen.version  # the store failed just now: do not make every request wait
        if seen is not None and retry is None:
            current = not _expired(seen.version, now_ns) and not _same_id(seen.version)
            if current and self._answered(self._looked.get(name, -1)):
                return seen.version
            looked = clock()
            if current and self._unchanged(name, seen):
                self._looked[name] = looked
                return seen.version
        try:
            fd, info = self._open(name)
        except _Refused as refused:
            return self._remember(name, None, now_ns, refused.problems, b"", 0, None)
        try:
            signature = _signature(info)
            if (
                seen is not None
                and retry is None
                and seen.signature == signature
                and seen.read_ns - info.st_mtime_ns > _SETTLE_NS
                and not _expired(seen.version, now_ns)
                and not _same_id(seen.version)  # the file holding the id may have gone
            ):
                return seen.version
            data = _read(fd)
        finally:
            os.close(fd)
        source = info.st_ctime_ns if ordered else None
        if len(data) > MAX_BYTES:
            problems = too_large(info.st_size, "plan").problems
            return self._remember(name, signature, now_ns, problems, b"", info.st_mtime_ns, source)
        return self._remember(name, signature, now_ns, (), data, info.st_mtime_ns, source)

    def _remember(
        self,
        name: str,
        signature: tuple[int, ...] | None,
        now_ns: int,
        problems: tuple[Problem, ...],
        data: bytes,
        mtime_ns: int,
        source: int | None,
    ) -> Version:
        digest = hashlib.blake2b(repr(problems).encode() + b"\0" + data, digest_size=16).hexdigest()
        seen = self._seen.get(name)
        if (
            seen is not None
            and seen.version.digest == digest
            and name not in self._retry
            and not _expired(seen.version, now_ns)
            and not _same_id(seen.version)
        ):
            version = seen.version
        else:
            try:
                version = self._load(name, digest, problems, data, mtime_ns, now_ns, source)
            except ExportError:
                # The revision store is locked, or cannot be made again: serve the last good
                # version if there is one, and try the store again shortly.
                self._retry[name] = time.time_ns() + _STORE_RETRY_NS
                if seen is not None and seen.version.plan is not None:
                    return seen.version
                busy = _problem("serve-store-unavailable")
                now = datetime.fromtimestamp(now_ns // 10**9, UTC)
                version = Version(digest, None, busy, now, since=now)
            else:
                self._retry.pop(name, None)
            if version.plan is None and seen is not None:
                # Broken now: keep serving the last version that loaded, since the first look.
                before = seen.version
                version.previous = _unexpired(before.served, now_ns, self.store.cancelled_for)
                version.since = before.since if before.plan is None else version.since
                if version.previous is not None:
                    version.expires = version.previous.expires  # looked at again then
        # A file that cannot be opened has no signature: one that matches none, so it is looked
        # at again on the next request while the last version that loaded is kept.
        self._seen[name] = _Seen(signature or (), now_ns, version)
        return version

    def _load(
        self,
        name: str,
        digest: str,
        problems: tuple[Problem, ...],
        data: bytes,
        mtime_ns: int,
        now_ns: int,
        source: int | None,
    ) -> Version:
        plan = None
        revisions: Revisions = Revisions({})
        if not problems:
            try:
                plan = loads_plan(
                    data, "json" if name.lower().endswith(".json") else "toml", folder=self.root
                )
            except PlanFileError as error:
                problems = error.problems
            else:
                owner = self._claim(plan.id, name)
                if owner is None:
                    revisions = self.store.revise(plan, source=source)
                else:
                    # Served too, it would share the other's UIDs and bump its SEQUENCEs.
                    params = {"value": plan.id, "first": owner, "second": name}
                    problems, plan = (Problem("", "serve-same-id", params),), None
        # A file dated in the future (a skewed clock, a copy) must not claim to be from then.
        seconds = min(mtime_ns, now_ns) // 1_000_000_000
        modified = max(
            [
                datetime.fromtimestamp(seconds, UTC),
                *(r.modified for r in revisions.values()),
                *(c.removed for c in revisions.cancelled),
            ]
        )
        cancelled_for = self.store.cancelled_for
        expires = min((c.removed + cancelled_for for c in revisions.cancelled), default=None)
        now = datetime.fromtimestamp(now_ns // 1_000_000_000, UTC)
        since = None if plan is not None else now
        return Version(digest, plan, problems, modified, revisions, expires=expires, since=since)

    def _claim(self, plan_id: str, name: str) -> str | None:
        """Claim ``plan_id`` for the file ``name``; the other file holding it, if one does.

        A claim lapses when its file is gone, no longer reads as a plan or has another id now.
        """
        with self._lock:
            for held, holder in list(self._claims.items()):
                if holder == name and held != plan_id:
                    del self._claims[held]  # this file's plan has a new id
            owner = self._claims.get(plan_id)
            if owner is not None and owner != name:
                seen = self._seen.get(owner)
                alive = os.path.lexists(self.root / owner) and (
                    seen is None
                    or (seen.version.plan is not None and seen.version.plan.id == plan_id)
                )
                if alive:
                    return owner
            self._claims[plan_id] = name
            return None

    def _unchanged(self, name: str, seen: _Seen) -> bool:
        """Whether a plain file is, by one look at it, the one last read (and has settled).

        A link, or anything the look cannot vouch for, goes the long way through :meth:`_open`.
        """
        try:
            info = os.stat(os.path.join(self._root_text, name), follow_symlinks=False)
        except OSError:
            return False
        return (
            stat.S_ISREG(info.st_mode)
            and seen.signature == _signature(info)
            and seen.read_ns - info.st_mtime_ns > _SETTLE_NS
        )

    def _open(self, name: str) -> tuple[int, os.stat_result]:
        target = Path(os.path.realpath(self.root / name))
        if target.parent != self.root:
            raise _Refused("link-outside-folder", value=name)
        try:
            root_fd = os.open(self.root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            try:
                fd = os.open(target.name, _OPEN_FLAGS, dir_fd=root_fd)
            finally:
                os.close(root_fd)
        except FileNotFoundError:
            raise _Refused("no-such-file", value=name) from None
        except OSError as error:
            raise _Refused("unreadable", value=name, reason=os_reason(error)) from None
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            raise _Refused("not-a-regular-file", value=name)
        return fd, info


def _answers(looked: int, arrived: int, again: bool) -> bool:
    """Whether a look begun at ``looked`` answers a request that arrived at ``arrived``."""
    return looked >= arrived or (again and looked >= 0 and arrived - looked <= SHARED_FOR_NS)


def _expired(version: Version, now_ns: int) -> bool:
    """Whether a cancelled item of the version is due to go: it must be revised again."""
    return version.expires is not None and version.expires.timestamp() * 1e9 <= now_ns


def _unexpired(version: Version | None, now_ns: int, cancelled_for: timedelta) -> Version | None:
    """The last version that loaded, as served now: without the cancellations whose time is up.

    A cancellation goes when the store next revises the plan; while the file does not load,
    nothing does, so the clock lets it go here, and the feeds' bytes (and ETag) change with it.
    """
    if version is None or not _expired(version, now_ns):
        return version
    revisions = version.revisions
    if not isinstance(revisions, Revisions):  # pragma: no cover - a loaded version has them
        return version
    now = datetime.fromtimestamp(now_ns // 1_000_000_000, UTC)
    kept = revisions.at(now, cancelled_for)
    gone = [c.removed + cancelled_for for c in revisions.cancelled if c not in kept.cancelled]
    expires = min((c.removed + cancelled_for for c in kept.cancelled), default=None)
    modified = max([version.modified, *gone]).replace(microsecond=0)
    return Version(version.digest, version.plan, version.problems, modified, kept, expires=expires)


def _sighting(
    data: bytes, suffix: str, plan: Plan, name: str, digest: str, mtime_ns: int
) -> Sighting | None:
    try:
        ledger = ledger_from_bytes(data, suffix, plan, name)
    except LedgerFileError:
        return None
    seconds = min(mtime_ns, time.time_ns()) // 1_000_000_000
    return Sighting(ledger, digest, datetime.fromtimestamp(seconds, UTC))


def _read(fd: int) -> bytes:
    """Up to one byte more than a plan may have, so a larger file is told apart."""
    chunks = []
    left = MAX_BYTES + 1
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
