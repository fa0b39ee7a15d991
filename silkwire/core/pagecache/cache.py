"""The page cache: lookup, validation and storage of whole responses, shared by processes."""

from __future__ import annotations

import contextvars
import logging
import os
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.signals import setting_changed

from silkwire.core.pagecache.entry import Entry, build_entry
from silkwire.core.pagecache.health import Health, full_reason
from silkwire.core.pagecache.keys import RequestRules
from silkwire.core.pagecache.registry import WATCHES, apply_watches
from silkwire.core.pagecache.store import LocalLRU, RedisStore, SQLiteStore
from silkwire.core.pagecache.versions import MmapVersions, RedisVersions, slot_of

# The dependencies a render declares (see deps.py); None outside a cached render.
RENDER_DEPS: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar(
    "silkwire_pagecache_deps", default=None
)
NO_STORE = "!no-store"
# Every entry depends on these: a full clear, and the rates ticker shown on every page.
ALWAYS = ("global", "ticker")
# What a response that declared nothing (feeds, sitemaps, other views) depends on.
DEFAULT_DEPS = ("articles",)


def declare(*names: str) -> None:
    """Record that the response being rendered depends on ``names`` (no-op outside the cache)."""
    collector = RENDER_DEPS.get()
    if collector is not None:
        collector.update(names)


def do_not_store() -> None:
    """Keep the response being rendered out of the cache."""
    declare(NO_STORE)


# Set on the request Django sees when the cache renders a client's HEAD as a GET.
HEAD_MARK = "silkwire.pagecache.head"


def requested_method(request) -> str:
    """The method the client sent (the cache turns HEAD into GET to store the page)."""
    if request.META.get(HEAD_MARK) or getattr(request, "scope", {}).get(HEAD_MARK):
        return "HEAD"
    return request.method


