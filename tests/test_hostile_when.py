"""*When* values from a hostile plan: every recurrence stays bounded, every bad one is a problem."""

from __future__ import annotations

import pickle
import re
import tracemalloc
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from commedu import PlanError, PlanFileError, Recurrence, loads_plan, parse_when, to_ics
from commedu._messages import MESSAGES
from commedu.cli import main
from commedu.model.when import DEFAULT_ZONE, MAX_OCCURRENCES

PLAN = (Path(__file__).parent / "plans" / "qiling_2021.toml").read_text("utf-8")
START = "2021-03-08T10:00/PT1H"


def _plan_with(when: str) -> str:
    return PLAN.replace('when = "1-12月"', f'when = "{when}"', 1)


def _problem(when: str) -> tuple[str, str, str]:
    with pytest.raises(PlanFileError) as caught:
        loads_plan(_plan_with(when))
    (problem,) = caught.value.problems
    return problem.path, problem.code, problem.message("zh")


def test_a_secondly_rule_of_twenty_million_is_refused_without_expanding_it() -> None:
    tracemalloc.start()
    try:
        path, code, _ = _problem(f"{START} RRULE:FREQ=SECONDLY;COUNT=20000000")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (path, code) == ("schedule.activities[0].when", "bad-rrule")
    assert peak < 50 * 2**20  # twenty million datetimes would be gigabytes


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;COUNT=20000000",
        f"FREQ=DAILY;COUNT={MAX_OCCURRENCES + 1}",
        "FREQ=DAILY;UNTIL=20291231",
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;UNTIL=20281231",
    ],
)
def test_more_occurrences_than_the_limit_is_a_plan_file_problem(rule: str) -> None:
    path, code, zh = _problem(f"{START} RRULE:{rule}")
    assert (path, code) == ("schedule.activities[0].when", "too-many-occurrences")
    assert str(MAX_OCCURRENCES) in zh
    assert "重复规则" in zh


def test_the_limit_itself_is_allowed_and_expanded_exactly() -> None:
    start = datetime(2021, 1, 1, 8, tzinfo=DEFAULT_ZONE)
    rule = Recurrence(start, timedelta(minutes=30), f"FREQ=DAILY;COUNT={MAX_OCCURRENCES}")
    assert len(rule.occurrences()) == MAX_OCCURRENCES
    assert rule.occurrences()[-1] == start + timedelta(days=MAX_OCCURRENCES - 1)


@pytest.mark.parametrize("freq", ["SECONDLY", "MINUTELY", "HOURLY"])
def test_a_sub_daily_frequency_is_refused(freq: str) -> None:
    path, code, zh = _problem(f"{START} RRULE:FREQ={freq};COUNT=3")
    assert (path, code) == ("schedule.activities[0].when", "bad-rrule")
    assert "DAILY、WEEKLY、MONTHLY 或 YEARLY" in zh


@pytest.mark.parametrize(
    ("part", "shown"),
    [
        ("INTERVAL=-1", "INTERVAL=-1"),
        ("INTERVAL=0", "INTERVAL=0"),
        ("INTERVAL=99999999999999999999", "INTERVAL=99999999999999999999"),
        ("INTERVAL=1001", "INTERVAL=1001"),
        ("BYSETPOS=99999999999", "BYSETPOS=99999999999"),
    ],
)
def test_a_number_out_of_range_is_a_plan_file_problem(part: str, shown: str) -> None:
    path, code, zh = _problem(f"{START} RRULE:FREQ=DAILY;{part};COUNT=3")
    assert (path, code) == ("schedule.activities[0].when", "bad-rrule")
    assert shown in zh
    assert "超出范围" in zh


def test_the_largest_interval_still_validates_and_exports() -> None:
    plan = loads_plan(_plan_with(f"{START} RRULE:FREQ=DAILY;INTERVAL={MAX_OCCURRENCES};COUNT=1"))
    assert f"INTERVAL={MAX_OCCURRENCES}" in to_ics(plan).decode()


def test_an_over_long_zone_name_is_a_plan_file_problem() -> None:
    path, code, _ = _problem(f"{START}[{'A' * 300}]")
    assert (path, code) == ("schedule.activities[0].when", "bad-zone")


@pytest.mark.parametrize("zone", ["Asia", "../etc/passwd", "Asia/" + "x" * 5000, "A\x00B"])
def test_a_zone_name_that_is_no_file_is_refused(zone: str) -> None:
    with pytest.raises(PlanError) as caught:
        parse_when(f"{START}[{zone}]", 2021)
    assert caught.value.problems[0].code == "bad-zone"


def test_the_new_messages_are_in_both_languages() -> None:
    for code in ("too-many-occurrences", "rrule-frequency", "rrule-number", "rrule-until"):
        assert set(MESSAGES[code]) == {"en", "zh"}


_PARTS = st.sampled_from(
    ["FREQ", "INTERVAL", "COUNT", "BYDAY", "BYMONTH", "BYMONTHDAY", "BYSETPOS", "BYYEARDAY"]
)
_VALUES = st.one_of(
    st.integers(-(10**22), 10**22).map(str),
    st.sampled_from(["SECONDLY", "DAILY", "WEEKLY", "MO", "-1MO", "1,2,3", ""]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_PARTS, _VALUES), min_size=1, max_size=4), st.integers(1, 5000))
