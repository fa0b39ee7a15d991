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
