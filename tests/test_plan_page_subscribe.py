"""The plan's own page says how to subscribe: each feed's address, a QR code, steps per app."""

from __future__ import annotations

import html
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import segno
from selenium.webdriver.remote.webdriver import WebDriver

from commedu import Plan, glance_html, load_plan
from commedu._messages import render
from commedu.cli import EXIT_OK, EXIT_USAGE, main
from commedu.web import app as app_module
from commedu.web.app import FeedServer
from commedu.web.feeds import feeds
from commedu.web.subscribe import CLIENTS, qr_svg
from tests import test_web_browser
from tests.conftest import EXAMPLES
from tests.webserver import Running, call, serving

#: The headless Chromium the page tests drive (this module is skipped where there is none).
browser = test_web_browser.browser

PUBLIC = "https://edu.example.cn/calendars/"
FEEDS = PUBLIC + "jinshan/"
JINSHAN_FILE = EXAMPLES / "jinshan_2021.toml"


def _section(page: bytes) -> str:
    """The page's part on subscribing."""
    text = page.decode("utf-8")
    found = re.search(r'<section aria-labelledby="subscribe">.*?</section>', text, re.S)
    assert found is not None, "the page has no part on subscribing"
    return found.group(0)


def _dark_cells(svg: str) -> int:
    """The dark modules a code's path draws (each ``hN`` run is N modules)."""
    root = ET.fromstring(svg)
    path = root.find("{http://www.w3.org/2000/svg}path")
    if path is None:
        path = root.find("path")
    assert path is not None
    return sum(int(run) for run in re.findall(r"h(\d+)", path.attrib["d"]))


def _cells(address: str) -> int:
    return sum(sum(row) for row in segno.make(address, error="m").matrix)


@pytest.fixture
def plan() -> Plan:
    return load_plan(JINSHAN_FILE)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_with_the_public_address_each_feed_has_its_address_and_qr_code(
    plan: Plan, lang: str
) -> None:
    part = _section(glance_html(plan, lang=lang, feeds_url=FEEDS))  # type: ignore[arg-type]
    offered = feeds(plan)
    assert len(offered) > 1
    for feed in offered:
        address = FEEDS + feed.path
        assert f'<code class="url">{address}</code>' in part
        assert f'href="webcal://edu.example.cn/calendars/jinshan/{feed.path}"' in part
        assert str(qr_svg(address)) in part
    assert part.count("<svg") == len(offered)
    for client in CLIENTS:
        assert render(f"subscribe-app-{client}", lang) in html.unescape(part)  # type: ignore[arg-type]
    assert render("subscribe-plan-no-qr", lang) not in html.unescape(part)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_it_the_feeds_are_linked_from_the_page_and_it_says_where_the_codes_are(
    plan: Plan, lang: str
) -> None:
    part = _section(glance_html(plan, lang=lang))  # type: ignore[arg-type]
    for feed in feeds(plan):
        assert f'<a href="{feed.path}"><code class="url">{feed.path}</code></a>' in part
    assert "<svg" not in part
    assert "webcal://" not in part.replace(render("feeds-subscribe", lang), "")  # type: ignore[arg-type]
    assert render("subscribe-plan-no-qr", lang) in html.unescape(part)  # type: ignore[arg-type]
    for client in CLIENTS:
        assert render(f"subscribe-steps-{client}", lang) in html.unescape(part)  # type: ignore[arg-type]


def test_the_address_is_the_same_with_or_without_its_last_slash(plan: Plan) -> None:
    assert glance_html(plan, feeds_url=FEEDS.rstrip("/")) == glance_html(plan, feeds_url=FEEDS)
    assert glance_html(plan, feeds_url=FEEDS) != glance_html(plan)


def test_a_feeds_address_that_is_not_text_is_refused(plan: Plan) -> None:
    with pytest.raises(TypeError, match="feeds_url"):
        glance_html(plan, feeds_url=b"https://x/")  # type: ignore[arg-type]


# -- served -----------------------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copyfile(JINSHAN_FILE, plans / "jinshan.toml")
    return plans


def _get(app: FeedServer, path: str, host: str, agent: str = "Mozilla/5.0") -> bytes:
    line, _, body = call(app, path, host=host, agent=agent)
    assert line.startswith("200"), body
    return body


def test_the_served_page_shows_the_codes_for_the_server_s_public_address(
    folder: Path, plan: Plan
) -> None:
    app = FeedServer(folder, base_url=PUBLIC.rstrip("/"))
    page = _get(app, "/jinshan/", "127.0.0.1")
    assert page == glance_html(plan, feeds_url=FEEDS)
    # Made once for every visitor, never from the Host a request names.
    assert _get(app, "/jinshan/", "evil.example") == page
    assert b"evil.example" not in page


def test_a_server_without_a_public_address_shows_the_one_the_request_came_to(
    folder: Path, plan: Plan
) -> None:
    # As the list of feeds does: the address the visitor used is one their phone can reach.
    app = FeedServer(folder)
    page = _get(app, "/jinshan/", "edu.example.cn")
    assert page == glance_html(plan, feeds_url="http://edu.example.cn/jinshan/")
    assert b"<svg" in page
    assert _get(app, "/jinshan/", "10.0.0.7:8000") == glance_html(
        plan, feeds_url="http://10.0.0.7:8000/jinshan/"
    )


