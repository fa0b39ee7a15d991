"""The ticker fragment: format, order, accessibility, staleness, caching."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from silkwire.rates import formatting
from silkwire.rates.providers.base import KIND_CROSS, KIND_OFFICIAL, KIND_PEG, Quote
from silkwire.rates.storage import store_quotes
from silkwire.rates.ticker import cache_key, cached_ticker, render_ticker

pytestmark = pytest.mark.django_db

TODAY = date(2026, 5, 24)
CSS = Path(__file__).resolve().parents[2] / "silkwire" / "rates" / "static" / "rates" / "ticker.css"


def q(source, currency, day, units, kind=KIND_OFFICIAL):
    return Quote(source, currency, day, Decimal(units), kind, "test", 6)


@pytest.fixture
def five(db):
    yesterday = TODAY - timedelta(days=1)
    store_quotes(
        [
            q("nbkr", "KGS", yesterday, "87.45"),
            q("nbkr", "KGS", TODAY, "87.45"),
            q("nbk", "KZT", yesterday, "475.09"),
            q("nbk", "KZT", TODAY, "472.31"),
            q("nbt", "TJS", yesterday, "9.3371"),
            q("nbt", "TJS", TODAY, "9.3450"),
            q("cbu", "UZS", yesterday, "12194.21"),
            q("cbu", "UZS", TODAY, "12142.10"),
            q("cbt", "TMT", yesterday, "3.50", KIND_PEG),
            q("cbt", "TMT", TODAY, "3.50", KIND_PEG),
        ]
    )


def visible(html: str) -> str:
    """The ticker without its aria-hidden copy."""
    return re.sub(r'<ul[^>]*aria-hidden="true".*?</ul>', "", html, flags=re.DOTALL)


def test_format_order_and_labels(five):
    html = render_ticker(TODAY)
    text = re.sub(r"<[^>]+>", "", visible(html))
    text = re.sub(r"\s+", " ", text)
    pairs = re.findall(r"([A-Z]{3})/USD = ([0-9.]+)", text)
    assert pairs == [
        ("KGS", "0.01144"),
        ("KZT", "0.002117"),
        ("TJS", "0.1070"),
        ("UZS", "0.00008236"),
        ("TMT", "0.2857"),
    ]
    assert "KGS/USD = 0.01144 0%" in text
    assert "KZT/USD = 0.002117 ▲ +0.59%" in text  # 475.09 / 472.31 − 1
    assert "TJS/USD = 0.1070 ▼ −0.08%" in text
    assert "UZS/USD = 0.00008236 ▲ +0.43%" in text
    assert 'title="1 USD = 87.45 KGS · NBKR · 24 May 2026"' in html
    assert 'href="/rates/kgs/"' in html
    assert 'aria-label="KGS/USD 0.01144, unchanged. 1 USD = 87.45 KGS · NBKR · 24 May 2026"' in html
    # Direction is in the text (sign and arrow), not in colour alone.
    assert "rates-ticker__change--up" in html and "▲" in html


def test_each_pair_is_in_the_html_once_outside_aria_hidden(five):
    html = render_ticker(TODAY)
    for pair in ("KGS/USD", "KZT/USD", "TJS/USD", "UZS/USD", "TMT/USD"):
        assert visible(html).count(f'rates-ticker__pair">{pair}<') == 1
        assert html.count(f'rates-ticker__pair">{pair}<') == 2  # + the aria-hidden copy
    copy = re.search(r'<ul[^>]*aria-hidden="true".*?</ul>', html, flags=re.DOTALL).group(0)
    assert copy.count('tabindex="-1"') == 5


def test_reduced_motion_stops_the_scroll_and_a_pause_control_exists(five):
    html = render_ticker(TODAY)
    assert '<input type="checkbox" id="rates-ticker-pause"' in html
    assert '<label for="rates-ticker-pause"' in html
    css = CSS.read_text()
    assert ".rates-ticker__pause:checked ~ .rates-ticker__viewport .rates-ticker__track" in css
    block = css[css.index("@media (prefers-reduced-motion: reduce)") :]
    assert "animation: none" in block
    assert ".rates-ticker__track--copy { display: none; }" in block


def test_uzs_shows_the_day_move():
    assert formatting.significant(Decimal(1) / Decimal("12194.21")) == "0.00008201"
    assert formatting.significant(Decimal(1) / Decimal("12142.10")) == "0.00008236"
    assert formatting.significant(Decimal(1) / Decimal("3.5")) == "0.2857"
    assert formatting.significant(Decimal("1234.5678")) == "1235"
    assert formatting.units(Decimal("12194.21")) == "12,194.21"
    assert formatting.units(Decimal("3.5")) == "3.500"
    assert formatting.change(None)[0] == "—"


def test_stale_and_missing_currency(db):
    store_quotes([q("nbkr", "KGS", TODAY - timedelta(days=4), "87.45")])
    html = render_ticker(TODAY)
    assert "KGS/USD" in html and "stale" in html
    assert "UZS/USD" not in html  # missing currency: left out, never a zero
    assert "0.0000" not in html


def test_no_data_no_ticker(db):
    assert render_ticker(TODAY) == ""
    assert Template("{% load rates_tags %}{% rates_ticker %}").render(Context()) == ""


def test_fallback_is_named(db):
    store_quotes([q("cbr", "UZS", TODAY, "12020.48", KIND_CROSS)])
    html = render_ticker(TODAY)
    assert "UZS/USD" in html
    assert "CBR (fallback)" in html


def test_one_cache_read_and_no_queries_per_view(five, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)
    template = Template("{% load rates_tags %}{% rates_ticker %}")
    first = template.render(Context())  # renders and caches
    reads = []
    original = cache.get
    monkeypatch.setattr(cache, "get", lambda *a, **k: reads.append(a) or original(*a, **k))
    with CaptureQueriesContext(connection) as queries:
        again = template.render(Context())
    assert again == first and "KGS/USD" in again
    assert len(queries) == 0
    assert reads == [(cache_key(TODAY),)]


def test_new_observation_invalidates(five, monkeypatch, django_capture_on_commit_callbacks):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)
    assert "KGS/USD" in cached_ticker()
    assert cache.get(cache_key(TODAY)) is not None
    with django_capture_on_commit_callbacks(execute=True):
        store_quotes([q("nbkr", "KGS", TODAY + timedelta(days=1), "87.50")])
    assert cache.get(cache_key(TODAY)) is None


def test_peg_is_labelled_as_such(five):
    html = render_ticker(TODAY)
    assert 'title="1 USD = 3.500 TMT · CBT (official peg) · 24 May 2026"' in html


def test_show_json_matches_the_documented_shape(five, capsys):
    import json

    from django.core.management import call_command

    store_quotes([q("cbr", "KGS", TODAY, "87.40", KIND_CROSS)])
    call_command("rates", "show", "--date", "2026-05-24", "--json")
    rows = json.loads(capsys.readouterr().out)
    assert [r["currency"] for r in rows] == ["KGS", "KZT", "TJS", "UZS", "TMT"]
    kgs = rows[0]
    assert kgs["pair"] == "KGS/USD" and kgs["units_per_usd"] == "87.45"
    assert Decimal(kgs["value"]) == round(Decimal(1) / Decimal("87.45"), 12)
    assert kgs["change_pct"] == "0.00" and kgs["rate_date"] == "2026-05-24"
    assert (kgs["source"], kgs["stale"]) == ("nbkr", False)
    assert kgs["cross_check"]["source"] == "cbr"
    assert kgs["cross_check"]["deviation_pct"] == "-0.06"  # 87.40 / 87.45 − 1
    assert rows[1]["cross_check"] is None
    assert rows[1]["change_pct"] == "0.59"
    call_command("rates", "show", "--date", "2026-05-29", "--json")
    assert all(r["stale"] for r in json.loads(capsys.readouterr().out))
