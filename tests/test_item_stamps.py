"""An item's DTSTAMP is its own last change, and a served item links to its plan's page."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import attrs

from commedu import RevisionStore, load_plan, to_ics
from commedu.model.parts import Schedule
from commedu.web.app import make_app

ROOT = Path(__file__).resolve().parents[1]
JINSHAN = ROOT / "examples" / "jinshan_2021.toml"


def _items(data: bytes) -> dict[str, bytes]:
    text = data.replace(b"\r\n ", b"")
    events = re.findall(rb"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", text, flags=re.S)
    return {re.search(rb"UID:(\S+)", e)[1].decode(): e for e in events}  # type: ignore[index]


def test_an_edit_to_one_item_leaves_every_other_items_bytes_alone(tmp_path: Path) -> None:
    store = RevisionStore(tmp_path / "store.sqlite")
    plan = load_plan(JINSHAN)
    first = store.revise(plan, now=datetime(2021, 1, 1, tzinfo=UTC))
    before = _items(to_ics(plan, revisions=first, stamp=datetime(2021, 1, 1, tzinfo=UTC)))
    edited = list(plan.activities)
    edited[3] = attrs.evolve(edited[3], title=edited[3].title + "（改）")
    plan = attrs.evolve(plan, schedule=Schedule(tuple(edited), plan.schedule.title))
    later = datetime(2021, 3, 1, tzinfo=UTC)
    after = _items(to_ics(plan, revisions=store.revise(plan, now=later), stamp=later))
    changed = {uid for uid in before if before[uid] != after[uid]}
    assert changed == {next(uid for uid in after if uid.startswith(f"{edited[3].id}@"))}
    assert b"DTSTAMP:20210301T000000Z" in after[next(iter(changed))]


def test_a_served_item_links_to_its_plans_page_at_the_public_or_asked_address(
    tmp_path: Path,
) -> None:
    shutil.copy(JINSHAN, tmp_path / "jinshan.toml")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/jinshan/plan.ics",
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "wsgi.url_scheme": "http",
    }
    known = make_app(tmp_path, base_url="https://feeds.example.cn/edu")
    body = b"".join(known(environ, lambda status, headers: None))
    urls = set(re.findall(rb"\r\nURL:(\S+)", body))
    assert urls == {b"https://feeds.example.cn/edu/jinshan/"}
    assert body.count(b"\r\nURL:") == body.count(b"BEGIN:VEVENT")
    # Without a public address, the one the request came to (SERVER_NAME and SERVER_PORT here).
    asked = b"".join(make_app(tmp_path)(environ, lambda status, headers: None))
    assert set(re.findall(rb"\r\nURL:(\S+)", asked)) == {b"http://127.0.0.1:8000/jinshan/"}
    assert asked.count(b"\r\nURL:") == asked.count(b"BEGIN:VEVENT")
