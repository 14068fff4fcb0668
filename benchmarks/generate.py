"""Synthetic plans for the benchmarks: N townships x M activities, every kind of *when*.

The figures in ``benchmarks/README.md`` must be reproducible, so the plans are built from a seeded
``random.Random`` (never the global one) through the public model API only: whatever a user could
build, the benchmarks measure. Activity ``i`` gets the *when* kind ``i % 8``, so any plan of eight
or more activities holds every kind.

Run it to print a summary of one generated plan::

    python benchmarks/generate.py [--townships N] [--activities M] [--seed S]
"""

from __future__ import annotations

import argparse
import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from commedu import (
    DEFAULT_ZONE,
    Activity,
    Commitments,
    CountRange,
    Day,
    DayRange,
    Deadline,
    Department,
    EducationCentre,
    Measure,
    Mechanism,
    MechanismKind,
    Month,
    MonthPart,
    MonthSpan,
    Part,
    Plan,
    Recurrence,
    Resources,
    Schedule,
    Session,
    Source,
    Station,
    Task,
    Township,
    When,
)

YEAR = 2021
#: The *when* kinds in the order activities cycle through them; fixed, so that benchmark plans (and
#: so their timings) stay comparable as the vocabulary grows.
WHEN_KINDS: tuple[type, ...] = (
    Month,
    MonthSpan,
    MonthPart,
    Deadline,
    Day,
    DayRange,
    Session,
    Recurrence,
)
_ZONES = (DEFAULT_ZONE, DEFAULT_ZONE, DEFAULT_ZONE, ZoneInfo("UTC"))
_VERBS = ("开展", "组织", "举办", "推进", "召开", "完成", "评选", "培训")
_TOPICS = (
    "全民终身学习活动周",
    "老年人智能技术培训",
    "社区教育工作站建设",
    "非物质文化遗产传承",
    "家庭教育讲座",
    "研学旅行",
    "志愿服务",
    "年终督导检查",
)
_GROUPS = ("老年人", "青少年", "新型职业农民", "社区居民", "妇女", "退役军人")
_DEPARTMENTS = ("社区教育中心", "文化站", "学校", "村居", "志愿者队伍", "中心校", "镇政府", "团委")
_PLACES = ("东村", "西村", "南居", "北居", "河口村", "山前村")


def _when(kind: type, rng: random.Random) -> When:
    """A *when* of ``kind`` inside ``YEAR``, with its details drawn from ``rng``."""
    month = rng.randint(1, 12)
    if kind is Month:
        return Month(YEAR, month)
    if kind is MonthSpan:
        first = rng.randint(1, 11)
        return MonthSpan(YEAR, first, rng.randint(first + 1, min(first + 3, 12)))
    if kind is MonthPart:
        return MonthPart(YEAR, month, rng.choice(list(Part)))
    day = date(YEAR, month, rng.randint(1, 28))
    if kind is Deadline:
        return Deadline(day)
    if kind is Day:
        return Day(day)
    if kind is DayRange:
        return DayRange(day, day + timedelta(days=rng.randint(1, 3)))
    start = datetime.combine(day, time(rng.randint(8, 19), rng.choice((0, 30))), _ZONES[month % 4])
    duration = timedelta(minutes=rng.choice((60, 90, 120)))
    if kind is Session:
        return Session(start, duration)
    if kind is Recurrence:
        start = start.replace(month=rng.randint(1, 10))
        count = rng.randint(3, 8)
        rule = f"FREQ=WEEKLY;COUNT={count}"
        skip = (start + timedelta(weeks=rng.randint(1, count - 1))).date()
        return Recurrence(start, duration, rule, (skip,) if rng.random() < 0.5 else ())
    raise ValueError(f"not a kind of when: {kind!r}")


