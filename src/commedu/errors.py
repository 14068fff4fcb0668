"""The exceptions commedu raises, in one place.

Every error carries *problems*: each names where it is (a dotted path such as
``schedule.activities[3].when``), what is wrong and, where one exists, how to fix it.
Callers can render them in Chinese or English without parsing strings.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Mapping
from typing import Any, Self

import attrs

from commedu._messages import Lang, Term, field_label, is_field_path, render
from commedu._typecheck import define, require

__all__ = [
    "CommeduError",
    "DataFileError",
    "DocumentError",
    "ExportError",
    "LedgerFileError",
    "NotRegularError",
    "PlanError",
    "PlanFileError",
    "Problem",
    "ProfileError",
    "ReadOnlyError",
    "RuleSelectorError",
]


def _as_dict(params: Mapping[str, Any]) -> dict[str, Any]:
    # Anything but a mapping is left for the field's type check to name.
    return dict(params) if isinstance(params, Mapping) else params


@define
class Problem:
    """One thing wrong with a plan, at one place in it."""

    path: str
    code: str
    params: Mapping[str, Any] = attrs.field(factory=dict, converter=_as_dict, hash=False)
    #: where in the file's text (counted from 1, columns in characters), when read from a file
    line: int | None = None
    column: int | None = None

    def message(self, lang: Lang = "en") -> str:
        return render(self.code, lang, **self.params)

    @property
    def value(self) -> Any:
        """The bad value as the plan or file gave it, where the problem is about one value."""
        return self.params.get("value")

    @property
    def suggestion(self) -> str | None:
        """The likely intended value (for a misspelt key, name or choice), if one is close."""
        suggestion = self.params.get("suggestion")
        return None if suggestion is None else str(suggestion)

    def at(self, prefix: str) -> Problem:
        """The same problem seen from an enclosing object whose path to this one is ``prefix``."""
        if not prefix:
            return self
        if not self.path:
            return attrs.evolve(self, path=prefix)
        sep = "" if self.path.startswith("[") else "."
        return attrs.evolve(self, path=f"{prefix}{sep}{self.path}")

    def __str__(self) -> str:
        return self.describe("en")

    def place(self, lang: Lang = "en") -> str:
        """Where the problem is, for a reader: the field in words and, when known, the line and
        column. English keeps the path too, for programs and for searching the file; Chinese
        names the field only (配档表第 21 项的时间, not ``schedule.activities[20].when``).
        """
        line = None
        if self.line is not None:
            line = render("at-line", lang, line=self.line, column=self.column or 1)
        if not self.path:
            return line or render("place-whole-plan", lang)
        if not is_field_path(self.path):
            # Not a plan file's key: a key the user wrote, or a profile's or a ledger's place
            # (a sheet's cell), which its own room names.
            return render("place-key-line", lang, path=self.path, line=line) if line else self.path
        label = field_label(self.path, lang)
        if line:
            return render("place-field-line", lang, label=label, path=self.path, line=line)
        return render("place-field", lang, label=label, path=self.path)

    def describe(self, lang: Lang = "en") -> str:
        return render("place-problem", lang, place=self.place(lang), message=self.message(lang))


class CommeduError(Exception):
    """The base of every error commedu raises about what it was given.

    ``describe(lang)`` says what is wrong in English or Chinese. The branches::

        CommeduError
        ├── PlanError          a plan, or a part of one, breaks the model's rules
        ├── DataFileError      a data file could not be read into a value
        │   ├── PlanFileError  … a plan file
        │   ├── LedgerFileError … a ledger file (.xlsx, CSV, TOML, JSON)
        │   └── ProfileError   … a standard profile, by file or by name
        ├── ExportError        an export asked for what the plan cannot give
        ├── DocumentError      a document to import cannot be read at all
        └── RuleSelectorError  a rule selector that selects nothing

    All but :class:`DocumentError` are also :class:`ValueError`, as they always were.
    """

    def describe(self, lang: Lang = "en") -> str:  # pragma: no cover - every branch says its own
        return str(self)


class _ProblemsError(CommeduError, ValueError):
    """An error that carries its problems, each with its place and message code."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        if isinstance(problems, Iterable) and not isinstance(problems, str | bytes | Mapping):
            problems = tuple(problems)
        require(type(self).__name__, "problems", problems, tuple[Problem, ...])
        self.problems: tuple[Problem, ...] = tuple(problems)
        if not self.problems:
            raise ValueError(f"{type(self).__name__} needs at least one problem")
        super().__init__(self.describe("en"))

    def describe(self, lang: Lang = "en") -> str:
        return "\n".join(p.describe(lang) for p in self.problems)

    def at(self, prefix: str) -> Self:
        """Re-root every problem under ``prefix`` (used when the error is seen from a container)."""
        return type(self)(p.at(prefix) for p in self.problems)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems,))


