"""*When* an activity happens: the closed family of precisions a 配档表 mixes.

A real schedule says "4月", "7-8月", "4月下旬", "5月前", "3月8日", "每周二、四 8:30—11:00",
"每年3月", or gives a timed session or a recurrence. Each is its own frozen type so that consumers
(calendars, rules, a ledger) can ``match`` on it instead of re-parsing text, and each knows the
dates it covers.

One idea per module: :mod:`~commedu.model.when.spans` (what happens once in a year),
:mod:`~commedu.model.when.sessions` (a timed session), :mod:`~commedu.model.when.recurrence`
(a session repeated by an RRULE), :mod:`~commedu.model.when.weekly` (what comes round each
month, quarter or week), :mod:`~commedu.model.when.years` (across years, and the family
:data:`When`), :mod:`~commedu.model.when.occurrences` (every time a *when* comes round) and
:mod:`~commedu.model.when.grammar` (reading a *when*, its patterns compiled on first use).
Every name is importable from here.

"""

from commedu.model.when.grammar import SCHOOL_HOLIDAY_NAMES, parse_when, qualified
from commedu.model.when.occurrences import occurrences
from commedu.model.when.recurrence import HORIZON_YEARS, MAX_OCCURRENCES, Recurrence
from commedu.model.when.sessions import (
    DEFAULT_ZONE,
    MAX_DURATION,
    Session,
    format_duration,
    parse_duration,
)
from commedu.model.when.spans import (
    NEAR,
    DateSpan,
    Day,
    DayRange,
    Deadline,
    LabelledDay,
    MixedSpan,
    Month,
    MonthPart,
    MonthSpan,
    NamedPeriod,
    Occasion,
    Part,
    Period,
    Relation,
    WeekOfMonth,
    YearSpan,
)
from commedu.model.when.weekly import (
    DEFAULT_DAY_PARTS,
    ClockRange,
    DayPart,
    DayParts,
    Every,
    Repeat,
    Weekly,
)
from commedu.model.when.years import MAX_YEARS, AcrossYears, When, YearEnd, Yearly, when_year

__all__ = [
    "DEFAULT_DAY_PARTS",
    "DEFAULT_ZONE",
    "HORIZON_YEARS",
    "MAX_DURATION",
    "MAX_OCCURRENCES",
    "MAX_YEARS",
    "NEAR",
    "SCHOOL_HOLIDAY_NAMES",
    "AcrossYears",
    "ClockRange",
    "DateSpan",
    "Day",
    "DayPart",
    "DayParts",
    "DayRange",
    "Deadline",
    "Every",
    "LabelledDay",
    "MixedSpan",
    "Month",
    "MonthPart",
    "MonthSpan",
    "NamedPeriod",
    "Occasion",
    "Part",
    "Period",
    "Recurrence",
    "Relation",
    "Repeat",
    "Session",
    "WeekOfMonth",
    "Weekly",
    "When",
    "YearEnd",
    "YearSpan",
    "Yearly",
    "format_duration",
    "occurrences",
    "parse_duration",
    "parse_when",
    "qualified",
    "when_year",
]
