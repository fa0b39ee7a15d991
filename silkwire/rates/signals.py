"""``rates_published``: sent after new observations are stored (or an override changes).

Receivers get ``sender`` (the storing module), ``currencies`` (a set of codes) and
``dates`` (a set of dates). The ticker cache is rebuilt here; the page cache hooks in too.
"""

from __future__ import annotations

import logging

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

rates_published = Signal()


@receiver(rates_published)
def refresh_ticker(sender, **kwargs) -> None:
    """Rebuild the ticker; a rendering problem must never undo or fail the storing."""
    from silkwire.rates.ticker import invalidate_ticker

    try:
        invalidate_ticker()
    except Exception:
        logging.getLogger("silkwire.rates").exception("could not rebuild the rates ticker")


def _override_changed(sender, instance, **kwargs) -> None:
    rates_published.send(sender=sender, currencies={instance.currency}, dates={instance.rate_date})


def connect_override_signals() -> None:
    from silkwire.rates.models import RateOverride

    post_save.connect(_override_changed, sender=RateOverride, dispatch_uid="rates-override-save")
    post_delete.connect(
        _override_changed, sender=RateOverride, dispatch_uid="rates-override-delete"
    )


connect_override_signals()
