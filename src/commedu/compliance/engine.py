"""The compliance engine: which rules exist, which are selected, and running them on a plan.

Rules come from three places — commedu's own (codes ``CE``…), rules registered at run time with
:func:`register_rule`, and rules other packages publish under the entry-point group
``commedu.rules`` — and are treated alike. Selection works like ruff's ``--select``/``--ignore``:
a selector is ``ALL``, a code or a code prefix; for each rule the most specific matching
selector decides, and an ignore wins a tie.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from importlib import metadata
from pathlib import Path

from commedu._typecheck import check_arguments
from commedu.compliance.builtin import ACTUALS_RULES, BUILTIN_RULES
from commedu.compliance.report import ComplianceReport, RuleResult
from commedu.compliance.rule import Actuals, Rule
from commedu.datafile.profile import BUILTIN_PROFILES, load_profile
from commedu.errors import PlanError, Problem, ProfileError, RuleSelectorError
from commedu.model.ledger import Ledger
from commedu.model.plan import Plan
from commedu.model.profile import Profile

__all__ = [
    "ENTRY_POINT_GROUP",
    "check",
    "register_rule",
    "reset_plugin_rules",
    "resolve",
    "rules",
    "unregister_rule",
]

ENTRY_POINT_GROUP = "commedu.rules"
RESERVED_PREFIX = "CE"  #: codes of commedu's own rules; other rules choose their own prefix

_registered: dict[str, Rule] = {}
#: The rules installed packages publish, read once per process (``None``: not read yet).
_plugins: tuple[Rule, ...] | None = None


def register_rule(rule: Rule) -> Rule:
    """Add a rule to every later check and to ``commedu rules``; returns the rule."""
    check_arguments(register_rule, rule=rule)
    if rule.code.startswith(RESERVED_PREFIX):
        raise ValueError(
            f"rule code {rule.code!r}: codes starting {RESERVED_PREFIX!r} belong to commedu's "
            "built-in rules; give your rules their own prefix, e.g. 'SD101'"
        )
    _check_unique([*rules(), rule])
    _registered[rule.code] = rule
    return rule


def unregister_rule(code: str) -> None:
    """Remove a rule added with :func:`register_rule`."""
    check_arguments(unregister_rule, code=code)
    if code not in _registered:
        raise KeyError(f"no registered rule {code!r}; registered: {', '.join(_registered) or '-'}")
    del _registered[code]


def reset_plugin_rules() -> None:
    """Forget the installed packages' rules, so the next check discovers them again.

    Discovery reads every installed distribution's metadata, so it happens once per process;
    call this after installing or removing a package that publishes rules while running.
    """
    global _plugins
    _plugins = None


def _plugin_rules() -> tuple[Rule, ...]:
    global _plugins
    if _plugins is None:
        _plugins = _discover()
    return _plugins


def _discover() -> tuple[Rule, ...]:
    found: list[Rule] = []
    for entry in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        loaded = entry.load()
        items = [loaded] if isinstance(loaded, Rule) else loaded
        if not isinstance(items, Iterable) or not all(isinstance(r, Rule) for r in items):
            raise TypeError(
                f"entry point {entry.name!r} ({entry.value}) in group {ENTRY_POINT_GROUP!r} must "
                "name a commedu.Rule or a list of them"
            )
        for rule in items:
            if rule.code.startswith(RESERVED_PREFIX):
                raise ValueError(
                    f"entry point {entry.name!r}: rule code {rule.code!r} uses the prefix "
                    f"{RESERVED_PREFIX!r}, which belongs to commedu's built-in rules"
                )
            found.append(rule)
    return tuple(found)


def _check_unique(all_rules: Sequence[Rule]) -> None:
    for attr in ("code", "name"):
        seen: set[str] = set()
        for rule in all_rules:
            key = getattr(rule, attr)
            if key in seen:
                raise ValueError(f"two rules share the {attr} {key!r}; {attr}s must be unique")
            seen.add(key)


def rules() -> tuple[Rule, ...]:
    """Every known rule — built-in (those over a ledger too), from entry points, registered — in code order."""
    everything = [*BUILTIN_RULES, *ACTUALS_RULES, *_plugin_rules(), *_registered.values()]
    _check_unique(everything)
    return tuple(sorted(everything, key=lambda r: r.code))


def _specificity(code: str, selectors: Sequence[str]) -> int | None:
    """The length of the longest selector matching ``code`` (``ALL`` counts as 0), if any."""
    lengths = [0 if s == "ALL" else len(s) for s in selectors if s == "ALL" or code.startswith(s)]
    return max(lengths, default=None)


def resolve(
    codes: Iterable[str], select: Sequence[str] | None = None, ignore: Sequence[str] | None = None
) -> tuple[str, ...]:
    """The codes that ``select`` and ``ignore`` leave enabled (``select`` defaults to ``ALL``)."""
    known = tuple(codes)
    chosen = ("ALL",) if select is None else tuple(select)
    dropped = () if ignore is None else tuple(ignore)
    for selector in (*chosen, *dropped):
        if selector != "ALL" and not any(code.startswith(selector) for code in known):
            raise RuleSelectorError(selector)
    enabled = []
    for code in known:
        selected = _specificity(code, chosen)
        ignored = _specificity(code, dropped)
        if selected is not None and (ignored is None or selected > ignored):
            enabled.append(code)
    return tuple(enabled)


def _profile_file(plan: Plan, name: str) -> Path:
    """The profile file a plan names: beside the plan file or below its folder, nowhere else.

    A plan file must not make us open any file on the machine, so a path that is absolute,
    climbs out of the plan's folder (``..``, or a link that leads out) or has no folder to be
    read from is refused.
    """
    written = Path(name)
    if plan.folder is None:
        known = ", ".join(BUILTIN_PROFILES)
        problem = Problem("profile", "profile-file-no-folder", {"value": name, "known": known})
    elif written.is_absolute() or written.drive or ".." in written.parts:
        problem = Problem("profile", "profile-file-outside", {"value": name})
    else:
        folder = plan.folder.resolve()
        found = (folder / written).resolve()
        if found.is_relative_to(folder):
            return found
        problem = Problem("profile", "profile-file-outside", {"value": name})
    raise ProfileError([problem], name)


def _profile_for(plan: Plan, profile: Profile | str | Path | None) -> Profile | None:
    if isinstance(profile, Profile):
        return profile
    if profile is not None:
        return load_profile(profile)
    if plan.profile is None:
        return None
    if plan.profile not in BUILTIN_PROFILES and plan.profile.lower().endswith(".toml"):
        return load_profile(_profile_file(plan, plan.profile))
    if plan.profile not in BUILTIN_PROFILES:
        raise ProfileError(
            [
                Problem(
                    "profile",
                    "profile-unknown",
                    {"value": plan.profile, "known": ", ".join(BUILTIN_PROFILES)},
                )
            ],
            plan.profile,
        )
    return load_profile(plan.profile)


def check(
    plan: Plan,
    profile: Profile | str | Path | None = None,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    ledger: Ledger | None = None,
    as_of: date | None = None,
) -> ComplianceReport:
    """Check ``plan`` against ``profile`` (default: the one the plan names) with the selected rules.

    ``profile`` is a :class:`Profile`, a built-in profile's name or the path of a profile file.
    With a ``ledger`` of what was done, the rules over actuals (CE5xx) run too, judging it on
    ``as_of`` (default: the last day of the plan's period), and CE211–CE213 read its figures.
    Raises :class:`~commedu.errors.ProfileError` if the profile cannot be found or read,
    :class:`~commedu.errors.RuleSelectorError` if a selector matches no rule and
    :class:`~commedu.errors.PlanError` if the ledger is for another plan.
    """
    check_arguments(
        check, plan=plan, profile=profile, select=select, ignore=ignore, ledger=ledger, as_of=as_of
    )
    standard = _profile_for(plan, profile)
    actuals = None
    available = rules()
    if ledger is None:
        # Rules over a ledger have nothing to read without one: they are not run, not failed.
        ledger_only = {r.code for r in ACTUALS_RULES}
        available = tuple(r for r in available if r.code not in ledger_only)
    else:
        if (ledger.plan_id, ledger.year) != (plan.id, plan.year):
            raise PlanError(
                [
                    Problem(
                        "plan_id",
                        "ledger-other-plan",
                        {"value": f"{ledger.plan_id} {ledger.year}", "plan": plan.id},
                    )
                ]
            )
        actuals = Actuals(ledger, as_of or plan.span.last)
    enabled = set(resolve((r.code for r in available), select, ignore))
    results = []
    for candidate in available:
        if candidate.code not in enabled:
            continue
        try:
            results.append(RuleResult(candidate, candidate(plan, standard, actuals)))
        except Exception as exc:
            exc.add_note(f"while checking rule {candidate.code} ({candidate.name})")
            raise
    day = None if actuals is None else actuals.as_of
    return ComplianceReport(plan.id, plan.title, standard, tuple(results), day)
