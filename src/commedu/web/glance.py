"""The year at a glance: one page with the schedule as a month × department grid and the check.

The page is a document, not an app: real table markup with header cells a screen reader
announces, marks and words rather than colour, no script. The same plan gives the same bytes,
whether written by ``commedu html`` or served by ``commedu serve``.
"""

from __future__ import annotations

import os
from calendar import monthrange
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path

from commedu._atomic import write_bytes
from commedu._messages import Lang, kind_label, render
from commedu._page import Markup, document, join
from commedu._typecheck import check_arguments
from commedu._version import __version__
from commedu.compliance.actuals import Progress
from commedu.compliance.assessment import Assessment, assess
from commedu.compliance.report import said
from commedu.errors import ProfileError
from commedu.model.fieldcheck import define
from commedu.model.holidays import holiday_year
from commedu.model.ledger import Ledger
from commedu.model.observances import OBSERVANCES
from commedu.model.parts import Activity, Department
from commedu.model.plan import Plan
from commedu.model.profile import Profile
from commedu.model.when import Month, Recurrence, Session
from commedu.report.inspection import inspection
from commedu.report.render import month_chart
from commedu.web.subscribe import plan_section

__all__ = ["glance_html", "write_glance"]


def _say(key: str, lang: Lang, /, **params: object) -> str:
    """The page's words, from the catalogue (``glance-`` entries)."""
    return render(f"glance-{key}", lang, **params)


#: A mark beside each status word, so a printout in black and white reads the same.
_MARKS = {"pass": "✓", "fail": "✗", "not-evaluable": "?", "not-applicable": "–"}
_PROGRESS_MARKS = {"done": "✓", "early": "✓", "late": "!", "missing": "✗", "not-due": "·"}


@define
class Entry:
    """One thing in a cell: a title, and the lines under it (when, where)."""

    title: str
    details: tuple[str, ...] = ()


@define
class Column:
    """One column of the grid: its header and what it holds in each month.

    A department is a column; so is anything else that falls in months (the year's observances,
    once the model names them): one more column, no change to the grid.
    """

    header: str
    entries: Callable[[int], Sequence[Entry]]


Section = Callable[[Plan, Lang], str]


def glance_html(
    plan: Plan,
    *,
    lang: Lang | None = None,
    ledger: Ledger | None = None,
    as_of: date | None = None,
    profile: Profile | None = None,
    feeds_url: str | None = None,
    in_app: bool = False,
) -> bytes:
    """The page as UTF-8 bytes, in ``lang`` (default: the plan's own language).

    With a ``ledger`` of what was done, the page also shows each planned activity's progress on
    ``as_of`` (default: the last day of the plan's period). The plan is checked against
    ``profile`` (default: the one the plan names). After the schedule, the page says how to
    subscribe to the plan's calendars: with ``feeds_url``, the public address they are served
    under (where ``plan.ics`` is), each feed's full address and its QR code; without, links
    relative to the page; ``in_app``, for an app's own browser (which cannot subscribe), it says
    to open the page in a real browser.
    """
    check_arguments(
        glance_html,
        plan=plan,
        lang=lang,
        ledger=ledger,
        as_of=as_of,
        profile=profile,
        feeds_url=feeds_url,
        in_app=in_app,
    )
    chosen = lang or plan.language
    judged = _judge(plan, ledger, as_of, profile)
    footer = _say("footer", chosen, version=__version__)
    # Every section is Markup: text from the plan in it was escaped as it went in.
    body = join(
        [
            _header(plan, chosen),
            Markup("<main>\n"),
            *(Markup(section(plan, chosen)) for section in SECTIONS),
            _subscribe(plan, chosen, feeds_url, in_app),
            _compliance(judged, chosen),
            _progress(judged, chosen),
            Markup("</main>\n<footer><p>{}</p></footer>\n").format(footer),
        ]
    )
    return document(chosen, _say("page", chosen, title=plan.title), body).encode("utf-8")