class PageCache:
    def __init__(
        self,
        *,
        versions,
        shared,
        local_bytes: int,
        ttl: int,
        cache_control: str,
        brotli_quality: int = 5,
        max_entry_bytes: int = 2 * 1024 * 1024,
        bypass_prefixes: tuple[str, ...] = (),
        bypass_cookies: tuple[str, ...] = (),
        ignore_params: tuple[str, ...] = (),
        query_params: dict | None = None,
        retry_seconds: float = 60,
    ):
        self.versions = versions
        self.shared = shared
        self.local = LocalLRU(local_bytes)
        self.ttl = ttl
        self.cache_control = cache_control
        self.brotli_quality = brotli_quality
        self.max_entry_bytes = max_entry_bytes
        self.bypass_prefixes = bypass_prefixes
        self.rules = RequestRules(
            bypass_cookies=bypass_cookies, ignore_params=ignore_params, query_params=query_params
        )
        self.health = Health(retry_seconds)
        self.hits = self.misses = self.stores = 0
        self._watchers: list[list] = []
        self._registry_watched: set = set()  # (name, callback) of registry.WATCHES applied
        self._seen_sequence = -1

    # --- keys ----------------------------------------------------------------------------------
    def key(self, environ: dict) -> tuple[str, str]:
        """The base key and the canonical query string Django is given on a miss (keys.py)."""
        return self.rules.key(environ)

    def base_key(self, environ: dict) -> str:
        return self.rules.key(environ)[0]

    @staticmethod
    def variant_key(base: str, vary: tuple[str, ...], environ: dict) -> str:
        values = [environ.get("HTTP_" + h.upper().replace("-", "_"), "") for h in vary]
        return base + "\0" + "\0".join(values)

    def private_request(self, environ: dict) -> bool:
        return self.rules.private(environ)

    # --- on and off ------------------------------------------------------------------------------
    def available(self) -> bool:
        """Say whether to use the cache for this request; retry a write when it is off and due."""
        if self.health.on:
            return True
        if self.health.due():
            self.probe()
        return self.health.on

    def check(self) -> None:
        """Probe when one is due, also while on (for a process that has not written lately)."""
        if self.health.on and not self.health.checked_recently():
            self.probe()
        else:
            self.available()

    def probe(self) -> bool:
        """Try a write the size of a page; turn the cache on or off by its outcome."""
        try:
            self.shared.probe()
        except Exception as exc:  # noqa: BLE001 - any failure keeps it off until the next try
            self.health.turn_off(full_reason(exc) or f"its store cannot write ({exc})", exc)
            return False
        self.health.turn_on()
        return True

    # --- lookup ------------------------------------------------------------------------------------
    def valid(self, entry: Entry) -> bool:
        if entry.nonce != self.versions.nonce or time.time() - entry.stored_at > self.ttl:
            return False
        read = self.versions.read
        for slot, version in entry.deps:
            if read(slot) != version:
                return False
        return True

    def _get(self, key: str) -> Entry | None:
        entry = self.local.get(key)
        if entry is not None:
            if self.valid(entry):
                return entry
            self.local.delete(key)
        data = self.shared.get(key)
        if data is None:
            return None
        try:
            entry = Entry.loads(data)
        except (ValueError, KeyError, TypeError):
            return None
        if not self.valid(entry):
            return None
        self.local.set(key, entry)
        return entry

    def lookup(self, base: str, environ: dict) -> Entry | None:
        """Return the valid entry for this request, or None."""
        self.versions.refresh()
        entry = self._get(base)
        if entry is not None and entry.vary:
            entry = self._get(self.variant_key(base, entry.vary, environ))
        if entry is None:
            self.misses += 1
        else:
            self.hits += 1
        return entry

    # --- storing ----------------------------------------------------------------------------------
    def begin(self) -> int:
        """Call before rendering: the returned token lets :meth:`store` detect a bump meanwhile."""
        if len(self._registry_watched) != len(WATCHES):  # registered after this cache was built
            apply_watches(self, self._registry_watched)
        self.versions.refresh()
        token = self.versions.sequence()
        if token != self._seen_sequence:
            self._run_watchers()
            self._seen_sequence = token
        return token

    def watch(self, name: str, callback) -> None:
        """Call ``callback()`` in this process before its next render once ``name`` is bumped.

        For per-process state a render reads, such as a fragment in a ``locmem`` Django
        cache: a bump made by another process cannot reach it otherwise.
        """
        slot = slot_of(name, self.versions.slots)
        self._watchers.append([slot, self.versions.read(slot), callback])

    def _run_watchers(self) -> None:
        for watcher in self._watchers:
            slot, seen, callback = watcher
            current = self.versions.read(slot)
            if current != seen:
                watcher[1] = current
                callback()

    def make_entry(
        self,
        token: int,
        status: str,
        headers: list[tuple[str, str]],
        body: bytes,
        deps: set[str],
        path: str,
        vary: tuple[str, ...],
    ) -> tuple[Entry, bool]:
        """Build the entry for a rendered response; say whether it may be kept."""
        names = set(deps or DEFAULT_DEPS) | set(ALWAYS) | {f"path:{path}"}
        names.discard(NO_STORE)
        read, slots = self.versions.read, self.versions.slots
        pairs = sorted({(slot, read(slot)) for slot in (slot_of(n, slots) for n in names)})
        entry = build_entry(
            status,
            headers,
            body,
            deps=pairs,
            nonce=self.versions.nonce,
            vary=vary,
            cache_control=self.cache_control,
            brotli_quality=self.brotli_quality,
        )
        # A bump between begin() and now may have hit a dependency after the render read the
        # old data: keep nothing then (bumps are rare; the next request renders again).
        keep = self.versions.sequence() == token and NO_STORE not in deps
        return entry, keep

    def put(self, base: str, environ: dict, entry: Entry) -> None:
        if entry.vary:
            marker = Entry(
                status=entry.status,
                headers=[],
                bodies={"identity": b""},
                etag="",
                last_modified=entry.last_modified,
                stored_at=entry.stored_at,
                deps=entry.deps,
                nonce=entry.nonce,
                vary=entry.vary,
            )
            self._put(base, marker)
            self._put(self.variant_key(base, entry.vary, environ), entry)
        else:
            self._put(base, entry)
        self.stores += 1

    def _put(self, key: str, entry: Entry) -> None:
        try:
            self.shared.set(key, entry.dumps())
        except Exception as exc:
            reason = full_reason(exc)
            if reason is None:
                raise
            self.health.turn_off(reason, exc)
            return
        self.local.set(key, entry)

    # --- invalidation ------------------------------------------------------------------------------
    def invalidate(self, names) -> None:
        """Make every entry depending on any of ``names`` invalid, in every process."""
        slots = self.versions.slots
        self.versions.bump(slot_of(n, slots) for n in names)

    def clear(self) -> None:
        """Invalidate everything and empty the stores."""
        self.invalidate(["global"])
        self.local.clear()
        self.shared.clear()

    def stats(self) -> dict:
        return {
            **self.shared.stats(),
            "local_entries": len(self.local),
            "local_bytes": self.local.bytes,
            "local_max_bytes": self.local.max_bytes,
            "shared_max_bytes": self.shared.max_bytes,
            "sequence": self.versions.sequence(),
            "hits": self.hits,
            "misses": self.misses,
            "stores": self.stores,
            "off_since": self.health.off_since,
            "off_reason": self.health.reason,
        }


