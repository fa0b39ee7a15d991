"""A loopback HTTP server for network tests: 127.0.0.1 only, routes set by the test.

Use the ``loopback`` fixture (import ``loopback_fixture`` into a conftest or test module)::

    def test_x(loopback):
        loopback.route("/feed.xml", body=b"<rss>...</rss>", headers={"Content-Type": "text/xml"})
        fetch(loopback.url("/feed.xml"))

Routes can be static (status, headers, body, delay, drip) or a callable
``handler(request) -> Reply`` for conditional GET and the like. Every request is
recorded in ``loopback.requests`` (method, path, headers).
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    drip: float = 0.0  # seconds between body bytes (slow-loris server)
    chunked: bool = False  # no Content-Length; chunked transfer encoding


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]


class LoopbackServer:
    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.routes: dict[str, Reply | Callable[[Seen], Reply]] = {}
        self.requests: list[Seen] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format, *args):  # noqa: A002 - stdlib signature
                pass

            def do_GET(self):  # noqa: N802 - stdlib name
                self._answer()

            def do_POST(self):  # noqa: N802 - stdlib name
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                self._answer()

            def _answer(self):
                seen = Seen(
                    self.command, self.path, {k.lower(): v for k, v in self.headers.items()}
                )
                server.requests.append(seen)
                route = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
                if route is None:
                    reply = Reply(404, b"not found", {"Content-Type": "text/plain"})
                elif callable(route):
                    reply = route(seen)
                else:
                    reply = route
                try:
                    self._write(reply)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _write(self, reply: Reply) -> None:
                if reply.delay:
                    time.sleep(reply.delay)
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                elif "Content-Length" not in reply.headers:
                    self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                if reply.status == 304 or self.command == "HEAD":
                    return
                if reply.chunked:
                    step = 64 * 1024
                    for i in range(0, len(reply.body), step):
                        part = reply.body[i : i + step]
                        self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
                    self.wfile.write(b"0\r\n\r\n")
                elif reply.drip:
                    for byte in reply.body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(reply.drip)
                else:
                    self.wfile.write(reply.body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.scheme = "http"
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
            self.scheme = "https"
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"

    def route(self, path: str, reply: Reply | Callable[[Seen], Reply] | None = None, **kw) -> str:
        """Serve ``reply`` (or ``Reply(**kw)``) at ``path``; return the URL."""
        self.routes[path] = reply if reply is not None else Reply(**kw)
        return self.url(path)

    def hits(self, path: str) -> int:
        return sum(1 for r in self.requests if r.path == path)

    def start(self) -> LoopbackServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(name="loopback")
def loopback_fixture(settings):
    """A running loopback server; fetching from it is allowed for the test's duration."""
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = True
    server = LoopbackServer().start()
    yield server
    server.stop()
