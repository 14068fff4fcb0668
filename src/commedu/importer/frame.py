"""The frame around a plan's outline: title, issuers, 文号, date of issue and preamble.

What comes before the first numbered section is not all title. A jointly issued plan opens with
its issuers (中共青石镇委员会 / 青石镇人民政府), its 文号 (青发〔2018〕5号) and often a covering
notice (关于印发《…》的通知, a salutation, a sentence) before the plan's own title and an opening
paragraph; the signature and the date of issue (2018年3月5日) may close the document instead.
Each line is read for what it is; what is neither title nor issuer, 文号 or date is the preamble,
kept verbatim. A title set over several lines, as GB/T 9704-2012 §7.3.1 sets a long one, is read
as one: the notice's own (关于印发… on one line, …的通知 on a later one) and the plan's title
block after the notice, its years (（2025—2027年）) on a line of their own too. Where the notice
comes first, the lines before the plan's title are the notice (the preamble) and those after it
the plan's own opening (为…，制定本方案。), kept apart; its 附注 (（此件公开发布）) is no part of
either. A page of a government open-information portal opens with the portal's record of
the document instead (索引号, 发布机构, 发文日期, 发布文号 …, often two ``key: value`` pairs to a
line): those lines are read as the frame by what their keys mean, one table of the spellings
portals use, and stay out of the title and the preamble. A body named with the number of those
issuing jointly (市教育局等四部门印发) is read as an issuer, and the note says the others are
not named (市教育局、市民政局等四部门: both, and that four issue it). The title gives the unit
(镇, 乡, 街道, 社区, 区, 县, 市), or else the issuing body's name does (杭州市人民政府办公厅: 杭州市),
and the year or years (``（2018-2020年）``).

The text also proposes what the format has keys for but a document never labels: quantitative
targets (a sentence with a figure and %, 人次, 门 or 个, or a count in 万: 10.8万人), each with
the year (到2027年, 2027年底前) or stage (到“十四五”末) its sentence sets it for, and places (市民学校,
社区学校, schools). Every one is a guess the draft marks for the clerk.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal

from commedu.importer.document import Paragraph, Where
from commedu.importer.lists import item, split_items
from commedu.importer.notes import Note
from commedu.model.fieldcheck import define

__all__ = [
    "MAX_TITLE_LINES",
    "PORTAL_KEYS",
    "Frame",
    "Located",
    "PlaceDraft",
    "TargetDraft",
    "is_closing",
    "propose_places",
    "propose_targets",
    "read_frame",
]

#: At most this many targets and places are proposed: a guess list a clerk can still read.
MAX_PROPOSALS = 50

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
#: ``（2018-2020年）``, ``（2011-2015）``, ``2018—2020年``: a plan's period in its title
_SPAN = re.compile(
    r"[（(]?\s*((?:19|20)\d{2})\s*年?\s*[-－—–~～至到]\s*((?:19|20)\d{2})\s*年?\s*[)）]?"
)
#: a national five-year plan named by its number: “十四五” is 2021–2025
_TERM = re.compile(r"十([一二三四五])五")
#: the unit the title names: a town, township, subdistrict or community, with the district above
_UNIT = re.compile(
    rf"(?:(?P<district>[{_HAN}]{{2,8}}?[区县市]))?"
    rf"(?P<unit>[{_HAN}]{{1,10}}?(?:街道|镇|乡|社区(?!教育)))"
)
#: a district or county that is itself the unit (徐汇区社区教育三年行动计划)
_DISTRICT_UNIT = re.compile(rf"(?P<unit>[{_HAN}]{{2,8}}?[区县])(?!域)")
#: else a city (黄山市“十四五”老年教育发展规划), not the 市 of 市民
_CITY_UNIT = re.compile(rf"(?P<unit>[{_HAN}]{{1,8}}?市)(?!民)")
#: 文号: an issuer's short name, the year in 〔〕 (or another bracket) and the number
_NUMBER = re.compile(
    rf"[{_HAN}]{{1,12}}[〔\[［【(（]\s*(?:19|20)\d{{2}}\s*[〕\]］】)）]\s*第?\s*\d{{1,5}}\s*号"
)
#: an issuing body; a town, subdistrict or community signs with its bare name too (金山镇)
_ISSUER = re.compile(
    rf"[{_HAN}（）()]{{2,30}}?"
    r"(?:委员会|人民政府|街道办事处|办事处|党工委|党委|政府|教育局|局|办公室|办公厅|镇|乡|街道|社区)"
)
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0"}
_DATE = re.compile(
    r"((?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月"
    r"\s*([\d一二三四五六七八九十]{1,3})\s*日"
)
#: words no body's name holds, with which a title's first line begins
_TITLE_START = re.compile(r"^关于|印发|转发|下发|颁发")
#: words that make a line a plan's title
_TITLE_WORDS = ("计划", "规划", "方案", "要点", "安排", "意见", "纲要")
#: the notice that issues the plan names it, in 《》 or not (关于印发…实施方案(2025—2027年)的通知)
_NOTICE = re.compile(r"关于(?:印发|下发|转发|颁发)\s*《?(?P<title>[^《》]{2,80}?)》?\s*的?通知")
#: At most this many lines make one title: GB/T 9704-2012 §7.3.1 sets a long one over several.
MAX_TITLE_LINES = 6
#: a line of a title set over several: short, with no stop or colon in it and no pause at its end
_NOT_IN_TITLE = re.compile(r"[。！？!?；;：:]|[，,、]$")
#: the notice's title opens with 关于, after its issuer's name where it names it …
_NOTICE_START = re.compile(rf"(?:{_ISSUER.pattern})?\s*关于")
#: … and closes with the kind of document it is
_NOTICE_END = re.compile(r"(?:通知|通报|决定|意见|批复|函)$")
#: the plan's title closes with what the plan is, its years in brackets after that at most
_TITLE_END = re.compile(r"(?:计划|规划|方案|要点|安排|意见|纲要)\s*(?:[（(][^（）()]{1,20}[)）])?$")
#: a line that is only the plan's years, under its title: （2025—2027年）, (2018-2020年), （2021年）
_YEARS_LINE = re.compile(
    r"[（(]\s*(?:19|20)\d{2}\s*年?\s*(?:[-－—–~～至到]\s*(?:19|20)\d{2}\s*年?\s*)?[)）]"
)
#: the 附注 under a notice's date (GB/T 9704-2012 §7.3.7): （此件公开发布）
_ANNOTATION = re.compile(r"[（(]\s*此件[^（）()]{1,12}[)）]")
#: the line of a notice that names whom it is sent to (主送机关): 各区、县(市)人民政府,…:
_ADDRESSEE = re.compile(r".{2,120}[：:]")
#: a target's figure: a number and its unit, with what says how it binds around it; a count in
#: 万 (10.8万人, 3万人次) is read in its counting word, 人 for people
_FIGURE = re.compile(
    r"(?P<value>\d+(?:\.\d+)?)(?:\s*[-—–~～至到]\s*\d+(?:\.\d+)?)?\s*"
    r"(?:(?P<wan>万)\s*(?P<counted>人次|人|门|个)|(?P<unit>%|％|人次|门|个))"
)
#: a figure written as about so much (8.3万人左右): a target to check, not a floor
_ABOUT = "左右"
_AT_MOST = ("以下", "以内", "不超过", "不高于", "控制在")
_VERB = re.compile(
    r"(?:达到|达|不低于|不少于|超过|提高到|提升到|保持在|控制在|增至|至少|累计|建成|新建|培育"
    r"|开设|开发|完成|创建|打造|建设|开展)"
)
_CLAUSE = re.compile(r"[，,；;。！？!?]")
_ITEM_NUMBER = re.compile(
    r"^\s*(?:\d{1,2}\s*[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)])"
)
_PLACE_SUFFIX = re.compile(
    r"(市民学校|社区学校|老年大学|老年学校|成人文化技术学校|成人学校|党校|团校|学校)"
)
_PLACE_SPLIT = re.compile(r"[，,。；;、：:（）()“”‘’《》\s]+")
#: words before a place's name in a sentence (依托…, 在…), taken off the front
_LEADING = re.compile(
    r"^(?:依托|利用|通过|发挥|充分|组织|开展|建设|办好|建立|加强|推进|在|由|以|和|与|及|为|到|向|对|把|将|各|全)+"
)
_GENERIC = frozenset({"学校", "中小学校", "社区学校", "市民学校", "老年学校", "党校", "团校"})
#: words that make a school's name a place's: where it is (东关社区市民学校, 第一中学)
_PLACE_WORDS = re.compile(r"镇|乡|街道|社区|村|居|区|县|市|中心|实验|第")
#: words that make it a kind of school rather than one (学习型…学校, 老年教育社区学校)
_KIND_WORDS = re.compile(r"型|教育|各|示范")
#: a list of schools separated by 、 (九校一室: 社区党校、市民学校、社区老年学校 …), each a place
_LIST = re.compile(r"(?:[^、，,。；;：:（）()“”]{2,14}?校、){2,}[^、，,。；;：:（）()“”]{2,14}?校")

#: The keys of a portal's record of a document, as the portals spell them, and what each gives
#: the frame: ``number`` (the 文号), ``issued`` (the date of issue), ``issuer``, ``title`` (the
#: 《…》 its value names), or "" for the portal's own bookkeeping. A page that flattens the
#: record's table cuts some keys short (号 for 索引号, 词 for 主题词, 性 for 时效性).
PORTAL_KEYS: Mapping[str, str] = {
    "索引号": "",
    "号": "",
    "信息分类": "",
    "主题分类": "",
    "组配分类": "",
    "体裁分类": "",
    "服务对象分类": "",
    "发布文号": "number",
    "文号": "number",
    "发文字号": "number",
    "发文日期": "issued",
    "成文日期": "issued",
    "印发日期": "issued",
    "发布机构": "issuer",
    "发文机关": "issuer",
    "发文机构": "issuer",
    "发布单位": "issuer",
    "主题词": "title",
    "关键词": "title",
    "词": "title",
    "内容概述": "title",
    "发布日期": "",
    "发布时间": "",
    "生效日期": "",
    "生效时间": "",
    "废止日期": "",
    "时效性": "",
    "有效性": "",
    "性": "",
    "作者": "",
    "信息来源": "",
    "来源": "",
    "阅读次数": "",
    "浏览次数": "",
}
#: a key of the record where a line starts or after a space, spaced or not (文  号), and its colon
_PORTAL_KEY = re.compile(
    r"(?:^|(?<=\s))(?P<key>"
    + "|".join(r"\s*".join(map(re.escape, k)) for k in sorted(PORTAL_KEYS, key=len, reverse=True))
    + r")\s*[:：]"
)
_ISO_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})")
_QUOTED_TITLE = re.compile(r"《([^《》]{2,80})》")
#: one body named for several that issue a text jointly: 市教育局等四部门印发《…》
#: (市教育局、市民政局等四部门: the bodies it names, separated by 、)
_BODY = (
    rf"[{_HAN}]{{1,20}}?(?:委员会|人民政府|政府|办事处|党工委|党委|教育局|局|办公室|厅|委|部|会)"
)
_JOINT = re.compile(
    rf"(?:^|(?<=[，,。；;：:\s]))(?P<named>{_BODY}(?:、{_BODY}){{0,9}})"
    r"等\s*(?P<count>[两二三四五六七八九十]{1,3}|\d{1,2})\s*(?:个|家)?\s*(?:部门|单位)"
)
#: the year a target's sentence sets its figure for: 到2027年, 2027年底前, 2027年前, 2027年底
_TARGET_YEAR = re.compile(
    r"到\s*(?P<by>(?:19|20)\d{2})\s*年|(?P<before>(?:19|20)\d{2})\s*年(?:底前|前|底)"
)
#: … or the stage: the end of a five-year plan, to its words (到“十四五”末)
_TARGET_STAGE = re.compile(r"到\s*(?P<stage>[“\"]?十[一二三四五六七八九]五[”\"]?(?:期末|末))")
#: the answer's word a page that explains a plan puts before it (答:到2025年…)
_ANSWER = re.compile(r"^答\s*[:：]\s*")


@define
class Located:
    """Text of the document and where it stood."""

    text: str
    where: Where
    heading: str = ""  #: the section heading the text stood under, kept for the draft


@define
class TargetDraft:
    """A sentence's figure read as a target: what, how it binds, the figure and its unit."""

    what: str
    comparator: str  #: ``>=``, ``<=`` (a model Comparator value)
    value: Decimal
    unit: str
    text: str  #: the sentence, verbatim
    where: Where
    approximate: bool = False  #: written as about so much (左右): the comparator is a guess
    year: int | None = None  #: the year the sentence sets the figure for (到2027年)
    stage: str | None = None  #: the stage it sets it for, in its words (“十四五”末)


