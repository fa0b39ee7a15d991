"""The page cache under abuse: junk query strings, look-alike cookies, a store pushed past its bound."""

from __future__ import annotations

import sqlite3

import pytest
from django.core.signals import request_started

from silkwire.core.pagecache.wsgi import PageCacheMiddleware
from tests.pagecache.harness import call
from tests.pagecache.test_http import CountingApp
from tests.pagecache.test_redis import redis_url  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders():
    """Count the requests that reach Django (renders), whatever the cache answered."""
    seen = []

    def count(**kwargs):
        seen.append(1)

    request_started.connect(count)
    yield seen
    request_started.disconnect(count)


def test_junk_query_strings_are_served_from_one_entry(site, renders, pagecache):
    first = site.get("/?junk=0")
    assert first.status == 200 and first.cache == "MISS"
    for n in range(1, 60):
        response = site.get(f"/?junk={n}&utm_source=x{n}&fbclid={n}&gclid={n}")
        assert response.status == 200 and response.cache == "HIT", n
        assert response.body == first.body
    assert len(renders) == 1
    assert pagecache.shared.stats()["entries"] == 1
    assert site.get("/").cache == "HIT"  # the canonical URL is the same entry


def test_a_parameter_the_route_ignores_never_reaches_the_page(site, renders):
    # The header's search box echoes ?q=; on the home page q is not read, so the stored
    # page (served to everyone) must not carry the first visitor's text.
    response = site.get("/?q=zz-first-visitor-zz")
    assert response.status == 200 and b"zz-first-visitor-zz" not in response.body


def test_parameters_a_route_reads_still_split_the_cache(site, renders, make_article):
    make_article("Almaty tram line approved")
    site.get("/rates/?range=30d")
    assert site.get("/rates/?range=30d&junk=1").cache == "HIT"
    assert site.get("/rates/?range=1y").cache == "MISS"
    search = site.get("/search/?q=tram&junk=1")
    assert search.status == 200 and b"Almaty tram line approved" in search.body
    assert len(renders) == 3


@pytest.mark.parametrize(
    ("cookie", "cached"),
    [
        ("xsessionid=abc", True),
        ("sessionidx=abc; other=1", True),
        ("theme=sessionid", True),
        ("sessionid=abc", False),
        ("theme=dark; sessionid=abc", False),
        ("theme=dark,sessionid=abc", False),
        ("wagtail-preview=1", False),
    ],
)
def test_cookies_are_matched_by_exact_name(pagecache, cookie, cached):
    app = CountingApp()
    wrapped = PageCacheMiddleware(app, pagecache)
    call(wrapped, "/story/")
    response = call(wrapped, "/story/", headers={"Cookie": cookie})
    assert (response.cache == "HIT") is cached
    assert app.renders == (1 if cached else 2)


def test_the_configured_session_cookie_name_is_the_one_that_bypasses(settings, tmp_path):
    from silkwire.core.pagecache import get_cache

    settings.SILKWIRE_PAGECACHE = True
    settings.SILKWIRE_PAGECACHE_DIR = tmp_path / "pc"
    settings.SESSION_COOKIE_NAME = "sw_session"
    cache = get_cache()
    assert cache.private_request({"HTTP_COOKIE": "sw_session=1"})
    assert not cache.private_request({"HTTP_COOKIE": "sessionid=1"})
    settings.SILKWIRE_PAGECACHE = False


def _bytes_on_disk(path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT COALESCE(SUM(LENGTH(data)), 0) FROM entry").fetchone()[0]


def test_the_sqlite_store_holds_its_bound_at_every_write(pagecache):
    store = pagecache.shared
    store.max_bytes = 3 * 1024 * 1024
    page = b"x" * 45_000
    worst = 0
    for n in range(200):
        store.set(f"http://localhost/?junk={n}", page)
        worst = max(worst, _bytes_on_disk(store.path))
        assert store.get(f"http://localhost/?junk={n}") == page  # the newest is kept
    assert worst <= store.max_bytes
    assert store.stats()["bytes"] == _bytes_on_disk(store.path)
    assert store.get("http://localhost/?junk=0") is None  # the oldest went first


def test_the_bound_holds_across_processes_sharing_the_file(pagecache):
    from silkwire.core.pagecache.store import SQLiteStore

    one = pagecache.shared
    two = SQLiteStore(one.path, one.max_bytes)  # another worker's view of the same file
    one.max_bytes = two.max_bytes = 500_000
    for n in range(60):
        (one if n % 2 else two).set(f"k{n}", b"y" * 20_000)
        assert _bytes_on_disk(one.path) <= 500_000


def test_the_redis_store_holds_its_bound_at_every_write(redis_url):  # noqa: F811
    import redis

    from silkwire.core.pagecache.store import RedisStore

    client = redis.Redis.from_url(redis_url)
    store = RedisStore(client, "t:", ttl=3600, max_bytes=3 * 1024 * 1024)
    page = b"x" * 45_000
    for n in range(200):
        store.set(f"http://localhost/?junk={n}", page)
        stored = sum(client.strlen(k) for k in client.scan_iter(match="t:e:*", count=1000))
        assert stored <= store.max_bytes, n
        assert store.get(f"http://localhost/?junk={n}") == page
    assert store.stats()["bytes"] == stored
    assert store.get("http://localhost/?junk=0") is None
    store.clear()
    assert store.stats() == {"backend": "redis", "entries": 0, "bytes": 0}
