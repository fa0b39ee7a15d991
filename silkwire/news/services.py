"""Creating articles from code: the one path importers, the wire and the demo use."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from silkwire.news.blocks import to_stream_data
from silkwire.news.models import ArticleAuthor, ArticlePage, Author, CountryPage, Topic


def unique_article_slug(country: CountryPage, title: str, wanted: str | None = None) -> str:
    """Return a slug unique under ``country`` that never collides with a topic slug."""
    base = (wanted or slugify(title) or "article")[:200].strip("-") or "article"
    reserved = set(Topic.objects.values_list("slug", flat=True))
    taken = set(
        ArticlePage.objects.child_of(country)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken or slug in reserved:
        slug, n = f"{base}-{n}", n + 1
    return slug


def author_by_name(name: str) -> Author:
    """Return the author called ``name``, creating them if needed."""
    name = " ".join(name.split())
    found = Author.objects.filter(name__iexact=name).first()
    return found or Author.objects.create(name=name)


@transaction.atomic
def create_article(
    *,
    country: CountryPage,
    title: str,
    blocks: Sequence[dict],
    standfirst: str = "",
    kind: str = "news",
    authors: Iterable[Author] = (),
    topics: Iterable[Topic] = (),
    tags: Iterable[str] = (),
    other_countries: Iterable[CountryPage] = (),
    first_published_at: datetime | None = None,
    publish: bool = False,
    go_live_at: datetime | None = None,
    source_name: str = "",
    source_url: str = "",
    user=None,
    slug: str | None = None,
    lead_image=None,
    dateline: str = "",
    byline: str = "",
    is_demo: bool = False,
) -> ArticlePage:
    """Create an article under ``country`` in one transaction, with a revision.

    ``publish`` makes it live (dated ``first_published_at`` when given);
    ``go_live_at`` in the future schedules it instead. Otherwise it stays a draft.
    """
    page = ArticlePage(
        title=title,
        draft_title=title,
        slug=unique_article_slug(country, title, slug),
        standfirst=standfirst,
        kind=kind,
        body=to_stream_data(blocks),
        source_name=source_name,
        source_url=source_url,
        lead_image=lead_image,
        dateline=dateline,
        byline=byline,
        go_live_at=go_live_at,
        owner=user,
        live=False,
        is_demo=is_demo,
    )
    page.article_authors = [ArticleAuthor(author=a, sort_order=i) for i, a in enumerate(authors)]
    page.topics = list(topics)
    page.other_countries = [c for c in other_countries if c.pk != country.pk]
    country.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
    revision = page.save_revision(user=user, log_action=True)
    if publish and (go_live_at is None or go_live_at <= timezone.now()):
        revision.publish(user=user)
        page.refresh_from_db()
        if first_published_at is not None:
            ArticlePage.objects.filter(pk=page.pk).update(
                first_published_at=first_published_at, last_published_at=first_published_at
            )
            page.first_published_at = page.last_published_at = first_published_at
    elif publish and go_live_at is not None:
        revision.publish(user=user)  # a future go_live_at makes Wagtail schedule it
        page.refresh_from_db()
    return page
