"""CE308: every place the plan names has work, as CE307 asks of its stations.

A 街道 or 社区 works through schools, 市民学校 and venues rather than village stations. A plan
that lists ten such places but schedules work at two says little about the other eight; the
rule names each of them. Stations are places too, and CE307 already judges them, so this rule
reads the plan's ``[[places]]`` only and says nothing twice.
"""

from __future__ import annotations

import attrs

from commedu.compliance.examples import JINSHAN, example, example_plan, quote
from commedu.compliance.rule import Finding, NotApplicable, Outcome, Rule, Severity, outcome
from commedu.model.parts import Activity, Schedule
from commedu.model.places import Place, PlaceKind
from commedu.model.plan import Plan
from commedu.model.profile import Profile
from commedu.model.text import Text

__all__ = ["RULES"]

_NO_PLACES = NotApplicable(
    Text(
        "the plan names no places besides its stations (CE307 judges those)",
        "计划除工作站外未列场所（工作站由 CE307 判定）",
    )
)


def _place_activity(plan: Plan, _: Profile | None) -> Outcome:
    if not plan.places:
        return _NO_PLACES
    used = {place for a in plan.activities for place in a.places}
    return outcome(
        Finding(
            f"places[{i}]",
            Text(
                f"no scheduled activity takes place at {quote(p.name)}",
                f"配档表中没有在{quote(p.name)}开展的工作",
            ),
        )
        for i, p in enumerate(plan.places)
        if p not in used
    )


_SCHOOL = Place("citizen-school", "东村市民学校", PlaceKind.CITIZEN_SCHOOL, village="东村")
_LIBRARY = Place("library", "镇图书馆", PlaceKind.VENUE)


def _with_places(*, used: bool) -> Plan:
    plan = example_plan()
    activities: list[Activity] = list(plan.activities)
    activities[2] = attrs.evolve(activities[2], places=(_SCHOOL,))
    if used:
        activities[5] = attrs.evolve(activities[5], places=(_SCHOOL, _LIBRARY))
    return attrs.evolve(plan, places=(_SCHOOL, _LIBRARY), schedule=Schedule(tuple(activities)))


RULES: tuple[Rule, ...] = (
    Rule(
        "CE308",
        "place-has-activity",
        Severity.WARNING,
        Text(
            "Every place the plan names (a school, a citizen school, a venue) has scheduled work.",
            "计划列出的每个场所（学校、市民学校、场馆）都有配档表中的工作。",
        ),
        Text(
            "A place is listed because work is meant to happen there; one no activity takes place"
            " at exists only on paper, as a station without work does (CE307).",
            "列出场所是为了在那里开展工作；没有任何工作的场所只存在于纸面上，与没有工作的工作站"
            "（CE307）一样。",
        ),
        Text(
            f"The station sentence of {JINSHAN} task 1, point 2, and its schedule, applied to"
            " the schools and citizen schools a subdistrict or community works through.",
            f"《{JINSHAN}》任务（一）2 与配档表，适用于街道、社区开展工作的学校和市民学校。",
        ),
        _place_activity,
        example(
            "Work is scheduled at both of the plan's places",
            "计划列出的两个场所都安排了工作",
            lambda: _with_places(used=True),
        ),
        example(
            "The plan lists the town library but schedules nothing there",
            "计划列出镇图书馆，但没有在那里安排工作",
            lambda: _with_places(used=False),
        ),
        scope="places",
        since="0.2.0",
        title=Text("Every place has work", "场所有工作"),
        failure=Text(
            "Some places have no scheduled activity.",
            "有场所在配档表中没有工作。",
        ),
    ),
)