@define
class PlaceDraft:
    """A school or 市民学校 the text names."""

    name: str
    kind: str  #: a model PlaceKind value: 市民学校 or 学校
    where: Where


@define
class Frame:
    """What the lines around the outline say about the plan."""

    title: Located | None
    unit: str  #: the unit's name as the title gives it: 青石镇, 东关社区, 徐汇区
    district: str
    year: int | None
    last_year: int | None  #: the period's last year, where the title gives a span
    document_number: Located | None
    issuers: tuple[Located, ...]
    issued_on: tuple[date, Where] | None
    preamble: Located | None
    notes: tuple[Note, ...]
    #: lines that are no part of the frame (附件：…, an attachment list): kept for the draft
    unplaced: tuple[Paragraph, ...] = ()
    #: a portal's record of the document (索引号, 发布机构 …), read above: kept for the draft
    record: tuple[Paragraph, ...] = ()
    #: the plan's own opening paragraphs, after its title where a covering notice came first
    opening: Located | None = None


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if all(c in _CN_DIGITS for c in text):
        return int("".join(_CN_DIGITS[c] for c in text))
    # 十, 十二, 二十, 二十五: the numerals a month or a day is written with
    tens, _, ones = text.partition("十")
    if "十" not in text:
        return 0  # digits of two kinds (1二): no month or day, so no date
    return int(_CN_DIGITS.get(tens, "1") if tens else "1") * 10 + int(_CN_DIGITS.get(ones, "0"))


