"""The rates ticker, for the page cache (registered from ``RatesConfig.ready``).

The ticker is on every page, and every page-cache entry depends on ``ticker``. A rates
publication (:data:`silkwire.rates.signals.rates_published`) bumps it once its transaction
commits, so every page is rendered again (one render per page per publication, every
``SILKWIRE_RATES_INTERVAL_MINUTES``).
"""

from __future__ import annotations

from silkwire.core.pagecache.invalidation import invalidate_on_commit
from silkwire.core.pagecache.registry import register_invalidation, register_watch
from silkwire.rates.signals import rates_published


def rates_changed(sender, **kwargs) -> None:
    invalidate_on_commit({"ticker"})


def forget_local_ticker() -> None:
    """Drop this process's copy of the ticker fragment so the next render reads fresh rates.

    The fragment lives in Django's cache, which is per process with the default
    ``locmem://``: the process that stored the rates rebuilt its own copy, the others
    would keep theirs for a day and re-render pages with the old rates.
    """
    from django.core.cache import cache
    from django.utils import timezone

    from silkwire.rates.ticker import cache_key

    cache.delete(cache_key(timezone.localdate()))


def register() -> None:
    """Tell the page cache about the ticker (called from ``RatesConfig.ready``).

    ``silkwire.rates.signals`` connects its own receiver (which rebuilds the ticker) when it
    is imported, before this one: the ticker is fresh before the pages are bumped.
    """
    register_invalidation(rates_published, rates_changed)
    register_watch("ticker", forget_local_ticker)
