"""When to poll a feed next. Pure: numbers and headers in, a delay out.

Miniflux's ``entry_frequency`` scheduler (docs/import-notes.md B.1 §7, B.3): poll a feed as often
as it publishes — ``7 days / entries in the last 7 days`` — bounded to 5 minutes … 24 hours,
never sooner than the feed's own ``<ttl>``, ``Cache-Control: max-age`` or ``Expires`` ask
(still at most 24 hours), ``Retry-After`` honoured on 429/503, exponential back-off on errors,
and ±10 % jitter so feeds added together do not stay in lock-step.
"""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

MIN_INTERVAL = timedelta(minutes=5)
MAX_INTERVAL = timedelta(hours=24)
MAX_RETRY_AFTER = timedelta(days=7)
WEEK = timedelta(days=7)
JITTER = 0.10


def clamp(delta: timedelta, low: timedelta = MIN_INTERVAL, high: timedelta = MAX_INTERVAL):
    return max(low, min(high, delta))


def activity_interval(entries_last_week: int, factor: float = 1.0) -> timedelta:
    """Return 7 days / (entries × factor), bounded; a silent feed is polled daily."""
    if entries_last_week <= 0:
        return MAX_INTERVAL
    return clamp(WEEK / (entries_last_week * factor))


def _http_date(value: str) -> datetime | None:
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def refresh_delay(headers, ttl_minutes: int | None, now: datetime) -> timedelta:
    """Return the longest delay the publisher asks for (RSS ttl, max-age, Expires)."""
    delays = [timedelta(0)]
    if ttl_minutes:
        delays.append(timedelta(minutes=ttl_minutes))
    cache_control = (headers or {}).get("cache-control", "")
    match = re.search(r"max-age\s*=\s*(\d+)", cache_control, re.I)
    if match:
        delays.append(timedelta(seconds=int(match.group(1))))
    expires = (headers or {}).get("expires")
    if expires:
        when = _http_date(expires)
        if when is not None:
            delays.append(when - now)
    return max(delays)


def retry_after(value: str | None, now: datetime) -> timedelta | None:
    """Parse ``Retry-After`` (seconds or an HTTP date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        delay = timedelta(seconds=int(value))
    else:
        when = _http_date(value)
        if when is None:
            return None
        delay = when - now
    return max(timedelta(0), min(delay, MAX_RETRY_AFTER))


def error_backoff(consecutive_errors: int) -> timedelta:
    """Return 5 min × 2^(n−1), at most 24 hours."""
    n = max(1, consecutive_errors)
    return clamp(MIN_INTERVAL * (2 ** min(n - 1, 20)))


def with_jitter(delta: timedelta, rng: random.Random | None = None) -> timedelta:
    factor = 1 + (rng or random).uniform(-JITTER, JITTER)
    return delta * factor


def after_success(
    *,
    entries_last_week: int,
    headers=None,
    ttl_minutes: int | None = None,
    now: datetime,
    rng: random.Random | None = None,
) -> datetime:
    """Return when to poll next after a successful (or 304) fetch."""
    interval = activity_interval(entries_last_week)
    interval = clamp(max(interval, refresh_delay(headers, ttl_minutes, now)))
    return now + clamp(with_jitter(interval, rng))


def after_error(
    *, consecutive_errors: int, retry_after_delay: timedelta | None, now: datetime, rng=None
) -> datetime:
    """Return when to try again after a failure (``Retry-After`` wins when given)."""
    if retry_after_delay is not None:
        return now + max(retry_after_delay, MIN_INTERVAL)
    return now + clamp(with_jitter(error_backoff(consecutive_errors), rng))
