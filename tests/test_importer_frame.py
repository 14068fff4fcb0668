"""The importer reads the frame around a plan's outline, and a schedule written as paragraphs.

The documents here have the shapes public plans have: a district's three-year plan issued jointly
by its party committee and government with a 文号, a covering notice and a closing date; a town's
five-year (十二五) plan; a 社区's plan whose schedule is a list of months in the text. Their
sentences are written for these tests in the words such plans use; the figures of the district
plan are those of the national opinion 教职成〔2016〕4号 (全国社区教育实验区600个).
"""

from __future__ import annotations

import tomllib
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu import PlanFileError, loads_plan
from commedu.importer import Draft, draft_from_bytes
from commedu.importer.document import Paragraph, Where
from commedu.importer.frame import (
    MAX_PROPOSALS,
    is_closing,
    propose_places,
    propose_targets,
    read_frame,
)
from tests.docbuild import build_docx

DISTRICT = [
    "中共徐汇区委员会  徐汇区人民政府",
    "徐委发〔2018〕5号",
    "关于印发《徐汇区社区教育三年行动计划（2018-2020年）》的通知",
    "各街道、镇，区政府各委、办、局：",
    "现将《徐汇区社区教育三年行动计划（2018-2020年）》印发给你们，请认真贯彻执行。",
    "徐汇区社区教育三年行动计划（2018-2020年）",
    "为进一步推进社区教育发展，根据教职成〔2016〕4号文件精神，制定本计划。",
    "一、指导思想",
    "以满足居民终身学习需求为导向，推进学习型城区建设。",
    "二、工作目标",
    "到2020年，居民参与率达到60%以上，建成社区教育实验区600个，年培训居民10000人次。",
    "三、主要任务",
    "（一）完善社区教育网络",
    "1.依托区社区学院和各街道社区学校，在枫林街道市民学校、徐家汇街道市民学校开设课程。",
    "2.开发社区教育课程50门。",
    "中共徐汇区委员会",
    "徐汇区人民政府",
    "2018年3月5日",
]

FIVE_YEARS = [
    "青石镇社区教育“十二五”发展规划（2011-2015）",
    "一、发展目标",
    "到2015年，全镇社区教育受教育率不低于50%。",
    "二、主要任务",
    "（一）建好青石镇成人文化技术学校",
    "1.每年举办培训班。",
]

COMMUNITY = "\n".join(
    [
        "东关社区2023年社区教育工作计划",
        "一、指导思想",
        "服务居民终身学习。",
        "二、工作安排",
        "3月，开展学雷锋志愿服务活动。",
        "5月：举办社区读书节",
        "9月份：",
        "1.开设老年人智能手机课堂",
        "2.组织家长学校讲座",
        "10月下旬、全民终身学习活动周系列活动",
        "全年坚持每周二开放图书室。",
    ]
)


def _draft(parts: list[Any], name: str = "plan.docx") -> Draft:
    return draft_from_bytes(build_docx(parts), name)


def _data(draft: Draft) -> dict[str, Any]:
    return tomllib.loads(draft.text)


def _lines_before(draft: Draft, key: str) -> str:
    lines = draft.text.splitlines()
    return lines[next(i for i, line in enumerate(lines) if line.startswith(key)) - 1]


@pytest.fixture(scope="module")
def district() -> Draft:
    return _draft(DISTRICT)


# -- title, issuers, 文号, date, preamble ---------------------------------------------------------


def test_the_issuer_lines_are_not_the_title(district: Draft) -> None:
    data = _data(district)
    assert data["title"] == "徐汇区社区教育三年行动计划（2018-2020年）"
    assert data["issuer"] == "中共徐汇区委员会、徐汇区人民政府"
    assert data["source"]["issuer"] == data["issuer"]


def test_the_title_gives_the_period(district: Draft) -> None:
    data = _data(district)
    assert (data["year"], data["last_year"]) == (2018, 2020)
    assert "2018" in _lines_before(district, "last_year")
    assert "请核对" in _lines_before(district, "last_year")


