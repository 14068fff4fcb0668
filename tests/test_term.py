"""Terminal text: colour only where it is wanted, wrapping that counts Chinese as two columns."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu.cli import main
from commedu.cli._term import Style, display_width, render_markdown, wrap, wrap_lines

ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


PLAIN = Style("never", io.StringIO())


@pytest.mark.parametrize(
    ("mode", "stream", "environ", "coloured"),
    [
        ("always", io.StringIO(), {}, True),
        ("never", Terminal(), {}, False),
        ("auto", Terminal(), {}, True),
        ("auto", io.StringIO(), {}, False),
        ("auto", Terminal(), {"NO_COLOR": "1"}, False),
        ("auto", Terminal(), {"NO_COLOR": ""}, True),
        ("auto", Terminal(), {"TERM": "dumb"}, False),
        ("always", io.StringIO(), {"NO_COLOR": "1"}, True),
    ],
)
def test_colour_only_on_a_terminal_unless_asked(
    mode: str, stream: io.StringIO, environ: dict[str, str], coloured: bool
) -> None:
    painted = Style(mode, stream, environ).paint("错误", "error")  # type: ignore[arg-type]
    assert (painted != "错误") == coloured
    assert ANSI.sub("", painted) == "错误"


def test_chinese_takes_two_columns() -> None:
    assert display_width("abc") == 3
    assert display_width("中文") == 4
    assert display_width("e\u0301") == 1


words = st.text(st.sampled_from("中文字abc xyz，。（）“”"), max_size=80)


@given(words, st.integers(min_value=8, max_value=40))
def test_wrapped_lines_fit_and_lose_nothing_but_spaces(text: str, width: int) -> None:
    lines = wrap(text, width, PLAIN, first="- ", rest="  ")
    for line in lines:
        # Only a line that cannot be broken (one word and its closing marks) may overflow.
        assert display_width(line) <= width or len(wrap(line[2:], 0, PLAIN)) == 1
    assert "".join(lines).replace(" ", "").replace("-", "", 1) == text.replace(" ", "")
    assert not any(line[2:3] in "，。）”" and line[2:3] for line in lines[1:])


def test_a_closing_mark_never_starts_a_line() -> None:
    assert wrap("aaa ”）", 8, PLAIN, first="- ", rest="  ") == ["- aaa ”）"]
    assert wrap("一二三四，五", 8, PLAIN) == ["一二三", "四，五"]


def test_wrap_lines_keeps_short_lines_and_indents_the_rest_of_long_ones() -> None:
    report = "short\n  " + "一二三四五六七八九十" * 3 + "\n"
    out = wrap_lines(report, 40, PLAIN).splitlines()
    assert out[0] == "short"
    assert all(display_width(line) <= 40 for line in out)
    assert out[2].startswith("    ")


def test_markdown_is_rendered_without_its_marks() -> None:
    page = "## CE1 `name`\n\nSome **bold** and *em* text, [a link](https://x.y).\n\n- one\n- two\n"
    page += "\n```\ncode block\n```\n"
    out = render_markdown(page, 60, PLAIN)
    assert out.splitlines()[:2] == ["CE1 name", "────────"]
    assert "Some bold and em text, a link (https://x.y)." in out
    assert "  • one\n  • two" in out
    assert "    code block" in out
    assert not re.search(r"[*`#]", out)
    coloured = render_markdown(page, 60, Style("always", io.StringIO()))
    assert "\x1b[1mbold\x1b[0m" in coloured
    assert ANSI.sub("", coloured) == out


def test_rules_list_is_coloured_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "CE30", "--color", "always"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[1;31merror\x1b[0m" in out
    assert main(["--color", "always", "rules", "CE30"]) == 0  # before the command name too
    assert "\x1b[1;31merror\x1b[0m" in capsys.readouterr().out
    assert main(["rules", "CE30", "--color", "auto"]) == 0  # captured: not a terminal
    assert "\x1b[" not in capsys.readouterr().out


def test_check_colours_a_failure_by_its_severity(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import EXAMPLES

    plan = str(EXAMPLES / "jinshan_2021.toml")
    main(["check", plan, "--color", "always"])
    out = capsys.readouterr().out
    assert "[\x1b[34minfo\x1b[0m] \x1b[34mfail\x1b[0m: " in out
    assert "[\x1b[1;31merror\x1b[0m] \x1b[32mpass\x1b[0m: " in out
    main(["check", plan])
    assert "\x1b[" not in capsys.readouterr().out
