"""Silkwire settings: every value comes from an environment variable.

Each ``SILKWIRE_*`` variable read here is documented in ``docs/settings.md``;
``tests/core/test_docs.py`` fails when one is not. ``base`` holds the site, data, Wagtail and
feature settings; ``security`` the abuse limits, sign-in, CSP, backups and /healthz, which
extend the base's ``INSTALLED_APPS`` and ``MIDDLEWARE``.
"""

from silkwire.settings.base import *  # noqa: F403
from silkwire.settings.security import *  # noqa: F403
