"""What the importer guessed or could not place, each with where in the document it came from."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from commedu._messages import Lang, render
from commedu.importer.document import Where
from commedu.model.fieldcheck import define

__all__ = ["Note"]


def _as_dict(params: Mapping[str, Any]) -> dict[str, Any]:
    # Anything but a mapping is left for the field's type check to name.
    return dict(params) if isinstance(params, Mapping) else params


@define
class Note:
    """One thing for the clerk to check; ``code`` names its message in the catalogue."""

    where: Where
    code: str
    params: Mapping[str, Any] = attrs.field(factory=dict, converter=_as_dict, hash=False)

    def message(self, lang: Lang = "en") -> str:
        return render(self.code, lang, **self.params)

    def describe(self, lang: Lang = "en") -> str:
        return render(
            "place-problem", lang, place=self.where.describe(lang), message=self.message(lang)
        )
