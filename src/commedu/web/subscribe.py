"""How a clerk subscribes to a feed: the address to copy, a QR code, and steps per calendar app.

Most people who subscribe are not technicians: they need the address, a code their phone can
read, and the few clicks their own calendar wants, in their language. Chinese users also meet
two known pains: in-app browsers (WeChat, QQ, DingTalk, Alipay, Weibo) cannot subscribe to or
download a calendar, and Google refreshes a subscription only about once a day.
"""

from __future__ import annotations

import functools
import re

from commedu._messages import Lang, render
from commedu._page import Markup, join
from commedu.model.plan import Plan
from commedu.web.feeds import Feed, feeds

__all__ = [
    "CLIENTS",
    "feed_table",
    "in_app_browser",
    "in_app_notice",
    "plan_section",
    "qr_svg",
    "steps",
]

#: The calendar apps the steps cover, in the order a page lists them.
CLIENTS = ("outlook", "apple", "google", "thunderbird", "phone")

#: Browsers inside chat and payment apps: they show pages but hand no calendar to the system.
_IN_APP = re.compile(r"MicroMessenger|\bQQ/|DingTalk|AlipayClient|Weibo|Lark|Feishu", re.I)

#: The longest address a code is made for; a longer one is not an address we serve.
_MAX_ADDRESS = 2000


@functools.lru_cache(maxsize=256)
def qr_svg(address: str) -> Markup:
    """The address as a QR code in inline SVG: no script, no image request, the page's own CSP."""
    import segno  # only a page with feeds pays for it

    if len(address) > _MAX_ADDRESS:
        raise ValueError(f"an address of {len(address)} characters is not one we serve")
    svg = segno.make(address, error="m").svg_inline(scale=3, omitsize=False)
    return Markup(svg.replace("<svg ", '<svg role="img" aria-hidden="true" ', 1))


def steps(lang: Lang) -> Markup:
    """The steps for each calendar app, as a list a page shows once, above its feeds."""
    items = join(
        Markup("<li><strong>%s</strong>: %s</li>\n")
        % (render(f"subscribe-app-{client}", lang), render(f"subscribe-steps-{client}", lang))
        for client in CLIENTS
    )
    return Markup(
        '<details class="subscribe">\n<summary>%s</summary>\n<ul>\n%s</ul>\n%s</details>\n'
    ) % (
        render("subscribe-how", lang),
        items,
        Markup("<p>%s</p>\n") % render("subscribe-refresh", lang),
    )


def in_app_browser(user_agent: str) -> bool:
    """Whether the page is shown in an app's own browser, which cannot subscribe."""
    return bool(_IN_APP.search(user_agent))


def in_app_notice(lang: Lang) -> Markup:
    """What to do instead: open the page in the phone's own browser."""
    return Markup('<p class="notice" role="alert">%s</p>\n') % render("subscribe-in-app", lang)


def _label(feed: Feed, lang: Lang) -> str:
    return render(f"feeds-{feed.kind}", lang, name=feed.name)


def feed_table(plan: Plan, lang: Lang, folder: str | None, caption: str) -> Markup:
    """The plan's feeds as a table: each one's calendar, how many activities, and its address.

    ``folder`` is the public address of the plan's feeds (where ``plan.ics`` is), ending with
    "/": each feed then has a ``webcal://`` link, its address to copy and a QR code of it.
    Without it, each feed is linked relative to the plan's page, with no code: an address a
    phone scans must be one the world can reach, and only the server's operator knows it.
    """
    rows = []
    for feed in feeds(plan):
        label, count = _label(feed, lang), feed.activities
        if folder is None:
            rows.append(
                Markup(
                    '<tr><th scope="row">%s</th><td class="nowrap">%s</td>'
                    '<td><a href="%s"><code class="url">%s</code></a></td></tr>\n'
                )
                % (label, count, feed.path, feed.path)
            )
            continue
        address = folder + feed.path
        rows.append(
            Markup(
                '<tr><th scope="row">%s</th><td class="nowrap">%s</td>'
                '<td><a href="%s">%s</a><code class="url">%s</code></td>'
                '<td class="qr" title="%s">%s</td></tr>\n'
            )
            % (
                label,
                count,
                "webcal://" + address.partition("://")[2],
                render("feeds-subscribe", lang),
                address,
                render("subscribe-qr", lang),
                qr_svg(address),
            )
        )
    keys = ("calendar", "count", "address")
    header = join(Markup('<th scope="col">%s</th>') % render(f"feeds-{key}", lang) for key in keys)
    if folder is not None:
        header += Markup('<th scope="col">%s</th>') % render("subscribe-qr", lang)
    return Markup(
        '<div class="scroll">\n<table>\n<caption>%s</caption>\n'
        "<thead><tr>%s</tr></thead>\n<tbody>\n%s</tbody>\n</table>\n</div>\n"
    ) % (caption, header, join(rows))


def plan_section(plan: Plan, lang: Lang, folder: str | None, *, in_app: bool = False) -> Markup:
    """A plan page's part on subscribing: the steps per app, then the feeds (see :func:`feed_table`).

    Without the public address of the feeds (``folder``), the page says where the QR codes are;
    shown ``in_app`` (an app's own browser), it first says to open the page in a real browser.
    """
    where = (
        Markup()
        if folder is not None
        else (Markup('<p class="muted">%s</p>\n') % render("subscribe-plan-no-qr", lang))
    )
    caption = render("feeds-caption", lang, title=plan.title)
    return join(
        [
            Markup('<section aria-labelledby="subscribe">\n<h2 id="subscribe">%s</h2>\n')
            % render("subscribe-plan-title", lang),
            in_app_notice(lang) if in_app else Markup(),
            Markup("<p>%s</p>\n") % render("subscribe-plan-intro", lang),
            steps(lang),
            feed_table(plan, lang, folder, caption),
            where,
            Markup("</section>\n"),
        ]
    )
