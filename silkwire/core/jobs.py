"""Scheduled jobs: what ``silkwire serve`` runs in-process and cron runs in a scale-out setup.

Each app that has periodic work defines ``silkwire/<app>/jobs.py`` with a list
``JOBS`` of :class:`Job`. ``silkwire runjobs`` runs the due ones once (for cron);
``silkwire serve`` runs the scheduler loop in a background thread.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps


@dataclass(frozen=True)
class Job:
    name: str
    interval_seconds: int
    func: Callable[[], object]
    description: str = ""


def app_modules(submodule: str) -> list:
    """Import ``silkwire.<app>.<submodule>`` of every installed Silkwire app that has one, in app order.

    How core finds per-app parts (``jobs``, ``demo``) without naming the apps.
    """
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("silkwire."):
            continue
        name = f"{config.name}.{submodule}"
        try:
            found.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return found


def all_jobs() -> list[Job]:
    """Return every app's jobs, in app order."""
    found: list[Job] = []
    for module in app_modules("jobs"):
        found.extend(getattr(module, "JOBS", ()))  # silkwire.core.jobs is this registry
    return found
