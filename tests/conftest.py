"""Shared fixtures: the shipped example plan, loaded from its file as a user would run it."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

from commedu import Plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
#: The document examples/jinshan_2021.py encodes, kept beside it unchanged.
JINSHAN_SOURCE = EXAMPLES / "jinshan_2021_source.txt"

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def load_example(name: str) -> ModuleType:
    """Import ``examples/<name>.py`` by path; the examples folder is not a package."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def jinshan_module() -> ModuleType:
    return load_example("jinshan_2021")


@pytest.fixture(scope="session")
def jinshan(jinshan_module: ModuleType) -> Plan:
    plan = jinshan_module.build_plan()
    assert isinstance(plan, Plan)
    return plan
