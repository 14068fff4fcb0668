"""The pages on paper, as headless Chromium prints them: A4, the month grid landscape and whole."""

from __future__ import annotations

import base64
import re
from pathlib import Path

from selenium.webdriver.remote.webdriver import WebDriver

from commedu import Plan, load_ledger, write_glance
from commedu.report.district import district_html
from commedu.report.inspection import inspect
from commedu.report.render import to_html
from tests.conftest import EXAMPLES
from tests.test_web_browser import browser  # noqa: F401  (the fixture; skips without Chromium)

#: A4 in PostScript points, upright and on its side.
PORTRAIT, LANDSCAPE = (595, 842), (842, 595)
#: The printable width of a landscape A4 page at 96 pixels to the inch: 297 mm less 2 x 12 mm.
LANDSCAPE_WIDTH = round((297 - 24) / 25.4 * 96)


def printed(driver: WebDriver, page: Path) -> list[tuple[int, int]]:
    """The sizes of the pages Chromium prints ``page`` on, as the page's own style asks."""
    driver.get(page.as_uri())
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
    data = base64.b64decode(pdf["data"])
    boxes = re.findall(rb"/MediaBox\s*\[\s*[\d.]+\s+[\d.]+\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    return [(round(float(w)), round(float(h))) for w, h in boxes]


def test_the_glance_page_prints_on_a4_with_the_grid_on_landscape_pages(
    browser: WebDriver,  # noqa: F811
    jinshan: Plan,
    tmp_path: Path,
) -> None:
    page = write_glance(jinshan, tmp_path / "glance.html")
    sizes = printed(browser, page)
    assert set(sizes) == {PORTRAIT, LANDSCAPE}
    # The header, then the grid on its own landscape pages, then the check upright again.
    assert sizes[0] == PORTRAIT
    assert sizes[-1] == PORTRAIT
    assert LANDSCAPE in sizes[1:-1]


def test_the_reports_print_on_upright_a4(browser: WebDriver, jinshan: Plan, tmp_path: Path) -> None:  # noqa: F811
    report = inspect(jinshan, load_ledger(EXAMPLES / "jinshan_2021_ledger.toml", jinshan))
    for name, source in (
        ("report", to_html(report, "zh")),
        ("district", district_html([report], "en")),
    ):
        page = tmp_path / f"{name}.html"
        page.write_text(source, "utf-8")
        assert set(printed(browser, page)) == {PORTRAIT}, name


def test_no_column_of_the_grid_is_cut_off_on_paper(
    browser: WebDriver,  # noqa: F811
    jinshan: Plan,
    tmp_path: Path,
) -> None:
    page = write_glance(jinshan, tmp_path / "glance.html")
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": LANDSCAPE_WIDTH, "height": 700, "deviceScaleFactor": 1, "mobile": False},
    )
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        browser.get(page.as_uri())
        grid = browser.execute_script(
            "const t = document.querySelector('table.grid');"
            "const last = t.querySelector('thead th:last-child').getBoundingClientRect();"
            "return [t.getBoundingClientRect().right, last.right, t.scrollWidth, t.clientWidth,"
            " getComputedStyle(t.tHead).display]"
        )
        right, last_column, scroll_width, client_width, head = grid
        assert right <= LANDSCAPE_WIDTH
        assert last_column <= LANDSCAPE_WIDTH
        assert scroll_width <= client_width
        assert head == "table-header-group"  # repeated at the top of every printed page
        hint = browser.execute_script(
            "return getComputedStyle(document.querySelector('p.screen')).display"
        )
        assert hint == "none"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
