"""The year-end inspection (年终督导) report: the ledger against the plan and the standard, as one value.

It is computed once and rendered as a printable page, a Word document or JSON; every renderer
reads the same value, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import attrs

from commedu._typecheck import check_arguments
from commedu.compliance.actuals import (
    ActivityProgress,
    Basis,
    Progress,
    elder_participation,
    reach,
)
from commedu.compliance.assessment import Assessment, assess
from commedu.compliance.report import ComplianceReport
from commedu.compliance.rule import Actuals
from commedu.model.evidence import canonical
from commedu.model.fieldcheck import define
from commedu.model.ledger import Ledger, Record
from commedu.model.plan import Plan
from commedu.model.profile import InspectionCategory, Profile

__all__ = [
    "CategoryCheck",
    "Completion",
    "EvidenceCheck",
    "Figures",
    "InspectionReport",
    "Lacking",
    "Score",
    "carries",
    "check_category",
    "inspect",
    "inspection",
]


@define
class Completion:
    """How many activities due in a group were held (on time, early or late)."""

    key: str
    label: str
    due: int
    held: int
    not_due: int
    #: a task's number in the plan, which each language prints its own way: （二）, (2)
    number: int | None = None

    @property
    def rate(self) -> Decimal | None:
        return None if not self.due else Decimal(self.held) / self.due


@define
class Figures:
    records: int
    participants: int  #: 人次 held by the as-of day
    elders: int
    training_rate: Decimal | None
    training_target: Decimal | None
    elder_share: Decimal | None
    elder_target: Decimal | None
    full_time_staff: int | None
    part_time_staff: int | None
    spent: Decimal | None
    resident_population: int | None
    #: what the two rates counted: persons where the ledger keeps head counts, else attendances
    training_basis: Basis | None = None
    elder_basis: Basis | None = None
    persons: int | None = None  #: people served in the year (人数), where counted
    elders_taking_part: int | None = None  #: elders taking part regularly (人数), where counted
    elder_population: int | None = None  #: residents aged 60 or over, where counted


@define
class EvidenceCheck:
    """One kind of evidence a category asks for, and the category's records that carry it."""

    kind: str  #: as the profile names it
    records: tuple[str, ...]  #: ids of the records that carry it

    @property
    def held(self) -> bool:
        return bool(self.records)


@define
class Lacking:
    """A record of a category that lacks some of the evidence the category asks for."""

    record: Record
    kinds: tuple[str, ...]


