"""What ``silkwire serve`` does before starting: nothing at all when nothing changed."""

from __future__ import annotations

import os

import pytest

from silkwire.core.serving.setup import (
    RESERVE_NAME,
    collectstatic_if_changed,
    keep_reserve,
    pending_migrations,
)


@pytest.fixture
def static_dirs(settings, tmp_path):
    source, root = tmp_path / "source", tmp_path / "root"
    source.mkdir()
    root.mkdir()
    (source / "site.css").write_text("body { color: black }")
    settings.STATICFILES_DIRS = [source]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = root
    return source, root


def snapshot(root):
    return {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in root.rglob("*") if p.is_file()}


def test_static_files_are_collected_only_when_their_sources_change(static_dirs):
    source, root = static_dirs
    assert collectstatic_if_changed() is True
    assert (root / "site.css").read_text() == "body { color: black }"
    before = snapshot(root)
    assert collectstatic_if_changed() is False
    assert snapshot(root) == before, "an unchanged start wrote to STATIC_ROOT"
    (source / "site.css").write_text("body { color: navy }")
    # collectstatic copies a file when its source is newer, to the second: an edit comes later.
    later = (root / "site.css").stat().st_mtime + 10
    os.utime(source / "site.css", (later, later))
    assert collectstatic_if_changed() is True
    assert (root / "site.css").read_text() == "body { color: navy }"


def test_a_wiped_static_root_is_collected_again(static_dirs):
    _, root = static_dirs
    collectstatic_if_changed()
    for path in root.iterdir():
        path.unlink()
    assert collectstatic_if_changed() is True
    assert (root / "site.css").exists()


@pytest.mark.django_db
def test_a_migrated_database_has_nothing_to_apply():
    assert pending_migrations() == []


def test_the_reserve_is_made_once_and_kept(tmp_path):
    assert keep_reserve(tmp_path) == "made"
    assert (tmp_path / RESERVE_NAME).stat().st_size == 1 << 20
    mtime = (tmp_path / RESERVE_NAME).stat().st_mtime_ns
    assert keep_reserve(tmp_path) == "kept"
    assert (tmp_path / RESERVE_NAME).stat().st_mtime_ns == mtime
