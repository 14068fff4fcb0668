"""Every word the command line prints is in the reader's language, argparse's own included."""

from __future__ import annotations

import argparse
import ast
import contextlib
import importlib
import inspect
import io
import re

import pytest

from commedu._messages import LANGS, Lang
from commedu.cli import COMMANDS, EXIT_USAGE, main
from commedu.cli._i18n import ARGPARSE_ZH, argparse_speaks, language, translate
from commedu.compliance.engine import rules
from commedu.datafile.profile import BUILTIN_PROFILES

#: Words that are names, not English: programs, variables, formats, the plan's own codes.
NAMES = {
    "commedu",
    "COMMEDU_LANG",
    "NO_COLOR",
    "LANG",
    "iCalendar",
    "Word",  # Microsoft Word, the program whose documents commedu import reads
    "TOML",
    "JSON",
    "RRULE",
    "ALL",
    "CE303",
    "CE3",
    "CE301",
    "SOURCE_DATE_EPOCH",
    "DTSTAMP",
    "ISO8601",
    "shandong-township",
    "national-demonstration",
}
#: What the walk below passes as bad values; echoed back, they are the user's words.
BAD = {"frobnicate", "fr", "zz-bad", "x", "bogus"}


def argparse_messages() -> set[str]:
    """Every message id the running Python's argparse looks up through ``_`` or ``ngettext``."""
    tree = ast.parse(inspect.getsource(argparse))
    found = set()
    for node in ast.walk(tree):
        called = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if called and node.func.id in ("_", "ngettext"):
            found |= {a.value for a in node.args if isinstance(a, ast.Constant)}
    return {m for m in found if isinstance(m, str)}


def test_the_catalogue_has_every_message_of_this_pythons_argparse() -> None:
    missing = argparse_messages() - set(ARGPARSE_ZH)
    assert not missing, f"argparse messages without Chinese: {sorted(missing)}"


def test_argparse_speaks_only_inside_and_is_restored_after_an_exit() -> None:
    parser_en = argparse.ArgumentParser(prog="p")
    with argparse_speaks("zh"):
        parser_zh = argparse.ArgumentParser(prog="p")
        assert parser_zh.format_usage().startswith("用法：")
        with pytest.raises(SystemExit):
            parser_zh.parse_args(["--nope"])
    assert parser_en.format_usage().startswith("usage: ")
    assert translate("expected one argument", "en") == "expected one argument"
    assert translate("expected one argument", "zh") == "需要一个值"


def _parser(name: str, lang: Lang) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(add_help=False)
    importlib.import_module(COMMANDS[name][0]).configure(parser, lang)
    return parser


def _walk(lang: Lang) -> list[list[str]]:
    """Every help page and a usage error of each kind for every option of every command."""
    runs = [["--help"], [], ["frobnicate"], ["--lang", lang, "--bogus"], ["--color", "zz-bad"]]
    for name in COMMANDS:
        runs += [[name, "--help"], [name], [name, "x", "--bogus"], [name, "--color"]]
        for action in _parser(name, lang)._actions:
            if not action.option_strings:
                continue
            option = action.option_strings[-1]
            if action.nargs != 0:
                runs.append([name, "x", option])
                runs.append([name, option, "zz-bad"])
    return [["--lang", lang, *run] for run in runs]


def _english_words(text: str, allowed: set[str]) -> set[str]:
    word = r"(?<![-\w.])[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*(?![\w-]|\.\w)"
    text = re.sub(r"\b[a-z][a-z0-9+.-]*://\S*", " ", text)  # an address or scheme is not English
    words = set(re.findall(word, text))
    code = re.compile(r"[A-Z]{1,4}[0-9]{1,3}x*")  # a rule code or family: CE213, CE5xx
    return {w for w in words if w not in allowed and not w.isupper() and not code.fullmatch(w)}