def write_glance(
    plan: Plan,
    path: str | os.PathLike[str],
    *,
    lang: Lang | None = None,
    ledger: Ledger | None = None,
    as_of: date | None = None,
    profile: Profile | None = None,
    feeds_url: str | None = None,
) -> Path:
    """Write the page to ``path`` atomically: a reader sees the old page or the new, never half."""
    page = glance_html(
        plan, lang=lang, ledger=ledger, as_of=as_of, profile=profile, feeds_url=feeds_url
    )
    return write_bytes(path, page)


def _header(plan: Plan, lang: Lang) -> Markup:
    town = plan.township
    # From the province down; each language sets a smaller place beside a larger its own way.
    levels = [level for level in (town.province, town.city, town.district, town.name) if level]
    place = levels[0] if levels else ""
    for level in levels[1:]:
        place = _say("place", lang, large=place, small=level)
    years = str(plan.year) if plan.until == plan.year else f"{plan.year}–{plan.until}"
    where = _say("where", lang, place=place, year=years)
    return Markup('<header>\n<h1>{}</h1>\n<p class="muted">{}</p>\n</header>\n').format(
        plan.title, where
    )


@define
class MonthIndex:
    """The grid's cells, made in one pass over the schedule's months (indexed once, by the model).

    ``by_department`` holds what each department (by id) does in each month, ``unassigned`` what
    no department is named for, in the order of the days they start.
    """

    by_department: Mapping[str, Mapping[int, Sequence[Entry]]]
    unassigned: Mapping[int, Sequence[Entry]]

    @classmethod
    def of(cls, plan: Plan, lang: Lang, year: int | None = None) -> MonthIndex:
        """The cells of the plan's year, or of ``year`` of a plan that spans several."""
        # A stable sort: work starting on the same day keeps the schedule's order.
        order = sorted(plan.activities, key=lambda activity: activity.when.span.first)
        rank = {activity.id: i for i, activity in enumerate(order)}
        entries = {activity.id: _entry(activity, lang) for activity in order}
        by_department: dict[str, dict[int, list[Entry]]] = {}
        unassigned: dict[int, list[Entry]] = {}

        def in_month(month: int) -> Sequence[Activity]:
            if year is None:
                return plan.activities_in_month(month)
            return [a for a in plan.activities if a.when.span.touches_month(year, month)]

        for month in range(1, 13):
            for activity in sorted(in_month(month), key=lambda a: rank[a.id]):
                entry = entries[activity.id]
                keys = dict.fromkeys(d.id for d in activity.responsible)
                for target in [by_department.setdefault(k, {}) for k in keys] or [unassigned]:
                    target.setdefault(month, []).append(entry)
        return cls(by_department, unassigned)

    def departments(self, plan: Plan) -> list[Department]:
        """The plan's departments that have work, in the plan's order."""
        return [d for d in plan.departments if d.id in self.by_department]


def columns(
    plan: Plan, lang: Lang, index: MonthIndex | None = None, year: int | None = None
) -> list[Column]:
    """A column per department that has work, then one for work no department is named for.

    ``year`` picks one year of a plan that spans several (default: the plan's first).
    """
    index = index or MonthIndex.of(plan, lang, year)

    def of(months: Mapping[int, Sequence[Entry]]) -> Callable[[int], Sequence[Entry]]:
        return lambda month: months.get(month, ())

    found = [Column(d.name, of(index.by_department[d.id])) for d in index.departments(plan)]
    if any(not a.responsible for a in plan.activities):
        found.append(Column(_say("no-department", lang), of(index.unassigned)))
    found.append(_observances(plan, lang, plan.year if year is None else year))
    return found


