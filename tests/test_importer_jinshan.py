"""The Jinshan document, as text and as a Word file, imports to the shipped example's schedule."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from typing import Any

import pytest

from commedu import Plan, loads_plan
from commedu.cli import main
from commedu.importer import Draft, draft_from_bytes, import_document
from tests.conftest import EXAMPLES, JINSHAN_SOURCE
from tests.docbuild import build_docx, jinshan_parts

EXAMPLE_FILE = EXAMPLES / "jinshan_2021.toml"

#: What the hand-made example adds to the document by editorial decision (see the DECISION
#: comments in examples/jinshan_2021.py); an import cannot know these, and nothing else differs.
EDITORIAL = {
    "id",  # jinshan-2021: a pinyin slug
    "profile",  # the standard the plan cites only as 省定标准
    "township.district",  # 临淄区, 淄博市, 山东省: the document names none in its title
    "township.city",
    "township.province",
    "commitments.full_time_staff",  # figures read out of the measures' sentences
    "commitments.staff.low",
    "commitments.staff.high",
    "commitments.funding_per_resident",
    "commitments.funding_earmarked",
    "commitments.learning_brands.low",
    "commitments.learning_brands.high",
    "departments[*].id",  # English slugs for the 责任部门
    "departments[*].name",  # 志愿者 and 志愿者队伍 made one body, so the list is shorter
    "departments[*].aliases",
    "stations[*].id",
    "stations[*].theme",  # the sentence split into theme and focus
    "stations[*].focus",
    "stations[*].resources",  # 文化大院、新时代文明实践站… shared by all six
    "tasks[*].mechanisms[*].standing",  # funding and internal rules need no scheduled item
    "schedule.activities[*].serves",  # which task each item carries out
    "schedule.activities[*].target_groups",
    # The import proposes 打造1—2个社区教育品牌 as a target; the example keeps it as a commitment
    # (commitments.learning_brands), which is what the standard's rules read.
    "targets[*].id",
    "targets[*].what",
    "targets[*].comparator",
    "targets[*].value",
    "targets[*].unit",
    "targets[*].text",
}


def _flat(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flat(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for i, item in enumerate(value):
            yield from _flat(item, f"{path}[{i}]")
    else:
        yield path, value


def differences(one: str, other: str) -> set[str]:
    """The places (list indices as [*]) where two plan files' data differ."""
    a = dict(_flat(tomllib.loads(one)))
    b = dict(_flat(tomllib.loads(other)))
    return {
        re.sub(r"\[\d+\]", "[*]", key) for key in a.keys() | b.keys() if a.get(key) != b.get(key)
    }


def _finished(draft: Draft) -> Plan:
    """The draft as the clerk finishes it: the one thing validate asks for, filled in."""
    return loads_plan(draft.text.replace('province = ""', 'province = "山东省"', 1))


@pytest.fixture(scope="module")
def from_text() -> Draft:
    return import_document(JINSHAN_SOURCE)


@pytest.fixture(scope="module")
def from_docx() -> Draft:
    return draft_from_bytes(build_docx(jinshan_parts(JINSHAN_SOURCE)), "jinshan_2021.docx")


@pytest.fixture(params=["text", "docx"])
def draft(request: pytest.FixtureRequest, from_text: Draft, from_docx: Draft) -> Draft:
    return from_text if request.param == "text" else from_docx


def _rows(text: str) -> list[tuple[str, str, str, list[str]]]:
    activities = tomllib.loads(text)["schedule"]["activities"]
    return [(a["id"], a["title"], a["when"], a["responsible"]) for a in activities]


def test_the_schedule_is_the_examples_item_for_item(draft: Draft) -> None:
    expected = _rows(EXAMPLE_FILE.read_text("utf-8"))
    assert draft.activities == 36
    assert _rows(draft.text) == expected


def test_the_schedule_means_the_same_dates_and_departments(draft: Draft, jinshan: Plan) -> None:
    plan = _finished(draft)
    assert [(a.title, a.when, a.when.span) for a in plan.activities] == [
        (a.title, a.when, a.when.span) for a in jinshan.activities
    ]
    # The example merged 志愿者 into 志愿者队伍 and 各学校 into 学校; every name is the same body.
    for got, want in zip(plan.activities, jinshan.activities, strict=True):
        printed = [d.name for d in got.responsible]
        assert [jinshan.department(name) for name in printed] == list(want.responsible)


def test_the_only_differences_from_the_example_are_editorial(draft: Draft) -> None:
    assert differences(draft.text, EXAMPLE_FILE.read_text("utf-8")) == EDITORIAL


def test_text_and_word_give_the_same_plan(from_text: Draft, from_docx: Draft) -> None:
    assert differences(from_text.text, from_docx.text) == set()
    assert len(from_text.notes) == len(from_docx.notes)


def test_words_automatic_numbering_reads_as_typed_numbers(from_text: Draft) -> None:
    parts = jinshan_parts(JINSHAN_SOURCE, auto_numbering=True)
    assert "三、主要任务及措施" not in parts  # the numbers are Word's, not in the text
    numbered = draft_from_bytes(build_docx(parts), "jinshan_2021.docx")
    assert differences(numbered.text, from_text.text) == set()


def test_validate_names_exactly_what_is_left_to_fill_in(
    draft: Draft, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(draft.text, "utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    line = next(
        n for n, text in enumerate(draft.text.splitlines(), 1) if text.startswith("province")
    )
    assert out.splitlines()[1:] == [
        f"  township.province (province; line {line}, column 1): must not be empty"
    ]
    assert "province" in next(
        line for line in draft.text.splitlines() if "请核对" in line and "省" in line
    )


def test_every_guess_says_where_it_came_from(from_text: Draft, from_docx: Draft) -> None:
    (text_note,) = [n for n in from_text.notes if n.code == "note-when-in-title"]
    assert text_note.describe("en").startswith("table 1, row 8, cell 2, line 88: ")
    (docx_note,) = [n for n in from_docx.notes if n.code == "note-when-in-title"]
    assert docx_note.describe("zh").startswith("表 1，第 8 行，第 2 格：")
    assert "7-8月" in docx_note.message("zh")
    aliases = {
        (n.params["name"], n.params["other"]) for n in from_text.notes if n.code == "note-alias"
    }
    assert aliases == {("志愿者", "志愿者队伍"), ("各学校", "学校")}
    kinds = [n.params["kind"] for n in from_text.notes if n.code == "note-kind-guessed"]
    assert kinds == ["management", "guidance", "safeguard"]


def test_nothing_in_the_document_is_lost(draft: Draft) -> None:
    source = JINSHAN_SOURCE.read_text("utf-8")
    # Every run of Chinese text is in the draft, as data or as a comment; only the outline's
    # numerals （七） （八） become numbers.
    runs = re.findall(r"[\u4e00-\u9fff]+", source)
    missing = [
        r for r in runs if r not in draft.text and not re.fullmatch("[一二三四五六七八九十]+", r)
    ]
    assert missing == []


def test_the_draft_is_the_same_bytes_every_time(from_text: Draft) -> None:
    assert import_document(JINSHAN_SOURCE).text == from_text.text
