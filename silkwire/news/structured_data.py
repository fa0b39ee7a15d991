"""schema.org JSON-LD and the OpenGraph/Twitter values for an article page."""

from __future__ import annotations

import json

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from silkwire.news import distribution
from silkwire.news.models import ArticleKind, ArticlePage

# schema.org has a NewsArticle subtype for some of the outlet's kinds; the others stay
# NewsArticle (there is no InterviewNewsArticle; a feature is reportage).
SCHEMA_TYPES = {
    ArticleKind.NEWS: "ReportageNewsArticle",
    ArticleKind.FEATURE: "ReportageNewsArticle",
    ArticleKind.ANALYSIS: "AnalysisNewsArticle",
    ArticleKind.OPINION: "OpinionNewsArticle",
    ArticleKind.INTERVIEW: "NewsArticle",
}
HEADLINE_MAX = 110  # Google's limit for the headline property
IMAGE_SPECS = ["fill-1200x675", "fill-1200x900", "fill-1200x1200"]  # 16:9, 4:3, 1:1


def _iso(moment) -> str | None:
    """RFC 3339 in the newsroom's time zone (Asia/Almaty), as readers see the date."""
    return timezone.localtime(moment).isoformat() if moment else None


def publisher() -> dict:
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.SILKWIRE_PUBLICATION_NAME,
        "url": distribution.absolute_url("/"),
    }


def prefetch(page: ArticlePage) -> None:
    """Load what the metadata (and the article template after it) reads, in a few queries."""
    prefetch_related_objects([page], "article_authors__author", "topics", "tags", "other_countries")
    if page.lead_image_id:
        prefetch_related_objects([page], "lead_image__renditions")


def article_data(page: ArticlePage, request=None, country=None) -> list[dict]:
    """Return the JSON-LD graph for ``page``: the article and its breadcrumb trail."""
    url = distribution.absolute_url(distribution.article_path(page, request))
    country = country or page.get_parent().specific
    headline = (
        page.title if len(page.title) <= HEADLINE_MAX else page.title[: HEADLINE_MAX - 1] + "…"
    )
    article = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(page.kind, "NewsArticle"),
        "@id": url + "#article",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": headline,
        "description": page.standfirst or page.search_description or "",
        "datePublished": _iso(distribution.published(page)),
        "dateModified": _iso(distribution.updated(page)),
        "inLanguage": settings.LANGUAGE_CODE,
        "isAccessibleForFree": True,
        "articleSection": country.title,
        "publisher": publisher(),
        "author": [
            {
                "@type": "Person",
                "name": a.name,
                "url": distribution.absolute_url(a.get_absolute_url()),
                **({"jobTitle": a.role} if a.role else {}),
            }
            for a in page.authors
        ]
        or [publisher()],
    }
    if page.dateline:
        article["dateline"] = page.dateline
    keywords = [t.name for t in page.topics.all()] + [t.name for t in page.tags.all()]
    if keywords:
        article["keywords"] = keywords
    about = [country, *page.other_countries.all()]
    article["contentLocation"] = [{"@type": "Place", "name": c.title} for c in about]
    images = []
    for spec in IMAGE_SPECS:
        rendition = distribution.lead_rendition(page, spec)
        if rendition is not None:
            images.append(distribution.absolute_url(rendition.url))
    if images:
        article["image"] = images
    if page.source_url:
        article["isBasedOn"] = page.source_url
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": item}
            for i, (name, item) in enumerate(
                [
                    (settings.SILKWIRE_PUBLICATION_NAME, distribution.absolute_url("/")),
                    (country.title, distribution.absolute_url(country.url)),
                    (page.title, url),
                ],
                start=1,
            )
        ],
    }
    return [article, breadcrumbs]


def json_ld(data) -> SafeString:
    """Return a ``<script type="application/ld+json">`` element, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # The same escapes as django.utils.html.json_script: no "</script>" can end the element.
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


def social_meta(page: ArticlePage, request=None, country=None) -> dict:
    """Return the values the OpenGraph and Twitter card tags need."""
    info = distribution.image_info(page)
    return {
        "url": distribution.absolute_url(distribution.article_path(page, request)),
        "title": page.seo_title or page.title,
        "description": page.search_description or page.standfirst,
        "image": info,
        "published": _iso(distribution.published(page)),
        "modified": _iso(distribution.updated(page)),
        "section": (country or page.get_parent()).title,
        "tags": [t.name for t in page.tags.all()],
        "authors": [distribution.absolute_url(a.get_absolute_url()) for a in page.authors],
        "site_name": settings.SILKWIRE_PUBLICATION_NAME,
    }


def article_seo(page: ArticlePage, request=None) -> dict:
    """Return everything the article's <head> shows: social tags and the JSON-LD element."""
    if not getattr(request, "is_preview", False):  # a preview's relations live in memory
        prefetch(page)
    country = page.get_parent().specific
    return {
        "social": social_meta(page, request, country),
        "json_ld": json_ld(article_data(page, request, country)),
    }
