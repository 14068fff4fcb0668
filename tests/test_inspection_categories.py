"""The inspection by category: profiles declare categories, evidence is a controlled vocabulary."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu.compliance.actuals import example_ledger, example_profile
from commedu.compliance.builtin import example_plan
from commedu.compliance.engine import check
from commedu.compliance.rule import Status
from commedu.datafile.ledger import loads_ledger
from commedu.datafile.profile import dumps_profile, load_profile, loads_profile
from commedu.errors import LedgerFileError, PlanError, ProfileError
from commedu.model.evidence import KINDS, canonical, find, near_miss
from commedu.model.ledger import Evidence, Ledger, Record
from commedu.model.profile import InspectionCategory
from commedu.model.text import Text
from commedu.report.inspection import carries, check_category, inspect
from commedu.report.render import sections, to_html, to_json

PLAN = example_plan()

MINIMAL = """schema = 1
name = "mine"
applies_to = "township"
title = { en = "Mine", zh = "我的" }
scope = { en = "Towns", zh = "镇" }
source = { title = "县文件" }
"""


# -- the vocabulary --------------------------------------------------------------------------------


def test_every_kind_has_words_in_both_languages_and_its_spellings_are_its_own() -> None:
    seen: set[str] = set()
    for kind in KINDS:
        assert kind.label("zh") == kind.name
        assert kind.label("en") != kind.name
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in kind.label("en"))
        for spelling in kind.spellings:
            assert spelling not in seen, spelling
            seen.add(spelling)
            assert find(spelling) is kind
            assert canonical(spelling) == kind.name
            assert near_miss(spelling) is None


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("照片s", "照片"),
        ("签倒表", "签到表"),
        ("签到", "签到表"),
        ("新闻", "新闻稿"),
        ("会议纪", "会议纪要"),
    ],
)
def test_a_slip_is_the_kind_it_was_probably_meant_to_be(text: str, meant: str) -> None:
    assert find(text) is None
    kind = near_miss(text)
    assert kind is not None
    assert kind.name == meant


@pytest.mark.parametrize("text", ["视频截图", "证书", "满意度", "会议", "", " ", "x" * 500])
def test_a_kind_of_the_townships_own_is_no_slip(text: str) -> None:
    assert near_miss(text) is None
    assert canonical(text) == text


def test_spellings_are_compared_without_spaces_width_or_a_trailing_etc() -> None:
    assert canonical(" 签到表 ") == "签到表"
    assert canonical("课件等") == "教案/课件"
    assert canonical("教案／课件") == "教案/课件"  # a full-width slash


@given(st.text(max_size=12))
def test_a_near_miss_is_never_a_spelling_and_always_a_known_kind(text: str) -> None:
    kind = near_miss(text)
    if kind is not None:
        assert find(text) is None
        assert kind in KINDS


# -- reading ledgers and profiles against it --------------------------------------------------------


def _ledger(evidence: str) -> str:
    return (
        f'plan_id = "{PLAN.id}"\nyear = 2021\n[[records]]\nid = "r1"\ntitle = "讲座"\n'
        f'dates = ["2021-03-05"]\nevidence = [{evidence}]\n'
    )


def test_a_ledger_keeps_what_the_clerk_wrote() -> None:
    ledger = loads_ledger(_ledger('"签到册:a.pdf", "教案", "证书"'), PLAN)
    assert [str(e) for e in ledger.records[0].evidence] == ["签到册:a.pdf", "教案", "证书"]


def test_a_slip_in_a_ledger_is_named_with_its_place_and_the_kind_meant() -> None:
    with pytest.raises(LedgerFileError) as info:
        loads_ledger(_ledger('"签到表", "照片s"'), PLAN)
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == ("records[0].evidence", "evidence-near-miss")
    assert problem.line == 7
    assert "'照片'" in problem.message("en")
    assert "“照片”" in problem.message("zh")
    assert "签到表" in problem.message("zh")  # and the kinds to choose from


def test_a_slip_in_a_csv_ledger_names_its_cell() -> None:
    from commedu.datafile.columns import RECORD_COLUMNS

    header = ",".join(c.header for c in RECORD_COLUMNS)
    row = ["r1", "", "讲座", "2021-03-05", "", "", "", "", "30", "", "", "", "签倒表；照片", ""]
    with pytest.raises(LedgerFileError) as info:
        loads_ledger(header + "\n" + ",".join(row) + "\n", PLAN, "csv")
    (problem,) = info.value.problems
    assert problem.path.startswith("M2 ")
    assert "签到表" in problem.message("zh")


def _profile(categories: str) -> str:
    return MINIMAL + categories


LEADERSHIP = """
[[categories]]
key = "leadership"
title = { en = "Leadership", zh = "领导管理" }
part = "basic"
evidence = ["会议纪要"]
weight = 16
keywords = [["会议"]]
"""


def test_a_profile_declares_its_categories_in_order_and_writes_them_back() -> None:
    text = _profile(
        LEADERSHIP
        + """
