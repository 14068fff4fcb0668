"""What a compliance rule is and what it can say about a plan.

A rule is data plus one function: its code, name, severity and bilingual documentation travel
with it, so reports, ``commedu rules`` and the docs all read the same record. Its function
answers with exactly one outcome — passed, failed with findings, not evaluable naming the
missing data, or not applicable saying why the requirement does not bind this plan — so a rule
can never pass silently for want of information.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

import attrs

from commedu._messages import Lang, check_lang, render
from commedu.model.fieldcheck import define, sequence
from commedu.model.text import Text

if TYPE_CHECKING:
    from commedu.model.ledger import Ledger
    from commedu.model.plan import Plan
    from commedu.model.profile import Profile

__all__ = [
    "Actuals",
    "Example",
    "Failed",
    "Finding",
    "NotApplicable",
    "NotEvaluable",
    "Outcome",
    "Passed",
    "Rule",
    "Severity",
    "Status",
    "outcome",
    "written_on",
]

_CODE = re.compile(r"[A-Z]{1,4}[0-9]{3}")
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_VERSION = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+")


class Severity(enum.Enum):
    """How much a failure matters; ``--fail-on`` compares against this order."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return ("info", "warning", "error").index(self.value)

    def label(self, lang: Lang) -> str:
        return render(f"severity-{self.value}", lang)


class Status(enum.Enum):
    """The one answer a rule gives for a plan."""

    PASS = "pass"
    FAIL = "fail"
    NOT_EVALUABLE = "not-evaluable"
    NOT_APPLICABLE = "not-applicable"

    def label(self, lang: Lang) -> str:
        return render(f"status-{self.value}", lang)


@define
class Finding:
    """One place in the plan where a rule fails; ``path`` is e.g. ``schedule.activities[20]``."""

    path: str
    message: Text


@define
class Passed:
    note: Text | None = None


def _findings(items: Iterable[Finding]) -> tuple[Finding, ...]:
    found = sequence(items)  # what is not a list of findings is named by the type check
    if found == ():
        raise ValueError("a failed outcome needs at least one finding")
    return found


@define
class Failed:
    findings: tuple[Finding, ...] = attrs.field(converter=_findings)


def _missing(items: Iterable[str]) -> tuple[str, ...]:
    found = sequence(items)  # what is not a list of names is named by the type check
    if found == () or (isinstance(found, tuple) and "" in found):
        raise ValueError("a not-evaluable outcome must name the missing data")
    return found


@define
class NotEvaluable:
    """The rule cannot judge: ``missing`` names the data it needs, e.g. ``township.resident_population``."""

    missing: tuple[str, ...] = attrs.field(converter=_missing)
    note: Text | None = None


@define
class NotApplicable:
    """The requirement does not bind this plan (no stations to check, a standard not yet in force);
    ``reason`` says why. Unlike not evaluable, no missing data would change the answer."""

    reason: Text = attrs.field(validator=attrs.validators.instance_of(Text))


Outcome = Passed | Failed | NotEvaluable | NotApplicable


def outcome(findings: Iterable[Finding], note: Text | None = None) -> Outcome:
    """Failed with ``findings`` if there are any, else passed with ``note``."""
    found = tuple(findings)
    return Failed(found) if found else Passed(note)


def written_on(plan: Plan) -> date:
    """When the plan was written: its date of issue or publication, else the first day of its year."""
    if plan.issued_on is not None:
        return plan.issued_on
    if plan.source is not None and plan.source.issued_on is not None:
        return plan.source.issued_on
    if plan.published_on is not None:
        return plan.published_on
    return date(plan.year, 1, 1)


@define
class Actuals:
    """What was actually done (the ledger) and the day the rules judge it on."""

    ledger: Ledger
    as_of: date


@define
class Example:
    """A documented case: a plan (built on demand) on which the rule passes or fails.

    A rule over actuals also names the ledger (built on demand) and the day it is judged on.
    """

    note: Text
    plan: Callable[[], Plan]
    profile: str | Profile | None = "shandong-township"
    ledger: Callable[[], Ledger] | None = None
    as_of: date | None = None


