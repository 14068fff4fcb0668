"""Which language a plan speaks, so its pages and calendars answer in it unless asked otherwise."""

from __future__ import annotations

import re

from commedu._messages import Lang
from commedu.model.plan import Plan

__all__ = ["plan_lang"]

# CJK Unified Ideographs, Extension A, the compatibility block and the supplementary planes.
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def plan_lang(plan: Plan) -> Lang:
    """``zh`` when the plan's title or township is written in Chinese characters, else ``en``."""
    return "zh" if _HAN.search(plan.title + plan.township.name) else "en"
