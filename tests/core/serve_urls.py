"""The site's URLs plus ``/_util/slow/``: a response that stays in flight for a while.

The first line is sent at once, so a test knows the request is being served; the rest
follows after ``s`` seconds.
"""

import time

from django.http import StreamingHttpResponse
from django.urls import path

from silkwire.urls import urlpatterns as site_urlpatterns


def slow(request):
    seconds = float(request.GET.get("s", "3"))

    def body():
        yield b"started\n"
        time.sleep(seconds)
        yield b"slow done\n"

    return StreamingHttpResponse(body(), content_type="text/plain")


urlpatterns = [path("_util/slow/", slow), *site_urlpatterns]
