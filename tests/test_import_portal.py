"""The importer reads a page of a government open-information portal as a plan's frame.

Such a page opens with the portal's record of the document (索引号, 发布机构, 发文日期, 发布文号 …,
two ``key: value`` pairs to a line where the page flattens the record's table), names the plan
in 《…》, says who issued it (市教育局等四部门印发) and gives its figures in 万. The page here is
tests/plans/huangshan_elder_2021.txt, a real one; the other lines are written for these tests in
the spellings other portals use.
"""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu import loads_plan
from commedu.importer import Draft, draft_from_bytes, draft_from_document
from commedu.importer.document import Document, Paragraph, Where
from commedu.importer.frame import (
    PORTAL_KEYS,
    Frame,
    portal_fields,
    propose_places,
    propose_targets,
    read_frame,
)
from commedu.importer.lists import MAX_ITEMS, item, split_items
from tests.strategies import portal_values

PAGE = Path(__file__).resolve().parent / "plans" / "huangshan_elder_2021.txt"
TITLE = "黄山市“十四五”老年教育发展规划"
RECORD_KEYS = (
    "索引号",
    "号:",
    "信息分类",
    "主题分类",
    "发文日期",
    "发布机构",
    "废止日期",
    "内容概述",
)


@pytest.fixture(scope="module")
def page() -> Draft:
    return draft_from_bytes(PAGE.read_bytes(), PAGE.name)


def _data(draft: Draft) -> dict[str, Any]:
    return tomllib.loads(draft.text)


def _line_before(draft: Draft, key: str) -> str:
    lines = draft.text.splitlines()
    return lines[next(i for i, line in enumerate(lines) if line.startswith(key)) - 1]


def _frame(*lines: str) -> Frame:
    return read_frame([Paragraph(t, Where(paragraph=i + 1)) for i, t in enumerate(lines)], [], [])


def _codes(frame: Frame) -> set[str]:
    return {n.code for n in frame.notes}


# -- the 黄山 page --------------------------------------------------------------------------------


def test_the_page_s_title_is_the_plan_its_record_names(page: Draft) -> None:
    data = _data(page)
    assert data["title"] == TITLE
    assert data["source"]["title"] == TITLE
    assert "《…》" in _line_before(page, "title =")
    assert _line_before(page, "title =").startswith("# 请核对")
    assert page.text.splitlines()[0].startswith(f"# {TITLE} — ")


def test_the_page_s_record_gives_the_document_number_date_and_issuer(page: Draft) -> None:
    data = _data(page)
    assert data["document_number"] == "黄教秘职成〔2023〕5号"
    assert data["issued_on"] == date(2023, 5, 17)
    assert data["issuer"] == "市教育局"
    assert "发布文号" in _line_before(page, "document_number =")
    assert "发文日期" in _line_before(page, "issued_on =")
    for key in ("document_number", "issued_on", "issuer"):
        assert _line_before(page, f"{key} =").startswith("# 请核对")


def test_the_page_s_unit_and_period_come_from_the_title(page: Draft) -> None:
    data = _data(page)
    assert (data["township"]["name"], data["township"]["kind"]) == ("黄山市", "市")
    assert (data["year"], data["last_year"]) == (2021, 2025)
    assert data["id"] == "huangshanshi-2021"


def test_no_line_of_the_record_is_title_or_preamble(page: Draft) -> None:
    data = _data(page)
    preamble = data["preamble"]
    for key in RECORD_KEYS:
        assert key not in preamble
        assert key not in data["title"]
    assert "作者:市教育局 发布时间" not in preamble  # the page's byline is the record's too
    assert preamble.startswith("【负责人解读】")
    assert (
        "市教育局等四部门印发《黄山市“十四五”老年教育发展规划》(黄教秘职成〔2023〕5号)。"
        in preamble
    )
    assert "note-header-read" in {n.code for n in page.notes}


def test_the_record_s_lines_are_kept_as_they_stood(page: Draft) -> None:
    tail = page.text.split("——", 1)[1]
    for line in PAGE.read_text("utf-8").splitlines()[:6]:
        assert f"#   {line.strip()}" in tail


