"""Fixtures shared with the page-cache tests (the counter behind the real WSGI stack)."""

from tests.pagecache.conftest import pagecache, site  # noqa: F401
