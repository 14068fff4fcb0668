"""The ledger rules count a window as the Civil Code counts a period: a day off moves its close.

民法典 第二百零三条: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu import Status, check
from commedu.cli import main
from commedu.compliance import actuals
from commedu.compliance.actuals import Progress, progress
from commedu.compliance.rule import Actuals
from commedu.model import holidays
from commedu.model.holidays import PeriodEnd, holiday_year, period_end
from tests.strategies import days_in
from tests.test_actuals_occurrences import ledger_held, plan_with

AS_OF = date(2021, 12, 31)
NATIONAL_DAY = date(2021, 10, 1)  # 国庆节: 1 to 7 October 2021 off
MAKE_UP_SATURDAY = date(2021, 10, 9)  # worked in place of a day of the break
MAKE_UP_SUNDAY = date(2021, 9, 26)


def _standing(when: str, days: list[date]) -> Progress:
    plan = plan_with(when)
    return progress(plan, Actuals(ledger_held(plan, days), AS_OF))[6].status


# -- the day a period ends -------------------------------------------------------------------------


def test_a_period_ending_on_national_day_ends_on_the_first_working_day_after_the_break() -> None:
    assert period_end(NATIONAL_DAY) == PeriodEnd(date(2021, 10, 8))
    assert period_end(date(2021, 10, 7)).day == date(2021, 10, 8)


def test_a_make_up_working_day_moves_nothing_and_a_weekend_moves_to_monday() -> None:
    assert period_end(MAKE_UP_SATURDAY) == PeriodEnd(MAKE_UP_SATURDAY)
    assert period_end(MAKE_UP_SUNDAY).day == MAKE_UP_SUNDAY
    assert period_end(date(2021, 10, 10)).day == date(2021, 10, 11)  # a plain Sunday
    assert period_end(date(2021, 10, 12)).day == date(2021, 10, 12)  # a plain Tuesday


def test_a_year_whose_notice_is_unknown_moves_over_weekends_only_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(holidays, "holiday_year", lambda year: None)
    assert period_end(NATIONAL_DAY) == PeriodEnd(NATIONAL_DAY, (2021,))  # a Friday
    assert period_end(date(2021, 10, 2)) == PeriodEnd(date(2021, 10, 4), (2021,))
    assert period_end(MAKE_UP_SATURDAY).day == date(2021, 10, 11)


def test_a_period_ending_at_a_year_s_turn_names_each_unknown_year(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(holidays, "holiday_year", lambda year: None)
    assert period_end(date(2022, 12, 31)) == PeriodEnd(date(2023, 1, 2), (2022, 2023))


def test_a_period_is_moved_over_a_month_of_days_off_at_most(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class NoWorkingDay:
        def is_working_day(self, day: date) -> bool:
            return False

    monkeypatch.setattr(holidays, "holiday_year", lambda year: NoWorkingDay())
    assert period_end(NATIONAL_DAY) == PeriodEnd(NATIONAL_DAY + timedelta(days=31))


def test_a_moment_ends_a_period_on_its_day() -> None:
    assert period_end(datetime(2021, 10, 1, 9, 30)) == PeriodEnd(date(2021, 10, 8))


def test_period_end_refuses_what_is_not_a_day() -> None:
    with pytest.raises(TypeError, match="must be date, not str"):
        period_end("2021-10-01")  # type: ignore[arg-type]


@given(days_in(2021) | days_in(2024))
def test_a_period_ends_on_the_first_working_day_on_or_after_its_last(last: date) -> None:
    arrangement = holiday_year(last.year)
    assert arrangement is not None
    end = period_end(last)
    assert end.unknown == ()
    assert end.day >= last
    year = holiday_year(end.day.year)
    assert year is not None
    assert year.is_working_day(end.day)
    between = (last + timedelta(days=n) for n in range((end.day - last).days))
    assert not any(arrangement.is_working_day(d) for d in between)


# -- the ledger rules ------------------------------------------------------------------------------


def test_a_deadline_on_national_day_recorded_on_the_first_working_day_after_is_on_time() -> None:
    plan = plan_with("10月1日")
    ledger = ledger_held(plan, [date(2021, 10, 8)])
    assert progress(plan, Actuals(ledger, AS_OF))[6].status is Progress.DONE
    report = check(plan, ledger=ledger, as_of=AS_OF)
    assert report.result("CE502").status is Status.PASS
    assert report.result("CE501").status is Status.PASS
    assert _standing("10月1日", [date(2021, 10, 9)]) is Progress.LATE  # a day too late


def test_a_deadline_on_a_make_up_saturday_recorded_the_monday_after_is_late() -> None:
    plan = plan_with("10月9日")
    ledger = ledger_held(plan, [date(2021, 10, 11)])
    report = check(plan, ledger=ledger, as_of=AS_OF)
    result = report.result("CE502")
    assert result.status is Status.FAIL
    (finding,) = result.findings
    assert finding.path == "schedule.activities[6]"
    assert "2021-10-11" in finding.message("en")
    assert "not known" not in finding.message("en")


def test_nothing_is_missing_before_a_window_moved_past_a_break_closes() -> None:
    plan = plan_with("10月1日")
    on_the_day = progress(plan, Actuals(ledger_held(plan, []), date(2021, 10, 7)))[6]
    assert on_the_day.status is Progress.NOT_DUE
    closed = progress(plan, Actuals(ledger_held(plan, []), date(2021, 10, 8)))[6]
    assert closed.status is Progress.MISSING


def test_each_time_a_weekly_class_comes_round_its_close_moves_on_its_own() -> None:
    when = "9月26日至10月10日每周日 9:00—11:00"  # a make-up Sunday, National Day week, a Sunday
    plan = plan_with(when)
    on_time = [MAKE_UP_SUNDAY, date(2021, 10, 8), date(2021, 10, 11)]
    judged = progress(plan, Actuals(ledger_held(plan, on_time), AS_OF))[6]
    assert [o.status for o in judged.occurrences] == [Progress.DONE] * 3
    assert [o.closes for o in judged.occurrences] == on_time
    late = [date(2021, 9, 27), date(2021, 10, 8), date(2021, 10, 11)]
    judged = progress(plan, Actuals(ledger_held(plan, late), AS_OF))[6]
    assert [o.status for o in judged.occurrences] == [Progress.LATE, Progress.DONE, Progress.DONE]
    assert check(plan, ledger=ledger_held(plan, late), as_of=AS_OF).result("CE502").status is (
        Status.FAIL
    )


def test_where_the_notice_is_unknown_weekends_only_and_the_finding_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(holidays, "holiday_year", lambda year: None)
    monkeypatch.setattr(actuals, "holiday_year", lambda year: None)
    plan = plan_with("10月1日")
    ledger = ledger_held(plan, [date(2021, 10, 8)])
    result = check(plan, ledger=ledger, as_of=AS_OF).result("CE502")
    assert result.status is Status.FAIL
    (finding,) = result.findings
    assert "the holiday notice for 2021 is not known" in finding.message("en")
    assert "2021年的节假日安排尚未公布" in finding.message("zh")
    passed = check(plan, ledger=ledger_held(plan, [NATIONAL_DAY]), as_of=AS_OF)
    assert "仅按周末顺延" in passed.result("CE502").message("zh")
    assert "only weekends" in passed.result("CE501").message("en")


def test_the_rule_s_docs_quote_the_civil_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "CE502", "--lang", "zh"]) == 0
    said = "".join(capsys.readouterr().out.split())  # as one line, however it was wrapped
    assert "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。" in said
    assert main(["rules", "CE502", "--lang", "en"]) == 0
    assert "Article 203" in " ".join(capsys.readouterr().out.split())


@given(st.sampled_from(["10月1日", "10月9日", "10月", "9月26日"]), days_in(2021))
def test_a_record_inside_the_moved_window_is_never_late(when: str, day: date) -> None:
    plan = plan_with(when)
    span = plan.activities[6].when.span
    status = _standing(when, [day])
    closes = period_end(span.last).day
    if span.first <= day <= closes:
        assert status is Progress.DONE
    elif day > closes:
        assert status is Progress.LATE
    else:
        assert status is Progress.EARLY
