"""A feed's answer is made ready once per plan version and sent as if it were made each time."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from commedu.web.app import FeedServer
from commedu.web.http import (
    Ready,
    Response,
    http_date,
    not_modified,
    precondition_failed,
    send,
)
from tests.conftest import EXAMPLES

JINSHAN = EXAMPLES / "jinshan_2021.toml"
HOUR = 3600


def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copyfile(JINSHAN, folder / "jinshan.toml")
    settled = time.time() - HOUR  # written long enough ago for its times to be trusted
    os.utime(folder / "jinshan.toml", (settled, settled))
    return folder


class Sent:
    """What a server was given: the status line, the headers and the body."""

    status = ""
    headers: list[tuple[str, str]]

    def __call__(
        self, status: str, headers: list[tuple[str, str]], exc_info: object = None
    ) -> None:
        self.status = status
        self.headers = headers


def call(
    app: FeedServer, path: str, method: str = "GET", **headers: str
) -> tuple[str, dict[str, str], bytes]:
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": "", **headers}
    sent = Sent()
    body = b"".join(app(environ, sent))
    return sent.status, dict(sent.headers), body


def test_a_feed_s_answer_is_made_once_per_version_and_again_after_an_edit(tmp_path: Path) -> None:
    folder = plans(tmp_path)
    app = FeedServer(folder)
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/jinshan/plan.ics", "QUERY_STRING": ""}
    first = app.respond(environ)
    assert isinstance(first, Ready)
    assert app.respond(dict(environ)) is first
    assert app.respond({**environ, "QUERY_STRING": "lang=en"}) is not first  # another language
    path = folder / "jinshan.toml"
    path.write_text(
        path.read_text("utf-8").replace("戏曲相声等艺术项目培训", "戏曲艺术培训"), "utf-8"
    )
    edited = app.respond(dict(environ))
    assert isinstance(edited, Ready)
    assert edited is not first
    assert edited.response.etag != first.response.etag
    assert "戏曲艺术培训".encode() in edited.response.body


def test_an_unknown_feed_is_not_kept(tmp_path: Path) -> None:
    app = FeedServer(plans(tmp_path))
    for n in range(5):
        status, _, _ = call(app, f"/jinshan/department/nobody-{n}.ics")
        assert status == "404 Not Found"
    (file,) = app.folder.files()
    assert app.folder.version(file).answers == {}


def test_a_kept_answer_gives_304_200_and_412_as_asked(tmp_path: Path) -> None:
    app = FeedServer(plans(tmp_path))
    status, whole, body = call(app, "/jinshan/plan.ics")
    assert status == "200 OK"
    assert body.startswith(b"BEGIN:VCALENDAR")
    assert whole["Content-Length"] == str(len(body))
    etag = whole["ETag"]
    status, short, empty = call(app, "/jinshan/plan.ics", HTTP_IF_NONE_MATCH=etag)
    assert (status, empty) == ("304 Not Modified", b"")
    # a 304 carries the validators and caching of the whole answer, never its length or type
    assert short == {k: v for k, v in whole.items() if k not in ("Content-Length", "Content-Type")}
    weak = call(app, "/jinshan/plan.ics", HTTP_IF_NONE_MATCH=f'"x", W/{etag}')
    assert weak[0] == "304 Not Modified"
    assert call(app, "/jinshan/plan.ics", HTTP_IF_NONE_MATCH='"other"')[2] == body
    failed, headers, nothing = call(app, "/jinshan/plan.ics", HTTP_IF_MATCH='"other"')
    assert (failed, headers["Content-Length"], nothing) == ("412 Precondition Failed", "0", b"")
    assert call(app, "/jinshan/plan.ics", HTTP_IF_MATCH=etag)[2] == body
    head = call(app, "/jinshan/plan.ics", "HEAD")
    assert (head[0], head[1], head[2]) == ("200 OK", whole, b"")


def test_a_server_adding_to_the_headers_it_is_given_changes_no_later_answer(
    tmp_path: Path,
) -> None:
    app = FeedServer(plans(tmp_path))
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/jinshan/plan.ics", "QUERY_STRING": ""}
    seen: list[list[tuple[str, str]]] = []

    def adding(status: str, headers: list[tuple[str, str]], exc_info: object = None) -> None:
        seen.append(list(headers))
        headers.append(("Date", "now"))  # as wsgiref's server does

    for _ in range(3):
        app(dict(environ), adding)
        app({**environ, "HTTP_IF_NONE_MATCH": dict(seen[0])["ETag"]}, adding)
    assert seen[0::2] == [seen[0]] * 3
    assert seen[1::2] == [seen[1]] * 3
    assert ("Date", "now") not in seen[0] + seen[1]


MOMENT = datetime(2021, 3, 1, 8, 0, tzinfo=UTC)
RESPONSES = [
    Response(200, b"BEGIN:VCALENDAR", "text/calendar", '"a"', MOMENT, (("X-One", "1"),)),
    Response(200, b"<p>page</p>", etag='"b"'),
    Response(404, b"<p>gone</p>", headers=(("Cache-Control", "no-store"),)),
    Response(301, b"", headers=(("Location", "/x/"),)),
]
ENVIRONS = [
    {},
    {"HTTP_IF_NONE_MATCH": '"a"'},
    {"HTTP_IF_NONE_MATCH": '"b", "c"'},
    {"HTTP_IF_NONE_MATCH": "*"},
    {"HTTP_IF_MATCH": '"a"'},
    {"HTTP_IF_MATCH": 'W/"a"'},
    {"HTTP_IF_MATCH": '"z"', "HTTP_IF_NONE_MATCH": '"a"'},
    {"HTTP_IF_MODIFIED_SINCE": "Mon, 01 Mar 2021 08:00:00 GMT"},
    {"HTTP_IF_MODIFIED_SINCE": "Sun, 28 Feb 2021 08:00:00 GMT"},
    {"REQUEST_METHOD": "HEAD"},
]


def _sent(response: Response | Ready, environ: dict[str, object]) -> tuple[object, ...]:
    sent = Sent()
    body: Iterable[bytes] = send({"REQUEST_METHOD": "GET", **environ}, sent, response)
    return sent.status, sent.headers, b"".join(body)


def _expected(response: Response, environ: dict[str, object]) -> tuple[object, ...]:
    """What RFC 9110 asks of the response, header by header, as it was sent before it was kept."""
    environ = {"REQUEST_METHOD": "GET", **environ}
    headers = [*response.headers, ("X-Content-Type-Options", "nosniff")]
    if response.etag is not None:
        headers.append(("ETag", response.etag))
    if response.modified is not None:
        headers.append(("Last-Modified", http_date(response.modified)))
    if precondition_failed(environ, response):
        return "412 Precondition Failed", [*headers, ("Content-Length", "0")], b""
    if not_modified(environ, response):
        return "304 Not Modified", headers, b""
    headers += [
        ("Content-Type", response.content_type),
        ("Content-Length", str(len(response.body))),
    ]
    reason = {200: "OK", 301: "Moved Permanently", 404: "Not Found"}[response.status]
    body = b"" if environ["REQUEST_METHOD"] == "HEAD" else response.body
    return f"{response.status} {reason}", headers, body


@pytest.mark.parametrize("environ", ENVIRONS)
@pytest.mark.parametrize("response", RESPONSES)
def test_an_answer_made_ready_is_sent_as_the_response_it_was_made_from(
    response: Response, environ: dict[str, object]
) -> None:
    ready = Ready.of(response)
    assert ready.status == response.status
    assert type(ready.body) is bytes
    assert _sent(ready, environ) == _sent(response, environ) == _expected(response, environ)
    assert _sent(ready, environ) == _sent(ready, environ)  # sending leaves it as it was


def test_a_kept_answer_sends_plain_bytes_a_server_can_slice_without_a_copy(
    tmp_path: Path,
) -> None:
    app = FeedServer(plans(tmp_path))
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/jinshan/plan.ics", "QUERY_STRING": ""}
    (first,) = app(dict(environ), Sent())
    (again,) = app(dict(environ), Sent())
    assert type(first) is bytes
    assert again is first
    assert first[: len(first) + 1] is first  # as waitress cuts a body to its Content-Length
