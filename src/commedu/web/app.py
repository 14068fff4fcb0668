"""The WSGI application: every plan in a folder as subscription feeds and pages.

Addresses (``KEY`` is a plan file's name without its extension)::

    /                              the list of feeds, with links to copy
    /KEY/                          the year at a glance
    /KEY/plan.ics                  the whole plan's calendar
    /KEY/department/ID.ics         one department's calendar (ID: the department's id)
    /KEY/station/ID.ics            one station's calendar

``?lang=zh`` or ``?lang=en`` chooses the language of the labels; the default is the one the
server was given, else the plan's own. Every answer is made whole before it is sent, carries an
ETag and, for a plan, Last-Modified, so a client polling an unchanged feed gets 304 Not Modified
(and one sending an If-Match that no longer holds gets 412 Precondition Failed).

A subscription never breaks: a department's or station's feed whose last item was removed is
still served (its items cancelled, then empty), and while a plan file that loaded before is not
a valid plan its feeds serve the last version that was, byte for byte, and its page says what
is wrong and since when. Only a plan that never loaded answers with an error page.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Iterable
from datetime import datetime, timedelta
from urllib.parse import parse_qs, quote
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

from commedu._messages import Lang, os_reason
from commedu._page import CSP
from commedu._typecheck import check_arguments
from commedu.calendar.cancelled import restored
from commedu.calendar.ics import ExportOptions, to_ics
from commedu.calendar.revisions import CANCELLED_FOR, Revisions
from commedu.model.plan import Plan
from commedu.model.profile import Profile
from commedu.web.feeds import Feed, find
from commedu.web.folder import PlanFile, PlanFolder, Version
from commedu.web.glance import glance_html
from commedu.web.http import CALENDAR, HTML, Ready, Response, etag_of, send
from commedu.web.pages import (
    Listed,
    broken_page,
    error_page,
    index_page,
    plan_address,
    problems_page,
)
from commedu.web.serving import AGAIN, ARRIVED
from commedu.web.subscribe import in_app_browser

__all__ = ["FeedServer", "make_app"]

#: Clients must ask again each time, cheaply: a 304 costs a few bytes.
_REVALIDATE = ("Cache-Control", "no-cache")
_NO_STORE = ("Cache-Control", "no-store")
_PAGE_HEADERS = (("Content-Security-Policy", CSP), ("Referrer-Policy", "no-referrer"))
#: A broken plan file is usually being edited: ask clients to come back, not to give up.
_RETRY = ("Retry-After", "60")
#: Feeds' answers kept ready by the request that asks for them (:func:`_hot_key`); past it, the
#: keys start again: a key is a few strings, and the answers are kept with their versions anyway.
_HOT_KEPT = 256
#: A feed's answer as kept for a request: the folder's listing and the plan file's name and
#: version it was made for, and the answer.
_Hot = tuple[tuple[PlanFile, ...], str, Version, Ready]
#: Host names a plan version's page or feed is kept for at once (each in each language and kind
#: of browser); a request naming yet another is answered with bytes made for it alone.
_PAGES_KEPT = 8


class FeedServer:
    """A WSGI application serving the plans in one folder."""

    def __init__(
        self,
        folder: str | os.PathLike[str],
        *,
        lang: Lang | None = None,
        base_url: str | None = None,
        cancelled_for: timedelta = CANCELLED_FOR,
        profile: Profile | None = None,
    ) -> None:
        self.folder = PlanFolder(folder, cancelled_for=cancelled_for)
        self.lang = lang
        self.profile = profile  #: checked against instead of each plan's own, where given
        self.base_url = None if base_url is None else base_url.rstrip("/") + "/"
        #: feeds' answers by what a request says that chooses them (see :func:`_hot_key`), with
        #: the folder's listing and the file's version they were made for
        self._hot: dict[tuple[object, ...], _Hot] = {}

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        arrived = environ.get(ARRIVED)
        again = environ.get(AGAIN) is True
        if type(arrived) is int:
            # A feed asked for again while looks already made vouch for its plan file: sent as
            # it was made ready, with no routing, no look and no formatting.
            key = _hot_key(environ)
            hot = self._hot.get(key)
            if hot is not None:
                listed, name, current, ready = hot
                if self.folder.unchanged(listed, name, current, arrived, again):
                    return send(environ, start_response, ready)
                self._hot.pop(key, None)
        else:
            arrived = None
        self.folder.arrive(arrived, again=again)
        try:
            response = self.respond(environ)
        except Exception:
            # Whatever went wrong stays with this request: the server and other plans go on.
            errors = environ.get("wsgi.errors") or sys.stderr
            errors.write(traceback.format_exc())
            root = _root(environ)
            body = error_page("internal", root)
            response = Response(500, body, headers=(_NO_STORE, *_PAGE_HEADERS))
        finally:
            self.folder.leave()
        return send(environ, start_response, response)

    # -- routing ----------------------------------------------------------------------------------

    def respond(self, environ: WSGIEnvironment) -> Response | Ready:
        root = _root(environ)
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return _error(405, "method", root, (("Allow", "GET, HEAD"),))
        query_string = environ.get("QUERY_STRING", "")
        asked = parse_qs(query_string).get("lang", [None])[-1] if query_string else None
        if asked not in (None, "zh", "en"):
            return _error(400, "bad-lang", root)
        lang: Lang | None = "zh" if asked == "zh" else "en" if asked == "en" else self.lang
        path = _path(environ)
        if path is None:
            return _error(404, "not-found", root)
        try:
            if path == "/":
                return self._index(environ, lang)
            key, slash, rest = path[1:].partition("/")
            listed = self.folder.files()
        except OSError as error:
            reason = os_reason(error)
            return _error(503, "folder", root, (_RETRY,), reason=reason)
        file = next((found for found in listed if found.key == key), None)
        if file is None:
            return _error(404, "not-found", root)
        if not slash:
            location = (
                root + quote(key, safe="") + "/" + (f"?{query_string}" if query_string else "")
            )
            return Response(301, b"", headers=(("Location", location), _NO_STORE))
        current = self.folder.version(file)
        version = current.served
        if version is None or version.plan is None:
            body = problems_page(file.name, current.problems, root)
            return Response(503, body, headers=(_NO_STORE, _RETRY, *_PAGE_HEADERS))
        plan = version.plan
        chosen = lang or plan.language
        if rest == "" and current is not version:
            # Broken since it last loaded: its feeds go on; its page says what is wrong.
            problems, since = current.problems, current.since
            body = broken_page(file.name, problems, since, version.modified, root, chosen)
            return Response(200, body, headers=(_NO_STORE, *_PAGE_HEADERS))
        if rest == "":
            seen = self.folder.ledger(file, plan)
            # The feeds' full addresses and QR codes: the public address where the server was
            # told it, else the one this request came to, as the list of feeds does. A page per
            # host name is kept, a few at most; an app's own browser is told to leave it.
            at = (self.base_url or _root(environ, absolute=True)) + plan_address(file)
            in_app = in_app_browser(str(environ.get("HTTP_USER_AGENT", "")))
            shown = ("page", chosen, "in-app" if in_app else "")
            if seen is None:
                page = version.build(
                    (*shown, at),
                    lambda: glance_html(
                        plan, lang=chosen, profile=self.profile, feeds_url=at, in_app=in_app
                    ),
                    kin=_PAGES_KEPT,
                )
                return _ok(page, HTML, version.modified, _PAGE_HEADERS)
            page = version.build(
                (*shown, "ledger", at),
                lambda: glance_html(
                    plan,
                    lang=chosen,
                    ledger=seen.ledger,
                    profile=self.profile,
                    feeds_url=at,
                    in_app=in_app,
                ),
                tag=seen.digest,
                kin=_PAGES_KEPT,
            )
            return _ok(page, HTML, max(version.modified, seen.modified), _PAGE_HEADERS)
        # A feed's answer is the same until the plan changes: kept, ready to send, with its version.
        # Its items link to the plan's page: at the public address where the server was told it,
        # else at the one this request came to (a few host names are kept, as for pages).
        page_url = (self.base_url or _root(environ, absolute=True)) + plan_address(file)
        ready = version.answers.get((rest, chosen, page_url))
        if ready is not None:
            self._keep(environ, listed, file.name, current, ready)
            return ready
        feed = find(plan, rest)
        if feed is None and isinstance(version.revisions, Revisions):
            # A department or station that went with its last activities: its subscribers
            # get them cancelled, until they go.
            plan = restored(plan, version.revisions.cancelled)
            feed = find(plan, rest)
        if feed is None:
            return _error(404, "not-found", root)
        built = ("feed", rest, chosen, page_url)
        body = version.build(
            built, lambda: _calendar(plan, version, feed, chosen, page_url), kin=_PAGES_KEPT
        )
        headers = (("Content-Disposition", _disposition(feed)),)
        ready = Ready.of(_ok(body, CALENDAR, version.modified, headers))
        if built in version.built:  # kept: so is its answer
            version.answers[(rest, chosen, page_url)] = ready
            self._keep(environ, listed, file.name, current, ready)
        return ready

    def _keep(
        self,
        environ: WSGIEnvironment,
        listed: tuple[PlanFile, ...],
        name: str,
        current: Version,
        ready: Ready,
    ) -> None:
        """Keep a feed's answer for the request's key, while ``current`` is the file's version."""
        hot = self._hot
        if len(hot) >= _HOT_KEPT:
            hot.clear()  # many keys, as a crawler of query strings makes: start again
        # what was kept for an earlier version of the file goes: only one is served
        for key, (_, kept, version, _) in list(hot.items()):
            if kept == name and version is not current:
                hot.pop(key, None)
        hot[_hot_key(environ)] = (listed, name, current, ready)

    def _index(self, environ: WSGIEnvironment, lang: Lang | None) -> Response:
        listed = []
        for file in self.folder.files():
            current = self.folder.version(file)
            served = current.served
            if served is None or current is served:
                listed.append(Listed(file, current.plan))
            else:
                listed.append(Listed(file, served.plan, current.problems, current.since))
        plans = [entry.plan for entry in listed if entry.plan is not None]
        chosen: Lang = lang or ("zh" if any(p.language == "zh" for p in plans) else "en")
        base = self.base_url or _root(environ, absolute=True)
        in_app = in_app_browser(str(environ.get("HTTP_USER_AGENT", "")))
        body = index_page(listed, base, chosen, in_app=in_app)
        return _ok(body, HTML, None, _PAGE_HEADERS)