def test_pages_kept_per_host_name_are_bounded(folder: Path, plan: Plan) -> None:
    app = FeedServer(folder)
    hosts = [f"h{n}.example" for n in range(3 * app_module._PAGES_KEPT)]
    for host in hosts:
        page = _get(app, "/jinshan/", host)
        # Past the bound, each request still gets its own host's page, made for it alone.
        assert f"http://{host}/jinshan/plan.ics".encode() in page
    (file,) = app.folder.files()
    built = app.folder.version(file).built
    assert sum(key[0] == "page" for key in built) == app_module._PAGES_KEPT


WECHAT = "Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.40"


def test_an_app_s_own_browser_is_told_to_open_the_page_in_a_real_one(
    folder: Path, plan: Plan
) -> None:
    app = FeedServer(folder, base_url=PUBLIC.rstrip("/"))
    notice = render("subscribe-in-app", "zh")
    assert html.escape(notice, quote=False) in _section(_get(app, "/jinshan/", "x", WECHAT))
    plain = _get(app, "/jinshan/", "x")
    assert html.escape(notice, quote=False) not in plain.decode("utf-8")
    assert plain == glance_html(plan, feeds_url=FEEDS)
    assert _get(app, "/jinshan/", "x", WECHAT) == glance_html(plan, feeds_url=FEEDS, in_app=True)


# -- commedu html --base-url ----------------------------------------------------------------------


def test_html_with_a_base_url_shows_the_addresses_serve_gives_the_file(
    folder: Path, plan: Plan, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    plan_file = str(folder / "jinshan.toml")
    assert main(["html", plan_file, "--base-url", PUBLIC, "-o", "-"]) == EXIT_OK
    assert capsysbinary.readouterr().out == glance_html(plan, feeds_url=FEEDS)
    site = folder.parent / "site"
    assert main(["html", plan_file, "--base-url", PUBLIC, "-o", f"{site}/"]) == EXIT_OK
    assert (site / "index.html").read_bytes() == glance_html(plan, feeds_url=FEEDS)


@pytest.mark.parametrize(
    "value", ["edu.example.cn/calendars/", "ftp://edu.example.cn/", "https://"]
)
def test_html_refuses_a_base_url_that_is_not_a_web_address(
    folder: Path, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = str(folder / "jinshan.toml")
    assert main(["html", plan_file, "--base-url", value, "--lang", "en"]) == EXIT_USAGE
    error = capsys.readouterr().err
    assert "--base-url" in error
    assert value in error


# -- in a real browser ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    plans = tmp_path_factory.mktemp("plans")
    shutil.copyfile(JINSHAN_FILE, plans / "jinshan.toml")
    with serving(plans, base_url=PUBLIC) as running:
        yield running


@pytest.mark.parametrize("screen", test_web_browser.SCREENS)
def test_the_codes_render_under_the_page_s_security_policy_and_draw_the_addresses(
    browser: WebDriver, public: Running, plan: Plan, screen: str
) -> None:
    logs = test_web_browser.load(browser, f"{public.base}/jinshan/", screen)
    assert test_web_browser.errors(logs) == []  # a CSP refusal would be logged as one
    drawn = _drawn(browser)
    assert [address for address, _, _ in drawn] == [FEEDS + feed.path for feed in feeds(plan)]
    for address, svg, box in drawn:
        width, height = box
        assert width > 50
        assert height > 50
        # No decoder is installed: the code is segno's for that address, module for module.
        assert _dark_cells(svg) == _cells(address)


def _drawn(driver: WebDriver) -> list[tuple[str, str, tuple[float, float]]]:
    """Each feed's address on the page, its code's markup and the size it is drawn at."""
    rows: list[list[object]] = driver.execute_script(
        "return [...document.querySelectorAll('section[aria-labelledby=subscribe] tbody tr')]"
        ".map(tr => { const svg = tr.querySelector('td.qr svg');"
        " const box = svg.getBoundingClientRect();"
        " return [tr.querySelector('code.url').innerText, svg.outerHTML, box.width, box.height]; })"
    )
    return [(str(a), str(s), (float(w), float(h))) for a, s, w, h in rows]  # type: ignore[arg-type]


def test_a_served_feed_s_items_link_to_the_page_at_the_address_the_request_came_to(
    folder: Path,
) -> None:
    app = FeedServer(folder)
    feed = _get(app, "/jinshan/plan.ics", "edu.example.cn")
    assert feed.count(b"URL:http://edu.example.cn/jinshan/\r\n") == feed.count(b"BEGIN:VEVENT")
    other = _get(app, "/jinshan/plan.ics", "10.0.0.7:8000")
    assert b"URL:http://10.0.0.7:8000/jinshan/\r\n" in other
    assert b"edu.example.cn" not in other
    told = FeedServer(folder, base_url=PUBLIC.rstrip("/"))
    assert b"URL:" + FEEDS.encode() + b"\r\n" in _get(told, "/jinshan/plan.ics", "evil.example")


def test_feeds_kept_per_host_name_are_bounded(folder: Path) -> None:
    app = FeedServer(folder)
    for n in range(3 * app_module._PAGES_KEPT):
        feed = _get(app, "/jinshan/plan.ics", f"h{n}.example")
        assert f"URL:http://h{n}.example/jinshan/\r\n".encode() in feed
    (file,) = app.folder.files()
    version = app.folder.version(file)
    assert sum(key[0] == "feed" for key in version.built) == app_module._PAGES_KEPT
    assert len(version.answers) == app_module._PAGES_KEPT
