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


def all_jobs() -> list[Job]:
    """Return every app's jobs, in app order."""
    found: list[Job] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("silkwire."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.jobs")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.jobs":
                raise
            continue
        found.extend(getattr(module, "JOBS", ()))  # silkwire.core.jobs is this registry
    return found
