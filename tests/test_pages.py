"""One page skeleton: every HTML page commedu writes has its style, its policy and escaped text.

The pages are the year at a glance, the server's list of feeds and its error pages, the
inspection report and the district roll-up. Text from a plan, a ledger or a file name is
hostile here: it reaches every page as text, never as markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu import Plan, load_plan
from commedu._page import CSP, STYLE, Markup, document, esc, join, table
from commedu.errors import Problem
from commedu.model.ledger import Ledger, Record
from commedu.report.district import district_html
from commedu.report.inspection import inspect
from commedu.report.render import to_html
from commedu.web.folder import PlanFile
from commedu.web.glance import glance_html
from commedu.web.pages import Listed, error_page, index_page, problems_page
from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "commedu"
#: A plan with stations that have work, so station names reach the grid and the feeds.
QINGSHI = load_plan(ROOT / "docs" / "tutorial" / "qingshi_2022.toml")
#: What the pages are made of; anything else in a page would have come from the plan's text.
TAGS = {
    "html", "head", "meta", "link", "title", "style", "body", "header", "main", "footer",
    "section", "div", "h1", "h2", "h3", "p", "a", "strong", "code", "span", "ul", "li",
    "table", "caption", "thead", "tbody", "tr", "th", "td",
    "img",  # a chart, as an SVG data: image
    "details", "summary",  # the steps to subscribe, folded
    "svg", "path",  # a feed's QR code, drawn inline
}  # fmt: skip


class Parsed(HTMLParser):
    """A page as a browser's parser reads it: its tags, its text, its policy and its style."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.lang: str | None = None
        self.csp: list[str | None] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._in_style = False
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs
        found = dict(attrs)
        self._in_style = tag == "style"
        if tag == "html":
            self.lang = found.get("lang")
        elif tag == "meta" and found.get("http-equiv") == "Content-Security-Policy":
            self.csp.append(found.get("content"))

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)
        self.text.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)


def the_pages(plan: Plan, ledger: Ledger, name: str) -> dict[str, tuple[str, str | None]]:
    """Every kind of page, made from ``plan``: name -> (source, the lang it must declare)."""
    report = inspect(plan, ledger, as_of=date(plan.year, 12, 31))
    file = PlanFile("plan", name)
    problems = (Problem("title", "empty-text", {}),)
    return {
        "glance zh": (glance_html(plan, lang="zh", ledger=ledger).decode(), "zh-CN"),
        "glance en": (glance_html(plan, lang="en").decode(), "en"),
        "index zh": (index_page([Listed(file, plan)], "http://h/", "zh").decode(), "zh-CN"),
        "index en": (index_page([Listed(file, None)], "http://h/", "en").decode(), "en"),
        "problems": (problems_page(name, problems, "/").decode(), None),
        "error": (error_page("folder", "/", reason=name).decode(), None),
        "report zh": (to_html(report, "zh"), "zh-CN"),
        "report en": (to_html(report, "en"), "en"),
        "district zh": (district_html([report], "zh"), "zh-CN"),
        "district en": (district_html([report], "en"), "en"),
    }


def hostile_plan(plan: Plan, text: Callable[[str], str]) -> Plan:
    """``plan`` with its title, township, departments and stations all named by ``text``."""
    departments = {d.id: attrs.evolve(d, name=text(d.id)) for d in plan.departments}
    stations = {s.id: attrs.evolve(s, name=text(s.id)) for s in plan.stations}
    activities = [
        attrs.evolve(
            a,
            title=text(a.id),
            responsible=[departments[d.id] for d in a.responsible],
            station=None if a.station is None else stations[a.station.id],
        )
        for a in plan.activities
    ]
    return attrs.evolve(
        plan,
        title=text("title"),
        township=attrs.evolve(plan.township, name=text("township")),
        departments=tuple(departments.values()),
        stations=tuple(stations.values()),
        schedule=attrs.evolve(plan.schedule, activities=activities),
    )


def a_ledger(plan: Plan, title: str) -> Ledger:
    first = plan.activities[0]
    held = Record("r1", title, (first.when.span.first,), activity=first.id, participants=3)
    unplanned = Record("r2", title, (date(plan.year, 6, 1),), participants=2)
    return Ledger(plan.id, plan.year, (held, unplanned))


#: Markup, attribute breakers and entities, around any text made of the same.
hostile = st.builds(
    lambda prefix, middle: f"{prefix}{middle}x",
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            '"><img src=x onerror=alert(1)>',
            "'><b>",
            "&amp;&lt;",
            "</title><script>",
            "</style><script>",
        ]
    ),
    st.text(alphabet="<>&\"'/= ;a中", max_size=12),
)


