"""The national demonstration standard's profiles cite who issued it, and quote only what was verified."""

from __future__ import annotations

import pytest

from commedu.datafile.profile import load_profile

NAMES = ("national-demonstration", "national-demonstration-west")

#: The clauses a report of the Ministry's announcement gives word for word.
VERIFIED = (
    "区（县、市）财政按常住人口每年人均不低于2元标准设立社区教育专项培训经费，并落实到位",
    "社区成员对社区教育的认知和评价有较大幅度的提高，其中知晓度、认同度达80%以上",
    "对接受的社区教育服务的满意率达70%以上",
)


@pytest.mark.parametrize("name", NAMES)
def test_the_note_names_the_issuer_and_the_date_of_issue(name: str) -> None:
    profile = load_profile(name)
    note = profile.source.note
    assert note is not None
    assert "General Office of the Ministry of Education in August 2010" in note.en
    assert "教育部办公厅于2010年8月印发" in note.zh
    assert "[2010] No. 9" in note.en
    assert "教职成函〔2010〕9号" in note.zh


@pytest.mark.parametrize("name", NAMES)
def test_only_the_verified_clauses_are_quoted(name: str) -> None:
    profile = load_profile(name)
    assert profile.source.quotes == VERIFIED
    assert profile.source.title == "社区教育示范区评估标准（试行）"
    quoted = {key for key, target in profile.targets.items() if target.text}
    assert quoted == {"awareness", "satisfaction"}
    # The reach sentence was not found in a verifiable text: the figure stands, unquoted.
    assert profile.targets["resident-reach"].text == ""
    assert profile.source.note is not None
    assert "could not be verified and is not quoted" in profile.source.note.en
    assert "原句未能核实，故未引用" in profile.source.note.zh


@pytest.mark.parametrize("name", NAMES)
def test_no_category_or_weight_is_declared_without_the_standards_table(name: str) -> None:
    profile = load_profile(name)
    assert profile.categories == ()
    assert profile.source.note is not None
    assert "no inspection categories and no weights" in profile.source.note.en
    assert "不设检查类别和分值" in profile.source.note.zh
