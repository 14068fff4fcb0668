"""The importer reads an official notice's frame as GB/T 9704-2012 lays it out.

A city's office issues a plan with a covering notice: its 发文机关标志, its 文号, a title set over
several lines (关于印发… / …实施方案 / (2025—2027年)的通知), the 主送机关, the notice's sentence,
its signature, date and 附注 (此件公开发布); then the plan's own title, set over lines too, and
its opening paragraph. The lines here are those of tests/plans/hangzhou_learning_2025.txt, the
real notice, and variations of them written for these tests: a longer title, years that run
backwards, a signature with no date, a notice with no 主送机关.
"""

from __future__ import annotations

import tomllib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu import loads_plan
from commedu.importer import Draft, draft_from_bytes
from commedu.importer.document import Paragraph, Where
from commedu.importer.frame import MAX_TITLE_LINES, Frame, propose_targets, read_frame
from tests.strategies import set_titles

ISSUER = "杭州市人民政府办公厅"
NOTICE_TITLE = [
    "关于印发完善泛在可及终身学习服务体系",
    "打造新时代学习型城市实施方案",
    "(2025—2027年)的通知",
]
ADDRESSEE = "各区、县(市)人民政府,市政府各部门、各直属单位:"
SENTENCE = (
    "《完善泛在可及终身学习服务体系打造新时代学习型城市实施方案(2025—2027年)》"
    "已经市政府同意,现印发给你们,请结合实际,认真组织实施。"
)
PLAN_TITLE = ["完善泛在可及终身学习服务体系", "打造新时代学习型城市实施方案", "(2025—2027年)"]
TITLE = "完善泛在可及终身学习服务体系打造新时代学习型城市实施方案(2025—2027年)"
OPENING = "为深入贯彻习近平总书记关于建设全民终身学习的学习型社会的重要论述,制定本实施方案。"
NOTICE = [
    ISSUER,
    *NOTICE_TITLE,
    "杭政办函〔2025〕60号",
    ADDRESSEE,
    SENTENCE,
    ISSUER,
    "2025年12月23日",
    "(此件公开发布)",
    *PLAN_TITLE,
    OPENING,
]


def _frame(*lines: str, principles: bool = True) -> Frame:
    front = [Paragraph(t, Where(paragraph=i + 1)) for i, t in enumerate(lines)]
    return read_frame(front, [], [], opening_is_principles=principles)


def _codes(frame: Frame) -> set[str]:
    return {n.code for n in frame.notes}


def _note(frame: Frame, code: str) -> dict[str, Any]:
    (note,) = [n for n in frame.notes if n.code == code]
    return dict(note.params)


def _draft(*lines: str) -> Draft:
    body = "一、总体目标\n到2027年,学习网络覆盖率达100%。\n"
    return draft_from_bytes(("\n".join(lines) + "\n" + body).encode("utf-8"), "plan.txt")


def _line_before(draft: Draft, key: str) -> str:
    lines = draft.text.splitlines()
    return lines[next(i for i, line in enumerate(lines) if line.startswith(key)) - 1]


# -- the notice as the city's office issued it ----------------------------------------------------


@pytest.fixture(scope="module")
def notice() -> Frame:
    return _frame(*NOTICE)


def test_the_title_set_over_three_lines_is_read_as_one(notice: Frame) -> None:
    assert notice.title is not None
    assert notice.title.text == TITLE
    assert notice.title.where == Where(paragraph=NOTICE.index(PLAN_TITLE[0]) + 1)
    assert _note(notice, "note-title-lines") == {"count": 3}


def test_the_years_under_the_title_are_its_period(notice: Frame) -> None:
    assert (notice.year, notice.last_year) == (2025, 2027)
    assert _note(notice, "note-period") == {"first": 2025, "last": 2027}


def test_the_issuing_office_is_the_issuer_and_its_city_the_unit(notice: Frame) -> None:
    assert [i.text for i in notice.issuers] == [ISSUER]  # the 发文机关标志 and the signature
    assert (notice.unit, notice.district) == ("杭州市", "")
    assert _note(notice, "note-unit-from-issuer") == {"unit": "杭州市", "issuer": ISSUER}


