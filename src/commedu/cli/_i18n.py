"""The command line in the reader's language, argparse's own words included.

argparse looks up every word it prints ("usage: ", "options", "expected one argument"…) at the
moment it prints it, through the module-level gettext hooks ``argparse._`` and
``argparse.ngettext``. :func:`argparse_speaks` points those hooks at a catalogue keyed by
argparse's own message ids for the length of one command run and restores them after: no
subclass overriding private methods that change between Python versions, no ``.mo`` files to
build, and no change to the process's gettext domain. The words themselves are in the message
catalogue (``argparse:`` entries); ``tests/test_cli_i18n.py`` reads the running argparse's source
and fails if any of its messages is missing there.

Any command module can use :func:`language` and :func:`option_error`; the runner wraps every
command in :func:`argparse_speaks`, so a command's own parser needs nothing more.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from commedu._messages import LANGS, MESSAGES, Lang, render

__all__ = [
    "ARGPARSE_ZH",
    "argparse_speaks",
    "formatter",
    "language",
    "option_error",
    "translate",
]

#: The prefix of argparse's words in the catalogue: ``argparse:`` and argparse's message id.
ARGPARSE = "argparse:"

#: argparse's message ids -> Chinese, read from the catalogue (plural forms keyed by the plural id).
ARGPARSE_ZH: Mapping[str, str] = {
    code.removeprefix(ARGPARSE): texts["zh"]
    for code, texts in MESSAGES.items()
    if code.startswith(ARGPARSE)
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
    return locale_lang, render("cli-bad-commedu-lang", locale_lang, value=chosen)


def option_error(option: str, value: object, message: str, lang: Lang = "en") -> str:
    """A problem with a command-line option, named by the option and the value given to it."""
    return render("cli-option-problem", lang, option=f"{option} {value}", message=message)
