"""One set of verbs for plans, ledgers and profiles; the older names warn and still work."""

from __future__ import annotations

from pathlib import Path

import pytest

import commedu
from commedu import (
    dump_ledger,
    dump_plan,
    dumps_ledger,
    dumps_plan,
    load_ledger,
    load_plan,
    load_profile,
    loads_ledger,
    loads_plan,
    loads_profile,
)
from commedu.compliance.actuals import example_ledger
from commedu.compliance.builtin import example_plan
from commedu.datafile.profile import BUILTIN_PROFILES

PLAN = example_plan()
LEDGER = example_ledger()
SHANDONG = Path(commedu.__file__).parent / "profiles" / "shandong-township.toml"


@pytest.mark.parametrize("noun", ["plan", "ledger", "profile"])
def test_each_noun_has_its_verbs(noun: str) -> None:
    for verb in ("load", "loads", "dump", "dumps"):
        assert f"{verb}_{noun}" in commedu.__all__
        assert callable(getattr(commedu, f"{verb}_{noun}"))


@pytest.mark.parametrize(("name", "fmt"), [("p.toml", "toml"), ("p.json", "json"), ("p", "toml")])
def test_dump_plan_writes_a_file_of_the_kind_its_name_says(
    tmp_path: Path, name: str, fmt: str
) -> None:
    path = dump_plan(PLAN, tmp_path / name)
    assert path == tmp_path / name
    assert path.read_text("utf-8") == dumps_plan(PLAN, fmt)  # type: ignore[arg-type]
    assert load_plan(path, fmt) == PLAN  # type: ignore[arg-type]


def test_dump_plan_format_wins_over_the_name_and_overwrite_false_keeps_a_file(
    tmp_path: Path,
) -> None:
    path = dump_plan(PLAN, tmp_path / "plan.txt", "json")
    assert loads_plan(path.read_text("utf-8"), "json") == PLAN
    with pytest.raises(FileExistsError):
        dump_plan(PLAN, path, overwrite=False)
    assert loads_plan(path.read_text("utf-8"), "json") == PLAN


def test_dump_plan_refuses_a_wrong_argument_by_name(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="format"):
        dump_plan(PLAN, tmp_path / "p.toml", "yaml")  # type: ignore[call-overload]


@pytest.mark.parametrize(("args", "fmt"), [((), "toml"), (("toml",), "toml"), (("json",), "json")])
def test_dump_plan_returning_text_is_deprecated(args: tuple[str, ...], fmt: str) -> None:
    with pytest.warns(DeprecationWarning, match="dumps_plan") as caught:
        text = dump_plan(PLAN, *args)
    assert text == dumps_plan(PLAN, fmt)  # type: ignore[arg-type]
    assert caught[0].filename == __file__  # the warning points at the caller


@pytest.mark.parametrize("suffix", [".toml", ".json", ".csv", ".xlsx"])
def test_dump_ledger_and_load_ledger(tmp_path: Path, suffix: str) -> None:
    path = dump_ledger(LEDGER, tmp_path / f"l{suffix}", PLAN)
    assert load_ledger(path, PLAN).records == LEDGER.records
    if suffix != ".xlsx":
        assert loads_ledger(dumps_ledger(LEDGER, suffix[1:]), PLAN, suffix[1:]).records == (
            LEDGER.records
        )
    with pytest.raises(FileExistsError):
        dump_ledger(LEDGER, path, PLAN, overwrite=False)


def test_write_ledger_is_deprecated(tmp_path: Path) -> None:
    with pytest.warns(DeprecationWarning, match="dump_ledger"):
        path = commedu.write_ledger(tmp_path / "l.toml", PLAN, LEDGER)
    assert load_ledger(path, PLAN) == LEDGER
    with pytest.warns(DeprecationWarning, match="dump_ledger"):
        blank = commedu.write_ledger(tmp_path / "blank.toml", PLAN)
    assert load_ledger(blank, PLAN).records == ()


def test_parse_profile_is_deprecated() -> None:
    text = SHANDONG.read_text("utf-8")
    with pytest.warns(DeprecationWarning, match="loads_profile"):
        profile = commedu.parse_profile(text)
    assert profile == loads_profile(text) == load_profile("shandong-township")
    assert loads_profile(SHANDONG.read_bytes()) == profile


@pytest.mark.parametrize("name", BUILTIN_PROFILES)
def test_a_profile_round_trips_through_its_file(tmp_path: Path, name: str) -> None:
    profile = load_profile(name)
    assert loads_profile(commedu.dumps_profile(profile)) == profile
    path = commedu.dump_profile(profile, tmp_path / f"{name}.toml")
    assert load_profile(path) == profile
    with pytest.raises(FileExistsError):
        commedu.dump_profile(profile, path, overwrite=False)


def test_a_written_profile_leaves_out_what_it_does_not_set() -> None:
    text = commedu.dumps_profile(load_profile("henan-elder-education"))
    assert "[staffing]" not in text
    assert "[funding]" not in text
    assert "[targets.elder-participation-share]" in text
