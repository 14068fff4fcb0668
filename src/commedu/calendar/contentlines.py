"""Calendar items written as RFC 5545 content lines directly, byte for byte as icalendar would.

Serialising through icalendar objects costs most of an export: a property object, a parameter
dictionary and a per-character fold loop for every line. The properties commedu writes are few
and plain, so they are written here from :mod:`commedu.calendar.items` values; whatever is rare
or intricate (a rule, a zone's TZID parameter) is still formatted by icalendar once and reused.
A property test holds these bytes equal to icalendar's ``to_ical`` on random plans.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta, tzinfo

from icalendar import Event, Todo, vDDDTypes, vRecur

from commedu.calendar.items import Alarm, Organizer, Property, RRule, Uri, Value

__all__ = ["component"]

#: icalendar writes a component's properties in its canonical order, then alphabetically.
_ORDER: dict[str, dict[str, int]] = {
    kind.name: {str(name): i for i, name in enumerate(kind.canonical_order or ())}
    for kind in (Event, Todo)
}
_LIMIT = 74  # octets of content before a fold: icalendar folds before reaching 75
_FOLD = b"\r\n "


def component(name: str, found: Iterable[Property]) -> bytes:
    """``BEGIN:name`` … ``END:name`` with CRLF line ends, as icalendar's ``to_ical`` writes it."""
    order = _ORDER[name]
    found = list(found)
    alarms = [value for _, value in found if isinstance(value, Alarm)]
    ranked = sorted(
        (p for p in found if not isinstance(p[1], Alarm)),
        key=lambda p: (0, order[p[0]], "") if p[0] in order else (1, 0, p[0]),
    )
    lines = [f"BEGIN:{name}\r\n".encode()]
    lines += [_fold(f"{key}{_value(value)}".encode()) for key, value in ranked]
    # Components inside the item come after its properties, as icalendar writes them.
    lines += [_alarm(alarm) for alarm in alarms]
    lines.append(f"END:{name}\r\n".encode())
    return b"".join(lines)


def _alarm(alarm: Alarm) -> bytes:
    """A VALARM: its properties in icalendar's order for an alarm, which is alphabetical."""
    related = ";RELATED=END" if alarm.before_end else ""
    return b"".join(
        [
            b"BEGIN:VALARM\r\nACTION:DISPLAY\r\n",
            _fold(f"DESCRIPTION{_value(alarm.description)}".encode()),
            _fold(f"TRIGGER{related}:{_before(alarm.ahead)}".encode()),
            b"END:VALARM\r\n",
        ]
    )


@functools.lru_cache(maxsize=64)
def _before(ahead: timedelta) -> str:
    # icalendar spells durations its own way (P7D, not P1W); ask it once per reminder.
    return str(vDDDTypes(-ahead).to_ical().decode())


def _fold(line: bytes) -> bytes:
    """The line folded as icalendar folds it, plus CRLF.

    A fold goes before the character that would make a physical line reach 75 octets, never
    inside a UTF-8 sequence; a backslash or caret about to end a piece moves to the next one,
    so an escape is never split (icalendar does the same for old clients).
    """
    if len(line) <= _LIMIT:
        return line + b"\r\n"
    pieces = []
    start = 0
    end = len(line)
    while end - start > _LIMIT:
        cut = start + _LIMIT
        while line[cut] & 0xC0 == 0x80:  # a continuation byte: back to the character's start
            cut -= 1
        if line[cut - 1] in b"\\^" and cut - 1 > start:
            cut -= 1
        pieces.append(line[start:cut])
        start = cut
    pieces.append(line[start:])
    return _FOLD.join(pieces) + b"\r\n"


def _escape(value: str) -> str:
    # RFC 5545 TEXT escaping, in icalendar's order (it reads a literal \N as a line break too).
    return (
        value.replace(r"\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
    )


def _value(value: Value) -> str:
    """The parameters, the colon and the value of one property."""
    if isinstance(value, str):
        return ":" + _escape(value)
    if isinstance(value, datetime):
        parameters, suffix = _zone(value.tzinfo)
        return f"{parameters}:{_datetime(value)}{suffix}"
    if isinstance(value, date):
        return f";VALUE=DATE:{value.year:04}{value.month:02}{value.day:02}"
    if isinstance(value, int):
        return f":{value}"
    if isinstance(value, RRule):
        return ":" + _rule(value.text)
    if isinstance(value, Uri):
        return ":" + value.text
    if isinstance(value, Organizer):
        return f";CN={_parameter(value.name)}:{value.address}"
    if isinstance(value, Alarm):  # pragma: no cover - component() writes alarms itself
        raise TypeError("an alarm is a component, not a property value")
    return _list(value)


#: RFC 6868's escapes in a parameter value: a caret, a line break, a double quote.
_CARET = {"^": "^^", "\n": "^n", '"': "^'"}


def _parameter(value: str) -> str:
    """A parameter value with RFC 6868's escapes, always in double quotes: unquoted, some
    readers take a backslash before the value's colon for an escape and split in the wrong place.
    """
    return '"' + "".join(_CARET.get(c, c) for c in value) + '"'


def _list(values: Sequence[str] | Sequence[datetime] | Sequence[date]) -> str:
    texts = [v for v in values if isinstance(v, str)]
    if len(texts) == len(values):
        return ":" + ",".join(_escape(t) for t in texts)
    if not any(isinstance(v, datetime) for v in values):
        days = [v for v in values if isinstance(v, date)]
        return ";VALUE=DATE:" + ",".join(f"{d.year:04}{d.month:02}{d.day:02}" for d in days)
    times = [v for v in values if isinstance(v, datetime)]
    # One TZID for the list, as icalendar writes it: all values share DTSTART's zone.
    parameters = suffix = ""
    for moment in times:
        zone_parameters, suffix = _zone(moment.tzinfo)
        parameters = zone_parameters or parameters
    return f"{parameters}:" + ",".join(_datetime(t) + suffix for t in times)


def _datetime(value: datetime) -> str:
    return (
        f"{value.year:04}{value.month:02}{value.day:02}"
        f"T{value.hour:02}{value.minute:02}{value.second:02}"
    )


@functools.cache
def _zone(zone: tzinfo | None) -> tuple[str, str]:
    """The TZID parameter text and value suffix (``Z`` for UTC) for times in ``zone``.

    icalendar decides which ids mean UTC and how a TZID value is quoted; ask it once per zone.
    """
    written = vDDDTypes(datetime(2000, 1, 1, tzinfo=zone))
    parameters = written.params.to_ical().decode()
    return (f";{parameters}" if parameters else ""), (
        "Z" if written.to_ical().endswith(b"Z") else ""
    )


@functools.lru_cache(maxsize=1024)
def _rule(text: str) -> str:
    # icalendar puts a rule's parts in its canonical order; the plan's spelling may differ.
    rule: bytes = vRecur.from_ical(text).to_ical()
    return rule.decode()
