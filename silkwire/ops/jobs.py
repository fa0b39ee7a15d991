"""The daily backup job: only when ``SILKWIRE_BACKUP_DIR`` is set (docs/operations.md)."""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings

from silkwire.core.jobs import Job

log = logging.getLogger("silkwire.ops")
DAY = 24 * 60 * 60


def scheduled_backup() -> str:
    """Write today's archive to SILKWIRE_BACKUP_DIR and keep the newest SILKWIRE_BACKUP_KEEP."""
    from silkwire.ops.backup import create_backup, rotate

    directory = getattr(settings, "SILKWIRE_BACKUP_DIR", None)
    if not directory:
        return "off (SILKWIRE_BACKUP_DIR is not set)"
    directory = Path(directory)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    result = create_backup(directory)
    removed = rotate(directory, int(getattr(settings, "SILKWIRE_BACKUP_KEEP", 7)))
    log.info("backup: wrote %s, removed %d old archive(s)", result.path.name, len(removed))
    return f"{result.path.name}; removed {len(removed)}"


def jobs() -> list[Job]:
    if not getattr(settings, "SILKWIRE_BACKUP_DIR", None):
        return []
    return [
        Job(
            "backup",
            DAY,
            scheduled_backup,
            "Write a backup archive to SILKWIRE_BACKUP_DIR and keep the newest SILKWIRE_BACKUP_KEEP",
        )
    ]


JOBS = jobs()
