"""Scheduled rate refresh: ``silkwire serve`` runs it in-process, ``silkwire runjobs`` under cron."""

from __future__ import annotations

import logging

from django.conf import settings

from silkwire.core.jobs import Job

log = logging.getLogger("silkwire.rates")


def refresh_rates() -> dict[str, str]:
    """Fetch every source's latest publication; a source that is down changes nothing shown."""
    from silkwire.rates.fetching import fetch_all

    report = fetch_all(trigger="schedule")
    summary = {
        code: ", ".join(
            f"{o.log.outcome}{f' ({o.log.reason})' if o.log.reason else ''}" for o in outs
        )
        for code, outs in report.items()
    }
    failed = [code for code, outs in report.items() if any(o.log.failed for o in outs)]
    if failed:
        log.warning("rates refresh: %s failed; last values stay in place", ", ".join(failed))
    return summary


def interval_seconds() -> int:
    return max(1, int(getattr(settings, "SILKWIRE_RATES_INTERVAL_MINUTES", 30))) * 60


JOBS = [
    Job(
        "rates_refresh",
        interval_seconds(),
        refresh_rates,
        "Fetch the official exchange rates (NBK, NBKR, NBT, CBU, CBT, CBR)",
    )
]
