"""Call a WSGI application the way a server does, inside a pytest-django test."""

from __future__ import annotations

import io
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.signals import request_finished, request_started
from django.db import close_old_connections


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()

    @property
    def cache(self) -> str:
        return self.headers.get("x-silkwire-cache", "")


@contextmanager
def _keep_test_connection():
    # As django.test.Client does: the request signals would close the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def call(app, url: str, method: str = "GET", headers: dict[str, str] | None = None) -> Response:
    parts = urlsplit(url)
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": parts.path or "/",
        "QUERY_STRING": parts.query,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "localhost",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    for name, value in (headers or {}).items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    seen: dict = {}

    def start_response(status, response_headers, exc_info=None):
        seen["status"], seen["headers"] = status, response_headers
        return lambda data: None

    with _keep_test_connection():
        result = app(environ, start_response)
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
    headers_out: dict[str, str] = {}
    for k, v in seen["headers"]:
        headers_out[k.lower()] = f"{headers_out[k.lower()]}, {v}" if k.lower() in headers_out else v
    return Response(int(seen["status"].split()[0]), headers_out, body)
