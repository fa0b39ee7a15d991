"""Where cached responses live: a per-process LRU in front of a store shared by processes.

* :class:`LocalLRU` — each process keeps its hottest entries as Python objects, bounded
  in bytes; a hit costs a dict lookup and a version check.
* :class:`SQLiteStore` — the embedded default's shared tier: one SQLite file (WAL) that
  every process on the machine reads and writes, bounded in bytes (oldest stored first
  out). Its pages are in the OS page cache, so a read costs tens of microseconds.
* :class:`RedisStore` — the shared tier for several machines (``SILKWIRE_CACHE_URL``),
  bounded in bytes the same way.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import OrderedDict
from pathlib import Path

from silkwire.core.pagecache.entry import Entry
from silkwire.core.pagecache.health import full_reason


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


PROBE_KEY = "\0probe"
PROBE_BYTES = 128 * 1024  # about a large page with its compressed variants


class SQLiteStore:
    """The shared tier of the embedded default: a SQLite file bounded to ``max_bytes``.

    The bound holds after every write: triggers keep the running total of entry sizes in
    ``meta``, and the write that takes it past the bound deletes the oldest entries (down to
    90 %) in the same transaction, so no process ever sees the store over its bound.
    """

    def __init__(self, path: Path, max_bytes: int):
        self.path = Path(path)
        self.max_bytes = max_bytes
        self._local = threading.local()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute(
                "CREATE TABLE IF NOT EXISTS entry (key TEXT PRIMARY KEY, stored_at REAL NOT NULL,"
                " size INTEGER NOT NULL, data BLOB NOT NULL)"
            )
            db.execute("CREATE INDEX IF NOT EXISTS entry_stored_at ON entry (stored_at)")
            db.execute(
                "CREATE TABLE IF NOT EXISTS meta (id INTEGER PRIMARY KEY CHECK (id = 1),"
                " total INTEGER NOT NULL)"
            )
            # A store made before the running total: count what it holds once.
            db.execute(
                "INSERT OR IGNORE INTO meta (id, total) SELECT 1, COALESCE(SUM(size), 0) FROM entry"
            )
            for name, event, change in (
                ("entry_total_insert", "INSERT", "+ new.size"),
                ("entry_total_delete", "DELETE", "- old.size"),
                ("entry_total_update", "UPDATE OF size", "- old.size + new.size"),
            ):
                # The three triggers' names and clauses are the constants above; no input.
                sql = (
                    f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON entry BEGIN"  # noqa: S608
                    f" UPDATE meta SET total = total {change} WHERE id = 1; END"
                )
                db.execute(sql)
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=0.5, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=OFF")  # a cache: losing the tail on a crash is fine
            db.execute("PRAGMA recursive_triggers=ON")  # REPLACE's deletes keep the total right
            self._local.db = db
        return db

    def get(self, key: str) -> bytes | None:
        try:
            row = self._db().execute("SELECT data FROM entry WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    @staticmethod
    def _write(db: sqlite3.Connection, key: str, data: bytes) -> None:
        """The one statement that writes an entry (where a full disk shows up)."""
        db.execute(
            "INSERT INTO entry (key, stored_at, size, data) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (key) DO UPDATE SET stored_at = excluded.stored_at,"
            " size = excluded.size, data = excluded.data",
            (key, time.time(), len(data), data),
        )

    def set(self, key: str, data: bytes) -> None:
        """Store ``data``, evicting the oldest entries first if the bound would be passed.

        A busy database drops the write (the local tier still has the entry); a full disk
        raises, so that the cache can turn itself off (health.py).
        """
        if len(data) > self.max_bytes:
            return
        db = self._db()
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                self._write(db, key, data)
                self._evict(db, keep=key)
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            if full_reason(exc):
                raise
            return

    def _evict(self, db: sqlite3.Connection, keep: str) -> None:
        total = db.execute("SELECT total FROM meta WHERE id = 1").fetchone()[0]
        if total <= self.max_bytes:
            return
        excess = total - int(self.max_bytes * 0.9)
        cutoff, freed = None, 0
        for stored_at, size in db.execute(
            "SELECT stored_at, size FROM entry WHERE key != ? ORDER BY stored_at", (keep,)
        ):
            freed += size
            cutoff = stored_at
            if freed >= excess:
                break
        if cutoff is not None:
            db.execute("DELETE FROM entry WHERE stored_at <= ? AND key != ?", (cutoff, keep))

    def probe(self) -> None:
        """Write and delete a page-sized entry; raise if the store cannot write."""
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        try:
            self._write(db, PROBE_KEY, b"\0" * PROBE_BYTES)
            db.execute("DELETE FROM entry WHERE key = ?", (PROBE_KEY,))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def delete(self, key: str) -> None:
        try:
            self._db().execute("DELETE FROM entry WHERE key = ?", (key,))
        except sqlite3.OperationalError:
            pass

    def trim(self) -> None:
        """Delete the oldest entries until the store is under its bound (every write does)."""
        db = self._db()
        try:
            db.execute("BEGIN IMMEDIATE")
            self._evict(db, keep="")
            db.execute("COMMIT")
        except sqlite3.OperationalError:
            if db.in_transaction:
                db.execute("ROLLBACK")

    def clear(self) -> None:
        self._db().execute("DELETE FROM entry")

    def stats(self) -> dict:
        count, size = (
            self._db().execute("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM entry").fetchone()
        )
        return {"backend": "sqlite", "path": str(self.path), "entries": count, "bytes": size}


# Store an entry and keep the total under the bound in one atomic step. Sizes and the order
# of storing live beside the entries; entries that expired by themselves are forgotten first.
# KEYS: entry, index (zset: key -> stored_at), sizes (hash: key -> bytes), total.
# ARGV: data, ttl, now, max_bytes, entry prefix, key.
_REDIS_SET = """
local index, sizes, total_key = KEYS[2], KEYS[3], KEYS[4]
local data, ttl, now, max = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local prefix, key = ARGV[5], ARGV[6]
local function forget(k)
  local size = tonumber(redis.call('HGET', sizes, k) or '0')
  redis.call('HDEL', sizes, k)
  redis.call('ZREM', index, k)
  redis.call('DEL', prefix .. k)
  if size > 0 then redis.call('DECRBY', total_key, size) end