[[categories]]
key = "results"
title = { en = "Results", zh = "工作绩效" }
part = "results"
evidence = ["签到表", "满意度统计"]
"""
    )
    profile = loads_profile(text)
    assert [c.key for c in profile.categories] == ["leadership", "results"]
    first = profile.categories[0]
    assert (first.part, first.weight, first.keywords) == ("basic", Decimal(16), (("会议",),))
    assert profile.categories[1].keywords == ()
    assert loads_profile(dumps_profile(profile)) == profile


@pytest.mark.parametrize(
    ("change", "path", "code"),
    [
        (('part = "basic"', 'part = "base"'), "categories[0].part", "profile-type"),
        (
            ('evidence = ["会议纪要"]', 'evidence = ["会议记"]'),
            "categories[0].evidence[0]",
            "evidence-near-miss",
        ),
        (("weight = 16", "weight = -1"), "categories[0].weight", "profile-type"),
        (('key = "leadership"', 'key = "Leader ship"'), "categories[0].key", "bad-id"),
        (('keywords = [["会议"]]', "keywords = []"), "categories[0].keywords", "profile-type"),
        (
            ('part = "basic"', 'part = "basic"\ncolour = "red"'),
            "categories[0].colour",
            "unknown-key",
        ),
    ],
)
def test_a_bad_category_is_named_with_its_place(
    change: tuple[str, str], path: str, code: str
) -> None:
    text = _profile(LEADERSHIP.replace(*change))
    with pytest.raises(ProfileError) as info:
        loads_profile(text)
    problems = [(p.path, p.code) for p in info.value.problems]
    assert (path, code) in problems, problems
    assert all(p.line is not None for p in info.value.problems)


def test_a_repeated_category_is_refused() -> None:
    with pytest.raises(ProfileError) as info:
        loads_profile(_profile(LEADERSHIP + LEADERSHIP))
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == ("categories[1].key", "duplicate-id")
    assert "categories[0]" in problem.message("en")


def test_a_category_checks_its_own_fields() -> None:
    with pytest.raises(PlanError) as info:
        InspectionCategory("x", Text("x", "甲"), "basic", (" ",), Decimal(-1))
    assert {p.path for p in info.value.problems} == {"evidence[0]", "weight"}
    with pytest.raises(TypeError, match="part"):
        InspectionCategory("x", Text("x", "甲"), "other")  # type: ignore[arg-type]


def test_the_township_profile_declares_the_seven_categories() -> None:
    profile = load_profile("shandong-township")
    assert [c.title.zh for c in profile.categories] == [
        "领导管理",
        "基础建设",
        "队伍建设",
        "资源整合",
        "保障条件",
        "工作绩效",
        "特色工作",
    ]
    assert [c.part for c in profile.categories] == ["basic"] * 5 + ["results"] * 2
    for category in profile.categories:
        assert category.evidence
        assert all(find(kind) is not None for kind in category.evidence)


# -- the checklist ---------------------------------------------------------------------------------


def record(rid: str, title: str, *kinds: str) -> Record:
    return Record(rid, title, (date(2021, 3, 5),), evidence=tuple(Evidence(k) for k in kinds))


CATEGORY = InspectionCategory(
    "staff", Text("Staff", "队伍建设"), "basic", ("签到表", "教案/课件"), keywords=(("师资",),)
)


def test_a_category_asks_each_of_its_records_for_its_evidence() -> None:
    held = [
        record("r1", "师资培训", "签到册", "教案"),  # other spellings of both kinds
        record("r2", "师资研讨", "签到表"),
        record("r3", "广场舞", "照片"),  # not the category's
    ]
    found = check_category(CATEGORY, held)
    assert found.records == ("r1", "r2")
    assert [(e.kind, e.records, e.held) for e in found.evidence] == [
        ("签到表", ("r1", "r2"), True),
        ("教案/课件", ("r1",), True),
    ]
    assert [(gap.record.id, gap.kinds) for gap in found.lacking] == [("r2", ("教案/课件",))]
    assert found.missing == ()


def test_a_category_without_keywords_reads_the_whole_ledger() -> None:
    everything = attrs.evolve(CATEGORY, keywords=(), evidence=("满意度统计", "照片"))
    found = check_category(everything, [record("r1", "讲座", "照片"), record("r2", "培训")])
    assert found.records == ("r1", "r2")
    assert found.missing == ("满意度统计",)
    assert found.lacking == ()  # the ledger as a whole is asked, not each record


@given(st.lists(st.sampled_from([k.name for k in KINDS] + ["证书"]), max_size=6))
def test_a_kind_is_held_exactly_when_a_record_carries_one_of_its_spellings(
    kinds: list[str],
) -> None:
    spelt = [find(k).spellings[-1] if find(k) else k for k in kinds]  # type: ignore[union-attr]
    one = record("r1", "师资培训", *spelt)
    for kind in KINDS:
        assert carries(one, kind.name) is (kind.name in kinds)
        assert carries(one, kind.spellings[-1]) is (kind.name in kinds)


def _with_records(*records: Record) -> Ledger:
    ledger = example_ledger()
    return attrs.evolve(ledger, records=ledger.records + records)


def test_the_report_has_a_checklist_per_category_in_every_format() -> None:
    ledger = _with_records(record("x1", "特色品牌展示", "照片"))
    report = inspect(PLAN, ledger, example_profile())
    assert [c.category.key for c in report.categories] == [
        c.key for c in load_profile("shandong-township").categories
    ]
    distinctive = report.categories[-1]
    assert distinctive.records == ("x1",)
    assert distinctive.missing == ("小结", "新闻稿")
    data = json.loads(to_json(report))["categories"]
    assert data[-1]["lacking"] == [{"record": "x1", "kinds": ["小结", "新闻稿"]}]
    assert data[-1]["evidence"][0] == {"kind": "小结", "held": False, "records": []}
    assert data[0]["title"] == {"en": "Leadership and management", "zh": "领导管理"}
    tables = {heading: rows for heading, _, rows in sections(report, "en")}
    checklist = tables["Checklist by inspection category"]
    assert ["Distinctive work", "results", "—", "summary", "missing", ""] in checklist
    performance = [row for row in checklist if row[0] == "Results of the year's work"]
    signed = next(row for row in performance if row[3] == "sign-in sheet")
    assert signed[4] == "held"
    assert signed[5].endswith("… 12 in all")  # twelve records, the first eight named
    assert tables["Records lacking evidence"] == [
        ["Distinctive work", "x1", "特色品牌展示", "summary, press release"]
    ]
    page = to_html(report, "zh")
    assert "分类检查清单" in page
    assert "特色工作" in page
    assert "缺少佐证材料的记录" in page


def test_a_profile_without_categories_adds_no_checklist() -> None:
    bare = attrs.evolve(example_profile(), categories=())
    report = inspect(PLAN, example_ledger(), bare)
    assert report.categories == ()
    headings = [heading for heading, _, _ in sections(report, "en")]
    assert "Checklist by inspection category" not in headings
    assert json.loads(to_json(report))["categories"] == []


def test_ce503_takes_any_spelling_of_a_required_kind() -> None:
    ledger = example_ledger()
    respelt = tuple(
        attrs.evolve(r, evidence=(Evidence("签到册"), Evidence("活动照片"))) for r in ledger.records
    )
    result = check(PLAN, example_profile(), ledger=attrs.evolve(ledger, records=respelt))
    assert result.result("CE503").status is Status.PASS