@given(hostile)
def test_text_from_a_plan_a_ledger_or_a_file_name_reaches_every_page_as_text(evil: str) -> None:
    plan = hostile_plan(QINGSHI, lambda key: f"{key}{evil}")
    pages = the_pages(plan, a_ledger(plan, f"record{evil}"), f"file{evil}.toml")
    for name, (source, _) in pages.items():
        parsed = Parsed(source)
        assert set(parsed.tags) <= TAGS, name
        assert {key for key, _ in parsed.attributes} <= {
            "lang", "charset", "name", "content", "http-equiv", "rel", "href", "class", "id",
            "scope", "role", "tabindex", "aria-labelledby", "aria-hidden", "src", "alt",
            "title",  # a QR code's cell says what it is
            "width", "height", "transform", "stroke", "d",  # the QR code's own drawing
        }, name  # fmt: skip
        assert "<script" not in source.lower()
        text = parsed.all_text
        wanted = {
            "glance zh": ["title", "township", *(s.id for s in plan.stations)],
            "glance en": ["title", "township", *(d.id for d in plan.departments)],
            "index zh": [
                "title",
                "township",
                *(d.id for d in plan.departments),
                *(s.id for s in plan.stations),
            ],
            "index en": ["file"],
            "problems": ["file"],
            "error": ["file"],
            "report zh": ["title", "township", "record"],
            "report en": ["title", "township", "record"],
            "district zh": ["township"],
            "district en": ["township"],
        }[name]
        for key in wanted:
            assert f"{key}{evil}" in text, (name, key)


def test_every_page_carries_the_policy_the_style_and_its_language() -> None:
    pages = the_pages(QINGSHI, a_ledger(QINGSHI, "读书会"), "qingshi.toml")
    for name, (source, lang) in pages.items():
        parsed = Parsed(source)
        assert parsed.csp == [CSP], name
        assert parsed.styles == [f"\n{STYLE}\n"], name
        assert parsed.lang == lang, name
        assert source.startswith("<!DOCTYPE html>\n<html"), name
        assert parsed.tags.count("html") == parsed.tags.count("body") == 1, name


def test_the_bilingual_pages_say_the_language_of_each_part() -> None:
    for source in (error_page("not-found", "/"), problems_page("a.toml", (), "/")):
        parsed = Parsed(source.decode())
        assert parsed.lang is None
        assert [v for k, v in parsed.attributes if k == "lang"] == ["zh-CN", "en"]


def test_the_style_prints_on_a4_with_headers_repeated_and_the_grid_landscape() -> None:
    print_style = STYLE[STYLE.index("@media print") :]
    assert "@page { size: A4;" in STYLE
    assert re.search(r"@page wide \{ size: A4 landscape;", STYLE)
    assert "thead { display: table-header-group; }" in print_style
    assert ".scroll { overflow: visible;" in print_style  # nothing cut at the box's edge
    assert ".wide { page: wide; }" in print_style
    grid = Parsed(glance_html(QINGSHI).decode())
    assert ("class", "wide") in grid.attributes  # the grid's section goes on the wide page
    assert ("class", "muted screen") in grid.attributes  # "scroll sideways" is not printed


def test_the_district_roll_up_is_a_styled_table_with_a_header_per_row() -> None:
    report = inspect(QINGSHI, a_ledger(QINGSHI, "读书会"), as_of=date(QINGSHI.year, 12, 31))
    source = district_html([report], "zh")
    parsed = Parsed(source)
    assert parsed.styles == [f"\n{STYLE}\n"]
    assert ("scope", "row") in parsed.attributes
    assert source.count('<th scope="col"') == 8
    # The figures line up on the right: year, due, held, rate, participants, training rate.
    assert source.count('<td class="num">') == 6
    assert f'<th scope="row">{QINGSHI.township.name}</th>' in source


def test_a_roll_up_with_no_township_says_so() -> None:
    assert "<p>无</p>" in district_html([], "zh")
    assert "<table" not in district_html([], "en")


# -- the skeleton itself ---------------------------------------------------------------------------


def test_no_module_but_the_skeleton_writes_a_page_of_its_own() -> None:
    skeleton = PACKAGE / "_page.py"
    writers = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if path != skeleton and re.search(r"<html|<!doctype", path.read_text("utf-8"), re.I)
    ]
    assert writers == []
    assert "<!DOCTYPE html>" in skeleton.read_text("utf-8")


def test_plain_text_given_as_a_body_is_shown_not_run() -> None:
    page = document("en", "<t>", "<script>x</script>")  # type: ignore[arg-type]
    assert "<script>" not in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page
    assert "<title>&lt;t&gt;</title>" in page
    assert document("en", "t", Markup("<p>kept</p>")).count("<p>kept</p>") == 1


@pytest.mark.parametrize(
    ("made", "expected"),
    [
        (esc("<a & 'b'>"), "&lt;a &amp; &#39;b&#39;&gt;"),
        (esc(Markup("<b>")), "<b>"),
        (join(["<", Markup("<br>"), "&"]), "&lt;<br>&amp;"),
        (join(["a", "b"], " · "), "a · b"),
        (table(["h"], [], empty="<none>"), "<p>&lt;none&gt;</p>"),
        (
            table(["a", "n"], [["<x>", 1]], empty="", caption="c&", row_headers=True, numeric=[1]),
            '<table>\n<caption>c&amp;</caption>\n<thead><tr><th scope="col">a</th>'
            '<th scope="col" class="num">n</th></tr></thead>\n<tbody>\n'
            '<tr><th scope="row">&lt;x&gt;</th><td class="num">1</td></tr>\n</tbody>\n</table>',
        ),
        (table(["a"], [["b"]], empty="", css="grid").split("\n")[0], '<table class="grid">'),
    ],
)
def test_the_building_blocks_escape_text_and_keep_markup(made: Markup, expected: str) -> None:
    assert isinstance(made, Markup)
    assert str(made) == expected
