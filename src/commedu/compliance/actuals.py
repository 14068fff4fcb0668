"""CE5xx rules over actuals: the 台账 checked against the plan and the standard.

These rules read a ledger (:class:`~commedu.model.ledger.Ledger`) and the day they judge it on,
so an activity whose window has not closed yet is "not yet due" rather than missing. A window
whose last day is a day off closes on the next working day, as the Civil Code counts periods
(:func:`~commedu.model.holidays.period_end`). They run
only when :func:`~commedu.compliance.engine.check` is given a ledger; CE211–CE213, which read the
plan's stated resources, read the ledger's staff and spending instead when there is one.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import attrs

from commedu._messages import Lang, render
from commedu.compliance.examples import JINSHAN, example_plan, some
from commedu.compliance.rule import (
    Actuals,
    Example,
    Failed,
    Finding,
    NotEvaluable,
    Outcome,
    Passed,
    Rule,
    Severity,
)
from commedu.datafile.profile import load_profile
from commedu.model.evidence import canonical
from commedu.model.fieldcheck import define
from commedu.model.holidays import holiday_year, period_end
from commedu.model.ledger import Evidence, Expense, Ledger, Record, Staffing
from commedu.model.parts import Activity
from commedu.model.plan import Plan
from commedu.model.profile import Profile
from commedu.model.text import Text
from commedu.model.when import DateSpan, Repeat, When, occurrences

__all__ = [
    "RULES",
    "Basis",
    "Indicator",
    "Occurrence",
    "Progress",
    "elder_participation",
    "example_ledger",
    "example_profile",
    "progress",
    "reach",
    "with_ledger",
]


class Progress(enum.Enum):
    """Where a planned activity stands on the day of judgement."""

    DONE = "done"  #: a record falls inside its window
    EARLY = "early"  #: held only before its window opened
    LATE = "late"  #: held only after its window closed
    MISSING = "missing"  #: its window has closed and nothing was held
    NOT_DUE = "not-due"  #: its window is still open and nothing was held yet

    def label(self, lang: Lang) -> str:
        return render(f"progress-{self.value}", lang)


@define
class Occurrence:
    """One time a recurring activity comes round (a weekly class, a monthly meeting)."""

    window: DateSpan  #: the days the plan gives it
    status: Progress  #: DONE, LATE (held after, before the next), MISSING or NOT_DUE
    held: tuple[date, ...]  #: the days records put it on
    #: the day it closes: the window's last day, or the next working day after a day off
    closes: date | None = None


@define
class ActivityProgress:
    activity: Activity
    index: int  #: its place in the plan's schedule
    status: Progress
    records: tuple[Record, ...]
    #: each time a recurring activity comes round, judged on its own (empty for one-off work)
    occurrences: tuple[Occurrence, ...] = ()
    #: years whose holiday arrangement is not known: only their weekends moved a window's close
    unknown: tuple[int, ...] = ()

    def missed(self) -> tuple[Occurrence, ...]:
        return tuple(o for o in self.occurrences if o.status is Progress.MISSING)

    def late(self) -> tuple[Occurrence, ...]:
        return tuple(o for o in self.occurrences if o.status is Progress.LATE)


def windows(when: When) -> tuple[DateSpan, ...]:
    """The windows each time ``when`` comes round; one window for work that happens once.

    A weekly class or a session is due on its own day; 每月 and 每季度 name no day, so each
    comes round over its month or quarter, up to the next.
    """
    found = occurrences(when)
    if isinstance(when, Repeat) and when.weekday is None and len(found) > 1:
        ends = [nxt.first - timedelta(days=1) for nxt in found[1:]] + [when.span.last]
        return tuple(DateSpan(o.first, end) for o, end in zip(found, ends, strict=True))
    return found


def _occurrences(
    spans: tuple[DateSpan, ...], days: list[date], as_of: date
) -> tuple[Occurrence, ...]:
    judged = []
    for i, window in enumerate(spans):
        following = spans[i + 1].first if i + 1 < len(spans) else date.max
        closes = period_end(window.last).day
        inside = tuple(d for d in days if window.first <= d <= closes)
        after = tuple(d for d in days if closes < d < following)
        if inside:
            judged.append(Occurrence(window, Progress.DONE, inside, closes))
        elif after:
            judged.append(Occurrence(window, Progress.LATE, after, closes))
        elif closes <= as_of:
            judged.append(Occurrence(window, Progress.MISSING, (), closes))
        else:
            judged.append(Occurrence(window, Progress.NOT_DUE, (), closes))
    return tuple(judged)


def held(ledger: Ledger, as_of: date) -> tuple[Record, ...]:
    """The records of sessions held on or before ``as_of``; later ones are not yet facts."""
    return tuple(r for r in ledger.records if r.first <= as_of)


def progress(plan: Plan, actuals: Actuals) -> tuple[ActivityProgress, ...]:
    """Each planned activity's standing, in plan order."""
    by_activity: dict[str, list[Record]] = {}
    for record in held(actuals.ledger, actuals.as_of):
        if record.activity is not None:
            by_activity.setdefault(record.activity, []).append(record)
    found = []
    for index, activity in enumerate(plan.activities):
        span = activity.when.span
        # A window closing on a day off closes on the next working day (民法典 第二百零三条).
        end = period_end(span.last)
        records = tuple(by_activity.get(activity.id, ()))
        days = [d for r in records for d in r.dates if d <= actuals.as_of]
        if any(span.first <= d <= end.day for d in days):
            status = Progress.DONE
        elif any(d > end.day for d in days):
            status = Progress.LATE
        elif days:
            status = Progress.EARLY
        elif end.day <= actuals.as_of:
            status = Progress.MISSING
        else:
            status = Progress.NOT_DUE
        spans = windows(activity.when)
        judged = _occurrences(spans, sorted(days), actuals.as_of) if len(spans) > 1 else ()
        # The years a window closed in whose days off are not known: weekends only, there.
        closing = {span.last.year, end.day.year}
        closing.update(
            y for o in judged for y in (o.window.last.year, (o.closes or o.window.last).year)
        )
        unknown = tuple(y for y in sorted(closing) if holiday_year(y) is None)
        found.append(ActivityProgress(activity, index, status, records, judged, unknown))
    return tuple(found)


