"""The house: which room may import which, and no import cycle anywhere.

Imports are read from the source (``ast``), type-checking-only ones included: a cycle that only
the type checker sees is still a design cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "commedu"

#: The foundation every room may use; it imports nothing else of ours.
FOUNDATION = frozenset(
    {"errors", "_messages", "_atomic", "_tomlguard", "_typecheck", "_version", "_page"}
)

#: What each room may import besides the foundation and itself.
ALLOWED: Mapping[str, frozenset[str]] = {
    "model": frozenset(),
    # every file a user hands us: plans, ledgers and profiles read into the model and written back
    "datafile": frozenset({"model"}),
    "importer": frozenset({"model"}),
    # only to read its bundled and named profiles through the one data-file chain
    "compliance": frozenset({"model", "datafile"}),
    "calendar": frozenset({"model"}),
    "report": frozenset({"model", "datafile", "compliance", "calendar"}),
    "web": frozenset({"model", "datafile", "compliance", "calendar", "report"}),
    "cli": frozenset(
        {
            "model",
            "datafile",
            "importer",
            "compliance",
            "calendar",
            "report",
            "web",
        }
    ),
}

#: The package's own ``__init__`` is the public facade: it may load any room but the CLI.
FACADE_ALLOWED = frozenset(ALLOWED) - {"cli"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, source: str, known: Mapping[str, Path]) -> Iterator[str]:
    """The commedu modules a file's source imports, resolved to modules that exist."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            targets = [f"{base}.{alias.name}" for alias in node.names]
            targets.append(base)
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target.startswith("commedu") and target != name:
                yield target


def graph() -> dict[str, set[str]]:
    known = modules()
    return {
        name: set(imports(path, path.read_text("utf-8"), known)) for name, path in known.items()
    }


def room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def cycles(edges: Mapping[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def violations(edges: Mapping[str, set[str]]) -> list[str]:
    found = []
    for source, targets in sorted(edges.items()):
        here = room(source)
        for target in sorted(targets):
            there = room(target)
            if there == here or (there in FOUNDATION and target != "commedu"):
                continue
            if here == "":  # the facade, commedu/__init__.py
                allowed = FACADE_ALLOWED
            elif here == "__main__":  # python -m commedu
                allowed = frozenset({"cli"})
            elif here in FOUNDATION:
                allowed = frozenset()
            else:
                allowed = ALLOWED.get(here, frozenset())
            if there not in allowed:
                found.append(f"{source} imports {target}")
    return found


def test_every_room_is_known() -> None:
    rooms = {room(m) for m in modules()} - {""}
    assert rooms <= set(ALLOWED) | FOUNDATION | {"__main__"}, rooms - set(ALLOWED) - FOUNDATION


def test_imports_point_one_way() -> None:
    assert violations(graph()) == []


def test_no_import_cycle() -> None:
    assert cycles(graph()) == []


#: The data-file room's chain, which every reader shares: it knows no shape of any file.
DATAFILE_CHAIN = frozenset(
    f"commedu.datafile.{name}" for name in ("decode", "syntax", "convert", "locate", "names")
)


def chain_violations(edges: Mapping[str, set[str]]) -> list[str]:
    """Imports from the shared chain to anything of ours but the foundation and itself."""
    return [
        f"{source} imports {target}"
        for source in sorted(DATAFILE_CHAIN & set(edges))
        for target in sorted(edges[source])
        if room(target) not in FOUNDATION and target not in DATAFILE_CHAIN
    ]


def test_the_data_file_chain_knows_no_file_shape() -> None:
    assert chain_violations(graph()) == []
    assert set(modules()) >= DATAFILE_CHAIN


@pytest.mark.parametrize(
    "target", ["commedu.model.plan", "commedu.datafile.plan", "commedu.datafile.ledger"]
)
def test_a_chain_module_reading_a_shape_is_found(target: str) -> None:
    edges = {"commedu.datafile.convert": {target, "commedu.errors"}}
    assert chain_violations(edges) == [f"commedu.datafile.convert imports {target}"]


def test_nothing_imports_the_cli() -> None:
    importers = {s for s, ts in graph().items() if any(room(t) == "cli" for t in ts)}
    assert {s for s in importers if room(s) != "cli"} == {"commedu.__main__"}


# -- the checks themselves catch what they are for -------------------------------------------------


def test_a_cycle_is_found() -> None:
    edges = {"commedu.a": {"commedu.b"}, "commedu.b": {"commedu.c"}, "commedu.c": {"commedu.a"}}
    assert cycles(edges) == [["commedu.a", "commedu.b", "commedu.c"]]
    assert cycles({"commedu.a": {"commedu.b"}, "commedu.b": set()}) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("commedu.model.plan", "commedu.compliance.engine"),
        ("commedu.compliance.engine", "commedu.calendar.ics"),
        ("commedu.calendar.ics", "commedu.compliance.report"),
        ("commedu.datafile.plan", "commedu.cli"),
        ("commedu.errors", "commedu.model.parts"),
        ("commedu.datafile.plan", "commedu.compliance.engine"),
        ("commedu.datafile.ledger", "commedu.report.inspection"),
        ("commedu.model.ledger", "commedu.datafile.ledger"),
        ("commedu.calendar.ics", "commedu.datafile.syntax"),
        ("commedu", "commedu.cli"),
    ],
)
def test_a_wrong_direction_is_found(source: str, target: str) -> None:
    assert violations({source: {target}}) == [f"{source} imports {target}"]


def test_relative_and_type_checking_imports_are_read() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from . import when\n"
        "if TYPE_CHECKING:\n"
        "    from commedu.compliance.engine import check\n"
    )
    found = set(imports(PACKAGE / "model" / "plan.py", source, modules()))
    assert found == {"commedu.model", "commedu.model.when", "commedu.compliance.engine"}