def test_the_joint_issuers_are_named_as_far_as_the_page_names_them(page: Draft) -> None:
    joint = [n for n in page.notes if n.code == "note-issuers-joint"]
    assert [(n.params["named"], n.params["count"]) for n in joint] == [("市教育局", 4)]
    comments = _line_before(page, "issuer =") + _line_before(page, "# 请核对：发文机关")
    assert "等四部门" in comments
    assert "4 bodies" in page.text


def test_the_page_s_figures_in_wan_are_counts_of_people(page: Draft) -> None:
    targets = _data(page)["targets"]
    assert [(t["what"], t["comparator"], t["value"], t["unit"]) for t in targets] == [
        ("全市参与学习教育活动的老年人", "=", "108000", "人"),
        ("线下学习", "=", "83000", "人"),
        ("占常住老年人口总数的比例", ">=", "30", "%"),
    ]
    assert "左右" in _line_before(page, 'comparator = "="')
    about = [n.params["what"] for n in page.notes if n.code == "note-target-about"]
    assert about == ["全市参与学习教育活动的老年人", "线下学习"]


def test_the_page_s_draft_validates_once_the_province_is_filled_in(page: Draft) -> None:
    plan = loads_plan(page.text.replace('province = ""', 'province = "安徽省"', 1))
    assert plan.title == TITLE
    assert plan.document_number == "黄教秘职成〔2023〕5号"
    assert plan.issued_on == date(2023, 5, 17)
    assert plan.issuers == ("市教育局",)
    assert [t.value for t in plan.targets] == [Decimal(108000), Decimal(83000), Decimal(30)]


# -- the record's lines as other portals spell them ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "pairs"),
    [
        (
            "发布机构: 市教育局 发布日期: 2023-05-17",
            [("发布机构", "市教育局"), ("发布日期", "2023-05-17")],
        ),
        ("文  号：青教发〔2022〕3号", [("文号", "青教发〔2022〕3号")]),
        (
            "成文日期：2022年3月1日  发布时间：2022-03-02 09:00",
            [
                ("成文日期", "2022年3月1日"),
                ("发布时间", "2022-03-02 09:00"),
            ],
        ),
        ("生效日期: 有效 废止日期:", [("生效日期", "有效"), ("废止日期", "")]),
        ("索引号:", [("索引号", "")]),
        ("主题词：社区教育 计划", [("主题词", "社区教育 计划")]),
    ],
)
def test_a_record_line_is_its_key_value_pairs(line: str, pairs: list[tuple[str, str]]) -> None:
    assert portal_fields(line) == pairs


@pytest.mark.parametrize(
    "line",
    [
        "各社区要及时报送工作信息。",
        "时间：2021年3月",  # not a key of the record
        "联系人：张三 文号：1号",  # a line must start with a key
        "1.建设普惠性老年教育体系",
        "",
    ],
)
def test_a_line_that_does_not_start_with_a_key_is_no_record(line: str) -> None:
    assert portal_fields(line) is None


def test_every_key_of_the_table_is_read_and_spelt_back_as_the_table_spells_it() -> None:
    for key in PORTAL_KEYS:
        spaced = " ".join(key)  # 文 号, as a page that justifies its cells spells it
        assert portal_fields(f"{spaced}：x") == [(key, "x")]


def test_spellings_of_other_portals_give_the_same_frame() -> None:
    frame = _frame(
        "文  号：青教发〔2022〕3号",
        "成文日期：2022年3月1日 发布机构：青石镇人民政府",
        "关键词：《青石镇2022年社区教育工作计划》",
        "为推进社区教育，制定本计划。",
    )
    assert frame.document_number is not None
    assert frame.document_number.text == "青教发〔2022〕3号"
    assert frame.issued_on is not None
    assert frame.issued_on[0] == date(2022, 3, 1)
    assert [i.text for i in frame.issuers] == ["青石镇人民政府"]
    assert frame.title is not None
    assert frame.title.text == "青石镇2022年社区教育工作计划"
    assert (frame.unit, frame.year) == ("青石镇", 2022)
    assert frame.preamble is not None
    assert frame.preamble.text == "为推进社区教育，制定本计划。"
    assert len(frame.record) == 3


