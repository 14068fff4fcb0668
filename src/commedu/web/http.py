"""HTTP as calendar clients use it: validators, conditional requests, whole responses.

A response is made whole, as bytes, before its status is sent: a client never gets a calendar
cut short because something failed half-way through writing it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime
from wsgiref.types import StartResponse

from commedu.model.fieldcheck import define

__all__ = [
    "Built",
    "Ready",
    "Response",
    "etag_of",
    "http_date",
    "not_modified",
    "precondition_failed",
    "send",
]

_REASONS = {
    200: "OK",
    301: "Moved Permanently",
    304: "Not Modified",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    412: "Precondition Failed",
    500: "Internal Server Error",
    503: "Service Unavailable",
}

_NOT_MODIFIED = f"304 {_REASONS[304]}"
_PRECONDITION_FAILED = f"412 {_REASONS[412]}"

CALENDAR = "text/calendar; charset=utf-8"
HTML = "text/html; charset=utf-8"


@define
class Response:
    """A whole response; ``etag`` and ``modified`` make it answerable with 304 Not Modified."""

    status: int
    body: bytes
    content_type: str = HTML
    etag: str | None = None
    modified: datetime | None = None
    headers: tuple[tuple[str, str], ...] = ()


class Built(bytes):
    """A response body made once for a plan's version, with its ETag worked out with it.

    A subscribed client asks again every few hours and is answered 304 almost every time:
    hashing a calendar of megabytes for each of those answers made the cost of an unchanged
    feed grow with the plan. Made once, the tag is looked up.
    """

    etag: str

    def __new__(cls, body: bytes) -> Built:
        built = super().__new__(cls, body)
        built.etag = _digest(body)
        return built


@define
class Ready:
    """A response made ready to send: its status lines and headers worked out once.

    A feed's answer is the same for every request until the plan changes, and nearly every
    request is a conditional one answered 304: kept with the plan's version, such an answer
    costs a look-up and a comparison of tags, not the formatting of its headers again.
    """

    response: Response
    line: str  #: the status line of the whole answer
    headers: tuple[tuple[str, str], ...]  #: the whole answer's headers
    validators: tuple[tuple[str, str], ...]  #: what a 304 or 412 carries besides
    #: the body as plain ``bytes``: a server slicing a subclass of bytes (waitress does, to its
    #: Content-Length) copies it every time, where a slice of all of plain bytes is the bytes
    body: bytes
    #: the ETag of an answer that can be Not Modified (a 200 with a tag), else ``None``
    tag: str | None = None

    @classmethod
    def of(cls, response: Response) -> Ready:
        validators = [*response.headers, ("X-Content-Type-Options", "nosniff")]
        if response.etag is not None:
            validators.append(("ETag", response.etag))
        if response.modified is not None:
            validators.append(("Last-Modified", http_date(response.modified)))
        length = ("Content-Length", str(len(response.body)))
        headers = (*validators, ("Content-Type", response.content_type), length)
        status = f"{response.status} {_REASONS[response.status]}"
        body = response.body
        plain = body if type(body) is bytes else bytes(body)
        tag = response.etag if response.status == 200 else None
        return cls(response, status, headers, tuple(validators), plain, tag)

    @property
    def status(self) -> int:
        return self.response.status


def etag_of(body: bytes) -> str:
    """A strong validator: the same bytes always give the same tag, across restarts too."""
    return body.etag if isinstance(body, Built) else _digest(body)


def _digest(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def http_date(moment: datetime) -> str:
    return format_datetime(moment, usegmt=True)


def _tags(header: str) -> list[str]:
    return [tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()]


def not_modified(environ: dict[str, object], response: Response) -> bool:
    """Whether the client's copy is current (RFC 9110 §13.1): If-None-Match wins if both are sent."""
    if response.status != 200:
        return False
    match = environ.get("HTTP_IF_NONE_MATCH")
    if isinstance(match, str) and response.etag is not None:
        tags = _tags(match)
        # Weak comparison, as a GET allows: W/"x" matches "x".
        return "*" in tags or response.etag in tags
    since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if isinstance(since, str) and response.modified is not None:
        try:
            when = parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False  # a date we cannot read is ignored, as RFC 9110 says
        if when.tzinfo is None:
            return False
        return response.modified <= when
    return False


def precondition_failed(environ: dict[str, object], response: Response) -> bool:
    """Whether an ``If-Match`` the client sent fails (RFC 9110 §13.1.1): then 412, not the body.

    If-Match compares strongly: ``W/"x"`` never matches, and ``*`` matches any current answer.
    It is evaluated before If-None-Match, and only for an answer with a tag (a calendar, a page).
    """
    match = environ.get("HTTP_IF_MATCH")
    if not isinstance(match, str) or response.status != 200 or response.etag is None:
        return False
    tags = [tag.strip() for tag in match.split(",") if tag.strip()]
    return "*" not in tags and response.etag not in tags


def send(
    environ: dict[str, object], start_response: StartResponse, response: Response | Ready
) -> Iterable[bytes]:
    ready = response if isinstance(response, Ready) else Ready.of(response)
    # What nearly every request is: a subscribed client sending back the one tag it was given.
    if (
        ready.tag is not None
        and environ.get("HTTP_IF_NONE_MATCH") == ready.tag
        and "HTTP_IF_MATCH" not in environ
    ):
        start_response(_NOT_MODIFIED, list(ready.validators))
        return []
    answer = ready.response
    if precondition_failed(environ, answer):
        start_response(_PRECONDITION_FAILED, [*ready.validators, ("Content-Length", "0")])
        return []
    if not_modified(environ, answer):
        start_response(_NOT_MODIFIED, list(ready.validators))
        return []
    # A list of its own: a server may add to the headers it is given.
    start_response(ready.line, list(ready.headers))
    return [] if environ.get("REQUEST_METHOD") == "HEAD" else [ready.body]
