"""Headers every ``/api/v1/`` response shares, including the rates endpoints.

Read-only: other methods get ``405`` with ``Allow``. CORS: any origin may read (the content is
public and no cookies are involved). Caching: a body-hash ``ETag`` answers ``If-None-Match``
with ``304``, and ``Cache-Control: public, max-age=60`` lets clients and shared HTTP caches in
front of Silkwire (a CDN, a caching reverse proxy) keep responses a minute. Silkwire's own page
cache does *not* keep them: ``/api/`` is in ``SILKWIRE_PAGECACHE_BYPASS`` by default, so every
API request reaches Django (docs/performance.md, "What is cached").
"""

from __future__ import annotations

from django.http import HttpResponse, JsonResponse

from silkwire.news.distribution import validated

PREFIX = "/api/v1/"
ALLOW = "GET, HEAD, OPTIONS"
MAX_AGE = 60
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Link, Retry-After",
}
PREFLIGHT = {
    **CORS,
    "Access-Control-Allow-Methods": ALLOW,
    "Access-Control-Allow-Headers": "Accept, If-None-Match, If-Modified-Since",
    "Access-Control-Max-Age": "86400",
}


class PublicApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.get_validated = validated(max_age=MAX_AGE)(get_response)

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ALLOW
            for name, value in PREFLIGHT.items():
                response[name] = value
            return response
        if request.method not in ("GET", "HEAD"):
            response = JsonResponse(
                {"error": f"{request.method} is not allowed: the API is read-only ({ALLOW})."},
                status=405,
            )
            response["Allow"] = ALLOW
        else:
            response = self.get_validated(request)
        for name, value in CORS.items():
            response.setdefault(name, value)
        return response
