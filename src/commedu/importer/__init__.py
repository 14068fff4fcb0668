"""Import a plan from the document a township already has: a Word file or its text.

The document is read as blocks (:mod:`.document`); the 配档表 is found among its tables
(:mod:`.schedule`) and the numbered outline among its paragraphs (:mod:`.outline`); the draft
plan file is written from both (:mod:`.draft`). Every guess is a :class:`Note` with where it came
from, shown to the clerk and kept in the draft as a ``# 请核对`` comment.
"""

from __future__ import annotations

import os
from pathlib import Path

from commedu._typecheck import check_arguments
from commedu.importer.document import (
    Document,
    DocumentError,
    Paragraph,
    Where,
    read_document,
    read_document_bytes,
)
from commedu.importer.draft import CHECK, write_draft
from commedu.importer.frame import propose_places, propose_targets
from commedu.importer.notes import Note
from commedu.importer.outline import read_outline
from commedu.importer.schedule import find_schedule
from commedu.model.fieldcheck import define

__all__ = [
    "CHECK",
    "DocumentError",
    "Draft",
    "Note",
    "Where",
    "draft_from_bytes",
    "draft_from_document",
    "import_document",
]


@define
class Draft:
    """A draft plan file's text, and everything in it the clerk should check."""

    text: str
    notes: tuple[Note, ...]
    activities: int  #: 配档表 items read


def draft_from_document(document: Document, source: str) -> Draft:
    paragraphs = [b for b in document.blocks if isinstance(b, Paragraph)]
    # The year is needed to check *when* text, and only the outline finds it: read that first
    # from every paragraph, then again without what the schedule took (its title).
    year = read_outline(paragraphs).year
    schedule = find_schedule(document.blocks, year)
    outline = read_outline(p for p in paragraphs if p.where not in schedule.used)
    # A file name may hold bytes that are not UTF-8; the draft names it with a visible escape.
    shown = source.encode("utf-8", "backslashreplace").decode("utf-8")
    # Targets and places are proposed from the outline's text: not the schedule's, nor the frame's.
    kept = [p for p in paragraphs if p.where not in schedule.used]
    text, own = write_draft(
        outline,
        schedule,
        [*outline.unplaced, *schedule.leftovers],
        shown,
        places=propose_places(kept),
        targets=propose_targets(kept),
    )
    activity_notes = [n for a in schedule.activities for n in a.notes]
    notes = (*own, *outline.notes, *schedule.notes, *activity_notes)
    return Draft(text, notes, len(schedule.activities))


def draft_from_bytes(data: bytes, source: str = "") -> Draft:
    """The draft of a document given as bytes (a .docx or text); raises :class:`DocumentError`."""
    return draft_from_document(read_document_bytes(data, source), Path(source).name or "-")


def import_document(path: str | os.PathLike[str]) -> Draft:
    """The draft of the document at ``path``; raises :class:`DocumentError` if it is unreadable."""
    check_arguments(import_document, path=path)
    return draft_from_document(read_document(path), Path(path).name)
