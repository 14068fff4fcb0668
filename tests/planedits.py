"""Edits to a plan file on disk, as a clerk makes them, for tests that watch what subscribers get."""

from __future__ import annotations

import os
from pathlib import Path

_ACTIVITY = "[[schedule.activities]]"


def write(path: Path, text: str, *, atomic: bool = False) -> None:
    """Write ``text`` as an editor saving in place does (the file's identity is kept).

    ``atomic``: as an editor that writes a new file and renames it over the old one does, so a
    reader sees the old bytes or the new, never a file half-written.
    """
    target = path.with_name(f".{path.name}.saving") if atomic else path
    with target.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    if atomic:
        os.replace(target, path)


def without_activities(text: str, *ids: str) -> str:
    """A TOML plan file's text without the activities with these ids."""
    blocks = text.split(_ACTIVITY)
    kept = [b for b in blocks if not any(f'\nid = "{i}"\n' in b for i in ids)]
    assert len(kept) == len(blocks) - len(ids), "every id names one activity"
    return _ACTIVITY.join(kept)


def drop_activities(path: Path, *ids: str) -> None:
    """Delete the activities with these ids from a TOML plan file."""
    write(path, without_activities(path.read_text("utf-8"), *ids))


def replace(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in the file."""
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    write(path, text.replace(old, new))