def _code(_: object, __: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise ValueError(
            f"rule code {value!r} must be 1-4 capital letters and 3 digits, e.g. 'XY101'"
        )


def _name(_: object, __: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _NAME.fullmatch(value):
        raise ValueError(f"rule name {value!r} must be kebab-case, e.g. 'every-month-has-work'")


def _since(_: object, __: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _VERSION.fullmatch(value):
        raise ValueError(f"since {value!r} must be a version such as '0.1.0'")


def _default_title(rule: Rule) -> Text:
    # Defaults are made before validation: a bad name is left for its own validator to report.
    name = rule.name if isinstance(rule.name, str) and rule.name.strip() else "-"
    return Text(name, name)


def _default_failure(rule: Rule) -> Text:
    summary = rule.summary if isinstance(rule.summary, Text) else Text("-", "-")
    return Text(
        render("rule-not-met", "en", summary=summary.en),
        render("rule-not-met", "zh", summary=summary.zh),
    )


@define
class Rule:
    """A compliance rule: a stable code, its documentation, and the check itself."""

    code: str = attrs.field(validator=_code)
    name: str = attrs.field(validator=_name)
    severity: Severity = attrs.field(validator=attrs.validators.instance_of(Severity))
    summary: Text = attrs.field(validator=attrs.validators.instance_of(Text))
    rationale: Text = attrs.field(validator=attrs.validators.instance_of(Text))
    #: where the requirement comes from
    source: Text = attrs.field(validator=attrs.validators.instance_of(Text))
    check: Callable[[Plan, Profile | None], Outcome] = attrs.field(eq=False)
    passing: Example
    failing: Example
    scope: str = ""  #: the part of the plan the rule reads, e.g. ``commitments.staff``
    #: the commedu version that first shipped the rule; a fixed record, never the running version
    since: str = attrs.field(default="0.1.0", validator=_since)
    #: the day the requirement came into force; a plan written before it is not bound by it.
    #: A profile's ``[effective]`` table may set or move it for its own standard.
    effective: date | None = None
    #: the check to run instead of ``check`` when a ledger of what was done is given
    actuals: Callable[[Plan, Profile | None, Actuals], Outcome] | None = attrs.field(
        default=None, eq=False
    )
    #: the rule's name for people, e.g. 专职人员在岗人数; Chinese output shows it instead of the
    #: ``name``, which stays the stable key for ``--select`` and JSON. Default: the name.
    title: Text = attrs.field(
        default=attrs.Factory(_default_title, takes_self=True),
        validator=attrs.validators.instance_of(Text),
        kw_only=True,
    )
    #: what a failure says when the rule fails in several places, e.g. 有工作站在配档表中没有工作;
    #: each finding then says where. Default: the summary, marked as not met.
    failure: Text = attrs.field(
        default=attrs.Factory(_default_failure, takes_self=True),
        validator=attrs.validators.instance_of(Text),
        kw_only=True,
    )

    def label(self, lang: Lang) -> str:
        """How a report names the rule: the slug in English, the Chinese title in Chinese."""
        return self.title.zh if check_lang(lang) == "zh" else self.name

    def effective_for(self, profile: Profile | None) -> date | None:
        if profile is not None and self.code in profile.effective:
            return profile.effective[self.code]
        return self.effective

    def __call__(
        self, plan: Plan, profile: Profile | None, actuals: Actuals | None = None
    ) -> Outcome:
        effective = self.effective_for(profile)
        written = written_on(plan)
        if effective is not None and written < effective:
            return NotApplicable(
                Text(
                    f"the requirement came into force on {effective.isoformat()}, after the plan"
                    f" was written ({written.isoformat()})",
                    f"该要求自 {effective.isoformat()} 起施行，晚于计划制定时间"
                    f"（{written.isoformat()}）",
                )
            )
        if actuals is not None and self.actuals is not None:
            result = self.actuals(plan, profile, actuals)
        else:
            result = self.check(plan, profile)
        if not isinstance(result, Passed | Failed | NotEvaluable | NotApplicable):
            raise TypeError(
                f"rule {self.code} returned {result!r}; "
                "return Passed, Failed, NotEvaluable or NotApplicable"
            )
        return result
