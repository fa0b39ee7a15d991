"""Settings for the ``silkwire serve`` process tests: the real ones, plus a slow view.

Static files are stored without the manifest so the test home collects in seconds;
what is measured (when a collect runs) does not depend on the storage.
"""

from silkwire.settings import *  # noqa: F403

ROOT_URLCONF = "tests.core.serve_urls"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
