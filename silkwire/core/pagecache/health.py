"""The page cache turns itself off when its store cannot write, and back on when it can.

A full disk (``ENOSPC``, SQLite's "database or disk is full") or a Redis out of memory
must not turn every page into a 500: the cache stops storing and answering, pages are
rendered uncached, the log says so once, the Wagtail dashboard shows it, and a probe
write every ``SILKWIRE_PAGECACHE_RETRY_SECONDS`` turns the cache back on.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
import threading
import time

logger = logging.getLogger("silkwire.pagecache")


def full_reason(exc: BaseException) -> str | None:
    """Say what is full when ``exc`` means the store is out of space, else None."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", 0) or 0
        if code & 0xFF == sqlite3.SQLITE_FULL or "disk is full" in str(exc):
            return "the disk is full"
    if type(exc).__name__ in ("ResponseError", "OutOfMemoryError") and str(exc).startswith("OOM"):
        return "Redis is out of memory"
    return None


class Health:
    """Whether the cache is on; when off, since when, why, and when to try again."""

    def __init__(self, retry_seconds: float):
        self.retry_seconds = retry_seconds
        self.off_since: float | None = None  # wall-clock time, for people
        self.reason = ""
        self._retry_at = 0.0  # monotonic
        self._checked_at = -1e9  # monotonic, last probe or failure
        self._lock = threading.Lock()

    @property
    def on(self) -> bool:
        return self.off_since is None

    def due(self) -> bool:
        """True when the cache is off and a probe write should be tried now."""
        return self.off_since is not None and time.monotonic() >= self._retry_at

    def checked_recently(self) -> bool:
        return time.monotonic() - self._checked_at < self.retry_seconds

    def turn_off(self, reason: str, exc: BaseException | None = None) -> None:
        with self._lock:
            self._checked_at = time.monotonic()
            self._retry_at = time.monotonic() + self.retry_seconds
            if self.off_since is not None:
                return
            self.off_since, self.reason = time.time(), reason
        logger.error(
            "Page cache is off: %s (%s). Pages are served uncached; a write is retried every %d s.",
            reason,
            exc,
            self.retry_seconds,
        )

    def turn_on(self) -> None:
        with self._lock:
            self._checked_at = time.monotonic()
            if self.off_since is None:
                return
            since, self.off_since, self.reason = self.off_since, None, ""
        logger.warning("Page cache is back on after %d s off.", time.time() - since)
