"""A plan's identity: an id spelt from the township's name, the stand-in reported, one id per folder.

Calendar UIDs are ``<activity id>@<plan id>.commedu``: two townships that keep the starter's
``township-2024`` publish each other's events, and two files with one id in a served folder
would share revision records.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu import load_plan
from commedu.cli import EXIT_OK, main
from commedu.compliance.engine import check
from commedu.compliance.examples import example_plan
from commedu.datafile.plan import loads_plan
from commedu.datafile.starter import starter_plan
from commedu.model.checks import check_id
from commedu.model.placeholders import MAX_ID_STEM, find_placeholders, is_placeholder_id, plan_id
from commedu.web.folder import PlanFolder
from commedu.web.pages import Listed, index_page, problems_page
from tests.conftest import EXAMPLES

# -- an id from the name ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("青石镇", "qingshizhen-2022"),
        ("东关街道", "dongguanjiedao-2022"),
        ("长乐镇", "changlezhen-2022"),  # 长 read as chang in a place name, from the phrase
        ("重庆路社区", "chongqinglushequ-2022"),
        ("绿水镇", "lvshuizhen-2022"),  # ü is written v: the id stays ASCII
        ("Ｑ镇", "qzhen-2022"),  # a full-width letter is a letter
        ("Green Town", "green-town-2022"),
        ("金山镇（试点）", "jinshanzhen-shidian-2022"),
    ],
)
def test_the_id_is_the_names_pinyin_and_the_year(name: str, expected: str) -> None:
    assert plan_id(name, 2022) == expected


def test_a_name_with_nothing_to_spell_gives_the_stand_in_that_validate_reports() -> None:
    assert plan_id("☃ ☃", 2024) == "township-2024"
    assert is_placeholder_id(plan_id("☃ ☃", 2024))


def test_a_long_name_gives_a_bounded_id() -> None:
    found = plan_id("青石" * 100, 2022)
    assert found.endswith("-2022")
    assert len(found) <= MAX_ID_STEM + len("-2022")


@given(st.text(max_size=80), st.integers(1900, 2999))
def test_every_name_gives_a_valid_id(name: str, year: int) -> None:
    found = plan_id(name, year)
    assert check_id(found, "x") is None
    assert found.endswith(f"-{year}")


def test_init_writes_the_townships_own_id(tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    assert main(["init", "--township", "青石镇", "--year", "2022", "-o", str(target)]) == EXIT_OK
    assert load_plan(target).id == "qingshizhen-2022"
    assert 'id = "qingshizhen-2022"' in target.read_text(encoding="utf-8")


# -- the stand-in id is a placeholder -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("township-2024", True), ("township-1999", True), ("township-24", False)],
)
def test_only_the_starters_shape_is_a_stand_in(value: str, expected: bool) -> None:
    assert is_placeholder_id(value) is expected
    assert is_placeholder_id(f"qingshi{value}") is False


def test_the_stand_in_id_is_found_first_and_fails_ce106() -> None:
    plan = attrs.evolve(example_plan(), id="township-2021")
    assert find_placeholders(plan)[0] == ("id", "township-2021")
    result = check(plan, select=["CE106"]).result("CE106")
    assert [f.path for f in result.findings] == ["id"]
    assert "township-2021" in result.findings[0].message.zh
    assert find_placeholders(example_plan()) == ()


def _stand_in_file(tmp_path: Path) -> Path:
    text = starter_plan("青石镇", 2022).replace('id = "qingshizhen-2022"', 'id = "township-2022"')
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_reports_the_stand_in_id_with_its_line_and_the_id_to_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _stand_in_file(tmp_path)
    line = path.read_text(encoding="utf-8").splitlines().index('id = "township-2022"') + 1
    assert main(["--lang", "en", "validate", "--format", "json", str(path)]) == EXIT_OK
    (checked,) = json.loads(capsys.readouterr().out)["files"]
    found = [p for p in checked["problems"] if p["code"] == "hint-placeholder-id"]
    assert [(p["path"], p["line"], p["severity"]) for p in found] == [("id", line, "warning")]
    assert "'qingshizhen-2022'" in found[0]["message"]
    assert main(["--lang", "zh", "validate", str(path)]) == EXIT_OK
    said = capsys.readouterr().out
    assert "占位标识" in said
    assert "'qingshizhen-2022'" in said


def test_the_starter_itself_has_no_stand_in_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(starter_plan("青石镇", 2022), encoding="utf-8")
    assert main(["--lang", "en", "validate", "--format", "json", str(path)]) == EXIT_OK
    (checked,) = json.loads(capsys.readouterr().out)["files"]
    assert "hint-placeholder-id" not in {p["code"] for p in checked["problems"]}


# -- one id per served folder ---------------------------------------------------------------------


def _two_with_one_id(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(EXAMPLES / "jinshan_2021.toml", folder / "a.toml")
    shutil.copy(EXAMPLES / "jinshan_2021.toml", folder / "b.toml")
    return folder


def test_a_second_plan_with_the_same_id_is_refused_naming_both_files(tmp_path: Path) -> None:
    served = PlanFolder(_two_with_one_id(tmp_path))
    first, second = served.files()
    assert served.version(first).plan is not None
    refused = served.version(second)
    assert refused.plan is None
    (problem,) = refused.problems
    assert problem.code == "serve-same-id"
    assert problem.params == {"value": "jinshan-2021", "first": "a.toml", "second": "b.toml"}
    for lang in ("en", "zh"):
        said = problem.message(lang)
        assert "a.toml" in said
        assert "b.toml" in said
    page = problems_page(second.name, refused.problems, "/").decode()
    assert "a.toml" in page
    assert "b.toml" in page
    # the first keeps being served; asking again gives the same answer
    assert served.version(first).plan is not None
    assert served.version(second).plan is None


def test_the_refused_file_is_listed_as_unreadable_on_the_index(tmp_path: Path) -> None:
    served = PlanFolder(_two_with_one_id(tmp_path))
    listed = [Listed(f, served.version(f).plan) for f in served.files()]
    assert [entry.plan is None for entry in listed] == [False, True]
    assert "b.toml" in index_page(listed, "http://localhost/", "en").decode()


def test_the_refused_file_shares_no_revisions(tmp_path: Path) -> None:
    served = PlanFolder(_two_with_one_id(tmp_path))
    first, second = served.files()
    before = dict(served.version(first).revisions)
    plan = load_plan(served.root / "b.toml")
    changed = attrs.evolve(
        plan.activities[0], title=plan.activities[0].title + "（调整）"
    )  # an edit in the refused file
    text = (served.root / "b.toml").read_text(encoding="utf-8")
    (served.root / "b.toml").write_text(
        text.replace(plan.activities[0].title, changed.title, 1), encoding="utf-8"
    )
    assert served.version(second).plan is None
    assert served.store.revise(load_plan(served.root / "a.toml")) == before


def test_when_the_first_file_goes_the_second_is_served(tmp_path: Path) -> None:
    served = PlanFolder(_two_with_one_id(tmp_path))
    first, second = served.files()
    served.version(first)
    assert served.version(second).plan is None
    (served.root / "a.toml").unlink()
    (only,) = served.files()
    assert only == second
    assert served.version(second).plan is not None


def test_when_the_first_file_takes_another_id_the_second_is_served(tmp_path: Path) -> None:
    served = PlanFolder(_two_with_one_id(tmp_path))
    first, second = served.files()
    served.version(first)
    assert served.version(second).plan is None
    path = served.root / "a.toml"
    text = path.read_text(encoding="utf-8").replace('id = "jinshan-2021"', 'id = "jinshan-2021b"')
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(0, 0))  # a new signature, long settled: read again now
    renamed = served.version(first).plan
    assert renamed is not None
    assert renamed.id == "jinshan-2021b"
    assert served.version(second).plan is not None


def test_when_the_first_file_breaks_the_second_is_served(tmp_path: Path) -> None:
    served = PlanFolder(_two_with_one_id(tmp_path))
    first, second = served.files()
    served.version(first)
    assert served.version(second).plan is None
    path = served.root / "a.toml"
    path.write_text('id = "broken\n', encoding="utf-8")
    os.utime(path, ns=(0, 0))
    assert served.version(first).plan is None  # its own problems now
    assert served.version(second).plan is not None


def test_plans_with_their_own_ids_are_all_served(tmp_path: Path) -> None:
    folder = _two_with_one_id(tmp_path)
    text = (folder / "b.toml").read_text(encoding="utf-8")
    (folder / "b.toml").write_text(
        text.replace('id = "jinshan-2021"', 'id = "jinshan-2021-copy"'), encoding="utf-8"
    )
    served = PlanFolder(folder)
    assert all(served.version(f).plan is not None for f in served.files())
    assert loads_plan((folder / "b.toml").read_text(encoding="utf-8")).id == "jinshan-2021-copy"
