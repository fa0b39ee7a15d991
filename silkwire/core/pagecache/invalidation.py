"""Invalidate exactly what a change shows, when its transaction commits.

A page type registered with :func:`~silkwire.core.pagecache.registry.register_page_groups`
(news registers ``ArticlePage``: ``silkwire/news/cache.py``) belongs to *groups*: the names
its pages are shown under (``article:A``, ``country:C``, ``topic:T`` …) and its ``path:``
names. Pages declare the names they show while rendering (:mod:`silkwire.core.pagecache.deps`).
A change bumps the groups the page had *before* (read from the database before the write)
and *after* (read after the commit) — so a page that showed it, or would now show it, is
rendered again on its next request, in every process.

Bumping happens in ``transaction.on_commit``: a render that starts afterwards reads the
committed data, and one that overlapped the bump is not stored (see ``PageCache.make_entry``).

Changes that can show anywhere — any other page, a site, a view restriction, a deleted or
edited image — bump ``global``. Apps add their own rules (snippets, signals) with
:func:`~silkwire.core.pagecache.registry.register_invalidation`.
"""

from __future__ import annotations

import logging
import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from silkwire.core.pagecache import registry
from silkwire.core.pagecache.cache import get_cache

logger = logging.getLogger(__name__)
_pending = threading.local()  # page id -> groups it had before the current transaction


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
    """Bump ``names`` once the current transaction commits (now, outside a transaction)."""
    names = set(names)
    transaction.on_commit(lambda: invalidate(names))


# --- what a page shows up on -------------------------------------------------------------------
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


def page_groups(page_id: int) -> set[str]:
    """The names a page of a registered type is shown under now (see ``register_page_groups``).

    Every registered page type answers (a page id belongs to one of them at most).
    """
    names: set[str] = set()
    for groups in registry.PAGE_GROUPS.values():
        names |= groups(page_id)
    return names


# Kept for callers written before the registry (the WordPress import): an article is the one
# registered page type; new code imports ``silkwire.news.cache.article_groups``.
article_groups = page_groups


def _remember_before(page_id: int) -> None:
    pending = getattr(_pending, "groups", None)
    if pending is None:
        pending = _pending.groups = {}
    pending.setdefault(page_id, set()).update(page_groups(page_id))


def _after_commit(page_id: int) -> None:
    def run():
        before = getattr(_pending, "groups", {}).pop(page_id, set())
        invalidate(before | page_groups(page_id))

    transaction.on_commit(run)


def _is_tracked(instance) -> bool:
    return registry.groups_model(instance) is not None


# --- receivers ---------------------------------------------------------------------------------
_WATCHED_FIELDS = {"live", "title", "slug", "path", "url_path", "first_published_at", "depth"}


def page_pre_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if sender not in registry.PAGE_GROUPS or raw or instance.pk is None:
        return
    if update_fields is not None and not (_WATCHED_FIELDS & set(update_fields)):
        return  # a draft revision: nothing public changes
    _remember_before(instance.pk)


def page_post_save(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if sender not in registry.PAGE_GROUPS or raw or created:
        return
    if update_fields is not None and not (_WATCHED_FIELDS & set(update_fields)):
        return
    _after_commit(instance.pk)


article_pre_save = page_pre_save  # the names of these receivers before the registry
article_post_save = page_post_save


def page_published_or_unpublished(sender, instance, **kwargs):
    if _is_tracked(instance):
        _after_commit(instance.pk)
    else:
        invalidate_on_commit({"global"})


def page_before_move(sender, instance, **kwargs):
    if _is_tracked(instance):
        _remember_before(instance.pk)


def page_moved(sender, instance, url_path_before=None, **kwargs):
    if _is_tracked(instance):
        _after_commit(instance.pk)
    else:
        invalidate_on_commit({"global"} | {f"path:{p}" for p in site_paths(url_path_before)})


def page_pre_delete(sender, instance, **kwargs):
    if _is_tracked(instance):
        invalidate_on_commit(page_groups(instance.pk))
    else:
        invalidate_on_commit({"global"})


def everything_changed(sender, instance=None, created=False, **kwargs):
    invalidate_on_commit({"global"})


def image_changed(sender, instance=None, created=False, **kwargs):
    if not created:  # a new image is on no page yet
        invalidate_on_commit({"global"})


def rates_published(sender, **kwargs):
    """Bump ``ticker`` (kept for old callers; ``silkwire/rates/cache.py`` registers its own)."""
    invalidate_on_commit({"ticker"})


def forget_local_ticker() -> None:
    """Run this process's callbacks watching ``ticker`` (kept for old callers)."""
    for name, callback in registry.WATCHES:
        if name == "ticker":
            callback()


def watch_ticker(cache) -> None:
    """Apply the registered watches to ``cache`` (kept for old callers)."""
    if cache is not None:
        registry.apply_watches(cache)


def connect() -> None:
    """Connect the receivers for pages, sites and images (once, from ``CoreConfig.ready``)."""
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

    uid = "silkwire-pagecache-"
    # Saves of every model, filtered to the registered page types (apps register in their
    # ready(), after this one): a dictionary lookup per save.
    pre_save.connect(page_pre_save, dispatch_uid=uid + "pre-save")
    post_save.connect(page_post_save, dispatch_uid=uid + "post-save")
    page_published.connect(page_published_or_unpublished, dispatch_uid=uid + "published")
    page_unpublished.connect(page_published_or_unpublished, dispatch_uid=uid + "unpublished")
    pre_page_move.connect(page_before_move, dispatch_uid=uid + "pre-move")
    post_page_move.connect(page_moved, dispatch_uid=uid + "moved")
    # Deleting a page deletes its base row and its specific row: look at the base one only.
    pre_delete.connect(page_pre_delete, sender=Page, dispatch_uid=uid + "delete")
    for model in (Site, PageViewRestriction):
        post_save.connect(
            everything_changed, sender=model, dispatch_uid=f"{uid}save-{model.__name__}"
        )
        post_delete.connect(
            everything_changed, sender=model, dispatch_uid=f"{uid}delete-{model.__name__}"
        )
    image = get_image_model()
    post_save.connect(image_changed, sender=image, dispatch_uid=uid + "image-save")
    post_delete.connect(everything_changed, sender=image, dispatch_uid=uid + "image-delete")