def _date(text: str) -> date | None:
    match = _DATE.fullmatch(re.sub(r"\s+", "", text))
    if match is None:
        return None
    try:
        return date(_number(match[1]), _number(match[2]), _number(match[3]))
    except ValueError:
        return None


def _day(text: str) -> date | None:
    """A date of issue as a portal's record gives it: ISO (2023-05-17) or 2023年5月17日."""
    match = _ISO_DATE.fullmatch(text.strip())
    if match is None:
        return _date(text)
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def portal_fields(text: str) -> list[tuple[str, str]] | None:
    """The ``(key, value)`` pairs of a line of a portal's record, or None if it is not one.

    A line is one when it starts with a key of :data:`PORTAL_KEYS`; each further key after a
    space starts the next pair. Keys come back as the table spells them, values stripped.
    """
    found = list(_PORTAL_KEY.finditer(text))
    if not found or text[: found[0].start()].strip():
        return None
    pairs = []
    for match, after in zip(found, [*found[1:], None], strict=True):
        key = re.sub(r"\s+", "", match["key"])
        value = text[match.end() : after.start() if after else len(text)].strip()
        pairs.append((key, value))
    return pairs


def _issuers(text: str) -> list[str] | None:
    """The issuing bodies a line names (中共青石镇委员会  青石镇人民政府), or None if it is not one.

    A 发文机关标志 may add 文件 to the names (GB/T 9704-2012 §7.2.2: 杭州市人民政府办公厅文件).
    """
    parts = [p for p in re.split(r"[\s、，,]+", text.strip().removesuffix("文件")) if p]
    if not parts or len(text) > 60:
        return None
    # a title's first line may end on a body's word (关于印发青石社区 / 2023年工作计划的通知)
    if all(_ISSUER.fullmatch(p) and not _TITLE_START.search(p) for p in parts):
        return parts
    return None


