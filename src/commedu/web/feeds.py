"""The calendars a plan offers: the whole plan, each department's and each station's.

Feeds are addressed by the ids the plan gives its departments and stations (ASCII slugs), not
by their names, so an address stays the same when a name is corrected and never needs escaping.
"""

from __future__ import annotations

from typing import Literal

from commedu.model.fieldcheck import define
from commedu.model.memo import PerObject
from commedu.model.plan import Plan

__all__ = ["WHOLE_PLAN", "Feed", "FeedKind", "feeds", "find"]

FeedKind = Literal["plan", "department", "station"]

#: The whole plan's feed, beside the page of the plan's folder.
WHOLE_PLAN = "plan.ics"
_SUFFIX = ".ics"


@define
class Feed:
    """One calendar to subscribe to."""

    kind: FeedKind
    id: str  #: the department's or station's id; the plan's id for the whole plan
    name: str  #: the department's or station's name; the plan's title for the whole plan
    activities: int

    @property
    def path(self) -> str:
        """The feed's address below the plan's own."""
        return WHOLE_PLAN if self.kind == "plan" else f"{self.kind}/{self.id}{_SUFFIX}"


def feeds(plan: Plan) -> tuple[Feed, ...]:
    """The whole plan first, then every department and station that has an activity.

    Worked out once per plan (every request for a feed looks its address up here) and forgotten
    with the plan.
    """
    return _listed(plan)


def _feeds(plan: Plan) -> tuple[Feed, ...]:
    found = [Feed("plan", plan.id, plan.title, len(plan.activities))]
    for department in plan.departments:
        count = len(plan.schedule.of_department(department.id))
        if count:
            found.append(Feed("department", department.id, department.name, count))
    for station in plan.stations:
        count = len(plan.schedule.at_station(station.id))
        if count:
            found.append(Feed("station", station.id, station.name, count))
    return tuple(found)


_listed = PerObject(_feeds)


def find(plan: Plan, path: str) -> Feed | None:
    """The feed at ``path`` (below the plan's address), or ``None`` if the plan has no such feed.

    A department or station of the plan has a feed even when it has no activity (left): its
    last one may just have been removed, and a subscriber must get the news, not a 404.
    """
    for feed in feeds(plan):
        if feed.path == path:
            return feed
    for department in plan.departments:
        if path == f"department/{department.id}{_SUFFIX}":
            return Feed("department", department.id, department.name, 0)
    for station in plan.stations:
        if path == f"station/{station.id}{_SUFFIX}":
            return Feed("station", station.id, station.name, 0)
    return None