def _needs_ledger(plan: Plan, profile: Profile | None) -> Outcome:
    return NotEvaluable(["ledger"])


def _where(item: ActivityProgress) -> str:
    return f"schedule.activities[{item.index}]"


def _dates(found: Iterable[Occurrence]) -> Text:
    """The first days of some occurrences, as a finding lists them."""
    days = [o.window.first for o in found]
    return some([d.isoformat() for d in days], [f"{d.month}月{d.day}日" for d in days])


def _unknown(items: Iterable[ActivityProgress]) -> tuple[int, ...]:
    """The years whose days off are not known, among the windows of these activities."""
    return tuple(sorted({year for item in items for year in item.unknown}))


def _noted(unknown: tuple[int, ...], text: Text) -> Text:
    """A finding, saying which years' windows were moved over weekends only."""
    if not unknown:
        return text
    years = ", ".join(str(y) for y in unknown)
    return Text(
        f"{text.en} (the holiday notice for {years} is not known: only weekends moved a"
        " window's last day)",
        f"{text.zh}（{'、'.join(f'{y}年' for y in unknown)}的节假日安排尚未公布：仅按周末顺延截止日）",
    )


def _done(plan: Plan, profile: Profile | None, actuals: Actuals) -> Outcome:
    items = progress(plan, actuals)
    missing = [i for i in items if i.status is Progress.MISSING]
    # A recurring activity with a record is not done until every time it came round is.
    partly = [i for i in items if i.status is not Progress.MISSING and i.missed()]
    if missing or partly:
        return Failed(
            [
                *(
                    Finding(
                        _where(i),
                        _noted(
                            i.unknown,
                            Text(
                                f"“{i.activity.title}” ({i.activity.when}) has no record by"
                                f" {actuals.as_of}",
                                f"“{i.activity.title}”（{i.activity.when}）截至 {actuals.as_of} 没有记录",
                            ),
                        ),
                    )
                    for i in missing
                ),
                *(
                    Finding(
                        _where(i),
                        _noted(
                            i.unknown,
                            Text(
                                f"“{i.activity.title}”: {len(i.missed())} of"
                                f" {sum(o.status is not Progress.NOT_DUE for o in i.occurrences)}"
                                f" times due have no record: {_dates(i.missed()).en}",
                                f"“{i.activity.title}”：到期的"
                                f" {sum(o.status is not Progress.NOT_DUE for o in i.occurrences)} 次中"
                                f"有 {len(i.missed())} 次没有记录：{_dates(i.missed()).zh}",
                            ),
                        ),
                    )
                    for i in partly
                ),
            ]
        )
    due = sum(1 for i in items if i.status is not Progress.NOT_DUE)
    said = Text(
        f"all {due} activities due by {actuals.as_of} have a record",
        f"截至 {actuals.as_of} 到期的 {due} 项工作均有记录",
    )
    return Passed(_noted(_unknown(items), said))


