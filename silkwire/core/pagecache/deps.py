"""What each page shows, declared while it renders (Wagtail's ``before_serve_page`` hook).

The names come from the apps' dependency sources
(:func:`~silkwire.core.pagecache.registry.register_dependency_source`; the news pages'
table is in ``silkwire/news/cache.py``) and match what their invalidations bump. A page no
source answers for depends on ``page:<id>`` (page edits bump ``global``); a non-page view
that declares nothing depends on ``articles`` (feeds, sitemaps, search: the default).

Every entry also depends on ``global``, ``ticker`` and ``path:<its path>``.
"""

from __future__ import annotations

from django.db.models import CharField, Value

from silkwire.core.pagecache.cache import RENDER_DEPS
from silkwire.core.pagecache.registry import page_dependencies


def declare_page_deps(page, request, serve_args, serve_kwargs):
    collector = RENDER_DEPS.get()
    if collector is not None:
        collector.update(page_deps(page, serve_kwargs))


def page_deps(page, serve_kwargs) -> set[str]:
    """The names ``page`` depends on (every registered source, or ``page:<id>``)."""
    return page_dependencies(page, serve_kwargs)


def tagged(qs, kind: str, field: str):
    """``(kind, id)`` rows of ``qs``, unordered, for a UNION of several link tables."""
    return (
        qs.order_by()
        .annotate(kind=Value(kind, output_field=CharField()))
        .values_list("kind", field)
    )
