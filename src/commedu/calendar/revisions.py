"""SEQUENCE and LAST-MODIFIED that stay true across plan revisions, kept in an SQLite file.

A client updates an item it already has only when the item's SEQUENCE is higher than before
(RFC 5545 §3.8.7.4), so a changed activity must be written with a higher number, and an
unchanged one must keep its number and its LAST-MODIFIED. The store remembers, per plan and
activity, a digest of what the export writes for the item (DTSTAMP aside: it changes on every
export) with the item's revision. A ``revise`` first reads without a lock (the file is in WAL
mode, so readers do not wait for a writer) and takes the write lock only when something
changed, then reads again and writes in one immediate transaction, so concurrent threads and
processes never lose an increment. It waits for another writer a bounded time (``wait``).

A store that is deleted under a running program is made again, and one damaged under it (no
longer a database) is set aside as ``NAME.damaged`` and made again; either way the store
remembers the revisions it last gave, so SEQUENCE never goes back while the program runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path

from commedu._typecheck import require
from commedu.calendar.contentlines import component
from commedu.calendar.items import properties
from commedu.errors import ExportError, Problem
from commedu.model.fieldcheck import define
from commedu.model.plan import Plan

__all__ = ["Revision", "RevisionStore", "digests"]

#: How long a revise waits for another writer before it gives up, in seconds.
_WAIT = 60.0
#: What SQLite says of a file that is no longer a database it can read.
_DAMAGED = frozenset({"SQLITE_NOTADB", "SQLITE_CORRUPT"})
#: An item's row: the digest of its content, its SEQUENCE and its LAST-MODIFIED as stored.
_Row = tuple[str, int, str]
_SCHEMA = """
CREATE TABLE IF NOT EXISTS revision (
    plan TEXT NOT NULL,
    activity TEXT NOT NULL,
    digest TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    modified TEXT NOT NULL,
    PRIMARY KEY (plan, activity)
) WITHOUT ROWID
"""


@define
class Revision:
    """An item's revision: how often its content changed, and when it last did."""

    sequence: int  #: RFC 5545 SEQUENCE: 0 for a new item, one more each time its content changes
    modified: datetime  #: RFC 5545 LAST-MODIFIED, in UTC


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
    """

    def __init__(self, path: str | os.PathLike[str], *, wait: float = _WAIT) -> None:
        require("RevisionStore", "path", path, str | os.PathLike[str])
        require("RevisionStore", "wait", wait, float | int)
        self.path = Path(path)
        #: seconds a revise waits for another process's write before it fails
        self.wait = float(wait)
        self._lock = threading.Lock()
        #: the rows last given per plan, to make the store again from when it is lost
        self._given: dict[str, dict[str, _Row]] = {}
        try:
            with _transaction(self.path, self.wait, immediate=True):
                pass
        except sqlite3.Error as error:
            raise _unusable(self.path, error) from None

    def revise(self, plan: Plan, *, now: datetime | None = None) -> Mapping[str, Revision]:
        """The revision of each of the plan's activities, recording those that changed.

        An activity not seen before starts at 0; one whose content differs from what the store
        last saw goes up by one and is modified ``now`` (default: the current time). Raises
        :class:`~commedu.errors.ExportError` when the store cannot be used, e.g. when another
        process holds its lock for longer than ``wait`` seconds.
        """
        moment = _moment(now)
        current = digests(plan)
        try:
            try:
                return self._revise(plan.id, current, moment)
            except sqlite3.DatabaseError as error:
                # Damaged under us (it was a database when opened): set it aside, start again.
                damaged = getattr(error, "sqlite_errorname", "") in _DAMAGED
                if not damaged or not self._set_aside():
                    raise
            return self._revise(plan.id, current, moment)
        except sqlite3.Error as error:
            raise _unusable(self.path, error) from None

    def _revise(
        self, plan: str, current: Mapping[str, str], moment: datetime
    ) -> dict[str, Revision]:
        # Most revisions change nothing: those never wait for the write lock.
        with _transaction(self.path, self.wait, immediate=False) as connection:
            revisions, changed = self._compare(plan, current, _rows(connection, plan), moment)
        if changed:
            with _transaction(self.path, self.wait, immediate=True) as connection:
                revisions, changed = self._compare(plan, current, _rows(connection, plan), moment)
                connection.executemany(
                    "INSERT INTO revision (plan, activity, digest, sequence, modified)"
                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (plan, activity) DO UPDATE SET"
                    " digest = excluded.digest, sequence = excluded.sequence,"
                    " modified = excluded.modified",
                    changed,
                )
        with self._lock:
            given = self._given.setdefault(plan, {})
            for activity, digest in current.items():
                revision = revisions[activity]
                given[activity] = (digest, revision.sequence, revision.modified.isoformat())
        return revisions

    def _compare(
        self,
        plan: str,
        current: Mapping[str, str],
        stored: Mapping[str, _Row],
        moment: datetime,
    ) -> tuple[dict[str, Revision], list[tuple[str, str, str, int, str]]]:
        """Each activity's revision, and the rows to write for those the store lacks or had older."""
        with self._lock:
            given = dict(self._given.get(plan, {}))
        revisions: dict[str, Revision] = {}
        changed = []
        for activity, digest in current.items():
            row = before = stored.get(activity)
            remembered = given.get(activity)
            # A store made again lost what it knew: what this program last gave still counts.
            if remembered is not None and (before is None or remembered[1] > before[1]):
                before = remembered
            if before is None:
                revision = Revision(0, moment)
            elif before[0] != digest:
                revision = Revision(before[1] + 1, moment)
            else:
                revision = Revision(before[1], _stored(before[2]))
            revisions[activity] = revision
            new = (digest, revision.sequence, revision.modified.isoformat())
            if new != row:
                changed.append((plan, activity, *new))
        return revisions, changed

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


def _rows(connection: sqlite3.Connection, plan: str) -> dict[str, _Row]:
    return {
        activity: (digest, sequence, modified)
        for activity, digest, sequence, modified in connection.execute(
            "SELECT activity, digest, sequence, modified FROM revision WHERE plan = ?", (plan,)
        )
    }


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
            connection.execute(_SCHEMA)
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
