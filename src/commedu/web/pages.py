"""The server's own pages: the list of feeds to subscribe to, and the pages that explain a failure.

Error pages speak Chinese and English together: a plan that cannot be read cannot say which
language it is in, and the person reading the page may be the clerk or an outside technician.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from urllib.parse import quote

from commedu._messages import LANGS, Lang
from commedu._page import Markup, document, html_lang, join
from commedu.errors import Problem
from commedu.model.fieldcheck import define
from commedu.model.plan import Plan
from commedu.web.feeds import Feed, feeds
from commedu.web.folder import PlanFile

__all__ = ["Listed", "error_page", "index_page", "problems_page"]

_INDEX: dict[Lang, dict[str, str]] = {
    "zh": {
        "title": "社区教育日历订阅",
        "intro": "在日历程序中订阅下列地址，计划文件修改后日历会自动更新。"
        "在 iPhone、Mac 或装有 Outlook 的电脑上点击 webcal:// 链接即可订阅；"
        "谷歌日历、Outlook 网页版等请复制 http(s):// 地址，选择“通过网址添加”。",
        "empty": "此文件夹中没有计划文件（.toml 或 .json）。",
        "summary": "{township} · {year}年 · 共 {n} 项工作",
        "glance": "全年一览",
        "caption": "{title}的订阅地址",
        "calendar": "日历",
        "count": "工作项",
        "subscribe": "点击订阅（webcal://）",
        "address": "订阅：点击链接，或复制地址",
        "plan": "全部工作",
        "department": "部门：{name}",
        "station": "工作站：{name}",
        "broken": "{file} 目前无法读取，其日历暂停提供。",
        "details": "查看问题",
        "other": "English",
    },
    "en": {
        "title": "Community-education calendar feeds",
        "intro": "Subscribe to these addresses in a calendar program: when a plan file changes, the"
        " calendars follow. On an iPhone, a Mac or with Outlook installed, click a webcal:// link"
        " to subscribe; in Google Calendar or Outlook on the web, copy the http(s):// address and"
        " add the calendar from a URL.",
        "empty": "This folder holds no plan file (.toml or .json).",
        "summary": "{township} · {year} · {n} activities",
        "glance": "The year at a glance",
        "caption": "Feeds of {title}",
        "calendar": "Calendar",
        "count": "Activities",
        "subscribe": "Subscribe (webcal://)",
        "address": "Subscribe: click the link, or copy the address",
        "plan": "The whole plan",
        "department": "Department: {name}",
        "station": "Station: {name}",
        "broken": "{file} cannot be read at the moment; its calendars are paused.",
        "details": "see the problems",
        "other": "中文",
    },
}

_ERRORS: dict[str, dict[Lang, str]] = {
    "not-found-title": {"zh": "找不到此页面", "en": "Not found"},
    "not-found": {
        "zh": "此地址没有对应的计划、日历或页面。",
        "en": "Nothing is served at this address: no plan, calendar or page.",
    },
    "no-activities": {
        "zh": "{name} 目前没有任何工作安排，因此没有日历。",
        "en": "{name} has no scheduled activity at the moment, so there is no calendar.",
    },
    "back": {"zh": "返回订阅列表", "en": "Back to the list of feeds"},
    "bad-plan-title": {"zh": "计划文件有误", "en": "The plan file has problems"},
    "bad-plan": {
        "zh": "{file} 无法作为计划读取，其日历和页面暂停提供。修改文件后无需重启，此页会自动恢复。",
        "en": "{file} cannot be read as a plan, so its calendars and page are paused. Fix the"
        " file; nothing needs restarting, this address works again as soon as it is valid.",
    },
    "method-title": {"zh": "不支持的请求方法", "en": "Method not allowed"},
    "method": {
        "zh": "此服务器只接受 GET 和 HEAD 请求。",
        "en": "This server answers GET and HEAD requests only.",
    },
    "bad-lang-title": {"zh": "无效的语言参数", "en": "Bad language"},
    "bad-lang": {
        "zh": "lang 参数只能是 zh（中文）或 en（英文）。",
        "en": "The lang parameter must be zh (Chinese) or en (English).",
    },
    "folder-title": {"zh": "无法读取计划文件夹", "en": "The plan folder cannot be read"},
    "folder": {
        "zh": "服务器无法列出计划文件所在的文件夹：{reason}",
        "en": "The server cannot list the folder of plan files: {reason}",
    },
    "internal-title": {"zh": "服务器内部错误", "en": "Internal error"},
    "internal": {
        "zh": "处理此请求时出现意外错误，详情已写入服务器日志。",
        "en": "Something unexpected went wrong with this request; the server's log has the details.",
    },
}


@define
class Listed:
    """A plan file as the index shows it: its plan, or ``None`` when it cannot be read now."""

    file: PlanFile
    plan: Plan | None


def _in(lang: Lang, parts: Sequence[Markup], root: str) -> Markup:
    """One language's part of a bilingual page, ending with the way back to the list of feeds."""
    back = Markup('<p><a href="%s">%s</a></p>\n') % (root, _ERRORS["back"][lang])
    return Markup('<div lang="%s">\n%s%s</div>\n') % (html_lang(lang), join(parts), back)


