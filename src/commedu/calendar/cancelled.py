"""Items of removed activities, written as ``STATUS:CANCELLED`` until subscribers have seen them go.

A calendar client that subscribed to a feed, or imported a file once, keeps an item that simply
vanishes from the next version; it removes (or strikes through) one it is told was cancelled.
So the revision store keeps, for each removed activity, the item the export last wrote for it,
and every export that would have held the item writes it again, cancelled, with a higher
SEQUENCE, for as long as the store keeps cancellations (30 days unless it is told otherwise).

What is kept is the item's own properties (without DTSTAMP, SEQUENCE and LAST-MODIFIED) as
event and as to-do, in the plan's language, and which departments, station and place it was
for and which days it covered, so a department's, a station's or some months' calendar holds
exactly the cancellations of the items it held. The properties are kept as JSON with each
value's type beside it, so they are written back byte for byte as they were.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from commedu.calendar.items import (
    Alarm,
    ComponentKind,
    Organizer,
    Property,
    RRule,
    Uri,
    Value,
    properties,
)
from commedu.model.fieldcheck import define
from commedu.model.parts import Activity, Department, Station
from commedu.model.places import Place
from commedu.model.plan import Plan

__all__ = ["Cancelled", "cancelled_properties", "chosen", "item_record", "restored", "zones"]

#: What a cancelled item says beside its last content (RFC 5545 §3.8.1.11).
STATUS = ("STATUS", "CANCELLED")


@define
class Cancelled:
    """A removed activity's last item, as the store keeps it while it is written cancelled."""

    activity: str  #: the activity's id
    sequence: int  #: the SEQUENCE of the cancellation: one more than the last content's
    removed: datetime  #: when the removal was first seen, in UTC: its LAST-MODIFIED
    record: str  #: the item as :func:`item_record` wrote it (JSON)

    def _data(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.record)
        return data

    def held_by(
        self,
        departments: Sequence[Department],
        stations: Sequence[Station | Place],
        months: tuple[int, int] | None,
    ) -> bool:
        """Whether an export with these filters held the item (an empty filter keeps all)."""
        data = self._data()
        if departments and not {d.id for d in departments} & set(data["departments"]):
            return False
        wanted = {s.id for s in stations}  # stations and places are one filter
        places = data.get("places") or [data.get("place")]
        if stations and data["station"] not in wanted and wanted.isdisjoint(places):
            return False
        if months is None:
            return True
        first, last = date.fromisoformat(data["first"]), date.fromisoformat(data["last"])
        return any(months[0] <= m <= months[1] for _, m in _months_between(first, last))

    def properties(self, component: ComponentKind) -> list[Property]:
        """The item's last properties as ``component``, without DTSTAMP and SEQUENCE."""
        return [(name, _decode(value)) for name, value in self._data()[component]]


