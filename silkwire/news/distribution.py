"""What feeds, sitemaps, structured data and the API share about a published article.

Absolute URLs come from ``SILKWIRE_BASE_URL`` (not from Wagtail's ``Site`` host name), so
every machine-readable output names the same public address.
"""

from __future__ import annotations

import hashlib
import mimetypes
from datetime import datetime
from functools import wraps

from django.conf import settings
from django.db.models import Max, Prefetch
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe

from silkwire.news.models import ArticlePage, CountryPage

LEAD_IMAGE_SPEC = "width-1200"


def absolute_url(path: str) -> str:
    """Return ``path`` under the public base URL (absolute URLs pass through)."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.SILKWIRE_BASE_URL + ("" if path.startswith("/") else "/") + path


def article_path(page, request=None) -> str:
    return page.get_url(request=request) or page.url_path


def with_distribution_data(qs):
    """Prefetch everything the machine-readable outputs show, for a fixed number of queries."""
    return qs.select_related("lead_image").prefetch_related(
        "article_authors__author",
        "lead_image__renditions",
        "topics",
        "tags",
        Prefetch("other_countries", queryset=CountryPage.objects.order_by("path")),
    )


class CountryLookup:
    """Find an article's primary country from its tree path, with one query for all countries."""

    def __init__(self):
        self._by_path = {c.path: c for c in CountryPage.objects.order_by("path")}

    def __call__(self, page: ArticlePage) -> CountryPage | None:
        return self._by_path.get(page.path[: -ArticlePage.steplen])


def published(page: ArticlePage) -> datetime | None:
    """The publication date readers see."""
    return page.shown_date


def updated(page: ArticlePage) -> datetime | None:
    """The latest of publication, re-publication and correction."""
    dates = [d for d in (page.shown_date, page.last_published_at, page.modified_at) if d]
    return max(dates) if dates else None


def lead_rendition(page: ArticlePage, spec: str = LEAD_IMAGE_SPEC):
    """Return the lead image rendition (uses prefetched renditions when they exist)."""
    if page.lead_image_id is None or page.lead_image is None:
        return None
    try:
        return page.lead_image.get_rendition(spec)
    except Exception:  # a missing source file must not take a feed or the API down
        return None


def image_info(page: ArticlePage, spec: str = LEAD_IMAGE_SPEC) -> dict | None:
    """Return url, size, type and texts of the lead image, or None."""
    rendition = lead_rendition(page, spec)
    if rendition is None:
        return None
    try:
        length = rendition.file.size
    except (OSError, ValueError):
        length = 0
    return {
        "url": absolute_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "length": length,
        "mime_type": mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg",
        "alt": page.lead_image_caption or page.lead_image.title,
        "caption": page.lead_image_caption,
        "credit": page.lead_image_credit,
    }


def content_changed_at() -> datetime | None:
    """When anything readers see last changed: the newest page or snippet log entry.

    Publishing, unpublishing, moving and deleting pages and editing authors or topics are all
    logged, so this never claims "unchanged" after a removal, which the newest item date would.
    """
    from wagtail.models import ModelLogEntry, PageLogEntry

    dates = [
        PageLogEntry.objects.aggregate(last=Max("timestamp"))["last"],
        ModelLogEntry.objects.aggregate(last=Max("timestamp"))["last"],
    ]
    dates = [d for d in dates if d]
    return max(dates) if dates else None


def validated(max_age: int | None = None, *, track_changes: bool = False):
    """Give a GET response an ETag (and Cache-Control when ``max_age`` is given); answer 304.

    Feeds, sitemaps and the API are cached by readers, aggregators and the page cache; the
    ETag is a hash of the body, so it changes exactly when the content does (including an
    unpublished article disappearing, which a Last-Modified date cannot express). Feeds and
    sitemaps leave Cache-Control to the page cache, whose invalidation keeps them fresh.
    ``track_changes`` moves ``Last-Modified`` up to :func:`content_changed_at`, so that
    ``If-Modified-Since`` alone cannot get a 304 after an article was unpublished.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if request.method not in ("GET", "HEAD") or response.status_code != 200:
                return response
            if response.streaming:
                return response
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            if not response.has_header("ETag"):
                response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
            if max_age is not None and not response.has_header("Cache-Control"):
                patch_cache_control(response, public=True, max_age=max_age)
            last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
            if track_changes:
                changed = content_changed_at()
                if changed is not None:
                    last_modified = max(last_modified or 0, int(changed.timestamp()))
                    response["Last-Modified"] = http_date(last_modified)
            conditional = get_conditional_response(
                request,
                etag=response["ETag"],
                last_modified=last_modified,
                response=response,
            )
            return conditional

        return wrapper

    return decorator


def last_modified_header(moment: datetime | None) -> str | None:
    return http_date(moment.timestamp()) if moment else None
