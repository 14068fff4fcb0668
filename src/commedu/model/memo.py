"""Values worked out once per object and forgotten with it, for the model's immutable parts.

A plan or a schedule is asked the same question many times (a page asks for every month, every
served request for the plan's feeds), and its answer cannot change: it is frozen. The answer is
kept by the object's identity, not its hash, because hashing a plan reads the whole plan; a weak
reference lets the answer go when the object does, so what is kept is bounded by what is alive.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["PerObject"]

K = TypeVar("K")
V = TypeVar("V")


class PerObject(Generic[K, V]):
    """``make(owner)``, worked out on first use for each live ``owner``."""

    def __init__(self, make: Callable[[K], V]) -> None:
        self._make = make
        self._found: dict[int, tuple[weakref.ref[K], V]] = {}

    def __call__(self, owner: K) -> V:
        key = id(owner)
        found = self._found.get(key)
        if found is not None and found[0]() is owner:
            return found[1]
        value = self._make(owner)
        self._found[key] = (weakref.ref(owner, lambda _: self._found.pop(key, None)), value)
        return value

    def __contains__(self, owner: object) -> bool:
        found = self._found.get(id(owner))
        return found is not None and found[0]() is owner

    def holds(self, key: int) -> bool:
        """Whether an answer is kept under an identity (for an owner that may be gone)."""
        return key in self._found
