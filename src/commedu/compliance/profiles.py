"""Standard profiles: the thresholds a plan is checked against, kept as data apart from the rules.

A profile is a TOML file naming its figures and citing where they come from. Three ship with
commedu (``shandong-township``, ``national-demonstration`` and ``henan-elder-education``); a user can write their own and
pass its path. Nothing in a profile is executed: it is read with :mod:`tomllib` and validated
field by field, every mistake reported with its place in one :class:`ProfileError`.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import attrs

from commedu._messages import syntax_reason_zh
from commedu._tomlguard import MAX_KEY_PARTS, too_deep
from commedu._typecheck import check_arguments
from commedu.compliance.text import Text
from commedu.errors import PlanError, Problem, ProfileError
from commedu.model.fieldcheck import define
from commedu.model.parts import CountRange, money_in_range
from commedu.model.targets import Comparator, Target

__all__ = ["BUILTIN_PROFILES", "EventSpec", "Profile", "load_profile", "parse_profile"]

SCHEMA = 1
BUILTIN_PROFILES = ("henan-elder-education", "national-demonstration", "shandong-township")

Level = Literal["township", "district"]

_RULE_CODE = re.compile(r"[A-Z]{1,4}[0-9]{3}")


@define
class EventSpec:
    """How a required event is recognised in a schedule.

    An activity is the event when its title contains every word of at least one group in
    ``keywords``; ``months`` (if any) are the months it must fall in.
    """

    keywords: tuple[tuple[str, ...], ...]
    months: tuple[int, ...] = ()

    def matches(self, title: str) -> bool:
        return any(all(word in title for word in group) for group in self.keywords)


@define
class ProfileSource:
    """Where a profile's figures come from, with the words quoted exactly."""

    title: str
    quotes: tuple[str, ...] = ()
    note: Text | None = None
    url: str | None = None


def _frozen(events: Mapping[str, EventSpec]) -> Mapping[str, EventSpec]:
    return MappingProxyType(dict(events)) if isinstance(events, Mapping) else events


def _frozen_dates(dates: Mapping[str, date]) -> Mapping[str, date]:
    return MappingProxyType(dict(dates)) if isinstance(dates, Mapping) else dates


def _frozen_targets(targets: Mapping[str, Target]) -> Mapping[str, Target]:
    return MappingProxyType(dict(targets)) if isinstance(targets, Mapping) else targets


@define
class Profile:
    """A standard a plan is written against: thresholds, the events it requires, and its source."""

    name: str
    title: Text
    applies_to: Level  #: the level of government whose plans the standard governs
    scope: Text  #: a sentence on whom the standard applies to
    source: ProfileSource
    full_time_staff: int | None = None
    staff: CountRange | None = None
    funding_per_resident: Decimal | None = None
    funding_earmarked: bool | None = None
    events: Mapping[str, EventSpec] = attrs.field(factory=dict, converter=_frozen, hash=False)
    #: rule code -> the day the standard's requirement came into force, overriding the rule's own
    effective: Mapping[str, date] = attrs.field(factory=dict, converter=_frozen_dates, hash=False)
    #: target id -> the quantitative target the standard sets (checked by CE220)
    targets: Mapping[str, Target] = attrs.field(factory=dict, converter=_frozen_targets, hash=False)
    #: what a ledger is judged by: evidence kinds each record must carry, and rate targets
    evidence: tuple[str, ...] = ()
    training_rate: Decimal | None = None  #: 培训率, 人次 ÷ 常住人口, as a fraction (0.5 = 50 %)
    elder_share: Decimal | None = None  #: the share of 人次 that are elders, as a fraction


# -- reading ---------------------------------------------------------------------------------


def load_profile(name_or_path: str | Path) -> Profile:
    """A built-in profile by name, or a profile read from a ``.toml`` file."""
    check_arguments(load_profile, name_or_path=name_or_path)
    key = str(name_or_path)
    if isinstance(name_or_path, str) and key in BUILTIN_PROFILES:
        text = resources.files("commedu").joinpath("profiles", f"{key}.toml").read_text("utf-8")
        return parse_profile(text, source=key)
    path = Path(name_or_path)
    if path.suffix.lower() != ".toml":
        raise ProfileError(
            [Problem("", "profile-unknown", {"value": key, "known": ", ".join(BUILTIN_PROFILES)})],
            key,
        )
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ProfileError([Problem("", "profile-read", {"reason": reason})], key) from None
    return parse_profile(text, source=key)


def parse_profile(text: str, source: str | None = None) -> Profile:
    """A profile from TOML text; every problem found is reported together."""
    check_arguments(parse_profile, text=text, source=source)
    if where := too_deep(text):
        line, column = where
        problem = Problem("", "key-too-deep", {"limit": MAX_KEY_PARTS}, line=line, column=column)
        raise ProfileError([problem], source)
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        reason = str(exc)
        problem = Problem(
            "", "profile-toml", {"reason": reason, "reason_zh": syntax_reason_zh(reason)}
        )
        raise ProfileError([problem], source) from None
    reader = _Reader()
    profile = reader.profile(data)
    if reader.problems or profile is None:
        raise ProfileError(reader.problems, source)
    return profile


