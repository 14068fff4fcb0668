"""One answer everywhere: every face that shows how a plan stands agrees, rule by rule.

Each face is run as a user runs it — ``commedu check`` (text, Markdown, JSON), ``commedu html``,
the page ``commedu serve`` shows, ``commedu report`` (HTML, Word, JSON) and the district roll-up —
and its output is read back the way a person or a program would read it. Every status must be
the one :func:`commedu.compliance.assessment.assess` gives for the same inputs.
"""

from __future__ import annotations

import ast
import io
import json
import re
import shutil
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest
from docx import Document

from commedu import Plan, Status, load_plan
from commedu._messages import LANGS, Lang
from commedu.cli import EXIT_FAILED, EXIT_OK, main
from commedu.compliance.assessment import Assessment, assess
from commedu.compliance.builtin import BUILTIN_RULES
from commedu.compliance.report import ComplianceReport
from commedu.datafile.ledger import load_ledger
from commedu.report.inspection import InspectionReport, inspection
from commedu.web.app import make_app
from commedu.web.glance import glance_html
from tests.conftest import EXAMPLES, ROOT

JINSHAN = EXAMPLES / "jinshan_2021.toml"
JINSHAN_LEDGER = EXAMPLES / "jinshan_2021_ledger.toml"
JINSHAN_WORKBOOK = EXAMPLES / "jinshan_2021_ledger.xlsx"
#: A 街道 plan of ten schools, no stations, no profile named, with a rate target.
JIUXIAO = ROOT / "tests" / "plans" / "jiuxiao_2022.toml"
JIUXIAO_LEDGER = ROOT / "tests" / "ledgers" / "jiuxiao_2022.toml"

CODE = re.compile(r"[A-Z]{1,4}[0-9]{3}")
SIX_STATIONS = (
    "东崖村社区教育工作站",
    "黎金山村社区教育工作站",
    "冯家村社区教育工作站",
    "南仇东居社区教育工作站",
    "化建社区教育工作站",
    "坡子村社区教育工作站",
)


@attrs.frozen
class Case:
    name: str
    plan: Path
    ledger: Path | None = None
    as_of: date | None = None


CASES = (
    Case("jinshan", JINSHAN),
    Case("jinshan+ledger", JINSHAN, JINSHAN_LEDGER),
    Case("jinshan+workbook+june", JINSHAN, JINSHAN_WORKBOOK, date(2021, 6, 30)),
    Case("jiuxiao", JIUXIAO),
    Case("jiuxiao+ledger", JIUXIAO, JIUXIAO_LEDGER),
)


@pytest.fixture(autouse=True)
def english_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("COMMEDU_LANG", "LC_ALL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


# -- reading each face back ------------------------------------------------------------------------


def _status(text: str, lang: Lang) -> Status:
    """The status a face wrote, by its word; a mark (✓ ✗ ? –) before it is decoration."""
    words = {s.label(lang): s for s in Status}
    cleaned = text.strip().lstrip("✓✗?–·! ").strip()
    return words[cleaned]


def from_text(output: str, lang: Lang) -> dict[str, Status]:
    severities = "|".join(re.escape(s.label(lang)) for s in type(BUILTIN_RULES[0].severity))
    line = re.compile(rf"^({CODE.pattern}) .+? \[(?:{severities})\] (.+?): ", re.MULTILINE)
    return {m[1]: _status(m[2], lang) for m in line.finditer(output)}


def from_markdown(output: str, lang: Lang) -> dict[str, Status]:
    found = {}
    for row in output.splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split(" | ")]
        if row.startswith("| ") and CODE.fullmatch(cells[0]):
            found[cells[0]] = _status(cells[3], lang)
    return found


def from_json(data: dict[str, Any]) -> dict[str, Status]:
    return {r["code"]: Status(r["status"]) for r in data["results"]}


