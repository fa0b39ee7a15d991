"""Make one backup archive of a site: database, media, secret key file, raw rate payloads."""

from __future__ import annotations

import json
import logging
import os
import platform
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model

import silkwire
from silkwire.ops import database
from silkwire.ops.archive import DB_MEMBERS, FORMAT, MANIFEST, Writer, archive_name, archives_in
from silkwire.ops.database import BackupError

log = logging.getLogger("silkwire.ops")

# The tables an operator recognises, summarised in the manifest and after a restore.
MAIN_MODELS = {
    "pages": "wagtailcore.Page",
    "articles": "news.ArticlePage",
    "revisions": "wagtailcore.Revision",
    "rate_observations": "rates.RateObservation",
    "users": None,  # AUTH_USER_MODEL
    "images": "wagtailimages.Image",
    "documents": "wagtaildocs.Document",
}
# Files under SILKWIRE_HOME worth keeping besides the database and media.
HOME_DIRS = ("rates/raw",)


@dataclass
class BackupResult:
    path: Path
    manifest: dict


def main_tables() -> dict[str, str]:
    """Map each summary name to its table (models that are not installed are left out)."""
    tables = {}
    for key, label in MAIN_MODELS.items():
        try:
            model = get_user_model() if label is None else apps.get_model(label)
        except LookupError:
            continue
        tables[key] = model._meta.db_table
    return tables


def summary(table_counts: dict[str, int | None]) -> dict[str, int | None]:
    return {key: table_counts.get(table) for key, table in main_tables().items()}


def default_directory() -> Path:
    configured = getattr(settings, "SILKWIRE_BACKUP_DIR", None)
    return Path(configured) if configured else Path(settings.SILKWIRE_HOME) / "backups"


def _open_new(directory: Path) -> tuple[Path, int]:
    """Create the next free timestamped name in ``directory`` (never overwrite one)."""
    now = datetime.now(UTC)
    for n in range(100):
        path = directory / archive_name(now, n)
        try:
            return path, os.open(path.with_name(path.name + ".partial"), _FLAGS, 0o600)
        except FileExistsError:
            continue
    raise BackupError(f"{directory}: too many archives with the same timestamp.")


_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL


def _target(path: Path | None) -> tuple[Path, int]:
    if path is None or path.is_dir():
        directory = path or default_directory()
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        return _open_new(directory)
    if path.exists():
        raise BackupError(f"{path} already exists; choose another name (or a directory).")
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        return path, os.open(path.with_name(path.name + ".partial"), _FLAGS, 0o600)
    except FileExistsError:
        raise BackupError(f"{path}.partial exists: another backup is writing it.") from None


def walk_files(root: Path):
    """Yield the regular files under ``root`` (sorted; symlinks are skipped, not followed)."""
    if not root.is_dir():
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if path.is_symlink() or not path.is_file():
                log.warning("backup: skipping %s (not a regular file)", path)
                continue
            yield path


def create_backup(path: Path | None = None) -> BackupResult:
    """Write one archive; return where it is and its manifest.

    ``path`` is a file name, a directory (a timestamped name is chosen in it) or ``None``
    (``SILKWIRE_BACKUP_DIR``, else ``SILKWIRE_HOME/backups``). The archive is written as
    ``<name>.partial`` (mode 0600: it holds password hashes and the secret key) and renamed
    when complete, so a crash never leaves a half archive under a real name.
    """
    kind = database.engine()
    where = Path(path or default_directory()).resolve()
    if where.is_relative_to(Path(settings.MEDIA_ROOT).resolve()):
        raise BackupError(
            f"{where} is inside MEDIA_ROOT, which is served to anyone: an archive holds "
            "password hashes and the secret key. Choose a directory outside it."
        )
    as_dir = path is not None and str(path).endswith(("/", os.sep))
    if as_dir:
        Path(path).mkdir(mode=0o700, parents=True, exist_ok=True)
    target, fd = _target(Path(path) if path else None)
    partial = target.with_name(target.name + ".partial")
    started = datetime.now(UTC)
    try:
        with (
            os.fdopen(fd, "wb") as fh,
            tempfile.TemporaryDirectory(prefix=".silkwire-backup-", dir=target.parent) as tmp,
        ):
            dump = Path(tmp) / Path(DB_MEMBERS[kind]).name
            if kind == "sqlite":
                counts, db_details = database.sqlite_dump(dump)
            else:
                counts, db_details = database.pg_dump(dump)
            writer = Writer(fh)
            writer.add_file(DB_MEMBERS[kind], dump, 0o600)
            dump.unlink()  # free the space before the media is added
            media_root = Path(settings.MEDIA_ROOT)
            for file in walk_files(media_root):
                writer.add_file(f"media/{file.relative_to(media_root).as_posix()}", file)
            home = Path(settings.SILKWIRE_HOME)
            if (home / "secret_key").is_file():
                writer.add_file("home/secret_key", home / "secret_key", 0o600)
            for sub in HOME_DIRS:
                for file in walk_files(home / sub):
                    writer.add_file(f"home/{file.relative_to(home).as_posix()}", file)
            manifest = {
                "format": FORMAT,
                "created_at": started.isoformat(),
                "versions": {
                    "silkwire": silkwire.__version__,
                    "django": django.get_version(),
                    "wagtail": wagtail.__version__,
                    "python": platform.python_version(),
                },
                "database": {"engine": kind, **db_details},
                "row_counts": summary(counts),
                "tables": counts,
                "files": writer.files,
            }
            writer.add_bytes(MANIFEST, json.dumps(manifest, indent=2).encode())
            writer.close()
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BackupResult(target, manifest)


def rotate(directory: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` timestamped archives in ``directory``; return them.

    Only names made by :func:`~silkwire.ops.archive.archive_name` are considered, so other
    files in the directory are never touched. ``keep`` below 1 deletes nothing.
    """
    if keep < 1:
        return []
    old = archives_in(directory)[:-keep]
    for path in old:
        path.unlink(missing_ok=True)
    return old
