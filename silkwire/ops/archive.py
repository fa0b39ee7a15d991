"""The archive format: a ``.tar.gz`` whose last member, ``manifest.json``, lists every file's sha256.

Layout::

    database/silkwire.sqlite3 | database/silkwire.pgdump
    media/…                    MEDIA_ROOT
    home/secret_key            the generated key of local mode, when present
    home/rates/raw/…           the raw rate payloads (their provenance)
    manifest.json
"""

from __future__ import annotations

import hashlib
import json
import re
import tarfile
import time
import zlib
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from silkwire.ops.database import BackupError

FORMAT = 1
MANIFEST = "manifest.json"
DB_MEMBERS = {"sqlite": "database/silkwire.sqlite3", "postgresql": "database/silkwire.pgdump"}
PREFIXES = ("database/", "media/", "home/")
NAME_RE = re.compile(r"^silkwire-(\d{8}T\d{6}Z)(?:-(\d+))?\.tar\.gz$")
CHUNK = 1024 * 1024


def archive_name(now: datetime | None = None, n: int = 0) -> str:
    """``silkwire-20260301T020000Z.tar.gz`` (UTC), with ``-n`` when that second is taken."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    return f"silkwire-{stamp}{f'-{n}' if n else ''}.tar.gz"


def archives_in(directory: Path) -> list[Path]:
    """The archives named by :func:`archive_name` in ``directory``, oldest first."""
    found = []
    for path in directory.iterdir():
        match = NAME_RE.match(path.name)
        if match and path.is_file():
            found.append(((match.group(1), int(match.group(2) or 0)), path))
    return [path for _, path in sorted(found)]


class _Hashing:
    """A reader that hashes what passes through it (tarfile reads exactly ``size`` bytes)."""

    def __init__(self, fh):
        self.fh, self.sha, self.size = fh, hashlib.sha256(), 0

    def read(self, n=-1):
        data = self.fh.read(n)
        self.sha.update(data)
        self.size += len(data)
        return data


class Writer:
    """Write members to a gzipped tar, recording each one's sha256 and size."""

    def __init__(self, fileobj):
        self.tar = tarfile.open(fileobj=fileobj, mode="w:gz", compresslevel=6)
        self.files: dict[str, dict] = {}

    def _info(self, name: str, size: int, mode: int, mtime: float) -> tarfile.TarInfo:
        info = tarfile.TarInfo(name)
        info.size, info.mode, info.mtime = size, mode, int(mtime)
        return info

    def add_file(self, name: str, source: Path, mode: int = 0o644) -> None:
        with open(source, "rb") as fh:
            stat = source.stat()
            reader = _Hashing(fh)
            self.tar.addfile(self._info(name, stat.st_size, mode, stat.st_mtime), reader)
        self.files[name] = {"sha256": reader.sha.hexdigest(), "size": reader.size}

    def add_bytes(self, name: str, data: bytes) -> None:
        import io

        self.tar.addfile(self._info(name, len(data), 0o644, time.time()), io.BytesIO(data))

    def close(self) -> None:
        self.tar.close()


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return (
        not path.is_absolute()
        and ".." not in path.parts
        and (name == MANIFEST or name.startswith(PREFIXES))
    )


def extract_verified(archive: Path, staging: Path) -> dict:
    """Unpack ``archive`` into ``staging`` and check every file against the manifest.

    Return the manifest; raise :class:`BackupError` naming what does not match (a damaged,
    truncated or altered archive) — the caller has touched nothing yet.
    """
    if not archive.is_file():
        raise BackupError(f"{archive}: no such file.")
    seen: dict[str, str] = {}
    manifest_bytes = None
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            for member in tar:
                name = member.name
                if member.isdir():
                    continue
                if not member.isfile() or not _safe_name(name):
                    raise BackupError(
                        f"{archive}: unexpected member {name!r}; not a Silkwire backup."
                    )
                if name in seen or (name == MANIFEST and manifest_bytes is not None):
                    raise BackupError(f"{archive}: {name!r} appears twice.")
                source = tar.extractfile(member)
                if name == MANIFEST:
                    manifest_bytes = source.read(64 * 1024 * 1024)
                    continue
                dest = staging / name
                dest.parent.mkdir(parents=True, exist_ok=True)
                sha = hashlib.sha256()
                with open(dest, "wb") as out:
                    while chunk := source.read(CHUNK):
                        sha.update(chunk)
                        out.write(chunk)
                seen[name] = sha.hexdigest()
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        raise BackupError(f"{archive}: the archive is damaged or truncated ({exc}).") from None
    if manifest_bytes is None:
        raise BackupError(f"{archive}: no {MANIFEST}; not a Silkwire backup (or cut short).")
    try:
        manifest = json.loads(manifest_bytes)
        expected = {n: f["sha256"] for n, f in manifest["files"].items()}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BackupError(f"{archive}: {MANIFEST} is unreadable ({exc}).") from None
    if int(manifest.get("format", 0)) > FORMAT:
        raise BackupError(
            f"{archive}: made by a newer Silkwire (archive format {manifest.get('format')}); "
            f"upgrade Silkwire before restoring it."
        )
    problems = [
        f"{n}: checksum mismatch" for n in sorted(expected) if n in seen and seen[n] != expected[n]
    ]
    problems += [f"{n}: missing from the archive" for n in sorted(set(expected) - set(seen))]
    problems += [f"{n}: not in the manifest" for n in sorted(set(seen) - set(expected))]
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise BackupError(
            f"{archive}: {len(problems)} file(s) do not match the manifest; nothing was "
            f"restored:\n  {shown}{more}"
        )
    return manifest