def test_the_notice_is_the_preamble_and_the_plans_opening_apart(notice: Frame) -> None:
    assert notice.preamble is not None
    assert notice.preamble.text.splitlines() == [*NOTICE_TITLE, ADDRESSEE, SENTENCE]
    assert notice.opening is not None
    assert notice.opening.text == OPENING
    assert _note(notice, "note-preamble-notice") == {"count": 5}
    assert _note(notice, "note-opening") == {"count": 1}
    assert "note-preamble" not in _codes(notice)


def test_the_annotation_is_kept_aside(notice: Frame) -> None:
    assert [p.text for p in notice.unplaced] == ["(此件公开发布)"]
    assert notice.preamble is not None
    assert "此件" not in notice.preamble.text


def test_a_plan_with_its_own_guiding_principles_keeps_its_opening_after_the_notice() -> None:
    frame = _frame(*NOTICE, principles=False)
    assert frame.opening is None
    assert frame.preamble is not None
    assert frame.preamble.text.splitlines() == [*NOTICE_TITLE, ADDRESSEE, SENTENCE, OPENING]
    assert _note(frame, "note-preamble") == {"count": 6}


def test_the_draft_writes_the_notice_the_opening_and_the_unit() -> None:
    draft = _draft(*NOTICE)
    data = tomllib.loads(draft.text)
    assert (data["title"], data["year"], data["last_year"]) == (TITLE, 2025, 2027)
    assert data["preamble"] == "\n".join([*NOTICE_TITLE, ADDRESSEE, SENTENCE])
    assert data["guiding_principles"] == OPENING
    assert (data["township"]["name"], data["township"]["kind"]) == ("杭州市", "市")
    assert data["id"] == "hangzhoushi-2025"
    for key, words in [
        ("title =", "标题分 3 行排列"),
        ("preamble =", "印发通知共 5 行"),
        ("guiding_principles =", "计划本身的开篇"),
        ('name = "杭州市"', "取自发文机关"),
    ]:
        assert _line_before(draft, key).startswith("# 请核对"), key
        assert words in _line_before(draft, key), key
    plan = loads_plan(draft.text.replace('province = ""', 'province = "浙江省"', 1))
    assert plan.township.name == "杭州市"
    assert plan.guiding_principles == OPENING


# -- odd and bad frames -----------------------------------------------------------------------------


def test_a_notice_title_that_opens_with_its_issuer_is_read_whole() -> None:
    lines = [ISSUER + NOTICE_TITLE[0], *NOTICE_TITLE[1:], ADDRESSEE, SENTENCE, *PLAN_TITLE, OPENING]
    frame = _frame(*lines)
    assert frame.title is not None
    assert frame.title.text == TITLE
    assert frame.preamble is not None
    assert frame.preamble.text.splitlines() == [*lines[:3], ADDRESSEE, SENTENCE]


@pytest.mark.parametrize("count", [4, 5, MAX_TITLE_LINES])
def test_a_title_of_many_lines_is_read_whole(count: int) -> None:
    words = ["完善泛在可及", "终身学习", "服务体系", "打造新时代", "学习型城市", "建设"]
    lines = [*words[: count - 1], "实施方案"]
    frame = _frame(ISSUER, *lines, OPENING)
    assert frame.title is not None
    assert frame.title.text == "".join(lines)
    assert _note(frame, "note-title-lines") == {"count": count}
    assert frame.preamble is not None
    assert frame.preamble.text == OPENING


def test_more_lines_than_a_title_has_are_not_one_title() -> None:
    lines = [f"第{n}行文字" for n in range(MAX_TITLE_LINES)] + ["实施方案"]
    frame = _frame(*lines)
    assert frame.title is not None
    assert len(frame.title.text) < len("".join(lines))
    assert frame.preamble is not None
    kept = frame.preamble.text.splitlines()
    assert [line for line in lines if line not in kept] == [frame.title.text]  # no line lost


def test_a_years_line_under_a_one_line_title_gives_the_period() -> None:
    frame = _frame("青石镇社区教育实施方案", "（2018-2020年）", OPENING)
    assert frame.title is not None
    assert frame.title.text == "青石镇社区教育实施方案（2018-2020年）"
    assert (frame.year, frame.last_year, frame.unit) == (2018, 2020, "青石镇")


