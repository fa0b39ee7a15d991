"""The ASGI layer answers from the same cache as the WSGI one."""

from __future__ import annotations

import asyncio

import pytest

from silkwire.core.pagecache.asgi import PageCacheASGI
from silkwire.core.pagecache.cache import declare

pytestmark = pytest.mark.django_db
BODY = b"<html>" + b"Silkwire " * 100 + b"</html>"


class App:
    def __init__(self, headers=()):
        self.renders = 0
        self.headers = list(headers)

    async def __call__(self, scope, receive, send):
        self.renders += 1
        declare("article:7")
        headers = [(b"content-type", b"text/html; charset=utf-8"), *self.headers]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": BODY[:50], "more_body": True})
        await send({"type": "http.response.body", "body": BODY[50:]})


def get(app, path="/story/", method="GET", headers=()):
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "query_string": b"",
        "scheme": "http",
        "headers": [(b"host", b"localhost"), *headers],
    }
    sent = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = sent[0]
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body


def test_asgi_miss_then_hit_with_encodings_and_304(pagecache):
    inner = App()
    app = PageCacheASGI(inner, pagecache)
    status, headers, body = get(app)
    assert (status, headers["x-silkwire-cache"], body) == (200, "MISS", BODY)
    status, headers, body = get(app, headers=[(b"accept-encoding", b"br")])
    assert (status, headers["x-silkwire-cache"], headers["content-encoding"]) == (200, "HIT", "br")
    etag = headers["etag"].encode()
    assert get(app, headers=[(b"if-none-match", etag)])[0] == 304
    assert get(app, method="HEAD")[2] == b""
    assert inner.renders == 1
    pagecache.invalidate(["article:7"])
    assert get(app)[1]["x-silkwire-cache"] == "MISS"


def test_asgi_passes_uncacheable_responses_through(pagecache):
    inner = App(headers=[(b"set-cookie", b"csrftoken=x")])
    app = PageCacheASGI(inner, pagecache)
    for _ in range(2):
        status, headers, body = get(app)
        assert status == 200 and body == BODY and headers["set-cookie"] == "csrftoken=x"
    assert inner.renders == 2
    assert get(app, headers=[(b"cookie", b"sessionid=abc")])[2] == BODY
    assert inner.renders == 3