def _on_time(plan: Plan, profile: Profile | None, actuals: Actuals) -> Outcome:
    items = progress(plan, actuals)
    late = [i for i in items if i.status is Progress.LATE]
    partly = [i for i in items if i.status is not Progress.LATE and i.late()]
    if late or partly:
        return Failed(
            [
                *(
                    Finding(
                        _where(i),
                        _noted(
                            i.unknown,
                            Text(
                                f"“{i.activity.title}” was planned for {i.activity.when} but held on "
                                f"{i.records[0].first}",
                                f"“{i.activity.title}”计划于{i.activity.when}，实际于 {i.records[0].first} 开展",
                            ),
                        ),
                    )
                    for i in late
                ),
                *(
                    Finding(
                        _where(i),
                        _noted(
                            i.unknown,
                            Text(
                                f"“{i.activity.title}”: {len(i.late())} times held after their day:"
                                f" {_dates(i.late()).en}",
                                f"“{i.activity.title}”：有 {len(i.late())} 次晚于计划日期开展："
                                f"{_dates(i.late()).zh}",
                            ),
                        ),
                    )
                    for i in partly
                ),
            ]
        )
    said = Text("nothing was held late", "没有延期开展的工作")
    return Passed(_noted(_unknown(items), said))


def _evidence(plan: Plan, profile: Profile | None, actuals: Actuals) -> Outcome:
    required = profile.evidence if profile is not None else ()
    findings = []
    for index, record in enumerate(actuals.ledger.records):
        if record.first > actuals.as_of:
            continue
        # any spelling of a kind is the kind: a record with 教案 has the 教案/课件 asked for
        kinds = {canonical(e.kind) for e in record.evidence}
        lacking = [k for k in required if canonical(k) not in kinds] or ([] if kinds else ["-"])
        if lacking == ["-"]:
            message = Text(
                f"“{record.title}” ({record.first}) has no evidence",
                f"“{record.title}”（{record.first}）没有佐证材料",
            )
        elif lacking:
            message = Text(
                f"“{record.title}” ({record.first}) lacks {', '.join(lacking)}",
                f"“{record.title}”（{record.first}）缺少{'、'.join(lacking)}",
            )
        else:
            continue
        findings.append(Finding(f"records[{index}].evidence", message))
    if findings:
        return Failed(findings)
    kinds_en = ", ".join(required) or "at least one item"
    kinds_zh = "、".join(required) or "至少一项"
    return Passed(
        Text(f"every record has its evidence ({kinds_en})", f"每条记录均有佐证材料（{kinds_zh}）")
    )


def _percent(fraction: Decimal) -> str:
    return f"{(fraction * 100).quantize(Decimal('0.1'), ROUND_HALF_UP)}%"