#: the 版记's line (GB/T 9704-2012 §7.4.3): the 印发机关, then the 印发日期 followed by 印发
_PRINTED = re.compile(r"(?P<by>.+?)\s+(?P<on>\S+?)\s*印发")


def is_closing(text: str) -> bool:
    """Whether a line is a signature, a date of issue or the 版记's line, as a document's last
    lines are."""
    printed = _PRINTED.fullmatch(text.strip())
    return (
        _date(text) is not None
        or _issuers(text) is not None
        or (
            printed is not None
            and _date(printed["on"]) is not None
            and bool(_issuers(printed["by"]))
        )
    )


def _span(title: str) -> tuple[int, int] | None:
    match = _SPAN.search(title)
    if match and int(match[1]) < int(match[2]):
        return int(match[1]), int(match[2])
    if term := _TERM.search(title):  # the years the model reads 十四五期间 as
        first = 2006 + 5 * "一二三四五".index(term[1])
        return first, first + 4
    return None


def _unit(title: str) -> tuple[str, str]:
    """The unit and the district above it, from the title with its years taken out."""
    rest = _SPAN.sub("", title, count=1)
    rest = _YEAR.sub("", rest, count=1).strip()
    rest = re.sub(r"^(?:中共)?", "", rest)
    if found := _UNIT.match(rest):
        return found["unit"], found["district"] or ""
    if found := _DISTRICT_UNIT.match(rest) or _CITY_UNIT.match(rest):
        return found["unit"], ""
    return "", ""


