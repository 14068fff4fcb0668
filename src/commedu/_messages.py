"""The catalogue of user-facing messages, each in English and Chinese.

Messages are looked up by a stable code so a test can prove that every one exists in both
languages and so callers never have to parse an English sentence.
"""

from __future__ import annotations

from typing import Any, Literal

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")

#: code -> {lang: template}; templates use ``str.format`` fields.
MESSAGES: dict[str, dict[Lang, str]] = {
    "empty-text": {
        "en": "must not be empty",
        "zh": "不能为空",
    },
    "bad-id": {
        "en": "{value!r} is not a valid id; use lowercase ASCII letters, digits, '-', '_' or '.',"
        " starting with a letter or digit (e.g. {example!r})",
        "zh": "{value!r} 不是有效的标识；请用小写英文字母、数字、“-”“_”“.”，并以字母或数字开头"
        "（例如 {example!r}）",
    },
    "duplicate-id": {
        "en": "id {value!r} is already used by {first}; ids must be unique",
        "zh": "标识 {value!r} 已被 {first} 使用；标识不能重复",
    },
    "negative": {
        "en": "{value} is negative; it must be 0 or more",
        "zh": "{value} 是负数；必须大于或等于 0",
    },
    "not-positive": {
        "en": "{value} must be 1 or more",
        "zh": "{value} 必须大于或等于 1",
    },
    "range-order": {
        "en": "the range {low}–{high} is backwards; the first number must not exceed the second",
        "zh": "范围 {low}—{high} 颠倒了；前一个数不能大于后一个数",
    },
    "not-a-month": {
        "en": "{value!r} is not a month (1–12)",
        "zh": "{value!r} 不是月份（1—12）",
    },
    "not-a-year": {
        "en": "{value!r} is not a year (1900–2999)",
        "zh": "{value!r} 不是年份（1900—2999）",
    },
    "bad-date": {
        "en": "{value!r} is not a date in {year}",
        "zh": "{year} 年没有 {value!r} 这一天",
    },
    "outside-year": {
        "en": "{value} is outside the plan year {year}; every date must fall in {year}",
        "zh": "{value} 不在计划年度 {year} 年内；所有日期都必须在 {year} 年",
    },
    "span-order": {
        "en": "{first} comes after {last}; a span must end on or after its start",
        "zh": "{first} 晚于 {last}；结束不能早于开始",
    },
    "naive-time": {
        "en": "the time {value} has no time zone; give one (e.g. Asia/Shanghai)",
        "zh": "时间 {value} 没有时区；请指定时区（如 Asia/Shanghai）",
    },
    "bad-zone": {
        "en": "{value!r} is not a known time zone (use an IANA name such as 'Asia/Shanghai')",
        "zh": "{value!r} 不是已知时区（请使用 IANA 名称，如 “Asia/Shanghai”）",
    },
    "not-positive-duration": {
        "en": "the duration {value} must be longer than zero",
        "zh": "时长 {value} 必须大于零",
    },
    "bad-rrule": {
        "en": "{value!r} is not a valid RRULE: {reason}",
        "zh": "{value!r} 不是有效的重复规则（RRULE）：{reason}",
    },
    "empty-rrule": {
        "en": "the recurrence {value!r} has no occurrence in the plan year {year}",
        "zh": "重复规则 {value!r} 在计划年度 {year} 年内没有任何一次",
    },
    "unbounded-rrule": {
        "en": "the recurrence {value!r} never ends; give UNTIL or COUNT so it stays in the plan year",
        "zh": "重复规则 {value!r} 没有结束；请给出 UNTIL 或 COUNT，使其不超出计划年度",
    },
    "bad-when": {
        "en": "{value!r} is not a time the plan understands; write e.g. {examples}",
        "zh": "无法识别时间 {value!r}；可写作 {examples}",
    },
    "unknown-ref": {
        "en": "{kind} {value!r} is not defined; defined {kind}s: {known}",
        "zh": "未定义的{kind_zh} {value!r}；已定义的{kind_zh}：{known}",
    },
    "year-mismatch": {
        "en": "{value} belongs to {other}, not to the plan year {year}",
        "zh": "{value} 属于 {other} 年，而不是计划年度 {year} 年",
    },
    "no-activities": {
        "en": "no activity matches {selection}; widen the selection (known departments: {departments};"
        " stations: {stations})",
        "zh": "没有符合 {selection} 的工作；请放宽筛选条件（已定义的部门：{departments}；工作站：{stations}）",
    },
    "bad-months": {
        "en": "{value!r} is not a month range; write two months from 1 to 12, the first not after"
        " the second (e.g. '3-6' or '4')",
        "zh": "{value!r} 不是月份范围；请写 1 至 12 之间的两个月份，前者不大于后者（如 “3-6” 或 “4”）",
    },
    "bad-component": {
        "en": "{value!r} is not a calendar component; use 'event' or 'todo'",
        "zh": "{value!r} 不是日历条目类型；请使用 “event”（日程）或 “todo”（待办）",
    },
    "naive-stamp": {
        "en": "the stamp {value} has no time zone; give one, e.g. '2021-01-01T00:00:00Z'",
        "zh": "时间戳 {value} 没有时区；请指定时区，如 “2021-01-01T00:00:00Z”",
    },
    "bad-source-date-epoch": {
        "en": "SOURCE_DATE_EPOCH={value!r} is not a whole number of seconds since 1970; fix or unset it",
        "zh": "SOURCE_DATE_EPOCH={value!r} 不是自 1970 年起的整数秒数；请改正或取消该环境变量",
    },
    "file-name-clash": {
        "en": "{first} and {second} would both be written to {file!r}; rename one of them",
        "zh": "{first} 和 {second} 将写入同一个文件 {file!r}；请为其中之一改名",
    },
}


def render(code: str, lang: Lang = "en", /, **params: Any) -> str:
    """The message ``code`` in ``lang``, with ``params`` filled in."""
    return MESSAGES[code][lang].format(**params)
