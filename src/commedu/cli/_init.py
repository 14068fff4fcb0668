"""``commedu init``: write a commented starter plan that validates as written."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

from commedu._atomic import write_bytes
from commedu._messages import Lang, render
from commedu.cli import EXIT_OK, write_file
from commedu.cli._streams import to_stdout, write_stdout
from commedu.cli._types import path
from commedu.datafile.starter import starter_plan
from commedu.model.places import UnitKind


def _year(lang: Lang) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            year = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(render("not-a-year", lang, value=text)) from None
        if not 1900 <= year <= 2999:
            raise argparse.ArgumentTypeError(render("not-a-year", lang, value=text))
        return year

    return parse


def _township(lang: Lang) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError(render("empty-text", lang))
        return text

    return parse


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "--township",
        required=True,
        type=_township(lang),
        metavar="NAME",
        help=render("cli-township", lang),
    )
    parser.add_argument(
        "--year", required=True, type=_year(lang), metavar="YEAR", help=render("cli-year", lang)
    )
    parser.add_argument(
        "-o", "--output", required=True, type=path, metavar="FILE", help=render("cli-output", lang)
    )
    parser.add_argument(
        "--kind",
        # the kinds the starter has a template for
        choices=[k.value for k in (UnitKind.TOWN, UnitKind.SUBDISTRICT, UnitKind.COMMUNITY)],
        default=UnitKind.TOWN.value,
        help=render("cli-kind", lang),
    )
    parser.add_argument("--force", action="store_true", help=render("cli-force", lang))


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    path = Path(args.output)
    name = os.fspath(path)
    if to_stdout(args.output):  # the check it suggests names a file, never -
        write_stdout(starter_plan(args.township, args.year, kind=UnitKind(args.kind)).encode())
        return EXIT_OK
    text = starter_plan(args.township, args.year, path.name, UnitKind(args.kind))
    data = text.encode("utf-8")
    failed = write_file(lambda: write_bytes(path, data, overwrite=args.force), name, "init", lang)
    if failed is not None:
        return failed
    print(render("cli-written", lang, file=name))
    return EXIT_OK