def _is_title(text: str) -> bool:
    return (
        any(w in text for w in _TITLE_WORDS)
        and not text.endswith(("。", "：", ":"))
        and len(text) <= 80
    )


def read_frame(
    front: Sequence[Paragraph],
    closing: Sequence[Paragraph],
    body: Iterable[Paragraph],
    *,
    opening_is_principles: bool = False,
) -> Frame:
    """The frame from the lines before the first section and the closing lines after the last.

    ``body`` is the rest of the text, read only for a year when the title gives none. Where a
    covering notice stands before the plan's own title, the paragraphs after that title are the
    plan's opening: ``opening_is_principles`` keeps them apart from the notice, as the opening
    (the plan states no 指导思想 of its own); otherwise they follow the notice in the preamble.
    """
    notes: list[Note] = []
    issuers: list[Located] = []
    number: Located | None = None
    issued: tuple[date, Where] | None = None
    rest: list[Paragraph] = []
    unplaced: list[Paragraph] = []
    record: list[Paragraph] = []
    quoted: Located | None = None  # the title the record names
    for paragraph in front:
        if (pairs := portal_fields(paragraph.text)) is None:
            continue
        record.append(paragraph)
        where = paragraph.where
        for key, value in pairs:
            role = PORTAL_KEYS[key]
            if not value or not role:
                continue
            if role == "number" and number is None:
                number = Located(value, where)
                notes.append(Note(where, "note-header-number", {"value": value, "key": key}))
            elif role == "issued" and issued is None:
                if (day := _day(value)) is None:
                    notes.append(
                        Note(where, "note-header-not-a-date", {"key": key, "value": value})
                    )
                else:
                    issued = (day, where)
                    notes.append(
                        Note(where, "note-header-issued-on", {"value": day.isoformat(), "key": key})
                    )
            elif role == "issuer" and not issuers:
                issuers.append(Located(value, where))
            elif role == "title" and quoted is None and (cited := _QUOTED_TITLE.search(value)):
                quoted = Located(cited[1].strip(), where)
    # by identity: a text of many lines compares no paragraph with another
    recorded, in_front = {id(p) for p in record}, {id(p) for p in front}
    named = {i.text for i in issuers}
    for paragraph in (*front, *closing):
        text, where = paragraph.text.strip(), paragraph.where
        if id(paragraph) in recorded:
            continue
        if number is None and (found := _NUMBER.search(text)) and len(text) <= 40:
            number = Located(found.group(0), where)
            notes.append(Note(where, "note-document-number", {"value": found.group(0)}))
        elif (day := _date(text)) is not None:
            if issued is None:
                issued = (day, where)
                notes.append(Note(where, "note-issued-on", {"value": day.isoformat()}))
        elif (names := _issuers(text)) is not None:
            for name in names:
                if name not in named:
                    named.add(name)
                    issuers.append(Located(name, where))
        elif id(paragraph) not in in_front:
            continue
        elif not text.startswith("附件") and not _ANNOTATION.fullmatch(text):
            rest.append(paragraph)
        else:
            unplaced.append(paragraph)
    found_joint = next(((m, p.where) for p in rest if (m := _JOINT.search(p.text))), None)
    counted = found_joint[0]["count"].replace("两", "二") if found_joint else ""
    if found_joint is not None and (count := _number(counted)) >= 2:
        joint, where = found_joint
        listed = joint["named"]
        names = listed.split("、")
        for name in names:
            if name not in named:
                named.add(name)
                issuers.append(Located(name, where))
        if count > len(names):  # the text names fewer bodies than it counts
            notes.append(
                Note(
                    where,
                    "note-issuers-joint",
                    {"named": listed, "count": count, "words": joint[0]},
                )
            )
    if record:
        notes.append(Note(record[0].where, "note-header-read", {"count": len(record)}))
    if issuers:
        shown = "、".join(i.text for i in issuers)
        code = "note-header-issuer" if any(p.where == issuers[0].where for p in record) else None
        notes.append(Note(issuers[0].where, code or "note-issuers", {"value": shown}))

    place = {id(p): n for n, p in enumerate(front)}
    groups = _title_groups(rest, lambda a, b: place[id(b)] == place[id(a)] + 1, quoted)
    lines = ["".join(p.text.strip() for p in group) for group in groups]
    title: Located | None = None
    title_at: int | None = None  # the group that is the title, where the text has it
    if record and quoted is None:  # a portal's page: the first 《title》 it names
        quoted = next(
            (Located(m[1].strip(), p.where) for p in rest if (m := _QUOTED_TITLE.search(p.text))),
            None,
        )
    notice_at = next((n for n, line in enumerate(lines) if _NOTICE.search(line)), None)
    notice = _NOTICE.search(lines[notice_at]) if notice_at is not None else None
    wanted = _squeezed(quoted.text if quoted else notice["title"] if notice else "")
    title_at = next((n for n, line in enumerate(lines) if _names(line, wanted)), None)
    if title_at is None and quoted is not None:
        title = quoted
        notes.append(Note(quoted.where, "note-title-quoted", {"value": quoted.text}))
    if title is None and title_at is None:
        candidates = [
            n for n, line in enumerate(lines) if _is_title(line) and not _NOTICE.search(line)
        ]
        title_at = candidates[0] if candidates else (0 if lines and notice is None else None)
    if title_at is not None:
        title = Located(lines[title_at], groups[title_at][0].where)
        if len(groups[title_at]) > 1:
            notes.append(Note(title.where, "note-title-lines", {"count": len(groups[title_at])}))
    elif title is None and notice is not None and notice_at is not None:
        title = Located(notice["title"], groups[notice_at][0].where)
        notes.append(Note(title.where, "note-title-from-notice", {"value": notice["title"]}))
    # The notice, where it stands before the plan's own title, is the preamble; what follows
    # the title opens the plan itself.
    before = [p for g in groups[: title_at or 0] for p in g]
    after = [p for g in groups[title_at + 1 :] for p in g] if title_at is not None else []
    noticed = any(_NOTICE.search(t) or _ADDRESSEE.fullmatch(t) for t in lines[: title_at or 0])
    opening = None
    if noticed and before and after and opening_is_principles:
        preamble_parts = before
        text = "\n".join(p.text for p in after)
        opening = Located(text, after[0].where)
        notes.append(Note(opening.where, "note-opening", {"count": len(after)}))
    else:
        preamble_parts = [p for n, g in enumerate(groups) if n != title_at for p in g]
    preamble = None
    if preamble_parts:
        text = "\n".join(p.text for p in preamble_parts)
        preamble = Located(text, preamble_parts[0].where)
        code = "note-preamble-notice" if opening is not None else "note-preamble"
        notes.append(Note(preamble.where, code, {"count": len(preamble_parts)}))

    heading = title.text if title else ""
    unit, district = _unit(heading)
    if not unit:  # the issuing body's name gives it: 杭州市人民政府办公厅 is 杭州市's
        for issuer in issuers:
            unit, district = _unit(issuer.text)
            if unit:
                notes.append(
                    Note(
                        issuer.where, "note-unit-from-issuer", {"unit": unit, "issuer": issuer.text}
                    )
                )
                break
    span = _span(heading)
    year: int | None
    last_year = None
    if span is not None:
        year, last_year = span
        where = title.where if title else Where()
        notes.append(Note(where, "note-period", {"first": year, "last": last_year}))
    else:
        found = _YEAR.search(heading) or next(
            (m for p in body if (m := _YEAR.search(p.text))), None
        )
        year = int(found[1]) if found else None
        backwards = _SPAN.search(heading)
        if backwards is not None and int(backwards[1]) > int(backwards[2]):
            where = title.where if title else Where()
            params = {"first": backwards[1], "last": backwards[2]}
            notes.append(Note(where, "note-period-backwards", params))
    return Frame(
        title,
        unit,
        district,
        year,
        last_year,
        number,
        tuple(issuers),
        issued,
        preamble,
        tuple(notes),
        tuple(unplaced),
        tuple(record),
        opening,
    )


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _names(line: str, wanted: str) -> bool:
    """Whether ``line`` is the title ``wanted``, or it with its years after it."""
    line = _squeezed(line)
    return bool(wanted) and (
        line == wanted
        or (line.startswith(wanted) and _YEARS_LINE.fullmatch(line[len(wanted) :]) is not None)
    )


