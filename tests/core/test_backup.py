"""``silkwire backup`` / ``silkwire restore``: the real CLI on real SQLite and PostgreSQL sites.

A demo site is backed up, a fresh empty home (and database) gets the archive restored, and the
two sites are compared: pages, revisions, rates, users, images, media bytes, the secret key
and the headlines the home page renders.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

PG = "postgres://postgres@127.0.0.1:5432"
SNAPSHOT = r"""
import hashlib, json, re
from pathlib import Path
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from silkwire.rates.models import RateObservation

plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
with override_settings(STORAGES={**settings.STORAGES, "staticfiles": plain}):  # no collectstatic
    response = Client(HTTP_HOST="localhost").get("/")
root = Path(settings.MEDIA_ROOT)  # after the render: its renditions are part of the site
media = {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
         for p in sorted(root.rglob("*")) if p.is_file()}
print(json.dumps({
    "media": media,
    "status": response.status_code,
    "headlines": re.findall(r'class="card-title"><a href="([^"]+)">([^<]+)</a>',
                            response.content.decode()),
    "pages": sorted([p.id, p.title, p.url_path, p.live, p.latest_revision_id]
                    for p in Page.objects.all()),
    "revisions": sorted([r.id, r.object_id, r.created_at.isoformat(),
                         json.dumps(r.content, sort_keys=True, default=str)]
                        for r in Revision.objects.all()),
    "rates": sorted([o.source, o.currency, o.rate_date.isoformat(), str(o.units_per_usd)]
                    for o in RateObservation.objects.all()),
    "users": sorted([u.username, u.password, u.email, u.is_superuser]
                    for u in get_user_model().objects.all()),
    "images": sorted([i.title, i.file.name, i.file_hash] for i in get_image_model().objects.all()),
    "secret_key": hashlib.sha256(settings.SECRET_KEY.encode()).hexdigest(),
}))
"""


def env_for(home: Path, db_url: str | None = None, **extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SILKWIRE_", "DJANGO_"))}
    env.update(
        SILKWIRE_ENV="local",
        SILKWIRE_HOME=str(home),
        SILKWIRE_DATABASE_URL=db_url or f"sqlite:///{home / 'silkwire.sqlite3'}",
        SILKWIRE_CACHE_URL="locmem://",
        SILKWIRE_DEMO_PASSWORD="backup-test-Pa55word",
        DJANGO_SETTINGS_MODULE="silkwire.settings",
        **extra,
    )
    return env


def silkwire(home: Path, *args: str, db_url: str | None = None, **extra):
    return subprocess.run(
        [sys.executable, "-m", "silkwire", *args],
        env=env_for(home, db_url, **extra),
        capture_output=True,
        text=True,
        timeout=900,
    )


def ok(result) -> str:
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def snapshot(home: Path, db_url: str | None = None) -> dict:
    snap = json.loads(ok(silkwire(home, "shell", "--no-imports", "-c", SNAPSHOT, db_url=db_url)))
    assert snap["status"] == 200 and len(snap["headlines"]) >= 5, snap["headlines"]
    assert snap["pages"] and snap["revisions"] and snap["rates"] and snap["users"]
    assert snap["images"] and snap["media"]
    return snap


def build_site(home: Path, archive: Path, db_url: str | None = None) -> dict:
    """Make a demo site, snapshot it, back it up to ``archive``; return the snapshot."""
    ok(silkwire(home, "demo", db_url=db_url))
    before = snapshot(home, db_url)  # renders (and so makes renditions) before the backup
    out = ok(silkwire(home, "backup", str(archive), db_url=db_url))
    assert f"Backup written: {archive}" in out
    return before


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def state(home: Path) -> dict[str, str]:
    """Every file's sha256 under a home (to prove a refused restore changed nothing)."""
    files = {}
    for path in sorted(home.rglob("*")):
        if not path.is_file() or "pagecache" in path.parts or path.name.endswith(("-wal", "-shm")):
            continue
        if path.suffix == ".sqlite3":  # its contents: a checkpoint may rewrite the same rows
            with closing(sqlite3.connect(path)) as conn:
                files[path.name] = hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
        else:
            files[path.relative_to(home).as_posix()] = sha(path)
    return files


