"""What every benchmark here measures with: one timing, and the growth between two sizes."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable


def timed(action: Callable[[], object]) -> float:
    """Seconds ``action`` takes, once."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def median_time(action: Callable[[], object], repeats: int) -> float:
    """The median of ``repeats`` timings of ``action``."""
    return statistics.median(timed(action) for _ in range(repeats))


def exponent(small: int, large: int, t_small: float, t_large: float) -> float:
    """The growth exponent ``log(t₂/t₁) / log(n₂/n₁)``: 1.0 is linear, 2.0 quadratic."""
    return math.log(t_large / t_small) / math.log(large / small)
