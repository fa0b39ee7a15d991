"""A full disk turns the page cache off (pages served uncached, never a 500), and back on."""

from __future__ import annotations

import errno
import logging

import pytest
from django.test import Client

from silkwire.core.pagecache.store import SQLiteStore
from silkwire.core.pagecache.wsgi import PageCacheMiddleware
from tests.pagecache.harness import call
from tests.pagecache.test_http import BODY, CountingApp

pytestmark = pytest.mark.django_db
UNLIMITED = 1073741823


def fill_the_disk(store: SQLiteStore) -> None:
    """Make SQLite itself report "database or disk is full" for any write that needs space."""
    import sqlite3

    db = store._db()
    db.execute("CREATE TABLE IF NOT EXISTS filler (data BLOB)")
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    try:  # use up the free pages left by earlier deletes, as a full disk would
        while True:
            db.execute("INSERT INTO filler VALUES (zeroblob(1024))")
    except sqlite3.OperationalError as exc:
        assert "full" in str(exc)


def free_the_disk(store: SQLiteStore) -> None:
    store._db().execute(f"PRAGMA max_page_count = {UNLIMITED}")


def off_messages(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if "Page cache is off" in r.getMessage()]


def test_a_full_disk_turns_the_cache_off_and_a_later_write_turns_it_on(site, pagecache, caplog):
    caplog.set_level(logging.WARNING, logger="silkwire.pagecache")
    assert site.get("/").cache == "MISS"
    assert site.get("/").cache == "HIT"
    fill_the_disk(pagecache.shared)
    pagecache.health.retry_seconds = 0  # retry on every request (60 s in production)

    stored = site.get("/kazakhstan/")
    assert stored.status == 200 and b"Kazakhstan" in stored.body  # served, not a 500
    assert not pagecache.health.on and pagecache.health.reason == "the disk is full"
    for _ in range(5):  # still full: every probe fails, pages are rendered uncached
        response = site.get("/kazakhstan/")
        assert response.status == 200 and "x-silkwire-cache" not in response.headers
        assert site.get("/").status == 200
    (message,) = off_messages(caplog)  # said once, not once per request
    assert "the disk is full" in message

    free_the_disk(pagecache.shared)
    assert site.get("/kazakhstan/").cache == "MISS"  # the probe succeeded: on again
    assert site.get("/kazakhstan/").cache == "HIT"
    assert pagecache.health.on
    assert any("back on" in r.getMessage() for r in caplog.records)


def test_it_stays_off_until_the_retry_interval_has_passed(pagecache):
    app = CountingApp()
    wrapped = PageCacheMiddleware(app, pagecache)
    fill_the_disk(pagecache.shared)
    pagecache.health.retry_seconds = 3600
    assert call(wrapped, "/story/").body == BODY
    free_the_disk(pagecache.shared)
    for _ in range(3):
        assert "x-silkwire-cache" not in call(wrapped, "/story/").headers
    assert app.renders == 4


def test_enospc_at_the_stores_write_boundary_turns_it_off(pagecache, monkeypatch, caplog):
    caplog.set_level(logging.WARNING, logger="silkwire.pagecache")

    def no_space(db, key, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(SQLiteStore, "_write", staticmethod(no_space))
    app = CountingApp()
    wrapped = PageCacheMiddleware(app, pagecache)
    first = call(wrapped, "/story/")
    assert first.status == 200 and first.body == BODY
    assert not pagecache.health.on
    second = call(wrapped, "/story/")
    assert second.status == 200 and "x-silkwire-cache" not in second.headers
    assert app.renders == 2
    assert len(off_messages(caplog)) == 1


def test_other_store_errors_are_not_mistaken_for_a_full_disk(pagecache, monkeypatch):
    import sqlite3

    def busy(db, key, data):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(SQLiteStore, "_write", staticmethod(busy))
    wrapped = PageCacheMiddleware(CountingApp(), pagecache)
    assert call(wrapped, "/story/").status == 200
    assert pagecache.health.on  # a busy store drops one write; the local tier still has it
    assert call(wrapped, "/story/").cache == "HIT"


def test_the_dashboard_says_the_cache_is_off_and_since_when(site, pagecache, admin_user):
    from datetime import UTC, datetime

    from django.utils import timezone

    client = Client()
    client.force_login(admin_user)
    assert "Page cache is off" not in client.get("/admin/").content.decode()
    fill_the_disk(pagecache.shared)
    pagecache.health.retry_seconds = 3600
    assert site.get("/kazakhstan/").status == 200
    dashboard = client.get("/admin/").content.decode()
    since = datetime.fromtimestamp(pagecache.health.off_since, UTC)
    since = timezone.localtime(since).strftime("%H:%M")
    assert "Page cache is off: the disk is full since" in dashboard
    assert f">{since}</time>" in dashboard