end
for _, k in ipairs(redis.call('ZRANGEBYSCORE', index, '-inf', now - ttl)) do forget(k) end
forget(key)
redis.call('SET', KEYS[1], data, 'EX', ttl)
redis.call('HSET', sizes, key, string.len(data))
redis.call('ZADD', index, now, key)
local total = redis.call('INCRBY', total_key, string.len(data))
if total > max then
  local target = math.floor(max * 0.9)
  while total > target do
    local oldest = redis.call('ZRANGE', index, 0, 0)[1]
    if oldest == nil or oldest == key then break end
    forget(oldest)
    total = tonumber(redis.call('GET', total_key) or '0')
  end
end
return total
"""


class RedisStore:
    """The shared tier in Redis, bounded to ``max_bytes`` at every write (oldest out first).

    Keep Redis's own ``maxmemory`` above the bound as a backstop; with ``noeviction`` a
    full Redis turns the page cache off until a write succeeds again (health.py).
    """

    def __init__(self, client, prefix: str, ttl: int, max_bytes: int):
        self.client = client
        self.prefix = f"{prefix}e:"
        self.keys = [f"{prefix}i:order", f"{prefix}i:sizes", f"{prefix}i:total"]
        self.ttl = ttl
        self.max_bytes = max_bytes
        self._set = client.register_script(_REDIS_SET)

    def get(self, key: str) -> bytes | None:
        return self.client.get(self.prefix + key)

    def set(self, key: str, data: bytes) -> None:
        if len(data) > self.max_bytes:
            return
        self._set(
            keys=[self.prefix + key, *self.keys],
            args=[data, self.ttl, time.time(), self.max_bytes, self.prefix, key],
        )

    def probe(self) -> None:
        self.client.set(self.prefix + PROBE_KEY, b"\0" * PROBE_BYTES, ex=60)
        self.client.delete(self.prefix + PROBE_KEY)

    def delete(self, key: str) -> None:
        self.client.delete(self.prefix + key)

    def clear(self) -> None:
        for batch in _batched(self.client.scan_iter(match=self.prefix + "*", count=500), 500):
            self.client.delete(*batch)
        self.client.delete(*self.keys)

    def trim(self) -> None:
        """Nothing: every write keeps the bound, and entries expire."""

    def stats(self) -> dict:
        count = sum(1 for _ in self.client.scan_iter(match=self.prefix + "*", count=1000))
        total = int(self.client.get(self.keys[2]) or 0)
        return {"backend": "redis", "entries": count, "bytes": total}


def _batched(iterable, n):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) >= n:
            yield batch
            batch = []
    if batch:
        yield batch
