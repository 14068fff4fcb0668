"""Scores by inspection category: a category's weight times the share of its evidence held."""

from __future__ import annotations

import io
import json
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import attrs
import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu import load_plan
from commedu.datafile.ledger import load_ledger
from commedu.datafile.profile import BUILTIN_PROFILES, load_profile, loads_profile
from commedu.model.evidence import KINDS, canonical
from commedu.model.ledger import Evidence, Ledger, Record
from commedu.model.profile import InspectionCategory, Profile
from commedu.model.text import Text
from commedu.report.inspection import check_category, inspect
from commedu.report.render import sections, to_docx, to_html, to_json
from tests.conftest import ROOT

PLAN = load_plan(ROOT / "examples" / "jinshan_2021.toml")
LEDGER = load_ledger(ROOT / "examples" / "jinshan_2021_ledger.toml", PLAN)

#: Weights of the test's own, summing to 100: no shipped standard gives verified weights.
WEIGHTS = (16, 14, 14, 14, 14, 18, 10)


def weighted(profile: Profile, weights: tuple[int | None, ...]) -> Profile:
    categories = tuple(
        attrs.evolve(c, weight=None if w is None else Decimal(w))
        for c, w in zip(profile.categories, weights, strict=True)
    )
    return attrs.evolve(profile, categories=categories)


def expected_score(category: InspectionCategory, ledger: Ledger, as_of: date) -> Decimal:
    """The score worked out from the records themselves, without the report's code."""
    records = [
        r
        for r in ledger.records
        if r.first <= as_of
        and (
            not category.keywords
            or any(all(word in r.title for word in group) for group in category.keywords)
        )
    ]
    held = [
        kind
        for kind in category.evidence
        if any(canonical(e.kind) == canonical(kind) for r in records for e in r.evidence)
    ]
    assert category.weight is not None
    share = category.weight * len(held) / len(category.evidence)
    return share.quantize(Decimal("0.01"), ROUND_HALF_UP)


def test_a_weighted_profile_scores_the_jinshan_ledger_as_its_records_say() -> None:
    profile = weighted(load_profile("shandong-township"), WEIGHTS)
    report = inspect(PLAN, LEDGER, profile)
    expected = [expected_score(c, LEDGER, report.as_of) for c in profile.categories]
    assert [c.score for c in report.categories] == expected
    total = report.score
    assert total is not None
    assert total.points == sum(expected, Decimal(0))
    assert total.out_of == Decimal(100)
    # The ledger holds 签到表, 照片 and 新闻稿 for the year's work but no 满意度统计 (3 of 4 kinds),
    # and no record of the other categories carries what they ask for.
    assert total.points == Decimal("13.50")


def test_the_scores_table_shows_weights_scores_and_the_total() -> None:
    profile = weighted(load_profile("shandong-township"), WEIGHTS)
    report = inspect(PLAN, LEDGER, profile)
    tables = {heading: (head, rows) for heading, head, rows in sections(report, "zh")}
    head, rows = tables["分类得分"]
    assert head == ["类别", "部分", "分值", "佐证材料具备项数", "得分"]
    assert rows[5] == ["工作绩效", "工作成效", "18", "3/4", "13.5"]
    assert rows[0] == ["领导管理", "基本条件", "16", "0/2", "0"]
    assert rows[-1] == ["合计", "", "100", "", "13.5"]
    headings = [heading for heading, _, _ in sections(report, "en")]
    assert headings.index("Scores by inspection category") + 1 == headings.index(
        "Checklist by inspection category"
    )
    assert "分类得分" in to_html(report, "zh")
    word = docx.Document(io.BytesIO(to_docx(report, "zh")))
    assert any(p.text.endswith("分类得分") for p in word.paragraphs)
    cells = [[cell.text for cell in row.cells] for t in word.tables for row in t.rows]
    assert ["合计", "", "100", "", "13.5"] in cells


def test_json_carries_each_score_and_the_total_as_strings() -> None:
    profile = weighted(load_profile("shandong-township"), WEIGHTS)
    data = json.loads(to_json(inspect(PLAN, LEDGER, profile)))
    assert [c["score"] for c in data["categories"]] == [
        "0.00",
        "0.00",
        "0.00",
        "0.00",
        "0.00",
        "13.50",
        "0.00",
    ]
    assert data["score"] == {"points": "13.50", "out_of": "100"}