def test_any_rule_either_is_a_problem_or_stays_within_the_bound(
    parts: list[tuple[str, str]], count: int
) -> None:
    rule = ";".join(f"{k}={v}" for k, v in [("FREQ", "DAILY"), *parts, ("COUNT", str(count))])
    try:
        when = parse_when(f"{START} RRULE:{rule}", 2021)
    except PlanError as exc:
        code = exc.problems[0].code
    else:
        code = "read"
    assert code in {"read", "bad-rrule", "empty-rrule", "too-many-occurrences", "unbounded-rrule"}
    if code != "read":
        return
    assert isinstance(when, Recurrence)
    assert 1 <= len(when.occurrences()) <= MAX_OCCURRENCES


def test_validate_says_the_limit_and_exits_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(_plan_with(f"{START} RRULE:FREQ=DAILY;COUNT=20000000"), "utf-8")
    assert main(["validate", str(plan)]) == 1
    out = capsys.readouterr().out
    assert "schedule.activities[0].when" in out
    assert str(MAX_OCCURRENCES) in out


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=2",
        "FREQ=DAILY;BYSETPOS=2;COUNT=1",
        "FREQ=DAILY;INTERVAL=7;BYDAY=TU;UNTIL=20211231",
        "FREQ=WEEKLY;BYMONTH=4;BYMONTHDAY=31;COUNT=5",
    ],
)
def test_a_rule_that_never_comes_round_is_found_out(rule: str) -> None:
    # dateutil alone searches these day by day up to the year 9999.
    path, code, _ = _problem(f"{START} RRULE:{rule}")
    assert (path, code) == ("schedule.activities[0].when", "empty-rrule")


def test_a_rule_that_stops_coming_round_keeps_what_it_found() -> None:
    when = parse_when(
        "2024-02-29T10:00/PT1H RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=3", 2024
    )
    assert isinstance(when, Recurrence)
    assert [dt.year for dt in when.occurrences()] == [2024, 2028, 2032]


@pytest.mark.parametrize("until", ["2021-06-30", "20210630T235959", "tomorrow"])
def test_an_until_that_is_no_rfc_time_is_refused(until: str) -> None:
    with pytest.raises(PlanError) as caught:
        parse_when(f"{START} RRULE:FREQ=DAILY;UNTIL={until}", 2021)
    assert caught.value.problems[0].code == "bad-rrule"
    assert "UNTIL" in caught.value.problems[0].message("zh")


_ZONES = st.sampled_from(["Asia/Shanghai", "Europe/Berlin", "America/New_York", "UTC"])


@settings(max_examples=60, deadline=None)
@given(
    st.datetimes(datetime(2021, 1, 1), datetime(2021, 12, 31)),
    _ZONES,
    st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]),
    st.integers(1, 5),
    st.one_of(st.integers(1, 60).map(lambda n: f"COUNT={n}"), st.just("UNTIL=20211231")),
    st.sampled_from(["", ";BYDAY=MO,WE", ";BYMONTHDAY=1,15,-1", ";BYMONTH=3,10", ";BYDAY=-1FR"]),
)
def test_bounded_expansion_equals_plain_expansion(
    naive: datetime, zone: str, freq: str, interval: int, end: str, by: str
) -> None:
    start = naive.replace(second=0, microsecond=0, tzinfo=ZoneInfo(zone))
    rule = f"FREQ={freq};INTERVAL={interval};{end}{by}"
    try:
        when = Recurrence(start, timedelta(hours=1), rule)
    except PlanError:
        return
    plain = tuple(rrulestr(when.rule, dtstart=start))
    assert when.occurrences() == plain


@pytest.mark.parametrize(
    "rule",
    ["FREQ=DAILY;INTERVAL=99999999999999999999;INTERVAL=2;COUNT=3", "FREQ=DAILY;COUNT=3;COUNT=4"],
)
def test_a_part_given_twice_is_refused(rule: str) -> None:
    # dateutil takes the last, the calendar writer the first: neither may be trusted.
    path, code, zh = _problem(f"{START} RRULE:{rule}")
    assert (path, code) == ("schedule.activities[0].when", "bad-rrule")
    assert "出现了不止一次" in zh


def test_a_copied_recurrence_expands_to_the_same_bounded_occurrences() -> None:
    when = parse_when(f"{START} RRULE:FREQ=DAILY;COUNT=30 EXDATE:20210309", 2021)
    copied = pickle.loads(pickle.dumps(when))
    assert copied == when
    assert copied.occurrences() == when.occurrences()
    assert len(copied.occurrences()) == 29


@pytest.mark.parametrize(
    ("rule", "key", "words"),
    [
        ("FREQ=WEEKLY;BYDAY=XX;COUNT=2", "BYDAY", ("不能取值", "cannot be")),
        ("FREQ=WEEKLY;FOO=1;COUNT=2", "FOO", ("不是重复规则", "is not a part")),
        # a reason dateutil gives in no form of its own we know: said without its English
        ("FREQ=WEEKLY;COUNT=2;BYHOUR=25", "BYHOUR", ("无法按 RFC 5545 读取", "cannot be read")),
    ],
)
def test_a_rule_dateutil_refuses_is_explained_in_each_language(
    rule: str, key: str, words: tuple[str, str]
) -> None:
    with pytest.raises(PlanError) as caught:
        parse_when(f"2021-03-01T09:00/PT2H RRULE:{rule}", 2021)
    zh, en = caught.value.describe("zh"), caught.value.describe("en")
    assert words[0] in zh
    assert key in zh
    assert words[1] in en
    assert key in en
    # Chinese says no English of its own: only the rule's own text and its part's name remain.
    leftover = zh.replace(repr(rule), " ").replace("RRULE", " ").replace("RFC", " ")
    for own in re.split("[;=]", rule):  # the rule's own parts and values, quoted back
        leftover = leftover.replace(own, " ")
    assert not re.findall(r"[A-Za-z]{2,}", leftover), zh
