"""WSGI entry point: ``granian --interface wsgi silkwire.wsgi:application`` (``silkwire serve``).

Django is wrapped by the page cache (silkwire.core.pagecache): a cached public page is
answered before Django handles the request. ``SILKWIRE_PAGECACHE=0`` turns it off.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "silkwire.settings")
django_application = get_wsgi_application()

from silkwire.core.pagecache.wsgi import PageCacheMiddleware  # noqa: E402  (needs settings)

application = PageCacheMiddleware(django_application)
