"""The read counter's endpoint: requested by the article page, never cached, sets nothing."""

from __future__ import annotations

import base64

from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from silkwire.core.clientip import client_ip
from silkwire.core.pagecache.cache import requested_method
from silkwire.stats.counter import admit, count_view, is_reader

# A transparent 1×1 GIF, for embedding the counter as an image (e-mail, AMP, other sites).
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
BODIES = {"css": (b"", "text/css"), "gif": (PIXEL, "image/gif")}


@require_safe
def hit(request, page_id: int, ext: str):
    """Count one read of ``page_id`` and answer with an empty stylesheet or a pixel."""
    from silkwire.news.models import ArticlePage

    user_agent = request.headers.get("User-Agent", "")
    if (
        requested_method(request) == "GET"  # HEAD: a link checker, not a reader
        and is_reader(user_agent, request.headers)
        and ArticlePage.objects.live().filter(pk=page_id).exists()
        and admit(client_ip(request), user_agent, int(page_id))
    ):
        count_view(page_id)
    body, content_type = BODIES[ext]
    response = HttpResponse(body, content_type=content_type)
    add_never_cache_headers(response)  # every read must reach the counter, past any cache
    response["X-Robots-Tag"] = "noindex"
    return response
