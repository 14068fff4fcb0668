"""Writes that survive killed runs, long names, read-only files and two exports at once."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import attrs
import pytest

from commedu import ExportError, Plan, to_ics, write_ics, write_split
from commedu._atomic import remove_stale_temporaries, write_bytes
from commedu.cli import EXIT_OK, EXIT_USAGE, main
from commedu.errors import ReadOnlyError

from .conftest import EXAMPLES

STAMP = datetime(2021, 1, 1, tzinfo=UTC)
PLAN_FILE = str(EXAMPLES / "jinshan_2021.toml")
LONG_AGO = time.time() - 3600


def _age(path: Path) -> None:
    os.utime(path, (LONG_AGO, LONG_AGO))


# -- temporaries that a killed export leaves -------------------------------------------------------


def test_a_killed_export_leaves_a_temporary_that_the_next_write_removes(tmp_path: Path) -> None:
    script = (
        "import os, sys\n"
        "from commedu import _atomic\n"
        "os.replace = lambda *a: os._exit(9)  # killed between writing and renaming\n"
        "_atomic.write_bytes(sys.argv[1], b'half')\n"
    )
    target = tmp_path / "plan.ics"
    done = subprocess.run([sys.executable, "-c", script, str(target)], timeout=60, check=False)
    assert done.returncode == 9
    (left,) = (p for p in tmp_path.iterdir() if p.name.startswith(".commedu-"))
    _age(left)  # a temporary is only judged stale after a grace period
    write_bytes(target, b"whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.ics"]
    assert target.read_bytes() == b"whole"


def test_a_young_or_held_temporary_is_left_alone(tmp_path: Path) -> None:
    young = tmp_path / ".commedu-0123456789ab.tmp"
    young.write_bytes(b"being written")
    held = tmp_path / ".commedu-ba9876543210.tmp"
    held.write_bytes(b"being written")
    _age(held)
    fcntl = pytest.importorskip("fcntl")
    with held.open("rb") as stream:
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX)
        remove_stale_temporaries(tmp_path)
    assert young.exists()
    assert held.exists()


def test_only_our_temporaries_are_removed(tmp_path: Path) -> None:
    ours_old_style = tmp_path / ".plan.ics.0123456789ab.tmp"
    theirs = [tmp_path / ".plan.ics.tmp", tmp_path / "notes.0123456789ab.tmp", tmp_path / "a.ics"]
    for path in (ours_old_style, *theirs):
        path.write_bytes(b"x")
        _age(path)
    remove_stale_temporaries(tmp_path)
    assert not ours_old_style.exists()
    assert all(path.exists() for path in theirs)


# -- names, folders and read-only files ------------------------------------------------------------


@pytest.mark.parametrize("length", [240, 255])
def test_a_name_at_the_file_system_limit_can_be_written(tmp_path: Path, length: int) -> None:
    target = tmp_path / ("日" * ((length - 4) // 3) + "x" * ((length - 4) % 3) + ".ics")
    assert len(target.name.encode("utf-8")) == length
    write_bytes(target, b"data")
    write_bytes(target, b"again")
    assert target.read_bytes() == b"again"


def test_a_read_only_file_is_not_replaced(tmp_path: Path, jinshan: Plan) -> None:
    target = tmp_path / "plan.ics"
    target.write_bytes(b"kept")
    target.chmod(0o444)
    with pytest.raises(ReadOnlyError, match="read-only"):
        write_ics(jinshan, target)
    assert target.read_bytes() == b"kept"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.ics"]


def test_the_cli_reports_a_read_only_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.ics"
    target.write_bytes(b"kept")
    target.chmod(0o444)
    assert main(["--lang", "en", "ics", PLAN_FILE, "-o", str(target)]) == EXIT_USAGE
    assert "read-only" in capsys.readouterr().err
    assert target.read_bytes() == b"kept"


def test_a_trailing_slash_names_a_new_folder(tmp_path: Path, jinshan: Plan) -> None:
    folder = tmp_path / "new" / "calendars"
    args = ["ics", PLAN_FILE, "-o", f"{folder}{os.sep}", "--stamp", "2021-01-01T00:00:00Z"]
    args += ["--lang", "zh"]
    assert main(args) == EXIT_OK
    assert (folder / "jinshan-2021.ics").read_bytes() == to_ics(jinshan, stamp=STAMP, lang="zh")


# -- one calendar per department: a whole set at a time ---------------------------------------------


def _listed(folder: Path) -> set[str]:
    index = json.loads((folder / "index.json").read_text("utf-8"))
    return {entry["file"] for entry in index["calendars"]}


def test_a_split_replaces_the_previous_set_whole(tmp_path: Path, jinshan: Plan) -> None:
    folder = tmp_path / "calendars"
    write_split(jinshan, folder, "department", stamp=STAMP)
    first = {p.name for p in folder.iterdir()}
    write_split(jinshan, folder, "department", stamp=STAMP, months=(12, 12))
    second = {p.name for p in folder.iterdir()}
    assert second == _listed(folder) | {"index.json"}
    assert second < first  # December names fewer departments; the others' calendars went
    assert sorted(p.name for p in tmp_path.iterdir()) == ["calendars"]


def test_a_split_into_a_folder_with_other_files_is_refused(tmp_path: Path, jinshan: Plan) -> None:
    (tmp_path / "README.txt").write_text("the clerk's own notes", "utf-8")
    with pytest.raises(ExportError) as caught:
        write_split(jinshan, tmp_path, "department", stamp=STAMP)
    assert [p.code for p in caught.value.problems] == ["split-folder-taken"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.txt"]


def test_two_splits_at_once_never_mix(tmp_path: Path, jinshan: Plan) -> None:
    december = attrs.evolve(
        jinshan, schedule=attrs.evolve(jinshan.schedule, activities=jinshan.activities_in_month(12))
    )
    folder = tmp_path / "calendars"
    errors: list[BaseException] = []

    def export(plan: Plan) -> None:
        try:
            for _ in range(5):
                write_split(plan, folder, "department", stamp=STAMP)
        except BaseException as error:  # pragma: no cover - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=export, args=(p,)) for p in (jinshan, december) * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    present = {p.name for p in folder.iterdir()}
    assert present == _listed(folder) | {"index.json"}
    whole = tmp_path / "whole"
    part = tmp_path / "part"
    write_split(jinshan, whole, "department", stamp=STAMP)
    write_split(december, part, "department", stamp=STAMP)
    assert any(
        {p.name: p.read_bytes() for p in folder.iterdir()}
        == {p.name: p.read_bytes() for p in reference.iterdir()}
        for reference in (whole, part)
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["calendars", "part", "whole"]
