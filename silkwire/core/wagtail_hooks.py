"""Admin wiring for the core: a dashboard notice while the page cache is off."""

from __future__ import annotations

from datetime import UTC, datetime

from django.conf import settings
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component


class PageCacheOffPanel(Component):
    """Tell editors and admins that pages are served uncached, why, and since when."""

    name = "pagecache_off"
    template_name = "pagecache/off_panel.html"
    order = 10  # above the content panels: the whole site is slower while it lasts

    def __init__(self, cache):
        self.cache = cache

    def get_context_data(self, parent_context):
        health = self.cache.health
        since = datetime.fromtimestamp(health.off_since, UTC)
        return {
            "reason": health.reason,
            "since": timezone.localtime(since),
            "where": getattr(self.cache.shared, "path", settings.CACHE_URL.split("@")[-1]),
            "retry": int(health.retry_seconds),
        }


@hooks.register("construct_homepage_panels")
def add_pagecache_off_panel(request, panels):
    from silkwire.core.pagecache import get_cache

    cache = get_cache()
    if cache is None:
        return
    cache.check()  # this process may not have written lately: find out now
    if not cache.health.on:
        panels.append(PageCacheOffPanel(cache))
