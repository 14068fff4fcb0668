"""What a valid plan file will certainly fail later: said while the clerk is still editing.

A plan file can be valid and still be unfinished: an activity nobody is responsible for fails
rule CE302 on every profile, and a placeholder left from the starter file (``待填写``,
``某某村``) is text no reader should see. ``commedu validate`` reports these as warnings and
still accepts the file, so a half-filled file can be validated after every edit.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from commedu.datafile.locate import locate
from commedu.datafile.plan import ReadPlan
from commedu.errors import Problem
from commedu.model.placeholders import PLACEHOLDERS, is_placeholder_id, plan_id

__all__ = ["hints"]


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")


def hints(read: ReadPlan) -> tuple[Problem, ...]:
    """Warnings for a plan file as read: each with its path, line and column.

    The file's data is the parse :func:`~commedu.datafile.plan.read_plan` already did, so the
    warnings cost no second reading of the file.
    """
    plan = read.plan
    found = [
        Problem(
            f"schedule.activities[{i}].responsible",
            "hint-no-responsible",
            {"title": activity.title, "rule": "CE302"},
        )
        for i, activity in enumerate(plan.schedule.activities)
        if not activity.responsible
    ]
    if is_placeholder_id(plan.id):
        suggested = plan_id(plan.township.name, plan.year)
        found.append(Problem("id", "hint-placeholder-id", {"value": plan.id, "id": suggested}))
    for path, value in _strings(read.data, ""):
        for placeholder in PLACEHOLDERS:
            if placeholder in value:
                found.append(
                    Problem(path, "hint-placeholder", {"value": value, "placeholder": placeholder})
                )
                break
    located = locate(found, read.text, read.format)
    return tuple(sorted(located, key=lambda p: (p.line or 0, p.column or 0)))
