"""ASGI entry point: ``granian --interface asgi silkwire.asgi:application``.

Django is wrapped by the page cache (silkwire.core.pagecache), as in ``silkwire/wsgi.py``.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "silkwire.settings")
django_application = get_asgi_application()

from silkwire.core.pagecache.asgi import PageCacheASGI  # noqa: E402  (needs settings)

application = PageCacheASGI(django_application)
