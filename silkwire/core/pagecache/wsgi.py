"""The WSGI layer: answer cache hits before Django, store what Django renders for everyone.

A request is looked up only when it is a ``GET``/``HEAD`` outside the bypassed prefixes
(``/admin/`` …), without ``Authorization`` and without a session or preview cookie. The
stored bytes are answered with their headers, in the encoding the client accepts, or as
``304 Not Modified`` when its validators match.
"""

from __future__ import annotations

from silkwire.core.pagecache.cache import HEAD_MARK, RENDER_DEPS, get_cache
from silkwire.core.pagecache.entry import choose_encoding, not_modified, storable


def _serve(entry, environ, start_response, state: str, head: bool):
    get = environ.get
    encoding = choose_encoding(get("HTTP_ACCEPT_ENCODING"), entry)
    if not_modified(get, entry):
        start_response(
            "304 Not Modified",
            entry.not_modified_headers(encoding) + [("X-Silkwire-Cache", state)],
        )
        return []
    start_response(entry.status, entry.response_headers(encoding) + [("X-Silkwire-Cache", state)])
    return [] if head else [entry.bodies[encoding]]


class PageCacheMiddleware:
    """Wrap a WSGI application (Django's) with the page cache."""

    def __init__(self, app, cache=None):
        self.app = app
        self._cache = cache

    def __call__(self, environ, start_response):
        cache = self._cache or get_cache()
        if cache is None or not cache.available():
            return self.app(environ, start_response)
        method = environ["REQUEST_METHOD"]
        if (
            (method != "GET" and method != "HEAD")
            or environ.get("PATH_INFO", "/").startswith(cache.bypass_prefixes)
            or cache.private_request(environ)
        ):
            return self.app(environ, start_response)
        base, query = cache.key(environ)
        head = method == "HEAD"
        entry = cache.lookup(base, environ)
        if entry is not None:
            return _serve(entry, environ, start_response, "HIT", head)
        return self._miss(cache, base, query, environ, start_response, head)

    def _miss(self, cache, base, query, environ, start_response, head):
        token = cache.begin()
        deps: set[str] = set()
        captured: dict = {}
        chunks: list[bytes] = []

        def capture(status, headers, exc_info=None):
            if exc_info and captured:
                raise exc_info[1].with_traceback(exc_info[2])
            captured["status"], captured["headers"] = status, headers
            return chunks.append

        # Django sees the query string the key names, so the stored page is the one the
        # key describes (parameters the route does not read are dropped, keys.py).
        inner_environ = dict(environ, QUERY_STRING=query)
        if head:
            inner_environ["REQUEST_METHOD"] = "GET"
            inner_environ[HEAD_MARK] = True
        context_token = RENDER_DEPS.set(deps)
        try:
            result = self.app(inner_environ, capture)
        finally:
            RENDER_DEPS.reset(context_token)
        status, headers = captured["status"], captured["headers"]
        ok, vary = storable(status, headers)
        iterator = iter(result)
        size = sum(len(c) for c in chunks)
        if ok:
            for chunk in iterator:
                chunks.append(chunk)
                size += len(chunk)
                if size > cache.max_entry_bytes:
                    ok = False
                    break
        if not ok:  # pass the response through, streaming whatever is left
            start_response(status, headers)
            return _Passthrough(chunks, iterator, result, head)
        if hasattr(result, "close"):
            result.close()
        entry, keep = cache.make_entry(
            token, status, headers, b"".join(chunks), deps, environ.get("PATH_INFO", "/"), vary
        )
        if keep:
            cache.put(base, environ, entry)
        return _serve(entry, environ, start_response, "MISS", head)


class _Passthrough:
    """The rest of a response the cache does not keep, with the inner ``close()`` honoured."""

    def __init__(self, chunks, iterator, result, head):
        self.chunks, self.iterator, self.result, self.head = chunks, iterator, result, head

    def __iter__(self):
        if self.head:
            return
        yield from self.chunks
        yield from self.iterator

    def close(self):
        if hasattr(self.result, "close"):
            self.result.close()