def _months_between(first: date, last: date) -> Iterable[tuple[int, int]]:
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def item_record(plan: Plan, activity: Activity) -> str:
    """What the store keeps of an activity's item, to write it cancelled once it is removed."""
    lang = plan.language
    span = activity.when.span
    data = {
        "departments": [d.id for d in activity.responsible],
        "station": activity.station.id if activity.station else None,
        # Their names, should the plan lose the department or station too.
        "names": {d.id: d.name for d in activity.responsible}
        | ({activity.station.id: activity.station.name} if activity.station else {}),
        "place": activity.place.id if activity.place is not None else None,
        # every place of an item held at several, so it is cancelled in each place's calendar
        **({"places": [p.id for p in activity.places]} if len(activity.places) > 1 else {}),
        "first": span.first.isoformat(),
        "last": span.last.isoformat(),
        "event": [[n, _encode(v)] for n, v in properties(plan, activity, "event", None, lang)],
        "todo": [[n, _encode(v)] for n, v in properties(plan, activity, "todo", None, lang)],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def restored(plan: Plan, cancelled: Iterable[Cancelled]) -> Plan:
    """The plan with the departments and stations its cancelled items were for put back.

    A department that went from the plan with its activities had a calendar subscribers may
    hold: with it put back (by id and name, nothing else), that calendar can still be written,
    holding its cancelled items, until they go. The plan itself is returned when none is gone.
    """
    departments = {d.id for d in plan.departments}
    stations = {s.id for s in plan.stations}
    lost_departments: dict[str, Department] = {}
    lost_stations: dict[str, Station] = {}
    for item in cancelled:
        data = item._data()
        names: dict[str, str] = data.get("names", {})
        for key in data["departments"]:
            if key not in departments and key in names:
                lost_departments.setdefault(key, Department(key, names[key]))
        key = data["station"]
        if key is not None and key not in stations and key in names:
            name = names[key]
            lost_stations.setdefault(key, Station(key, name, place=name, theme=name))
    if not lost_departments and not lost_stations:
        return plan
    return attrs.evolve(
        plan,
        departments=(*plan.departments, *lost_departments.values()),
        stations=(*plan.stations, *lost_stations.values()),
    )


def chosen(
    cancelled: Iterable[Cancelled],
    departments: Sequence[Department],
    stations: Sequence[Station | Place],
    months: tuple[int, int] | None,
) -> tuple[Cancelled, ...]:
    """The cancellations an export with these filters writes, by activity id."""
    return tuple(
        sorted(
            (c for c in cancelled if c.held_by(departments, stations, months)),
            key=lambda c: c.activity,
        )
    )


def cancelled_properties(
    item: Cancelled, component: ComponentKind, stamp: datetime
) -> list[Property]:
    """The cancelled item's properties: its last content, cancelled, with its revision."""
    return [
        *item.properties(component),
        ("DTSTAMP", stamp),
        ("SEQUENCE", item.sequence),
        ("LAST-MODIFIED", item.removed),
        STATUS,
    ]


def zones(items: Iterable[Cancelled]) -> list[ZoneInfo]:
    """The named zones the cancelled items' times are in: each needs a VTIMEZONE."""
    found: dict[str, ZoneInfo] = {}
    for item in items:
        for _, value in item.properties("event"):
            moments = value if isinstance(value, list) else [value]
            for moment in moments:
                if isinstance(moment, datetime) and isinstance(moment.tzinfo, ZoneInfo):
                    found.setdefault(moment.tzinfo.key, moment.tzinfo)
    return [found[key] for key in sorted(found)]


# -- a property value as JSON, its type beside it ----------------------------------------------


def _encode(value: Value) -> list[Any]:
    if isinstance(value, RRule):
        return ["rrule", value.text]
    if isinstance(value, str):
        return ["text", value]
    if isinstance(value, datetime):
        return ["datetime", *_moment(value)]
    if isinstance(value, date):
        return ["date", value.isoformat()]
    if isinstance(value, int):
        return ["integer", value]
    if isinstance(value, Uri):
        return ["uri", value.text]
    if isinstance(value, Organizer):
        return ["organizer", value.name, value.address]
    if isinstance(value, Alarm):
        seconds = value.ahead.total_seconds()
        return ["alarm", seconds, value.before_end, value.description]
    if all(isinstance(v, str) for v in value):
        return ["texts", list(value)]
    if all(isinstance(v, datetime) for v in value):
        return ["datetimes", [_moment(v) for v in value if isinstance(v, datetime)]]
    return ["dates", [v.isoformat() for v in value if isinstance(v, date)]]


def _moment(value: datetime) -> list[str]:
    """A time and its zone's key: "UTC", a named zone, or "" for floating time (the reader's)."""
    zone = value.tzinfo
    key = zone.key if isinstance(zone, ZoneInfo) else "" if zone is None else "UTC"
    return [value.replace(tzinfo=None).isoformat(), key]


def _decode(value: list[Any]) -> Value:
    kind, *rest = value
    if kind == "rrule":
        return RRule(rest[0])
    if kind == "text":
        return str(rest[0])
    if kind == "datetime":
        return _time(rest[0], rest[1])
    if kind == "date":
        return date.fromisoformat(rest[0])
    if kind == "integer":
        return int(rest[0])
    if kind == "texts":
        return [str(v) for v in rest[0]]
    if kind == "uri":
        return Uri(str(rest[0]))
    if kind == "organizer":
        return Organizer(str(rest[0]), str(rest[1]))
    if kind == "alarm":
        return Alarm(timedelta(seconds=rest[0]), bool(rest[1]), str(rest[2]))
    if kind == "dates":
        return [date.fromisoformat(v) for v in rest[0]]
    return [_time(text, key) for text, key in rest[0]]


def _time(text: str, key: str) -> datetime:
    zone = None if key == "" else UTC if key == "UTC" else ZoneInfo(key)
    return datetime.fromisoformat(text).replace(tzinfo=zone)
