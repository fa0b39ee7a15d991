"""The page cache in front of Django: whole responses, shared by processes, invalidated precisely.

See docs/performance.md. Public names:

* :class:`PageCacheMiddleware` (WSGI) and :class:`PageCacheASGI` wrap the application
  (``silkwire/wsgi.py``, ``silkwire/asgi.py``).
* :func:`declare` — a view says what it shows; :func:`do_not_store` keeps a response out.
* :func:`invalidate` — bump dependency names (``article:42``, ``ticker``, ``global`` …).
* :func:`get_cache` — this process's :class:`PageCache` (``None`` when turned off).
"""

from silkwire.core.pagecache.cache import PageCache, declare, do_not_store, get_cache, reset_cache

__all__ = [
    "PageCache",
    "PageCacheASGI",
    "PageCacheMiddleware",
    "declare",
    "do_not_store",
    "get_cache",
    "invalidate",
    "reset_cache",
]


def __getattr__(name):
    # Imported lazily so that importing the package does not pull in Django's models.
    if name == "PageCacheMiddleware":
        from silkwire.core.pagecache.wsgi import PageCacheMiddleware

        return PageCacheMiddleware
    if name == "PageCacheASGI":
        from silkwire.core.pagecache.asgi import PageCacheASGI

        return PageCacheASGI
    if name == "invalidate":
        from silkwire.core.pagecache.invalidation import invalidate

        return invalidate
    raise AttributeError(name)
