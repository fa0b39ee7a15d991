"""Reliability of WordPress imports: two at once, a full disk, the page cache, re-import edits.

Concurrency runs two real imports in two threads (each with its own database connection)
on whichever database the suite runs on: SQLite by default, PostgreSQL with
``SILKWIRE_DATABASE_URL``.
"""

from __future__ import annotations

import errno
import json
import threading
from io import StringIO

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from PIL import Image as PILImage
from taggit.models import Tag
from wagtail.images import get_image_model

from silkwire.ingest.models import WordPressImportRecord
from silkwire.ingest.wordpress.importer import ImportOptions, import_wordpress
from silkwire.ingest.wordpress.safety import EX_TEMPFAIL, ImportLocked
from silkwire.news.blocks import from_stream_value
from silkwire.news.models import ArticlePage, ArticleTag, Author
from tests.ingest.test_wordpress_parse import HEADER, item
from tests.pagecache.conftest import commit, pagecache, site  # noqa: F401 (fixtures)

TAGS = [f"Shared tag {n}" for n in range(30)]


def export(
    tmp_path,
    posts: int,
    site_url: str = "https://t.example",
    name: str = "export.xml",
    content=lambda n: f"<p>Body of post {n}.</p>",
    title=lambda n: f"Post {n}",
):
    header = HEADER.replace("https://t.example", site_url)
    parts = []
    for n in range(1, posts + 1):
        text = item(n, title=title(n), content=content(n)).replace("https://t.example", site_url)
        tags = "".join(
            f'<category domain="post_tag" nicename="shared-tag-{t}"><![CDATA[{TAGS[t]}]]></category>'
            for t in (n % 30, (n * 7) % 30)
        )
        parts.append(text.replace("</item>", tags + "</item>"))
    path = tmp_path / name
    path.write_text(header + "".join(parts) + "</channel></rss>", encoding="utf-8")
    return path


def cli(*args) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", "wordpress", *map(str, args), stdout=out, stderr=err)
        return 0, out.getvalue(), ""
    except CommandError as exc:
        return exc.returncode, out.getvalue(), str(exc)


def in_thread(fn, *args, **kwargs):
    """Run ``fn`` in a thread with its own database connection; return (thread, result box)."""
    box: dict = {}

    def main():
        try:
            box["result"] = fn(*args, **kwargs)
        except BaseException as exc:  # handed to the test
            box["error"] = exc
        finally:
            connection.close()

    thread = threading.Thread(target=main)
    thread.start()
    return thread, box


# --- two imports at once ---------------------------------------------------------------------------
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_second_import_of_the_same_site_is_refused_while_the_first_runs(tmp_path):
    path = export(tmp_path, 60)
    first_inside, second_done = threading.Event(), threading.Event()

    def hold(done, total):  # the first import's progress: wait inside its run for the second
        first_inside.set()
        second_done.wait(60)

    first, first_box = in_thread(import_wordpress, [path], ImportOptions(parallel=False), hold)
    assert first_inside.wait(60), first_box
    second, second_box = in_thread(import_wordpress, [path], ImportOptions(parallel=False))
    second.join(60)
    second_done.set()
    first.join(120)
    assert isinstance(second_box.get("error"), ImportLocked), second_box
    assert "Another import of https://t.example is running" in str(second_box["error"])
    report = first_box["result"].as_dict()
    assert report["created"] == 60 and report["failed"] == []
    assert WordPressImportRecord.objects.filter(site="https://t.example").count() == 60

    # The CLI refuses the same way, with EX_TEMPFAIL, while another run (here a thread with
    # its own database session) holds the lock.
    from silkwire.ingest.wordpress.safety import site_lock

    locked, release = threading.Event(), threading.Event()

    def hold_lock():
        with site_lock("https://t.example"):
            locked.set()
            release.wait(60)

    holder, _ = in_thread(hold_lock)
    assert locked.wait(30)
    try:
        status, _, message = cli(path)
    finally:
        release.set()
        holder.join(30)
    assert status == EX_TEMPFAIL and "Another import of https://t.example" in message
    assert cli(path, "--json")[0] == 0  # released: the next run goes ahead


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_sites_importing_the_same_new_tags_and_author_at_once_both_succeed(tmp_path):
    a = export(tmp_path, 120, site_url="https://a.example", name="a.xml")
    b = export(tmp_path, 120, site_url="https://b.example", name="b.xml")
    start = threading.Barrier(2)

    def run(path):
        start.wait(30)
        return import_wordpress([path], ImportOptions(parallel=False, batch_size=10))

    (ta, box_a), (tb, box_b) = in_thread(run, a), in_thread(run, b)
    ta.join(300)
    tb.join(300)
    for box in (box_a, box_b):
        assert "error" not in box, box.get("error")
        report = box["result"].as_dict()
        assert report["failed"] == [] and report["created"] == 120
    assert ArticlePage.objects.count() == 240
    assert Tag.objects.filter(name__in=TAGS).count() == 30  # each tag once, not twice
    assert Author.objects.filter(slug="ana").count() == 1
    expected = 2 * sum(len({n % 30, (n * 7) % 30}) for n in range(1, 121))
    assert ArticleTag.objects.count() == expected  # every article kept every one of its tags


