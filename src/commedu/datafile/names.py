"""The one set of verbs, and the older names that lead to them for one more release.

For plans, ledgers and profiles alike: ``load_*`` reads a path, ``loads_*`` reads text (or a
file's bytes), ``dump_*`` writes a path atomically and ``dumps_*`` gives text.
"""

from __future__ import annotations

import warnings

__all__ = ["renamed"]


def renamed(old: str, new: str) -> None:
    """Warn that ``commedu.old`` is deprecated in favour of ``commedu.new``, at the caller's line."""
    warnings.warn(
        f"commedu.{old} is deprecated and will be removed in the next release; use commedu.{new}",
        DeprecationWarning,
        stacklevel=3,
    )