def _allowed() -> set[str]:
    allowed = NAMES | BAD | set(COMMANDS) | {r.name for r in rules()}
    for name in COMMANDS:
        for action in _parser(name, "zh")._actions:
            allowed |= {str(c) for c in action.choices or ()}
            if action.metavar:
                allowed |= set(re.findall(r"[A-Za-z]\w*", str(action.metavar)))
    for profile in BUILTIN_PROFILES:  # names, which help text may wrap at a hyphen
        parts = profile.split("-")
        allowed |= {"-".join(parts[i:]) for i in range(len(parts))}
    return allowed | {"zh", "en", "auto", "always", "never"}


@pytest.fixture(scope="module")
def outputs() -> dict[Lang, list[tuple[list[str], str]]]:
    found: dict[Lang, list[tuple[list[str], str]]] = {}
    for lang in LANGS:
        found[lang] = []
        for argv in _walk(lang):
            found[lang].append((argv, _run(argv)))
    return found


def _run(argv: list[str]) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code  # type: ignore[assignment]
    assert code in (0, EXIT_USAGE, None), f"{argv}: exit {code}"
    return out.getvalue() + err.getvalue()


def test_the_walk_meets_every_kind_of_usage_error_in_english(
    outputs: dict[Lang, list[tuple[list[str], str]]],
) -> None:
    everything = "\n".join(text for _, text in outputs["en"])
    for phrase in (
        "usage: ",
        "options:",
        "positional arguments:",
        "show this help message and exit",
        "the following arguments are required",
        "unrecognized arguments",
        "invalid choice",
        "expected one argument",
        "unknown command",
        "no command given",
    ):
        assert phrase in everything


def test_no_english_is_left_in_chinese(outputs: dict[Lang, list[tuple[list[str], str]]]) -> None:
    allowed = _allowed()
    for argv, text in outputs["zh"]:
        assert text.strip(), argv
        assert not _english_words(text, allowed), f"commedu {' '.join(argv)}:\n{text}"


def test_the_english_check_would_notice_english() -> None:
    assert _english_words("用法：commedu validate FILE", _allowed()) == set()
    assert _english_words("错误：expected one argument", _allowed()) == {
        "expected",
        "one",
        "argument",
    }


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8", "COMMEDU_LANG": "en"}, "en"),
        ({"LANG": "en_US.UTF-8", "COMMEDU_LANG": "zh_CN"}, "zh"),
        ({"COMMEDU_LANG": "zh-Hans"}, "zh"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US"}, "zh"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US"}, "zh"),
        ({"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh"),
    ],
)
def test_the_language_follows_commedu_lang_then_the_locale(
    environ: dict[str, str], lang: str
) -> None:
    assert language(environ) == (lang, None)


@pytest.mark.parametrize(("locale", "lang"), [("zh_CN.UTF-8", "zh"), ("en_US.UTF-8", "en")])
def test_an_unsupported_commedu_lang_is_reported_and_the_locale_used(
    locale: str, lang: str
) -> None:
    chosen, warning = language({"COMMEDU_LANG": "fr_FR", "LANG": locale})
    assert chosen == lang
    assert warning is not None
    assert "'fr_FR'" in warning
    assert warning.endswith(lang)


def test_the_warning_reaches_stderr_and_the_command_still_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COMMEDU_LANG", "klingon")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert main(["rules", "CE302"]) == 0
    captured = capsys.readouterr()
    assert "COMMEDU_LANG='klingon'" in captured.err
    assert "每项工作都有责任部门" in captured.out


def test_an_explicit_lang_needs_no_warning(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COMMEDU_LANG", "klingon")
    assert main(["--lang", "en", "rules", "CE302"]) == 0
    assert capsys.readouterr().err == ""


def test_chinese_usage_lines_up_under_its_wider_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    from commedu.cli._term import display_width

    main(["--lang", "zh", "ics"])
    usage = capsys.readouterr().err.split("\n")
    first = usage[0]
    column = display_width(first[: first.index("[")])  # where the first option starts
    continued = [line for line in usage[1:] if line.startswith(" ")]
    assert continued
    assert all(len(line) - len(line.lstrip()) == column for line in continued)
