"""Hypothesis strategies for every model type, kept in one place for all the tests."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import attrs
from hypothesis import strategies as st

from commedu import (
    DEFAULT_DAY_PARTS,
    DEFAULT_ZONE,
    OBSERVANCES,
    AcrossYears,
    Activity,
    ClockRange,
    Commitments,
    Comparator,
    CountRange,
    DateSpan,
    Day,
    DayPart,
    DayParts,
    DayRange,
    Deadline,
    Department,
    EducationCentre,
    Every,
    LabelledDay,
    Measure,
    Mechanism,
    MechanismKind,
    MixedSpan,
    Month,
    MonthPart,
    MonthSpan,
    NamedPeriod,
    Part,
    Period,
    Place,
    PlaceKind,
    Plan,
    PlanError,
    Recurrence,
    Repeat,
    Resources,
    Schedule,
    Session,
    Source,
    Station,
    Target,
    Task,
    Township,
    UnitKind,
    Weekly,
    WeekOfMonth,
    When,
    Yearly,
    parse_when,
)
from commedu.model.evidence import near_miss
from commedu.model.ledger import Evidence, Reach, Record

#: Any Unicode text that is not blank: Chinese, emoji, quotes, backslashes, newlines and all.
#: Characters the model takes as text: not a lone surrogate, nor a control character XML refuses.
_REFUSED = "".join(map(chr, [*range(9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF]))
characters = st.characters(exclude_categories=["Cs"], exclude_characters=_REFUSED)
texts = st.text(characters, min_size=1, max_size=40).filter(lambda s: s.strip() != "")
#: Text that names something (a title, a name): any of the above on one line.
_VERTICAL = "\n\r\x85\u2028\u2029"
line_characters = st.characters(exclude_categories=["Cs"], exclude_characters=_REFUSED + _VERTICAL)
one_line_texts = st.text(
    line_characters,
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")
#: Text that stresses iCalendar: line breaks of every kind, TEXT's special characters,
#: emoji and other 4-byte characters, and any other character (a lone surrogate is not one:
#: the model refuses it, see tests/test_hostile_input.py).
ical_texts = st.text(
    alphabet=st.one_of(st.sampled_from('\r\n,;:\\"\t 😀𝄞中文'), characters),
    min_size=1,
    max_size=120,
).filter(lambda s: s.strip() != "")
#: The same on one line, for titles and names: line breaks become spaces.
ical_lines = ical_texts.map(lambda s: re.sub("[\r\n\x85\u2028\u2029]", " ", s)).filter(
    lambda s: s.strip() != ""
)
#: Text fields that may be empty.
optional_texts = st.one_of(st.just(""), texts)
ids = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,15}", fullmatch=True)
years = st.integers(min_value=2000, max_value=2040)
months = st.integers(min_value=1, max_value=12)
money = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False, allow_infinity=False)
counts = st.integers(min_value=0, max_value=1000)
ZONES = (DEFAULT_ZONE, ZoneInfo("UTC"), ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York"))

#: Mailbox addresses an ORGANIZER can carry: dot-atoms at a domain of letters, digits and hyphens.
_atom = st.text(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&'*+/=?^_`{|}~-",
    min_size=1,
    max_size=12,
)
_label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
emails = st.builds(
    lambda local, labels: ".".join(local) + "@" + ".".join(labels),
    st.lists(_atom, min_size=1, max_size=3),
    st.lists(_label, min_size=2, max_size=4),
)


def days_in(year: int) -> st.SearchStrategy[date]:
    return st.dates(min_value=date(year, 1, 1), max_value=date(year, 12, 31))


@st.composite
def month_spans(draw: st.DrawFn, year: int) -> MonthSpan:
    first = draw(st.integers(1, 11))
    return MonthSpan(year, first, draw(st.integers(first + 1, 12)))


@st.composite
def day_ranges(draw: st.DrawFn, year: int) -> DayRange:
    first = draw(st.dates(date(year, 1, 1), date(year, 12, 30)))
    return DayRange(first, draw(st.dates(first + timedelta(days=1), date(year, 12, 31))))


@st.composite
def sessions(draw: st.DrawFn, year: int) -> Session:
    day = draw(st.dates(date(year, 1, 2), date(year, 12, 30)))
    clock = draw(
        st.times(min_value=time(6), max_value=time(20)).map(
            lambda t: t.replace(second=0, microsecond=0)
        )
    )
    minutes = draw(st.integers(15, 8 * 60))
    return Session(
        datetime.combine(day, clock, tzinfo=draw(st.sampled_from(ZONES))),
        timedelta(minutes=minutes),
    )


@st.composite
def recurrences(draw: st.DrawFn, year: int) -> Recurrence:
    session = draw(sessions(year))
    freq = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY"]))
    # Keep every occurrence inside the year: at most 8 monthly ones, otherwise stop by 20 December.
    start = session.start.replace(month=draw(st.integers(1, 4 if freq == "MONTHLY" else 11)), day=1)
    bound = draw(st.sampled_from(["COUNT", "UNTIL"]))
    rule = (
        f"FREQ={freq};COUNT={draw(st.integers(1, 8))}"
        if bound == "COUNT"
        else f"FREQ={freq};UNTIL={year}1220"
    )
    if freq == "WEEKLY" and draw(st.booleans()):
        rule += ";BYDAY=" + ",".join(
            draw(
                st.lists(
                    st.sampled_from(["MO", "TU", "WE", "TH", "FR"]),
                    min_size=1,
                    max_size=5,
                    unique=True,
                )
            )
        )
    base = Recurrence(start, session.duration, rule)
    occurrences = base.occurrences()
    excluded = draw(
        st.lists(st.sampled_from(occurrences), max_size=len(occurrences) - 1, unique=True)
    )
    return Recurrence(start, session.duration, rule, tuple(dt.date() for dt in excluded))


@st.composite
def mixed_spans(draw: st.DrawFn, year: int) -> MixedSpan:
    first = draw(st.integers(1, 11))
    last = draw(st.integers(first + 1, 12))
    parts = st.none() | st.sampled_from(Part)
    first_part, last_part = draw(parts), draw(parts)
    if first_part is None and last_part is None:
        last_part = draw(st.sampled_from(Part))
    return MixedSpan(year, first, first_part, last, last_part)


@st.composite
def weeks_of_month(draw: st.DrawFn, year: int) -> WeekOfMonth:
    month = draw(months)
    return WeekOfMonth(year, month, draw(st.integers(1, WeekOfMonth.weeks(year, month))))


repeats = st.one_of(
    st.sampled_from([Every.MONTH, Every.QUARTER]).map(lambda e: (e, None)),
    st.integers(0, 6).map(lambda d: (Every.WEEK, d)),
)
#: Labels a schedule puts after a date: observance names and free text.
labels = st.sampled_from(
    ["学雷锋日", "世界读书日", "开学典礼", "（周六）", "全民终身学习活动周启动"]
)
#: Observance phrases whose days stay inside the plan year (元旦前后 reaches into the year before).
occasion_texts = st.sampled_from(
    [
        f"{name}{relation}"
        for o in OBSERVANCES
        for name in (o.name, *o.aliases)
        for relation in ("", "前", "前后", "期间")
        if not (o.name == "元旦" and relation == "前后")
    ]
)


@st.composite
def clock_ranges(draw: st.DrawFn) -> ClockRange:
    start = draw(st.integers(6 * 60, 21 * 60))
    end = min(start + draw(st.integers(15, 4 * 60)), 23 * 60 + 59)
    return ClockRange(time(start // 60, start % 60), time(end // 60, end % 60))


@st.composite
def weeklies(draw: st.DrawFn, year: int, last_year: int | None = None) -> When:
    """A weekly class in ``year`` (whole years up to ``last_year``, or a span of ``year``).

    A single weekday all year without a clock time is a :class:`Repeat`, which this gives then.
    """
    last = year if last_year is None else last_year
    # At most the bound's class days: seven weekdays fit one year, one weekday nineteen.
    weekdays = draw(
        st.lists(
            st.integers(0, 6), min_size=1, max_size=max(1, 18 // (last - year + 1)), unique=True
        )
    )
    if last == year and draw(st.booleans()):
        first = draw(st.dates(date(year, 1, 1), date(year, 12, 25)))
        # A week or more, so every weekday has a class in it.
        within = DateSpan(first, draw(st.dates(first + timedelta(days=6), date(year, 12, 31))))
    else:
        within = DateSpan(date(year, 1, 1), date(last, 12, 31))
    match draw(st.sampled_from(["clock", "part", "day"])):
        case "clock":
            return Weekly(within, weekdays, draw(clock_ranges()))
        case "part":
            part = draw(st.sampled_from(DayPart))
            return Weekly(within, weekdays, DEFAULT_DAY_PARTS.clock(part), part)
    if len(weekdays) == 1 and within == DateSpan(date(year, 1, 1), date(last, 12, 31)):
        return Repeat(year, Every.WEEK, weekdays[0], last if last > year else None)
    return Weekly(within, weekdays)


def new_whens(year: int) -> st.SearchStrategy[When]:
    """The kinds beyond months, days and sessions: periods, mixed ranges, repeats, occasions."""
    return st.one_of(
        st.sampled_from(Period).map(lambda p: NamedPeriod(year, p)),
        mixed_spans(year),
        weeks_of_month(year),
        repeats.map(lambda r: Repeat(year, *r)),
        occasion_texts.map(lambda text: parse_when(text, year)),
        st.builds(LabelledDay, days_in(year), labels),
        weeklies(year),
    )


def _in_year(when: When, year: int) -> When | None:
    """``when``'s spelling read in ``year``, or None where that year has no such day."""
    try:
        return parse_when(str(when), year)
    except PlanError:
        return None  # 2月29日, or a week of the month that year does not have


