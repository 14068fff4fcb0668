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

__all__ = ["CLIENTS", "in_app_browser", "in_app_notice", "qr_svg", "steps"]

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