def _observances(plan: Plan, lang: Lang, year: int) -> Column:
    """The year's observances and the township's school holidays, by the month they fall in."""
    by_month: dict[int, list[tuple[date, Entry]]] = {month: [] for month in range(1, 13)}
    for day_of in OBSERVANCES:
        day = day_of.on(year)
        name = render(f"observance:{day_of.name}", lang)
        by_month[day.month].append((day, Entry(name, (f"{day:%m-%d}",))))
    for holiday in plan.school_holidays:
        if holiday.first.year != year and holiday.last.year != year:
            continue
        shown = f"{holiday.first:%m-%d}–{holiday.last:%m-%d}"
        for month in range(1, 13):
            last = date(year, month, monthrange(year, month)[1])
            if holiday.first <= last and holiday.last >= date(year, month, 1):
                by_month[month].append((holiday.first, Entry(holiday.name, (shown,))))
    for day, entry in _holidays(year, lang):
        by_month[day.month].append((day, entry))
    ordered = {
        m: [e for _, e in sorted(found, key=lambda f: f[0])] for m, found in by_month.items()
    }
    return Column(_say("observances", lang), lambda month: ordered[month])


def _holidays(year: int, lang: Lang) -> Iterator[tuple[date, Entry]]:
    """The year's holiday breaks and make-up working days, where the arrangement is known."""
    arrangement = holiday_year(year)
    if arrangement is None:
        return
    for days_off in arrangement.breaks:
        name = render("glance-holiday", lang, name=days_off.name(lang))
        entry = Entry(name, (f"{days_off.first:%m-%d}–{days_off.last:%m-%d}",))
        for day in dict.fromkeys((days_off.first, days_off.last)):
            if day.year == year and (day == days_off.first or day.month != days_off.first.month):
                yield day, entry
    for day in arrangement.workdays:
        yield day, Entry(render("glance-workday", lang), (f"{day:%m-%d}",))


def _when(activity: Activity) -> str:
    """Clock times for a session, else the *when* in the plan's own words."""
    when = activity.when
    match when:
        case Session():
            return f"{when.start:%m-%d %H:%M}–{(when.start + when.duration):%H:%M}"
        case Recurrence():
            span = when.span
            return f"{span.first:%m-%d}–{span.last:%m-%d} {when.start:%H:%M}"
    return activity.wording


def _entry(activity: Activity, lang: Lang) -> Entry:
    # A whole month is what the row already says; anything else is worth its own line.
    details: tuple[str, ...] = () if isinstance(activity.when, Month) else (_when(activity),)
    if activity.station is not None:
        details += (_say("station", lang, name=activity.station.name),)
    if activity.places:
        names = render("cal-list", lang).join(p.name for p in activity.places)
        details += (_say("places-of", lang, names=names),)
    return Entry(activity.title, details)


def _item(entry: Entry) -> Markup:
    details = join(Markup('<span class="detail">%s</span>') % d for d in entry.details)
    return Markup("<li>%s%s</li>") % (entry.title, details)


def _cell(entries: Sequence[Entry], lang: Lang, item: Callable[[Entry], Markup] = _item) -> Markup:
    if not entries:
        return Markup(
            '<td><span class="none" aria-hidden="true">—</span><span class="sr">%s</span></td>'
        ) % _say("none", lang)
    return Markup("<td><ul>%s</ul></td>") % join(item(entry) for entry in entries)


def _month(month: int, lang: Lang) -> str:
    return render(f"month:{month}", lang)


def _schedule(plan: Plan, lang: Lang) -> Markup:
    """The grid of the plan's months; a plan of several years has a grid for each year."""
    years = sorted({year for year, _ in plan.months})
    if len(years) == 1:
        return _grid(plan, lang, None, [m for _, m in plan.months])
    return join(_grid(plan, lang, year, [m for y, m in plan.months if y == year]) for year in years)


