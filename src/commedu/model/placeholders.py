"""The stand-in words a starter plan is written with, finding them, and the id that replaces one.

``commedu init`` fills what it cannot know with words such as 待填写 and 某某村 so the file loads
as written; until a clerk replaces them the plan is not theirs, so the rules report them.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

__all__ = ["MAX_ID_STEM", "PLACEHOLDERS", "find_placeholders", "is_placeholder_id", "plan_id"]

#: Every stand-in the starter plan writes; any text containing one is still a placeholder.
PLACEHOLDERS: tuple[str, ...] = (
    "待填写",
    "某某村",
    "某某社区",
    "某某镇",
    "某某街道",
    "某某学校",
    "某某市民学校",
)

#: The plan id a starter wrote before it spelt the township's name: every township that kept it
#: would publish the same calendar UIDs (``m03-1@township-2024.commedu``).
_PLACEHOLDER_ID = re.compile(r"township-[0-9]{4}")


def is_placeholder_id(value: str) -> bool:
    """Whether a plan id is the starter's stand-in ``township-YYYY`` rather than the plan's own."""
    return _PLACEHOLDER_ID.fullmatch(value) is not None


#: Characters of a plan id made from a name, before the year; ids stay short in calendar UIDs.
MAX_ID_STEM = 48


def plan_id(township: str, year: int) -> str:
    """A plan id from the township's name and the year: 青石镇, 2022 gives ``qingshizhen-2022``.

    Chinese is written in pinyin without tones (pypinyin reads 长乐 as *changle* from its phrase
    dictionary, not character by character); letters and digits are kept, lower-cased, and any
    other run of characters becomes one ``-``, so the id follows the rules every id does. A name
    with nothing to spell gives the stand-in ``township-YYYY``, which ``validate`` reports.
    """
    from pypinyin import lazy_pinyin  # its dictionaries load only when an id is made

    text = unicodedata.normalize("NFKC", township)
    spelt = "".join(lazy_pinyin(text, errors="default")).lower()
    stem = re.sub(r"[^a-z0-9]+", "-", spelt).strip("-")[:MAX_ID_STEM].strip("-")
    return f"{stem or 'township'}-{year}"


#: An activity's fields that hold a part defined elsewhere in the plan (a station's ``place`` is
#: text, not a part): the part is reported where it is defined.
_REFERENCES = frozenset({"station", "place", "responsible"})


def _walk(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield from ((path, p) for p in PLACEHOLDERS if p in value)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _walk(item, f"{path}[{i}]")
    elif attrs.has(type(value)) and not isinstance(value, date | Decimal | enum.Enum):
        for field in attrs.fields(type(value)):
            item = getattr(value, field.name)
            if field.name in _REFERENCES and not isinstance(item, str):
                continue
            where = f"{path}.{field.name}" if path else field.name
            yield from _walk(item, where)


def find_placeholders(plan: object) -> tuple[tuple[str, str], ...]:
    """Each ``(path, placeholder)`` in the plan's text, in field order, e.g.
    ``("township.province", "待填写")``; a text holding two placeholders is listed twice.
    A plan id that is the starter's stand-in (``township-2024``) comes first, as ``("id", id)``."""
    plan_id = getattr(plan, "id", None)
    found = tuple(_walk(plan, ""))
    if isinstance(plan_id, str) and is_placeholder_id(plan_id):
        return (("id", plan_id), *found)
    return found
