"""The Jinshan 2021 example against its source document.

Expectations are read from the source text itself (kept beside the example), not from the
example's code, so a dropped sentence, item or department fails here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from commedu import MechanismKind, MonthSpan, Plan
from tests.conftest import EXAMPLES, JINSHAN_SOURCE

SOURCE = JINSHAN_SOURCE.read_text(encoding="utf-8")
TABLE_HEADING = next(
    line.strip() for line in SOURCE.splitlines() if line.strip().endswith("配档表")
)
BODY, TABLE = SOURCE.split(TABLE_HEADING)

#: The source's item numbering ("1.", "3. ") and separators are layout, not text.
ITEM = re.compile(r"(\d+)\.\s*(.*?)(?:；|。)?\s*$")


def table_rows() -> list[tuple[int, list[str], list[str]]]:
    """(month, item titles, responsible names) for each row of the source's 配档表."""
    cells = [c.strip() for c in TABLE.split("\n\t") if c.strip()]
    rows = []
    i = cells.index("1月")
    while i < len(cells):
        month = int(cells[i].removesuffix("月"))
        items_text, bodies = cells[i + 1], cells[i + 2]
        items = [
            m.group(2)
            for m in (ITEM.match(p) for p in re.split(r"[；;]?\s*(?=\d+\.)", items_text))
            if m
        ]
        names = [n for n in bodies.rstrip("。").split("、") if n]
        rows.append((month, items, names))
        i += 3
    return rows


ROWS = table_rows()


def plan_texts(plan: Plan) -> str:
    parts = [plan.title, plan.guiding_principles, plan.goals]
    for task in plan.tasks:
        parts.append(task.title)
        parts.extend(f"{m.title}。{m.text}" if m.title else m.text for m in task.measures)
        for mechanism in task.mechanisms:
            parts.append(f"{mechanism.title}。")
            parts.extend(m.text for m in mechanism.measures)
    return "\n".join(parts)


def test_source_table_parses_as_twelve_rows() -> None:
    # Guards the parser these tests rely on.
    assert [r[0] for r in ROWS] == list(range(1, 13))
    assert sum(len(items) for _, items, _ in ROWS) == 36


def test_items_per_month_match_the_source(jinshan: Plan) -> None:
    per_row = Counter(int(a.id[1:3]) for a in jinshan.activities)
    assert [per_row[m] for m, _, _ in ROWS] == [len(items) for _, items, _ in ROWS]


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r[0]}月")
def test_every_item_title_and_department_is_the_sources(
    jinshan: Plan, row: tuple[int, list[str], list[str]]
) -> None:
    month, items, names = row
    activities = [a for a in jinshan.activities if a.id.startswith(f"m{month:02d}-")]
    for activity, item in zip(activities, items, strict=True):
        # The one decision: July's "（7-8月）" moves from the title into the when.
        if "（7-8月）" in item:
            assert activity.title == item.replace("（7-8月）", "").strip()
            assert activity.when == MonthSpan(2021, 7, 8)
        else:
            assert activity.title == item
            assert str(activity.when) == f"{month}月"
        expected = [jinshan.department(name) for name in names]
        assert list(activity.responsible) == expected


def test_every_sentence_of_the_body_is_in_the_plan(jinshan: Plan) -> None:
    texts = plan_texts(jinshan)
    body = BODY.split("三、主要任务及措施")[1]
    missing = []
    for line in body.splitlines():
        line = re.sub(r"^\s*(?:（[一二三四五六七八]）|\d+\.)", "", line).strip()
        for sentence in re.findall(r"[^。]+。?", line):
            if sentence.strip() and sentence.strip() not in texts:
                missing.append(sentence)
    assert missing == []


def test_guiding_principles_and_goals_are_verbatim(jinshan: Plan) -> None:
    assert f"一、指导思想\n{jinshan.guiding_principles}\n" in SOURCE
    assert f"二、工作目标\n{jinshan.goals}\n" in SOURCE


def test_tasks_are_the_eight_numbered_sections(jinshan: Plan) -> None:
    headings = re.findall(r"^（([一二三四五六七八])）(.+?)\s*$", BODY, flags=re.MULTILINE)
    assert [(t.numeral, t.title) for t in jinshan.tasks] == headings


def test_mechanisms_are_three_six_three(jinshan: Plan) -> None:
    kinds = Counter(m.kind for m in jinshan.mechanisms)
    assert kinds == {
        MechanismKind.MANAGEMENT: 3,
        MechanismKind.GUIDANCE: 6,
        MechanismKind.SAFEGUARD: 3,
    }
    assert [len(t.mechanisms) for t in jinshan.tasks] == [3, 6, 3, 0, 0, 0, 0, 0]
    for task in jinshan.tasks[:3]:
        for mechanism in task.mechanisms:
            assert f"{mechanism.number}.{mechanism.title}。" in BODY


