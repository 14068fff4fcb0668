"""Quantitative targets (工作目标 with a figure) as data a rule can compare.

Plans state targets in sentences such as 从业人员年继续教育培训率不低于50%; a :class:`Target` keeps
the sentence verbatim beside the figure, so a rule can compare it with what a standard asks and a
report can quote the plan's own words. A profile sets targets the same way.
"""

from __future__ import annotations

import enum
from decimal import Decimal, InvalidOperation
from typing import cast

import attrs

from commedu._messages import Lang, check_lang, kind_label, render
from commedu.errors import PlanError, Problem
from commedu.model.checks import check_id, check_text
from commedu.model.fieldcheck import define

__all__ = ["Comparator", "Target"]


class Comparator(enum.Enum):
    """How a target's figure binds: at least, at most, or exactly."""

    AT_LEAST = ">="  #: 不低于、不少于、达到…以上
    AT_MOST = "<="  #: 不高于、不超过
    EXACTLY = "="  #: 完成、建成

    @property
    def zh(self) -> str:
        return self.label("zh")

    @property
    def en(self) -> str:
        return self.label("en")

    def label(self, lang: Lang = "en") -> str:
        """The comparison in words, from the message catalogue: 不低于, at least."""
        return kind_label("comparator", self.value, lang)

    def holds(self, value: Decimal, limit: Decimal) -> bool:
        """Whether ``value`` meets a bound of this kind at ``limit``."""
        if self is Comparator.AT_LEAST:
            return value >= limit
        if self is Comparator.AT_MOST:
            return value <= limit
        return value == limit


PERCENT = "%"


def _decimal(value: Decimal | int | str) -> Decimal:
    """Text and whole numbers become ``Decimal``; anything else is left for the type check."""
    if isinstance(value, int | str) and not isinstance(value, bool):
        try:
            return Decimal(value)
        except InvalidOperation:
            pass
    return cast(Decimal, value)


@define
class Target:
    """One quantitative target: ``what`` ``comparator`` ``value`` ``unit``, and its sentence."""

    id: str  #: a stable slug the profile uses for the same target, e.g. ``staff-training-rate``
    what: str  #: what is measured, in the plan's words, e.g. 从业人员年继续教育培训率
    comparator: Comparator
    value: Decimal = attrs.field(converter=_decimal)
    unit: str = PERCENT  #: ``%`` for a rate or share, else the counting word (门, 人次, 个)
    text: str = ""  #: the plan's sentence, verbatim
    #: the year the figure is for, in a plan of several years (到2019年…达到60%)
    year: int | None = None
    #: the stage the figure is for, in the plan's words (第一阶段, 十二五末), where it names one
    stage: str | None = None

    @property
    def key(self) -> tuple[str, int | None, str | None]:
        """What one target is among a plan's: its id, year and stage together."""
        return (self.id, self.year, self.stage)

    def when(self, lang: str) -> str:
        """The year or stage the figure is for, in words (empty when it is for the whole plan)."""
        if self.year is not None:
            return render("target-year", check_lang(lang), year=self.year)
        if self.stage is not None:
            return render("target-stage", check_lang(lang), stage=self.stage)
        return ""

    #: a ratio's base: ``value`` per this many residents (1.5 full-time staff per 10000)
    per: int | None = None
    #: the fewest a ratio asks for, whatever the population ("never fewer than 5")
    floor: Decimal | None = attrs.field(default=None, converter=attrs.converters.optional(_decimal))

    @property
    def is_ratio(self) -> bool:
        return self.per is not None

    def limit(self, population: int | None) -> Decimal | None:
        """The figure that binds a unit of ``population`` residents; None if a ratio lacks it.

        A ratio's figure is ``value`` per ``per`` residents, and never below its ``floor``.
        """
        if self.per is None:
            return self.value
        if population is None:
            return None
        scaled = self.value * population / self.per
        return scaled if self.floor is None else max(scaled, self.floor)

    @property
    def is_percent(self) -> bool:
        return self.unit == PERCENT

    def describe(self, lang: str) -> str:
        code = "target-describe-percent" if self.is_percent else "target-describe"
        figure = f"{self.value.normalize():f}"
        comparator = self.comparator.label(check_lang(lang))
        if self.per is not None:
            code = "target-describe-ratio"
        words = render(
            code,
            check_lang(lang),
            what=self.what,
            comparator=comparator,
            figure=figure,
            unit=self.unit,
            per=self.per,
        )
        if self.floor is None:
            return words
        floor = f"{self.floor.normalize():f}"
        return render(
            "target-describe-floor", check_lang(lang), words=words, floor=floor, unit=self.unit
        )

    def __attrs_post_init__(self) -> None:
        problems = [
            check_id(self.id, "staff-training-rate"),
            check_text(self.what, "what"),
            check_text(self.unit, "unit"),
            None
            if self.year is None or 1900 <= self.year <= 2999
            else Problem("year", "not-a-year", {"value": self.year}),
            None if self.stage is None else check_text(self.stage, "stage"),
            None
            if isinstance(self.comparator, Comparator)
            else Problem("comparator", "target-comparator", {"value": self.comparator}),
        ]
        if not self.value.is_finite() or self.value < 0:
            problems.append(Problem("value", "negative", {"value": self.value}))
        elif self.is_percent and self.value > 100:
            problems.append(Problem("value", "target-percent", {"value": self.value}))
        if self.per is not None and self.per < 1:
            problems.append(Problem("per", "not-positive", {"value": self.per}))
        if self.per is not None and self.is_percent:
            problems.append(Problem("per", "target-ratio-percent", {"value": self.per}))
        if self.floor is not None and self.per is None:
            problems.append(Problem("floor", "target-floor-without-ratio", {"value": self.floor}))
        elif self.floor is not None and (not self.floor.is_finite() or self.floor < 0):
            problems.append(Problem("floor", "negative", {"value": self.floor}))
        found = [p for p in problems if p is not None]
        if found:
            raise PlanError(found)