class PlanError(_ProblemsError):
    """A plan, or a part of one, breaks the rules of the model."""


class DataFileError(_ProblemsError):
    """A data file could not be read into a value; ``source`` names the file (or the name asked for).

    ``unreadable`` is true when the file could not be read at all (missing, a directory, no
    permission), as opposed to read and found wrong: command lines exit 2 for the first, 1 for the
    second.
    """

    def __init__(
        self, problems: Iterable[Problem], source: str | None = None, *, unreadable: bool = False
    ) -> None:
        require(type(self).__name__, "source", source, str | None)
        require(type(self).__name__, "unreadable", unreadable, bool)
        self.source = source
        self.unreadable = unreadable
        super().__init__(problems)

    def at(self, prefix: str) -> Self:
        return type(self)(
            (p.at(prefix) for p in self.problems), self.source, unreadable=self.unreadable
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_file_error, (type(self), self.problems, self.source, self.unreadable))


def _rebuild_file_error(
    cls: type[DataFileError], problems: tuple[Problem, ...], source: str | None, unreadable: bool
) -> DataFileError:
    return cls(problems, source, unreadable=unreadable)


class PlanFileError(DataFileError):
    """A plan file could not be read into a plan."""


class LedgerFileError(DataFileError):
    """A ledger file (.xlsx, CSV, TOML or JSON) could not be read into a ledger for its plan."""


class ProfileError(DataFileError):
    """A standard profile could not be found or read.

    Its problems are reported like a plan file's, with paths such as ``funding.per_resident``.
    """


class DocumentError(CommeduError):
    """A document to import cannot be read at all (an old .doc, a password, damage, its size).

    ``code`` names the reason in the message catalogue; ``params`` fill its message in.
    """

    def __init__(self, code: str, params: Mapping[str, Any] | None = None) -> None:
        require(type(self).__name__, "code", code, str)
        require(type(self).__name__, "params", params, Mapping[str, Any] | None)
        self.code = code
        self.params = dict(params or {})
        super().__init__(self.describe("en"))

    def describe(self, lang: Lang = "en") -> str:
        return render(self.code, lang, **self.params)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.code, self.params))


class RuleSelectorError(CommeduError, ValueError):
    """A ``select`` or ``ignore`` entry matches no rule, so it is almost surely a typo."""

    def __init__(self, selector: str) -> None:
        require(type(self).__name__, "selector", selector, str)
        self.selector = selector
        super().__init__(self.describe("en"))

    def describe(self, lang: Lang = "en") -> str:
        return render("unknown-selector", lang, value=self.selector)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.selector,))


class ExportError(_ProblemsError):
    """An export asked for what the plan cannot give: an unknown department, an empty selection.

    The plan itself is fine; the problems name the option to change.
    """


class ReadOnlyError(PermissionError):
    """A write's target exists and is read-only: it is kept rather than silently replaced."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        require(type(self).__name__, "path", path, str | os.PathLike[str])
        super().__init__(errno.EACCES, Term("os-read-only"), os.fspath(path))


class NotRegularError(OSError):
    """A write's target is a device, a pipe or a socket: it is never replaced by a regular file.

    Replacing ``/dev/null`` or a named pipe with a regular file would break whatever uses it.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        require(type(self).__name__, "path", path, str | os.PathLike[str])
        super().__init__(errno.EINVAL, Term("os-not-regular"), os.fspath(path))
