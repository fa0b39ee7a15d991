"""The Redis backend (``SILKWIRE_CACHE_URL=redis://…``): shared entries and versions across machines.

Runs against a throw-away ``redis-server`` on a loopback port; skipped when Debian's
``redis-server`` is not installed.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time

import pytest

from silkwire.core.pagecache.wsgi import PageCacheMiddleware
from tests.pagecache.harness import call
from tests.pagecache.test_http import BODY, CountingApp

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server not installed"),
]


@pytest.fixture
def redis_url(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def two_machines(redis_url, settings):
    from silkwire.core.pagecache.cache import build_cache

    settings.SILKWIRE_PAGECACHE = True
    settings.CACHE_URL = redis_url
    settings.SILKWIRE_PAGECACHE_SYNC_MS = 0  # check Redis on every request in the test
    return build_cache(), build_cache()


def test_entries_and_invalidations_are_shared_through_redis(two_machines):
    one, two = two_machines
    app = CountingApp()
    assert call(PageCacheMiddleware(app, one), "/story/").cache == "MISS"
    hit = call(PageCacheMiddleware(app, two), "/story/", headers={"Accept-Encoding": "br"})
    assert hit.cache == "HIT" and hit.headers["content-encoding"] == "br"
    assert app.renders == 1
    one.invalidate(["article:1"])
    again = call(PageCacheMiddleware(app, two), "/story/")
    assert again.cache == "MISS" and again.body == BODY
    assert app.renders == 2


def test_another_machine_sees_a_bump_within_the_sync_interval(two_machines):
    one, two = two_machines
    two.versions.sync_seconds = 0.2
    app = CountingApp()
    call(PageCacheMiddleware(app, two), "/story/")
    one.invalidate(["ticker"])
    time.sleep(0.25)
    assert call(PageCacheMiddleware(app, two), "/story/").cache == "MISS"


def test_clear_empties_redis(two_machines):
    one, two = two_machines
    call(PageCacheMiddleware(CountingApp(), one), "/story/")
    assert two.stats()["entries"] == 1
    one.clear()
    assert two.stats()["entries"] == 0
