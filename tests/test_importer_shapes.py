"""Plans of other shapes than Jinshan's import with the same code: a 街道, other columns,
merged month cells, no table at all, text in GB18030."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from commedu import MechanismKind, PlanFileError, loads_plan
from commedu.cli import main
from commedu.importer import Draft, draft_from_bytes
from tests.docbuild import MERGE_LEFT, MERGE_UP, Numbered, build_docx

STREET_TITLE = "淄川区般阳路街道2022年社区教育工作计划"
STREET = [
    STREET_TITLE,
    "为推动街道社区教育持续发展，结合辖区实际，制定本计划。",
    "一、总体要求",
    "坚持以人民为中心，服务居民终身学习。",
    "二、目标任务",
    "建成覆盖全街道的社区教育网络。",
    "三、重点工作",
    "（一）健全保障机制。",
    "1.落实经费保障。街道按常住人口人均2元安排经费。经费专款专用。",
    "2.加强队伍保障。配齐专职人员。",
    "（二）丰富居民学习活动",
    "1.开展读书活动。依托“和平社区教育工作站”开展读书分享。",
    "2.开办老年课堂。",
    "四、其他事项",
    "各社区要及时报送工作信息。",
    "2022年般阳路街道社区教育工作安排表",
    [
        ["序号", "时间", "工作内容", "责任单位", "备注"],
        ["1", "3月上旬", "1.读书分享会；2.老年课堂开班", "和平社区、街道文化站", "每周一次"],
        ["2", "5月前", "社区教育工作站挂牌", "街道办", ""],
        ["3", "根据上级安排", "全民终身学习活动周", "街道文化站", ""],
    ],
]


def _draft(parts: list[Any], name: str = "plan.docx") -> Draft:
    return draft_from_bytes(build_docx(parts), name)


def _data(draft: Draft) -> dict[str, Any]:
    return tomllib.loads(draft.text)


def _problems(draft: Draft) -> list[tuple[str, str]]:
    with pytest.raises(PlanFileError) as info:
        loads_plan(draft.text)
    return [(p.path, p.code) for p in info.value.problems]


def test_a_street_plan_reads_its_township_sections_and_tasks() -> None:
    draft = _draft(STREET)
    data = _data(draft)
    assert data["title"] == STREET_TITLE
    assert data["year"] == 2022
    assert data["township"]["name"] == "般阳路街道"
    assert data["township"]["district"] == "淄川区"
    assert data["guiding_principles"] == "坚持以人民为中心，服务居民终身学习。"
    assert data["goals"] == "建成覆盖全街道的社区教育网络。"
    first, second = data["tasks"]
    assert first["title"] == "健全保障机制"
    assert [(m["title"], m["kind"]) for m in first["mechanisms"]] == [
        ("落实经费保障", "safeguard"),
        ("加强队伍保障", "safeguard"),
    ]
    assert first["mechanisms"][0]["measures"] == [
        "街道按常住人口人均2元安排经费。",
        "经费专款专用。",
    ]
    assert second["measures"] == [
        {"title": "开展读书活动", "text": "依托“和平社区教育工作站”开展读书分享。"},
        "开办老年课堂。",
    ]
    assert [s["name"] for s in data["stations"]] == ["和平社区教育工作站"]


def test_a_street_plans_schedule_keeps_every_time_as_written() -> None:
    draft = _draft(STREET)
    activities = _data(draft)["schedule"]["activities"]
    assert [(a["title"], a["when"], a["responsible"]) for a in activities] == [
        ("读书分享会", "3月上旬", ["和平社区", "街道文化站"]),
        ("老年课堂开班", "3月上旬", ["和平社区", "街道文化站"]),
        ("社区教育工作站挂牌", "5月前", ["街道办"]),
        ("全民终身学习活动周", "根据上级安排", ["街道文化站"]),
    ]
    assert activities[0]["description"] == "序号：1；备注：每周一次"
    assert _data(draft)["schedule"]["title"] == "2022年般阳路街道社区教育工作安排表"
    # The time no parser reads is kept and marked beside it, not dropped.
    (block,) = [b for b in draft.text.split("\n\n") if 'when = "根据上级安排"' in b]
    assert any(
        line.startswith("# 请核对") and "根据上级安排" in line for line in block.splitlines()
    )
    assert _problems(draft) == [
        ("township.province", "empty-text"),
        ("schedule.activities[3].when", "bad-when"),
    ]


def test_a_street_plans_stray_text_is_kept_as_comments() -> None:
    draft = _draft(STREET)
    tail = draft.text[draft.text.index("未能归类的原文") :]
    # The paragraph between the title and the first section is the plan's preamble.
    assert _data(draft)["preamble"] == "为推动街道社区教育持续发展，结合辖区实际，制定本计划。"
    assert "为推动街道" not in tail
    assert "#   四、其他事项" in tail
    assert "#   各社区要及时报送工作信息。" in tail
    codes = [n.code for n in draft.notes]
    assert "note-section-unknown" in codes
    assert "note-preamble" in codes


LEAD_AND_PARTNER = [
    "金山镇2021年社区教育工作计划",
    "配档表",
    [
        ["完成时限", "工作安排", "配合单位", "牵头单位", "月份"],
        ["4月底前", "1.清明节革命传统教育活动；2.趣味体育活动", "学校、村居", "文化站", "4月"],
        ["", "读书月活动", "", "社区教育中心", "5月"],
    ],
]


def test_columns_are_found_by_their_headers_in_any_order() -> None:
    draft = _draft(LEAD_AND_PARTNER)
    activities = _data(draft)["schedule"]["activities"]
    assert [(a["id"], a["title"], a["when"], a["responsible"]) for a in activities] == [
        ("m04-1", "清明节革命传统教育活动", "4月", ["文化站", "学校", "村居"]),
        ("m04-2", "趣味体育活动", "4月", ["文化站", "学校", "村居"]),
        ("m05-1", "读书月活动", "5月", ["社区教育中心"]),
    ]
    assert activities[0]["description"] == "完成时限：4月底前"
    assert "description" not in activities[2]
    assert [d["name"] for d in _data(draft)["departments"]] == [
        "文化站",
        "学校",
        "村居",
        "社区教育中心",
    ]


def test_a_deadline_column_alone_gives_the_time() -> None:
    draft = _draft(
        ["配档表", [["工作内容", "完成时限", "责任部门"], ["总结表彰", "12月底前", "社区教育中心"]]]
    )
    (activity,) = _data(draft)["schedule"]["activities"]
    assert activity["when"] == "12月底前"


MERGED = [
    "某镇2023年社区教育工作计划",
    [
        ["月份", "工作安排", "责任部门"],
        ["3月", "学雷锋志愿服务", "志愿者"],
        [MERGE_UP, "妇女节主题活动", "妇联"],
        [MERGE_UP, "植树活动", "林业站"],
        ["4月", "清明祭扫", "学校"],
    ],
]


def test_month_cells_merged_across_rows_give_every_row_its_month() -> None:
    draft = _draft(MERGED)
    activities = _data(draft)["schedule"]["activities"]
    assert [(a["id"], a["when"]) for a in activities] == [
        ("m03-1", "3月"),
        ("m03-2", "3月"),
        ("m03-3", "3月"),
        ("m04-1", "4月"),
    ]
    assert _data(draft)["township"]["name"] == "某镇"


def test_a_cell_merged_across_columns_is_read_once() -> None:
    parts = [
        "某镇2023年社区教育工作计划",
        [
            ["月份", "工作安排", MERGE_LEFT, "责任部门"],
            ["3月", "1.读书会；2.书法课", MERGE_LEFT, "文化站"],
            ["第二季度", MERGE_LEFT, MERGE_LEFT, MERGE_LEFT],
        ],
    ]
    draft = _draft(parts)
    assert [a["title"] for a in _data(draft)["schedule"]["activities"]] == ["读书会", "书法课"]
    assert "#   第二季度" in draft.text


def test_a_title_row_inside_the_table_is_its_title() -> None:
    parts = [
        "某镇2023年社区教育工作计划",
        [
            ["2023年社区教育工作配档表", MERGE_LEFT, MERGE_LEFT],
            ["制表：社区教育中心", MERGE_LEFT, MERGE_LEFT],
            ["月份", "工作安排", "责任部门"],
            ["", "", ""],
            ["3月", "读书会", "文化站"],
        ],
    ]
    draft = _draft(parts)
    schedule = _data(draft)["schedule"]
    assert schedule["title"] == "2023年社区教育工作配档表"
    assert [a["title"] for a in schedule["activities"]] == ["读书会"]
    assert "#   制表：社区教育中心" in draft.text


def test_a_table_nested_in_a_cell_keeps_its_text() -> None:
    parts = [
        "某镇2023年社区教育工作计划",
        [["月份", "工作安排", "责任部门"], ["3月", "读书会", [["文化站"], ["妇联"]]]],
    ]
    (activity,) = _data(_draft(parts))["schedule"]["activities"]
    assert activity["responsible"] == ["文化站", "妇联"]


def test_an_empty_month_cell_in_text_means_the_month_above() -> None:
    text = (
        "某镇2023年社区教育工作计划\n"
        "\t月份\n\t工作安排\n\t责任部门\n\n"
        "\t3月\n\t学雷锋志愿服务\n\t志愿者\n\n"
        "\t\n\t妇女节主题活动\n\t妇联\n"
    )
    draft = draft_from_bytes(text.encode("utf-8"), "plan.txt")
    activities = _data(draft)["schedule"]["activities"]
    assert [(a["title"], a["when"]) for a in activities] == [
        ("学雷锋志愿服务", "3月"),
        ("妇女节主题活动", "3月"),
    ]
    assert "note-when-above" in {n.code for n in draft.notes}


def test_a_whole_row_on_one_tabbed_line_is_a_row() -> None:
    text = "某镇2023年社区教育工作计划\n\t月份\t工作安排\t责任部门\n\t6月\t端午诗会\t文化站\n"
    draft = draft_from_bytes(text.encode("utf-8"), "plan.txt")
    (activity,) = _data(draft)["schedule"]["activities"]
    assert (activity["title"], activity["when"], activity["responsible"]) == (
        "端午诗会",
        "6月",
        ["文化站"],
    )


def test_a_plan_with_no_table_imports_its_outline_and_says_so() -> None:
    draft = _draft(STREET[:-2])
    data = _data(draft)
    assert "schedule" not in data
    assert len(data["tasks"]) == 2
    assert "note-no-schedule" in {n.code for n in draft.notes}
    assert _problems(draft) == [("township.province", "empty-text")]


def test_a_table_that_is_not_a_schedule_is_kept_as_comments() -> None:
    draft = _draft([*STREET[:3], [["姓名", "职务"], ["张三", "主任"]]])
    assert "#   张三" in draft.text
    assert "note-table-unknown" in {n.code for n in draft.notes}


def test_a_banner_row_across_the_table_is_kept_not_scheduled() -> None:
    banner = "第一季度"
    draft = _draft(
        [
            "某镇2023年社区教育工作计划",
            [["月份", "工作安排", "责任部门"], [banner] * 3, ["1月", "迎新春", "文化站"]],
        ]
    )
    assert [a["title"] for a in _data(draft)["schedule"]["activities"]] == ["迎新春"]
    assert f"#   {banner}" in draft.text


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-8"])
def test_text_in_either_encoding_reads_the_same(encoding: str, tmp_path: Path) -> None:
    text = "某镇2023年社区教育工作计划\n一、指导思想\n服务居民终身学习。\n"
    draft = draft_from_bytes(text.encode(encoding), "plan.txt")
    assert _data(draft)["guiding_principles"] == "服务居民终身学习。"


def test_a_heading_with_a_mechanism_but_no_kind_assumes_one_and_says_so() -> None:
    parts = [
        "某镇2023年社区教育工作计划",
        "三、主要任务",
        "（一）完善运行机制",
        "1.建立例会制度。每月召开一次。",
    ]
    draft = _draft(parts)
    (task,) = _data(draft)["tasks"]
    assert task["mechanisms"][0]["kind"] == MechanismKind.MANAGEMENT.value
    assert "note-kind-default" in {n.code for n in draft.notes}


def test_numbered_items_without_task_headings_become_tasks() -> None:
    parts = ["某镇2023年社区教育工作计划", "二、主要任务", "1.办好老年学校。", "2.开展读书活动。"]
    assert [t["title"] for t in _data(_draft(parts))["tasks"]] == ["办好老年学校", "开展读书活动"]


def test_a_document_with_nothing_recognisable_still_gives_a_draft_that_says_what_to_fill_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = draft_from_bytes("会议通知\n请各单位准时参加。\n".encode(), "x.txt")
    path = tmp_path / "plan.toml"
    path.write_text(draft.text, "utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert re.findall(r"^  ([^\s:]+)[ :]", out, re.MULTILINE) == [
        "year",
        "township.name",
        "township.province",
    ]
    assert {"note-no-township", "note-no-year"} <= {n.code for n in draft.notes}


def test_automatic_numbering_counts_as_word_shows_it() -> None:
    parts = [
        "某镇2023年社区教育工作计划",
        *(Numbered(f"第{n}节", 0) for n in range(1, 13)),
        Numbered("主要任务", 0),
        Numbered("办好老年学校", 1),
        Numbered("开课", 2),
        Numbered("招生", 2),
        Numbered("一项要点", 3),  # a bullet: no number
        Numbered("未定义的层级", 4),
    ]
    draft = _draft(parts)
    unplaced = draft.text.partition("未能归类的原文")[2]
    assert "#   十二、第12节" in unplaced
    (task,) = _data(draft)["tasks"]
    assert task["measures"] == [
        "开课",
        "招生",
        "一项要点",
        "未定义的层级",
    ]
    assert "# 十三、主要任务" in draft.text