class Basis(enum.Enum):
    """What a rate counts: distinct people (人数), as the standards define it, or attendances."""

    PERSONS = "persons"  #: the ledger's head counts (:class:`~commedu.model.ledger.Reach`)
    ATTENDANCES = "attendances"  #: 人次, summed from the records, when no head count is kept

    def label(self, lang: Lang) -> str:
        return render(f"basis-{self.value}", lang)


@define
class Indicator:
    """A rate the ledger gives, and what it counted to get it."""

    value: Decimal
    basis: Basis


def reach(plan: Plan, actuals: Actuals) -> Indicator | None:
    """Reach (培训率): people served ÷ 常住人口, or 人次 ÷ 常住人口 when no head count is kept.

    The standards count persons (全年接受社区教育服务的社区成员占全体成员的比例); attendances
    are the fallback, above 1 when people come more than once, and the indicator says so.
    """
    population = plan.township.resident_population
    if not population:
        return None
    counted = actuals.ledger.reach
    if counted is not None and counted.persons is not None:
        return Indicator(Decimal(counted.persons) / population, Basis.PERSONS)
    attendances = sum(r.participants for r in held(actuals.ledger, actuals.as_of))
    return Indicator(Decimal(attendances) / population, Basis.ATTENDANCES)


def elder_participation(actuals: Actuals) -> Indicator | None:
    """Elders taking part ÷ the elder population, or the elders' share of 人次 without it.

    The standards count persons (经常性参与教育活动的老年人占老年人口总数的比例); without the
    ledger's head counts, the elders' share of the attendances of the records that count them.
    """
    counted = actuals.ledger.reach
    if counted is not None and counted.elders is not None and counted.elder_population:
        return Indicator(Decimal(counted.elders) / counted.elder_population, Basis.PERSONS)
    records = [r for r in held(actuals.ledger, actuals.as_of) if r.elders is not None]
    total = sum(r.participants for r in records)
    if not total:
        return None
    return Indicator(Decimal(sum(r.elders or 0 for r in records)) / total, Basis.ATTENDANCES)


def training_rate(plan: Plan, actuals: Actuals) -> Decimal | None:
    """The value of :func:`reach`."""
    found = reach(plan, actuals)
    return None if found is None else found.value


def elder_share(actuals: Actuals) -> Decimal | None:
    """The value of :func:`elder_participation`."""
    found = elder_participation(actuals)
    return None if found is None else found.value


def _rate_outcome(
    found: Indicator | None,
    value_path: str,
    target: Decimal | None,
    target_path: str,
    profile: Profile | None,
    what: dict[Basis, Text],
    persons_path: str,
) -> Outcome:
    missing = [] if profile is not None else ["profile"]
    if profile is not None and target is None:
        missing.append(target_path)
    if found is None:
        missing.append(value_path)
    if missing or found is None or target is None:
        return NotEvaluable(missing)
    words = what[found.basis]
    text = Text(
        f"{words.en} {_percent(found.value)}, target {_percent(target)}",
        f"{words.zh} {_percent(found.value)}，目标 {_percent(target)}",
    )
    # a shortfall is found where the figure came from: the head count, or the records
    where = persons_path if found.basis is Basis.PERSONS else value_path
    return Passed(text) if found.value >= target else Failed([Finding(where, text)])


def _training_rate(plan: Plan, profile: Profile | None, actuals: Actuals) -> Outcome:
    return _rate_outcome(
        reach(plan, actuals),
        "township.resident_population",
        None if profile is None else profile.training_rate,
        "profile.ledger.training_rate",
        profile,
        {
            Basis.PERSONS: Text(
                "reach (persons ÷ resident population, from the ledger's head count)",
                "培训率（人数 ÷ 常住人口，按台账的人数统计）",
            ),
            Basis.ATTENDANCES: Text(
                "training rate (participations ÷ resident population; the ledger counts no"
                " persons, so attendances are used)",
                "培训率（人次 ÷ 常住人口；台账未统计人数，按人次计算）",
            ),
        },
        "reach.persons",
    )


