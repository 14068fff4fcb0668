"""A timed session in a named zone, and the ISO 8601 durations it is written with."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from commedu.model.checks import check_local_time, raise_if
from commedu.model.fieldcheck import define
from commedu.model.when.pattern import Pattern
from commedu.model.when.spans import DateSpan, _fail

__all__ = ["DEFAULT_ZONE", "MAX_DURATION", "Session", "format_duration", "parse_duration"]


DEFAULT_ZONE = ZoneInfo("Asia/Shanghai")


def _zone_of(start: datetime) -> ZoneInfo:
    if not isinstance(start.tzinfo, ZoneInfo):
        raise _fail("naive-time", value=start.isoformat())
    return start.tzinfo


#: The longest timed session or occurrence: a plan's work is planned within a year, and the bound
#: keeps a session's end a real date (``PT99999999H`` would run past the year 9999).
MAX_DURATION = timedelta(days=366)


def _check_duration(duration: timedelta) -> None:
    if duration <= timedelta(0):
        raise _fail("not-positive-duration", value=format_duration(duration))
    if duration > MAX_DURATION:
        raise _fail("duration-too-long", value=format_duration(duration), limit="P366D")


def format_duration(duration: timedelta) -> str:
    """ISO 8601 duration text (``PT1H30M``); the form iCalendar uses too."""
    if duration <= timedelta(0):
        return f"-{format_duration(-duration)}" if duration else "PT0S"
    days, rest = duration.days, duration.seconds
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    clock = "".join(f"{n}{u}" for n, u in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    return "P" + (f"{days}D" if days else "") + (f"T{clock}" if clock else "")


_DURATION = Pattern(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")


def parse_duration(text: str) -> timedelta:
    match = _DURATION.fullmatch(text)
    if not match or text in ("P", "PT") or text.endswith("T"):
        raise _fail("bad-when", value=text, examples="'PT2H', 'PT1H30M', 'P1D'")
    d, h, m, s = (int(g) if g else 0 for g in match.groups())
    try:
        duration = timedelta(days=d, hours=h, minutes=m, seconds=s)
    except OverflowError:
        raise _fail("duration-too-long", value=text, limit="P366D") from None
    if duration > MAX_DURATION:
        raise _fail("duration-too-long", value=text, limit="P366D")
    return duration


def _session_text(start: datetime, duration: timedelta) -> str:
    text = f"{start.strftime('%Y-%m-%dT%H:%M')}{start.strftime(':%S') if start.second else ''}"
    text += f"/{format_duration(duration)}"
    zone = _zone_of(start)
    return text if zone == DEFAULT_ZONE else f"{text}[{zone.key}]"


@define
class Session:
    """A timed session in a named zone: ``2021-03-08T14:30/PT2H`` (Asia/Shanghai unless given)."""

    start: datetime
    duration: timedelta

    def __attrs_post_init__(self) -> None:
        _zone_of(self.start)
        raise_if(check_local_time(self.start))  # a skipped or repeated time: which one is meant?
        _check_duration(self.duration)

    @property
    def end(self) -> datetime:
        return self.start + self.duration

    @property
    def zone(self) -> ZoneInfo:
        return _zone_of(self.start)

    @property
    def span(self) -> DateSpan:
        # A session ending exactly at midnight does not occupy the next day.
        last = (self.end - timedelta(microseconds=1)).date()
        return DateSpan(self.start.date(), max(last, self.start.date()))

    def __str__(self) -> str:
        return _session_text(self.start, self.duration)
