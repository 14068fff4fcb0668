"""What discovering installed rule plugins once per process saves on every check.

``check`` asks for every rule, including those installed packages publish under the entry-point
group ``commedu.rules``. Finding them reads the metadata of every installed distribution. The
baseline, measured in the same run on the same plan, is the old behaviour: discovery again on
every check (the cache reset before each call). The figure is the ratio of the two medians.

    python benchmarks/plugins.py [--quick]
"""

from __future__ import annotations

import argparse
import sys
from importlib import metadata
from pathlib import Path

import commedu
from commedu.compliance.engine import reset_plugin_rules

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import median_time

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args()
    repeats = 5 if args.quick else 30
    plan = commedu.load_plan(ROOT / "examples" / "jinshan_2021.toml")
    commedu.check(plan)  # warm: profiles read, modules imported, plugins discovered

    def rediscovering() -> object:
        reset_plugin_rules()
        return commedu.check(plan)

    cached = median_time(lambda: commedu.check(plan), repeats)
    baseline = median_time(rediscovering, repeats)
    distributions = sum(1 for _ in metadata.distributions())
    print(
        f"check of the Jinshan plan, {distributions} installed distributions, median of {repeats}:"
    )
    print(f"    plugins discovered once: {cached * 1e3:8.2f} ms")
    print(f"    discovered per check:    {baseline * 1e3:8.2f} ms (the baseline)")
    print(f"    ratio once / per check:  {cached / baseline:8.2f} (target < 1.0)")


if __name__ == "__main__":
    main()
