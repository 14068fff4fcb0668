"""One error tree: every error commedu raises about its input is a CommeduError, in its own branch."""

from __future__ import annotations

import pickle

import pytest

import commedu
from commedu import (
    CommeduError,
    DataFileError,
    DocumentError,
    ExportError,
    LedgerFileError,
    PlanError,
    PlanFileError,
    Problem,
    ProfileError,
    RuleSelectorError,
)

PROBLEMS = (Problem("funding.per_resident", "empty-text"), Problem("", "bom", line=1, column=1))
FILE_ERRORS = (PlanFileError, LedgerFileError, ProfileError)
PROBLEM_ERRORS = (PlanError, ExportError, *FILE_ERRORS)


@pytest.mark.parametrize(
    "error",
    [
        *(cls(PROBLEMS) for cls in PROBLEM_ERRORS),
        DocumentError("doc-missing", {"value": "x.docx"}),
        RuleSelectorError("CE9"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_every_error_is_a_commedu_error_that_describes_itself(error: CommeduError) -> None:
    assert isinstance(error, CommeduError)
    assert error.describe("en")
    assert error.describe("zh")


@pytest.mark.parametrize("cls", [*PROBLEM_ERRORS, RuleSelectorError])
def test_value_error_stays_a_mixin(cls: type[Exception]) -> None:
    assert issubclass(cls, ValueError)


@pytest.mark.parametrize(
    ("cls", "not_a"),
    [
        (PlanFileError, PlanError),
        (ProfileError, PlanError),
        (ExportError, PlanError),
        (LedgerFileError, PlanFileError),
        (ProfileError, PlanFileError),
        (PlanError, DataFileError),
        (ExportError, DataFileError),
    ],
)
def test_each_kind_is_its_own_branch(cls: type[Exception], not_a: type[Exception]) -> None:
    assert not issubclass(cls, not_a)


@pytest.mark.parametrize("cls", FILE_ERRORS)
def test_file_errors_share_a_branch_and_keep_their_source(cls: type[DataFileError]) -> None:
    error = cls(PROBLEMS, "plan.toml", unreadable=True)
    assert isinstance(error, DataFileError)
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), again.problems, again.source, again.unreadable) == (
        cls,
        PROBLEMS,
        "plan.toml",
        True,
    )
    moved = error.at("plans[0]")
    assert (type(moved), moved.source, moved.unreadable) == (cls, "plan.toml", True)
    assert moved.problems[0].path == "plans[0].funding.per_resident"
    assert moved.problems[1].path == "plans[0]"


@pytest.mark.parametrize("cls", [PlanError, ExportError])
def test_problem_errors_pickle_and_re_root(cls: type[PlanError]) -> None:
    error = cls(PROBLEMS)
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), again.problems) == (cls, PROBLEMS)
    assert type(error.at("x")) is cls


@pytest.mark.parametrize("cls", PROBLEM_ERRORS)
def test_an_error_needs_a_problem(cls: type[PlanError]) -> None:
    with pytest.raises(ValueError, match=cls.__name__):
        cls([])


def test_the_tree_is_public() -> None:
    for name in ("CommeduError", "DataFileError", "LedgerFileError"):
        assert name in commedu.__all__
