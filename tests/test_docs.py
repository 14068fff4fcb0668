"""The documentation cannot rot: its tables and code examples are run as tests."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
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
PYTHON_PAGES = [page for page in DOC_PAGES if python_blocks(page)]


@pytest.mark.parametrize("page", PYTHON_PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_examples_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page's blocks run in order in one namespace, as a reader would type them in a session."""
    monkeypatch.chdir(ROOT)
    monkeypatch.syspath_prepend(str(ROOT))
    namespace: dict[str, object] = {"__name__": f"doc_example_{page.stem}"}
    for index, code in enumerate(python_blocks(page)):
        exec(compile(code, f"{page.name}#{index}", "exec"), namespace)


# -- console sessions ---------------------------------------------------------------------------
#
# A ```console block shows commands and what they print. Every line starting "$ commedu" is run,
# in order, in one fresh folder per page, and what it prints (stdout and stderr, as a terminal
# shows them) must equal the lines shown under it. Only commedu commands may appear: other shell
# steps go in ```sh blocks, which are not run. HTML comments set the folder up the way the page's
# prose tells the reader to, and are invisible when the page is read:
#
#   <!-- file: NAME from SOURCE -->        copy SOURCE (relative to the page) to NAME
#   <!-- edit: NAME: OLD => NEW -->        replace the one occurrence of OLD in NAME with NEW
#   <!-- same: NAME as SOURCE -->          NAME must now equal SOURCE (the reader's edits are done)

SESSION = re.compile(
    r"<!-- (?P<directive>file|edit|same): (?P<arguments>.*?) -->|```console\n(?P<block>.*?)```",
    flags=re.DOTALL,
)
#: Normalised because they differ on every run: the time a calendar was written.
VOLATILE = [(re.compile(r"^DTSTAMP:\d{8}T\d{6}Z$", flags=re.MULTILINE), "DTSTAMP:<now>")]


def console_pages() -> list[Path]:
    return [page for page in DOC_PAGES if "```console" in page.read_text(encoding="utf-8")]


def commands(block: str) -> list[tuple[str, str]]:
    """(command, expected output) for each ``$`` line of a console block."""
    found: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            found.append((line[2:], []))
        elif not found:
            raise AssertionError(f"output before any command in console block: {line!r}")
        else:
            found[-1][1].append(line)
    return [(command, "\n".join(lines)) for command, lines in found]


def normalise(text: str) -> str:
    text = "\n".join(line.rstrip() for line in text.strip("\n").splitlines())
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def run_commedu(command: str, folder: Path) -> str:
    words = shlex.split(command)
    assert words[0] == "commedu", f"only commedu commands run in console blocks, not {command!r}"
    env = {k: v for k, v in os.environ.items() if k not in ("COMMEDU_LANG", "LC_ALL", "LANG")}
    env |= {"LANG": "C.UTF-8", "COLUMNS": "100", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "commedu", *words[1:]],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        check=False,
    )
    return done.stdout


def apply(directive: str, arguments: str, page: Path, folder: Path) -> None:
    if directive == "file":
        name, _, source = arguments.partition(" from ")
        shutil.copyfile(page.parent / source, folder / name)
    elif directive == "edit":
        name, _, change = arguments.partition(": ")
        old, _, new = change.partition(" => ")
        text = (folder / name).read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{page.name}: {old!r} must occur once in {name}"
        (folder / name).write_text(text.replace(old, new), encoding="utf-8")
    else:
        name, _, source = arguments.partition(" as ")
        assert (folder / name).read_bytes() == (page.parent / source).read_bytes(), (
            f"{page.name}: after the page's steps {name} differs from {source}"
        )


@pytest.mark.parametrize("page", console_pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_console_sessions_print_what_the_docs_show(page: Path, tmp_path: Path) -> None:
    ran = 0
    for match in SESSION.finditer(page.read_text(encoding="utf-8")):
        if match["directive"]:
            apply(match["directive"], match["arguments"], page, tmp_path)
            continue
        for command, expected in commands(match["block"]):
            assert normalise(run_commedu(command, tmp_path)) == normalise(expected), (
                f"{page.relative_to(ROOT)}: $ {command}"
            )
            ran += 1
    assert ran > 0


def test_the_session_runner_notices_a_wrong_output(tmp_path: Path) -> None:
    ((command, expected),) = commands("$ commedu --version\ncommedu 0.0.0-not-this-one\n")
    assert normalise(run_commedu(command, tmp_path)) != normalise(expected)


def test_the_session_runner_refuses_other_commands(tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match="only commedu"):
        run_commedu("rm -rf plan.toml", tmp_path)
