"""Readership counts: one row per article per hour, nothing about the reader."""

from __future__ import annotations

from django.db import models


class ArticleHourlyViews(models.Model):
    """How many times an article was read in one clock hour (UTC). No cookies, no addresses."""

    page = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")
    hour = models.DateTimeField(help_text="Start of the hour, UTC.")
    views = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "hourly article views"
        verbose_name_plural = "hourly article views"
        constraints = [
            models.UniqueConstraint(fields=["page", "hour"], name="one_count_per_article_hour")
        ]
        indexes = [models.Index(fields=["hour", "page"], name="stats_hour_page_idx")]

    def __str__(self) -> str:
        return f"{self.page_id} @ {self.hour:%Y-%m-%d %H:00}: {self.views}"
