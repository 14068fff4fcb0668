"""The year at a glance: real table markup, every activity in its months and departments, the check."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
from hypothesis import given

from commedu import (
    Activity,
    Day,
    Department,
    Plan,
    Recurrence,
    Schedule,
    SchoolHoliday,
    Session,
    Status,
    check,
    glance_html,
    load_ledger,
    write_glance,
)
from commedu.cli import main
from tests import strategies
from tests.conftest import EXAMPLES


@attrs.define
class Table:
    caption: str = ""
    head: list[tuple[str, str | None]] = attrs.field(factory=list)  #: (text, scope)
    rows: list[list[tuple[str, str, str | None]]] = attrs.field(factory=list)  #: (tag, text, scope)
    #: per row, per cell: the text of each list item outside its detail spans (the titles)
    titles: list[list[list[str]]] = attrs.field(factory=list)


class Page(HTMLParser):
    """The page's tables and text, read as a browser's parser would."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self.scripts = 0
        self.lang: str | None = None
        self.title = ""
        self._cell: list[str] | None = None
        self._titles: list[str] = []
        self._cell_tag = ""
        self._scope: str | None = None
        self._in: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self._in.append(tag)
        if tag == "html":
            self.lang = attributes.get("lang")
        elif tag == "script":
            self.scripts += 1
        elif tag == "table":
            self.tables.append(Table())
        elif tag == "tr" and "thead" not in self._in:
            self.tables[-1].rows.append([])
            self.tables[-1].titles.append([])
        elif tag in ("th", "td"):
            self._cell, self._cell_tag, self._scope = [], tag, attributes.get("scope")
            self._titles = []
        elif tag in ("li", "span") and self._cell is not None:
            self._cell.append("\n" if tag == "li" else " ")
            if tag == "li":
                self._titles.append("")

    def handle_endtag(self, tag: str) -> None:
        while self._in and self._in.pop() != tag:
            pass
        if tag in ("th", "td") and self._cell is not None:
            text = "".join(self._cell).strip()
            table = self.tables[-1]
            if "thead" in self._in:
                table.head.append((text, self._scope))
            else:
                table.rows[-1].append((self._cell_tag, text, self._scope))
                table.titles[-1].append(self._titles)
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
            if self._in[-1] == "li":
                self._titles[-1] += data
        elif self._in and self._in[-1] == "caption":
            self.tables[-1].caption += data
        elif self._in and self._in[-1] == "title":
            self.title += data


def grid(plan: Plan, lang: str = "zh") -> Table:
    page = Page(glance_html(plan, lang=lang).decode("utf-8"))  # type: ignore[arg-type]
    return page.tables[0]


def test_the_grid_is_twelve_months_by_the_departments_with_work(jinshan: Plan) -> None:
    table = grid(jinshan)
    assert table.caption.startswith(jinshan.schedule.title)
    working = [d for d in jinshan.departments if jinshan.schedule.of_department(d.id)]
    assert table.head == [
        ("月份", "col"),
        *((d.name, "col") for d in working),
        ("节日与纪念日", "col"),
    ]
    assert [row[0] for row in table.rows] == [("th", f"{m}月", "row") for m in range(1, 13)]
    assert all(len(row) == len(working) + 2 for row in table.rows)


def test_every_activity_is_in_each_month_it_touches_under_each_department(
    jinshan: Plan,
) -> None:
    table = grid(jinshan)
    working = [d for d in jinshan.departments if jinshan.schedule.of_department(d.id)]
    for month, (row, titles) in enumerate(zip(table.rows, table.titles, strict=True), start=1):
        cells = zip(working, row[1:-1], titles[1:-1], strict=True)
        for department, (tag, text, _), shown in cells:
            assert tag == "td"
            expected = [
                a.title for a in jinshan.activities_in_month(month) if department in a.responsible
            ]
            assert sorted(shown) == sorted(expected)
            if not expected:
                assert text == "— 无"  # an empty cell says so, in words for a screen reader
    # 7-8月 is in July and August, with its span shown beside it.
    (span,) = [a for a in jinshan.activities if str(a.when) == "7-8月"]
    for month in (7, 8):
        assert f"{span.title} 7-8月" in "\n".join(t for _, t, _ in table.rows[month - 1])


