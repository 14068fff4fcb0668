"""The command line in the reader's language, argparse's own words included.

argparse looks up every word it prints ("usage: ", "options", "expected one argument"…) at the
moment it prints it, through the module-level gettext hooks ``argparse._`` and
``argparse.ngettext``. :func:`argparse_speaks` points those hooks at a catalogue keyed by
argparse's own message ids for the length of one command run and restores them after: no
subclass overriding private methods that change between Python versions, no ``.mo`` files to
build, and no change to the process's gettext domain. ``tests/test_cli_i18n.py`` reads the
running argparse's source and fails if any of its messages is missing here.

Any command module can use :func:`language` and :func:`option_error`; the runner wraps every
command in :func:`argparse_speaks`, so a command's own parser needs nothing more.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from commedu._messages import LANGS, Lang

__all__ = [
    "ARGPARSE_ZH",
    "argparse_speaks",
    "formatter",
    "language",
    "option_error",
    "translate",
]

#: argparse's message ids -> Chinese. Plural forms are keyed by the plural id.
ARGPARSE_ZH: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示帮助并退出",
    "show program's version number and exit": "显示版本并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s：警告：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "必须给出以下参数之一：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "ambiguous option: %(option)s could match %(matches)s": "有歧义的选项：%(option)s 可能是 %(matches)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的取值：%(value)r（可选：%(choices)s）",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)": (
        "无效的取值：%(value)r，是否想写 %(closest)r？（可选：%(choices)s）"
    ),
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "忽略了显式给出的值 %r",
    "unexpected option string: %s": "意外的选项：%s",
    "can't open '%(filename)s': %(error)s": "无法打开 “%(filename)s”：%(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知命令 %(parser_name)r（可选：%(choices)s）",
    "option %(option)r is deprecated": "选项 %(option)r 已弃用",
    "argument %(argument_name)r is deprecated": "参数 %(argument_name)r 已弃用",
    "command %(parser_name)r is deprecated": "命令 %(parser_name)r 已弃用",
    # Mistakes in a program's own parser, not in how it is called: never reached by a user.
    "conflicting option string: %s": "选项冲突：%s",
    "conflicting option strings: %s": "选项冲突：%s",
    "conflicting subparser: %s": "子命令冲突：%s",
    "conflicting subparser alias: %s": "子命令别名冲突：%s",
    ".__call__() not defined": ".__call__() 未定义",
    "'required' is an invalid argument for positionals": "位置参数不能使用 “required”",
    "mutually exclusive arguments must be optional": "互斥的参数必须是选项",
    "%r is not callable": "%r 不可调用",
    "cannot merge actions - two groups are named %r": "无法合并：有两个组都叫 %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r": (
        "无效的选项 %(option)r：必须以 %(prefix_chars)r 中的字符开头"
    ),
    "dest= is required for options like %r": "像 %r 这样的选项需要 dest=",
    "invalid conflict_resolution value: %r": "无效的 conflict_resolution 值：%r",
    "cannot have multiple subparser arguments": "不能有多组子命令",
    'argument "-" with mode %r': "模式为 %r 的参数 “-”",
}

_CATALOGUES: Mapping[Lang, Mapping[str, str]] = {"en": {}, "zh": ARGPARSE_ZH}


def translate(message: str, lang: Lang) -> str:
    """One of argparse's messages in ``lang``, for a command that reports in argparse's words."""
    return _CATALOGUES[lang].get(message, message)


_HEADING = re.compile(r"^(\S[^\n]*):$", re.MULTILINE)


def formatter(lang: Lang, *, raw: bool = False) -> type[argparse.HelpFormatter]:
    """The help formatter for ``lang``: in Chinese a heading ends in a full-width colon, and
    usage's later lines line up under a prefix that is wider than its length.

    argparse appends an ASCII colon to each section heading outside its message catalogue.
    """
    base = argparse.RawDescriptionHelpFormatter if raw else argparse.HelpFormatter
    if lang == "en":
        return base

    class Formatter(base):  # type: ignore[valid-type,misc]
        def format_help(self) -> str:
            return _HEADING.sub(r"\1：", super().format_help())

        def _format_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any) -> str:
            # argparse indents usage's later lines by len("用法："), but it is twice as wide.
            from commedu.cli._term import display_width  # only when usage is shown

            text: str = super()._format_usage(usage, actions, groups, prefix)
            said = translate("usage: ", lang) if prefix is None else prefix
            extra = " " * (display_width(said) - len(said))
            first, *rest = text.split("\n")
            return "\n".join([first, *(extra + line if line.strip() else line for line in rest)])

    return Formatter


@contextmanager
def argparse_speaks(lang: Lang) -> Iterator[None]:
    """While inside, argparse prints its own words in ``lang``."""
    catalogue = _CATALOGUES[lang]

    def gettext(message: str) -> str:
        return catalogue.get(message, message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    hooks: dict[str, Callable[..., str]] = {"_": gettext, "ngettext": ngettext}
    saved = {name: getattr(argparse, name) for name in hooks}
    for name, hook in hooks.items():
        setattr(argparse, name, hook)
    try:
        yield
    finally:
        for name, hook in saved.items():
            setattr(argparse, name, hook)


def _lang_of(value: str) -> Lang | None:
    """``zh``, ``zh_CN.UTF-8``, ``zh-Hans`` -> zh; ``en_US`` -> en; ``C`` or ``fr`` -> None."""
    head = value.replace("-", "_").partition("_")[0].partition(".")[0].lower()
    return head if head in LANGS else None


def language(environ: Mapping[str, str]) -> tuple[Lang, str | None]:
    """The language to speak without ``--lang``, and a warning if ``COMMEDU_LANG`` is unusable.

    ``COMMEDU_LANG`` wins; then the locale in POSIX order (``LC_ALL``, ``LC_MESSAGES``,
    ``LANG``): Chinese when it is a Chinese locale, else English. An unsupported
    ``COMMEDU_LANG`` is not silently ignored: the caller prints the warning and goes on with
    the locale's language, since a misspelt variable should not stop a clerk's work.
    """
    locale_lang: Lang = "en"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(name):
            locale_lang = "zh" if _lang_of(environ[name]) == "zh" else "en"
            break
    chosen = environ.get("COMMEDU_LANG", "")
    if not chosen:
        return locale_lang, None
    lang = _lang_of(chosen)
    if lang is not None:
        return lang, None
    warning = {
        "en": "COMMEDU_LANG={value!r} is not a language commedu speaks (zh, en); using en",
        "zh": "COMMEDU_LANG={value!r} 不是 commedu 支持的语言（zh、en）；改用 zh",
    }[locale_lang].format(value=chosen)
    return locale_lang, warning


def option_error(option: str, value: object, message: str) -> str:
    """A problem with a command-line option, named by the option and the value given to it."""
    return f"{option} {value}: {message}"
