"""The documentation cannot rot: its tables and code examples are run as tests."""

from __future__ import annotations

import argparse
import importlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import typing
from datetime import date
from pathlib import Path

import attrs
import pytest

from commedu import ClockRange, load_plan, load_profile, parse_when, rules
from commedu.cli import COMMANDS, EXIT_FAILED, EXIT_OK, EXIT_USAGE
from tests.conftest import ROOT

WHEN_PAGE = ROOT / "docs" / "reference" / "when.md"
ROW = re.compile(
    r"^\| `(?P<spelling>[^`]+)` \| `(?P<kind>\w+)` \| `(?P<canonical>[^`]+)` \| "
    r"(?P<first>[\d-]+) – (?P<last>[\d-]+) \|$"
)


def when_rows() -> list[tuple[str, str, str, date, date]]:
    rows = []
    for line in WHEN_PAGE.read_text(encoding="utf-8").splitlines():
        if match := ROW.match(line):
            rows.append(
                (
                    match["spelling"],
                    match["kind"],
                    match["canonical"],
                    date.fromisoformat(match["first"]),
                    date.fromisoformat(match["last"]),
                )
            )
    return rows


def test_the_when_table_is_not_empty() -> None:
    assert len(when_rows()) >= 20


@pytest.mark.parametrize(("spelling", "kind", "canonical", "first", "last"), when_rows())
def test_every_documented_spelling_parses_as_documented(
    spelling: str, kind: str, canonical: str, first: date, last: date
) -> None:
    when = parse_when(spelling, 2021)
    assert type(when).__name__ == kind
    assert str(when) == canonical
    assert parse_when(canonical, 2021) == when
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


# -- the CLI reference names every command and option ------------------------------------------

CLI_PAGE = ROOT / "docs" / "reference" / "cli.md"


def cli_sections() -> dict[str, str]:
    """Command name -> its section of the CLI reference."""
    parts = re.split(r"^## `commedu (\w+)`$", CLI_PAGE.read_text(encoding="utf-8"), flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_the_cli_reference_has_a_section_for_every_command_and_no_other() -> None:
    assert sorted(cli_sections()) == sorted(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_cli_reference_documents_every_option(name: str) -> None:
    parser = argparse.ArgumentParser(add_help=False)
    importlib.import_module(COMMANDS[name][0]).configure(parser, "en")
    section = cli_sections()[name]
    for action in parser._actions:
        spellings = action.option_strings or [action.metavar or action.dest.upper()]
        for spelling in spellings:
            assert f"`{spelling}" in section, f"commedu {name}: {spelling} is not documented"
        for choice in action.choices or ():
            assert str(choice) in section, f"commedu {name} {spellings[0]}: choice {choice}"


def test_the_cli_reference_states_every_exit_code() -> None:
    page = CLI_PAGE.read_text(encoding="utf-8")
    for code in (EXIT_OK, EXIT_FAILED, EXIT_USAGE):
        assert f"| `{code}` |" in page


# -- the rule pages are generated from the registry --------------------------------------------


def test_every_rule_gets_a_page_with_its_since_version(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "docs" / "_ext"))
    try:
        ruledocs = importlib.import_module("commedu_ruledocs")
    finally:
        sys.path.remove(str(ROOT / "docs" / "_ext"))
    (tmp_path / "CE999.md").write_text("a rule that no longer exists", encoding="utf-8")
    ruledocs.write_pages(tmp_path)
    codes = [rule.code for rule in rules()]
    assert sorted(p.stem for p in tmp_path.glob("*.md")) == sorted([*codes, "index"])
    for rule in rules():
        page = (tmp_path / f"{rule.code}.md").read_text(encoding="utf-8")
        assert page.startswith(f"# {rule.code} `{rule.name}` — {rule.title('en')}\n")
        assert f"**{rule.title('zh')}**" in page
        assert f"**Since**: commedu {rule.since}" in page
        assert f"**起始版本**: commedu {rule.since}" in page
        assert rule.summary("zh") in page
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert all(f"[{code}]({code}.md)" in index for code in codes)
    assert ruledocs.write_pages(tmp_path) == []  # unchanged pages are not rewritten


def test_a_rule_records_a_version_not_free_text() -> None:
    rule = rules()[0]
    assert rule.since == "0.1.0"
    with pytest.raises(ValueError, match="since"):
        attrs.evolve(rule, since="soon")


# -- the example plan files in the docs are valid ----------------------------------------------

DOC_PLANS = sorted((ROOT / "docs").rglob("*.toml"))


@pytest.mark.parametrize("path", DOC_PLANS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_example_files_in_the_docs_are_valid(path: Path) -> None:
    if path.read_text(encoding="utf-8").startswith("# An example profile"):
        assert load_profile(path).name == path.stem
    else:
        assert load_plan(path).activities


def test_the_docs_ship_a_plan_and_a_profile() -> None:
    names = {p.name for p in DOC_PLANS}
    assert {"qingshi_2022.toml", "yunling-township.toml"} <= names


# -- the plan-file reference names every key ----------------------------------------------------

FORMAT_PAGE = ROOT / "docs" / "reference" / "plan-file-format.md"


def file_keys(cl: type, seen: frozenset[type] = frozenset()) -> set[str]:
    """Every key a plan file may hold, found by walking the reader's own classes."""
    keys: set[str] = set()
    for field in attrs.fields(attrs.resolve_types(cl)):
        keys.add(field.name)
        if field.name == "when":
            continue  # a when is text in a file; its spellings have their own page
        for inner in (field.type, *typing.get_args(field.type)):
            for candidate in (inner, *typing.get_args(inner)):
                # a day part's clock range is text in a file ("15:00-17:00")
                if attrs.has(candidate) and candidate not in seen | {cl, ClockRange}:
                    keys |= file_keys(candidate, seen | {cl})
    return keys


def test_the_plan_file_reference_names_every_key() -> None:
    from commedu.datafile.plan import _PlanDoc

    page = FORMAT_PAGE.read_text(encoding="utf-8")
    keys = file_keys(_PlanDoc)
    assert {"township", "when", "mechanisms", "low", "kind"} <= keys
    missing = sorted(k for k in keys if f"`{k}`" not in page and f"{k} =" not in page)
    assert missing == []
