"""One calendar per department, station or place, written into one folder with an index.

A station is one kind of place: a split by place writes one calendar for each of the plan's
places (schools, 市民学校, venues) and each of its stations.

File names keep the department's, station's or place's own Chinese name so a clerk recognises them, but
a name comes from a plan file and may hold anything: ``../``, slashes, NUL, control and bidi
characters, names Windows reserves (``CON``, ``COM1``) or that differ only in case. Each name
is cleaned into one plain file name inside the folder, and a clash after cleaning is resolved
with the stable id or, if that is not enough, reported rather than overwriting a calendar.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, Unpack

import attrs

from commedu._atomic import replace_folder
from commedu._typecheck import check_arguments, check_options
from commedu.calendar.cancelled import chosen as cancelled_in
from commedu.calendar.cancelled import restored
from commedu.calendar.ics import (
    ExportOptions,
    nothing_selected,
    resolve,
    resolve_places,
    select,
    to_ics,
)
from commedu.calendar.revisions import Revisions
from commedu.errors import ExportError, Problem
from commedu.model.parts import Department, Station
from commedu.model.places import Place
from commedu.model.plan import Plan

__all__ = ["INDEX", "SplitBy", "file_names", "write_split"]

SplitBy = Literal["department", "station", "place"]

#: The index written beside the calendars, listing them.
INDEX = "index.json"
_SUFFIX = ".ics"
#: Bytes of UTF-8 for a cleaned name: file systems allow 255 per name, leaving room for the rest.
MAX_NAME_BYTES = 120

# Characters no file name may hold somewhere: separators, Windows' forbidden set.
_FORBIDDEN = set('/\\:*?"<>|')
_WINDOWS_RESERVED = re.compile(
    r"(con|prn|aux|nul|conin\$|conout\$|(com|lpt)[0-9¹²³])(\..*)?", re.IGNORECASE
)


def clean_name(name: str) -> str:
    """``name`` as a single harmless file-name component; empty if nothing usable is left."""
    text = unicodedata.normalize("NFC", name)
    out = []
    for char in text:
        category = unicodedata.category(char)
        # C*: controls, format (bidi overrides that disguise an extension), surrogates,
        # private use, unassigned. Z*: every space or separator, including U+2028.
        if char in _FORBIDDEN or category[0] in "CZ":
            out.append("_")
        else:
            out.append(char)
    cleaned = re.sub(r"_+", "_", "".join(out))
    # Leading dots hide a file (and make "." or ".."); Windows drops trailing dots and spaces.
    cleaned = cleaned.strip("._-")
    encoded = cleaned.encode("utf-8")
    if len(encoded) > MAX_NAME_BYTES:
        cleaned = encoded[:MAX_NAME_BYTES].decode("utf-8", "ignore").rstrip("._-")
    return cleaned


def file_names(groups: Sequence[Department | Station | Place]) -> dict[str, str]:
    """A distinct, safe ``.ics`` file name for each group's id.

    The cleaned name is used alone where it is unique (ignoring case, as Windows and macOS do);
    where it is empty, reserved or shared, the group's id is added. A clash that remains is an
    error naming both groups, so no calendar silently overwrites another; so is an id two
    groups share (a place and a station may have one).
    """
    by_id: dict[str, Department | Station | Place] = {}
    for group in groups:
        if group.id in by_id:
            raise ExportError(
                [
                    Problem(
                        group.id,
                        "file-name-clash",
                        {"first": by_id[group.id].name, "second": group.name, "file": group.id},
                    )
                ]
            )
        by_id[group.id] = group
    stems = {g.id: clean_name(g.name) for g in groups}
    taken: dict[str, list[str]] = {}
    for group_id, stem in stems.items():
        taken.setdefault(stem.casefold(), []).append(group_id)
    for group_id, stem in stems.items():
        if not stem:
            stems[group_id] = group_id
        elif _WINDOWS_RESERVED.fullmatch(stem):
            # Windows reserves CON whatever follows the first dot: the id goes before it.
            head, dot, tail = stem.partition(".")
            stems[group_id] = f"{head}-{group_id}{dot}{tail}"
        elif len(taken[stem.casefold()]) > 1:
            stems[group_id] = f"{stem}-{group_id}"
    names: dict[str, str] = {}
    owner: dict[str, str] = {}
    for group_id, stem in stems.items():
        name = stem + _SUFFIX
        key = name.casefold()
        if key in owner or key == INDEX.casefold():
            first = by_id[owner[key]].name if key in owner else INDEX
            raise ExportError(
                [
                    Problem(
                        group_id,
                        "file-name-clash",
                        {"first": first, "second": by_id[group_id].name, "file": name},
                    )
                ]
            )
        owner[key] = group_id
        names[group_id] = name
    return names


def write_split(
    plan: Plan,
    folder: str | os.PathLike[str],
    by: SplitBy,
    **options: Unpack[ExportOptions],
) -> tuple[Path, ...]:
    """Write one calendar per department, station or place that has activities, then the index.

    Other filters in ``options`` still apply (a department filter with ``by="department"``
    limits which departments get a calendar; a station or place filter with ``by="place"``,
    which places do). Returns the paths written, index last.

    With ``revisions`` from a :class:`~commedu.calendar.revisions.RevisionStore`, removed
    activities are written cancelled in every calendar that held them, and a department or
    station whose last activity was removed keeps its calendar, holding only cancelled items,
    until the store lets them go; only then is its file left out.

    The folder is written as one set: the calendars and the index appear together, replacing a
    previous split's (whose calendars no longer listed go with it), so a subscriber never sees
    two exports mixed. A folder that holds anything else is refused, never emptied.
    """
    check_arguments(write_split, plan=plan, folder=folder, by=by)
    check_options(write_split, options, ExportOptions)
    target = Path(folder)
    revisions = options.get("revisions")
    removed = revisions.cancelled if isinstance(revisions, Revisions) else ()
    # A department that went with its activities keeps its file while they are cancelled.
    plan = restored(plan, removed)
    departments, stations, months = resolve(plan, options)
    places = resolve_places(plan, options)
    groups: Sequence[Department | Station | Place]
    if by == "department":
        groups = departments or plan.departments
    elif by == "station":
        groups = stations or plan.stations
    else:
        groups = (*stations, *places) or (*plan.places, *plan.stations)
    names = file_names(groups)
    files: dict[str, bytes] = {}
    index = []
    for group in groups:
        group_options: ExportOptions
        if isinstance(group, Department):
            chosen = select(
                plan, departments=[group], stations=stations, places=places, months=months
            )
            group_options = {**options, "departments": [group.id]}
        else:
            # Stations and places are one filter: this group alone, not the others asked for.
            chosen = select(plan, departments=departments, places=[group], months=months)
            group_options = {**options, "stations": (), "places": [group.id]}
        # A group whose last items were removed keeps its file, with them cancelled, for as
        # long as the revision store keeps cancellations: a subscriber holding it sees them go.
        group_departments = [group] if isinstance(group, Department) else departments
        group_places = (*stations, *places) if isinstance(group, Department) else (group,)
        cancelled = cancelled_in(removed, group_departments, group_places, months)
        if not chosen and not cancelled:
            continue  # nothing of this group's is selected: no calendar for it
        files[names[group.id]] = to_ics(plan, **group_options)
        entry: dict[str, str | int] = {
            "file": names[group.id],
            "id": group.id,
            "name": group.name,
            "activities": len(chosen),
        }
        if cancelled:
            entry["cancelled"] = len(cancelled)
        index.append(entry)
    if not index:
        problem = nothing_selected(plan, departments, (*stations, *places), months)
        selection = f"--split-by {by}"
        if problem.params["selection"] != "-":
            selection += f", {problem.params['selection']}"
        raise ExportError(
            [attrs.evolve(problem, params={**problem.params, "selection": selection})]
        )
    listing = {"plan": plan.id, "title": plan.title, "by": by, "calendars": index}
    text = json.dumps(listing, ensure_ascii=False, indent=2) + "\n"
    files[INDEX] = text.encode("utf-8")
    try:
        return replace_folder(target, files, replaceable=_previous_split)
    except FileExistsError:
        raise ExportError([Problem("", "split-folder-taken", {"folder": str(target)})]) from None


def _previous_split(folder: Path) -> bool:
    """Whether ``folder`` is empty or holds only what a split writes: calendars and the index."""
    return all(
        entry.name == INDEX or (entry.name.endswith(_SUFFIX) and entry.is_file())
        for entry in folder.iterdir()
    )