def _both(title: str, parts: Callable[[Lang], Sequence[Markup]], root: str) -> bytes:
    body = Markup("<main>\n<h1>%s</h1>\n%s</main>\n") % (
        title,
        join(_in(lang, parts(lang), root) for lang in LANGS[::-1]),
    )
    return document(None, title, body).encode("utf-8")


def _title(code: str) -> str:
    return " · ".join(_ERRORS[code][lang] for lang in LANGS[::-1])


def error_page(code: str, root: str, **params: str) -> bytes:
    """A page for ``code`` in both languages; ``root`` is the address of the list of feeds."""
    title = "not-found-title" if code == "no-activities" else f"{code}-title"

    def parts(lang: Lang) -> list[Markup]:
        return [Markup("<p>%s</p>\n") % _ERRORS[code][lang].format(**params)]

    return _both(_title(title), parts, root)


def problems_page(file: str, problems: Sequence[Problem], root: str) -> bytes:
    """What is wrong with a plan file, every problem with its place, in both languages."""

    def parts(lang: Lang) -> list[Markup]:
        items = join(Markup("<li>%s</li>") % p.describe(lang) for p in problems)
        return [
            Markup("<p>%s</p>\n") % _ERRORS["bad-plan"][lang].format(file=file),
            Markup('<ul class="problems">%s</ul>\n') % items,
        ]

    return _both(_title("bad-plan-title"), parts, root)


def plan_address(file: PlanFile) -> str:
    """A plan's address below the server's root: its key, percent-encoded, as a folder."""
    return quote(file.key, safe="") + "/"


def _feed_label(feed: Feed, labels: dict[str, str]) -> str:
    return labels[feed.kind].format(name=feed.name)


def index_page(listed: Sequence[Listed], base: str, lang: Lang) -> bytes:
    """Every plan with its feeds; ``base`` is the public address of the server's root, with "/"."""
    labels = _INDEX[lang]
    other: Lang = "en" if lang == "zh" else "zh"
    body = [
        Markup("<header>\n<h1>%s</h1>\n") % labels["title"],
        Markup('<p><a href="?lang=%s" lang="%s">%s</a></p>\n')
        % (other, html_lang(other), labels["other"]),
        Markup("<p>%s</p>\n</header>\n<main>\n") % labels["intro"],
    ]
    if not listed:
        body.append(Markup("<p>%s</p>\n") % labels["empty"])
    webcal = "webcal://" + base.partition("://")[2]
    for entry in listed:
        address = plan_address(entry.file)
        if entry.plan is None:
            text = labels["broken"].format(file=entry.file.name)
            body.append(
                Markup('<section>\n<h2>%s</h2>\n<p>%s <a href="%s">%s</a></p>\n</section>\n')
                % (entry.file.name, text, address, labels["details"])
            )
            continue
        plan = entry.plan
        summary = labels["summary"].format(
            township=plan.township.name, year=plan.year, n=len(plan.activities)
        )
        rows = []
        for feed in feeds(plan):
            path = address + feed.path
            rows.append(
                Markup(
                    '<tr><th scope="row">%s</th><td class="nowrap">%s</td>'
                    '<td><a href="%s">%s</a><code class="url">%s</code></td></tr>\n'
                )
                % (
                    _feed_label(feed, labels),
                    feed.activities,
                    webcal + path,
                    labels["subscribe"],
                    base + path,
                )
            )
        header = join(
            Markup('<th scope="col">%s</th>') % labels[key]
            for key in ("calendar", "count", "address")
        )
        caption = labels["caption"].format(title=plan.title)
        body += [
            Markup("<section>\n<h2>%s</h2>\n") % plan.title,
            Markup('<p>%s · <a href="%s">%s</a></p>\n') % (summary, address, labels["glance"]),
            Markup('<div class="scroll">\n<table>\n<caption>%s</caption>\n') % caption,
            Markup("<thead><tr>%s</tr></thead>\n<tbody>\n%s</tbody>\n") % (header, join(rows)),
            Markup("</table>\n</div>\n</section>\n"),
        ]
    body.append(Markup("</main>\n"))
    return document(lang, labels["title"], join(body)).encode("utf-8")
