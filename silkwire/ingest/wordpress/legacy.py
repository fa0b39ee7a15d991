"""Old WordPress query URLs (``/?p=123``, ``/?page_id=7``) → the imported page.

Wagtail's redirect middleware only steps in on a 404, and ``/`` is the home page,
so ``/?p=ID`` would never reach it; the ``before_serve_page`` hook in
``silkwire/ingest/wagtail_hooks.py`` calls :func:`legacy_query_redirect` instead.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponsePermanentRedirect
from wagtail.contrib.redirects.models import Redirect

WORDPRESS_QUERY_KEYS = ("p", "page_id", "attachment_id")


def legacy_query_redirect(request: HttpRequest) -> HttpResponsePermanentRedirect | None:
    """Return a redirect for a WordPress ``?p=ID`` URL that the import recorded, else None."""
    key = next((k for k in WORDPRESS_QUERY_KEYS if k in request.GET), None)
    if key is None or not request.GET[key].isdigit():
        return None
    old_path = Redirect.normalise_path(f"{request.path}?{key}={request.GET[key]}")
    redirect = (
        Redirect.objects.filter(old_path=old_path, site__isnull=True)
        .select_related("redirect_page")
        .first()
    )
    if redirect is None or not redirect.link:
        return None
    return HttpResponsePermanentRedirect(redirect.link)
