"""Dependency versions shared by every process: the heart of precise invalidation.

A cached page records, when it is stored, the version of each *dependency* it was
rendered from (``article:42``, ``country:7``, ``ticker`` …). Invalidating a dependency
bumps its version, which makes every entry that recorded the old value invalid at
once, in every process, without finding or deleting the entries.

Dependencies are hashed onto a fixed number of slots; two names sharing a slot only
cause extra invalidation, never a stale read. A sequence number is bumped *before* the
slots, so a render that overlaps a bump notices it (see :meth:`PageCache.store`).

* :class:`MmapVersions`: the embedded default, a small file mapped into every process
  on the machine (``SLOTS × 8`` bytes + a header), bumped under ``flock``.
* :class:`RedisVersions`: the same table kept in Redis for several machines; each
  process mirrors it and re-reads it when the sequence number moves, at most every
  ``sync_seconds``.
"""

from __future__ import annotations

import fcntl
import hashlib
import mmap
import os
import secrets
import struct
import time
from collections.abc import Iterable
from pathlib import Path

SLOTS = 1 << 18  # 262,144 slots = 2 MiB
HEADER = 32  # 16-byte nonce, 8-byte sequence number, 8 spare
_U64 = struct.Struct("<Q")


def slot_of(name: str, slots: int = SLOTS) -> int:
    """Return the slot a dependency name maps to."""
    digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little") % slots


class MmapVersions:
    """The version table in a file mapped by every process (the embedded default)."""

    def __init__(self, path: Path, slots: int = SLOTS):
        self.path = Path(path)
        self.slots = slots
        self.path.parent.mkdir(parents=True, exist_ok=True)
        size = HEADER + slots * 8
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            if os.fstat(fd).st_size != size:
                # A new (or resized) table: a fresh nonce makes entries stored against any
                # earlier table invalid, even if the counters happen to match again.
                os.ftruncate(fd, 0)
                os.ftruncate(fd, size)
                os.pwrite(fd, secrets.token_bytes(16), 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
            self._mm = mmap.mmap(fd, size, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE)
        finally:
            os.close(fd)
        self.nonce = bytes(self._mm[:16])
        self._unpack = _U64.unpack_from

    def read(self, slot: int) -> int:
        return self._unpack(self._mm, HEADER + slot * 8)[0]

    def sequence(self) -> int:
        return self._unpack(self._mm, 16)[0]

    def refresh(self) -> None:
        """Nothing to do: every process sees the same memory."""

    def bump(self, slots: Iterable[int]) -> None:
        """Increment the sequence number, then each slot, under an exclusive lock."""
        slots = sorted(set(slots))
        if not slots:
            return
        fd = os.open(self.path, os.O_RDWR)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            mm, unpack, pack = self._mm, self._unpack, _U64.pack_into
            pack(mm, 16, unpack(mm, 16)[0] + 1)  # first: see the module docstring
            for slot in slots:
                offset = HEADER + slot * 8
                pack(mm, offset, unpack(mm, offset)[0] + 1)
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


_BUMP_LUA = """
local seq = redis.call('INCR', KEYS[2])
for i, slot in ipairs(ARGV) do
  local offset = 8 * tonumber(slot)
  local raw = redis.call('GETRANGE', KEYS[1], offset, offset + 7)
  local value = 0
  if string.len(raw) == 8 then value = struct.unpack('<I8', raw) end
  redis.call('SETRANGE', KEYS[1], offset, struct.pack('<I8', value + 1))
end
return seq
"""


class RedisVersions:
    """The version table in Redis, mirrored per process and re-read when it changes."""

    def __init__(self, client, prefix: str, slots: int = 1 << 16, sync_seconds: float = 0.25):
        self.client = client
        self.slots = slots
        self.sync_seconds = sync_seconds
        self._table_key = f"{prefix}versions"
        self._seq_key = f"{prefix}seq"
        nonce_key = f"{prefix}nonce"
        client.set(nonce_key, secrets.token_bytes(16), nx=True)
        self.nonce = bytes(client.get(nonce_key))
        self._bump_script = client.register_script(_BUMP_LUA)
        self._mirror = bytearray(slots * 8)
        self._seq = -1
        self._synced_at = 0.0
        self._unpack = _U64.unpack_from
        self._sync()

    def _sync(self) -> None:
        pipe = self.client.pipeline(transaction=True)
        pipe.get(self._seq_key)
        pipe.get(self._table_key)
        seq, table = pipe.execute()
        table = table or b""
        mirror = bytearray(self.slots * 8)
        mirror[: len(table)] = table[: len(mirror)]
        self._mirror = mirror
        self._seq = int(seq or 0)
        self._synced_at = time.monotonic()

    def refresh(self) -> None:
        """Re-read the table if it changed and the last check is older than ``sync_seconds``."""
        if time.monotonic() - self._synced_at < self.sync_seconds:
            return
        seq = int(self.client.get(self._seq_key) or 0)
        if seq != self._seq:
            self._sync()
        else:
            self._synced_at = time.monotonic()

    def read(self, slot: int) -> int:
        return self._unpack(self._mirror, slot * 8)[0]

    def sequence(self) -> int:
        return self._seq

    def bump(self, slots: Iterable[int]) -> None:
        slots = sorted(set(slots))
        if slots:
            self._bump_script(keys=[self._table_key, self._seq_key], args=slots)
            self._sync()