def test_the_page_speaks_the_plan_s_language_or_the_one_asked_for(jinshan: Plan) -> None:
    chinese = Page(glance_html(jinshan).decode())
    assert chinese.lang == "zh-CN"
    assert chinese.title == f"{jinshan.title} · 全年一览"
    english = Page(glance_html(jinshan, lang="en").decode())
    assert english.lang == "en"
    assert [row[0][1] for row in english.tables[0].rows][:2] == ["January", "February"]
    assert english.tables[0].head[0] == ("Month", "col")


def test_the_compliance_summary_counts_what_check_finds(jinshan: Plan) -> None:
    report = check(jinshan)
    page = glance_html(jinshan).decode()
    for status, count in report.counts.items():
        assert f"{status.label('zh')} {count}" in page
    rules = next(t for t in Page(page).tables if t.caption == "各条规则的检查结果")
    assert [h for h, _ in rules.head] == ["代码", "规则", "级别", "结果", "说明"]
    assert [row[0][1] for row in rules.rows] == [r.code for r in report.results]
    failed = next(r for r in report.results if r.status is Status.FAIL)
    row = next(row for row in rules.rows if row[0][1] == failed.code)
    assert row[3][1] == "✗ 未通过"  # a mark and a word: readable without colour


def test_a_profile_that_cannot_be_loaded_is_said_not_raised(jinshan: Plan) -> None:
    plan = attrs.evolve(jinshan, profile="no-such-profile")
    page = glance_html(plan, lang="en").decode()
    assert "The profile the plan names cannot be loaded" in page
    assert "no-such-profile" in page
    assert (
        "No profile named" in glance_html(attrs.evolve(jinshan, profile=None), lang="en").decode()
    )


def test_work_without_a_department_gets_its_own_column_and_times_are_shown(
    jinshan: Plan,
) -> None:
    zone = ZoneInfo("Asia/Shanghai")
    start = datetime(jinshan.year, 3, 8, 9, 30, tzinfo=zone)
    extra = (
        Activity("talk", "专题讲座", Session(start, timedelta(hours=2))),
        Activity(
            "weekly",
            "每周读书会",
            Recurrence(start, timedelta(hours=1), "FREQ=WEEKLY;COUNT=4"),
            responsible=[jinshan.department("文化站")],
        ),
    )
    plan = attrs.evolve(
        jinshan, schedule=Schedule((*jinshan.activities, *extra), title=jinshan.schedule.title)
    )
    table = grid(plan)
    assert table.head[-2] == ("未指定部门", "col")
    march = table.rows[2]
    assert "专题讲座 03-08 09:30–11:30" in march[-2][1]
    culture = [h for h, _ in table.head].index("文化站")
    assert "每周读书会 03-08–03-29 09:30" in march[culture][1]
    assert march[-2][1].count("专题讲座") == 1
    assert table.rows[3][-2][1] == "— 无"


def test_the_same_plan_gives_the_same_bytes_written_atomically(
    jinshan: Plan, tmp_path: Path
) -> None:
    path = tmp_path / "page.html"
    path.write_text("an older page", encoding="utf-8")
    path.chmod(0o640)
    assert write_glance(jinshan, path) == path
    assert path.read_bytes() == glance_html(jinshan) == glance_html(jinshan)
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


@given(strategies.plans())
def test_any_plan_gives_a_page_whose_text_is_the_plan_s_own(plan: Plan) -> None:
    for lang in ("zh", "en"):
        page = Page(glance_html(plan, lang=lang).decode("utf-8"))  # type: ignore[arg-type]
        assert page.scripts == 0  # nothing in a plan becomes markup, let alone a script
        table = page.tables[0]
        assert len(table.rows) == len(plan.months)  # 12 for a whole year, fewer for a season
        cells = "\n".join(text for row in table.rows for _, text, _ in row)
        for activity in plan.activities:
            if activity.responsible and activity.title.strip():
                assert activity.title.strip() in cells
        assert table.head[-1][0] == ("节日与纪念日" if lang == "zh" else "Observances")
        names = [h for h, _ in table.head[1:-1]]
        assert names[: len(names) - (not all(a.responsible for a in plan.activities))] == [
            d.name.strip() for d in plan.departments if plan.schedule.of_department(d.id)
        ]


