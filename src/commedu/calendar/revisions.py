"""SEQUENCE and LAST-MODIFIED that stay true across plan revisions, kept in an SQLite file.

A client updates an item it already has only when the item's SEQUENCE is higher than before
(RFC 5545 §3.8.7.4), so a changed activity must be written with a higher number, and an
unchanged one must keep its number and its LAST-MODIFIED. The store remembers, per plan and
activity, a digest of what the export writes for the item (DTSTAMP aside: it changes on every
export) with the item's revision. Every ``revise`` reads and writes in one immediate
transaction, so concurrent threads and processes never lose an increment; the file is in WAL
mode so readers do not wait for a writer.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
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

    def __init__(self, path: str | os.PathLike[str]) -> None:
        require("RevisionStore", "path", path, str | os.PathLike[str])
        self.path = Path(path)
        with _transaction(self.path) as connection:
            connection.execute(_SCHEMA)

    def revise(self, plan: Plan, *, now: datetime | None = None) -> Mapping[str, Revision]:
        """The revision of each of the plan's activities, recording those that changed.

        An activity not seen before starts at 0; one whose content differs from what the store
        last saw goes up by one and is modified ``now`` (default: the current time).
        """
        moment = _moment(now)
        current = digests(plan)
        revisions: dict[str, Revision] = {}
        changed = []
        with _transaction(self.path) as connection:
            known = {
                activity: (digest, sequence, modified)
                for activity, digest, sequence, modified in connection.execute(
                    "SELECT activity, digest, sequence, modified FROM revision WHERE plan = ?",
                    (plan.id,),
                )
            }
            for activity, digest in current.items():
                before = known.get(activity)
                if before is None:
                    revision = Revision(0, moment)
                elif before[0] != digest:
                    revision = Revision(before[1] + 1, moment)
                else:
                    revisions[activity] = Revision(before[1], _stored(before[2]))
                    continue
                revisions[activity] = revision
                changed.append(
                    (plan.id, activity, digest, revision.sequence, revision.modified.isoformat())
                )
            connection.executemany(
                "INSERT INTO revision (plan, activity, digest, sequence, modified)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (plan, activity) DO UPDATE SET"
                " digest = excluded.digest, sequence = excluded.sequence,"
                " modified = excluded.modified",
                changed,
            )
        return revisions


@contextlib.contextmanager
def _transaction(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection of its own in an immediate transaction: committed on success, else undone.

    Each use opens its own connection, as SQLite connections are not to be shared by threads.
    A file that is not a database, or cannot be opened or written, is an ``ExportError``.
    """
    try:
        connection = sqlite3.connect(path, timeout=_WAIT, isolation_level=None)
    except sqlite3.Error as error:
        raise _unusable(path, error) from None
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    except sqlite3.Error as error:
        raise _unusable(path, error) from None
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