@pytest.fixture(scope="module")
def sqlite_site(tmp_path_factory):
    home = tmp_path_factory.mktemp("site-a")
    archive = tmp_path_factory.mktemp("archives") / "site-a.tar.gz"
    return home, archive, build_site(home, archive)


def test_sqlite_backup_wipe_restore_gives_the_same_site(sqlite_site, tmp_path):
    _, archive, before = sqlite_site
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = tar.getnames()
    assert manifest["database"]["engine"] == "sqlite"
    assert manifest["row_counts"]["articles"] > 0 and manifest["row_counts"]["users"] == 3
    assert set(manifest["files"]) == set(names) - {"manifest.json"}
    assert "home/secret_key" in names and any(n.startswith("media/") for n in names)

    fresh = tmp_path / "fresh"
    out = ok(silkwire(fresh, "restore", str(archive)))
    assert "checksums OK" in out
    assert snapshot(fresh) == before


def test_restore_refuses_a_site_that_is_not_empty(sqlite_site):
    home, archive, _ = sqlite_site
    files = state(home)
    result = silkwire(home, "restore", str(archive))
    assert result.returncode != 0
    assert "Refusing to restore into a site that is not empty" in result.stderr
    assert "--force" in result.stderr
    assert state(home) == files


def test_force_replaces_a_site_that_is_not_empty(sqlite_site, tmp_path):
    _, archive, before = sqlite_site
    home = tmp_path / "other"
    ok(silkwire(home, "restore", str(archive)))
    make = "from django.contrib.auth.models import User; User.objects.create(username='late')"
    ok(silkwire(home, "shell", "--no-imports", "-c", make))
    (home / "media" / "stray.txt").write_text("not in the archive")
    ok(silkwire(home, "restore", "--force", str(archive)))
    assert snapshot(home) == before  # the extra user and the stray file are gone


def tampered(archive: Path, dest: Path) -> str:
    """Copy ``archive`` with one bit of its first original image flipped; return that member."""
    changed = ""
    with tarfile.open(archive) as src, tarfile.open(dest, "w:gz") as out:
        for member in src:
            data = src.extractfile(member).read()
            if not changed and member.name.startswith("media/original_images/"):
                changed, data = member.name, data[:100] + bytes([data[100] ^ 1]) + data[101:]
            out.addfile(member, io.BytesIO(data))
    return changed


def no_tables(db: Path) -> bool:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] == 0


def test_a_corrupted_archive_is_refused_and_nothing_changes(sqlite_site, tmp_path):
    home, archive, _ = sqlite_site
    bad = tmp_path / "bad.tar.gz"
    changed = tampered(archive, bad)
    files = state(home)

    result = silkwire(home, "restore", "--force", str(bad))
    assert result.returncode != 0
    assert f"{changed}: checksum mismatch" in result.stderr
    assert "nothing was restored" in result.stderr
    assert state(home) == files  # database, media and key untouched

    empty = tmp_path / "empty"
    result = silkwire(empty, "restore", str(bad))
    assert result.returncode != 0 and "checksum mismatch" in result.stderr
    assert not any((empty / "media").rglob("*")) and no_tables(empty / "silkwire.sqlite3")

    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    result = silkwire(home, "restore", "--force", str(truncated))
    assert result.returncode != 0 and "damaged or truncated" in result.stderr
    assert state(home) == files


