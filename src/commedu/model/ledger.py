"""The 台账: what a township actually did in its plan year, record by record, with evidence.

A plan says what will be done; a ledger says what was. Records may name the planned activity
they fulfil or none (unplanned work is allowed and shown). Like the plan, every type checks its
own fields on construction and the :class:`Ledger` checks what needs the whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from decimal import Decimal

import attrs

from commedu.errors import PlanError, Problem
from commedu.model.fieldcheck import define, sequence
from commedu.model.parts import check_count, check_id, check_text, duplicates, raise_if, to_money

__all__ = ["Evidence", "Expense", "Ledger", "Reach", "Record", "Staffing"]


@define
class Evidence:
    """One item of 佐证材料: its kind (签到表, 照片, 教案, 新闻稿 …) and a file name or description."""

    kind: str
    ref: str = ""

    def __attrs_post_init__(self) -> None:
        raise_if(check_text(self.kind, "kind"))

    def __str__(self) -> str:
        return f"{self.kind}:{self.ref}" if self.ref else self.kind


def _dates(items: Iterable[date]) -> tuple[date, ...]:
    days = sequence(items)
    if isinstance(days, tuple) and all(type(day) is date for day in days):
        return tuple(sorted(set(days)))
    return days  # not days ("2024-03-05" is text): the field's type check names it


def _evidence(items: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return sequence(items)


@define
class Record:
    """One held session: when, where, who came, and what proves it."""

    id: str
    title: str  #: the title as held, which may differ from the plan's
    dates: tuple[date, ...] = attrs.field(converter=_dates)
    activity: str | None = (
        None  #: the id of the planned activity it fulfils; None for unplanned work
    )
    start: time | None = None
    end: time | None = None
    place: str = ""  #: a station id or the venue as written
    organiser: str = ""  #: a department id, name or alias
    participants: int = 0  #: 人次
    elders: int | None = None  #: of whom elders (老年人), where counted
    target_group: str = ""
    lecturer: str = ""
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_evidence)
    notes: str = ""

    def __attrs_post_init__(self) -> None:
        raise_if(
            check_id(self.id, "r001"),
            check_text(self.title, "title"),
            None if self.dates else Problem("dates", "ledger-no-date"),
            check_count(self.participants, "participants"),
            check_count(self.elders, "elders"),
            None
            if self.elders is None or self.elders <= self.participants
            else Problem(
                "elders",
                "ledger-elders-exceed",
                {"value": self.elders, "participants": self.participants},
            ),
            None
            if self.start is None or self.end is None or self.start < self.end
            else Problem("end", "span-order", {"first": self.start, "last": self.end}),
        )

    @property
    def first(self) -> date:
        return self.dates[0]

    @property
    def last(self) -> date:
        return self.dates[-1]


@define
class Staffing:
    """Staff actually in post (在岗), as counted at the inspection."""

    full_time: int
    part_time: int = 0

    def __attrs_post_init__(self) -> None:
        raise_if(check_count(self.full_time, "full_time"), check_count(self.part_time, "part_time"))


@define
class Reach:
    """The year's head counts (人数): distinct people, where a record counts attendances (人次).

    A person who comes to ten sessions is ten 人次 but one 人数, so head counts cannot be summed
    from records: the clerk counts them once for the year, from the sign-in sheets. The
    standards' indicators are stated in persons: 全年接受社区教育服务的社区成员占全体成员的比例
    (reach) and 经常性参与教育活动的老年人占老年人口总数的比例 (elder participation).
    """

    persons: int | None = None  #: people served in the year (全年接受社区教育服务的人数)
    elders: int | None = None  #: of whom elders taking part regularly (经常性参与的老年人数)
    elder_population: int | None = None  #: residents aged 60 or over (60岁及以上老年人口)

    def __attrs_post_init__(self) -> None:
        raise_if(
            check_count(self.persons, "persons"),
            check_count(self.elders, "elders"),
            check_count(self.elder_population, "elder_population"),
            None
            if self.elders is None or self.persons is None or self.elders <= self.persons
            else Problem(
                "elders", "reach-elders-exceed", {"value": self.elders, "persons": self.persons}
            ),
            None
            if self.elders is None
            or self.elder_population is None
            or self.elders <= self.elder_population
            else Problem(
                "elders",
                "reach-elders-population",
                {"value": self.elders, "population": self.elder_population},
            ),
        )


def _amount(value: Decimal | int | str) -> Decimal:
    """Money from a Decimal, a whole number or text; any other type is left for the type check."""
    if isinstance(value, Decimal | int | str) and not isinstance(value, bool):
        try:
            return to_money(value)
        except TypeError as error:
            raise TypeError(f"Expense.amount: {error}") from None
    return value  # type: ignore[return-value]  # refused by the field's type check


@define
class Expense:
    """Money actually spent on community education: one entry of the account."""

    on: date
    amount: Decimal = attrs.field(converter=_amount)
    purpose: str

    def __attrs_post_init__(self) -> None:
        raise_if(check_count(self.amount, "amount"), check_text(self.purpose, "purpose"))


def _records(items: Iterable[Record]) -> tuple[Record, ...]:
    return sequence(items)


def _expenses(items: Iterable[Expense]) -> tuple[Expense, ...]:
    return sequence(items)


@define
class Ledger:
    """A township's ledger for one plan year."""

    plan_id: str  #: the plan it accounts for
    year: int
    records: tuple[Record, ...] = attrs.field(default=(), converter=_records)
    staff: Staffing | None = None
    expenses: tuple[Expense, ...] = attrs.field(default=(), converter=_expenses)
    note: str = ""  #: e.g. that the data are illustrative
    reach: Reach | None = None  #: the year's head counts, where the clerk counted them

    def __attrs_post_init__(self) -> None:
        problems = [
            check_id(self.plan_id, "jinshan-2021", "plan_id"),
            None
            if 1900 <= self.year <= 2999
            else Problem("year", "not-a-year", {"value": self.year}),
            *duplicates((r.id for r in self.records), "records[{}].id", "records"),
            *(
                Problem(f"records[{i}].dates", "outside-year", {"value": d, "year": self.year})
                for i, r in enumerate(self.records)
                for d in r.dates
                if d.year != self.year
            ),
            *(
                Problem(f"expenses[{i}].on", "outside-year", {"value": e.on, "year": self.year})
                for i, e in enumerate(self.expenses)
                if e.on.year != self.year
            ),
        ]
        found = [p for p in problems if p is not None]
        if found:
            raise PlanError(found)

    @property
    def spent(self) -> Decimal | None:
        """Money spent in the year, or None when the ledger keeps no account."""
        return sum((e.amount for e in self.expenses), Decimal(0)) if self.expenses else None

    @property
    def participants(self) -> int:
        return sum(r.participants for r in self.records)

    def for_activity(self, activity_id: str) -> tuple[Record, ...]:
        return tuple(r for r in self.records if r.activity == activity_id)

    @property
    def unplanned(self) -> tuple[Record, ...]:
        return tuple(r for r in self.records if r.activity is None)
