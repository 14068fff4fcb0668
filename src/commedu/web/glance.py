"""The year at a glance: one page with the schedule as a month × department grid and the check.

The page is a document, not an app: real table markup with header cells a screen reader
announces, marks and words rather than colour, no script. The same plan gives the same bytes,
whether written by ``commedu html`` or served by ``commedu serve``.
"""

from __future__ import annotations

import os
from calendar import monthrange
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from commedu._atomic import write_bytes
from commedu._messages import Lang
from commedu._typecheck import check_arguments
from commedu._version import __version__
from commedu.compliance.actuals import Progress, progress
from commedu.compliance.engine import check
from commedu.compliance.report import ComplianceReport
from commedu.compliance.rule import Actuals
from commedu.errors import ProfileError
from commedu.model.fieldcheck import define
from commedu.model.ledger import Ledger
from commedu.model.observances import OBSERVANCES
from commedu.model.parts import Activity, Department
from commedu.model.plan import Plan
from commedu.model.when import Month, Recurrence, Session
from commedu.web.html import document, esc

__all__ = ["glance_html", "write_glance"]

_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_LABELS: dict[Lang, dict[str, str]] = {
    "zh": {
        "page": "{title} · 全年一览",
        "where": "{place} · {year}年",
        "schedule": "全年工作安排",
        "caption": "{schedule}：每行一个月，每列一个责任部门",
        "hint": "表格较宽时可左右滑动查看全部部门。",
        "month": "月份",
        "month-name": "{month}月",
        "no-department": "未指定部门",
        "none": "无",
        "station": "工作站：{name}",
        "count": "全年共 {n} 项工作，{departments} 个责任部门。",
        "compliance": "合规检查",
        "profile": "标准档案：{name}（{title}）",
        "no-profile": "未指定标准档案：需要标准数值的规则无法判定。",
        "profile-error": "计划指定的标准档案无法载入：{reason}",
        "code": "代码",
        "rule": "规则",
        "severity": "级别",
        "status": "结果",
        "message": "说明",
        "rules-caption": "各条规则的检查结果",
        "list": "，",
        "footer": "由 commedu {version} 生成。",
        "observances": "节日与纪念日",
        "progress": "完成进度",
        "progress-as-of": "按台账截至 {day} 的情况：",
        "progress-caption": "每项计划工作的完成情况",
        "activity": "工作",
        "held": "开展记录",
    },
    "en": {
        "page": "{title} · the year at a glance",
        "where": "{place} · {year}",
        "schedule": "The year's work",
        "caption": "{schedule}: one row per month, one column per responsible department",
        "hint": "On a narrow screen, scroll the table sideways to see every department.",
        "month": "Month",
        "month-name": "{name}",
        "no-department": "No department",
        "none": "none",
        "station": "Station: {name}",
        "count": "{n} activities in the year, {departments} responsible departments.",
        "compliance": "Compliance check",
        "profile": "Profile: {name} ({title})",
        "no-profile": "No profile named: rules that need a standard's thresholds cannot be judged.",
        "profile-error": "The profile the plan names cannot be loaded: {reason}",
        "code": "Code",
        "rule": "Rule",
        "severity": "Severity",
        "status": "Status",
        "message": "Message",
        "rules-caption": "What each rule found",
        "list": ", ",
        "footer": "Made by commedu {version}.",
        "observances": "Observances",
        "progress": "Progress",
        "progress-as-of": "From the ledger, as of {day}:",
        "progress-caption": "Where each planned activity stands",
        "activity": "Activity",
        "held": "Sessions held",
    },
}

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
) -> bytes:
    """The page as UTF-8 bytes, in ``lang`` (default: the plan's own language).

    With a ``ledger`` of what was done, the page also shows each planned activity's progress on
    ``as_of`` (default: the last day of the plan year).
    """
    check_arguments(glance_html, plan=plan, lang=lang, ledger=ledger, as_of=as_of)
    chosen = lang or plan.language
    labels = _LABELS[chosen]
    progress = [] if ledger is None else [_progress(plan, ledger, as_of, chosen)]
    body = "".join(
        [
            _header(plan, chosen),
            "<main>\n",
            *(section(plan, chosen) for section in SECTIONS),
            *progress,
            "</main>\n",
            f"<footer><p>{esc(labels['footer'].format(version=__version__))}</p></footer>\n",
        ]
    )
    return document(chosen, labels["page"].format(title=plan.title), body).encode("utf-8")


