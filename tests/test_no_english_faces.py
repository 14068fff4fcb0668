"""Every face speaks one language: no English in Chinese, no Chinese in English.

Where ``test_no_english`` runs the command line's messages, this runs every face that shows how
a plan stands — ``commedu check`` (text, Markdown, JSON), ``commedu rules`` and ``rules CODE``,
the year at a glance (``commedu html``, with and without ``--ledger``), the page and the list of
feeds ``commedu serve`` answers with, the inspection report (HTML and Word) and the district
roll-up — for three plans of different shapes, in each language. What may remain of the other
language is only what is not ours to translate: rule codes, file names, the plan's and the
ledger's own text and the names a user types.
"""

from __future__ import annotations

import contextlib
import csv
import html
import io
import json
import re
import shutil
import tomllib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from wsgiref.util import setup_testing_defaults

import attrs
import pytest
from docx import Document

from commedu._messages import _SYNTAX_ZH, LANGS, Lang, syntax_reason_zh
from commedu.cli import main
from commedu.compliance.engine import rules
from commedu.compliance.rule import Rule
from commedu.model.profile import Profile
from commedu.web.app import make_app
from tests.conftest import EXAMPLES, ROOT
from tests.test_no_english import SYNTAX, names_a_user_types
from tests.wording import foreign_words, strings_of, strip_allowed

#: A plan of a 镇 with stations and its shipped ledger; a 街道 of schools with a small ledger of
#: its own; a plan of yet another shape with no ledger at all.
JINSHAN = EXAMPLES / "jinshan_2021.toml"
JINSHAN_LEDGER = EXAMPLES / "jinshan_2021_ledger.toml"
JIUXIAO = ROOT / "tests" / "plans" / "jiuxiao_2022.toml"
QILING = ROOT / "tests" / "plans" / "qiling_2021.toml"
JIUXIAO_LEDGER = ROOT / "tests" / "ledgers" / "jiuxiao_2022.toml"

PROFILES = ROOT / "src" / "commedu" / "profiles"


def _unless_english(data: Any) -> Iterator[str]:
    """A file's own text: every value (not its keys), but the English side of bilingual words.

    Keys are left out: a key such as ``resident_population`` said in Chinese output is a leak.
    """
    if isinstance(data, dict):
        for key, value in data.items():
            if key != "en":
                yield from _unless_english(value)
    elif isinstance(data, list):
        for item in data:
            yield from _unless_english(item)
    elif isinstance(data, str):
        yield data


def profile_text() -> set[str]:
    """What the shipped profiles say in their own words: sources quoted, keywords looked for."""
    found: set[str] = set()
    for path in PROFILES.glob("*.toml"):
        with path.open("rb") as handle:
            found |= set(_unless_english(tomllib.load(handle)))
    return found


def _values(thing: Any) -> Iterator[str]:
    """Every string in a built value (an example's plan or ledger)."""
    if isinstance(thing, str):
        yield thing
    elif attrs.has(type(thing)):
        for field in attrs.fields(type(thing)):
            yield from _values(getattr(thing, field.name))
    elif isinstance(thing, dict):
        for key, value in thing.items():
            yield from _values(key)
            yield from _values(value)
    elif isinstance(thing, (list, tuple, frozenset, set)):
        for item in thing:
            yield from _values(item)


def rule_text(rule: Rule) -> set[str]:
    """A rule's own quotations: its examples' plans and ledgers and the documents it cites."""
    found: set[str] = set()
    for example in (rule.passing, rule.failing):
        plan = example.plan()
        found |= set(_values(plan)) | {a.wording for a in plan.activities}
        if example.ledger is not None:
            found |= set(_values(example.ledger()))
        found.add(str(getattr(example.profile, "name", example.profile)))
        if isinstance(example.profile, Profile):  # the words its events are looked for by
            events = example.profile.events.values()
            found |= {word for spec in events for group in spec.keywords for word in group}
    for quoted in re.findall(
        r"“([^”]*)”|([^\x00-\u2fff]*《[^》]*》)|([^\x00-\u2fff]*〔[^〕]*〕\d+号)", rule.source.en
    ):
        found |= {q for q in quoted if q}
    return found


