"""Where cached responses live: a per-process LRU in front of a store shared by processes.

* :class:`LocalLRU` — each process keeps its hottest entries as Python objects, bounded
  in bytes; a hit costs a dict lookup and a version check.
* :class:`SQLiteStore` — the embedded default's shared tier: one SQLite file (WAL) that
  every process on the machine reads and writes, bounded in bytes (oldest stored first
  out). Its pages are in the OS page cache, so a read costs tens of microseconds.
* :class:`RedisStore` — the shared tier for several machines (``SILKWIRE_CACHE_URL``).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import OrderedDict
from pathlib import Path

from silkwire.core.pagecache.entry import Entry


class LocalLRU:
    """A byte-bounded LRU of entries, safe to use from several threads."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.bytes = 0
        self._data: OrderedDict[str, Entry] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Entry | None:
        entry = self._data.get(key)
        if entry is not None:
            try:
                self._data.move_to_end(key)
            except KeyError:  # evicted by another thread just now
                pass
        return entry

    def set(self, key: str, entry: Entry) -> None:
        if entry.size > self.max_bytes:
            return
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self.bytes -= old.size
            self._data[key] = entry
            self.bytes += entry.size
            while self.bytes > self.max_bytes and self._data:
                _, evicted = self._data.popitem(last=False)
                self.bytes -= evicted.size

    def delete(self, key: str) -> None:
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self.bytes -= old.size

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self.bytes = 0

    def __len__(self) -> int:
        return len(self._data)


class SQLiteStore:
    """The shared tier of the embedded default: a SQLite file bounded to ``max_bytes``."""

    def __init__(self, path: Path, max_bytes: int):
        self.path = Path(path)
        self.max_bytes = max_bytes
        self._local = threading.local()
        self._writes = 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = self._db()
        db.execute(
            "CREATE TABLE IF NOT EXISTS entry (key TEXT PRIMARY KEY, stored_at REAL NOT NULL,"
            " size INTEGER NOT NULL, data BLOB NOT NULL)"
        )
        db.execute("CREATE INDEX IF NOT EXISTS entry_stored_at ON entry (stored_at)")

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=0.5, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=OFF")  # a cache: losing the tail on a crash is fine
            self._local.db = db
        return db

    def get(self, key: str) -> bytes | None:
        try:
            row = self._db().execute("SELECT data FROM entry WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def set(self, key: str, data: bytes) -> None:
        try:
            self._db().execute(
                "INSERT OR REPLACE INTO entry (key, stored_at, size, data) VALUES (?, ?, ?, ?)",
                (key, time.time(), len(data), data),
            )
        except sqlite3.OperationalError:  # busy: the local tier still has it
            return
        self._writes += 1
        if self._writes % 100 == 0:
            self.trim()

    def delete(self, key: str) -> None:
        try:
            self._db().execute("DELETE FROM entry WHERE key = ?", (key,))
        except sqlite3.OperationalError:
            pass

    def trim(self) -> None:
        """Delete the oldest entries until the store is under 90 % of its bound."""
        db = self._db()
        try:
            total = db.execute("SELECT COALESCE(SUM(size), 0) FROM entry").fetchone()[0]
            if total <= self.max_bytes:
                return
            excess = total - int(self.max_bytes * 0.9)
            cutoff, freed = None, 0
            for stored_at, size in db.execute(
                "SELECT stored_at, size FROM entry ORDER BY stored_at"
            ):
                freed += size
                cutoff = stored_at
                if freed >= excess:
                    break
            if cutoff is not None:
                db.execute("DELETE FROM entry WHERE stored_at <= ?", (cutoff,))
        except sqlite3.OperationalError:
            pass

    def clear(self) -> None:
        self._db().execute("DELETE FROM entry")

    def stats(self) -> dict:
        count, size = (
            self._db().execute("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM entry").fetchone()
        )
        return {"backend": "sqlite", "path": str(self.path), "entries": count, "bytes": size}


class RedisStore:
    """The shared tier in Redis. Bound it with Redis's own ``maxmemory`` + ``allkeys-lru``."""

    def __init__(self, client, prefix: str, ttl: int, max_bytes: int):
        self.client = client
        self.prefix = f"{prefix}e:"
        self.ttl = ttl
        self.max_bytes = max_bytes

    def get(self, key: str) -> bytes | None:
        return self.client.get(self.prefix + key)

    def set(self, key: str, data: bytes) -> None:
        self.client.set(self.prefix + key, data, ex=self.ttl)

    def delete(self, key: str) -> None:
        self.client.delete(self.prefix + key)

    def clear(self) -> None:
        for batch in _batched(self.client.scan_iter(match=self.prefix + "*", count=500), 500):
            self.client.delete(*batch)

    def trim(self) -> None:
        """Nothing: Redis evicts by its own ``maxmemory`` policy, and entries expire."""

    def stats(self) -> dict:
        count = sum(1 for _ in self.client.scan_iter(match=self.prefix + "*", count=1000))
        return {"backend": "redis", "entries": count, "bytes": None}


def _batched(iterable, n):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) >= n:
            yield batch
            batch = []
    if batch:
        yield batch
