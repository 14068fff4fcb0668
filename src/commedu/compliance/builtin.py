"""commedu's own compliance rules, codes ``CE`` + three digits, one module per family.

- CE1xx plan integrity (:mod:`.integrity`): the plan states what a reader needs to judge it.
- CE2xx provincial standards (:mod:`.standards`): staffing and funding, commitments and actual
  figures apart; CE220 (:mod:`.targets`) quantitative targets.
- CE3xx schedule coverage (:mod:`.coverage`): the 配档表 carries the plan's work through the year;
  CE308 (:mod:`.places`) work at every place; CE309 (:mod:`.holidays`) dated work in a statutory
  holiday break.
- CE4xx required events (:mod:`.events`): the events every year's plan must schedule.
- CE5xx actuals (:mod:`.actuals`): the 台账 against the plan; run only when a ledger is given.

Each rule carries its documentation and two example plans, one it passes and one it fails; the
tests run every example, so the docs cannot drift from the code.
"""

from commedu.compliance import (
    actuals,
    coverage,
    events,
    holidays,
    integrity,
    places,
    standards,
    targets,
)
from commedu.compliance.examples import example_plan
from commedu.compliance.rule import Rule

__all__ = ["ACTUALS_RULES", "BUILTIN_RULES", "example_plan"]

BUILTIN_RULES: tuple[Rule, ...] = (
    *integrity.RULES,
    *actuals.with_ledger(standards.RULES),
    *targets.RULES,
    *coverage.RULES,
    *places.RULES,
    *holidays.RULES,
    *events.RULES,
)

#: The rules over a ledger; :func:`~commedu.compliance.engine.check` adds them when given one.
ACTUALS_RULES: tuple[Rule, ...] = actuals.RULES
