"""CE2xx provincial standards: staffing and funding, commitments and actual figures apart.

Thresholds come from the profile, never from here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import MAX_EMAX, MIN_EMIN, Decimal, localcontext
from fractions import Fraction

from commedu._messages import Lang
from commedu.compliance.examples import (
    JINSHAN,
    PASSES,
    PASSES_ZH,
    edit,
    example,
    example_plan,
)
from commedu.compliance.rule import (
    Failed,
    Finding,
    NotEvaluable,
    Outcome,
    Passed,
    Rule,
    Severity,
)
from commedu.model.parts import (
    Commitments,
    CountRange,
    Resources,
)
from commedu.model.places import level_label
from commedu.model.plan import Plan
from commedu.model.profile import Profile
from commedu.model.text import Text

__all__ = ["RULES"]


STAFF_QUOTE = "确保按标准设置，达到2名专职人员、3—5名专兼职人员的省定标准。"


FUNDING_QUOTE = "镇财政每年分别按照常住人口人均不低于1元的标准拨付社区教育经费，做到专款专用。"


def _levels_shown(profile: Profile, lang: Lang) -> str:
    return ("、" if lang == "zh" else " and ").join(
        level_label(level, lang) for level in profile.applies_to
    )


def _profile_level(plan: Plan, profile: Profile | None) -> Outcome:
    if profile is None:
        return NotEvaluable(["profile"])
    unit = plan.township
    level = Text(level_label(unit.level, "en"), level_label(unit.level, "zh"))
    governs = Text(_levels_shown(profile, "en"), _levels_shown(profile, "zh"))
    if profile.governs(unit.level):
        return Passed(
            Text(
                f"the profile governs plans at {governs.en}, where {unit.name} is",
                f"标准档案适用于{governs.zh}，{unit.name}属于这一级",
            )
        )
    kind_en, kind_zh = (
        ("", "")
        if unit.kind is None
        else (f"a {unit.kind.label('en')}, ", f"{unit.kind.label('zh')}，")
    )
    return Failed(
        [
            Finding(
                "profile" if unit.kind is None else "township.kind",
                Text(
                    f"the profile {profile.name!r} governs plans at {governs.en}, but {unit.name}"
                    f" is {kind_en}at {level.en}; read its results as a comparison",
                    f"标准档案 {profile.name!r} 适用于{governs.zh}，而{unit.name}是{kind_zh}"
                    f"属于{level.zh}；其结果仅供比较",
                ),
            )
        ]
    )


Threshold = Callable[[Profile], int | Decimal | None]


def _needs(
    profile: Profile | None, threshold: Threshold, threshold_path: str, values: Mapping[str, object]
) -> list[str]:
    """The data a comparison lacks: the profile, its threshold, then the plan's figures."""
    if profile is None:
        missing = ["profile"]
    else:
        missing = [] if threshold(profile) is not None else [threshold_path]
    return missing + [path for path, value in values.items() if value is None]


def _at_least(
    value: int | Decimal | None,
    value_path: str,
    profile: Profile | None,
    threshold: Threshold,
    threshold_path: str,
    what: Text,
    unit: Text,
) -> Outcome:
    missing = _needs(profile, threshold, threshold_path, {value_path: value})
    limit = None if profile is None else threshold(profile)
    if missing or value is None or limit is None:
        return NotEvaluable(missing)
    if value >= limit:
        return Passed(
            Text(
                f"{what.en}: {value} {_en_unit(unit, value)}, at least the {limit} the profile requires",
                f"{what.zh}：{value}{unit.zh}，不低于标准要求的 {limit}{unit.zh}",
            )
        )
    return Failed(
        [
            Finding(
                value_path,
                Text(
                    f"{what.en}: {value} {_en_unit(unit, value)}, below the {limit} the profile requires",
                    f"{what.zh}：{value}{unit.zh}，低于标准要求的 {limit}{unit.zh}",
                ),
            )
        ]
    )


_PEOPLE = Text("people", "人")


_YUAN = Text("yuan per resident per year", "元/人/年")


def _en_unit(unit: Text, value: int | Decimal) -> str:
    return "person" if unit is _PEOPLE and value == 1 else unit.en


#: Past this many digits an amount is shown with an exponent: a report must stay readable even for
#: a budget of ``1e30`` or a profile's ``1e999999``, which are judged exactly all the same.
_PLAIN_DIGITS = 24


