"""The starter plan ``commedu init`` writes: every section, explained in Chinese and English.

It is a valid plan as written (a test proves it), so a clerk can validate after every edit and
only ever see the problems of their own edits.
"""

from __future__ import annotations

import tomli_w

from commedu.model.placeholders import MAX_ID_STEM, PLACEHOLDERS, find_placeholders, plan_id
from commedu.model.places import UnitKind

__all__ = ["MAX_ID_STEM", "PLACEHOLDERS", "find_placeholders", "plan_id", "starter_plan"]


def _toml(value: str) -> str:
    """``value`` as a TOML string, escaped as TOML requires (quotes, backslashes, controls)."""
    return tomli_w.dumps({"v": value}).removeprefix("v = ").rstrip("\n")


_TEMPLATE = """\
# {township}{year}年社区教育工作计划 — community-education work plan, {year}
#
# 这是 commedu 计划文件（TOML 格式）。以 # 开头的行是说明，不影响内容；文字要放在英文双引号里。
# This is a commedu plan file (TOML). Lines starting with # are notes; text goes in "double quotes".
# 检查 / check:  commedu validate {file}
# 格式说明 / format reference: docs/reference/plan-file-format.md

# 计划标识：小写英文字母、数字和 - ，用于生成日历。 A stable ASCII id, used in calendar UIDs.
id = {plan_id}
# 计划年度：所有时间都必须在这一年内。 The plan year: every date must fall in it.
year = {year}
# 计划标题 / title
title = {title}
# 适用的省定标准（可选）。 The standard profile the plan is written against (optional).
# profile = "shandong-township"
# 印发日期（可选）。 Date issued (optional), YYYY-MM-DD.
# issued_on = {year}-01-15
# 文号和发文机关（可选）。 Document number and issuer (optional).
# document_number = "〔{year}〕1号"
# issuer = {issuer}

# 指导思想 / guiding principles（可选 optional）
guiding_principles = ""
# 工作目标 / goals（可选 optional）
goals = ""

# 镇街及上级行政区。 The township and the levels above it.
[township]
name = {township_text}
district = ""   # 区县 / district
city = ""       # 地市 / city
province = "待填写"   # 省 / province — 请改为本省名称 (replace with the province)
kind = {kind}        # 镇、街道 或 社区 / the kind of unit
# 常住人口（可选，人均经费按此计算）。 Resident population (optional; funding per head uses it).
# resident_population = 30000

# 计划所依据的文件（可选）。 The document this plan is encoded from (optional).
[source]
title = {title}
# issuer = {issuer}
# issued_on = {year}-01-15
# url = "https://example.gov.cn/plan.pdf"

# 社区教育中心。 The township's community-education centre.
[centre]
name = {centre}

# 计划承诺的指标（都可选）。 What the plan promises (all optional).
# 金额写成 "1" 或 1（元）。 Money as "1" or 1 (yuan); never lose a fen to rounding.
[commitments]
full_time_staff = 2                    # 专职人员 / full-time staff
staff = {{ low = 3, high = 5 }}          # 专兼职人员 3—5 名 / full- and part-time staff, a range
funding_per_resident = "1"             # 人均经费（元/人/年）/ yuan per resident per year
funding_earmarked = true               # 专款专用 / earmarked
learning_brands = {{ low = 1, high = 2 }}  # 社区教育品牌 / learning brands to build

# 实际拥有的资源（都可选）。 What the township actually has (all optional).
[resources]
# full_time_staff = 2
# part_time_staff = 3
# budget = "30000"

# 责任部门：配档表里 “责任部门” 一栏的单位。aliases 写同一单位的其他写法。
# Departments that carry activities out; aliases are other spellings of the same body.
[[departments]]
id = "centre"
name = "社区教育中心"
aliases = ["教育中心"]

[[departments]]
id = "culture-station"
name = "文化站"

{sites}
# 主要任务，按 （一）（二）… 编号；measures 是具体措施，原文照录。
# Main tasks, numbered (一), (二)…; measures are the plan's actions, verbatim.
[[tasks]]
id = "t1"
number = 1
title = "完善社区教育工作机制"
measures = [
    "推进社区教育工作站建设。",
    # 有小标题的措施 / a measure with its lead phrase:
    # {{ title = "培育学习型组织", text = "抓好各类学习型组织创建活动。" }},
]
# standing = true   # 全年常设、无需安排活动 / works all year without scheduled events

# 任务下的机制（可选）；kind 为 management（管理机制）、guidance（引领机制）或 safeguard（保障）。
# Mechanisms under a task (optional); kind is management, guidance or safeguard.
[[tasks.mechanisms]]
id = "t1.m1"
number = 1
title = "理顺经费投入机制"
kind = "management"
measures = ["镇财政按常住人口人均不低于1元的标准拨付社区教育经费，做到专款专用。"]
standing = true

# 配档表：全年工作安排。 The schedule (配档表): the year's activities.
[schedule]
title = {schedule_title}

# 每项工作一段 [[schedule.activities]]。 One [[schedule.activities]] per item.
# when 的写法 / ways to write when:
#   "4月"  "7-8月"  "4月下旬"  "4月底"  "5月前"  "3月8日"  "3月8日-14日"  "3月8日 14:30-16:30"
#   "{year}-03-08"  "{year}-03-08/{year}-03-14"  "{year}-03-08T14:30/PT2H"
#   "{year}-03-01T16:30/PT1H RRULE:FREQ=WEEKLY;COUNT=10"   (每周一次，共10次 / weekly, 10 times)
# responsible、station、serves 可写标识或名称。 responsible, station and serves take an id or a name.
[[schedule.activities]]
id = "m03-1"
title = "学雷锋社会文明实践活动"
when = "3月"
responsible = ["社区教育中心", "文化站"]   # 责任部门 / departments
{site_ref}serves = ["t1"]                            # 落实的任务或机制（可选）/ tasks or mechanisms served
# target_groups = ["老年人"]               # 对象（可选）/ who it is for (optional)
# description = "…"                        # 说明（可选）/ notes (optional)
"""


