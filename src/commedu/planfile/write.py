"""Writing a :class:`~commedu.Plan` as a plan file: deterministic TOML or JSON that reads back equal.

Keys keep the model's order and absent values are left out, so a file diffs cleanly and a clerk
sees only what the plan says.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

import tomli_w

from commedu._typecheck import check_arguments
from commedu.model.parts import Commitments, CountRange, Measure
from commedu.model.plan import Plan
from commedu.model.when import qualified
from commedu.planfile.read import Format

__all__ = ["dump_plan"]


def _absent(value: Any) -> bool:
    return value is None or value is False or (isinstance(value, str | list | dict) and not value)


def _table(pairs: Mapping[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    """Drop what is absent or the default (None, "", [], false) so files stay short.

    ``keep`` names required keys that are written even when empty.
    """
    return {k: v for k, v in pairs.items() if k in keep or not _absent(v)}


def _dump_count(value: CountRange | None) -> Any:
    if value is None:
        return None
    return value.low if value.low == value.high else {"low": value.low, "high": value.high}


def _dump_measure(measure: Measure) -> Any:
    return _table({"title": measure.title, "text": measure.text}) if measure.title else measure.text


def _commitments(c: Commitments) -> dict[str, Any]:
    table = _table(
        {
            "full_time_staff": c.full_time_staff,
            "staff": _dump_count(c.staff),
            "funding_per_resident": None
            if c.funding_per_resident is None
            else str(c.funding_per_resident),
            "funding_earmarked": c.funding_earmarked,
            "learning_brands": _dump_count(c.learning_brands),
        }
    )
    if c.funding_earmarked is False:  # said "not ring-fenced", which is not the same as silence
        table["funding_earmarked"] = False
    return table


def _plain(plan: Plan) -> dict[str, Any]:
    """The plan as the plain data a file holds, keys in the model's order."""
    t, r = plan.township, plan.resources
    return _table(
        {
            "id": plan.id,
            "year": plan.year,
            "title": plan.title,
            "profile": plan.profile,
            "document_number": plan.document_number,
            "issuer": plan.issuer,
            "issued_on": plan.issued_on,
            "published_on": plan.published_on,
            "preamble": plan.preamble,
            "guiding_principles": plan.guiding_principles,
            "goals": plan.goals,
            "township": _table(
                {
                    "name": t.name,
                    "district": t.district,
                    "city": t.city,
                    "province": t.province,
                    "resident_population": t.resident_population,
                    "kind": None if t.kind is None else t.kind.value,
                },
                keep=("district", "city"),
            ),
            "source": None
            if plan.source is None
            else _table(
                {
                    "title": plan.source.title,
                    "issuer": plan.source.issuer,
                    "issued_on": plan.source.issued_on,
                    "url": plan.source.url,
                }
            ),
            "centre": None if plan.centre is None else {"name": plan.centre.name},
            "commitments": _commitments(plan.commitments),
            "resources": _table(
                {
                    "full_time_staff": r.full_time_staff,
                    "part_time_staff": r.part_time_staff,
                    "budget": None if r.budget is None else str(r.budget),
                }
            ),
            "departments": [
                _table({"id": d.id, "name": d.name, "aliases": list(d.aliases)})
                for d in plan.departments
            ],
            "stations": [
                _table(
                    {
                        "id": s.id,
                        "name": s.name,
                        "place": s.place,
                        "theme": s.theme,
                        "focus": s.focus,
                        "resources": list(s.resources),
                        "description": s.description,
                    },
                    keep=("theme",),
                )
                for s in plan.stations
            ],
            "places": [
                _table(
                    {
                        "id": p.id,
                        "name": p.name,
                        "kind": p.kind.value,
                        "village": p.village,
                        "description": p.description,
                    }
                )
                for p in plan.places
            ],
            "targets": [
                _table(
                    {
                        "id": g.id,
                        "what": g.what,
                        "comparator": g.comparator.value,
                        "value": str(g.value),
                        "unit": g.unit,
                        "text": g.text,
                    }
                )
                for g in plan.targets
            ],
            "tasks": [
                _table(
                    {
                        "id": task.id,
                        "number": task.number,
                        "title": task.title,
                        "standing": task.standing,
                        "measures": [_dump_measure(m) for m in task.measures],
                        "mechanisms": [
                            _table(
                                {
                                    "id": m.id,
                                    "number": m.number,
                                    "title": m.title,
                                    "kind": m.kind.value,
                                    "standing": m.standing,
                                    "measures": [_dump_measure(x) for x in m.measures],
                                }
                            )
                            for m in task.mechanisms
                        ],
                    }
                )
                for task in plan.tasks
            ],
            "schedule": _table(
                {
                    "title": plan.schedule.title,
                    "activities": [
                        _table(
                            {
                                "id": a.id,
                                "title": a.title,
                                "when": a.when_text
                                or (qualified(a.when) if plan.last_year else str(a.when)),
                                "responsible": [d.id for d in a.responsible],
                                "station": None if a.station is None else a.station.id,
                                "serves": list(a.serves),
                                "target_groups": list(a.target_groups),
                                "description": a.description,
                                "place": None if a.place is None else a.place.id,
                            }
                        )
                        for a in plan.schedule
                    ],
                }
            ),
            "last_year": plan.last_year,
            "school_holidays": [
                {"name": h.name, "first": h.first, "last": h.last} for h in plan.school_holidays
            ],
        }
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} cannot be written to JSON")  # pragma: no cover


def dump_plan(plan: Plan, format: Format = "toml") -> str:
    """The plan as TOML or JSON text that :func:`loads_plan` reads back to an equal plan.

    The same plan always gives the same text: keys in a fixed order, Chinese written as is.
    """
    check_arguments(dump_plan, plan=plan, format=format)
    data = _plain(plan)
    if format == "toml":
        return tomli_w.dumps(data)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, default=_jsonable) + "\n"
    raise ValueError(f"format must be 'toml' or 'json', not {format!r}")