def test_a_title_line_the_record_names_is_the_title_and_not_the_preamble() -> None:
    frame = _frame(
        "发布文号：青教发〔2022〕3号 内容概述：《青石镇社区教育工作计划》",
        "青石镇社区教育工作计划",
        "正文。",
    )
    assert frame.title is not None
    assert (frame.title.text, frame.title.where) == ("青石镇社区教育工作计划", Where(paragraph=2))
    assert "note-title-quoted" not in _codes(frame)
    assert frame.preamble is not None
    assert frame.preamble.text == "正文。"


def test_a_record_without_a_title_takes_the_first_one_the_page_names() -> None:
    frame = _frame(
        "索引号：001/2022-1", "解读《青石镇2022年社区教育工作计划》与《另一份规划》", "正文。"
    )
    assert frame.title is not None
    assert frame.title.text == "青石镇2022年社区教育工作计划"
    assert "note-title-quoted" in _codes(frame)
    assert frame.preamble is not None  # the line that names it stays: it is not the title
    assert frame.preamble.text.startswith("解读《青石镇")


# -- bad and odd records ----------------------------------------------------------------------------


def test_keys_with_empty_values_fill_nothing_and_stay_out_of_the_preamble() -> None:
    frame = _frame("发布文号: 发文日期:", "发布机构：", "内容概述:  主题词：", "正文第一段。")
    assert frame.document_number is None
    assert frame.issued_on is None
    assert frame.issuers == ()
    assert frame.title is not None
    assert frame.title.text == "正文第一段。"  # the first line, as in any text without a title
    assert frame.preamble is None
    assert len(frame.record) == 3
    assert "note-header-not-a-date" not in _codes(frame)


@pytest.mark.parametrize("value", ["2023-13-45", "待定", "2023年2月30日", "17/05/2023"])
def test_a_date_of_issue_that_is_not_a_date_is_said_and_not_written(value: str) -> None:
    frame = _frame(f"发文日期：{value} 发布文号：青教发〔2022〕3号")
    assert frame.issued_on is None
    (note,) = [n for n in frame.notes if n.code == "note-header-not-a-date"]
    assert note.params == {"key": "发文日期", "value": value}
    assert note.where == Where(paragraph=1)
    assert value in note.message("zh")
    assert "issued_on" in note.message("en")
    assert frame.document_number is not None  # the rest of the line is still read


def test_a_draft_with_a_bad_date_still_validates_and_says_where() -> None:
    text = "发文日期: 待定\n青石镇2022年社区教育工作计划\n一、指导思想\n服务居民。\n"
    draft = draft_from_bytes(text.encode("utf-8"), "page.txt")
    assert "issued_on" not in _data(draft)
    said = [n.describe("en") for n in draft.notes if n.code == "note-header-not-a-date"]
    assert said == [
        "line 1: the portal record's 发文日期 '待定' is not a date; write issued_on by hand"
    ]
    loads_plan(draft.text.replace('province = ""', 'province = "山东省"', 1))


@pytest.mark.parametrize(
    ("line", "named", "count"),
    [
        ("市教育局等四部门印发《青石镇社区教育规划》。", "市教育局", 4),
        ("青石镇人民政府等十二部门联合印发本计划。", "青石镇人民政府", 12),
        ("经研究，区民政局等3个单位制定本方案。", "区民政局", 3),
        ("市教育局等二部门印发。", "市教育局", 2),
    ],
)
def test_a_body_named_for_several_is_an_issuer_and_a_note(
    line: str, named: str, count: int
) -> None:
    frame = _frame("青石镇社区教育规划", line)
    assert [i.text for i in frame.issuers] == [named]
    (note,) = [n for n in frame.notes if n.code == "note-issuers-joint"]
    assert (note.params["named"], note.params["count"]) == (named, count)
    assert str(count) in note.message("en")
    assert named in note.message("zh")


