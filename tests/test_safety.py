"""Nothing in a plan file is executed, imported, opened or fetched.

A plan file comes from anyone. Its strings are filled with code in every syntax we could think of
(Python, shell, templates, YAML tags, format fields) and its ``[source]`` points at local files
and network addresses; then the file is loaded, checked and exported with every way out of the
process — sockets, subprocesses, ``eval``/``exec``, ``os.system`` — made to raise, and an audit
hook records every file opened and every module imported. A canary module that only the plan's
text names must never run.
"""

from __future__ import annotations

import builtins
import os
import socket
import subprocess
import sys
import tomllib
import urllib.request
import zoneinfo
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import tomli_w

import commedu
from commedu import check, dumps_plan, load_plan, to_ics, write_ics
from tests.conftest import EXAMPLES

CANARY = "commedu_safety_canary"
PAYLOADS = (
    f"__import__('{CANARY}')",
    f"import {CANARY}",
    f"$(python -c 'import {CANARY}')",
    f"`python -m {CANARY}`",
    f"; python -m {CANARY} #",
    f"{{{{ {CANARY}.fire() }}}}",
    f"{{% import {CANARY} %}}",
    f"${{{CANARY}}}",
    f"!!python/object/apply:{CANARY}.fire []",
    f"!!python/name:{CANARY}.fire",
    f"{{0.__init__.__globals__[{CANARY}]}}",
    f"<script src='file:///{CANARY}.js'></script>",
)


class Forbidden(AssertionError):
    """Raised by every patched way out of the process."""


_recording: list[tuple[str, tuple[Any, ...]]] | None = None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _recording is not None and event in ("open", "import", "exec", "compile"):
        _recording.append((event, args))


sys.addaudithook(_audit)


@pytest.fixture
def canary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A module that writes a flag file when imported; it is importable but nothing should."""
    folder = tmp_path / "canary"
    folder.mkdir()
    flag = tmp_path / "canary-ran"
    (folder / f"{CANARY}.py").write_text(
        f"from pathlib import Path\nPath({str(flag)!r}).write_text('ran')\ndef fire(): pass\n"
    )
    monkeypatch.syspath_prepend(str(folder))
    return flag


@pytest.fixture
def hostile_plan_file(tmp_path: Path) -> Path:
    """The Jinshan plan file with a payload appended to every free-text field."""

    doc = tomllib.loads((EXAMPLES / "jinshan_2021.toml").read_text(encoding="utf-8"))
    cycle = iter(PAYLOADS * 1000)

    def poison(node: Any, key: str = "") -> Any:
        if isinstance(node, dict):
            return {k: poison(v, k) for k, v in node.items()}
        if isinstance(node, list):
            return [poison(v, key) for v in node]
        if isinstance(node, str) and key in {
            "title",
            "description",
            "guiding_principles",
            "goals",
            "theme",
            "focus",
            "text",
            "target_groups",
            "issuer",
            "city",
            "district",
        }:
            return f"{node} {next(cycle)}"
        return node

    doc = poison(doc)
    doc["source"] = {
        "title": f"file:///etc/passwd {PAYLOADS[0]}",
        "issuer": "http://127.0.0.1:9/issuer",
        "url": "file:///etc/passwd",
    }
    path = tmp_path / "hostile.toml"
    path.write_text(tomli_w.dumps(doc), encoding="utf-8")
    return path


@pytest.fixture
def warmed(tmp_path: Path) -> None:
    """Load, check and export a harmless plan first: code that libraries generate once per process
    (cattrs' structuring functions, for one) is not the plan's doing, so only what follows counts."""
    plan = load_plan(EXAMPLES / "jinshan_2021.toml")
    check(plan).to_text("en")
    write_ics(plan, tmp_path / "warm.ics", stamp=datetime(2021, 1, 1, tzinfo=UTC))
    dumps_plan(plan)


@pytest.fixture
def sealed(
    warmed: None, monkeypatch: pytest.MonkeyPatch
) -> Iterator[list[tuple[str, tuple[Any, ...]]]]:
    """Make every way out raise, and record opens and imports while the test body runs."""
    global _recording

    def forbid(name: str) -> Any:
        def refuse(*args: Any, **kwargs: Any) -> Any:
            raise Forbidden(f"{name} called with {args!r}")

        return refuse

    monkeypatch.setattr(socket.socket, "connect", forbid("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", forbid("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", forbid("socket.create_connection"))
    monkeypatch.setattr(subprocess, "Popen", forbid("subprocess.Popen"))
    monkeypatch.setattr(urllib.request, "urlopen", forbid("urllib.request.urlopen"))
    monkeypatch.setattr("os.system", forbid("os.system"))
    monkeypatch.setattr("os.popen", forbid("os.popen"))
    monkeypatch.setattr(builtins, "eval", forbid("eval"))
    monkeypatch.setattr(builtins, "exec", forbid("exec"))
    monkeypatch.setattr(builtins, "__import__", _guarded_import(builtins.__import__))
    _recording = []
    try:
        yield _recording
    finally:
        _recording = None


def _guarded_import(real: Any) -> Any:
    def guarded(name: str, *args: Any, **kwargs: Any) -> Any:
        if CANARY in name:
            raise Forbidden(f"import of {name}")
        return real(name, *args, **kwargs)

    return guarded


def test_payloads_are_kept_as_text_and_nothing_runs(
    tmp_path: Path, canary: Path, hostile_plan_file: Path, sealed: list[tuple[str, tuple[Any, ...]]]
) -> None:
    stamp = datetime(2021, 1, 1, tzinfo=UTC)
    out = tmp_path / "out"
    out.mkdir()
    plan = load_plan(hostile_plan_file)
    report = check(plan)
    for lang in ("en", "zh"):
        report.to_text(lang)
        report.to_markdown(lang)
        report.to_json(lang)
    data = to_ics(plan, stamp=stamp)
    write_ics(plan, out / "plan.ics", stamp=stamp)
    written = dumps_plan(plan)

    assert not canary.exists(), "the canary module ran"
    assert not any(event == "import" and CANARY in str(args[0]) for event, args in sealed)
    # Nothing outside the plan file, the output folder, commedu's own data (its built-in
    # profiles) and Python's own installation was opened.
    package = str(Path(commedu.__file__).parent)
    allowed = (str(tmp_path), package, sys.prefix, sys.base_prefix, *zoneinfo.TZPATH)
    opened = [
        os.fsdecode(args[0])
        for event, args in sealed
        if event == "open" and isinstance(args[0], str | bytes | os.PathLike)
    ]
    assert str(hostile_plan_file) in opened  # the recording worked
    assert [path for path in opened if not path.startswith(allowed)] == []
    assert not any("passwd" in path for path in opened)
    # The payloads arrived as plain text, unchanged, in the plan and in every output.
    assert plan.source is not None
    assert plan.source.url == "file:///etc/passwd"
    assert any(a.title.endswith(PAYLOADS[0]) for a in plan.activities)
    assert PAYLOADS[0] in written
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8")
    assert f"__import__('{CANARY}')" in unfolded


def test_the_guards_would_notice(sealed: list[tuple[str, tuple[Any, ...]]]) -> None:
    """Each guard really fires, so the test above cannot pass by guarding nothing."""
    with pytest.raises(Forbidden):
        eval("1")
    with pytest.raises(Forbidden):
        exec("x = 1")
    with pytest.raises(Forbidden):
        subprocess.run(["true"], check=False)
    with pytest.raises(Forbidden):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(Forbidden):
        __import__(CANARY)
    Path(__file__).read_bytes()
    assert any(event == "open" and str(args[0]) == __file__ for event, args in sealed)
