"""WSGI entry point: ``gunicorn silkwire.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "silkwire.settings")
application = get_wsgi_application()
