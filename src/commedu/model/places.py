"""Where work happens besides the village stations: schools, 市民学校, venues.

A 街道 runs its community education through 市民学校 and a county through its schools; neither is
a 社区教育工作站. A :class:`Place` names such a site, optionally with the village or community it is
in, and an activity may name one.
"""

from __future__ import annotations

import enum
from typing import Literal

import attrs

from commedu._messages import Lang, kind_label
from commedu.errors import PlanError, Problem
from commedu.model.checks import check_id, check_text
from commedu.model.fieldcheck import define

__all__ = ["LEVELS", "Level", "Place", "PlaceKind", "UnitKind", "level_label"]

#: The levels of government a plan can belong to and a standard can govern, lowest first:
#: a village or community, a township (镇、乡、街道), a district (区、县、市).
Level = Literal["community", "township", "district"]
LEVELS: tuple[Level, ...] = ("community", "township", "district")


class UnitKind(enum.Enum):
    """The kind of unit that owns a plan, at any level; the values are the plan's own words."""

    VILLAGE = "村"
    COMMUNITY = "社区"
    TOWN = "镇"
    XIANG = "乡"
    SUBDISTRICT = "街道"
    DISTRICT = "区"
    COUNTY = "县"
    CITY = "市"

    @property
    def level(self) -> Level:
        """The level of government the unit is at: ``community``, ``township`` or ``district``."""
        return _LEVEL_OF[self]

    def label(self, lang: Lang = "en") -> str:
        """The kind in words, from the message catalogue: 街道, subdistrict."""
        return kind_label("unit", self.value, lang)


_LEVEL_OF: dict[UnitKind, Level] = {
    UnitKind.VILLAGE: "community",
    UnitKind.COMMUNITY: "community",
    UnitKind.TOWN: "township",
    UnitKind.XIANG: "township",
    UnitKind.SUBDISTRICT: "township",
    UnitKind.DISTRICT: "district",
    UnitKind.COUNTY: "district",
    UnitKind.CITY: "district",
}


def level_label(level: Level, lang: Lang = "en") -> str:
    """A level in words, from the message catalogue: 区（县、市）, district, county or city."""
    return kind_label("level", level, lang)


class PlaceKind(enum.Enum):
    """What a place is; the values are the words plans use."""

    SCHOOL = "学校"
    CITIZEN_SCHOOL = "市民学校"
    VENUE = "场馆"
    OTHER = "其他"

    def label(self, lang: Lang = "en") -> str:
        """The kind in words, from the message catalogue: 市民学校, citizen school."""
        return kind_label("place", self.value, lang)


@define
class Place:
    """A named site that is not a village station: a school, a 市民学校, a venue."""

    id: str
    name: str
    kind: PlaceKind = attrs.field(default=PlaceKind.OTHER)
    village: str | None = (
        None  #: the village (村) or community (社区) it is in, where the plan says
    )
    description: str = ""  #: the plan's own words about the place, verbatim

    def __attrs_post_init__(self) -> None:
        problems = [
            check_id(self.id, "no1-middle-school"),
            check_text(self.name, "name"),
            None
            if isinstance(self.kind, PlaceKind)
            else Problem("kind", "place-kind", {"value": self.kind}),
            None if self.village is None else check_text(self.village, "village"),
        ]
        found = [p for p in problems if p is not None]
        if found:
            raise PlanError(found)
