"""Settings for the test suite: the real settings, in local mode, with cheap hashing and static files."""

import os
import tempfile

os.environ.setdefault("SILKWIRE_ENV", "local")
# A fresh home per run, so concurrent runs never share a test database file.
os.environ.setdefault("SILKWIRE_HOME", tempfile.mkdtemp(prefix="silkwire-test-"))

from silkwire.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = SILKWIRE_HOME / "media"  # noqa: F405
