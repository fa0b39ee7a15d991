"""Two ``rates fetch --file`` runs at once: the per-day constraint never kills the loser.

Each run is a thread with its own database connection. A ``pre_save`` receiver holds the
first insert of each run at a barrier, so on PostgreSQL both runs have checked "nothing
stored yet" before either inserts: the check-then-insert race, every time.
SQLite takes the write lock when the storing transaction begins (``BEGIN IMMEDIATE``), so
there the second run waits for the first and the barrier times out; both must still succeed.
"""

from __future__ import annotations

import json
import re
import threading
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models.signals import pre_save

from silkwire.rates.models import FetchLog, RateObservation

FIXTURE = (
    Path(__file__).resolve().parents[1] / "fixtures" / "rates" / "nbkr_daily_Date_24.05.2026.xml"
)


def _run_both(files: list[Path]) -> tuple[list[dict], bool]:
    """Run ``rates fetch --file`` for each file at once; return their reports, and whether they met."""
    race = connection.vendor != "sqlite"
    barrier = threading.Barrier(len(files))
    waited = threading.local()
    met: list[bool] = []

    def hold_first_insert(sender, instance, **kwargs):
        if not instance._state.adding or getattr(waited, "done", False):
            return
        waited.done = True
        try:
            barrier.wait(timeout=30 if race else 1)
            met.append(True)
        except threading.BrokenBarrierError:
            met.append(False)

    reports: list[dict | None] = [None] * len(files)
    errors: list[BaseException] = []

    def run(index: int, path: Path) -> None:
        out = StringIO()
        try:
            call_command(
                "rates", "fetch", "--file", str(path), "--source", "nbkr", "--json", stdout=out
            )
            reports[index] = json.loads(out.getvalue())[0]
        except BaseException as exc:  # noqa: BLE001 - the assertion below shows it
            errors.append(exc)
        finally:
            connection.close()

    pre_save.connect(hold_first_insert, sender=RateObservation, weak=False)
    try:
        threads = [threading.Thread(target=run, args=(i, f)) for i, f in enumerate(files)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        pre_save.disconnect(hold_first_insert, sender=RateObservation)
    assert not errors, f"a concurrent run died: {errors[0]!r}"
    return reports, all(met) and len(met) == len(files)


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_runs_of_one_payload_store_it_once():
    reports, met = _run_both([FIXTURE, FIXTURE])
    # On PostgreSQL both runs passed the check before inserting: the race really happened.
    assert met == (connection.vendor != "sqlite")
    outcomes = sorted((r["outcome"], r["stored"]) for r in reports)
    assert outcomes == [("stored", 3), ("unchanged", 0)]
    assert RateObservation.objects.filter(source="nbkr").count() == 3
    assert FetchLog.objects.filter(outcome="unchanged").get().notes == ""


@pytest.mark.django_db(transaction=True)
def test_a_concurrent_run_with_another_value_is_reported_as_a_revision(tmp_path):
    revised = tmp_path / "nbkr_revised.xml"
    revised.write_bytes(FIXTURE.read_bytes().replace(b"87,4500", b"87,5000"))
    reports, met = _run_both([FIXTURE, revised])
    assert met == (connection.vendor != "sqlite")
    assert [r["outcome"] for r in reports] == ["stored", "stored"]
    # Whichever run stored second revised the first one's values, and said so.
    second = FetchLog.objects.filter(notes__contains="revised").get()
    first, last = re.search(r"KGS 2026-05-24: revised from (\S+) to (\S+)", second.notes).groups()
    assert {first, last} == {"87.45", "87.5"}
    kgs = RateObservation.objects.get(source="nbkr", currency="KGS")
    assert f"{kgs.units_per_usd.normalize():f}" == last