def make_app(
    folder: str | os.PathLike[str],
    *,
    lang: Lang | None = None,
    base_url: str | None = None,
    cancelled_for: timedelta = CANCELLED_FOR,
    profile: Profile | None = None,
) -> WSGIApplication:
    """A WSGI application serving every plan file in ``folder`` as feeds and pages.

    ``lang`` fixes the language of labels (default: each plan's own); ``base_url`` is the public
    address the list of feeds links to, for a server behind a proxy (default: the address each
    request came to); ``profile`` is the standard each page checks its plan against (default:
    the one each plan names). Run it with any WSGI server, e.g. ``waitress.serve(make_app("plans"))``.

    Each item's SEQUENCE and LAST-MODIFIED are kept in ``.commedu-revisions.sqlite`` in the
    folder; a removed activity stays in the feeds that held it, cancelled, for ``cancelled_for``
    (default 30 days). Raises :class:`NotADirectoryError` if ``folder`` is not a folder and
    :class:`~commedu.errors.ExportError` if that file cannot be opened or written.
    """
    check_arguments(
        make_app,
        folder=folder,
        lang=lang,
        base_url=base_url,
        cancelled_for=cancelled_for,
        profile=profile,
    )
    return FeedServer(
        folder, lang=lang, base_url=base_url, cancelled_for=cancelled_for, profile=profile
    )


