"""SEQUENCE and LAST-MODIFIED that stay true across plan revisions, kept in an SQLite file.

A client updates an item it already has only when the item's SEQUENCE is higher than before
(RFC 5545 §3.8.7.4), so a changed activity must be written with a higher number, and an
unchanged one must keep its number and its LAST-MODIFIED. The store remembers, per plan and
activity, a digest of what the export writes for the item (DTSTAMP aside: it changes on every
export) with the item's revision. A ``revise`` first reads without a lock (the file is in WAL
mode, so readers do not wait for a writer) and takes the write lock only when something
changed, then reads again and writes in one immediate transaction, so concurrent threads and
processes never lose an increment. It waits for another writer a bounded time (``wait``).

Versions of a plan's file are ordered by their change time (``source``): a process that read
the file just before an edit and revises after another process took the edit is told so
(:class:`Outdated`) and reads again, so old content never gets a higher SEQUENCE than new.

A removed activity's item is kept and written cancelled, with its SEQUENCE one up, for a stated
time (:mod:`commedu.calendar.cancelled`); an activity that comes back goes up by one again.

A store that is deleted under a running program is made again, and one damaged under it (no
longer a database) is set aside as ``NAME.damaged`` and made again; either way the store
remembers the revisions it last gave, so SEQUENCE never goes back while the program runs. It
is told the removals the program knows too (the cancellations it last gave, and the activities
of the version it last revised that the plan no longer has), so a removed activity still reaches
subscribers as cancelled instead of vanishing from their calendars.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from commedu._typecheck import require
from commedu.calendar.cancelled import Cancelled, item_record
from commedu.calendar.contentlines import component
from commedu.calendar.items import properties
from commedu.errors import ExportError, Problem
from commedu.model.fieldcheck import define
from commedu.model.plan import Plan

__all__ = ["CANCELLED_FOR", "Outdated", "Revision", "RevisionStore", "Revisions", "digests"]

#: How long a revise waits for another writer before it gives up, in seconds.
_WAIT = 60.0
#: How long a removed activity stays in calendars as cancelled, unless the store is told otherwise.
CANCELLED_FOR = timedelta(days=30)
#: What SQLite says of a file that is no longer a database it can read.
_DAMAGED = frozenset({"SQLITE_NOTADB", "SQLITE_CORRUPT"})
#: An item's row: its content's digest, SEQUENCE, LAST-MODIFIED and removal as stored, and
#: whether the store holds its item to write it cancelled.
_Row = tuple[str, int, str, str | None, bool]
#: A row to write: plan, activity, digest, sequence, modified, removed, item.
_Write = tuple[str, str, str, int, str, str | None, bytes | None]
#: The store's layout. Version 1 had the first five columns of ``revision`` only; version 2
#: keeps removed items (``removed``, ``item``) and the newest plan file each plan was read from.
_VERSION = 2
_SCHEMA = (
    """
CREATE TABLE IF NOT EXISTS revision (
    plan TEXT NOT NULL,
    activity TEXT NOT NULL,
    digest TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    modified TEXT NOT NULL,
    removed TEXT,
    item TEXT,
    PRIMARY KEY (plan, activity)
) WITHOUT ROWID
""",
    """
CREATE TABLE IF NOT EXISTS source (
    plan TEXT NOT NULL PRIMARY KEY,
    source INTEGER NOT NULL
) WITHOUT ROWID
""",
)


@define
class Revision:
    """An item's revision: how often its content changed, and when it last did."""

    sequence: int  #: RFC 5545 SEQUENCE: 0 for a new item, one more each time its content changes
    modified: datetime  #: RFC 5545 LAST-MODIFIED, in UTC


class Revisions(Mapping[str, Revision]):
    """Each present activity's :class:`Revision` by id, and the removed ones still cancelled.

    An export given these writes the cancelled items too (as ``STATUS:CANCELLED``), in every
    calendar that held them, and may be empty: a feed whose last item went is still a feed.
    """

    def __init__(
        self, revisions: Mapping[str, Revision], cancelled: Sequence[Cancelled] = ()
    ) -> None:
        self._revisions = dict(revisions)
        #: removed activities' last items, written cancelled until the store lets them go
        self.cancelled = tuple(cancelled)

    def __getitem__(self, key: str) -> Revision:
        return self._revisions[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._revisions)

    def __len__(self) -> int:
        return len(self._revisions)

    def __repr__(self) -> str:
        return f"<Revisions of {len(self)} items, {len(self.cancelled)} cancelled>"

    def at(self, moment: datetime, cancelled_for: timedelta) -> Revisions:
        """These revisions at ``moment``: without the cancellations ``cancelled_for`` has run out on.

        The store lets a cancellation go when it next revises the plan; a plan whose file does
        not load is revised by nobody, so its last revisions are judged by the clock instead.
        """
        kept = [c for c in self.cancelled if moment < c.removed + cancelled_for]
        if len(kept) == len(self.cancelled):
            return self
        return Revisions(self._revisions, kept)