class Tables(HTMLParser):
    """Every table of a page as rows of cell texts (header and data cells alike)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None
        self._depth = 0  # lists inside a cell are part of the cell's text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "li" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def results_table(rows: list[list[str]], lang: Lang) -> dict[str, Status] | None:
    """The statuses of a table whose header has a code and a status column, else None."""
    code_word = {"en": "Code", "zh": "代码"}[lang]
    status_word = {"en": "Status", "zh": "结果"}[lang]
    if not rows or code_word not in rows[0] or status_word not in rows[0]:
        return None
    code, status = rows[0].index(code_word), rows[0].index(status_word)
    body = [r for r in rows[1:] if CODE.fullmatch(r[code])]
    if not body:
        return None
    return {r[code]: _status(r[status], lang) for r in body}


def from_html(page: str, lang: Lang) -> tuple[dict[str, Status], str]:
    """The statuses a page shows, and the page's visible table text (for findings)."""
    parser = Tables()
    parser.feed(page)
    found = [t for t in (results_table(rows, lang) for rows in parser.tables) if t is not None]
    assert len(found) == 1, f"expected one results table, found {len(found)}"
    text = "\n".join(cell for rows in parser.tables for row in rows for cell in row)
    return found[0], text


def from_docx(data: bytes, lang: Lang) -> tuple[dict[str, Status], str]:
    document = Document(io.BytesIO(data))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    found = [t for t in (results_table(rows, lang) for rows in tables) if t is not None]
    assert len(found) == 1
    text = "\n".join(cell for rows in tables for row in rows for cell in row)
    return found[0], text


# -- running each face -----------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    out = capsys.readouterr().out
    assert code in (EXIT_OK, EXIT_FAILED), out
    return out


def served_page(folder: Path, plan: Path, ledger: Path | None, lang: Lang) -> str:
    shutil.copyfile(plan, folder / "plan.toml")
    if ledger is not None:
        shutil.copyfile(ledger, folder / f"plan.ledger{ledger.suffix}")
    app = make_app(folder)
    replies: list[str] = []
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/plan/",
        "QUERY_STRING": f"lang={lang}",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "8080",
        "HTTP_HOST": "localhost:8080",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
    }
    body = b"".join(app(environ, lambda status, headers, *_: replies.append(status)))  # type: ignore[arg-type, func-returns-value]
    assert replies[0].startswith("200")
    return body.decode("utf-8")


