"""The ``silkwire`` command: this project's ``manage.py``."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a Django management command with Silkwire's settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "silkwire.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv if argv is None else argv)
    argv[0] = "silkwire"
    execute_from_command_line(argv)
