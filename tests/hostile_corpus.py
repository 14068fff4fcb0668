"""Hostile inputs for every file the command line reads, made from a seed.

Each generator mutates a real input (the Jinshan plan, a ledger, a plan's Word document, its
text) the way an audit does: hostile values put in place of real ones, keys dropped or doubled,
bytes cut or flipped, bombs in the formats' own terms. The same seed gives the same files, so
a failure in CI is a file anyone can make again.
"""

from __future__ import annotations

import io
import json
import random
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parents[1]
JINSHAN = (ROOT / "examples" / "jinshan_2021.toml").read_text("utf-8")
LEDGER = (ROOT / "tests" / "ledgers" / "jiuxiao_2022.toml").read_text("utf-8")
LEDGER_PLAN = ROOT / "tests" / "plans" / "jiuxiao_2022.toml"

#: Values an audit puts where a real one was: numbers past every range, text no file can hold,
#: recurrences that never end, names longer than a file system takes, markup and escapes.
HOSTILE_VALUES: tuple[str, ...] = (
    '"1e999999999"',
    "1e999999999",
    "-1",
    "99999999999999999999999",
    '"RRULE:FREQ=SECONDLY;COUNT=20000000"',
    '"2021-03-08T09:00/PT1H RRULE:FREQ=SECONDLY;COUNT=20000000"',
    '"2021-03-08T09:00/PT1H RRULE:FREQ=DAILY;INTERVAL=-1"',
    '"2021-03-08T09:00/PT1H RRULE:FREQ=DAILY;INTERVAL=99999999999999999999"',
    '"2021-03-08T09:00[' + "Z" * 300 + ']/PT1H"',
    '"\\u0001\\u001b[2J"',
    '"' + "名" * 400 + '"',
    '"<script>alert(1)</script>"',
    '"=HYPERLINK(\\"http://x\\")"',
    '"\\ud800"',
    "[[[[[[[[[[1]]]]]]]]]]",
    "{}",
    "[]",
    "true",
    '""',
    '"每周二、四 25:00—26:00"',
    '"2011年11月-2012年2月"',
    '"13月"',
    '"2021-02-30"',
)


@attrs.frozen
class Case:
    """One input: the file to write and the command to run on it (``{}`` is the file)."""

    name: str
    data: bytes
    argv: tuple[str, ...]


def _lines_with_values(text: str) -> list[int]:
    lines = text.split("\n")
    return [i for i, line in enumerate(lines) if re.match(r"^\s*[\w.\"-]+\s*=\s*\S", line)]


