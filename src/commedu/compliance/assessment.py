"""One assessment: a plan judged once, against one profile, with an optional ledger, on one day.

Every face that shows how a plan stands — ``commedu check``, the year at a glance (written or
served), the inspection report and the district roll-up — renders this one value instead of
calling the engine itself, so no two faces can judge the same inputs differently.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import attrs

from commedu._typecheck import check_arguments
from commedu.compliance.actuals import ActivityProgress, progress
from commedu.compliance.engine import check
from commedu.compliance.report import ComplianceReport, RuleResult
from commedu.compliance.rule import Actuals, Status
from commedu.model.fieldcheck import type_checked
from commedu.model.ledger import Ledger
from commedu.model.plan import Plan
from commedu.model.profile import Profile

__all__ = ["Assessment", "assess"]


@attrs.frozen(field_transformer=type_checked)
class Assessment:
    """How a plan stands: the rules' results and, with a ledger, each activity's progress.

    ``as_of`` is the day the ledger was judged on, and ``None`` exactly when there is no ledger.
    """

    plan: Plan
    compliance: ComplianceReport
    ledger: Ledger | None = None
    as_of: date | None = None
    progress: tuple[ActivityProgress, ...] = ()

    def __attrs_post_init__(self) -> None:
        if (self.ledger is None) != (self.as_of is None):
            raise ValueError("an assessment has an as-of day exactly when it has a ledger")
        if self.ledger is None and self.progress:
            raise ValueError("progress comes from a ledger; this assessment has none")

    @property
    def profile(self) -> Profile | None:
        return self.compliance.profile

    @property
    def results(self) -> tuple[RuleResult, ...]:
        return self.compliance.results

    def statuses(self) -> dict[str, Status]:
        """Each rule's answer by code: what every face must agree on."""
        return {r.code: r.status for r in self.compliance.results}


def assess(
    plan: Plan,
    profile: Profile | str | Path | None = None,
    *,
    ledger: Ledger | None = None,
    as_of: date | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> Assessment:
    """Judge ``plan`` once: :func:`~commedu.compliance.engine.check` with the same arguments, and
    with a ``ledger`` each planned activity's progress on ``as_of`` (default: the last day of the
    plan's period, 31 December of a one-year plan).

    Raises what :func:`~commedu.compliance.engine.check` raises.
    """
    check_arguments(
        assess,
        plan=plan,
        profile=profile,
        ledger=ledger,
        as_of=as_of,
        select=select,
        ignore=ignore,
    )
    day = None if ledger is None else as_of or plan.span.last
    report = check(plan, profile, select=select, ignore=ignore, ledger=ledger, as_of=day)
    if ledger is None or day is None:
        return Assessment(plan, report)
    return Assessment(plan, report, ledger, day, progress(plan, Actuals(ledger, day)))