def test_measures_per_task(jinshan: Plan) -> None:
    # Tasks 4-8 carry their measures directly; one measure per sentence (task 4: per item).
    assert [len(t.measures) for t in jinshan.tasks] == [0, 0, 0, 3, 3, 1, 2, 3]


def test_stations_are_the_six_named_with_their_themes(jinshan: Plan) -> None:
    names = re.findall(r"“([^”]+社区教育工作站)”", SOURCE)
    assert [s.name for s in jinshan.stations] == names
    for station in jinshan.stations:
        assert station.theme in station.description
        assert station.focus in station.description
        assert station.description in SOURCE
        assert station.place in station.name
        assert station.resources == ("文化大院", "新时代文明实践站", "农家书屋", "道德讲堂")


def test_every_responsible_name_in_the_source_resolves(jinshan: Plan) -> None:
    names = {n for _, _, row_names in ROWS for n in row_names}
    assert {name for d in jinshan.departments for name in d.names} == names


def test_commitments_are_the_ones_the_plan_states(jinshan: Plan) -> None:
    assert "达到2名专职人员、3—5名专兼职人员的省定标准" in SOURCE
    c = jinshan.commitments
    assert (
        c.full_time_staff,
        c.staff.low if c.staff else None,
        c.staff.high if c.staff else None,
    ) == (2, 3, 5)
    assert "人均不低于1元" in SOURCE
    assert c.funding_per_resident == Decimal(1)
    assert "专款专用" in SOURCE
    assert c.funding_earmarked
    assert "精心打造1—2个社区教育品牌" in SOURCE
    assert c.learning_brands is not None
    assert (c.learning_brands.low, c.learning_brands.high) == (
        1,
        2,
    )
    # The source states no population, staff count or budget: nothing is invented.
    assert jinshan.township.resident_population is None
    assert jinshan.resources.full_time_staff is None
    assert jinshan.resources.budget is None


def test_spot_checks(jinshan: Plan) -> None:
    assert jinshan.id == "jinshan-2021"
    assert jinshan.schedule.title == TABLE_HEADING
    assert jinshan.year == 2021
    assert jinshan.title == SOURCE.strip().splitlines()[0].strip()
    assert jinshan.activity("m12-3").title == "迎接社区教育工作年终督导"
    assert jinshan.activity("m10-2").title == "“全民终身学习活动周”系列活动"
    assert jinshan.activity("m06-2").title == "“家校社”家庭教育专题活动训"  # verbatim, typo and all
    assert (
        jinshan.activity("m07-3").title == "“一年一村两场戏” 文化下乡演出启动"
    )  # inner space kept
    assert "搭建 “便民微小学校”平台" in jinshan.task("t5").measures[0].text
    assert [a.id for a in jinshan.activities_in_month(8)] == ["m07-2", "m08-1", "m08-2"]
    assert jinshan.department("志愿者") is jinshan.department("志愿者队伍")


def test_serves_links_point_at_real_tasks(jinshan: Plan) -> None:
    for activity in jinshan.activities:
        for served in jinshan.served(activity):
            assert served.id in activity.serves


def test_script_prints_summary_report_and_writes_the_calendar(
    jinshan_module: ModuleType, tmp_path: Path
) -> None:
    for lang, label, written in (
        ("zh", "配档表工作: 36", "日历已写入: jinshan-2021.ics"),
        ("en", "Scheduled activities: 36", "Calendar written: jinshan-2021.ics"),
    ):
        (tmp_path / "jinshan-2021.ics").unlink(missing_ok=True)
        result = subprocess.run(
            [sys.executable, str(EXAMPLES / "jinshan_2021.py"), "--lang", lang],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
            cwd=tmp_path,  # the script also writes jinshan-2021.ics into the current folder
        )
        assert label in result.stdout
        assert "金山镇2021年社区教育工作计划" in result.stdout
        assert "CE401" in result.stdout  # the compliance report follows the summary
        assert result.stdout.rstrip().endswith(written)
        calendar = (tmp_path / "jinshan-2021.ics").read_bytes()
        assert calendar.count(b"BEGIN:VEVENT") == 36
    assert "管理机制 3、引领机制 6、保障 3" in jinshan_module.summary(
        jinshan_module.build_plan(), "zh"
    )
