"""commedu: a township's yearly community-education work plan as typed data.

Build or load a :class:`Plan`, check it against a provincial standard, and export its schedule
to calendars. The names below are the public API; modules starting with ``_`` are private.
"""

import importlib
from typing import TYPE_CHECKING, Any

from commedu._model import (
    Activity,
    Commitments,
    CountRange,
    Department,
    EducationCentre,
    Measure,
    Mechanism,
    MechanismKind,
    Resources,
    Schedule,
    Source,
    Station,
    Task,
    Township,
)
from commedu._plan import Plan
from commedu._version import __version__
from commedu._when import (
    DEFAULT_ZONE,
    DateSpan,
    Day,
    DayRange,
    Deadline,
    Month,
    MonthPart,
    MonthSpan,
    Part,
    Recurrence,
    Session,
    When,
    parse_when,
)
from commedu.errors import (
    ExportError,
    PlanError,
    PlanFileError,
    Problem,
    ProfileError,
    RuleSelectorError,
)

if TYPE_CHECKING:
    from commedu._compliance import ENTRY_POINT_GROUP, check, register_rule, rules, unregister_rule
    from commedu._ical import to_calendar, to_ics, write_ics
    from commedu._planfile import dump_plan, load_plan, loads_plan
    from commedu._profiles import EventSpec, Profile, ProfileSource, load_profile, parse_profile
    from commedu._report import ComplianceReport, RuleResult
    from commedu._rule import (
        Example,
        Failed,
        Finding,
        NotEvaluable,
        Outcome,
        Passed,
        Rule,
        Severity,
        Status,
        Text,
    )
    from commedu._split import write_split

# The engine, the plan-file reader and the calendar exporter pull in cattrs, icalendar and
# importlib.metadata. They load on first use, so `import commedu` and `commedu --version` stay
# fast and a command never pays for another's dependencies.
_LAZY: dict[str, str] = {
    "ENTRY_POINT_GROUP": "commedu._compliance",
    "check": "commedu._compliance",
    "register_rule": "commedu._compliance",
    "rules": "commedu._compliance",
    "unregister_rule": "commedu._compliance",
    "to_calendar": "commedu._ical",
    "to_ics": "commedu._ical",
    "write_ics": "commedu._ical",
    "dump_plan": "commedu._planfile",
    "load_plan": "commedu._planfile",
    "loads_plan": "commedu._planfile",
    "EventSpec": "commedu._profiles",
    "Profile": "commedu._profiles",
    "ProfileSource": "commedu._profiles",
    "load_profile": "commedu._profiles",
    "parse_profile": "commedu._profiles",
    "ComplianceReport": "commedu._report",
    "RuleResult": "commedu._report",
    "Example": "commedu._rule",
    "Failed": "commedu._rule",
    "Finding": "commedu._rule",
    "NotEvaluable": "commedu._rule",
    "Outcome": "commedu._rule",
    "Passed": "commedu._rule",
    "Rule": "commedu._rule",
    "Severity": "commedu._rule",
    "Status": "commedu._rule",
    "Text": "commedu._rule",
    "write_split": "commedu._split",
}

__all__ = [
    "DEFAULT_ZONE",
    "ENTRY_POINT_GROUP",
    "Activity",
    "Commitments",
    "ComplianceReport",
    "CountRange",
    "DateSpan",
    "Day",
    "DayRange",
    "Deadline",
    "Department",
    "EducationCentre",
    "EventSpec",
    "Example",
    "ExportError",
    "Failed",
    "Finding",
    "Measure",
    "Mechanism",
    "MechanismKind",
    "Month",
    "MonthPart",
    "MonthSpan",
    "NotEvaluable",
    "Outcome",
    "Part",
    "Passed",
    "Plan",
    "PlanError",
    "PlanFileError",
    "Problem",
    "Profile",
    "ProfileError",
    "ProfileSource",
    "Recurrence",
    "Resources",
    "Rule",
    "RuleResult",
    "RuleSelectorError",
    "Schedule",
    "Session",
    "Severity",
    "Source",
    "Station",
    "Status",
    "Task",
    "Text",
    "Township",
    "When",
    "__version__",
    "check",
    "dump_plan",
    "load_plan",
    "load_profile",
    "loads_plan",
    "parse_profile",
    "parse_when",
    "register_rule",
    "rules",
    "to_calendar",
    "to_ics",
    "unregister_rule",
    "write_ics",
    "write_split",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'commedu' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