@st.composite
def yearlies(draw: st.DrawFn, first: int, last: int) -> Yearly:
    """A *when* of one year again in each of ``first``–``last``: ``每年3月``, ``每年春节前后``."""
    inner = draw(
        whens(first).filter(
            lambda w: (
                not isinstance(w, Session | Recurrence | Repeat | Weekly)
                and all(_in_year(w, y) is not None for y in range(first, last + 1))
            )
        )
    )
    return Yearly(tuple(parse_when(str(inner), y) for y in range(first, last + 1)))


@st.composite
def across_years(draw: st.DrawFn, year: int) -> AcrossYears:
    """A span over the turn of ``year`` into the next (or the one after): ``11月-次年2月``."""

    def end(y: int) -> st.SearchStrategy[Month | MonthPart | Day]:
        return st.one_of(
            months.map(lambda m: Month(y, m)),
            st.builds(MonthPart, st.just(y), months, st.sampled_from(Part)),
            days_in(y).map(Day),
        )

    return AcrossYears(draw(end(year)), draw(end(year + draw(st.sampled_from([1, 1, 2])))))


def period_whens(first: int, last: int) -> st.SearchStrategy[When]:
    """What a plan of the years ``first``–``last`` (``last`` > ``first``) writes without a year."""
    return st.one_of(
        yearlies(first, last),
        st.sampled_from([Every.MONTH, Every.QUARTER]).map(lambda e: Repeat(first, e, None, last)),
        weeklies(first, last),
    )


