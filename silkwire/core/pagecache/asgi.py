"""The ASGI layer: the same cache as :mod:`silkwire.core.pagecache.wsgi`, for ASGI servers.

Hits are answered from memory without entering Django; misses run Django's ASGI handler,
collect its response messages and store them like the WSGI layer does. Lookups and
stores touch only memory, a mapped file and (on a local miss) SQLite or Redis, so they
run on the event loop; they take tens of microseconds.
"""

from __future__ import annotations

from silkwire.core.pagecache.cache import HEAD_MARK, RENDER_DEPS, get_cache
from silkwire.core.pagecache.entry import choose_encoding, not_modified, storable


def _environ(scope) -> dict:
    """The few WSGI-style keys the cache reads, from an ASGI scope."""
    environ = {
        "REQUEST_METHOD": scope["method"],
        "PATH_INFO": scope.get("path", "/"),
        "QUERY_STRING": scope.get("query_string", b"").decode("latin-1"),
        "wsgi.url_scheme": scope.get("scheme", "http"),
    }
    for name, value in scope.get("headers", ()):
        key = "HTTP_" + name.decode("latin-1").upper().replace("-", "_")
        value = value.decode("latin-1")
        environ[key] = f"{environ[key]},{value}" if key in environ else value
    return environ


def _encode(headers):
    return [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers]


async def _send_entry(entry, environ, send, state: str, head: bool) -> None:
    get = environ.get
    encoding = choose_encoding(get("HTTP_ACCEPT_ENCODING"), entry)
    if not_modified(get, entry):
        headers = entry.not_modified_headers(encoding) + [("X-Silkwire-Cache", state)]
        await send({"type": "http.response.start", "status": 304, "headers": _encode(headers)})
        await send({"type": "http.response.body", "body": b""})
        return
    headers = entry.response_headers(encoding) + [("X-Silkwire-Cache", state)]
    status = int(entry.status.split(" ", 1)[0])
    await send({"type": "http.response.start", "status": status, "headers": _encode(headers)})
    await send({"type": "http.response.body", "body": b"" if head else entry.bodies[encoding]})


class PageCacheASGI:
    """Wrap an ASGI application (Django's) with the page cache."""

    def __init__(self, app, cache=None):
        self.app = app
        self._cache = cache

    async def __call__(self, scope, receive, send):
        cache = self._cache or get_cache()
        if cache is None or scope["type"] != "http" or not cache.available():
            return await self.app(scope, receive, send)
        method = scope["method"]
        if method not in ("GET", "HEAD") or scope.get("path", "/").startswith(
            cache.bypass_prefixes
        ):
            return await self.app(scope, receive, send)
        environ = _environ(scope)
        if cache.private_request(environ):
            return await self.app(scope, receive, send)
        base, query = cache.key(environ)
        head = method == "HEAD"
        entry = cache.lookup(base, environ)
        if entry is not None:
            return await _send_entry(entry, environ, send, "HIT", head)
        await self._miss(cache, base, query, environ, scope, receive, send, head)

    async def _miss(self, cache, base, query, environ, scope, receive, send, head):
        token = cache.begin()
        deps: set[str] = set()
        start: dict = {}
        chunks: list[bytes] = []
        passthrough = False

        async def capture(message):
            nonlocal passthrough
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                return await send(message)
            if passthrough:
                return await send(message)
            chunks.append(message.get("body", b""))
            headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in start["headers"]]
            too_big = sum(len(c) for c in chunks) > cache.max_entry_bytes
            ok, _ = storable(f"{start['status']} ", headers)
            if (not ok or too_big) and not passthrough:
                passthrough = True
                await send(start)
                await send(
                    {
                        "type": "http.response.body",
                        "body": b"" if head else b"".join(chunks),
                        "more_body": message.get("more_body", False),
                    }
                )

        # Django sees the query string the key names (parameters the route ignores dropped).
        inner_scope = dict(scope, query_string=query.encode("latin-1"))
        if head:
            inner_scope["method"] = "GET"
            inner_scope[HEAD_MARK] = True
        context_token = RENDER_DEPS.set(deps)
        try:
            await self.app(inner_scope, receive, capture)
        finally:
            RENDER_DEPS.reset(context_token)
        if passthrough:
            return
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in start["headers"]]
        status = f"{start['status']} OK" if start["status"] == 200 else str(start["status"])
        ok, vary = storable(status, headers)
        entry, keep = cache.make_entry(
            token, status, headers, b"".join(chunks), deps, environ["PATH_INFO"], vary
        )
        if keep and ok:
            cache.put(base, environ, entry)
        await _send_entry(entry, environ, send, "MISS", head)
