"""The cache layer as HTTP: hits before Django, encodings, validators, what is never shared."""

from __future__ import annotations

import gzip

import brotli
import pytest

from silkwire.core.pagecache.cache import declare
from silkwire.core.pagecache.wsgi import PageCacheMiddleware
from tests.pagecache.harness import call

pytestmark = pytest.mark.django_db
BODY = ("<html><body>" + "Silkwire news from Central Asia. " * 200 + "</body></html>").encode()


class CountingApp:
    """A stand-in for Django: counts renders and answers what the test asks for."""

    def __init__(self, body=BODY, status="200 OK", headers=(), deps=("article:1",)):
        self.body, self.status, self.headers, self.deps = body, status, list(headers), deps
        self.renders = 0

    def __call__(self, environ, start_response):
        self.renders += 1
        declare(*self.deps)
        start_response(self.status, [("Content-Type", "text/html; charset=utf-8"), *self.headers])
        return [self.body[:100], self.body[100:]]


def test_second_request_is_a_hit_with_identical_bytes(pagecache):
    app = CountingApp()
    wrapped = PageCacheMiddleware(app, pagecache)
    first, second = call(wrapped, "/story/"), call(wrapped, "/story/")
    assert (first.cache, second.cache) == ("MISS", "HIT")
    assert first.body == second.body == BODY
    assert app.renders == 1
    assert second.headers["content-length"] == str(len(BODY))


def test_head_gets_headers_without_a_body_and_fills_the_cache(pagecache):
    app = CountingApp()
    wrapped = PageCacheMiddleware(app, pagecache)
    head = call(wrapped, "/story/", "HEAD")
    assert (
        head.status == 200 and head.body == b"" and head.headers["content-length"] == str(len(BODY))
    )
    assert call(wrapped, "/story/").cache == "HIT"
    assert app.renders == 1


@pytest.mark.parametrize(
    ("accept", "encoding"),
    [
        ("gzip, deflate, br", "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip;q=0.5", "gzip"),
        ("identity", None),
        ("*", "br"),
        ("gzip;q=0, br;q=0", None),
        ("", None),
    ],
)
def test_precompressed_body_follows_accept_encoding(pagecache, accept, encoding):
    wrapped = PageCacheMiddleware(CountingApp(), pagecache)
    call(wrapped, "/story/")
    response = call(wrapped, "/story/", headers={"Accept-Encoding": accept})
    assert response.cache == "HIT"
    assert response.headers.get("content-encoding") == encoding
    assert "Accept-Encoding" in response.headers["vary"]
    decode = {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda b: b}[encoding]
    assert decode(response.body) == BODY
    assert response.headers["content-length"] == str(len(response.body))


def test_strong_etags_differ_per_encoding_and_answer_304(pagecache):
    wrapped = PageCacheMiddleware(CountingApp(), pagecache)
    plain = call(wrapped, "/story/")
    zipped = call(wrapped, "/story/", headers={"Accept-Encoding": "gzip"})
    assert plain.headers["etag"].startswith('"') and not plain.headers["etag"].startswith("W/")
    assert plain.headers["etag"] != zipped.headers["etag"]
    for tag in (plain.headers["etag"], zipped.headers["etag"], "W/" + plain.headers["etag"]):
        again = call(wrapped, "/story/", headers={"If-None-Match": f'"other", {tag}'})
        assert again.status == 304 and again.body == b""
        assert again.headers["etag"] == plain.headers["etag"]
    assert call(wrapped, "/story/", headers={"If-None-Match": '"nope"'}).status == 200


def test_last_modified_answers_if_modified_since(pagecache):
    wrapped = PageCacheMiddleware(CountingApp(), pagecache)
    first = call(wrapped, "/story/")
    since = first.headers["last-modified"]
    assert call(wrapped, "/story/", headers={"If-Modified-Since": since}).status == 304
    old = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert call(wrapped, "/story/", headers={"If-Modified-Since": old}).status == 200
    # If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2)
    both = {"If-Modified-Since": since, "If-None-Match": '"nope"'}
    assert call(wrapped, "/story/", headers=both).status == 200


def test_cache_control_suits_a_cdn(pagecache):
    response = call(PageCacheMiddleware(CountingApp(), pagecache), "/story/")
    directives = [d.strip() for d in response.headers["cache-control"].split(",")]
    assert "public" in directives
    assert any(d.startswith("s-maxage=") for d in directives)
    assert any(d.startswith("stale-while-revalidate=") for d in directives)


def test_tracking_parameters_do_not_split_the_cache_but_real_ones_do(pagecache):
    app = CountingApp()
    wrapped = PageCacheMiddleware(app, pagecache)
    call(wrapped, "/story/?page=2")
    assert call(wrapped, "/story/?utm_source=fb&page=2&fbclid=xyz").cache == "HIT"
    assert call(wrapped, "/story/?page=3").cache == "MISS"
    assert app.renders == 2


@pytest.mark.parametrize(
    ("method", "url", "headers"),
    [
        ("GET", "/story/", {"Cookie": "sessionid=abc; other=1"}),
        ("GET", "/story/", {"Authorization": "Basic eDp5"}),
        ("GET", "/admin/pages/", {}),
        ("POST", "/story/", {}),
    ],
)
def test_signed_in_admin_and_unsafe_requests_bypass_the_cache(pagecache, method, url, headers):
    app = CountingApp()
    wrapped = PageCacheMiddleware(app, pagecache)
    call(wrapped, url)  # a public GET fills the cache where it may
    response = call(wrapped, url, method, headers)
    assert "x-silkwire-cache" not in response.headers
    assert app.renders == 2


