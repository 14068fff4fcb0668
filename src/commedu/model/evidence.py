"""The kinds of 佐证材料 an inspection asks for: a controlled vocabulary, in both languages.

Clerks write a kind the way their office does (签到表, 签到册, 签到单 are one kind), so each
kind has its name and the other spellings it is known by. A ledger keeps what the clerk wrote;
the vocabulary says which kind it is, so a profile asking for 教案/课件 is satisfied by a record
with 教案. A value close to a kind but not one of its spellings (照片s, 签倒表) is almost surely
a slip (one character away from a spelling), and the ledger reader names the kind it was
probably meant to be. A value far from
every kind (视频截图, 证书) is the township's own and is kept as written.
"""

from __future__ import annotations

import unicodedata

from commedu._messages import Lang, render
from commedu.model.fieldcheck import define

__all__ = ["KINDS", "EvidenceKind", "canonical", "find", "near_miss"]


@define
class EvidenceKind:
    """One kind of evidence: a stable key, its name as offices write it, and other spellings."""

    key: str  #: e.g. ``sign-in-sheet``; the catalogue's ``evidence-<key>`` holds its words
    name: str  #: e.g. 签到表
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def label(self, lang: Lang) -> str:
        """The kind in ``lang``: 签到表, sign-in sheet."""
        return render(f"evidence-{self.key}", lang)


#: The kinds an inspection asks for, in the order a checklist lists them.
KINDS: tuple[EvidenceKind, ...] = (
    EvidenceKind("minutes", "会议纪要", ("会议记录",)),
    EvidenceKind("plan-document", "方案", ("活动方案", "实施方案", "工作方案")),
    EvidenceKind("notice", "通知", ("活动通知", "会议通知")),
    EvidenceKind("payment-voucher", "拨付凭证", ("拨款凭证", "经费凭证", "支出凭证", "报销凭证")),
    EvidenceKind("sign-in-sheet", "签到表", ("签到册", "签到单", "签到簿")),
    EvidenceKind("photos", "照片", ("活动照片", "图片")),
    EvidenceKind("video", "视频", ("录像", "活动视频")),
    EvidenceKind("lesson-plan", "教案/课件", ("教案", "课件", "讲义")),
    EvidenceKind("summary", "小结", ("活动小结", "总结", "工作总结")),
    EvidenceKind("press-release", "新闻稿", ("宣传稿", "信息稿", "报道")),
    EvidenceKind("satisfaction-tally", "满意度统计", ("满意度调查", "满意度测评", "问卷统计")),
)

#: Nothing longer is compared: no kind's spelling is anywhere near as long.
_LONGEST = 40


def _normal(text: str) -> str:
    """The text as compared: full-width forms folded, spaces and a trailing 等 dropped."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(folded.split()).removesuffix("等")


_BY_SPELLING = {_normal(s): kind for kind in KINDS for s in kind.spellings}


def find(text: str) -> EvidenceKind | None:
    """The kind ``text`` is one of the spellings of, or None."""
    return _BY_SPELLING.get(_normal(text))


def canonical(text: str) -> str:
    """The kind's name for ``text`` (教案 → 教案/课件), or ``text`` itself if it is no known kind."""
    kind = find(text)
    return text if kind is None else kind.name


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether one character changed, added or dropped turns ``a`` into ``b``."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            rest = a[i + 1 :] if len(a) == len(b) else a[i:]
            return rest == b[i + 1 :]
    return True  # b is a with one more character at the end


def near_miss(text: str) -> EvidenceKind | None:
    """The kind ``text`` was probably meant to be: one character away from one of its spellings.

    照片s, 签倒表 and 签到 are slips for 照片 and 签到表; 视频截图 or 证书 are kinds of the
    township's own, and are no near miss of anything.
    """
    normal = _normal(text)
    if not normal or len(normal) > _LONGEST or normal in _BY_SPELLING:
        return None
    for spelling, kind in _BY_SPELLING.items():
        if len(spelling) >= 2 and _one_edit_apart(normal, spelling):
            return kind
    return None
