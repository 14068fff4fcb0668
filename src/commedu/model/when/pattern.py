"""Regular expressions compiled on first use, for the *when* grammar."""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["Pattern"]


class Pattern:
    """A regular expression compiled the first time it is used, not when the module loads.

    The grammar has some fifty patterns and a plan's *when*s use a handful of them: compiling
    them all was a fifth of the cost of importing the model. ``needs`` are characters of which any
    match holds at least one: a text without any is answered without the pattern (``4月`` is
    never a session, which needs a colon), so most patterns are never compiled at all.
    """

    __slots__ = ("_compiled", "_flags", "_needs", "_source")

    def __init__(self, source: str, flags: int = 0, *, needs: str = "") -> None:
        self._source = source
        self._flags = flags
        self._needs = needs
        self._compiled: re.Pattern[str] | None = None

    @property
    def source(self) -> str:
        return self._source

    @property
    def flags(self) -> int:
        return self._flags

    @property
    def compiled(self) -> bool:
        """Whether a text has needed the regular expression yet."""
        return self._compiled is not None

    def _pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def _cannot_match(self, text: str) -> bool:
        return bool(self._needs) and not any(char in text for char in self._needs)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        if self._cannot_match(text):
            return None
        return self._pattern().fullmatch(text)

    def sub(
        self, replacement: str | Callable[[re.Match[str]], str], text: str, count: int = 0
    ) -> str:
        if self._cannot_match(text):
            return text
        return self._pattern().sub(replacement, text, count=count)
