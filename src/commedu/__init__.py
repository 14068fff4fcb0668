"""commedu: a township's yearly community-education work plan as typed data.

Build or load a :class:`Plan`, check it against a provincial standard, and export its schedule
to calendars. The names below are the public API; modules starting with ``_`` are private.
"""

import importlib
from typing import TYPE_CHECKING, Any

from commedu._version import __version__
from commedu.errors import (
    CommeduError,
    DataFileError,
    DocumentError,
    ExportError,
    LedgerFileError,
    PlanError,
    PlanFileError,
    Problem,
    ProfileError,
    RuleSelectorError,
)
from commedu.model.ledger import Evidence, Expense, Ledger, Record, Staffing
from commedu.model.observances import OBSERVANCES, Observance, SchoolHoliday, observance
from commedu.model.parts import (
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
from commedu.model.placeholders import PLACEHOLDERS, find_placeholders
from commedu.model.places import Place, PlaceKind, UnitKind
from commedu.model.plan import Plan
from commedu.model.targets import Comparator, Target
from commedu.model.when import (
    DEFAULT_DAY_PARTS,
    DEFAULT_ZONE,
    AcrossYears,
    ClockRange,
    DateSpan,
    Day,
    DayPart,
    DayParts,
    DayRange,
    Deadline,
    Every,
    LabelledDay,
    MixedSpan,
    Month,
    MonthPart,
    MonthSpan,
    NamedPeriod,
    Occasion,
    Part,
    Period,
    Recurrence,
    Relation,
    Repeat,
    Session,
    Weekly,
    WeekOfMonth,
    When,
    Yearly,
    YearSpan,
    occurrences,
    parse_when,
    qualified,
)

if TYPE_CHECKING:
    from commedu.calendar.ics import to_calendar, to_ics, write_ics
    from commedu.calendar.revisions import Revision, RevisionStore
    from commedu.calendar.split import write_split
    from commedu.compliance.actuals import Progress
    from commedu.compliance.assessment import Assessment, assess
    from commedu.compliance.engine import (
        ENTRY_POINT_GROUP,
        check,
        register_rule,
        rules,
        unregister_rule,
    )
    from commedu.compliance.report import ComplianceReport, RuleResult
    from commedu.compliance.rule import (
        Example,
        Failed,
        Finding,
        NotApplicable,
        NotEvaluable,
        Outcome,
        Passed,
        Rule,
        Severity,
        Status,
    )
    from commedu.datafile.ledger import load_ledger, loads_ledger
    from commedu.datafile.ledger_write import dump_ledger, dumps_ledger, write_ledger
    from commedu.datafile.plan import load_plan, loads_plan
    from commedu.datafile.plan_write import dump_plan, dumps_plan
    from commedu.datafile.profile import (
        dump_profile,
        dumps_profile,
        load_profile,
        loads_profile,
        parse_profile,
    )
    from commedu.importer import Draft, import_document
    from commedu.model.profile import EventSpec, Profile, ProfileSource
    from commedu.model.text import Text
    from commedu.report.inspection import InspectionReport, inspect
    from commedu.web.app import make_app
    from commedu.web.glance import glance_html, write_glance

# The engine, the plan-file reader and the calendar exporter pull in cattrs, icalendar and
# importlib.metadata. They load on first use, so `import commedu` and `commedu --version` stay
# fast and a command never pays for another's dependencies.
_LAZY: dict[str, str] = {
    "ENTRY_POINT_GROUP": "commedu.compliance.engine",
    "check": "commedu.compliance.engine",
    "register_rule": "commedu.compliance.engine",
    "rules": "commedu.compliance.engine",
    "unregister_rule": "commedu.compliance.engine",
    "to_calendar": "commedu.calendar.ics",
    "to_ics": "commedu.calendar.ics",
    "write_ics": "commedu.calendar.ics",
    "Revision": "commedu.calendar.revisions",
    "RevisionStore": "commedu.calendar.revisions",
    "dump_plan": "commedu.datafile.plan_write",
    "dumps_plan": "commedu.datafile.plan_write",
    "load_plan": "commedu.datafile.plan",
    "loads_plan": "commedu.datafile.plan",
    "EventSpec": "commedu.model.profile",
    "Profile": "commedu.model.profile",
    "ProfileSource": "commedu.model.profile",
    "load_profile": "commedu.datafile.profile",
    "dump_profile": "commedu.datafile.profile",
    "dumps_profile": "commedu.datafile.profile",
    "loads_profile": "commedu.datafile.profile",
    "parse_profile": "commedu.datafile.profile",
    "ComplianceReport": "commedu.compliance.report",
    "RuleResult": "commedu.compliance.report",
    "Example": "commedu.compliance.rule",
    "Failed": "commedu.compliance.rule",
    "Finding": "commedu.compliance.rule",
    "NotApplicable": "commedu.compliance.rule",
    "NotEvaluable": "commedu.compliance.rule",
    "Outcome": "commedu.compliance.rule",
    "Passed": "commedu.compliance.rule",
    "Rule": "commedu.compliance.rule",
    "Severity": "commedu.compliance.rule",
    "Status": "commedu.compliance.rule",
    "Text": "commedu.model.text",
    "write_split": "commedu.calendar.split",
    "Draft": "commedu.importer",
    "import_document": "commedu.importer",
    "glance_html": "commedu.web.glance",
    "write_glance": "commedu.web.glance",
    "make_app": "commedu.web.app",
    "Progress": "commedu.compliance.actuals",
    "Assessment": "commedu.compliance.assessment",
    "assess": "commedu.compliance.assessment",
    "load_ledger": "commedu.datafile.ledger",
    "loads_ledger": "commedu.datafile.ledger",
    "dump_ledger": "commedu.datafile.ledger_write",
    "dumps_ledger": "commedu.datafile.ledger_write",
    "write_ledger": "commedu.datafile.ledger_write",
    "InspectionReport": "commedu.report.inspection",
    "inspect": "commedu.report.inspection",
}

__all__ = [
    "DEFAULT_DAY_PARTS",
    "DEFAULT_ZONE",
    "ENTRY_POINT_GROUP",
    "OBSERVANCES",
    "PLACEHOLDERS",
    "AcrossYears",
    "Activity",
    "Assessment",
    "ClockRange",
    "CommeduError",
    "Commitments",
    "Comparator",
    "ComplianceReport",
    "CountRange",
    "DataFileError",
    "DateSpan",
    "Day",
    "DayPart",
    "DayParts",
    "DayRange",
    "Deadline",
    "Department",
    "DocumentError",
    "Draft",
    "EducationCentre",
    "EventSpec",
    "Every",
    "Evidence",
    "Example",
    "Expense",
    "ExportError",
    "Failed",
    "Finding",
    "InspectionReport",
    "LabelledDay",
    "Ledger",
    "LedgerFileError",
    "Measure",
    "Mechanism",
    "MechanismKind",
    "MixedSpan",
    "Month",
    "MonthPart",
    "MonthSpan",
    "NamedPeriod",
    "NotApplicable",
    "NotEvaluable",
    "Observance",
    "Occasion",
    "Outcome",
    "Part",
    "Passed",
    "Period",
    "Place",
    "PlaceKind",
    "Plan",
    "PlanError",
    "PlanFileError",
    "Problem",
    "Profile",
    "ProfileError",
    "ProfileSource",
    "Progress",
    "Record",
    "Recurrence",
    "Relation",
    "Repeat",
    "Resources",
    "Revision",
    "RevisionStore",
    "Rule",
    "RuleResult",
    "RuleSelectorError",
    "Schedule",
    "SchoolHoliday",
    "Session",
    "Severity",
    "Source",
    "Staffing",
    "Station",
    "Status",
    "Target",
    "Task",
    "Text",
    "Township",
    "UnitKind",
    "WeekOfMonth",
    "Weekly",
    "When",
    "YearSpan",
    "Yearly",
    "__version__",
    "assess",
    "check",
    "dump_ledger",
    "dump_plan",
    "dump_profile",
    "dumps_ledger",
    "dumps_plan",
    "dumps_profile",
    "find_placeholders",
    "glance_html",
    "import_document",
    "inspect",
    "load_ledger",
    "load_plan",
    "load_profile",
    "loads_ledger",
    "loads_plan",
    "loads_profile",
    "make_app",
    "observance",
    "occurrences",
    "parse_profile",
    "parse_when",
    "qualified",
    "register_rule",
    "rules",
    "to_calendar",
    "to_ics",
    "unregister_rule",
    "write_glance",
    "write_ics",
    "write_ledger",
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