def _title_groups(
    rest: Sequence[Paragraph],
    next_to: Callable[[Paragraph, Paragraph], bool],
    quoted: Located | None,
) -> list[tuple[Paragraph, ...]]:
    """``rest`` in groups of lines in reading order: a title set over several lines is one group.

    The plan's title is looked for as the 《…》 a portal's record or the notice names (``quoted``,
    or the notice found in an earlier group), else by how a title ends.
    """
    groups: list[tuple[Paragraph, ...]] = []
    wanted = _squeezed(quoted.text) if quoted else ""
    start = 0
    dangling = False  # the line before is a short line that no title took: no title starts here
    while start < len(rest):
        run = [rest[start]]
        while (
            _is_title_line(run[0].text)
            and len(run) < MAX_TITLE_LINES
            and start + len(run) < len(rest)
            and next_to(run[-1], rest[start + len(run)])
            and _is_title_line(rest[start + len(run)].text)
        ):
            run.append(rest[start + len(run)])
        lines = [p.text.strip() for p in run]
        size = _title_size(lines, wanted, dangling) if _is_title_line(lines[0]) else 1
        groups.append(tuple(run[:size]))
        dangling = (
            size == 1
            and len(run) > 1
            and not _TITLE_END.search(lines[0])
            and not _NOTICE.search(lines[0])
        )
        if not wanted and (notice := _NOTICE.search("".join(lines[:size]))):
            wanted = _squeezed(notice["title"])
        start += size
    return groups