def _elder_share(plan: Plan, profile: Profile | None, actuals: Actuals) -> Outcome:
    return _rate_outcome(
        elder_participation(actuals),
        "records.elders",
        None if profile is None else profile.elder_share,
        "profile.ledger.elder_share",
        profile,
        {
            Basis.PERSONS: Text(
                "elder participation (elders taking part ÷ elder population, in persons)",
                "老年人参与率（经常性参与的老年人数 ÷ 老年人口，按人数统计）",
            ),
            Basis.ATTENDANCES: Text(
                "elders' share of participations (the ledger counts no elder population,"
                " so attendances are used)",
                "老年人占人次比例（台账未统计老年人口，按人次计算）",
            ),
        },
        "reach.elders",
    )


# -- CE211–CE213 from the ledger ------------------------------------------------------------------


def _at_least(
    value: int, limit: int | None, limit_path: str, profile: Profile | None, what: Text
) -> Outcome:
    if profile is None or limit is None:
        return NotEvaluable(["profile"] if profile is None else [limit_path])
    text = Text(
        f"{what.en}: {value} in post by the ledger, the profile requires {limit}",
        f"{what.zh}：台账记载在岗 {value} 人，标准要求 {limit} 人",
    )
    return Passed(text) if value >= limit else Failed([Finding("ledger.staff", text)])


def _full_time_actual(plan: Plan, profile: Profile | None, actuals: Actuals) -> Outcome:
    staff = actuals.ledger.staff
    if staff is None:
        return NotEvaluable(["ledger.staff"])
    return _at_least(
        staff.full_time,
        None if profile is None else profile.full_time_staff,
        "profile.staffing.full_time",
        profile,
        Text("full-time staff", "专职人员"),
    )


def _staff_actual(plan: Plan, profile: Profile | None, actuals: Actuals) -> Outcome:
    staff = actuals.ledger.staff
    if staff is None:
        return NotEvaluable(["ledger.staff"])
    low = None if profile is None or profile.staff is None else profile.staff.low
    return _at_least(
        staff.full_time + staff.part_time,
        low,
        "profile.staffing.staff",
        profile,
        Text("full- and part-time staff", "专兼职人员"),
    )


def _funding_actual(plan: Plan, profile: Profile | None, actuals: Actuals) -> Outcome:
    spent = actuals.ledger.spent
    population = plan.township.resident_population
    missing = [] if profile is not None else ["profile"]
    if profile is not None and profile.funding_per_resident is None:
        missing.append("profile.funding.per_resident")
    if spent is None:
        missing.append("ledger.expenses")
    if not population:
        missing.append("township.resident_population")
    if missing or spent is None or not population or profile is None:
        return NotEvaluable(missing)
    threshold = profile.funding_per_resident
    assert threshold is not None
    needed = threshold * population
    each = (spent / population).quantize(Decimal("0.01"))
    text = Text(
        f"spent {spent} yuan for {population} residents is {each} yuan per resident;"
        f" the profile requires {threshold} ({(needed).normalize():f} yuan)",
        f"实际支出 {spent} 元、常住人口 {population} 人，人均 {each} 元；"
        f"标准要求人均 {threshold} 元（共 {(needed).normalize():f} 元）",
    )
    return Passed(text) if spent >= needed else Failed([Finding("ledger.expenses", text)])


_LEDGER_CHECKS = {"CE211": _full_time_actual, "CE212": _staff_actual, "CE213": _funding_actual}


