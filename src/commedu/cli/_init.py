"""``commedu init``: write a commented starter plan that validates as written."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from commedu._messages import Lang, render
from commedu._starter import starter_plan
from commedu.cli import EXIT_OK, EXIT_USAGE


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(render("not-a-year", "en", value=text)) from None
    if not 1900 <= year <= 2999:
        raise argparse.ArgumentTypeError(render("not-a-year", "en", value=text))
    return year


def _township(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError(render("empty-text", "en"))
    return text


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "--township", required=True, type=_township, help=render("cli-township", lang)
    )
    parser.add_argument("--year", required=True, type=_year, help=render("cli-year", lang))
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE", help=render("cli-output", lang)
    )
    parser.add_argument("--force", action="store_true", help=render("cli-force", lang))


def write_atomically(path: Path, text: str, *, replace: bool) -> None:
    """Write ``text`` to ``path`` so that it is either whole or untouched, never half-written.

    Without ``replace`` an existing file is kept: the finished temporary file is hard-linked into
    place, which fails if the name is taken, so there is no window between checking and writing.
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            try:
                os.link(temporary, path)
            except FileExistsError:
                raise
            except OSError:  # a file system without hard links: check, then move into place
                if path.exists():
                    raise FileExistsError(path) from None
                os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    path = Path(args.output)
    name = os.fspath(path)
    text = starter_plan(args.township, args.year, path.name)
    try:
        write_atomically(path, text, replace=args.force)
    except FileExistsError:
        print(f"commedu: {render('cli-exists', lang, file=name)}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        print(
            f"commedu: {render('cli-cannot-write', lang, file=name, reason=reason)}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    print(render("cli-written", lang, file=name))
    return EXIT_OK