def _is_title_line(text: str) -> bool:
    """Whether a line may be one of a title's lines: short, with no stop or colon in it."""
    text = text.strip()
    return 0 < len(text) <= 40 and _NOT_IN_TITLE.search(text) is None


def _title_size(lines: Sequence[str], wanted: str, dangling: bool) -> int:
    """How many of these short lines, one after another, are one title: 1 if the first is not
    the first line of one.

    The notice's title runs from its 关于 to the kind of document (…的通知); the plan's is the
    title the notice names (``wanted``), else it runs to the line that ends as a plan's title
    does (…实施方案), unless a short line no title took stands right before (``dangling``): a
    title is not read out of the middle of such lines. Either takes the years on the line under
    it (（2025—2027年）).
    """
    if _NOTICE_START.match(lines[0]):
        return next((k for k, line in enumerate(lines, 1) if _NOTICE_END.search(line)), 1)
    end = None
    if wanted:  # the title the notice names, and nothing else
        joined = ""
        for k, line in enumerate(lines, 1):
            joined += _squeezed(line)
            if joined == wanted:
                end = k
                break
            if not wanted.startswith(joined):
                break
    elif not dangling:
        end = next((k for k, line in enumerate(lines, 1) if _TITLE_END.search(line)), None)
    if end is None:
        return 1
    if end < len(lines) and _YEARS_LINE.fullmatch(lines[end]):
        end += 1  # the years under the title
    return end


