"""`import commedu` stays light: what only a command needs loads when it is first used."""

from __future__ import annotations

import subprocess
import sys

import pytest

import commedu

HEAVY = ("cattrs", "icalendar", "tomli_w", "importlib.metadata")


def _modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


@pytest.mark.parametrize("code", ["import commedu", "from commedu.cli import main"])
def test_importing_commedu_loads_no_subcommand_dependency(code: str) -> None:
    loaded = _modules_after(code)
    assert {m for m in loaded if m.split(".")[0] in HEAVY or m in HEAVY} == set()


@pytest.mark.parametrize("code", ["import commedu", "from commedu.cli import main"])
def test_importing_commedu_builds_no_part_of_the_model(code: str) -> None:
    # the model's classes and its *when* grammar are most of a command's start-up: `--version`
    # and `import commedu` must not pay for them
    loaded = _modules_after(code)
    assert {m for m in loaded if m.startswith("commedu.model")} == set()


def test_a_model_name_loads_the_model_on_first_use() -> None:
    loaded = _modules_after("import commedu\ncommedu.Plan")
    assert "commedu.model.plan" in loaded
    assert "cattrs" not in loaded


def test_a_lazy_name_loads_its_module_on_first_use() -> None:
    loaded = _modules_after("import commedu\ncommedu.load_plan")
    assert "cattrs" in loaded
    assert "icalendar" not in loaded


@pytest.mark.parametrize("name", commedu.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(commedu, name) is not None
    assert name in dir(commedu)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'lod_plan'"):
        commedu.lod_plan  # type: ignore[attr-defined]  # noqa: B018