def whens(year: int) -> st.SearchStrategy[When]:
    """Every kind of *when*, inside ``year``."""
    return st.one_of(
        new_whens(year),
        months.map(lambda m: Month(year, m)),
        month_spans(year),
        st.builds(MonthPart, st.just(year), months, st.sampled_from(Part)),
        days_in(year).map(Deadline),
        days_in(year).map(Day),
        day_ranges(year),
        sessions(year),
        recurrences(year),
    )


def count_ranges() -> st.SearchStrategy[CountRange]:
    return st.tuples(counts, counts).map(lambda p: CountRange(min(p), max(p)))


townships = st.builds(
    Township,
    name=texts,
    district=optional_texts,
    city=optional_texts,
    province=texts,
    resident_population=st.none() | st.integers(0, 10_000_000),
    kind=st.none() | st.sampled_from(UnitKind),
)
measures = st.builds(Measure, text=texts, title=optional_texts)
commitments = st.builds(
    Commitments,
    full_time_staff=st.none() | counts,
    staff=st.none() | count_ranges(),
    funding_per_resident=st.none() | money,
    funding_earmarked=st.none() | st.booleans(),
    learning_brands=st.none() | count_ranges(),
)
resources = st.builds(
    Resources,
    full_time_staff=st.none() | counts,
    part_time_staff=st.none() | counts,
    budget=st.none() | money,
)
sources = st.builds(
    Source,
    title=texts,
    issuer=st.none() | texts,
    issued_on=st.none() | st.dates(),
    url=st.none() | st.just("https://example.org/plan"),
)


def _unique(strategy: st.SearchStrategy[str], n: int) -> st.SearchStrategy[list[str]]:
    return st.lists(strategy, min_size=n, max_size=n, unique=True)


