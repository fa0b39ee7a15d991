"""Run admin-started WordPress imports: in a thread of the web process, or in a worker.

The admin view creates an :class:`ImportRun` and calls :func:`start`. With
``SILKWIRE_IMPORT_WORKER=thread`` (the embedded default) a daemon thread of the web
process runs it at once. With ``SILKWIRE_IMPORT_WORKER=queue`` the run stays queued
and a worker picks it up: ``silkwire runjobs`` (the ``ingest-queued-imports`` job in
``silkwire/ingest/jobs.py``, every minute), ``silkwire ingest wordpress --run-queued``
or ``silkwire ingest wordpress --run ID``. Claiming is one conditional UPDATE, so
several processes never run the same import twice.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

from silkwire.ingest.models import ImportRun

logger = logging.getLogger(__name__)
STALE_AFTER = timedelta(minutes=15)  # a running import whose heartbeat stopped: its process died


def _claim(run_id: int, from_status: str, to_status: str) -> bool:
    now = timezone.now()
    return bool(
        ImportRun.objects.filter(pk=run_id, status=from_status).update(
            status=to_status, started_at=now, heartbeat_at=now, error=""
        )
    )


def execute(run: ImportRun, parallel: bool | None = None) -> ImportRun:
    """Run the dry run or the import of a claimed ``run``; store the report.

    ``parallel=False`` inside the web process: a spawned helper would re-import the web
    server's main module; workers (``--run``, ``runjobs``) may use it.
    """
    from silkwire.ingest.wordpress.importer import CategoryMapError, ImportOptions, import_wordpress
    from silkwire.ingest.wordpress.parse import WXRError
    from silkwire.ingest.wordpress.safety import ImportLocked

    dry_run = run.status == ImportRun.Status.ANALYSING
    options = run.options or {}
    category_map = options.get("category_map")
    map_path = None
    if category_map:
        map_path = Path(run.source.path).with_suffix(".category-map.json")
        map_path.write_text(category_map, encoding="utf-8")
    opts = ImportOptions(
        dry_run=dry_run,
        pages=bool(options.get("pages")),
        category_map=map_path,
        user=run.created_by,
        max_bytes=getattr(settings, "SILKWIRE_WXR_MAX_BYTES", None),
        parallel=parallel,
    )

    def progress(done: int, total: int) -> None:
        ImportRun.objects.filter(pk=run.pk).update(
            progress_done=done, progress_total=total, heartbeat_at=timezone.now()
        )

    try:
        report = import_wordpress([run.source.path], opts, progress).as_dict()
    except ImportLocked as exc:  # another import of the site runs: stay queued, retried later
        ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.QUEUED, error=str(exc))
    except (WXRError, CategoryMapError) as exc:
        ImportRun.objects.filter(pk=run.pk).update(
            status=ImportRun.Status.FAILED, error=str(exc), finished_at=timezone.now()
        )
    except Exception as exc:  # the admin must see why, not a run stuck in "running"
        logger.exception("WordPress import run %s crashed", run.pk)
        ImportRun.objects.filter(pk=run.pk).update(
            status=ImportRun.Status.FAILED,
            error=f"{type(exc).__name__}: {exc}",
            finished_at=timezone.now(),
        )
    else:
        if dry_run:
            ImportRun.objects.filter(pk=run.pk).update(
                status=ImportRun.Status.ANALYSED,
                dry_run_report=report,
                finished_at=timezone.now(),
            )
        else:
            ImportRun.objects.filter(pk=run.pk).update(
                status=ImportRun.Status.DONE, report=report, finished_at=timezone.now()
            )
    finally:
        if map_path is not None:
            map_path.unlink(missing_ok=True)
    run.refresh_from_db()
    return run


def run_import(run_id: int, parallel: bool | None = None) -> ImportRun:
    """Claim and run one waiting import (its dry run or the import itself)."""
    run = ImportRun.objects.get(pk=run_id)
    if run.status == ImportRun.Status.PENDING_ANALYSIS and _claim(
        run_id, ImportRun.Status.PENDING_ANALYSIS, ImportRun.Status.ANALYSING
    ):
        return execute(ImportRun.objects.get(pk=run_id), parallel)
    if run.status == ImportRun.Status.QUEUED and _claim(
        run_id, ImportRun.Status.QUEUED, ImportRun.Status.RUNNING
    ):
        return execute(ImportRun.objects.get(pk=run_id), parallel)
    return run


def run_queued_imports(parallel: bool | None = None) -> int:
    """Run every waiting import; re-queue the ones whose process died. Return how many ran."""
    stale = timezone.now() - STALE_AFTER
    ImportRun.objects.filter(status=ImportRun.Status.RUNNING, heartbeat_at__lt=stale).update(
        status=ImportRun.Status.QUEUED
    )
    ImportRun.objects.filter(status=ImportRun.Status.ANALYSING, heartbeat_at__lt=stale).update(
        status=ImportRun.Status.PENDING_ANALYSIS
    )
    count = 0
    waiting = [ImportRun.Status.PENDING_ANALYSIS, ImportRun.Status.QUEUED]
    for run_id in (
        ImportRun.objects.filter(status__in=waiting).order_by("pk").values_list("pk", flat=True)
    ):
        run_import(run_id, parallel)
        count += 1
    return count


def _thread_main(run_id: int) -> None:
    close_old_connections()
    try:
        run_import(run_id, parallel=False)
    finally:
        connection.close()


def start(run: ImportRun) -> None:
    """Start ``run`` now in a thread, or leave it queued for a worker (see the module doc)."""
    if getattr(settings, "SILKWIRE_IMPORT_WORKER", "thread") != "thread":
        return
    thread = threading.Thread(
        target=_thread_main, args=(run.pk,), name=f"wordpress-import-{run.pk}", daemon=True
    )
    thread.start()