def _plain(amount: Decimal) -> str:
    """An amount without a trailing ``.0``: 1.5 x 24000 is 36000, not 36000.0."""
    with localcontext(prec=_PLAIN_DIGITS + 4, Emax=MAX_EMAX, Emin=MIN_EMIN):
        amount = amount.normalize()
    if -_PLAIN_DIGITS < amount.adjusted() < _PLAIN_DIGITS:
        return f"{amount:f}"
    return f"{amount:E}"


def _per_resident_shown(budget: Decimal, population: int) -> str:
    """Yuan per resident to the fen, for people; the judgement itself uses exact fractions."""
    with localcontext(prec=_PLAIN_DIGITS + 4, Emax=MAX_EMAX, Emin=MIN_EMIN):
        share = budget / population
        if share.adjusted() < _PLAIN_DIGITS:
            return f"{share.quantize(Decimal('0.01')):f}"
    return _plain(share)


def _full_time(profile: Profile) -> int | None:
    return profile.full_time_staff


def _staff_low(profile: Profile) -> int | None:
    return None if profile.staff is None else profile.staff.low


def _per_resident(profile: Profile) -> Decimal | None:
    return profile.funding_per_resident


def _full_time_committed(plan: Plan, profile: Profile | None) -> Outcome:
    return _at_least(
        plan.commitments.full_time_staff,
        "commitments.full_time_staff",
        profile,
        _full_time,
        "profile.staffing.full_time",
        Text("full-time staff committed", "承诺的专职人员"),
        _PEOPLE,
    )


def _staff_committed(plan: Plan, profile: Profile | None) -> Outcome:
    staff = plan.commitments.staff
    return _at_least(
        None if staff is None else staff.low,
        "commitments.staff",
        profile,
        _staff_low,
        "profile.staffing.staff",
        Text("full- and part-time staff committed (lower bound)", "承诺的专兼职人员（下限）"),
        _PEOPLE,
    )


def _funding_committed(plan: Plan, profile: Profile | None) -> Outcome:
    return _at_least(
        plan.commitments.funding_per_resident,
        "commitments.funding_per_resident",
        profile,
        _per_resident,
        "profile.funding.per_resident",
        Text("funding committed", "承诺的经费"),
        _YUAN,
    )


def _funding_earmarked(plan: Plan, profile: Profile | None) -> Outcome:
    if profile is None:
        return NotEvaluable(["profile"])
    if profile.funding_earmarked is None:
        return NotEvaluable(["profile.funding.earmarked"])
    if not profile.funding_earmarked:
        return Passed(
            Text("the profile does not require ring-fenced funding", "标准档案不要求专款专用")
        )
    if plan.commitments.funding_earmarked is None:
        # A plan that says nothing about ring-fencing has not refused it: the data is missing.
        return NotEvaluable(["commitments.funding_earmarked"])
    if plan.commitments.funding_earmarked:
        return Passed(Text("the funding is committed as ring-fenced", "计划承诺经费专款专用"))
    return Failed(
        [
            Finding(
                "commitments.funding_earmarked",
                Text(
                    "the plan does not commit to ring-fenced funding",
                    "计划没有承诺经费专款专用",
                ),
            )
        ]
    )


def _full_time_actual(plan: Plan, profile: Profile | None) -> Outcome:
    return _at_least(
        plan.resources.full_time_staff,
        "resources.full_time_staff",
        profile,
        _full_time,
        "profile.staffing.full_time",
        Text("full-time staff in post", "现有专职人员"),
        _PEOPLE,
    )


def _staff_actual(plan: Plan, profile: Profile | None) -> Outcome:
    full, part = plan.resources.full_time_staff, plan.resources.part_time_staff
    if full is None or part is None:
        values = {"resources.full_time_staff": full, "resources.part_time_staff": part}
        return NotEvaluable(_needs(profile, _staff_low, "profile.staffing.staff", values))
    return _at_least(
        full + part,
        "resources",
        profile,
        _staff_low,
        "profile.staffing.staff",
        Text("full- and part-time staff in post", "现有专兼职人员"),
        _PEOPLE,
    )


