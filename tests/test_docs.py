"""The documentation cannot rot: its tables and code examples are run as tests."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from commedu import parse_when
from tests.conftest import ROOT

WHEN_PAGE = ROOT / "docs" / "reference" / "when.md"
ROW = re.compile(
    r"^\| `(?P<spelling>[^`]+)` \| `(?P<kind>\w+)` \| (?P<first>[\d-]+) – (?P<last>[\d-]+) \|$"
)


def when_rows() -> list[tuple[str, str, date, date]]:
    rows = []
    for line in WHEN_PAGE.read_text(encoding="utf-8").splitlines():
        if match := ROW.match(line):
            rows.append(
                (
                    match["spelling"],
                    match["kind"],
                    date.fromisoformat(match["first"]),
                    date.fromisoformat(match["last"]),
                )
            )
    return rows


def test_the_when_table_is_not_empty() -> None:
    assert len(when_rows()) >= 20


@pytest.mark.parametrize(("spelling", "kind", "first", "last"), when_rows())
def test_every_documented_spelling_parses_as_documented(
    spelling: str, kind: str, first: date, last: date
) -> None:
    when = parse_when(spelling, 2021)
    assert type(when).__name__ == kind
    assert (when.span.first, when.span.last) == (first, last)


def python_blocks(path: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.DOTALL)


DOC_PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
BLOCKS = [(page, i, block) for page in DOC_PAGES for i, block in enumerate(python_blocks(page))]


@pytest.mark.parametrize(
    ("page", "index", "code"), BLOCKS, ids=[f"{p.relative_to(ROOT)}#{i}" for p, i, _ in BLOCKS]
)
def test_python_examples_run(
    page: Path, index: int, code: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.syspath_prepend(str(ROOT))
    namespace: dict[str, object] = {"__name__": f"doc_example_{index}"}
    exec(compile(code, f"{page.name}#{index}", "exec"), namespace)
