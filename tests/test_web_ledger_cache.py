"""The served page reads a plan's ledger again only when the ledger's file changed."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import attrs
import pytest

from commedu.model.ledger import Ledger
from commedu.model.plan import Plan
from commedu.web import folder as folder_module
from commedu.web.app import FeedServer
from commedu.web.folder import PlanFolder
from tests.conftest import EXAMPLES
from tests.webserver import call

HOUR_NS = 3600 * 1_000_000_000


def settle(path: Path) -> None:
    """Date the file an hour back, so its times are trusted to show the next write."""
    then = time.time_ns() - HOUR_NS
    os.utime(path, ns=(then, then))


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    shutil.copyfile(EXAMPLES / "jinshan_2021.toml", tmp_path / "jinshan.toml")
    shutil.copyfile(EXAMPLES / "jinshan_2021_ledger.toml", tmp_path / "jinshan.ledger.toml")
    settle(tmp_path / "jinshan.toml")
    settle(tmp_path / "jinshan.ledger.toml")
    return tmp_path


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the ledger files parsed, in order."""
    seen: list[str] = []
    real = folder_module.ledger_from_bytes

    def counting(data: bytes, suffix: str, plan: Plan, name: str) -> Ledger:
        seen.append(name)
        return real(data, suffix, plan, name)

    monkeypatch.setattr(folder_module, "ledger_from_bytes", counting)
    return seen


def records_gone(path: Path) -> None:
    text = path.read_text("utf-8")
    path.write_text(text[: text.index("[[records]]")], "utf-8")


def test_an_unchanged_ledger_is_parsed_once(plans: Path, parses: list[str]) -> None:
    folder = PlanFolder(plans)
    file = folder.files()[0]
    plan = folder.version(file).plan
    assert plan is not None
    first = folder.ledger(file, plan)
    second = folder.ledger(file, plan)
    assert first is not None
    assert second is first
    assert parses == ["jinshan.ledger.toml"]
    assert len(first.ledger.records) > 0


def test_an_edited_ledger_is_read_again(plans: Path, parses: list[str]) -> None:
    folder = PlanFolder(plans)
    file = folder.files()[0]
    plan = folder.version(file).plan
    assert plan is not None
    before = folder.ledger(file, plan)
    records_gone(plans / "jinshan.ledger.toml")
    settle(plans / "jinshan.ledger.toml")
    after = folder.ledger(file, plan)
    assert before is not None
    assert after is not None
    assert after.ledger.records == ()
    assert after.digest != before.digest
    assert len(parses) == 2


def test_a_touched_ledger_with_the_same_bytes_is_not_parsed_again(
    plans: Path, parses: list[str]
) -> None:
    folder = PlanFolder(plans)
    file = folder.files()[0]
    plan = folder.version(file).plan
    assert plan is not None
    before = folder.ledger(file, plan)
    now = time.time_ns()
    os.utime(plans / "jinshan.ledger.toml", ns=(now, now))  # a new time, within the settling
    assert folder.ledger(file, plan) is before
    assert folder.ledger(file, plan) is before
    assert len(parses) == 1


def test_a_ledger_is_parsed_again_for_another_plan(plans: Path, parses: list[str]) -> None:
    folder = PlanFolder(plans)
    file = folder.files()[0]
    plan = folder.version(file).plan
    assert plan is not None
    folder.ledger(file, plan)
    other = attrs.evolve(plan)
    assert other == plan
    assert other is not plan
    folder.ledger(file, other)
    assert len(parses) == 2


def test_a_ledger_that_is_not_the_plans_is_remembered_as_none(
    plans: Path, parses: list[str]
) -> None:
    (plans / "jinshan.ledger.toml").write_text('plan_id = "other-2021"\nyear = 2021\n', "utf-8")
    settle(plans / "jinshan.ledger.toml")
    folder = PlanFolder(plans)
    file = folder.files()[0]
    plan = folder.version(file).plan
    assert plan is not None
    assert folder.ledger(file, plan) is None
    assert folder.ledger(file, plan) is None
    assert len(parses) == 1


def request(app: FeedServer, path: str) -> tuple[str, bytes]:
    line, _, body = call(app, path)
    return line, body


def test_the_served_page_parses_the_ledger_once_and_follows_an_edit(
    plans: Path, parses: list[str]
) -> None:
    app = FeedServer(plans, lang="zh")
    status, page = request(app, "/jinshan/")
    assert status.startswith("200")
    assert "完成进度".encode() in page
    for _ in range(3):
        assert request(app, "/jinshan/") == (status, page)
    assert parses == ["jinshan.ledger.toml"]
    records_gone(plans / "jinshan.ledger.toml")
    settle(plans / "jinshan.ledger.toml")
    status, edited = request(app, "/jinshan/")
    assert status.startswith("200")
    assert edited != page
    assert request(app, "/jinshan/")[1] == edited
    assert len(parses) == 2


def test_a_page_made_from_an_old_ledger_is_not_kept(plans: Path, parses: list[str]) -> None:
    app = FeedServer(plans, lang="zh")
    ledger = plans / "jinshan.ledger.toml"
    text = ledger.read_text("utf-8")
    pages = []
    for content in (text[: text.index("[[records]]")], text, text[: text.index("[[records]]")]):
        ledger.write_text(content, "utf-8")
        settle(ledger)
        pages.append(request(app, "/jinshan/")[1])
    assert pages[0] == pages[2] != pages[1]
    assert len(parses) == 3
    file = app.folder.files()[0]
    built = app.folder.version(file).built
    (key,) = built  # only the latest page is kept
    assert (key[:2], key[3]) == (("page", "zh"), "ledger")
    assert built[key][1] == request(app, "/jinshan/")[1]


def test_a_ledger_that_links_outside_the_folder_is_not_read(
    plans: Path, tmp_path_factory: pytest.TempPathFactory, parses: list[str]
) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "ledger.toml"
    shutil.copyfile(EXAMPLES / "jinshan_2021_ledger.toml", outside)
    (plans / "jinshan.ledger.toml").unlink()
    (plans / "jinshan.ledger.toml").symlink_to(outside)
    folder = PlanFolder(plans)
    file = folder.files()[0]
    plan = folder.version(file).plan
    assert plan is not None
    assert folder.ledger(file, plan) is None
    assert parses == []
