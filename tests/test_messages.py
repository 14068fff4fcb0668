"""Every user-facing message exists in English and Chinese and renders with its parameters."""

from __future__ import annotations

import string

import pytest

from commedu._messages import LANGS, MESSAGES, render


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_fields(code: str) -> None:
    assert set(MESSAGES[code]) == set(LANGS)
    fields = {
        lang: {name for _, name, _, _ in string.Formatter().parse(MESSAGES[code][lang]) if name}
        for lang in LANGS
    }
    # A field may be language-specific only when it carries a translated word: English ``kind``
    # is Chinese ``kind_zh``.
    assert {f for f in fields["zh"] if not f.endswith("_zh")} <= fields["en"]
    assert {f for f in fields["en"] if f"{f}_zh" not in fields["zh"]} <= fields["zh"]
    params = {name: f"<{name}>" for lang in LANGS for name in fields[lang]}
    for lang in LANGS:
        text = render(code, lang, **params)
        assert text.strip()
        assert "{" not in text


def test_chinese_messages_are_written_in_chinese() -> None:
    for code, texts in MESSAGES.items():
        assert any("\u4e00" <= ch <= "\u9fff" for ch in texts["zh"]), code