def test_the_document_number_date_and_preamble_are_read_and_marked(district: Draft) -> None:
    data = _data(district)
    assert data["document_number"] == "徐委发〔2018〕5号"
    assert data["issued_on"] == date(2018, 3, 5)
    assert data["preamble"].splitlines() == [
        "关于印发《徐汇区社区教育三年行动计划（2018-2020年）》的通知",
        "各街道、镇，区政府各委、办、局：",
        "现将《徐汇区社区教育三年行动计划（2018-2020年）》印发给你们，请认真贯彻执行。",
        "为进一步推进社区教育发展，根据教职成〔2016〕4号文件精神，制定本计划。",
    ]
    for key in ("document_number", "issued_on", "issuer", "preamble"):
        assert _lines_before(district, key).startswith("# 请核对")
    codes = {n.code for n in district.notes}
    assert {"note-document-number", "note-issued-on", "note-issuers", "note-preamble"} <= codes


def test_the_closing_signature_is_not_the_last_tasks_text(district: Draft) -> None:
    (task,) = _data(district)["tasks"]
    assert all("委员会" not in m and "2018年3月5日" not in m for m in task.get("measures", []))
    assert "#   中共徐汇区委员会" not in district.text


def test_a_district_is_the_unit_and_the_id_is_its_pinyin(district: Draft) -> None:
    data = _data(district)
    assert data["township"]["name"] == "徐汇区"
    assert data["id"] == "xuhuiqu-2018"
    assert "拼音" in _lines_before(district, "id =")


def test_a_five_year_plan_in_full_width_brackets_without_年(tmp_path: Any) -> None:
    draft = draft_from_bytes("\n".join(FIVE_YEARS).encode("utf-8"), "plan.txt")
    data = _data(draft)
    assert (data["year"], data["last_year"]) == (2011, 2015)
    assert data["township"]["name"] == "青石镇"
    assert data["township"]["kind"] == "镇"
    assert data["id"] == "qingshizhen-2011"


@pytest.mark.parametrize(
    ("title", "unit", "district"),
    [
        ("东关社区2023年社区教育工作计划", "东关社区", ""),
        ("淄川区般阳路街道2022年社区教育工作计划", "般阳路街道", "淄川区"),
        ("某镇2023年社区教育工作计划", "某镇", ""),
        ("长丰县2019年社区教育工作要点", "长丰县", ""),
        ("黄山市“十四五”老年教育发展规划", "黄山市", ""),
        ("青岛市市北区2017年社区教育工作要点", "青岛市市北区", ""),
        ("市民学校2021年工作计划", "", ""),
        ("社区2022年教育工作规划", "", ""),
    ],
)
def test_the_unit_is_known_by_its_last_characters(title: str, unit: str, district: str) -> None:
    frame = read_frame([Paragraph(title, Where(paragraph=1))], [], [])
    assert (frame.unit, frame.district) == (unit, district)


def test_a_span_that_runs_backwards_is_a_single_year() -> None:
    frame = read_frame([Paragraph("青石镇社区教育规划（2020-2018年）", Where(1))], [], [])
    assert (frame.year, frame.last_year) == (2018, None)  # the year written with 年
    assert "note-period" not in {n.code for n in frame.notes}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2018年3月5日", date(2018, 3, 5)),
        ("二〇一八年三月五日", date(2018, 3, 5)),
        ("二〇二一年十二月二十日", date(2021, 12, 20)),
        ("2018年2月30日", None),  # no such day: not a date of issue
        ("2018年3月5日召开会议", None),
        ("2018年1二月5日", None),
    ],
)
def test_a_date_of_issue_is_a_line_that_is_only_a_date(line: str, expected: date | None) -> None:
    frame = read_frame(
        [Paragraph("青石镇2018年社区教育工作计划", Where(1))], [Paragraph(line, Where(9))], []
    )
    assert (frame.issued_on[0] if frame.issued_on else None) == expected


def test_a_notice_without_the_plans_own_title_line_gives_the_title() -> None:
    front = [
        Paragraph("青石镇人民政府", Where(1)),
        Paragraph("关于印发《青石镇2022年社区教育工作计划》的通知", Where(2)),
        Paragraph("各村、各部门：现印发给你们。", Where(3)),
    ]
    frame = read_frame(front, [], [])
    assert frame.title is not None
    assert frame.title.text == "青石镇2022年社区教育工作计划"
    assert frame.year == 2022
    assert "note-title-from-notice" in {n.code for n in frame.notes}
    assert frame.preamble is not None
    assert frame.preamble.text.startswith("关于印发")