@pytest.mark.parametrize(
    "line",
    [
        "市教育局等部门印发本计划。",  # no count: nothing says how many
        "市教育局等一部门印发本计划。",  # one is not jointly
    ],
)
def test_no_count_or_one_body_is_not_a_joint_issue(line: str) -> None:
    frame = _frame("青石镇社区教育规划", line)
    assert frame.issuers == ()
    assert "note-issuers-joint" not in _codes(frame)


def test_a_joint_issuer_the_record_names_already_is_not_named_twice() -> None:
    frame = _frame("发布机构：市教育局", "青石镇社区教育规划", "市教育局等四部门印发本规划。")
    assert [i.text for i in frame.issuers] == ["市教育局"]
    assert {"note-issuers-joint", "note-header-issuer"} <= _codes(frame)


@pytest.mark.parametrize(
    ("line", "named", "count"),
    [
        ("市教育局、市民政局等四部门印发《青石镇社区教育规划》。", ["市教育局", "市民政局"], 4),
        (
            "经研究，区教育局、区民政局、区财政局等5个单位制定本方案。",
            ["区教育局", "区民政局", "区财政局"],
            5,
        ),
    ],
)
def test_bodies_named_before_a_count_are_all_issuers(
    line: str, named: list[str], count: int
) -> None:
    frame = _frame("青石镇社区教育规划", line)
    assert [i.text for i in frame.issuers] == named
    (note,) = [n for n in frame.notes if n.code == "note-issuers-joint"]
    assert (note.params["named"], note.params["count"]) == ("、".join(named), count)
    assert all(name in note.message("zh") for name in named)


def test_bodies_that_are_all_the_count_names_need_no_note() -> None:
    frame = _frame("青石镇社区教育规划", "市教育局、市民政局等两部门印发本规划。")
    assert [i.text for i in frame.issuers] == ["市教育局", "市民政局"]
    assert "note-issuers-joint" not in _codes(frame)
    assert "note-issuers" in _codes(frame)


def test_the_page_s_targets_are_its_answer_s_sentence_for_the_plan_s_last_year(
    page: Draft,
) -> None:
    targets = _data(page)["targets"]
    assert targets  # 10.8万人, 8.3万人 and 30%
    for target in targets:
        assert target["text"].startswith("到2025年,全市参与学习教育活动的老年人")
        assert target["year"] == 2025
    assert "答" not in "".join(t["text"] for t in targets)


# -- figures in 万 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("老年人达到10.8万人左右。", ("老年人", "=", "108000", "人", True)),
        ("年培训居民1.5万人次以上。", ("年培训居民", ">=", "15000", "人次", False)),
        ("参训人数达到3万人。", ("参训人数", ">=", "30000", "人", False)),
        ("开设课程1.5万门。", ("课程", ">=", "15000", "门", False)),
        ("居民参与率达到60%左右。", ("居民参与率", "=", "60", "%", True)),
        ("老年人达到万人。", None),  # 万 without a number is no figure
        ("老年人达到10.8万。", None),  # nor a number in 万 with nothing counted
        ("参与人数达到10.8人。", None),  # 人 alone is read only after 万, as before
    ],
)
def test_a_count_in_wan_is_read_in_its_counting_word(
    text: str, expected: tuple[object, ...] | None
) -> None:
    found = propose_targets([Paragraph(text, Where(1))])
    got = [(t.what, t.comparator, f"{t.value:f}", t.unit, t.approximate) for t in found]
    assert got == ([expected] if expected else [])


def test_a_list_marker_before_a_figure_in_wan_is_not_its_number() -> None:
    (target,) = propose_targets([Paragraph("1.5万人参加培训。2.培训人数达到1.5万人。", Where(1))])
    assert (target.what, target.value, target.unit) == ("培训人数", Decimal(15000), "人")


# -- properties ---------------------------------------------------------------------------------------


@given(
    st.sampled_from(sorted(k for k, role in PORTAL_KEYS.items() if role == "number")),
    portal_values,
)
def test_any_document_number_in_the_record_is_the_draft_s_exactly(key: str, value: str) -> None:
    blocks = (
        Paragraph(f"{key}: {value}", Where(paragraph=1, line=1)),
        Paragraph("青石镇2022年社区教育工作计划", Where(paragraph=2, line=2)),
    )
    draft = draft_from_document(Document(blocks, "text"), "page.txt")
    assert _data(draft)["document_number"] == value.strip()