def faces(
    case: Case, lang: Lang, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Iterator[tuple[str, dict[str, Status], str]]:
    """(face, statuses, what it shows) for every face that can take the case's inputs."""
    ledger = case.ledger
    plan = str(case.plan)
    with_ledger = [] if ledger is None else ["--ledger", str(ledger)]
    as_of = [] if case.as_of is None else ["--as-of", case.as_of.isoformat()]
    check = ["--lang", lang, "check", plan, *with_ledger, *as_of]

    text = run(capsys, *check)
    yield "check text", from_text(text, lang), text
    markdown = run(capsys, *check, "--format", "markdown")
    yield "check markdown", from_markdown(markdown, lang), markdown
    data = run(capsys, *check, "--format", "json")
    yield "check json", from_json(json.loads(data)), data

    page = tmp_path / "page.html"
    run(capsys, "--lang", lang, "html", plan, *with_ledger, *as_of, "-o", str(page))
    yield "html", *from_html(page.read_text("utf-8"), lang)

    if case.as_of is None:  # a served folder judges its ledger on the year's last day
        served = tmp_path / "served"
        served.mkdir()
        yield "serve", *from_html(served_page(served, case.plan, ledger, lang), lang)

    if ledger is None:
        return  # the inspection report and the roll-up read a ledger
    report = ["report", plan, str(ledger), *as_of, "--report-lang", lang]
    out = tmp_path / "report"
    run(capsys, *report, "-o", f"{out}.html")
    yield "report html", *from_html(Path(f"{out}.html").read_text("utf-8"), lang)
    run(capsys, *report, "-o", f"{out}.docx")
    yield "report docx", *from_docx(Path(f"{out}.docx").read_bytes(), lang)
    run(capsys, *report, "-o", f"{out}.json")
    data = Path(f"{out}.json").read_text("utf-8")
    yield "report json", from_json(json.loads(data)["compliance"]), data

    district = tmp_path / "district"
    district.mkdir()
    shutil.copyfile(case.plan, district / "town.toml")
    shutil.copyfile(ledger, district / f"town.ledger{ledger.suffix}")
    roll = ["report", "--district", str(district), *as_of, "--report-lang", lang]
    run(capsys, *roll, "-o", str(tmp_path / "district.json"))
    data = (tmp_path / "district.json").read_text("utf-8")
    (township,) = json.loads(data)["townships"]
    yield "district json", from_json(township["compliance"]), data
    run(capsys, *roll, "-o", str(tmp_path / "district.html"))
    parser = Tables()
    parser.feed((tmp_path / "district.html").read_text("utf-8"))
    ((_, row),) = parser.tables
    failed = set() if row[-1] == "—" else set(row[-1].split(", "))
    yield "district html", dict.fromkeys(failed, Status.FAIL), row[-1]


def expected(case: Case, folder: Path) -> Assessment:
    plan = load_plan(case.plan)
    ledger = case.ledger
    read = None if ledger is None else load_ledger(ledger, plan)
    return assess(plan, ledger=read, as_of=case.as_of)


# -- the tests -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_every_face_gives_every_rule_the_same_status(
    case: Case, lang: Lang, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    want = expected(case, tmp_path).statuses()
    seen = []
    for face, statuses, _ in faces(case, lang, tmp_path, capsys):
        seen.append(face)
        if face == "district html":  # the roll-up lists only the failed rules
            assert set(statuses) == {c for c, s in want.items() if s is Status.FAIL}, face
        else:
            assert statuses == want, face
    assert len(seen) == (4 if case.as_of else 5) + (0 if case.ledger is None else 5)


@pytest.mark.parametrize("lang", LANGS)
def test_the_ledger_decides_the_staff_rules_on_every_face(
    lang: Lang, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first symptom: the written and served pages judged CE211/CE212 without the ledger."""
    without = expected(CASES[0], tmp_path).statuses()
    assert without["CE211"] is without["CE212"] is Status.NOT_EVALUABLE
    for face, statuses, _ in faces(CASES[1], lang, tmp_path, capsys):
        if face != "district html":
            assert statuses["CE211"] is statuses["CE212"] is Status.PASS, face


@pytest.mark.parametrize("lang", LANGS)
def test_every_face_lists_which_six_stations_and_words_the_failure_as_one(
    lang: Lang, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    judged = expected(CASES[1], tmp_path).compliance.result("CE307")
    assert judged.status is Status.FAIL
    assert len(judged.findings) == 6
    failure, positive = judged.rule.failure(lang), judged.rule.summary(lang)
    assert failure in judged.message(lang)
    assert positive not in judged.message(lang)
    for face, _, shown in faces(CASES[1], lang, tmp_path, capsys):
        if face == "district html":
            continue
        for station in SIX_STATIONS:
            assert station in shown, (face, station)
        if not face.endswith("json"):
            assert failure in shown, face
            assert positive not in shown, face


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_chinese_faces_name_rules_by_title_not_slug(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    slugs = {r.name for r in BUILTIN_RULES}
    for face, _, shown in faces(case, "zh", tmp_path, capsys):
        if face.endswith("json"):
            continue  # JSON keeps the stable name as a key
        assert not {s for s in slugs if s in shown}, face


# -- the value itself ------------------------------------------------------------------------------


def test_an_assessment_without_a_ledger_has_no_day_and_no_progress(jinshan: Plan) -> None:
    judged = assess(jinshan, as_of=date(2021, 6, 30))
    assert (judged.ledger, judged.as_of, judged.progress) == (None, None, ())
    assert judged.profile is not None
    assert judged.profile.name == "shandong-township"
    assert judged.results == judged.compliance.results
    assert "CE501" not in judged.statuses()


def test_an_assessment_with_a_ledger_is_judged_on_its_day(jinshan: Plan) -> None:
    ledger = load_ledger(JINSHAN_LEDGER, jinshan)
    year_end = assess(jinshan, ledger=ledger)
    june = assess(jinshan, ledger=ledger, as_of=date(2021, 6, 30))
    assert (year_end.as_of, june.as_of) == (date(2021, 12, 31), date(2021, 6, 30))
    assert june.compliance.as_of == june.as_of
    assert assess(jinshan).compliance.as_of is None
    assert "台账: 按截至 2021-06-30 的情况评判" in june.compliance.to_text("zh")
    assert "Ledger: judged as of 2021-06-30" in june.compliance.to_text("en")
    assert "- **Ledger**: judged as of 2021-06-30" in june.compliance.to_markdown("en")
    assert json.loads(june.compliance.to_json())["as_of"] == "2021-06-30"
    assert json.loads(assess(jinshan).compliance.to_json())["as_of"] is None
    assert "Ledger" not in assess(jinshan).compliance.to_text("en")
    assert len(year_end.progress) == len(jinshan.activities)
    not_due = {p.activity.id for p in june.progress if p.status.value == "not-due"}
    assert not_due
    assert not {p.activity.id for p in year_end.progress if p.status.value == "not-due"}
    assert june.compliance.result("CE501").findings != year_end.compliance.result("CE501").findings


def test_an_inconsistent_assessment_cannot_be_made(jinshan: Plan) -> None:
    judged = assess(jinshan, ledger=load_ledger(JINSHAN_LEDGER, jinshan))
    with pytest.raises(ValueError, match="as-of"):
        Assessment(jinshan, judged.compliance, as_of=date(2021, 12, 31))  # a day, no ledger
    with pytest.raises(ValueError, match="progress"):
        Assessment(jinshan, judged.compliance, progress=judged.progress)  # progress, no ledger
    with pytest.raises(TypeError, match="progress"):
        Assessment(jinshan, judged.compliance, judged.ledger, judged.as_of, (None,))  # type: ignore[arg-type]


def test_a_ledger_without_its_day_cannot_be_assessed(jinshan: Plan) -> None:
    ledger = load_ledger(JINSHAN_LEDGER, jinshan)
    report = ComplianceReport(jinshan.id, jinshan.title, None, ())
    with pytest.raises(ValueError, match="as-of"):
        Assessment(jinshan, report, ledger)


def test_an_inspection_report_needs_an_assessment_with_a_ledger(jinshan: Plan) -> None:
    with pytest.raises(ValueError, match="ledger"):
        inspection(assess(jinshan))
    judged = assess(jinshan, ledger=load_ledger(JINSHAN_LEDGER, jinshan))
    report = inspection(judged)
    assert report.compliance is judged.compliance
    assert report.items is judged.progress
    with pytest.raises(ValueError, match="ledger"):
        attrs.evolve(report, assessment=assess(jinshan))
    assert isinstance(report, InspectionReport)


def test_the_page_shows_the_assessment_it_is_given_the_ledger_for(jinshan: Plan) -> None:
    ledger = load_ledger(JINSHAN_LEDGER, jinshan)
    with_ledger = glance_html(jinshan, lang="en", ledger=ledger).decode()
    without = glance_html(jinshan, lang="en").decode()
    assert from_html(with_ledger, "en")[0] == assess(jinshan, ledger=ledger).statuses()
    assert from_html(without, "en")[0] == assess(jinshan).statuses()


def test_no_face_runs_the_engine_itself() -> None:
    """Faces render an assessment; only ``assess`` (and the rule docs' examples) call ``check``."""
    package = ROOT / "src" / "commedu"
    engine = ("commedu.compliance.engine", "commedu")
    offenders = [
        str(path.relative_to(package))
        for room in ("cli", "web", "report")
        for path in sorted((package / room).rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.ImportFrom)
        and node.module in engine
        and any(alias.name == "check" for alias in node.names)
    ]
    assert offenders == []
