"""Optional: purge a front cache (nginx, Varnish, Cloudflare…) through Wagtail's frontend_cache.

Configured with Django's ``WAGTAILFRONTENDCACHE`` (docs/deploy.md). The URLs purged are
the ones an invalidation names: the article's old and new URLs, the home page, and the
listing pages of its countries (with their topic pages), topics, tags and authors.
``global`` and ``ticker`` changes cannot be listed URL by URL: the front cache catches up
within ``SILKWIRE_PAGECACHE_S_MAXAGE`` seconds.
"""

from __future__ import annotations

import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def urls_for(names: set[str]) -> list[str]:
    from taggit.models import Tag

    from silkwire.news.models import Author, CountryPage, Topic

    base = settings.SILKWIRE_BASE_URL
    paths: set[str] = set()
    ids: dict[str, list[int]] = {}
    for name in names:
        kind, _, value = name.partition(":")
        if kind == "path":
            paths.add(value)
        elif kind == "articles":
            paths.add("/")
        elif value.isdigit():
            ids.setdefault(kind, []).append(int(value))
    topics = list(Topic.objects.values_list("slug", flat=True))
    for country in CountryPage.objects.filter(pk__in=ids.get("country", [])):
        url = country.url
        if url:
            paths.add(url)
            paths.update(f"{url}{slug}/" for slug in topics)
    paths.update(
        f"/topics/{s}/"
        for s in Topic.objects.filter(pk__in=ids.get("topic", [])).values_list("slug", flat=True)
    )
    paths.update(
        f"/authors/{s}/"
        for s in Author.objects.filter(pk__in=ids.get("author", [])).values_list("slug", flat=True)
    )
    paths.update(
        f"/tags/{s}/"
        for s in Tag.objects.filter(pk__in=ids.get("tag", [])).values_list("slug", flat=True)
    )
    return sorted(base + p for p in paths)


def purge_front_cache(names: set[str]) -> None:
    """Purge the URLs behind ``names`` from the configured front caches, if any."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    try:
        purge_urls_from_cache(urls_for(names))
    except Exception:  # a front cache being down must not break publishing
        logger.exception("front cache purge failed")
