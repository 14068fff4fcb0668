"""``commedu import DOCUMENT -o plan.toml``: a draft plan file from the township's own document."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from commedu._atomic import write_bytes
from commedu._messages import Lang, render
from commedu.cli import EXIT_OK, EXIT_USAGE, write_file
from commedu.cli._streams import to_stdout, write_stdout
from commedu.cli._types import path
from commedu.importer import DocumentError, import_document


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "document", type=path, metavar="DOCUMENT", help=render("cli-import-document", lang)
    )
    parser.add_argument(
        "-o", "--output", required=True, type=path, metavar="FILE", help=render("cli-output", lang)
    )
    parser.add_argument("--force", action="store_true", help=render("cli-force", lang))


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    try:
        draft = import_document(args.document)
    except DocumentError as error:
        print(f"commedu import: {args.document}: {error.describe(lang)}", file=sys.stderr)
        return EXIT_USAGE
    name = os.fspath(Path(args.output))
    data = draft.text.encode("utf-8")
    if to_stdout(args.output):  # the draft is the output; what to check goes to stderr
        write_stdout(data)
        for note in draft.notes:
            print(f"  {note.describe(lang)}", file=sys.stderr)
        return EXIT_OK
    failed = write_file(lambda: write_bytes(name, data, overwrite=args.force), name, "import", lang)
    if failed is not None:
        return failed
    for note in draft.notes:
        print(f"  {note.describe(lang)}")
    print(
        render(
            "cli-import-written",
            lang,
            file=name,
            activities=draft.activities,
            count=len(draft.notes),
        )
    )
    return EXIT_OK
