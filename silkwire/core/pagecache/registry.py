"""Registration points: how an app tells the page cache what its pages show.

The page cache is the mechanism (store, versions, declare, invalidate, fragments, purge); it
knows no feature app. Each app registers, from its ``AppConfig.ready()``, like Django's
``admin.site.register`` or a Wagtail hook (``silkwire/news/cache.py``, ``silkwire/rates/cache.py``):

* :func:`register_dependency_source` — what a Wagtail page depends on while it renders;
* :func:`register_page_groups` — the names a page type is shown under, bumped before and
  after each change of such a page (other pages bump ``global``);
* :func:`register_invalidation` — a handler for a signal or for a model's saves and deletes;
* :func:`register_purge_urls` — the site-relative URLs behind dependency names, for a front cache;
* :func:`register_watch` — a callback run in every process when a name is bumped.

Registering the same function twice keeps one copy (``ready()`` may run again in tests).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.dispatch import Signal

# page, serve_kwargs -> names (or None: "not mine"); the union of all answers is declared.
DependencySource = Callable[[object, dict], Iterable[str] | None]
DEPENDENCY_SOURCES: list[DependencySource] = []
# page model -> page_id -> the names the page is shown under now (read from the database).
PAGE_GROUPS: dict[type, Callable[[int], set[str]]] = {}
# names -> site-relative paths ("/topics/economy/") a front cache must purge.
PURGE_URL_SOURCES: list[Callable[[set[str]], Iterable[str]]] = []
# (name, callback): run in each process when ``name`` was bumped by any process.
WATCHES: list[tuple[str, Callable[[], object]]] = []


def _add(items: list, item) -> None:
    if item not in items:
        items.append(item)


def register_dependency_source(func: DependencySource) -> DependencySource:
    """Add ``func(page, serve_kwargs)``: the names a page depends on, or ``None`` if not its page.

    A page nobody answers for depends on ``page:<id>`` (page edits bump ``global``).
    """
    _add(DEPENDENCY_SOURCES, func)
    return func


def register_page_groups(model: type, groups: Callable[[int], set[str]]) -> None:
    """Invalidate changes to pages of ``model`` precisely: ``groups(page_id)`` before and after.

    ``groups`` reads the database and returns every name and ``path:`` a page of ``model``
    is shown under (an empty set for a page that no longer exists). Saves, publications,
    moves and deletions of such pages bump the names they had before the change and the
    names they have after it, instead of ``global``.
    """
    PAGE_GROUPS[model] = groups  # silkwire.core.pagecache.invalidation's receivers read it


def register_invalidation(
    target,
    handler: Callable[..., object],
    *,
    signals: Iterable[Signal] | None = None,
) -> None:
    """Connect ``handler`` to ``target``: a :class:`~django.dispatch.Signal`, or a model class.

    For a model, ``handler`` receives its ``signals`` (saves and deletes by default), with
    Django's usual arguments. A handler bumps names with
    :func:`silkwire.core.pagecache.invalidation.invalidate_on_commit`.
    """
    uid = f"silkwire-pagecache-{handler.__module__}.{handler.__qualname__}"
    if isinstance(target, Signal):
        target.connect(handler, dispatch_uid=uid)
        return
    if signals is None:
        from django.db.models.signals import post_delete, post_save

        signals = (post_save, post_delete)
    for signal in signals:
        signal.connect(
            handler, sender=target, dispatch_uid=f"{uid}-{id(signal)}-{target._meta.label}"
        )


def register_purge_urls(func: Callable[[set[str]], Iterable[str]]) -> None:
    """Add ``func(names)``: the site-relative paths a front cache purges when ``names`` are bumped."""
    _add(PURGE_URL_SOURCES, func)


def register_watch(name: str, callback: Callable[[], object]) -> None:
    """Run ``callback()`` in every process, once ``name`` was bumped (by this or another process).

    For what a process keeps outside the page cache (Django's per-process ``locmem`` cache)
    that must not outlive a bump. The page cache applies it before its next render.
    """
    _add(WATCHES, (name, callback))


def apply_watches(cache, done: set) -> None:
    """Watch the registered names on ``cache``; ``done`` holds the watches already applied."""
    for name, callback in WATCHES:
        if (name, callback) not in done:
            cache.watch(name, callback)
            done.add((name, callback))


# --- what the mechanism asks -------------------------------------------------------------------
def page_dependencies(page, serve_kwargs) -> set[str]:
    """The names ``page`` depends on, from every registered source."""
    names: set[str] | None = None
    for source in DEPENDENCY_SOURCES:
        found = source(page, serve_kwargs)
        if found is not None:
            names = (names or set()) | set(found)
    return names if names is not None else {f"page:{page.pk}"}


def groups_model(instance) -> type | None:
    """The registered page model ``instance`` (a page, specific or not) belongs to, if any."""
    for model in PAGE_GROUPS:
        if isinstance(instance, model) or getattr(instance, "specific_class", None) is model:
            return model
    return None


def purge_paths(names: set[str]) -> set[str]:
    """The site-relative paths behind ``names``: ``path:`` names and every registered source."""
    paths = {name.partition(":")[2] for name in names if name.startswith("path:")}
    for source in PURGE_URL_SOURCES:
        paths.update(source(names))
    return paths