@given(
    st.sampled_from(sorted(k for k, role in PORTAL_KEYS.items() if role == "issuer")),
    portal_values,
)
def test_any_issuer_in_the_record_is_the_draft_s_exactly(key: str, value: str) -> None:
    frame = _frame(f"{key}：{value}", "青石镇2022年社区教育工作计划")
    assert [i.text for i in frame.issuers] == [value.strip()]


@given(st.dates(date(1900, 1, 1), date(2099, 12, 31)), st.booleans())
def test_any_date_in_the_record_is_the_date_of_issue(day: date, iso: bool) -> None:
    spelt = day.isoformat() if iso else f"{day.year}年{day.month}月{day.day}日"
    frame = _frame(f"发文日期：{spelt}", "青石镇2022年社区教育工作计划")
    assert frame.issued_on is not None
    assert frame.issued_on[0] == day


# -- lists run on in one paragraph -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            "答:1.建设体系;2.加强引领;3.推进发展。",
            ["答:", "1.建设体系;", "2.加强引领;", "3.推进发展。"],
        ),
        ("1、开设课堂；2、组织讲座", ["", "1、开设课堂；", "2、组织讲座"]),
        ("主要有(1)读书节（2）科普周", ["主要有", "(1)读书节", "（2）科普周"]),
        ("①太极拳②书法", ["", "①太极拳", "②书法"]),
        ("1.甲;3.乙;2.丙", ["", "1.甲;3.乙;", "2.丙"]),  # a number out of turn is text
        ("1.5万人参加；2.培训", ["1.5万人参加；2.培训"]),  # no item 1: 1.5 is a figure
        ("培训1.5万人；2.5万人次", ["培训1.5万人；2.5万人次"]),
        ("2021年1、2月开展", ["2021年1、2月开展"]),
        ("1.只有一项。", ["1.只有一项。"]),  # one item is no list
        ("第1.节和第2.节", ["第1.节和第2.节"]),  # a marker follows a stop, a colon or a space
        ("", [""]),
    ],
)
def test_a_run_on_list_is_cut_before_each_item(text: str, pieces: list[str]) -> None:
    assert split_items(text) == pieces


@pytest.mark.parametrize(
    ("piece", "expected"),
    [
        ("1.建设体系;", (1, "建设体系")),
        ("（12）科普周，", (12, "科普周")),
        ("⑳书法", (20, "书法")),
        ("建设体系", None),
        ("1.5万人", None),
    ],
)
def test_an_item_is_its_number_and_its_text(piece: str, expected: tuple[int, str] | None) -> None:
    assert item(piece) == expected


@given(st.text(st.sampled_from("1234①②③(（)）.．、;；:： 甲乙5万")))
def test_cutting_never_loses_or_reorders_text(text: str) -> None:
    pieces = split_items(text)
    assert "".join(pieces) == text
    assert all(item(p) is not None for p in pieces[1:])
    assert len(pieces) == 1 or len(pieces) >= 3  # no list, or the lead and two items or more


@given(st.lists(st.text(st.sampled_from("甲乙丙丁，。 "), min_size=1, max_size=6), min_size=2))
def test_any_list_run_on_comes_back_item_by_item(texts: list[str]) -> None:
    bodies = [t.strip() for t in texts]
    if not all(bodies):
        return
    text = "答:" + "；".join(f"{n}.{b}" for n, b in enumerate(bodies, 1))
    pieces = split_items(text)
    assert pieces[0] == "答:"
    assert [item(p) for p in pieces[1:]] == [
        (n, b.rstrip("，").strip()) for n, b in enumerate(bodies, 1)
    ]


def test_the_items_are_capped() -> None:
    text = "；".join(f"{n}.项" for n in range(1, 150))
    pieces = split_items(text)
    assert len(pieces) == MAX_ITEMS + 1
    assert "".join(pieces) == text


