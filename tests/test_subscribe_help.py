"""What a clerk is shown to subscribe: the QR code, the steps per app, the in-app browser notice."""

from __future__ import annotations

import html
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import segno
from hypothesis import given
from hypothesis import strategies as st

from commedu._messages import render
from commedu.web.app import make_app
from commedu.web.subscribe import CLIENTS, in_app_browser, in_app_notice, qr_svg, steps

from .wording import foreign_words

JINSHAN = Path(__file__).resolve().parents[1] / "examples" / "jinshan_2021.toml"
ADDRESS = "http://127.0.0.1:8000/jinshan-2021/plan.ics"


def _dark_cells(svg: str) -> int:
    """The number of dark modules the code's path draws (each ``hN`` run is N modules)."""
    path = ET.fromstring(svg).find("{http://www.w3.org/2000/svg}path")
    if path is None:
        path = ET.fromstring(svg).find("path")
    assert path is not None
    d = path.attrib["d"]
    return sum(int(run) for run in re.findall(r"h(\d+)", d))


def _shown(markup: str) -> str:
    """The text a reader sees: markup without its tags, entities as characters."""
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def test_the_qr_code_is_svg_with_no_script_and_draws_the_address() -> None:
    svg = str(qr_svg(ADDRESS))
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert "<script" not in svg
    assert root.attrib["role"] == "img"
    expected = sum(sum(row) for row in segno.make(ADDRESS, error="m").matrix)
    assert _dark_cells(svg) == expected


@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=200))
def test_any_address_gives_the_same_code_every_time_and_differs_from_another(text: str) -> None:
    address = ADDRESS + "?" + text
    assert qr_svg(address) == qr_svg(address)
    assert qr_svg(address) != qr_svg(ADDRESS)


def test_an_address_no_server_would_give_is_refused() -> None:
    with pytest.raises(ValueError, match="2001 characters"):
        qr_svg("h" * 2001)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_steps_name_every_app_in_one_language(lang: str) -> None:
    text = _shown(steps(lang))  # type: ignore[arg-type]
    for client in CLIENTS:
        assert render(f"subscribe-app-{client}", lang) in text  # type: ignore[arg-type]
        assert render(f"subscribe-steps-{client}", lang) in text  # type: ignore[arg-type]
    assert render("subscribe-refresh", lang) in text  # type: ignore[arg-type]
    assert foreign_words(text, lang) == set()  # type: ignore[arg-type]
    assert foreign_words(_shown(in_app_notice(lang)), lang) == set()  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("agent", "inside"),
    [
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15"
            " (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44(0x18002c2d) NetType/WIFI",
            True,
        ),
        ("Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Mobile Safari/537.36 QQ/9.0.1", True),
        ("Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 DingTalk/7.5.0", True),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36", False),
        ("Mozilla/5.0 (iPhone) Version/17.0 Mobile/15E148 Safari/604.1", False),
        ("", False),
    ],
)
def test_an_apps_own_browser_is_told_apart_from_a_real_one(agent: str, inside: bool) -> None:
    assert in_app_browser(agent) is inside


def _index(tmp_path: Path, agent: str, lang: str) -> str:
    shutil.copy(JINSHAN, tmp_path / "jinshan.toml")
    app = make_app(tmp_path)
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/",
        "QUERY_STRING": f"lang={lang}",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "wsgi.url_scheme": "http",
        "HTTP_USER_AGENT": agent,
    }
    return b"".join(app(environ, lambda status, headers: None)).decode()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_served_index_shows_each_feeds_code_and_the_steps(tmp_path: Path, lang: str) -> None:
    page = _index(tmp_path, "Mozilla/5.0 Chrome/126.0", lang)
    feed = "http://127.0.0.1:8000/jinshan/plan.ics"
    assert feed in page
    assert str(qr_svg(feed)) in page
    assert page.count('class="qr"') == page.count('<code class="url">')
    assert render("subscribe-how", lang) in page  # type: ignore[arg-type]
    assert render("subscribe-in-app", lang) not in page  # type: ignore[arg-type]


def test_an_apps_own_browser_is_told_to_open_the_page_in_a_real_one(tmp_path: Path) -> None:
    page = _index(tmp_path, "Mozilla/5.0 (iPhone) MicroMessenger/8.0.44", "zh")
    assert html.unescape(str(in_app_notice("zh"))) in html.unescape(page)
