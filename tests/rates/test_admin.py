"""Admin: observations and fetch log are read-only; an override is audited and shown as such."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from wagtail.models import ModelLogEntry

from silkwire.rates.models import FetchLog, Outcome, RateObservation, RateOverride
from silkwire.rates.providers.base import Quote
from silkwire.rates.readings import rate_row
from silkwire.rates.storage import store_quotes

pytestmark = pytest.mark.django_db
DAY = date(2026, 5, 24)


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def observation(db):
    FetchLog.objects.create(source="nbkr", outcome=Outcome.STORED, url="https://x")
    store_quotes([Quote("nbkr", "KGS", DAY, Decimal("87.45"), "official", "USD 87,4500", 6)])
    return RateObservation.objects.get()


def test_observations_and_log_are_read_only(admin_client, observation):
    store_quotes([Quote("cbr", "KGS", DAY, Decimal("86.00"), "cross", "", 6)])
    listing = admin_client.get("/admin/rate_observations/")
    assert listing.status_code == 200
    assert "87.45" in listing.content.decode()
    assert "⚠ cbr -1.66%" in listing.content.decode()  # 86.00 / 87.45 − 1, flagged
    assert admin_client.get("/admin/rate_fetch_log/").status_code == 200
    inspect = admin_client.get(f"/admin/rate_observations/inspect/{observation.pk}/")
    assert inspect.status_code == 200
    for url in (
        "/admin/rate_observations/add/",
        f"/admin/rate_observations/edit/{observation.pk}/",
        f"/admin/rate_observations/delete/{observation.pk}/",
        "/admin/rate_fetch_log/add/",
    ):
        assert admin_client.get(url).status_code in (302, 403, 404), url
    assert admin_client.post(f"/admin/rate_observations/delete/{observation.pk}/").status_code in (
        302,
        403,
        404,
    )
    assert RateObservation.objects.filter(pk=observation.pk).exists()


def test_editor_override_is_audited_and_shown(admin_client, observation):
    response = admin_client.post(
        "/admin/snippets/rates/rateoverride/add/",
        {
            "currency": "KGS",
            "rate_date": "2026-05-24",
            "units_per_usd": "87.50",
            "reason": "NBKR corrected its publication by phone",
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    override = RateOverride.objects.get()
    assert override.created_by == admin_client.user
    assert ModelLogEntry.objects.filter(
        action="wagtail.create", object_id=str(override.pk)
    ).exists()
    row = rate_row("KGS", DAY)
    assert (row.source, row.units_per_usd) == ("override", Decimal("87.50"))
    assert row.override_reason == "NBKR corrected its publication by phone"


def test_override_needs_a_reason(admin_client, observation):
    response = admin_client.post(
        "/admin/snippets/rates/rateoverride/add/",
        {"currency": "KGS", "rate_date": "2026-05-24", "units_per_usd": "87.50", "reason": " "},
    )
    assert response.status_code == 200
    assert not RateOverride.objects.exists()
