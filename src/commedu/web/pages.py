"""The server's own pages: the list of feeds to subscribe to, and the pages that explain a failure.

Error pages speak Chinese and English together: a plan that cannot be read cannot say which
language it is in, and the person reading the page may be the clerk or an outside technician.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from urllib.parse import quote

from commedu._messages import LANGS, Lang, render
from commedu._page import Markup, document, html_lang, join
from commedu.errors import Problem
from commedu.model.fieldcheck import define
from commedu.model.plan import Plan
from commedu.web.folder import PlanFile
from commedu.web.subscribe import feed_table, in_app_notice, steps

__all__ = ["Listed", "broken_page", "error_page", "index_page", "problems_page"]


@define
class Listed:
    """A plan file as the index shows it: its plan, or ``None`` when it never could be read.

    A file that loaded before and cannot be read now is listed with the plan it last gave,
    its ``problems`` and the time they were first seen (``since``).
    """

    file: PlanFile
    plan: Plan | None
    problems: tuple[Problem, ...] = ()
    since: datetime | None = None


def moment(when: datetime | None) -> str:
    """A time as the pages show it: UTC, to the second, ``-`` when unknown."""
    return "-" if when is None else f"{when:%Y-%m-%d %H:%M:%S}"


def _in(lang: Lang, parts: Sequence[Markup], root: str) -> Markup:
    """One language's part of a bilingual page, ending with the way back to the list of feeds."""
    back = Markup('<p><a href="%s">%s</a></p>\n') % (root, render("serve-back", lang))
    return Markup('<div lang="%s">\n%s%s</div>\n') % (html_lang(lang), join(parts), back)


def _both(title: str, parts: Callable[[Lang], Sequence[Markup]], root: str) -> bytes:
    body = Markup("<main>\n<h1>%s</h1>\n%s</main>\n") % (
        title,
        join(_in(lang, parts(lang), root) for lang in LANGS[::-1]),
    )
    return document(None, title, body).encode("utf-8")


def _title(code: str) -> str:
    return " · ".join(render(f"serve-{code}", lang) for lang in LANGS[::-1])


def error_page(code: str, root: str, **params: str) -> bytes:
    """A page for ``code`` in both languages; ``root`` is the address of the list of feeds."""
    title = "not-found-title" if code == "no-activities" else f"{code}-title"

    def parts(lang: Lang) -> list[Markup]:
        return [Markup("<p>%s</p>\n") % render(f"serve-{code}", lang, **params)]

    return _both(_title(title), parts, root)


def problems_page(file: str, problems: Sequence[Problem], root: str) -> bytes:
    """What is wrong with a plan file, every problem with its place, in both languages."""

    def parts(lang: Lang) -> list[Markup]:
        items = join(Markup("<li>%s</li>") % p.describe(lang) for p in problems)
        return [
            Markup("<p>%s</p>\n") % render("serve-bad-plan", lang, file=file),
            Markup('<ul class="problems">%s</ul>\n') % items,
        ]

    return _both(_title("bad-plan-title"), parts, root)


def broken_page(
    file: str,
    problems: Sequence[Problem],
    since: datetime | None,
    served: datetime,
    root: str,
    lang: Lang,
) -> bytes:
    """The page of a plan whose file stopped loading: what is wrong, since when, what is served."""
    title = render("serve-bad-plan-title", lang)
    items = join(Markup("<li>%s</li>") % p.describe(lang) for p in problems)
    said = render("serve-stale", lang, file=file, since=moment(since), served=moment(served))
    body = Markup(
        '<main>\n<h1>%s</h1>\n<p>%s</p>\n<ul class="problems">%s</ul>\n'
        '<p><a href="%s">%s</a></p>\n</main>\n'
    ) % (title, said, items, root, render("serve-back", lang))
    return document(lang, title, body).encode("utf-8")


def plan_address(file: PlanFile) -> str:
    """A plan's address below the server's root: its key, percent-encoded, as a folder."""
    return quote(file.key, safe="") + "/"


def index_page(listed: Sequence[Listed], base: str, lang: Lang, *, in_app: bool = False) -> bytes:
    """Every plan with its feeds; ``base`` is the public address of the server's root, with "/".

    Each feed has its address to copy and a QR code of it; the steps for each calendar app come
    once, above them. ``in_app``: the page is shown in an app's own browser, which cannot
    subscribe, and is told what to do instead.
    """
    other: Lang = "en" if lang == "zh" else "zh"
    body = [
        Markup("<header>\n<h1>%s</h1>\n") % render("feeds-title", lang),
        Markup('<p><a href="?lang=%s" lang="%s">%s</a></p>\n')
        % (other, html_lang(other), render("language-name", other)),
        in_app_notice(lang) if in_app else Markup(""),
        Markup("<p>%s</p>\n") % render("feeds-intro", lang),
        steps(lang) if listed else Markup(""),
        Markup("</header>\n<main>\n"),
    ]
    if not listed:
        body.append(Markup("<p>%s</p>\n") % render("feeds-empty", lang))
    for entry in listed:
        address = plan_address(entry.file)
        if entry.plan is None:
            text = render("feeds-broken", lang, file=entry.file.name)
            body.append(
                Markup('<section>\n<h2>%s</h2>\n<p>%s <a href="%s">%s</a></p>\n</section>\n')
                % (entry.file.name, text, address, render("feeds-details", lang))
            )
            continue
        plan = entry.plan
        stale = []
        if entry.problems:
            text = render("feeds-stale", lang, file=entry.file.name, since=moment(entry.since))
            stale.append(
                Markup('<p><strong>%s</strong> <a href="%s">%s</a></p>\n')
                % (text, address, render("feeds-details", lang))
            )
        summary = render(
            "feeds-summary",
            lang,
            township=plan.township.name,
            year=plan.year,
            n=len(plan.activities),
        )
        caption = render("feeds-caption", lang, title=plan.title)
        body += [
            Markup("<section>\n<h2>%s</h2>\n") % plan.title,
            *stale,
            Markup('<p>%s · <a href="%s">%s</a></p>\n')
            % (summary, address, render("feeds-glance", lang)),
            feed_table(plan, lang, base + address, caption),
            Markup("</section>\n"),
        ]
    body.append(Markup("</main>\n"))
    return document(lang, render("feeds-title", lang), join(body)).encode("utf-8")