class Outdated(Exception):
    """The store has seen a newer version of the plan's file than the one being revised."""


def digests(plan: Plan) -> dict[str, str]:
    """A digest of each activity's exported item, keyed by activity id.

    The item is taken as an event in the plan's language: to-dos and the other language say
    the same things, so a change shows in this form whenever it shows in any.
    """
    lang = plan.language
    return {
        a.id: hashlib.sha256(
            component("VEVENT", properties(plan, a, "event", None, lang))
        ).hexdigest()
        for a in plan.activities
    }


class RevisionStore:
    """Revisions of the items of any number of plans, in the SQLite file at ``path``.

    One store object may be shared by threads; any number of processes may open the same file.
    A removed activity is written cancelled for ``cancelled_for`` (default
    :data:`CANCELLED_FOR`, 30 days) after its removal is first seen, then forgotten.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        wait: float = _WAIT,
        cancelled_for: timedelta = CANCELLED_FOR,
    ) -> None:
        require("RevisionStore", "path", path, str | os.PathLike[str])
        require("RevisionStore", "wait", wait, float | int)
        require("RevisionStore", "cancelled_for", cancelled_for, timedelta)
        self.path = Path(path)
        #: seconds a revise waits for another process's write before it fails
        self.wait = float(wait)
        #: how long a removed activity is written cancelled
        self.cancelled_for = max(cancelled_for, timedelta(0))
        self._lock = threading.Lock()
        #: the rows last given per plan, to make the store again from when it is lost
        self._given: dict[str, dict[str, tuple[str, int, str]]] = {}
        #: per plan, the last version revised and the cancellations last given: what a store
        #: made again is told, so a removal still reaches subscribers
        self._last: dict[str, tuple[Plan, tuple[Cancelled, ...]]] = {}
        try:
            with _transaction(self.path, self.wait, immediate=True):
                pass
        except sqlite3.Error as error:
            raise _unusable(self.path, error) from None

    def revise(
        self, plan: Plan, *, now: datetime | None = None, source: int | None = None
    ) -> Revisions:
        """The revision of each of the plan's activities, recording those that changed.

        An activity not seen before starts at 0; one whose content differs from what the store
        last saw goes up by one and is modified ``now`` (default: the current time). One the
        store saw before and the plan no longer has goes up by one too and is cancelled from
        ``now`` until ``cancelled_for`` has passed.

        ``source`` orders versions of the plan's file (its change time in nanoseconds): a
        change from a version older than one the store already took raises :class:`Outdated`,
        as the file changed since it was read; read it again. Raises
        :class:`~commedu.errors.ExportError` when the store cannot be used, e.g. when another
        process holds its lock for longer than ``wait`` seconds.
        """
        moment = _moment(now)
        current = digests(plan)
        by_id = {a.id: a for a in plan.activities}

        def record(activity: str) -> str:
            return item_record(plan, by_id[activity])

        try:
            try:
                return self._revise(plan, current, moment, record, source)
            except sqlite3.DatabaseError as error:
                # Damaged under us (it was a database when opened): set it aside, start again.
                damaged = getattr(error, "sqlite_errorname", "") in _DAMAGED
                if not damaged or not self._set_aside():
                    raise
            return self._revise(plan, current, moment, record, source)
        except sqlite3.Error as error:
            raise _unusable(self.path, error) from None

    def _revise(
        self,
        version: Plan,
        current: Mapping[str, str],
        moment: datetime,
        record: Callable[[str], str],
        source: int | None,
    ) -> Revisions:
        plan = version.id
        # Most revisions change nothing: those never wait for the write lock.
        with _transaction(self.path, self.wait, immediate=False) as connection:
            # Whether to write at all: the items to keep are made only for the write.
            rows = _rows(connection, plan, current)
            stored = self._recalled(plan, current, rows)
            found = self._compare(plan, current, stored, moment, None, stored is not rows)
        if found.writes or found.gone:
            with _transaction(self.path, self.wait, immediate=True) as connection:
                rows = _rows(connection, plan, current)
                stored = self._recalled(plan, current, rows)
                found = self._compare(plan, current, stored, moment, record, stored is not rows)
                newest = _source(connection, plan)
                if found.changed and source is not None and newest is not None and source < newest:
                    raise Outdated(plan)
                connection.executemany(
                    "INSERT INTO revision"
                    " (plan, activity, digest, sequence, modified, removed, item)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan, activity) DO UPDATE SET"
                    " digest = excluded.digest, sequence = excluded.sequence,"
                    " modified = excluded.modified, removed = excluded.removed,"
                    " item = excluded.item",
                    found.writes,
                )
                connection.executemany(
                    "DELETE FROM revision WHERE plan = ? AND activity = ?",
                    [(plan, activity) for activity in found.gone],
                )
                if source is not None and (newest is None or source > newest):
                    connection.execute(
                        "INSERT INTO source (plan, source) VALUES (?, ?) ON CONFLICT (plan)"
                        " DO UPDATE SET source = excluded.source",
                        (plan, source),
                    )
        with self._lock:
            given = self._given.setdefault(plan, {})
            for activity, digest in current.items():
                revision = found.revisions[activity]
                given[activity] = (digest, revision.sequence, revision.modified.isoformat())
            self._last[plan] = (version, tuple(found.cancelled))
        return Revisions(found.revisions, found.cancelled)

    def _recalled(
        self,
        plan: str,
        current: Mapping[str, str],
        stored: dict[str, tuple[_Row, bytes | None]],
    ) -> dict[str, tuple[_Row, bytes | None]]:
        """The stored rows, or, from a store that knows nothing of the plan, what this program does.

        A store deleted or damaged under a running program is made again empty: the removals it
        knew would be lost, and a removed activity would simply vanish from the feeds. So the
        activities of the version last revised that the plan no longer has are recalled as
        present (to be cancelled now, one up), and the cancellations last given as they were;
        :meth:`_compare` writes both back.
        """
        if stored:
            return stored
        with self._lock:
            last = self._last.get(plan)
            given = dict(self._given.get(plan, {}))
        if last is None:
            return stored
        version, cancelled = last
        recalled: dict[str, tuple[_Row, bytes | None]] = {}
        for item in cancelled:
            # One the plan has again is recalled too: it comes back one up from its cancellation.
            removed = item.removed.isoformat()
            digest = given.get(item.activity, ("",))[0]
            kept: _Row = (digest, item.sequence, removed, removed, True)
            recalled[item.activity] = (kept, _pack(item.record))
        for activity in version.activities:
            remembered = given.get(activity.id)
            if activity.id in current or activity.id in recalled or remembered is None:
                continue
            present: _Row = (*remembered, None, True)
            recalled[activity.id] = (present, _pack(item_record(version, activity)))
        return recalled

    def _compare(
        self,
        plan: str,
        current: Mapping[str, str],
        stored: Mapping[str, tuple[_Row, bytes | None]],
        moment: datetime,
        record: Callable[[str], str] | None,
        recalled: bool = False,
    ) -> _Found:
        """Each activity's revision, the cancelled ones, and what to write and delete.

        ``recalled``: the rows are what this program recalls for a store made again, so the
        cancellations among them are written back.
        """
        with self._lock:
            given = dict(self._given.get(plan, {}))
        found = _Found()
        for activity, digest in current.items():
            row, _ = stored.get(activity, (None, b""))
            before = row
            remembered = given.get(activity)
            # A store made again lost what it knew: what this program last gave still counts.
            if remembered is not None and (before is None or remembered[1] > before[1]):
                before = (*remembered, None, False)
            if before is None:
                revision = Revision(0, moment)
            elif before[3] is not None or before[0] != digest:
                # Changed, or back after a removal: either way the client must take it again.
                revision = Revision(before[1] + 1, moment)
            else:
                revision = Revision(before[1], _stored(before[2]))
            found.revisions[activity] = revision
            new = (digest, revision.sequence, revision.modified.isoformat(), None, True)
            if new != row:
                found.changed = found.changed or row is None or row[:4] != new[:4]
                item = None if record is None else _pack(record(activity))
                found.writes.append((plan, activity, *new[:4], item))
        for activity, (row, item) in stored.items():
            if activity in current:
                continue
            digest, sequence, _, removed, _ = row
            if removed is None:
                # Removed since the store last saw the plan: cancelled from now, one up.
                found.changed = True
                sequence, removed = sequence + 1, moment.isoformat()
                found.writes.append((plan, activity, digest, sequence, removed, removed, item))
            elif _stored(removed) + self.cancelled_for <= moment:
                found.gone.append(activity)  # subscribers have had time to see it go
                continue
            elif recalled:
                # Recalled for a store made again: written back as it was.
                found.writes.append((plan, activity, digest, sequence, removed, removed, item))
            if item is not None:
                found.cancelled.append(
                    Cancelled(activity, sequence, _stored(removed), _unpack(item))
                )
        return found

    def _set_aside(self) -> bool:
        """Move a damaged store (and its log) out of the way; whether it could be."""
        try:
            os.replace(self.path, self.path.with_name(self.path.name + ".damaged"))
        except OSError:
            return False
        log = self.path.with_name(self.path.name + "-wal")
        with contextlib.suppress(OSError):
            os.replace(log, log.with_name(self.path.name + ".damaged-wal"))
        return True


class _Found:
    """What comparing a plan with the store found."""

    def __init__(self) -> None:
        self.revisions: dict[str, Revision] = {}
        self.cancelled: list[Cancelled] = []
        self.writes: list[_Write] = []
        self.gone: list[str] = []
        #: whether an item's content, presence or SEQUENCE changes (not only a kept item)
        self.changed = False


def _rows(
    connection: sqlite3.Connection, plan: str, current: Mapping[str, str]
) -> dict[str, tuple[_Row, bytes | None]]:
    """Each stored activity's row, with the item kept for those the plan no longer has.

    The kept items of present activities are not read: they are the bulk of the store, and
    only a removal needs one.
    """
    rows: dict[str, tuple[_Row, bytes | None]] = {
        activity: ((digest, sequence, modified, removed, bool(kept)), b"")
        for activity, digest, sequence, modified, removed, kept in connection.execute(
            "SELECT activity, digest, sequence, modified, removed, item IS NOT NULL"
            " FROM revision WHERE plan = ?",
            (plan,),
        )
    }
    absent = [activity for activity in rows if activity not in current]
    for start in range(0, len(absent), 500):  # SQLite binds at most a few hundred at once
        chunk = absent[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for activity, item in connection.execute(
            f"SELECT activity, item FROM revision WHERE plan = ? AND activity IN ({marks})",
            (plan, *chunk),
        ):
            rows[activity] = (rows[activity][0], item)
    return rows


def _pack(record: str) -> bytes:
    """A kept item as stored: compressed, as its text repeats itself (a fifth of the size)."""
    return zlib.compress(record.encode("utf-8"))


def _unpack(item: bytes | str) -> str:
    try:
        return zlib.decompress(item).decode("utf-8") if isinstance(item, bytes) else item
    except (zlib.error, UnicodeDecodeError):
        raise sqlite3.DatabaseError("damaged kept item") from None


def _source(connection: sqlite3.Connection, plan: str) -> int | None:
    row = connection.execute("SELECT source FROM source WHERE plan = ?", (plan,)).fetchone()
    return None if row is None else int(row[0])


def _migrate(connection: sqlite3.Connection) -> None:
    """Bring a store an earlier version wrote up to this one's layout, keeping its rows.

    Columns are only ever added, so an earlier version still reads and writes the store.
    """
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version >= _VERSION:
        return
    columns = {row[1] for row in connection.execute("PRAGMA table_info(revision)")}
    for name in ("removed", "item"):
        if name not in columns:
            connection.execute(f"ALTER TABLE revision ADD COLUMN {name} TEXT")
    connection.execute(f"PRAGMA user_version = {_VERSION}")


@contextlib.contextmanager
def _transaction(path: Path, wait: float, *, immediate: bool) -> Iterator[sqlite3.Connection]:
    """A connection of its own in a transaction: committed on success, else undone.

    Each use opens its own connection, as SQLite connections are not to be shared by threads.
    The table is made if it is missing (a new file, or one deleted since), so a store that
    was removed is simply made again. SQLite's errors are the caller's to report.
    """
    connection = sqlite3.connect(path, timeout=wait, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
        try:
            for statement in _SCHEMA:
                connection.execute(statement)
            _migrate(connection)
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    finally:
        connection.close()


def _unusable(path: Path, error: sqlite3.Error) -> ExportError:
    return ExportError(
        [Problem("", "bad-revision-store", {"file": str(path), "reason": str(error)})]
    )


def _stored(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except (TypeError, ValueError):
        # Reported as the store's fault, like any other damage SQLite itself finds.
        raise sqlite3.DatabaseError(f"damaged modification time {text!r}") from None


def _moment(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC).replace(microsecond=0)
    if now.tzinfo is None or now.utcoffset() is None:
        raise ExportError([Problem("now", "naive-stamp", {"value": now.isoformat()})])
    return now.astimezone(UTC).replace(microsecond=0)
