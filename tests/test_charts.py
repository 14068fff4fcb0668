"""Charts: inline SVG with no script, the same bytes for the same figures, the table's numbers."""

from __future__ import annotations

import base64
import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from commedu._page import CSP
from commedu.compliance.actuals import _edit_records, example_ledger, example_profile
from commedu.compliance.builtin import example_plan
from commedu.model.parts import Department
from commedu.report.charts import MAX_GROUPS, as_image, bars_svg
from commedu.report.inspection import inspect
from commedu.report.render import charts, to_html

PLAN = example_plan()
SVG = "{http://www.w3.org/2000/svg}"

_NAMES = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=20)


def parsed(svg: str) -> etree._Element:
    return etree.fromstring(svg.encode("utf-8"), etree.XMLParser(resolve_entities=False))


def printed_values(svg: str) -> list[int]:
    """The numbers written on the bars, in drawing order."""
    root = parsed(svg)
    return [
        int(t.text) for t in root.iter(f"{SVG}text") if "value" in t.get("class", "") and t.text
    ]


def assert_inert(svg: str) -> None:
    """Nothing that runs, loads or varies: no script, no handler, no link, no comment."""
    root = parsed(svg)
    for node in root.iter():
        assert isinstance(node.tag, str), node  # no comment or processing instruction
        assert etree.QName(node).localname not in {"script", "foreignObject", "a", "image"}
        for name in node.attrib:
            local = etree.QName(name).localname.lower()
            assert not local.startswith("on"), name
            assert local != "href", name
    assert "<script" not in svg.lower()
    assert "url(" not in svg  # nothing fetched from a style sheet