def test_a_department_name_that_looks_like_markup_stays_text(jinshan: Plan) -> None:
    evil = Department("evil", '<script>alert("x")</script>&amp;')
    plan = attrs.evolve(
        jinshan,
        departments=(*jinshan.departments, evil),
        schedule=Schedule(
            (*jinshan.activities, Activity("x", "<b>粗体</b>", jinshan.activities[0].when, [evil])),
            title=jinshan.schedule.title,
        ),
    )
    source = glance_html(plan).decode()
    assert "<script>" not in source
    page = Page(source)
    assert page.scripts == 0
    assert page.tables[0].head[-2] == ('<script>alert("x")</script>&amp;', "col")
    assert "<b>粗体</b>" in page.tables[0].rows[0][-2][1]


def test_months_of_the_year_are_the_rows_even_when_empty(jinshan: Plan) -> None:
    when = Day(date(jinshan.year, 5, 1))
    only = Activity("only", "唯一的工作", when, [jinshan.departments[0]])
    table = grid(attrs.evolve(jinshan, schedule=Schedule([only])))
    assert len(table.rows) == 12
    assert table.rows[4][1][1] == f"唯一的工作 {when}"
    assert all(row[1][1] == "— 无" for i, row in enumerate(table.rows) if i != 4)


# -- observances and progress ------------------------------------------------------------------


def test_the_grid_has_the_years_observances_in_their_months(jinshan: Plan) -> None:
    table = grid(jinshan)
    assert table.head[-1] == ("节日与纪念日", "col")
    by_month = {row[0][1]: titles[-1] for row, titles in zip(table.rows, table.titles, strict=True)}
    assert "教师节" in by_month["9月"]
    assert "学雷锋日" in by_month["3月"]
    assert "春节" in by_month["2月"]  # 2021-02-12, from the lunar calendar
    assert "中秋节" in by_month["9月"]  # 2021-09-21
    assert "教师节" not in by_month["10月"]


def test_school_holidays_appear_in_every_month_they_cover(jinshan: Plan) -> None:
    summer = SchoolHoliday("暑假", date(2021, 7, 10), date(2021, 8, 31))
    table = grid(attrs.evolve(jinshan, school_holidays=(summer,)))
    months = [
        row[0][1]
        for row, titles in zip(table.rows, table.titles, strict=True)
        if "暑假" in titles[-1]
    ]
    assert months == ["7月", "8月"]


def test_with_a_ledger_the_page_shows_each_activitys_progress(jinshan: Plan) -> None:
    ledger = load_ledger(EXAMPLES / "jinshan_2021_ledger.toml", jinshan)
    source = glance_html(jinshan, lang="en", ledger=ledger, as_of=date(2021, 6, 30)).decode()
    progress = Page(source).tables[-1]
    assert progress.caption == "Where each planned activity stands"
    assert len(progress.rows) == len(jinshan.activities)
    statuses = {row[2][1].lstrip("✓✗!· ") for row in progress.rows}
    assert "not yet due" in statuses  # December's work, on 30 June
    assert statuses <= {"done", "early", "late", "not done", "not yet due"}
    assert "Where each planned activity stands" not in glance_html(jinshan, lang="en").decode()


def test_html_takes_a_ledger(tmp_path: Path) -> None:
    out = tmp_path / "site" / "index.html"
    args = ["html", str(EXAMPLES / "jinshan_2021.toml"), "-o", str(out)]
    assert main([*args, "--ledger", str(EXAMPLES / "jinshan_2021_ledger.toml")]) == 0
    assert "完成进度" in out.read_text("utf-8")
    assert main([*args, "--ledger", str(tmp_path / "missing.toml")]) == 2
    bad = tmp_path / "bad.toml"
    bad.write_text('plan = "other-2021"\nyear = 2021\n', "utf-8")
    assert main([*args, "--ledger", str(bad)]) == 1


def test_the_grid_shows_each_when_in_the_plans_own_words(jinshan: Plan) -> None:
    (span,) = [a for a in jinshan.activities if str(a.when) == "7-8月"]
    worded = attrs.evolve(span, when_text="七至八月份")
    activities = tuple(worded if a is span else a for a in jinshan.activities)
    table = grid(
        attrs.evolve(jinshan, schedule=attrs.evolve(jinshan.schedule, activities=activities))
    )
    assert f"{span.title} 七至八月份" in "\n".join(t for _, t, _ in table.rows[6])
