"""Which requests the cache may answer, and the key a request is stored under.

* Cookies are matched by exact name (``sessionid``, ``csrftoken`` … as configured), so a
  cookie called ``xsessionid`` is an ordinary anonymous request.
* The key keeps only the query parameters the route reads (``SILKWIRE_PAGECACHE_QUERY_PARAMS``,
  longest path prefix wins), in a canonical order; tracking parameters are always dropped.
  On a miss Django is given that same canonical query string, so what is stored under the
  key is exactly what the key says: ``/?junk=1`` and ``/?junk=2`` are one entry, one render.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode


class RequestRules:
    def __init__(
        self,
        *,
        bypass_cookies: tuple[str, ...] = (),
        ignore_params: tuple[str, ...] = (),
        query_params: dict[str, list[str] | tuple[str, ...]] | None = None,
    ):
        self.bypass_cookies = frozenset(bypass_cookies)
        self._ignore_exact = {p for p in ignore_params if not p.endswith("*")}
        self._ignore_prefix = tuple(p[:-1] for p in ignore_params if p.endswith("*"))
        # None: no allow-list, every parameter but the ignored ones is kept.
        self._routes = (
            None
            if query_params is None
            else sorted(
                ((prefix, frozenset(names)) for prefix, names in query_params.items()),
                key=lambda item: -len(item[0]),
            )
        )

    def private(self, environ: dict) -> bool:
        """A request the cache must not answer: signed in, previewing, or authenticated."""
        if "HTTP_AUTHORIZATION" in environ:
            return True
        cookie = environ.get("HTTP_COOKIE")
        if cookie and self.bypass_cookies:
            # "a=1; b=2" (HTTP/1.1) or "a=1,b=2" (several Cookie headers joined by a server).
            for part in cookie.replace(",", ";").split(";"):
                if part.partition("=")[0].strip() in self.bypass_cookies:
                    return True
        return False

    def allowed(self, path: str):
        """The parameter names ``path`` reads (None: all of them)."""
        if self._routes is None:
            return None
        for prefix, names in self._routes:
            if path.startswith(prefix):
                return names
        return frozenset()

    def canonical_query(self, path: str, query: str) -> str:
        """The query string without parameters the route ignores, sorted by name."""
        if not query:
            return ""
        allowed = self.allowed(path)
        pairs = [
            (k, v)
            for k, v in parse_qsl(query, keep_blank_values=True)
            if (allowed is None or k in allowed)
            and k not in self._ignore_exact
            and not (self._ignore_prefix and k.startswith(self._ignore_prefix))
        ]
        # Stable by name only: a repeated parameter keeps the order of its values.
        return urlencode(sorted(pairs, key=lambda kv: kv[0]))

    def key(self, environ: dict) -> tuple[str, str]:
        """Return the base key (scheme, host, path, canonical query) and the canonical query."""
        scheme = environ.get("HTTP_X_FORWARDED_PROTO") or environ.get("wsgi.url_scheme", "http")
        host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
        path = environ.get("PATH_INFO", "/")
        query = self.canonical_query(path, environ.get("QUERY_STRING", ""))
        return f"{scheme}://{host.lower()}{path}?{query}", query
