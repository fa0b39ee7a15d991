"""Fragments: parts of a page kept in Django's cache, keyed by the versions they depend on.

A page-cache miss (a new page, an entry pushed out by the memory bound, or every page after
a rates publication bumps ``ticker``) renders the whole page again. Most of that work does
not depend on what changed: the article's own markup changes only with the article, its
related block only when some article is published or withdrawn. A fragment is stored under
a key made of its name, its own key parts and the *current versions* of its dependencies
in the page cache's version table (:mod:`silkwire.core.pagecache.versions`). Invalidating a
dependency bumps its version, so the next render computes a new key and renders the
fragment again, in every process; nothing is deleted and nothing is ever served stale.

The versions are read *before* the fragment renders: a bump during the render leaves the
result under the old key, which no later render asks for.

A fragment also remembers what its render declared to the page cache
(:func:`silkwire.core.pagecache.declare`) and declares it again when it is reused, so a page
built from fragments depends on exactly what it would have depended on without them.

Fragments are used only when the page cache is on (they share its version table and its
invalidation) and never for previews, which render unsaved content under a live page's id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from django import template
from django.core.cache import cache as django_cache

from silkwire.core.pagecache.cache import RENDER_DEPS, get_cache
from silkwire.core.pagecache.versions import slot_of

# What every fragment depends on besides its own names: a full clear, and non-article
# changes that can show anywhere (images, authors, topics, tags, sites, restrictions).
FRAGMENT_ALWAYS = ("global",)
TIMEOUT = 24 * 3600  # an upper bound only: a key is never valid for longer than its versions


def fragment_key(cache, name: str, parts: Iterable, deps: Iterable[str]) -> str:
    """The Django cache key of a fragment under the current versions of ``deps``."""
    versions = cache.versions
    versions.refresh()
    names = sorted(set(deps) | set(FRAGMENT_ALWAYS))
    stamp = ",".join(f"{n}={versions.read(slot_of(n, versions.slots))}" for n in names)
    raw = f"{versions.nonce.hex()}|{name}|{'|'.join(map(str, parts))}|{stamp}"
    return "silkwire:fragment:" + hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def cached(
    name: str,
    parts: Iterable,
    deps: Iterable[str],
    compute: Callable[[], object],
    *,
    request=None,
):
    """Return ``compute()``, reused while none of ``deps`` (nor ``global``) has been bumped.

    ``parts`` distinguish fragments of one name (an article id, the host); ``compute`` must
    return something picklable. Without a page cache, or for a preview, it just computes.
    """
    cache = get_cache()
    if cache is None or getattr(request, "is_preview", False):
        return compute()
    key = fragment_key(cache, name, parts, deps)
    stored = django_cache.get(key)
    if stored is not None:
        declared, value = stored
        collector = RENDER_DEPS.get()
        if collector is not None:
            collector.update(declared)
        return value
    outer = RENDER_DEPS.get()
    inner: set[str] = set()
    token = RENDER_DEPS.set(inner)
    try:
        value = compute()
    finally:
        RENDER_DEPS.reset(token)
    if outer is not None:
        outer.update(inner)
    django_cache.set(key, (frozenset(inner), value), TIMEOUT)
    return value


# --- the template tag ------------------------------------------------------------------------
register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name: str, parts, deps):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts
        self.deps = deps

    def render(self, context):
        request = context.get("request")
        parts = [p.resolve(context) for p in self.parts]
        if request is not None:
            parts.append(request.get_host())
        deps = []
        for dep in self.deps:
            value = dep.resolve(context)
            deps.extend(value if isinstance(value, list | tuple | set) else [value])
        if not all(isinstance(d, str) and d for d in deps):
            raise template.TemplateSyntaxError(
                f"{{% fragment {self.name!r} %}}: bad dependency {deps!r}"
            )
        return cached(
            self.name,
            parts,
            deps,
            lambda: self.nodelist.render(context),
            request=request,
        )


@register.tag("fragment")
def do_fragment(parser, token):
    """``{% fragment "name" part… depends "dep" … %}…{% endfragment %}``

    Caches the enclosed markup per ``name``, key parts and request host, until one of the
    dependency names (or ``global``) is bumped. Example::

        {% fragment "article-main" page.pk depends page.cache_name %}…{% endfragment %}

    A dependency that resolves to a list adds each of its names.
    """
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    name = bits[0].strip("\"'")
    if "depends" in bits:
        at = bits.index("depends")
        parts, deps = bits[1:at], bits[at + 1 :]
    else:
        parts, deps = bits[1:], []
    if not deps:
        raise template.TemplateSyntaxError("{% fragment %} needs 'depends' and at least one name")
    return FragmentNode(
        nodelist,
        name,
        [parser.compile_filter(p) for p in parts],
        [parser.compile_filter(d) for d in deps],
    )


# --- the request's Wagtail site -----------------------------------------------------------------
def cached_site_middleware(get_response):
    """Find the request's Wagtail ``Site`` from a fragment instead of a query per request.

    Wagtail looks the site up on every request (``Site.find_for_request``), then reuses
    ``request._wagtail_site``; this sets that attribute first. A change to any site or to
    a non-article page bumps ``global``, so the next request looks it up again.
    """
    from wagtail.models import Site

    def middleware(request):
        if not hasattr(request, "_wagtail_site"):
            key = [request._get_raw_host(), request.get_port()]
            request._wagtail_site = cached("wagtail-site", key, [], lambda: find(request))
        return get_response(request)

    def find(request):
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific  # what routing asks for next
        return site

    return middleware