_TYPES: dict[str, tuple[str, str]] = {
    "text": ("non-empty text", "非空文本"),
    "int": ("a whole number of 0 or more", "大于或等于 0 的整数"),
    "money": ("an amount of 0 or more (e.g. 1 or 1.5)", "大于或等于 0 的金额（如 1 或 1.5）"),
    "bool": ("true or false", "true 或 false"),
    "table": ("a table", "表"),
    "list": ("a list", "列表"),
    "level": ("'township' or 'district'", "“township” 或 “district”"),
    "range": ("a pair [low, high] of whole numbers", "整数对 [下限, 上限]"),
    "month": ("a month (1–12)", "月份（1—12）"),
    "date": ("a date such as 2020-11-15", "日期，如 2020-11-15"),
    "number": ("a number of 0 or more (e.g. 50 or 2.5)", "大于或等于 0 的数（如 50 或 2.5）"),
    "comparator": ("'>=', '<=' or '='", "“>=”“<=”或“=”"),
    "rate": (
        "a fraction of 0 or more (e.g. 0.5 for 50 %)",
        "大于或等于 0 的比例（如 0.5 表示 50%）",
    ),
    "keywords": (
        'a non-empty list of keyword groups, e.g. [["年终督导"], ["年终", "督导"]]',
        '非空的关键词组列表，如 [["年终督导"], ["年终", "督导"]]',
    ),
}