def _calendar(plan: Plan, version: Version, feed: Feed, lang: Lang, page_url: str) -> bytes:
    options: ExportOptions = {
        "lang": lang,
        "stamp": version.modified,
        "revisions": version.revisions,
        "page_url": page_url,  # every item links to the plan's page
    }
    if feed.kind == "department":
        options["departments"] = [feed.id]
    elif feed.kind == "station":
        options["stations"] = [feed.id]
    return to_ics(plan, **options)


def _disposition(feed: Feed) -> str:
    name = f"{feed.id}.ics"
    return f"inline; filename=\"{name}\"; filename*=UTF-8''{quote(name)}"


def _ok(
    body: bytes,
    content_type: str,
    modified: datetime | None,
    headers: tuple[tuple[str, str], ...],
) -> Response:
    return Response(
        200, body, content_type, etag_of(body), modified, headers=(_REVALIDATE, *headers)
    )


def _error(
    status: int,
    code: str,
    root: str,
    headers: tuple[tuple[str, str], ...] = (),
    **params: str,
) -> Response:
    body = error_page(code, root, **params)
    return Response(status, body, headers=(*headers, _NO_STORE, *_PAGE_HEADERS))


def _hot_key(environ: WSGIEnvironment) -> tuple[object, ...]:
    """Everything in a request that chooses a feed's answer: method, address, language, host."""
    get = environ.get
    return (
        get("REQUEST_METHOD"),
        get("PATH_INFO"),
        get("QUERY_STRING"),
        get("SCRIPT_NAME"),
        get("HTTP_HOST"),
        get("SERVER_NAME"),
        get("SERVER_PORT"),
        get("wsgi.url_scheme"),
    )


def _path(environ: WSGIEnvironment) -> str | None:
    """The request's path as text; ``None`` when its bytes are not UTF-8."""
    raw = environ.get("PATH_INFO", "") or "/"
    try:
        return str(raw).encode("latin-1").decode("utf-8")
    except UnicodeError:
        return None


def _root(environ: WSGIEnvironment, *, absolute: bool = False) -> str:
    """The address of the application's root, with a final "/"; absolute for links to copy."""
    script = quote(str(environ.get("SCRIPT_NAME", "")).rstrip("/")) + "/"
    if not absolute:
        return script
    # PEP 3333 requires SERVER_NAME, SERVER_PORT and wsgi.url_scheme; a bare test harness may not
    # give them, and a page must not fail for want of a host name.
    host = environ.get("HTTP_HOST") or "{}:{}".format(
        environ.get("SERVER_NAME", "localhost"), environ.get("SERVER_PORT", "80")
    )
    return f"{environ.get('wsgi.url_scheme', 'http')}://{host}{script}"
