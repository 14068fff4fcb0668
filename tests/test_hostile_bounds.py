"""Hostile inputs of every kind, through the command line, within stated bounds.

Every input must end in exit 0, 1 or 2 with its message, never a traceback, and within the
bounds below; a recurrence expanded without a limit, a parser that backtracks or a bomb
expanded in memory runs into them and is reported as such. The inputs come from
``tests/hostile_corpus.py`` (seeded, so any failure can be made again); one child process runs
a whole batch under the memory bound, each input under the CPU bound.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .hostile_corpus import (
    Case,
    csv_ledger_cases,
    document_cases,
    ledger_cases,
    manifest,
    plan_cases,
    text_cases,
)

#: CPU seconds one input may take: ten times what the slowest ordinary input needs.
CPU_BOUND = 10
#: Address space of the process running a batch: the interpreter and its libraries take ~0.5 GiB.
MEMORY_BOUND = 2 * 1024**3
#: Inputs per kind in CI; the audit ran thousands of each (HOSTILE_INPUTS raises it).
PER_KIND = int(os.environ.get("HOSTILE_INPUTS", "40"))

#: The child: bounds first, then each input through ``commedu.cli.main`` with its own output.
RUNNER = r"""
import contextlib, io, json, resource, signal, sys, traceback
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))

class OverTime(BaseException):
    pass

def over_time(signum, frame):
    raise OverTime()

signal.signal(signal.SIGPROF, over_time)
from commedu.cli import main
folder, cases = sys.argv[1], json.loads(sys.stdin.read())
results = []
for case in cases:
    argv = [a.replace("{{}}", folder + "/" + case["name"]) for a in case["argv"]]
    out, err = io.TextIOWrapper(io.BytesIO(), "utf-8"), io.TextIOWrapper(io.BytesIO(), "utf-8")
    outcome = None
    signal.setitimer(signal.ITIMER_PROF, {cpu})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*argv, "--lang", "en"])
        outcome = ("exit", code)
    except SystemExit as exc:
        outcome = ("exit", exc.code)
    except OverTime:
        outcome = ("over-time", "")
    except MemoryError:
        outcome = ("over-memory", "")
    except BaseException:
        outcome = ("traceback", traceback.format_exc()[-2000:])
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    out.flush()
    err.flush()
    said = (out.buffer.getvalue() + err.buffer.getvalue()).decode("utf-8", "replace")
    results.append({{"name": case["name"], "outcome": outcome, "said": said[-500:]}})
print(json.dumps(results))
"""


def _run(cases: list[Case], folder: Path) -> list[dict[str, object]]:
    for case in cases:
        (folder / case.name).write_bytes(case.data)
    code = RUNNER.format(memory=MEMORY_BOUND, cpu=CPU_BOUND)
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(folder)],
        input=manifest(cases),
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results: list[dict[str, object]] = json.loads(done.stdout.splitlines()[-1])
    return results


KINDS: dict[str, Callable[[int, int], Iterator[Case]]] = {
    "plan files": plan_cases,
    "TOML ledgers": ledger_cases,
    "CSV ledgers": csv_ledger_cases,
    "Word documents": document_cases,
    "plan texts": text_cases,
}


@pytest.mark.parametrize("kind", KINDS)
def test_every_hostile_input_ends_in_a_message_within_the_bounds(kind: str, tmp_path: Path) -> None:
    cases = list(KINDS[kind](PER_KIND, 2026))
    results = _run(cases, tmp_path)
    assert len(results) == len(cases)
    wrong = [r for r in results if r["outcome"] not in (["exit", 0], ["exit", 1], ["exit", 2])]
    assert wrong == [], json.dumps(wrong, ensure_ascii=False, indent=1)[:4000]
    for result in results:
        if result["outcome"] != ["exit", 0]:
            # a refusal says what is wrong; it never ends in Python's own words
            assert result["said"], result["name"]
            assert "Traceback" not in str(result["said"]), result["name"]


def test_the_corpus_is_hostile_enough_to_be_refused(tmp_path: Path) -> None:
    """Most mutated plans must be refused: a corpus that only made valid plans would prove nothing."""
    results = _run(list(plan_cases(PER_KIND, 2026)), tmp_path)
    refused = [r for r in results if r["outcome"] != ["exit", 0]]
    assert len(refused) >= len(results) // 2


def test_the_runner_reports_an_input_over_the_cpu_bound(tmp_path: Path) -> None:
    """The bound is real: an input that would run on is stopped and reported, not waited for."""
    code = RUNNER.format(memory=MEMORY_BOUND, cpu=0.05).replace(
        'code = main([*argv, "--lang", "en"])', "code = sum(i for i in range(10**10))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        input=manifest([Case("x.toml", b"", ("validate", "{}"))]),
        capture_output=True,
        text=True,
        check=True,
    )
    (result,) = json.loads(done.stdout.splitlines()[-1])
    assert result["outcome"] == ["over-time", ""]