def _funding_actual(plan: Plan, profile: Profile | None) -> Outcome:
    budget = plan.resources.budget
    population = plan.township.resident_population
    values = {
        "resources.budget": budget,
        # A population of 0 gives no per-resident figure, so it is as good as missing.
        "township.resident_population": population or None,
    }
    missing = _needs(profile, _per_resident, "profile.funding.per_resident", values)
    threshold = None if profile is None else profile.funding_per_resident
    if missing or budget is None or not population or threshold is None:
        return NotEvaluable(missing)
    with localcontext(prec=_PLAIN_DIGITS + 4, Emax=MAX_EMAX, Emin=MIN_EMIN):
        needed = threshold * population
    per_resident = _per_resident_shown(budget, population)
    numbers = Text(
        f"budget {budget} yuan for {population} residents is {per_resident} yuan per resident;"
        f" the profile requires {threshold} ({_plain(needed)} yuan)",
        f"预算 {budget} 元、常住人口 {population} 人，人均 {per_resident} 元；"
        f"标准要求人均 {threshold} 元（共 {_plain(needed)} 元）",
    )
    if Fraction(budget) >= Fraction(threshold) * population:
        return Passed(numbers)
    return Failed([Finding("resources.budget", numbers)])


_STANDARD_SOURCE = Text(
    f"The provincial standard as cited by {JINSHAN}: “{STAFF_QUOTE}” “{FUNDING_QUOTE}”",
    f"《{JINSHAN}》引述的省定标准：“{STAFF_QUOTE}”“{FUNDING_QUOTE}”",
)


