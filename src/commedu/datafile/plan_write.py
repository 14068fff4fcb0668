"""Writing a :class:`~commedu.Plan` as a plan file: deterministic TOML or JSON that reads back equal.

The writer has no shape of its own: the plan becomes the file's shape (the reader's ``_PlanDoc``,
where an activity names its departments, station and place by id and keeps the words of its
*when*), and the reader's own converter unstructures it. So a key the reader learns is a key the
writer writes, and the two cannot drift. Keys keep the file's order and values that are the
default are left out, so a file diffs cleanly and a clerk sees only what the plan says.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any, overload

import tomli_w

from commedu._atomic import write_bytes
from commedu._typecheck import check_arguments
from commedu.datafile.names import renamed
from commedu.datafile.plan import (
    _CONVERTER,
    Format,
    _ActivityDoc,
    _PlanDoc,
    _ScheduleDoc,
    _WrittenWhen,
)
from commedu.model.plan import Plan
from commedu.model.when import qualified

__all__ = ["dump_plan", "dumps_plan", "plain"]


def _doc(plan: Plan) -> _PlanDoc:
    """The plan in the file's shape."""
    activities = tuple(
        _ActivityDoc(
            id=a.id,
            title=a.title,
            when=_WrittenWhen(
                a.when, a.when_text or (qualified(a.when) if plan.last_year else str(a.when))
            ),
            responsible=tuple(d.id for d in a.responsible),
            station=None if a.station is None else a.station.id,
            serves=a.serves,
            target_groups=a.target_groups,
            description=a.description,
            # one place as ``place``, as files always wrote it; several as ``places``
            place=a.places[0].id if len(a.places) == 1 else None,
            places=tuple(p.id for p in a.places) if len(a.places) > 1 else (),
        )
        for a in plan.schedule
    )
    return _PlanDoc(
        id=plan.id,
        year=plan.year,
        title=plan.title,
        township=plan.township,
        profile=plan.profile,
        document_number=plan.document_number,
        issuer=plan.issuer if len(plan.issuers) == 1 else None,
        issuers=plan.issuers if len(plan.issuers) > 1 else (),
        issued_on=plan.issued_on,
        published_on=plan.published_on,
        source=plan.source,
        preamble=plan.preamble,
        centre=plan.centre,
        guiding_principles=plan.guiding_principles,
        goals=plan.goals,
        commitments=plan.commitments,
        resources=plan.resources,
        departments=plan.departments,
        stations=plan.stations,
        places=plan.places,
        targets=plan.targets,
        tasks=plan.tasks,
        schedule=_ScheduleDoc(plan.schedule.title, activities),
        last_year=plan.last_year,
        school_holidays=plan.school_holidays,
        calendar=plan.calendar,
        period=plan.period,
        day_parts=plan.day_parts,
    )


def plain(plan: Plan) -> dict[str, Any]:
    """The plan as the plain data a plan file holds (dates stay dates, money is text)."""
    data: dict[str, Any] = _CONVERTER.unstructure(_doc(plan))
    return data


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} cannot be written to JSON")  # pragma: no cover


def dumps_plan(plan: Plan, format: Format = "toml") -> str:
    """The plan as TOML or JSON text that :func:`loads_plan` reads back to an equal plan.

    The same plan always gives the same text: keys in a fixed order, Chinese written as is.
    """
    check_arguments(dumps_plan, plan=plan, format=format)
    data = plain(plan)
    if format == "toml":
        return tomli_w.dumps(data)
    return json.dumps(data, ensure_ascii=False, indent=2, default=_jsonable) + "\n"


# The older call, deprecated: dump_plan(plan) or dump_plan(plan, "json") gave text.
@overload
def dump_plan(  # type: ignore[overload-overlap]
    plan: Plan, path: Format = ..., format: None = None, *, overwrite: bool = True
) -> str: ...
@overload
def dump_plan(
    plan: Plan,
    path: str | os.PathLike[str],
    format: Format | None = None,
    *,
    overwrite: bool = True,
) -> Path: ...
def dump_plan(
    plan: Plan,
    path: str | os.PathLike[str] | None = None,
    format: Format | None = None,
    *,
    overwrite: bool = True,
) -> Path | str:
    """Write the plan to the file ``path`` atomically, as :func:`dumps_plan` gives it.

    The file is JSON if ``format`` says so or its name ends in ``.json``, and TOML otherwise. With
    ``overwrite=False`` an existing file is kept and :class:`FileExistsError` raised. Returns the
    path written.

    ``dump_plan(plan)`` and ``dump_plan(plan, "json")``, which returned text, are deprecated: use
    :func:`dumps_plan`.
    """
    if path is None or (format is None and path in ("toml", "json")):
        renamed("dump_plan(plan, format)", "dumps_plan(plan, format)")
        return dumps_plan(plan, "json" if path == "json" else "toml")
    check_arguments(dump_plan, plan=plan, path=path, format=format, overwrite=overwrite)
    chosen: Format = format or ("json" if Path(path).suffix.lower() == ".json" else "toml")
    return write_bytes(path, dumps_plan(plan, chosen).encode("utf-8"), overwrite=overwrite)
