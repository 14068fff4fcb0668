"""The compliance engine: rule records, selection, registration, plug-ins and check()."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import commedu
from commedu import (
    Example,
    Failed,
    Finding,
    NotEvaluable,
    Passed,
    Plan,
    ProfileError,
    Rule,
    RuleSelectorError,
    Severity,
    Status,
    Text,
    check,
    register_rule,
    rules,
    unregister_rule,
)
from commedu.compliance import engine
from commedu.compliance.builtin import ACTUALS_RULES, BUILTIN_RULES, example_plan
from commedu.compliance.engine import reset_plugin_rules, resolve
from commedu.datafile.profile import BUILTIN_PROFILES
from tests.strategies import plans

CODES = ("CE101", "CE102", "CE201", "CE301", "CE302", "SD101")


@pytest.mark.parametrize(
    ("select", "ignore", "enabled"),
    [
        (None, None, CODES),
        (["ALL"], None, CODES),
        ([], None, ()),
        (["CE3"], None, ("CE301", "CE302")),
        (["ALL"], ["CE3"], ("CE101", "CE102", "CE201", "SD101")),
        # The most specific selector wins, whichever list it is in.
        (["CE3"], ["CE30"], ()),
        (["CE302"], ["CE3"], ("CE302",)),
        (["CE1", "CE101"], ["CE10"], ("CE101",)),
        (["ALL"], ["CE", "SD101"], ()),
        (["CE"], ["ALL"], ("CE101", "CE102", "CE201", "CE301", "CE302")),
        # A tie goes to ignore.
        (["CE3"], ["CE3"], ()),
        (["ALL"], ["ALL"], ()),
        (["CE301"], ["CE301"], ()),
        (["SD"], None, ("SD101",)),
    ],
)
def test_select_and_ignore_resolve_like_ruff(
    select: list[str] | None, ignore: list[str] | None, enabled: tuple[str, ...]
) -> None:
    assert resolve(CODES, select, ignore) == enabled


@pytest.mark.parametrize(
    ("select", "ignore", "bad"),
    [
        (["XX"], None, "XX"),
        (["ce3"], None, "ce3"),
        (None, ["CE9"], "CE9"),
        (["CE1011"], None, "CE1011"),
    ],
)
def test_a_selector_matching_no_rule_is_an_error(
    select: list[str] | None, ignore: list[str] | None, bad: str
) -> None:
    with pytest.raises(RuleSelectorError) as caught:
        resolve(CODES, select, ignore)
    assert caught.value.selector == bad
    assert bad in caught.value.describe("zh")
    assert "CE3" in str(caught.value)


@given(
    st.lists(st.sampled_from(["ALL", "CE", "CE1", "CE3", "CE30", *CODES])),
    st.lists(st.sampled_from(["ALL", "CE", "CE1", "CE3", "CE30", *CODES])),
)
def test_resolution_keeps_code_order_and_ignoring_more_never_enables_more(
    select: list[str], ignore: list[str]
) -> None:
    enabled = resolve(CODES, select, ignore)
    assert list(enabled) == [c for c in CODES if c in enabled]
    assert set(resolve(CODES, select, [*ignore, "CE3"])) <= set(enabled)
    assert set(enabled) <= set(resolve(CODES, [*select, "ALL"], ignore)) | set(enabled)


def test_check_runs_only_the_selected_rules() -> None:
    report = check(example_plan(), select=["CE3"], ignore=["CE303"])
    assert report.codes() == (
        "CE301",
        "CE302",
        "CE304",
        "CE305",
        "CE306",
        "CE307",
        "CE308",
        "CE309",
    )
    with pytest.raises(RuleSelectorError):
        check(example_plan(), select=["CE999"])


# -- the built-in rules' records --------------------------------------------------------------


def test_built_in_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [r.code for r in BUILTIN_RULES]
    names = [r.name for r in BUILTIN_RULES]
    assert len(set(codes)) == len(codes) >= 20
    assert len(set(names)) == len(names)
    assert all(c.startswith("CE") and c[2] in "1234" for c in codes)


def _texts(rule: Rule) -> list[Text]:
    return [rule.summary, rule.rationale, rule.source, rule.passing.note, rule.failing.note]


@pytest.mark.parametrize("rule", BUILTIN_RULES, ids=lambda r: r.code)
def test_every_rule_text_exists_in_both_languages(rule: Rule) -> None:
    for text in _texts(rule):
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text.zh), text
        assert any("a" <= ch <= "z" for ch in text.en.lower()), text
        assert text.zh != text.en


@pytest.mark.parametrize("rule", [*BUILTIN_RULES, *ACTUALS_RULES], ids=lambda r: r.code)
def test_every_rule_passes_its_passing_example_and_fails_its_failing_one(rule: Rule) -> None:
    for example, status in ((rule.passing, Status.PASS), (rule.failing, Status.FAIL)):
        ledger = None if example.ledger is None else example.ledger()
        report = check(
            example.plan(), example.profile, select=[rule.code], ledger=ledger, as_of=example.as_of
        )
        (result,) = report.results
        assert result.status is status, (rule.code, example.note.en, result.message("en"))


def test_the_example_plan_passes_every_built_in_rule_that_applies() -> None:
    report = check(example_plan())
    # CE220 compares quantitative targets and CE404 events of the profile's own; shandong-township
    # sets neither. CE308 reads the places besides stations; the example has none.
    assert report.codes(Status.NOT_APPLICABLE) == ("CE220", "CE308", "CE404")
    assert report.codes(Status.PASS) == tuple(
        r.code for r in BUILTIN_RULES if r.code not in ("CE220", "CE308", "CE404")
    )


def test_the_plan_names_its_profile_and_an_argument_overrides_it() -> None:
    plan = example_plan()
    assert check(plan).profile is not None
    assert check(plan).result("CE203").status is Status.PASS
    assert check(plan, "national-demonstration").result("CE203").status is Status.FAIL


def test_without_a_profile_standards_and_events_cannot_be_evaluated() -> None:
    report = check(attrs.evolve(example_plan(), profile=None))
    unknown = report.codes(Status.NOT_EVALUABLE)
    assert unknown == tuple(r.code for r in BUILTIN_RULES if r.code[2] in "24")
    assert all(report.result(c).missing == ("profile",) for c in unknown)


def test_a_plan_not_read_from_a_file_may_name_only_a_built_in_profile(tmp_path: Path) -> None:
    # A plan must not be able to make the checker open a file of its choosing: one read from a
    # file may name a profile file beside it, one built in code has no folder to name one in.
    (tmp_path / "mine.toml").write_text("", encoding="utf-8")
    plan = attrs.evolve(example_plan(), profile="mine.toml")
    with pytest.raises(ProfileError) as caught:
        check(plan)
    assert caught.value.problems[0].path == "profile"
    assert "shandong-township" in caught.value.describe("zh")


def test_the_funding_rule_compares_exact_money() -> None:
    plan = example_plan()  # 20000 residents at 1 yuan need 20000 yuan
    short = attrs.evolve(plan, resources=attrs.evolve(plan.resources, budget="19999.99"))
    exact = attrs.evolve(plan, resources=attrs.evolve(plan.resources, budget="20000.00"))
    assert check(short, select=["CE213"]).results[0].status is Status.FAIL
    assert check(exact, select=["CE213"]).results[0].status is Status.PASS


def test_money_in_messages_is_written_plainly_and_one_person_is_singular() -> None:
    profile = commedu.loads_profile(
        'schema = 1\nname = "mine"\napplies_to = "township"\n'
        'title = { en = "Mine", zh = "我的" }\nscope = { en = "Towns", zh = "镇" }\n'
        'source = { title = "县文件" }\n[staffing]\nfull_time = 2\n[funding]\nper_resident = 1.5\n'
    )
    plan = example_plan()  # 20000 residents at 1.5 yuan need 30000 yuan, not 30000.0
    plan = attrs.evolve(
        plan, resources=attrs.evolve(plan.resources, full_time_staff=1, budget="100")
    )
    report = check(plan, profile, select=["CE211", "CE213"])
    staff, funding = report.results
    assert "1 person," in staff.message("en")
    assert "(30000 yuan)" in funding.message("en")
    assert "共 30000 元" in funding.message("zh")


def test_a_population_of_zero_makes_the_funding_rule_not_evaluable() -> None:
    plan = example_plan()
    empty = attrs.evolve(plan, township=attrs.evolve(plan.township, resident_population=0))
    (result,) = check(empty, select=["CE213"]).results
    assert result.missing == ("township.resident_population",)


def test_an_event_outside_its_months_fails_at_the_activity() -> None:
    ce402 = next(rule for rule in BUILTIN_RULES if rule.code == "CE402")
    (result,) = check(ce402.failing.plan(), select=["CE402"]).results
    assert result.code == "CE402"
    assert result.location == "schedule.activities[5]"
    assert "11月、12月" in result.message("zh")


def test_activities_served_through_a_task_do_not_count_for_its_mechanisms() -> None:
    plan = example_plan()
    activities = tuple(attrs.evolve(a, serves=("t1",)) for a in plan.activities)
    served_task = attrs.evolve(plan, schedule=attrs.evolve(plan.schedule, activities=activities))
    report = check(served_task, select=["CE304", "CE305"])
    assert report.result("CE304").status is Status.PASS
    assert [f.path for f in report.result("CE305").findings] == ["tasks[0].mechanisms[0]"]


def test_standing_mechanisms_and_tasks_need_no_activity() -> None:
    plan = example_plan()
    (task,) = plan.tasks
    standing = attrs.evolve(
        plan,
        tasks=(attrs.evolve(task, mechanisms=(attrs.evolve(task.mechanisms[0], standing=True),)),),
        schedule=attrs.evolve(
            plan.schedule, activities=tuple(attrs.evolve(a, serves=()) for a in plan.activities)
        ),
    )
    report = check(standing, select=["CE304", "CE305"])
    # The mechanism is standing, but the task is not: something must still serve the task.
    assert report.result("CE305").status is Status.PASS
    assert report.result("CE304").status is Status.FAIL
    whole = attrs.evolve(standing, tasks=(attrs.evolve(standing.tasks[0], standing=True),))
    assert check(whole, select=["CE304"]).results[0].status is Status.PASS


# -- properties over any valid plan ----------------------------------------------------------


@given(plans(), st.sampled_from([None, "shandong-township", "national-demonstration"]))
def test_check_never_raises_and_every_result_has_exactly_one_status(
    plan: Plan, profile: str | None
) -> None:
    report = check(attrs.evolve(plan, profile=None), profile)
    assert report.codes() == tuple(r.code for r in BUILTIN_RULES)
    for result in report.results:
        assert (result.status is Status.FAIL) == bool(result.findings)
        assert (result.status is Status.NOT_EVALUABLE) == bool(result.missing)
        assert result.message("en").strip()
        assert result.message("zh").strip()
    assert sum(report.counts.values()) == len(report.results)
    assert report.to_json("zh") == check(attrs.evolve(plan, profile=None), profile).to_json("zh")


@given(plans())
def test_a_plan_naming_an_unknown_profile_gets_a_profile_error(plan: Plan) -> None:
    if plan.profile in (None, *BUILTIN_PROFILES):
        check(plan)
    else:
        with pytest.raises(ProfileError):
            check(plan)


# -- rules from users -------------------------------------------------------------------------


def _has_brand_rule(code: str = "SD101", name: str = "learning-brands") -> Rule:
    def has_brands(plan: Plan, profile: commedu.Profile | None) -> commedu.Outcome:
        if plan.commitments.learning_brands is None:
            return NotEvaluable(["commitments.learning_brands"])
        if plan.commitments.learning_brands.low >= 1:
            return Passed()
        return Failed([Finding("commitments.learning_brands", Text("no brand", "没有品牌"))])

    return Rule(
        code,
        name,
        Severity.WARNING,
        Text("The plan builds a learning brand.", "计划打造学习型品牌。"),
        Text("Brands are a district target.", "品牌是区里的目标。"),
        Text("District guidance.", "区指导意见。"),
        has_brands,
        Example(Text("a brand", "一个品牌"), example_plan),
        Example(Text("no brand", "没有品牌"), example_plan),
    )


@pytest.fixture
def brand_rule() -> Iterator[Rule]:
    rule = register_rule(_has_brand_rule())
    yield rule
    unregister_rule(rule.code)


def test_a_registered_rule_is_checked_and_listed(brand_rule: Rule, jinshan: Plan) -> None:
    assert brand_rule in rules()
    report = check(jinshan)
    assert report.result("SD101").status is Status.PASS  # 精心打造1—2个社区教育品牌
    assert report.codes()[-1] == "SD101"
    assert check(jinshan, select=["SD"]).codes() == ("SD101",)


def test_registration_refuses_reserved_and_duplicate_codes(brand_rule: Rule) -> None:
    with pytest.raises(ValueError, match="CE"):
        register_rule(_has_brand_rule("CE999", "mine"))
    with pytest.raises(ValueError, match="SD101"):
        register_rule(_has_brand_rule("SD101", "other-name"))
    with pytest.raises(ValueError, match="learning-brands"):
        register_rule(_has_brand_rule("SD102"))
    with pytest.raises(TypeError):
        register_rule("SD103")  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        unregister_rule("SD999")


@pytest.mark.parametrize(
    ("code", "name"), [("sd101", "ok"), ("SD1", "ok"), ("SD101", "Not Kebab"), ("SD101", "")]
)
def test_a_rule_needs_a_code_and_a_kebab_case_name(code: str, name: str) -> None:
    with pytest.raises(ValueError, match="rule"):
        _has_brand_rule(code, name)


def test_a_rule_returning_something_else_is_reported_with_its_code() -> None:
    rule = attrs.evolve(_has_brand_rule(), check=lambda plan, profile: True)  # type: ignore[arg-type, return-value]
    register_rule(rule)
    try:
        with pytest.raises(TypeError, match="SD101"):
            check(example_plan())
    finally:
        unregister_rule("SD101")


def _plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    """Install, by files on sys.path, a distribution publishing ``target`` as a rule entry point."""
    (tmp_path / "sd_rules.py").write_text(
        textwrap.dedent(
            """
            from tests.test_compliance import _has_brand_rule
            RULE = _has_brand_rule("SD201", "sd-brand")
            RULES = [_has_brand_rule("SD202", "sd-brand-two")]
            NOT_A_RULE = "SD203"
            """
        ),
        encoding="utf-8",
    )
    info = tmp_path / "sd_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: sd-rules\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[commedu.rules]\nsd = {target}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    # Discovery happens once per process: forget it for this test, and restore it after.
    monkeypatch.setattr(engine, "_plugins", None)


@pytest.mark.parametrize(
    ("target", "codes"), [("sd_rules:RULE", ["SD201"]), ("sd_rules:RULES", ["SD202"])]
)
def test_rules_published_under_the_entry_point_group_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, codes: list[str]
) -> None:
    _plugin(tmp_path, monkeypatch, target)
    assert [r.code for r in rules() if not r.code.startswith("CE")] == codes
    assert check(example_plan(), select=["SD"]).codes() == tuple(codes)


def test_an_entry_point_that_is_not_a_rule_is_named_in_the_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _plugin(tmp_path, monkeypatch, "sd_rules:NOT_A_RULE")
    with pytest.raises(TypeError, match="'sd'"):
        rules()


def test_installed_rules_are_discovered_once_per_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _plugin(tmp_path, monkeypatch, "sd_rules:RULE")
    calls = []
    real = engine.metadata.entry_points

    def counted(**kwargs: str) -> object:
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(engine.metadata, "entry_points", counted)
    first = check(example_plan(), select=["SD"])
    second = check(example_plan(), select=["SD"])
    assert first.codes() == second.codes() == ("SD201",)
    assert calls == [{"group": "commedu.rules"}]
    # A package installed while running is seen after a reset, and only then.
    reset_plugin_rules()
    assert [r.code for r in rules() if not r.code.startswith("CE")] == ["SD201"]
    assert len(calls) == 2


def test_a_failed_discovery_is_not_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _plugin(tmp_path, monkeypatch, "sd_rules:NOT_A_RULE")
    for _ in range(2):
        with pytest.raises(TypeError, match="'sd'"):
            rules()