RULES: tuple[Rule, ...] = (
    Rule(
        "CE200",
        "profile-level",
        Severity.INFO,
        Text(
            "The standard profile governs the level of the unit whose plan it is: a community,"
            " a township or a district.",
            "标准档案适用于计划所属单位的层级：村（社区）、镇（乡、街道）或区（县、市）。",
        ),
        Text(
            "A standard of another level (such as the national demonstration-district one for a"
            " township's plan) can be compared with the plan but does not bind it.",
            "其他层级的标准（如全国社区教育示范区标准之于镇街计划）可用于比较，但不约束该计划。",
        ),
        Text("The profile's own applies_to field.", "标准档案写明的适用层级（applies_to = …）。"),
        _profile_level,
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "Checked against national-demonstration",
            "按 national-demonstration 检查",
            example_plan,
            "national-demonstration",
        ),
        scope="profile",
        title=Text("Profile level", "标准档案层级"),
        failure=Text(
            "The standard profile does not govern the level the plan belongs to.",
            "标准档案不适用于计划所属的层级。",
        ),
    ),
    Rule(
        "CE201",
        "full-time-staff-committed",
        Severity.ERROR,
        Text(
            "The plan commits to at least the profile's number of full-time staff.",
            "计划承诺的专职人员不少于标准。",
        ),
        Text("Staffing is the first thing the standard fixes.", "人员配置是标准首先规定的内容。"),
        _STANDARD_SOURCE,
        _full_time_committed,
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "The plan commits to 1 full-time staff member",
            "计划承诺 1 名专职人员",
            edit(commitments=Commitments(1, CountRange(3, 5), Decimal("1"), True)),
        ),
        scope="commitments.full_time_staff",
        title=Text("Full-time staff committed", "承诺的专职人员"),
        failure=Text(
            "The plan commits to fewer full-time staff than the profile requires.",
            "计划承诺的专职人员少于标准。",
        ),
    ),
    Rule(
        "CE202",
        "staff-committed",
        Severity.ERROR,
        Text(
            "The plan commits to at least the profile's lower bound of full- and part-time staff.",
            "计划承诺的专兼职人员不少于标准下限。",
        ),
        Text(
            "The standard's 3–5 is a range by size of township; at least its lower bound is required.",
            "标准的 3—5 名依镇街规模而定，至少要达到下限。",
        ),
        _STANDARD_SOURCE,
        _staff_committed,
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "The plan commits to 2 full- and part-time staff",
            "计划承诺 2 名专兼职人员",
            edit(commitments=Commitments(2, CountRange(2, 2), Decimal("1"), True)),
        ),
        scope="commitments.staff",
        title=Text("Staff committed", "承诺的专兼职人员"),
        failure=Text(
            "The plan commits to fewer full- and part-time staff than the profile requires.",
            "计划承诺的专兼职人员少于标准下限。",
        ),
    ),
    Rule(
        "CE203",
        "funding-committed",
        Severity.ERROR,
        Text(
            "The plan commits to at least the profile's funding per resident per year.",
            "计划承诺的人均经费不低于标准。",
        ),
        Text(
            "Funding by resident population is what keeps community education running all year.",
            "按常住人口拨付的经费是社区教育常年运转的保障。",
        ),
        _STANDARD_SOURCE,
        _funding_committed,
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "Checked against national-demonstration (2 yuan)",
            "按 national-demonstration（2 元）检查",
            example_plan,
            "national-demonstration",
        ),
        scope="commitments.funding_per_resident",
        title=Text("Funding committed", "承诺的人均经费"),
        failure=Text(
            "The plan commits to less funding per resident than the profile requires.",
            "计划承诺的人均经费低于标准。",
        ),
    ),
    Rule(
        "CE204",
        "funding-earmarked",
        Severity.ERROR,
        Text(
            "The plan commits to ring-fenced funding where the profile requires it.",
            "标准要求时，计划承诺经费专款专用。",
        ),
        Text(
            "Funds that are not ring-fenced can be spent on other work.",
            "不专款专用的经费可能被挪作他用。",
        ),
        _STANDARD_SOURCE,
        _funding_earmarked,
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "The funding is not committed as ring-fenced",
            "未承诺专款专用",
            edit(commitments=Commitments(2, CountRange(3, 5), Decimal("1"), False)),
        ),
        scope="commitments.funding_earmarked",
        title=Text("Funding ring-fenced", "经费专款专用"),
        failure=Text(
            "The plan does not commit to ring-fenced funding where the profile requires it.",
            "标准要求专款专用，计划没有承诺。",
        ),
    ),
    Rule(
        "CE211",
        "full-time-staff-actual",
        Severity.ERROR,
        Text(
            "The township actually has at least the profile's number of full-time staff.",
            "镇街现有专职人员不少于标准。",
        ),
        Text(
            "A commitment is checked apart from the figures: the inspection counts people in post.",
            "承诺与实际分开检查：督导看的是在岗人数。",
        ),
        _STANDARD_SOURCE,
        _full_time_actual,
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "1 full-time staff member in post",
            "在岗专职人员 1 名",
            edit(resources=Resources(1, 3, Decimal("20000"))),
        ),
        scope="resources.full_time_staff",
        title=Text("Full-time staff in post", "专职人员在岗人数"),
        failure=Text(
            "Fewer full-time staff are in post than the profile requires.",
            "在岗专职人员少于标准。",
        ),
    ),
    Rule(
        "CE212",
        "staff-actual",
        Severity.ERROR,
        Text(
            "The township actually has at least the profile's lower bound of full- and part-time staff.",
            "镇街现有专兼职人员不少于标准下限。",
        ),
        Text(
            "A commitment is checked apart from the figures: the inspection counts people in post.",
            "承诺与实际分开检查：督导看的是在岗人数。",
        ),
        _STANDARD_SOURCE,
        _staff_actual,
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "2 full-time and no part-time staff in post",
            "在岗专职 2 名、兼职 0 名",
            edit(resources=Resources(2, 0, Decimal("20000"))),
        ),
        scope="resources",
        title=Text("Staff in post", "专兼职人员在岗人数"),
        failure=Text(
            "Fewer full- and part-time staff are in post than the profile requires.",
            "在岗专兼职人员少于标准下限。",
        ),
    ),
    Rule(
        "CE213",
        "funding-actual",
        Severity.ERROR,
        Text(
            "The budget divided by the resident population meets the profile's funding per resident.",
            "预算按常住人口人均不低于标准。",
        ),
        Text(
            "The commitment says how much per resident; only the budget and the population show it is met.",
            "承诺只说人均多少，只有预算和常住人口才能说明是否做到。",
        ),
        _STANDARD_SOURCE,
        _funding_actual,
        example(PASSES, PASSES_ZH, example_plan),
        example(
            "A budget of 15000 yuan for 20000 residents",
            "预算 15000 元、常住人口 20000 人",
            edit(resources=Resources(2, 2, Decimal("15000"))),
        ),
        scope="resources.budget",
        title=Text("Funding per resident", "人均经费"),
        failure=Text(
            "The budget per resident is below the profile's funding per resident.",
            "预算按常住人口人均低于标准。",
        ),
    ),
)
