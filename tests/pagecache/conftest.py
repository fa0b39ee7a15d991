from __future__ import annotations

import pytest

from tests.pagecache.harness import call


@pytest.fixture
def pagecache(tmp_path, settings):
    """A fresh embedded page cache in a temporary directory."""
    from silkwire.core.pagecache import get_cache

    settings.SILKWIRE_PAGECACHE = True
    settings.SILKWIRE_PAGECACHE_DIR = tmp_path / "pagecache"
    cache = get_cache()
    assert cache is not None
    yield cache
    settings.SILKWIRE_PAGECACHE = False  # rebuilt lazily for the next test


@pytest.fixture
def site(pagecache, db):
    """GET/HEAD through the real ``silkwire.wsgi.application`` (cache in front of Django)."""
    from silkwire.wsgi import application

    class Site:
        def get(self, url, **headers):
            return call(
                application, url, "GET", {k.replace("_", "-"): v for k, v in headers.items()}
            )

        def head(self, url, **headers):
            return call(
                application, url, "HEAD", {k.replace("_", "-"): v for k, v in headers.items()}
            )

    return Site()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a change and its on-commit callbacks, as a real commit would."""

    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return run