@pytest.mark.parametrize(
    ("line", "closing"),
    [
        ("中共青石镇委员会", True),
        ("青石镇人民政府  青石镇教育局", True),
        ("青石镇社区教育工作计划", False),
        ("各社区要及时报送工作信息。", False),
        ("2018年3月5日", True),
    ],
)
def test_closing_lines_are_signatures_and_dates(line: str, closing: bool) -> None:
    assert is_closing(line) is closing


@given(
    st.lists(
        st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=60),
        max_size=8,
    ),
    st.booleans(),
)
def test_any_front_lines_give_a_frame_and_lose_no_line(lines: list[str], opening: bool) -> None:
    front = [Paragraph(t, Where(paragraph=i + 1)) for i, t in enumerate(lines) if t.strip()]
    frame = read_frame(front, [], [], opening_is_principles=opening)
    kept = [frame.title.text] if frame.title else []
    kept += frame.preamble.text.split("\n") if frame.preamble else []
    kept += frame.opening.text.split("\n") if frame.opening else []
    kept += [i.text for i in frame.issuers] + [p.text for p in frame.unplaced]
    kept += [p.text for p in frame.record]
    for paragraph in front:
        text = paragraph.text.strip()
        assert (
            any(text in k or k in text for k in kept)
            or is_closing(text)
            or (frame.document_number is not None and frame.document_number.text in text)
        ), text


# -- targets and places proposed from the text ----------------------------------------------------


def test_targets_are_proposed_from_sentences_with_figures(district: Draft) -> None:
    targets = _data(district)["targets"]
    assert [(t["what"], t["comparator"], t["value"], t["unit"]) for t in targets] == [
        ("居民参与率", ">=", "60", "%"),
        ("社区教育实验区", ">=", "600", "个"),
        ("年培训居民", ">=", "10000", "人次"),
        ("社区教育课程", ">=", "50", "门"),
    ]
    assert targets[0]["text"].startswith("到2020年，居民参与率达到60%以上")
    assert _lines_before(district, "[[targets]]").startswith("# 请核对")


def test_places_are_proposed_from_named_schools(district: Draft) -> None:
    places = _data(district)["places"]
    assert [(p["name"], p["kind"]) for p in places] == [
        ("枫林街道市民学校", "市民学校"),
        ("徐家汇街道市民学校", "市民学校"),
    ]
    assert _lines_before(district, "[[places]]").startswith("# 请核对")


def test_a_list_of_schools_is_a_list_of_places() -> None:
    text = "以“九校一室（社区党校、市民学校、社区老年学校、社区家长学校、图书室）”为依托。"
    names = [p.name for p in propose_places([Paragraph(text, Where(1))])]
    assert names == ["社区党校", "市民学校", "社区老年学校", "社区家长学校"]
    text = "组织中小学校、社区党校、市民学校开展活动。"  # the primary and middle schools are many
    assert [p.name for p in propose_places([Paragraph(text, Where(1))])] == ["社区党校", "市民学校"]


def test_a_draft_titled_from_its_notice_says_so() -> None:
    text = (
        "青石镇人民政府\n关于印发《青石镇2022年社区教育工作计划》的通知\n一、指导思想\n服务居民。\n"
    )
    draft = draft_from_bytes(text.encode("utf-8"), "plan.txt")
    assert _data(draft)["title"] == "青石镇2022年社区教育工作计划"
    assert _data(draft)["issuer"] == "青石镇人民政府"
    assert "印发通知" in _lines_before(draft, "title =")


@pytest.mark.parametrize(
    "text",
    [
        "评选学习型社区教育学校、百姓学习之星等。",  # a kind of school, not one
        "鼓励村（居）建设老年教育社区学校。",
        "组织中小学校开展活动。",
    ],
)
def test_kinds_of_school_are_not_places(text: str) -> None:
    assert propose_places([Paragraph(text, Where(1))]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("文盲率控制在1%以下。", ("文盲率", "<=", "1", "%")),
        ("精心打造1—2个社区教育品牌。", ("社区教育品牌", ">=", "1", "个")),
        ("受教育率达到120%。", None),  # no rate exceeds 100 %
        ("2020年完成任务。", None),
        ("50%。", None),  # a figure that measures nothing named
    ],
)
def test_a_targets_figure_and_comparator(text: str, expected: tuple[str, ...] | None) -> None:
    found = propose_targets([Paragraph(text, Where(1))])
    got = [(t.what, t.comparator, f"{t.value:f}", t.unit) for t in found]
    assert got == ([expected] if expected else [])