def write_glance(
    plan: Plan,
    path: str | os.PathLike[str],
    *,
    lang: Lang | None = None,
    ledger: Ledger | None = None,
    as_of: date | None = None,
) -> Path:
    """Write the page to ``path`` atomically: a reader sees the old page or the new, never half."""
    return write_bytes(path, glance_html(plan, lang=lang, ledger=ledger, as_of=as_of))


def _header(plan: Plan, lang: Lang) -> str:
    town = plan.township
    levels = [town.province, town.city, town.district, town.name]
    if lang == "en":
        levels.reverse()
    place = ("" if lang == "zh" else ", ").join(level for level in levels if level)
    where = _LABELS[lang]["where"].format(place=place, year=plan.year)
    return f'<header>\n<h1>{esc(plan.title)}</h1>\n<p class="muted">{esc(where)}</p>\n</header>\n'


def columns(plan: Plan, lang: Lang) -> list[Column]:
    """A column per department that has work, then one for work no department is named for."""
    labels = _LABELS[lang]

    def of(wanted: Callable[[Activity], bool]) -> Callable[[int], Sequence[Entry]]:
        def entries(month: int) -> list[Entry]:
            chosen = [a for a in plan.activities_in_month(month) if wanted(a)]
            return [_entry(a, lang) for a in sorted(chosen, key=lambda a: a.when.span.first)]

        return entries

    def responsible(department: Department) -> Callable[[Activity], bool]:
        return lambda activity: department in activity.responsible

    found = [
        Column(d.name, of(responsible(d)))
        for d in plan.departments
        if plan.schedule.of_department(d.id)
    ]
    if any(not a.responsible for a in plan.activities):
        found.append(Column(labels["no-department"], of(lambda a: not a.responsible)))
    found.append(_observances(plan, lang))
    return found


def _observances(plan: Plan, lang: Lang) -> Column:
    """The year's observances and the township's school holidays, by the month they fall in."""
    by_month: dict[int, list[tuple[date, Entry]]] = {month: [] for month in range(1, 13)}
    for day_of in OBSERVANCES:
        day = day_of.on(plan.year)
        by_month[day.month].append((day, Entry(day_of.name, (f"{day:%m-%d}",))))
    for holiday in plan.school_holidays:
        if holiday.first.year != plan.year and holiday.last.year != plan.year:
            continue
        shown = f"{holiday.first:%m-%d}–{holiday.last:%m-%d}"
        for month in range(1, 13):
            last = date(plan.year, month, monthrange(plan.year, month)[1])
            if holiday.first <= last and holiday.last >= date(plan.year, month, 1):
                by_month[month].append((holiday.first, Entry(holiday.name, (shown,))))
    ordered = {
        m: [e for _, e in sorted(found, key=lambda f: f[0])] for m, found in by_month.items()
    }
    return Column(_LABELS[lang]["observances"], lambda month: ordered[month])


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
        details += (_LABELS[lang]["station"].format(name=activity.station.name),)
    return Entry(activity.title, details)


def _cell(entries: Sequence[Entry], lang: Lang) -> str:
    if not entries:
        none = esc(_LABELS[lang]["none"])
        return (
            f'<td><span class="none" aria-hidden="true">—</span><span class="sr">{none}</span></td>'
        )
    items = []
    for entry in entries:
        details = "".join(f'<span class="detail">{esc(d)}</span>' for d in entry.details)
        items.append(f"<li>{esc(entry.title)}{details}</li>")
    return f"<td><ul>{''.join(items)}</ul></td>"


def _month(month: int, lang: Lang) -> str:
    return _LABELS[lang]["month-name"].format(month=month, name=_MONTHS_EN[month - 1])


def _schedule(plan: Plan, lang: Lang) -> str:
    labels = _LABELS[lang]
    grid = columns(plan, lang)
    caption = labels["caption"].format(schedule=plan.schedule.title or plan.title)
    head = "".join(f'<th scope="col">{esc(c.header)}</th>' for c in grid)
    rows = []
    for month in range(1, 13):
        cells = "".join(_cell(c.entries(month), lang) for c in grid)
        rows.append(f'<tr><th scope="row">{esc(_month(month, lang))}</th>{cells}</tr>\n')
    count = labels["count"].format(
        n=len(plan.activities),
        departments=sum(1 for d in plan.departments if plan.schedule.of_department(d.id)),
    )
    return (
        '<section aria-labelledby="schedule">\n'
        f'<h2 id="schedule">{esc(labels["schedule"])}</h2>\n'
        f"<p>{esc(count)}</p>\n"
        f'<p class="muted">{esc(labels["hint"])}</p>\n'
        '<div class="scroll" role="region" aria-labelledby="grid-caption" tabindex="0">\n'
        '<table class="grid">\n'
        f'<caption id="grid-caption">{esc(caption)}</caption>\n'
        f'<thead><tr><th scope="col">{esc(labels["month"])}</th>{head}</tr></thead>\n'
        f"<tbody>\n{''.join(rows)}</tbody>\n"
        "</table>\n</div>\n</section>\n"
    )


