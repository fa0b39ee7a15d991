"""The wire: feeds we follow, the items they carry, and stories grouped across feeds."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from silkwire.wire.dedup import GUID, UNICITY_CHOICES


def validate_timezone(value: str) -> None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"{value!r} is not an IANA time zone: use a name such as Asia/Almaty, "
            "Asia/Tashkent, Asia/Bishkek, Asia/Dushanbe, Asia/Ashgabat or UTC."
        ) from None


class FeedQuerySet(models.QuerySet):
    def active(self):
        return self.filter(disabled_at__isnull=True)

    def due(self, now=None):
        now = now or timezone.now()
        return self.active().filter(
            models.Q(next_check_at__isnull=True) | models.Q(next_check_at__lte=now)
        )


class Feed(models.Model):
    url = models.URLField("feed URL", max_length=2000, unique=True)
    name = models.CharField(max_length=200)
    site_url = models.URLField(max_length=2000, blank=True)
    country = models.ForeignKey(
        "news.CountryPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where the outlet is; becomes the primary country of drafts made from it.",
    )
    timezone = models.CharField(
        max_length=64,
        default="UTC",
        validators=[validate_timezone],
        help_text="Read dates without a UTC offset in this zone (e.g. Asia/Almaty).",
    )
    unicity = models.CharField(
        max_length=20,
        choices=UNICITY_CHOICES,
        default=GUID,
        help_text="How entries are told apart; degrades by itself when GUIDs are broken.",
    )
    unicity_forced = models.BooleanField(
        default=False, help_text="Keep the identity rule even when entries look broken."
    )
    # Conditional GET.
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    ttl_minutes = models.PositiveIntegerField(null=True, blank=True)
    # A feed that moved: adopted after MOVED_CONFIRMATIONS polls redirected permanently there.
    moved_to = models.URLField(max_length=2000, blank=True)
    moved_count = models.PositiveSmallIntegerField(default=0)
    # Schedule and health.
    next_check_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_checked_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_status = models.PositiveSmallIntegerField(null=True, blank=True)
    error_count = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    disabled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FeedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_disabled(self) -> bool:
        return self.disabled_at is not None


class StoryGroup(models.Model):
    """One story as carried by one or more feeds."""

    title = models.CharField(max_length=1000)
    first_seen_at = models.DateTimeField(default=timezone.now)
    latest_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-latest_at"]

    def __str__(self) -> str:
        return self.title


class WireItemQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(dismissed_at__isnull=True)


class WireItem(models.Model):
    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="items")
    external_id = models.CharField(max_length=64, help_text="sha256 of the entry's identity.")
    guid = models.CharField(max_length=2000, blank=True)
    title = models.CharField(max_length=1000)
    summary = models.TextField(blank=True)
    link = models.URLField(max_length=2000, blank=True)
    author = models.CharField(max_length=255, blank=True)
    published = models.DateTimeField(null=True, blank=True)
    date_missing = models.BooleanField(
        default=False, help_text="The feed gave no usable date; sorted by first-seen time."
    )
    sort_at = models.DateTimeField(db_index=True, help_text="Published, else first seen.")
    first_seen_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)
    content_hash = models.CharField(max_length=64)
    url_key = models.CharField(max_length=64, blank=True, db_index=True)
    title_key = models.CharField(max_length=1000, blank=True)
    title_hash = models.CharField(max_length=64, blank=True, db_index=True)
    countries = models.ManyToManyField("news.CountryPage", blank=True, related_name="+")
    country_slugs = models.JSONField(
        default=list, blank=True, help_text="Detected countries, strongest first."
    )
    story = models.ForeignKey(
        StoryGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    dismissed_at = models.DateTimeField(null=True, blank=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    draft = models.ForeignKey(
        "news.ArticlePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = WireItemQuerySet.as_manager()

    class Meta:
        ordering = ["-sort_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["feed", "external_id"], name="wire_item_unique_id")
        ]

    def __str__(self) -> str:
        return self.title

    def detected_countries(self) -> list:
        """Return the item's CountryPages in detection order (strongest first)."""
        by_slug = {c.slug: c for c in self.countries.all()}
        return [by_slug[s] for s in self.country_slugs if s in by_slug]


class WireTombstone(models.Model):
    """An item an editor dismissed: it must never come back, even after it is pruned."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="tombstones")
    external_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["feed", "external_id"], name="wire_tombstone_unique")
        ]

    def __str__(self) -> str:
        return f"{self.feed_id}:{self.external_id[:12]}"