def _is(kind: str, value: Any) -> bool:
    match kind:
        case "text":
            return isinstance(value, str) and bool(value.strip())
        case "int":
            return isinstance(value, int) and not isinstance(value, bool) and value >= 0
        case "money" | "rate":
            return (
                isinstance(value, int | Decimal)
                and not isinstance(value, bool)
                and Decimal(value).is_finite()
                and money_in_range(Decimal(value))
                and value >= 0
            )
        case "bool":
            return isinstance(value, bool)
        case "table":
            return isinstance(value, dict)
        case "list":
            return isinstance(value, list)
        case "level":
            return value in ("township", "district")
        case "keywords":
            return (
                isinstance(value, list)
                and bool(value)
                and all(isinstance(g, list) and g and all(_is("text", w) for w in g) for g in value)
            )
        case "range":
            return (
                isinstance(value, list)
                and len(value) == 2
                and all(_is("int", v) for v in value)
                and value[0] <= value[1]
            )
        case "month":
            return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 12
        case "date":
            return isinstance(value, date) and not hasattr(value, "hour")
        case "number":
            return _is("money", value)
        case "comparator":
            return value in {c.value for c in Comparator}
    raise AssertionError(kind)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class _Reader:
    """Walks a parsed TOML document, collecting every problem rather than stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def keys(self, table: dict[str, Any], path: str, allowed: tuple[str, ...]) -> None:
        for key in table:
            if key not in allowed:
                # A key the engine does not read would be silently ignored: name the likely one.
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                params = {"key": key, "value": key, "known": ", ".join(allowed)}
                if close:
                    self.problems.append(
                        Problem(
                            _join(path, key),
                            "profile-unknown-key-close",
                            {**params, "suggestion": close[0]},
                        )
                    )
                else:
                    self.problems.append(Problem(_join(path, key), "profile-unknown-key", params))

    def get(self, table: dict[str, Any], key: str, kind: str, path: str, required: bool) -> Any:
        where = _join(path, key)
        if key not in table:
            if required:
                self.problems.append(Problem(where, "profile-missing-key", {"key": key}))
            return None
        value = table[key]
        return value if self.item(value, kind, where) else None

    def text(
        self, table: dict[str, Any], key: str, path: str, required: bool = True
    ) -> Text | None:
        sub = self.get(table, key, "table", path, required)
        if sub is None:
            return None
        where = _join(path, key)
        self.keys(sub, where, ("en", "zh"))
        en = self.get(sub, "en", "text", where, True)
        zh = self.get(sub, "zh", "text", where, True)
        return Text(en, zh) if en is not None and zh is not None else None

    def texts(self, table: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
        items = self.get(table, key, "list", path, False) or []
        where = _join(path, key)
        return tuple(v for i, v in enumerate(items) if self.item(v, "text", f"{where}[{i}]"))

    def item(self, value: Any, kind: str, path: str) -> bool:
        if _is(kind, value):
            return True
        expected, expected_zh = _TYPES[kind]
        self.problems.append(
            Problem(
                path,
                "profile-type",
                {"value": value, "kind": expected, "kind_zh": expected_zh},
            )
        )
        return False

    def profile(self, data: dict[str, Any]) -> Profile | None:
        self.keys(
            data,
            "",
            (
                "schema",
                "name",
                "applies_to",
                "title",
                "scope",
                "source",
                "staffing",
                "funding",
                "events",
                "effective",
                "targets",
                "ledger",
            ),
        )
        schema = self.get(data, "schema", "int", "", True)
        if schema is not None and schema != SCHEMA:
            self.problems.append(
                Problem("schema", "profile-schema", {"value": schema, "supported": SCHEMA})
            )
        name = self.get(data, "name", "text", "", True)
        applies_to = self.get(data, "applies_to", "level", "", True)
        title = self.text(data, "title", "")
        scope = self.text(data, "scope", "")
        source = self.source(data)
        staffing = self.get(data, "staffing", "table", "", False) or {}
        self.keys(staffing, "staffing", ("full_time", "staff"))
        full_time = self.get(staffing, "full_time", "int", "staffing", False)
        staff = self.range(staffing, "staff", "staffing")
        funding = self.get(data, "funding", "table", "", False) or {}
        self.keys(funding, "funding", ("per_resident", "earmarked"))
        per_resident = self.get(funding, "per_resident", "money", "funding", False)
        earmarked = self.get(funding, "earmarked", "bool", "funding", False)
        events = self.events(data)
        effective = self.effective(data)
        targets = self.targets(data)
        ledger = self.get(data, "ledger", "table", "", False) or {}
        self.keys(ledger, "ledger", ("evidence", "training_rate", "elder_share"))
        evidence = self.texts(ledger, "evidence", "ledger")
        training_rate = self.get(ledger, "training_rate", "rate", "ledger", False)
        elder_share = self.get(ledger, "elder_share", "rate", "ledger", False)
        if self.problems:
            return None
        # Every required field was checked above; mypy needs to see it.
        assert name is not None
        assert applies_to is not None
        assert title is not None
        assert scope is not None
        assert source is not None
        return Profile(
            name=name,
            title=title,
            applies_to=applies_to,
            scope=scope,
            source=source,
            full_time_staff=full_time,
            staff=staff,
            funding_per_resident=None if per_resident is None else Decimal(per_resident),
            funding_earmarked=earmarked,
            events=events,
            effective=effective,
            targets=targets,
            evidence=evidence,
            training_rate=None if training_rate is None else Decimal(training_rate),
            elder_share=None if elder_share is None else Decimal(elder_share),
        )

    def effective(self, data: dict[str, Any]) -> dict[str, date]:
        table = self.get(data, "effective", "table", "", False) or {}
        found = {}
        for code, value in sorted(table.items()):
            where = f"effective.{code}"
            if not _RULE_CODE.fullmatch(code):
                self.problems.append(Problem(where, "profile-rule-code", {"value": code}))
            elif self.item(value, "date", where):
                found[code] = value
        return found

    def targets(self, data: dict[str, Any]) -> dict[str, Target]:
        table = self.get(data, "targets", "table", "", False) or {}
        found = {}
        for key, spec in sorted(table.items()):
            where = f"targets.{key}"
            if not self.item(spec, "table", where):
                continue
            self.keys(spec, where, ("what", "comparator", "value", "unit", "text"))
            what = self.get(spec, "what", "text", where, True)
            comparator = self.get(spec, "comparator", "comparator", where, True)
            value = self.get(spec, "value", "number", where, True)
            unit = self.get(spec, "unit", "text", where, False) or "%"
            text = self.get(spec, "text", "text", where, False) or ""
            if what is None or comparator is None or value is None:
                continue
            try:
                found[key] = Target(key, what, Comparator(comparator), Decimal(value), unit, text)
            except PlanError as exc:
                self.problems += [p.at(where) for p in exc.problems]
        return found

    def source(self, data: dict[str, Any]) -> ProfileSource | None:
        table = self.get(data, "source", "table", "", True)
        if table is None:
            return None
        self.keys(table, "source", ("title", "quotes", "note", "url"))
        title = self.get(table, "title", "text", "source", True)
        quotes = self.texts(table, "quotes", "source")
        note = self.text(table, "note", "source", required=False)
        url = self.get(table, "url", "text", "source", False)
        return ProfileSource(title, quotes, note, url) if title is not None else None

    def range(self, table: dict[str, Any], key: str, path: str) -> CountRange | None:
        value = self.get(table, key, "list", path, False)
        if value is None:
            return None
        where = _join(path, key)
        if _is("range", value):
            return CountRange(value[0], value[1])
        self.item(value, "range", where)
        return None

    def events(self, data: dict[str, Any]) -> dict[str, EventSpec]:
        table = self.get(data, "events", "table", "", False) or {}
        events = {}
        for key, spec in sorted(table.items()):
            where = f"events.{key}"
            if not self.item(spec, "table", where):
                continue
            self.keys(spec, where, ("keywords", "months"))
            groups = self.get(spec, "keywords", "keywords", where, True) or []
            keywords = tuple(tuple(group) for group in groups)
            months = self.get(spec, "months", "list", where, False) or []
            ok = tuple(
                m for i, m in enumerate(months) if self.item(m, "month", f"{where}.months[{i}]")
            )
            events[key] = EventSpec(keywords, tuple(sorted(set(ok))))
        return events
