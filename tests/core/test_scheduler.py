"""The scheduler's due check, without ``force``: a job runs once per interval, in one process.

The job is registered the way an app registers its jobs (a ``JOBS`` list in its ``jobs``
module) and counts its runs; when it last started is set in ``JobState`` directly.
"""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

import silkwire.core.jobs
from silkwire.core.jobs import Job
from silkwire.core.models import JobState
from silkwire.core.scheduler import run_due_jobs

NAME = "test.count"
INTERVAL = 3600


@pytest.fixture
def counted(monkeypatch):
    """Register a job that counts its runs; return the list of runs."""
    runs: list[int] = []
    lock = threading.Lock()

    def count():
        with lock:
            runs.append(1)

    job = Job(NAME, INTERVAL, count, "counts its runs")
    monkeypatch.setattr(silkwire.core.jobs, "JOBS", [job], raising=False)
    return runs


def started(ago: timedelta) -> None:
    JobState.objects.update_or_create(name=NAME, defaults={"last_started": timezone.now() - ago})


@pytest.mark.django_db
def test_a_job_never_run_is_due_and_runs_once(counted):
    assert run_due_jobs(only={NAME}) == {NAME: True}
    assert run_due_jobs(only={NAME}) == {}  # just started: not due again
    assert len(counted) == 1
    state = JobState.objects.get(name=NAME)
    assert state.runs == 1 and state.last_ok


@pytest.mark.django_db
def test_a_job_within_its_interval_is_not_run(counted):
    started(timedelta(seconds=INTERVAL - 30))
    assert run_due_jobs(only={NAME}) == {}
    assert counted == []
    assert JobState.objects.get(name=NAME).runs == 0


@pytest.mark.django_db
def test_a_job_past_its_interval_runs_once(counted):
    started(timedelta(seconds=INTERVAL + 1))
    assert run_due_jobs(only={NAME}) == {NAME: True}
    assert run_due_jobs(only={NAME}) == {}
    assert len(counted) == 1
    last = JobState.objects.get(name=NAME).last_started
    assert timezone.now() - last < timedelta(seconds=60)  # the claim moved it to now


@pytest.mark.django_db
def test_force_runs_a_job_that_is_not_due(counted):
    started(timedelta(seconds=1))
    assert run_due_jobs(only={NAME}, force=True) == {NAME: True}
    assert len(counted) == 1


@pytest.mark.django_db(transaction=True)
def test_two_schedulers_run_a_due_job_once(counted):
    """Two schedulers (threads, each with its own connection) tick at once: one run."""
    started(timedelta(seconds=INTERVAL + 1))
    barrier = threading.Barrier(2)
    results: list[dict] = []
    errors: list[BaseException] = []

    def tick():
        try:
            barrier.wait(timeout=30)
            results.append(run_due_jobs(only={NAME}))
        except BaseException as exc:  # noqa: BLE001 - the assertion below shows it
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=tick) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert sorted(results, key=len) == [{}, {NAME: True}]
    assert len(counted) == 1
    assert JobState.objects.get(name=NAME).runs == 1


@pytest.mark.django_db(transaction=True)
def test_the_scheduler_thread_runs_a_due_job_once_and_survives_a_failing_tick(monkeypatch):
    """`silkwire serve`'s thread: a tick that raises is logged, the next ones still run jobs."""
    import time

    import silkwire.core.scheduler as scheduler

    runs: list[int] = []
    ticks = {"n": 0}

    def jobs_with_a_broken_first_tick():
        ticks["n"] += 1
        if ticks["n"] == 1:
            raise RuntimeError("a broken tick")
        return [Job(NAME, INTERVAL, lambda: runs.append(1), "counts its runs")]

    monkeypatch.setattr(scheduler, "all_jobs", jobs_with_a_broken_first_tick)
    thread = scheduler.SchedulerThread(tick_seconds=0.05)
    thread.start()
    deadline = time.monotonic() + 30
    while (not runs or ticks["n"] < 4) and time.monotonic() < deadline:
        time.sleep(0.05)
    thread.stop()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert ticks["n"] >= 4  # it went on ticking after the failure
    assert runs == [1]  # and ran the job once: later ticks found it not due


def test_stopping_the_scheduler_thread_does_not_wait_for_the_tick(monkeypatch):
    import time

    import silkwire.core.scheduler as scheduler

    monkeypatch.setattr(scheduler, "run_due_jobs", lambda **kw: {})
    monkeypatch.setattr(scheduler, "close_old_connections", lambda: None)
    thread = scheduler.SchedulerThread(tick_seconds=600)
    assert thread.daemon and thread.name == "silkwire-scheduler"
    thread.start()
    time.sleep(0.1)
    started = time.monotonic()
    thread.stop()
    thread.join(timeout=5)
    assert not thread.is_alive() and time.monotonic() - started < 5
