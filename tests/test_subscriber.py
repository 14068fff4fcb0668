"""A real subscribing client: vdirsyncer reads the served feeds into folders, as a phone would.

vdirsyncer's ``http`` storage fetches a calendar's address and splits it into items; a ``sync``
copies them into a ``filesystem`` storage, one file per item, adding and deleting as the feed
changes. The test edits, removes, breaks and mends the plan the server reads, and checks what
the client holds after each sync.

vdirsyncer 0.21 replaces the UID of every item it reads over ``http`` with a hash of the item
(some servers make up new UIDs on each request), so what the client holds is told apart by its
title here; the titles of the plan are distinct.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from commedu import load_plan
from tests.conftest import ROOT
from tests.planedits import drop_activities, replace, write
from tests.webserver import Running, serving

QINGSHI = ROOT / "docs" / "tutorial" / "qingshi_2022.toml"
VDIRSYNCER = Path(sys.executable).with_name("vdirsyncer")
#: How long the server keeps a removed activity cancelled, in this test.
CANCELLED_FOR = timedelta(seconds=3)

pytestmark = pytest.mark.skipif(not VDIRSYNCER.is_file(), reason="vdirsyncer is not installed")

#: What the client holds of an item: (SEQUENCE, STATUS), by SUMMARY.
Held = dict[str, tuple[int, str]]


class Client:
    """vdirsyncer, configured to subscribe to the whole plan and to one department."""

    def __init__(self, home: Path, server: Running) -> None:
        self.home = home
        self.server = server
        feeds = {"plan": "qingshi/plan.ics", "culture": "qingshi/department/culture-station.ics"}
        sections = [f'[general]\nstatus_path = "{home / "status"}/"\n']
        for name, path in feeds.items():
            (home / name).mkdir(parents=True)
            sections.append(
                f'[pair {name}]\na = "{name}_feed"\nb = "{name}_here"\ncollections = null\n'
                'conflict_resolution = "a wins"\n\n'
                f'[storage {name}_feed]\ntype = "http"\nurl = "{server.base}/{path}"\n'
                "\n"
                f'[storage {name}_here]\ntype = "filesystem"\npath = "{home / name}/"\n'
                'fileext = ".ics"\n'
            )
        self.config = home / "config"
        self.config.write_text("\n".join(sections), encoding="utf-8")
        found = self.run("discover")
        assert found.returncode == 0, found.stdout + found.stderr

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("VDIRSYNCER")}
        env |= {"VDIRSYNCER_CONFIG": str(self.config), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        return subprocess.run(
            [str(VDIRSYNCER), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    def sync(self, *options: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        # vdirsyncer asks for both feeds at once. A request that comes while another is reading
        # an edited file gets the version before, by design (nobody waits for a read), so the
        # server is let read the edit first, as another subscriber's request would make it.
        assert self.server.request("/qingshi/plan.ics").status == 200
        done = self.run("sync", *options)
        assert (done.returncode == 0) == ok, done.stdout + done.stderr
        return done

    def held(self, name: str) -> Held:
        found: Held = {}
        for path in sorted((self.home / name).glob("*.ics")):
            (event,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
            title = str(event["SUMMARY"])
            assert title not in found, f"{title} held twice"
            found[title] = (int(event["SEQUENCE"]), str(event.get("STATUS", "")))
        return found


def test_a_subscriber_follows_edits_removals_and_a_bad_edit(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    path = plans / "qingshi.toml"
    shutil.copyfile(QINGSHI, path)
    plan = load_plan(QINGSHI)
    culture = [a.id for a in plan.schedule.of_department("culture-station")]
    titles = {a.id: a.title for a in plan.activities}
    with serving(plans, cancelled_for=CANCELLED_FOR) as server:
        client = Client(tmp_path / "client", server)
        client.sync()
        first = client.held("plan")
        assert first == {a.title: (0, "") for a in plan.activities}
        assert set(client.held("culture")) == {titles[a] for a in culture}

        # An edit: the item is replaced, one up; nothing else goes up.
        replace(path, "元宵节传统文化进村居活动", "元宵节灯谜会")
        client.sync()
        edited = client.held("plan")
        assert edited.pop("元宵节灯谜会") == (1, "")
        assert edited == {k: v for k, v in first.items() if k != titles["m02-1"]}
        assert client.held("culture")["元宵节灯谜会"] == (1, "")
        titles["m02-1"] = "元宵节灯谜会"

        # A removal: the department's last items stay, cancelled, in both subscriptions.
        drop_activities(path, *culture)
        removed_at = time.monotonic()
        client.sync()
        cancelled = client.held("culture")
        assert set(cancelled) == {titles[a] for a in culture}
        assert {status for _, status in cancelled.values()} == {"CANCELLED"}
        assert cancelled["元宵节灯谜会"] == (2, "CANCELLED")
        assert {k: client.held("plan")[k] for k in cancelled} == cancelled

        # Once the cancellations have had their time, they go from the client too: the
        # department's feed is an empty calendar, not an error. vdirsyncer guards against a
        # feed emptied by mistake and wants to be told that this is meant.
        time.sleep(max(0.0, removed_at + CANCELLED_FOR.total_seconds() + 1 - time.monotonic()))
        refused = client.sync(ok=False)
        assert 'Storage "culture_feed" was completely emptied' in refused.stderr
        client.sync("--force-delete")
        assert client.held("culture") == {}
        kept = client.held("plan")
        assert kept == {a.title: (0, "") for a in plan.activities if a.id not in culture}

        # A bad edit: the client keeps everything, and the sync succeeds.
        text = path.read_text("utf-8")
        write(path, text.replace('title = "茶园春管技术培训"', 'title = "茶园春管技术培训'))
        client.sync()
        assert client.held("plan") == kept

        # Mended, with a change: the change arrives.
        write(path, text.replace("茶园春管技术培训", "茶园春季管理培训"))
        client.sync()
        mended = client.held("plan")
        assert mended.pop("茶园春季管理培训") == (1, "")
        assert mended == {k: v for k, v in kept.items() if k != "茶园春管技术培训"}