@st.composite
def departments(draw: st.DrawFn, max_size: int = 4) -> tuple[Department, ...]:
    n = draw(st.integers(0, max_size))
    names = draw(st.lists(one_line_texts, min_size=n * 2, max_size=n * 2, unique=True))
    out = []
    for i, department_id in enumerate(draw(_unique(ids, n))):
        aliases = (names[n + i],) if draw(st.booleans()) else ()
        colour = draw(st.none() | st.sampled_from(["steelblue", "darkorange", "darkslateblue"]))
        out.append(Department(department_id, names[i], aliases, colour))
    return tuple(out)


@st.composite
def stations(draw: st.DrawFn, max_size: int = 3) -> tuple[Station, ...]:
    n = draw(st.integers(0, max_size))
    names = draw(_unique(one_line_texts, n))
    return tuple(
        Station(
            station_id,
            names[i],
            place=draw(texts),
            theme=draw(optional_texts),
            focus=draw(optional_texts),
            resources=draw(st.lists(texts, max_size=3)),
            description=draw(optional_texts),
        )
        for i, station_id in enumerate(draw(_unique(ids, n)))
    )


@st.composite
def places(draw: st.DrawFn, max_size: int = 3) -> tuple[Place, ...]:
    n = draw(st.integers(0, max_size))
    return tuple(
        Place(
            place_id,
            draw(texts),
            draw(st.sampled_from(PlaceKind)),
            draw(st.none() | texts),
            draw(optional_texts),
        )
        for place_id in draw(_unique(ids, n))
    )


@st.composite
def targets(draw: st.DrawFn, max_size: int = 3) -> tuple[Target, ...]:
    n = draw(st.integers(0, max_size))
    out = []
    for target_id in draw(_unique(ids, n)):
        unit = draw(st.sampled_from(["%", "门", "人次"]))
        value = draw(st.decimals(0, 100 if unit == "%" else 10**6, places=2))
        out.append(
            Target(
                target_id,
                draw(texts),
                draw(st.sampled_from(Comparator)),
                value,
                unit,
                draw(optional_texts),
                stage=draw(st.none() | texts),
            )
        )
    return tuple(out)


@st.composite
def tasks(draw: st.DrawFn, max_size: int = 3) -> tuple[Task, ...]:
    """Tasks with mechanisms; every task and mechanism id is unique across the plan."""
    n = draw(st.integers(0, max_size))
    mechanism_counts = [draw(st.integers(0, 3)) for _ in range(n)]
    all_ids = draw(_unique(ids, n + sum(mechanism_counts)))
    out = []
    cursor = n
    for i in range(n):
        mechanisms = []
        for j in range(mechanism_counts[i]):
            mechanisms.append(
                Mechanism(
                    all_ids[cursor],
                    j + 1,
                    draw(one_line_texts),
                    draw(st.sampled_from(MechanismKind)),
                    draw(st.lists(measures, max_size=2)),
                    standing=draw(st.booleans()),
                )
            )
            cursor += 1
        out.append(
            Task(
                all_ids[i],
                i + 1,
                draw(one_line_texts),
                draw(st.lists(measures, max_size=2)),
                mechanisms,
                draw(st.booleans()),
            )
        )
    return tuple(out)


@st.composite
def plans(draw: st.DrawFn, max_activities: int = 6) -> Plan:
    """A valid plan of any shape: references resolve, ids are unique, dates lie in the year."""
    year = draw(years)
    plan_departments = draw(departments())
    plan_stations = draw(stations())
    plan_places = draw(places())
    plan_tasks = draw(tasks())
    servable = [t.id for t in plan_tasks] + [m.id for t in plan_tasks for m in t.mechanisms]
    activity_ids = draw(st.lists(ids, max_size=max_activities, unique=True))
    parts = draw(day_parts())
    activities = [
        Activity(
            activity_id,
            draw(one_line_texts),
            _at_parts(draw(whens(year)), parts),
            draw(st.lists(st.sampled_from(plan_departments), unique=True, max_size=2))
            if plan_departments
            else (),
            draw(st.none() | st.sampled_from(plan_stations)) if plan_stations else None,
            draw(st.lists(st.sampled_from(servable), unique=True, max_size=2)) if servable else (),
            draw(st.lists(texts, max_size=2)),
            draw(optional_texts),
            draw(st.lists(st.sampled_from(plan_places), unique=True, max_size=2))
            if plan_places
            else (),
        )
        for activity_id in activity_ids
    ]
    return Plan(
        id=draw(ids),
        township=draw(townships),
        year=year,
        title=draw(texts),
        guiding_principles=draw(optional_texts),
        goals=draw(optional_texts),
        tasks=plan_tasks,
        stations=plan_stations,
        departments=plan_departments,
        schedule=Schedule(activities, title=draw(optional_texts)),
        commitments=draw(commitments),
        resources=draw(resources),
        centre=draw(st.none() | st.builds(EducationCentre, one_line_texts, st.none() | emails)),
        issued_on=draw(st.none() | st.dates()),
        published_on=draw(st.none() | st.dates()),
        source=draw(st.none() | sources),
        profile=draw(st.none() | ids),
        document_number=draw(st.none() | texts),
        issuers=draw(st.lists(texts, max_size=2, unique=True).map(tuple)),
        preamble=draw(optional_texts),
        places=plan_places,
        targets=draw(targets()),
        period=draw(st.none() | _periods(year, [a.when for a in activities])),
        day_parts=parts,
    )