def cache_control_header() -> str:
    parts = ["public", f"max-age={settings.SILKWIRE_PAGECACHE_MAX_AGE}"]
    parts.append(f"s-maxage={settings.SILKWIRE_PAGECACHE_S_MAXAGE}")
    if settings.SILKWIRE_PAGECACHE_SWR:
        parts.append(f"stale-while-revalidate={settings.SILKWIRE_PAGECACHE_SWR}")
    return ", ".join(parts)


def build_cache() -> PageCache | None:
    """Make the page cache the settings describe, or None when it is turned off."""
    if not settings.SILKWIRE_PAGECACHE:
        return None
    mb = 1024 * 1024
    shared_bytes = settings.SILKWIRE_PAGECACHE_SHARED_MB * mb
    url = settings.CACHE_URL
    if url.startswith(("redis://", "rediss://", "unix://")):
        import redis

        client = redis.Redis.from_url(url)
        prefix = "silkwire:pagecache:"
        versions = RedisVersions(
            client, prefix, sync_seconds=settings.SILKWIRE_PAGECACHE_SYNC_MS / 1000
        )
        shared = RedisStore(client, prefix, settings.SILKWIRE_PAGECACHE_TTL, shared_bytes)
    else:
        directory = Path(settings.SILKWIRE_PAGECACHE_DIR)
        versions = MmapVersions(directory / "versions.bin")
        shared = SQLiteStore(directory / "pages.sqlite3", shared_bytes)
    bypass = tuple(p.strip() for p in settings.SILKWIRE_PAGECACHE_BYPASS.split(",") if p.strip())
    ignore = tuple(
        p.strip() for p in settings.SILKWIRE_PAGECACHE_IGNORE_PARAMS.split(",") if p.strip()
    )
    return PageCache(
        versions=versions,
        shared=shared,
        local_bytes=settings.SILKWIRE_PAGECACHE_LOCAL_MB * mb,
        ttl=settings.SILKWIRE_PAGECACHE_TTL,
        cache_control=cache_control_header(),
        brotli_quality=settings.SILKWIRE_PAGECACHE_BROTLI_QUALITY,
        bypass_prefixes=bypass,
        # Exact names (keys.py). Not the CSRF cookie: a page that uses a token sets that
        # cookie (Django renews it on every use), and a response with Set-Cookie is never kept.
        bypass_cookies=(settings.SESSION_COOKIE_NAME, "wagtail-preview"),
        ignore_params=ignore,
        query_params=getattr(settings, "SILKWIRE_PAGECACHE_QUERY_PARAMS", None),
        retry_seconds=getattr(settings, "SILKWIRE_PAGECACHE_RETRY_SECONDS", 60),
    )


_lock = threading.Lock()
_current: tuple[int, PageCache | None] | None = None
_retry_build_at = 0.0
logger = logging.getLogger("silkwire.pagecache")


def get_cache() -> PageCache | None:
    """Return this process's page cache (built on first use, rebuilt after a fork)."""
    global _current, _retry_build_at
    current = _current
    if current is not None and current[0] == os.getpid():
        return current[1]
    if time.monotonic() < _retry_build_at:
        return None
    with _lock:
        if _current is None or _current[0] != os.getpid():
            try:
                cache = build_cache()
            except Exception as exc:
                reason = full_reason(exc)
                if reason is None:
                    raise
                # Cannot even create the store (full disk at start): serve uncached, retry later.
                if not _retry_build_at:
                    logger.error("Page cache is off: %s (%s).", reason, exc)
                _retry_build_at = time.monotonic() + settings.SILKWIRE_PAGECACHE_RETRY_SECONDS
                return None
            _retry_build_at = 0.0
            if cache is not None:
                apply_watches(cache, cache._registry_watched)
            _current = (os.getpid(), cache)
        return _current[1]


def reset_cache(**kwargs) -> None:
    """Forget the built cache (the next use builds it again from the settings)."""
    global _current
    if kwargs.get("setting", "SILKWIRE_PAGECACHE").startswith(("SILKWIRE_PAGECACHE", "CACHE_URL")):
        _current = None


setting_changed.connect(reset_cache, dispatch_uid="silkwire-pagecache-reset")
