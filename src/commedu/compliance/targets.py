"""CE220 quantitative targets: the plan sets its figures at least as high as the standard's.

Targets are data on both sides — a plan states ``从业人员年继续教育培训率不低于50%`` as a
:class:`~commedu.model.targets.Target`, a profile sets the same target id with the figure it
requires — so one generic rule compares any number of them.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from commedu.compliance.examples import PASSES, PASSES_ZH, example, example_plan, quote
from commedu.compliance.rule import (
    Failed,
    Finding,
    NotApplicable,
    NotEvaluable,
    Outcome,
    Passed,
    Rule,
    Severity,
)
from commedu.model.plan import Plan
from commedu.model.profile import Profile
from commedu.model.targets import Comparator, Target
from commedu.model.text import Text

__all__ = ["RULES", "elder_share_plan"]


def _as_demanding(stated: Target, required: Target, population: int | None = None) -> bool:
    """Whether the plan's target promises at least what the standard's does.

    A ratio ("1.5 per 10000 residents, never fewer than 5") binds as the figure it comes to for
    the unit's ``population``.
    """
    if stated.unit != required.unit:
        return False
    if stated.comparator not in (required.comparator, Comparator.EXACTLY):
        return False
    value, limit = stated.limit(population), required.limit(population)
    return value is not None and limit is not None and required.comparator.holds(value, limit)


def _stated(plan: Plan, key: str, year: int | None) -> tuple[int, Target] | None:
    """The plan's figure to compare with the standard's target ``key``.

    A standard's figure for a year is compared with the plan's for that year (or, failing one,
    its figure for the whole plan); a standard's figure of no year with the plan's for the whole
    plan, else the plan's last: the figure for its last year, or its last stage.
    """
    found = [(i, t) for i, t in enumerate(plan.targets) if t.id == key]
    whole = [(i, t) for i, t in found if t.year is None and t.stage is None]
    if year is not None:
        chosen = [(i, t) for i, t in found if t.year == year] or whole
        return chosen[0] if chosen else None
    if whole:
        return whole[0]
    by_year = sorted((t.year or 0, i) for i, t in found)
    return (by_year[-1][1], plan.targets[by_year[-1][1]]) if by_year else None


def _said(target: Target, lang: str) -> str:
    """The target in words, with the year or stage its figure is for."""
    when = target.when(lang)
    if not when:
        return target.describe(lang)
    return f"{when}{target.describe(lang)}" if lang == "zh" else f"{target.describe(lang)} {when}"


def _targets_met(plan: Plan, profile: Profile | None) -> Outcome:
    if profile is None:
        return NotEvaluable(["profile"])
    if not profile.targets:
        return NotApplicable(
            Text(
                f"the profile {profile.name!r} sets no quantitative targets",
                f"标准档案 {profile.name!r} 没有量化指标",
            )
        )
    findings, missing, met = [], [], []
    for key, required in sorted(profile.targets.items()):
        found = _stated(plan, key, required.year)
        if found is None:
            missing.append(f"targets.{key}")
            continue
        i, stated = found
        population = plan.township.resident_population
        if (required.is_ratio or stated.is_ratio) and population is None:
            # A ratio binds only as the figure it comes to for the population.
            missing.append("township.resident_population")
            continue
        if _as_demanding(stated, required, population):
            met.append(stated)
            continue
        findings.append(
            Finding(
                f"targets[{i}]",
                Text(
                    f"the plan sets {quote(_said(stated, 'en'))}; the profile requires"
                    f" {quote(_said(required, 'en'))}",
                    f"计划定为{quote(_said(stated, 'zh'))}，标准要求{quote(_said(required, 'zh'))}",
                ),
            )
        )
    if findings:
        return Failed(findings)
    if missing:
        return NotEvaluable(
            missing,
            Text(
                "the plan states no figure for these targets",
                "计划未对这些指标写明数值",
            )
            if any(m.startswith("targets.") for m in missing)
            else Text(
                "a target per so many residents needs the resident population",
                "按常住人口计的指标需要常住人口数",
            ),
        )
    return Passed(
        Text(
            "; ".join(_said(t, "en") for t in met),
            "；".join(_said(t, "zh") for t in met),
        )
    )


ELDER_SHARE = Target(
    "elder-participation-share",
    "经常性参与教育活动的老年人占老年人口总数的比例",
    Comparator.AT_LEAST,
    Decimal(20),
    text="以各种形式经常性参与教育活动的老年人占老年人口总数的比例达到20%以上。",
)


def elder_share_plan(value: int = 20) -> Plan:
    """The example plan with an elder-participation target of ``value`` %."""
    return attrs.evolve(example_plan(), targets=(attrs.evolve(ELDER_SHARE, value=value),))


RULES: tuple[Rule, ...] = (
    Rule(
        "CE220",
        "targets-meet-profile",
        Severity.ERROR,
        Text(
            "Every quantitative target the profile sets, the plan states at least as high"
            " (a rate, a share, a count).",
            "标准档案设定的每项量化指标（比率、占比、数量），计划都不低于标准。",
        ),
        Text(
            "A standard fixes figures such as the share of older people who learn regularly; a plan"
            " that sets a lower figure, or a different unit, has planned for less.",
            "标准规定了如老年人经常性参与学习的比例等数值；计划定得更低或单位不同，就是按更低要求安排工作。",
        ),
        Text(
            "The profile's [targets] table; e.g. 河南省老年教育发展规划（2017—2020年）: "
            "“以各种形式经常性参与教育活动的老年人占老年人口总数的比例达到20%以上”.",
            "标准档案的 [targets] 表；如《河南省老年教育发展规划（2017—2020年）》："
            "“以各种形式经常性参与教育活动的老年人占老年人口总数的比例达到20%以上”。",
        ),
        _targets_met,
        example(
            f"{PASSES}, with the share of older learners at 20%",
            f"{PASSES_ZH}，老年人经常性参与学习比例为 20%",
            elder_share_plan,
            "henan-elder-education",
        ),
        example(
            "The plan sets the share at 15%",
            "计划定为 15%",
            lambda: elder_share_plan(15),
            "henan-elder-education",
        ),
        scope="targets",
        title=Text("Targets meet the profile", "量化指标达标"),
        failure=Text(
            "Some quantitative targets of the plan are below the profile's.",
            "计划有量化指标低于标准档案的要求。",
        ),
    ),
)
