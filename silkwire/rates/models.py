"""Observations of official rates, the log of every fetch, and editors' overrides."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone

from silkwire.rates.currencies import CURRENCIES

# Units per USD: 15 decimal places and 30 digits keep far more than the 10 significant
# digits docs/rates.md ("Semantics") asks for, for every currency from 0.3 (KWD-like) to 10^14 units per USD.
UNITS_MAX_DIGITS = 30
UNITS_DECIMAL_PLACES = 15
UNITS_QUANTUM = Decimal(1).scaleb(-UNITS_DECIMAL_PLACES)

CURRENCY_CHOICES = [(code, f"{code} · {c.name}") for code, c in CURRENCIES.items()]


class Kind(models.TextChoices):
    OFFICIAL = "official", "Official (the bank's own currency)"
    CROSS = "cross", "Cross rate through the bank's currency"
    PEG = "peg", "Configured official rate (peg)"
    DEMO = "demo", "Demo data (synthetic)"


class Outcome(models.TextChoices):
    STORED = "stored", "Stored"
    UNCHANGED = "unchanged", "Unchanged"
    NO_PUBLICATION = "no_publication", "No publication"
    REJECTED = "rejected", "Rejected"
    ERROR = "error", "Error"


class FetchLog(models.Model):
    """One request to a source (or one saved payload re-parsed) and what came of it."""

    source = models.CharField(max_length=16, db_index=True)
    url = models.CharField(max_length=1000, blank=True)
    requested_date = models.DateField(null=True, blank=True)
    trigger = models.CharField(
        max_length=16, default="fetch"
    )  # fetch, schedule, backfill, file, demo
    started_at = models.DateTimeField(default=timezone.now, db_index=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    reason = models.CharField(
        max_length=32, blank=True, help_text="Machine-readable cause: wrong_date, shape, …"
    )
    error = models.TextField(blank=True)
    notes = models.TextField(blank=True, help_text="Quotes dropped by the trust rules, and why.")
    payload_sha256 = models.CharField(max_length=64, blank=True)
    payload_path = models.CharField(max_length=500, blank=True)
    payload_bytes = models.PositiveIntegerField(null=True, blank=True)
    etag = models.CharField(max_length=255, blank=True)
    last_modified = models.CharField(max_length=64, blank=True)
    stored_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["source", "requested_date"])]

    def __str__(self) -> str:
        day = self.requested_date.isoformat() if self.requested_date else "latest"
        return f"{self.source} {day}: {self.outcome}"

    @property
    def failed(self) -> bool:
        """True when the source failed unexpectedly (a wrong date is the source's carry-forward)."""
        if self.outcome == Outcome.ERROR:
            return True
        return self.outcome == Outcome.REJECTED and self.reason != "wrong_date"


class RateObservation(models.Model):
    """A source's rate for one currency on the date the source says it applies to."""

    source = models.CharField(max_length=16)
    currency = models.CharField(max_length=3, choices=CURRENCY_CHOICES)
    rate_date = models.DateField(help_text="The effective date the source states.")
    units_per_usd = models.DecimalField(
        max_digits=UNITS_MAX_DIGITS, decimal_places=UNITS_DECIMAL_PLACES
    )
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.OFFICIAL)
    raw = models.CharField(max_length=255, blank=True, help_text="The source's own figures.")
    significant_digits = models.PositiveSmallIntegerField(default=0)
    fetch = models.ForeignKey(
        FetchLog, null=True, blank=True, on_delete=models.SET_NULL, related_name="observations"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-rate_date", "currency", "source"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "currency", "rate_date"], name="rates_one_value_per_source_day"
            )
        ]
        indexes = [models.Index(fields=["currency", "source", "rate_date"])]

    def __str__(self) -> str:
        return f"{self.currency} {self.units_per_usd} per USD ({self.source}, {self.rate_date})"


class RateOverride(models.Model):
    """An editor's correction of an official value: audited, and always shown as an override."""

    currency = models.CharField(max_length=3, choices=CURRENCY_CHOICES)
    rate_date = models.DateField(help_text="The date the corrected value applies to.")
    units_per_usd = models.DecimalField(
        max_digits=UNITS_MAX_DIGITS,
        decimal_places=UNITS_DECIMAL_PLACES,
        help_text="Units of the currency per 1 US dollar, e.g. 87.45 for KGS.",
    )
    reason = models.TextField(help_text="Why the official value is overridden (shown to readers).")
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-rate_date", "currency"]

    def __str__(self) -> str:
        return f"{self.currency} {self.rate_date}: {self.units_per_usd} per USD (override)"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.units_per_usd is not None and self.units_per_usd <= 0:
            raise ValidationError({"units_per_usd": "Give a positive number of units per USD."})
        if not (self.reason or "").strip():
            raise ValidationError({"reason": "Say why the official value is overridden."})
