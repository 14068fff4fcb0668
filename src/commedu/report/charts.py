"""Charts where people would rather look than read: completion as SVG inside the page, no script.

The charts are drawn by pygal, a well-kept charting library that writes SVG, and then cleaned
for a page whose security policy allows no script and no outside file: pygal's scripts
(tooltips), comments (one carries the day it was drawn) and anything that could run or load
are taken out, and the chart's id (which pygal makes random) is the caller's. So the same
figures give the same bytes, and the chart shows the same with scripts off, saved, mailed or
printed.

A page carries a chart inside itself as a ``data:`` image (:func:`as_image`), which its policy
allows: an SVG shown as an image can run nothing and load nothing, and its style sheet cannot
reach the page's (nor the page's it). Every chart stands beside a table with the same numbers:
a chart helps the eye, the table is what a reader quotes and what a screen reader reads.
"""

from __future__ import annotations

import base64
import re
import sys
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

__all__ = ["MAX_GROUPS", "Bars", "as_image", "bars_svg"]

#: The most groups a chart draws; a bigger table is read, not looked at.
MAX_GROUPS = 60

#: A series: its name, and one value per group.
Bars = tuple[str, Sequence[int]]

_ID = re.compile(r"[a-z][a-z0-9-]{0,40}")

# The page's own fonts and ink (see commedu._page.STYLE); colour only helps the eye, the legend
# and the table say what each bar is.
_FONTS = (
    'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", '
    '"Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif'
)
_COLOURS = ("#9a9a94", "#1f5f8b", "#b35c1e", "#3d7a3d")


def _pygal() -> Any:
    """pygal, without the import hook it adds for its map plugins.

    Importing pygal appends a finder of the old kind to ``sys.meta_path`` so that
    ``pygal.maps.*`` plugins import; every import that fails anywhere in the process then
    reaches it and warns that the finder is outdated. We draw no maps: the hook is taken out.
    """
    import pygal

    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, pygal.PluginImportFixer)]
    return pygal


def _style() -> object:
    _pygal()
    from pygal.style import Style

    return Style(
        background="#ffffff",
        plot_background="#ffffff",
        foreground="#1b1b1b",
        foreground_strong="#1b1b1b",
        foreground_subtle="#8a8a8a",
        opacity="1",
        opacity_hover="1",
        transition="none",
        colors=_COLOURS,
        font_family=_FONTS,
        label_font_size=12,
        major_label_font_size=12,
        legend_font_size=13,
        title_font_size=15,
        value_font_size=11,
    )


def _clean(root: object) -> None:
    """Take out of pygal's tree what a page without script must not carry, or would vary."""
    from lxml import etree

    assert isinstance(root, etree._Element)
    svg = "{http://www.w3.org/2000/svg}"
    etree.strip_elements(
        root,
        f"{svg}script",
        f"{svg}foreignObject",
        "script",
        etree.Comment,
        etree.ProcessingInstruction,
        with_tail=False,
    )
    for node in root.iter():
        for name in list(node.attrib):
            local = etree.QName(name).localname.lower()
            if local.startswith("on") or local == "href":
                del node.attrib[name]


def bars_svg(
    key: str,
    title: str,
    groups: Sequence[str],
    series: Sequence[Bars],
    *,
    horizontal: bool = False,
) -> str:
    """A bar chart of ``series`` over ``groups`` as an SVG document with nothing that runs.

    ``key`` names the chart on its page (its id is ``chart-KEY``, which scopes its style), so two
    charts on one page never style each other and the same call gives the same bytes.
    """
    from lxml import etree

    pygal = _pygal()
    if not _ID.fullmatch(key):
        raise ValueError(f"a chart's key is lowercase letters, digits and '-': {key!r}")
    if len(groups) > MAX_GROUPS:
        raise ValueError(f"a chart draws at most {MAX_GROUPS} groups, not {len(groups)}")
    for name, values in series:
        if len(values) != len(groups):
            raise ValueError(f"series {name!r} has {len(values)} values for {len(groups)} groups")
    kind = pygal.HorizontalBar if horizontal else pygal.Bar
    rows = max(len(groups), 1)
    top = max((max(values, default=0) for _, values in series), default=0)
    step = max(1, -(-top // 5))  # whole numbers: a count has no 0.2
    # pygal measures labels by Latin letters; a Chinese character is about twice as wide.
    longest = max((sum(2 if ord(ch) > 0x2E80 else 1 for ch in g) for g in groups), default=0)
    chart = kind(
        style=_style(),
        js=[],
        disable_xml_declaration=True,
        explicit_size=True,
        width=760,
        height=max(220, 80 + 44 * rows) if horizontal else 320,
        show_legend=True,
        legend_at_bottom=True,
        legend_at_bottom_columns=len(series) or 1,
        print_values=True,
        print_zeroes=False,
        truncate_label=-1,
        truncate_legend=-1,
        # labels that would run into each other under their bars are turned
        x_label_rotation=30 if not horizontal and 7 * longest > 660 / rows else 0,
        show_minor_x_labels=True,
        y_labels=list(range(0, top + step + 1, step)),
        margin_left=min(12 + 7 * longest, 320) if horizontal else 12,
    )
    chart.uuid = key
    # pygal stacks horizontal bars from the bottom: reversed, they read in the table's order.
    order = (lambda items: list(reversed(items))) if horizontal else list
    chart.x_labels = order(list(groups))
    for name, values in series:
        chart.add(name, order([int(v) for v in values]))
    root = chart.render_tree()
    _clean(root)
    # The title is the heading above the chart; the SVG carries it for a screen reader only.
    heading = root.find("{*}title")
    if heading is not None:
        heading.text = title
    root.attrib["role"] = "img"
    root.attrib["aria-label"] = title
    # lxml escapes every text and attribute it writes: a department's name stays text.
    return str(etree.tostring(root, encoding="unicode"))


def as_image(svg: str, alt: str) -> Markup:
    """``svg`` as an ``<img>`` a page carries inside itself, described by ``alt``."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return Markup('<img src="data:image/svg+xml;base64,%s" alt="%s">') % (data, alt)