def _what(clause: str, figure: re.Match[str]) -> str:
    """What a clause's figure measures.

    A rate is named before it (受教育居民率达到80%); a count after it (打造2个社区教育品牌), unless
    nothing follows (培训居民2000人次).
    """
    after = re.sub(r"^(?:以上|以下|左右)", "", clause[figure.end() :]).strip(" ，,的")
    if (figure["unit"] or figure["counted"]) in ("个", "门") and after:
        return after
    before = clause[: figure.start()]
    verbs = list(_VERB.finditer(before))
    head = before[: verbs[-1].start()] if verbs else before
    if verbs and not head.strip():
        head = before[verbs[-1].end() :]  # the verb leads: 建成社区教育实验区600个
    head = re.sub(r"^(?:使|让|确保|力争|争取|全年|年内|每年|到\d{4}年|全[镇乡区县])+", "", head)
    return head.strip(" ，,的在")


def _when(sentence: str) -> tuple[int | None, str | None]:
    """The year (到2027年, 2027年底前) or stage (到“十四五”末) a target's sentence sets it for."""
    if found := _TARGET_YEAR.search(sentence):
        return int(found["by"] or found["before"]), None
    if found := _TARGET_STAGE.search(sentence):
        return None, found["stage"]
    return None, None


def propose_targets(paragraphs: Iterable[Paragraph]) -> list[TargetDraft]:
    """A target for each clause with a figure in %, 人次, 门 or 个, in reading order.

    Its text is the sentence that holds it, up to its 。 or ；(the ；, which joins it to the
    next, left out), without the 答: of a page's answer; the year or stage is that sentence's.
    """
    found: list[TargetDraft] = []
    for paragraph in paragraphs:
        for said in re.findall(r"[^。！？!?；;]+[。！？!?；;]?", paragraph.text):
            sentence = _ANSWER.sub("", said.strip()).rstrip("；;").rstrip()
            year, stage = _when(sentence)
            for part in _CLAUSE.split(sentence):
                clause = _ITEM_NUMBER.sub(
                    "", part
                )  # 2.开发课程50门: the item's number is no figure
                figure = _FIGURE.search(clause)
                if figure is None:
                    continue
                unit = figure["counted"] or figure["unit"]
                unit = "%" if unit == "％" else unit
                value = Decimal(figure["value"])
                if figure["wan"]:
                    value = value.scaleb(4)  # 10.8万 is 108000, in the unit CE220 compares
                if unit == "%" and value > 100:
                    continue
                what = _what(clause, figure) or clause[: figure.start()].strip()
                if not what:
                    continue
                after = clause[figure.end() :]
                about = after.lstrip().startswith(_ABOUT)
                at_most = any(w in clause for w in _AT_MOST) and "以上" not in after
                comparator = "=" if about else "<=" if at_most else ">="
                found.append(
                    TargetDraft(
                        what,
                        comparator,
                        value,
                        unit,
                        sentence,
                        paragraph.where,
                        about,
                        year,
                        stage,
                    )
                )
                if len(found) >= MAX_PROPOSALS:
                    return found
    return found


def propose_places(paragraphs: Iterable[Paragraph]) -> list[PlaceDraft]:
    """Each school or 市民学校 the text names, once, in order of first mention.

    A name counts when it says where the school is (东关社区市民学校) or stands in a list of
    schools (社区党校、市民学校、社区老年学校); a kind of school (学习型社区教育学校) does not.
    """
    found: dict[str, PlaceDraft] = {}
    for paragraph in paragraphs:
        listed = {
            _LEADING.sub("", name)
            for match in _LIST.finditer(paragraph.text)
            for name in match.group(0).split("、")
        }
        # a numbered list's items, without their markers (1.东关社区市民学校；2.…)
        unmarked = [m[1] if (m := item(p)) else p for p in split_items(paragraph.text)]
        for segment in (s for text in unmarked for s in _PLACE_SPLIT.split(text)):
            match = _PLACE_SUFFIX.search(segment)
            if match is None:
                continue
            name = _LEADING.sub("", segment[: match.end()])
            prefix = name[: match.start() - (len(segment[: match.end()]) - len(name))]
            named = name == "市民学校" or (
                _PLACE_WORDS.search(prefix) is not None and name not in _GENERIC
            )
            if not (name in listed or named) or _KIND_WORDS.search(name):
                continue
            if name.startswith(("中小", "所有")):
                continue
            kind = "市民学校" if name.endswith("市民学校") else "学校"
            if name not in found:
                found[name] = PlaceDraft(name, kind, paragraph.where)
                if len(found) >= MAX_PROPOSALS:
                    break
    return list(found.values())