def _tasks(rng: random.Random) -> tuple[Task, ...]:
    kinds = list(MechanismKind)
    return tuple(
        Task(
            f"t{t}",
            t,
            f"{rng.choice(_VERBS)}{rng.choice(_TOPICS)}（任务{t}）",
            (Measure(f"措施：{rng.choice(_VERBS)}{rng.choice(_TOPICS)}。"),),
            tuple(
                Mechanism(
                    f"t{t}.m{m}",
                    m,
                    f"{rng.choice(_TOPICS)}机制{m}",
                    kinds[(t + m) % len(kinds)],
                    (Measure(f"{rng.choice(_VERBS)}{rng.choice(_TOPICS)}。"),),
                    standing=m == 3,
                )
                for m in range(1, 4)
            ),
        )
        for t in range(1, 6)
    )


def generate_plan(activities: int, *, township: int = 0, seed: int = 0) -> Plan:
    """Township number ``township``'s plan with ``activities`` activities; same arguments, same plan."""
    rng = random.Random(seed * 1_000_003 + township)
    name = f"样例{township}镇"
    departments = tuple(
        Department(f"d{i}", f"{n}{i}", aliases=(f"{n}{i}（别称）",) if i % 3 == 0 else ())
        for i, n in enumerate(_DEPARTMENTS)
    )
    stations = tuple(
        Station(
            f"s{i}",
            f"{p}社区教育工作站",
            place=p,
            theme=f"以{rng.choice(_TOPICS)}为主题",
            resources=("农家书屋", "道德讲堂"),
        )
        for i, p in enumerate(_PLACES)
    )
    tasks = _tasks(rng)
    servable = [t.id for t in tasks] + [m.id for t in tasks for m in t.mechanisms]
    schedule = Schedule(
        (
            Activity(
                f"a{i:06d}",
                f"{rng.choice(_VERBS)}{rng.choice(_TOPICS)}第{i}项",
                _when(WHEN_KINDS[i % len(WHEN_KINDS)], rng),
                tuple(rng.sample(departments, rng.randint(1, 3))),
                rng.choice(stations) if rng.random() < 0.4 else None,
                tuple(rng.sample(servable, rng.randint(0, 2))),
                tuple(rng.sample(_GROUPS, rng.randint(0, 2))),
                "描述：" + "，".join(rng.sample(_TOPICS, 2)) + "。",
            )
            for i in range(activities)
        ),
        title=f"{YEAR}年{name}社区教育重点工作配档表",
    )
    return Plan(
        id=f"township{township}-{YEAR}",
        township=Township(name, "样例区", "样例市", "山东省", rng.randint(10_000, 80_000)),
        year=YEAR,
        title=f"{name}{YEAR}年社区教育工作计划",
        guiding_principles="全面贯彻落实社区教育工作会议精神。",
        goals="完善社区教育工作机制，营造全民终身学习氛围。",
        tasks=tasks,
        stations=stations,
        departments=departments,
        schedule=schedule,
        commitments=Commitments(
            full_time_staff=2,
            staff=CountRange(3, 5),
            funding_per_resident=Decimal(1),
            funding_earmarked=True,
            learning_brands=CountRange(1, 2),
        ),
        resources=Resources(full_time_staff=2, part_time_staff=3, budget=Decimal("50000.00")),
        centre=EducationCentre(f"{name}社区教育中心"),
        issued_on=date(YEAR, 1, 10),
        source=Source(f"{name}{YEAR}年社区教育工作计划", issuer=f"{name}人民政府"),
    )


def generate_plans(townships: int, activities: int, *, seed: int = 0) -> list[Plan]:
    """``townships`` plans of ``activities`` activities each."""
    return [generate_plan(activities, township=t, seed=seed) for t in range(townships)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--townships", type=int, default=1)
    parser.add_argument("--activities", type=int, default=16)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    for plan in generate_plans(args.townships, args.activities, seed=args.seed):
        kinds = sorted({type(a.when).__name__ for a in plan.activities})
        print(f"{plan.id}: {len(plan.activities)} activities; kinds: {', '.join(kinds)}")


if __name__ == "__main__":
    main()