_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


class _Text(HTMLParser):
    """A page's text as a reader sees it: no tags, no style sheet, no script."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._hidden += 1
        self.parts.append("\n")  # an element's text is read apart from the text before it
        # What a reader sees of an element's attributes: its title and alternative text.
        self.parts.extend(f" {v} " for k, v in attrs if k in ("title", "alt", "aria-label") and v)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._hidden -= 1
        self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def page_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return "".join(parser.parts)


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    said = [p.text for p in document.paragraphs]
    said += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(said)


def own_text(path: Path) -> set[str]:
    """Every value in a plan or ledger file (TOML, or the cells of a CSV), not its keys."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return {cell for row in csv.reader(handle) for cell in row}
    with path.open("rb") as handle:
        return set(_unless_english(tomllib.load(handle)))


def _run(argv: list[str]) -> tuple[int, str, bytes]:
    out, err = io.BytesIO(), io.StringIO()
    wrapper = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    with contextlib.redirect_stdout(wrapper), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = int(exc.code or 0)
    wrapper.flush()
    return code, err.getvalue(), out.getvalue()


def _get(app: Any, path: str, query: str) -> str:
    environ: dict[str, Any] = {"PATH_INFO": path, "QUERY_STRING": query}
    setup_testing_defaults(environ)
    said: list[str] = []

    def start_response(status: str, headers: Any, exc_info: Any = None) -> Any:
        said.append(status)
        return lambda data: None

    body = b"".join(app(environ, start_response))
    assert said[0].startswith("200"), (path, said)
    return body.decode("utf-8")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A district's folder: each plan beside its ledger, as ``serve`` and ``--district`` read it."""
    root = tmp_path_factory.mktemp("district")
    shutil.copy(JINSHAN, root / "jinshan.toml")
    shutil.copy(JINSHAN_LEDGER, root / "jinshan.ledger.toml")
    shutil.copy(JIUXIAO, root / "jiuxiao.toml")
    shutil.copy(JIUXIAO_LEDGER, root / "jiuxiao.ledger.toml")
    shutil.copy(QILING, root / "qiling.toml")
    # A plan whose ledger is the empty one ``ledger init`` writes, so the roll-up has all three.
    code, err, _ = _run(["ledger", "init", str(QILING), "-o", str(root / "qiling.ledger.csv")])
    assert code == 0, err
    return root


def _faces(root: Path, lang: Lang) -> Iterator[tuple[str, str, set[str]]]:
    """(what, the text a reader reads, the text that is the plan's and ledger's own)."""
    cases = (
        ("jinshan", JINSHAN, None),
        ("jinshan+ledger", JINSHAN, root / "jinshan.ledger.toml"),
        ("jiuxiao+ledger", JIUXIAO, root / "jiuxiao.ledger.toml"),
        ("qiling", QILING, None),
    )
    app = make_app(root)
    everything: set[str] = {p.name for p in root.iterdir()} | profile_text()
    for name, plan, ledger in cases:
        own = own_text(plan) | ({str(ledger), ledger.name} | own_text(ledger) if ledger else set())
        own |= {str(plan), plan.name} | profile_text()
        everything |= own
        extra = ["--ledger", str(ledger)] if ledger else []
        for fmt in ("text", "markdown"):
            _, err, out = _run(["--lang", lang, "check", str(plan), "--format", fmt, *extra])
            said = out.decode()
            # Markdown is read rendered: its entities (a title's markup, escaped) are characters.
            said = html.unescape(said) if fmt == "markdown" else said
            yield f"check {fmt} {name}", said + err, own
        _, err, out = _run(["--lang", lang, "html", str(plan), "-o", "-", *extra])
        yield f"html {name}", page_text(out.decode()) + err, own
        if ledger is not None:
            _, err, out = _run(
                ["--lang", lang, "report", str(plan), str(ledger), "--report-lang", lang]
            )
            yield f"report html {name}", page_text(out.decode()) + err, own
            docx = root / f"{name}.docx"
            code, err, _ = _run(
                [
                    "--lang",
                    lang,
                    "report",
                    str(plan),
                    str(ledger),
                    "-o",
                    str(docx),
                    "--report-lang",
                    lang,
                ]
            )
            assert code == 0, err
            yield f"report docx {name}", docx_text(docx.read_bytes()), own
    for key in ("jinshan", "jiuxiao", "qiling"):
        own = own_text(root / f"{key}.toml") | own_text(next(root.glob(f"{key}.ledger.*")))
        own |= profile_text()
        yield f"served {key}", page_text(_get(app, f"/{key}/", f"lang={lang}")), own
    yield "served index", page_text(_get(app, "/", f"lang={lang}")), everything
    _, err, out = _run(["--lang", lang, "report", "--district", str(root), "--report-lang", lang])
    yield "district", page_text(out.decode()) + err, everything
    _, err, out = _run(["--lang", lang, "rules"])
    yield "rules", out.decode() + err, profile_text()
    for rule in rules():
        _, err, out = _run(["--lang", lang, "rules", rule.code])
        yield f"rules {rule.code}", out.decode() + err, rule_text(rule) | profile_text()


