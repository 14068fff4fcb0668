"""Standard profiles as values: the thresholds a plan is checked against, and where they come from.

A profile is data apart from the rules: the rules ask it for figures, and the data-file room
(:mod:`commedu.datafile.profile`) reads and writes it as TOML.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Literal

import attrs

from commedu.model.checks import check_count, check_id, check_text, raise_if
from commedu.model.fieldcheck import define, sequence
from commedu.model.parts import CountRange
from commedu.model.places import LEVELS, Level
from commedu.model.targets import Target
from commedu.model.text import Text

__all__ = [
    "STANDARD_EVENTS",
    "EventSpec",
    "InspectionCategory",
    "Level",
    "Part",
    "Profile",
    "ProfileSource",
]

#: The required events the built-in rules read by key (CE401, CE402, CE403); a profile may name
#: others, which CE404 checks all together.
STANDARD_EVENTS = (
    "lifelong-learning-week",
    "year-end-inspection",
    "elder-smart-technology-training",
)


@define
class EventSpec:
    """How a required event is recognised in a schedule.

    An activity is the event when its title contains every word of at least one group in
    ``keywords``; ``months`` (if any) are the months it must fall in. The event is required in
    every year the plan covers unless ``per_year`` is false (then once in the plan's period);
    ``title`` names an event of the profile's own in reports.
    """

    keywords: tuple[tuple[str, ...], ...]
    months: tuple[int, ...] = ()
    per_year: bool = True
    title: Text | None = None

    def matches(self, title: str) -> bool:
        return any(all(word in title for word in group) for group in self.keywords)


@define
class ProfileSource:
    """Where a profile's figures come from, with the words quoted exactly."""

    title: str
    quotes: tuple[str, ...] = ()
    note: Text | None = None
    url: str | None = None


def _levels(levels: Level | Iterable[Level]) -> tuple[Level, ...]:
    """One level or several, as a tuple in order from the lowest; a single one may be given alone."""
    if isinstance(levels, str):
        return (levels,)
    items = sequence(levels)
    if not isinstance(items, tuple):
        return items
    return tuple(
        sorted(set(items), key=lambda level: LEVELS.index(level) if level in LEVELS else 9)
    )


def _frozen(events: Mapping[str, EventSpec]) -> Mapping[str, EventSpec]:
    return MappingProxyType(dict(events)) if isinstance(events, Mapping) else events


def _frozen_dates(dates: Mapping[str, date]) -> Mapping[str, date]:
    return MappingProxyType(dict(dates)) if isinstance(dates, Mapping) else dates


def _frozen_targets(targets: Mapping[str, Target]) -> Mapping[str, Target]:
    return MappingProxyType(dict(targets)) if isinstance(targets, Mapping) else targets


#: 基本条件 (what a unit has: leadership, sites, staff, money) or 工作成效 (what it achieved).
Part = Literal["basic", "results"]


@define
class InspectionCategory:
    """One category an inspection scores (领导管理, 队伍建设 …), and the evidence it asks for.

    Its records are those whose title holds every word of one of ``keywords``' groups; a
    category without keywords reads the whole ledger. ``evidence`` names kinds of the
    vocabulary (:mod:`commedu.model.evidence`) or the standard's own.
    """

    key: str
    title: Text
    part: Part
    evidence: tuple[str, ...] = ()
    weight: Decimal | None = None  #: its score, where the standard gives one
    keywords: tuple[tuple[str, ...], ...] = ()

    def __attrs_post_init__(self) -> None:
        raise_if(
            check_id(self.key, "leadership", "key"),
            *(check_text(kind, f"evidence[{i}]") for i, kind in enumerate(self.evidence)),
            check_count(self.weight, "weight"),
        )

    def matches(self, title: str) -> bool:
        return not self.keywords or any(
            all(word in title for word in group) for group in self.keywords
        )


def _categories(items: Iterable[InspectionCategory]) -> tuple[InspectionCategory, ...]:
    return sequence(items)


@define
class Profile:
    """A standard a plan is written against: thresholds, the events it requires, and its source."""

    name: str
    title: Text
    #: the levels of government whose plans the standard governs (one level may be given alone)
    applies_to: tuple[Level, ...] = attrs.field(converter=_levels)
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
    #: what the inspection scores, category by category, in the standard's order
    categories: tuple[InspectionCategory, ...] = attrs.field(default=(), converter=_categories)

    def governs(self, level: Level) -> bool:
        """Whether the standard binds plans of units at ``level``."""
        return level in self.applies_to
