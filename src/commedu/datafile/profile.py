"""Profile files: a :class:`~commedu.Profile` read from TOML and written back.

A profile is a TOML file naming its figures and citing where they come from. Three ship with
commedu (``shandong-township``, ``national-demonstration`` and ``henan-elder-education``); a user can write their own and
pass its path. Nothing in a profile is executed: it is read through the data-file room's chain and
strict converter (:mod:`commedu.datafile`), like a plan file, every mistake reported with its path,
line and column in one :class:`ProfileError`.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, NewType

import attrs
import cattrs
import tomli_w
from cattrs.errors import ClassValidationError
from cattrs.gen import make_dict_unstructure_fn

from commedu._atomic import write_bytes
from commedu._typecheck import check_arguments
from commedu.datafile.convert import MAX_INT, Bad, problems, strict_converter
from commedu.datafile.decode import Refused, decode, read_bytes
from commedu.datafile.locate import locate
from commedu.datafile.names import renamed
from commedu.datafile.syntax import parse
from commedu.errors import PlanError, Problem, ProfileError
from commedu.model.evidence import KINDS, near_miss
from commedu.model.fieldcheck import define
from commedu.model.parts import CountRange, money_in_range
from commedu.model.places import LEVELS, Level
from commedu.model.profile import (
    STANDARD_EVENTS,
    EventSpec,
    InspectionCategory,
    Profile,
    ProfileSource,
)
from commedu.model.targets import Comparator, Target
from commedu.model.text import Text

__all__ = [
    "BUILTIN_PROFILES",
    "dump_profile",
    "dumps_profile",
    "load_profile",
    "loads_profile",
    "parse_profile",
]

SCHEMA = 1
BUILTIN_PROFILES = (
    "henan-elder-education",
    "national-demonstration",
    "national-demonstration-west",
    "qingdao-centre-2017",
    "shandong-township",
)

_RULE_CODE = re.compile(r"[A-Z]{1,4}[0-9]{3}")


# -- reading ---------------------------------------------------------------------------------


def load_profile(name_or_path: str | os.PathLike[str]) -> Profile:
    """A built-in profile by name, or a profile read from a ``.toml`` file."""
    check_arguments(load_profile, name_or_path=name_or_path)
    key = os.fspath(name_or_path)
    if isinstance(name_or_path, str) and key in BUILTIN_PROFILES:
        data = resources.files("commedu").joinpath("profiles", f"{key}.toml").read_bytes()
        return loads_profile(data, source=key)
    if Path(key).suffix.lower() != ".toml":
        raise ProfileError(
            [Problem("", "profile-unknown", {"value": key, "known": ", ".join(BUILTIN_PROFILES)})],
            key,
        )
    try:
        data = read_bytes(key, "profile")
    except Refused as exc:
        raise ProfileError(exc.problems, key) from None
    return loads_profile(data, source=key)


def loads_profile(text: str | bytes, source: str | None = None) -> Profile:
    """A profile from TOML text (or a file's bytes); every problem found is reported together.

    Each problem with a path also has the line and column of that path in ``text``.
    """
    check_arguments(loads_profile, text=text, source=source)
    try:
        if isinstance(text, bytes):
            text = decode(text, "profile")
        data = parse(text, "toml", "profile")
    except Refused as exc:
        raise ProfileError(exc.problems, source) from None
    try:
        doc = _CONVERTER.structure(data, _ProfileDoc)
    except ClassValidationError as exc:
        raise ProfileError(locate(list(problems(exc)), text, "toml"), source) from None
    found: list[Problem] = []
    profile = _build(doc, found)
    if found or profile is None:
        raise ProfileError(locate(found, text, "toml"), source)
    return profile


# -- the file's own shape, read by the data-file room's strict converter -----------------------

#: (English, Chinese) names of what a value must be, for "profile-type" messages.
_TYPES: dict[str, tuple[str, str]] = {
    "text": ("non-empty text", "非空文本"),
    "int": ("a whole number of 0 or more", "大于或等于 0 的整数"),
    "money": ("an amount of 0 or more (e.g. 1 or 1.5)", "大于或等于 0 的金额（如 1 或 1.5）"),
    "level": (
        "'community', 'township' or 'district', or a list of them, e.g. [\"township\", \"district\"]",
        '“community”“township”或“district”，或其列表，如 ["township", "district"]',
    ),
    "range": ("a pair [low, high] of whole numbers", "整数对 [下限, 上限]"),
    "month": ("a month (1–12)", "月份（1—12）"),
    "number": ("a number of 0 or more (e.g. 50 or 2.5)", "大于或等于 0 的数（如 50 或 2.5）"),
    "comparator": ("'>=', '<=' or '='", "“>=”“<=”或“=”"),
    "part": (
        "'basic' (基本条件) or 'results' (工作成效)",
        "“basic”（基本条件）或 “results”（工作成效）",
    ),
    "rate": (
        "a fraction of 0 or more (e.g. 0.5 for 50 %)",
        "大于或等于 0 的比例（如 0.5 表示 50%）",
    ),
    "keywords": (
        'a non-empty list of keyword groups, e.g. [["年终督导"], ["年终", "督导"]]',
        '非空的关键词组列表，如 [["年终督导"], ["年终", "督导"]]',
    ),
}

_Words = NewType("_Words", str)  #: non-empty text
_Count = NewType("_Count", int)  #: a whole number of 0 or more
_MonthNumber = NewType("_MonthNumber", int)
_Amount = NewType("_Amount", Decimal)  #: money: 0 or more, within the model's range
_Number = NewType("_Number", Decimal)  #: a target's figure
_Rate = NewType("_Rate", Decimal)  #: a fraction
_Keywords = NewType("_Keywords", tuple[tuple[str, ...], ...])
_Range = NewType("_Range", CountRange)
_Schema = NewType("_Schema", int)  #: the version of the file's shape
_RuleCode = NewType("_RuleCode", str)
_Levels = NewType("_Levels", tuple[Level, ...])  #: one level, or several as a list
_Part = NewType("_Part", str)  #: an inspection category's part: basic or results


def _schema(value: Any, _: type) -> int:
    if not _is_count(value):
        raise _not("int", value)
    if value != SCHEMA:
        raise Bad("profile-schema", value=value, supported=SCHEMA)
    return int(value)


def _rule_code(value: Any, _: type) -> str:
    if not _RULE_CODE.fullmatch(value):
        raise Bad("profile-rule-code", value=value)
    return str(value)


def _not(kind: str, value: Any) -> Bad:
    expected, expected_zh = _TYPES[kind]
    return Bad("profile-type", value=value, kind=expected, kind_zh=expected_zh)


def _is_count(value: Any) -> bool:
    return type(value) is int and 0 <= value <= MAX_INT


def _words(value: Any, _: type) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _not("text", value)
    return value


def _count(value: Any, _: type) -> int:
    if not _is_count(value):
        raise _not("int", value)
    return int(value)


def _month(value: Any, _: type) -> int:
    if type(value) is not int or not 1 <= value <= 12:
        raise _not("month", value)
    return int(value)


def _amount_of(kind: str) -> Callable[[Any, type], Decimal]:
    def structure(value: Any, _: type) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise _not(kind, value)
        amount = Decimal(value)
        if not amount.is_finite() or amount < 0 or not money_in_range(amount):
            raise _not(kind, value)
        return amount

    return structure


def _keywords(value: Any, _: type) -> tuple[tuple[str, ...], ...]:
    if not (
        isinstance(value, list)
        and value
        and all(
            isinstance(g, list) and g and all(isinstance(w, str) and w.strip() for w in g)
            for g in value
        )
    ):
        raise _not("keywords", value)
    return tuple(tuple(group) for group in value)


def _range(value: Any, _: type) -> CountRange:
    if not (
        isinstance(value, list)
        and len(value) == 2
        and all(_is_count(v) for v in value)
        and value[0] <= value[1]
    ):
        raise _not("range", value)
    return CountRange(value[0], value[1])


def _levels(value: Any, _: type) -> tuple[Level, ...]:
    """One level (``"township"``) or a non-empty list of them, each named once."""
    items = [value] if isinstance(value, str) else value
    if not (
        isinstance(items, list)
        and items
        and all(v in LEVELS for v in items)
        and len(set(items)) == len(items)
    ):
        raise _not("level", value)
    return tuple(sorted(items, key=LEVELS.index))


def _dump_levels(levels: tuple[Level, ...]) -> Any:
    return levels[0] if len(levels) == 1 else list(levels)


def _part(value: Any, _: type) -> str:
    if value not in ("basic", "results"):
        raise _not("part", value)
    return str(value)


def _comparator(value: Any, _: type) -> Comparator:
    if value not in {c.value for c in Comparator}:
        raise _not("comparator", value)
    return Comparator(value)


@define
class _TextDoc:
    en: _Words
    zh: _Words


@define
class _SourceDoc:
    title: _Words
    quotes: tuple[_Words, ...] = ()
    note: _TextDoc | None = None
    url: _Words | None = None


@define
class _StaffingDoc:
    full_time: _Count | None = None
    staff: _Range | None = None


@define
class _FundingDoc:
    per_resident: _Amount | None = None
    earmarked: bool | None = None


@define
class _EventDoc:
    keywords: _Keywords
    months: tuple[_MonthNumber, ...] = ()
    per_year: bool = True
    title: _TextDoc | None = None


@define
class _TargetDoc:
    what: _Words
    comparator: Comparator
    value: _Number
    unit: _Words = _Words("%")
    text: _Words | None = None
    year: _Count | None = None
    per: _Count | None = None  #: a ratio: the figure per this many residents
    floor: _Number | None = None  #: and never fewer than this


@define
class _LedgerDoc:
    evidence: tuple[_Words, ...] = ()
    training_rate: _Rate | None = None
    elder_share: _Rate | None = None


@define
class _CategoryDoc:
    """An inspection category: ``[[categories]]``."""

    key: _Words
    title: _TextDoc
    part: _Part
    evidence: tuple[_Words, ...] = ()
    weight: _Number | None = None
    keywords: _Keywords | None = None


@define
class _ProfileDoc:
    """The top level of a profile file."""

    schema: _Schema
    name: _Words
    applies_to: _Levels
    title: _TextDoc
    scope: _TextDoc
    source: _SourceDoc
    staffing: _StaffingDoc = attrs.field(factory=_StaffingDoc)
    funding: _FundingDoc = attrs.field(factory=_FundingDoc)
    events: dict[str, _EventDoc] = attrs.field(factory=dict)
    effective: dict[_RuleCode, date] = attrs.field(factory=dict)
    targets: dict[str, _TargetDoc] = attrs.field(factory=dict)
    ledger: _LedgerDoc = attrs.field(factory=_LedgerDoc)
    categories: tuple[_CategoryDoc, ...] = ()


def _converter() -> cattrs.Converter:
    converter = strict_converter()
    converter.register_structure_hook(_Words, _words)
    converter.register_structure_hook(_Count, _count)
    converter.register_structure_hook(_Schema, _schema)
    converter.register_structure_hook(_RuleCode, _rule_code)
    converter.register_structure_hook(_MonthNumber, _month)
    converter.register_structure_hook(_Amount, _amount_of("money"))
    converter.register_structure_hook(_Number, _amount_of("number"))
    converter.register_structure_hook(_Rate, _amount_of("rate"))
    converter.register_structure_hook(_Keywords, _keywords)
    converter.register_structure_hook(_Range, _range)
    converter.register_structure_hook(Comparator, _comparator)
    converter.register_structure_hook(_Levels, _levels)
    converter.register_structure_hook(_Part, _part)
    # Writing: what is at its default is left out; a range is [low, high] as it is read.
    converter.register_unstructure_hook_factory(
        attrs.has,
        lambda cl: make_dict_unstructure_fn(cl, converter, _cattrs_omit_if_default=True),
    )
    converter.register_unstructure_hook(CountRange, lambda r: [r.low, r.high])
    converter.register_unstructure_hook(Comparator, lambda c: c.value)
    converter.register_unstructure_hook(_Levels, _dump_levels)
    return converter


_CONVERTER = _converter()


def _text(doc: _TextDoc) -> Text:
    return Text(doc.en, doc.zh)


def _event_key_problems(events: dict[str, _EventDoc]) -> list[Problem]:
    """An event the rules do not read by key is the profile's own, and must say its title.

    So a misspelt ``year-end-inspecton`` is an error with the key it is close to, never a
    requirement silently left unchecked.
    """
    found = []
    for key, spec in sorted(events.items()):
        if key in STANDARD_EVENTS or spec.title is not None:
            continue
        close = difflib.get_close_matches(key, STANDARD_EVENTS, n=1, cutoff=0.6)
        if close:
            found.append(
                Problem(f"events.{key}", "event-key-close", {"value": key, "suggestion": close[0]})
            )
        else:
            known = ", ".join(STANDARD_EVENTS)
            found.append(
                Problem(f"events.{key}", "event-needs-title", {"value": key, "known": known})
            )
    return found


def _build(doc: _ProfileDoc, found: list[Problem]) -> Profile | None:
    """The profile a well-formed file describes; what only the whole file shows goes to ``found``."""
    if doc.schema != SCHEMA:
        found.append(
            Problem("schema", "profile-schema", {"value": doc.schema, "supported": SCHEMA})
        )
    effective = {}
    for code, day in sorted(doc.effective.items()):
        if _RULE_CODE.fullmatch(code):
            effective[code] = day
        else:
            found.append(Problem(f"effective.{code}", "profile-rule-code", {"value": code}))
    targets = {}
    for key, spec in sorted(doc.targets.items()):
        try:
            targets[key] = Target(
                key,
                spec.what,
                spec.comparator,
                spec.value,
                spec.unit,
                spec.text or "",
                spec.year,
                per=spec.per,
                floor=spec.floor,
            )
        except PlanError as exc:
            found += [p.at(f"targets.{key}") for p in exc.problems]
    found += _event_key_problems(doc.events)
    categories = _build_categories(doc.categories, found)
    if found:
        return None
    events = {
        key: EventSpec(
            spec.keywords,
            tuple(sorted(set(spec.months))),
            spec.per_year,
            None if spec.title is None else _text(spec.title),
        )
        for key, spec in sorted(doc.events.items())
    }
    source = doc.source
    return Profile(
        name=doc.name,
        title=_text(doc.title),
        applies_to=doc.applies_to,
        scope=_text(doc.scope),
        source=ProfileSource(
            source.title,
            tuple(source.quotes),
            None if source.note is None else _text(source.note),
            source.url,
        ),
        full_time_staff=doc.staffing.full_time,
        staff=doc.staffing.staff,
        funding_per_resident=doc.funding.per_resident,
        funding_earmarked=doc.funding.earmarked,
        events=events,
        effective=dict(sorted(doc.effective.items())),
        targets=targets,
        evidence=tuple(doc.ledger.evidence),
        training_rate=doc.ledger.training_rate,
        elder_share=doc.ledger.elder_share,
        categories=categories,
    )


def _build_categories(
    docs: tuple[_CategoryDoc, ...], found: list[Problem]
) -> tuple[InspectionCategory, ...]:
    """The inspection categories; a repeated key or a slip for an evidence kind goes to ``found``."""
    categories = []
    seen: dict[str, str] = {}
    for i, spec in enumerate(docs):
        where = f"categories[{i}]"
        if spec.key in seen:
            found.append(
                Problem(
                    f"{where}.key", "duplicate-id", {"value": spec.key, "first": seen[spec.key]}
                )
            )
        seen.setdefault(spec.key, where)
        for j, kind in enumerate(spec.evidence):
            if (meant := near_miss(kind)) is not None:
                known = "、".join(k.name for k in KINDS)
                found.append(
                    Problem(
                        f"{where}.evidence[{j}]",
                        "evidence-near-miss",
                        {"value": kind, "suggestion": meant.name, "known": known},
                    )
                )
        try:
            categories.append(
                InspectionCategory(
                    spec.key,
                    _text(spec.title),
                    spec.part,  # type: ignore[arg-type]  # _part holds it to the two
                    tuple(spec.evidence),
                    spec.weight,
                    spec.keywords or (),
                )
            )
        except PlanError as exc:
            found += [p.at(where) for p in exc.problems]
    return tuple(categories)


# -- writing -------------------------------------------------------------------------------


def _text_doc(text: Text) -> _TextDoc:
    return _TextDoc(_Words(text.en), _Words(text.zh))


def _doc(profile: Profile) -> _ProfileDoc:
    """The profile in its file's shape."""
    source = profile.source
    staff = profile.staff
    return _ProfileDoc(
        schema=_Schema(SCHEMA),
        name=_Words(profile.name),
        applies_to=_Levels(profile.applies_to),
        title=_text_doc(profile.title),
        scope=_text_doc(profile.scope),
        source=_SourceDoc(
            _Words(source.title),
            tuple(_Words(q) for q in source.quotes),
            None if source.note is None else _text_doc(source.note),
            None if source.url is None else _Words(source.url),
        ),
        staffing=_StaffingDoc(
            None if profile.full_time_staff is None else _Count(profile.full_time_staff),
            None if staff is None else _Range(staff),
        ),
        funding=_FundingDoc(
            None if profile.funding_per_resident is None else _Amount(profile.funding_per_resident),
            profile.funding_earmarked,
        ),
        events={
            key: _EventDoc(
                _Keywords(spec.keywords),
                tuple(_MonthNumber(m) for m in spec.months),
                spec.per_year,
                None if spec.title is None else _text_doc(spec.title),
            )
            for key, spec in profile.events.items()
        },
        effective={_RuleCode(code): day for code, day in profile.effective.items()},
        targets={
            key: _TargetDoc(
                _Words(target.what),
                target.comparator,
                _Number(target.value),
                _Words(target.unit),
                _Words(target.text) if target.text else None,
                None if target.year is None else _Count(target.year),
                None if target.per is None else _Count(target.per),
                None if target.floor is None else _Number(target.floor),
            )
            for key, target in profile.targets.items()
        },
        ledger=_LedgerDoc(
            tuple(_Words(e) for e in profile.evidence),
            None if profile.training_rate is None else _Rate(profile.training_rate),
            None if profile.elder_share is None else _Rate(profile.elder_share),
        ),
        categories=tuple(
            _CategoryDoc(
                _Words(c.key),
                _text_doc(c.title),
                _Part(c.part),
                tuple(_Words(e) for e in c.evidence),
                None if c.weight is None else _Number(c.weight),
                _Keywords(c.keywords) if c.keywords else None,
            )
            for c in profile.categories
        ),
    )


def dumps_profile(profile: Profile) -> str:
    """The profile as TOML text that :func:`loads_profile` reads back to an equal profile."""
    check_arguments(dumps_profile, profile=profile)
    return tomli_w.dumps(_CONVERTER.unstructure(_doc(profile)))


def dump_profile(profile: Profile, path: str | os.PathLike[str], *, overwrite: bool = True) -> Path:
    """Write the profile to the TOML file ``path`` atomically; returns the path written."""
    check_arguments(dump_profile, profile=profile, path=path, overwrite=overwrite)
    return write_bytes(path, dumps_profile(profile).encode("utf-8"), overwrite=overwrite)


def parse_profile(text: str, source: str | None = None) -> Profile:
    """Deprecated: use :func:`loads_profile`, which also reads a file's bytes."""
    renamed("parse_profile", "loads_profile")
    return loads_profile(text, source)
