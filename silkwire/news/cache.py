"""What the news pages show, for the page cache (registered from ``NewsConfig.ready``).

The page cache (:mod:`silkwire.core.pagecache`) is the mechanism; this module tells it
what news pages depend on, what news changes invalidate and which URLs a front cache
purges. The names a page depends on match what a change bumps:

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
=====================  ===========================================================

An article belongs to *groups*: ``articles``, ``article:A``, ``country:<primary and other
countries>``, ``topic:<t>``, ``tag:<g>``, ``author:<u>`` and the ``path:`` of its URLs.
Publishing, moving, saving or deleting it bumps the groups it had before and after
(:mod:`silkwire.core.pagecache.invalidation`). An author or topic snippet, or a tag,
shows anywhere: editing one bumps ``global``.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from silkwire.core.pagecache.deps import tagged
from silkwire.core.pagecache.fragments import cached
from silkwire.core.pagecache.invalidation import invalidate_on_commit, site_paths
from silkwire.core.pagecache.registry import (
    register_dependency_source,
    register_invalidation,
    register_page_groups,
    register_purge_urls,
)


# --- what a page depends on --------------------------------------------------------------------
def page_deps(page, serve_kwargs) -> set[str] | None:
    """The names a news page depends on; ``None`` for a page this app does not know."""
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
    return None  # the page cache's default: ``page:<id>``


def _article_links(page_id: int) -> set[str]:
    """Topics, tags and chosen related articles of an article, in one query."""
    from silkwire.news.models import ArticlePage, ArticleRelatedLink, ArticleTag

    topics = tagged(
        ArticlePage.topics.through.objects.filter(articlepage_id=page_id), "topic", "topic_id"
    )
    tags = tagged(ArticleTag.objects.filter(content_object_id=page_id), "tag", "tag_id")
    related = tagged(ArticleRelatedLink.objects.filter(page_id=page_id), "article", "related_id")
    return {f"{kind}:{pk}" for kind, pk in topics.union(tags, related, all=True)}


# --- what an article shows up on ---------------------------------------------------------------
def article_groups(page_id: int) -> set[str]:
    """The groups and paths an article is shown under now, read from the database.

    Always holds ``article:<page_id>``, also for an article that no longer exists.
    """
    from wagtail.models import Page

    from silkwire.news.models import ArticleAuthor, ArticlePage, ArticleTag

    names = {f"article:{page_id}"}
    row = Page.objects.filter(pk=page_id).values_list("live", "path", "url_path").first()
    if row is None:
        return names
    live, path, url_path = row
    names |= {f"path:{p}" for p in site_paths(url_path)}
    if not live:
        return names
    names.add("articles")
    parent = Page.objects.filter(path=path[: -Page.steplen]).values_list("pk", flat=True).first()
    names.add(f"country:{parent}")

    links = tagged(
        ArticlePage.other_countries.through.objects.filter(articlepage_id=page_id),
        "country",
        "countrypage_id",
    ).union(
        tagged(
            ArticlePage.topics.through.objects.filter(articlepage_id=page_id), "topic", "topic_id"
        ),
        tagged(ArticleTag.objects.filter(content_object_id=page_id), "tag", "tag_id"),
        tagged(ArticleAuthor.objects.filter(page_id=page_id), "author", "author_id"),
        all=True,
    )
    names.update(f"{kind}:{pk}" for kind, pk in links)
    return names


# --- snippet changes ---------------------------------------------------------------------------
def author_or_tag_saved(sender, instance=None, created=False, **kwargs):
    # A new author is on the author index only; a new tag is on no page until an article has it.
    if created:
        invalidate_on_commit({"authors"} if sender.__name__ == "Author" else set())
    else:
        invalidate_on_commit({"global"})


def snippet_changed(sender, instance=None, **kwargs):
    invalidate_on_commit({"global"})


# --- front-cache URLs --------------------------------------------------------------------------
def purge_paths(names: set[str]) -> set[str]:
    """The home page and the listing pages of the countries, topics, tags and authors named."""
    from taggit.models import Tag

    from silkwire.news.models import Author, CountryPage, Topic

    paths: set[str] = set()
    ids: dict[str, list[int]] = {}
    for name in names:
        kind, _, value = name.partition(":")
        if kind == "articles":
            paths.add("/")
        elif kind != "path" and value.isdigit():
            ids.setdefault(kind, []).append(int(value))
    topics = list(Topic.objects.values_list("slug", flat=True))
    for country in CountryPage.objects.filter(pk__in=ids.get("country", [])):
        url = country.url
        if url:
            paths.add(url)
            paths.update(f"{url}{slug}/" for slug in topics)
    paths.update(
        f"/topics/{s}/"
        for s in Topic.objects.filter(pk__in=ids.get("topic", [])).values_list("slug", flat=True)
    )
    paths.update(
        f"/authors/{s}/"
        for s in Author.objects.filter(pk__in=ids.get("author", [])).values_list("slug", flat=True)
    )
    paths.update(
        f"/tags/{s}/"
        for s in Tag.objects.filter(pk__in=ids.get("tag", [])).values_list("slug", flat=True)
    )
    return paths


def register() -> None:
    """Tell the page cache about news (called from ``NewsConfig.ready``)."""
    from taggit.models import Tag

    from silkwire.news.models import ArticlePage, Author, Topic

    register_dependency_source(page_deps)
    register_page_groups(ArticlePage, article_groups)
    register_invalidation(Author, author_or_tag_saved, signals=[post_save])
    register_invalidation(Tag, author_or_tag_saved, signals=[post_save])
    register_invalidation(Topic, snippet_changed, signals=[post_save])
    for model in (Author, Topic, Tag):
        register_invalidation(model, snippet_changed, signals=[post_delete])
    register_purge_urls(purge_paths)
