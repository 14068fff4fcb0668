"""Edits to a plan file on disk, as a clerk makes them, for tests that watch what subscribers get."""

from __future__ import annotations

import os
from pathlib import Path

_ACTIVITY = "[[schedule.activities]]"


def write(path: Path, text: str) -> None:
    """Write ``text`` as an editor saving in place does (the file's identity is kept)."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def drop_activities(path: Path, *ids: str) -> None:
    """Delete the activities with these ids from a TOML plan file."""
    blocks = path.read_text("utf-8").split(_ACTIVITY)
    kept = [b for b in blocks if not any(f'\nid = "{i}"\n' in b for i in ids)]
    assert len(kept) == len(blocks) - len(ids), "every id names one activity"
    write(path, _ACTIVITY.join(kept))


def replace(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in the file."""
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    write(path, text.replace(old, new))
