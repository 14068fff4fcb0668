"""SEQUENCE across processes: three servers and two exporters on one store while the plan is edited.

Every process reads the plan file when it likes and revises it in the one revision store. For
every item, whatever process a client asks and whenever, the SEQUENCE it sees never goes down,
each content has exactly one SEQUENCE, and it grows by exactly one per change of content.
"""

from __future__ import annotations

import http.client
import os
import select
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from icalendar import Calendar

from tests.conftest import ROOT
from tests.planedits import without_activities, write

QINGSHI = ROOT / "docs" / "tutorial" / "qingshi_2022.toml"
STORE = ".commedu-revisions.sqlite"
#: No step waits longer than this for every process to see it.
TIMEOUT = 120
EDITED = "m03-1@qingshi-2022.commedu"  # retitled at every step
TOGGLED = "m07-1@qingshi-2022.commedu"  # removed at step 2, back (retitled) at step 4
TITLE = "茶园春管技术培训"
BACK = "暑期青少年公益课堂"
STEPS = 5

#: An observation: UID -> (SEQUENCE, what the item says).
Seen = dict[str, tuple[int, str]]


def read(data: bytes) -> Seen:
    return {
        str(e["UID"]): (int(e["SEQUENCE"]), f"{e['SUMMARY']}|{e.get('STATUS', '')}")
        for e in Calendar.from_ical(data).walk("VEVENT")
    }


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COMMEDU_LANG", "LC_ALL")}
    return env | {"LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "PYTHONUNBUFFERED": "1"}


@contextmanager
def commedu_serve(folder: Path) -> Iterator[str]:
    """``commedu serve`` on the folder in a process of its own; its address."""
    process = subprocess.Popen(
        [sys.executable, "-m", "commedu", "serve", str(folder), "--port", "0"],
        cwd=ROOT,
        env=_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], TIMEOUT)
        assert ready, "commedu serve printed nothing"
        line = process.stdout.readline()
        yield line.split(" at ")[1].split(" ")[0].rstrip(",")
    finally:
        process.kill()
        process.communicate(timeout=TIMEOUT)


def fetch(url: str) -> bytes:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT)
    try:
        connection.request("GET", parts.path)
        response = connection.getresponse()
        body = response.read()
        assert response.status == 200, body
        return body
    finally:
        connection.close()


def export(plan: Path, store: Path, out: Path) -> bytes:
    done = subprocess.run(
        [
            sys.executable,
            *("-m", "commedu", "ics", str(plan), "--revisions", str(store), "-o", str(out)),
        ],
        cwd=ROOT,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


class Observers:
    """Threads asking each process again and again, keeping what each saw, in order."""

    def __init__(self, sources: dict[str, Callable[[], bytes]]) -> None:
        self.sources = sources
        self.seen: dict[str, list[Seen]] = {name: [] for name in sources}
        self.failures: list[BaseException] = []
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.threads = [
            threading.Thread(target=self._watch, args=(name,), daemon=True) for name in sources
        ]

    def _watch(self, name: str) -> None:
        try:
            while not self.stopping.is_set():
                seen = read(self.sources[name]())
                with self.lock:
                    self.seen[name].append(seen)
        except BaseException as error:  # pragma: no cover - reported by the test
            self.failures.append(error)

    def latest(self, name: str) -> Seen | None:
        with self.lock:
            return self.seen[name][-1] if self.seen[name] else None

    def wait_for(self, wanted: Callable[[Seen], bool]) -> None:
        """Until every process has been seen giving what is wanted."""
        deadline = time.monotonic() + TIMEOUT
        for name in self.sources:
            while True:
                assert not self.failures, self.failures
                latest = self.latest(name)
                if latest is not None and wanted(latest):
                    break
                assert time.monotonic() < deadline, f"{name} never showed the step"
                time.sleep(0.05)


def test_sequence_is_monotone_in_content_order_across_processes(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    plan = folder / "qingshi.toml"
    shutil.copyfile(QINGSHI, plan)
    original = plan.read_text("utf-8")
    with ExitStack() as stack:
        urls = [stack.enter_context(commedu_serve(folder)) for _ in range(3)]
        sources: dict[str, Callable[[], bytes]] = {
            f"server {n}": (lambda url=url: fetch(url + "qingshi/plan.ics"))
            for n, url in enumerate(urls)
        }
        for n in range(2):
            out = tmp_path / f"export{n}.ics"
            sources[f"exporter {n}"] = lambda out=out: export(plan, folder / STORE, out)
        observers = Observers(sources)
        for thread in observers.threads:
            thread.start()
        try:
            observers.wait_for(lambda seen: seen[EDITED][1].startswith(f"{TITLE}|"))
            for step in range(1, STEPS + 1):
                text = original.replace(TITLE, f"{TITLE}（第{step}版）")
                if step in (2, 3):
                    text = without_activities(text, "m07-1")
                elif step > 3:  # back, and said differently: a content it never had
                    text = text.replace(BACK, f"{BACK}（恢复）")
                write(plan, text, atomic=True)
                title = f"{TITLE}（第{step}版）|"
                observers.wait_for(lambda seen, title=title: seen[EDITED][1] == title)
        finally:
            observers.stopping.set()
            for thread in observers.threads:
                thread.join(TIMEOUT)
    assert not observers.failures, observers.failures

    # Each content has one SEQUENCE, whoever served it and whenever.
    sequences: dict[tuple[str, str], set[int]] = {}
    for seen in (s for kept in observers.seen.values() for s in kept):
        for uid, (sequence, content) in seen.items():
            sequences.setdefault((uid, content), set()).add(sequence)
    assert {key: found for key, found in sequences.items() if len(found) > 1} == {}
    # It grew by exactly one per change: step k's title is SEQUENCE k …
    for step in range(1, STEPS + 1):
        assert sequences[(EDITED, f"{TITLE}（第{step}版）|")] == {step}
    assert sequences[(EDITED, f"{TITLE}|")] == {0}
    # … the removal was one change and the return another …
    toggled = {content: found for (uid, content), found in sequences.items() if uid == TOGGLED}
    assert toggled == {f"{BACK}|": {0}, f"{BACK}|CANCELLED": {1}, f"{BACK}（恢复）|": {2}}
    # … and every untouched item kept 0.
    untouched = {uid for uid, _ in sequences} - {EDITED, TOGGLED}
    assert {max(sequences[key]) for key in sequences if key[0] in untouched} == {0}
    # No process ever showed an item's SEQUENCE going down.
    for name, kept in observers.seen.items():
        for uid in (EDITED, TOGGLED):
            shown = [seen[uid][0] for seen in kept if uid in seen]
            assert shown == sorted(shown), name
    assert all(len(kept) >= STEPS for kept in observers.seen.values())
