"""commedu: a township's yearly community-education work plan as typed data.

Build or load a :class:`Plan`, check it against a provincial standard, and export its schedule
to calendars. The names below are the public API; modules starting with ``_`` are private.
"""

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
from commedu._planfile import dump_plan, load_plan, loads_plan
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
from commedu.errors import PlanError, PlanFileError, Problem

__all__ = [
    "DEFAULT_ZONE",
    "Activity",
    "Commitments",
    "CountRange",
    "DateSpan",
    "Day",
    "DayRange",
    "Deadline",
    "Department",
    "EducationCentre",
    "Measure",
    "Mechanism",
    "MechanismKind",
    "Month",
    "MonthPart",
    "MonthSpan",
    "Part",
    "Plan",
    "PlanError",
    "PlanFileError",
    "Problem",
    "Recurrence",
    "Resources",
    "Schedule",
    "Session",
    "Source",
    "Station",
    "Task",
    "Township",
    "When",
    "__version__",
    "dump_plan",
    "load_plan",
    "loads_plan",
    "parse_when",
]