@define
class CategoryCheck:
    """The inspection's checklist for one category: each kind held or missing, and by whom."""

    category: InspectionCategory
    records: tuple[str, ...]  #: ids of the category's records held by the as-of day
    evidence: tuple[EvidenceCheck, ...]
    #: records of a category that names its records (by keywords) and lack some kinds
    lacking: tuple[Lacking, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(e.kind for e in self.evidence if not e.held)

    @property
    def score(self) -> Decimal | None:
        """The category's weight × the share of the evidence kinds it asks for that are held.

        A score is to the hundredth of a point, rounded half up. A category without a weight,
        or one that asks for no evidence (nothing in the ledger to score), has none.
        """
        weight = self.category.weight
        if weight is None or not self.evidence:
            return None
        held = sum(1 for e in self.evidence if e.held)
        return (weight * held / len(self.evidence)).quantize(_HUNDREDTH, ROUND_HALF_UP)


#: Scores are kept to the hundredth of a point.
_HUNDREDTH = Decimal("0.01")


@define
class Score:
    """The inspection's total: the points scored and the weights of the categories scored."""

    points: Decimal
    out_of: Decimal


def carries(record: Record, kind: str) -> bool:
    """Whether ``record`` has evidence of ``kind``, in any of the kind's spellings (教案 is 教案/课件)."""
    wanted = canonical(kind)
    return any(canonical(e.kind) == wanted for e in record.evidence)


def check_category(category: InspectionCategory, held: Iterable[Record]) -> CategoryCheck:
    """The checklist of ``category`` over the records ``held``."""
    records = [r for r in held if category.matches(r.title)]
    evidence = tuple(
        EvidenceCheck(kind, tuple(r.id for r in records if carries(r, kind)))
        for kind in category.evidence
    )
    lacking: tuple[Lacking, ...] = ()
    if category.keywords:  # a category that names its records asks each of them
        lacking = tuple(
            Lacking(r, kinds)
            for r in records
            if (kinds := tuple(k for k in category.evidence if not carries(r, k)))
        )
    return CategoryCheck(category, tuple(r.id for r in records), evidence, lacking)


def _with_ledger(_: object, __: attrs.Attribute[Assessment], value: Assessment) -> None:
    if not isinstance(value, Assessment) or value.ledger is None:
        raise ValueError("an inspection report reads an assessment made with a ledger")


@define
class InspectionReport:
    """The assessment of a plan with its ledger, and the tables an inspection reads from it."""

    assessment: Assessment = attrs.field(validator=_with_ledger)
    by_month: tuple[Completion, ...]
    by_department: tuple[Completion, ...]
    by_task: tuple[Completion, ...]
    unplanned: tuple[Record, ...]
    figures: Figures
    #: the checklist per inspection category the profile declares, in its order
    categories: tuple[CategoryCheck, ...] = ()
    #: each village station, then each school or venue: the town's own roll-up
    by_unit: tuple[Completion, ...] = ()

    @property
    def plan(self) -> Plan:
        return self.assessment.plan

    @property
    def ledger(self) -> Ledger:
        ledger = self.assessment.ledger
        assert ledger is not None  # the field's validator holds it
        return ledger

    @property
    def as_of(self) -> date:
        day = self.assessment.as_of
        assert day is not None  # an assessment with a ledger has its day
        return day

    @property
    def items(self) -> tuple[ActivityProgress, ...]:
        return self.assessment.progress

    @property
    def compliance(self) -> ComplianceReport:
        return self.assessment.compliance

    @property
    def total(self) -> Completion:
        return _completion("all", "", self.items)

    def with_status(self, *statuses: Progress) -> tuple[ActivityProgress, ...]:
        return tuple(i for i in self.items if i.status in statuses)

    @property
    def score(self) -> Score | None:
        """The sum of the categories' scores, out of their weights; none where none is scored."""
        points: list[Decimal] = []
        weights: list[Decimal] = []
        for check in self.categories:
            if check.score is not None and check.category.weight is not None:
                points.append(check.score)
                weights.append(check.category.weight)
        return Score(sum(points, Decimal(0)), sum(weights, Decimal(0))) if points else None


_HELD = (Progress.DONE, Progress.EARLY, Progress.LATE)


def _completion(
    key: str, label: str, items: Iterable[ActivityProgress], number: int | None = None
) -> Completion:
    found = tuple(items)
    return Completion(
        key,
        label,
        due=sum(1 for i in found if i.status is not Progress.NOT_DUE),
        held=sum(1 for i in found if i.status in _HELD),
        not_due=sum(1 for i in found if i.status is Progress.NOT_DUE),
        number=number,
    )


def inspect(
    plan: Plan,
    ledger: Ledger,
    profile: Profile | str | None = None,
    *,
    as_of: date | None = None,
) -> InspectionReport:
    """The inspection report of ``ledger`` against ``plan`` on ``as_of`` (default: 31 December)."""
    check_arguments(inspect, plan=plan, ledger=ledger, profile=profile, as_of=as_of)
    return inspection(assess(plan, profile, ledger=ledger, as_of=as_of))


def inspection(assessment: Assessment) -> InspectionReport:
    """The inspection report that reads ``assessment``, which must have been made with a ledger."""
    ledger, day = assessment.ledger, assessment.as_of
    if ledger is None or day is None:
        raise ValueError("an inspection report needs an assessment made with a ledger")
    plan = assessment.plan
    standard = assessment.profile
    actuals = Actuals(ledger, day)
    items = assessment.progress
    months = tuple(
        _completion(
            f"{m:02d}", f"{m}月", (i for i in items if i.activity.when.span.last.month == m)
        )
        for m in range(1, 13)
    )
    departments = tuple(
        _completion(d.id, d.name, (i for i in items if d in i.activity.responsible))
        for d in plan.departments
    )
    tasks = tuple(
        _completion(
            t.id,
            t.title,
            (
                i
                for i in items
                if t.id in i.activity.serves or any(m.id in i.activity.serves for m in t.mechanisms)
            ),
            t.number,
        )
        for t in plan.tasks
    )
    units = (
        *(
            _completion(st.id, st.name, (i for i in items if i.activity.station == st))
            for st in plan.stations
        ),
        *(
            _completion(pl.id, pl.name, (i for i in items if pl in i.activity.places))
            for pl in plan.places
        ),
    )
    held = [r for r in ledger.records if r.first <= day]
    rate = reach(plan, actuals)
    elder_rate = elder_participation(actuals)
    counted = ledger.reach
    figures = Figures(
        records=len(held),
        participants=sum(r.participants for r in held),
        elders=sum(r.elders or 0 for r in held),
        training_rate=None if rate is None else rate.value,
        training_target=None if standard is None else standard.training_rate,
        elder_share=None if elder_rate is None else elder_rate.value,
        elder_target=None if standard is None else standard.elder_share,
        full_time_staff=None if ledger.staff is None else ledger.staff.full_time,
        part_time_staff=None if ledger.staff is None else ledger.staff.part_time,
        spent=ledger.spent,
        resident_population=plan.township.resident_population,
        training_basis=None if rate is None else rate.basis,
        elder_basis=None if elder_rate is None else elder_rate.basis,
        persons=None if counted is None else counted.persons,
        elders_taking_part=None if counted is None else counted.elders,
        elder_population=None if counted is None else counted.elder_population,
    )
    return InspectionReport(
        assessment,
        months,
        departments,
        tasks,
        tuple(r for r in held if r.activity is None),
        figures,
        () if standard is None else tuple(check_category(c, held) for c in standard.categories),
        units,
    )
