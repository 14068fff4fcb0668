"""The catalogue of user-facing messages, each in English and Chinese.

Messages are looked up by a stable code so a test can prove that every one exists in both
languages and so callers never have to parse an English sentence.

Every word a user reads is here: messages, help texts, argparse's own words, labels for the
plan file's fields (:func:`field_label`), kinds and the reasons the operating system gives for a
failed read or write (:func:`os_reason`). It is one table rather than gettext catalogues (through
Babel): a code stays the same when an English sentence is reworded, so programs and tests can
name a message; the two languages sit side by side, so a reviewer sees both and a test proves
that every entry has both with the same fields; and there is no compile step or ``.mo`` file to
ship or to forget. With two languages, a table is all gettext would give us.
"""

from __future__ import annotations

import errno
import re
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
    "duration-too-long": {
        "en": "the duration {value} is longer than a session can be ({limit}, a year); split the work into sessions or write it as a span of days",
        "zh": "时长 {value} 超过单次活动的上限（{limit}，即一年）；请拆分为多次活动，或写成日期范围",
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
    "bad-when-close": {
        "en": "{value!r} is not a time the plan understands — did you mean {suggestion!r}? Other spellings: {examples}",
        "zh": "无法识别时间 {value!r}——是不是 {suggestion!r}？其他写法：{examples}",
    },
    "needs-year": {
        "en": "{value!r} does not say which year of the plan ({first}–{last}) it is in; write the year first, e.g. {examples}",
        "zh": "{value!r} 没有写明是计划期（{first}—{last} 年）的哪一年；请在前面写上年份，如 {examples}",
    },
    "needs-year-close": {
        "en": "{value!r} does not say which year of the plan ({first}–{last}) it is in — did you mean {suggestion!r}?",
        "zh": "{value!r} 没有写明是计划期（{first}—{last} 年）的哪一年——是不是 {suggestion!r}？",
    },
    "no-school-holiday": {
        "en": '{value!r} needs the dates of {name} in {year}, which the plan does not state; add them under [[school_holidays]] (name = "{name}", first = …, last = …)',
        "zh": '{value!r} 需要 {year} 年{name}的起止日期，计划中没有写明；请在 [[school_holidays]] 下添加（name = "{name}"，first = …，last = …）',
    },
    "no-such-week": {
        "en": "{value!r}: that month has only {weeks} weeks in {year}",
        "zh": "{value!r}：{year} 年该月只有 {weeks} 周",
    },
    "unknown-ref": {
        "en": "{kind} {value!r} is not defined; the plan defines {known}",
        "zh": "未定义的{kind_zh} {value!r}；已定义的{kind_zh}：{known}",
    },
    "year-mismatch": {
        "en": "{value} belongs to {other}, not to the plan year {year}",
        "zh": "{value} 属于 {other} 年，而不是计划年度 {year} 年",
    },
    "profile-unknown": {
        "en": "{value!r} is neither a built-in profile nor a .toml file; built-in profiles: {known}",
        "zh": "{value!r} 既不是内置标准档案，也不是 .toml 文件；内置标准档案：{known}",
    },
    "profile-rule-code": {
        "en": "{value!r} is not a rule code; write e.g. CE403 = 2020-11-15",
        "zh": "{value!r} 不是规则代码；应写如 CE403 = 2020-11-15",
    },
    "unit-kind": {
        "en": "{value!r} is not a kind of unit; use 村, 社区, 镇, 乡, 街道, 区, 县 or 市",
        "zh": "{value!r} 不是单位类型；请用 村、社区、镇、乡、街道、区、县 或 市",
    },
    "place-kind": {
        "en": "{value!r} is not a kind of place; use 学校, 市民学校, 场馆 or 其他",
        "zh": "{value!r} 不是场所类型；请用 学校、市民学校、场馆 或 其他",
    },
    "target-comparator": {
        "en": "{value!r} is not a comparator; use '>=' (at least), '<=' (at most) or '=' (exactly)",
        "zh": "{value!r} 不是比较方式；请用 “>=”（不低于）、“<=”（不高于）或 “=”（等于）",
    },
    "target-percent": {
        "en": "{value}% is more than 100%; a rate or share is at most 100",
        "zh": "{value}% 超过 100%；比率或占比不能超过 100",
    },
    "profile-type": {
        "en": "{value!r} is not {kind}",
        "zh": "{value!r} 不是{kind_zh}",
    },
    "profile-schema": {
        "en": "schema {value!r} is not supported; this version of commedu reads schema {supported}",
        "zh": "不支持 schema {value!r}；本版 commedu 只能读取 schema {supported}",
    },
    "unknown-selector": {
        "en": "{value!r} selects no rule; use ALL, a rule code such as CE301 or a prefix such as CE3",
        "zh": "{value!r} 没有选中任何规则；请用 ALL、规则代码（如 CE301）或代码前缀（如 CE3）",
    },
    # -- the kind of data file a message about the whole file names ----------------------------
    "file-kind-plan": {"en": "a plan file", "zh": "计划文件"},
    "file-kind-ledger": {"en": "a ledger file", "zh": "台账文件"},
    "file-kind-profile": {"en": "a profile", "zh": "标准档案"},
    "file-start-plan": {
        "en": "start from the template that 'commedu init' writes",
        "zh": "可用 “commedu init” 生成的模板开始填写",
    },
    "file-start-ledger": {
        "en": "start from the file that 'commedu ledger init' writes",
        "zh": "可用 “commedu ledger init” 生成的文件开始填写",
    },
    "file-start-profile": {
        "en": "start from a copy of a built-in profile",
        "zh": "可复制一个内置标准档案开始填写",
    },
    # -- plan files ---------------------------------------------------------------------------
    "at-line": {
        "en": "line {line}, column {column}",
        "zh": "第 {line} 行第 {column} 列",
    },
    "toml-syntax": {
        "en": "this is not valid TOML: {reason}; check the quotes, brackets and '=' around here",
        "zh": "TOML 语法错误：{reason_zh}；请检查此处附近的引号、括号和“=”",
    },
    "json-syntax": {
        "en": "this is not valid JSON: {reason}",
        "zh": "JSON 语法错误：{reason_zh}",
    },
    "duplicate-key": {
        "en": "the key {value!r} appears twice in the same table; keep one",
        "zh": "同一个表中键 {value!r} 出现了两次；请只保留一个",
    },
    "empty-file": {
        "en": "the file is empty; {start}",
        "zh": "文件是空的；{start}",
    },
    "bom": {
        "en": "the file starts with a byte-order mark (BOM); save it as 'UTF-8' rather than"
        " 'UTF-8 with BOM'",
        "zh": "文件开头有字节顺序标记（BOM）；请另存为 “UTF-8” 而不是 “UTF-8 带 BOM”",
    },
    "utf16": {
        "en": "the file is saved as UTF-16; save it as UTF-8",
        "zh": "文件是 UTF-16 编码；请另存为 UTF-8 编码",
    },
    "not-utf8": {
        "en": "the file is not UTF-8 (the byte {byte} here cannot be read); save it as UTF-8",
        "zh": "文件不是 UTF-8 编码（此处的字节 {byte} 无法读取）；请另存为 UTF-8 编码",
    },
    "not-utf8-gbk": {
        "en": "the file is not UTF-8; it looks like GBK/GB18030 (the usual Chinese Windows"
        " encoding); save it as UTF-8",
        "zh": "文件不是 UTF-8 编码，看起来是 GBK/GB18030（中文 Windows 的常用编码）；请另存为 UTF-8 编码",
    },
    "too-large": {
        "en": "the file is {size} bytes; {kind} may be at most {limit} bytes (10 MiB)",
        "zh": "文件有 {size} 字节；{kind}最大 {limit} 字节（10 MiB）",
    },
    "number-too-long": {
        "en": "a number in the file has thousands of digits; no value in {kind} is that long",
        "zh": "文件中有一个数字长达数千位；{kind}中没有这么长的数值",
    },
    "key-too-deep": {
        "en": "a key with more than {limit} dotted parts; a file needs only a few (e.g. tasks.mechanisms)",
        "zh": "键的点分层级超过 {limit} 层；文件只需要几层（如 tasks.mechanisms）",
    },
    "too-deep": {
        "en": "the file nests brackets or tables too deeply to read; {kind} needs only a few levels",
        "zh": "文件中括号或表嵌套过深，无法读取；{kind}只需要几层嵌套",
    },
    "no-such-file": {
        "en": "{value} does not exist; check the name and folder",
        "zh": "{value} 不存在；请检查文件名和所在文件夹",
    },
    "is-a-directory": {
        "en": "{value} is a folder, not {kind}; give the path of the file itself",
        "zh": "{value} 是文件夹而不是{kind}；请给出文件本身的路径",
    },
    "unreadable": {
        "en": "{value} cannot be read: {reason}",
        "zh": "无法读取 {value}：{reason}",
    },
    "unknown-key": {
        "en": "unknown key {value!r}; the keys allowed here are: {known}",
        "zh": "未知的键 {value!r}；此处可用的键：{known}",
    },
    "unknown-key-close": {
        "en": "unknown key {value!r} — did you mean {suggestion!r}?",
        "zh": "未知的键 {value!r}——是不是 {suggestion!r}？",
    },
    "missing-key": {
        "en": "this is required but missing; add {key} = …",
        "zh": "缺少必填项；请添加 {key} = …",
    },
    "wrong-type": {
        "en": "{value} is {got}, but {expected} is expected here",
        "zh": "{value} 是{got_zh}，此处应为{expected_zh}",
    },
    "not-one-of": {
        "en": "{value!r} is not one of: {choices}",
        "zh": "{value!r} 不在可选值之内：{choices}",
    },
    "not-one-of-close": {
        "en": "{value!r} is not one of: {choices} — did you mean {suggestion!r}?",
        "zh": "{value!r} 不在可选值之内：{choices}——是不是 {suggestion!r}？",
    },
    "bad-date-text": {
        "en": "{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2021-03-08",
        "zh": "{value!r} 不是日期；请写作 YYYY-MM-DD，例如 2021-03-08",
    },
    "bad-money": {
        "en": '{value!r} is not an amount of money; write e.g. "1" or "1.50" (yuan)',
        "zh": '{value!r} 不是金额；请写作 "1" 或 "1.50"（元）',
    },
    "lone-surrogate": {
        "en": "{value} holds a lone UTF-16 surrogate (such as \\ud800), which is not a character; write the character itself or remove the escape",
        "zh": "{value} 含有孤立的 UTF-16 代理码（如 \\ud800），它不是字符；请直接写出该字符或删去这个转义",
    },
    "split-folder-taken": {
        "en": "{folder} holds files that are not calendars of a previous split; split into a new or empty folder (nothing was written)",
        "zh": "{folder} 中有并非上次拆分导出的日历文件；请导出到新的或空的文件夹（未写入任何文件）",
    },
    "money-out-of-range": {
        "en": "{value} is outside the amounts a plan can hold: up to {limit} yuan, to {places} decimal places",
        "zh": "{value} 超出计划可写的金额范围：最多 {limit} 元，最多 {places} 位小数",
    },
    "too-big": {
        "en": "{value} is too large; a whole number here must lie within ±{limit}",
        "zh": "{value} 太大；此处的整数必须在 ±{limit} 之内",
    },
    "unknown-ref-close": {
        "en": "{kind} {value!r} is not defined — did you mean {suggestion!r}? The plan defines {known}",
        "zh": "未定义的{kind_zh} {value!r}——是不是 {suggestion!r}？已定义的{kind_zh}：{known}",
    },
    "ambiguous-ref": {
        "en": "{kind} {value!r} names more than one: {matches}; write the id instead",
        "zh": "{kind_zh} {value!r} 对应多个：{matches}；请改写标识",
    },
    "link-outside-folder": {
        "en": "{value} is a link to a file outside the folder; only files in the folder are served",
        "zh": "{value} 是指向文件夹之外的链接；只提供文件夹内的文件",
    },
    "not-a-regular-file": {
        "en": "{value} is not an ordinary file (a folder, a pipe or a device); it is not read",
        "zh": "{value} 不是普通文件（而是文件夹、管道或设备）；不予读取",
    },
    # -- any unit, any period: units at every level, a plan's period, profiles as data --------
    "kind-unit-村": {"en": "village", "zh": "村"},
    "kind-unit-乡": {"en": "township", "zh": "乡"},
    "kind-unit-区": {"en": "district", "zh": "区"},
    "kind-unit-县": {"en": "county", "zh": "县"},
    "kind-unit-市": {"en": "city", "zh": "市"},
    "kind-level-community": {"en": "the village or community level", "zh": "村（社区）一级"},
    "kind-level-township": {"en": "the township level", "zh": "镇（乡、街道）一级"},
    "kind-level-district": {"en": "the district, county or city level", "zh": "区（县、市）一级"},
    "issuer-and-issuers": {
        "en": "the file gives both issuer ({value!r}) and issuers; write every body in issuers",
        "zh": "文件同时写了 issuer（{value!r}）和 issuers；请把所有发文机关都写在 issuers 中",
    },
    "field:issuers": {"en": "issuers", "zh": "发文机关列表"},
    "field:issuers[]": {"en": "issuer {n}", "zh": "第 {n} 个发文机关"},
    "field:period": {"en": "period the plan covers", "zh": "计划期限"},
    "field:period.first": {"en": "first day of the period", "zh": "计划期限首日"},
    "field:period.last": {"en": "last day of the period", "zh": "计划期限末日"},
    "field:folder": {"en": "folder of the plan file", "zh": "计划文件所在文件夹"},
    "outside-period": {
        "en": "{value} is outside the period the plan covers ({period}); move it into the period"
        " or widen [period]",
        "zh": "{value} 不在计划期限（{period}）内；请改到期限内，或放宽 [period]",
    },
    "event-key-close": {
        "en": "{value!r} is not an event the rules know — did you mean {suggestion!r}? An event of"
        " the profile's own needs a title table (en, zh)",
        "zh": "{value!r} 不是规则识别的活动——是不是 {suggestion!r}？标准档案自定的活动须写 title 表（en、zh）",
    },
    "event-needs-title": {
        "en": "{value!r} is not an event the rules know ({known}); an event of the profile's own"
        " needs a title table (en, zh) so reports can name it",
        "zh": "{value!r} 不是规则识别的活动（{known}）；标准档案自定的活动须写 title 表（en、zh），"
        "以便报告中称呼",
    },
    "target-year": {"en": "for {year}", "zh": "{year}年"},
    "target-stage": {"en": "for {stage}", "zh": "{stage}"},
    "field:targets[].year": {"en": "year", "zh": "年份"},
    "field:targets[].stage": {"en": "stage", "zh": "阶段"},
    "glance-schedule-year": {"en": "The work of {year}", "zh": "{year}年工作安排"},
    "glance-caption-year": {"en": "{year}: {caption}", "zh": "{year}年：{caption}"},
    "profile-file-no-folder": {
        "en": "the plan names the profile file {value!r}, but it was not read from a file, so there"
        " is no folder to find it in; pass the profile with --profile, or name a built-in"
        " profile: {known}",
        "zh": "计划写明标准档案文件 {value!r}，但计划并非从文件读取，无处查找该文件；请用 --profile"
        " 指定，或写内置标准档案：{known}",
    },
    "profile-file-outside": {
        "en": "the plan names the profile file {value!r} outside its own folder; a plan may name"
        " only a profile file beside it or in a folder below it",
        "zh": "计划写明的标准档案文件 {value!r} 不在计划所在文件夹内；计划只能引用同一文件夹或其子文件夹中的标准档案",
    },
    "period-years": {
        "en": "the period {value} does not run from the plan year to its last year ({years});"
        " its first day must be in year and its last day in last_year (or year)",
        "zh": "计划期限 {value} 与计划年度（{years}）不符；首日应在 year 年，末日应在"
        " last_year（或 year）年",
    },
    # -- commedu validate / init ---------------------------------------------------------------
    "cli-validate-help": {
        "en": "check plan files (TOML or JSON) and report every problem in each",
        "zh": "检查计划文件（TOML 或 JSON），逐个报告其中所有问题",
    },
    "cli-files": {
        "en": "plan files to check",
        "zh": "要检查的计划文件",
    },
    "cli-format": {
        "en": "read every file as this format (default: by its extension, .json or else TOML)",
        "zh": "按此格式读取所有文件（默认按扩展名：.json 为 JSON，其余为 TOML）",
    },
    "cli-valid": {
        "en": "{file}: valid (activities: {activities})",
        "zh": "{file}：有效（{activities} 项工作）",
    },
    "cli-invalid": {
        "en": "{file}: {count} problem(s)",
        "zh": "{file}：{count} 个问题",
    },
    "cli-summary": {
        "en": "{valid} of {total} file(s) valid",
        "zh": "{total} 个文件中 {valid} 个有效",
    },
    # -- warnings about a valid plan file (commedu validate) ---------------------------------
    "hint-no-responsible": {
        "en": "{title!r} names no responsible department, so rule {rule} will fail; add"
        ' responsible = ["..."]',
        "zh": '“{title}”没有责任部门，规则 {rule} 将不通过；请添加 responsible = ["..."]',
    },
    "hint-placeholder": {
        "en": "{value!r} still holds the starter file's placeholder {placeholder!r}; write the"
        " real text",
        "zh": "{value!r} 仍含模板中的占位文字 “{placeholder}”；请改为实际内容",
    },
    "cli-init-help": {
        "en": "write a commented starter plan for a township",
        "zh": "为镇街生成带注释的计划模板",
    },
    "cli-township": {
        "en": "the township's name, e.g. 金山镇",
        "zh": "镇街名称，例如 金山镇",
    },
    "cli-kind": {
        "en": "the kind of unit: 镇 (village stations) or 街道/社区 (a 市民学校); default: 镇",
        "zh": "单位类型：镇（村级工作站）或 街道/社区（市民学校）；默认：镇",
    },
    "cli-year": {
        "en": "the plan year, e.g. 2022",
        "zh": "计划年度，例如 2022",
    },
    "cli-output": {
        "en": "the file to write, e.g. plan.toml",
        "zh": "要写入的文件，例如 plan.toml",
    },
    "cli-force": {
        "en": "replace the file if it exists",
        "zh": "文件已存在时覆盖",
    },
    "cli-exists": {
        "en": "{file} already exists; choose another name or add --force to replace it",
        "zh": "{file} 已存在；请换一个文件名，或加 --force 覆盖",
    },
    "cli-written": {
        "en": "wrote {file}; fill it in, then run: commedu validate {file}",
        "zh": "已写入 {file}；填写后运行：commedu validate {file}",
    },
    "cli-cannot-write": {
        "en": "cannot write {file}: {reason}",
        "zh": "无法写入 {file}：{reason}",
    },
    # -- indicators as the standards define them, the inspection by category, charts ------------
    "basis-persons": {"en": "persons", "zh": "按人数"},
    "basis-attendances": {"en": "attendances", "zh": "按人次"},
    "reach-elders-exceed": {
        "en": "{value} elders taking part is more than the {persons} persons served",
        "zh": "参与的老年人 {value} 人多于服务人数 {persons} 人",
    },
    "reach-elders-population": {
        "en": "{value} elders taking part is more than the elder population of {population}",
        "zh": "参与的老年人 {value} 人多于老年人口 {population} 人",
    },
    "place:reach": {"en": "reach", "zh": "台账的人数统计"},
    "place:reach.persons": {"en": "reach.persons", "zh": "台账中的全年服务人数"},
    "place:reach.elders": {"en": "reach.elders", "zh": "台账中的经常参与老年人数"},
    "place:reach.elder_population": {
        "en": "reach.elder_population",
        "zh": "台账中的老年人口（60岁及以上）",
    },
    "target-describe-ratio": {
        "en": "{what} {comparator} {figure} {unit} per {per} residents",
        "zh": "{what}每{per}名常住人口{comparator}{figure}{unit}",
    },
    "target-describe-floor": {
        "en": "{words}, and never fewer than {floor} {unit}",
        "zh": "{words}，且不少于{floor}{unit}",
    },
    "target-ratio-percent": {
        "en": "a target per {value} residents counts something (staff, rooms), not a percentage: give its unit",
        "zh": "按每 {value} 名常住人口计的指标计的是数量（人员、场地），不是百分比：请写明单位",
    },
    "target-floor-without-ratio": {
        "en": "a floor ({value}) belongs to a target per so many residents: add per, or drop floor",
        "zh": "下限（{value}）只用于按常住人口计的指标：请加上 per，或删去 floor",
    },
    "field:targets[].per": {"en": "residents the figure is per", "zh": "指标所按的常住人口基数"},
    "field:targets[].floor": {"en": "fewest the figure allows", "zh": "指标的最低数"},
    "chart-alt": {
        "en": "Chart: {title}, due and held; the table below has the same numbers",
        "zh": "图表：{title}，到期与已开展；下表列有相同数字",
    },
    "evidence-minutes": {"en": "meeting minutes", "zh": "会议纪要"},
    "evidence-plan-document": {"en": "activity plan", "zh": "方案"},
    "evidence-notice": {"en": "notice", "zh": "通知"},
    "evidence-payment-voucher": {"en": "payment voucher", "zh": "拨付凭证"},
    "evidence-sign-in-sheet": {"en": "sign-in sheet", "zh": "签到表"},
    "evidence-photos": {"en": "photos", "zh": "照片"},
    "evidence-video": {"en": "video", "zh": "视频"},
    "evidence-lesson-plan": {"en": "lesson plan or slides", "zh": "教案/课件"},
    "evidence-summary": {"en": "summary", "zh": "小结"},
    "evidence-press-release": {"en": "press release", "zh": "新闻稿"},
    "evidence-satisfaction-tally": {"en": "satisfaction tally", "zh": "满意度统计"},
    "evidence-near-miss": {
        "en": "{value!r} is not a kind of evidence; did you mean {suggestion!r}? Write the kind as one of: {known}",
        "zh": "“{value}” 不是佐证材料的类别；是否应为 “{suggestion}”？类别请写作：{known}",
    },
    "inspection-basis": {"en": "Counted in", "zh": "口径"},
    "inspection-categories": {"en": "Checklist by inspection category", "zh": "分类检查清单"},
    "inspection-category": {"en": "Category", "zh": "类别"},
    "inspection-part": {"en": "Part", "zh": "部分"},
    "inspection-part-basic": {"en": "basic conditions", "zh": "基本条件"},
    "inspection-part-results": {"en": "results", "zh": "工作成效"},
    "inspection-weight": {"en": "Weight", "zh": "分值"},
    "inspection-evidence": {"en": "Evidence", "zh": "佐证材料"},
    "inspection-evidence-status": {"en": "Held", "zh": "情况"},
    "inspection-evidence-held": {"en": "held", "zh": "已具备"},
    "inspection-evidence-missing": {"en": "missing", "zh": "缺少"},
    "inspection-records-with": {"en": "Records that carry it", "zh": "具备的记录"},
    "inspection-lacking": {"en": "Records lacking evidence", "zh": "缺少佐证材料的记录"},
    "inspection-lacks": {"en": "Lacks", "zh": "缺少"},
    "inspection-and-more": {"en": " … {n} in all", "zh": "…共 {n} 条"},
    "inspection-by-unit": {
        "en": "Completion by village station or school",
        "zh": "按村（社区）工作站及学校完成情况",
    },
    "district-missing-ledger": {
        "en": "no ledger: {file} not found",
        "zh": "无台账：未找到 {file}",
    },
    "district-units-title": {
        "en": "Town roll-up by village station or school",
        "zh": "镇街年终督导汇总（按工作站及学校）",
    },
    "district-unit": {"en": "Station or school", "zh": "工作站或学校"},
    "inspection-persons": {"en": "Persons served (head count)", "zh": "全年服务人数"},
    "inspection-elders-taking-part": {
        "en": "Elders taking part regularly (head count)",
        "zh": "经常参与的老年人数",
    },
    "inspection-elder-population": {
        "en": "Elder population (60 or over)",
        "zh": "老年人口（60岁及以上）",
    },
    # -- compliance results and the reports that show them ---------------------------------------
    "severity-info": {"en": "info", "zh": "提示"},
    "severity-warning": {"en": "warning", "zh": "警告"},
    "severity-error": {"en": "error", "zh": "错误"},
    "status-pass": {"en": "pass", "zh": "通过"},
    "status-fail": {"en": "fail", "zh": "未通过"},
    "status-not-evaluable": {"en": "not evaluable", "zh": "无法判定"},
    "status-not-applicable": {"en": "not applicable", "zh": "不适用"},
    "rule-not-met": {"en": "Not met: {summary}", "zh": "未达到：{summary}"},
    "progress-done": {"en": "done", "zh": "已完成"},
    "progress-early": {"en": "early", "zh": "提前完成"},
    "progress-late": {"en": "late", "zh": "延期完成"},
    "progress-missing": {"en": "not done", "zh": "未完成"},
    "progress-not-due": {"en": "not yet due", "zh": "未到期"},
    "compliance-report": {"en": "Compliance report", "zh": "合规检查报告"},
    "compliance-plan": {"en": "Plan", "zh": "计划"},
    "compliance-profile": {"en": "Profile", "zh": "标准档案"},
    "compliance-no-profile": {
        "en": "none (rules that need thresholds cannot be evaluated)",
        "zh": "无（需要标准数值的规则无法判定）",
    },
    "compliance-applies": {"en": "Applies to", "zh": "适用范围"},
    "compliance-source": {"en": "Source", "zh": "依据"},
    "compliance-ledger": {"en": "Ledger", "zh": "台账"},
    "compliance-as-of": {"en": "judged as of {day}", "zh": "按截至 {day} 的情况评判"},
    "compliance-summary": {"en": "Summary", "zh": "汇总"},
    "compliance-code": {"en": "Code", "zh": "代码"},
    "compliance-rule": {"en": "Rule", "zh": "规则"},
    "compliance-severity": {"en": "Severity", "zh": "级别"},
    "compliance-status": {"en": "Status", "zh": "结果"},
    "compliance-message": {"en": "Message", "zh": "说明"},
    "compliance-location": {"en": "Location", "zh": "位置"},
    "compliance-findings": {"en": "Findings", "zh": "问题"},
    "compliance-counts": {
        "en": "{passed} pass, {failed} fail, {unknown} not evaluable, {na} not applicable",
        "zh": "通过 {passed} 项，未通过 {failed} 项，无法判定 {unknown} 项，不适用 {na} 项",
    },
    "compliance-by-severity": {
        "en": "failures: {error} error, {warning} warning, {info} info",
        "zh": "未通过：错误 {error} 项，警告 {warning} 项，提示 {info} 项",
    },
    "compliance-n-findings": {"en": "{failure} ({n} findings)", "zh": "{failure}（{n} 处）"},
    "compliance-needs": {"en": "needs {missing}", "zh": "缺少 {missing}"},
    "ruledoc-severity": {"en": "Default severity", "zh": "默认级别"},
    "ruledoc-summary": {"en": "Summary", "zh": "概要"},
    "ruledoc-failure": {"en": "When it fails", "zh": "未通过时"},
    "ruledoc-why": {"en": "Why", "zh": "理由"},
    "ruledoc-source": {"en": "Source", "zh": "依据"},
    "ruledoc-passes": {"en": "Passes", "zh": "通过的例子"},
    "ruledoc-fails": {"en": "Fails", "zh": "不通过的例子"},
    "ruledoc-profile": {"en": "profile", "zh": "标准档案"},
    "ruledoc-code": {"en": "Code", "zh": "代码"},
    "ruledoc-name": {"en": "Name", "zh": "名称"},
    "ruledoc-title": {"en": "Title", "zh": "规则名称"},
    "ruledoc-reference": {"en": "Rule reference", "zh": "规则参考"},
    "ruledoc-since": {"en": "Since", "zh": "起始版本"},
    "inspection-title": {"en": "Year-end inspection report", "zh": "年终督导报告"},
    "inspection-as-of": {"en": "As of", "zh": "截至"},
    "inspection-illustrative": {"en": "Note", "zh": "说明"},
    "inspection-completion": {"en": "Completion", "zh": "完成情况"},
    "inspection-by-month": {"en": "Completion by month", "zh": "按月份完成情况"},
    "inspection-by-department": {"en": "Completion by department", "zh": "按责任部门完成情况"},
    "inspection-by-task": {"en": "Completion by task", "zh": "按主要任务完成情况"},
    "inspection-group": {"en": "Group", "zh": "分组"},
    "inspection-due": {"en": "Due", "zh": "到期"},
    "inspection-held": {"en": "Held", "zh": "已开展"},
    "inspection-not-due": {"en": "Not yet due", "zh": "未到期"},
    "inspection-rate": {"en": "Rate", "zh": "完成率"},
    "inspection-missing": {"en": "Not done", "zh": "未完成的工作"},
    "inspection-late": {"en": "Held late", "zh": "延期完成的工作"},
    "inspection-unplanned": {"en": "Unplanned work", "zh": "计划外工作"},
    "inspection-figures": {"en": "Figures against targets", "zh": "指标与目标"},
    "inspection-figure": {"en": "Figure", "zh": "指标"},
    "inspection-value": {"en": "Value", "zh": "实际"},
    "inspection-target": {"en": "Target", "zh": "目标"},
    "inspection-compliance": {"en": "Compliance results", "zh": "合规检查结果"},
    "inspection-findings": {"en": "Findings of the failed rules", "zh": "未通过规则的问题"},
    "inspection-location": {"en": "Location", "zh": "位置"},
    "inspection-activity": {"en": "Activity", "zh": "工作"},
    "inspection-when": {"en": "Planned", "zh": "计划时间"},
    "inspection-held-on": {"en": "Held on", "zh": "开展日期"},
    "inspection-record": {"en": "Record", "zh": "记录"},
    "inspection-date": {"en": "Date", "zh": "日期"},
    "inspection-participants": {"en": "Participations", "zh": "参与人次"},
    "inspection-none": {"en": "none", "zh": "无"},
    "inspection-records": {"en": "Records", "zh": "记录数"},
    "inspection-elders": {"en": "Of whom elders", "zh": "其中老年人"},
    "inspection-training-rate": {
        "en": "Training rate (participations ÷ resident population)",
        "zh": "培训率（人次 ÷ 常住人口）",
    },
    "inspection-elder-share": {"en": "Elders' share", "zh": "老年人占比"},
    "inspection-staff": {
        "en": "Staff in post (full-time + part-time)",
        "zh": "在岗人员（专职 + 兼职）",
    },
    "inspection-spent": {"en": "Money spent (yuan)", "zh": "实际支出（元）"},
    "inspection-all": {"en": "All", "zh": "合计"},
    "inspection-code": {"en": "Code", "zh": "代码"},
    "inspection-rule": {"en": "Rule", "zh": "规则"},
    "inspection-status": {"en": "Status", "zh": "结果"},
    "inspection-message": {"en": "Message", "zh": "说明"},
    "district-title": {
        "en": "District year-end inspection roll-up",
        "zh": "区域年终督导汇总",
    },
    "district-township": {"en": "Township", "zh": "镇街"},
    "district-year": {"en": "Year", "zh": "年度"},
    "district-participants": {"en": "Participants", "zh": "参与人次"},
    "district-training-rate": {"en": "Training rate", "zh": "培训率"},
    "district-failed": {"en": "Failed rules", "zh": "未通过规则"},
    # -- weekly classes, yearly work, spans over the turn of a year, five-year terms -------------
    "bad-clock": {
        "en": "{value} is not a clock time a class can start or end at; write hours and minutes in local time, e.g. 8:30",
        "zh": "{value} 不是可用的上课时刻；请写本地时间的时和分，如 8:30",
    },
    "bad-weekdays": {
        "en": "{value} are not weekdays; give one or more of 0 (Monday) to 6 (Sunday), e.g. 每周二、四",
        "zh": "{value} 不是星期几；请给出 0（周一）至 6（周日）中的一个或几个，如 每周二、四",
    },
    "bad-weekdays-part": {
        "en": "a weekly class held in the {part} needs that part's clock times; give them with the part, as parse_when does",
        "zh": "{part}上课的每周课程需要该时段的起止时刻；请与时段一并给出，parse_when 即如此",
    },
    "weekly-is-repeat": {
        "en": "{value!r} is one weekday all year without a clock time, which is a Repeat; write Repeat(year, Every.WEEK, weekday)",
        "zh": "{value!r} 是全年每周一天且无具体时刻，应写作 Repeat(year, Every.WEEK, weekday)",
    },
    "too-many-days": {
        "en": "{value!r} comes round {count} times; a plan's *when* may come round at most {limit} times, so give it a shorter span or fewer days",
        "zh": "{value!r} 共 {count} 次；计划中一项时间至多 {limit} 次，请缩短时段或减少日子",
    },
    "weekly-empty": {
        "en": "{value!r} has no class day: none of its weekdays falls in its span; check the dates and the weekdays",
        "zh": "{value!r} 没有任何一次课：所列星期几都不在其时段内；请核对日期和星期几",
    },
    "yearly-one-year": {
        "en": "{value!r} is in one year only; a yearly *when* is in two years or more, so write it on its own",
        "zh": "{value!r} 只在一年之内；每年的时间至少跨两年，请直接写该时间",
    },
    "yearly-not-yearly": {
        "en": "{value!r} already says its own dates or repeats; write it without 每年",
        "zh": "{value!r} 已写明具体日期或自身重复；请去掉“每年”",
    },
    "yearly-not-same": {
        "en": "{value!r} is not {first!r} in {year}; a yearly *when* is the same *when* in each consecutive year",
        "zh": "{value!r} 不是 {year} 年的 {first!r}；每年的时间须在连续各年相同",
    },
    "five-year-term": {
        "en": "{value!r} means {first}–{last}, but the plan covers {year}; write the years instead, e.g. '{first}-{last}年'",
        "zh": "{value!r} 指 {first}—{last} 年，而本计划为 {year} 年；请直接写年份，如 '{first}-{last}年'",
    },
    # -- hostile plan text: bounded recurrences, clean titles ------------------------------------
    "too-many-occurrences": {
        "en": "the recurrence {value!r} comes round more than {limit} times; a plan's recurrence may have at most {limit} occurrences, so give a smaller COUNT, an earlier UNTIL or a larger INTERVAL",
        "zh": "重复规则 {value!r} 超过 {limit} 次；计划中的重复规则至多 {limit} 次，请减小 COUNT、提前 UNTIL 或增大 INTERVAL",
    },
    "rrule-frequency": {
        "en": "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY: a session repeats at most once a day",
        "zh": "FREQ 须为 DAILY、WEEKLY、MONTHLY 或 YEARLY：一项活动至多每天一次",
    },
    "rrule-number": {
        "en": "{key}={number} is out of range ({low} to {high})",
        "zh": "{key}={number} 超出范围（{low} 至 {high}）",
    },
    "rrule-invalid-part": {
        "en": "{key} cannot be {value}",
        "zh": "{key} 不能取值 {value}",
    },
    "rrule-unknown-part": {
        "en": "{key} is not a part of an RRULE",
        "zh": "{key} 不是重复规则（RRULE）中的部分",
    },
    "rrule-unreadable": {
        "en": "it cannot be read as RFC 5545 writes a rule",
        "zh": "无法按 RFC 5545 读取该规则",
    },
    "rrule-until": {
        "en": "UNTIL must be a day (20210630) or a UTC time (20210630T155959Z)",
        "zh": "UNTIL 须为日期（20210630）或 UTC 时间（20210630T155959Z）",
    },
    "rrule-repeated": {
        "en": "{key} is given more than once",
        "zh": "{key} 出现了不止一次",
    },
    "control-character": {
        "en": "the text {value} holds the control character {char}, which documents and terminals cannot show; remove it",
        "zh": "文字 {value} 含有控制字符 {char}，文档和终端无法显示；请删除",
    },
    # -- calendars subscribers can trust: one-line titles, exact times, reminders, colours --
    "multi-line-text": {
        "en": "{value} breaks the line ({char}), but a title or a name is one line (a calendar shows it as one); join the lines, and put the rest in the description",
        "zh": "{value} 中有换行（{char}），但标题或名称只能是一行（日历也按一行显示）；请合并为一行，其余内容写进说明",
    },
    "local-time-skipped": {
        "en": "{value} does not exist in {zone}: the clocks go forward that night (from {before} to {after}); choose a time outside the skipped hour",
        "zh": "{value} 在 {zone} 并不存在：当晚时钟拨快（{before} 改为 {after}）；请选择被跳过的这段时间以外的时间",
    },
    "local-time-repeated": {
        "en": "{value} happens twice in {zone}: the clocks go back that night (from {before} to {after}); choose a time outside the repeated hour",
        "zh": "{value} 在 {zone} 会出现两次：当晚时钟拨回（{before} 改为 {after}）；请选择重复的这段时间以外的时间",
    },
    "bad-email": {
        "en": "{value} is not a mailbox address; write one such as jiaoyu@jinshan.gov.cn, or leave the key out",
        "zh": "{value} 不是电子邮箱地址；请写成 jiaoyu@jinshan.gov.cn 这样的地址，或删去此项",
    },
    "bad-colour": {
        "en": "{value} is not a colour name calendars know; write a CSS colour name such as {suggestion}",
        "zh": "{value} 不是日历认识的颜色名称；请写英文颜色名称，例如 {suggestion}",
    },
    "bad-page-url": {
        "en": "{value} is not the address of a page; give an absolute http or https address",
        "zh": "{value} 不是网页地址；请给出以 http 或 https 开头的完整地址",
    },
    "field:departments[].color": {"en": "calendar colour", "zh": "日历颜色"},
    "bad-reminder": {
        "en": "{value} is not a reminder; write a whole number and a unit, such as 30m, 2h, 3d or 1w, at most {limit}",
        "zh": "{value} 不是提醒时间；请写整数加单位，如 30m（分钟）、2h（小时）、3d（天）、1w（周），最多 {limit}",
    },
    "cal-reminder": {"en": "Reminder: {title}", "zh": "提醒：{title}"},
    "cli-ics-remind": {
        "en": "add a reminder this long before every deadline and day: 30m, 2h, 3d, 1w (default: the plan's [calendar] remind)",
        "zh": "在每个截止日期和具体日期前多久提醒：30m、2h、3d、1w（默认按计划文件中的日历提醒设置）",
    },
    "field:calendar": {"en": "calendar settings", "zh": "日历设置"},
    "field:calendar.remind": {"en": "calendar reminders", "zh": "日历提醒"},
    "field:calendar.remind.deadline": {"en": "reminder before a deadline", "zh": "截止日期前提醒"},
    "field:calendar.remind.day": {"en": "reminder before a day", "zh": "具体日期前提醒"},
    "field:calendar.remind.session": {"en": "reminder before a session", "zh": "活动场次前提醒"},
    # -- commedu ics ---------------------------------------------------------------------------
    "cli-ics-plan": {
        "en": "the plan file (TOML or JSON)",
        "zh": "计划文件（TOML 或 JSON）",
    },
    "cli-ics-output": {
        "en": "file to write, or a folder (default: <plan id>.ics; with --split-by a folder named"
        " after the plan id); '-' writes the calendar to standard output",
        "zh": "要写入的文件或文件夹（默认 <计划标识>.ics；使用 --split-by 时为以计划标识命名的文件夹）；"
        "“-” 表示输出到标准输出",
    },
    "cli-ics-department": {
        "en": "only activities of this department (id, name or alias); may be repeated",
        "zh": "只导出该部门（标识、名称或别名）负责的工作；可重复",
    },
    "cli-ics-station": {
        "en": "only activities at this station (id or name); may be repeated",
        "zh": "只导出该工作站（标识或名称）的工作；可重复",
    },
    "cli-ics-months": {
        "en": "only activities touching these months, e.g. 3-6 or 4",
        "zh": "只导出涉及这些月份的工作，如 3-6 或 4",
    },
    "cli-ics-split": {
        "en": "write one calendar per department, station or place into a folder, with index.json",
        "zh": "按部门、工作站或场所各写一个日历到文件夹中，并附 index.json 索引",
    },
    "cli-ics-component": {
        "en": "event: calendar events (default); todo: to-dos for task apps",
        "zh": "event：日程（默认）；todo：待办事项，供任务类应用使用",
    },
    "cli-ics-stamp": {
        "en": "DTSTAMP as ISO 8601 with a zone, e.g. 2021-01-01T00:00:00Z, for identical output"
        " on every run (default: SOURCE_DATE_EPOCH, else now)",
        "zh": "DTSTAMP 时间戳，ISO 8601 格式并带时区，如 2021-01-01T00:00:00Z，使每次输出完全相同"
        "（默认取 SOURCE_DATE_EPOCH，否则为当前时间）",
    },
    "cli-ics-bad-stamp": {
        "en": "{value!r} is not a time with a zone; write e.g. 2021-01-01T00:00:00Z",
        "zh": "{value!r} 不是带时区的时间；请写作如 2021-01-01T00:00:00Z",
    },
    "cli-ics-written": {
        "en": "wrote {file} (activities: {activities})",
        "zh": "已写入 {file}（{activities} 项工作）",
    },
    "cli-ics-split-written": {
        "en": "wrote {count} calendar(s) and {index} into {folder}",
        "zh": "已在 {folder} 中写入 {count} 个日历和 {index}",
    },
    # -- commedu html / serve -----------------------------------------------------------------
    "cli-html-ledger": {
        "en": "a ledger (.xlsx, .csv, .toml or .json) of what was done: the page also shows each planned activity's progress",
        "zh": "记录实际开展情况的台账（.xlsx、.csv、.toml 或 .json）：网页同时显示每项计划工作的完成进度",
    },
    "cli-html-as-of": {
        "en": "judge the ledger on this day, YYYY-MM-DD (default: the last day of the plan's period)",
        "zh": "按此日期评判台账，格式 YYYY-MM-DD（默认计划期限末日）",
    },
    "cli-html-output": {
        "en": "the page to write, or a folder to write index.html into (default: <plan id>.html);"
        " '-' writes the page to standard output",
        "zh": "要写入的网页文件，或写入 index.html 的文件夹（默认 <计划标识>.html）；“-” 表示输出到标准输出",
    },
    "cli-html-written": {
        "en": "wrote {file}",
        "zh": "已写入 {file}",
    },
    "cli-serve-folder": {
        "en": "the folder of plan files (.toml, .json) to serve",
        "zh": "要提供的计划文件（.toml、.json）所在的文件夹",
    },
    "cli-serve-host": {
        "en": "the address to listen on (default: 127.0.0.1, this computer only; 0.0.0.0 for every"
        " network)",
        "zh": "监听地址（默认 127.0.0.1，仅本机可访问；0.0.0.0 表示所有网络）",
    },
    "cli-serve-port": {
        "en": "the port to listen on (default: 8080; 0 picks a free one)",
        "zh": "监听端口（默认 8080；0 表示自动选择空闲端口）",
    },
    "cli-serve-base-url": {
        "en": "the public address the list of feeds links to, e.g. https://edu.example.cn/calendars/"
        " behind a proxy (default: the address each request came to)",
        "zh": "订阅列表中链接使用的公开地址，如经反向代理时的 https://edu.example.cn/calendars/"
        "（默认取每个请求所用的地址）",
    },
    "cli-serve-bad-port": {
        "en": "{value!r} is not a port; give a number from 0 to 65535",
        "zh": "{value!r} 不是端口号；请给出 0 至 65535 之间的数",
    },
    "cli-serve-bad-base-url": {
        "en": "{value!r} is not an address; write it with http:// or https://, e.g."
        " https://edu.example.cn/calendars/",
        "zh": "{value!r} 不是网址；请以 http:// 或 https:// 开头，如 https://edu.example.cn/calendars/",
    },
    "cli-serve-not-a-folder": {
        "en": "{value} is not a folder; give the folder that holds the plan files",
        "zh": "{value} 不是文件夹；请给出计划文件所在的文件夹",
    },
    "cli-serve-no-store": {
        "en": "cannot keep revisions in {file}: {reason}; the folder of plans must be writable",
        "zh": "无法在 {file} 中保存修订记录：{reason}；计划文件夹必须可写",
    },
    "cli-serve-cannot-listen": {
        "en": "cannot listen on {host} port {port}: {reason}",
        "zh": "无法在 {host} 的 {port} 端口监听：{reason}",
    },
    "cli-serve-listening": {
        "en": "serving the plans in {folder} at {url} (press Ctrl+C to stop)",
        "zh": "正在 {url} 提供 {folder} 中的计划（按 Ctrl+C 停止）",
    },
    "cli-serve-stopped": {
        "en": "stopped",
        "zh": "已停止",
    },
    "no-activities": {
        "en": "no activity matches {selection}; widen the selection (known departments: {departments};"
        " stations: {stations})",
        "zh": "没有符合 {selection_zh} 的工作；请放宽筛选条件（已定义的部门：{departments}；工作站：{stations}）",
    },
    "bad-revision-store": {
        "en": "cannot keep revisions in {file}: {reason}; give the path of a writable SQLite file"
        " (a new path creates one)",
        "zh": "无法在 {file} 中保存修订记录：{reason}；请指定可写的 SQLite 文件路径（新路径会新建文件）",
    },
    "bad-months": {
        "en": "{value!r} is not a month range; write two months from 1 to 12, the first not after"
        " the second (e.g. '3-6' or '4')",
        "zh": "{value!r} 不是月份范围；请写 1 至 12 之间的两个月份，前者不大于后者（如 “3-6” 或 “4”）",
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
    # -- official-format Word documents: commedu docx, the report's and the roll-up's .docx ------
    "docx-heading-1": {"en": "{n}. {title}", "zh": "{n_zh}、{title}"},
    "docx-item": {"en": "{n}. {text}", "zh": "{n}.{text}"},
    "docx-date": {"en": "{day} {month} {year}", "zh": "{year}年{month}{day}日"},
    "docx-principles": {"en": "Guiding principles", "zh": "指导思想"},
    "docx-goals": {"en": "Goals", "zh": "工作目标"},
    "docx-tasks": {"en": "Main tasks and measures", "zh": "主要任务及措施"},
    "docx-schedule-title": {
        "en": "Schedule of work, {township} {year}",
        "zh": "{year}年{township}社区教育工作配档表",
    },
    "docx-when": {"en": "When", "zh": "时间"},
    "docx-work": {"en": "Work", "zh": "工作内容"},
    "docx-responsible": {"en": "Responsible", "zh": "责任单位"},
    "cli-command-docx": {
        "en": "write the plan as an official-format Word document (GB/T 9704)",
        "zh": "将计划写成公文格式的 Word 文档",
    },
    "cli-docx-output": {
        "en": "the Word file to write (default: the plan's id with .docx)",
        "zh": "要写入的 Word 文件（默认：计划标识加 .docx）",
    },
    "cli-docx-written": {
        "en": "wrote {file}; commedu import reads it back into a plan file",
        "zh": "已写入 {file}；commedu import 可将其读回为计划文件",
    },
    # -- pages: the page skeleton's own words ------------------------------------------------
    # -- hostile ledgers, writes and documents --------------------------------------------------
    "ledger-xlsx-damaged": {
        "en": "{value} is a damaged workbook and cannot be read; open it in a spreadsheet program and save it again",
        "zh": "{value} 是损坏的工作簿，无法读取；请用电子表格软件打开后重新保存",
    },
    "ledger-xlsx-damaged-row": {
        "en": "{value} is damaged near row {row} of this sheet and cannot be read; open it in a spreadsheet program and save it again",
        "zh": "{value} 在此工作表第 {row} 行附近损坏，无法读取；请用电子表格软件打开后重新保存",
    },
    "ledger-csv-damaged": {
        "en": "row {row} cannot be read: a cell is longer than 128 KiB or holds a NUL character",
        "zh": "第 {row} 行无法读取：某个单元格超过 128 KiB 或含有 NUL 字符",
    },
    "os-not-regular": {
        "en": "it is not a regular file but a device, a pipe or a socket, and is kept as it is; name a file",
        "zh": "它不是普通文件，而是设备、管道或套接字，已保持原样；请指定一个文件",
    },
    "doc-too-much-text": {
        "en": "holds {size} characters of text, more than a plan's document can ({limit}); give the plan itself",
        "zh": "含有 {size} 个字符的文字，超过计划文档的上限（{limit} 个）；请只给出计划正文",
    },
    # -- places, identity and the import of a plan's frame --------------------------------------
    "cli-ics-place": {
        "en": "only activities at this place or station (id or name); may be repeated",
        "zh": "只导出在该场所或工作站（标识或名称）开展的工作；可重复",
    },
    "glance-places": {"en": "Where the work happens", "zh": "工作场所"},
    "glance-places-caption": {
        "en": "Each place and station, and how many scheduled activities it holds",
        "zh": "各场所和工作站及其承担的工作项数",
    },
    "glance-place-name": {"en": "Place", "zh": "场所"},
    "glance-place-kind": {"en": "Kind", "zh": "类别"},
    "glance-place-activities": {"en": "Activities", "zh": "工作项数"},
    "hint-placeholder-id": {
        "en": "{value!r} is the starter file's stand-in id: every township that keeps it publishes"
        " the same calendar UIDs; write the plan's own id, e.g. {id!r}",
        "zh": "{value!r} 是模板中的占位标识，保留它的乡镇会发布相同的日历 UID；请改为本计划自己的标识，"
        "如 {id!r}",
    },
    "serve-same-id": {
        "en": "its plan id {value!r} is already the id of {first}: two plans with one id would share"
        " calendar UIDs and revisions; give {second} its own id",
        "zh": "其计划标识 {value!r} 已是 {first} 的标识：两个计划同用一个标识会共用日历 UID 和修订记录；"
        "请为 {second} 另取标识",
    },
    "note-plan-id-spelt": {
        "en": "the plan id {value!r} is spelt from the unit's name and the year; keep it once"
        " calendars are published (calendar ids are made from it)",
        "zh": "计划标识 {value!r} 由单位名称拼音和年份生成；日历发布后请勿再改（日历标识由它生成）",
    },
    "note-period": {
        "en": "the title gives the period {first}–{last}: year {first}, last_year {last}",
        "zh": "标题写明计划期为 {first}—{last} 年：year 为 {first}，last_year 为 {last}",
    },
    "note-title-from-notice": {
        "en": "the plan's title {value} is taken from the covering notice that issues it",
        "zh": "计划标题 {value} 取自印发通知",
    },
    "note-issued-on": {
        "en": "the date of issue {value} is the date line of the document",
        "zh": "印发日期 {value} 取自文档的落款日期",
    },
    "note-document-number": {
        "en": "the document number {value} was found in the document",
        "zh": "从文档中找到文号 {value}",
    },
    "note-issuers": {
        "en": "the issuing bodies {value} are the document's issuer lines",
        "zh": "发文机关 {value} 取自文档的发文机关署名",
    },
    "note-preamble": {
        "en": "the {count} paragraph(s) before the first section are kept as the preamble",
        "zh": "第一节之前的 {count} 段文字作为前言（preamble）保留",
    },
    "note-schedule-paragraphs": {
        "en": "there is no 配档表; {count} item(s) were read from paragraphs that begin with a month",
        "zh": "没有配档表；已从以月份开头的段落中读出 {count} 项工作",
    },
    "note-place": {
        "en": "the place {name} was found in the text; check its name and kind",
        "zh": "从正文中找到场所 {name}；请核对名称和类别",
    },
    "note-target": {
        "en": "a target was read from “{text}”; check what it measures, its figure and its unit",
        "zh": "从 “{text}” 中读出一项目标；请核对指标、数值和单位",
    },
    "draft-place": {
        "en": "found in the text: check the name and kind of {name}",
        "zh": "从正文中找到：请核对 {name} 的名称和类别",
    },
    "draft-target": {
        "en": "read from the sentence in {where}: check what, comparator, value and unit",
        "zh": "读自{where}的句子：请核对指标、比较方式、数值和单位",
    },
    "draft-target-text": {
        "en": "read from a sentence of the text: check what, comparator, value and unit",
        "zh": "读自正文中的句子：请核对指标、比较方式、数值和单位",
    },
    # -- import: a portal's record of the document, bodies issuing jointly, figures in 万 -------
    "note-header-read": {
        "en": "the {count} line(s) of the portal's record (索引号, 发布机构, 发文日期 …) were read for"
        " the frame and are kept as comments at the end, not in the title or the preamble",
        "zh": "门户网站的 {count} 行信息公开记录（索引号、发布机构、发文日期等）已读入文号、日期、"
        "发文机关和标题，原文作为注释保留在文末，不计入标题和前言",
    },
    "note-header-number": {
        "en": "the document number {value} is the portal record's {key}",
        "zh": "文号 {value} 取自门户网站信息公开记录的“{key}”",
    },
    "note-header-issued-on": {
        "en": "the date of issue {value} is the portal record's {key}; it may be the date of the"
        " page rather than of the plan",
        "zh": "印发日期 {value} 取自门户网站信息公开记录的“{key}”；它可能是该网页的日期而非计划的日期",
    },
    "note-header-not-a-date": {
        "en": "the portal record's {key} {value!r} is not a date; write issued_on by hand",
        "zh": "门户网站信息公开记录的“{key}” {value!r} 不是日期；请手工填写 issued_on",
    },
    "note-header-issuer": {
        "en": "the issuing body {value} is the portal record's publishing body; write its full name",
        "zh": "发文机关 {value} 取自门户网站信息公开记录的发布机构；请写全称",
    },
    "note-title-quoted": {
        "en": "the plan's title {value} is the 《…》 the page names",
        "zh": "计划标题 {value} 取自网页所称的《…》",
    },
    "note-issuers-joint": {
        "en": "“{words}” says {count} bodies issue the plan jointly but names only {named};"
        " add the others to issuer by hand",
        "zh": "“{words}”表明由 {count} 个部门联合印发，但只写出了{named}；请手工补全其余发文机关",
    },
    "note-target-about": {
        "en": "the figure for {what} is written as approximate (左右): its comparator is “=”;"
        " check how it binds",
        "zh": "{what}的数值写作约数（左右）：比较方式暂定为“=”；请核对",
    },
    "draft-target-about": {
        "en": "the figure is approximate (左右): check the comparator",
        "zh": "数值为约数（左右）：请核对比较方式",
    },
    # -- import: a notice's frame as GB/T 9704 lays it out, and a target's year ---------------------
    "note-title-lines": {
        "en": "the title is set over {count} lines; they are read as one",
        "zh": "标题分 {count} 行排列，已连成一行读入",
    },
    "note-preamble-notice": {
        "en": "the covering notice's {count} line(s), before the plan's own title, are kept as"
        " the preamble",
        "zh": "计划标题之前的印发通知共 {count} 行，作为前言（preamble）保留",
    },
    "note-opening": {
        "en": "the {count} paragraph(s) after the plan's own title open the plan itself, not its"
        " covering notice: kept as its guiding principles",
        "zh": "计划标题之后的 {count} 段文字是计划本身的开篇，不属于印发通知：作为指导思想保留",
    },
    "note-unit-from-issuer": {
        "en": "the title names no unit: {unit} is taken from the issuing body {issuer}",
        "zh": "标题中没有单位名称：{unit} 取自发文机关 {issuer}",
    },
    "note-period-backwards": {
        "en": "the title's years {first}—{last} run backwards, so no period is read from them;"
        " write year and last_year by hand",
        "zh": "标题中的年份 {first}—{last} 先后颠倒，未据此读出计划期；请手工填写 year 和 last_year",
    },
    "note-target-year": {
        "en": "the figure is for {year}, as its sentence says",
        "zh": "该数值按原句为 {year} 年的目标",
    },
    "note-target-year-outside": {
        "en": "its sentence sets the figure for {year}, outside the plan's years {years}; no year"
        " is written: check what the target is for",
        "zh": "原句为 {year} 年设定该数值，不在计划年份 {years} 之内，未写入 year；请核对该目标所指的年份",
    },
    "note-target-stage": {
        "en": "the figure is for the stage {stage}, as its sentence says",
        "zh": "该数值按原句为 {stage} 阶段的目标",
    },
    # -- inspection scores: a category's weight times the share of its evidence held ------------
    "inspection-scores": {"en": "Scores by inspection category", "zh": "分类得分"},
    "inspection-evidence-share": {"en": "Evidence kinds held", "zh": "佐证材料具备项数"},
    "inspection-score": {"en": "Score", "zh": "得分"},
    # -- commedu import ------------------------------------------------------------------------
    "where-paragraph": {"en": "paragraph {number}", "zh": "第 {number} 段"},
    "where-table": {"en": "table {number}", "zh": "表 {number}"},
    "where-row": {"en": "row {number}", "zh": "第 {number} 行"},
    "where-cell": {"en": "cell {number}", "zh": "第 {number} 格"},
    "where-line": {"en": "line {number}", "zh": "原文第 {number} 行"},
    "where-document": {"en": "the document", "zh": "全文"},
    "doc-missing": {
        "en": "no such file; check the name and the folder",
        "zh": "文件不存在；请检查文件名和所在文件夹",
    },
    "doc-is-folder": {
        "en": "this is a folder; give the plan's document (.docx or .txt)",
        "zh": "这是一个文件夹；请给出计划文档（.docx 或 .txt）",
    },
    "doc-cannot-read": {"en": "cannot be read: {reason}", "zh": "无法读取：{reason}"},
    "doc-too-large": {
        "en": "is {size} bytes, more than a plan's document can be ({limit} bytes); give the plan"
        " itself, without pictures or attachments",
        "zh": "大小为 {size} 字节，超过计划文档的上限（{limit} 字节）；请给出计划正文，不含图片和附件",
    },
    "doc-unpacks-too-large": {
        "en": "unpacks to {size} bytes, more than a plan's document can ({limit} bytes); save the"
        " plan itself as .docx, without pictures or attachments",
        "zh": "解压后达 {size} 字节，超过计划文档的上限（{limit} 字节）；请只保存计划正文为 .docx，不含图片和附件",
    },
    "doc-empty": {"en": "is empty; there is nothing to import", "zh": "是空文件，没有可导入的内容"},
    "doc-old-word": {
        "en": "is an old Word document (.doc); open it in Word or WPS and save it as .docx"
        " (Word document), then import that",
        "zh": "是旧版 Word 文档（.doc）；请用 Word 或 WPS 打开，另存为 .docx（Word 文档）后再导入",
    },
    "doc-encrypted": {
        "en": "is protected by a password; open it, remove the password (File > Info > Protect"
        " Document) and save it, then import that",
        "zh": "设置了打开密码；请打开文档，取消密码（文件 > 信息 > 保护文档）并保存后再导入",
    },
    "doc-corrupt": {
        "en": "is damaged and cannot be opened as a Word document; open it in Word or WPS and"
        " save it again as .docx",
        "zh": "已损坏，无法作为 Word 文档打开；请用 Word 或 WPS 打开后重新另存为 .docx",
    },
    "doc-not-word": {
        "en": "is not a Word document (.docx); save the plan as .docx or as plain text (.txt)",
        "zh": "不是 Word 文档（.docx）；请将计划另存为 .docx 或纯文本（.txt）",
    },
    "doc-not-text": {
        "en": "is neither a Word document (.docx) nor text in UTF-8 or GB18030; save the plan as"
        " .docx or as plain text (.txt)",
        "zh": "既不是 Word 文档（.docx），也不是 UTF-8 或 GB18030 编码的文本；请将计划另存为 .docx"
        " 或纯文本（.txt）",
    },
    "note-section-unknown": {
        "en": "the section “{heading}” fits no part of a plan; its text is kept as comments at the end",
        "zh": "“{heading}” 一节不对应计划的任何部分；其文字作为说明保留在文件末尾",
    },
    "note-section-guessed": {
        "en": "the section “{heading}” was read as this part of the plan; check that it belongs here",
        "zh": "“{heading}” 一节按此部分读入；请确认是否合适",
    },
    "note-unplaced": {
        "en": "“{text}” fits no part of the plan; it is kept as a comment at the end",
        "zh": "“{text}” 不属于计划的任何部分；已作为说明保留在文件末尾",
    },
    "note-no-title": {
        "en": "the document has no title; write the plan's title",
        "zh": "文档没有标题；请填写计划标题",
    },
    "note-no-township": {
        "en": "the title names no 镇, 乡, 街道, 社区, 区, 县 or 市; write the unit's name",
        "zh": "标题中没有镇、乡、街道、社区、区、县或市的名称；请填写单位名称",
    },
    "note-no-year": {
        "en": "the document gives no year (such as 2021年); write the plan year",
        "zh": "文档中没有年份（如 2021年）；请填写计划年度",
    },
    "note-kind-guessed": {
        "en": "the mechanisms of “{task}” are of kind {kind}, guessed from “{word}” in its heading",
        "zh": "“{task}” 下各项机制的类别按标题中的 “{word}” 定为 {kind}",
    },
    "note-kind-default": {
        "en": "the heading “{task}” names mechanisms but not their kind; {kind} was assumed",
        "zh": "标题 “{task}” 提到机制但未说明类别；暂定为 {kind}",
    },
    "note-station": {
        "en": "the station {name} was found in the text; check its place and theme",
        "zh": "从正文中找到工作站 {name}；请核对其所在村居和主题",
    },
    "note-row-banner": {
        "en": "the row “{text}” spans the whole table; it is kept as a comment, not as an item",
        "zh": "“{text}” 一行横跨整个表格；已作为说明保留，未作为工作事项",
    },
    "note-when-above": {
        "en": "the time cell is empty (a merged cell); {when} from the row above was used",
        "zh": "时间一格为空（合并单元格）；沿用上一行的 {when}",
    },
    "note-row-empty": {
        "en": "the row has no work in it; its text is kept as a comment at the end",
        "zh": "这一行没有工作安排；其文字作为说明保留在文件末尾",
    },
    "note-no-department": {
        "en": "the row names no responsible department; add one to responsible",
        "zh": "这一行没有责任部门；请在 responsible 中填写",
    },
    "note-extra-columns": {
        "en": "the row's other columns are kept in description: {text}",
        "zh": "这一行其他栏的内容保留在 description 中：{text}",
    },
    "note-when-in-title": {
        "en": "“{title}” gives its own time {when}, used instead of the row's",
        "zh": "“{title}” 自带时间 {when}，已代替该行的时间",
    },
    "note-when-refused": {
        "en": "the time {when!r} of “{title}” is not a time commedu reads yet; it is kept as written:"
        " rewrite it (e.g. '4月', '7-8月', '5月前') or wait for a commedu that reads it",
        "zh": "“{title}” 的时间 {when!r} 暂不能识别；已按原文保留：请改写（如 “4月”“7-8月”“5月前”），"
        "或等待能识别它的 commedu 版本",
    },
    "note-table-unknown": {
        "en": "this table has no time and work columns, so it is not the 配档表; its cells are kept"
        " as comments at the end",
        "zh": "此表没有时间和工作安排两栏，不是配档表；其内容作为说明保留在文件末尾",
    },
    "note-no-schedule": {
        "en": "no 配档表 was found (a table with a time column and a work column); add the schedule"
        " by hand",
        "zh": "没有找到配档表（含时间和工作安排两栏的表格）；请手工填写配档表",
    },
    "note-alias": {
        "en": "“{name}” and “{other}” may be one body; if so, keep one and list the other in its"
        " aliases",
        "zh": "“{name}” 和 “{other}” 可能是同一单位；如是，保留一个，把另一个写进它的别称"
        "（aliases = [...]）",
    },
    "note-plan-id": {
        "en": "the plan id {value!r} is a placeholder; use the township's name in pinyin, e.g."
        " 'jinshan-2021' (calendar ids are made from it)",
        "zh": "计划标识 {value!r} 是占位值；请改为镇街名称拼音，如 “jinshan-2021”（日历标识由它生成）",
    },
    "note-district": {
        "en": "the district {value} was taken from the title",
        "zh": "区县 {value} 取自标题",
    },
    "note-issuer": {
        "en": "the issuer {value} is assumed from the title; write the issuing body if it differs",
        "zh": "印发单位按标题暂定为 {value}；如不同请改正",
    },
    "note-centre": {
        "en": "the text mentions a 社区教育中心; its name {value} is assumed",
        "zh": "正文提到社区教育中心；其名称暂定为 {value}",
    },
    "draft-kind-word": {
        "en": "kind guessed from “{word}” in the task's heading",
        "zh": "类别据任务标题中的 “{word}” 推断",
    },
    "draft-kind-default": {
        "en": "the heading names no kind; {kind} assumed",
        "zh": "标题未说明类别，暂定为{kind}",
    },
    "draft-station": {
        "en": "found in the text: check place and theme",
        "zh": "从正文中找到：请核对所在村居和主题",
    },
    "note-province": {
        "en": "the document does not name the province and city; fill them in",
        "zh": "文档未写明省和市；请填写",
    },
    "draft-departments": {
        "en": "departments, as the 配档表 prints them",
        "zh": "责任部门，按配档表原样",
    },
    "draft-columns": {
        "en": "the 配档表's columns, as read (title is the work, when the time, responsible the"
        " departments, description the rest)",
        "zh": "配档表各栏的读法（title 为工作安排，when 为时间，responsible 为责任部门，description 为其他栏）",
    },
    "draft-unplaced": {
        "en": "text the import could not place, kept as written",
        "zh": "未能归类的原文，原样保留",
    },
    "cli-import-document": {
        "en": "the plan's document: a Word file (.docx) or text (.txt, UTF-8 or GB18030)",
        "zh": "计划文档：Word 文件（.docx）或文本（.txt，UTF-8 或 GB18030 编码）",
    },
    "cli-import-written": {
        "en": "wrote {file}: {activities} schedule item(s), {count} thing(s) to check (marked"
        " “请核对” in the file); then run: commedu validate {file}",
        "zh": "已写入 {file}：配档表 {activities} 项，{count} 处需核对（文件中标有 “请核对”）；"
        "然后运行：commedu validate {file}",
    },
    # -- standard output: -o - --------------------------------------------------------------------
    "cli-binary-stdout": {
        "en": "a {suffix} file is not text and cannot go to standard output (-o -);"
        " give a file name, such as -o {example}",
        "zh": "{suffix} 文件不是文本，不能输出到标准输出（-o -）；请给出文件名，例如 -o {example}",
    },
    "cli-check-output": {
        "en": "the file to write the report to (default, and for -: standard output)",
        "zh": "报告要写入的文件（默认及 - 均为标准输出）",
    },
    "cli-ledger-format": {
        "en": "the ledger's format (default: by the file's extension; toml for -, standard output)",
        "zh": "台账格式（默认按文件扩展名；输出到标准输出（-）时为 toml）",
    },
    "cli-saved": {"en": "wrote {file}", "zh": "已写入 {file}"},
    "cli-split-stdout": {
        "en": "--split-by writes one calendar per department or station into a folder;"
        " give -o DIR, not - (standard output)",
        "zh": "--split-by 会为每个部门或工作站各写一个日历到文件夹中；请用 -o DIR，而不是 -（标准输出）",
    },
    # -- calendars subscribers can trust: removals, bad edits, the store across processes ------
    "cli-ics-revisions": {
        "en": "keep each item's SEQUENCE and LAST-MODIFIED in this SQLite file (made if missing)"
        " and write removed activities as cancelled, as commedu serve does",
        "zh": "在此数据库文件中保存各条目的修订序号和修改时间（不存在则新建），"
        "并把已删除的工作写为已取消，与本程序的订阅服务相同",
    },
    "serve-stale": {
        "en": "{file} has not been a valid plan since {since} (UTC). Its calendars go on serving"
        " the last version that was, from {served} (UTC), so subscribers keep their events."
        " Fix the problems below; nothing needs restarting.",
        "zh": "{file} 自 {since}（协调世界时）起不是有效的计划。其日历继续提供最后一个有效版本"
        "（{served}，协调世界时），订阅者的日程不受影响。请修改下列问题，无需重启。",
    },
    "feeds-stale": {
        "en": "{file} has had problems since {since} (UTC); its calendars serve the last valid"
        " version meanwhile.",
        "zh": "{file} 自 {since}（协调世界时）起有误；其日历暂时提供最后一个有效版本。",
    },
    # -- commedu serve: holding under load -------------------------------------------------------
    "cli-serve-connection-limit": {
        "en": "how many connections are held at once (default: {default}); a connection silent for"
        " {idle} seconds is closed",
        "zh": "同时保持的连接数（默认 {default}）；{idle} 秒无请求的连接将被关闭",
    },
    "serve-store-unavailable": {
        "en": "the record of calendar revisions cannot be read just now; try again in a moment",
        "zh": "日历修订记录暂时无法读取；请稍后再试",
    },
    "cli-serve-bad-connection-limit": {
        "en": "{value!r} is not a connection limit; give a whole number from 1 to {most}",
        "zh": "{value!r} 不是连接数上限；请给出 1 至 {most} 之间的整数",
    },
    # -- ledger cells as clerks type them, and the statistics sent upward ------------------------
    "ledger-bad-date": {
        "en": "{value!r} is not a date; type it as 2021-3-5, 2021.3.5, 2021/3/5, 2021年3月5日 or"
        " 3月5日 (several separated by ；)",
        "zh": "{value!r} 不是日期；请写作 2021-3-5、2021.3.5、2021/3/5、2021年3月5日 或 3月5日"
        "（多个日期用 ；分隔）",
    },
    "ledger-ambiguous-date": {
        "en": "the cell holds the number {value!r}, which may be {one} or {other} (a spreadsheet"
        " drops a number's last 0); type the date as {one} or {other}",
        "zh": "单元格中是数字 {value!r}，可能是 {one}，也可能是 {other}（表格会去掉数字末尾的 0）；"
        "请写作 {one} 或 {other}",
    },
    "ledger-bad-clock": {
        "en": "{value!r} is not a clock time; type it as 9:00, 14:30 or 9点",
        "zh": "{value!r} 不是时刻；请写作 9:00、14:30 或 9点",
    },
    "ledger-bad-count": {
        "en": "{value!r} is not a head count; type a whole number such as 40 or 40人",
        "zh": "{value!r} 不是人数；请填写整数，例如 40 或 40人",
    },
    "ledger-no-such-activity": {
        "en": "{value!r} is not a planned activity; choose one from the drop-down or type its id"
        " from the sheet of planned work, or leave the cell empty for unplanned work",
        "zh": "{value!r} 不是计划中的工作；请从下拉列表中选择，或填写“计划工作”表中的编号，计划外工作请留空",
    },
    "ledger-ambiguous-activity": {
        "en": "{value!r} is the title of several planned activities ({ids}); choose the one you"
        " mean from the drop-down, or type its id",
        "zh": "{value!r} 是多项计划工作的名称（{ids}）；请从下拉列表中选择具体的一项，或填写其编号",
    },
    "cli-ledger-stats": {
        "en": "write the year's figures a district sends upward (attendances, training rate,"
        " elders' share) from a plan and its ledger, as a table",
        "zh": "由计划及其台账生成上报的年度统计表（培训总量、培训率、老年比例）",
    },
    "cli-ledger-stats-output": {
        "en": "the table to write: .xlsx, .csv or .json (default: CSV to standard output)",
        "zh": "要写入的统计表：.xlsx、.csv 或 .json（默认以 CSV 输出到标准输出）",
    },
    "cli-ledger-stats-format": {
        "en": "the table's format (default: by the file's extension; csv for standard output)",
        "zh": "统计表格式（默认按文件扩展名；输出到标准输出时为 csv）",
    },
    "stats-sheet": {"en": "Statistics", "zh": "统计"},
    "stats-plan": {"en": "plan", "zh": "计划"},
    "stats-township": {"en": "township", "zh": "镇街"},
    "stats-year": {"en": "year", "zh": "年度"},
    "stats-records": {"en": "records", "zh": "记录条数"},
    "stats-attendances": {"en": "attendances (person-times)", "zh": "培训总量（人次）"},
    "stats-persons": {"en": "persons served", "zh": "服务人数"},
    "stats-population": {"en": "resident population", "zh": "常住人口"},
    "stats-elders_taking_part": {"en": "elders taking part", "zh": "经常参与的老年人数"},
    "stats-elder_population": {"en": "elder population (60+)", "zh": "老年人口（60岁及以上）"},
    "stats-training_rate": {"en": "training rate", "zh": "培训率"},
    "stats-elder_attendances": {"en": "elders' attendances", "zh": "老年人次"},
    "stats-elder_share": {"en": "elders' share", "zh": "老年比例"},
    # -- ledgers (台账) --------------------------------------------------------------------------
    "ledger-no-date": {
        "en": "a record needs at least one date",
        "zh": "每条记录至少要有一个日期",
    },
    "ledger-elders-exceed": {
        "en": "{value} elders is more than the {participants} participations recorded",
        "zh": "老年人 {value} 人次多于记录的参与人次 {participants}",
    },
    "ledger-other-plan": {
        "en": "the ledger is for {value}, not for the plan {plan}",
        "zh": "台账属于 {value}，而不是计划 {plan}",
    },
    "ledger-formula": {
        "en": "the cell holds a formula ({value}); commedu does not evaluate formulas: type the value itself",
        "zh": "单元格是公式（{value}）；commedu 不计算公式：请直接填写数值",
    },
    "ledger-bad-int": {
        "en": "{value!r} is not a whole number of 0 or more",
        "zh": "{value!r} 不是大于或等于 0 的整数",
    },
    "ledger-bad-time": {
        "en": "{value!r} is not a clock time; write it as HH:MM, e.g. 09:30",
        "zh": "{value!r} 不是时刻；请写作 HH:MM，例如 09:30",
    },
    "ledger-unknown-activity": {
        "en": "{value!r} is not a planned activity; use an id from the sheet of planned work, or leave it empty for unplanned work",
        "zh": "{value!r} 不是计划中的工作；请填写“计划工作”表中的编号，计划外工作请留空",
    },
    "ledger-missing-sheet": {
        "en": "the workbook has no sheet {value!r}; start from the workbook 'commedu ledger init' writes",
        "zh": "工作簿中没有工作表 “{value}”；请用 “commedu ledger init” 生成的工作簿填写",
    },
    "ledger-bad-header": {
        "en": "the header is {value!r}, expected {expected!r}; keep the columns of the template",
        "zh": "表头是 {value!r}，应为 {expected!r}；请保留模板的各列",
    },
    "ledger-not-xlsx": {
        "en": "{value} is not an .xlsx workbook: {reason}",
        "zh": "{value} 不是 .xlsx 工作簿：{reason_zh}",
    },
    # -- field labels, kinds, reasons of the operating system, the command line's words ----------
    # A plan file's fields, by path with indexes as ``[]`` (see field_label); an item's label
    # holds its number, a field's is relative to the item it is in.
    "field:id": {"en": "plan id", "zh": "计划标识"},
    "field:year": {"en": "plan year", "zh": "计划年度"},
    "field:last_year": {"en": "last year of the plan", "zh": "计划末年"},
    "field:title": {"en": "plan title", "zh": "计划标题"},
    "field:profile": {"en": "standard profile", "zh": "标准档案"},
    "field:document_number": {"en": "document number", "zh": "文号"},
    "field:issuer": {"en": "issuer", "zh": "发文机关"},
    "field:issued_on": {"en": "date of issue", "zh": "印发日期"},
    "field:published_on": {"en": "date of publication", "zh": "发布日期"},
    "field:preamble": {"en": "preamble", "zh": "前言"},
    "field:guiding_principles": {"en": "guiding principles", "zh": "指导思想"},
    "field:goals": {"en": "goals", "zh": "工作目标"},
    "field:township": {"en": "township", "zh": "镇街信息"},
    "field:township.name": {"en": "township name", "zh": "镇街名称"},
    "field:township.district": {"en": "district", "zh": "所属区县"},
    "field:township.city": {"en": "city", "zh": "所属市"},
    "field:township.province": {"en": "province", "zh": "所属省份"},
    "field:township.resident_population": {"en": "resident population", "zh": "常住人口"},
    "field:township.kind": {"en": "kind of unit", "zh": "单位类型"},
    "field:source": {"en": "source document", "zh": "来源文件"},
    "field:source.title": {"en": "source document title", "zh": "来源文件标题"},
    "field:source.issuer": {"en": "source document issuer", "zh": "来源文件发文机关"},
    "field:source.issued_on": {"en": "source document date", "zh": "来源文件印发日期"},
    "field:source.url": {"en": "source document address", "zh": "来源文件网址"},
    "field:centre": {"en": "education centre", "zh": "社区教育中心"},
    "field:centre.name": {"en": "education centre name", "zh": "社区教育中心名称"},
    "field:centre.email": {"en": "education centre mailbox", "zh": "社区教育中心电子邮箱"},
    "field:commitments": {"en": "commitments", "zh": "工作承诺"},
    "field:commitments.full_time_staff": {
        "en": "committed full-time staff",
        "zh": "承诺专职人员数",
    },
    "field:commitments.staff": {
        "en": "committed staff, full- and part-time",
        "zh": "承诺专兼职人员数",
    },
    "field:commitments.staff.low": {"en": "fewest committed staff", "zh": "承诺专兼职人员数下限"},
    "field:commitments.staff.high": {"en": "most committed staff", "zh": "承诺专兼职人员数上限"},
    "field:commitments.funding_per_resident": {
        "en": "committed funding per resident",
        "zh": "承诺人均经费",
    },
    "field:commitments.funding_earmarked": {"en": "ring-fenced funding", "zh": "经费专款专用"},
    "field:commitments.learning_brands": {
        "en": "learning brands to build",
        "zh": "拟建社区教育品牌数",
    },
    "field:commitments.learning_brands.low": {
        "en": "fewest learning brands",
        "zh": "拟建社区教育品牌数下限",
    },
    "field:commitments.learning_brands.high": {
        "en": "most learning brands",
        "zh": "拟建社区教育品牌数上限",
    },
    "field:resources": {"en": "resources", "zh": "人员经费情况"},
    "field:resources.full_time_staff": {"en": "full-time staff in post", "zh": "在岗专职人员数"},
    "field:resources.part_time_staff": {"en": "part-time staff in post", "zh": "在岗兼职人员数"},
    "field:resources.budget": {"en": "budget", "zh": "经费预算"},
    "field:departments": {"en": "departments", "zh": "部门列表"},
    "field:departments[]": {"en": "department {n}", "zh": "第 {n} 个部门"},
    "field:departments[].id": {"en": "id", "zh": "标识"},
    "field:departments[].name": {"en": "name", "zh": "名称"},
    "field:departments[].aliases": {"en": "other names", "zh": "别称"},
    "field:departments[].aliases[]": {"en": "other name {n}", "zh": "第 {n} 个别称"},
    "field:stations": {"en": "stations", "zh": "工作站列表"},
    "field:stations[]": {"en": "station {n}", "zh": "第 {n} 个工作站"},
    "field:stations[].id": {"en": "id", "zh": "标识"},
    "field:stations[].name": {"en": "name", "zh": "名称"},
    "field:stations[].place": {"en": "village or community", "zh": "所在村居"},
    "field:stations[].theme": {"en": "theme", "zh": "特色主题"},
    "field:stations[].focus": {"en": "focus", "zh": "工作重点"},
    "field:stations[].resources": {"en": "resources", "zh": "依托资源"},
    "field:stations[].resources[]": {"en": "resource {n}", "zh": "第 {n} 项依托资源"},
    "field:stations[].description": {"en": "description", "zh": "说明"},
    "field:places": {"en": "places", "zh": "场所列表"},
    "field:places[]": {"en": "place {n}", "zh": "第 {n} 个场所"},
    "field:places[].id": {"en": "id", "zh": "标识"},
    "field:places[].name": {"en": "name", "zh": "名称"},
    "field:places[].kind": {"en": "kind", "zh": "场所类型"},
    "field:places[].village": {"en": "village or community", "zh": "所在村居"},
    "field:places[].description": {"en": "description", "zh": "说明"},
    "field:targets": {"en": "targets", "zh": "量化目标列表"},
    "field:targets[]": {"en": "target {n}", "zh": "第 {n} 项量化目标"},
    "field:targets[].id": {"en": "id", "zh": "标识"},
    "field:targets[].what": {"en": "what is measured", "zh": "指标"},
    "field:targets[].comparator": {"en": "comparison", "zh": "比较方式"},
    "field:targets[].value": {"en": "figure", "zh": "数值"},
    "field:targets[].unit": {"en": "unit", "zh": "单位"},
    "field:targets[].text": {"en": "sentence", "zh": "原文"},
    "field:tasks": {"en": "tasks", "zh": "主要任务列表"},
    "field:tasks[]": {"en": "task {n}", "zh": "第 {n} 项主要任务"},
    "field:tasks[].id": {"en": "id", "zh": "标识"},
    "field:tasks[].number": {"en": "number", "zh": "序号"},
    "field:tasks[].title": {"en": "title", "zh": "标题"},
    "field:tasks[].standing": {"en": "standing", "zh": "常设"},
    "field:tasks[].measures": {"en": "measures", "zh": "措施列表"},
    "field:tasks[].measures[]": {"en": "measure {n}", "zh": "第 {n} 条措施"},
    "field:tasks[].measures[].text": {"en": "text", "zh": "内容"},
    "field:tasks[].measures[].title": {"en": "title", "zh": "标题"},
    "field:tasks[].mechanisms": {"en": "mechanisms", "zh": "机制列表"},
    "field:tasks[].mechanisms[]": {"en": "mechanism {n}", "zh": "第 {n} 项机制"},
    "field:tasks[].mechanisms[].id": {"en": "id", "zh": "标识"},
    "field:tasks[].mechanisms[].number": {"en": "number", "zh": "序号"},
    "field:tasks[].mechanisms[].title": {"en": "title", "zh": "标题"},
    "field:tasks[].mechanisms[].kind": {"en": "kind", "zh": "机制类型"},
    "field:tasks[].mechanisms[].standing": {"en": "standing", "zh": "常设"},
    "field:tasks[].mechanisms[].measures": {"en": "measures", "zh": "措施列表"},
    "field:tasks[].mechanisms[].measures[]": {"en": "measure {n}", "zh": "第 {n} 条措施"},
    "field:tasks[].mechanisms[].measures[].text": {"en": "text", "zh": "内容"},
    "field:tasks[].mechanisms[].measures[].title": {"en": "title", "zh": "标题"},
    "field:schedule": {"en": "schedule", "zh": "配档表"},
    "field:schedule.title": {"en": "schedule title", "zh": "配档表标题"},
    "field:schedule.activities": {"en": "schedule items", "zh": "配档表各项"},
    "field:schedule.activities[]": {"en": "schedule item {n}", "zh": "配档表第 {n} 项"},
    "field:schedule.activities[].id": {"en": "id", "zh": "标识"},
    "field:schedule.activities[].title": {"en": "title", "zh": "工作内容"},
    "field:schedule.activities[].when": {"en": "time", "zh": "时间"},
    "field:schedule.activities[].when_text": {"en": "time as written", "zh": "原文时间"},
    "field:schedule.activities[].responsible": {"en": "responsible departments", "zh": "责任部门"},
    "field:schedule.activities[].responsible[]": {
        "en": "responsible department {n}",
        "zh": "第 {n} 个责任部门",
    },
    "field:schedule.activities[].station": {"en": "station", "zh": "工作站"},
    "field:schedule.activities[].serves": {"en": "tasks served", "zh": "所属任务"},
    "field:schedule.activities[].serves[]": {"en": "task served {n}", "zh": "第 {n} 个所属任务"},
    "field:schedule.activities[].target_groups": {"en": "target groups", "zh": "对象群体"},
    "field:schedule.activities[].target_groups[]": {
        "en": "target group {n}",
        "zh": "第 {n} 个对象群体",
    },
    "field:schedule.activities[].description": {"en": "description", "zh": "说明"},
    "field:schedule.activities[].place": {"en": "place", "zh": "场所"},
    "field:school_holidays": {"en": "school holidays", "zh": "学校假期列表"},
    "field:school_holidays[]": {"en": "school holiday {n}", "zh": "第 {n} 个学校假期"},
    "field:school_holidays[].name": {"en": "name", "zh": "名称"},
    "field:school_holidays[].first": {"en": "first day", "zh": "开始日期"},
    "field:school_holidays[].last": {"en": "last day", "zh": "结束日期"},
    # Why the operating system refused a read or a write, by errno name (see os_reason).
    "os-ENOENT": {"en": "no such file or folder", "zh": "文件或文件夹不存在"},
    "os-EACCES": {"en": "permission denied", "zh": "没有权限"},
    "os-EPERM": {"en": "the operation is not permitted", "zh": "不允许此操作"},
    "os-EISDIR": {"en": "it is a folder", "zh": "这是一个文件夹"},
    "os-ENOTDIR": {"en": "a part of the path is not a folder", "zh": "路径中有一部分不是文件夹"},
    "os-ENOSPC": {"en": "the disk is full", "zh": "磁盘已满"},
    "os-EDQUOT": {"en": "the disk quota is used up", "zh": "磁盘配额已用完"},
    "os-EROFS": {"en": "the file system is read-only", "zh": "文件系统是只读的"},
    "os-ENAMETOOLONG": {"en": "the file name is too long", "zh": "文件名太长"},
    "os-EEXIST": {"en": "it already exists", "zh": "已经存在"},
    "os-ENOTEMPTY": {"en": "the folder is not empty", "zh": "文件夹不是空的"},
    "os-EBUSY": {"en": "it is in use", "zh": "正被占用"},
    "os-ETXTBSY": {"en": "it is in use by a running program", "zh": "正被运行中的程序占用"},
    "os-EMFILE": {"en": "too many files are open", "zh": "打开的文件太多"},
    "os-ENFILE": {"en": "too many files are open on the system", "zh": "系统中打开的文件太多"},
    "os-EIO": {"en": "the device reported an input/output error", "zh": "设备读写出错"},
    "os-ELOOP": {"en": "too many symbolic links in the path", "zh": "路径中的符号链接太多"},
    "os-EXDEV": {
        "en": "it cannot be moved to another file system",
        "zh": "不能移动到另一个文件系统",
    },
    "os-EFBIG": {"en": "the file is too large", "zh": "文件太大"},
    "os-EINVAL": {
        "en": "the operating system refused the request as invalid",
        "zh": "操作系统认为请求无效",
    },
    "os-ENXIO": {"en": "no such device", "zh": "设备不存在"},
    "os-ENODEV": {"en": "no such device", "zh": "设备不存在"},
    "os-ENOMEM": {"en": "not enough memory", "zh": "内存不足"},
    "os-EAGAIN": {
        "en": "the resource is temporarily unavailable; try again",
        "zh": "资源暂时不可用，请重试",
    },
    "os-EADDRINUSE": {"en": "the address is already in use", "zh": "地址已被占用"},
    "os-EADDRNOTAVAIL": {
        "en": "the address is not available on this machine",
        "zh": "本机没有这个地址",
    },
    "os-ECONNREFUSED": {"en": "the connection was refused", "zh": "连接被拒绝"},
    "os-other": {
        "en": "the operating system reports {name} (error {number})",
        "zh": "操作系统报告错误 {name}（错误号 {number}）",
    },
    "os-unknown": {"en": "the operating system gave no reason", "zh": "操作系统未说明原因"},
    "os-read-only": {
        "en": "the file is read-only; make it writable first",
        "zh": "文件是只读的；请先取消只读",
    },
    # Kinds: the words a plan's enumerations are shown with.
    "kind-mechanism-management": {"en": "management", "zh": "管理机制"},
    "kind-mechanism-guidance": {"en": "guidance", "zh": "引领机制"},
    "kind-mechanism-safeguard": {"en": "safeguard", "zh": "保障"},
    "kind-unit-镇": {"en": "town", "zh": "镇"},
    "kind-unit-街道": {"en": "subdistrict", "zh": "街道"},
    "kind-unit-社区": {"en": "community", "zh": "社区"},
    "kind-place-学校": {"en": "school", "zh": "学校"},
    "kind-place-市民学校": {"en": "citizen school", "zh": "市民学校"},
    "kind-place-场馆": {"en": "venue", "zh": "场馆"},
    "kind-place-其他": {"en": "other place", "zh": "其他"},
    "kind-comparator->=": {"en": "at least", "zh": "不低于"},
    "kind-comparator-<=": {"en": "at most", "zh": "不高于"},
    "kind-comparator-=": {"en": "exactly", "zh": "等于"},
    "kind-ref-department": {"en": "department", "zh": "部门"},
    "kind-ref-station": {"en": "station", "zh": "工作站"},
    "kind-ref-place": {"en": "place", "zh": "场所"},
    "kind-ref-task or mechanism": {"en": "task or mechanism", "zh": "任务或机制"},
    "target-describe-percent": {
        "en": "{what} {comparator} {figure}{unit}",
        "zh": "{what}{comparator}{figure}{unit}",
    },
    "target-describe": {
        "en": "{what} {comparator} {figure} {unit}",
        "zh": "{what}{comparator}{figure}{unit}",
    },
    # Where a problem is (Problem.place).
    "place-whole-plan": {"en": "(plan)", "zh": "（计划）"},
    # English keeps a field's path before its label, for programs and grep; Chinese shows the
    # label only.
    "place-field-line": {"en": "{path} ({label}; {line})", "zh": "{label}（{line}）"},
    "place-field": {"en": "{path} ({label})", "zh": "{label}"},
    "place-key-line": {"en": "{path} ({line})", "zh": "{path}（{line}）"},
    "place-problem": {"en": "{place}: {message}", "zh": "{place}：{message}"},
    "field-unknown-key": {"en": "{key!r} in {parent}", "zh": "{parent}中的 “{key}”"},
    "field-unknown-top-key": {"en": "the key {key!r}", "zh": "键 “{key}”"},
    "field-of": {"en": "{field} of {item}", "zh": "{item}的{field}"},
    "field-item": {"en": "item {n}", "zh": "第 {n} 项"},
    "rrule-dtstart": {
        "en": "DTSTART belongs in the start, not the rule",
        "zh": "DTSTART 应写在开始时间中，而不是写进规则",
    },
    "list-separator": {"en": ", ", "zh": "，"},
    "draft-check": {"en": "please check: {message}", "zh": "请核对：{message}"},
    # The head of a draft plan file that commedu import writes, in both languages.
    "draft-head-title": {"en": "draft", "zh": "草稿"},
    "draft-head-source": {
        "en": "Written by commedu import from {source}.",
        "zh": "由 commedu import 从 {source} 生成。",
    },
    "draft-head-search": {
        "en": "Search for “{check}” (please check): each marks a guess or text the import could"
        " not place; delete the note once checked.",
        "zh": "搜索 “{check}”：每条都是导入时推断或无法归类的内容，核对后删去该说明。",
    },
    "draft-head-check": {"en": "check", "zh": "检查"},
    "draft-head-format": {"en": "format reference", "zh": "格式说明"},
    # Calendar labels (calendar/items.py, calendar/ics.py).
    "cal-calendar": {
        "en": "{township} community education {year}",
        "zh": "{township}{year}年社区教育",
    },
    "cal-months": {"en": "months {first}–{last}", "zh": "{first}—{last}月"},
    "cal-month": {"en": "month {first}", "zh": "{first}月"},
    "cal-when": {"en": "When", "zh": "时间"},
    "cal-responsible": {"en": "Responsible", "zh": "责任部门"},
    "cal-serves": {"en": "Serves", "zh": "服务任务"},
    "cal-groups": {"en": "Target groups", "zh": "服务对象"},
    "cal-station": {"en": "Station", "zh": "工作站"},
    "cal-place": {"en": "Place", "zh": "场所"},
    "cal-list": {"en": "; ", "zh": "、"},
    "cal-task": {"en": "Task {number}: {title}", "zh": "（{number_zh}）{title}"},
    "cal-mechanism": {
        "en": "Task {task}.{number}: {title}",
        "zh": "（{task_zh}）{number}. {title}",
    },
    "cal-field": {"en": "{label}: {value}", "zh": "{label}：{value}"},
    # The command line: the program, its commands and their options.
    "cli-description": {
        "en": "Model a township's community-education work plan, check it and export calendars.",
        "zh": "社区教育工作计划：建模、检查并导出日历。",
    },
    "cli-lang": {
        "en": "language of messages and reports (default: COMMEDU_LANG, else the locale's)",
        "zh": "消息和报告的语言（默认取 COMMEDU_LANG，否则按系统语言环境）",
    },
    "cli-color": {
        "en": "colour the output by severity: auto (only on a terminal, unless NO_COLOR is"
        " set), always or never (default: auto)",
        "zh": "按严重程度为输出着色：auto（仅在终端上且未设置 NO_COLOR 时）、always 或 never"
        "（默认：auto）",
    },
    "cli-commands": {"en": "commands", "zh": "命令"},
    "cli-version": {"en": "show the version and exit", "zh": "显示版本并退出"},
    "cli-no-command": {
        "en": "no command given; try 'commedu --help'",
        "zh": "未指定命令；请运行 “commedu --help”",
    },
    "cli-unknown-command": {
        "en": "unknown command {name!r}; commands: {known}",
        "zh": "未知命令 {name!r}；可用命令：{known}",
    },
    "cli-bad-commedu-lang": {
        "en": "COMMEDU_LANG={value!r} is not a language commedu speaks (zh, en); using en",
        "zh": "COMMEDU_LANG={value!r} 不是 commedu 支持的语言（zh、en）；改用 zh",
    },
    "cli-not-utf8-argument": {
        "en": "argument {option}: {value} is not UTF-8 text; the terminal or script sent other"
        " bytes (set the terminal to UTF-8, or retype the value)",
        "zh": "参数 {option}：{value} 不是 UTF-8 文本；终端或脚本传入了其他编码的字节"
        "（请把终端设为 UTF-8，或重新输入该值）",
    },
    "cli-command-validate": {
        "en": "check plan files and report every problem in each",
        "zh": "检查计划文件，逐个报告其中所有问题",
    },
    "cli-command-init": {
        "en": "write a commented starter plan for a township",
        "zh": "为镇街生成带注释的计划模板",
    },
    "cli-command-check": {
        "en": "check a plan against a standard profile and report what passes, fails or cannot"
        " be judged",
        "zh": "按标准档案检查计划，报告通过、未通过、无法判定和不适用的规则",
    },
    "cli-command-ics": {
        "en": "export the schedule as iCalendar files for calendar and task apps",
        "zh": "将配档表导出为 iCalendar 日历文件，供日历和任务类应用导入或订阅",
    },
    "cli-command-rules": {
        "en": "list the compliance rules or show one rule's documentation",
        "zh": "列出合规规则或显示某条规则的说明",
    },
    "cli-command-import": {
        "en": "read a plan from its Word document or text and write a draft plan file to check",
        "zh": "从 Word 文档或文本读取计划，生成待核对的计划文件草稿",
    },
    "cli-command-html": {
        "en": "write the year at a glance: the schedule by month and department, and the check,"
        " as a page",
        "zh": "生成全年一览网页：按月份和部门排列的工作安排及合规检查结果",
    },
    "cli-command-serve": {
        "en": "serve every plan in a folder as calendar feeds to subscribe to, with a page per"
        " plan",
        "zh": "将文件夹中的所有计划作为可订阅的日历提供，并为每个计划提供全年一览网页",
    },
    "cli-command-ledger": {
        "en": "write a ledger of what was done, ready to fill in",
        "zh": "生成待填写的台账（实际开展情况记录）",
    },
    "cli-command-report": {
        "en": "write the year-end inspection report of a plan and its ledger, or a district"
        " roll-up",
        "zh": "根据计划和台账生成年终督导报告，或生成区域汇总",
    },
    "cli-validate-format": {
        "en": "output: text for people, json for programs (default: text)",
        "zh": "输出格式：text 供人阅读，json 供程序读取（默认：text）",
    },
    "cli-validate-input-format": {
        "en": "read every file as this format (default: by its extension, .json or else TOML)",
        "zh": "按此格式读取所有文件（默认按扩展名：.json 为 JSON，其余为 TOML）",
    },
    "cli-validate-strict": {
        "en": "exit 1 when a file has warnings, as if it were invalid",
        "zh": "文件有警告时也以 1 退出，如同文件无效",
    },
    "cli-validate-valid-warned": {
        "en": "{file}: valid (activities: {activities}), {count} warning(s)",
        "zh": "{file}：有效（{activities} 项工作），{count} 个警告",
    },
    "cli-warning": {"en": "warning", "zh": "警告"},
    "cli-warned": {"en": "{warning}: {message}", "zh": "{warning}：{message}"},
    "cli-validate-progress": {"en": "checking", "zh": "正在检查"},
    "cli-ics-no-such": {
        "en": "no such {kind}; the plan has: {known}",
        "zh": "计划中没有这个{kind_zh}；计划中有：{known}",
    },
    "cli-ics-progress": {"en": "exporting", "zh": "正在导出"},
    "cli-option-problem": {"en": "{option}: {message}", "zh": "{option}：{message}"},
    "cli-ledger-init": {
        "en": "write a ledger for the plan, ready to fill in (.xlsx, .csv, .toml or .json)",
        "zh": "为计划生成待填写的台账（.xlsx、.csv、.toml 或 .json）",
    },
    "cli-ledger-plan": {"en": "the plan file (.toml or .json)", "zh": "计划文件（.toml 或 .json）"},
    "cli-ledger-output": {
        "en": "the ledger file to write, e.g. ledger.xlsx",
        "zh": "要写入的台账文件，例如 ledger.xlsx",
    },
    "cli-ledger-written": {
        "en": "wrote {file} ({activities} planned activities listed); fill it in, then run:"
        " commedu report {plan} {file}",
        "zh": "已写入 {file}（列出 {activities} 项计划工作）；填写后运行：commedu report {plan} {file}",
    },
    "cli-rules-code": {
        "en": "a rule code such as CE303, or a prefix such as CE3",
        "zh": "规则代码（如 CE303）或代码前缀（如 CE3）",
    },
    "cli-rules-format": {
        "en": "text: a list (or one rule's entry); markdown: the full reference; json: data",
        "zh": "text：列表（或单条规则说明）；markdown：完整参考；json：数据",
    },
    # argparse's own words, keyed by its message ids (cli/_i18n.py hands them to argparse).
    "argparse:usage: ": {"en": "usage: ", "zh": "用法："},
    "argparse:positional arguments": {"en": "positional arguments", "zh": "位置参数"},
    "argparse:options": {"en": "options", "zh": "选项"},
    "argparse:optional arguments": {"en": "optional arguments", "zh": "选项"},
    "argparse:show this help message and exit": {
        "en": "show this help message and exit",
        "zh": "显示帮助并退出",
    },
    "argparse:show program's version number and exit": {
        "en": "show program's version number and exit",
        "zh": "显示版本并退出",
    },
    "argparse:%(prog)s: error: %(message)s\n": {
        "en": "%(prog)s: error: %(message)s\n",
        "zh": "%(prog)s：错误：%(message)s\n",
    },
    "argparse:%(prog)s: warning: %(message)s\n": {
        "en": "%(prog)s: warning: %(message)s\n",
        "zh": "%(prog)s：警告：%(message)s\n",
    },
    "argparse:argument %(argument_name)s: %(message)s": {
        "en": "argument %(argument_name)s: %(message)s",
        "zh": "参数 %(argument_name)s：%(message)s",
    },
    "argparse:the following arguments are required: %s": {
        "en": "the following arguments are required: %s",
        "zh": "缺少必需的参数：%s",
    },
    "argparse:one of the arguments %s is required": {
        "en": "one of the arguments %s is required",
        "zh": "必须给出以下参数之一：%s",
    },
    "argparse:unrecognized arguments: %s": {
        "en": "unrecognized arguments: %s",
        "zh": "无法识别的参数：%s",
    },
    "argparse:ambiguous option: %(option)s could match %(matches)s": {
        "en": "ambiguous option: %(option)s could match %(matches)s",
        "zh": "有歧义的选项：%(option)s 可能是 %(matches)s",
    },
    "argparse:invalid choice: %(value)r (choose from %(choices)s)": {
        "en": "invalid choice: %(value)r (choose from %(choices)s)",
        "zh": "无效的取值：%(value)r（可选：%(choices)s）",
    },
    "argparse:invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)": {
        "en": "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)",
        "zh": "无效的取值：%(value)r，是否想写 %(closest)r？（可选：%(choices)s）",
    },
    "argparse:invalid %(type)s value: %(value)r": {
        "en": "invalid %(type)s value: %(value)r",
        "zh": "无效的 %(type)s 值：%(value)r",
    },
    "argparse:expected one argument": {"en": "expected one argument", "zh": "需要一个值"},
    "argparse:expected at most one argument": {
        "en": "expected at most one argument",
        "zh": "最多需要一个值",
    },
    "argparse:expected at least one argument": {
        "en": "expected at least one argument",
        "zh": "至少需要一个值",
    },
    "argparse:expected %s argument": {"en": "expected %s argument", "zh": "需要 %s 个值"},
    "argparse:expected %s arguments": {"en": "expected %s arguments", "zh": "需要 %s 个值"},
    "argparse:not allowed with argument %s": {
        "en": "not allowed with argument %s",
        "zh": "不能与参数 %s 同时使用",
    },
    "argparse:ignored explicit argument %r": {
        "en": "ignored explicit argument %r",
        "zh": "忽略了显式给出的值 %r",
    },
    "argparse:unexpected option string: %s": {
        "en": "unexpected option string: %s",
        "zh": "意外的选项：%s",
    },
    "argparse:can't open '%(filename)s': %(error)s": {
        "en": "can't open '%(filename)s': %(error)s",
        "zh": "无法打开 “%(filename)s”：%(error)s",
    },
    "argparse:unknown parser %(parser_name)r (choices: %(choices)s)": {
        "en": "unknown parser %(parser_name)r (choices: %(choices)s)",
        "zh": "未知命令 %(parser_name)r（可选：%(choices)s）",
    },
    "argparse:option %(option)r is deprecated": {
        "en": "option %(option)r is deprecated",
        "zh": "选项 %(option)r 已弃用",
    },
    "argparse:argument %(argument_name)r is deprecated": {
        "en": "argument %(argument_name)r is deprecated",
        "zh": "参数 %(argument_name)r 已弃用",
    },
    "argparse:command %(parser_name)r is deprecated": {
        "en": "command %(parser_name)r is deprecated",
        "zh": "命令 %(parser_name)r 已弃用",
    },
    "argparse:conflicting option string: %s": {
        "en": "conflicting option string: %s",
        "zh": "选项冲突：%s",
    },
    "argparse:conflicting option strings: %s": {
        "en": "conflicting option strings: %s",
        "zh": "选项冲突：%s",
    },
    "argparse:conflicting subparser: %s": {
        "en": "conflicting subparser: %s",
        "zh": "子命令冲突：%s",
    },
    "argparse:conflicting subparser alias: %s": {
        "en": "conflicting subparser alias: %s",
        "zh": "子命令别名冲突：%s",
    },
    "argparse:.__call__() not defined": {
        "en": ".__call__() not defined",
        "zh": ".__call__() 未定义",
    },
    "argparse:'required' is an invalid argument for positionals": {
        "en": "'required' is an invalid argument for positionals",
        "zh": "位置参数不能使用 “required”",
    },
    "argparse:mutually exclusive arguments must be optional": {
        "en": "mutually exclusive arguments must be optional",
        "zh": "互斥的参数必须是选项",
    },
    "argparse:%r is not callable": {"en": "%r is not callable", "zh": "%r 不可调用"},
    "argparse:cannot merge actions - two groups are named %r": {
        "en": "cannot merge actions - two groups are named %r",
        "zh": "无法合并：有两个组都叫 %r",
    },
    "argparse:invalid option string %(option)r: must start with a character %(prefix_chars)r": {
        "en": "invalid option string %(option)r: must start with a character %(prefix_chars)r",
        "zh": "无效的选项 %(option)r：必须以 %(prefix_chars)r 中的字符开头",
    },
    "argparse:dest= is required for options like %r": {
        "en": "dest= is required for options like %r",
        "zh": "像 %r 这样的选项需要 dest=",
    },
    "argparse:invalid conflict_resolution value: %r": {
        "en": "invalid conflict_resolution value: %r",
        "zh": "无效的 conflict_resolution 值：%r",
    },
    "argparse:cannot have multiple subparser arguments": {
        "en": "cannot have multiple subparser arguments",
        "zh": "不能有多组子命令",
    },
    'argparse:argument "-" with mode %r': {
        "en": 'argument "-" with mode %r',
        "zh": "模式为 %r 的参数 “-”",
    },
    # -- documents placed as GB/T 9704 places them; the town roll-up from the command line -------
    "docx-printed": {"en": "printed and issued {date}", "zh": "{date}印发"},
    "cli-report-level": {
        "en": "district: one row per town; town: each town's village stations and schools",
        "zh": "汇总层级：区县一级每个镇街一行；镇街一级列出各镇街的村（社区）工作站及学校",
    },
    # -- one catalogue on every face: places outside the plan file, tables moved in ------------
    # What a rule reads outside the plan file (a ledger's, a profile's), said in words in
    # Chinese; English shows the path for programs, as for the plan's own fields.
    "place:ledger": {"en": "ledger", "zh": "台账"},
    "place:ledger.staff": {"en": "ledger.staff", "zh": "台账中的在岗人员"},
    "place:ledger.expenses": {"en": "ledger.expenses", "zh": "台账中的经费支出"},
    "place:ledger.records": {"en": "ledger.records", "zh": "台账记录"},
    "place:ledger.records.elders": {"en": "ledger.records.elders", "zh": "台账记录中的老年人人次"},
    "place:ledger.records.evidence": {
        "en": "ledger.records.evidence",
        "zh": "台账记录中的佐证材料",
    },
    "place:ledger.records.participants": {
        "en": "ledger.records.participants",
        "zh": "台账记录中的参与人次",
    },
    "place:records.elders": {"en": "records.elders", "zh": "台账记录中的老年人人次"},
    "place:records[].evidence": {
        "en": "evidence of ledger record {n}",
        "zh": "台账第 {n} 条记录的佐证材料",
    },
    "place:profile.funding.earmarked": {
        "en": "profile.funding.earmarked",
        "zh": "标准档案中的经费专款专用要求",
    },
    "place:profile.funding.per_resident": {
        "en": "profile.funding.per_resident",
        "zh": "标准档案中的人均经费标准",
    },
    "place:profile.ledger.elder_share": {
        "en": "profile.ledger.elder_share",
        "zh": "标准档案中的老年人占比目标",
    },
    "place:profile.ledger.training_rate": {
        "en": "profile.ledger.training_rate",
        "zh": "标准档案中的培训率目标",
    },
    "place:profile.staffing.full_time": {
        "en": "profile.staffing.full_time",
        "zh": "标准档案中的专职人员标准",
    },
    "place:profile.staffing.staff": {
        "en": "profile.staffing.staff",
        "zh": "标准档案中的专兼职人员标准",
    },
    # Punctuation between the catalogue's pieces: each language's own marks.
    "sep-list": {"en": ", ", "zh": "、"},
    "sep-clause": {"en": "; ", "zh": "；"},
    "sep-sentence": {"en": ". ", "zh": "。"},
    "colon": {"en": ": ", "zh": "："},
    "report-task-heading": {"en": "({n}) {title}", "zh": "（{n_zh}）{title}"},
    # The year at a glance: its headings, captions and the words in its tables.
    "glance-page": {"en": "{title} · the year at a glance", "zh": "{title} · 全年一览"},
    "glance-where": {"en": "{place} · {year}", "zh": "{place} · {year}年"},
    "glance-place": {"en": "{small}, {large}", "zh": "{large}{small}"},
    "glance-schedule": {"en": "The year's work", "zh": "全年工作安排"},
    "glance-caption": {
        "en": "{schedule}: one row per month, one column per responsible department",
        "zh": "{schedule}：每行一个月，每列一个责任部门",
    },
    "glance-hint": {
        "en": "On a narrow screen, scroll the table sideways to see every department.",
        "zh": "表格较宽时可左右滑动查看全部部门。",
    },
    "glance-month": {"en": "Month", "zh": "月份"},
    "glance-no-department": {"en": "No department", "zh": "未指定部门"},
    "glance-none": {"en": "none", "zh": "无"},
    "glance-station": {"en": "Station: {name}", "zh": "工作站：{name}"},
    "glance-count": {
        "en": "{n} activities in the year, {departments} responsible departments.",
        "zh": "全年共 {n} 项工作，{departments} 个责任部门。",
    },
    "glance-compliance": {"en": "Compliance check", "zh": "合规检查"},
    "glance-profile": {"en": "Profile: {name} ({title})", "zh": "标准档案：{name}（{title}）"},
    "glance-no-profile": {
        "en": "No profile named: rules that need a standard's thresholds cannot be judged.",
        "zh": "未指定标准档案：需要标准数值的规则无法判定。",
    },
    "glance-profile-error": {
        "en": "The profile the plan names cannot be loaded: {reason}",
        "zh": "计划指定的标准档案无法载入：{reason}",
    },
    "glance-code": {"en": "Code", "zh": "代码"},
    "glance-rule": {"en": "Rule", "zh": "规则"},
    "glance-severity": {"en": "Severity", "zh": "级别"},
    "glance-status": {"en": "Status", "zh": "结果"},
    "glance-message": {"en": "Message", "zh": "说明"},
    "glance-rules-caption": {"en": "What each rule found", "zh": "各条规则的检查结果"},
    "glance-list": {"en": ", ", "zh": "，"},
    "glance-footer": {"en": "Made by commedu {version}.", "zh": "由 commedu {version} 生成。"},
    "glance-observances": {"en": "Observances", "zh": "节日与纪念日"},
    "glance-progress": {"en": "Progress", "zh": "完成进度"},
    "glance-progress-as-of": {
        "en": "From the ledger, as of {day}:",
        "zh": "按台账截至 {day} 的情况：",
    },
    "glance-progress-caption": {
        "en": "Where each planned activity stands",
        "zh": "每项计划工作的完成情况",
    },
    "glance-activity": {"en": "Activity", "zh": "工作"},
    "glance-held": {"en": "Sessions held", "zh": "开展记录"},
    # The server's own pages: the list of feeds, and the pages that explain a failure.
    "feeds-title": {"en": "Community-education calendar feeds", "zh": "社区教育日历订阅"},
    "feeds-intro": {
        "en": "Subscribe to these addresses in a calendar program: when a plan file changes, the calendars follow. On an iPhone, a Mac or with Outlook installed, click a webcal:// link to subscribe; in Google Calendar or Outlook on the web, copy the http(s):// address and add the calendar from a URL.",
        "zh": "在日历程序中订阅下列地址，计划文件修改后日历会自动更新。在 iPhone、Mac 或装有 Outlook 的电脑上点击 webcal:// 链接即可订阅；谷歌日历、Outlook 网页版等请复制 http(s):// 地址，选择“通过网址添加”。",
    },
    "feeds-empty": {
        "en": "This folder holds no plan file (.toml or .json).",
        "zh": "此文件夹中没有计划文件（.toml 或 .json）。",
    },
    "feeds-summary": {
        "en": "{township} · {year} · {n} activities",
        "zh": "{township} · {year}年 · 共 {n} 项工作",
    },
    "feeds-glance": {"en": "The year at a glance", "zh": "全年一览"},
    "feeds-caption": {"en": "Feeds of {title}", "zh": "{title}的订阅地址"},
    "feeds-calendar": {"en": "Calendar", "zh": "日历"},
    "feeds-count": {"en": "Activities", "zh": "工作项"},
    "feeds-subscribe": {"en": "Subscribe (webcal://)", "zh": "点击订阅（webcal://）"},
    "feeds-address": {
        "en": "Subscribe: click the link, or copy the address",
        "zh": "订阅：点击链接，或复制地址",
    },
    "feeds-plan": {"en": "The whole plan", "zh": "全部工作"},
    "feeds-department": {"en": "Department: {name}", "zh": "部门：{name}"},
    "feeds-station": {"en": "Station: {name}", "zh": "工作站：{name}"},
    "feeds-broken": {
        "en": "{file} cannot be read at the moment; its calendars are paused.",
        "zh": "{file} 目前无法读取，其日历暂停提供。",
    },
    "feeds-details": {"en": "see the problems", "zh": "查看问题"},
    "language-name": {"en": "English", "zh": "中文"},
    "serve-not-found-title": {"en": "Not found", "zh": "找不到此页面"},
    "serve-not-found": {
        "en": "Nothing is served at this address: no plan, calendar or page.",
        "zh": "此地址没有对应的计划、日历或页面。",
    },
    "serve-no-activities": {
        "en": "{name} has no scheduled activity at the moment, so there is no calendar.",
        "zh": "{name} 目前没有任何工作安排，因此没有日历。",
    },
    "serve-back": {"en": "Back to the list of feeds", "zh": "返回订阅列表"},
    "serve-bad-plan-title": {"en": "The plan file has problems", "zh": "计划文件有误"},
    "serve-bad-plan": {
        "en": "{file} cannot be read as a plan, so its calendars and page are paused. Fix the file; nothing needs restarting, this address works again as soon as it is valid.",
        "zh": "{file} 无法作为计划读取，其日历和页面暂停提供。修改文件后无需重启，此页会自动恢复。",
    },
    "serve-method-title": {"en": "Method not allowed", "zh": "不支持的请求方法"},
    "serve-method": {
        "en": "This server answers GET and HEAD requests only.",
        "zh": "此服务器只接受 GET 和 HEAD 请求。",
    },
    "serve-bad-lang-title": {"en": "Bad language", "zh": "无效的语言参数"},
    "serve-bad-lang": {
        "en": "The lang parameter must be zh (Chinese) or en (English).",
        "zh": "lang 参数只能是 zh（中文）或 en（英文）。",
    },
    "serve-folder-title": {"en": "The plan folder cannot be read", "zh": "无法读取计划文件夹"},
    "serve-folder": {
        "en": "The server cannot list the folder of plan files: {reason}",
        "zh": "服务器无法列出计划文件所在的文件夹：{reason}",
    },
    "serve-internal-title": {"en": "Internal error", "zh": "服务器内部错误"},
    "serve-internal": {
        "en": "Something unexpected went wrong with this request; the server's log has the details.",
        "zh": "处理此请求时出现意外错误，详情已写入服务器日志。",
    },
    # commedu check's help and messages.
    "cli-check-plan": {"en": "the plan file (.toml or .json)", "zh": "计划文件（.toml 或 .json）"},
    "cli-check-profile": {
        "en": "a built-in standard profile (shandong-township, national-demonstration, henan-elder-education) or a profile .toml file; default: the one the plan names",
        "zh": "内置标准档案（shandong-township、national-demonstration、henan-elder-education）或标准档案 .toml 文件；默认使用计划中写明的档案",
    },
    "cli-check-format": {"en": "report format (default: text)", "zh": "报告格式（默认：text）"},
    "cli-check-select": {
        "en": "rule codes or prefixes to check, comma-separated (default: ALL)",
        "zh": "要检查的规则代码或前缀，用逗号分隔（默认：ALL）",
    },
    "cli-check-ignore": {
        "en": "rule codes or prefixes to skip, comma-separated",
        "zh": "要跳过的规则代码或前缀，用逗号分隔",
    },
    "cli-check-fail-on": {
        "en": "exit 1 if a rule of this severity or worse fails (default: error); not evaluable and not applicable never fail",
        "zh": "有此级别或更高级别的规则未通过时以 1 退出（默认：error）；无法判定和不适用不算未通过",
    },
    "cli-check-profile-error": {"en": "profile {name}", "zh": "标准档案 {name}"},
    "cli-check-ledger": {
        "en": "a ledger (.xlsx, .csv, .toml or .json) of what was done: adds the rules over actuals (CE5xx) and reads staff and spending from it",
        "zh": "记录实际开展情况的台账（.xlsx、.csv、.toml 或 .json）：加查台账规则（CE5xx），并按台账核对人员和经费",
    },
    "cli-check-as-of": {
        "en": "judge the ledger on this day, YYYY-MM-DD (default: 31 December of the plan year)",
        "zh": "按此日期评判台账，格式 YYYY-MM-DD（默认计划年度 12 月 31 日）",
    },
    # commedu report's help and messages.
    "cli-report-progress": {"en": "reporting", "zh": "正在生成报告"},
    "cli-report-plan": {"en": "the plan file (.toml or .json)", "zh": "计划文件（.toml 或 .json）"},
    "cli-report-ledger": {
        "en": "the ledger file (.xlsx, .csv, .toml or .json)",
        "zh": "台账文件（.xlsx、.csv、.toml 或 .json）",
    },
    "cli-report-output": {
        "en": "the file to write (default: standard output; a .docx needs a file)",
        "zh": "要写入的文件（默认输出到标准输出；.docx 必须写入文件）",
    },
    "cli-report-format": {
        "en": "report format (default: by the output's extension, else html)",
        "zh": "报告格式（默认按输出文件扩展名，否则为 html）",
    },
    "cli-report-profile": {
        "en": "a built-in standard profile or a profile .toml file; default: the plan's",
        "zh": "内置标准档案或标准档案 .toml 文件；默认使用计划中写明的档案",
    },
    "cli-report-as-of": {
        "en": "judge the ledger on this day, YYYY-MM-DD (default: today, or the last day of the"
        " plan's period if that is earlier)",
        "zh": "按此日期评判台账，格式 YYYY-MM-DD（默认今天；计划期限已结束的，为期限末日）",
    },
    "cli-report-district": {
        "en": "a folder of plans NAME.toml with ledgers NAME.ledger.xlsx: one roll-up table",
        "zh": "包含计划 NAME.toml 及其台账 NAME.ledger.xlsx 的文件夹：生成一张汇总表",
    },
    "cli-report-report-lang": {
        "en": "language of the report (default: Chinese for a Chinese plan)",
        "zh": "报告语言（默认：中文计划用中文）",
    },
    "cli-report-usage": {
        "en": "give PLAN and LEDGER, or --district DIR",
        "zh": "请给出 PLAN 和 LEDGER，或 --district DIR",
    },
    "cli-report-no-pairs": {
        "en": "{folder} holds no plan with a ledger (NAME.toml with NAME.ledger.xlsx)",
        "zh": "{folder} 中没有带台账的计划（NAME.toml 及 NAME.ledger.xlsx）",
    },
    "cli-report-no-ledger": {
        "en": "{plan} has no ledger beside it (expected {stem}.ledger.xlsx, .csv, .toml or .json)",
        "zh": "{plan} 旁边没有台账（应为 {stem}.ledger.xlsx、.csv、.toml 或 .json）",
    },
    "cli-report-written": {"en": "wrote {file}", "zh": "已写入 {file}"},
    # A month by its name: 4月, April.
    "month:1": {"en": "January", "zh": "1月"},
    "month:2": {"en": "February", "zh": "2月"},
    "month:3": {"en": "March", "zh": "3月"},
    "month:4": {"en": "April", "zh": "4月"},
    "month:5": {"en": "May", "zh": "5月"},
    "month:6": {"en": "June", "zh": "6月"},
    "month:7": {"en": "July", "zh": "7月"},
    "month:8": {"en": "August", "zh": "8月"},
    "month:9": {"en": "September", "zh": "9月"},
    "month:10": {"en": "October", "zh": "10月"},
    "month:11": {"en": "November", "zh": "11月"},
    "month:12": {"en": "December", "zh": "12月"},
    # The observances a year at a glance shows, by their canonical Chinese name.
    "observance:元旦": {"en": "New Year's Day", "zh": "元旦"},
    "observance:除夕": {"en": "Spring Festival Eve", "zh": "除夕"},
    "observance:春节": {"en": "Spring Festival", "zh": "春节"},
    "observance:元宵节": {"en": "Lantern Festival", "zh": "元宵节"},
    "observance:学雷锋日": {"en": "Learn from Lei Feng Day", "zh": "学雷锋日"},
    "observance:妇女节": {"en": "Women's Day", "zh": "妇女节"},
    "observance:植树节": {"en": "Tree Planting Day", "zh": "植树节"},
    "observance:清明节": {"en": "Qingming Festival", "zh": "清明节"},
    "observance:全民国家安全教育日": {
        "en": "National Security Education Day",
        "zh": "全民国家安全教育日",
    },
    "observance:世界读书日": {"en": "World Book Day", "zh": "世界读书日"},
    "observance:劳动节": {"en": "Labour Day", "zh": "劳动节"},
    "observance:青年节": {"en": "Youth Day", "zh": "青年节"},
    "observance:全国助残日": {"en": "National Day for Helping the Disabled", "zh": "全国助残日"},
    "observance:端午节": {"en": "Dragon Boat Festival", "zh": "端午节"},
    "observance:世界环境日": {"en": "World Environment Day", "zh": "世界环境日"},
    "observance:儿童节": {"en": "Children's Day", "zh": "儿童节"},
    "observance:建党节": {"en": "Party Founding Day", "zh": "建党节"},
    "observance:建军节": {"en": "Army Day", "zh": "建军节"},
    "observance:教师节": {"en": "Teachers' Day", "zh": "教师节"},
    "observance:全民国防教育日": {"en": "National Defence Education Day", "zh": "全民国防教育日"},
    "observance:秋分": {"en": "Autumn Equinox", "zh": "秋分"},
    "observance:中国农民丰收节": {
        "en": "Chinese Farmers' Harvest Festival",
        "zh": "中国农民丰收节",
    },
    "observance:中秋节": {"en": "Mid-Autumn Festival", "zh": "中秋节"},
    "observance:国庆节": {"en": "National Day", "zh": "国庆节"},
    "observance:重阳节": {"en": "Double Ninth Festival", "zh": "重阳节"},
    "observance:全国消防日": {"en": "National Fire Safety Day", "zh": "全国消防日"},
    "observance:国家宪法日": {"en": "National Constitution Day", "zh": "国家宪法日"},
    "observance:国际志愿者日": {"en": "International Volunteer Day", "zh": "国际志愿者日"},
    # -- a plan's own parts of the day, several places per activity, ids served twice --------
    "bad-day-part": {
        "en": '{value} is not a part of the day; write its start and end in local time, e.g. "14:30-17:30"',
        "zh": '{value} 不是时段；请写本地时间的开始和结束时刻，如 "14:30-17:30"',
    },
    "day-parts-overlap": {
        "en": "the {part} ({value}) starts before the {other} ({other_value}) ends; start the {part} when the {other} is over or later",
        "zh": "{part_zh}（{value}）在{other_zh}（{other_value}）结束前就开始了；请让{part_zh}在{other_zh}结束后开始",
    },
    "day-part-clock": {
        "en": "{value!r} is held at {clock}, but the plan's {part} is {plan}; write the class's own clock time, or set the {part} under [day_parts]",
        "zh": "{value!r} 的时间是 {clock}，但计划的{part_zh}是 {plan}；请写明上课时刻，或在 [day_parts] 中设定{part_zh}",
    },
    "field:day_parts": {"en": "parts of the day", "zh": "时段设置"},
    "field:day_parts.morning": {"en": "morning", "zh": "上午时段"},
    "field:day_parts.afternoon": {"en": "afternoon", "zh": "下午时段"},
    "field:day_parts.evening": {"en": "evening", "zh": "晚上时段"},
    "place-and-places": {
        "en": "the activity gives both place ({value!r}) and places; write every place in places",
        "zh": "该项工作同时写了 place（{value!r}）和 places；请把所有场所都写在 places 中",
    },
    "place-twice": {
        "en": "{value!r} names a place already named at {first}; name each place once",
        "zh": "{value!r} 所指的场所已在{first}中列出；每个场所只列一次",
    },
    "field:schedule.activities[].places": {"en": "places", "zh": "场所列表"},
    "field:schedule.activities[].places[]": {"en": "place {n}", "zh": "第 {n} 个场所"},
    "docx-places": {"en": "Place", "zh": "地点"},
    "glance-places-of": {"en": "At: {names}", "zh": "地点：{names}"},
    "cli-serve-same-id": {
        "en": "two files have the plan id {value!r}: {first} and {second}; only the calendars of {first} are served. Change the id in one of them.",
        "zh": "两个文件的计划标识相同（{value!r}）：{first} 与 {second}；只提供 {first} 的日历。请修改其中一个文件的计划标识（id）。",
    },
    # -- statutory holidays and make-up working days (调休) ------------------------------------
    "place:holidays": {
        "en": "the State Council's holiday arrangement for the plan's years",
        "zh": "计划年度的国务院节假日安排",
    },
    "glance-holiday": {"en": "{name} (days off)", "zh": "{name}放假"},
    "glance-workday": {"en": "Make-up working day", "zh": "调休上班"},
    # -- subscribing from the plan's own page (the year at a glance) ------------------------------
    "subscribe-plan-title": {"en": "Subscribe to the calendars", "zh": "订阅日历"},
    "subscribe-plan-intro": {
        "en": "Subscribe to the whole plan, or to one department's or station's calendar: your"
        " calendar app then follows every change to the plan by itself.",
        "zh": "可以订阅整个计划，也可以只订阅某个部门或工作站的日历；此后计划的每次修改，日历软件"
        "都会自动同步。",
    },
    "subscribe-plan-no-qr": {
        "en": "The addresses above are relative to this page. The full addresses to copy and"
        " their QR codes are on the list of feeds at the root of the calendar server.",
        "zh": "以上地址相对于本页面。可复制的完整订阅地址及其二维码，见日历服务器首页的订阅列表。",
    },
    "cli-html-base-url": {
        "en": "the public address the plan's feeds are served under, as given to 'commedu serve"
        " --base-url'; the page then shows each feed's full address and its QR code",
        "zh": "提供本计划订阅的公开地址，与 “commedu serve --base-url” 所给的相同；网页随后显示每个"
        "订阅的完整地址及其二维码",
    },
    # -- subscribing, for a clerk: steps per calendar app, a QR code, in-app browsers -----------
    "subscribe-how": {"en": "How to subscribe", "zh": "如何订阅"},
    "subscribe-qr": {"en": "QR code of the address", "zh": "订阅地址二维码"},
    "subscribe-app-outlook": {"en": "Outlook", "zh": "Outlook 日历"},
    "subscribe-app-apple": {"en": "Apple Calendar", "zh": "苹果日历"},
    "subscribe-app-google": {"en": "Google Calendar", "zh": "Google 日历"},
    "subscribe-app-thunderbird": {"en": "Thunderbird", "zh": "雷鸟（Thunderbird）"},
    "subscribe-app-phone": {"en": "Phones", "zh": "手机"},
    "subscribe-steps-outlook": {
        "en": "Add calendar › Subscribe from web, paste the address, then Import.",
        "zh": "添加日历 › 从网页订阅，粘贴订阅地址，再点“导入”。",
    },
    "subscribe-steps-apple": {
        "en": "on a Mac, File › New Calendar Subscription and paste the address; on an iPhone,"
        " Settings › Calendar › Accounts › Add Account › Other › Add Subscribed Calendar.",
        "zh": "Mac 上：文件 › 新建日历订阅，粘贴订阅地址；iPhone 上：设置 › 日历 › 账户 ›"
        " 添加账户 › 其他 › 添加已订阅的日历。",
    },
    "subscribe-steps-google": {
        "en": "on a computer, Other calendars › + › From URL, paste the address; the phone app"
        " then shows it too.",
        "zh": "在电脑上打开 Google 日历：其他日历 › + › 通过网址添加，粘贴订阅地址；手机上的"
        " Google 日历随后也会显示。",
    },
    "subscribe-steps-thunderbird": {
        "en": "New Calendar › On the Network, paste the address, and keep it read-only.",
        "zh": "新建日历 › 在网络上，粘贴订阅地址，保持只读。",
    },
    "subscribe-steps-phone": {
        "en": "scan the QR code with the camera and open the address in the phone's own"
        " browser, or add the address in the phone's calendar settings as above.",
        "zh": "用相机扫描二维码，在手机自带的浏览器中打开；或按上面的步骤在手机的日历设置中添加订阅地址。",
    },
    "subscribe-refresh": {
        "en": "A subscribed calendar is refreshed by the app, not by this server: Outlook and"
        " Apple Calendar every few hours or as set, Google Calendar only about once a day, so a"
        " change can take a day to reach a Google calendar.",
        "zh": "订阅的日历由日历软件自己刷新，而不是由本服务器推送：Outlook 和苹果日历每隔几小时"
        "（或按设置）刷新，Google 日历大约每天只刷新一次，改动可能要一天后才出现在 Google 日历中。",
    },
    "subscribe-in-app": {
        "en": "This page is open inside an app (such as WeChat), which cannot subscribe to a"
        " calendar. Open it in the phone's own browser: tap ··· and choose to open it in the"
        " browser.",
        "zh": "本页面是在应用内（如微信）打开的，无法订阅日历。请在手机自带的浏览器中打开："
        "点右上角“···”，选择“在浏览器中打开”。",
    },
}


#: What the TOML and JSON parsers say, in Chinese; the parsers speak only English.
#: Compiled by ``re`` (which keeps them) when a reason is translated, not at import.
_SYNTAX_ZH: tuple[tuple[str, str], ...] = (
    (r"Cannot overwrite a value", "不能覆盖已有的值"),
    (r"Escaped character is not a Unicode scalar value", "转义字符不是有效的 Unicode 字符"),
    (r"Expected '=' after a key in a key/value pair", "键后面缺少“=”"),
    (r"Expected '\]' at the end of a table declaration", "表名后面缺少“]”"),
    (r"Expected '\]\]' at the end of an array declaration", "表数组名后面缺少“]]”"),
    (r"Expected newline or end of document after a statement", "一行只能写一个键值"),
    (r"Invalid date or datetime", "日期或时间无效"),
    (r"Invalid hex value", "十六进制值无效"),
    (r"Invalid initial character for a key part", "键的第一个字符无效"),
    (r"Invalid statement", "无法识别的语句"),
    (r"Invalid value", "无效的值（文字要加引号）"),
    (r"Unclosed array", "列表缺少结尾的“]”"),
    (r"Unclosed inline table", "内联表缺少结尾的“}”"),
    (r"Unescaped '\\' in a string", "字符串中的“\\”未转义"),
    (r"Unterminated string", "字符串缺少结尾的引号"),
    (r"Cannot declare \((.+?),?\) twice", "表 {0} 声明了两次"),
    (r"Cannot mutate immutable namespace (.+)", "不能修改已定义的 {0}"),
    (r"Cannot redefine namespace (.+)", "不能重新定义 {0}"),
    (r"Duplicate inline table key (.+)", "内联表中的键 {0} 重复"),
    (r"Found invalid character (.+)", "无效字符 {0}"),
    (r"Illegal character '\\n'", "一行没写完就换行了：字符串可能缺少结尾的引号"),
    (r"Illegal character (.+)", "非法字符 {0}"),
    (r"Expecting value", "此处应有一个值"),
    (r"Expecting ',' delimiter", "缺少“,”分隔符"),
    (r"Expecting ':' delimiter", "缺少“:”分隔符"),
    (r"Expecting property name enclosed in double quotes", "键名必须用双引号括起来"),
    (r"Unterminated string starting at", "字符串缺少结尾的引号"),
    (r"Invalid control character at", "字符串中有控制字符"),
    (r"Invalid \\escape", "无效的转义"),
    (r"Extra data", "文档结束后还有多余内容"),
)


def syntax_reason_zh(reason: str) -> str:
    """A TOML or JSON parser's reason in Chinese, or the English one if it is not known."""
    for pattern, zh in _SYNTAX_ZH:
        if match := re.match(pattern, reason):
            # Not str.format: the Chinese text itself may hold braces, as in “}”.
            return zh.replace("{0}", match.group(1)) if match.groups() else zh
    return reason


def check_lang(lang: object) -> Lang:
    """``lang`` itself, or a ``TypeError`` that says which languages there are."""
    if lang not in LANGS:
        raise TypeError(f"lang must be 'en' or 'zh', not {type(lang).__name__} {lang!r}")
    return "zh" if lang == "zh" else "en"


def render(code: str, lang: Lang = "en", /, **params: Any) -> str:
    """The message ``code`` in ``lang``, with ``params`` filled in.

    A parameter that is a :class:`Term` is said in ``lang`` too.
    """
    lang = check_lang(lang)
    said = {k: v.said(lang) if isinstance(v, (Term, FieldPath)) else v for k, v in params.items()}
    return MESSAGES[code][lang].format(**said)


class FieldPath(str):
    """A plan file's path given as a message's parameter (the first of two equal ids, say).

    It is the path itself, which English shows for programs; Chinese says it in words
    (:func:`field_label`), or, for a path relative to a part, as the item's number.
    """

    def said(self, lang: Lang) -> str:
        if lang == "en":
            return str(self)
        if is_field_path(self):
            return field_label(self, lang)
        if match := re.search(r"\[(\d+)\]$", self):
            return render("field-item", lang, n=int(match[1]) + 1)
        return str(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (FieldPath, (str(self),))


class Term(str):
    """A word from the catalogue given as a message's parameter: a kind, an OS error's reason.

    It is a string (its English words), so it can be stored, compared and pickled as one; and
    :func:`render` says it in the language of the message it fills in.
    """

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, /, **params: Any) -> Term:
        self = super().__new__(cls, render(code, "en", **params))
        self.code = code
        self.params = params
        return self

    def said(self, lang: Lang) -> str:
        """The word in ``lang``."""
        return render(self.code, lang, **self.params)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_term, (self.code, self.params))


