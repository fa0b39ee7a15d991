"""Restore an archive made by :mod:`silkwire.ops.backup` into this site's home and database.

Order matters: refuse a non-empty target (unless forced), unpack into a staging directory
and verify every checksum — nothing of the site is touched until all of them match — then
replace the database (an atomic rename for SQLite, one transaction for PostgreSQL), the
media and the home files, and finally compare every table's row count with the manifest.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connections

from silkwire.ops import database
from silkwire.ops.archive import DB_MEMBERS, extract_verified
from silkwire.ops.backup import main_tables, summary, walk_files
from silkwire.ops.database import BackupError

log = logging.getLogger("silkwire.ops")


@dataclass
class RestoreResult:
    manifest: dict
    row_counts: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def target_contents() -> list[str]:
    """Say what this site already holds (empty list: nothing, restoring is safe)."""
    found = []
    tables = database.table_names()
    if tables:
        counts = summary(database.count_rows(main_tables().values()))
        known = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
        found.append(f"the database has {len(tables)} tables" + (f" ({known})" if known else ""))
    files = sum(1 for _ in walk_files(Path(settings.MEDIA_ROOT)))
    if files:
        found.append(f"the media directory has {files} files")
    return found


def _clear(directory: Path) -> None:
    if not directory.exists():
        return
    for child in directory.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def _move_tree(src: Path, dest: Path) -> None:
    """Move the files under ``src`` into ``dest`` (a rename when on the same file system)."""
    dest.mkdir(parents=True, exist_ok=True)
    if not src.is_dir():
        return
    for child in src.iterdir():
        shutil.move(str(child), str(dest / child.name))


def _migration_warnings() -> list[str]:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections["default"])
    loader = executor.loader
    warnings = []
    unknown = sorted(set(loader.applied_migrations) - set(loader.disk_migrations))
    if unknown:
        warnings.append(
            f"The database has {len(unknown)} migration(s) this code does not know "
            f"(e.g. {unknown[0][0]}.{unknown[0][1]}): it was made by a newer Silkwire."
        )
    if executor.migration_plan(loader.graph.leaf_nodes()):
        warnings.append("The archive predates this version: run `silkwire migrate` now.")
    return warnings


def restore_backup(archive: Path, *, force: bool = False, check_only: bool = False):
    """Restore ``archive``; with ``check_only``, only verify it. Return a :class:`RestoreResult`."""
    kind = database.engine()
    if not force and not check_only:
        occupied = target_contents()
        if occupied:
            raise BackupError(
                "Refusing to restore into a site that is not empty: "
                + "; ".join(occupied)
                + ". Restore into an empty SILKWIRE_HOME and database, or pass --force to "
                "replace what is there."
            )
    home = Path(settings.SILKWIRE_HOME)
    staging = Path(tempfile.mkdtemp(prefix=".silkwire-restore-", dir=home))
    try:
        manifest = extract_verified(Path(archive), staging)
        made_with = manifest.get("database", {}).get("engine")
        if made_with != kind:
            raise BackupError(
                f"{archive} holds a {made_with} database but this site is configured for "
                f"{kind} (SILKWIRE_DATABASE_URL); restore it into a {made_with} database."
            )
        if DB_MEMBERS[kind] not in manifest["files"]:
            raise BackupError(f"{archive}: the manifest lists no {DB_MEMBERS[kind]}.")
        if check_only:
            return RestoreResult(manifest, manifest.get("row_counts", {}))
        staged_db = staging / DB_MEMBERS[kind]
        if kind == "sqlite":
            database.sqlite_replace(staged_db)
        else:
            database.pg_restore(staged_db, manifest["database"])
        media_root = Path(settings.MEDIA_ROOT)
        _clear(media_root)
        _move_tree(staging / "media", media_root)
        for file in list(walk_files(staging / "home")):
            dest = home / file.relative_to(staging / "home")
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(file, dest)
        if (home / "secret_key").exists():
            os.chmod(home / "secret_key", 0o600)
        return _verify(manifest)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _verify(manifest: dict) -> RestoreResult:
    expected = manifest.get("tables", {})
    actual = database.count_rows(expected)
    wrong = {t: (n, actual[t]) for t, n in expected.items() if actual[t] != n}
    if wrong:
        lines = "\n  ".join(f"{t}: expected {a}, found {b}" for t, (a, b) in sorted(wrong.items()))
        raise BackupError(
            f"The files were restored but {len(wrong)} table(s) do not have the row counts "
            f"of the manifest:\n  {lines}"
        )
    result = RestoreResult(manifest, summary(actual))
    extra = sorted(set(database.table_names()) - set(expected))
    if extra:
        result.warnings.append(
            f"{len(extra)} table(s) not in the archive were left in place (e.g. {extra[0]}); "
            "restore into an empty database to avoid this."
        )
    result.warnings.extend(_migration_warnings())
    try:
        from silkwire.core.pagecache.invalidation import invalidate

        invalidate({"global"})  # pages cached before the restore must not be served again
    except Exception as exc:  # the restore itself succeeded; say what to do
        result.warnings.append(
            f"Could not clear the page cache ({exc}): run `silkwire pagecache clear`."
        )
    return result