def test_analytics_cookies_do_not_bypass(pagecache):
    wrapped = PageCacheMiddleware(CountingApp(), pagecache)
    call(wrapped, "/story/")
    assert call(wrapped, "/story/", headers={"Cookie": "_ga=GA1.2; csrftoken=x"}).cache == "HIT"


@pytest.mark.parametrize(
    ("status", "headers"),
    [
        ("200 OK", [("Set-Cookie", "csrftoken=abc; Path=/")]),
        ("200 OK", [("Cache-Control", "private")]),
        ("200 OK", [("Cache-Control", "no-store")]),
        ("200 OK", [("Vary", "*")]),
        ("200 OK", [("Content-Encoding", "gzip")]),
        ("404 Not Found", []),
        ("302 Found", [("Location", "/elsewhere/")]),
    ],
)
def test_responses_that_vary_per_user_or_fail_are_never_stored(pagecache, status, headers):
    app = CountingApp(status=status, headers=headers)
    wrapped = PageCacheMiddleware(app, pagecache)
    first, second = call(wrapped, "/story/"), call(wrapped, "/story/")
    assert app.renders == 2
    assert first.body == second.body == BODY
    for name, value in headers:
        assert second.headers[name.lower()] == value


def test_vary_on_another_header_keys_the_cache_on_it(pagecache):
    app = CountingApp(headers=[("Vary", "Accept-Language")])
    wrapped = PageCacheMiddleware(app, pagecache)
    call(wrapped, "/story/", headers={"Accept-Language": "ru"})
    assert call(wrapped, "/story/", headers={"Accept-Language": "ru"}).cache == "HIT"
    assert call(wrapped, "/story/", headers={"Accept-Language": "kk"}).cache == "MISS"
    assert call(wrapped, "/story/", headers={"Accept-Language": "kk"}).cache == "HIT"
    assert app.renders == 2


def test_a_view_can_keep_its_response_out(pagecache):
    from silkwire.core.pagecache.cache import NO_STORE

    app = CountingApp(deps=(NO_STORE,))
    wrapped = PageCacheMiddleware(app, pagecache)
    call(wrapped, "/story/"), call(wrapped, "/story/")
    assert app.renders == 2


def test_a_large_response_streams_through_unstored(pagecache):
    pagecache.max_entry_bytes = 1000
    app = CountingApp()
    wrapped = PageCacheMiddleware(app, pagecache)
    first, second = call(wrapped, "/big/"), call(wrapped, "/big/")
    assert first.body == second.body == BODY
    assert app.renders == 2


def test_invalidating_a_dependency_renders_again(pagecache):
    app = CountingApp(deps=("article:1",))
    wrapped = PageCacheMiddleware(app, pagecache)
    call(wrapped, "/story/")
    pagecache.invalidate(["article:2"])
    assert call(wrapped, "/story/").cache == "HIT"
    pagecache.invalidate(["article:1"])
    assert call(wrapped, "/story/").cache == "MISS"
    pagecache.invalidate(["ticker"])  # every page shows the ticker
    assert call(wrapped, "/story/").cache == "MISS"
    pagecache.invalidate(["path:/story/"])
    assert call(wrapped, "/story/").cache == "MISS"
    assert app.renders == 4


def test_a_bump_during_the_render_keeps_the_render_out(pagecache):
    class RacingApp(CountingApp):
        def __call__(self, environ, start_response):
            result = super().__call__(environ, start_response)
            if self.renders == 1:  # an editor publishes while we render the old data
                pagecache.invalidate(["article:1"])
            return result

    app = RacingApp()
    wrapped = PageCacheMiddleware(app, pagecache)
    assert call(wrapped, "/story/").status == 200
    assert call(wrapped, "/story/").cache == "MISS"
    assert call(wrapped, "/story/").cache == "HIT"


def test_processes_share_entries_and_invalidations(pagecache, settings):
    """A second cache object over the same directory is what another worker process sees."""
    from silkwire.core.pagecache.cache import build_cache

    other = build_cache()
    app = CountingApp()
    call(PageCacheMiddleware(app, pagecache), "/story/")
    assert call(PageCacheMiddleware(app, other), "/story/").cache == "HIT"  # from SQLite
    assert app.renders == 1
    pagecache.invalidate(["article:1"])  # bumped by "process" one
    assert call(PageCacheMiddleware(app, other), "/story/").cache == "MISS"


def test_the_local_tier_is_bounded_in_bytes(pagecache):
    from silkwire.core.pagecache.store import LocalLRU

    lru = LocalLRU(max_bytes=3 * (len(BODY) * 2))
    wrapped = PageCacheMiddleware(CountingApp(), pagecache)
    pagecache.local = lru
    for i in range(20):
        call(wrapped, f"/story-{i}/")
    assert lru.bytes <= lru.max_bytes
    assert 0 < len(lru) < 20


def test_the_shared_tier_is_trimmed_to_its_bound(pagecache):
    store = pagecache.shared
    store.max_bytes = 50_000
    for i in range(60):
        store.set(f"k{i}", b"x" * 2_000)
    store.trim()
    assert store.stats()["bytes"] <= 50_000
    assert store.get("k59") is not None and store.get("k0") is None


def test_turned_off_the_wrapper_is_transparent(settings, db):
    settings.SILKWIRE_PAGECACHE = False
    app = CountingApp()
    wrapped = PageCacheMiddleware(app)
    assert "x-silkwire-cache" not in call(wrapped, "/story/").headers
    call(wrapped, "/story/")
    assert app.renders == 2
