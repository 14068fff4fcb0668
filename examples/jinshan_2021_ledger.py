"""An illustrative 台账 for 金山镇's 2021 plan: made-up records, NOT the township's real ones.

The records follow the plan month by month the way a township's ledger usually looks: most
items held inside their month, a few held late, two never held, and some unplanned work. Every
figure is generated (with a fixed seed, so the file is the same on every run); nothing here
describes what Jinshan actually did in 2021.

Run it to write the ledger as ``jinshan_2021_ledger.toml`` (and ``.xlsx``) into a folder::

    python examples/jinshan_2021_ledger.py [--out FOLDER]
"""

from __future__ import annotations

import argparse
import random
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import attrs

from commedu.datafile.ledger_write import dump_ledger
from commedu.datafile.plan import load_plan
from commedu.model.ledger import Evidence, Expense, Ledger, Record, Staffing
from commedu.model.plan import Plan

HERE = Path(__file__).resolve().parent
NOTE = "示例数据，系虚构，并非金山镇的真实台账。Illustrative data, not the township's real records."

#: Planned items that the illustration leaves undone, and those it holds a month late.
NOT_HELD = ("m05-4", "m09-1")
LATE = ("m03-3", "m08-1", "m11-2")

UNPLANNED = (
    (date(2021, 4, 22), "世界读书日亲子共读活动", "lijinshan", 48, 6),
    (date(2021, 7, 15), "防溺水安全教育进村居", "fengjia", 120, 15),
    (date(2021, 11, 9), "冬季防火知识讲座", "huajian", 65, 40),
)


def jinshan_ledger(plan: Plan) -> Ledger:
    rng = random.Random(2021)
    stations = [s.id for s in plan.stations]
    records: list[Record] = []
    for activity in plan.activities:
        if activity.id in NOT_HELD:
            continue
        span = activity.when.span
        day = span.first.toordinal() + rng.randrange(max(1, min(span.days, 28)))
        held = date.fromordinal(day)
        if activity.id in LATE:
            held = date.fromordinal(span.last.toordinal() + rng.randrange(5, 25))
        participants = rng.randrange(30, 220)
        evidence = [
            Evidence("签到表", f"{activity.id}/签到表.pdf"),
            Evidence("照片", f"{activity.id}/"),
        ]
        if "培训" in activity.title:
            evidence.append(Evidence("教案", f"{activity.id}/教案.docx"))
        if rng.random() < 0.3:
            evidence.append(Evidence("新闻稿", "金山镇微信公众号"))
        if rng.random() < 0.1:
            evidence = evidence[:1]  # the photos were never filed
        records.append(
            Record(
                f"r{len(records) + 1:03d}",
                activity.title,
                (held,),
                activity=activity.id,
                start=time(9, 0) if rng.random() < 0.5 else time(14, 30),
                place=rng.choice(stations),
                organiser=activity.responsible[0].name if activity.responsible else "",
                participants=participants,
                elders=rng.randrange(0, participants // 2 + 1),
                evidence=evidence,
            )
        )
    for held, title, place, participants, elders in UNPLANNED:
        records.append(
            Record(
                f"r{len(records) + 1:03d}",
                title,
                (held,),
                place=place,
                organiser="社区教育中心",
                participants=participants,
                elders=elders,
                evidence=(Evidence("签到表"), Evidence("照片")),
                notes="计划外",
            )
        )
    records.sort(key=lambda r: (r.first, r.activity or "~", r.title))
    records = [attrs.evolve(r, id=f"r{i:03d}") for i, r in enumerate(records, start=1)]
    expenses = (
        Expense(date(2021, 3, 10), Decimal("4800.00"), "艺术项目培训讲师课酬"),
        Expense(date(2021, 6, 18), Decimal("3650.50"), "红歌比赛场地与奖品"),
        Expense(date(2021, 10, 12), Decimal("5200.00"), "全民终身学习活动周宣传物料"),
        Expense(date(2021, 12, 5), Decimal("2100.00"), "年终督导台账装订"),
    )
    return Ledger(plan.id, plan.year, records, staff=Staffing(2, 3), expenses=expenses, note=NOTE)


def main() -> None:
    parser = argparse.ArgumentParser(description="write the illustrative Jinshan 2021 ledger")
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write into")
    args = parser.parse_args()
    plan = load_plan(HERE / "jinshan_2021.toml")
    ledger = jinshan_ledger(plan)
    for suffix in (".toml", ".xlsx"):
        print(dump_ledger(ledger, args.out / f"jinshan_2021_ledger{suffix}", plan))


if __name__ == "__main__":
    main()