def test_a_profile_without_weights_shows_no_score() -> None:
    report = inspect(PLAN, LEDGER, load_profile("shandong-township"))
    assert report.categories
    assert all(c.score is None for c in report.categories)
    assert report.score is None
    for lang in ("en", "zh"):
        headings = [heading for heading, _, _ in sections(report, lang)]
        assert "Scores by inspection category" not in headings
        assert "分类得分" not in headings
    data = json.loads(to_json(report))
    assert data["score"] is None
    assert {c["score"] for c in data["categories"]} == {None}


def test_only_weighted_categories_count_towards_the_total() -> None:
    profile = weighted(load_profile("shandong-township"), (None, None, None, None, None, 18, None))
    report = inspect(PLAN, LEDGER, profile)
    assert report.score is not None
    assert (report.score.points, report.score.out_of) == (Decimal("13.50"), Decimal(18))
    rows = {heading: rows for heading, _, rows in sections(report, "en")}
    scores = rows["Scores by inspection category"]
    assert scores[0] == ["Leadership and management", "basic conditions", "—", "0/2", "—"]
    assert scores[-1] == ["All", "", "18", "", "13.5"]


def test_a_weighted_category_that_asks_for_no_evidence_is_not_scored() -> None:
    text = """schema = 1
name = "mine"
applies_to = "township"
title = { en = "Mine", zh = "我的" }
scope = { en = "Towns", zh = "镇" }
source = { title = "县文件" }

[[categories]]
key = "leadership"
title = { en = "Leadership", zh = "领导管理" }
part = "basic"
weight = 20

[[categories]]
key = "results"
title = { en = "Results", zh = "工作绩效" }
part = "results"
evidence = ["签到表", "满意度统计"]
weight = 30
"""
    report = inspect(PLAN, LEDGER, loads_profile(text))
    assert [c.score for c in report.categories] == [None, Decimal("15.00")]
    assert report.score is not None
    assert (report.score.points, report.score.out_of) == (Decimal("15.00"), Decimal(30))
    rows = {heading: rows for heading, _, rows in sections(report, "zh")}["分类得分"]
    assert rows[0] == ["领导管理", "基本条件", "20", "—", "—"]


def _record(kinds: list[str]) -> Record:
    evidence = tuple(Evidence(k) for k in kinds)
    return Record("r1", "师资培训", (date(2021, 3, 5),), evidence=evidence)


@given(
    asked=st.lists(st.sampled_from([k.name for k in KINDS]), min_size=1, max_size=5, unique=True),
    held=st.lists(st.sampled_from([k.name for k in KINDS]), max_size=8),
    weight=st.decimals(min_value=0, max_value=1000, places=1),
)
def test_a_score_runs_from_nothing_held_to_the_full_weight(
    asked: list[str], held: list[str], weight: Decimal
) -> None:
    category = InspectionCategory(
        "staff", Text("Staff", "队伍建设"), "basic", tuple(asked), weight, (("师资",),)
    )
    found = check_category(category, [_record(held)])
    score = found.score
    assert score is not None
    assert Decimal(0) <= score <= weight
    share = Decimal(sum(1 for k in asked if k in held)) / len(asked)
    assert abs(score - weight * share) <= Decimal("0.005")
    if not found.missing:
        assert score == weight
    if len(found.missing) == len(asked):
        assert score == 0


@pytest.mark.parametrize("name", BUILTIN_PROFILES)
def test_a_builtin_weight_is_a_quoted_figure_of_its_source(name: str) -> None:
    """A shipped weight comes from its standard: the source quotes it as N分."""
    profile = load_profile(name)
    for category in profile.categories:
        if category.weight is not None:
            points = f"{category.weight.normalize():f}分"
            assert any(points in quote for quote in profile.source.quotes), category.key


@pytest.mark.parametrize("name", BUILTIN_PROFILES)
def test_the_profiles_page_lists_every_shipped_profile_with_its_source(name: str) -> None:
    page = (ROOT / "docs" / "reference" / "profiles.md").read_text(encoding="utf-8")
    assert f"| `{name}` |" in page
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert any(f"`{name}`" in heading for heading in headings)  # and a section of its own
    profile = load_profile(name)
    if profile.source.url is not None:
        assert f"<{profile.source.url}>" in page
    for quote in profile.source.quotes:
        assert quote in page