@st.composite
def day_parts(draw: st.DrawFn) -> DayParts:
    """A plan's 上午, 下午 and 晚上: the defaults or clock ranges that follow each other."""
    if draw(st.booleans()):
        return DEFAULT_DAY_PARTS
    bounds = sorted(
        draw(st.lists(st.integers(6 * 60, 23 * 60), min_size=6, max_size=6, unique=True))
    )
    clocks = [time(minutes // 60, minutes % 60) for minutes in bounds]
    return DayParts(*(ClockRange(clocks[i], clocks[i + 1]) for i in (0, 2, 4)))


def _at_parts(when: When, parts: DayParts) -> When:
    """A class named by its part of the day, held at the plan's own clock for that part."""
    if isinstance(when, Weekly) and when.part is not None:
        return attrs.evolve(when, clock=parts.clock(when.part))
    return when


def _periods(year: int, whens: list[When]) -> st.SearchStrategy[DateSpan]:
    """A period of ``year`` that holds every day of ``whens``: as narrow as they allow, or wider."""
    firsts = [w.span.first for w in whens if w.span.first.year == year]
    lasts = [w.span.last for w in whens if w.span.last.year == year]
    earliest = min(firsts, default=date(year, 12, 31))
    latest = max(lasts, default=date(year, 1, 1))
    if earliest > latest:
        earliest, latest = latest, earliest
    return st.builds(
        DateSpan,
        st.dates(date(year, 1, 1), earliest),
        st.dates(latest, date(year, 12, 31)),
    )


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


# -- plan documents, for the importer ---------------------------------------------------------

#: The pieces a plan document is made of: its numbering, headings, 配档表 words, tabs and
#: punctuation, mixed with any other text, so that generated documents reach every branch.
_PLAN_WORDS = st.sampled_from(
    [
        "一、",
        "二、指导思想",
        "三、主要任务",
        "四、保障措施",
        "（一）",
        "（二）实施管理机制",
        "1.",
        "2.",
        "10.",
        "。",
        "：",
        "；",
        "“",
        "”",
        "2021年",
        "金山镇",
        "街道",
        "月份",
        "工作安排",
        "责任部门",
        "牵头单位",
        "完成时限",
        "4月",
        "7-8月",
        "（7-8月）",
        "全年",
        "社区教育中心",
        "“东崖村社区教育工作站”",
        "以",
        "为主",
        "配档表",
        "\t",
        "\n",
        "\n\n",
        "\n\t",
        "、",
    ]
)


@st.composite
def plan_documents(draw: st.DrawFn) -> str:
    """Text shaped like a plan document (headings, numbered items, tab tables) or like nothing."""
    pieces = draw(st.lists(st.one_of(_PLAN_WORDS, st.text(max_size=8)), max_size=60))
    return "".join(pieces)


#: a value in a portal's record of a document: any text on one line that holds no colon (a colon
#: after a key is what ends the value before it)
portal_values = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters=":："),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip())


# -- ledgers ---------------------------------------------------------------------------------------

_LEDGER_TEXT = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=12
).filter(lambda s: s.strip() == s and s.strip() and not set(s) & set("；;、，,:：\n"))