def test_proposals_are_bounded() -> None:
    many = [Paragraph("覆盖率达到50%。" * 200 + "东关社区市民学校、西关社区市民学校。", Where(1))]
    assert len(propose_targets(many)) == MAX_PROPOSALS
    names = "、".join(f"第{i}社区市民学校" for i in range(200))
    assert len(propose_places([Paragraph(names, Where(1))])) == MAX_PROPOSALS


def test_the_district_draft_validates_once_the_province_is_filled_in(district: Draft) -> None:
    text = district.text.replace('province = ""', 'province = "上海市"', 1)
    plan = loads_plan(text)
    assert plan.last_year == 2020
    assert plan.document_number == "徐委发〔2018〕5号"
    assert [p.name for p in plan.places] == ["枫林街道市民学校", "徐家汇街道市民学校"]
    assert len(plan.targets) == 4


# -- a schedule written as paragraphs ---------------------------------------------------------------


@pytest.fixture(scope="module")
def community() -> Draft:
    return draft_from_bytes(COMMUNITY.encode("utf-8"), "plan.txt")


def test_paragraphs_that_begin_with_a_month_are_the_schedule(community: Draft) -> None:
    activities = _data(community)["schedule"]["activities"]
    assert [(a["id"], a["when"], a["title"]) for a in activities] == [
        ("m03-1", "3月", "开展学雷锋志愿服务活动"),
        ("m05-1", "5月", "举办社区读书节"),
        ("m09-1", "9月份", "开设老年人智能手机课堂"),
        ("m09-2", "9月份", "组织家长学校讲座"),
        ("m10-1", "10月下旬", "全民终身学习活动周系列活动"),
    ]
    assert all(a["responsible"] == [] for a in activities)
    notes = [n for n in community.notes if n.code == "note-schedule-paragraphs"]
    assert [n.params["count"] for n in notes] == [5]
    assert "note-no-schedule" not in {n.code for n in community.notes}


def test_schedule_paragraphs_are_not_also_measures(community: Draft) -> None:
    data = _data(community)
    text = str(data.get("tasks", "")) + str(data.get("goals", ""))
    assert "学雷锋" not in text
    assert "全年坚持每周二开放图书室。" in community.text  # not a month: kept, not an item


def test_the_paragraph_schedule_loads(community: Draft) -> None:
    text = community.text.replace('province = ""', 'province = "山东省"', 1)
    plan = loads_plan(text)
    assert [a.id for a in plan.activities] == ["m03-1", "m05-1", "m09-1", "m09-2", "m10-1"]
    assert plan.township.name == "东关社区"


def test_a_table_schedule_wins_over_month_paragraphs() -> None:
    parts = [
        "西关镇2023年社区教育工作计划",
        "一、工作安排",
        "3月，开展读书活动。",
        [["月份", "工作安排", "责任部门"], ["4月", "老年课堂", "文化站"]],
    ]
    activities = _data(_draft(parts))["schedule"]["activities"]
    assert [(a["when"], a["title"]) for a in activities] == [("4月", "老年课堂")]


def test_a_month_that_is_no_month_is_not_an_item() -> None:
    text = "西关镇2023年社区教育工作计划\n一、工作安排\n13月，开展读书活动。\n"
    draft = draft_from_bytes(text.encode("utf-8"), "plan.txt")
    assert "schedule" not in _data(draft) or not _data(draft)["schedule"].get("activities")
    assert "note-no-schedule" in {n.code for n in draft.notes}


@pytest.mark.parametrize("parts", [DISTRICT, FIVE_YEARS], ids=["district", "five-years"])
def test_the_draft_lacks_only_the_province(parts: list[Any]) -> None:
    with pytest.raises(PlanFileError) as caught:
        loads_plan(_draft(parts).text)
    assert {p.path for p in caught.value.problems} == {"township.province"}
