"""Admin WordPress import: upload, dry-run report, background run with progress; worker modes."""

from __future__ import annotations

import threading
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from silkwire.ingest.models import ImportRun
from silkwire.ingest.wordpress.jobs import run_queued_imports
from silkwire.news.models import ArticlePage

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "wordpress" / "news-example-kz.xml"


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw")
    client.force_login(user)
    return client


def upload(client, **extra):
    data = {"export": SimpleUploadedFile("export.xml", SAMPLE.read_bytes(), "text/xml"), **extra}
    return client.post(reverse("ingest_wordpress"), data)


@pytest.mark.django_db
def test_upload_dry_run_then_import_in_queue_mode(admin_client, settings):
    settings.SILKWIRE_IMPORT_WORKER = "queue"
    page = admin_client.get(reverse("ingest_wordpress"))
    assert page.status_code == 200 and b"data-wordpress-upload" in page.content

    response = upload(admin_client)
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "ingest_wordpress_run", args=[run.pk]
    )
    assert run.status == ImportRun.Status.PENDING_ANALYSIS
    # Exports carry e-mails, drafts and passwords: never under the public MEDIA_ROOT.
    assert not run.source.path.startswith(str(settings.MEDIA_ROOT))
    assert "/private/imports/wordpress/" in run.source.path

    assert run_queued_imports() == 1
    run.refresh_from_db()
    assert run.status == ImportRun.Status.ANALYSED
    assert run.dry_run_report["created"] == 2 and run.dry_run_report["dry_run"] is True
    assert ArticlePage.objects.count() == 0  # a dry run writes nothing

    detail = admin_client.get(reverse("ingest_wordpress_run", args=[run.pk]))
    assert b"Dry run: what the import will do" in detail.content
    assert b"data-start-import" in detail.content

    started = admin_client.post(reverse("ingest_wordpress_start", args=[run.pk]))
    assert started.status_code == 302
    run.refresh_from_db()
    assert run.status == ImportRun.Status.QUEUED

    call_command("ingest", "wordpress", "--run", str(run.pk), stdout=StringIO())
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE
    assert run.report["created"] == 2 and run.report["failed"] == []
    assert run.progress_done == run.progress_total == 2
    assert ArticlePage.objects.count() == 2

    status = admin_client.get(reverse("ingest_wordpress_run", args=[run.pk]) + "?format=json")
    assert status.json() == {"status": "done", "percent": 100, "done": 2, "total": 2, "error": ""}
    # A finished run cannot be started again.
    admin_client.post(reverse("ingest_wordpress_start", args=[run.pk]))
    assert run_queued_imports() == 0


@pytest.mark.django_db
def test_bad_uploads_are_refused_with_a_reason(admin_client):
    bad_name = admin_client.post(
        reverse("ingest_wordpress"),
        {"export": SimpleUploadedFile("export.txt", b"hello", "text/plain")},
    )
    assert b"Upload a .xml" in bad_name.content
    bad_map = upload(admin_client, category_map='{"economy": ')
    assert b"Line 1, column" in bad_map.content
    assert ImportRun.objects.count() == 0


@pytest.mark.django_db
def test_hostile_upload_fails_the_run_with_a_message(admin_client, settings):
    settings.SILKWIRE_IMPORT_WORKER = "queue"
    evil = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss/>'
    admin_client.post(
        reverse("ingest_wordpress"), {"export": SimpleUploadedFile("evil.xml", evil, "text/xml")}
    )
    run_queued_imports()
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED and "DOCTYPE" in run.error
    detail = admin_client.get(reverse("ingest_wordpress_run", args=[run.pk]))
    assert b"DOCTYPE" in detail.content


@pytest.mark.django_db
def test_only_superusers(client):
    editor = get_user_model().objects.create_user("ed", "ed@example.com", "pw", is_staff=True)
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    response = client.get(reverse("ingest_wordpress"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    response = client.post(reverse("ingest_wordpress"), {})
    assert response.status_code == 302 and ImportRun.objects.count() == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_thread_mode_runs_in_the_background(admin_client, settings):
    settings.SILKWIRE_IMPORT_WORKER = "thread"
    upload(admin_client, pages="on")
    run = ImportRun.objects.get()
    assert run.options["pages"] is True
    for thread in threading.enumerate():
        if thread.name == f"wordpress-import-{run.pk}":
            thread.join(timeout=60)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.ANALYSED
    admin_client.post(reverse("ingest_wordpress_start", args=[run.pk]))
    for thread in threading.enumerate():
        if thread.name == f"wordpress-import-{run.pk}":
            thread.join(timeout=60)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE, run.error
    assert ArticlePage.objects.count() == 2
