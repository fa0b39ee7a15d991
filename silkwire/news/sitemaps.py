"""Sitemaps: an index of per-section sitemaps, and a Google News sitemap of the last two days.

``/sitemap.xml`` (index) → ``/sitemap-<section>.xml`` (``?p=2`` for further pages of
articles) and ``/sitemap-news.xml``. Locations use ``SILKWIRE_BASE_URL``.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_safe

from silkwire.news import distribution
from silkwire.news.models import (
    ArticlePage,
    AuthorIndexPage,
    CountryPage,
    HomePage,
    TagIndexPage,
    Topic,
    TopicIndexPage,
)
from silkwire.news.models import Author as AuthorModel

NEWS_WINDOW = timedelta(days=2)  # "articles published in the last two days", Google News
NEWS_LIMIT = 1000  # "up to 1,000 news:news tags" per news sitemap, Google News


class BaseSitemap(Sitemap):
    """A sitemap whose locations use the public base URL, whatever host the request used."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SILKWIRE_BASE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SILKWIRE_BASE_URL).netloc


class SectionsSitemap(BaseSitemap):
    """The home page, countries, country × topic listings and the index pages."""

    changefreq = "hourly"

    def items(self):
        topics = list(Topic.objects.all())
        entries = [(p.url, None) for p in HomePage.objects.live()]
        for country in CountryPage.objects.live().order_by("path"):
            entries.append((country.url, country))
            entries += [(f"{country.url}{t.slug}/", None) for t in topics]
        for model in (TopicIndexPage, AuthorIndexPage, TagIndexPage):
            entries += [(p.url, None) for p in model.objects.live()]
        return [e for e in entries if e[0]]

    def location(self, item):
        return item[0]


class ArticlesSitemap(BaseSitemap):
    limit = 2000  # smaller than the protocol's 50,000 so one page renders quickly

    def items(self):
        return (
            ArticlePage.objects.live()
            .public()
            .defer_streamfields()
            .order_by("-first_published_at", "-pk")
        )

    def location(self, item):
        return distribution.article_path(item)

    def get_latest_lastmod(self):
        # One aggregate instead of Django's default of loading every article.
        found = (
            self.items()
            .order_by()
            .aggregate(published=Max("last_published_at"), corrected=Max("modified_at"))
        )
        dates = [d for d in found.values() if d]
        return max(dates) if dates else None

    def lastmod(self, item):
        return distribution.updated(item)


class TopicsSitemap(BaseSitemap):
    def items(self):
        return Topic.objects.order_by("slug")

    def location(self, item):
        return item.get_absolute_url()


class AuthorsSitemap(BaseSitemap):
    def items(self):
        return AuthorModel.objects.order_by("slug")

    def location(self, item):
        return item.get_absolute_url()


SECTIONS = {
    "sections": SectionsSitemap,
    "articles": ArticlesSitemap,
    "topics": TopicsSitemap,
    "authors": AuthorsSitemap,
}


@require_safe
@distribution.validated(track_changes=True)
def index(request):
    """List every section sitemap page and the news sitemap."""
    entries = []
    for name, cls in SECTIONS.items():
        sitemap = cls()
        lastmod = sitemap.get_latest_lastmod()
        for number in sitemap.paginator.page_range:
            suffix = f"?p={number}" if number > 1 else ""
            entries.append((f"/sitemap-{name}.xml{suffix}", lastmod))
    news = news_articles()
    entries.append(
        ("/sitemap-news.xml", max((distribution.updated(a) for a in news), default=None))
    )
    return render(
        request,
        "news/sitemaps/index.xml",
        {"entries": [(distribution.absolute_url(loc), mod) for loc, mod in entries]},
        content_type="application/xml",
    )


@require_safe
@distribution.validated(track_changes=True)
def section(request, section):
    return sitemap_views.sitemap(request, SECTIONS, section=section)


def news_articles():
    since = timezone.now() - NEWS_WINDOW
    return list(
        ArticlePage.objects.live()
        .public()
        .defer_streamfields()
        .filter(first_published_at__gte=since)
        .order_by("-first_published_at", "-pk")[:NEWS_LIMIT]
    )


@require_safe
@distribution.validated(track_changes=True)
def news(request):
    """The Google News sitemap: articles first published in the last two days."""
    articles = [
        {
            "loc": distribution.absolute_url(distribution.article_path(a, request)),
            "title": a.title,
            "date": distribution.published(a),
            "lastmod": distribution.updated(a),
        }
        for a in news_articles()
    ]
    return render(
        request,
        "news/sitemaps/news.xml",
        {
            "articles": articles,
            "publication": settings.SILKWIRE_PUBLICATION_NAME,
            "language": settings.LANGUAGE_CODE.split("-")[0],
        },
        content_type="application/xml",
    )


urlpatterns = [
    path("sitemap.xml", index, name="sitemap-index"),
    path("sitemap-news.xml", news, name="sitemap-news"),
    path(
        "sitemap-<slug:section>.xml",
        section,
        name="sitemap-section",
    ),
]
