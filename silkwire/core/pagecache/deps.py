"""What each page shows, declared while it renders (Wagtail's ``before_serve_page`` hook).

The names match what :mod:`silkwire.core.pagecache.invalidation` bumps:

=====================  ===========================================================
page                   depends on
=====================  ===========================================================
article A              ``article:A``; its related block: ``country:<primary>``,
                       ``topic:<t>`` and ``tag:<g>`` of A, ``article:<R>`` per chosen
                       related article R
country X (× topic)    ``country:X``
topic / author / tag   ``topic:T`` / ``author:U`` / ``tag:G``
home, tag index        ``articles`` (any article change)
author index           ``authors`` (a new author)
anything else          ``page:<id>`` (page edits bump ``global``)
non-page views         ``articles`` (feeds, sitemaps, search: the default)
=====================  ===========================================================

Every entry also depends on ``global``, ``ticker`` and ``path:<its path>``.
"""

from __future__ import annotations

from django.db.models import CharField, Value

from silkwire.core.pagecache.cache import RENDER_DEPS


def declare_page_deps(page, request, serve_args, serve_kwargs):
    collector = RENDER_DEPS.get()
    if collector is not None:
        collector.update(page_deps(page, serve_kwargs))


def page_deps(page, serve_kwargs) -> set[str]:
    from silkwire.news.models import (
        ArticlePage,
        AuthorIndexPage,
        CountryPage,
        HomePage,
        TagIndexPage,
        TopicIndexPage,
    )

    if isinstance(page, ArticlePage):
        # get_parent() caches the parent on the instance: the template's own call is free.
        names = {f"article:{page.pk}", f"country:{page.get_parent().pk}"}
        # The links change only with the article (a save bumps ``article:A``): a fragment,
        # so a page-cache miss of an unchanged article skips the query.
        from silkwire.core.pagecache.fragments import cached

        names.update(
            cached(
                "article-deps", [page.pk], [f"article:{page.pk}"], lambda: _article_links(page.pk)
            )
        )
        return names
    if isinstance(page, CountryPage):
        return {f"country:{page.pk}"}
    if isinstance(page, HomePage):
        return {"articles"}
    item = serve_kwargs.get("item")
    if item is not None:
        if isinstance(page, TopicIndexPage):
            return {f"topic:{item.pk}"}
        if isinstance(page, AuthorIndexPage):
            return {f"author:{item.pk}"}
        if isinstance(page, TagIndexPage):
            return {f"tag:{item.pk}"}
    if isinstance(page, TagIndexPage):
        return {"articles"}
    if isinstance(page, AuthorIndexPage):
        return {"authors", f"page:{page.pk}"}
    return {f"page:{page.pk}"}


def tagged(qs, kind: str, field: str):
    """``(kind, id)`` rows of ``qs``, unordered, for a UNION of several link tables."""
    return (
        qs.order_by()
        .annotate(kind=Value(kind, output_field=CharField()))
        .values_list("kind", field)
    )


def _article_links(page_id: int) -> set[str]:
    """Topics, tags and chosen related articles of an article, in one query."""
    from silkwire.news.models import ArticlePage, ArticleRelatedLink, ArticleTag

    topics = tagged(
        ArticlePage.topics.through.objects.filter(articlepage_id=page_id), "topic", "topic_id"
    )
    tags = tagged(ArticleTag.objects.filter(content_object_id=page_id), "tag", "tag_id")
    related = tagged(ArticleRelatedLink.objects.filter(page_id=page_id), "article", "related_id")
    return {f"{kind}:{pk}" for kind, pk in topics.union(tags, related, all=True)}