def _leftover(text: str, lang: Lang, own: set[str], names: set[str]) -> set[str]:
    # Whole pieces of the plan's and ledger's own text first: markup in a title is its own text.
    for piece in sorted((p for p in own if "<" in p or "/" in p), key=len, reverse=True):
        text = text.replace(piece, " ")
    # A file's name or extension, an address, a key written as in its file: the file's own.
    text = re.sub(r"\b[a-z_]+ = (?:true|false)\b", " ", text)
    text = SYNTAX.sub(" ", re.sub(r"[\w.-]*\.(?:pdf|jpg)\b", " ", text))
    # A page offers the other language by that language's own name.
    own = own | {"English", "中文"}
    if lang == "zh":
        words = {w for piece in own for w in re.findall(r"[A-Za-z][\w-]*", piece)}
        return foreign_words(text, "zh", sorted(names | own | words))
    rest = strip_allowed(text, names | own)
    # Only whole pieces of the plan's own text are stripped: a lone 月 after a number is ours.
    return {ch for run in _CJK_RUN.findall(rest) for ch in run}


@pytest.fixture(scope="module")
def names() -> set[str]:
    return names_a_user_types()


@pytest.fixture(scope="module")
def faces(folder: Path) -> Iterator[dict[Lang, list[tuple[str, str, set[str]]]]]:
    # A terminal this wide wraps no line, so a quotation is read whole.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COLUMNS", "10000")
        yield {lang: list(_faces(folder, lang)) for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_every_face_speaks_only_its_language(
    faces: dict[Lang, list[tuple[str, str, set[str]]]], lang: Lang, names: set[str]
) -> None:
    leaks = {}
    for what, text, own in faces[lang]:
        assert text.strip(), what
        if left := _leftover(text, lang, own, names):
            leaks[what] = sorted(left)
    assert not leaks, "\n".join(f"{what}: {left}" for what, left in leaks.items())


def test_the_faces_are_the_ones_they_claim(
    faces: dict[Lang, list[tuple[str, str, set[str]]]],
) -> None:
    zh = {what: text for what, text, _ in faces["zh"]}
    en = {what: text for what, text, _ in faces["en"]}
    assert len(zh) == len(en) >= 20
    assert "未通过" in zh["check text jinshan"]
    assert "fail" in en["check text jinshan"]
    assert "| CE303 |" in zh["check markdown jinshan"]
    assert "CE5" in zh["check text jinshan+ledger"]  # the ledger's rules ran
    assert "金山镇" in zh["html jinshan"]
    # A place is said from the province down in Chinese, from the township up in English.
    assert "山东省淄博市临淄区金山镇" in zh["html jinshan"]
    assert "金山镇, 临淄区, 淄博市, 山东省" in en["html jinshan"]
    assert "金山镇" in en["served jinshan"]
    # An observance and a task's number are each said the reader's way.
    assert "New Year's Day" in en["html jinshan"]
    assert "元旦" in zh["served jinshan"]
    assert "（二）实施六项引领机制" in zh["report html jinshan+ledger"]
    assert "(2) 实施六项引领机制" in en["report docx jinshan+ledger"]
    assert "东崖村社区教育工作站" in zh["report docx jinshan+ledger"]
    assert all(key in zh["served index"] for key in ("jinshan", "jiuxiao", "qiling"))
    assert "CE303" in zh["rules CE303"]
    assert "CE101" in en["rules"]
    assert "金山镇" in zh["district"]
    assert "May" in en["report html jinshan+ledger"]  # a month by its English name


def test_the_check_notices_the_other_language(names: set[str]) -> None:
    own = {"金山镇", "culture"}
    assert _leftover("金山镇 culture 未通过 failed", "zh", own, names) == {"failed"}
    assert _leftover("见 plan.toml 第 2 行", "zh", set(), names) == set()
    assert _leftover("Jinshan 金山镇: 责任部门 missing", "en", own, names) == {
        "责",
        "任",
        "部",
        "门",
    }
    assert page_text("<style>p{}</style><p title='标题'>x</p>").split() == ["标题", "x"]
    # A lone word of ours beside the plan's text is still found.
    assert _leftover("“村史讲堂” (5月)", "en", {"村史讲堂"}, names) == {"月"}


def _messages(data: Any) -> Iterator[str]:
    """The human-readable values of a JSON document: strings under keys that are words."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("message", "messages", "summary", "title", "failure", "detail", "details"):
                yield from strings_of(value)
            else:
                yield from _messages(value)
    elif isinstance(data, list):
        for item in data:
            yield from _messages(item)


@pytest.mark.parametrize(
    "argv",
    [
        ["check", str(JINSHAN), "--format", "json"],
        ["check", str(JINSHAN), "--format", "json", "--ledger", str(JINSHAN_LEDGER)],
        ["check", str(JIUXIAO), "--format", "json"],
    ],
)
def test_a_json_report_s_messages_speak_the_language_asked(
    argv: list[str], names: set[str]
) -> None:
    _, _, out = _run(["--lang", "zh", *argv])
    data = json.loads(out)
    said = list(_messages(data))
    assert said, "a report with no message values proves nothing"
    own = own_text(Path(argv[1])) | (own_text(JINSHAN_LEDGER) if "--ledger" in argv else set())
    leaks = {s: left for s in said if (left := _leftover(s, "zh", own, names))}
    assert not leaks


#: A TOML or JSON text for each reason the parsers give, so every translation is of a reason
#: the parser really says (a parser that rewords one makes its case fail here).
BROKEN_TOML = (
    "a = 1\na = 2",
    'a = "\\uD800"',
    'a = "\\uZZZZ"',
    "a 1",
    "[a",
    "[[a",
    "a = 1 b = 2",
    "a = 1979-02-30",
    "a.! = 1",
    "= 1",
    "a = foo",
    "a = [1 2]",
    "a = {b = 1",
    'a = "\\x"',
    'a = "abc',
    "[a]\n[a]",
    "a = [1]\n[[a]]",
    "[a.b]\n[a]\nb.c = 1",
    "a = {b = 1, b = 2}",
    "a = '\x7f'",
    'a = "x\ny"',
    'a = "\x01"',
)
BROKEN_JSON = ("", '{"a" 1}', "[1 2]", "{a:1}", '"abc', '"a\x01"', '"\\q"', "1 2")


def _reasons() -> list[str]:
    said = []
    for text in BROKEN_TOML:
        with pytest.raises(tomllib.TOMLDecodeError) as caught:
            tomllib.loads(text)
        said.append(re.sub(r" \(at [^)]*\)$", "", str(caught.value)))
    for text in BROKEN_JSON:
        with pytest.raises(json.JSONDecodeError) as caught:
            json.loads(text)
        said.append(caught.value.msg)
    return said


def test_every_reason_a_parser_gives_is_said_in_chinese(names: set[str]) -> None:
    for reason in _reasons():
        zh = syntax_reason_zh(reason)
        assert zh != reason, f"no Chinese for the parser's {reason!r}"
        assert not _leftover(zh, "zh", set(), names), (reason, zh)


def test_every_translation_of_a_reason_is_used() -> None:
    reasons = _reasons()
    unused = [p for p, _ in _SYNTAX_ZH if not any(re.match(p, r) for r in reasons)]
    assert not unused