def with_ledger(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    """The standards rules, CE211–CE213 made to read a ledger's staff and spending when given one."""
    return tuple(
        attrs.evolve(r, actuals=_LEDGER_CHECKS[r.code]) if r.code in _LEDGER_CHECKS else r
        for r in rules
    )


# -- examples --------------------------------------------------------------------------------------

AS_OF = date(2021, 12, 31)


def example_profile() -> Profile:
    """The Shandong profile with the ledger expectations a district might set for its townships."""
    return attrs.evolve(
        load_profile("shandong-township"),
        # Named apart: these targets are the example's, not the provincial standard's.
        name="shandong-township+example-targets",
        evidence=("签到表", "照片"),
        training_rate=Decimal("0.5"),
        elder_share=Decimal("0.3"),
    )


def example_ledger() -> Ledger:
    """A ledger that fulfils :func:`~commedu.compliance.examples.example_plan` month by month."""
    records = [
        Record(
            f"r{m:02d}",
            activity.title,
            (date(2021, m, 15),),
            activity=activity.id,
            place="east",
            organiser="centre",
            participants=1000,
            elders=400,
            evidence=(Evidence("签到表"), Evidence("照片", f"photos/{m:02d}.jpg")),
        )
        for m, activity in enumerate(example_plan().activities, start=1)
    ]
    return Ledger(
        "example-2021",
        2021,
        records,
        staff=Staffing(2, 2),
        expenses=(Expense(date(2021, 3, 1), Decimal("20000"), "讲师课酬"),),
    )


def _edit_records(change: str) -> Ledger:
    ledger = example_ledger()
    records = list(ledger.records)
    match change:
        case "drop":
            del records[4]
        case "late":
            records[4] = attrs.evolve(records[4], dates=(date(2021, 6, 20),))
        case "evidence":
            records[4] = attrs.evolve(records[4], evidence=(Evidence("签到表"),))
        case "small":
            records = [attrs.evolve(r, participants=100, elders=40) for r in records]
        case _:  # "young"
            records = [attrs.evolve(r, elders=100) for r in records]
    return attrs.evolve(ledger, records=tuple(records))


_PROFILE = example_profile()


def _ledger_example(en: str, zh: str, change: str | None = None) -> Example:
    def build() -> Ledger:
        return example_ledger() if change is None else _edit_records(change)

    return Example(Text(en, zh), example_plan, _PROFILE, build, AS_OF)


_PASSES = ("The example ledger as it stands", "示例台账原样")


_SOURCE = Text(
    f"{JINSHAN} schedules the year-end inspection for December; an inspection"
    " compares the ledger with the plan: it hears the report, checks the records and"
    " sees the sites.",
    f"《{JINSHAN}》将迎接年终督导安排在 12 月；督导时听汇报、查资料、看现场，将台账与计划对照。",
)


RULES: tuple[Rule, ...] = (
    Rule(
        "CE501",
        "planned-work-done",
        Severity.ERROR,
        Text(
            "Every planned activity whose window has closed has a record in the ledger.",
            "时间已过的每项计划工作在台账中均有记录。",
        ),
        Text(
            "A plan is judged by what was done: an item with no record is, at the inspection, not"
            " done. A window whose last day is a day off closes on the next working day, as CE502"
            " explains.",
            "计划以落实为准：督导时没有记录的工作视为未完成。最后一日为休息日的时间段顺延至下一个"
            "工作日截止，见 CE502。",
        ),
        _SOURCE,
        _needs_ledger,
        _ledger_example(*_PASSES),
        _ledger_example("May's activity has no record", "5 月的工作没有记录", "drop"),
        scope="ledger.records",
        actuals=_done,
        title=Text("Planned work done", "计划工作已开展"),
        failure=Text(
            "Some planned activities whose window has closed have no record in the ledger.",
            "有时间已过的计划工作在台账中没有记录。",
        ),
    ),
    Rule(
        "CE502",
        "planned-work-on-time",
        Severity.WARNING,
        Text(
            "Planned activities are held inside their window, not after it.",
            "计划工作在计划时间内开展，而非延期。",
        ),
        Text(
            "Work held late is done but shows a schedule that slipped. A window is counted as the"
            " Civil Code counts a period (Article 203: where the last day of a period is a"
            " statutory day off, the day after the days off end is its last day): a window whose"
            " last day is a statutory holiday, or a weekend day that is not a make-up working"
            " day, closes on the next working day, so work held then is on time; a make-up"
            " Saturday is a working day and moves nothing. Where the year's holiday notice is not"
            " known yet, only weekends move a window, and the result says so.",
            "延期开展的工作虽已完成，但说明进度滞后。时间段按《中华人民共和国民法典》第二百零三条"
            "计算期间：“期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。”"
            "最后一日为法定节假日或非调休上班的周末的，顺延至下一个工作日，当日开展的工作视为按时；"
            "调休上班的周六是工作日，不顺延。当年节假日安排尚未公布时仅按周末顺延，结果予以注明。",
        ),
        _SOURCE,
        _needs_ledger,
        _ledger_example(*_PASSES),
        _ledger_example("May's activity held on 20 June", "5 月的工作于 6 月 20 日开展", "late"),
        scope="ledger.records",
        actuals=_on_time,
        title=Text("Planned work on time", "计划工作按时开展"),
        failure=Text(
            "Some planned activities were held after their window.",
            "有计划工作延期开展。",
        ),
    ),
    Rule(
        "CE503",
        "evidence-kept",
        Severity.ERROR,
        Text(
            "Every record has the evidence the profile requires, or at least one item.",
            "每条记录均有标准档案要求的佐证材料（未要求时至少一项）。",
        ),
        Text(
            "The inspection checks the records: a session without a sign-in sheet or photos cannot be shown.",
            "督导要查资料：没有签到表或照片的活动无从证明。",
        ),
        _SOURCE,
        _needs_ledger,
        _ledger_example(*_PASSES),
        _ledger_example(
            "May's record has a sign-in sheet but no photos",
            "5 月的记录有签到表而无照片",
            "evidence",
        ),
        scope="ledger.records.evidence",
        actuals=_evidence,
        title=Text("Evidence kept", "佐证材料齐全"),
        failure=Text(
            "Some records lack the evidence the profile requires.",
            "有记录缺少标准档案要求的佐证材料。",
        ),
    ),
    Rule(
        "CE504",
        "training-rate",
        Severity.WARNING,
        Text(
            "The training rate (people served ÷ resident population; participations where the"
            " ledger counts no persons) meets the target.",
            "培训率（人数 ÷ 常住人口；台账未统计人数时按人次）达到目标。",
        ),
        Text(
            "The standards measure reach in persons: the share of residents served in the year."
            " A ledger without a head count is measured by attendances instead, which may exceed"
            " 100 % when people come more than once; the result says which it used.",
            "标准以人数衡量覆盖面：全年接受社区教育服务的社区成员占全体成员的比例。台账未统计人数时"
            "改按参与人次衡量，同一人多次参加时可超过 100%；结果注明所用口径。",
        ),
        _SOURCE,
        _needs_ledger,
        _ledger_example(*_PASSES),
        _ledger_example(
            "100 participations a month for 20000 residents",
            "每月 100 人次、常住人口 20000 人",
            "small",
        ),
        scope="ledger.records.participants",
        actuals=_training_rate,
        title=Text("Training rate", "培训率"),
        failure=Text(
            "The training rate is below the target.",
            "培训率未达到目标。",
        ),
    ),
    Rule(
        "CE505",
        "elder-share",
        Severity.INFO,
        Text(
            "Elder participation (elders taking part ÷ elder population; the elders' share of"
            " participations where the ledger counts no elder population) meets the target.",
            "老年人参与率（经常性参与的老年人数 ÷ 老年人口；台账未统计老年人口时按老年人占人次比例）"
            "达到目标。",
        ),
        Text(
            f"{JINSHAN} makes elder education a main task; the national elder-education plan"
            " counts the elders who take part regularly against all residents aged 60 or over."
            " The result says which measure it used.",
            f"《{JINSHAN}》将发展老年教育列为主要任务；国家老年教育发展规划以经常性参与教育活动的"
            "老年人占老年人口总数的比例衡量。结果注明所用口径。",
        ),
        _SOURCE,
        _needs_ledger,
        _ledger_example(*_PASSES),
        _ledger_example(
            "100 of every 1000 participations are elders", "每 1000 人次中老年人 100", "young"
        ),
        scope="ledger.records.elders",
        actuals=_elder_share,
        title=Text("Elders' share", "老年人占比"),
        failure=Text(
            "Elder participation is below the target.",
            "老年人参与率未达到目标。",
        ),
    ),
)
