"""What the importers remember: which source item became which page, and import runs."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models


class WordPressImportRecord(models.Model):
    """One WordPress item (post, page or attachment) of one site, and what it became.

    Keyed by (site, post_id) so a second run of the same export updates or leaves
    alone instead of duplicating (docs/import-notes.md A.3.7).
    """

    class Kind(models.TextChoices):
        POST = "post", "Post"
        PAGE = "page", "Page"
        ATTACHMENT = "attachment", "Attachment"

    site = models.CharField(max_length=255, help_text="wp:base_blog_url of the export.")
    post_id = models.BigIntegerField()
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.POST)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    content_hash = models.CharField(max_length=64, blank=True)
    source_url = models.URLField(max_length=1000, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "post_id"], name="unique_wordpress_item")
        ]
        verbose_name = "WordPress import record"

    def __str__(self) -> str:
        return f"{self.site} #{self.post_id}"


def _upload_to(instance: ImportRun, filename: str) -> str:
    return f"{instance.kind}/{filename}"


def private_import_storage() -> FileSystemStorage:
    """Uploaded exports hold e-mail addresses, drafts and post passwords: keep them out of
    MEDIA_ROOT (which is served publicly), under SILKWIRE_HOME/private/imports."""
    return FileSystemStorage(location=Path(settings.SILKWIRE_HOME) / "private" / "imports")


class ImportRun(models.Model):
    """An import started from the admin: the uploaded file, its options, progress and report."""

    class Status(models.TextChoices):
        PENDING_ANALYSIS = "pending", "Waiting for the dry run"
        ANALYSING = "analysing", "Dry run running"
        ANALYSED = "analysed", "Dry run done"
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=20, default="wordpress")
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.PENDING_ANALYSIS
    )
    source = models.FileField(upload_to=_upload_to, storage=private_import_storage, max_length=500)
    source_name = models.CharField(max_length=255, blank=True)
    options = models.JSONField(default=dict, blank=True)
    dry_run_report = models.JSONField(null=True, blank=True)
    report = models.JSONField(null=True, blank=True)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind} import #{self.pk} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in {
            self.Status.PENDING_ANALYSIS,
            self.Status.ANALYSING,
            self.Status.QUEUED,
            self.Status.RUNNING,
        }

    @property
    def percent(self) -> int:
        if not self.progress_total:
            return 100 if self.status == self.Status.DONE else 0
        return min(100, round(100 * self.progress_done / self.progress_total))
