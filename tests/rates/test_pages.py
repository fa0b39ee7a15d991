"""Rates pages, CSV, converter and JSON API: rendered and read back."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta
from decimal import Decimal

import pytest

from silkwire.rates.charts import line_chart
from silkwire.rates.converter import ConversionError, convert, parse_amount
from silkwire.rates.providers.base import KIND_CROSS, KIND_OFFICIAL, KIND_PEG, Quote
from silkwire.rates.storage import store_quotes

pytestmark = pytest.mark.django_db
DAY = date(2026, 5, 24)


def q(source, currency, day, units, kind=KIND_OFFICIAL):
    return Quote(source, currency, day, Decimal(units), kind, "test", 6)


@pytest.fixture
def rates(db, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: DAY)
    quotes = []
    for back in range(40):
        day = DAY - timedelta(days=back)
        quotes.append(q("nbkr", "KGS", day, str(Decimal("87.45") + Decimal(back) / 100)))
    quotes += [
        q("nbk", "KZT", DAY, "472.31"),
        q("cbu", "UZS", DAY, "12142.10"),
        q("cbt", "TMT", DAY, "3.50", KIND_PEG),
        q("cbr", "RUB", DAY, "75.5273"),
        q("cbr", "KGS", DAY, "87.40", KIND_CROSS),
        q("cbr", "KZT", DAY, "462.87", KIND_CROSS),
    ]
    store_quotes(quotes)


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_index_shows_both_directions_source_and_checks(client, rates):
    response = client.get("/rates/")
    assert response.status_code == 200
    body = text(response)
    assert "KGS Kyrgyz som 0.01144 87.45" in body
    assert "NBKR" in body and "24 May 2026" in body
    assert "✓ CBR -0.06%" in body  # 87.40 / 87.45 − 1
    assert "⚠ differs by -2.00% from CBR" in body  # KZT 462.87 / 472.31 − 1
    assert "TJS" in body and "No official rate stored yet." in body
    # The ticker is in the header of the page.
    assert 'class="rates-ticker"' in response.content.decode()


@pytest.mark.parametrize("query", ["?date=x", "?date=2026-13-40", "?date=", "?page=-1"])
def test_index_garbage_parameters(client, rates, query):
    assert client.get("/rates/" + query).status_code == 200


def test_currency_page_chart_table_csv(client, rates):
    response = client.get("/rates/kgs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<svg") == 1 and "<polyline" in html and 'role="img"' in html
    assert html.count("<tr>") == 32  # header + 31 days (30-day range, ends included)
    assert client.get("/rates/kgs/?range=all").content.decode().count("<tr>") == 41
    assert client.get("/rates/kgs/?range=bogus").status_code == 200
    assert client.get("/rates/KGS/").status_code == 301
    assert client.get("/rates/eur/").status_code == 404
    download = client.get("/rates/kgs/csv/?range=all")
    assert download["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(download.content.decode())))
    assert len(rows) == 40
    assert rows[-1]["rate_date"] == "2026-05-24" and rows[-1]["units_per_usd"] == "87.45"
    assert rows[0]["units_per_usd"] == "87.84"


def test_converter_without_javascript(client, rates):
    response = client.get("/rates/convert/", {"amount": "100", "from": "USD", "to": "KGS"})
    assert response.status_code == 200
    assert "100.00 USD = 8,745.00 KGS" in text(response)
    assert "<script" not in response.content.decode().split("<main", 1)[1]
    cross = client.get("/rates/convert/", {"amount": "1000", "from": "KZT", "to": "KGS"})
    # 1000 KZT → USD at 472.31 → KGS at 87.45 = 185.15…
    assert "1,000.00 KZT = 185.15 KGS" in text(cross)
    for params in (
        {"amount": "abc"},
        {"amount": "1", "from": "EUR"},
        {"amount": "-5"},
        {"amount": "1", "date": "yesterday"},
        {"amount": "1", "to": "TJS"},
    ):
        assert client.get("/rates/convert/", params).status_code == 400


def test_convert_arithmetic_is_decimal(rates):
    result = convert(parse_amount("1 000,50"), "UZS", "TMT", DAY)
    assert type(result.result) is Decimal
    expected = Decimal("1000.50") * Decimal("3.50") / Decimal("12142.10")
    assert round(result.result, 20) == round(expected, 20)
    with pytest.raises(ConversionError):
        parse_amount("1e400")


def test_api_latest_and_history(client, rates):
    latest = client.get("/api/v1/rates/latest").json()
    assert latest["as_of"] == "2026-05-24"
    kgs = latest["rates"][0]
    assert set(kgs) >= {
        "pair",
        "currency",
        "value",
        "units_per_usd",
        "change_pct",
        "rate_date",
        "source",
        "stale",
        "cross_check",
    }
    assert (kgs["pair"], kgs["units_per_usd"], kgs["change_pct"]) == ("KGS/USD", "87.45", "0.01")
    assert kgs["cross_check"]["source"] == "cbr"
    assert [r["currency"] for r in latest["rates"]] == ["KGS", "KZT", "UZS", "TMT", "RUB"]
    series = client.get("/api/v1/rates/kgs?from=2026-05-20&to=2026-05-24").json()
    assert [o["rate_date"] for o in series["observations"]] == [
        f"2026-05-{d}" for d in range(20, 25)
    ]
    assert series["observations"][-1]["units_per_usd"] == "87.45"
    assert client.get("/api/v1/rates/kgs?from=yesterday").status_code == 400
    assert client.get("/api/v1/rates/kgs?from=2026-05-24&to=2026-05-01").status_code == 400
    assert client.get("/api/v1/rates/eur").status_code == 404
    assert client.get("/api/v1/rates/latest?date=x").status_code == 400


def test_chart_svg_is_pure_decimal():
    svg = line_chart(
        [(date(2026, 5, 1), Decimal("87.45")), (date(2026, 5, 2), Decimal("87.50"))],
        title="KGS per 1 US dollar",
        description="2 values",
    )
    assert svg.startswith("<svg") and "<title" in svg
    assert 'points="64.00,228.00 704.00,16.00"' in svg
    assert line_chart([(date(2026, 5, 1), Decimal("1"))], title="t", description="d") == ""


def test_public_pages_carry_the_ticker_at_no_query_cost(client, home, rates):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = client.get("/")
    assert first.status_code == 200
    assert first.content.decode().count('class="rates-ticker"') == 1
    with CaptureQueriesContext(connection) as warm:
        client.get("/")
    queries = [q["sql"] for q in warm.captured_queries]
    assert not [sql for sql in queries if "rates_" in sql]  # the ticker came from the cache


@pytest.mark.django_db
def test_api_history_with_a_tiny_to_date_is_not_a_server_error(client):
    response = client.get("/api/v1/rates/KGS", {"to": "0001-01-05"})
    assert response.status_code == 200
    assert response.json()["observations"] == []
