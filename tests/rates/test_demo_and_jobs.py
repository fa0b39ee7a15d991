"""`silkwire demo` rates and the scheduled refresh."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import httpx
import pytest

from silkwire.rates.demo import load_demo_rates, load_history
from silkwire.rates.models import FetchLog, RateObservation
from silkwire.rates.readings import rate_row, ticker_rows

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 25)


def test_demo_uses_the_parsers_and_is_idempotent(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)
    first = load_demo_rates()
    assert first["stored"] > 40 and first["history"] == 6 * 400
    assert FetchLog.objects.filter(trigger="demo").count() == 10
    # The recorded CBU TMT glitch went through the trust rules and was dropped.
    assert not RateObservation.objects.filter(
        source="cbu", currency="TMT", rate_date=date(2026, 4, 1)
    )
    assert RateObservation.objects.get(source="nbkr", currency="KGS").units_per_usd == Decimal(
        "87.45"
    )
    again = load_demo_rates()
    assert again == {"stored": 0, "history": 0}
    rows = ticker_rows(TODAY)
    assert [r.currency for r in rows] == ["KGS", "KZT", "TJS", "UZS", "TMT"]
    assert all(r.is_demo and r.fallback for r in rows)  # clearly labelled, never "official"
    # On the date of a real publication the real value wins.
    assert rate_row("KGS", date(2026, 5, 24)).source == "nbkr"


def test_demo_history_has_no_float_and_moves(monkeypatch):
    load_history(today=TODAY)
    values = list(
        RateObservation.objects.filter(source="demo", currency="UZS").values_list(
            "units_per_usd", flat=True
        )
    )
    assert len(set(values)) > 100
    assert all(type(v) is Decimal for v in values)
    tmt = set(
        RateObservation.objects.filter(source="demo", currency="TMT").values_list(
            "units_per_usd", flat=True
        )
    )
    assert len(tmt) == 1  # the peg does not wander, even in demo data


def test_job_is_registered_with_the_configured_interval(settings):
    from silkwire.core.jobs import all_jobs

    jobs = {job.name: job for job in all_jobs()}
    assert jobs["rates_refresh"].interval_seconds == settings.SILKWIRE_RATES_INTERVAL_MINUTES * 60


def test_refresh_without_network_keeps_last_values(monkeypatch, settings):
    from silkwire.rates import fetching, jobs
    from silkwire.rates.providers.base import Quote
    from silkwire.rates.storage import store_quotes

    store_quotes([Quote("nbkr", "KGS", TODAY, Decimal("87.45"), "official", "", 6)])

    def offline(request):
        raise httpx.ConnectError("no network")

    real = fetching.fetch_request
    monkeypatch.setattr(
        fetching,
        "fetch_request",
        lambda *a, **kw: real(*a, **{**kw, "transport": httpx.MockTransport(offline)}),
    )
    summary = jobs.refresh_rates()
    assert summary["nbkr"] == "error (network), error (network)"
    assert summary["cbt"].endswith("stored (peg)")
    assert rate_row("KGS", TODAY).units_per_usd == Decimal("87.45")