def _mutate_toml(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    candidates = _lines_with_values(text)
    for _ in range(rng.randint(1, 3)):
        i = rng.choice(candidates)
        key, _, _ = lines[i].partition("=")
        match rng.randrange(5):
            case 0 | 1:
                lines[i] = f"{key}= {rng.choice(HOSTILE_VALUES)}"
            case 2:
                lines[i] = ""  # a key dropped
            case 3:
                lines.insert(i, lines[i])  # a key doubled
            case _:
                lines[i] = f"{'a.' * rng.choice((40, 3000))}a = 1"  # a key too deep
    return "\n".join(lines)


def _mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    buffer = bytearray(data)
    match rng.randrange(3):
        case 0:
            return bytes(buffer[: rng.randrange(len(buffer))])  # cut short
        case 1:
            for _ in range(rng.randint(1, 16)):
                buffer[rng.randrange(len(buffer))] = rng.randrange(256)
            return bytes(buffer)
        case _:
            at = rng.randrange(len(buffer))
            return bytes(buffer[:at] + rng.choice((b"\xff\xfe", b"\x00" * 64, b"\r")) + buffer[at:])


def plan_cases(n: int, seed: int) -> Iterator[Case]:
    rng = random.Random(seed)
    commands = (("validate", "{}"), ("check", "{}"), ("ics", "{}", "-o", "-"))
    for i in range(n):
        if i % 4 == 3:
            data = _mutate_bytes(JINSHAN.encode(), rng)
        else:
            data = _mutate_toml(JINSHAN, rng).encode("utf-8", "surrogatepass")
        yield Case(f"plan-{i}.toml", data, rng.choice(commands))


def ledger_cases(n: int, seed: int) -> Iterator[Case]:
    rng = random.Random(seed)
    for i in range(n):
        if i % 4 == 3:
            data = _mutate_bytes(LEDGER.encode(), rng)
        else:
            data = _mutate_toml(LEDGER, rng).encode("utf-8", "surrogatepass")
        yield Case(
            f"ledger-{i}.toml",
            data,
            ("check", str(LEDGER_PLAN), "--ledger", "{}", "--as-of", "2022-12-31"),
        )


def csv_ledger_cases(n: int, seed: int) -> Iterator[Case]:
    from commedu.datafile.ledger import loads_ledger
    from commedu.datafile.ledger_write import dumps_ledger
    from commedu.datafile.plan import load_plan

    plan = load_plan(LEDGER_PLAN)
    csv = dumps_ledger(loads_ledger(LEDGER, plan=plan), format="csv")
    rng = random.Random(seed)
    rows = csv.split("\n")
    for i in range(n):
        mutated = list(rows)
        for _ in range(rng.randint(1, 3)):
            j = rng.randrange(1, len(mutated))
            cells = mutated[j].split(",")
            k = rng.randrange(len(cells))
            cells[k] = rng.choice(
                ("²", "1e30", "0.00001", "x" * 140_000, "\r", '"', "=1+1", "-0", "２０２１-１-１")
            )
            mutated[j] = ",".join(cells)
        yield Case(
            f"ledger-{i}.csv",
            "\n".join(mutated).encode(),
            ("check", str(LEDGER_PLAN), "--ledger", "{}", "--as-of", "2022-12-31"),
        )


def _docx(paragraphs: list[str], table: list[list[str]]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=max(len(r) for r in table))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_XML_SAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _text(rng: random.Random) -> str:
    pieces = [
        "一、指导思想",
        "（一）",
        "1.",
        "3月",
        "每周二、四 8:30—11:00",
        "(2018-2020年)",
        "〔2011〕12号",
        "第" * 50,
        "\u202e",
        "\t",
        "x" * 2000,
        "12月底前",
        "2011年11月-2012年2月",
    ]
    return "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))


def document_cases(n: int, seed: int) -> Iterator[Case]:
    rng = random.Random(seed)
    for i in range(n):
        paragraphs = [_XML_SAFE.sub("", _text(rng)) for _ in range(rng.randint(0, 30))]
        table = [
            [_XML_SAFE.sub("", _text(rng)) for _ in range(rng.randint(1, 4))]
            for _ in range(rng.randint(0, 8))
        ]
        data = _docx(paragraphs, table)
        if i % 3 == 2:
            data = _damaged_zip(data, rng)
        yield Case(f"plan-{i}.docx", data, ("import", "{}", "-o", "-"))


def _damaged_zip(data: bytes, rng: random.Random) -> bytes:
    """A .docx whose document part is replaced by something no Word file holds."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename == "word/document.xml":
                body = rng.choice(
                    (
                        body[: len(body) // 2],
                        b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "'
                        + b"x" * 1000
                        + b'">]><a>&b;&b;&b;</a>',
                        body.replace(b'w:val="0"', b'w:val="2000000000"'),
                    )
                )
            target.writestr(item, body)
    return out.getvalue()


def text_cases(n: int, seed: int) -> Iterator[Case]:
    rng = random.Random(seed)
    for i in range(n):
        text = "\n".join(_text(rng) for _ in range(rng.randint(0, 200)))
        encoding = rng.choice(("utf-8", "utf-16", "gb18030", "utf-8-sig"))
        data = text.encode(encoding, "replace")
        if i % 4 == 3:
            data = _mutate_bytes(data or b"x", rng)
        yield Case(f"plan-{i}.txt", data, ("import", "{}", "-o", "-"))


def manifest(cases: list[Case]) -> str:
    return json.dumps([{"name": c.name, "argv": list(c.argv)} for c in cases])