# --- a full disk --------------------------------------------------------------------------------------
class FullAfterThreeFiles(FileSystemStorage):
    """Media storage on a disk that fills up after three files, as ENOSPC from write()."""

    saved = 0
    full = True

    def _save(self, name, content):
        if FullAfterThreeFiles.full and FullAfterThreeFiles.saved >= 3:
            raise OSError(errno.ENOSPC, "No space left on device", name)
        FullAfterThreeFiles.saved += 1
        return super()._save(name, content)


def image_posts(tmp_path, count: int):
    media = tmp_path / "uploads"
    (media / "2024" / "06").mkdir(parents=True)
    for n in range(1, count + 1):
        PILImage.new("RGB", (32, 24), (n * 20 % 256, 80, 160)).save(
            media / "2024" / "06" / f"photo{n}.jpg"
        )

    def content(n):
        return (
            f'<p>Text {n}</p><img src="https://t.example/wp-content/uploads/2024/06/photo{n}.jpg">'
        )

    return export(tmp_path, count, content=content), media


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_full_media_disk_stops_the_import_once_and_a_rerun_resumes(tmp_path, settings):
    path, media = image_posts(tmp_path, 8)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": f"{__name__}.FullAfterThreeFiles",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    FullAfterThreeFiles.saved, FullAfterThreeFiles.full = 0, True
    status, out, message = cli(path, "--media", media, "--serial")
    assert status == 1
    assert message.startswith("Disk full") and "run the same import again" in message
    assert "3 item(s) were written" in message
    assert message.count("No space left") == 1 and "Traceback" not in out + message
    assert WordPressImportRecord.objects.exclude(kind="attachment").count() == 3

    FullAfterThreeFiles.full = False  # space freed
    status, out, _ = cli(path, "--media", media, "--serial", "--json")
    report = json.loads(out)
    assert status == 0 and report["failed"] == []
    assert report["created"] == 5 and report["unchanged"] == 3
    assert get_image_model().objects.count() == 8  # no image imported twice
    bodies = [from_stream_value(p.body) for p in ArticlePage.objects.all()]
    assert all(any(b["type"] == "image" for b in body) for body in bodies)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_full_database_stops_the_import_once_and_a_rerun_resumes(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's max_page_count makes a real 'database or disk is full'")
    path = export(tmp_path, 400, content=lambda n: f"<p>{'Long body text. ' * 200} {n}</p>")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA page_count")
        pages = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages + 400}")
    try:
        status, out, message = cli(path, "--serial", "--batch-size", "50")
    finally:
        connection.close()  # a new connection has no page limit
    assert status == 1 and message.startswith("Disk full"), message
    assert "database or disk is full" in message and message.count("full") == 2
    written = WordPressImportRecord.objects.count()
    assert 0 < written < 400 and written % 50 == 0  # whole batches only
    status, out, _ = cli(path, "--serial", "--json")
    report = json.loads(out)
    assert status == 0 and report["created"] == 400 - written and report["unchanged"] == written


# --- re-import edits --------------------------------------------------------------------------------
@pytest.mark.django_db
def test_a_body_only_edit_is_updated_on_reimport(tmp_path):
    first = export(tmp_path, 3)
    import_wordpress([first])
    edited = export(
        tmp_path,
        3,
        name="edited.xml",
        content=lambda n: "<p>Corrected body.</p>" if n == 2 else f"<p>Body of post {n}.</p>",
    )
    report = import_wordpress([edited]).as_dict()
    assert report["updated"] == 1 and report["unchanged"] == 2
    page = ArticlePage.objects.get(pk=WordPressImportRecord.objects.get(post_id=2).page_id)
    body = from_stream_value(page.body)
    assert "Corrected body." in str(body) and "Body of post 2" not in str(body)


# --- the page cache ---------------------------------------------------------------------------------
@pytest.mark.django_db
def test_a_reimport_that_changes_a_title_is_served_at_once(tmp_path, site, commit):  # noqa: F811
    commit(import_wordpress, [export(tmp_path, 3)])
    page = ArticlePage.objects.get(pk=WordPressImportRecord.objects.get(post_id=2).page_id)
    url = page.url
    for path in (url, "/"):
        assert "Post 2" in site.get(path).text
        assert site.get(path).cache == "HIT"
    changed = export(
        tmp_path,
        3,
        name="changed.xml",
        title=lambda n: "Post 2 corrected" if n == 2 else f"Post {n}",
    )
    status, out, _ = commit(cli, changed, "--json")
    assert json.loads(out)["updated"] == 1
    for path in (url, "/"):
        response = site.get(path)
        assert "Post 2 corrected" in response.text, path
        assert response.cache != "HIT", path


@pytest.mark.django_db
def test_an_import_shows_its_new_articles_on_the_cached_home_page(tmp_path, site, commit):  # noqa: F811
    assert site.get("/").status == 200 and site.get("/").cache == "HIT"
    commit(import_wordpress, [export(tmp_path, 2, title=lambda n: f"Fresh import {n}")])
    assert "Fresh import 2" in site.get("/").text