# --- PostgreSQL ---------------------------------------------------------------------------------
def _pg_admin():
    psycopg = pytest.importorskip("psycopg")
    try:
        return psycopg.connect(f"{PG}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        pytest.skip(f"no PostgreSQL at 127.0.0.1:5432 ({exc})")


@pytest.fixture
def pg_databases():
    names = ("silkwire_backup_src", "silkwire_backup_dst")
    with _pg_admin() as admin:
        for name in names:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            admin.execute(f"CREATE DATABASE {name}")
        # The demo commits thousands of times: do not wait for each fsync on a shared machine.
        admin.execute(f"ALTER DATABASE {names[0]} SET synchronous_commit = off")
    yield tuple(f"{PG}/{name}" for name in names)
    with _pg_admin() as admin:
        for name in names:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_postgresql_backup_wipe_restore_gives_the_same_site(pg_databases, tmp_path):
    src, dst = pg_databases
    archive = tmp_path / "pg.tar.gz"
    before = build_site(tmp_path / "a", archive, src)
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["database"]["engine"] == "postgresql"
    assert "database/silkwire.pgdump" in manifest["files"]

    fresh = tmp_path / "b"
    ok(silkwire(fresh, "restore", str(archive), db_url=dst))
    assert snapshot(fresh, dst) == before

    result = silkwire(fresh, "restore", str(archive), db_url=dst)  # now it is not empty
    assert result.returncode != 0 and "not empty" in result.stderr


# --- The scheduled job and its rotation -----------------------------------------------------------
def test_rotation_keeps_the_newest_n_and_nothing_else(tmp_path):
    from silkwire.ops.archive import archive_name
    from silkwire.ops.backup import rotate

    day = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
    made = [tmp_path / archive_name(day + timedelta(days=i)) for i in range(6)]
    made.append(tmp_path / archive_name(day + timedelta(days=5), 1))  # same second, later
    for path in made:
        path.write_bytes(b"x")
    others = [tmp_path / "notes.txt", tmp_path / "silkwire-manual.tar.gz"]
    for path in others:
        path.write_text("keep me")

    removed = rotate(tmp_path, 3)
    assert removed == made[:4]
    assert sorted(tmp_path.iterdir()) == sorted([*made[4:], *others])


@pytest.mark.django_db
def test_the_daily_job_writes_an_archive_and_keeps_n(tmp_path, settings):
    from silkwire.ops.archive import archive_name
    from silkwire.ops.jobs import jobs, scheduled_backup

    settings.SILKWIRE_BACKUP_DIR = None
    assert jobs() == [] and scheduled_backup().startswith("off")

    settings.SILKWIRE_BACKUP_DIR = tmp_path
    settings.SILKWIRE_BACKUP_KEEP = 2
    old = [tmp_path / archive_name(datetime(2026, 1, d, tzinfo=UTC)) for d in (1, 2, 3)]
    for path in old:
        path.write_bytes(b"old")
    (job,) = jobs()
    assert (job.name, job.interval_seconds) == ("backup", 86400)
    job.func()
    left = sorted(p.name for p in tmp_path.iterdir())
    assert len(left) == 2 and left[0] == old[2].name
    new = tmp_path / left[1]
    assert new.stat().st_mode & 0o777 == 0o600  # password hashes and the secret key inside
    with tarfile.open(new) as tar:
        assert "manifest.json" in tar.getnames()


def test_the_job_is_registered_only_when_a_directory_is_set(tmp_path):
    listed = ok(silkwire(tmp_path / "h", "runjobs", "--list"))
    assert "backup " not in listed
    listed = ok(silkwire(tmp_path / "h", "runjobs", "--list", SILKWIRE_BACKUP_DIR=str(tmp_path)))
    assert "backup " in listed and "SILKWIRE_BACKUP_KEEP" in listed


@pytest.mark.django_db
def test_an_archive_is_never_written_where_media_is_served(settings):
    from silkwire.ops.backup import create_backup
    from silkwire.ops.database import BackupError

    with pytest.raises(BackupError, match="inside MEDIA_ROOT"):
        create_backup(Path(settings.MEDIA_ROOT) / "backups" / "site.tar.gz")
    assert not (Path(settings.MEDIA_ROOT) / "backups").exists()