@settings(max_examples=40, deadline=None)
@given(
    st.lists(_NAMES, min_size=0, max_size=12),
    st.integers(0, 500),
    st.booleans(),
)
def test_a_chart_is_inert_well_formed_and_the_same_each_time(
    groups: list[str], top: int, horizontal: bool
) -> None:
    due = [(i * 7919 + top) % (top + 1) for i in range(len(groups))]
    held = [d // 2 for d in due]
    series = [("到期", due), ("已开展", held)]
    svg = bars_svg("x", "标题", groups, series, horizontal=horizontal)
    assert svg == bars_svg("x", "标题", groups, series, horizontal=horizontal)
    assert_inert(svg)
    root = parsed(svg)
    assert root.get("id") == "chart-x"
    assert root.get("role") == "img"
    assert root.get("aria-label") == "标题"
    # every label is text in the tree, whatever it holds: escaped, never markup
    texts = {t.text for t in root.iter(f"{SVG}text")}
    for group in groups:
        if group.strip():
            assert group in texts or any(group in (t or "") for t in texts), group
    # the numbers on the bars are the figures given (zeros are not written on a bar)
    values = printed_values(svg)
    expected = [v for v in due + held if v]
    assert sorted(values) == sorted(expected)


def test_a_chart_scopes_its_style_to_its_own_id() -> None:
    svg = bars_svg("a", "t", ["一"], [("s", [1])])
    style = parsed(svg).find(f"{SVG}defs/{SVG}style")
    assert style is not None
    rules = [r for r in re.split(r"}\s*", style.text or "") if "{" in r]
    assert rules
    for rule in rules:
        selectors = rule.split("{")[0]
        if selectors.strip().startswith("@"):
            continue
        for selector in selectors.split(","):
            assert selector.strip().startswith("#chart-a"), selector


def test_hostile_names_stay_text() -> None:
    svg = bars_svg("a", "<b>t</b>", ["<script>alert(1)</script>", "a&b"], [("s", [1, 2])])
    assert_inert(svg)
    assert "&lt;script&gt;" in svg
    assert "a&amp;b" in svg
    image = as_image(svg, '"><script>alert(1)</script>')
    assert "<script" not in image
    assert images(image) == [(svg, "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;")]


@pytest.mark.parametrize(
    ("key", "groups", "series", "message"),
    [
        ("Chart", ["一"], [("s", [1])], "key"),
        ("a'><x", ["一"], [("s", [1])], "key"),
        ("a", ["一", "二"], [("s", [1])], "1 values for 2 groups"),
        ("a", ["一"] * (MAX_GROUPS + 1), [("s", [1] * (MAX_GROUPS + 1))], "at most"),
    ],
)
def test_a_chart_refuses_what_it_cannot_draw(
    key: str, groups: list[str], series: list[tuple[str, list[int]]], message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        bars_svg(key, "t", groups, series)


_IMAGE = re.compile(r'<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="([^"]*)">')


def images(page: str) -> list[tuple[str, str]]:
    """The SVG and the description of each chart image in ``page``."""
    return [
        (base64.b64decode(data).decode("utf-8"), alt) for data, alt in _IMAGE.findall(str(page))
    ]


def test_the_report_charts_completion_by_month_and_department_beside_its_tables() -> None:
    report = inspect(PLAN, _edit_records("drop"), example_profile())
    drawn = charts(report, "zh")
    assert list(drawn) == ["按月份完成情况", "按责任部门完成情况"]
    ((months, alt),) = images(drawn["按月份完成情况"])
    assert "按月份完成情况" in alt
    # due 1 in each of 12 months, held 1 in all but May
    assert sorted(printed_values(months)) == [1] * 23
    assert "5月" in months
    assert_inert(months)
    page = to_html(report, "zh")
    assert [parsed(svg).get("id") for svg, _ in images(page)] == [
        "chart-by-month",
        "chart-by-department",
    ]
    assert "<script" not in page.lower()
    assert "<svg" not in page  # the chart's style sheet cannot reach the page's
    assert "img-src data:" in CSP  # the policy shows an image carried in the page
    assert "script-src" not in CSP  # and runs no script
    # each chart stands right under its heading, before the table with the same numbers
    heading = page.index("<h2>按月份完成情况</h2>")
    assert heading < page.index("<img", heading) < page.index("<table", heading)
    assert to_html(report, "zh") == page


def test_departments_read_top_down_in_the_tables_order() -> None:
    departments = (Department("first", "甲部门"), Department("second", "乙部门"))
    plan = attrs.evolve(
        PLAN,
        departments=departments,
        schedule=attrs.evolve(
            PLAN.schedule,
            activities=tuple(
                attrs.evolve(a, responsible=(departments[i % 2],))
                for i, a in enumerate(PLAN.schedule.activities)
            ),
        ),
    )
    report = inspect(plan, example_ledger())
    ((svg, _),) = images(charts(report, "en")["Completion by department"])
    # drawn from the top of the chart: the table's first department has the smaller y
    ys = {
        t.text: float(t.get("y"))
        for t in parsed(svg).iter(f"{SVG}text")
        if t.text in {"甲部门", "乙部门"}
    }
    assert set(ys) == {"甲部门", "乙部门"}
    assert ys["甲部门"] < ys["乙部门"]


def test_months_without_work_are_not_drawn() -> None:
    kept = tuple(a for a in PLAN.activities if a.when.span.last.month <= 6)
    plan = attrs.evolve(PLAN, schedule=attrs.evolve(PLAN.schedule, activities=kept))
    records = tuple(r for r in example_ledger().records if r.activity in {a.id for a in kept})
    report = inspect(plan, attrs.evolve(example_ledger(), records=records))
    ((svg, _),) = images(charts(report, "en")["Completion by month"])
    assert "June" in svg
    assert "July" not in svg
    assert sorted(printed_values(svg)) == [1] * 12


def test_the_year_at_a_glance_draws_completion_by_month_with_a_ledger() -> None:
    from commedu.web.glance import glance_html

    page = glance_html(PLAN, lang="zh", ledger=_edit_records("drop")).decode("utf-8")
    ((svg, alt),) = images(page)
    assert parsed(svg).get("id") == "chart-by-month"
    assert "按月份完成情况" in alt
    assert sorted(printed_values(svg)) == [1] * 23
    assert page.index("<img") < page.index("<table", page.index('id="progress"'))
    assert (
        images(glance_html(PLAN, lang="zh").decode("utf-8")) == []
    )  # no ledger, no progress, no chart