def test_years_that_run_backwards_give_no_period_and_say_so() -> None:
    frame = _frame("青石镇社区教育实施方案", "(2027—2025年)", OPENING)
    assert frame.title is not None
    assert frame.title.text == "青石镇社区教育实施方案(2027—2025年)"
    assert frame.last_year is None
    assert frame.year == 2025  # the year written with 年, to be checked
    assert _note(frame, "note-period-backwards") == {"first": "2027", "last": "2025"}
    assert "note-period" not in _codes(frame)
    draft = _draft("青石镇社区教育实施方案", "(2027—2025年)")
    assert "last_year" not in tomllib.loads(draft.text)
    assert "2027—2025" in _line_before(draft, "year =")
    assert _line_before(draft, "year =").startswith("# 请核对")


def test_a_signature_with_no_date_still_closes_the_notice() -> None:
    lines = [line for line in NOTICE if line != "2025年12月23日"]
    frame = _frame(*lines)
    assert frame.issued_on is None
    assert [i.text for i in frame.issuers] == [ISSUER]
    assert frame.title is not None
    assert frame.title.text == TITLE
    assert frame.opening is not None
    assert frame.opening.text == OPENING
    assert "issued_on" not in tomllib.loads(_draft(*lines).text)


def test_a_notice_without_an_addressee_is_still_the_notice() -> None:
    lines = [line for line in NOTICE if line != ADDRESSEE]
    frame = _frame(*lines)
    assert frame.preamble is not None
    assert frame.preamble.text.splitlines() == [*NOTICE_TITLE, SENTENCE]
    assert frame.opening is not None
    assert frame.opening.text == OPENING


def test_an_addressee_alone_makes_a_notice() -> None:
    frame = _frame(ADDRESSEE, SENTENCE, *PLAN_TITLE, OPENING)
    assert frame.title is not None
    assert frame.title.text == TITLE
    assert frame.preamble is not None
    assert frame.preamble.text.splitlines() == [ADDRESSEE, SENTENCE]
    assert frame.opening is not None


def test_a_notice_whose_plan_title_is_not_repeated_names_it() -> None:
    frame = _frame(ISSUER, *NOTICE_TITLE, ADDRESSEE, SENTENCE, OPENING)
    assert frame.title is not None
    assert frame.title.text == TITLE
    assert "note-title-from-notice" in _codes(frame)
    assert frame.opening is None  # no title of the plan's own to stand after
    assert frame.preamble is not None
    assert frame.preamble.text.splitlines() == [*NOTICE_TITLE, ADDRESSEE, SENTENCE, OPENING]


def test_a_notice_title_that_never_ends_is_not_joined() -> None:
    frame = _frame("关于印发社区教育", "工作要求", "青石镇社区教育实施方案", OPENING)
    assert frame.title is not None
    assert frame.title.text == "青石镇社区教育实施方案"
    assert frame.preamble is not None
    assert frame.preamble.text.splitlines()[:2] == ["关于印发社区教育", "工作要求"]


@pytest.mark.parametrize(
    "lines",
    [
        ["青石镇教育", "青石镇社区教育实施方案"],  # a short line the named title does not open
        ["青石镇社区教育"],  # the named title's opening, but not all of it
        ["青石镇社区教育", "工作"],  # … and then other words
    ],
)
def test_only_the_whole_named_title_is_joined(lines: list[str]) -> None:
    notice = "关于印发《青石镇社区教育实施方案》的通知"
    frame = _frame(notice, "各村、各单位：", "现印发给你们。", *lines, OPENING)
    assert frame.title is not None
    whole = "青石镇社区教育实施方案" in lines
    assert frame.title.text == "青石镇社区教育实施方案"
    assert "note-title-from-notice" in _codes(frame) or whole
    assert frame.preamble is not None
    assert lines[0] in frame.preamble.text.splitlines()
    assert "note-title-lines" not in _codes(frame)


def test_the_named_title_takes_the_years_under_it() -> None:
    notice = "关于印发《青石镇社区教育实施方案》的通知"
    frame = _frame(notice, "各村、各单位：", "青石镇社区教育实施方案", "（2018-2020年）", OPENING)
    assert frame.title is not None
    assert frame.title.text == "青石镇社区教育实施方案（2018-2020年）"
    assert (frame.year, frame.last_year) == (2018, 2020)
    assert frame.opening is not None
    assert frame.opening.text == OPENING


