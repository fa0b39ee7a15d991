"""Start-up work of ``silkwire serve`` that writes only when something changed.

A site whose disk is full (or whose home is read-only) must still start and serve reads,
so a start with nothing to do writes nothing: migrations run only when some are unapplied,
static files are collected only when their sources differ from the last collect.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

log = logging.getLogger("silkwire.serve")

STAMP_NAME = ".silkwire-collected"
RESERVE_NAME = ".silkwire-reserve"
# SQLite in WAL mode creates a 32 KiB index file next to the database when it is opened
# after a clean stop: on a full disk even reads fail. 1 MiB kept aside is room for it.
RESERVE_BYTES = 1 << 20
# collectstatic's default ignore patterns: the fingerprint must see what it copies.
IGNORE_PATTERNS = ["CVS", ".*", "*~"]
NO_SPACE = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}


def keep_reserve(home: Path | None = None) -> str:
    """Keep 1 MiB aside in SILKWIRE_HOME; give it back when the disk is full.

    Return "released" (the disk was full: the reserve was deleted so the site can open its
    database and serve reads), "full" (full and no reserve left), "made" or "kept".
    """
    home = Path(home or settings.SILKWIRE_HOME)
    path = home / RESERVE_NAME
    fs = os.statvfs(home)
    free = fs.f_bavail * fs.f_frsize
    if free < RESERVE_BYTES:
        if path.exists():
            path.unlink()
            log.error(
                "the disk of %s is full: released the %d KiB reserve so the site can serve "
                "reads; free some space (saving and publishing fail until then)",
                home,
                RESERVE_BYTES // 1024,
            )
            return "released"
        log.error("the disk of %s is full: saving and publishing fail until there is room", home)
        return "full"
    if path.exists():
        return "kept"
    if free < 4 * RESERVE_BYTES:
        return "full"
    try:
        with open(path, "wb") as fh:
            fh.write(b"\0" * RESERVE_BYTES)  # real blocks, not a sparse file
    except OSError:
        path.unlink(missing_ok=True)
        return "full"
    return "made"


def prepare() -> None:
    """Everything ``serve`` does before starting the server, in order."""
    keep_reserve()
    migrate_if_needed()
    collectstatic_if_changed()


def pending_migrations(database: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Return the migrations ``migrate`` would apply, read without writing."""
    executor = MigrationExecutor(connections[database])
    targets = executor.loader.graph.leaf_nodes()
    return [f"{m.app_label}.{m.name}" for m, _ in executor.migration_plan(targets)]


def migrate_if_needed() -> list[str]:
    """Apply unapplied migrations; with none, do nothing at all (no post_migrate writes)."""
    pending = pending_migrations()
    if pending:
        call_command("migrate", interactive=False, verbosity=0)
    return pending


def static_fingerprint() -> str:
    """Hash every source static file (path and content) and the static settings."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(repr((settings.STATIC_URL, settings.STORAGES.get("staticfiles"))).encode())
    files = {}
    for finder in get_finders():
        for path, storage in finder.list(IGNORE_PATTERNS):
            prefix = getattr(storage, "prefix", None) or ""
            # The first finder to list a path wins, as in collectstatic.
            files.setdefault(os.path.join(prefix, path), storage.path(path))
    for rel in sorted(files):
        digest.update(rel.encode() + b"\0")
        with open(files[rel], "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        digest.update(b"\0")
    return digest.hexdigest()


def stamp_path() -> Path:
    return Path(settings.STATIC_ROOT) / STAMP_NAME


def collectstatic_if_changed() -> bool:
    """Collect static files when their sources changed since the last collect; True if it ran.

    On a full or read-only disk the collect fails: the files of the last collect keep
    being served and the failure is logged, so the site still starts.
    """
    fingerprint = static_fingerprint()
    stamp = stamp_path()
    try:
        if stamp.read_text().strip() == fingerprint:
            return False
    except OSError:
        pass
    try:
        call_command("collectstatic", interactive=False, verbosity=0)
        tmp = stamp.with_name(stamp.name + ".tmp")
        tmp.write_text(fingerprint + "\n")
        os.replace(tmp, stamp)
    except OSError as exc:
        if exc.errno not in NO_SPACE:
            raise
        log.error(
            "static files changed but could not be collected into %s (%s): the files of the "
            "last collect are served until there is room",
            settings.STATIC_ROOT,
            exc.strerror,
        )
    return True
