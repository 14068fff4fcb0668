"""How the outline reader places each kind of paragraph, shown on small documents."""

from __future__ import annotations

import tomllib
from typing import Any

from commedu.importer import Draft, draft_from_bytes

TITLE = "某镇2023年社区教育工作计划"


def _import(*lines: str) -> Draft:
    return draft_from_bytes("\n".join([TITLE, *lines]).encode("utf-8"), "plan.txt")


def _data(draft: Draft) -> dict[str, Any]:
    return tomllib.loads(draft.text)


def _unplaced(draft: Draft) -> str:
    return draft.text.partition("未能归类的原文")[2]


def test_a_paragraph_after_a_mechanism_adds_to_its_measures() -> None:
    draft = _import(
        "三、主要任务", "（一）实施管理机制", "1.建立例会制度。每月一次。", "会议纪要存档。"
    )
    (mechanism,) = _data(draft)["tasks"][0]["mechanisms"]
    assert mechanism["measures"] == ["每月一次。", "会议纪要存档。"]


def test_a_task_heading_with_a_sentence_after_it_keeps_the_sentence_as_a_measure() -> None:
    draft = _import("三、主要任务", "（一）加强组织领导。成立领导小组，统筹推进。")
    (task,) = _data(draft)["tasks"]
    assert (task["title"], task["measures"]) == ("加强组织领导", ["成立领导小组，统筹推进。"])


def test_text_under_the_tasks_heading_before_any_task_is_kept() -> None:
    draft = _import("三、主要任务", "全年重点抓好以下工作：", "（一）办好老年学校")
    assert [t["title"] for t in _data(draft)["tasks"]] == ["办好老年学校"]
    assert "#   全年重点抓好以下工作：" in _unplaced(draft)


def test_a_tasks_heading_with_no_task_under_it_is_kept() -> None:
    draft = _import("三、主要任务", "四、保障措施", "（一）落实经费")
    assert "#   三、主要任务" in _unplaced(draft)
    assert "# 四、保障措施" in draft.text  # the heading of the section the task is under
    assert "#   四、保障措施" not in _unplaced(draft)


def test_a_last_tasks_heading_with_nothing_under_it_is_kept() -> None:
    assert "#   三、主要任务" in _unplaced(_import("一、指导思想", "服务居民。", "三、主要任务"))


def test_a_second_section_of_one_kind_is_kept_apart_not_merged() -> None:
    draft = _import("一、指导思想", "服务居民。", "二、指导思想", "另一种说法。")
    assert _data(draft)["guiding_principles"] == "服务居民。"
    assert "#   另一种说法。" in _unplaced(draft)


def test_a_station_named_twice_is_one_station() -> None:
    draft = _import("三、主要任务", "（一）建设“东村社区教育工作站”", "办好“东村社区教育工作站”。")
    assert [s["name"] for s in _data(draft)["stations"]] == ["东村社区教育工作站"]


def test_a_paragraph_after_a_text_table_ends_it() -> None:
    text = f"{TITLE}\n\t月份\n\t工作安排\n\t责任部门\n\n\t3月\n\t读书会\n\t文化站\n\n附件：联系人名单\n"
    draft = draft_from_bytes(text.encode("utf-8"), "plan.txt")
    assert len(_data(draft)["schedule"]["activities"]) == 1
    assert "#   附件：联系人名单" in _unplaced(draft)


def test_a_text_table_of_empty_cells_is_no_table() -> None:
    draft = draft_from_bytes(f"{TITLE}\n\t\n\t\n".encode(), "plan.txt")
    assert "note-no-schedule" in {n.code for n in draft.notes}
    assert "note-table-unknown" not in {n.code for n in draft.notes}