def _report(plan: Plan) -> ComplianceReport | ProfileError:
    try:
        return check(plan)
    except ProfileError as error:
        return error


def _compliance(plan: Plan, lang: Lang) -> str:
    labels = _LABELS[lang]
    report = _report(plan)
    parts = [
        '<section aria-labelledby="compliance">\n',
        f'<h2 id="compliance">{esc(labels["compliance"])}</h2>\n',
    ]
    if isinstance(report, ProfileError):
        reason = report.describe(lang)
        parts.append(f"<p>{esc(labels['profile-error'].format(reason=reason))}</p>\n</section>\n")
        return "".join(parts)
    profile = report.profile
    if profile is None:
        parts.append(f"<p>{esc(labels['no-profile'])}</p>\n")
    else:
        line = labels["profile"].format(name=profile.name, title=profile.title(lang))
        parts.append(f"<p>{esc(line)}</p>\n")
    summary = labels["list"].join(
        f"{status.label(lang)} {count}" for status, count in report.counts.items()
    )
    parts.append(f"<p><strong>{esc(summary)}</strong></p>\n")
    rows = []
    for result in report.results:
        mark = _MARKS.get(result.status.value, "·")
        rows.append(
            "<tr>"
            f'<th scope="row">{esc(result.code)}</th>'
            f"<td>{esc(result.rule.summary(lang))}</td>"
            f"<td>{esc(result.severity.label(lang))}</td>"
            f'<td><span aria-hidden="true">{mark} </span>{esc(result.status.label(lang))}</td>'
            f"<td>{esc(result.message(lang))}</td>"
            "</tr>\n"
        )
    header = "".join(
        f'<th scope="col">{esc(labels[key])}</th>'
        for key in ("code", "rule", "severity", "status", "message")
    )
    parts += [
        '<div class="scroll" role="region" aria-labelledby="rules-caption" tabindex="0">\n',
        "<table>\n",
        f'<caption id="rules-caption">{esc(labels["rules-caption"])}</caption>\n',
        f"<thead><tr>{header}</tr></thead>\n",
        f"<tbody>\n{''.join(rows)}</tbody>\n",
        "</table>\n</div>\n</section>\n",
    ]
    return "".join(parts)


def _progress(plan: Plan, ledger: Ledger, as_of: date | None, lang: Lang) -> str:
    labels = _LABELS[lang]
    day = as_of or date(plan.year, 12, 31)
    found = progress(plan, Actuals(ledger, day))
    counts = Counter(item.status for item in found)
    summary = labels["list"].join(
        f"{status.label(lang)} {counts[status]}" for status in Progress if counts[status]
    )
    rows = []
    for item in found:
        mark = _PROGRESS_MARKS[item.status.value]
        held = labels["list"].join(f"{r.first:%m-%d}" for r in item.records) or "—"
        rows.append(
            "<tr>"
            f'<th scope="row">{esc(item.activity.title)}</th>'
            f"<td>{esc(item.activity.wording)}</td>"
            f'<td><span aria-hidden="true">{mark} </span>{esc(item.status.label(lang))}</td>'
            f"<td>{esc(held)}</td>"
            "</tr>\n"
        )
    header = "".join(
        f'<th scope="col">{esc(labels[key])}</th>'
        for key in ("activity", "month", "status", "held")
    )
    return "".join(
        [
            '<section aria-labelledby="progress">\n',
            f'<h2 id="progress">{esc(labels["progress"])}</h2>\n',
            f"<p>{esc(labels['progress-as-of'].format(day=day.isoformat()))}"
            f" <strong>{esc(summary)}</strong></p>\n",
            '<div class="scroll" role="region" aria-labelledby="progress-caption" tabindex="0">\n',
            "<table>\n",
            f'<caption id="progress-caption">{esc(labels["progress-caption"])}</caption>\n',
            f"<thead><tr>{header}</tr></thead>\n",
            f"<tbody>\n{''.join(rows)}</tbody>\n",
            "</table>\n</div>\n</section>\n",
        ]
    )


#: The page's sections in order, each a function of the plan and the language; progress against
#: a ledger follows them when a ledger is given.
SECTIONS: tuple[Section, ...] = (_schedule, _compliance)
