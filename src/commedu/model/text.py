"""Bilingual text: every sentence a rule or a profile shows a person, in English and Chinese."""

from __future__ import annotations

import attrs

from commedu._messages import Lang, check_lang
from commedu.model.fieldcheck import define

__all__ = ["Text"]


def _nonempty(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be non-empty text, got {value!r}")


@define
class Text:
    """One piece of user-facing text in English and in Chinese."""

    en: str = attrs.field(validator=_nonempty)
    zh: str = attrs.field(validator=_nonempty)

    def __call__(self, lang: Lang) -> str:
        return self.zh if check_lang(lang) == "zh" else self.en
