"""What keeps an import safe to run twice at once and to stop half-way.

* One import per source site at a time (:func:`site_lock`). On PostgreSQL a session
  advisory lock, on SQLite an ``flock`` on a file next to the database: both are
  released by the operating system or the server when the process dies, even by
  ``kill -9``, so a crashed import never leaves a lock behind. A second import of the
  same site is refused at once with :class:`ImportLocked` (the CLI exits with status 75,
  ``EX_TEMPFAIL``: try again later); a queued admin import stays queued and is retried.
* A full disk (:func:`is_disk_full`) stops the import with one :class:`DiskFull`
  error instead of a failure per remaining item. Every batch is one transaction, so
  what was committed stays and a re-run after freeing space resumes from there.
"""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection

from silkwire.ingest.wordpress.parse import WXRError

EX_TEMPFAIL = 75  # sysexits.h: a temporary failure, the caller may retry
_DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
_DISK_FULL_MESSAGES = ("database or disk is full", "no space left on device", "disk full")


class ImportLocked(WXRError):
    """Another import of the same source site is running."""


class DiskFull(WXRError):
    """The disk (media or database) is full: the import stopped, a re-run resumes."""


def is_disk_full(exc: BaseException | None) -> bool:
    """Return whether ``exc`` (or what caused it) says the disk or the database is full."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, DiskFull):
            return True
        if isinstance(exc, OSError) and exc.errno in _DISK_FULL_ERRNOS:
            return True
        if isinstance(exc, DatabaseError):
            # SQLite: SQLITE_FULL; PostgreSQL: SQLSTATE 53100 disk_full.
            if getattr(exc.__cause__, "sqlstate", None) == "53100":
                return True
            if any(m in str(exc).lower() for m in _DISK_FULL_MESSAGES):
                return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def disk_full_error(exc: BaseException, done: int) -> DiskFull:
    return DiskFull(
        f"Disk full — the import stopped ({type(exc).__name__}: {exc}). "
        f"{done} item(s) were written completely and stay; nothing is half-written. "
        "Free some space (media folder and database), then run the same import again: "
        "it resumes with the items not yet imported."
    )


def _lock_key(site: str) -> str:
    return hashlib.sha256(f"silkwire-wordpress-import:{site}".encode()).hexdigest()


def _lock_dir() -> Path:
    name = connection.settings_dict.get("NAME")
    if (
        connection.vendor == "sqlite"
        and name
        and str(name) != ":memory:"
        and "mode=memory" not in str(name)
    ):
        return Path(str(name)).resolve().parent  # the processes sharing this database file
    return Path(settings.SILKWIRE_HOME)


def _refusal(site: str, holder: str = "") -> ImportLocked:
    who = f" ({holder})" if holder else ""
    return ImportLocked(
        f"Another import of {site} is running{who}. Only one import per site runs at a "
        "time: wait for it to finish, then run this again (it only adds what is missing)."
    )


@contextmanager
def site_lock(site: str) -> Iterator[None]:
    """Hold the import lock of ``site`` for the block, or raise :class:`ImportLocked` at once."""
    key = _lock_key(site)
    if connection.vendor == "postgresql":
        number = int.from_bytes(bytes.fromhex(key[:16]), "big", signed=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [number])
            if not cursor.fetchone()[0]:
                raise _refusal(site)
        try:
            yield
        finally:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [number])
            except DatabaseError:
                pass  # the session is gone, and its lock with it
        return
    import fcntl  # POSIX only, like the rest of the SQLite deployment

    directory = _lock_dir() / "locks"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"wordpress-{key[:32]}.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode(errors="replace").strip()
            raise _refusal(site, holder) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}".encode(), 0)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
