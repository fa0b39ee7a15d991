"""Optional: purge a front cache (nginx, Varnish, Cloudflare…) through Wagtail's frontend_cache.

Configured with Django's ``WAGTAILFRONTENDCACHE`` (docs/deploy.md). The URLs purged are
the ``path:`` names an invalidation bumps and the paths the apps registered for the other
names (:func:`~silkwire.core.pagecache.registry.register_purge_urls`; for news: the home
page and the listing pages of an article's countries, topics, tags and authors).
``global`` and ``ticker`` changes cannot be listed URL by URL: the front cache catches up
within ``SILKWIRE_PAGECACHE_S_MAXAGE`` seconds.
"""

from __future__ import annotations

import logging

from django.conf import settings

from silkwire.core.pagecache.registry import purge_paths

logger = logging.getLogger(__name__)


def urls_for(names: set[str]) -> list[str]:
    """The absolute URLs (``SILKWIRE_BASE_URL`` + path) behind ``names``, sorted."""
    base = settings.SILKWIRE_BASE_URL
    return sorted(base + p for p in purge_paths(set(names)))


def purge_front_cache(names: set[str]) -> None:
    """Purge the URLs behind ``names`` from the configured front caches, if any."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    try:
        purge_urls_from_cache(urls_for(names))
    except Exception:  # a front cache being down must not break publishing
        logger.exception("front cache purge failed")
