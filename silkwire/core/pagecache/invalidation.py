"""Invalidate exactly what a change shows, when its transaction commits.

An article belongs to *groups*: ``articles``, ``article:A``, ``country:<primary and
other countries>``, ``topic:<t>``, ``tag:<g>``, ``author:<u>``. Pages declare the groups
they show while rendering (:mod:`silkwire.core.pagecache.deps`). A change bumps the
groups the article had *before* (read from the database before the write) and *after*
(read after the commit), plus its old and new URLs — so a page that showed it, or would
now show it, is rendered again on its next request, in every process.

Bumping happens in ``transaction.on_commit``: a render that starts afterwards reads the
committed data, and one that overlapped the bump is not stored (see ``PageCache.make_entry``).

Changes that can show anywhere — a non-article page, an author or topic snippet, a tag,
a site, a view restriction, a deleted or edited image — bump ``global``. A rates
publication bumps ``ticker``: the ticker is on every page, so every page is rendered
again (one render per page per publication, every ``SILKWIRE_RATES_INTERVAL_MINUTES``).
"""

from __future__ import annotations

import logging
import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from silkwire.core.pagecache.cache import get_cache
from silkwire.core.pagecache.deps import tagged

logger = logging.getLogger(__name__)
_pending = threading.local()  # article id -> groups it had before the current transaction


def invalidate(names) -> None:
    """Bump ``names`` now (in every process); purge a front cache when one is configured."""
    names = set(names)
    cache = get_cache()
    if cache is not None and names:
        cache.invalidate(names)
    if names:
        from silkwire.core.pagecache.frontend import purge_front_cache

        purge_front_cache(names)


def invalidate_on_commit(names) -> None:
    names = set(names)
    transaction.on_commit(lambda: invalidate(names))


# --- what an article shows up on ---------------------------------------------------------------
def site_paths(url_path: str | None) -> set[str]:
    """The site-relative paths of a page's ``url_path`` on every site."""
    if not url_path:
        return set()
    from wagtail.models import Site

    paths = set()
    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            paths.add("/" + url_path[len(root.root_path) :])
    return paths


def article_groups(page_id: int) -> set[str]:
    """The groups and paths an article is shown under now, read from the database."""
    from wagtail.models import Page

    from silkwire.news.models import ArticleAuthor, ArticlePage, ArticleTag

    row = Page.objects.filter(pk=page_id).values_list("live", "path", "url_path").first()
    if row is None:
        return set()
    live, path, url_path = row
    names = {f"article:{page_id}"} | {f"path:{p}" for p in site_paths(url_path)}
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


def _remember_before(page_id: int) -> None:
    pending = getattr(_pending, "groups", None)
    if pending is None:
        pending = _pending.groups = {}
    before = article_groups(page_id)
    pending.setdefault(page_id, set()).update(before)


def _after_commit(page_id: int) -> None:
    def run():
        before = getattr(_pending, "groups", {}).pop(page_id, set())
        invalidate(before | article_groups(page_id) | {f"article:{page_id}"})

    transaction.on_commit(run)


def _is_article(instance) -> bool:
    from silkwire.news.models import ArticlePage

    if isinstance(instance, ArticlePage):
        return True
    return getattr(instance, "specific_class", None) is ArticlePage


# --- receivers ---------------------------------------------------------------------------------
_WATCHED_FIELDS = {"live", "title", "slug", "path", "url_path", "first_published_at", "depth"}


def article_pre_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    if update_fields is not None and not (_WATCHED_FIELDS & set(update_fields)):
        return  # a draft revision: nothing public changes
    _remember_before(instance.pk)


def article_post_save(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if raw or created:
        return
    if update_fields is not None and not (_WATCHED_FIELDS & set(update_fields)):
        return
    _after_commit(instance.pk)


def page_published_or_unpublished(sender, instance, **kwargs):
    if _is_article(instance):
        _after_commit(instance.pk)
    else:
        invalidate_on_commit({"global"})


def page_before_move(sender, instance, **kwargs):
    if _is_article(instance):
        _remember_before(instance.pk)


def page_moved(sender, instance, url_path_before=None, **kwargs):
    if _is_article(instance):
        _after_commit(instance.pk)
    else:
        invalidate_on_commit({"global"} | {f"path:{p}" for p in site_paths(url_path_before)})


def page_pre_delete(sender, instance, **kwargs):
    if _is_article(instance):
        names = article_groups(instance.pk)
        invalidate_on_commit(names | {f"article:{instance.pk}"})
    else:
        invalidate_on_commit({"global"})


def everything_changed(sender, instance=None, created=False, **kwargs):
    invalidate_on_commit({"global"})


def author_or_tag_saved(sender, instance=None, created=False, **kwargs):
    # A new author is on the author index only; a new tag is on no page until an article has it.
    if created:
        invalidate_on_commit({"authors"} if sender.__name__ == "Author" else set())
    else:
        invalidate_on_commit({"global"})


def image_changed(sender, instance=None, created=False, **kwargs):
    if not created:  # a new image is on no page yet
        invalidate_on_commit({"global"})


def rates_published(sender, **kwargs):
    invalidate_on_commit({"ticker"})


def forget_local_ticker() -> None:
    """Drop this process's copy of the ticker fragment so the next render reads fresh rates.

    The fragment lives in Django's cache, which is per process with the default
    ``locmem://``: the process that stored the rates rebuilt its own copy, the others
    would keep theirs for a day and re-render pages with the old rates.
    """
    from django.core.cache import cache
    from django.utils import timezone

    from silkwire.rates.ticker import cache_key

    cache.delete(cache_key(timezone.localdate()))


def watch_ticker(cache) -> None:
    if cache is not None and not getattr(cache, "_ticker_watched", False):
        cache.watch("ticker", forget_local_ticker)
        cache._ticker_watched = True


def connect() -> None:
    """Connect the receivers (called once from ``CoreConfig.ready``)."""
    from taggit.models import Tag
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

    from silkwire.news.models import ArticlePage, Author, Topic

    uid = "silkwire-pagecache-"
    pre_save.connect(article_pre_save, sender=ArticlePage, dispatch_uid=uid + "pre-save")
    post_save.connect(article_post_save, sender=ArticlePage, dispatch_uid=uid + "post-save")
    page_published.connect(page_published_or_unpublished, dispatch_uid=uid + "published")
    page_unpublished.connect(page_published_or_unpublished, dispatch_uid=uid + "unpublished")
    pre_page_move.connect(page_before_move, dispatch_uid=uid + "pre-move")
    post_page_move.connect(page_moved, dispatch_uid=uid + "moved")
    # Deleting a page deletes its base row and its specific row: look at the base one only.
    pre_delete.connect(page_pre_delete, sender=Page, dispatch_uid=uid + "delete")
    for model in (Author, Topic, Tag, Site, PageViewRestriction):
        saved = author_or_tag_saved if model in (Author, Tag) else everything_changed
        post_save.connect(saved, sender=model, dispatch_uid=f"{uid}save-{model.__name__}")
        post_delete.connect(
            everything_changed, sender=model, dispatch_uid=f"{uid}delete-{model.__name__}"
        )
    image = get_image_model()
    post_save.connect(image_changed, sender=image, dispatch_uid=uid + "image-save")
    post_delete.connect(everything_changed, sender=image, dispatch_uid=uid + "image-delete")
    try:
        # Import first so the ticker fragment is rebuilt before our bump runs.
        from silkwire.rates.signals import rates_published as rates_signal
    except ImportError:  # pragma: no cover - the rates app is part of Silkwire
        return
    rates_signal.connect(rates_published, dispatch_uid=uid + "rates")