def test_lines_with_stops_are_never_part_of_a_title() -> None:
    frame = _frame("青石镇要求：", "各村认真落实。", "青石镇社区教育实施方案")
    assert frame.title is not None
    assert frame.title.text == "青石镇社区教育实施方案"
    assert "note-title-lines" not in _codes(frame)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("杭州市人民政府办公厅文件", [ISSUER]),
        ("中共青石镇委员会  青石镇人民政府文件", ["中共青石镇委员会", "青石镇人民政府"]),
    ],
)
def test_a_masthead_that_adds_文件_names_the_issuers(line: str, names: list[str]) -> None:
    frame = _frame(line, *PLAN_TITLE, OPENING)
    assert [i.text for i in frame.issuers] == names
    assert frame.title is not None
    assert frame.title.text == TITLE  # the mark is no line of the title


def test_a_title_line_that_ends_on_a_body_s_word_is_no_issuer() -> None:
    # 关于印发青石社区 ends as a community's name does; a title's first line is never a body
    frame = _frame(
        ISSUER, "关于印发青石社区", "2023年社区教育工作计划的通知", ADDRESSEE, "现印发给你们。"
    )
    assert frame.title is not None
    assert frame.title.text == "青石社区2023年社区教育工作计划"
    assert [i.text for i in frame.issuers] == [ISSUER]


def test_the_word_文件_alone_is_no_issuer() -> None:
    frame = _frame("文件", "青石镇社区教育实施方案")
    assert frame.issuers == ()


def test_an_issuer_that_names_no_unit_gives_none() -> None:
    frame = _frame("市教育局", "社区教育实施方案")
    assert [i.text for i in frame.issuers] == ["市教育局"]
    assert frame.unit == ""
    assert "note-unit-from-issuer" not in _codes(frame)


def test_a_unit_the_title_names_wins_over_the_issuers() -> None:
    frame = _frame(ISSUER, "青石镇社区教育实施方案")
    assert frame.unit == "青石镇"
    assert "note-unit-from-issuer" not in _codes(frame)


@given(set_titles(MAX_TITLE_LINES))
def test_joining_a_titles_lines_never_loses_or_reorders_it(
    set_title: tuple[str, list[str], list[str]],
) -> None:
    title, notice, own = set_title
    assert "".join(own) == title
    # the notice alone names the plan
    frame = _frame(ISSUER, *notice, ADDRESSEE, "现印发给你们。")
    assert frame.title is not None
    assert frame.title.text == title
    assert frame.preamble is not None
    assert frame.preamble.text.splitlines() == [*notice, ADDRESSEE, "现印发给你们。"]
    # the plan's own title, set over lines of its own, follows the notice
    frame = _frame(ISSUER, *notice, ADDRESSEE, "现印发给你们。", *own, OPENING)
    assert frame.title is not None
    assert frame.title.text == title
    assert frame.preamble is not None
    assert frame.preamble.text.splitlines() == [*notice, ADDRESSEE, "现印发给你们。"]
    assert frame.opening is not None
    assert frame.opening.text == OPENING


#: the parts of a notice's frame, each as the lines it is set over
PARTS = [
    [ISSUER],
    NOTICE_TITLE,
    ["杭政办函〔2025〕60号"],
    [ADDRESSEE],
    [SENTENCE],
    ["2025年12月23日"],
    ["(此件公开发布)"],
    PLAN_TITLE,
    [OPENING],
    ["青石镇社区教育实施方案", "(2027—2025年)"],
    ["工作要求"],
]


@given(st.lists(st.sampled_from(PARTS), max_size=10), st.booleans())
def test_a_notice_s_parts_in_any_order_are_each_read_and_kept_in_order(
    parts: list[list[str]], opening: bool
) -> None:
    lines = [line for part in parts for line in part]
    frame = _frame(*lines, principles=opening)
    title_lines = [p for p in lines if frame.title and p in frame.title.text]
    said = [
        *(frame.preamble.text.splitlines() if frame.preamble else []),
        *(frame.opening.text.splitlines() if frame.opening else []),
        *(p.text for p in frame.unplaced),
    ]
    for line in said:  # kept as it stood, and only lines of the document
        assert line in lines
    for line in lines:  # each line read for something
        assert (
            line in said
            or line in title_lines
            or line in (ISSUER, "杭政办函〔2025〕60号", "2025年12月23日")
        ), line
    if frame.title is not None and "note-title-from-notice" not in _codes(frame):
        first = frame.title.where.paragraph - 1
        assert frame.title.text.startswith(lines[first])  # its lines, joined in order
        joined = "".join(lines[first:])
        assert joined.startswith(frame.title.text)


