"""The catalogue of user-facing messages, each in English and Chinese.

Messages are looked up by a stable code so a test can prove that every one exists in both
languages and so callers never have to parse an English sentence.
"""

from __future__ import annotations

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
        "en": "{kind} {value!r} is not defined; the plan defines {known}",
        "zh": "未定义的{kind_zh} {value!r}；已定义的{kind_zh}：{known}",
    },
    "year-mismatch": {
        "en": "{value} belongs to {other}, not to the plan year {year}",
        "zh": "{value} 属于 {other} 年，而不是计划年度 {year} 年",
    },
    "profile-toml": {
        "en": "the profile is not valid TOML: {reason}",
        "zh": "标准档案不是有效的 TOML：{reason_zh}",
    },
    "profile-read": {
        "en": "the profile file cannot be read: {reason}",
        "zh": "无法读取标准档案文件：{reason}",
    },
    "profile-unknown": {
        "en": "{value!r} is neither a built-in profile nor a .toml file; built-in profiles: {known}",
        "zh": "{value!r} 既不是内置标准档案，也不是 .toml 文件；内置标准档案：{known}",
    },
    "profile-missing-key": {
        "en": "the required key {key!r} is missing",
        "zh": "缺少必填项 {key!r}",
    },
    "profile-unknown-key": {
        "en": "unknown key {key!r}; allowed keys here: {known}",
        "zh": "未知的项 {key!r}；此处允许的项：{known}",
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
        "en": "the file is empty; start from the template that 'commedu init' writes",
        "zh": "文件是空的；可用 “commedu init” 生成的模板开始填写",
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
        "en": "the file is {size} bytes; a plan file may be at most {limit} bytes (10 MiB)",
        "zh": "文件有 {size} 字节；计划文件最大 {limit} 字节（10 MiB）",
    },
    "number-too-long": {
        "en": "a number in the file has thousands of digits; no value in a plan is that long",
        "zh": "文件中有一个数字长达数千位；计划中没有这么长的数值",
    },
    "too-deep": {
        "en": "the file nests brackets or tables too deeply to read; a plan needs only a few levels",
        "zh": "文件中括号或表嵌套过深，无法读取；计划只需要几层嵌套",
    },
    "no-such-file": {
        "en": "{value} does not exist; check the name and folder",
        "zh": "{value} 不存在；请检查文件名和所在文件夹",
    },
    "is-a-directory": {
        "en": "{value} is a folder, not a plan file; give the path of a .toml or .json file",
        "zh": "{value} 是文件夹而不是计划文件；请给出 .toml 或 .json 文件的路径",
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
    "cli-init-help": {
        "en": "write a commented starter plan for a township",
        "zh": "为镇街生成带注释的计划模板",
    },
    "cli-township": {
        "en": "the township's name, e.g. 金山镇",
        "zh": "镇街名称，例如 金山镇",
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
        "en": "write one calendar per department or station into a folder, with index.json",
        "zh": "按部门或工作站各写一个日历到文件夹中，并附 index.json 索引",
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
    # -- ledgers (台账) --------------------------------------------------------------------------
    "ledger-no-date": {
        "en": "a record needs at least one date",
        "zh": "每条记录至少要有一个日期",
    },
    "ledger-elders-exceed": {
        "en": "{value} elders is more than the {participants} participants (人次) recorded",
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
        "zh": "{value} 不是 .xlsx 工作簿：{reason}",
    },
}


#: What the TOML and JSON parsers say, in Chinese; the parsers speak only English.
_SYNTAX_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), zh)
    for pattern, zh in (
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
)


def syntax_reason_zh(reason: str) -> str:
    """A TOML or JSON parser's reason in Chinese, or the English one if it is not known."""
    for pattern, zh in _SYNTAX_ZH:
        if match := pattern.match(reason):
            # Not str.format: the Chinese text itself may hold braces, as in “}”.
            return zh.replace("{0}", match.group(1)) if match.groups() else zh
    return reason


def render(code: str, lang: Lang = "en", /, **params: Any) -> str:
    """The message ``code`` in ``lang``, with ``params`` filled in."""
    return MESSAGES[code][lang].format(**params)