def _term(code: str, params: dict[str, Any]) -> Term:
    return Term(code, **params)


def os_reason(error: OSError) -> Term:
    """Why the operating system refused a read or a write, in words from the catalogue.

    The reason is chosen by ``errno``, never taken from ``strerror``: the C library speaks the
    machine's language, not the reader's.
    """
    if isinstance(error.strerror, Term):  # one of ours, such as a read-only target kept
        return error.strerror
    name = errno.errorcode.get(error.errno or 0)
    if name is None:
        return Term("os-unknown")
    if f"os-{name}" in MESSAGES:
        return Term(f"os-{name}")
    return Term("os-other", name=name, number=error.errno)


def kind_label(kind: str, value: str, lang: Lang = "en") -> str:
    """A kind's word in ``lang``: ``kind_label("mechanism", "management", "zh")`` is 管理机制.

    ``kind`` is one of ``mechanism``, ``unit``, ``place``, ``comparator`` or ``ref``; ``value``
    is the kind's own value as a plan file writes it.
    """
    return render(f"kind-{kind}-{value}", lang)


_FIELD_PART = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


def _field_words(path: str, lang: Lang) -> tuple[str, bool]:
    """The words for ``path``, and whether any of it is a known field of a plan file."""
    generic = ""  # the path with its indexes as []: the key of its label
    items: list[str] = []  # the labels of the items on the way, outermost first
    field: str | None = None  # the label of the field after the last item, if any
    position = 0
    for match in _FIELD_PART.finditer(path):
        if match.start() != position:
            break
        index, key = match.groups()
        step = f"{generic}[]" if index is not None else f"{generic}.{key}" if generic else key
        if f"field:{step}" not in MESSAGES:
            break
        generic, position = step, match.end()
        if index is not None:
            items.append(render(f"field:{generic}", lang, n=int(index) + 1))
            field = None
        else:
            field = render(f"field:{generic}", lang)
    known = items + ([field] if field is not None else [])
    if not known:
        return render("field-unknown-top-key", lang, key=path), False
    words = known[0]
    for part in known[1:]:
        words = render("field-of", lang, item=words, field=part)
    if position < len(path):
        words = render("field-unknown-key", lang, key=path[position:].lstrip("."), parent=words)
    return words, True


def field_label(path: str, lang: Lang = "en") -> str:
    """A plan file's path in words: ``schedule.activities[20].when`` is 配档表第 21 项的时间.

    Every key of the plan file format has a label (``field:`` entries, keyed by the path with
    its indexes as ``[]``); an item's label holds its number counted from 1. A key the format
    does not have is quoted after the label of the part it is in.
    """
    return _field_words(path, check_lang(lang))[0]


def is_field_path(path: str) -> bool:
    """Whether ``path`` starts with a key of the plan file format (so it has a label)."""
    return _field_words(path, "en")[1]