@st.composite
def ledger_records(draw: st.DrawFn, year: int, activity_ids: tuple[str, ...]) -> list[Record]:
    """Records whose every field survives a spreadsheet cell and a TOML value."""
    count = draw(st.integers(0, 5))
    records = []
    for i in range(count):
        participants = draw(st.integers(0, 5000))
        records.append(
            Record(
                f"r{i:03d}",
                draw(_LEDGER_TEXT),
                tuple(draw(st.lists(days_in(year), min_size=1, max_size=3))),
                activity=draw(st.one_of(st.none(), st.sampled_from(activity_ids)))
                if activity_ids
                else None,
                place=draw(st.one_of(st.just(""), _LEDGER_TEXT)),
                participants=participants,
                elders=draw(st.one_of(st.none(), st.integers(0, participants))),
                evidence=tuple(
                    Evidence(k, r)
                    for k, r in draw(
                        st.lists(
                            st.tuples(
                                # a slip for a kind of the vocabulary is refused on reading
                                _LEDGER_TEXT.filter(lambda k: near_miss(k) is None),
                                st.one_of(st.just(""), _LEDGER_TEXT),
                            ),
                            max_size=2,
                        )
                    )
                ),
                notes=draw(st.one_of(st.just(""), _LEDGER_TEXT)),
            )
        )
    return records


def wrongly_typed(*more: object) -> st.SearchStrategy[object]:
    """Values of every kind a caller might pass by mistake, and ``more`` of the caller's own."""
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True),
        st.text(max_size=8),
        st.binary(max_size=8),
        st.lists(st.integers(), max_size=2),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
        st.just(object()),
        st.just(Decimal("NaN")),
        st.just(date(2021, 3, 8)),
        st.just(datetime(2021, 3, 8, 14, 30)),  # no zone
        st.sampled_from(more) if more else st.nothing(),
    )


# -- ledger cells as clerks type them ----------------------------------------------------------


def date_spellings(day: date) -> list[object]:
    """Every way a clerk may write ``day`` in a ledger cell of a plan for ``day.year``."""
    y, m, d = day.year, day.month, day.day
    return [
        day,
        datetime(y, m, d),
        datetime(y, m, d, 9, 30),  # a date-and-time cell: the day is what counts
        day.isoformat(),
        f"{y}-{m}-{d}",
        f"{y}.{m}.{d}",
        f"{y}/{m}/{d}",
        f"{y}/{m:02d}/{d:02d}",
        f"{y}年{m}月{d}日",
        f"{y} 年 {m} 月 {d} 日",
        f"{m}月{d}日",
        f"{m}月{d}号",
        f"{m}.{d}",
        f"{m}/{d}",
        f"{day.isoformat()} 00:00:00",  # a date cell saved as CSV by a spreadsheet
        f"{y}．{m}．{d}".translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    ]


def junk_cells() -> st.SearchStrategy[str]:
    """Cell text that is no date, time or count: words, stray digits, signs."""
    return st.one_of(
        st.sampled_from(
            ["明天", "上午", "四十", "²", "-3", "3.5人", "2021-02-30", "13月1日", "25:00"]
        ),
        st.text(st.sampled_from("天月年点?!xyz#"), min_size=1, max_size=6),
    )


@st.composite
def reaches(draw: st.DrawFn) -> Reach:
    """A ledger's head counts: elders taking part never more than the persons or the elders."""
    persons = draw(st.one_of(st.none(), st.integers(0, 10**6)))
    population = draw(st.one_of(st.none(), st.integers(0, 10**6)))
    bounds = [b for b in (persons, population) if b is not None]
    elders = draw(st.one_of(st.none(), st.integers(0, min(bounds, default=10**6))))
    return Reach(persons, elders, population)


#: characters of a plan's title that spell no word the importer reads a title's end from
_TITLE_WORDS = "完善泛在可及终身学习服务体系打造新时代型城市社区教育建设推进"


@st.composite
def set_titles(draw: st.DrawFn, max_lines: int) -> tuple[str, list[str], list[str]]:
    """A plan's title set over at most ``max_lines`` lines, as GB/T 9704-2012 §7.3.1 sets a long
    one, and the title of the notice that issues it (关于印发…的通知) set over lines too, never
    inside 关于 or 通知: the title, the notice's lines and the title's lines."""
    words = draw(st.text(st.sampled_from(_TITLE_WORDS), min_size=1, max_size=16))
    years = draw(st.sampled_from(["", "(2025—2027年)", "（2018-2020年）"]))
    title = f"{words}实施方案{years}"

    def lines(text: str, low: int, high: int) -> list[str]:
        cuts = draw(st.sets(st.integers(low, high), max_size=max_lines - 1))
        bounds = [0, *sorted(cuts), len(text)]
        return [text[bounds[i] : bounds[i + 1]] for i in range(len(bounds) - 1)]

    notice = f"关于印发{title}的通知"
    return title, lines(notice, 2, len(notice) - 2), lines(title, 1, len(title) - 1)
