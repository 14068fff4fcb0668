"""``commedu serve DIR``: serve every plan in a folder as live calendar feeds, with waitress."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from commedu._messages import Lang, os_reason, render
from commedu.cli import EXIT_OK, EXIT_USAGE, read_profile
from commedu.cli._types import path
from commedu.errors import ExportError
from commedu.model.profile import Profile
from commedu.web.serving import CONNECTION_LIMIT, IDLE_TIMEOUT

if TYPE_CHECKING:
    from commedu.web.folder import PlanFolder

DEFAULT_PORT = 8080


def _port(lang: Lang) -> Callable[[str], int]:
    def parse(text: str) -> int:
        if text.isdecimal() and 0 <= int(text) <= 65535:
            return int(text)
        raise argparse.ArgumentTypeError(render("cli-serve-bad-port", lang, value=text))

    return parse


#: More connections than this would run out of file descriptors on a common system.
_MOST_CONNECTIONS = 10_000


def _connection_limit(lang: Lang) -> Callable[[str], int]:
    def parse(text: str) -> int:
        if text.isdecimal() and 1 <= int(text) <= _MOST_CONNECTIONS:
            return int(text)
        raise argparse.ArgumentTypeError(
            render("cli-serve-bad-connection-limit", lang, value=text, most=_MOST_CONNECTIONS)
        )

    return parse


def _base_url(lang: Lang) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text.startswith(("http://", "https://")) and len(text.partition("://")[2]) > 0:
            return text
        raise argparse.ArgumentTypeError(render("cli-serve-bad-base-url", lang, value=text))

    return parse


def _url(host: object, port: object) -> str:
    shown = f"[{host}]" if ":" in str(host) else host
    return f"http://{shown}:{port}/"


def _say_same_ids(folder: PlanFolder, lang: Lang) -> None:
    """Say once, at start, which plan files share an id: only the first of them is served.

    Reading every plan now also means the first file by name claims its id, so the file this
    names as served is the one the feeds serve, whichever a client asks for first.
    """
    for file in folder.files():
        for problem in folder.version(file).problems:
            if problem.code == "serve-same-id":
                message = render("cli-serve-same-id", lang, **problem.params)
                print(f"commedu serve: {message}", file=sys.stderr, flush=True)


def configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("folder", type=path, metavar="DIR", help=render("cli-serve-folder", lang))
    parser.add_argument(
        "--host", default="127.0.0.1", metavar="ADDRESS", help=render("cli-serve-host", lang)
    )
    parser.add_argument(
        "--port",
        type=_port(lang),
        default=DEFAULT_PORT,
        metavar="N",
        help=render("cli-serve-port", lang),
    )
    parser.add_argument(
        "--base-url", type=_base_url(lang), metavar="URL", help=render("cli-serve-base-url", lang)
    )
    parser.add_argument(
        "--profile", type=path, metavar="NAME|FILE", help=render("cli-check-profile", lang)
    )
    parser.add_argument(
        "--connection-limit",
        type=_connection_limit(lang),
        default=None,
        metavar="N",
        help=render(
            "cli-serve-connection-limit", lang, default=CONNECTION_LIMIT, idle=IDLE_TIMEOUT
        ),
    )


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    # waitress is loaded here only: no other command pays for it.
    from waitress import wasyncore

    from commedu.web.app import FeedServer
    from commedu.web.folder import STORE
    from commedu.web.serving import create

    profile: Profile | None = None
    if args.profile is not None:
        chosen = read_profile(args.profile, "serve", lang)
        if isinstance(chosen, int):
            return chosen
        profile = chosen
    try:
        app = FeedServer(
            args.folder,
            lang=lang if args.lang_given else None,
            base_url=args.base_url,
            profile=profile,
        )
    except OSError:
        message = render("cli-serve-not-a-folder", lang, value=args.folder)
        print(f"commedu serve: {message}", file=sys.stderr)
        return EXIT_USAGE
    except ExportError as error:
        reason = "; ".join(str(p.params.get("reason", p.message(lang))) for p in error.problems)
        store = os.path.join(args.folder, STORE)
        message = render("cli-serve-no-store", lang, file=store, reason=reason)
        print(f"commedu serve: {message}", file=sys.stderr)
        return EXIT_USAGE
    _say_same_ids(app.folder, lang)
    # waitress registers its sockets in this map, so they are closed however it ends, even when
    # listening fails half-way.
    sockets: dict[int, Any] = {}
    try:
        limit = args.connection_limit or CONNECTION_LIMIT
        server = create(
            app, host=args.host, port=args.port, sockets=sockets, connection_limit=limit
        )
    except (OSError, ValueError) as error:
        wasyncore.close_all(sockets)
        reason = os_reason(error) if isinstance(error, OSError) else str(error)
        message = render(
            "cli-serve-cannot-listen", lang, host=args.host, port=args.port, reason=reason
        )
        print(f"commedu serve: {message}", file=sys.stderr)
        return EXIT_USAGE
    # One socket gives a server with its address; a name such as "localhost" may give several.
    listening = getattr(server, "effective_listen", None) or [
        (server.effective_host, server.effective_port)
    ]
    urls = ", ".join(_url(host, port) for host, port in listening)
    print(render("cli-serve-listening", lang, folder=os.fspath(args.folder), url=urls), flush=True)
    try:
        server.run()
    finally:
        wasyncore.close_all(sockets)
    print(render("cli-serve-stopped", lang), flush=True)
    return EXIT_OK
