"""Observances computed by rule, checked against the dates the State Council and almanacs publish."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu import OBSERVANCES, PlanError, SchoolHoliday, observance
from commedu.model.observances import NthWeekday, observance_names

# Published dates (国务院办公厅 holiday notices and the 紫金山天文台 almanac).
PUBLISHED = [
    ("春节", date(2019, 2, 5)),
    ("春节", date(2020, 1, 25)),
    ("春节", date(2021, 2, 12)),
    ("春节", date(2022, 2, 1)),
    ("春节", date(2023, 1, 22)),
    ("春节", date(2024, 2, 10)),
    ("春节", date(2025, 1, 29)),
    ("除夕", date(2021, 2, 11)),
    ("除夕", date(2024, 2, 9)),
    ("元宵节", date(2021, 2, 26)),
    ("元宵节", date(2024, 2, 24)),
    ("清明节", date(2021, 4, 4)),
    ("清明节", date(2022, 4, 5)),
    ("清明节", date(2023, 4, 5)),
    ("清明节", date(2024, 4, 4)),
    ("端午节", date(2021, 6, 14)),
    ("端午节", date(2022, 6, 3)),
    ("端午节", date(2023, 6, 22)),
    ("端午节", date(2024, 6, 10)),
    ("中秋节", date(2021, 9, 21)),
    ("中秋节", date(2022, 9, 10)),
    ("中秋节", date(2023, 9, 29)),
    ("中秋节", date(2024, 9, 17)),
    ("重阳节", date(2021, 10, 14)),
    ("重阳节", date(2022, 10, 4)),
    ("重阳节", date(2023, 10, 23)),
    ("重阳节", date(2024, 10, 11)),
    ("老年节", date(2021, 10, 14)),
    ("秋分", date(2021, 9, 23)),
    ("秋分", date(2024, 9, 22)),
    ("中国农民丰收节", date(2018, 9, 23)),
    ("农民丰收节", date(2024, 9, 22)),
    ("全国助残日", date(2021, 5, 16)),
    ("全国助残日", date(2022, 5, 15)),
    ("全国助残日", date(2024, 5, 19)),
    ("全民国防教育日", date(2021, 9, 18)),
    ("全民国防教育日", date(2022, 9, 17)),
    ("全民国防教育日", date(2024, 9, 21)),
    ("学雷锋日", date(2021, 3, 5)),
    ("建党节", date(2021, 7, 1)),
    ("教师节", date(2023, 9, 10)),
    ("国庆节", date(2024, 10, 1)),
    ("元旦", date(2022, 1, 1)),
]


@pytest.mark.parametrize(("name", "day"), PUBLISHED)
def test_observance_falls_on_its_published_date(name: str, day: date) -> None:
    found = observance(name)
    assert found is not None
    assert found.on(day.year) == day


def test_every_name_belongs_to_one_observance() -> None:
    names = [n for o in OBSERVANCES for n in (o.name, *o.aliases)]
    assert len(names) == len(set(names))
    assert sorted(observance_names()) == sorted(names)
    assert observance("不存在的节日") is None


def test_longer_names_come_first_so_a_prefix_never_wins() -> None:
    names = observance_names()
    assert names.index("五一劳动节") < names.index("五一")


def test_during_spans_the_holiday_week() -> None:
    national_day = observance("国庆")
    assert national_day is not None
    assert national_day.during(2021) == (date(2021, 10, 1), date(2021, 10, 7))


@given(st.integers(1950, 2100), st.integers(1, 12), st.integers(0, 6), st.integers(1, 4))
def test_nth_weekday_is_that_weekday_in_that_week_of_the_month(
    year: int, month: int, weekday: int, n: int
) -> None:
    day = NthWeekday(month, weekday, n).on(year)
    assert day.month == month
    assert day.weekday() == weekday
    assert (day.day - 1) // 7 == n - 1


@given(st.integers(1950, 2100))
def test_lunar_and_term_dates_fall_in_their_season_every_year(year: int) -> None:
    spring = observance("春节")
    mid_autumn = observance("中秋节")
    qingming = observance("清明")
    assert spring is not None
    assert mid_autumn is not None
    assert qingming is not None
    assert date(year, 1, 21) <= spring.on(year) <= date(year, 2, 20)
    assert date(year, 9, 7) <= mid_autumn.on(year) <= date(year, 10, 8)
    assert date(year, 4, 3) <= qingming.on(year) <= date(year, 4, 6)


def test_school_holiday_must_not_end_before_it_starts() -> None:
    with pytest.raises(PlanError) as info:
        SchoolHoliday("暑假", date(2021, 8, 31), date(2021, 7, 1))
    assert info.value.problems[0].code == "span-order"


def test_the_when_reference_lists_every_observance_with_every_name() -> None:
    page = (Path(__file__).parent.parent / "docs" / "reference" / "when.md").read_text("utf-8")
    section = page.split("\n## Observances\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (\S+) \|([^|]*)\| [^|]+ \|$", section, flags=re.MULTILINE)
    documented = {
        name: tuple(a for a in aliases.strip().split(", ") if a) for name, aliases in rows
    }
    documented.pop("Observance")
    assert documented == {o.name: o.aliases for o in OBSERVANCES}
