"""A failed write leaves the old file byte-identical and no temporary file behind."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from commedu import Plan, write_ics
from commedu._atomic import write_bytes

OLD = b"BEGIN:VCALENDAR\r\nX-OLD:1\r\nEND:VCALENDAR\r\n"


def _full_disk(*args: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("fails", ["fsync", "replace"])
def test_a_failure_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jinshan: Plan, fails: str
) -> None:
    target = tmp_path / "plan.ics"
    target.write_bytes(OLD)
    monkeypatch.setattr(os, fails, _full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_ics(jinshan, target)
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.ics"]


def test_a_write_that_stops_halfway_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.ics"
    target.write_bytes(OLD)

    class HalfFile:
        """Writes half of what it is given, then the disk is full."""

        def __init__(self, fd: int, mode: str) -> None:
            self.file = open(fd, mode)  # noqa: SIM115

        def __enter__(self) -> HalfFile:
            return self

        def __exit__(self, *exc: object) -> None:
            self.file.close()

        def write(self, data: bytes) -> int:
            self.file.write(data[: len(data) // 2])
            self.file.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", HalfFile)
    with pytest.raises(OSError, match="No space left"):
        write_bytes(target, b"X" * 10_000)
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.ics"]


def test_an_exception_while_building_touches_nothing(tmp_path: Path, jinshan: Plan) -> None:
    target = tmp_path / "plan.ics"
    target.write_bytes(OLD)
    with pytest.raises(ValueError, match="department"):
        write_ics(jinshan, target, departments=["教育局"])
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.ics"]


def test_replacing_keeps_the_files_permissions(tmp_path: Path, jinshan: Plan) -> None:
    target = tmp_path / "plan.ics"
    target.write_bytes(OLD)
    target.chmod(0o644)
    write_ics(jinshan, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_a_symlink_at_the_target_is_replaced_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"keep")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "plan.ics").symlink_to(outside)
    write_bytes(folder / "plan.ics", b"new")
    assert outside.read_bytes() == b"keep"
    assert not (folder / "plan.ics").is_symlink()
    assert (folder / "plan.ics").read_bytes() == b"new"


def test_no_overwrite_keeps_an_existing_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    target.write_bytes(b"old")
    with pytest.raises(FileExistsError):
        write_bytes(target, b"new", overwrite=False)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml"]


def test_no_overwrite_writes_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    write_bytes(target, b"new", overwrite=False)
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml"]