_STATIONS = """\
# 社区教育工作站：每村（居）一个，各有主题。 Stations in villages, each with a theme.
[[stations]]
id = "station-1"
name = "某某村社区教育工作站"   # 请改为实际名称 / the real name
place = "某某村"
theme = "传统文化"
# focus = "…"                    # 工作重点（可选）/ focus (optional)
# resources = ["农家书屋", "道德讲堂"]   # 整合的设施（可选）/ facilities it integrates
# description = "…"              # 原文描述（可选）/ the plan's own sentence (optional)
"""

_PLACES = """\
# 场所：市民学校、学校、场馆等（不是村级工作站）。kind 为 市民学校、学校、场馆 或 其他。
# Places that are not village stations: 市民学校, schools, venues.
[[places]]
id = "citizen-school-1"
name = "某某社区市民学校"   # 请改为实际名称 / the real name
kind = "市民学校"
village = "某某社区"        # 所在社区（可选）/ the community it is in (optional)

# 量化目标（可选）。 Quantitative targets (optional), e.g. a rate:
# [[targets]]
# id = "staff-training-rate"
# what = "从业人员年继续教育培训率"
# comparator = ">="
# value = "50"
# unit = "%"
# text = "从业人员年继续教育培训率不低于50%"
"""

_STATION_REF = 'station = "某某村社区教育工作站"            # 工作站（可选）/ station (optional)\n'
_PLACE_REF = 'place = "某某社区市民学校"                # 场所（可选）/ place (optional)\n'

_ISSUERS = {
    UnitKind.TOWN: "某某镇人民政府",
    UnitKind.SUBDISTRICT: "某某街道办事处",
    UnitKind.COMMUNITY: "某某社区居民委员会",
}


def _comment(text: str) -> str:
    """``text`` made safe inside a TOML comment, which may hold no newline or control character."""
    return "".join(c if c.isprintable() else " " for c in text)


def starter_plan(
    township: str, year: int, file: str = "plan.toml", kind: UnitKind = UnitKind.TOWN
) -> str:
    """A commented starter plan for ``township`` in ``year`` that loads as written.

    A 镇 gets village stations; a 街道 or 社区 gets a 市民学校 instead, since its work runs there.
    """
    title = f"{township}{year}年社区教育工作计划"
    town = kind is UnitKind.TOWN
    return _TEMPLATE.format(
        kind=_toml(kind.value),
        issuer=_toml(_ISSUERS[kind]),
        sites=_STATIONS if town else _PLACES,
        site_ref=_STATION_REF if town else _PLACE_REF,
        township=_comment(township),
        township_text=_toml(township),
        year=year,
        plan_id=_toml(plan_id(township, year)),
        title=_toml(title),
        centre=_toml(f"{township}社区教育中心"),
        schedule_title=_toml(f"{year}年{township}社区教育重点工作配档表"),
        file=_comment(file),
    )