# -- targets: the sentence of the figure, and the year it is for -----------------------------------


def _targets(text: str) -> list[tuple[str, int | None, str | None]]:
    return [(t.text, t.year, t.stage) for t in propose_targets([Paragraph(text, Where(1))])]


def test_a_targets_text_is_its_sentence_up_to_a_semicolon() -> None:
    text = "到2027年,村(社区)覆盖率达80%,学习圈全面建成;服务体系趋于完善,参与率达到60%。"
    assert _targets(text) == [
        ("到2027年,村(社区)覆盖率达80%,学习圈全面建成", 2027, None),
        ("服务体系趋于完善,参与率达到60%。", None, None),
    ]


@pytest.mark.parametrize(
    ("text", "year", "stage"),
    [
        ("到2027年，覆盖率达到80%。", 2027, None),
        ("2027年底前，覆盖率达到80%。", 2027, None),
        ("2026年前建成市民学校10个。", 2026, None),
        ("到“十四五”末，覆盖率达到80%。", None, "“十四五”末"),
        ("到十四五期末，覆盖率达到80%。", None, "十四五期末"),
        ("覆盖率达到80%。", None, None),
        ("2027年覆盖率达到80%。", None, None),  # a year, but not one the figure is set for
    ],
)
def test_a_targets_year_or_stage_is_its_sentences(text: str, year: int, stage: str) -> None:
    ((_, got_year, got_stage),) = _targets(text)
    assert (got_year, got_stage) == (year, stage)


@pytest.mark.parametrize("answer", ["答:", "答：", "答 ： "])
def test_an_answers_word_is_no_part_of_a_target(answer: str) -> None:
    ((text, _, _),) = _targets(f"{answer}到2025年,参与率达到30%以上。")
    assert text == "到2025年,参与率达到30%以上。"


def test_a_target_of_a_year_outside_the_plan_is_said_not_written() -> None:
    text = "青石镇2022年社区教育工作计划\n一、工作目标\n到2025年，居民参与率达到60%以上。\n"
    draft = draft_from_bytes(text.encode("utf-8"), "plan.txt")
    (target,) = tomllib.loads(draft.text)["targets"]
    assert "year" not in target
    (note,) = [n for n in draft.notes if n.code == "note-target-year-outside"]
    assert note.params == {"year": 2025, "years": "2022"}
    assert "2025" in note.message("zh")
    loads_plan(draft.text.replace('province = ""', 'province = "山东省"', 1))


def test_a_target_of_the_plans_only_year_needs_no_year() -> None:
    text = "青石镇2022年社区教育工作计划\n一、工作目标\n到2022年，居民参与率达到60%以上。\n"
    (target,) = tomllib.loads(draft_from_bytes(text.encode("utf-8"), "plan.txt").text)["targets"]
    assert "year" not in target


def test_a_target_of_a_stage_is_written_with_it() -> None:
    text = "青石镇“十四五”社区教育规划\n一、发展目标\n到“十四五”末，居民参与率达到60%以上。\n"
    draft = draft_from_bytes(text.encode("utf-8"), "plan.txt")
    (target,) = tomllib.loads(draft.text)["targets"]
    assert target["stage"] == "“十四五”末"
    assert _line_before(draft, "stage =").startswith("# 请核对")
    plan = loads_plan(draft.text.replace('province = ""', 'province = "山东省"', 1))
    assert plan.targets[0].stage == "“十四五”末"


@given(st.integers(2000, 2040), st.integers(0, 6))
def test_a_target_in_a_plan_of_several_years_is_for_the_year_it_names(
    first: int, offset: int
) -> None:
    last = first + 4
    text = f"青石镇社区教育规划（{first}-{last}年）\n一、发展目标\n到{first + offset}年，参与率达到60%。\n"
    draft = draft_from_bytes(text.encode("utf-8"), "plan.txt")
    (target,) = tomllib.loads(draft.text)["targets"]
    inside = first + offset <= last
    assert target.get("year") == (first + offset if inside else None)
    assert ("note-target-year-outside" in {n.code for n in draft.notes}) is not inside
