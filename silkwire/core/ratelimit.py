"""Per-client rate limits for expensive public views, kept in Django's cache.

A limit is ``(requests, seconds)``: each client address (see :mod:`silkwire.core.clientip`)
may make ``requests`` requests per window of ``seconds``; a burst within that is served,
anything past it gets ``429 Too Many Requests`` with ``Retry-After`` and a short page.
The counters live in Django's cache (Redis when ``SILKWIRE_CACHE_URL`` is set, shared by
every process; per process with the embedded ``locmem`` default). When the cache cannot be
reached the request is served: a limit must never turn into an outage.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.html import escape

from silkwire.core.clientip import address_key, client_ip

logger = logging.getLogger(__name__)

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Too many requests</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem">
<h1>Too many requests</h1>
<p>You have made {what} requests faster than we can answer them.
Please wait {seconds} seconds and try again.</p>
<p><a href="/">Back to the front page</a></p>
</body></html>
"""


def check(scope: str, request, limit: tuple[int, int]) -> int:
    """Count this request; return 0 to serve it, or the seconds the client must wait."""
    count, seconds = limit
    if count <= 0:
        return 0
    now = time.time()
    window = int(now // seconds)
    client = hashlib.blake2b(address_key(client_ip(request)).encode(), digest_size=12).hexdigest()
    key = f"ratelimit:{scope}:{client}:{window}"
    try:
        cache.add(key, 0, seconds + 1)
        used = cache.incr(key)
    except Exception:  # noqa: BLE001 - a broken cache serves the request rather than fail it
        logger.warning("rate limit %s: cache unavailable, request served", scope, exc_info=True)
        return 0
    if used <= count:
        return 0
    return max(1, math.ceil((window + 1) * seconds - now))


def too_many(retry_after: int, what: str) -> HttpResponse:
    """The ``429`` answer: readable, never cached, with ``Retry-After``."""
    body = PAGE.format(what=escape(what), seconds=retry_after)
    response = HttpResponse(body, status=429, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(retry_after)
    add_never_cache_headers(response)
    return response


def rate_limited(scope: str, setting: str, what: str):
    """Decorate a view with the per-client limit named by ``setting`` (read on each request)."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            wait = check(scope, request, getattr(settings, setting, (0, 0)))
            if wait:
                return too_many(wait, what)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate
