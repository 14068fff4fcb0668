"""Every user-facing message exists in English and Chinese and renders with its parameters."""

from __future__ import annotations

import re
import string

import pytest

from commedu import PlanFileError, loads_plan
from commedu._messages import LANGS, MESSAGES, render, syntax_reason_zh


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
    # English also keeps a plan file's ``path`` beside a field's label, for programs.
    english_only = {f for f in fields["en"] if f"{f}_zh" in fields["zh"] or f == "path"}
    assert fields["en"] - english_only <= fields["zh"]
    params = {name: f"<{name}>" for lang in LANGS for name in fields[lang]}
    for lang in LANGS:
        text = render(code, lang, **params)
        assert text.strip()
        assert "{" not in text


def test_chinese_messages_are_written_in_chinese() -> None:
    for code, texts in MESSAGES.items():
        # Only fields and punctuation (a place: “{label}（{line}）”) need no Chinese words.
        bare = re.sub(r"\{[^{}]*\}", "", texts["zh"])
        chinese = any("\u4e00" <= ch <= "\u9fff" for ch in texts["zh"])
        assert chinese or not re.search(r"[A-Za-z]", bare), code


@pytest.mark.parametrize(
    ("text", "zh"),
    [
        ('id = "x"\nyear 2021\n', "键后面缺少“=”"),
        ('title = "金山镇\n', "缺少结尾的引号"),
        ("a = [1, 2\n", "列表缺少结尾的“]”"),
        ("a = 1\na = 2\n", "不能覆盖已有的值"),
        ("[a]\nb = 1\n[a]\n", "表 'a' 声明了两次"),
        ("a = nope\n", "无效的值"),
        ("a = { b = 1\n", "内联表缺少结尾的“}”"),
    ],
)
def test_toml_syntax_errors_are_explained_in_chinese(text: str, zh: str) -> None:
    with pytest.raises(PlanFileError) as info:
        loads_plan(text)
    (problem,) = info.value.problems
    assert zh in problem.message("zh")
    # English keeps the parser's own words.
    assert problem.params["reason"] in problem.message("en")


@pytest.mark.parametrize(
    ("text", "zh"),
    [
        ('{"id": "x",}', "键名必须用双引号括起来"),
        ('{"id" "x"}', "缺少“:”分隔符"),
        ("", "此处应有一个值"),
    ],
)
def test_json_syntax_errors_are_explained_in_chinese(text: str, zh: str) -> None:
    with pytest.raises(PlanFileError) as info:
        loads_plan(text or "[", "json")
    assert zh in info.value.problems[0].message("zh") or text == ""


def test_an_unknown_parser_reason_falls_back_to_english() -> None:
    assert syntax_reason_zh("Something new went wrong") == "Something new went wrong"