def _grid(plan: Plan, lang: Lang, year: int | None, months: Sequence[int]) -> Markup:
    """One year's grid: the plan's own (``year`` None) or ``year`` of a plan of several."""
    index = MonthIndex.of(plan, lang, year)
    grid = columns(plan, lang, index, year)
    caption = _say("caption", lang, schedule=plan.schedule.title or plan.title)
    suffix = "" if year is None else f"-{year}"
    if year is not None:
        caption = _say("caption-year", lang, year=year, caption=caption)
    # An item spanning months shows in each of them: its markup is made once.
    made: dict[Entry, Markup] = {}

    def item(entry: Entry) -> Markup:
        found = made.get(entry)
        if found is None:
            found = made[entry] = _item(entry)
        return found

    head = join(Markup('<th scope="col">%s</th>') % c.header for c in grid)
    rows = join(
        Markup('<tr><th scope="row">%s</th>%s</tr>\n')
        % (_month(month, lang), join(_cell(c.entries(month), lang, item) for c in grid))
        for month in months
    )
    activities = plan.activities
    if year is not None:
        activities = tuple(a for a in activities if a.when.span.first.year <= year)
        activities = tuple(a for a in activities if a.when.span.last.year >= year)
    count = _say("count", lang, n=len(activities), departments=len(index.departments(plan)))
    # On paper the grid gets a landscape page of its own; the hint about scrolling is for screens.
    return Markup(
        '<section class="wide" aria-labelledby="schedule{suffix}">\n'
        '<h2 id="schedule{suffix}">{schedule}</h2>\n'
        "<p>{count}</p>\n"
        '<p class="muted screen">{hint}</p>\n'
        '<div class="scroll" role="region" aria-labelledby="grid-caption{suffix}" tabindex="0">\n'
        '<table class="grid">\n'
        '<caption id="grid-caption{suffix}">{caption}</caption>\n'
        '<thead><tr><th scope="col">{month}</th>{head}</tr></thead>\n'
        "<tbody>\n{rows}</tbody>\n"
        "</table>\n</div>\n</section>\n"
    ).format(
        suffix=suffix,
        schedule=_say("schedule", lang) if year is None else _say("schedule-year", lang, year=year),
        count=count,
        hint=_say("hint", lang),
        caption=caption,
        month=_say("month", lang),
        head=head,
        rows=rows,
    )


def _judge(
    plan: Plan, ledger: Ledger | None, as_of: date | None, profile: Profile | None
) -> Assessment | ProfileError:
    """The one assessment the page shows: the given or the plan's own profile, with the ledger."""
    try:
        return assess(plan, profile, ledger=ledger, as_of=as_of)
    except ProfileError as error:
        return error


def _findings(lines: Sequence[tuple[str, str]]) -> Markup:
    if not lines:
        return Markup()
    items = join(Markup("<li><code>%s</code> %s</li>") % line for line in lines)
    return Markup('<ul class="findings">%s</ul>') % items


def _table(name: str, header: Sequence[str], rows: Sequence[Markup], lang: Lang) -> Markup:
    """A scrolling table of a section: its caption, its column heads and its rows."""
    heads = join(Markup('<th scope="col">%s</th>') % _say(key, lang) for key in header)
    return Markup(
        '<div class="scroll" role="region" aria-labelledby="{name}-caption" tabindex="0">\n'
        "<table>\n"
        '<caption id="{name}-caption">{caption}</caption>\n'
        "<thead><tr>{heads}</tr></thead>\n"
        "<tbody>\n{rows}</tbody>\n"
        "</table>\n</div>\n"
    ).format(name=name, caption=_say(f"{name}-caption", lang), heads=heads, rows=join(rows))


