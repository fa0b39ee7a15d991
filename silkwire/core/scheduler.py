"""Run scheduled jobs: once (``silkwire runjobs``, for cron) or in a loop (``silkwire serve``)."""

from __future__ import annotations

import logging
import threading
import traceback
from datetime import timedelta

from django.db import close_old_connections, transaction
from django.db.models import F
from django.utils import timezone

from silkwire.core.jobs import Job, all_jobs
from silkwire.core.models import JobState

log = logging.getLogger("silkwire.scheduler")


def claim(job: Job, *, force: bool = False) -> bool:
    """Mark ``job`` as started if it is due; return False when another process has it or it is not due."""
    now = timezone.now()
    with transaction.atomic():
        state, _ = JobState.objects.get_or_create(name=job.name)
        due = state.last_started is None or now - state.last_started >= timedelta(
            seconds=job.interval_seconds
        )
        if not (due or force):
            return False
        # Optimistic claim: only one process wins when several schedulers race.
        won = JobState.objects.filter(pk=job.name, last_started=state.last_started).update(
            last_started=now
        )
        return bool(won)


def run_job(job: Job) -> bool:
    """Run one job now and record the outcome; never raise."""
    ok, error = True, ""
    try:
        job.func()
    except Exception:  # a failing job must not stop the others
        ok, error = False, traceback.format_exc()
        log.exception("job %s failed", job.name)
    JobState.objects.filter(pk=job.name).update(
        last_finished=timezone.now(),
        last_ok=ok,
        last_error=error[-4000:],
        runs=F("runs") + 1,
    )
    return ok


def run_due_jobs(*, only: set[str] | None = None, force: bool = False) -> dict[str, bool]:
    """Run every due job once; return {name: ok} for the jobs that ran."""
    ran: dict[str, bool] = {}
    for job in all_jobs():
        if only and job.name not in only:
            continue
        if claim(job, force=force):
            ran[job.name] = run_job(job)
    return ran


class SchedulerThread(threading.Thread):
    """The in-process scheduler of ``silkwire serve``: checks for due jobs every few seconds."""

    def __init__(self, tick_seconds: float = 5.0):
        super().__init__(name="silkwire-scheduler", daemon=True)
        self.tick_seconds = tick_seconds
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            try:
                close_old_connections()
                run_due_jobs()
            except Exception:
                log.exception("scheduler tick failed")
            finally:
                close_old_connections()
            self.stopping.wait(self.tick_seconds)

    def stop(self) -> None:
        self.stopping.set()
