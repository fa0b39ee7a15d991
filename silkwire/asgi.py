"""ASGI entry point: ``granian --interface asgi silkwire.asgi:application``."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "silkwire.settings")
application = get_asgi_application()