def _compliance(judged: Assessment | ProfileError, lang: Lang) -> Markup:
    head = Markup('<section aria-labelledby="compliance">\n<h2 id="compliance">%s</h2>\n') % _say(
        "compliance", lang
    )
    if isinstance(judged, ProfileError):
        reason = judged.describe(lang)
        return head + Markup("<p>%s</p>\n</section>\n") % _say("profile-error", lang, reason=reason)
    report = judged.compliance
    profile = report.profile
    if profile is None:
        about = _say("no-profile", lang)
    else:
        about = _say("profile", lang, name=profile.name, title=profile.title(lang))
    summary = _say("list", lang).join(
        f"{status.label(lang)} {count}" for status, count in report.counts.items()
    )
    rows = []
    for result in report.results:
        # A failure in several places lists every one: which stations, not only how many.
        found = (
            [(said(f.path, lang), f.message(lang)) for f in result.findings]
            if len(result.findings) > 1
            else []
        )
        rows.append(
            Markup(
                '<tr><th scope="row">{code}</th><td>{title}</td><td>{severity}</td>'
                '<td><span aria-hidden="true">{mark} </span>{status}</td>'
                "<td>{message}{findings}</td></tr>\n"
            ).format(
                code=result.code,
                title=result.rule.title(lang),
                severity=result.severity.label(lang),
                mark=_MARKS.get(result.status.value, "·"),
                status=result.status.label(lang),
                message=result.message(lang),
                findings=_findings(found),
            )
        )
    header = ("code", "rule", "severity", "status", "message")
    return join(
        [
            head,
            Markup("<p>%s</p>\n<p><strong>%s</strong></p>\n") % (about, summary),
            _table("rules", header, rows, lang),
            Markup("</section>\n"),
        ]
    )


def _progress(judged: Assessment | ProfileError, lang: Lang) -> Markup:
    """Progress against the ledger: nothing without one (or when the plan cannot be judged)."""
    if isinstance(judged, ProfileError) or judged.as_of is None:
        return Markup()
    day = judged.as_of
    found = judged.progress
    counts = Counter(item.status for item in found)
    summary = _say("list", lang).join(
        f"{status.label(lang)} {counts[status]}" for status in Progress if counts[status]
    )
    rows = [
        Markup(
            '<tr><th scope="row">{title}</th><td>{wording}</td>'
            '<td><span aria-hidden="true">{mark} </span>{status}</td><td>{held}</td></tr>\n'
        ).format(
            title=item.activity.title,
            wording=item.activity.wording,
            mark=_PROGRESS_MARKS[item.status.value],
            status=item.status.label(lang),
            held=_say("list", lang).join(f"{r.first:%m-%d}" for r in item.records) or "—",
        )
        for item in found
    ]
    header = ("activity", "month", "status", "held")
    return join(
        [
            Markup('<section aria-labelledby="progress">\n<h2 id="progress">%s</h2>\n')
            % _say("progress", lang),
            Markup("<p>%s <strong>%s</strong></p>\n")
            % (_say("progress-as-of", lang, day=day.isoformat()), summary),
            # completion by month, drawn as the inspection report draws it, above the table
            month_chart(inspection(judged), lang),
            _table("progress", header, rows, lang),
            Markup("</section>\n"),
        ]
    )


def _places(plan: Plan, lang: Lang) -> Markup:
    """Where the work happens: each place, then each station, with how many activities it holds."""
    held = Counter(place for a in plan.activities for place in a.places)
    held_at = Counter(a.station for a in plan.activities if a.station is not None)
    rows = [
        Markup('<tr><th scope="row">{name}</th><td>{kind}</td><td>{count}</td></tr>\n').format(
            name=name, kind=kind, count=count
        )
        for name, kind, count in (
            *((p.name, p.kind.label(lang), held[p]) for p in plan.places),
            *((s.name, kind_label("ref", "station", lang), held_at[s]) for s in plan.stations),
        )
    ]
    if not rows:
        return Markup()
    return join(
        [
            Markup('<section aria-labelledby="places">\n<h2 id="places">%s</h2>\n')
            % _say("places", lang),
            _table("places", ("place-name", "place-kind", "place-activities"), rows, lang),
            Markup("</section>\n"),
        ]
    )


# -- subscribing to the plan's calendars ------------------------------------------------------------


def _subscribe(plan: Plan, lang: Lang, feeds_url: str | None, in_app: bool) -> Markup:
    """How to subscribe, after the schedule: what the served list of feeds says of this plan."""
    folder = None if feeds_url is None else feeds_url.rstrip("/") + "/"
    return plan_section(plan, lang, folder, in_app=in_app)


#: The page's sections of the plan alone, in order, each a function of the plan and the language;
#: the assessment (the compliance check, then progress against a ledger) follows them.
SECTIONS: tuple[Section, ...] = (_schedule, _places)
