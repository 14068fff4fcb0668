"""Plan text reaches a terminal shown, never obeyed, and a Markdown report shown, never run."""

from __future__ import annotations

import io
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu import check
from commedu.cli import main
from commedu.cli._term import Style, visible, wrap
from commedu.compliance.builtin import example_plan

PLAN = (Path(__file__).parent / "plans" / "qiling_2021.toml").read_text("utf-8")
#: What a terminal obeys: C0 but tab and line feed, DEL, C1, bidirectional overrides.
OBEYED = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")
HOSTILE = "A\u009b2JB\u202eC\x7fD"


def _plan_titled(title: str) -> str:
    start = PLAN.index("[[schedule.activities]]")
    head, tail = PLAN[:start], PLAN[start:]
    line = next(line for line in tail.splitlines() if line.startswith("title = "))
    escaped = "".join(
        c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}" for c in title
    )
    return head + tail.replace(line, f'title = "{escaped}"', 1)


@given(st.text())
def test_visible_text_holds_nothing_a_terminal_obeys(text: str) -> None:
    shown = visible(text)
    assert not OBEYED.search(shown)
    assert visible(shown) == shown


@given(st.text(st.characters(exclude_categories=["Cc", "Cs", "Cf"])))
def test_visible_leaves_ordinary_text_alone(text: str) -> None:
    assert visible(text) == text


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("\x9b31m", "\\x9b31m"),
        ("a\u202eb", "a\\u202eb"),
        ("a\rb", "a\\rb"),
        ("a\r\nb", "a\r\nb"),
        ("a\tb\n", "a\tb\n"),
        ("\x00\x07\x7f", "\\x00\\x07\\x7f"),
    ],
)
def test_each_control_character_is_written_as_its_escape(raw: str, shown: str) -> None:
    assert visible(raw) == shown


def test_wrap_shows_plan_text_and_still_paints_its_own_colour() -> None:
    style = Style("always", io.StringIO())
    (line,) = wrap([("\x1b[2J标题", "fail")], 80, style)
    assert line == "\x1b[31m\\x1b[2J标题\x1b[0m"


def test_validate_shows_escape_sequences_from_the_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(_plan_titled(HOSTILE), "utf-8")
    assert main(["validate", "--color", "always", str(plan)]) == 0
    out = capsys.readouterr().out
    assert "A\\x9b2JB\\u202eC\\x7fD" in out
    assert not OBEYED.search(out.replace("\x1b[", ""))


@pytest.mark.parametrize("form", ["text", "markdown"])
def test_check_shows_escape_sequences_from_the_plan(
    form: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(_plan_titled(HOSTILE), "utf-8")
    main(["check", "--format", form, "--color", "never", str(plan)])
    out = capsys.readouterr().out
    assert "A\\x9b2JB\\u202eC\\x7fD" in out
    assert not OBEYED.search(out)


# No line break: a title is one line (tests/test_ical_stable.py).
_HTML = st.text(st.sampled_from("<>&\"'/| ascript中")).filter(str.strip)


@given(_HTML)
def test_markdown_carries_no_html_from_the_plan(text: str) -> None:
    plan = example_plan()
    activity = attrs.evolve(plan.activities[0], title=text.strip(), responsible=())
    schedule = attrs.evolve(plan.schedule, activities=(activity, *plan.activities[1:]))
    plan = attrs.evolve(plan, schedule=schedule)
    markdown = check(plan, "shandong-township").to_markdown("en")
    shown = text.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert shown.replace("|", "\\|").replace("\n", " ") in markdown  # the title is there
    assert "<" not in markdown
    assert ">" not in markdown
    assert not re.search(r"&(?!amp;|lt;|gt;)", markdown)


def test_markdown_shows_a_script_tag_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(_plan_titled("<script>alert(1)</script> & 讲座"), "utf-8")
    main(["check", "--format", "markdown", str(plan)])
    out = capsys.readouterr().out
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 讲座" in out
