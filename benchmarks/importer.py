"""``commedu import`` of a plan's text grows with the text, shape by shape.

The baseline, timed in the same run and interleaved with the import, is reading the same bytes
into the importer's paragraphs (``read_document_bytes``): decoding and splitting lines, which any
import does before it reads a word. Each shape is a text no real plan is, at the bound of what a
document may hold, because that is where work that grows faster than the text shows: lines
before any heading (a portal page's record, issuer lines), sections with run-on lists, month
paragraphs, a title set over lines again and again, and one paragraph of figures and 《titles》.

    python benchmarks/importer.py [--quick]

Texts of 19,000 and 190,000 characters (``--quick``: 1,900 and 19,000). Growth exponents are
``log(t₂/t₁) / log(n₂/n₁)`` between sizes ten times apart: 1.0 is linear.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from commedu.importer import draft_from_bytes
from commedu.importer.document import read_document_bytes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import exponent, median_time

_NUMERALS = "一二三四五六七八九十"


def _repeat(make: Callable[[int], str], size: int) -> bytes:
    parts: list[str] = []
    length, n = 0, 0
    while length < size:
        part = make(n)
        parts.append(part)
        length += len(part)
        n += 1
    return "".join(parts)[:size].encode()


SHAPES: dict[str, Callable[[int], str]] = {
    "front lines": lambda n: (
        "发文日期: 2023-05-17\n",
        "市教育局、市民政局等四部门印发《某规划》\n",
        "答:1.建设;2.加强\n",
    )[n % 3],
    "sections": lambda n: (
        f"{_NUMERALS[n % 10]}、工作任务{n}\n（{_NUMERALS[n % 10]}）建立制度{n}\n"
        "1.开展培训;2.组织活动;3.加强宣传\n"
    ),
    "month paragraphs": lambda n: (
        f"{n % 12 + 1}月，开展第{n}次社区教育活动，责任部门：社区教育中心。\n"
    ),
    "title lines": lambda n: (
        "关于印发完善泛在可及终身学习服务体系\n打造新时代学习型城市实施方案\n(2025—2027年)的通知\n"
    ),
    "figures": lambda n: f"到2027年,《规划{n}》覆盖率达{n % 100}%,参与人数达{n}万人左右;",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller texts, fewer repeats")
    quick = parser.parse_args().quick
    small, large = (1_900, 19_000) if quick else (19_000, 190_000)
    repeats = 3 if quick else 5
    print(f"commedu import / reading the same text into paragraphs, {small:,} and {large:,} chars")
    for name, make in SHAPES.items():
        times: dict[int, tuple[float, float]] = {}
        for size in (small, large):
            data = _repeat(make, size)
            floor = median_time(partial(read_document_bytes, data, "plan.txt"), repeats)
            full = median_time(partial(draft_from_bytes, data, "plan.txt"), repeats)
            times[size] = (full, floor)
        (s_full, s_floor), (l_full, l_floor) = times[small], times[large]
        print(
            f"  {name:<17} {l_full * 1000:8.1f} ms, ratio {l_full / l_floor:6.1f} at {large:,};"
            f" exponent {exponent(small, large, s_full, l_full):5.2f}"
            f" (baseline {exponent(small, large, s_floor, l_floor):5.2f})"
        )


if __name__ == "__main__":
    main()