def test_the_page_s_questions_are_its_sections_and_its_listed_answer_its_tasks(
    page: Draft,
) -> None:
    data = _data(page)
    assert [t["title"] for t in data["tasks"]] == [
        "建设普惠性老年教育体系",
        "加强思想建设和政治引领",
        "推进结构优化和均衡发展",
        "加强内涵发展和品牌建设",
        "推动智能时代老年教育创新",
        "促进老年教育可持续发展",
    ]
    assert [t["number"] for t in data["tasks"]] == [1, 2, 3, 4, 5, 6]
    assert data["goals"].startswith("到2025年,全市参与学习教育活动的老年人达到10.8万人左右")
    assert "问:" not in data["preamble"]
    # a question of no known part is kept, its answer as it stands
    assert "#   问:重点行动计划包括?" in page.text
    assert "#   1.老年学校扩容增量计划;2.老年人文化素养提升计划;" in page.text


def _outline_draft(*lines: str) -> dict[str, Any]:
    text = "\n".join(["青石镇2022年社区教育工作计划", *lines])
    return _data(draft_from_bytes(text.encode("utf-8"), "plan.txt"))


def test_a_run_on_list_under_a_tasks_heading_gives_its_tasks() -> None:
    data = _outline_draft("一、主要任务", "1、开设老年课堂；2、组织家长讲座；3、举办读书节。")
    assert [t["title"] for t in data["tasks"]] == ["开设老年课堂", "组织家长讲座", "举办读书节"]


@pytest.mark.parametrize("items", ["(1)开设课堂。(2)组织讲座。", "①开设课堂。②组织讲座。"])
def test_a_run_on_list_under_a_task_gives_its_measures(items: str) -> None:
    data = _outline_draft("一、主要任务", "（一）完善网络", items)
    (task,) = data["tasks"]
    assert task["title"] == "完善网络"
    assert task["measures"] == ["开设课堂。", "组织讲座。"]  # without their markers


def test_a_run_on_list_of_schools_gives_its_places() -> None:
    places = propose_places(
        [Paragraph("开课地点：1.东关社区市民学校；2.西关社区市民学校。", Where(1))]
    )
    assert [p.name for p in places] == ["东关社区市民学校", "西关社区市民学校"]
    circled = propose_places([Paragraph("①东关社区市民学校②西关社区市民学校", Where(1))])
    assert [p.name for p in circled] == ["东关社区市民学校", "西关社区市民学校"]


def test_a_list_in_the_goals_is_not_cut() -> None:
    data = _outline_draft("一、工作目标", "1.参与率达到60%；2.建成学校3个。")
    assert data["goals"] == "1.参与率达到60%；2.建成学校3个。"


def test_an_answer_word_on_its_own_line_is_no_text() -> None:
    data = _outline_draft("问:工作目标?", "答:", "居民参与率达到60%以上。")
    assert data["goals"] == "居民参与率达到60%以上。"
    assert "preamble" not in data  # the title was all there was before the question


_RECORD_LINES = st.lists(
    st.tuples(st.sampled_from(sorted(PORTAL_KEYS)), portal_values), min_size=1, max_size=2
).map(lambda pairs: " ".join(f"{k}: {v.strip()}" for k, v in pairs))


@given(
    st.lists(st.one_of(_RECORD_LINES, st.sampled_from(["青石镇2022年社区教育工作计划", "正文。"])))
)
def test_a_record_line_is_in_the_record_and_nowhere_else(lines: list[str]) -> None:
    frame = _frame(*lines)
    recorded = [p.text for p in frame.record]
    assert recorded == [t for t in lines if portal_fields(t) is not None]
    preamble = frame.preamble.text.split("\n") if frame.preamble else []
    assert not set(recorded) & set(preamble)
    assert frame.title is None or frame.title.text not in recorded


def test_run_on_items_that_open_with_a_figure_are_still_items() -> None:
    data = _outline_draft("一、主要任务", "①2021年开设课堂；②2022年组织讲座。")
    assert [t["title"] for t in data["tasks"]] == ["2021年开设课堂", "2022年组织讲座"]
