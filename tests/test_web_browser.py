"""The year at a glance in a real headless Chromium, at a phone's width and a desktop's.

Chromium and its driver come from the system's packages (Debian ``chromium`` and
``chromium-driver``, installed by ``.ci/run``), driven through Selenium's WebDriver client: the
driver matches the browser's version by construction, and the page's console is read through
the driver's log, so an error the page raises, a resource it cannot load or a script the
Content-Security-Policy blocks fails the test.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver

from commedu import Plan, write_glance
from tests.conftest import EXAMPLES
from tests.webserver import Running, serving

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
#: (width, height) of the screens: a phone held upright, and an office desktop.
SCREENS = {"phone": (390, 844), "desktop": (1280, 900)}
#: No page may take longer than this to load.
TIMEOUT = 30

if CHROMIUM is None or DRIVER is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI must install chromium and chromium-driver (see .ci/run)")
    pytest.skip("needs the system's chromium and chromium-driver", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    profile = tempfile.mkdtemp(prefix="commedu-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(DRIVER)))
    driver.set_page_load_timeout(TIMEOUT)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def load(driver: WebDriver, url: str, screen: str) -> list[dict[str, object]]:
    """Open ``url`` on a screen of that size; the console's messages while it loaded."""
    width, height = SCREENS[screen]
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": screen == "phone"},
    )
    driver.get_log("browser")  # forget what earlier pages said
    driver.get(url)
    assert driver.execute_script("return document.readyState") == "complete"
    logs: list[dict[str, object]] = driver.get_log("browser")
    return logs


def errors(logs: list[dict[str, object]]) -> list[dict[str, object]]:
    return [entry for entry in logs if entry.get("level") in ("SEVERE", "WARNING")]


def screenshot(driver: WebDriver, path: Path) -> Image.Image:
    path.write_bytes(driver.get_screenshot_as_png())
    return Image.open(io.BytesIO(path.read_bytes())).convert("RGB")


def check_page(driver: WebDriver, plan: Plan, screen: str, shots: Path) -> None:
    width, height = SCREENS[screen]
    text: str = driver.execute_script("return document.body.innerText")
    for expected in (plan.title, "全年工作安排", "合规检查", "1月", "12月", "教师节"):
        assert expected in text, f"{screen}: {expected!r} not on the page"
    working = [d for d in plan.departments if plan.schedule.of_department(d.id)]
    headers = driver.execute_script(
        "return [...document.querySelectorAll('table.grid thead th[scope=col]')]"
        ".map(th => th.innerText)"
    )
    assert headers == ["月份", *(d.name for d in working), "节日与纪念日"]
    rows = driver.execute_script(
        "return document.querySelectorAll('table.grid tbody th[scope=row]').length"
    )
    assert rows == 12
    assert plan.activities[0].title in text
    # The page never scrolls sideways: a wide grid scrolls inside its own box.
    page_width = driver.execute_script("return document.documentElement.scrollWidth")
    assert page_width <= width
    title_box = driver.execute_script(
        "const r = document.querySelector('h1').getBoundingClientRect();"
        "return [r.left, r.right, r.top, r.bottom]"
    )
    assert 0 <= title_box[0] < title_box[1] <= width
    assert 0 <= title_box[2] < title_box[3] <= height
    if screen == "phone":
        box = driver.execute_script(
            "const s = document.querySelector('.scroll');return [s.scrollWidth, s.clientWidth]"
        )
        assert box[0] > box[1], "on a phone the grid scrolls within its box"
    image = screenshot(driver, shots / f"{screen}.png")
    assert image.size == (width, height)
    # Not blank: dark text on the light page, and many shades where glyphs are drawn.
    darkest, lightest = image.convert("L").getextrema()
    assert darkest < 80 < 200 < lightest
    assert len(image.getcolors(maxcolors=width * height) or []) > 20


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory, jinshan: Plan) -> Path:
    path = tmp_path_factory.mktemp("site") / "index.html"
    write_glance(jinshan, path)
    return path


@pytest.mark.parametrize("screen", SCREENS)
def test_the_written_page_renders_without_console_errors(
    browser: WebDriver, written: Path, jinshan: Plan, screen: str, tmp_path: Path
) -> None:
    logs = load(browser, written.as_uri(), screen)
    assert errors(logs) == []
    check_page(browser, jinshan, screen, tmp_path)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    folder = tmp_path_factory.mktemp("plans")
    shutil.copyfile(EXAMPLES / "jinshan_2021.toml", folder / "jinshan.toml")
    with serving(folder) as running:
        yield running


@pytest.mark.parametrize("screen", SCREENS)
def test_the_served_page_and_the_list_of_feeds_render_without_console_errors(
    browser: WebDriver, server: Running, jinshan: Plan, screen: str, tmp_path: Path
) -> None:
    logs = load(browser, f"{server.base}/jinshan/", screen)
    assert errors(logs) == []
    check_page(browser, jinshan, screen, tmp_path)
    logs = load(browser, f"{server.base}/", screen)
    assert errors(logs) == []
    text: str = browser.execute_script("return document.body.innerText")
    assert f"{server.base}/jinshan/plan.ics" in text
    assert (
        browser.execute_script("return document.documentElement.scrollWidth") <= SCREENS[screen][0]
    )
    links = browser.execute_script(
        "return [...document.querySelectorAll('a[href^=\"webcal://\"]')].map(a => a.href)"
    )
    assert f"webcal://127.0.0.1:{server.port}/jinshan/plan.ics" in links


def test_the_console_check_sees_an_error_when_there_is_one(
    browser: WebDriver, tmp_path: Path
) -> None:
    page = tmp_path / "broken.html"
    page.write_text(
        "<!DOCTYPE html><title>x</title><p>x</p>"
        '<img src="missing.png" alt=""><script>console.error("boom")</script>',
        encoding="utf-8",
    )
    logs = load(browser, page.as_uri(), "desktop")
    messages = " ".join(str(entry.get("message")) for entry in errors(logs))
    assert "boom" in messages
    assert "missing.png" in messages
